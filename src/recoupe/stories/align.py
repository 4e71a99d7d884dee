"""Aligned facts and quotes: what several outlets report, and the same quote across outlets.

Claims are compared through the embedding of their sentences and through their slots, put
at story level (who, where and reported_by as story entities, when as ISO dates, the
predicate as a family of verbs). Two claims report the same fact when their sentences are
close and no slot conflicts; claims whose slots conflict are left to `diverge`, never counted
as corroboration. Facts grow from the closest pairs: two groups of claims join when most
pairs across them are the same fact and none is unrelated or conflicting. A fact keeps one
supporting span per article and counts its independent origins (wire copies in
`story.copies` count once).

Quotes share a `group` when their words overlap (exact or cut) or, reworded or translated,
their sentences are close and their speaker is the same entity.
"""

from __future__ import annotations

import dataclasses
import json
import re
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components

from recoupe.analyze.claims import number_value
from recoupe.model import Article, Claim, Fact, Quote, SourceSpan, Speaker, Story
from recoupe.stories import names
from recoupe.stories.resolve import entity_map, find_entity

# Cosine levels of the multilingual sentence encoder (same fact: >= 0.8; related: >= 0.6).
SAME_FACT = 0.8
RELATED = 0.6
RELATED_PLACE = 0.65
SAME_FIGURE = 0.5  # sentences giving the same figure of the same thing
SAME_ACT = 0.72  # sentences telling one act by the same verb of substance
ENCOUNTER = {"meet", "go"}  # verb families of people coming together (meeting, arriving, visiting)
# verbs that say too little to tie two sentences on their own
LIGHT_VERBS = {"etre", "avoir", "faire", "be", "have", "do", "sein", "haben", "machen"}
_LIGHT_FAMILIES = LIGHT_VERBS | {"say", "pouvoir", "devoir"}
QUOTE_OVERLAP = 0.6  # share of the shorter quote's words found in the other
QUOTE_SAME_WORDS = 0.8  # the same words whoever is said to speak them
QUOTE_REWORDED = 0.75
QUOTE_CANDIDATE = 0.4  # below this cosine, two quotes share too few words to be one

MAX_CLAIMS = 4000  # claims compared per story (their similarity matrix is MAX_CLAIMS²)
MIN_CLAIMS_PER_ARTICLE = 3
JOIN_CHECKED = 24  # claims of each group compared when two groups may join
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|T)")  # not weeks, seasons
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(resources.files("recoupe").joinpath("data", "divergence_lexicon.json")
                      .read_text("utf-8"))


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    out = {}
    for fam, lemmas in lexicon()["predicate_families"].items():
        for lemma in lemmas:
            out.setdefault(lemma, fam)
    return out


def predicate_family(lemma: str | None) -> str | None:
    if not lemma:
        return None
    k = names.fold(lemma)
    return _families().get(k, k)


@lru_cache(maxsize=1)
def _reporting() -> frozenset[str]:
    return frozenset(lexicon()["reporting_predicates"])


def is_reporting(lemma: str | None) -> bool:
    return bool(lemma) and names.fold(lemma) in _reporting()


def iso_date(value: str) -> str | None:
    """The date part of a TimeML value ("2023-09-10TEV" -> "2023-09-10"), if it is one."""
    m = _ISO.match(value or "")
    if not m:
        return None
    return "-".join(p for p in m.groups() if p)


def dates_agree(a: str, b: str) -> bool:
    """Two ISO dates of any precision can be the same time (one is a prefix of the other)."""
    return a.startswith(b) or b.startswith(a)


def encode(texts: list[str]) -> np.ndarray:
    """Unit-length sentence embeddings, from the story stage's shared, cached embedder."""
    from recoupe.stories.embed import embed_sentences

    return embed_sentences(texts)


