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

    python bench/bench_ingest.py [N]     (default 10,000; 100,000 takes several minutes)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
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


def main(n: int = 10_000) -> None:
    items = sorted(synthetic(n + 1), key=lambda it: it[1])
    *old, new_item = items
    arts = [article(i, it) for i, it in enumerate(old)]
    new = article(n, new_item)

    # the former full regroup's clustering: every stored article added again
    t = time.perf_counter()
    index = StoryIndex()
    index.prime({a.id: it[3] for a, it in zip(arts, old)})
    for a, (v, d, ents, words) in zip(arts, old):
        index.add(v, d, ents, words=words, lang="fr", key=a.id)
    members = index.stories()
    thread_of = [index.thread_of(k) for k in range(len(members))]
    former = time.perf_counter() - t

    entries = []
    for i, (a, (v, d, ents, words)) in enumerate(zip(arts, old)):
        story, rows, values, weights = index.entry(i)
        entries.append({"key": a.id, "story": story, "date": d, "lang": "fr", "copy_group": a.id,
                        "vector": v, "entities": ents, "words": words, "weights": weights,
                        "months": None, "rows": rows, "values": values})
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
            db.save_grouping(None, entries, [], {}, stories, [], {}, fresh=True)
        size = os.path.getsize(path) + os.path.getsize(str(path) + "-wal") if Path(str(path) + "-wal").exists() else os.path.getsize(path)

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
        try:
            with Store(path) as db:
                t = time.perf_counter()
                kept = KeptIndex()
                kept.load(db)  # what a new process does first
                restore = time.perf_counter() - t
                db.add_articles([new])
                t = time.perf_counter()
                made = update_stories(db, kept=kept)
                add = time.perf_counter() - t
                joined = db.get_story(made[0]) if made else None
        finally:
            embed.embed_articles = real

    print(f"articles stored              {n:>10,}   ({size / n / 1024:.1f} KiB per article in the store)")
    print(f"stories                      {len(members):>10,}")
    print(f"former full regroup          {former:>10.1f} s   (clustering alone: re-embedding, copies "
          f"and re-making every story came on top)")
    print(f"rebuild the index from store {restore:>10.2f} s   (once per process)")
    print(f"ingest 1 article, index kept {add:>10.2f} s   (joined a story of "
          f"{len(joined.article_ids) if joined else 0} articles, made again)")
    print(f"ingest 1 article, new process{restore + add:>10.2f} s")
    print(f"ratio former / incremental   {former / add:>10.0f} x   (index kept: `recoupe serve`)")
    print(f"ratio former / incremental   {former / (restore + add):>10.0f} x   (new process: "
          f"`recoupe ingest`)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
