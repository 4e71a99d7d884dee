"""Every rule the quotation finder uses, in one place: marks, reporting verbs, cues, limits.

French verbs are listed by infinitive; their inflected forms are generated here so that the
finder works with or without a lemmatizer in the pipeline.
"""

from __future__ import annotations

from unidecode import unidecode

# Quotation marks: opener -> the closers that end it (the second group tolerates the typing
# slips seen in real articles: « closed by a second « or by a straight or English mark).
MARKS = {
    "«": "»«”\"",
    "“": "”“\"",
    "„": "“”\"",
    '"': '"”',
    "‘": "’",
}
OPENERS = set(MARKS)
CLOSERS = {"»", "”", '"', "’", "“", "«"}
ALL_MARKS = OPENERS | CLOSERS

MAX_QUOTE_CHARS = 4000  # a longer "quote" is an unbalanced mark, not a quotation
MAX_QUOTE_PARAGRAPHS = 8  # a quote runs over at most this many paragraphs
SHORT_FRAGMENT_WORDS = 4  # below this, a quoted fragment needs to sit inside a reported clause
ABSORB_RATIO = 0.8  # a clause sharing this much with a quote it does not hold is the same words
LONG_FRAGMENT_WORDS = 6  # a quoted fragment this long is someone's words even without a cue
FLOATING_GAP = 2  # a speakerless quote inherits the speaker of a quote at most this many paragraphs back

# French reporting verbs (infinitives). Opinion verbs (estimer, juger) are reporting verbs in news.
FR_VERBS = """
déclarer affirmer indiquer ajouter estimer souligner expliquer lancer annoncer assurer préciser
confier dénoncer marteler ironiser rappeler insister abonder raconter résumer détailler
commenter confirmer observer noter relever remarquer constater témoigner avouer admettre
reconnaître répondre répliquer rétorquer réagir dire écrire prévenir avertir promettre
soutenir maintenir nier démentir contester critiquer déplorer regretter fustiger accuser
plaider réclamer exiger demander interroger s'interroger poursuivre conclure concéder
juger considérer penser croire espérer craindre redouter souhaiter insister prédire
tweeter signaler mentionner argumenter arguer objecter protester clamer
proclamer s'exclamer s'étonner s'inquiéter se féliciter se réjouir saluer martelé
revendiquer garantir jurer annoncer communiquer informer asséner énumérer enchaîner
renchérir glisser lâcher tonner s'emporter railler avancer pronostiquer analyser nuancer
relater rapporter confesser réfuter s'indigner plaisanter soupirer certifier compléter
approuver exhorter recommander conseiller suggérer proposer pointer évaluer chiffrer
anticiper trancher s'alarmer alerter résumer préconiser interpeller
répéter reprendre résumer déclamer
""".split()

# Irregular forms the generator below does not produce.
FR_IRREGULAR = {
    "dire": "dit dite dits dites dis disait disaient disant dira diront dirait diraient disent dise".split(),
    "écrire": "écrit écrite écrits écrites écris écrivait écrivaient écrivant écrira écrirait écrivent".split(),
    "reconnaître": "reconnu reconnue reconnus reconnaît reconnait reconnaissait reconnaissent reconnaissant reconnaîtra reconnut".split(),
    "répondre": "répondu répond répondait répondaient répondant répondra répondent répondit".split(),
    "admettre": "admis admise admet admettait admettent admettant admettra admit".split(),
    "promettre": "promis promise promet promettait promettent promettant promettra promit".split(),
    "soutenir": "soutenu soutient soutenait soutiennent soutenant soutiendra soutint".split(),
    "maintenir": "maintenu maintient maintenait maintiennent maintenant maintiendra".split(),
    "prévenir": "prévenu prévient prévenait préviennent prévenant préviendra".split(),
    "avertir": "averti avertit avertissait avertissent avertissant avertira".split(),
    "réagir": "réagi réagit réagissait réagissent réagissant réagira".split(),
    "démentir": "démenti dément démentait démentent démentant démentira".split(),
    "conclure": "conclu conclut concluait concluent concluant conclura".split(),
    "poursuivre": "poursuivi poursuit poursuivait poursuivent poursuivant poursuivra".split(),
    "croire": "cru croit croyait croient croyant croira".split(),
    "craindre": "craint craignait craignent craignant craindra".split(),
    "prédire": "prédit prédisait prédisent prédisant prédira".split(),
    "prévoir": "prévu prévoit prévoyait prévoient prévoyant prévoira".split(),
    "asséner": "assène assènent".split(),
    "répliquer": [],
}

