"""Incremental story grouping: each new article joins the best story or opens a new one.

`StoryIndex.add(vector, date, entity_keys)` compares one article with the stories already
indexed, never recomputing them, and needs no number of stories. Two levels are kept:

- a **story** is one event: its articles are close in meaning (cosine of the multilingual
  document embeddings to the story centroid), share its people, places and bodies, and are
  published within a few days of each other;
- a **thread** links the stories of one subject across time: the same affair one month later
  is another story of the same thread. Threads are the average-link agglomeration of the
  stories over article-to-article links (half embedding cosine, half tf-idf word cosine, plus
  shared names): a story joins the thread whose articles are, on average, close to its own.
  Average link needs the whole neighbourhood, so threads are recomputed when asked, only
  inside the groups of stories that some link above the threshold connects (no average can
  pass the threshold without one such link), which gives the same threads whatever the order.

Signals: cosine to the centroid (FR, EN and DE articles about one event are close, the
encoder being cross-lingual), shared words weighted by rarity (tf-idf; between languages the
embedding stands in), entity overlap (keys of names, spelling- and language-independent), and
time: published dates when known; for undated articles, the
months their text mentions, a weaker hint. Candidates are blocked by time window, then found
by exact inner-product search over the stories in the window (numpy), so adding one article
to an index of 10^5 articles takes milliseconds.

The result depends only on the order of the calls: `build_stories` adds articles by date,
then id, so a batch run and an incremental run in date order agree.

Undated articles have no time window, so the stories `add` makes of them depend on the order
they come in. `grouping` gives the stories to show: those `add` made, except that in each
thread the articles of its stories without any date are pooled and split by their words
(Ward's method), recursively, while the two halves are clearly apart; threads stay as they are.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache

import numpy as np
from threadpoolctl import ThreadpoolController
from unidecode import unidecode

from recoupe.model import Article
from recoupe.stories import names

# Thresholds on score = EMBED_WEIGHT * cosine to the centroid + (1 - EMBED_WEIGHT) * word
# cosine (tf-idf) + ENTITY_WEIGHT * entity overlap + MONTH_WEIGHT * month agreement.
# Tuned on RPM2 (dev half, undated articles: stories come out between topic and cluster level
# there). Splitting a topic's two clusters (one month apart) on content stays near chance:
# pairwise AUC 0.55-0.62 for embeddings, words, names, months and days the text mentions;
# STORY_JOIN 0.25-0.35 and MONTH_WEIGHT 0-0.3 only move cluster B-cubed by order noise.
# Tried without gain: story-story merges, nearest-article thread links, more lead sentences,
# a larger embedding weight (better for SemEval pairs, worse for RPM2 topics), single-pass
# average link to a thread's articles (89-91: it cannot take the best pair first).
STORY_JOIN = 0.3
# Threads: average link of LINK_EMBED_WEIGHT * cosine + (1 - LINK_EMBED_WEIGHT) * word cosine
# + LINK_ENTITY_WEIGHT * share of names in common, between the articles of two stories.
# On RPM2 (dev) topic B-cubed is 98.1 for THREAD_JOIN 0.21-0.23, 93-96 at 0.20 and 0.24
# (92-94 with the former single-pass threads); the batch tf-idf average-link baseline: 94.4.
THREAD_JOIN = 0.22
LINK_EMBED_WEIGHT = 0.5
LINK_ENTITY_WEIGHT = 0.1
LINK_CANDIDATES = 128  # nearest earlier articles (by cosine) an article is linked to; the
# links to others count as 0 (RPM2 topic B-cubed 98.1 with 256, 97.6 with 64, 94.6 with 32)
EMBED_WEIGHT = 0.3
ENTITY_WEIGHT = 0.2
MONTH_WEIGHT = 0.1  # undated articles: agreement of the months their text mentions
SAME_DAYS_BONUS = 0.08  # an article published within a story's days: time corroborates
STORY_GAP_DAYS = 7  # an article joins a story published at most this many days apart
THREAD_GAP_DAYS = 366  # a thread follows one subject for up to a year between stories
CANDIDATES = 16  # best stories by cosine that get the full score
# Stories of undated articles (`StoryIndex.grouping`): without dates, the stories `add` makes
# depend on the order articles come in, so within a thread the articles of its undated stories
# are pooled and split in two by their words (Ward on tf-idf) while the halves are clearly
# apart: mean word cosine between them below SPLIT_APART times the mean inside them, at least
# SPLIT_LEAST articles a half. RPM2 (dev) topic+cluster B-cubed holds at 71-72 over 12 arrival
# orders for SPLIT_APART 0.65-0.8 and SPLIT_LEAST 2-4 (docs/MEASUREMENTS.md: what else was tried).
SPLIT_APART = 0.7
SPLIT_LEAST = 3
SPLIT_MAX = 2000  # a larger pool keeps the stories `add` made (bounded time)
_GROW = 1024
_blas_limit = ThreadpoolController().limit


def day_number(value: str | None) -> int | None:
    """Ordinal day of an ISO date ("2023-09-13"); a partial date ("2023-09") counts as its 15th,
    a bare year as 1 July."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 7
        d = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else (15 if len(parts) > 1 else 1)
        return Date(y, m, d).toordinal()
    except (ValueError, IndexError):
        return None