@dataclass(eq=False)
class Slots:
    """A claim with its slots put at story level."""

    article: Article
    claim: Claim
    family: str | None
    who: frozenset[str]  # story entity ids (or name keys when unresolved)
    persons: frozenset[str]  # the PER among them
    where: frozenset[str]
    when: frozenset[str]  # ISO dates
    what: str  # folded object
    reported: str | None
    quantities: list = field(default_factory=list)  # (value, unit key, hedge, Quantity)
    # derived once from the slots above: compared for every pair of close claims
    values: dict = field(init=False, repr=False)  # unit key -> the values given in it
    figures: frozenset = field(init=False, repr=False)  # telling (value, unit key) pairs
    words: frozenset = field(init=False, repr=False)  # the claim's words

    def __post_init__(self):
        self.values = {}
        for v, u, _, _ in self.quantities:
            if u:
                self.values.setdefault(u, set()).add(v)
        self.figures = frozenset((v, u) for v, u, _, _ in self.quantities if u and _telling(v))
        self.words = _word_set(self.claim.text)

    @property
    def span(self) -> SourceSpan:
        return self.article.span(self.claim.start, self.claim.end)

    @property
    def clause(self) -> str | None:
        """The claim's own clause, when its sentence tells other facts too (and it matches
        the text)."""
        c = self.claim.clause
        if c is None or self.article.text[c.start:c.end] != c.text:
            return None
        return c.text


_ENTITY_ID = re.compile(r"^\S+:[a-z]\d+$")


def _resolve(story: Story, emap: dict[str, str], item: str, label: str | None = None) -> str:
    if item in emap:
        return emap[item]
    if _ENTITY_ID.match(item):
        return "name:"  # an entity id the story does not know: no slot
    ent = find_entity(story, item, label)
    return ent.id if ent else "name:" + names.key(item, person=False)


@lru_cache(maxsize=1 << 16)  # called for every word of every pair of claims compared
def unit_key(unit: str | None) -> str | None:
    """What a figure counts, one key across spellings and languages ("people" / "personnes")."""
    if not unit:
        return None
    if unit.strip() == "%":
        return "%"
    u = names.fold(unit)
    synonyms = lexicon()["unit_synonyms"]
    if u in synonyms:
        return synonyms[u]
    words = [w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in u.split()]
    u = " ".join(words)
    return synonyms.get(u, u) or None


_HEDGES = ("min", "max", "about", "vague")


@lru_cache(maxsize=1)
def _hedge_patterns() -> list[tuple[str, re.Pattern, re.Pattern]]:
    """Per kind of hedge: its markers opening the figure, and just preceding it."""
    out = []
    for kind in _HEDGES:
        alts = "|".join(re.escape(names.fold(m)) for m in lexicon()["approx_markers"][kind])
        out.append((kind, re.compile(r"^(?:" + alts + r")\b"),
                    re.compile(r"\b(?:" + alts + r")(?: de| d)?$")))
    return out


_VAGUE_END = re.compile(r"\b\w+aines?\b")
# "plusieurs centaines", "des millions"; a multiplier after a figure is exact ("85 millions",
# "deux millions")
_VAGUE_INSIDE = re.compile(r"(\w+)?\s*\b(?:dizaines|centaines|milliers|millions|milliards)\b")


def _vague_inside(inside: str) -> bool:
    return any(m.group(1) is None or number_value([m.group(1)]) is None
               for m in _VAGUE_INSIDE.finditer(inside))


def approximate(article: Article, start: int, end: int) -> str | None:
    """How a figure is hedged: "min" ("au moins 12"), "max" ("jusqu'à 300"), "about"
    ("environ 300"), "vague" ("une quinzaine", "plusieurs centaines"), or None (exact)."""
    return _hedge(article.text[max(0, start - 30):start], article.text[start:end])


@lru_cache(maxsize=1 << 14)  # wire copies repeat their figures word for word
def _hedge(before: str, inside: str) -> str | None:
    before, inside = names.fold(before), names.fold(inside)
    text = (before + " " + inside).strip()
    for kind, opens, precedes in _hedge_patterns():
        # the marker opens the figure, or just precedes it
        if opens.match(inside) or precedes.search(before):
            return kind
    if _VAGUE_END.search(text[-len(inside) - 12:]) or _vague_inside(inside):
        return "vague"
    return None


