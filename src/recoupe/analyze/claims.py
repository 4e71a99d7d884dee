"""Claims: sentence-level facts with their slots, read off the dependency parse.

`find_claims(article, doc)` gives one claim per main verb of each sentence (and per verb
coordinated with it): who (agent and participant entities, as ids and fullest names), the
predicate (verb lemma), what (its object), where (places), when (normalised values of the
article's temporal expressions inside the sentence), quantities ("deux missiles", "12 morts",
"1,5 million de déplacés"), the roles stated in the sentence, who reports it ("selon Séoul",
"a déclaré Tokyo", "d'après l'AFP", "Séoul a affirmé que ...") and negation. Enough to tell
"Choïgou went to Pyongyang in July" from "Lavrov went to Pyongyang in July".

Needs `article.mentions`/`article.entities` (entities stage) and `article.times` (dates stage)
filled first.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy
from spacy.attrs import DEP, LIKE_NUM, LOWER, POS
from spacy.symbols import NUM

from spacy.tokens import Doc, Span as SpacySpan, Token

from recoupe.analyze.nlp import lemma, verb_lemma
from recoupe.analyze.quote_rules import SPEAKER_NOUNS, noun_stem, reporting_lemma
from recoupe.model import Article, Claim, Mention, Quantity, Span, strip_bounds

__all__ = ["find_claims", "number_value"]

SUBJECTS = {"nsubj", "nsubj:pass", "csubj", "csubj:pass", "expl:subj", "nsubjpass"}
AGENTS = {"obl:agent", "agent"}
OBJECTS = {"obj", "dobj", "iobj", "obl:arg", "dative", "attr", "ccomp", "xcomp", "oprd"}
CLAUSES = {"ccomp", "xcomp"}
NP_LEFT = {"det", "amod", "nummod", "compound", "nmod", "advmod", "case", "fixed", "flat",
           "flat:name", "poss", "nmod:poss", "quantmod"}
NP_RIGHT = {"appos", "amod", "nmod", "flat", "flat:name", "compound", "conj", "cc", "punct"}
# verbs whose fact is in the verb they govern: "doit se rendre", "pourrait livrer"
MODALS = {"devoir", "pouvoir", "vouloir", "falloir", "aller", "sembler", "paraître", "can",
          "could", "may", "might", "must", "shall", "should", "will", "would"}
RANK = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
NEGATIONS = {"ne", "n'", "pas", "jamais", "guère", "not", "n't", "never", "no"}
# the words that make "ne" a negation; without one, "ne ... que" only restricts ("n'a que 3 ans")
NE_COMPLEMENTS = {"pas", "plus", "jamais", "rien", "aucun", "aucune", "personne", "guère", "nul",
                  "nulle", "point", "nullement", "aucunement", "ni"}
SUBJECT_PRONOUNS = {"il", "elle", "he", "she"}
# reporting verbs whose other sense is as common: they report only over a clause or in an incise
SPEECH_IN_ONE_SENSE = {"soutenir", "reconnaître", "assurer", "confier", "lancer", "rappeler",
                       "maintenir", "défendre", "support", "maintain", "launch"}
PERSONAL_PRONOUNS = {"il", "elle", "lui", "-il", "-elle", "-t-il", "-t-elle", "he", "she", "him", "her"}

# == numbers ==================================================================================

FR_NUMBERS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80,
    "octante": 80, "nonante": 90, "quatrevingt": 80, "quatrevingts": 80,
}
EN_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
HUNDRED = {"cent", "cents", "hundred", "hundreds"}
MULTIPLIERS = {"mille": 1e3, "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6,
               "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9,
               "trillion": 1e12}
# "une dizaine de", "a dozen": counts by a collective noun
COLLECTIVES = {"dizaine": 10, "dizaines": 10, "douzaine": 12, "douzaines": 12, "quinzaine": 15,
               "vingtaine": 20, "trentaine": 30, "quarantaine": 40, "cinquantaine": 50,
               "centaine": 100, "centaines": 100, "millier": 1000, "milliers": 1000,
               "dozen": 12, "dozens": 12}
_WORDS = set(FR_NUMBERS) | set(EN_NUMBERS) | HUNDRED | set(MULTIPLIERS) | {"et", "and"}
_ARTICLE_ONE = {"un", "une", "one", "a", "an"}  # a number only before a multiplier or collective
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")
_UNIT_SYMBOLS = {"%", "€", "$", "£", "¥", "km", "m", "kg", "t", "km/h", "mm", "cm", "ha"}
_OF = {"de", "d'", "of", "d"}


def number_value(words: list[str], lang: str = "fr") -> float | None:
    """The value of a number written in digits and/or words: ["1,5", "million"] -> 1.5e6,
    ["vingt-deux"] -> 22, ["trois", "cents"] -> 300, ["3", "000"] -> 3000."""
    total, current, seen = 0.0, 0.0, False
    digits = "".join(w for w in words if _DIGITS.match(w))
    if digits:
        if lang == "en":
            digits = digits.replace(",", "")
        else:
            digits = re.sub(r"\.(?=\d{3}(?:\D|$))", "", digits).replace(",", ".")
        try:
            current = float(digits)
        except ValueError:
            return None
        seen = True
    for word in words:
        if _DIGITS.match(word):
            continue
        for part in word.lower().replace("quatre-vingt", "quatrevingt").split("-"):
            if part in ("et", "and", ""):
                continue
            if part in FR_NUMBERS or part in EN_NUMBERS:
                current += FR_NUMBERS.get(part, EN_NUMBERS.get(part, 0))
            elif part in HUNDRED:
                current = max(current, 1) * 100
            elif part in MULTIPLIERS:
                total += max(current, 1) * MULTIPLIERS[part]
                current = 0
            else:
                return None
            seen = True
    return total + current if seen else None


def _is_number_word(tok: Token) -> bool:
    low = tok.lower_.replace("quatre-vingt", "quatrevingt")
    return all(p in _WORDS for p in low.split("-")) and low not in ("et", "and")


def _numeric(doc: Doc) -> list[int]:
    """Indexes of the tokens that may start a number (read in one pass, at C speed)."""
    flags = doc.to_array([LIKE_NUM, POS])
    return [int(i) for i in numpy.nonzero((flags[:, 0] == 1) | (flags[:, 1] == NUM))[0]]


def _quantities(article: Article, doc: Doc, sent: SpacySpan, lang: str,
                blocked: list[tuple[int, int]], names: list[tuple[int, int]],
                numeric: list[int]) -> list[Quantity]:
    """Numbers with their unit in one sentence, outside dates and names (`blocked`); a unit
    is never a name (`names`); `numeric` lists the doc's tokens that may start a number."""
    out, end = [], sent.end
    text = article.text
    starts = numeric[bisect_left(numeric, sent.start):bisect_left(numeric, end)]
    done = sent.start
    for k in starts:
        if k < done:
            continue
        tok = doc[k]
        if not (_DIGITS.match(tok.text) or _is_number_word(tok)) or any(
                a <= tok.idx < b for a, b in blocked):
            continue
        j = k + 1
        while (k > done and _is_number_word(doc[k - 1]) and doc[k - 1].lower_ not in _ARTICLE_ONE
               and not any(a <= doc[k - 1].idx < b for a, b in blocked)):
            k -= 1  # a number word the tagger did not take for one: "Cent-trente neuf"
        while j < end and (
                _is_number_word(doc[j]) or doc[j].lower_ in MULTIPLIERS
                or _DIGITS.match(doc[j].text) and len(doc[j].text) == 3 and doc[j - 1].whitespace_
                and _DIGITS.match(doc[j - 1].text) and lang != "en"):
            j += 1
        words = [t.text for t in doc[k:j]]
        value = number_value(words, lang)
        unit_at = j
        if j < end and doc[j].lower_ in COLLECTIVES:  # "une dizaine de soldats"
            value = (value or 1) * COLLECTIVES[doc[j].lower_]
            unit_at = j = j + 1
        percent = unit_at + 1 < end and doc[unit_at].lower_ == "pour" and doc[unit_at + 1].lower_ == "cent"
        if value is None or (words[-1].lower() in _ARTICLE_ONE and unit_at == k + 1 and not percent):
            done = j
            continue
        if unit_at < end and doc[unit_at].lower_ in _OF:
            unit_at += 1
        while (unit_at + 1 < end and doc[unit_at].pos_ == "ADJ" and doc[unit_at].is_lower
               and doc[unit_at + 1].pos_ == "NOUN"):
            unit_at += 1  # "14 autres otages", "deux nouveaux missiles"
        if unit_at < end and any(a <= doc[unit_at].idx < b for a, b in names):
            unit_at = end  # a count before a name ("les deux dirigeants Raul ...") has no unit here
        unit = None
        if unit_at < end and (doc[unit_at].text in _UNIT_SYMBOLS or doc[unit_at].lower_ == "pour"
                              and unit_at + 1 < end and doc[unit_at + 1].lower_ == "cent"):
            unit = "%" if doc[unit_at].lower_ == "pour" else doc[unit_at].text
            j = unit_at + (2 if doc[unit_at].lower_ == "pour" else 1)
        elif unit_at < end and doc[unit_at].pos_ in ("NOUN", "PROPN") and doc[unit_at].is_alpha:
            noun = doc[unit_at]
            if noun.dep_ == "compound" and unit_at < noun.head.i < end:  # "four plant workers"
                noun = noun.head
            unit = lemma(noun).lower() if noun.pos_ == "NOUN" else noun.lower_
            j = noun.i + 1
            while (j + 1 < end and doc[j].text == "-" and not doc[j - 1].whitespace_
                   and not doc[j].whitespace_ and doc[j + 1].is_alpha):  # "sapeurs-pompiers"
                j += 2
            if j > noun.i + 1:
                unit = text[noun.idx:doc[j - 1].idx + len(doc[j - 1])].lower()
        is_year = len(words) == 1 and words[0].isdigit() and len(words[0]) == 4 and unit is None
        if not is_year:
            s, e = doc[k].idx, doc[j - 1].idx + len(doc[j - 1])
            out.append(Quantity(value, unit, Span(s, e, text[s:e])))
        done = j
    return out