def entity_keys(article: Article) -> list[str]:
    """Comparison keys of the people, places and bodies an article names: a lexicon alias
    when the name has one ("Poutine" / "Putin"), else a person's surname or the whole name,
    folded and transliterated."""
    keys = set()
    for ent in article.entities:
        if ent.type not in ("PER", "ORG", "LOC") or not ent.name:
            continue
        group = names.alias_group(ent.name)
        if group is not None:
            keys.add(f"={group}")
            continue
        toks = names.key(ent.name, person=ent.type == "PER").split()
        if toks:
            keys.add(toks[-1] if ent.type == "PER" else " ".join(toks))
    return sorted(k for k in keys if len(k) > 1)


_WORD = re.compile(r"\w{4,}", re.UNICODE)
MAX_TERMS_CHARS = 20_000  # bounded time: the head of a long text says what it is about
IDF_PRIOR_DOCS = 20  # phantom documents without the word: a small batch about one story keeps
# the words all its articles share ("Vostotchny") from weighing nothing


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """French, English and German function words (spaCy's lists), folded."""
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    return frozenset(unidecode(w).lower() for w in FR | EN | DE)


def terms(article: Article) -> Counter:
    """Word counts of the title and text (folded, words of four letters or more): the lexical
    signal, weighted by inverse document frequency inside the index."""
    text = f"{article.title or ''}\n{article.text}"
    stop = stop_words()
    return Counter(w for w in _WORD.findall(names.to_ascii(text[:MAX_TERMS_CHARS]).lower()) if w not in stop)


def month_profile(article: Article) -> np.ndarray | None:
    """Months (1-12) that the article's dates mention, as a 12-vector, or None."""
    months = np.zeros(12, dtype=np.float32)
    for t in article.times:
        value = t.value or ""
        if t.type == "DATE" and len(value) >= 7 and value[5:7].isdigit():
            m = int(value[5:7])
            if 1 <= m <= 12:
                months[m - 1] += 1
    return months if months.any() else None


@dataclass
class _Group:
    """A story in the index."""

    n: int = 0
    first: int | None = None
    last: int | None = None
    keys: Counter = field(default_factory=Counter)
    months: np.ndarray = field(default_factory=lambda: np.zeros(12, dtype=np.float32))
    terms: Counter = field(default_factory=Counter)
    langs: set = field(default_factory=set)


