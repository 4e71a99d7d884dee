"""Quotations and their speakers, French and English.

`find_quotes(article, doc)` returns the article's quotes:

- **direct**: words between quotation marks (« », “ ”, " ", ‘ ’), with the marks' usual
  slips tolerated (« closed by a second «, no inner spaces) and the French convention for
  quotes running over several paragraphs (each new paragraph reopens with « or »). A quote
  cut by an incise (« Nous avons le temps, a-t-il dit, et nous... ») gives two quotes that
  share the same cue span and speaker: the quoted words only, in two parts.
- **indirect**: the clause a reporting verb governs ("a annoncé que ...", "said (that) ...",
  "..., a-t-il ajouté"), or a sentence attributed with "selon X", "d'après X", "pour X,",
  "according to X". Quoted words inside such a clause are given both ways, with the same
  speaker: the clause (indirect) and the quoted words (direct); when the whole clause lies
  between the marks, the direct quote alone. Quoted words with no reporting cue around them
  (a title, a nickname, a scare word) are not a quote, unless they stand as a sentence of
  their own or run long: they then continue the words of the previous speaker.

Speakers come from the dependency parse: the subject of the reporting verb (inverted or not),
its apposition ("le porte-parole du Kremlin, Dmitri Peskov"), the object of "selon"; a
pronoun ("a-t-il ajouté") takes the latest person speaking or acting before it; a role
("l'agence", "le dirigeant nord-coréen") takes the name the article attaches to the same
words. Names resolve to the fullest name in the article: its entity chains when the entity
stage has filled them, else the fullest matching name among the parse's entities. A role the
article never ties to a name falls back on its most-named speaker only when that person could
hold it (not "l'avocat", "le procureur": roles held towards someone else); a person left known
by a role alone has no name: `Speaker.role` keeps the words, `Speaker.span` where they stand.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from unidecode import unidecode

from recoupe.analyze import quote_rules as R
from recoupe.analyze.nlp import parser_text
from recoupe.model import Article, Entity, Quote, Speaker

__all__ = ["find_quotes", "quoted_spans"]


# --------------------------------------------------------------------------- quotation marks

_MARK_RE = re.compile("[" + re.escape("".join(sorted(R.ALL_MARKS))) + "]")
_PARA_RE = re.compile(r"[^\n]+")
_SPACES = " \t\r\u00a0\u202f\u2009"
_BOUNDARY_BEFORE = set(_SPACES) | set("([{—–-:/\n")
_BOUNDARY_AFTER = set(_SPACES) | set(".,;:!?)]}…—–-\n")


def _role(text: str, i: int) -> str:
    """Whether the mark at `i` opens, closes, or could do either."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    mark = text[i]
    if mark == "»":
        return "close"
    if mark == "’" and nxt.isalnum():
        return "none"  # an apostrophe
    opens = prev in _BOUNDARY_BEFORE or prev in R.ALL_MARKS
    closes = prev not in _SPACES and (nxt in _BOUNDARY_AFTER or nxt in R.ALL_MARKS)
    if mark in ("«", "“", "„", "‘") and opens:
        return "open"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either" if mark in ('"', "”", "«", "“") else "none"


@dataclass
class _Marked:
    open: int  # position of the opening mark
    close: int  # position of the closing mark
    start: int  # the quoted words
    end: int
    paragraph: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _SPACES or text[start] == "\n"):
        start += 1
    while end > start and (text[end - 1] in _SPACES or text[end - 1] in ",\n"):
        end -= 1
    return start, end


def quoted_spans(text: str) -> list[_Marked]:
    """Every stretch of text between matching quotation marks, in one linear pass."""
    paras = [(m.start(), m.end()) for m in _PARA_RE.finditer(text)]
    out: list[_Marked] = []
    cur: tuple[int, str, int] | None = None  # (open position, opening mark, first paragraph)
    for p, (ps, pe) in enumerate(paras):
        skip_first = False
        if cur is not None:  # a quote left open: does this paragraph continue it?
            lead = ps
            while lead < pe and text[lead] in _SPACES:
                lead += 1
            mark = text[lead] if lead < pe else ""
            if mark and (mark == cur[1] or (cur[1] == "«" and mark == "»")) and p - cur[2] < R.MAX_QUOTE_PARAGRAPHS:
                skip_first = True
            else:
                cur = None
        for m in _MARK_RE.finditer(text, ps, pe):
            i = m.start()
            if skip_first:
                skip_first = False
                if i == lead:
                    continue
            mark = text[i]
            role = _role(text, i)
            if role == "none":
                continue
            if cur is None:
                if mark in R.OPENERS and role in ("open", "either"):
                    cur = (i, mark, p)
                continue
            opener = cur[1]
            if mark in R.MARKS[opener] and role in ("close", "either"):
                start, end = _trim(text, cur[0] + 1, i)
                if end > start and i - cur[0] <= R.MAX_QUOTE_CHARS:
                    out.append(_Marked(cur[0], i, start, end, cur[2]))
                cur = None
            elif mark == opener and role == "open":
                cur = (i, mark, p)  # the previous opener was never closed
    return out


# --------------------------------------------------------------------------- names and speakers

def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", " ", unidecode(s).lower().replace("-", " ")).strip()


def _words(s: str) -> list[str]:
    return [w for w in _norm(s).split() if w]


def _strip_title(tokens):
    while tokens and tokens[0].text.lower() in R.TITLES:
        tokens = tokens[1:]
    return tokens


@dataclass
class _Who:
    """A resolved speaker, before it becomes a model Speaker."""

    name: str | None
    entity_id: str | None = None
    start: int | None = None
    end: int | None = None
    person: bool = False  # a person (a pronoun may refer back to it)
    named: bool = True  # False for a role the article never ties to a name ("l'avocat de la banque")


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    cue_tok: object | None = None  # the reporting verb token
    cue_text: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    subj: object | None = None  # the token naming the speaker, if the parse gives one
    inherit: bool = False  # a quote standing alone: the previous speaker goes on
    paragraph: int = 0
    embedded: bool = False  # the quoted words continue the sentence around them
    nwords: int = 0


_PERSON = ("PER", "PERSON")
_ALLOWED_BETWEEN = {"-t", "-il", "-elle", "-ils", "-elles", "encore", "aussi", "ainsi", "alors", "lui",
                    "elle", "pour", "sa", "part", "déjà", "également", "then", "also", "later", "further"}