# == clauses ==================================================================================


def _predicates(sent: SpacySpan, relatives: list[Token]
                ) -> list[tuple[Token, Token | None, Token | None, bool]]:
    """The verbs a sentence states facts with, each with: the reporting verb it depends on;
    the phrase that is its subject when the parse does not say so (the focus of "C'est X qui
    a ...", the antecedent of "X, qui a ...", the noun a broken parse hangs it under); and
    whether its participants are to be looked for in the whole sentence (a broken parse)."""
    root = sent.root
    reporter_verb = None
    cleft = _cleft(root)
    # "Choïgou, qui s'était rendu à Pyongyang, ...": a fact of its own about the antecedent
    skip = {cleft.i} if cleft is not None else set()
    # the antecedent is the subject of "qui a ...", not of "où X a ..."
    out = [(v, None, v.head if _relative_subject(v) is not None else None, False)
           for v in relatives if v.i not in skip and v.head.i < v.i]
    if cleft is not None:
        return [(cleft, None, root, False)] + out
    if reporting_lemma(root):
        clause = [c for c in root.children if c.dep_ in CLAUSES and c.pos_ in ("VERB", "AUX", "ADJ")]
        if clause:
            reporter_verb, root = root, clause[0]
    if root.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "cop" for c in root.children):
        # a parse rooted on a noun or name ("Vladimir" <- "Poutine n'a pas rencontré",
        # "12 personnes" <- "ont été hospitalisées"): the finite verb hung under it, whose
        # subject is that root when the verb has none
        own = {v.i for v in relatives}
        verbs = [c for c in root.children if c.pos_ == "VERB" and c.i > root.i and c.i not in own
                 and any(g.dep_ in SUBJECTS or g.dep_.startswith("aux") for g in c.children)]
        if not verbs:
            return out
        verb = verbs[0]
        subject = None if any(g.dep_ in SUBJECTS for g in verb.children) else root
        return [(verb, None, subject, True)] + out
    main = [(root, reporter_verb, None, False)]
    main += [(c, reporter_verb, None, False) for c in root.children
             if c.dep_ == "conj" and c.pos_ == "VERB" and not _incise(root, c)]
    done = {p.i for p, *_ in main}
    return main + [o for o in out if o[0].i not in done]


