"""The incremental story index: time, meaning, languages, threads, and its scale."""

import time
from datetime import date

import numpy as np
import pytest

from recoupe.stories import group
from recoupe.stories.cluster import StoryIndex, day_number, entity_keys, terms
from recoupe.stories.embed import embed_articles


def _ids(groups):
    return sorted(sorted(a.id for a in g) for g in groups)


def test_same_event_in_three_languages_is_one_story_apart_from_another_event(written):
    arts = [written[k] for k in ("derail-fr", "derail-en", "derail-de", "rates-fr")]
    groups, _ = group(arts)
    assert _ids(groups) == [["derail-de", "derail-en", "derail-fr"], ["rates-fr"]]


def test_one_month_later_is_another_story_of_the_same_thread(written):
    arts = [written[k] for k in ("strike-1", "strike-1b", "strike-2", "rates-fr")]
    groups, threads = group(arts)
    assert _ids(groups) == [["rates-fr"], ["strike-1", "strike-1b"], ["strike-2"]]
    thread = {a.id: t for g, t in zip(groups, threads) for a in g}
    assert thread["strike-1"] == thread["strike-2"] != thread["rates-fr"]


def test_grouping_does_not_depend_on_input_order(written):
    arts = list(written.values())
    first = _ids(group(arts)[0])
    assert _ids(group(arts[::-1])[0]) == first
    assert _ids(group(arts[3:] + arts[:3])[0]) == first


def test_incremental_add_equals_batch(written):
    arts = sorted(written.values(), key=lambda a: (a.published or "", a.id))
    batch = _ids(group(arts)[0])
    index = StoryIndex()
    index.prime({a.id: terms(a) for a in arts})
    group(arts[:-1], index)  # the stored articles
    new = arts[-1]  # then one more arrives
    index.add(embed_articles([new])[0], new.published, entity_keys(new), words=terms(new),
              lang=new.lang, key=new.id)
    assert sorted(sorted(m) for m in index.stories()) == batch


def test_day_numbers():
    assert day_number("2025-03-12") - day_number("2025-03-05") == 7
    assert day_number("2025-03") == day_number("2025-03-15")
    assert day_number(None) is None and day_number("not a date") is None


def test_undated_articles_are_grouped_by_content(written):
    for a in written.values():
        a.published = None
    groups, _ = group([written[k] for k in ("derail-fr", "derail-en", "rates-fr")])
    assert _ids(groups) == [["derail-en", "derail-fr"], ["rates-fr"]]