class _Finder:
    """The article, its parse, and the lookups the rules need (all built in linear time)."""

    def __init__(self, article: Article, doc):
        self.article = article
        self.doc = doc
        self.text = article.text
        self.lang = "en" if doc.lang_ == "en" else "fr"
        self.paras = [(m.start(), m.end()) for m in _PARA_RE.finditer(self.text)] or [(0, len(self.text))]
        self.para_starts = [p[0] for p in self.paras]
        self.sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        self.ents = [e for e in doc.ents if e.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                                                              "PERCENT", "QUANTITY")]
        self.ent_starts = [e.start_char for e in self.ents]
        self.ent_of = [-1] * len(doc)
        for k, e in enumerate(self.ents):
            for i in range(e.start, e.end):
                self.ent_of[i] = k
        self.people = [e for e in self.ents if self.is_person(e)]
        self._gender: dict[str, str] | None = None  # surname -> "f" or "m"
        # "Caisse nationale des Caisses d'épargne (CNCE)": the acronym stands for the long name
        self.expansions: dict[str, str] = {}
        for m in _ACRONYM_RE.finditer(self.text):
            long = _expand_acronym(self.text, m.start(), m.group(1))
            if long:
                self.expansions.setdefault(m.group(1).lower(), long)
        by_id = {ent.id: ent for ent in article.entities or []}
        # the entity stage's mentions; those it linked by role or pronoun are weighed after the parse's own
        self.mentions = sorted(((m.start, m.end, by_id[m.entity_id], m.kind) for m in article.mentions or []
                                if m.entity_id in by_id), key=lambda x: x[0])
        if not self.mentions:
            self.mentions = sorted(((m.start, m.end, ent, "name") for ent in article.entities or []
                                    for m in ent.mentions), key=lambda x: x[0])
        self.mention_starts = [m[0] for m in self.mentions]
        self.in_quote = [False] * len(doc)
        self.cues: list = []
        self.cue_chars: list[int] = []
        self._speakers: set[str] | None = None
        self._role_ctx: list | None = None
        self._named: dict[bool, dict] = {}

    # ---- positions
    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def segment(self, char: int) -> tuple[int, int]:
        """The sentence around `char`, cut at its paragraph (the parser may run over a break)."""
        s = self.sents[max(0, bisect.bisect_right(self.sent_starts, char) - 1)]
        ps, pe = self.paras[self.para_of(char)]
        return max(s.start_char, ps), min(s.end_char, pe) if s.end_char > ps else pe

    def tokens(self, lo: int, hi: int):
        span = self.doc.char_span(lo, hi, alignment_mode="expand")
        return list(span) if span is not None else []

    def cues_in(self, lo: int, hi: int):
        i = bisect.bisect_left(self.cue_chars, lo)
        while i < len(self.cues) and self.cues[i].idx < hi:
            yield self.cues[i]
            i += 1

    # ---- entities
    @staticmethod
    def is_person(e) -> bool:
        if len(e) == 1 and R.noun_stem(e.text) in R.TIME_NOUNS:
            return False  # "Lundi," at a sentence start
        return e.label_ in _PERSON or (e.label_ == "MISC" and all(t.pos_ == "PROPN" for t in e))

    def ent_for(self, tok):
        k = self.ent_of[tok.i]
        return self.ents[k] if k >= 0 else None

    def entity_at(self, start: int, end: int, names_only: bool = False) -> tuple[Entity, int, int] | None:
        """The entity-stage mention overlapping [start, end), if that stage has run."""
        i = bisect.bisect_left(self.mention_starts, end) - 1
        while i >= 0:
            ms, me, ent, kind = self.mentions[i]
            if start - ms > 300:
                break
            if ms < end and me > start and not (names_only and kind in ("role", "pronoun")):
                return ent, ms, me
            i -= 1
        return None

    def fullest(self, words: list[str], fallback: str) -> str:
        """The fullest person name in the article containing all these words."""
        mine, best, best_n = set(words), None, len(words)
        for e in self.people:
            ew = _words(e.text)
            if len(ew) > best_n and mine <= set(ew):
                best, best_n = e, len(ew)
        if best is None:
            return fallback
        toks = _strip_title(list(best))
        return self.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)] if toks else fallback

    def who_from_tokens(self, tokens, person: bool) -> _Who | None:
        tokens = [t for t in tokens if not t.is_punct or t.text == "-"]
        while tokens and tokens[0].pos_ == "DET":
            tokens = tokens[1:]
        while tokens and tokens[-1].lower_ in ("'s", "’s", "'", "’"):
            tokens = tokens[:-1]  # a possessive ending is not part of the name
        tokens = _strip_title(tokens)
        if not tokens:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        surface = self.text[start:end]
        hit = self.entity_at(start, end)
        if hit is not None:
            ent, _, _ = hit
            glued = surface.startswith(ent.name) and " " not in surface[len(ent.name):]  # "An Chan" + "-il"
            return _Who(surface if glued else ent.name, ent.id, start, end, ent.type == "PER")
        name = self.fullest(_words(surface), surface) if person else surface
        return _Who(name, None, start, end, person)

    def who_from_ent(self, e) -> _Who | None:
        toks = list(e)
        while toks[-1].whitespace_ == "" and toks[-1].i + 1 < len(self.doc) and \
                self.doc[toks[-1].i + 1].text.lstrip("-").isalpha() and len(toks) < 8:
            toks.append(self.doc[toks[-1].i + 1])  # "Chan" + "-il", "Jong-" + "un"
        return self.who_from_tokens(toks, self.is_person(e))

    # ---- phrases
    def phrase(self, tok) -> list:
        """The noun phrase around a common-noun subject: determiners off, no clause, no comma."""
        doc = self.doc
        lo_seg, _ = self.segment(tok.idx)
        hi_seg = self.paras[self.para_of(tok.idx)][1]  # the parser may cut a sentence inside "état-major"
        lo = tok.i
        while lo - 1 >= 0 and doc[lo - 1].idx >= lo_seg and doc[lo - 1].pos_ in ("ADJ", "NUM") \
                and not self.in_quote[lo - 1]:
            lo -= 1
        hi = tok.i
        while hi + 1 < len(doc) and doc[hi + 1].idx < hi_seg and hi - tok.i < 8 and not self.in_quote[hi + 1]:
            t = doc[hi + 1]
            if t.pos_ == "ADP" and t.lower_ not in ("de", "du", "des", "d'", "d’", "of"):
                break
            if t.lower_ in ("selon", "according", "que", "qui", "who", "that"):
                break
            if t.pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "DET", "NUM", "X") or (t.text.startswith("-") and t.pos_ != "PRON"):
                hi += 1
            else:
                break
        toks = list(doc[lo:hi + 1])
        while len(toks) > 1 and (toks[-1].pos_ in ("ADP", "DET") or toks[-1].text == "-"):
            toks.pop()
        while len(toks) > 1 and toks[0].pos_ in ("DET", "PUNCT"):
            toks.pop(0)
        return toks

    def apposed_name(self, tok, phrase):
        """A name the punctuation or the parse sets beside a role ("le porte-parole, Dmitri Peskov")."""
        doc = self.doc
        nxt = phrase[-1].i + 1
        if nxt + 1 < len(doc) and doc[nxt].text == "," and not self.in_quote[nxt + 1]:
            e = self.ent_for(doc[nxt + 1])
            attributed = any(t.lower_ in ("selon", "après", "according") for t in doc[max(0, phrase[0].i - 3):phrase[0].i])
            if e is not None and e.start == nxt + 1 and self.is_person(e) and not (
                    attributed and e.root.dep_.startswith("nsubj")):  # "Selon une source, X avait ...": X is no source
                return e
        lo = phrase[0].i - 1
        while lo >= 0 and doc[lo].pos_ == "DET":
            lo -= 1
        if lo >= 1 and doc[lo].text == ",":  # "An Chan-il, un transfuge devenu chercheur, a déclaré"
            j = lo - 1
            while j > 0 and self.ent_for(doc[j]) is None and doc[j - 1].whitespace_ == "":
                j -= 1  # "Chan" + "-il"
            e = self.ent_for(doc[j])
            if e is not None and e.end == j + 1 and self.is_person(e):
                return e
        # "le président de la FBF et directeur général de Crédit Agricole, Georges Pauget, a expliqué"
        verb = tok.head
        if verb.i > tok.i and verb.i - tok.i < 25:
            for j in range(phrase[-1].i + 1, verb.i):
                if doc[j].text == "," and j + 1 < verb.i:
                    e = self.ent_for(doc[j + 1])
                    if e is not None and e.start == j + 1 and self.is_person(e) and e.end < len(doc) \
                            and doc[e.end].text == ",":
                        return e
        for c in tok.children:
            if c.dep_ == "appos" and self.ent_for(c) is not None:
                return self.ent_for(c)
        for t in phrase:  # "l'agence KCNA", "le président Emmanuel Macron"
            e = self.ent_for(t)
            if e is not None and t.pos_ == "PROPN" and t.i > tok.i and (e.label_ in ("ORG", "MISC") or self.is_person(e)) \
                    and not any(doc[j].pos_ == "ADP" or doc[j].lower_ in _OF for j in range(tok.i + 1, e.start)):
                return e
        return None

    def role_name(self, head, phrase, before: int):
        """The name the article sets right after the same role words ("le dirigeant nord-coréen X")."""
        words = {}
        for t in phrase:
            if t.pos_ in ("NOUN", "ADJ", "PROPN"):
                for part in t.text.split("-"):
                    if len(part) > 2:
                        words[R.noun_stem(part)] = 2 if t.pos_ == "ADJ" else 1
        heads = {R.noun_stem(p) for p in head.text.split("-") if len(p) > 2}
        if not heads:
            return None
        best, best_key = None, None
        for e, stems in self.role_contexts():
            if phrase[0].i <= e.start <= phrase[-1].i or not heads & stems:
                continue
            score = sum(w for st, w in words.items() if st in stems)
            if 2 * score < sum(words.values()):
                continue  # only a word in common ("l'agence d'Etat" is not "l'état-major")
            dist = before - e.start_char if e.start_char < before else 10**6 + e.start_char - before
            key = (score, -dist)
            if best_key is None or key > best_key:
                best, best_key = e, key
        return best

    def role_contexts(self) -> list:
        """Each name with the stems of the role words set right before it (computed once)."""
        if self._role_ctx is None:
            self._role_ctx = []
            for e in self.ents:
                if not (self.is_person(e) or e.label_ == "ORG") or _role_like(e.text) or self.complement(e):
                    continue
                j = e.start - 1
                while j >= 0 and self.doc[j].pos_ == "DET":
                    j -= 1
                if j >= 0 and self.doc[j].lower_ in _OF and self.lang == "fr":
                    continue  # "avocate du trader de la Caisse d'Epargne": the bank completes the role, it does not hold it
                ctx, j = [], e.start - 1
                while j >= 0 and len(ctx) < 6:
                    t = self.doc[j]
                    k = self.ent_of[j]
                    if k >= 0 and self.is_person(self.ents[k]):
                        if t.i + 1 < len(self.doc) and self.doc[t.i + 1].pos_ == "CCONJ":
                            j = self.ents[k].start - 1  # "les dirigeants russe X et nord-coréen Y"
                            continue
                        break
                    if t.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "CCONJ") or t.text in (",", "-") \
                            or t.lower_ in ("de", "du", "des", "d'", "d’", "of"):
                        ctx.append(t)
                        j -= 1
                        continue
                    break
                stems = {R.noun_stem(p) for t in ctx for p in t.text.split("-") if len(p) > 2}
                if stems:
                    self._role_ctx.append((e, stems))
        return self._role_ctx

    # ---- who speaks
    def aux_start(self, cue) -> int:
        """Index of the first token of the verb group ("a-t-il déclaré", "avait déclaré")."""
        j = cue.i
        while j - 1 >= 0 and (self.doc[j - 1].pos_ == "AUX" or self.doc[j - 1].lower_ in ("-t", "-il", "-elle", "ne", "n'")
                              or (self.doc[j - 1].pos_ == "ADV" and cue.i - j < 3)):
            j -= 1
        return j

    def subject_of(self, cue, depth: int = 0):
        """The token naming who speaks through the reporting verb `cue`."""
        doc = self.doc
        lo_seg, hi_seg = self.segment(cue.idx)
        if any(c.dep_ in ("aux:pass", "auxpass") for c in cue.children):
            # "L'annonce a été critiquée par le PS", "was criticised by Labour": the agent speaks,
            # never the passive subject
            for c in cue.children:
                agent = c if c.dep_ == "obl:agent" else next(
                    (g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "agent" else None
                if agent is not None and not self.in_quote[agent.i]:
                    return agent
            return None
        for c in cue.children:
            if c.dep_ in ("nsubj", "expl:subj") and lo_seg <= c.idx < hi_seg and not self.in_quote[c.i]:
                if c.lower_ == "-t" and c.i + 1 < len(doc) and doc[c.i + 1].lower_.startswith("-"):
                    return doc[c.i + 1]
                if c.dep_ == "nsubj" or c.lower_.startswith("-"):
                    k = self.aux_start(cue) - 1  # "La veille, Benoît XVI lançait": the name next to the verb
                    e = self.ent_for(doc[k]) if k >= 0 and c.pos_ == "NOUN" else None
                    if e is not None and self.is_person(e) and e.start > c.i and e.end == k + 1:
                        return doc[k]
                    return c
        for c in cue.children:  # "dit-il", "ajoute-t-elle"
            if c.lower_.lstrip("-") in ("il", "elle", "ils", "elles") and c.text.startswith("-"):
                return c
        if cue.i + 1 < len(doc) and doc[cue.i + 1].text.startswith("-") and doc[cue.i + 1].pos_ == "PRON":
            k = cue.i + 1 if doc[cue.i + 1].lower_ != "-t" else cue.i + 2
            if k < len(doc):
                return doc[k]
        # a participle ("..., ajoutant que", "précisant que") speaks with the verb before it
        if cue.lower_.endswith(("ant", "ing")) and depth == 0:
            prev = [c for c in self.cues_in(lo_seg, cue.idx) if c.i < cue.i]
            if prev:
                return self.subject_of(prev[-1], depth + 1)
            if cue.head is not cue and lo_seg <= cue.head.idx < hi_seg:
                return self.subject_of(cue.head, depth + 1)
        # "a confirmé ... mais a indiqué que": a coordinated verb shares its subject
        if cue.dep_ == "conj" and cue.head is not cue and depth < 2 and cue.head.pos_ in ("VERB", "AUX") \
                and lo_seg <= cue.head.idx < hi_seg:
            s = self.subject_of(cue.head, depth + 1)
            if s is not None:
                return s
        # a subject the parser hung on the auxiliary: "Il a par ailleurs jugé que"
        for t in doc[max(0, cue.i - 6): cue.i]:
            if t.dep_ == "nsubj" and t.idx >= lo_seg and not self.in_quote[t.i] and (
                    t.head.pos_ == "AUX" or t.head.dep_.startswith("aux") or t.head.i == cue.i) and all(
                    (x.pos_ in ("AUX", "ADV", "ADP", "NOUN", "PART") or x.dep_.startswith("aux")) and x.text != "," for x in doc[t.i + 1: cue.i]):
                return t
        if cue.i > 1 and doc[cue.i - 1].lower_ in ("de", "d'", "d’") and cue.lower_.endswith(("er", "ir", "re")):
            for t in reversed(doc[max(0, cue.i - 8): cue.i - 1]):  # "Et le patron de la banque de conclure"
                if t.idx < lo_seg:
                    break
                if t.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "case" for c in t.children):
                    return t
        start = self.aux_start(cue)
        before = doc[start - 1] if start > 0 and doc[start - 1].idx >= lo_seg else None
        # an incise after a quote or a clause inverts its subject: « ... », a déclaré X
        if before is None or before.text in (",", ":") or before.text in R.ALL_MARKS or self.in_quote[before.i]:
            k = cue.i + 1
            while k < len(doc) and doc[k].idx < hi_seg and not doc[k].text[:1].isupper() and (
                    doc[k].pos_ in ("ADV", "DET", "ADJ") or doc[k].lower_ in _ALLOWED_BETWEEN
                    or R.noun_stem(doc[k].text) in R.TIME_NOUNS):
                k += 1
            after_quote = before is not None and (before.text in R.ALL_MARKS or (
                before.text == "," and before.i > 0 and doc[before.i - 1].text in R.ALL_MARKS))
            if k < len(doc) and doc[k].idx < hi_seg and not self.in_quote[k] and R.noun_stem(doc[k].text) not in R.TIME_NOUNS and (
                    doc[k].pos_ in ("PROPN", "PRON") or self.ent_for(doc[k]) is not None
                    or (doc[k].text[:1].isupper() and doc[k].is_alpha) or (
                        doc[k].pos_ == "NOUN" and (doc[k].text[:1].isupper()
                                                   or any(R.noun_stem(p) in R.SPEAKER_NOUNS for p in doc[k].text.split("-"))))):
                return doc[k]
            if before is not None and before.text == ",":
                # "le Crédit Foncier, filiale des Caisses d'Epargne, a indiqué": the name before the apposition
                for j in range(before.i - 1, max(0, before.i - 25), -1):
                    if doc[j].idx < lo_seg or self.in_quote[j] or doc[j].text in (".", ";", ":"):
                        break
                    if doc[j].text == "," and j > 0:
                        e = self.ent_for(doc[j - 1])
                        if e is not None and e.end == j and (self.is_person(e) or e.label_ == "ORG"):
                            return doc[j - 1]
                        break
                # "An Chan-il, un chercheur qui ..., avait déclaré": the subject opens the sentence
                for t in doc[self.tokens(lo_seg, lo_seg + 1)[0].i: start] if self.tokens(lo_seg, lo_seg + 1) else []:
                    if t.pos_ in ("VERB",) or t.text in R.ALL_MARKS:
                        break
                    if t.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "case" for c in t.children):
                        return t  # not "Au cours de cette rencontre, X a dénoncé": a phrase, no subject
            return None
        # ordinary order: the noun group just before the verb group
        j = before.i
        while j >= 0 and doc[j].idx >= lo_seg and before.i - j < 8:
            if doc[j].pos_ in ("NOUN", "PROPN", "PRON") and not self.in_quote[j]:
                inside_pp = any(c.dep_ == "case" for c in doc[j].children) or R.noun_stem(doc[j].text) in R.TIME_NOUNS
                if not inside_pp:
                    return doc[j]
            elif doc[j].pos_ not in ("ADJ", "NUM", "X", "DET", "ADP", "ADV", "AUX"):
                break
            j -= 1
        # "Nick Leeson, le trader ... dans les années 90, estime": the name opening the sentence
        first = self.tokens(lo_seg, lo_seg + 1)
        if first:
            e = self.ent_for(first[0])
            if e is not None and self.is_person(e) and e.start == first[0].i:
                return first[0]
        return None

    def resolve(self, subj, at: int, history: list[_Who]) -> _Who | None:
        low = subj.lower_
        if low in R.FIRST_PERSON or low in R.PLURAL_ANAPHORIC:
            return None
        if low in ("un", "une", "one"):  # "un des avocats de la banque": one of the lawyers speaks
            part = next((c for c in subj.children if c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN") and
                         any(g.lower_ in ("des", "d'entre", "d’entre", "of") for g in c.children)), None)
            if part is not None:
                subj, low = part, part.lower_
        hit = self.entity_at(subj.idx, subj.idx + len(subj.text), names_only=True)
        if hit is not None and not _role_like(hit[0].name) and not _demonym(subj):
            ent, ms, me = hit
            return _Who(ent.name, ent.id, ms, me, ent.type == "PER")
        if subj.pos_ == "NOUN":  # a role with its name beside it: "le pdg de la banque, Daniel Bouton"
            phrase = self.phrase(subj)
            e = self.apposed_name(subj, phrase)
            if e is not None:
                return self.who_from_ent(e)
            who = self.entity_with_role(subj, phrase, at)  # "l'avocate" -> "Me X, avocate du trader"
            if who is not None and (who.person or not _demonym(subj)):
                return who
        hit = self.entity_at(subj.idx, subj.idx + len(subj.text))
        if hit is not None and not _role_like(hit[0].name) and not _demonym(subj):  # a role or pronoun the entity stage linked
            ent, ms, me = hit
            return _Who(ent.name, ent.id, ms, me, ent.type == "PER")
        named = self.ent_for(subj)
        if named is not None and self.is_person(named) and (subj.pos_ != "PRON" or len(named) > 1):
            return self.who_from_ent(named)  # "Un" in "Kim Jong Un" is no pronoun
        if low == "it":  # an organisation: the latest one quoted, or named, before
            who = next((w for w in reversed(history) if not w.person), None)
            i = bisect.bisect_left(self.ent_starts, at) - 1
            while i >= 0 and at - self.ents[i].start_char < 1500:
                e = self.ents[i]
                if e.label_ == "ORG" and not self.in_quote[e.start] and (
                        who is None or who.start is None or e.start_char > who.start):
                    return self.who_from_ent(e)
                i -= 1
            return who
        if low in R.PRONOUNS or subj.pos_ == "PRON":
            gender = "f" if low in R.FEMININE_PRONOUNS else "m" if low.lstrip("-") in ("il", "he", "ils") else None
            return self.antecedent(at, history, person=True if low in R.PERSON_PRONOUNS else None, gender=gender)
        phrase = self.phrase(subj)
        e = self.ent_for(subj)
        if e is not None and (_role_like(e.text) or not any(t.text[:1].isupper() for t in e if t.pos_ != "DET")
                              or _demonym(subj)):
            e = None  # "ministre de la justice" tagged as an organisation is a role, not a name
        e = self.apposed_name(subj, phrase) or e
        if e is not None:
            return self.who_from_ent(e)
        if R.noun_stem(subj.text) in R.DOCUMENTS:  # "a release from UFCW Local 832 said": its author speaks
            for t in subj.subtree:
                a = self.ent_for(t)
                if a is not None and (self.is_person(a) or a.label_ == "ORG"):
                    return self.who_from_ent(a)
        if subj.pos_ == "PROPN":
            return self.who_from_tokens(phrase, True)
        if any(c.dep_ in ("det", "nmod:poss", "poss") and c.lower_ in R.DEFINITE_SINGULAR for c in subj.children) \
                or low in R.ANAPHORIC:
            who = self.role_who(subj, phrase, at, history)
            if who is not None:
                return who
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
        # a person known only by a role ("l'avocat de la banque") has no name; an institution's
        # common name is its name ("le parquet de Paris", "l'état-major interarmées de Séoul")
        return _Who(self.text[start:end], None, start, end, False, named=not _person_role(subj))

    def role_who(self, subj, phrase, at: int, history: list[_Who]) -> _Who | None:
        """Who a definite role names: "le porte-parole du Kremlin" -> the name set beside those
        words; else "le ministre", "ce dernier" -> the latest person; "la banque" -> the latest
        organisation of that kind."""
        if subj.lower_ in R.ANAPHORIC:
            return self.antecedent(at, history)
        who = self.entity_with_role(subj, phrase, at)
        if who is not None and (who.person or not _demonym(subj)):
            return who
        e = self.role_name(subj, phrase, at)
        if e is not None and (self.is_person(e) or not _demonym(subj)):  # "le Belge" is no newspaper
            return self.who_from_ent(e)
        head = R.noun_stem(subj.text.split("-")[-1])
        if head in R.PERSON_ROLES or (subj.text[:1].isupper() and subj.pos_ in ("NOUN", "PROPN")):
            who = self.salient_person(at)  # "le ministre", "l'Américain": the person the article is about
            if who is not None and (self.bears_role(who, subj) or self.may_hold(who, subj)):
                return who
        word = unidecode(subj.lower_)
        latest = None
        for ent in self.ents:
            if ent.start_char >= at or ent.label_ not in ("ORG", "MISC") or phrase[0].i <= ent.start <= phrase[-1].i:
                continue
            if word in _words(ent.text) and len(word) > 3 and not self.complement(ent):
                latest = ent
        if latest is not None:
            return self.who_from_ent(latest)
        if head in R.ORG_ROLES or head in R.DOCUMENTS:
            return self.salient_speaker(at, org=True)  # "la banque": the organisation the article has speak
        return None

    def entity_with_role(self, subj, phrase, at: int) -> _Who | None:
        """The entity the entity stage gave this role to ("procureur de la République")."""
        if "Plur" in subj.morph.get("Number"):
            return None  # "d'après les agences": many, not the one agency the article named
        head = R.noun_stem(subj.text)
        words = {}
        for t in phrase:
            if t.pos_ in ("NOUN", "ADJ", "PROPN"):
                for p in t.text.split("-"):
                    if len(p) > 2:
                        words[R.noun_stem(p)] = 2 if t.pos_ == "ADJ" else 1
        total = sum(words.values())
        best, best_key = None, None
        for ent in self.article.entities or []:
            for role in ent.roles:
                if _ends_in_plural(role.text):
                    continue  # "la banque de gros des groupes X et Y": X is one of the groups, not the bank
                stems = {R.noun_stem(w) for w in re.split(r"[\s'’-]+", role.text) if len(w) > 2}
                score = sum(w for st, w in words.items() if st in stems)
                if head not in stems or 2 * score < total:
                    continue
                before = [m.start for m in ent.mentions if m.start < at]
                key = (score, max(before) if before else -1)
                if best_key is None or key > best_key:
                    best, best_key = ent, key
        if best is None:
            return None
        span = best.mentions[0] if best.mentions else None
        return _Who(best.name, best.id, span.start if span else None, span.end if span else None, best.type == "PER")

    def complement(self, e) -> bool:
        """A name that completes a plural noun ("des groupes Banque Populaire et Caisses
        d'Epargne"): the words before it are not its role."""
        j = e.start - 1
        while j >= 1 and self.doc[j].lower_ in ("et", "and") and self.ent_for(self.doc[j - 1]) is not None:
            j = self.ent_for(self.doc[j - 1]).start - 1  # "... des groupes X et Y": Y as X
        return j >= 1 and self.doc[j].pos_ == "NOUN" and self.doc[j - 1].lower_ in ("des", "les", "of") \
            and self.doc[j].lower_[-1:] in ("s", "x")

    def bears_role(self, who: _Who, role) -> bool:
        """Whether the article gives this person the role word somewhere: among the roles the
        entity stage recorded, right before the name, or in an apposition after it ("X, avocat
        de la banque"). An unnamed "le procureur" is not the most-named person by default."""
        head = R.noun_stem(role.text.split("-")[-1])
        ent = next((e for e in self.article.entities or [] if e.id == who.entity_id), None)
        if ent is not None and any(head in {R.noun_stem(w) for w in re.split(r"[\s'’-]+", r.text)} for r in ent.roles):
            return True
        surname = (_words(who.name or "") or [None])[-1]
        for e, stems in self.role_contexts():
            if head in stems and _words(e.text) and _words(e.text)[-1] == surname:
                return True
        for e in self.people:
            if not _words(e.text) or _words(e.text)[-1] != surname:
                continue
            after = self.doc[e.end: e.end + 8]
            if len(after) and after[0].text == ",":
                for t in after[1:]:
                    if t.text in (",", ".", ";") or t.pos_ in ("VERB", "AUX"):
                        break
                    if R.noun_stem(t.text.split("-")[-1]) == head:
                        return True
        return False

    def may_hold(self, who: _Who, role) -> bool:
        """Whether the article's main person may be meant by a role it never ties to them: not a
        role held towards someone else ("l'avocat", "le procureur"), nor "la ministre" for a man
        (the masculine role noun is also used for women: "le ministre" does not rule one out)."""
        words = role.text.lower().split("-")
        if R.noun_stem(role.text) in R.RELATIONAL_ROLES or R.noun_stem(words[-1]) in R.RELATIONAL_ROLES:
            return False
        feminine = any(c.dep_ == "det" and c.lower_ in ("la", "cette", "une") for c in role.children)
        return not (feminine and self.gender_of(who) == "m")

    def speakers(self) -> set[str]:
        """Surnames of the people the article has speak (subjects of its reporting verbs)."""
        if self._speakers is None:
            self._speakers = set()
            for c in self.cues:
                subj = self.subject_of(c)
                e = self.ent_for(subj) if subj is not None else None
                if e is not None and (self.is_person(e) or e.label_ == "ORG") and _words(e.text) \
                        and not self.complement(e):
                    self._speakers.add(_words(e.text)[-1])
        return self._speakers

    def salient_person(self, at: int) -> _Who | None:
        return self.salient_speaker(at, org=False)

    def salient_speaker(self, at: int, org: bool) -> _Who | None:
        """Among the people (or organisations) the article has speak, the one named most often
        (one named before `at` first)."""
        speakers = self.speakers()
        if org not in self._named:  # surname -> [mentions, first start, fullest ent], computed once
            named: dict[str, list] = {}
            for e in ([e for e in self.ents if e.label_ == "ORG"] if org else self.people):
                words = _words(e.text)
                if words:
                    c = named.setdefault(words[-1], [0, e.start_char, e])
                    c[0] += 1
                    if len(e) > len(c[2]):
                        c[2] = e
            self._named[org] = named
        named = self._named[org]
        pool = {k: v for k, v in named.items() if k in speakers}
        if org and not pool:  # no organisation speaks: the most named one before `at`
            pool = {k: v for k, v in named.items() if v[1] < at}
        if not pool:
            return None
        return self.who_from_ent(max(pool.values(), key=lambda v: (v[1] < at, v[0]))[2])

    def _gender_before(self, e) -> str | None:
        """Gender told by the words before a name: "Mme", "M.", "la ministre", "le président"."""
        j = e.start - 1
        while j >= 0 and self.doc[j].pos_ == "ADJ" and e.start - j <= 2:
            j -= 1  # "le petit Mohamed", "la jeune Fatna": the article agrees with the name
        if j < e.start - 1 and j >= 0:
            low = self.doc[j].lower_
            if low in ("la", "une", "cette"):
                return "f"
            if low in ("le", "un", "ce", "cet", "du", "au"):
                return "m"
        j, seen_noun = e.start - 1, False
        while j >= 0 and e.start - j <= 6:
            t = self.doc[j]
            low = t.lower_
            if low in R.FEMININE_TITLES:
                return "f"
            if low in R.MASCULINE_TITLES:
                return "m"
            if seen_noun and t.pos_ == "ADP":  # "la visite du président X": "du" is the role's article
                return "m" if low in ("du", "au") else None
            if t.pos_ == "DET" and seen_noun:
                return "f" if low in ("la", "une", "cette", "sa") else "m" if low in ("le", "un", "ce", "cet", "son") else None
            if t.pos_ in ("NOUN", "ADJ") and (seen_noun or R.noun_stem(t.text) in R.PERSON_ROLES):
                seen_noun = True  # "la ministre", "le président": a role noun, not "la visite de"
            elif t.pos_ in ("NOUN", "ADJ"):
                pass
            elif not (t.pos_ in ("ADP", "DET", "PROPN") or t.text == ","):
                return None
            j -= 1
        return None

    def genders(self) -> dict[str, str]:
        """Surname -> "f" or "m", as titles, role determiners or a following pronoun tell it."""
        if self._gender is None:
            doc, self._gender = self.doc, {}
            for e in self.people:  # titles and articles first, wherever the name is
                g, words = self._gender_before(e), _words(e.text)
                if g and words:
                    self._gender.setdefault(words[-1], g)
            for k, e in enumerate(self.people):  # then "Jane Smith ... she", before anyone else is named
                g, words = None, _words(e.text)
                stop = self.people[k + 1].start if k + 1 < len(self.people) else len(doc)
                for t in doc[e.end: min(stop, e.end + 25)]:
                    if t.lower_ in R.MASCULINE_SUBJECTS and not self.in_quote[t.i]:
                        g = "m"
                        break
                    if t.lower_ in R.FEMININE_SUBJECTS and not self.in_quote[t.i]:
                        g = "f"
                        break
                if g and words:
                    self._gender.setdefault(words[-1], g)
        return self._gender

    def gender_of(self, who: _Who) -> str | None:
        words = _words(who.name or "")
        return self.genders().get(words[-1]) if words else None

    def antecedent(self, at: int, history: list[_Who], person: bool | None = None,
                   gender: str | None = None) -> _Who | None:
        """The latest speaker, or person named as a subject since, before `at` ("il", "she"),
        skipping those whose gender the article tells and the pronoun contradicts."""
        if person is None:
            person = self.lang == "en"

        def fits(who: _Who) -> bool:
            g = self.gender_of(who)
            return gender is None or g is None or g == gender or not who.person

        last = next((w for w in reversed(history) if (w.person or not person) and fits(w)), None)
        last_pos = last.start if last is not None and last.start is not None else -1
        i = bisect.bisect_left(self.ent_starts, at) - 1
        while i >= 0 and self.ents[i].start_char > last_pos and at - self.ents[i].start_char < 1500:
            e = self.ents[i]
            if self.is_person(e) and e.root.dep_ in ("nsubj", "nsubj:pass") and not self.in_quote[e.start]:
                who = self.who_from_ent(e)
                if who is not None and fits(who):
                    return who
            i -= 1
        if last is not None and at - last_pos < 3000:
            return last
        i = bisect.bisect_left(self.ent_starts, at) - 1
        while i >= 0 and at - self.ents[i].start_char < 1500:
            e = self.ents[i]
            if self.is_person(e) and not self.in_quote[e.start]:
                who = self.who_from_ent(e)
                if who is not None and fits(who):
                    return who
            i -= 1
        return None

    def according_object(self, tok):
        """The noun after "selon", "d'après", "according to", "pour X," (its head token)."""
        doc = self.doc
        low = tok.lower_
        if self.lang == "en":
            if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                for c in doc[tok.i + 1].children:
                    if c.dep_ == "pobj":
                        return c
            return None
        if low == "selon" or (low in ("d'", "d’") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "après"):
            first = tok.i + (1 if low == "selon" else 2)
            if first < len(doc) and doc[first].lower_ in R.PERSONAL_OBJECTS:
                return doc[first]
            for t in doc[first: first + 6]:
                if t.pos_ in ("NOUN", "PROPN", "PRON"):
                    return t
                if t.pos_ not in ("DET", "ADJ", "NUM"):
                    break
            return None
        if low == "pour" and tok.i + 2 < len(doc):
            lo_seg, _ = self.segment(tok.idx)
            if tok.idx != lo_seg:
                return None
            nxt = doc[tok.i + 1]
            if nxt.lower_ in R.PERSONAL_OBJECTS and doc[tok.i + 2].text == ",":
                return nxt
            e = self.ent_for(nxt)
            if e is None or not (self.is_person(e) or e.label_ == "ORG"):
                return None
            end = e.end
            if end < len(doc) and doc[end].text == "(":  # "Pour Manuel Valls (PS),"
                while end < len(doc) and doc[end].text != ")" and end - e.end < 8:
                    end += 1
                end += 1
            if end < len(doc) and doc[end].text == ",":
                return nxt
        return None

    def is_source(self, obj) -> bool:
        if self.ent_for(obj) is not None or obj.pos_ == "PROPN" or obj.lower_ in R.PERSONAL_OBJECTS:
            return True
        phrase = self.phrase(obj)
        if any(self.ent_for(t) is not None for t in phrase):
            return True
        if obj.lower_ in R.SOURCE_NOUNS or (obj.lemma_ or "").lower() in R.SOURCE_NOUNS:
            return True
        # "selon le magistrat", "selon ce blog": a definite noun group names a source too
        return obj.pos_ == "NOUN" and R.noun_stem(obj.text) not in R.TIME_NOUNS and any(
            c.dep_ == "det" and c.lower_ in R.DEFINITE for c in obj.children)

    def according_span(self, tok, obj) -> tuple[int, int]:
        """Token range of the attribution phrase itself ("selon l'agence KCNA")."""
        end = self.phrase(obj)[-1].i if obj.pos_ != "PRON" else obj.i
        e = self.ent_for(self.doc[end])
        if e is not None:
            end = max(end, e.end - 1)
        return tok.i, end