class _Table:
    """Growing matrix of story centroids (sums and unit vectors) with first/last days per row."""

    def __init__(self, dim: int):
        self.sums = np.zeros((_GROW, dim), dtype=np.float32)
        self.units = np.zeros((_GROW, dim), dtype=np.float32)
        self.first = np.full(_GROW, np.nan)
        self.last = np.full(_GROW, np.nan)
        self.groups: list[_Group] = []

    def __len__(self) -> int:
        return len(self.groups)

    def open(self) -> int:
        k = len(self.groups)
        if k == len(self.sums):
            grow = len(self.sums)
            self.sums = np.vstack([self.sums, np.zeros_like(self.sums[:grow])])
            self.units = np.vstack([self.units, np.zeros_like(self.units[:grow])])
            self.first = np.concatenate([self.first, np.full(grow, np.nan)])
            self.last = np.concatenate([self.last, np.full(grow, np.nan)])
        self.groups.append(_Group())
        return k

    def put(self, k: int, vector: np.ndarray, day: int | None, keys: list[str],
            months: np.ndarray | None, words: Counter, lang: str | None) -> None:
        g = self.groups[k]
        g.n += 1
        g.langs.add(lang)
        g.terms.update(words)
        self.sums[k] += vector
        self.units[k] = self.sums[k] / max(float(np.linalg.norm(self.sums[k])), 1e-9)
        if day is not None:
            g.first = day if g.first is None else min(g.first, day)
            g.last = day if g.last is None else max(g.last, day)
            self.first[k], self.last[k] = g.first, g.last
        g.keys.update(set(keys))
        if months is not None:
            g.months += months

    def candidates(self, vector: np.ndarray, day: int | None, gap: int) -> tuple[np.ndarray, np.ndarray]:
        """Rows within `gap` days of `day` (undated rows and articles match any time), best
        cosines first."""
        n = len(self.groups)
        if n == 0:
            return np.zeros(0, dtype=int), np.zeros(0)
        with _blas_limit(limits=1, user_api="blas"):  # small product: threads only stall
            cos = self.units[:n] @ vector  # one contiguous block: faster than gathering rows
        if day is not None:
            first, last = self.first[:n], self.last[:n]
            far = (first - gap > day) | (day > last + gap)  # NaN (undated) compares False
            cos = np.where(far, -np.inf, cos)
        k = min(CANDIDATES, n)
        top = np.argpartition(-cos, k - 1)[:k] if n > k else np.arange(n)
        top = top[np.isfinite(cos[top])]
        top = top[np.lexsort((top, -cos[top]))]  # best first, ties by row: deterministic
        return top, cos[top]


def entity_overlap(keys: list[str], group: _Group) -> float:
    """How typical the article's entities are of the group: mean share of the group's
    articles that name each of them (0 when either side names none)."""
    if not keys or not group.n or not group.keys:
        return 0.0
    return sum(min(group.keys[k], group.n) for k in keys) / (len(keys) * group.n)


def month_agreement(months: np.ndarray | None, group: _Group) -> float:
    """Cosine of two month profiles, centred: +0.5 for the same months, -0.5 for others, 0 when
    either side mentions none."""
    if months is None or not months.any() or not group.months.any():
        return 0.0
    cos = float(months @ group.months) / (np.linalg.norm(months) * np.linalg.norm(group.months))
    return cos - 0.5


class _Idf:
    """Document frequencies of words, grown with the index (or primed with a corpus's)."""

    def __init__(self):
        self.df: Counter = Counter()
        self.n = 0
        # log(n / (df + 1)) per word, valid while no document is added: a primed batch asks
        # for the same words' weights thousands of times (articles, then stories as they grow)
        self._idf: dict[str, float] = {}

    def add(self, words: Counter) -> None:
        self.df.update(words.keys())
        self.n += 1
        self._idf.clear()

    def weights(self, counts: Counter) -> dict[str, float]:
        n = self.n + IDF_PRIOR_DOCS
        idf, df = self._idf, self.df
        out = {}
        for w, c in counts.items():
            v = idf.get(w)
            if v is None:
                v = idf[w] = math.log(n / (df.get(w, 0) + 1))
            out[w] = (1.0 + _log(c)) * v + 1e-6
        return out


@lru_cache(maxsize=4096)
def _log(count: int) -> float:
    return math.log(count)


def norm(weights: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in weights.values())) or 1.0


def word_cosine(a: dict[str, float], a_norm: float, b: dict[str, float], b_norm: float) -> float:
    if len(a) > len(b):
        a, b = b, a
    num = sum(v * b[w] for w, v in a.items() if w in b)
    return num / (a_norm * b_norm)