_WHERE_WHEN = {"où", "where", "when", "wo"}


def _relative_subject(verb: Token) -> Token | None:
    """The "qui"/"who" subject of a relative clause's verb, if that is its subject."""
    return next((c for c in verb.children
                 if c.dep_ in SUBJECTS and c.lower_ in ("qui", "who", "which", "that")), None)


def _opens_incise(verb: Token) -> bool:
    """The verb group starts right after a comma or a closing quote: "», a déclaré X"."""
    doc, k = verb.doc, verb.i - 1
    while k >= 0 and doc[k].head == verb and (doc[k].dep_.startswith(("aux", "expl"))
                                              or doc[k].dep_ == "advmod" or doc[k].text[:1] == "-"):
        k -= 1  # over "a", "a également", "s'est", "avait-il"
    return k >= 0 and doc[k].text in {",", "»", '"', "”", "“"}


def _incise(pred: Token, verb: Token) -> bool:
    """`verb` reports `pred` from an incise the parse joined as a second clause: "Les États
    n'ont pas ..., a expliqué une experte" (a comma before it, its subject after it)."""
    if verb.dep_ != "conj" or verb.i < pred.i or not reporting_lemma(verb):
        return False
    return _opens_incise(verb) and any(
        c.i > verb.i and (c.dep_ in SUBJECTS or c.dep_ == "obj" and _can_speak(c, None))
        for c in verb.children)