# A few verbs change their stem before mute endings (rappelle, répète, considère, suggère).
FR_STEM_CHANGES = {
    "rappeler": "rappell", "considérer": "considèr", "espérer": "espèr", "suggérer": "suggèr",
    "marteler": "martèl", "révéler": "révèl", "s'inquiéter": "inquièt", "jeter": "jett",
    "relever": "relèv", "protéger": "protèg", "interpeller": "interpell",
}

EN_VERBS = """
say tell add state explain claim argue note write announce warn insist report confirm
acknowledge admit respond reply suggest think believe predict recall caution contend declare
emphasize emphasise stress tweet testify indicate maintain joke quip conclude concede complain
recount remark observe vow promise allege assert mention reveal urge deny disclose inform
assure reiterate lament muse exclaim shout sigh counter retort blog post agree point
estimate describe continue ask wonder question charge criticize criticise announce
advise assert recommend propose acknowledge concur explain tell caution declare predict
""".split()

# Nouns that make "selon X" / "according to X" an attribution even without a proper name.
SOURCE_NOUNS = """
agence agences source sources média médias journal presse responsable responsables expert experts
autorités autorité ministère ministre porte-parole gouvernement officiel officiels analyste
analystes police parquet communiqué témoin témoins diplomate diplomates spécialiste spécialistes
observateur observateurs chercheur chercheurs président présidente état-major armée
agency agencies official officials spokesman spokeswoman spokesperson report statement police
expert experts analyst analysts sources witnesses witness authorities ministry minister
government researchers study survey data poll company office department
""".split()

DEFINITE = {"le", "la", "l'", "l’", "les", "ce", "cet", "cette", "ces", "the", "this", "these"}
DEFINITE_SINGULAR = {"le", "la", "l'", "l’", "the", "ce", "cet", "cette", "this"}

# Object pronouns after "selon", "pour": "selon elle", "pour lui"
PERSONAL_OBJECTS = {"elle", "lui", "eux", "elles", "him", "her", "them"}
# Subjects that point back to the latest person named: "ce dernier", "the latter"
ANAPHORIC = {"dernier", "dernière", "latter", "celui-ci", "celle-ci"}
# ... and for several people: "ces derniers ont accusé": no one speaker to name
PLURAL_ANAPHORIC = {"derniers", "dernières", "ceux-ci", "celles-ci"}

# Role nouns (stems as `quotes._stem` gives them) naming a person, or an organisation
PERSON_ROLES = set("""
president ministr procureur porte-parol avocat directeur directric dirigeant chef secretair
mair jug pdg patron patronn responsabl ancien senateur deput champion coureur entraineur
joueur pap cardinal evequ magistrat commissair ambassadeur conseiller elu candidat trader
medecin professeur chercheur expert economist analyst syndicalist militant fondateur pape
reine roi princ princess duc evequ pretr imam rabbin cure capitain colonel general
fondatric numero presidente ministre dernier
policier gendarm femm homm pere mere fils fill enfant proch entourag temoin habitant victim
voisin otag ex-otag chercheus manifestant salari employ officier soldat militair pompier
secourist survivant famill parent collegu ami amie banquier
resident owner artist rookie veteran mother father wife husband son daughter student teacher
doctor nurse officer worker manager author writer researcher scientist professor economist
analyst executive president official
minister prosecutor spokesman spokeswoman spokesperson lawyer director chief secretary mayor
judge ceo chairman chairwoman founder coach player senator premier
""".split())
# Roles held towards someone else (a lawyer, a prosecutor, a spokesman speak about or for another):
# when the article never ties them to a name, they are not its most-named person
RELATIONAL_ROLES = set("""
avocat porte-parol parol procureur magistrat jug enqueteur conseiller proch entourag medecin
temoin policier gendarm expert sourc voisin ami amie famill
lawyer attorney prosecutor judge spokesman spokeswoman spokesperson adviser advisor aide investigator
source neighbor neighbour friend relative witness
""".split())
ORG_ROLES = set("""
banqu group entrepris societ etablissement federation association syndicat parti
gouvernement ministere agenc journal quotidien institut organisation organism compagni
firm constructeur operateur assureur club equip commission conseil tribunal cour parquet
prefectur mairi polic gendarmeri armee
company firm bank group government ministry agency department association union party
organization organisation board council court
""".split())

