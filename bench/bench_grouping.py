"""Speed of story grouping at scale: an index of 100,000 articles, then one more.

Synthetic but shaped like news: unit vectors scattered around a few thousand event centroids
(the cosine of an article to its event's centroid is about 0.7, as USE gives for one story),
publication dates spread over two years (each event lasts a few days), a handful of entity
keys and words per article. Prints figures, asserts nothing.

    python bench/bench_grouping.py [N]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from datetime import date, timedelta

import numpy as np

from recoupe.stories.cluster import StoryIndex


def synthetic(n: int, events: int = 3000, dim: int = 512, seed: int = 0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(events, dim)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    start = date(2023, 1, 1)
    event_day = rng.integers(0, 730, size=events)
    vocab = [f"w{i}" for i in range(20000)]
    for i in range(n):
        e = int(rng.integers(events))
        noise = rng.normal(size=dim).astype(np.float32)
        v = centres[e] + 1.0 * noise / np.linalg.norm(noise)
        day = start + timedelta(days=int(event_day[e] + rng.integers(0, 4)))
        words = Counter({vocab[(e * 7 + k) % len(vocab)]: 2 for k in range(15)})
        words.update(vocab[int(j)] for j in rng.integers(0, len(vocab), size=40))
        yield v / np.linalg.norm(v), day.isoformat(), [f"e{e}", f"p{e % 500}"], words


def main(n: int = 100_000) -> None:
    items = list(synthetic(n + 1))
    items.sort(key=lambda it: it[1])
    *stored, new = items
    index = StoryIndex()
    t0 = time.perf_counter()
    for i, (v, d, ents, words) in enumerate(stored):
        index.add(v, d, ents, words=words, lang="fr", key=str(i))
    build = time.perf_counter() - t0
    times = []
    for _ in range(5):  # the same new article against the full index, timed without adding
        t = time.perf_counter()
        index.scores(new[0], new[1], new[2], words=new[3], lang="fr")
        times.append(time.perf_counter() - t)
    # every thread clustered from the links, as a process does once after loading an index
    t = time.perf_counter()
    index.thread_of(0)
    all_threads = time.perf_counter() - t
    # then the new article: it joins or opens a story, its block of threads is clustered
    # again, and the stories and threads to show are given
    t = time.perf_counter()
    index.add(new[0], new[1], new[2], words=new[3], lang="fr", key="new")
    add_one = time.perf_counter() - t
    stories, threads = index.grouping()
    regroup = time.perf_counter() - t
    print(f"articles indexed        {n:>10,}")
    print(f"stories / threads       {len(stories):>10,} / {len(set(threads)):,}")
    print(f"build (incremental)     {build:>10.1f} s  ({1000 * build / n:.2f} ms per article)")
    print(f"score one new article   {1000 * min(times):>10.2f} ms (best of 5)")
    print(f"add one new article     {1000 * add_one:>10.2f} ms")
    print(f"add one + stories and threads {1000 * regroup:>6.1f} ms")
    print(f"all threads from scratch {1000 * all_threads:>8.1f} ms")

if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