def _can_speak(noun: Token, idx) -> bool:
    """A name, or a noun of someone who speaks ("une experte", "le policier"), not "un plan"."""
    if noun_stem(noun.text) in SPEAKER_NOUNS or noun.ent_type_ in ("PER", "ORG", "LOC"):
        return True
    return idx is not None and bool(idx.in_tokens(noun.subtree))


def _noun_phrase(head: Token) -> list[Token]:
    """The tokens of the noun phrase `head` heads, without the clauses hung on it."""
    out = [head]
    for c in head.children:
        if c.dep_ in NP_LEFT | NP_RIGHT and c.pos_ not in ("VERB", "AUX"):
            out.extend(c.subtree)
    return out


def _cleft(root: Token) -> Token | None:
    """The verb of "C'est X qui a déclenché ..." / "It was X who ...", or None."""
    if not any(c.dep_ == "cop" for c in root.children) or not any(
            c.lower_ in ("c'", "ce", "it") and c.dep_ in SUBJECTS for c in root.children):
        return None
    heads = [root] + [c for c in root.children if c.dep_ in ("appos", "flat:name", "flat")]
    for head in heads:
        for c in head.children:
            if c.dep_ in ("acl:relcl", "relcl", "acl") and c.pos_ == "VERB" and any(
                    g.lower_ in ("qui", "who", "that") for g in c.children):
                return c
    return None


def _phrase(article: Article, head: Token, limit: int = 12) -> str:
    """The text of the noun phrase `head` heads (its determiners and modifiers, not its
    subject or auxiliaries), cut at a comma or after `limit` tokens."""
    doc = head.doc
    left = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ in NP_LEFT])
    right = head.right_edge.i
    while left < head.i and (doc[left].is_punct or doc[left].pos_ in ("ADP", "SCONJ")):
        left += 1
    for t in doc[head.i:right + 1]:
        if t.i > head.i and (t.text in ",;:()«»\"" or t.is_space):
            right = t.i - 1
            break
    right = min(right, left + limit - 1)
    while right > head.i and (doc[right].is_punct or doc[right].pos_ in ("ADP", "DET", "CCONJ")):
        right -= 1
    s, e = doc[left].idx, doc[right].idx + len(doc[right])
    return article.text[s:e]