# Written sources whose author is the speaker: "un communiqué de la préfecture", "a release from X"
DOCUMENTS = set("""
communiqu lettr courrier rapport releas statement report memo letter post tweet messag
""".split())


def noun_stem(word: str) -> str:
    """Crude agreement folding, the form the noun lists here hold: nord-coréenne ~ nord-coréen,
    dirigeants ~ dirigeant."""
    w = unidecode(word.lower())
    for suffix in ("nes", "nne", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: len(w) - len(suffix)] + ("n" if suffix in ("nes", "nne") else "")
    return w


SPEAKER_NOUNS = PERSON_ROLES | ORG_ROLES | DOCUMENTS | {w.rstrip("s").rstrip("e") for w in SOURCE_NOUNS} | {"etat"}

# Nouns of time that an inverted-subject rule must not take for a speaker ("a affirmé une nouvelle fois")
TIME_NOUNS = set("""
fois jour semain moi anne an matin soir midi nuit lundi mardi mercredi jeudi vendredi samedi
dimanch heur minut veill lendemain time day week month year morning evening night
""".split())

# Pronouns that only stand for a person (French "il"/"elle" may stand for a company too)
PERSON_PRONOUNS = {"he", "she", "-t-il", "-t-elle"}

MASCULINE_SUBJECTS = {"he", "his", "him", "-il", "-t-il"}
FEMININE_SUBJECTS = {"she", "her", "-elle", "-t-elle"}
FEMININE_TITLES = {"mme", "madame", "mlle", "mademoiselle", "mrs", "mrs.", "ms", "ms.", "miss"}
MASCULINE_TITLES = {"m.", "monsieur", "mr", "mr.", "sir"}

QUESTION_WORDS = {"whether", "if", "what", "how", "why", "who", "when", "where", "which",
                  "si", "s'", "comment", "pourquoi", "quand", "où", "combien", "quel", "quelle"}

# Words opening an attribution: "selon X", "d'après X", "pour X,", "according to X"
ATTRIBUTION_WORDS = {"selon", "d'", "d’", "pour", "according"}

# Subjects that do not name a speaker (the writer, or a speaker inside the quote).
FIRST_PERSON = {"je", "j'", "j’", "nous", "on", "i", "we", "you", "vous", "tu"}
PRONOUNS = {"il", "elle", "ils", "elles", "-il", "-elle", "-ils", "-elles", "he", "she", "they",
            "celui-ci", "celle-ci", "ce dernier", "cette dernière", "-t-il", "-t-elle", "-t"}
FEMININE_PRONOUNS = {"elle", "-elle", "-t-elle", "she", "elles", "-elles", "cette dernière", "celle-ci"}

TITLES = {"m.", "mme", "mlle", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "pr", "me",
          "monsieur", "madame", "sir", "président", "gen.", "sen.", "rep.", "gov."}

_ER_ENDINGS = ("e es ent ons ez ais ait aient ions iez a as at âmes âtes èrent erai eras era "
               "erons erez eront erais erait erions eriez eraient é ée és ées er ant").split()