def hedge_words(article: Article, start: int) -> str | None:
    """The words, as the outlet writes them, of the hedge just before the figure at `start`
    ("au moins" in "au moins 300 poissons"), by the markers `approximate` reads."""
    before = article.text[max(0, start - 30):start]
    folded = names.fold(before)
    for _, _, precedes in _hedge_patterns():
        m = precedes.search(folded)
        if m:
            words = list(re.finditer(r"\w+", before))  # the folded words, one for one
            n = len(m.group().split())
            return before[words[-n].start():].rstrip() if len(words) >= n else None
    return None


def value_range(value: float, hedge: str | None) -> tuple[float, float]:
    """The values a hedged figure allows."""
    if hedge == "min":
        return value, float("inf")
    if hedge == "max":
        return 0.0, value
    if hedge == "about":
        return value * 0.7, value * 1.3
    if hedge == "vague":
        return value * 0.5, value * 10
    return value, value


def _texts(items) -> list[str]:
    return [x for x in (items or []) if isinstance(x, str) and x.strip()]


# "l'Est de la Russie", "la banlieue de Paris": a part of a place, named by the place
_PART_OF = re.compile(r"^(?:l |la |le )?(?:(?:nord|sud)(?: |-)?(?:est|ouest)?|est|ouest|centre|region|"
                      r"banlieue|peripherie|environs|province|departement|agglomeration|faubourgs?)"
                      r" (?:de la |de l |du |des |de |d )(.+)$")


# "l'Extrême-Orient russe", "l'Est ukrainien": a region named by its country's adjective
_REGION_OF = re.compile(r"^(?:l |le )?(?:extreme orient|(?:nord|sud)(?: |-)?(?:est|ouest)?|est|ouest|"
                        r"centre) (\S+)$")


def _places_within(story: Story) -> dict[str, set[str]]:
    """Place entity -> the places of the story its name says it is part of: "Est de la
    Russie" and "Extrême-Orient russe" are in "Russie" (a claim there and one "en Russie" are
    not apart); "Corée du Nord" is not in "Corée"."""
    folded = {e.id: names.fold(e.name) for e in story.entities if e.type == "LOC"}
    by_name: dict[str, set[str]] = {}
    by_group: dict[int, set[str]] = {}
    for eid, name in folded.items():
        by_name.setdefault(name, set()).add(eid)
        if (g := names.alias_group(name)) is not None:
            by_group.setdefault(g, set()).add(eid)
    out = {}
    for eid, name in folded.items():
        if (m := _PART_OF.match(name)) and m.group(1) in by_name:
            out[eid] = by_name[m.group(1)]
        elif (m := _REGION_OF.match(name)) and (g := names.adjective_group(m.group(1))) in by_group:
            out[eid] = by_group[g]
    return out


