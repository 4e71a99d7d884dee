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
weights thus follow the articles known at each step. An article stored again with a new
analysis keeps its place in the index, and its story is made again.

Wire copies are found incrementally too: the MinHash bands of every article are stored, a new
article is checked against the articles that share a band, and groups of copies are the
connected components of that relation, which gives the groups `find_copies` finds over all the
stored articles.
"""

from __future__ import annotations

import gc
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

from recoupe.model import Article
from recoupe.progress import track
from recoupe.store import Store, StoreChanged

__all__ = ["KeptIndex", "batch_order", "update_stories"]

RETRIES = 3  # another process regrouping meanwhile: read the index again and redo


def batch_order(articles: list[Article]) -> list[Article]:
    """The order `build_stories` adds articles in: by date, then id, undated last."""
    from recoupe.stories.cluster import day_number

    def key(a: Article):
        day = day_number(a.published)
        return (day is None, day or 0, a.id)

    return sorted({a.id: a for a in articles}.values(), key=key)


def _copy_rank(published: str | None, aid: str) -> tuple[str, str]:
    """`find_copies`'s order inside a group of copies: by date, then id."""
    return (published or "9999", aid)


@lru_cache(maxsize=1)
def _band_ranges() -> list[tuple[int, int]]:
    from recoupe.stories.dedup import LSH_THRESHOLD, NUM_PERM

    return list(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges)


def minhash(shingle_set: set[str]) -> MinHash:
    """The MinHash `find_copies` computes of a shingle set."""
    from recoupe.stories.dedup import NUM_PERM

    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([s.encode() for s in shingle_set])
    return m


def bands(shingle_set: set[str]) -> list[tuple[int, bytes]]:
    """The LSH bands of a shingle set: two articles are copy candidates when one is shared."""
    values = minhash(shingle_set).hashvalues
    return [(i, values[a:b].tobytes()) for i, (a, b) in enumerate(_band_ranges())]


@dataclass
class KeptIndex:
    """A story index kept in memory between groupings, with what it needs of each article
    (copy group, date). It is used only while the store's index token says it is current."""

    token: str | None = None
    index: object = None
    copy_group: dict[str, str] = field(default_factory=dict)  # article id -> its group
    copies: dict[str, list[str]] = field(default_factory=dict)  # group -> its 2+ articles
    published: dict[str, str | None] = field(default_factory=dict)

    def load(self, db: Store) -> None:
        if self.index is not None and self.token == db.index_token():
            return
        from recoupe.stories.cluster import StoryIndex

        collecting = gc.isenabled()
        gc.disable()  # millions of objects made at once, none of them garbage: 15-30% faster
        try:
            try:
                token, entries = db.index_entries()
                self.index = StoryIndex.restore(entries)
            except (ValueError, TypeError, KeyError) as exc:
                # derived data only: the next grouping starts over from the stored articles
                warnings.warn(f"{db.path}: the story index could not be read ({exc}); every "
                              "stored article will be grouped again", RuntimeWarning, stacklevel=2)
                db.reset_index()
                token, entries = db.index_entries()
                self.index = StoryIndex.restore(entries)
            self.token = token
            self.copy_group = {e["key"]: e["copy_group"] for e in entries}
            self.published = {e["key"]: e["date"] for e in entries}
            groups = defaultdict(list)
            for e in entries:
                groups[e["copy_group"]].append(e["key"])
            self.copies = {g: ids for g, ids in groups.items() if len(ids) > 1}
        finally:
            if collecting:
                gc.enable()
        # the index lives as long as the process: the collector need not walk its millions of
        # objects again at each collection (1 s of a grouping at 10^5 articles otherwise)
        gc.freeze()

    def drop(self) -> None:
        self.index, self.token = None, None


def update_stories(db: Store, *, refreshed: list[str] = (), kept: KeptIndex | None = None,
                   progress: bool = False) -> list[str]:
    """Group the stored articles that no story holds yet, re-make the stories that changed,
    and return the ids of the stories made (articles in `refreshed`, stored again with a new
    analysis, have their stories made again)."""
    kept = kept if kept is not None else KeptIndex()
    for attempt in range(RETRIES):
        try:
            return _update(db, list(refreshed), kept, progress)
        except StoreChanged:
            kept.drop()
            if attempt == RETRIES - 1:
                raise
        except BaseException:
            kept.drop()  # the index in memory went further than the store
            raise
    return []


def stories_and_threads(index) -> tuple[list[list[str]], list[int]]:
    """The index's stories (article ids) and the thread number of each, as `group` takes them
    (`StoryIndex.grouping`: it pools and splits the undated stories of a thread)."""
    return index.grouping()


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


def _update(db: Store, refreshed: list[str], kept: KeptIndex, progress: bool) -> list[str]:
    from recoupe.stories import make_story, story_id, thread_id
    from recoupe.stories.cluster import entity_keys, month_profile, terms
    from recoupe.stories.embed import embed_articles

    new = batch_order(db.articles(db.unindexed_ids()))
    kept.load(db)
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
    group_of, published = kept.copy_group, kept.published
    for e in entries:
        e["copy_group"] = group_of[e["key"]]
    published.update((a.id, a.published) for a in new)

    # stories are known by their articles: a story whose id is not stored is made; one that
    # holds an article whose analysis or copies changed is made again; a thread's id names all
    # its articles, so the stories of a thread that changed only take its new id
    stories, thread_of = stories_and_threads(index)
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
        groups = {group_of[a.id] for a in arts}
        copies = [sorted(kept.copies[g], key=lambda x: _copy_rank(published[x], x))
                  for g in groups if g in kept.copies]
        copies.sort(key=lambda grp: _copy_rank(published[grp[0]], grp[0]))
        story = make_story(arts, copies, thread_name[thread_of[k]])
        made.append((story, min(a.published or "9999" for a in arts)))
    kept.token = db.save_grouping(token, entries, new_bands, regrouped, made, gone, renamed, fresh)
    return [s.id for s, _ in made]
