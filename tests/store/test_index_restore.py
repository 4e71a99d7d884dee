"""`StoryIndex.restore`: the index rebuilt from what the store keeps equals the one built by
`add`, and goes on the same way."""

from collections import Counter
from datetime import date, timedelta

import numpy as np
import pytest

from recoupe.stories.cluster import StoryIndex


def synthetic(n: int, events: int = 40, seed: int = 3):
    """Articles around a few events: vector, date (some undated), entity keys, words."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(events, 512)).astype(np.float32)
    out = []
    for i in range(n):
        e = int(rng.integers(events))
        v = centres[e] / np.linalg.norm(centres[e]) + rng.normal(size=512).astype(np.float32) / 25
        day = None if i % 7 == 0 else (date(2024, 1, 1) + timedelta(days=3 * e + int(rng.integers(3)))).isoformat()
        words = Counter({f"w{e}_{k}": 2 for k in range(8)})
        words.update(f"x{int(j)}" for j in rng.integers(0, 300, size=20))
        months = np.eye(12, dtype=np.float32)[e % 12] if day is None else None
        out.append(dict(vector=(v / np.linalg.norm(v)).astype(np.float32), date=day,
                        entities=[f"e{e}", f"p{e % 5}"], words=words, months=months,
                        lang="fr" if i % 3 else "en", key=f"a{i}"))
    return out


def add_all(index: StoryIndex, items, start: int) -> list[dict]:
    index.prime({it["key"]: it["words"] for it in items})
    for i, it in enumerate(items):
        index.add(it["vector"], it["date"], it["entities"], words=it["words"], months=it["months"],
                  lang=it["lang"], key=it["key"])
    out = []
    for i, it in enumerate(items):
        story, rows, values, weights = index.entry(start + i)
        out.append(dict(it, story=story, rows=rows, values=values, weights=weights))
    return out


def state(index: StoryIndex):
    n = len(index)
    return (index.stories(), [index.thread_of(k) for k in range(n)],
            index._stories.sums[:n].tobytes(), index._stories.units[:n].tobytes())


@pytest.mark.parametrize("split", [0, 60, 150])
def test_restored_index_equals_the_built_one_and_goes_on_alike(split):
    items = synthetic(200)
    built = StoryIndex()
    entries = add_all(built, items[:split], 0) if split else []
    restored = StoryIndex.restore(entries)
    if split:
        assert state(restored) == state(built)
    later = [add_all(ix, items[split:], split) for ix in (built, restored)]
    assert state(restored) == state(built)
    for it in items[::5]:  # every story's word weights follow the counts of the articles known
        probe = dict(words=it["words"], months=it["months"], lang=it["lang"], gap=10_000)
        assert built.scores(it["vector"], it["date"], it["entities"], **probe) == \
            restored.scores(it["vector"], it["date"], it["entities"], **probe)
    for a, b in zip(*later):
        assert a["story"] == b["story"] and a["weights"] == b["weights"]
        assert a["rows"].tobytes() == b["rows"].tobytes() and a["values"].tobytes() == b["values"].tobytes()


def test_restore_refuses_a_story_opened_out_of_order():
    items = synthetic(3)
    entries = add_all(StoryIndex(), items, 0)
    entries[0]["story"] = 5
    with pytest.raises(ValueError, match="out of order"):
        StoryIndex.restore(entries)


@pytest.mark.parametrize("rows", [[2], [-1], [0, 5]])
def test_restore_refuses_links_to_articles_not_before(rows):
    entries = add_all(StoryIndex(), synthetic(4), 0)
    entries[2]["rows"] = np.array(rows, dtype=np.int32)
    entries[2]["values"] = np.ones(len(rows), dtype=np.float32)
    with pytest.raises(ValueError, match="link"):
        StoryIndex.restore(entries)