def claim_slots(story: Story, articles: dict[str, Article]) -> list[Slots]:
    """Every claim of the story's articles with story-level slots."""
    from recoupe.stories.timeline import resolve_partial, story_anchors

    emap = entity_map(story, articles)
    types = {e.id: e.type for e in story.entities}
    anchors = story_anchors(story, articles)
    places = {(m.article_id, m.start): e.id for e in story.entities if e.type == "LOC"
              for m in e.mentions}
    within = _places_within(story)
    located: dict[str, list] = {}
    for e in story.entities:
        if e.type == "LOC":
            for m in e.mentions:
                located.setdefault(m.article_id, []).append(m)
    out = []
    present = [aid for aid in story.article_ids if aid in articles]
    # bounded time on huge stories: each article's first claims (leads carry the facts)
    quota = max(MIN_CLAIMS_PER_ARTICLE, MAX_CLAIMS // max(1, len(present)))
    for aid in present:
        art = articles[aid]
        for c in art.claims[:quota]:
            if not (0 <= c.start < c.end <= len(art.text)) or art.text[c.start:c.end] != c.text:
                continue  # a claim that does not match its text cannot be cited
            who = {_resolve(story, emap, w) for w in _texts(c.who)}
            who |= {_resolve(story, emap, n) for n in _texts(c.who_names)}
            who = {w for w in who if w != "name:"}
            where = {_resolve(story, emap, w) for w in _texts(c.where)} - {"name:"}
            if not where:
                # no place slot: the places named inside the claim ("s'est rendu à Pyongyang")
                where = {places[(aid, m.start)] for m in located.get(aid, [])
                         if c.start <= m.start and m.end <= c.end} - (who | {None})
            where |= {big for w in where for big in within.get(w, ())}
            when = {d for d in (resolve_partial(v, anchors.get(aid)) for v in _texts(c.when)) if d}
            quants = []
            for q in c.quantities:
                s = q.span
                if 0 <= s.start < s.end <= len(art.text) and art.text[s.start:s.end] == s.text:
                    quants.append((q.value, unit_key(q.unit), approximate(art, s.start, s.end), q))
            reported = _resolve(story, emap, c.reported_by) if isinstance(c.reported_by, str) \
                and c.reported_by.strip() else None
            persons = {w for w in who if types.get(w) == "PER"}
            out.append(Slots(art, c, predicate_family(c.predicate), frozenset(who),
                             frozenset(persons), frozenset(where), frozenset(when),
                             names.fold(c.what or ""), reported, quants))
    return out


def fact_similarity(story: Story, slots: list[Slots]) -> np.ndarray:
    """Cosine between claims for fact alignment: a claim whose sentence tells other facts too
    is compared by its own clause (a partner telling this fact alone) or by its sentence (a
    partner telling them all), whichever is closer."""
    sim = similarity(story, slots)
    own = [s.clause for s in slots]
    rows = [i for i, t in enumerate(own) if t is not None]
    if not rows:
        return sim
    # only the rows and columns of claims with a clause can change: a product of those rows,
    # not of the whole matrix again (the sentence vectors come from the embedder's cache)
    vecs = encode([t if t is not None else s.claim.text for s, t in zip(slots, own)])
    closer = vecs[rows] @ vecs.T
    out = sim.copy()  # the sentence cosines stay cached for `diverge`
    out[rows] = np.maximum(out[rows], closer)
    out[:, rows] = np.maximum(out[:, rows], closer.T)
    return out


def similarity(story: Story, slots: list[Slots]) -> np.ndarray:
    """Cosine between claim sentences (cached on the story for the later stages)."""
    cached = getattr(story, "_claim_sim", None)
    if cached is not None and cached.shape[0] == len(slots):
        return cached
    vecs = encode([s.claim.text for s in slots])
    sim = vecs @ vecs.T if len(slots) else np.zeros((0, 0))
    story._claim_sim = sim
    return sim


NEIGHBOURS = 25  # closest claims each claim is compared with (bounded time on huge stories)


def close_pairs(sim: np.ndarray, min_cos: float, k: int = NEIGHBOURS) -> list[tuple[int, int]]:
    """Index pairs (i < j) at least `min_cos` apart, among each row's `k` closest."""
    found = close_index(sim, min_cos, k)
    return list(zip(found[:, 0].tolist(), found[:, 1].tolist()))


def close_index(sim: np.ndarray, min_cos: float, k: int = NEIGHBOURS) -> np.ndarray:
    """`close_pairs` as an integer array of shape (pairs, 2), by row then column."""
    near = _neighbour_pairs(sim, k)
    return near[sim[near[:, 0], near[:, 1]] >= min_cos]


_neighbours: list = []  # (weak reference to a matrix, k, its pairs): the last matrix asked about


def _neighbour_pairs(sim: np.ndarray, k: int) -> np.ndarray:
    """Pairs (i < j) where either is among the other's `k` closest, by row then column. The
    stages that read one story's matrix at several levels find them once (the matrix is never
    modified once made)."""
    if _neighbours and _neighbours[0]() is sim and _neighbours[1] == k:
        return _neighbours[2]
    n = sim.shape[0]
    keep = np.ones((n, n), dtype=bool)
    if n > k + 1:
        top = np.argpartition(-sim, k, axis=1)[:, :k + 1]  # each row's k closest (and itself)
        keep[:] = False
        np.put_along_axis(keep, top, True, axis=1)
        keep = keep | keep.T
    near = np.argwhere(np.triu(keep, 1))
    _neighbours[:] = [weakref.ref(sim), k, near]
    return near


def dates_overlap(a: Slots, b: Slots) -> bool:
    """A date of one claim agrees with a date of the other."""
    return any(dates_agree(x, y) for x in a.when for y in b.when)


def apart(a: Slots, b: Slots) -> bool:
    """Slots of two events, whatever their polarity: other people, places or dates."""
    if a.persons and b.persons and not (a.persons & b.persons):
        return True
    if a.where and b.where and not (a.where & b.where):
        return True
    return bool(a.when and b.when) and not dates_overlap(a, b)


def conflicting(a: Slots, b: Slots) -> bool:
    """Slots that cannot describe one fact: other people, places, dates, numbers, polarity."""
    if apart(a, b) or a.claim.negated != b.claim.negated:
        return True
    if a.values and b.values:
        # a figure of the same thing, no value in common
        return any(not a.values[u] & b.values[u] for u in a.values.keys() & b.values.keys())
    return False


def _telling(value: float) -> bool:
    """A figure rare enough to tie two sentences ("85 pompiers"; not "les deux dirigeants")."""
    return value >= 10 or not float(value).is_integer()


def same_fact(a: Slots, b: Slots, cos: float) -> bool:
    if conflicting(a, b):
        return False
    if cos >= SAME_FACT:
        return True
    # a shared participant, or a shared place for closer sentences (a country is broad)
    if cos >= RELATED and a.family is not None and a.family == b.family:
        shared = (a.who & b.who) or (a.where & b.where and cos >= RELATED_PLACE) \
            or _overlap(a.words, b.words) >= 0.5
        if shared:
            return True
    # the same act, named by a verb of substance, in close words ("Poutine a proposé d'envoyer
    # un Nord-Coréen dans l'espace" / "La Russie a proposé d'envoyer un cosmonaute nord-coréen")
    if (cos >= SAME_ACT and a.family is not None and a.family == b.family
            and a.family not in _LIGHT_FAMILIES):
        return True
    # the same people coming together on the same day, in related words: one encounter told
    # with other verbs ("Poutine et Kim se sont retrouvés mercredi" / "... sont arrivés
    # mercredi"); not any two acts of theirs ("ont convenu" / "se sont opposés")
    if (cos >= RELATED and a.family in ENCOUNTER and b.family in ENCOUNTER
            and len(a.persons) >= 2 and a.persons == b.persons and dates_overlap(a, b)):
        return True
    # the same figure of the same thing ("85 sapeurs-pompiers", "85 firefighters")
    return cos >= SAME_FIGURE and bool(a.figures & b.figures)


def origin_of(story: Story) -> dict[str, str]:
    """Article id -> its independent origin (the first article of its copy group)."""
    origin = {aid: aid for aid in story.article_ids}
    for group in story.copies:
        members = [a for a in group if a in origin]
        for a in members:
            origin[a] = members[0]
    return origin


def align_facts(story: Story, articles: dict[str, Article]) -> None:
    """Fill `story.facts`: claims reporting the same fact across articles, by support."""
    slots = claim_slots(story, articles)
    story._claim_slots = slots  # kept for `diverge`, with their similarity (never serialised)
    story._claim_sim = None
    sim = fact_similarity(story, slots)
    n = len(slots)
    groups = [[i] for i in range(n)]
    owner = list(range(n))
    position = {aid: k for k, aid in reversed(list(enumerate(story.article_ids)))}
    art = np.array([position.get(s.article.id, -1) for s in slots], dtype=np.intp)
    arts = [{a} for a in art.tolist()]  # the articles of each group
    # close pairs of claims of two articles, closest first (then by index, from the last)
    pairs = close_index(sim, min(RELATED, SAME_FIGURE))
    pairs = pairs[art[pairs[:, 0]] != art[pairs[:, 1]]]
    first, second = pairs[:, 0], pairs[:, 1]
    cosines = sim[first, second]
    order = np.lexsort((-second, -first, -cosines))
    verdicts: dict[tuple[int, int], bool] = {}

    def same(x: int, y: int) -> bool:
        found = verdicts.get((x, y))
        if found is None:
            found = verdicts[(x, y)] = same_fact(slots[x], slots[y], float(sim[x, y]))
        return found

    refused: set[tuple[int, int, int, int]] = set()

    def joinable(gi: int, gj: int) -> bool:
        """Most pairs across the two groups are the same fact, and none is unrelated or
        conflicting: one sentence that also tells something else ("Poutine et Kim se sont
        retrouvés..., le président russe parlant d'aider...") does not pull a group apart,
        nor join it to another fact on its own."""
        # groups only grow: a verdict holds while neither has grown (many close pairs of
        # claims ask about the same two groups)
        key = (gi, gj, len(groups[gi]), len(groups[gj]))
        if key in refused:
            return False
        # the first members of a large group stand for it (bounded time on huge stories)
        xs, ys = groups[gi][:JOIN_CHECKED], groups[gj][:JOIN_CHECKED]
        total = len(xs) * len(ys)
        differ = 0
        for x in xs:
            for y in ys:
                if same(x, y):
                    continue
                differ += 1
                if 2 * differ >= total or sim[x, y] < RELATED or conflicting(slots[x], slots[y]):
                    refused.add(key)
                    return False
        return True

    for i, j in zip(first[order].tolist(), second[order].tolist()):
        gi, gj = owner[i], owner[j]
        if gi == gj or not arts[gi].isdisjoint(arts[gj]):
            continue  # one span per article
        if not same(i, j) or not joinable(gi, gj):
            continue
        groups[gi] += groups[gj]
        groups[gj] = []
        arts[gi] |= arts[gj]
        for k in groups[gi]:
            owner[k] = gi
    origin = origin_of(story)
    facts = []
    for members in (g for g in groups if g):
        # the wording closest to all others speaks for the fact
        rep = max(members, key=lambda k: sum(sim[k, m] for m in members))
        support = [slots[k].span for k in sorted(members, key=lambda k: art[k])]
        origins = len({origin.get(s.article_id, s.article_id) for s in support})
        facts.append(Fact("", slots[rep].claim.text.strip(), support, origins, origins == 1))
    # several claims of one sentence make one fact
    kept: list[Fact] = []
    holding: dict[tuple, list[set]] = {}  # a span -> the spans of each kept fact it supports
    for f in sorted(facts, key=lambda f: -len(f.support)):
        spans = {(x.article_id, x.start, x.end) for x in f.support}
        # a fact inside a kept one shares each of its spans with it: one of them finds it
        if not any(spans <= other for other in holding.get(next(iter(spans)), ())):
            kept.append(f)
            for x in spans:
                holding.setdefault(x, []).append(spans)
    facts = kept
    facts.sort(key=lambda f: (-f.origins, -len(f.support)))
    for k, f in enumerate(facts, start=1):
        f.id = f"{story.id}:f{k}"
    story.facts = facts


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(names.fold(text)) if len(w) > 2]


