"""Name normalisation: when do two surface forms name the same person, place or body?

Forms are folded (accents, case, hyphens, apostrophes) and given a transliteration key so that
the spellings outlets use for one foreign name meet ("Vostotchny" / "Vostochny",
"Choïgou" / "Shoigu", "Sergueï" / "Sergei"). People are compared surname against surname and
given name against given name: a whole-string similarity would join "Sergueï Choïgou" and
"Sergueï Lavrov". Names that no spelling rule can join ("Poutine" / "Putin", "Pékin" /
"Beijing") come from the alias lexicon in `recoupe/data/aliases.json`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import JaroWinkler, Levenshtein
from unidecode import unidecode

# Honorifics and titles that may open a name span ("M. Poutine", "Le Président Vladimir Poutine").
TITLES = {
    "m", "mm", "mme", "mmes", "mlle", "monsieur", "madame", "mademoiselle", "mr", "mrs", "ms",
    "dr", "pr", "me", "mgr", "sir", "dame", "lord", "herr", "frau", "le", "la", "les", "l",
    "president", "presidente", "ministre", "general", "generale", "marechal", "colonel",
    "capitaine", "roi", "reine", "prince", "princesse", "pape", "chancelier", "chanceliere",
    "senateur", "senatrice", "depute", "deputee", "maire", "professeur", "docteur",
    "camarade",
}
ARTICLES = {"le", "la", "les", "l"}
# Words that designate a kind of place or body: "Kosmodrom Vostochny" is "Vostochny".
DESIGNATORS = {
    "cosmodrome", "kosmodrom", "cosmodrom", "base", "spatiale", "ville", "region", "province",
    "republique", "port", "aeroport", "station", "gare", "mont", "lac", "fleuve", "riviere",
    "ile", "iles", "oblast", "kraï", "krai", "district", "city", "river", "lake", "island",
    "de", "du", "des", "d", "la", "le", "l", "of", "the",
}
PARTICLES = {"de", "du", "des", "d", "la", "le", "van", "von", "der", "den", "di", "da", "al",
             "el", "ben", "bin", "ibn", "y"}

# Transliteration key: the spellings of one foreign name meet. Applied in order.
_TRANSLIT = [
    ("tsch", "ch"), ("tch", "ch"), ("sch", "sh"), ("ch", "sh"), ("kh", "h"), ("ph", "f"),
    ("ck", "k"), ("gue", "ge"), ("gui", "gi"), ("ou", "u"), ("ey", "ei"), ("yi", "i"),
    ("y", "i"), ("w", "v"), ("j", "j"),
]
_VOWELS = set("aeiouy")
_SPLIT = re.compile(r"[\s\-‐‑–—'’`´.,;:()\[\]«»\"]+")


class _Transliteration(dict):
    """Code point -> its ASCII transliteration, looked up once per character."""

    def __missing__(self, code: int) -> str:
        out = self[code] = unidecode(chr(code))
        return out


_TO_ASCII = _Transliteration()


def to_ascii(text: str) -> str:
    """`unidecode(text)`, character by character as unidecode does, through a table (long texts
    are folded many times faster)."""
    return text.translate(_TO_ASCII)


@lru_cache(maxsize=1 << 16)  # called for every pair of names compared
def fold(text: str) -> str:
    """Lowercase ASCII form with hyphens and apostrophes as spaces: "Kim Jong-un" -> "kim jong un"."""
    return " ".join(t for t in _SPLIT.split(to_ascii(text).lower()) if t)


@lru_cache(maxsize=1 << 16)  # called for every pair of names compared
def translit(token: str) -> str:
    """A transliteration key of one folded token."""
    for a, b in _TRANSLIT:
        token = token.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", token)  # doubled letters: "Zelenskyy" -> "zelenski"


def tokens(name: str, *, person: bool = True) -> list[str]:
    """Folded tokens of a name, leading titles (or, for places, articles) removed when a name
    remains."""
    toks = fold(name).split()
    drop = TITLES if person else ARTICLES
    i = 0
    while i < len(toks) - 1 and toks[i] in drop:
        i += 1
    return toks[i:]


@lru_cache(maxsize=1 << 16)  # called for every pair of names compared
def key(name: str, *, person: bool = True) -> str:
    """The comparison key of a whole name: folded, titles stripped, transliterated."""
    return " ".join(translit(t) for t in tokens(name, person=person))


@lru_cache(maxsize=1)
def _aliases() -> dict[str, int]:
    index: dict[str, int] = {}
    for n, entry in enumerate(_alias_entries()):
        for form in entry["names"]:
            index.setdefault(key(form, person=False), n)
    return index


def alias_group(name: str) -> int | None:
    """The lexicon entry a name belongs to, if any."""
    index = _aliases()
    found = index.get(key(name, person=False))
    return found if found is not None else index.get(key(name))


@lru_cache(maxsize=1)
def _alias_entries() -> list[dict]:
    data = json.loads(resources.files("recoupe").joinpath("data", "aliases.json").read_text("utf-8"))
    return data["entities"]


def alias_forms(group: int) -> list[str]:
    return list(_alias_entries()[group]["names"])


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, int]:
    return {fold(a): n for n, entry in enumerate(_alias_entries()) for a in entry.get("adjectives", ())}


def adjective_group(word: str) -> int | None:
    """The lexicon place an adjective says something is of: "russe" -> Russie."""
    return _adjectives().get(fold(word))


def alias_type(group: int) -> str:
    """The entity type the lexicon gives an entry (PER, LOC or ORG)."""
    return _alias_entries()[group]["type"]


@lru_cache(maxsize=1 << 16)  # called for every pair of names compared
def same_token(a: str, b: str) -> bool:
    """Two folded name tokens are one spelling of the same name ("dmitri" / "dimitri")."""
    if a == b:
        return True
    ka, kb = translit(a), translit(b)
    if ka == kb:
        return True
    if len(ka) < 5 or len(kb) < 5 or ka[0] != kb[0]:
        return False
    # a gendered ending names another person (Petrov / Petrova, Martin / Martine)
    if any(ka + end == kb or kb + end == ka for end in ("a", "e")):
        return False
    # one vowel more or less, or another vowel: "dmitri" / "dimitri" (not "marie" / "marine")
    ops = Levenshtein.editops(ka, kb)
    if len(ops) != 1 or JaroWinkler.similarity(ka, kb) < 0.85:
        return False
    op = ops[0]
    changed = {ka[op.src_pos] if op.tag != "insert" else "", kb[op.dest_pos] if op.tag != "delete" else ""}
    return all(c in _VOWELS for c in changed if c)


def _initial(a: str, b: str) -> bool:
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _seq_equal(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(same_token(x, y) for x, y in zip(a, b))


@lru_cache(maxsize=1 << 16)
def person_match(a: str, b: str) -> str | None:
    """How two person names relate: "full" (same person, both given+surname), "partial" (one
    is a surname-only or shortened form of the other), or None (different or unknown)."""
    ta = [t for t in tokens(a) if t not in PARTICLES] or tokens(a)
    tb = [t for t in tokens(b) if t not in PARTICLES] or tokens(b)
    if not ta or not tb:
        return None
    if _seq_equal(ta, tb):
        return "full" if len(ta) > 1 else "partial"
    if len(ta) > 1 and len(tb) > 1:
        # given name and surname both agree (initials allowed), middle names may be missing
        if same_token(ta[-1], tb[-1]) and (same_token(ta[0], tb[0]) or _initial(ta[0], tb[0])):
            return "full"
        short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
        # "Kim Jong" / "Kim Jong Un", "Jong Un" / "Kim Jong Un"
        if len(short) < len(long_) and (_seq_equal(short, long_[:len(short)])
                                        or _seq_equal(short, long_[-len(short):])):
            return "partial"
        return None
    # one side is a single token: it must be the other's surname
    single, full = (ta, tb) if len(ta) == 1 else (tb, ta)
    if len(single[0]) >= 3 and same_token(single[0], full[-1]):
        return "partial"
    return None


@lru_cache(maxsize=1)
def _designator_keys() -> frozenset[str]:
    return frozenset(translit(d) for d in DESIGNATORS)


@lru_cache(maxsize=1 << 16)
def place_match(a: str, b: str) -> bool:
    """Two place or organisation names designate the same thing."""
    ka, kb = key(a, person=False), key(b, person=False)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    ta, tb = ka.split(), kb.split()
    if len(ta) == len(tb) and all(same_token(x, y) for x, y in zip(ta, tb)):
        return True
    # "Kosmodrom Vostochny" / "Vostotchny": the rest is only a designator
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if len(short) < len(long_):
        n = len(short)
        for i in range(len(long_) - n + 1):
            if _seq_equal(short, long_[i:i + n]):
                rest = long_[:i] + long_[i + n:]
                if all(t in _designator_keys() for t in rest):
                    return max(len(t) for t in short) >= 4
    return _described_alike(a, b)


def _described_alike(a: str, b: str) -> bool:
    """"cosmodrome russe de Vostotchny" / "cosmodrome de Vostotchny": the same head word and the
    same proper name (a capitalised word besides the head), one name adding only lowercase
    words (descriptors) to the other."""
    wa, wb = _cased_words(a), _cased_words(b)
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    if len(short) < 2 or len(short) == len(long_) or short[0][0] != long_[0][0]:
        return False
    if not any(cap and len(w) >= 4 for w, cap in short[1:]):
        return False
    k = 0  # `short` must be `long_` with lowercase words left out
    for word, cap in long_:
        if k < len(short) and same_token(word, short[k][0]):
            k += 1
        elif cap:
            return False
    return k == len(short)


def _cased_words(name: str) -> list[tuple[str, bool]]:
    """The key tokens of a name, each with whether the name writes it with a capital."""
    out = []
    for word in name.split():
        for tok in key(word, person=False).split():
            out.append((tok, word[:1].isupper()))
    return out


@lru_cache(maxsize=1 << 16)
def names_match(a: str, b: str, label: str) -> bool:
    """Same entity by name alone, for entities of type `label` (PER or other)."""
    ga, gb = alias_group(a), alias_group(b)
    if ga is not None and ga == gb:
        return True
    if label == "PER":
        return person_match(a, b) is not None
    return place_match(a, b)