_ACRONYM_RE = re.compile(r"\(([A-ZÉ][A-Za-zÉ]{1,7})\)")
_OF = {"de", "des", "du", "d'", "d’", "of"}
_SMALL = {"de", "des", "du", "d", "la", "le", "les", "l", "et", "of", "the", "and", "for", "en", "à", "a", "pour"}


def _expand_acronym(text: str, paren: int, acronym: str) -> str | None:
    """The name an acronym in parentheses follows: "Fédération bancaire française (FBF)"."""
    words = list(re.finditer(r"[\w’'-]+", text[max(0, paren - 120):paren]))[-12:]
    base = max(0, paren - 120)
    letters = acronym.lower()
    def bare(w):  # "l'Association" -> "Association"
        return re.split(r"['’]", w.group(0))[-1]
    for i in range(len(words)):
        chunk = [w for w in words[i:] if bare(w).lower() not in _SMALL]
        initials = "".join(unidecode(bare(w)[:1]).lower() for w in chunk)
        if initials.startswith(letters) and len(initials) <= len(letters) + 2 and bare(words[i])[:1].isupper():
            first = words[i]
            return text[base + first.end() - len(bare(first)): base + words[-1].end()]
    return None


def _role_like(name: str) -> bool:
    """A "name" that is a role: "Le Premier ministre", "ministre de la Justice"."""
    words = [w for w in re.split(r"[\s'’]+", name) if w and w.lower() not in _SMALL]
    if not words:
        return False
    return not words[0][:1].isupper() or any(R.noun_stem(p) in R.PERSON_ROLES for w in words for p in w.split("-")
                                              if not p[:1].isupper() or w is words[-1])


