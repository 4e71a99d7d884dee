"""Incremental story grouping over the store: new articles join or open stories, and only the
stories that changed are made again.

The store keeps, per article, what `StoryIndex` computed when the article was added (see
`recoupe.store`), so a process rebuilds the index with `StoryIndex.restore` without embedding
or analysing anything again, adds the articles that no story holds yet, and re-makes
(`make_story`) only the stories that gained an article, whose articles changed, or whose wire
copies changed. Stories whose thread alone changed get their new thread id.

Order: the articles of one grouping are added as `build_stories` adds them, by date (a month
alone counts as its 15th), then id, undated last, after every article already indexed. So
grouping a set of articles at once gives exactly the stories and threads of `build_stories`
on them; an article ingested later that is dated earlier simply comes later in the index's
order (it joins the stories already there rather than reshaping them). Each grouping also
counts its articles' words before adding them, as `build_stories` counts its batch's; word
weights thus follow the articles known at each step.

An article stored again with a new analysis is noted in the store (`Store.refreshed_ids`,
in the transaction that stores it) until a grouping has made its stories again from the new
analysis, their wire copies ordered by the current dates. Its index entry is kept as it was
when it joined (its place, date, vector, words, links and copy bands): the index is only ever
extended, so that every process rebuilds the same one.

Wire copies are found incrementally too: the MinHash bands of every article are stored, a new
article is checked against the articles that share a band, and groups of copies are the
connected components of that relation, which gives the groups `find_copies` finds over all the
stored articles.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from datasketch import MinHashLSH

from recoupe.model import Article
from recoupe.progress import track
from recoupe.store import Store, StoreChanged

__all__ = ["KeptIndex", "batch_order", "update_stories"]

RETRIES = 3  # another process regrouping meanwhile: read the index again and redo


def batch_order(articles: list[Article]) -> list[Article]:
    """The order `build_stories` adds articles in: by date, then id, undated last."""
    from recoupe.stories import _order_key

    return sorted({a.id: a for a in articles}.values(), key=_order_key)


@lru_cache(maxsize=1)
def _band_ranges() -> list[tuple[int, int]]:
    from recoupe.stories.dedup import LSH_THRESHOLD, NUM_PERM

    return list(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges)


def bands(shingle_set: set[str]) -> list[tuple[int, bytes]]:
    """The LSH bands of a shingle set: two articles are copy candidates when one is shared."""
    from recoupe.stories.dedup import minhash

    values = minhash(shingle_set).hashvalues
    return [(i, values[a:b].tobytes()) for i, (a, b) in enumerate(_band_ranges())]


@dataclass
class KeptIndex:
    """A story index kept in memory between groupings, with the copy group of each indexed
    article. It is used only while the store's index token says it is current."""

    token: str | None = None
    index: object = None
    copy_group: dict[str, str] = field(default_factory=dict)  # article id -> its group
    copies: dict[str, list[str]] = field(default_factory=dict)  # group -> its 2+ articles

    def load(self, db: Store, warn: Callable[[str], None] | None = None) -> None:
        """Read the index from the store unless the one kept is current. A damaged index is
        emptied (said through `warn`): the next grouping starts over from the articles."""
        if self.index is not None and self.token == db.index_token():
            return
        from recoupe.stories.cluster import StoryIndex

        collecting = gc.isenabled()
        gc.disable()  # millions of objects made at once, none of them garbage: 15-30% faster
        try:
            try:
                token, entries = db.index_entries()
                self.index = StoryIndex.restore(entries)
            except (ValueError, TypeError, KeyError, IndexError) as exc:
                # derived data only: the next grouping starts over from the stored articles
                if warn is not None:
                    warn(f"{db.path}: the story index could not be read ({exc}); every stored "
                         "article will be grouped again")
                db.reset_index()
                token, entries = db.index_entries()
                self.index = StoryIndex.restore(entries)
            self.token = token
            self.copy_group = {e["key"]: e["copy_group"] for e in entries}
            groups = defaultdict(list)
            for e in entries:
                groups[e["copy_group"]].append(e["key"])
            self.copies = {g: ids for g, ids in groups.items() if len(ids) > 1}
        finally:
            if collecting:
                gc.enable()

    def drop(self) -> None:
        self.index, self.token = None, None


def update_stories(db: Store, *, kept: KeptIndex | None = None, progress: bool = False,
                   warn: Callable[[str], None] | None = None) -> list[str]:
    """Group the stored articles that no story holds yet, re-make the stories that changed
    (those of articles stored again with a new analysis too), and return the ids of the
    stories made. Another process grouping meanwhile makes it start again, up to `RETRIES`
    times, then raise `StoreChanged`."""
    kept = kept if kept is not None else KeptIndex()
    for attempt in range(1, RETRIES + 1):
        try:
            return _update(db, kept, progress, warn)
        except StoreChanged:
            kept.drop()
            if attempt == RETRIES:
                raise
        except BaseException:
            kept.drop()  # the index in memory went further than the store
            raise


