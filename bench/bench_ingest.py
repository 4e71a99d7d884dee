"""Speed of ingesting one article into a store of N grouped articles: the incremental grouping
(`recoupe ingest`, `recoupe serve`) against the former full regroup of the store.

The stored articles are synthetic (`bench_grouping.synthetic`: vectors around event centroids,
dates over two years, entity keys and words); no analysis runs on them. The store is filled
with what a real grouping keeps: the story index is built with `StoryIndex.add`, article by
article, as the former full regroup did after embedding everything again (that build is timed:
it is the former regroup's clustering alone, a lower bound of its cost, to which re-embedding
every article, finding copies among all and re-making every story were added). Then one new
article of the latest day is ingested: its vector is the synthetic one (the encoder is not
asked for it), the story it joins is made again by `make_story` (which embeds that story's
sentences for real). The sentence encoder, word lists and story stages are loaded before
timing, as they are in an ingest that has just analysed its articles. Prints figures, asserts
nothing.

    python bench/bench_ingest.py [N [BUILD]]     (default 10,000 and 10,000)

Above BUILD articles (10,000: some 40 s), the index is not built by `add` (100,000 would take
many minutes): its entries are made up (`made_up_entries`), and the former regroup's time is
the one measured on BUILD articles, scaled linearly to N (a lower bound).
"""

from __future__ import annotations

import gc
import math
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from bench_grouping import synthetic  # noqa: E402

from recoupe.model import Article, Story  # noqa: E402
from recoupe.store import Store  # noqa: E402
from recoupe.store.grouping import KeptIndex, update_stories  # noqa: E402
from recoupe.stories import story_id, thread_id  # noqa: E402
from recoupe.stories.cluster import StoryIndex  # noqa: E402


def article(i: int, item) -> Article:
    _, day, _, words = item
    text = " ".join(w for w, c in words.items() for _ in range(c))
    return Article(id=f"a{i:06d}", origin=f"bench/{i}", source=f"outlet{i % 40}", text=text,
                   title=None, lang="fr", published=day)


def built_entries(arts, items) -> tuple[list[dict], float]:
    """Index entries made by `StoryIndex.add`, and the time it took (the former full regroup's
    clustering of these articles)."""
    t = time.perf_counter()
    index = StoryIndex()
    index.prime({a.id: it[3] for a, it in zip(arts, items)})
    for a, (v, d, ents, words) in zip(arts, items):
        index.add(v, d, ents, words=words, lang="fr", key=a.id)
    for k in range(len(index)):
        index.thread_of(k)
    spent = time.perf_counter() - t
    entries = []
    for i, (a, (v, d, ents, words)) in enumerate(zip(arts, items)):
        story, rows, values, weights = index.entry(i)
        entries.append({"key": a.id, "story": story, "date": d, "lang": "fr", "copy_group": a.id,
                        "vector": v, "entities": ents, "words": words, "weights": weights,
                        "months": None, "rows": rows, "values": values})
    return entries, spent


def made_up_entries(arts, items, seed: int = 1) -> list[dict]:
    """Index entries made up without scoring (fast at any size): one story per event, links
    to up to 128 earlier articles, those of the same event above the thread threshold, some of
    a neighbouring event near it, the rest below; tf-idf weights over the whole corpus."""
    rng = np.random.default_rng(seed)
    df = Counter(w for it in items for w in it[3])
    n = len(items)
    story_of_event: dict[str, int] = {}
    by_event: dict[str, list[int]] = {}
    entries = []
    for i, (a, (v, d, ents, words)) in enumerate(zip(arts, items)):
        event = ents[0]
        story = story_of_event.setdefault(event, len(story_of_event))
        same = by_event.setdefault(event, [])[-100:]
        other = sorted(set(rng.integers(0, i, size=min(i, 128 - len(same))).tolist()) - set(same)) if i else []
        rows = np.array(sorted(same + other), dtype=np.int32)
        near = {j for j in other if items[j][2][0] == f"e{int(event[1:]) ^ 1}"}
        values = np.array([0.5 if j in same else 0.2 if j in near else 0.05 for j in rows.tolist()],
                          dtype=np.float32)
        weights = {w: (1 + math.log(c)) * math.log((n + 20) / (df[w] + 1)) + 1e-6 for w, c in words.items()}
        entries.append({"key": a.id, "story": story, "date": d, "lang": "fr", "copy_group": a.id,
                        "vector": v, "entities": ents, "words": words, "weights": weights,
                        "months": None, "rows": rows, "values": values})
        by_event[event].append(i)
    return entries