class _Index:
    """Token -> mention lookups for one doc, built once."""

    def __init__(self, article: Article, doc: Doc):
        self.of_token: dict[int, Mention] = {}
        lower = doc.to_array([LOWER])  # the tokens that may attribute a claim, in one pass
        cues = [doc.vocab.strings[w] for w in ("selon", "après", "according")]
        self.according = [int(i) for i in numpy.nonzero(numpy.isin(lower, cues))[0]]
        # verbs of relative clauses whose subject is "qui"/"who" (facts about their antecedent),
        # or that say where or when with a subject of their own ("..., où Kim a rencontré Poutine")
        self.relatives = [t.i for t in (doc[int(i)] for i in numpy.nonzero(numpy.isin(
            doc.to_array([DEP]), [doc.vocab.strings[d] for d in ("acl:relcl", "relcl")]))[0])
            if t.pos_ == "VERB" and (_relative_subject(t) is not None or (
                any(c.lower_ in _WHERE_WHEN for c in t.children)
                and any(c.dep_ in SUBJECTS and c.pos_ in ("NOUN", "PROPN") for c in t.children)))]
        names = {e.id: e.name for e in article.entities}
        self.name = lambda m: names.get(m.entity_id, m.text)
        for m in article.mentions:
            if m.entity_id is None:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.of_token.setdefault(t.i, m)

    def ranked(self, tokens) -> list[Mention]:
        """Mentions in `tokens`, people first, then organisations, places, others."""
        return sorted(self.in_tokens(tokens), key=lambda m: RANK.get(m.label, 4))

    def in_tokens(self, tokens) -> list[Mention]:
        found = []
        for t in tokens:
            m = self.of_token.get(t.i)
            if m is not None and m not in found:
                found.append(m)
        return found


def _reporter(sent: SpacySpan, pred: Token, reporter_verb: Token | None, idx: _Index,
              article: Article) -> tuple[str | None, set[int]]:
    """Who the sentence attributes the fact to, and the tokens that say so."""
    cues = idx.according[bisect_left(idx.according, sent.start):bisect_left(idx.according, sent.end)]
    for tok in (sent.doc[i] for i in cues):  # "selon Séoul", "d'après l'AFP", "according to X"
        after = tok.lower_ == "après" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("d'", "d")
        if tok.lower_ == "selon" or after or tok.lower_ == "according" and tok.i + 1 < sent.end:
            head = tok.head if tok.dep_ in ("case", "fixed") else tok
            if tok.dep_ == "fixed":
                head = tok.head.head
            if tok.lower_ == "according":
                nxt = [c for c in tok.children if c.dep_ == "prep"]
                objs = [g for c in nxt for g in c.children if g.dep_ == "pobj"]
                head = objs[0] if objs else head
            if head is tok or head.i < tok.i:
                continue
            tokens = set(range(tok.i, head.right_edge.i + 1))
            found = idx.ranked(head.subtree)
            return (idx.name(found[0]) if found else _strip_det(_phrase(article, head, 6))), tokens
    verbs = [reporter_verb] if reporter_verb is not None else []
    # "..., a indiqué le porte-parole"; a verb that reports in one sense only ("soutenir que",
    # not "soutenir la manifestation") reports from an incise or over a clause
    verbs += [pred] if reporting_lemma(pred) and (
        lemma(pred) not in SPEECH_IN_ONE_SENSE or _opens_incise(pred) or any(
            c.dep_ in CLAUSES or c.dep_ == "parataxis"
            or c.i > pred.i and c.left_edge.lower_ in ("que", "qu'", "qu’") for c in pred.children)
    ) else []
    verbs += [c for c in pred.children if reporting_lemma(c) and (
        c.dep_ == "parataxis" or c.dep_ == "advcl" and c.i > pred.i
        or _incise(pred, c))]  # "..., a-t-il affirmé"
    for verb in verbs:  # "Séoul a affirmé que ...", "..., a déclaré Tokyo"
        if any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
            continue  # "le feu a été déclaré éteint" reports nothing
        # the parse may call an inverted subject an object: one that can speak, after an
        # incise's comma or quote ("..., a expliqué une experte"; not "a reconnu aux Caisses le
        # statut", nor "..., a annoncé un plan")
        subj = [c for c in verb.children if not c.dep_.startswith("expl") and (
            c.dep_ in SUBJECTS or c.dep_ == "obj" and c.i > verb.i and _opens_incise(verb)
            and _can_speak(c, idx))]
        # a named person first, then whoever stands after the verb ("..., a déclaré Tokyo")
        # (an inverted clitic, "a-t-il ajouté", is the subject whatever follows)
        subj.sort(key=lambda c: (not any(m.label == "PER" for m in idx.in_tokens(c.subtree)),
                                 not c.text.startswith("-"), c.i < verb.i))
        if subj and (subj[0].pos_ != "PRON" or idx.of_token.get(subj[0].i)
                     or subj[0].lower_ in PERSONAL_PRONOUNS):  # "a-t-il ajouté": resolved later
            found = idx.ranked(subj[0].subtree)
            tokens = {t.i for t in subj[0].subtree}
            return (idx.name(found[0]) if found else _strip_det(_phrase(article, subj[0], 6))), tokens
    return None, set()