def _copies(db: Store, new: list[Article], kept: KeptIndex):
    """Add `new` to the groups of wire copies kept in `kept` (in place: on failure `kept` is
    dropped and read again). Returns the new index bands, the new group of the indexed
    articles whose group merged, and the articles whose copies changed."""
    from recoupe.stories.dedup import MIN_SHINGLES, is_copy, shingles

    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    group_of = kept.copy_group
    new_ids = {a.id for a in new}
    new_sets: dict[str, set[str]] = {}
    stored_sets: dict[str, set[str]] = {}
    new_bands: list[tuple[int, bytes, str]] = []
    bucket: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for art in new:
        group_of[art.id] = art.id
        sa = shingles(f"{art.title or ''}\n{art.text}")
        if len(sa) < MIN_SHINGLES:
            continue
        new_sets[art.id] = sa
        mine = bands(sa)
        for other in sorted({o for b in mine for o in bucket[b]} | db.copy_candidates(mine)):
            if other not in group_of:  # indexed by another process since the index was read
                raise StoreChanged(f"{db.path}: regrouped by another process meanwhile")
            if other not in new_sets and other not in stored_sets:
                o = db.get_article(other)
                stored_sets[other] = shingles(f"{o.title or ''}\n{o.text}") if o else set()
            if is_copy(sa, new_sets.get(other) or stored_sets[other]):
                a, b = root(art.id), root(group_of[other])
                parent[max(a, b)] = min(a, b)  # a group is named after its smallest id
        for b in mine:
            bucket[b].append(art.id)
            new_bands.append((b[0], b[1], art.id))
    merged: dict[str, list[str]] = defaultdict(list)
    for label in list(parent):  # each label: a group of two or more, or one article
        merged[root(label)].extend(kept.copies.pop(label, [label]))
    regrouped, changed = {}, set()
    for label, ids in merged.items():
        kept.copies[label] = ids
        for aid in ids:
            if group_of[aid] != label and aid not in new_ids:
                regrouped[aid] = label  # an indexed article whose group merged into another
            group_of[aid] = label
        changed.update(ids)
    return new_bands, regrouped, changed


def _update(db: Store, kept: KeptIndex, progress: bool, warn: Callable[[str], None] | None) -> list[str]:
    from recoupe.stories import make_story, story_id, thread_id
    from recoupe.stories.cluster import entity_keys, month_profile, terms
    from recoupe.stories.dedup import copy_rank
    from recoupe.stories.embed import embed_articles

    # the index first, then what it does not hold: an index emptied as damaged leaves every
    # stored article to group; an article another process indexes after this read changes
    # the token, and `save_grouping` refuses (`StoreChanged`: read again and redo)
    kept.load(db, warn)
    refreshed = db.refreshed_ids()
    new = batch_order(db.articles(db.unindexed_ids()))
    index, start = kept.index, len(kept.copy_group)
    fresh = start == 0
    dirty = set() if fresh else set(refreshed) & kept.copy_group.keys()
    if not new and not dirty:
        return []
    token = kept.token

    # each new article joins a story or opens one
    vectors = embed_articles(new)
    words = [terms(a) for a in new]
    index.prime({a.id: w for a, w in zip(new, words)})
    entries = []
    for i, (art, vec, w) in enumerate(zip(new, vectors, words)):
        months = None if art.published else month_profile(art)
        keys = entity_keys(art)
        index.add(vec, art.published, keys, words=w, months=months, lang=art.lang, key=art.id)
        story, rows, values, weights = index.entry(start + i)
        entries.append({"key": art.id, "story": story, "date": art.published, "lang": art.lang,
                        "vector": vec, "entities": keys, "words": w, "weights": weights,
                        "months": months, "rows": rows, "values": values})
    new_bands, regrouped, copies_changed = _copies(db, new, kept)
    dirty |= copies_changed
    group_of = kept.copy_group
    for e in entries:
        e["copy_group"] = group_of[e["key"]]

    # stories are known by their articles: a story whose id is not stored is made; one that
    # holds an article whose analysis or copies changed is made again; a thread's id names all
    # its articles, so the stories of a thread that changed only take its new id
    stories, thread_of = index.grouping()  # in each thread, its undated stories pooled and split
    ids = [story_id(m) for m in stories]
    by_thread = defaultdict(list)
    for m, t in zip(stories, thread_of):
        by_thread[t].extend(m)
    thread_name = {t: thread_id(m) for t, m in by_thread.items()}
    stored = {} if fresh else db.story_threads()
    remake = [k for k, (sid, m) in enumerate(zip(ids, stories))
              if sid not in stored or any(a in dirty for a in m)]
    again = set(remake)
    renamed = {sid: thread_name[t] for k, (sid, t) in enumerate(zip(ids, thread_of))
               if k not in again and stored[sid] != thread_name[t]}
    gone = sorted(set(stored) - set(ids))

    made = []
    for k in track(remake, "stories", enabled=progress):
        arts = db.articles(stories[k])
        groups = [kept.copies[g] for g in {group_of[a.id] for a in arts} if g in kept.copies]
        # ordered as `find_copies` orders them over all the articles, by their current dates
        published = db.published_dates([x for g in groups for x in g])
        copies = [sorted(g, key=lambda x: copy_rank(published.get(x), x)) for g in groups]
        copies.sort(key=lambda g: copy_rank(published.get(g[0]), g[0]))
        story = make_story(arts, copies, thread_name[thread_of[k]])
        made.append((story, min(a.published or "9999" for a in arts)))
    kept.token = db.save_grouping(token, entries, new_bands, regrouped, made, gone, renamed, fresh,
                                  refreshed)
    return [s.id for s, _ in made]
