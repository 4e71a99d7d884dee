"""Named entities of one article and their mention chains.

`find_entities(article, doc)` takes spaCy's named entities, repairs them with the rules of
this module (all gathered in the RULES section below), then groups the mentions of one
article into entities: "Vladimir Poutine" ... "M. Poutine" ... "Poutine" ... "le président
russe" are one entity; "Sergueï Lavrov" and "Sergueï Choïgou" are two, because people are
told apart by surname, never by given name. Roles stated next to a name ("le porte-parole du
Kremlin, Dmitri Peskov", "Sergueï Choïgou, ministre de la Défense", "l'agence officielle
KCNA") are attached to the entity, with the apposition that states them as support.

The repairs: news agencies and outlets are organisations and a dispatch's dateline a place;
names the model cut short are extended ("Kim Jong" + "Un"); titles ("M.") and roles
("général") leave the name, particles stay in it ("de Gaulle", "von der Leyen"); rubric
words, editorial marks, days, months, initials and capitalised common words are no names;
people of a place ("les Suédois") are MISC, not places. After chaining, a surname the model
missed is recovered from the full name, and a role stated once next to a name is recognised
when used alone later ("le ministre russe de la Défense a ajouté").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.tokens import Doc, Token
from unidecode import unidecode

from recoupe.analyze.dates import alternation
from recoupe.analyze.timex_rules_fr import WEEKDAYS
from recoupe.model import Article, Entity, Mention, Role

__all__ = ["find_entities", "name_key", "OUTLETS", "ROLE_HEADS", "TITLES"]

# == RULES ===================================================================================

# spaCy labels (French and English models) -> ours; labels absent here are not names
LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
          "MISC": "MISC", "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC",
          "WORK_OF_ART": "MISC", "LAW": "MISC"}

# News agencies and outlets: always an organisation (case-sensitive)
OUTLETS = [
    "AFP", "Agence France-Presse", "Reuters", "Associated Press", "AP", "Bloomberg", "TASS",
    "Tass", "ITAR-TASS", "RIA Novosti", "RIA", "Interfax", "Sputnik", "RT", "Xinhua", "KCNA",
    "Yonhap", "Kyodo", "Jiji", "NHK", "ANSA", "EFE", "DPA", "Belga", "ATS", "Anadolu", "IRNA",
    "Al Jazeera", "Al-Jazeera", "CNN", "BBC", "Le Monde", "Le Figaro", "Libération",
    "Le Parisien", "Les Echos", "L'Express", "Le Point", "L'Obs", "Ouest-France", "La Croix",
    "L'Humanité", "Le Temps", "Le Soir", "La Presse", "Le Devoir", "Mediapart", "20 Minutes",
    "franceinfo", "France Info", "France 24", "France Inter", "RFI", "TF1", "BFMTV", "LCI",
    "New York Times", "Washington Post", "Wall Street Journal", "Financial Times",
    "The Guardian", "Guardian", "Politico", "Axios", "NBC", "CBS", "ABC News", "Fox News",
    "Der Spiegel", "Spiegel", "El País", "Corriere della Sera", "Izvestia", "Kommersant",
    "Rodong Sinmun", "Global Times", "South China Morning Post", "Nikkei",
]
_OUTLET_RE = re.compile(r"(?<![\w-])(?:" + alternation(OUTLETS) + r")(?![\w-])")

# A dispatch's dateline at the start of a paragraph: "PARIS (AFP) -", "BOGOTA, Colombie (Reuters)"
_DATELINE_RE = re.compile(r"(?m)^([A-ZÀ-Þ][A-ZÀ-Þ'-]{2,}(?: [A-ZÀ-Þ][A-ZÀ-Þ'-]+){0,3})"
                          r"(?:, [A-ZÀ-Þ][\w' -]{1,30})? \(")

# Last words that make a name a company's: "Valorhône Chimie", "Northrop Grumman Corp"
COMPANY_WORDS = {"SA", "SAS", "SARL", "SE", "Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.", "Co.",
                 "LLC", "PLC", "plc", "AG", "GmbH", "NV", "BV", "Group", "Groupe", "Holding",
                 "Industries", "Chimie", "Chemicals", "Technologies", "Airlines", "Motors",
                 "Pharma", "Bank", "Banque", "Assurances", "Énergie", "Energy", "Partners"}

# Titles before a name: "M. Poutine", "Mme Merkel"
TITLES = {"m.", "mm.", "mme", "mmes", "mlle", "mlles", "dr", "dr.", "pr", "pr.", "me", "mgr",
          "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame", "lord"}

# Lower-case particles inside names: "de Gaulle", "Le Pen", "van der Leyen", "bin Salman"
PARTICLES = {"de", "du", "des", "d'", "le", "la", "van", "von", "der", "den", "ter", "ten", "zu",
             "di", "da", "dos", "das", "del", "della", "ben", "bin", "ibn", "al", "el", "abu", "y"}

# Capitalised words a tagger takes for pronouns or articles that end Korean names: "Kim Jong Un"
NAME_ENDINGS = {"un", "il", "in", "eun"}

WEEKDAYS_FR = set(WEEKDAYS)

# Never a name on its own: rubric words, editorial marks, days and months
JUNK = WEEKDAYS_FR | {
    "lire", "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "ndlr", "ndlt", "selon",
    "photo", "photos", "vidéo", "video", "crédit", "crédits", "source", "sources", "copyright",
    "exclusif", "direct", "en direct", "infographie", "édito", "éditorial", "tribune", "mise à jour",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "april", "june", "july", "august", "october", "november", "december",
    "read more", "related", "update", "updated", "etat", "état", "etats", "états",
}

# Nouns that head a role or function ("le porte-parole du Kremlin", "X, ministre de la Défense")
ROLE_HEADS = {
    # French
    "président", "présidente", "vice-président", "vice-présidente", "premier ministre",
    "ministre", "ministres", "porte-parole", "chef", "cheffe", "dirigeant", "dirigeante",
    "dirigeants", "leader", "dictateur", "homologue", "secrétaire", "directeur", "directrice",
    "ambassadeur", "ambassadrice", "émissaire", "envoyé", "envoyée", "représentant",
    "représentante", "conseiller", "conseillère", "général", "générale", "amiral", "maréchal",
    "colonel", "commandant", "chancelier", "chancelière", "roi", "reine", "prince", "princesse",
    "empereur", "impératrice", "duc", "duchesse", "comte", "comtesse", "baron", "baronne",
    "marquis", "marquise", "lord", "majesté", "altesse", "consul", "sultan", "émir", "cheikh", "pape", "cardinal", "patriarche", "maire", "gouverneur", "gouverneure", "préfet",
    "préfète", "député", "députée", "sénateur", "sénatrice", "élu", "élue", "juge", "procureur",
    "procureure", "avocat", "avocate", "patron", "patronne", "fondateur", "fondatrice", "pdg",
    "responsable", "coordinateur", "coordinatrice", "analyste", "expert", "experte", "chercheur",
    "chercheuse", "spécialiste", "professeur", "professeure", "journaliste", "correspondant",
    "correspondante", "diplomate", "opposant", "opposante", "militant", "militante", "candidat",
    "candidate", "astronaute", "cosmonaute", "transfuge", "sœur", "soeur", "frère", "fille",
    "fils", "épouse", "femme", "mari", "numéro", "vice-ministre", "sous-secrétaire", "docteur",
    "médecin", "ingénieur", "architecte", "économiste", "historien", "historienne", "sociologue",
    "politologue", "président-directeur", "consul", "inspecteur", "commissaire", "capitaine",
    "lieutenant", "sergent", "officier", "évêque", "abbé", "rabbin", "imam", "ayatollah",
    # English
    "president", "minister", "spokesman", "spokeswoman", "spokesperson", "leader", "chief",
    "secretary", "director", "ambassador", "envoy", "adviser", "advisor", "general", "governor",
    "mayor", "senator", "chancellor", "king", "queen", "head", "chairman", "ceo", "analyst",
    "researcher", "professor", "counterpart", "representative", "official", "commander",
    "officer", "founder", "prosecutor", "judge", "lawyer", "prefect", "delegate", "manager",
}
# Nouns that say what an organisation is ("l'agence officielle KCNA", "X, une entreprise familiale")
ORG_ROLE_HEADS = {
    "agence", "journal", "quotidien", "hebdomadaire", "magazine", "chaîne", "télévision", "radio",
    "site", "groupe", "entreprise", "société", "compagnie", "constructeur", "banque", "fabricant",
    "association", "ong", "organisation", "parti", "syndicat", "institut", "ministère", "fondation",
    "agency", "newspaper", "daily", "broadcaster", "group", "company", "firm", "bank", "party",
    "union", "ministry", "organization", "organisation", "charity", "institute", "think-tank",
}
# words that may precede a role head inside the role: "ancien ministre", "Premier ministre"
ROLE_PREMODIFIERS = {"ancien", "ancienne", "ex", "nouveau", "nouvelle", "premier", "première",
                     "actuel", "actuelle", "futur", "future", "haut", "haute", "vice", "former",
                     "deputy", "prime", "vice-", "sous", "co"}
_DETERMINERS = {"le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce",
                "cette", "the", "a", "an", "its", "his", "her", "their"}
_ROLE_ADP = {"de", "du", "des", "d'", "of", "pour", "chargé", "en"}  # inside a role: "chef de la diplomatie"
_ROLE_CLOSE = {",", ".", ";", ")", ":", "!", "?", "—", "–"}
_ROLE_STOP = {",", ".", ";", ":", ")", "(", "«", "»", '"', "“", "”", "!", "?", "—", "–"}

# People of a place, told by their ending ("Nord-Coréens", "Américaine", "Allemands"); the
# "-ais"/"-ois" ones only after a plural article, as places end so too (Calais, Valais, Blois)
_DEMONYM = re.compile(r"(?:[ié]ens?|[ié]ennes?|ains|aines?|ands|ols|oises|aises|aise|oise)$")
_DEMONYM_AIS = re.compile(r"(?:ais|ois)$")
_PLURAL_DETS = {"les", "des", "aux", "ces", "nos", "vos", "leurs", "deux", "trois", "plusieurs"}
_ROMAN = re.compile(r"[IVXLC]+")
# Inside a name, a preposition is followed by an article or a capital ("Conseil de l'Europe",
# "Cour des comptes"); followed by a quantifier it starts the sentence's own words:
# "le Conseil de sécurité | de toute vente d'armement"
_NAME_BREAK_DETS = {"toute", "tout", "tous", "toutes", "un", "une", "ce", "cet", "cette", "ces",
                    "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "notre", "nos",
                    "votre", "vos", "chaque", "aucun", "aucune", "plusieurs",
                    "certains", "certaines", "nombreux", "nombreuses"}
# Times of day and weekdays never sit inside a name: "Parti dimanche soir de Pyongyang" is a
# clause the model read as one organisation
_TIME_WORDS = WEEKDAYS_FR | {"matin", "soir", "midi", "après-midi", "nuit", "hier", "aujourd'hui",
                             "demain"}
# Nouns that name a kind of place: "la ville de Kherson", "la base spatiale historique de
# Baïkonour" (a base that is a place: its adjective says so; "la base électorale de Trump" is
# not), "the town of Avdiivka"
PLACE_NOUNS = {"ville", "village", "région", "province", "capitale", "cosmodrome", "aéroport",
               "quartier", "commune", "département", "île", "golfe", "vallée", "banlieue",
               "localité", "bourg", "district", "comté", "city", "town"}
PLACE_BASES = {"base": {"spatiale", "aérienne", "navale", "militaire", "aéronavale"},
               "port": {"militaire", "pétrolier", "commercial"}}

# ============================================================================================


def name_key(text: str) -> tuple[str, ...]:
    """A name as comparable tokens: no accents, no case, hyphens and apostrophes as spaces."""
    text = unidecode(text).lower().replace("-", " ").replace("'", "' ")
    return tuple(text.split())


@dataclass
class _Cand:
    """A mention candidate: token span [i, j) in the doc, with its label and kind."""

    i: int
    j: int
    label: str
    kind: str = "name"
    outlet: bool = False
    placed: bool = False  # a person's label turned into a place by the words before it


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _candidates(doc: Doc, text: str) -> list[_Cand]:
    """spaCy's entities and the outlet rule, repaired and without overlaps."""
    cands = [_Cand(e.start, e.end, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS]
    outlets = []
    for m in _OUTLET_RE.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and span.text == m.group():
            outlets.append(_Cand(span.start, span.end, "ORG", outlet=True))
    for m in _DATELINE_RE.finditer(text):  # "PARIS (Reuters) -": the place of a dispatch
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and span.text == m.group(1):
            outlets.append(_Cand(span.start, span.end, "LOC", outlet=True))
    if outlets:  # an outlet or dateline wins over any entity it overlaps
        taken = {t for c in outlets for t in range(c.i, c.j)}
        cands = [c for c in cands if not any(t in taken for t in range(c.i, c.j))] + outlets
    # words the text capitalises inside a sentence: names, whatever a sentence's first word is
    inside = {t.text for t in doc if not t.is_sent_start and t.text[:1].isupper()}
    fixed = [c for c in (_repair(doc, c, inside) for c in cands) if c is not None]
    fixed.sort(key=lambda c: (c.i, -(c.j - c.i)))
    out: list[_Cand] = []
    for c in fixed:  # repairs may make spans overlap: keep the first, longest one
        if out and c.i < out[-1].j:
            continue
        out.append(c)
    out = _outside_subheads(doc, text, out)
    # a name the text gives to a person elsewhere stays a person ("le camp de Biden")
    people = {doc[k].lower_ for c in out if c.label == "PER" for k in range(c.i, c.j)}
    for c in out:
        if c.placed and doc[c.i].lower_ in people:
            c.label = "PER"
    return out


def _caps_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in capitals only ("RISQUE DE CONTREPARTIE", "ASSIS DANS L'HERBE"): the
    subheadings of a text otherwise in lower case, where every word looks like a name."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        letters = [c for c in m.group() if c.isalpha()]
        if len(letters) >= 4 and all(c.isupper() for c in letters):
            spans.append((m.start(), m.end()))
    inside = sum(e - s for s, e in spans)
    return spans if inside < len(text) / 2 else []  # a text all in capitals has no subheadings


def _outside_subheads(doc: Doc, text: str, cands: list[_Cand]) -> list[_Cand]:
    """Candidates, but those in a subheading in capitals that the text never writes elsewhere
    ("22 MINUTES DE SUSPENSE"); a name it gives again in the body stays ("CHARLES MILHAUD")."""
    lines = _caps_lines(text)
    if not lines:
        return cands
    starts = [s for s, _ in lines]

    def in_line(at: int) -> bool:
        k = bisect_right(starts, at) - 1
        return k >= 0 and at < lines[k][1]
    in_body: dict[str, bool] = {}  # a name -> the body writes it with its capital
    out = []
    for c in cands:
        start, end = doc[c.i].idx, doc[c.j - 1].idx + len(doc[c.j - 1])
        if in_line(start):
            name = text[start:end].lower()
            if name not in in_body:
                in_body[name] = any(not in_line(m.start()) and m.group()[:1].isupper()
                                    for m in re.finditer(re.escape(name), text, re.IGNORECASE))
            if not in_body[name]:
                continue  # "du directoire" in the body makes no name of "DIRECTOIRE"
        out.append(c)
    return out


def _repair(doc: Doc, c: _Cand, inside: set[str] = frozenset()) -> _Cand | None:
    """Trim, extend, retitle or drop one candidate, by the rules above (`inside`: the words the
    text capitalises inside a sentence)."""
    if c.outlet:
        return c
    i, j = c.i, c.j
    # edges: spaces, punctuation, and function words never start or end a name
    while i < j and (doc[i].is_space or doc[i].is_punct or doc[i].lower_ in JUNK
                     or doc[i].pos_ in ("ADP", "CCONJ", "SCONJ", "VERB", "AUX", "ADV", "PRON")
                     and not (c.label == "PER" and _particle_before_name(doc, i, j))):
        i += 1
    if c.label != "PER":  # "la Chine", "l'OTAN"; "La Haye", "Le Caire" keep their capital
        while i < j - 1 and doc[i].pos_ == "DET" and doc[i].text.islower():
            i += 1
    while j > i and (doc[j - 1].is_space or doc[j - 1].is_punct and doc[j - 1].text != "."
                     or doc[j - 1].pos_ in ("DET", "ADP", "CCONJ", "SCONJ")):
        j -= 1
    if j > i and doc[j - 1].text == "." and (j - i == 1 or doc[j - 2].lower_ + "." not in TITLES):
        j -= 1
    if i >= j:
        return None
    kind = c.kind
    # a role or title inside a person's span: "général de Gaulle", "M. Poutine"
    if c.label == "PER":
        k = i
        while k < j - 1 and not _is_cap(doc[k]) and doc[k].lower_ not in PARTICLES:
            k += 1
        while k < j - 1 and (doc[k].lower_ in TITLES or doc[k].text in ("M", "Mme")):
            k += 1
            kind = "title"
            if k < j - 1 and doc[k].text == ".":
                k += 1
        i = k
        if i > 1 and doc[i - 1].lower_ in PARTICLES and doc[i - 2].lower_ in TITLES:
            i -= 1  # "M. de Villepin": the particle belongs to the name
        if i > 0 and doc[i - 1].lower_ in TITLES:
            kind = "title"
        # a name the tokenizer or the model cut short: "Kim Jong" + "Un", "An Chan" + "-il"
        while j < len(doc) and not doc[j].is_sent_start and doc[j].ent_iob_ != "B":
            tok, prev = doc[j], doc[j - 1]
            glued = tok.idx == prev.idx + len(prev)
            if (_glued_suffix(doc, j)
                    or not glued and prev.whitespace_ == " " and _is_cap(tok)
                    and tok.text.replace("-", "").isalpha()
                    and _is_cap(prev) and tok.lower_ not in JUNK and (
                        tok.pos_ in ("PROPN", "NOUN", "NUM", "X") or "-" in tok.text
                        or tok.lower_ in NAME_ENDINGS)):
                j += 1
            else:
                break
    if c.label != "PER":
        while j < len(doc) and _glued_suffix(doc, j):
            j += 1  # the model's "An Chan" of "An Chan-il", whatever it took the name for
        for k in range(i, j):
            # "Journal du dimanche" keeps its day: a preposition or article binds it to the name
            if (doc[k].lower_ in _TIME_WORDS and doc[k].text.islower()
                    and doc[k - 1].pos_ not in ("ADP", "DET")):
                if k - i < 2 and doc[i].is_sent_start:
                    return None  # a sentence's first word ("Parti dimanche soir...")
                j = k
                break
        for k in range(i + 1, j - 2):
            if (doc[k].pos_ == "ADP" and doc[k + 1].lower_ in _NAME_BREAK_DETS
                    and doc[k + 2].text.islower()):
                j = k
                break
        while j > i and (doc[j - 1].is_punct or doc[j - 1].pos_ in ("DET", "ADP", "CCONJ")):
            j -= 1
        if i >= j:
            return None
    span = doc[i:j]
    key = span.text.lower()
    if key in JUNK or not any(ch.isalpha() for ch in key):
        return None
    first = doc[i]
    if (j - i == 1 and not first.is_upper
            and first.pos_ in ("ADJ", "ADV", "VERB", "AUX", "DET", "PRON", "ADP", "CCONJ",
                               "SCONJ", "NUM", "PUNCT")):
        return None  # a capitalised common word ("Première") is no name
    if j - i == 1 and _common_noun_opening(first, inside):
        return None  # "Menace de boycottage ...", "Raison de leur courroux : ..."
    if c.label == "PER" and j - i > 2 and first.lower_ in ROLE_HEADS and doc[i + 1].pos_ == "ADP":
        return None  # "Président de la République": an office, not a name
    if not _is_cap(first) and first.lower_ in ROLE_HEADS:
        return None  # "ministre de la Défense" is a role, not a name
    if c.label == "PER" and not _is_cap(first) and first.lower_ not in PARTICLES:
        return None
    if (c.label == "PER" and j - i > 2 and first.lower_ in ("de", "d'", "du")
            and doc[i + 1].text in ("la", "l'", "le", "les")):
        return None  # "(président) de la République": an office, not a name ("de La Fontaine" is)
    if c.label == "PER" and all(t.lower_ in TITLES or t.lower_ in ROLE_HEADS or t.pos_ == "DET"
                                or t.is_punct or len(t.text) == 1 for t in span):
        return None  # "M.", "S. M.", "Le roi", "L'empereur": no name in it
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
        return None  # names have a capital somewhere ("mer Jaune"); "environs" has none
    if len(key) == 1 or _ROMAN.fullmatch(span.text):
        return None  # "A", "II": initials and numerals alone
    label = c.label
    placed = label == "PER" and j - i == 1 and _after_place_noun(doc, i)
    if placed:
        label = "LOC"
    if label in ("PER", "LOC", "MISC") and j - i > 1 and doc[j - 1].text in COMPANY_WORDS:
        label = "ORG"  # "Valorhône Chimie", "Acme Industries"
    if label == "LOC" and j - i == 1 and _is_demonym(doc, i):
        label = "MISC"  # "les Suédois", "Nord-Coréen": people of a place, not the place
    return _Cand(i, j, label, kind, placed=placed)


def _common_noun_opening(tok: Token, inside: set[str]) -> bool:
    """A common noun opening its sentence, capitalised only there: the tagger reads it as a
    noun with a lower-case lemma, the language model knows the word in lower case (a name it
    does not know, "Valorhône", is read as a noun too), and the text never writes it with a
    capital elsewhere."""
    if not tok.is_sent_start or tok.pos_ != "NOUN" or tok.is_upper or tok.lemma_[:1].isupper() \
            or not tok.vocab.has_vector(tok.lower_):
        return False
    return tok.text not in inside


def _after_place_noun(doc: Doc, i: int) -> bool:
    """The name at token i follows "<place noun> [adjectives] de": "la ville de Kherson"."""
    if i < 2 or doc[i - 1].lower_ not in ("de", "d'", "of"):
        return False
    k = i - 2
    adjectives = set()
    while k > 0 and doc[k].pos_ == "ADJ" and len(adjectives) < 2:
        adjectives.add(doc[k].lower_)
        k -= 1
    noun = doc[k].lower_
    return noun in PLACE_NOUNS or bool(PLACE_BASES.get(noun, set()) & adjectives)


def _particle_before_name(doc: Doc, i: int, j: int) -> bool:
    """Whether doc[i] is a particle that starts a name: "de Gaulle", "von der Leyen"."""
    k = i
    while k < j and doc[k].lower_ in PARTICLES:
        k += 1
    return k > i and k < j and _is_cap(doc[k])


def _is_demonym(doc: Doc, i: int) -> bool:
    word = doc[i].text
    if _DEMONYM.search(word):
        return True
    return bool(_DEMONYM_AIS.search(word)) and i > 0 and doc[i - 1].lower_ in _PLURAL_DETS


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[k:k + n] == small for k in range(len(big) - n + 1))


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Full names that differ by a spelling of the given name: "Dmitri"/"Dimitri Peskov"."""
    if len(a) < 2 or len(a) != len(b) or a[-1] != b[-1] or a[:-2] != b[:-2]:
        return False
    x, y = a[-2], b[-2]
    if x[:1] != y[:1]:
        return False
    return len(x) <= 2 or len(y) <= 2 or fuzz.ratio(x, y) >= 85


def _chains(mentions: list[Mention], keys: list[tuple[str, ...]]) -> list[list[int]]:
    """Group mention indexes into chains. People by name parts (surname-based), others by
    their normalised text."""
    person_keys = sorted({k for m, k in zip(mentions, keys) if m.label == "PER"},
                         key=lambda k: (-len(k), k))
    other_keys = {k for m, k in zip(mentions, keys) if m.label in ("ORG", "LOC") and len(k) > 1}
    full: list[tuple[str, ...]] = []  # one full key per person chain
    owner: dict[tuple[str, ...], list[int]] = {}  # key -> candidate chains
    short: dict[tuple[str, ...], tuple[str, ...]] = {}  # "Valorhône" -> "Valorhône Chimie"
    for k in person_keys:
        hits = [n for n, f in enumerate(full) if _contains(f, k) or _same_person(f, k)
                or len(k) > 1 and k[0] == f[0] and k[-1] == f[-1]]  # a middle name left out
        if not hits and len(k) == 1:  # a one-word "person" that starts one organisation's name
            starts = [o for o in other_keys if o[0] == k[0]]
            if len(starts) == 1:
                short[k] = starts[0]
                continue
        if not hits:
            full.append(k)
            hits = [len(full) - 1]
        elif len(hits) > 1:  # "Sergueï" alone, with two Sergueïs: prefer surname matches
            tail = [n for n in hits if full[n][-len(k):] == k]
            hits = tail or hits
        owner[k] = hits
    surnames = {f[-1]: n for n, f in enumerate(full) if len(f) > 1}
    chains: list[list[int]] = [[] for _ in full]
    others: dict[tuple[str, ...], list[int]] = {}
    last_seen: dict[int, int] = {}  # chain -> position of its latest mention so far
    for idx, (m, k) in enumerate(zip(mentions, keys)):
        if m.label == "PER" and k in short:
            others.setdefault(short[k], []).append(idx)
            continue
        hits = owner.get(k) if m.label == "PER" else None
        if hits is None and m.label in ("ORG", "MISC") and len(k) == 1 and k[0] in surnames:
            hits = [surnames[k[0]]]  # "Poutine" mislabelled as an organisation
        if hits is None:
            others.setdefault(k, []).append(idx)
            continue
        if len(hits) == 1:
            n = hits[0]
        else:  # ambiguous short form: the person named most recently
            seen = [h for h in hits if h in last_seen]
            n = max(seen, key=lambda h: last_seen[h]) if seen else hits[0]
        chains[n].append(idx)
        last_seen[n] = idx
    return [c for c in chains if c] + list(others.values())


def _roles(doc: Doc, i: int, j: int, people: set[int], named: set[int],
           heads: set[str] = ROLE_HEADS) -> list[tuple[int, int]]:
    """Character spans of roles stated next to the name at tokens [i, j) (`people`: tokens
    of person names, which no role crosses; `named`: tokens of any name, which never head a
    role nor end one right before the name; `heads`: the nouns a role may be headed by)."""
    out = []
    # before the name: "le président russe Vladimir Poutine", "le porte-parole du Kremlin, X"
    k = i - 1
    if k >= 0 and doc[k].text == "." and k > 0 and doc[k - 1].lower_ + "." in TITLES:
        k -= 1  # "M" "." split in two
    if k >= 0 and (doc[k].lower_ in TITLES or doc[k].lower_ + "." in TITLES):
        k -= 1  # "le maire M. Durand": the role is "maire"
    comma = k >= 0 and doc[k].text == ","
    if comma:
        k -= 1
    first = k
    while (k >= 0 and first - k < 10 and not doc[k].is_space and doc[k].text not in _ROLE_STOP
           and (doc[k].lower_ not in _DETERMINERS or k > 0 and doc[k - 1].pos_ == "ADP")
           and k not in people and doc[k].pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN")):
        k -= 1
    found = [t for t in range(k + 1, first + 1) if _is_role_head(doc[t], heads) and t not in named]
    if (first > 0 and _is_cap(doc[first]) and first not in named
            and not _is_role_head(doc[first], heads) and not doc[first].is_sent_start
            and doc[first - 1].pos_ not in ("ADP", "DET")):
        found = []  # "Crédit" + "Agricole": a name the model cut, not a role
    if found and any(doc[t].pos_ == "ADP" and doc[t].lower_ not in _ROLE_ADP
                     for t in range(found[-1], first + 1)):
        found = []  # "la rencontre des dirigeants depuis un voyage de X": no apposition
    if len(found) >= 2 and any(doc[t].lower_ in _ROLE_ADP for t in range(found[-2] + 1, found[-1])):
        found = []  # "l'épouse du chef de l'État X", "le fils du président X": whose role X
        # holds, the first or the second, only the reader's knowledge tells
    if found and "Plur" in doc[found[-1]].morph.get("Number"):
        found = []  # "les dirigeants russe X et nord-coréen Y": a role of several, shared out
    if found and doc[first].pos_ not in ("ADP", "DET"):
        h = _premodified(doc, found[-1], k + 1)
        # "X, président, Y, vice-président" is a list: before a comma, a role needs its article
        if not comma or h > 0 and doc[h - 1].lower_ in _DETERMINERS | {"du", "au", "aux", "des"}:
            out.append((doc[h].idx, doc[first].idx + len(doc[first])))
    # after the name: "Sergueï Choïgou, ministre de la Défense,"
    k = j
    if k < len(doc) - 1 and doc[k].text == ",":
        k += 1
        if doc[k].lower_ in _DETERMINERS:
            k += 1
        if k < len(doc) and k not in named and (_is_role_head(doc[k], heads) or (
                k + 1 < len(doc) and doc[k].lower_ in ROLE_PREMODIFIERS
                and _is_role_head(doc[k + 1], heads))):
            start = k
            while (k < len(doc) and k - start < 10 and doc[k].text not in _ROLE_STOP and k not in people
                   and not doc[k].is_space and (k == start or not doc[k].is_sent_start)
                   and doc[k].pos_ not in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON")):
                k += 1
            # an apposition closes with punctuation or the sentence ("X, juge « ... »" is a verb)
            closed = k >= len(doc) or doc[k].text in _ROLE_CLOSE or doc[k].is_space or (
                doc[k].is_sent_start and k > start)
            # "X, le patron de la CFDT, Y": the role goes to the name after it
            before_name = k + 1 < len(doc) and doc[k].text == "," and k + 1 in people
            while k > start and doc[k - 1].pos_ in ("ADP", "DET"):
                k -= 1
            if k > start and closed and not before_name:
                out.append((doc[start].idx, doc[k - 1].idx + len(doc[k - 1])))
    return out


def _glued_suffix(doc: Doc, j: int) -> bool:
    """Token j is the hyphenated end of the name token before it: "Chan" + "-il"."""
    tok, prev = doc[j], doc[j - 1]
    return (tok.idx == prev.idx + len(prev) and tok.text.startswith("-") and tok.text[1:2].isalpha()
            and not tok.is_sent_start and _is_cap(prev))


def _is_role_head(tok: Token, heads: set[str] = ROLE_HEADS) -> bool:
    return tok.lower_ in heads and tok.pos_ in ("NOUN", "PROPN", "ADJ") and (
        tok.pos_ != "ADJ" or tok.lower_ in ("premier", "leader"))


def _premodified(doc: Doc, h: int, lo: int) -> int:
    """Extend a role head leftwards over "ancien", "Premier", "vice-": "ancien ministre"."""
    while h - 1 >= lo and doc[h - 1].lower_ in ROLE_PREMODIFIERS:
        h -= 1
    return h


def find_entities(article: Article, doc: Doc) -> tuple[list[Mention], list[Entity]]:
    """The mentions and entities of one article (ids `<article.id>:eN`, in order of first
    mention); every mention carries the id of its entity."""
    text = article.text
    cands = _candidates(doc, text)
    mentions, keys = [], []
    for c in cands:
        start, end = doc[c.i].idx, doc[c.j - 1].idx + len(doc[c.j - 1])
        key = name_key(text[start:end])
        if not key:
            continue
        mentions.append(Mention(start, end, text[start:end], c.label, kind=c.kind))
        keys.append(key)
    chains = sorted(_chains(mentions, keys), key=lambda c: mentions[c[0]].start)
    entities: list[Entity] = []
    by_mention: dict[int, Entity] = {}
    for n, chain in enumerate(chains, 1):
        members = [mentions[i] for i in chain]
        best = max(chain, key=lambda i: (len(keys[i]), len(mentions[i].text), -mentions[i].start))
        fullest = mentions[best]
        # the type of the fullest name ("Valorhône Chimie" is a company even if "Valorhône"
        # alone was taken for a person); among equals, the most frequent
        labels = Counter(mentions[i].label for i in chain if len(keys[i]) == len(keys[best]))
        tied = [lab for lab, n in labels.items() if n == max(labels.values())]
        label = "PER" if "PER" in tied else fullest.label if fullest.label in tied else tied[0]
        variants = list(dict.fromkeys(m.text for m in members))
        ent = Entity(f"{article.id}:e{n}", fullest.text, label, variants=variants,
                     mentions=[article.span(m.start, m.end) for m in members])
        for i in chain:
            mentions[i].entity_id = ent.id
            mentions[i].label = label
            by_mention[i] = ent
        for i in chain:  # "Poutine", "de Gaulle" after the full name
            k = keys[i]
            if mentions[i].kind == "name" and len(k) < len(keys[best]) and keys[best][-len(k):] == k:
                mentions[i].kind = "surname"
        entities.append(ent)
    _attach_roles(article, doc, cands, mentions, by_mention)
    mentions += _surname_mentions(article, entities, mentions)
    mentions += _role_mentions(article, entities, mentions)
    mentions.sort(key=lambda m: m.start)
    for ent in entities:
        ent.mentions.sort(key=lambda s: s.start)
    return mentions, entities


def _attach_roles(article: Article, doc: Doc, cands: list[_Cand], mentions: list[Mention],
                  by_mention: dict[int, Entity]) -> None:
    starts = {m.start: idx for idx, m in enumerate(mentions)}
    people = {t for c in cands if c.label == "PER" for t in range(c.i, c.j)}
    named = {t for c in cands for t in range(c.i, c.j)}
    for c in cands:
        idx = starts.get(doc[c.i].idx)
        if idx is None or mentions[idx].label not in ("PER", "ORG"):
            continue
        ent, name = by_mention[idx], mentions[idx]
        heads = ROLE_HEADS if mentions[idx].label == "PER" else ORG_ROLE_HEADS
        for s, e in _roles(doc, c.i, c.j, people, named, heads):
            role = article.text[s:e]
            if role.strip():  # the support is the apposition, name included: who is said to be what
                ent.roles.append(Role(role, article.span(min(s, name.start), max(e, name.end))))


def _surname_mentions(article: Article, entities: list[Entity], mentions: list[Mention]) -> list[Mention]:
    """A person's surname where the model missed it, once the full name is known in the
    article: "Vladimir Poutine ... Poutine" (a surname two people share is left alone)."""
    owners: dict[str, list[Entity]] = {}
    for ent in entities:
        words = ent.name.split()
        if ent.type == "PER" and len(words) > 1 and len(words[-1]) > 2 and words[-1][:1].isupper():
            owners.setdefault(words[-1], []).append(ent)
    # a surname that also names a place or an organisation here ("Gaston Paris" and Paris) stays put
    elsewhere = {m.text for m in mentions if m.label != "PER"}
    surnames = {w: ents[0] for w, ents in owners.items() if len(ents) == 1 and w not in elsewhere}
    if not surnames:
        return []
    pattern = re.compile(r"(?<![\w-])(" + alternation(surnames) + r")(?![\w-])")
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in taken]
    out = []
    for m in pattern.finditer(article.text):
        s, e = m.span(1)
        k = bisect_right(starts, s) - 1
        if k >= 0 and taken[k][1] > s or k + 1 < len(taken) and taken[k + 1][0] < e:
            continue
        ent = surnames[m.group(1)]
        out.append(Mention(s, e, m.group(1), "PER", entity_id=ent.id, kind="surname"))
        ent.mentions.append(article.span(s, e))
        if m.group(1) not in ent.variants:
            ent.variants.append(m.group(1))
    return out


def _role_mentions(article: Article, entities: list[Entity], mentions: list[Mention]) -> list[Mention]:
    """Later standalone uses of a role stated once next to a name ("le président russe"),
    when that role belongs to one entity only and is more than one word."""
    owners: dict[str, set[str]] = {}
    for ent in entities:
        for r in ent.roles:
            if len(r.text.split()) > 1 or "-" in r.text:
                owners.setdefault(r.text.lower(), set()).add(ent.id)
    roles = {r: next(iter(ids)) for r, ids in owners.items() if len(ids) == 1}
    if not roles:
        return []
    pattern = re.compile(r"(?<![\w])(?:(?:le|la|du|au)\s+|l')(" + alternation(roles)
                         + r")(?![\w-])(?-i:(?!,?\s+[A-ZÀ-Þ]))", re.IGNORECASE)
    text = article.text
    taken = [(m.start, m.end) for m in mentions if m.label == "PER"]
    supports = [(r.support.start, r.support.end) for e in entities for r in e.roles]
    types = {e.id: e for e in entities}
    out = []
    for m in pattern.finditer(text):
        s, e = m.span(1)
        if any(a <= s and e <= b for a, b in supports) or any(a < e and s < b for a, b in taken):
            continue
        ent = types[roles[m.group(1).lower()]]
        mention = Mention(s, e, text[s:e], ent.type, entity_id=ent.id, kind="role")
        ent.mentions.append(article.span(s, e))
        out.append(mention)
    return out