@lru_cache(maxsize=1 << 16)  # compared for every pair of close claims or quotes
def _word_set(text: str) -> frozenset[str]:
    return frozenset(_words(text))


def _overlap(wa: frozenset[str], wb: frozenset[str]) -> float:
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def word_overlap(a: str, b: str) -> float:
    """Share of the shorter text's words found in the longer (cut quotes score 1)."""
    return _overlap(_word_set(a), _word_set(b))


def _speaker(story: Story, emap: dict[str, str], art: Article, sp: Speaker) -> Speaker:
    eid = emap.get(sp.entity_id) if sp.entity_id else None
    if eid is None and sp.name:
        ent = find_entity(story, sp.name)
        eid = ent.id if ent else None
    span = None
    if sp.span is not None and 0 <= sp.span.start < sp.span.end <= len(art.text) \
            and art.text[sp.span.start:sp.span.end] == sp.span.text:
        span = art.span(sp.span.start, sp.span.end)
    return Speaker(entity_id=eid, name=sp.name, span=span, role=sp.role)


def align_quotes(story: Story, articles: dict[str, Article]) -> None:
    """Fill `story.quotes` with each article's quotes, speakers at story level, grouped."""
    emap = entity_map(story, articles)
    quotes: list[Quote] = []
    for aid in story.article_ids:
        art = articles.get(aid)
        if art is None:
            continue
        for q in art.quotes:
            if not (0 <= q.start < q.end <= len(art.text)) or art.text[q.start:q.end] != q.text:
                continue
            cue = q.cue_span
            if cue is not None and art.text[cue.start:cue.end] != cue.text:
                cue = None
            quotes.append(dataclasses.replace(
                q, article_id=art.id, speaker=_speaker(story, emap, art, q.speaker),
                cue_span=art.span(cue.start, cue.end) if cue else None, group=None))
    group = _quote_groups(quotes)
    ids: dict[int, str] = {}
    for q, g in zip(quotes, group):
        if g not in ids:
            ids[g] = f"{story.id}:q{len(ids) + 1}"
        q.group = ids[g]
    story.quotes = quotes


