"""Stories of undated articles: a thread's undated articles are split by their words only
where two groups are clearly apart."""

from collections import Counter

import numpy as np

from recoupe.stories.cluster import SPLIT_LEAST, StoryIndex, split_apart

SUBJECT = {"greve": 3, "cheminots": 2, "syndicats": 2}
FIRST = ["preavis", "assemblee", "votent", "depots", "blocage", "gares"]
LATER = ["protocole", "accord", "signe", "reprise", "salaires", "primes"]


def _articles(event_words, n, offset=0):
    """`n` articles of one subject: its words, and four of the event's words each."""
    out = []
    for i in range(n):
        words = Counter(SUBJECT)
        words.update({event_words[(i + offset + k) % len(event_words)]: 2 for k in range(4)})
        out.append(words)
    return out


def _weights(counts):
    return [{w: 1.0 + np.log(c) for w, c in words.items()} for words in counts]


def test_two_events_of_one_subject_are_split():
    counts = _articles(FIRST, 5) + _articles(LATER, 5)
    parts = split_apart(_weights(counts))
    assert sorted(sorted(p) for p in parts) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]


def test_one_event_is_not_split():
    counts = _articles(FIRST, 10)
    assert split_apart(_weights(counts)) == [list(range(10))]


def test_a_small_group_is_not_split():
    counts = _articles(FIRST, SPLIT_LEAST) + _articles(LATER, SPLIT_LEAST - 1)
    assert len(split_apart(_weights(counts))) == 1
    assert split_apart([]) == [[]]


def test_articles_without_words_are_not_split():
    assert split_apart([{} for _ in range(8)]) == [list(range(8))]


def _index(counts, dates):
    index = StoryIndex(dim=4)
    index.prime({str(i): w for i, w in enumerate(counts)})
    vector = np.array([1.0, 0.0, 0.0, 0.0])  # one subject: every article close in meaning
    for i, (words, day) in enumerate(zip(counts, dates)):
        index.add(vector, day, ["=cgt"], words=words, lang="fr", key=str(i))
    return index


def test_grouping_splits_the_undated_stories_of_a_thread():
    counts = _articles(FIRST, 5) + _articles(LATER, 5)
    index = _index(counts, [None] * 10)
    assert len(index.stories()) == 1  # added one by one, all join the first story
    stories, threads = index.grouping()
    assert sorted(sorted(s, key=int) for s in stories) == [["0", "1", "2", "3", "4"],
                                                          ["5", "6", "7", "8", "9"]]
    assert len(set(threads)) == 1 and threads[0] == index.thread_of(0)


def test_grouping_keeps_dated_stories_as_added():
    counts = _articles(FIRST, 5) + _articles(LATER, 5)
    index = _index(counts, ["2024-03-0%d" % (1 + i % 3) for i in range(10)])
    stories, threads = index.grouping()
    assert stories == index.stories()
    assert threads == [index.thread_of(k) for k in range(len(stories))]