@pytest.mark.slow
def test_adding_to_a_large_index_is_fast():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(300, 512)).astype(np.float32)
    index = StoryIndex()
    for i in range(6000):
        v = centres[i % 300] + 0.8 * rng.normal(size=512).astype(np.float32)
        day = date.fromordinal(738000 + (i * 730) // 6000).isoformat()
        index.add(v / np.linalg.norm(v), day, [f"e{i % 300}"])
    start = time.perf_counter()
    index.add(centres[7] / np.linalg.norm(centres[7]), "2023-06-01", ["e7"])
    assert time.perf_counter() - start < 0.5


def test_b_cubed():
    from recoupe.evaluate.stories import b_cubed
    from recoupe.stories.cluster import average_link

    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert b_cubed(gold, gold) == (1.0, 1.0, 1.0)
    p, r, f = b_cubed({"a": 0, "b": 0, "c": 0, "d": 0}, gold)
    assert (p, r) == (0.5, 1.0) and abs(f - 2 / 3) < 1e-9
    sim = np.array([[1, .9, .1, .1], [.9, 1, .1, .1], [.1, .1, 1, .8], [.1, .1, .8, 1]])
    assert average_link(sim, np.ones(4), 0.5) == [[0, 1], [2, 3]]


def test_scores_rank_the_closest_story_first(written):
    arts = [written[k] for k in ("derail-fr", "rates-fr")]
    index = StoryIndex()
    for a, v in zip(arts, embed_articles(arts)):
        index.add(v, a.published, [], words=terms(a), lang=a.lang, key=a.id)
    en = written["derail-en"]
    ranked = index.scores(embed_articles([en])[0], en.published, [], words=terms(en), lang=en.lang)
    assert [row for row, _ in ranked] == [0, 1] and ranked[0][1] > index.story_join > ranked[1][1]


def test_average_link_weighs_groups_by_size():
    from recoupe.stories.cluster import average_link

    # groups 0 and 1 are close; group 2 is close to 1 only, and 0 is large: the union of
    # 0 and 1 stays below the threshold with 2 on average
    link = np.array([[0, .9, .1], [.9, 0, .8], [.1, .8, 0]])
    assert average_link(link, np.array([1, 1, 1]), 0.5) == [[0, 1], [2]]
    assert average_link(link, np.array([1, 3, 1]), 0.5) == [[0, 1, 2]]  # 1 outweighs 0
    assert average_link(link, np.array([1, 1, 1]), 0.95) == [[0], [1], [2]]


def test_threads_do_not_depend_on_input_order(written):
    arts = list(written.values())

    def threads(batch):
        groups, ths = group(batch)
        by_thread = {}
        for g, t in zip(groups, ths):
            by_thread.setdefault(t, []).extend(a.id for a in g)
        return sorted(sorted(m) for m in by_thread.values())

    first = threads(arts)
    assert threads(arts[::-1]) == first
    assert threads(arts[2:] + arts[:2]) == first


def test_threads_kept_up_to_date_equal_threads_made_at_the_end():
    """Threads are clustered again only in the blocks an article changed: asking for them after
    every article gives what one computation at the end gives."""
    from collections import Counter

    rng = np.random.default_rng(0)
    # six subjects in three close pairs, each told again at other dates: threads merge, and
    # average link keeps some linked stories apart
    base = rng.normal(size=(3, 512))
    topics = base[[0, 0, 1, 1, 2, 2]] + rng.normal(size=(6, 512)) * 1.2
    items = []
    for event in range(40):
        centre = topics[event % 6] + rng.normal(size=512) * 0.5
        day = int(rng.integers(0, 300))
        for _ in range(int(rng.integers(1, 5))):
            v = centre + rng.normal(size=512) * 0.3
            words = Counter({f"s{event % 6}w{k}": 2 for k in range(5)})
            words.update(f"w{int(j)}" for j in rng.integers(0, 500, size=20))
            items.append((v / np.linalg.norm(v), date.fromordinal(738000 + day).isoformat(),
                          [f"s{event % 6}"], words))
    eager, lazy = StoryIndex(), StoryIndex()
    for k, (v, d, keys, words) in enumerate(items):
        eager.add(v, d, keys, words=words, lang="fr", key=str(k))
        lazy.add(v, d, keys, words=words, lang="fr", key=str(k))
        assert [eager.thread_of(s) for s in range(len(eager))] == _threads_from_scratch(eager)
    threads = [lazy.thread_of(s) for s in range(len(lazy))]
    assert [eager.thread_of(s) for s in range(len(eager))] == threads
    assert len(set(threads)) < len(lazy) and eager.grouping() == lazy.grouping()


def _threads_from_scratch(index: StoryIndex) -> list[int]:
    """Threads by definition: average link of the stories joined by some link at or above the
    threshold, over every link between their articles."""
    from recoupe.stories.cluster import THREAD_JOIN, average_link

    n = len(index)
    linked = np.eye(n, dtype=bool)
    total = np.zeros((n, n))
    for i, (rows, values) in enumerate(index._links):
        a = index._story_of[i]
        for j, value in zip(rows.tolist(), values.tolist()):
            b = index._story_of[j]
            linked[a, b] |= value >= THREAD_JOIN
            if a != b:
                total[a, b] += value
                total[b, a] += value
    linked |= linked.T
    for k in range(n):  # transitive closure: the blocks
        linked |= linked[:, [k]] & linked[[k], :]
    threads = list(range(n))
    sizes = np.array([len(m) for m in index.members], dtype=np.float64)
    for block in {tuple(np.nonzero(row)[0].tolist()) for row in linked}:
        if len(block) > 1:
            sub, size = total[np.ix_(block, block)], sizes[list(block)]
            for cluster in average_link(sub / np.outer(size, size), size, THREAD_JOIN):
                for k in cluster:
                    threads[block[k]] = min(block[c] for c in cluster)
    return threads