def _quote_groups(quotes: list[Quote]) -> list[int]:
    """A group number per quote: the same words (exact or cut), or reworded by one speaker."""
    n = len(quotes)
    if not n:
        return []
    vecs = encode([q.text for q in quotes])
    sim = vecs @ vecs.T
    edges: list[np.ndarray] = []
    exact: dict[tuple, int] = {}
    for i, q in enumerate(quotes):  # the same words, however short
        w = tuple(_words(q.text))
        if w:
            edges.append(np.array([[i, exact.setdefault(w, i)]]))
    # a quote and its cut or reworded forms are close sentences: only those pairs are compared
    first, second = np.nonzero(np.triu(sim >= QUOTE_CANDIDATE, 1))
    codes: dict[str, int] = {}
    speaker = np.array([codes.setdefault(q.speaker.entity_id, len(codes))
                        if q.speaker.entity_id is not None else -1 for q in quotes])
    same_speaker = (speaker[first] >= 0) & (speaker[first] == speaker[second])
    # the words two quotes share, from a quote x word incidence matrix
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, q in enumerate(quotes):
        for w in _word_set(q.text):
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    incidence = csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(n, len(vocab)))
    shared = (incidence @ incidence.T).toarray()
    sizes = np.diff(incidence.indptr)
    shortest = np.minimum(sizes[first], sizes[second])
    # a cut quote keeps nearly all its words; other speakers need nearly all of them
    needed = np.where(same_speaker, QUOTE_OVERLAP, QUOTE_SAME_WORDS)
    with np.errstate(divide="ignore", invalid="ignore"):
        same_words = (shortest >= 5) & (shared[first, second] / shortest >= needed)
    joined = same_words | (same_speaker & (sim[first, second] >= QUOTE_REWORDED))
    edges.append(np.stack([first[joined], second[joined]], axis=1))
    pairs = np.concatenate(edges)
    graph = coo_matrix((np.ones(len(pairs), dtype=np.int32), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    return connected_components(graph, directed=False)[1].tolist()
