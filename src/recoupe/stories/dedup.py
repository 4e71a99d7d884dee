"""Wire copies: articles that republish the same text (a dispatch taken up with small edits).

MinHash LSH over word shingles finds candidate pairs in near-linear time; each candidate is
then checked on its exact shingle sets. Two articles are copies when their shingles overlap
strongly (Jaccard), or when most of the shorter one is found in the longer one (a dispatch
cut or topped by an outlet). Rewrites of one story by different newsrooms share few
shingles (Jaccard <= 0.07 on the seed articles), so they are never copies: grouping stories
needs embeddings, not MinHash.
"""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

from recoupe.model import Article
from recoupe.stories.names import to_ascii

SHINGLE = 4  # words per shingle
NUM_PERM = 128
LSH_THRESHOLD = 0.3  # recall-oriented: candidates are verified exactly
COPY_JACCARD = 0.5
COPY_CONTAINMENT = 0.7  # share of the shorter article's shingles found in the longer one
MIN_SHINGLES = 30  # a text shorter than this (a brief) is too short to call a copy
MAX_CHARS = 200_000  # bounded time on huge inputs: the head of a text is enough to tell

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[str]:
    """Word shingles of `text`, case and accents folded (typography varies between copies)."""
    words = _WORD.findall(to_ascii(text[:MAX_CHARS]).lower())
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def minhash(shingle_set: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([s.encode() for s in shingle_set])
    return m


def copy_rank(published: str | None, article_id: str) -> tuple[str, str]:
    """The order of copies: by date, then id, undated last (the first is the likeliest origin)."""
    return (published or "9999", article_id)


def overlap(a: set[str], b: set[str]) -> tuple[float, float]:
    """Jaccard and containment (of the smaller set in the larger) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


def is_copy(a: set[str], b: set[str]) -> bool:
    if min(len(a), len(b)) < MIN_SHINGLES:
        return False
    jac, cont = overlap(a, b)
    return jac >= COPY_JACCARD or cont >= COPY_CONTAINMENT


def find_copies(articles: list[Article]) -> list[list[str]]:
    """Groups (two or more article ids) of articles that are copies of one text.

    Each group lists its articles by date then id, so that the first one is the likeliest
    origin; groups come in the order of their first article.
    """
    from scipy.cluster.hierarchy import DisjointSet

    order = sorted(articles, key=lambda a: copy_rank(a.published, a.id))
    texts = {a.id: f"{a.title or ''}\n{a.text}" for a in order}
    by_text = {t: shingles(t) for t in set(texts.values())}  # a text republished whole: once
    sets = {aid: by_text[t] for aid, t in texts.items()}
    sketches: dict[str, MinHash] = {}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    same = DisjointSet(a.id for a in order)
    for a in order:
        sa = sets[a.id]
        if len(sa) < MIN_SHINGLES:
            continue
        mh = sketches.get(texts[a.id])
        if mh is None:
            mh = sketches[texts[a.id]] = minhash(sa)
        for other in lsh.query(mh):
            if is_copy(sa, sets[other]):
                same.merge(a.id, other)
        if a.id not in lsh:
            lsh.insert(a.id, mh)
    rank = {a.id: i for i, a in enumerate(order)}
    groups: dict[str, list[str]] = {}
    for a in order:
        groups.setdefault(same[a.id], []).append(a.id)
    found = [sorted(g, key=rank.__getitem__) for g in groups.values() if len(g) > 1]
    return sorted(found, key=lambda g: rank[g[0]])


def count_origins(article_ids: list[str], copies: list[list[str]]) -> int:
    """Independent origins among `article_ids`: each group of copies counts once."""
    ids = set(article_ids)
    merged = sum(len(ids & set(g)) - 1 for g in copies if len(ids & set(g)) > 1)
    return len(ids) - merged
