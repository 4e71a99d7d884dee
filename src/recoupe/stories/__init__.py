"""Cross-article stages (the reduce): everything that needs several articles.

`build_stories` groups analysed articles into stories and fills each one:

1. embed: one multilingual vector per article (`embed`);
2. copies: wire copies among all articles (`dedup`), so that each story counts its
   independent origins;
3. cluster: articles join stories one at a time, by date then id (`cluster.StoryIndex`);
4. per story: entities across outlets (`resolve`), aligned facts and quotes (`align`),
   divergences (`diverge`), timeline (`timeline`), then the cited summary (`summary`).

Story ids are `s` + a hash of the story's sorted article ids, thread ids `t` + a hash of the
thread's: the same articles always give the same ids, whatever order they came in.
"""

from __future__ import annotations

import hashlib
import importlib

import numpy as np

from recoupe.model import Article, Story
from recoupe.progress import track
from recoupe.stories.cluster import StoryIndex, day_number, entity_keys, month_profile, terms
from recoupe.stories.dedup import count_origins, find_copies
from recoupe.stories.embed import embed_articles

__all__ = ["build_stories", "make_story", "group", "story_id", "thread_id"]

# Per-story stages, in order: (module, function). Each fills its part of the story in place.
STAGES = [
    ("resolve", "resolve_entities"),
    ("align", "align_facts"),
    ("align", "align_quotes"),
    ("diverge", "find_divergences"),
    ("timeline", "build_timeline"),
    ("summary", "summarize"),
]


def _hash(prefix: str, ids: list[str]) -> str:
    digest = hashlib.blake2b("\x00".join(sorted(ids)).encode(), digest_size=6).hexdigest()
    return prefix + digest


def story_id(article_ids: list[str]) -> str:
    """The id of the story made of `article_ids`, whatever their order."""
    return _hash("s", article_ids)


def thread_id(article_ids: list[str]) -> str:
    """The id of the thread made of `article_ids` (all its stories' articles), whatever their order."""
    return _hash("t", article_ids)


def _order_key(article: Article) -> tuple[bool, int, str]:
    """By date (a month alone counts as its 15th), then id; undated articles last."""
    day = day_number(article.published)
    return (day is None, day or 0, article.id)


def group(articles: list[Article], index: StoryIndex | None = None) -> tuple[list[list[Article]], list[int]]:
    """Stories as lists of articles (each by date then id) and the thread number of each.

    Articles are added to `index` (by default a new one, whose word weights are counted
    over the batch) by date then id; the stories are the index's `grouping` (in each thread,
    the undated articles are split by their words, not by the order they came in).
    """
    fresh = index is None
    index = index if index is not None else StoryIndex()
    unique = {a.id: a for a in articles}
    order = sorted(unique.values(), key=_order_key)
    vectors = embed_articles(order)
    words = [terms(a) for a in order]
    if fresh:
        index.prime({a.id: w for a, w in zip(order, words)})  # word weights from the whole batch
    for art, vec, w in zip(order, vectors, words):
        months = None if art.published else month_profile(art)
        index.add(vec, art.published, entity_keys(art), words=w, months=months, lang=art.lang,
                  key=art.id)
    stories, threads = index.grouping()
    groups = [[unique[k] for k in members if k in unique] for members in stories]
    kept = [(g, t) for g, t in zip(groups, threads) if g]
    return [g for g, _ in kept], [t for _, t in kept]


def _title(members: list[Article]) -> str:
    """The title of the member closest to the story centroid (else its first words)."""
    vecs = embed_articles(members)
    centre = vecs.sum(axis=0)
    for i in np.argsort(-(vecs @ centre), kind="stable"):
        art = members[int(i)]
        if art.title and art.title.strip():
            return art.title.strip()
    head = members[0].text.strip().split("\n", 1)[0]
    return head if len(head) <= 160 else head[:157].rsplit(" ", 1)[0] + "..."


def make_story(members: list[Article], copies: list[list[str]] | None = None,
               thread: str | None = None) -> Story:
    """One story made of `members`, filled by every per-story stage.

    `copies`: the groups of wire copies (all articles); found among `members` when None.
    """
    members = sorted({a.id: a for a in members}.values(), key=_order_key)
    ids = [a.id for a in members]
    if copies is None:
        copies = find_copies(members)
    idset = set(ids)
    own = [[a for a in g if a in idset] for g in copies]
    own = [g for g in own if len(g) > 1]
    story = Story(id=story_id(ids), title=_title(members), article_ids=ids,
                  origins=count_origins(ids, own), copies=own, thread=thread)
    by_id = {a.id: a for a in members}
    for module, name in STAGES:  # imported when first used: `import recoupe.stories` stays light
        getattr(importlib.import_module(f"recoupe.stories.{module}"), name)(story, by_id)
    return story


def build_stories(articles: list[Article], *, progress: bool = False) -> list[Story]:
    """Group analysed articles into stories and fill each story (largest stories first)."""
    if not articles:
        return []
    copies = find_copies(articles)
    groups, threads = group(articles)
    thread_articles: dict[int, list[str]] = {}
    for g, t in zip(groups, threads):
        thread_articles.setdefault(t, []).extend(a.id for a in g)
    thread_ids = {t: thread_id(ids) for t, ids in thread_articles.items()}
    stories = [make_story(g, copies, thread_ids[t])
               for g, t in track(list(zip(groups, threads)), "stories", enabled=progress)]
    published = {a.id: a.published or "9999" for a in articles}
    first = {s.id: min(published[a] for a in s.article_ids) for s in stories}
    return sorted(stories, key=lambda s: (-len(s.article_ids), first[s.id], s.id))