def _strip_det(text: str) -> str | None:
    low = text.lower()
    if low.startswith(("nos ", "notre ", "our ")):
        return None  # "selon nos informations": the outlet itself
    for det in ("l'", "le ", "la ", "les ", "the "):
        if low.startswith(det):
            return text[len(det):]
    return text



# "ne" alone denies in writing with these verbs ("ne peut accepter", "ne cesse de")
LONE_NE_VERBS = {"pouvoir", "savoir", "oser", "cesser"}
# words before "ne" that make it a negation ("personne n'a vu", "aucun blessé n'est à déplorer")
NEGATIVE_SUBJECTS = {"personne", "rien", "aucun", "aucune", "nul", "nulle", "ni"}


def _ne_negates(ne: Token) -> bool:
    """Whether a "ne" with no "pas" beside it denies. It does with a word that completes it
    ("n'a rien dit", "personne n'a vu") and, alone, with the verbs of LONE_NE_VERBS. Otherwise
    it restricts ("n'a fait que", "ne compte qu'un") or is the expletive "ne" of fear and of
    "avant que" ("l'Occident craint que Kim ne promette des armes"), which denies nothing."""
    if lemma(ne.head) in LONE_NE_VERBS:
        return True
    doc = ne.doc
    for tok in doc[ne.i + 1: min(len(doc), ne.i + 8)]:
        if tok.lower_ in NE_COMPLEMENTS:
            return True
        if tok.is_sent_start or tok.text in ".;:!?":
            break
        if tok.lower_ in ("que", "qu'", "qu’") and tok.pos_ != "PRON":  # not "les faits que..."
            return False
    start = ne.sent.start if doc.has_annotation("SENT_START") else 0
    return any(t.lower_ in NEGATIVE_SUBJECTS for t in doc[max(start, ne.i - 6): ne.i])


def _no_words(text: str) -> bool:
    """Only spaces and marks ("", " », "): nothing the sentence says beside a clause."""
    return not any(ch.isalnum() for ch in text)


def _clause(sent: SpacySpan, pred: Token, subject: list[Token], others: list[Token]
            ) -> tuple[int, int]:
    """The token bounds (first, last) of `pred`'s own clause: its subject and its subtree,
    without the clauses of `others` (the sentence's other facts) nor an incise that reports
    it ("..., a déclaré X"), cut where they begin."""
    keep = {t.i for t in pred.subtree} | {t.i for t in subject}
    # a relative on a pronoun is the object, not another fact ("ce qui s'est passé")
    hidden = [v for v in others if not v.left_edge.i <= pred.i <= v.right_edge.i
              and not (v.dep_ in ("acl:relcl", "relcl") and v.head.pos_ == "PRON")]
    hidden += [c for c in pred.children if reporting_lemma(c) and (
        c.dep_ == "parataxis" or c.dep_ == "advcl" and c.i > pred.i or _incise(pred, c))]
    for v in hidden:
        keep -= {t.i for t in v.subtree}
    lo = hi = pred.i
    while lo - 1 >= sent.start and lo - 1 in keep:
        lo -= 1
    while hi + 1 < sent.end and hi + 1 in keep:
        hi += 1
    doc = sent.doc
    # not the word or mark that joins it to the rest ("que", "et", ", ")
    while lo < pred.i and (doc[lo].is_punct or doc[lo].pos_ in ("CCONJ", "SCONJ")):
        lo += 1
    while hi > pred.i and (doc[hi].is_punct and doc[hi].text not in ")»\"”"
                           or doc[hi].pos_ == "CCONJ"):
        hi -= 1
    return lo, hi