def _forms_fr(infinitive: str) -> set[str]:
    """Inflected forms of a French -er verb (and the hand-listed ones of the others)."""
    verb = infinitive.split("'")[-1].split(" ")[-1]  # s'inquiéter -> inquiéter
    forms = {verb, *FR_IRREGULAR.get(verb, ())}
    if verb.endswith("er") and verb not in FR_IRREGULAR:
        stem = verb[:-2]
        for ending in _ER_ENDINGS:
            s = stem
            if ending[:1] in ("a", "â", "o"):
                if s.endswith("c"):
                    s = s[:-1] + "ç"
                elif s.endswith("g"):
                    s += "e"
            forms.add(s + ending)
        changed = FR_STEM_CHANGES.get(infinitive) or FR_STEM_CHANGES.get(verb)
        if changed:
            forms.update(changed + e for e in ("e", "es", "ent", "era", "erait", "eront", "eraient"))
    elif verb.endswith("ir") and verb not in FR_IRREGULAR:
        stem = verb[:-2]
        forms.update(stem + e for e in ("i", "ie", "is", "it", "issait", "issent", "issant", "ira"))
    return forms


def _build_fr() -> dict[str, str]:
    table: dict[str, str] = {}
    for inf in FR_VERBS:
        base = inf.split("'")[-1]
        for form in _forms_fr(inf):
            table.setdefault(form, base)
    return table


FR_FORMS = _build_fr()

EN_IRREGULAR = {
    "say": "said", "tell": "told", "write": "wrote written", "think": "thought",
    "find": "found", "hold": "held", "speak": "spoke spoken", "feel": "felt",
}
EN_DOUBLED = {"admit", "quip", "regret", "commit", "refer", "prefer", "blog", "plan"}


def _forms_en(verb: str) -> set[str]:
    forms = {verb, *EN_IRREGULAR.get(verb, "").split()}
    stem = verb + verb[-1] if verb in EN_DOUBLED else verb
    if verb.endswith("e"):
        forms.update({verb + "s", verb + "d", verb[:-1] + "ing"})
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        forms.update({verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"})
    else:
        forms.update({verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s"), stem + "ed", stem + "ing"})
    return forms


EN_FORMS = {form: verb for verb in EN_VERBS for form in _forms_en(verb)}
EN_LEMMAS = set(EN_VERBS)
# Participles that are reporting verbs only when an auxiliary precedes them (the tagger often
# calls them adjectives): "a lancé", "a estimé".
FR_ALWAYS_VERB = {"dit", "déclaré", "affirmé", "ajouté", "indiqué", "expliqué", "souligné", "précisé",
                  "estimé", "lancé", "annoncé", "assuré", "confié", "répondu", "écrit", "martelé",
                  "insisté", "abondé", "rappelé", "reconnu", "ironisé", "dénoncé", "réagi", "averti",
                  "prévenu", "tonné", "glissé", "lâché", "renchéri", "poursuivi", "conclu"}


def reporting_lemma(token) -> str | None:
    """The reporting verb `token` is an inflection of, or None (French or English)."""
    lang = token.doc.lang_
    low = token.text.lower()
    if lang == "en":
        lemma = EN_FORMS.get(low) or (token.lemma_.lower() if token.lemma_.lower() in EN_LEMMAS else None)
        if lemma and token.pos_ in ("VERB", "AUX") and token.tag_ != "MD":
            return lemma
        return None
    if low == "dire" and token.doc.text[max(0, token.idx - 2):token.idx].lower() == "à-":
        return None  # "c'est-à-dire" explains, it reports no one
    lemma = FR_FORMS.get(low)
    if lemma is None and token.lemma_:
        lem = token.lemma_.lower()
        lemma = lem if FR_FORMS.get(lem) == lem else None
    if lemma is None:
        return None
    if token.pos_ == "VERB" or low in FR_ALWAYS_VERB:
        return lemma
    if token.pos_ in ("ADJ", "NOUN", "AUX") and token.i > 0 and token.nbor(-1).pos_ == "AUX":
        return lemma
    return None