def main(n: int = 10_000, build: int = 10_000) -> None:
    items = sorted(synthetic(n + 1), key=lambda it: it[1])
    *old, new_item = items
    arts = [article(i, it) for i, it in enumerate(old)]
    new = article(n, new_item)

    # the former full regroup's clustering: every stored article added again (measured on
    # `build` articles at most, then scaled linearly: a lower bound, adding grows with the index)
    m = min(n, build)
    entries, former = built_entries(arts[:m], old[:m])
    former *= n / m
    if m < n:
        entries = made_up_entries(arts, old)
    restored = StoryIndex.restore(entries)
    members = restored.stories()
    thread_of = [restored.thread_of(k) for k in range(len(members))]
    threads: dict[int, list[str]] = {}
    for k, t_ in enumerate(thread_of):
        threads.setdefault(t_, []).extend(members[k])
    published = {a.id: a.published for a in arts}
    stories = [(Story(id=story_id(ids), title=f"story {k}", article_ids=ids,
                      thread=thread_id(threads[thread_of[k]])), min(published[i] for i in ids))
               for k, ids in enumerate(members)]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        with Store(path) as db:
            db.add_articles(arts)
            db.save_grouping(None, entries, [], {}, stories, [], {}, fresh=True, refreshed={})
        size = sum(os.path.getsize(f) for f in Path(tmp).glob("bench.db*"))  # with the WAL

        import recoupe.stories.embed as embed

        real = embed.embed_articles
        # loaded before timing, as in an ingest that has just analysed its articles: the
        # encoder, the word lists, the per-story stages
        from recoupe.stories import make_story
        from recoupe.stories.cluster import terms

        real([new])
        terms(new)
        make_story(arts[:1])
        embed.embed_articles = lambda batch: (np.stack([new_item[0]]) if [a.id for a in batch] == [new.id]
                                              else real(batch))
        import recoupe.stories as stories_pkg

        making = [0.0]
        make = stories_pkg.make_story

        def timed_make(*args, **kwargs):  # the per-story stages, apart from the grouping
            t0 = time.perf_counter()
            try:
                return make(*args, **kwargs)
            finally:
                making[0] += time.perf_counter() - t0

        stories_pkg.make_story = timed_make
        threading = [0.0]
        whole = StoryIndex.grouping

        def timed_threads(index):  # stories and threads of the whole index
            t0 = time.perf_counter()
            try:
                return whole(index)
            finally:
                threading[0] += time.perf_counter() - t0

        StoryIndex.grouping = timed_threads
        try:
            with Store(path) as db:
                t = time.perf_counter()
                kept = KeptIndex()
                kept.load(db)  # what a new process does first
                restore = time.perf_counter() - t
                gc.freeze()  # as `recoupe serve` does once the index is read
                db.add_articles([new])
                t = time.perf_counter()
                made = update_stories(db, kept=kept)
                add = time.perf_counter() - t
                joined = db.get_story(made[0]) if made else None
        finally:
            embed.embed_articles = real
            stories_pkg.make_story = make
            StoryIndex.grouping = whole

    print(f"articles stored              {n:>10,}   ({size / n / 1024:.1f} KiB per article in the store)")
    print(f"stories                      {len(members):>10,}")
    scaled = "" if m == n else f", measured on {m:,} and scaled"
    print(f"former full regroup        >={former:>10.1f} s   (clustering alone{scaled}: re-embedding, "
          f"copies and re-making every story came on top)")
    print(f"rebuild the index from store {restore:>10.2f} s   (once per process)")
    print(f"ingest 1 article, index kept {add:>10.2f} s   (joined a story of "
          f"{len(joined.article_ids) if joined else 0} articles, made again)")
    print(f"  of which grouping          {add - making[0]:>10.2f} s   (join, copies, threads, "
          f"story ids, saving)")
    print(f"    of which the threads     {threading[0]:>10.2f} s   (StoryIndex.grouping / thread_of over "
          f"the whole index)")
    print(f"  of which making the story  {making[0]:>10.2f} s   (make_story: entities, facts, quotes, "
          f"divergences, timeline, summary)")
    print(f"ingest 1 article, new process{restore + add:>10.2f} s")
    print(f"ratio former / incremental   {former / add:>10.0f} x   (index kept: `recoupe serve`)")
    print(f"ratio former / incremental   {former / (restore + add):>10.0f} x   (new process: "
          f"`recoupe ingest`)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