def find_claims(article: Article, doc: Doc) -> list[Claim]:
    """The claims of one article, in text order."""
    text = article.text
    idx = _Index(article, doc)
    lang = doc.lang_ or "fr"
    times_all = sorted(article.times, key=lambda t: t.start)
    time_starts = [t.start for t in times_all]
    names = sorted((m.start, m.end) for m in article.mentions)
    name_starts = [a for a, _ in names]
    person_spans = sorted((m.start, m.end) for m in article.mentions if m.label == "PER")
    person_starts = [a for a, _ in person_spans]
    numeric = _numeric(doc)
    roles = sorted(((r.support.start, ent.name, r.text) for ent in article.entities
                    for r in ent.roles), key=lambda r: r[0])
    role_starts = [r[0] for r in roles]
    claims: list[Claim] = []
    last_person: tuple[str, str] | None = None  # (entity id, name) of the latest person acting
    for sent in doc.sents:
        s, e = strip_bounds(text, sent.start_char, sent.end_char)
        if len(sent) < 3 or e - s < 5:
            continue
        near = times_all[bisect_left(time_starts, s - 100):bisect_left(time_starts, e)]
        times = [t for t in near if t.start < e and s < t.end]
        blocked = [(t.start, t.end) for t in times] + names[
            bisect_left(name_starts, s):bisect_left(name_starts, e)]
        persons = person_spans[bisect_left(person_starts, s):bisect_left(person_starts, e)]
        quantities = _quantities(article, doc, sent, lang, blocked, persons, numeric)
        relatives = [doc[i] for i in idx.relatives[
            bisect_left(idx.relatives, sent.start):bisect_left(idx.relatives, sent.end)]]
        clauses = {v.i: (v.left_edge.i, v.right_edge.i) for v in relatives}
        predicates = _predicates(sent, relatives)
        verbs = {p.i: p for p, *_ in predicates} | {v.i: v for v in relatives}
        # a participle phrase dates its own act ("X, interpellé le 3 mars, a été mis en
        # examen", "le braquage commis en 2021", "arrested on March 3"), not the claim's
        participles = [t for t in sent if t.dep_ == "acl" and t.pos_ == "VERB"
                       and "Part" in t.morph.get("VerbForm")]
        for pred, reporter_verb, focus, whole in predicates:
            # what a relative clause says belongs to its own claim, not to the main one
            others = [(a, b) for v, (a, b) in clauses.items() if v != pred.i]
            content = pred
            if verb_lemma(pred) in MODALS:  # "doit se rendre": the fact is "se rendre"
                governed = [c for c in pred.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
                content = governed[0] if governed else pred
            reported_by, reporter_tokens = _reporter(sent, pred, reporter_verb, idx, article)
            claim = Claim(article.id, s, e, text[s:e])
            copula = pred.pos_ not in ("VERB", "AUX")
            claim.predicate = "être" if copula and lang == "fr" else "be" if copula else verb_lemma(content)
            subj = [c for c in pred.children if c.dep_ in SUBJECTS]
            if not subj and pred.dep_ == "conj":  # "X a reçu Y et a visité Z": X's subject
                subj = [c for c in pred.head.children if c.dep_ in SUBJECTS]
            groups = [list(h.subtree) for h in subj]
            if focus is not None:  # "C'est le directeur, X, qui ...": the focus, not "qui"
                # (or the antecedent, or the noun a broken parse hangs the verb under)
                subj, groups = [focus], [_noun_phrase(focus)]
            agents = [c for c in pred.children if c.dep_ in AGENTS]
            subj_tokens = {t.i for g in groups for t in g}
            objects = [c for c in content.children if c.dep_ in OBJECTS]
            who: list[Mention] = []
            for group in ([list(h.subtree) for h in agents], groups):
                for tokens in group:
                    found = idx.in_tokens(t for t in tokens if t.i not in reporter_tokens)
                    people = [m for m in found if m.label == "PER"]
                    who += [m for m in (people or found[:1]) if m not in who]
            if not who and subj and subj[0].lower_ in SUBJECT_PRONOUNS and last_person:
                claim.who.append(last_person[0])
                claim.who_names.append(last_person[1])
            # participants: "a rencontré Vladimir Poutine"; the whole sentence when the
            # parse hangs the verb under a name
            scope = list(sent if whole else content.subtree)
            if others:
                scope = [t for t in scope if not any(a <= t.i <= b for a, b in others)]
            who += [m for m in idx.in_tokens(t for t in scope if t.i not in reporter_tokens
                                             and t.i not in subj_tokens)
                    if m.label == "PER" and m not in who and m.start >= s]
            for m in who:
                if m.entity_id not in claim.who:
                    claim.who.append(m.entity_id)
                    claim.who_names.append(idx.name(m))
            people = [m for m in who if m.label == "PER"]
            if people:
                last_person = (people[0].entity_id, idx.name(people[0]))
            if copula:
                claim.what = _phrase(article, pred)
            else:
                things = [o for o in objects if o.dep_ not in CLAUSES] or objects
                if things:
                    claim.what = _phrase(article, things[0])
            for m in idx.in_tokens(t for t in scope if t.i not in subj_tokens
                                   and t.i not in reporter_tokens):
                if m.label == "LOC":
                    name = idx.name(m)
                    if name not in claim.where:
                        claim.where.append(name)
            hidden = [(doc[a].idx, doc[b].idx + len(doc[b])) for a, b in others]
            hidden += [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in participles
                       if not t.left_edge.i <= pred.i <= t.right_edge.i]
            lo, hi = s, e
            if pred.i in clauses:  # a relative clause: its own dates only
                a, b = clauses[pred.i]
                lo, hi = doc[a].idx, doc[b].idx + len(doc[b])
            claim.when = list(dict.fromkeys(t.value for t in times if t.value and lo <= t.start < hi
                                            and not any(a <= t.start < b for a, b in hidden)))
            # the figures of its own clause too: "l'usine, qui compte 310 emplois, va fermer"
            # does not close 310 jobs
            claim.quantities = [q for q in quantities if lo <= q.span.start < hi
                                and not any(a <= q.span.start < b for a, b in hidden)]
            if reported_by and reported_by.lower() in PERSONAL_PRONOUNS:  # "selon lui", "a-t-il dit"
                reported_by = last_person[1] if last_person else None
            claim.reported_by = reported_by
            marks = [c for v in {pred, content} for c in v.children
                     if c.lower_ in NEGATIONS or c.dep_ == "neg"]
            claim.negated = any(c.lower_ not in ("ne", "n'", "n’") or _ne_negates(c) for c in marks)
            for _, name, role in roles[bisect_left(role_starts, s):bisect_left(role_starts, e)]:
                claim.roles.setdefault(name, role)
            # a sentence of several facts: each its own clause (a broken parse has none)
            if len(predicates) > 1 and not whole:
                lo, hi = _clause(sent, pred, [t for g in groups for t in g],
                                 [v for i, v in verbs.items() if i != pred.i])
                cs, ce = strip_bounds(text, doc[lo].idx, doc[hi].idx + len(doc[hi]))
                for a, b in names[bisect_left(name_starts, s):bisect_left(name_starts, e)]:
                    if a < cs < b or a < ce < b:  # a name the parse split stays whole
                        cs, ce = max(s, min(cs, a)), min(e, max(ce, b))
                # the sentence but for its marks is the sentence
                if cs < ce and not (_no_words(text[s:cs]) and _no_words(text[ce:e])):
                    claim.clause = Span(cs, ce, text[cs:ce])
            claims.append(claim)
    return claims