class _WordTable:
    """Word weights as arrays (ids, weights, in the dict's order), to compare one article's
    words with many others' at once."""

    def __init__(self):
        self.vocab: dict[str, int] = {}
        self._col = np.full(0, -1, dtype=np.intp)  # word id -> its column in the article
        self._val = np.zeros(0)  # word id -> its weight in the article

    def arrays(self, weights: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        vocab = self.vocab
        ids = np.fromiter((vocab.setdefault(w, len(vocab)) for w in weights), dtype=np.intp,
                          count=len(weights))
        return ids, np.fromiter(weights.values(), dtype=np.float64, count=len(weights))

    def cosines(self, mine: tuple[np.ndarray, np.ndarray], my_norm: float,
                others: list[tuple[np.ndarray, np.ndarray, float]]) -> list[float]:
        """`word_cosine` of one article's words (`mine`: ids, weights) with each of `others`
        (ids, weights, norm; none empty), to the last bit: each sum is taken term by term in
        the order of the side with fewer words, as `word_cosine` takes it (a word the other
        side lacks adds 0.0, which changes no sum), by a running sum along each row."""
        xi, xv = mine
        size = len(self.vocab)
        if len(self._col) < size:
            grow = max(size, 2 * len(self._col)) - len(self._col)
            self._col = np.concatenate([self._col, np.full(grow, -1, dtype=np.intp)])
            self._val = np.concatenate([self._val, np.zeros(grow)])
        col, val = self._col, self._val
        nx = len(xi)
        col[xi], val[xi] = np.arange(nx), xv
        try:
            ids = np.concatenate([o[0] for o in others])
            vals = np.concatenate([o[1] for o in others])
            lens = np.array([len(o[0]) for o in others])
            owner = np.repeat(np.arange(len(others)), lens)
            num = np.zeros(len(others))
            # this article has no more words than the other: in its own order
            first = nx <= lens
            if first.any():
                at = np.cumsum(first) - 1  # row of each such other in the table
                take = first[owner]
                c = col[ids[take]]
                known = c >= 0
                table = np.zeros((int(first.sum()), nx))
                table[at[owner[take]][known], c[known]] = vals[take][known]
                num[first] = np.cumsum(xv * table, axis=1)[:, -1]
            # else in the other's order, its rows padded with zeros at the end
            second = ~first
            if second.any():
                take = second[owner]
                sizes = lens[second]
                starts = np.cumsum(sizes) - sizes
                within = np.arange(int(sizes.sum())) - np.repeat(starts, sizes)
                table = np.zeros((len(sizes), int(sizes.max())))
                table[np.repeat(np.arange(len(sizes)), sizes), within] = vals[take] * val[ids[take]]
                num[second] = np.cumsum(table, axis=1)[:, -1]
        finally:
            col[xi], val[xi] = -1, 0.0
        norms = np.array([o[2] for o in others])
        return (num / (my_norm * norms)).tolist()


def average_link(link: np.ndarray, sizes: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-link agglomeration of groups (`link`: mean link between their members, `sizes`:
    their sizes), merging the closest pair while its link is at least `threshold`."""
    link = link.astype(np.float64).copy()
    np.fill_diagonal(link, -np.inf)
    sizes = sizes.astype(np.float64).copy()
    clusters = [[k] for k in range(len(link))]
    while len(link) > 1:
        a, b = np.unravel_index(int(np.argmax(link)), link.shape)
        if link[a, b] < threshold:
            break
        a, b = min(a, b), max(a, b)
        merged = (link[a] * sizes[a] + link[b] * sizes[b]) / (sizes[a] + sizes[b])
        link[a], link[:, a] = merged, merged
        link[a, a] = -np.inf
        link[b], link[:, b] = -np.inf, -np.inf
        sizes[a] += sizes[b]
        clusters[a] += clusters[b]
        clusters[b] = []
    return [c for c in clusters if c]


def split_apart(weights: list[dict[str, float]], apart: float = SPLIT_APART,
                least: int = SPLIT_LEAST) -> list[list[int]]:
    """Positions of articles (their tf-idf word weights) in groups: split in two by Ward's
    method, then each half again, while the mean cosine between the halves is below `apart`
    times the mean inside them and each half has at least `least` articles."""
    from scipy.sparse import csr_matrix

    n, least = len(weights), max(least, 2)
    if n < 2 * least:
        return [list(range(n))]
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, w in enumerate(weights):
        scale = norm(w)
        for word, v in w.items():
            rows.append(i)
            cols.append(vocab.setdefault(word, len(vocab)))
            vals.append(v / scale)
    x = csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)))
    sim = (x @ x.T).toarray()
    return _bisect(sim, list(range(n)), apart, least)


def _bisect(sim: np.ndarray, part: list[int], apart: float, least: int) -> list[list[int]]:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    if len(part) < 2 * least:
        return [part]
    sub = sim[np.ix_(part, part)]
    dist = np.sqrt(np.clip(2.0 - sub - sub.T, 0.0, None))  # unit vectors: Euclidean distance
    np.fill_diagonal(dist, 0.0)
    labels = fcluster(linkage(squareform(dist, checks=False), "ward"), 2, "maxclust")
    a = [p for p, lab in zip(part, labels) if lab == 1]
    b = [p for p, lab in zip(part, labels) if lab != 1]
    if min(len(a), len(b)) < least:
        return [part]
    inside = [sim[np.ix_(h, h)] for h in (a, b)]
    within = sum(m.sum() - np.trace(m) for m in inside) / sum(len(h) * (len(h) - 1) for h in (a, b))
    if sim[np.ix_(a, b)].mean() >= apart * within:
        return [part]
    return _bisect(sim, a, apart, least) + _bisect(sim, b, apart, least)


class StoryIndex:
    """Stories and threads, grown one article at a time."""

    def __init__(self, dim: int = 512, *, story_join: float = STORY_JOIN,
                 thread_join: float = THREAD_JOIN, embed_weight: float = EMBED_WEIGHT,
                 entity_weight: float = ENTITY_WEIGHT, month_weight: float = MONTH_WEIGHT,
                 story_gap_days: int = STORY_GAP_DAYS, thread_gap_days: int = THREAD_GAP_DAYS):
        self.dim = dim
        self.story_join, self.thread_join = story_join, thread_join
        self.embed_weight, self.entity_weight, self.month_weight = embed_weight, entity_weight, month_weight
        self.story_gap, self.thread_gap = story_gap_days, thread_gap_days
        self._stories = _Table(dim)
        self._idf = _Idf()
        self._weights: dict[int, tuple[int, dict[str, float], float]] = {}
        self.members: list[list[str]] = []  # per story, the keys of its articles
        self._counted: set[str] = set()
        # per article: its vector, day, story, and its links to earlier articles
        self._vecs = np.zeros((_GROW, dim), dtype=np.float32)
        self._days = np.full(_GROW, np.nan)
        self._story_of: list[int] = []
        self._links: list[tuple[np.ndarray, np.ndarray]] = []  # (earlier articles, link values)
        self._entries: list[tuple] = []  # per article: word weights, their norm, names, language
        # threads, kept up to date block by block: stories joined by a link at or above
        # thread_join form a block (union-find); only a block that an article joined or that
        # merged is clustered again (average link), when threads are asked for
        self._parent: list[int] = []  # per story, its union-find parent
        self._block: dict[int, list[int]] = {}  # block root -> its stories
        self._articles_of: list[list[int]] = []  # per story, its articles (positions)
        self._threads: list[int] = []  # per story, its thread (first story of its cluster)
        self._dirty: set[int] = set()  # stories whose block changed since threads were made
        self._splits: dict[tuple[int, ...], list[list[int]]] = {}  # undated pool -> its parts
        self._table = _WordTable()
        self._arrays: dict[int, tuple] = {}  # article position -> its word weights as arrays
        self._group_arrays: dict[int, tuple] = {}  # story -> (its size, its weights as arrays)

    def __len__(self) -> int:
        return len(self._stories)

    def _group_weights(self, row: int, g: _Group) -> tuple[dict[str, float], float]:
        """tf-idf weights of a story's words and their norm, recomputed only when the story
        has grown."""
        cached = self._weights.get(row)
        if cached is None or cached[0] != g.n:
            weights = self._idf.weights(g.terms)
            cached = (g.n, weights, norm(weights))
            self._weights[row] = cached
        return cached[1], cached[2]

    def prime(self, corpus: dict[str, Counter]) -> None:
        """Count document frequencies over `corpus` (article key -> word counts: a whole
        batch, or a store) before adding, so that early articles meet stable word weights.
        An article added later under one of these keys is not counted twice."""
        for key, words in corpus.items():
            if key not in self._counted:
                self._counted.add(key)
                self._idf.add(words)
                self._weights.clear()  # stories' word weights follow the new counts

    def scores(self, vector: np.ndarray, date: str | None = None, entities: list[str] = (), *,
               words: Counter | None = None, months: np.ndarray | None = None,
               lang: str | None = None, gap: int | None = None) -> list[tuple[int, float]]:
        """The candidate stories for an article (arguments as `add`) within `gap` days
        (default: the story window) and the score it would have with each, best first."""
        vector = np.asarray(vector, dtype=np.float32).reshape(self.dim)
        words = words or Counter()
        weights = self._idf.weights(words)
        return self._scores(vector, day_number(date), sorted(set(entities)), words, weights,
                            norm(weights), months, lang, gap)

    def _scores(self, vector: np.ndarray, day: int | None, keys: list[str], words: Counter,
                weights: dict[str, float], a_norm: float, months: np.ndarray | None,
                lang: str | None, gap: int | None) -> list[tuple[int, float]]:
        gap = self.story_gap if gap is None else gap
        rows, cos = self._stories.candidates(vector, day, gap)
        rows, cos = rows.tolist(), cos.tolist()
        groups = self._stories.groups
        # across languages words say little: the embedding speaks for both
        worded = [row for row in rows if words and (lang in groups[row].langs or lang is None
                                                    or None in groups[row].langs)]
        others = []
        for row in worded:
            g = groups[row]
            gw, gn = self._group_weights(row, g)
            if gw:
                cached = self._group_arrays.get(row)
                if cached is None or cached[0] != g.n or cached[1] is not gw:
                    cached = self._group_arrays[row] = (g.n, gw, self._table.arrays(gw))
                others.append((row, (*cached[2], gn)))
        lexicals = {}
        if others and weights:
            found = self._table.cosines(self._table.arrays(weights), a_norm, [o for _, o in others])
            lexicals = dict(zip((row for row, _ in others), found))
        out = []
        for row, c in zip(rows, cos):
            g = groups[row]
            lexical = lexicals.get(row, 0.0) if row in worded else c
            score = self.embed_weight * c + (1 - self.embed_weight) * lexical
            score += self.entity_weight * entity_overlap(keys, g)
            if day is None or g.first is None:
                score += self.month_weight * month_agreement(months, g)
            elif gap == self.story_gap:
                score += SAME_DAYS_BONUS  # candidates are already within the time window
            out.append((row, score))
        return sorted(out, key=lambda rs: -rs[1])

    def sibling(self) -> StoryIndex:
        """A new index without stories that shares this one's word statistics."""
        other = StoryIndex(self.dim, story_join=self.story_join, thread_join=self.thread_join,
                           embed_weight=self.embed_weight, entity_weight=self.entity_weight,
                           month_weight=self.month_weight, story_gap_days=self.story_gap,
                           thread_gap_days=self.thread_gap)
        other._idf, other._counted = self._idf, self._counted
        return other

    def add(self, vector: np.ndarray, date: str | None = None, entities: list[str] = (), *,
            words: Counter | None = None, months: np.ndarray | None = None,
            lang: str | None = None, key: str | None = None) -> int:
        """Index one article and return the number of the story it joins or opens.

        `vector`: unit document embedding; `date`: ISO publication date (possibly partial) or
        None; `entities`: comparison keys of the names it mentions (`entity_keys`); `words`:
        its word counts (`terms`); `months`: for undated articles, the months its text
        mentions (`month_profile`); `lang`: its language; `key`: the article id.
        """
        vector = np.asarray(vector, dtype=np.float32).reshape(self.dim)
        keys = sorted(set(entities))
        words = words or Counter()
        day = day_number(date)
        # the article's word weights, once for scoring and linking (no count changes between)
        weights = self._idf.weights(words)
        entry = (weights, norm(weights), set(keys), lang)
        best = self._scores(vector, day, keys, words, weights, entry[1], months, lang, None)
        story, score = best[0] if best else (-1, -np.inf)
        if story < 0 or score < self.story_join:
            story = self._stories.open()
            self.members.append([])
        self._link(vector, day, entry, story)
        if key is None or key not in self._counted:
            self._idf.add(words)
            if key is not None:
                self._counted.add(key)
        self._stories.put(story, vector, day_number(date), keys, months, words, lang)
        self.members[story].append(key if key is not None else str(sum(map(len, self.members))))
        return story

    def entry(self, i: int) -> tuple[int, np.ndarray, np.ndarray, dict[str, float]]:
        """What `restore` needs of the `i`-th article added, beside what was passed to `add`:
        its story, its links (earlier articles, values) and its word weights when added."""
        rows, values = self._links[i]
        return self._story_of[i], rows, values, self._entries[i][0]

    @classmethod
    def restore(cls, entries, **params) -> StoryIndex:
        """The index that the same `add` calls built, without scoring or linking again.

        `entries`: per article, in the order added, a dict of the `add` arguments (`vector`,
        `date`, `entities`, `words`, `months`, `lang`, `key`) and of its `entry`: `story`,
        `rows`, `values`, `weights`. The word counts are primed as they were: every key once.
        """
        index = cls(**params)
        for e in entries:
            story, n = e["story"], len(index._story_of)
            if story == len(index._stories):
                index._stories.open()
                index.members.append([])
            elif not 0 <= story < len(index._stories):
                raise ValueError(f"entry {n}: story {story} opened out of order")
            index._reserve(n)
            vector = np.asarray(e["vector"], dtype=np.float32).reshape(index.dim)
            day, keys, words = day_number(e["date"]), sorted(set(e["entities"])), e["words"]
            index._vecs[n] = vector
            index._days[n] = np.nan if day is None else day
            rows = np.asarray(e["rows"], dtype=np.int32)
            values = np.asarray(e["values"], dtype=np.float32)
            if rows.shape != values.shape or ((rows < 0) | (rows >= n)).any():
                raise ValueError(f"entry {n}: links to articles not added before it")
            index._record(story, rows, values)
            index._entries.append((e["weights"], norm(e["weights"]), set(keys), e["lang"]))
            if e["key"] not in index._counted:
                index._idf.add(words)
                index._counted.add(e["key"])
            index._stories.put(story, vector, day, keys, e["months"], words, e["lang"])
            index.members[story].append(e["key"])
        return index

    def _reserve(self, n: int) -> None:
        """Room for the article at position `n` (the arrays double when full)."""
        if n == len(self._vecs):
            self._vecs = np.vstack([self._vecs, np.zeros_like(self._vecs)])
            self._days = np.concatenate([self._days, np.full(len(self._days), np.nan)])

    def _link(self, vector: np.ndarray, day: int | None, entry: tuple, story: int) -> None:
        """Record the new article's links to its nearest earlier articles within the thread
        window (the average links between stories are made of them). `entry`: its word
        weights, their norm, its names and its language."""
        n = len(self._story_of)
        self._reserve(n)
        rows: list[int] = []
        if n:
            with _blas_limit(limits=1, user_api="blas"):
                cos = self._vecs[:n] @ vector
            if day is not None:
                cos = np.where(np.abs(self._days[:n] - day) > self.thread_gap, -np.inf, cos)
            k = min(LINK_CANDIDATES, n)
            top = np.argpartition(-cos, k - 1)[:k] if n > k else np.arange(n)
            rows = sorted(top[np.isfinite(cos[top])].tolist())
        self._arrays[n] = mine = self._table.arrays(entry[0])
        with_words = [j for j in rows if self._entries[j][0]] if entry[0] else []
        others = []
        for j in with_words:
            if j not in self._arrays:  # an article restored, not added
                self._arrays[j] = self._table.arrays(self._entries[j][0])
            others.append((*self._arrays[j], self._entries[j][1]))
        lexical = dict(zip(with_words, self._table.cosines(mine, entry[1], others))) if others else {}
        values = [self._article_link(float(cos[j]), entry, self._entries[j], lexical.get(j))
                  for j in rows]
        self._vecs[n] = vector
        self._days[n] = np.nan if day is None else day
        self._record(story, np.array(rows, dtype=np.int32), np.array(values, dtype=np.float32))
        self._entries.append(entry)

    def _record(self, story: int, rows: np.ndarray, values: np.ndarray) -> None:
        """Keep the next article's story and links, and the blocks of stories they join."""
        while len(self._parent) <= story:  # a story just opened
            k = len(self._parent)
            self._parent.append(k)
            self._block[k] = [k]
            self._articles_of.append([])
            self._threads.append(k)
        self._articles_of[story].append(len(self._story_of))
        self._story_of.append(story)
        self._links.append((rows, values))
        self._dirty.add(story)
        for j in rows[values >= self.thread_join].tolist():
            a, b = self._find(story), self._find(self._story_of[j])
            if a != b:
                a, b = min(a, b), max(a, b)
                self._parent[b] = a
                self._block[a].extend(self._block.pop(b))
                self._dirty.add(a)

    def _find(self, x: int) -> int:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    @staticmethod
    def _article_link(cos: float, a: tuple, b: tuple, lexical: float | None = None) -> float:
        """`lexical`: their word cosine, when already known."""
        (wa, na, ka, la), (wb, nb, kb, lb) = a, b
        same_lang = la == lb or la is None or lb is None
        if not (wa and wb and same_lang):
            lexical = cos
        elif lexical is None:
            lexical = word_cosine(wa, na, wb, nb)
        shared = len(ka & kb) / min(len(ka), len(kb)) if ka and kb else 0.0
        return LINK_EMBED_WEIGHT * cos + (1 - LINK_EMBED_WEIGHT) * lexical + LINK_ENTITY_WEIGHT * shared

    def _update_threads(self) -> None:
        """Cluster again the blocks that changed: average link of the stories of a block, over
        the links between their articles (no average passes the threshold without one link
        that does, so other blocks cannot join). The same threads whatever the order of calls."""
        roots = {self._find(st) for st in self._dirty}
        self._dirty.clear()
        for root in sorted(roots):
            block = sorted(self._block[root])
            if len(block) == 1:
                self._threads[root] = root
                continue
            pos = {st: k for k, st in enumerate(block)}
            total = np.zeros((len(block), len(block)))
            for st in block:
                a = pos[st]
                for i in self._articles_of[st]:
                    rows, values = self._links[i]
                    for j, value in zip(rows.tolist(), values.tolist()):
                        b = pos.get(self._story_of[j])
                        if b is not None and b != a:
                            total[a, b] += value
                            total[b, a] += value
            size = np.array([len(self._articles_of[st]) for st in block], dtype=np.float64)
            for cluster in average_link(total / np.outer(size, size), size, self.thread_join):
                first = min(block[k] for k in cluster)
                for k in cluster:
                    self._threads[block[k]] = first

    def thread_of(self, story: int) -> int:
        if self._dirty:
            self._update_threads()
        return self._threads[story]

    def stories(self) -> list[list[str]]:
        """Article keys per story, in the order stories were opened."""
        return [list(m) for m in self.members]

    def grouping(self) -> tuple[list[list[str]], list[int]]:
        """Stories (article keys, in the order added) and the thread of each: the stories
        `add` made, except that in each thread the articles of the stories without any date
        are pooled and split by their words (`split_apart`); a thread is numbered by its
        first story, as `thread_of` numbers it."""
        keys: list[str] = []
        seen = [0] * len(self.members)
        for story in self._story_of:
            keys.append(self.members[story][seen[story]])
            seen[story] += 1
        undated: dict[int, list[int]] = {}  # thread -> its undated articles (positions)
        for i, story in enumerate(self._story_of):
            if self._stories.groups[story].first is None:
                undated.setdefault(self.thread_of(story), []).append(i)
        out, threads = [], []
        for story, members in enumerate(self.members):
            thread = self.thread_of(story)
            if self._stories.groups[story].first is not None or len(undated[thread]) > SPLIT_MAX:
                out.append(list(members))
                threads.append(thread)
        splits = {}  # a pool no article joined is not split again
        for thread, pool in sorted(undated.items()):
            if len(pool) > SPLIT_MAX:
                continue
            parts = self._splits.get(tuple(pool))
            if parts is None:
                parts = split_apart([self._entries[i][0] for i in pool])
            splits[tuple(pool)] = parts
            for part in parts:
                out.append([keys[pool[k]] for k in part])
                threads.append(thread)
        self._splits = splits
        return out, threads