def _ends_in_plural(words: str) -> bool:
    """Whether a role's words end in "des <plural noun>" ("banque de gros des groupes")."""
    parts = words.lower().split()
    return len(parts) >= 2 and parts[-2] in ("des", "les", "of") and parts[-1][-1:] in ("s", "x")


def _demonym(tok) -> bool:
    """A capitalised common noun after "le", "l'": "le Belge", "l'Américain" name a nationality,
    a role, not a person (names take no article)."""
    doc = tok.doc
    return tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.ent_type_ != "ORG" and tok.i > 0 and \
        doc[tok.i - 1].lower_ in R.DEFINITE_SINGULAR and doc[tok.i - 1].pos_ == "DET" and \
        not (tok.i + 1 < len(doc) and (doc[tok.i + 1].text[:1].isupper() or doc[tok.i + 1].pos_ == "ADP"))
    # "le Crédit Foncier", "l'Observatoire du financement" are names


def _person_role(tok) -> bool:
    """A common noun that designates a person by a role: "l'avocat", "une source", "the spokesman"."""
    if tok.pos_ != "NOUN":
        return False
    stems = {R.noun_stem(tok.text), R.noun_stem(tok.text.split("-")[-1])}
    return bool(stems & (R.PERSON_ROLES | R.RELATIONAL_ROLES))


def _is_word(tok) -> bool:
    return not (tok.is_punct or tok.is_space)


def _strip_tokens(toks: list, keep_marks: bool = True) -> list:
    keep = ("»", "”", '"', "?", "!", "…") if keep_marks else ("?", "!", "…")
    while toks and (toks[0].is_punct or toks[0].is_space) and toks[0].text not in ("«", "“", '"', "‘"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in keep:
        toks = toks[:-1]
    return toks


def find_quotes(article: Article, doc) -> list[Quote]:
    """The quotes of `article`, from its text and its spaCy parse `doc` (same text, same offsets)."""
    text = article.text or ""
    if not text.strip() or doc is None or len(doc) == 0:
        return []
    parsed = len(doc.text)  # a very long article is parsed up to a limit: quote what was parsed
    if parsed > len(text) or doc.text != parser_text(text[:parsed]):
        article.warnings.append("quotes: the parse does not match the article text; quotes skipped")
        return []
    f = _Finder(article, doc)
    marked = quoted_spans(text[:parsed])
    bounds = sorted((m.open, m.close + 1) for m in marked)
    k = 0
    for t in doc:
        while k < len(bounds) and bounds[k][1] <= t.idx:
            k += 1
        f.in_quote[t.i] = k < len(bounds) and bounds[k][0] <= t.idx < bounds[k][1]
    f.cues = [t for t in doc if not f.in_quote[t.i] and R.reporting_lemma(t)]
    f.cue_chars = [c.idx for c in f.cues]

    cands: list[_Candidate] = []
    for m in marked:
        cands.extend(_direct(f, m))
    for c in f.cues:
        cands.extend(_indirect(f, c))
    cands.extend(_according(f))
    return _settle(f, cands)


def _direct(f: _Finder, m: _Marked) -> list[_Candidate]:
    """A direct quote with its cue, or its two parts when an incise ("a-t-il dit") cuts it."""
    doc = f.doc
    inner = f.tokens(m.start, m.end)
    for t in inner[2:-2] if f.lang == "fr" else ():  # English closes its quotes around an incise
        if not R.reporting_lemma(t):
            continue
        j = f.aux_start(t) - 1
        if j < 0 or doc[j].text != ",":
            continue
        k = t.i + 1
        while k < inner[-1].i and doc[k].text not in (",", ".", ";") and k - t.i <= 6:
            k += 1
        if doc[k].text not in (",", ".", ";"):
            continue
        inverted = any(x.text.startswith("-") for x in doc[j:t.i + 2]) or \
            any(x.pos_ in ("PROPN", "NOUN") for x in doc[t.i + 1:k])
        if not inverted:
            continue
        left = _trim(f.text, m.start, doc[j].idx)
        right = _trim(f.text, doc[k].idx + 1, m.end)
        while right[0] < right[1] and f.text[right[0]] in R.ALL_MARKS | set(_SPACES) | {"\n"}:
            right = (right[0] + 1, right[1])  # the mark reopening the quote after the incise
        if left[1] <= left[0] or right[1] <= right[0]:
            continue
        subj = None
        for x in doc[j:k]:
            if x.text.startswith("-") and x.lower_ != "-t" or (x.i > t.i and x.pos_ in ("PROPN", "NOUN")):
                subj = x
                break
        return [_Candidate(a, b, "direct", t, subj=subj, paragraph=m.paragraph) for a, b in (left, right)]
    q = _Candidate(m.start, m.end, "direct", paragraph=m.paragraph)
    _attach_cue(f, q, m, inner)
    return [q] if q.kind != "drop" else []


def _attach_cue(f: _Finder, q: _Candidate, m: _Marked, inner: list) -> None:
    """The reporting verb or "selon" a direct quote hangs on, and whether it stands alone."""
    text, doc = f.text, f.doc
    lo, _ = f.segment(m.open)
    j = m.close + 1
    while j < len(text) and text[j] in _SPACES:
        j += 1
    after = j < len(text) and text[j] != "\n" and (text[j] in ",;–—-)" or text[j].islower())
    _, hi = f.segment(j if after else m.close)
    hi = max(hi, m.close + 1)
    k = m.open - 1
    while k >= 0 and text[k] in _SPACES:
        k -= 1
    if k >= 0 and text[k] == ":" and f.para_of(k) == m.paragraph:
        lo = min(lo, f.segment(k)[0])
    open_tok = f.tokens(m.open, m.open + 1)
    close_tok = f.tokens(m.close, m.close + 1)
    best, best_key = None, None
    for c in f.cues_in(lo, hi):
        if m.open <= c.idx <= m.close:
            continue
        if c.idx > m.close and close_tok:
            between = [t for t in doc[close_tok[0].i + 1: f.aux_start(c)] if _is_word(t) and not f.in_quote[t.i]]
            if len(between) > 10 or any(t.pos_ == "VERB" or t.text in ".?!" for t in between):
                continue
            if c.lower_.endswith(("ant", "ing")):
                continue  # a participle after a quote goes on to something else
            key = (0, len(between))
        elif open_tok:
            between = [t for t in doc[c.i + 1: open_tok[0].i] if _is_word(t) and not f.in_quote[t.i]]
            linked = any(a.i == c.i for t in inner for a in list(t.ancestors)[:4])
            if not linked and (len(between) > 8 or any(t.pos_ == "VERB" for t in between)):
                continue
            key = (1 if linked else 2, len(between))
        else:
            continue
        if best_key is None or key < best_key:
            best, best_key = c, key
    if best is None and close_tok:
        best = _unlisted_incise(f, close_tok[0]) if f.lang == "fr" else _unlisted_incise_en(f, close_tok[0])
    colon = k >= 0 and text[k] == ":" and f.para_of(k) == m.paragraph
    if best is None and colon:
        best = _introducing_verb(f, k)
    words = [t for t in inner if _is_word(t)]
    embedded = k >= 0 and (text[k].isalnum() or text[k] in "'’") and f.para_of(k) == m.paragraph
    q.embedded, q.nwords = embedded, len(words)
    big = [t for t in words if t.lower_ not in _SMALL and t.is_alpha]
    if 2 <= len(big) <= 10 and all(t.text[:1].isupper() for t in big) and len(words) < 12:
        q.kind = "drop"  # « Le Petit Prince », "The Kid Who Would Be King": a title
        return
    if best is not None:
        glued = best.idx > m.close and "," not in text[m.close:best.idx]
        if glued and any(c.dep_ == "nsubj" and m.open <= c.idx <= m.close for c in best.children):
            q.kind = "drop"  # « Le Monde » a révélé: the quoted words are a name, not a quotation
            return
        q.cue_tok, q.subj = best, f.subject_of(best)
    else:
        for tok, obj in _according_pairs(f, lo, hi):
            q.cue_text, q.cue_start, q.cue_end = _according_cue(f, tok)
            q.subj = obj
            break
    if q.cue_tok is None and q.cue_text is None:
        # no cue: a quote standing alone in its sentence continues the previous speaker's words
        outside = [t for t in f.tokens(lo, hi) if _is_word(t) and not f.in_quote[t.i]]
        if not embedded and len(words) >= R.SHORT_FRAGMENT_WORDS and (len(outside) <= 2 or colon):
            q.inherit = True
        elif embedded and len(words) >= R.LONG_FRAGMENT_WORDS:
            q.inherit = True  # a long stretch of someone's words inside the writer's sentence
            verb = _governing_verb(f, inner)
            if verb is not None:  # "la fédération évoquait "l'allongement de la durée du prêt""
                q.cue_tok, q.subj, q.inherit = verb, f.subject_of(verb), False
        else:
            q.kind = "fragment"  # kept only inside a reported clause


def _governing_verb(f: _Finder, inner: list):
    """The verb outside the marks whose object the quoted words are, if it has a subject."""
    for t in inner:
        for a in list(t.ancestors)[:4]:
            if f.in_quote[a.i]:
                continue
            if a.pos_ == "VERB":
                subj = f.subject_of(a)
                if subj is not None and subj.lower_ not in R.FIRST_PERSON and not f.in_quote[subj.i]:
                    return a
            break
    return None


def _after_comma(f: _Finder, close) -> int | None:
    """The token after the comma that follows a closing mark, where an incise would start."""
    k = close.i + 1
    return k + 1 if k < len(f.doc) and f.doc[k].text == "," else None


def _unlisted_incise(f: _Finder, close):
    """A verb outside the lexicon that reports by position: « ... », pronostique l'Observatoire."""
    doc, k = f.doc, _after_comma(f, close)
    if k is None:
        return None
    while k < len(doc) and doc[k].pos_ == "AUX":
        k += 1
    if k + 1 >= len(doc) or not (doc[k].pos_ == "VERB" or doc[k].lower_ in R.FR_FORMS) \
            or doc[k].lower_.endswith(("ant", "ing")) or f.in_quote[k]:
        return None
    v, nxt = doc[k], doc[k + 1]
    if nxt.text.startswith("-") and nxt.pos_ == "PRON" or nxt.pos_ in ("DET", "PROPN") or (
            f.lang == "en" and nxt.pos_ == "PRON" and nxt.lower_ in ("he", "she", "they")):
        return v
    return None


def _unlisted_incise_en(f: _Finder, close):
    """English keeps the subject first: "...," the post read. / "...," Smith wrote."""
    doc, k = f.doc, _after_comma(f, close)
    if k is None:
        return None
    j = k
    while j < len(doc) and j - k < 5 and doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM") and not f.in_quote[j]:
        j += 1
    if j == k or j + 1 >= len(doc) or doc[j].pos_ != "VERB" or doc[j].lower_.endswith("ing"):
        return None
    if doc[j + 1].text in (".", ",", ";") or doc[j + 1].pos_ in ("ADV", "ADP"):
        return doc[j]
    return None


def _introducing_verb(f: _Finder, colon: int):
    """The verb of the clause a colon ends: « l'Américain a dévoilé ses intentions: "..." »."""
    lo, _ = f.segment(colon)
    toks = [t for t in f.tokens(lo, colon) if not f.in_quote[t.i]]
    for t in reversed(toks):
        if t.pos_ == "VERB" and not t.lower_.endswith(("ant", "ing")):
            subj = f.subject_of(t)
            if subj is not None and subj.lower_ not in R.FIRST_PERSON:
                return t
    return None


def _according_cue(f: _Finder, tok) -> tuple[str, int, int]:
    doc = f.doc
    hi = tok.i + (1 if tok.lower_ in ("according", "d'", "d’") else 0)
    return doc[tok.i: hi + 1].text, tok.idx, doc[hi].idx + len(doc[hi].text)


def _according_pairs(f: _Finder, lo: int, hi: int):
    for t in f.tokens(lo, hi):
        if f.in_quote[t.i] or t.lower_ not in R.ATTRIBUTION_WORDS:
            continue
        obj = f.according_object(t)
        if obj is not None and f.is_source(obj):
            yield t, obj


def _indirect(f: _Finder, c) -> list[_Candidate]:
    """The clause a reporting verb governs: "a annoncé que ...", "said (that) ...", "..., a-t-il ajouté"."""
    doc = f.doc
    subj = f.subject_of(c)
    if subj is not None and subj.lower_ in R.FIRST_PERSON:
        return []
    out = []
    para = f.para_of(c.idx)
    comps = [ch for ch in c.children if ch.dep_ == "ccomp"]
    lo_seg, hi_seg = f.segment(c.idx)
    for comp in comps:
        toks = [t for t in doc[comp.left_edge.i: comp.right_edge.i + 1] if lo_seg <= t.idx < hi_seg]
        if not toks or toks[0].i <= c.i <= toks[-1].i:
            continue
        if toks and toks[0].lower_ in R.QUESTION_WORDS:
            continue  # "asked whether ...", "a demandé si ...": a question, not a statement
        while toks and (toks[0].lower_ in ("que", "qu'", "qu’", "that", ":", ",") or toks[0].is_space):
            toks = toks[1:]
        toks = _strip_tokens(toks)
        words = [t for t in toks if _is_word(t)]
        if len(words) < 3:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if f.para_of(start) != para or f.para_of(end - 1) != para:
            continue  # a parse running over a paragraph break
        out.append(_Candidate(start, end, "indirect", c, subj=subj, paragraph=para))
    if not comps:
        cand = _que_clause(f, c, subj) or _incise_clause(f, c, subj)
        if cand is not None:
            out.append(cand)
    return out


def _que_clause(f: _Finder, c, subj) -> _Candidate | None:
    """A que-clause the parser did not hang on its verb: "a confirmé mercredi, dans un
    communiqué, qu'il ne rencontrerait pas ..."."""
    doc = f.doc
    lo_seg, hi_seg = f.segment(c.idx)
    for t in doc[c.i + 1: min(len(doc), c.i + 16)]:
        if t.idx >= hi_seg or f.in_quote[t.i] or t.text in (".", ";", "?", "!") or (
                t.pos_ == "VERB" and not t.dep_.startswith("acl")):  # "un communiqué publié par l'Elysée" may sit between
            return None
        if t.lower_ in ("que", "qu'", "qu’", "that") and t.dep_ == "mark" and t.head.i > t.i:
            head = t.head
            toks = [x for x in doc[t.i + 1: head.right_edge.i + 1] if x.idx < hi_seg]
            toks = _strip_tokens(toks)
            if len([x for x in toks if _is_word(x)]) < 3:
                return None
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            return _Candidate(start, end, "indirect", c, subj=subj, paragraph=f.para_of(start))
    return None


def _incise_clause(f: _Finder, c, subj) -> _Candidate | None:
    """The clause before a sentence-final incise: "La Russie s'intéresse à ..., a-t-il ajouté."."""
    doc = f.doc
    lo_seg, hi_seg = f.segment(c.idx)
    j = f.aux_start(c) - 1
    if j < 0 or doc[j].text != "," or doc[j].idx < lo_seg or subj is None:
        return None
    if subj.i < j:
        return None  # "X, who ..., said": a subject before the verb, not an incise
    tail = [t for t in doc[c.i + 1:] if t.idx < hi_seg and _is_word(t)]
    if len(tail) > 12:
        return None
    toks = f.tokens(lo_seg, doc[j].idx)
    for i, t in enumerate(toks):
        if t.text == ":":
            toks = toks[i + 1:]
    toks = _strip_tokens(toks)
    words = [t for t in toks if _is_word(t)]
    if len(words) < 4 or sum(1 for t in words if f.in_quote[t.i]) > 0.5 * len(words):
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return _Candidate(start, end, "indirect", c, subj=subj, paragraph=f.para_of(start))


def _according(f: _Finder) -> list[_Candidate]:
    """ "Selon X, ...", "..., according to X": the sentence, when no verb reports it."""
    out = []
    doc = f.doc
    for tok, obj in _according_pairs(f, 0, len(f.text)):
        lo, hi = f.segment(tok.idx)
        if any(True for _ in f.cues_in(lo, hi)):
            continue  # "a dit X selon des agences": the verb names the speaker
        a, b = f.according_span(tok, obj)
        seg = [t for t in f.tokens(lo, hi)]
        before = _strip_tokens([t for t in seg if t.i < a])
        after = _strip_tokens([t for t in seg if t.i > b])
        nb, na = len([t for t in before if _is_word(t)]), len([t for t in after if _is_word(t)])
        if na >= 3 and b + 1 < len(doc) and doc[b + 1].text == "," and not (a > 0 and doc[a - 1].text == ","):
            side = after  # "selon X, ...": the clause it introduces
        elif nb >= 3 and na >= 3:
            side = _strip_tokens(seg)  # the attribution sits inside the sentence
        else:
            side = after if na >= nb else before
        if len([t for t in side if _is_word(t)]) < 3:
            continue
        start, end = side[0].idx, side[-1].idx + len(side[-1].text)
        cue, cs, ce = _according_cue(f, tok)
        out.append(_Candidate(start, end, "indirect", None, cue, cs, ce, subj=obj, paragraph=f.para_of(start)))
    return out


def _settle(f: _Finder, cands: list[_Candidate]) -> list[Quote]:
    """Fragments join the clauses that hold them; speakers are resolved in reading order."""
    direct = [q for q in cands if q.kind in ("direct", "fragment")]
    indirect = []
    for q in sorted((q for q in cands if q.kind == "indirect"), key=lambda q: (q.start, -q.end)):
        if indirect and q.start < indirect[-1].end and q.end <= indirect[-1].end:
            continue  # the same clause found twice
        indirect.append(q)
    kept = []
    for q in indirect:
        if q.cue_tok is None and any(d.cue_start == q.cue_start and not d.embedded for d in direct):
            continue  # "« ... », selon KCNA": the attribution belongs to the quoted words
        if any(not d.embedded and min(q.end, d.end) > max(q.start, d.start) for d in direct):
            continue  # a whole quoted utterance is reported directly
        inner = [d for d in direct if d.start >= q.start - 2 and d.end <= q.end + 2]
        outside = f.text[q.start:q.end]
        for d in sorted(inner, key=lambda d: -d.start):
            outside = outside[:max(0, d.start - q.start)] + outside[d.end - q.start:]
        covered = len(re.findall(r"\w+", outside)) <= 1  # nothing reported outside the marks
        for d in inner:  # quoted words inside a reported clause: the clause's speaker, nested
            d.cue_tok, d.subj, d.inherit = q.cue_tok, q.subj, False
            d.cue_text, d.cue_start, d.cue_end = q.cue_text, q.cue_start, q.cue_end
            d.kind = "direct"
        if not inner or not covered:
            kept.append(q)  # else the whole clause is between the marks: the direct quote is enough
    result = [d for d in direct if d.kind == "direct"]
    for q in kept:
        nested = [d for d in result if d.start >= q.start - 2 and d.end <= q.end + 2]
        if nested or not any(min(q.end, d.end) - max(q.start, d.start) > R.ABSORB_RATIO * (q.end - q.start)
                             for d in result):
            result.append(q)  # a clause overlapping a quote it does not hold is the same words
    result.sort(key=lambda q: q.start)

    history: list[_Who] = []
    last: tuple[int, _Who] | None = None
    quotes = []
    for q in result:
        at = q.cue_tok.idx if q.cue_tok is not None else (q.cue_start if q.cue_start is not None else q.start)
        who = None
        if q.subj is not None:
            who = f.resolve(q.subj, at, history)
        elif q.inherit and last is not None and q.paragraph - last[0] <= R.FLOATING_GAP:
            who = last[1]
        if who is not None and who.name:
            history.append(who)
            last = (q.paragraph, who)
            if who.person and _words(who.name):
                f.speakers().add(_words(who.name)[-1])  # a later "le président" may be this speaker
        speaker, role = Speaker(), None
        if who is not None and who.name:
            span = f.article.span(who.start, who.end) if who.start is not None else None
            name = f.expansions.get(who.name.lower(), who.name)
            longer = [v for v in f.expansions.values() if v.startswith(name) and len(v) > len(name)]
            name = longer[0] if len(longer) == 1 else name  # "Caisse nationale des Caisses d'épargne" + "et de prévoyance"

            if not who.named:  # the role words stay where the speaker is designated; there is no name
                name, role = None, who.name
            speaker = Speaker(entity_id=who.entity_id, name=name, span=span, role=role)
        cue, cue_span = None, None
        if q.cue_tok is not None:
            ct = q.cue_tok
            cue, cue_span = ct.text, f.article.span(ct.idx, ct.idx + len(ct.text))
        elif q.cue_text is not None:
            cue, cue_span = q.cue_text, f.article.span(q.cue_start, q.cue_end)
        quotes.append(Quote(article_id=f.article.id, start=q.start, end=q.end, text=f.text[q.start:q.end],
                            kind=q.kind, speaker=speaker, cue=cue, cue_span=cue_span))
    return quotes
