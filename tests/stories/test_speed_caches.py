"""Work the story stage does once instead of many times gives what doing it every time gives."""

import math
import random
from collections import Counter

import numpy as np

from recoupe.stories.cluster import IDF_PRIOR_DOCS, _Idf, _WordTable, norm, word_cosine
from recoupe.stories.summary import MAX_REPEATS, REDUNDANT_COSINE, _pick


def _every_gain_every_step(gain, grams, words, sim, held, words_min, words_max):
    """The greedy pick computing every candidate's gain at every step."""
    picked, total = [], 0
    available = np.ones(len(words), dtype=bool)
    while total < words_min and available.any():
        redundancy = sim[:, picked].max(axis=1) if picked else np.zeros(len(words))
        todo = np.nonzero(available & (redundancy < REDUNDANT_COSINE))[0].tolist()
        if not todo:
            break
        i = max(todo, key=lambda k: (gain(k), -k))
        available[i] = False
        if total + words[i] > words_max:
            continue
        picked.append(i)
        total += words[i]
        for bag in grams[i]:
            held.update(bag)
    return picked


def _instance(seed):
    rng = random.Random(seed)
    vocab = [f"w{k}" for k in range(12)]  # few words: candidates share many, ties happen
    expected = {}
    for w in vocab + [(a, b) for a in vocab for b in vocab]:
        mean, term, below, tails = rng.choice([0.2, 0.5, 1.0, 3.0]), None, 0.0, []
        term = math.exp(-mean)
        for j in range(MAX_REPEATS):
            below += term
            tails.append(max(0.0, 1.0 - below))
            term *= mean / (j + 1)
        expected[w] = tails
    grams, words = [], []
    for _ in range(rng.randint(5, 40)):
        toks = [rng.choice(vocab) for _ in range(rng.randint(2, 9))]
        grams.append((Counter(toks), Counter(zip(toks, toks[1:]))))
        words.append(len(toks))
    vecs = np.array([[rng.random() for _ in range(4)] for _ in words])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    return grams, words, vecs @ vecs.T, expected


def test_lazy_greedy_picks_what_computing_every_gain_picks():
    for seed in range(200):
        grams, words, sim, expected = _instance(seed)
        for words_min, words_max in ((10, 15), (30, 45), (1000, 1000)):
            results = []
            for pick in (_pick, _every_gain_every_step):
                held = Counter()

                def gain(i):
                    total = 0.0
                    for weight, bag in zip((1.0, 2.0), grams[i]):
                        for g, n in bag.items():
                            if tails := expected.get(g):
                                total += weight * sum(tails[held[g]:held[g] + n])
                    return total / words[i]

                results.append((pick(gain, grams, words, sim, held, words_min, words_max), held))
            assert results[0] == results[1], seed


def test_word_weights_follow_the_counts_after_each_document():
    idf = _Idf()
    doc = Counter({"poutine": 3, "kim": 1})
    idf.add(doc)
    first = idf.weights(doc)
    assert first == idf.weights(doc)
    idf.add(Counter({"poutine": 1}))  # "poutine" is now in two documents of two
    second = idf.weights(doc)
    n = 2 + IDF_PRIOR_DOCS
    assert second["poutine"] == (1.0 + math.log(3)) * math.log(n / 3) + 1e-6
    assert second["kim"] == (1.0 + math.log(1)) * math.log(n / 2) + 1e-6
    assert second["poutine"] < first["poutine"]


def test_word_cosines_at_once_equal_word_cosine_to_the_last_bit():
    rng = random.Random(7)
    vocab = [f"mot{k}" for k in range(400)]

    def weights(size):
        return {w: rng.uniform(1e-6, 9.0) for w in rng.sample(vocab, size)}

    table = _WordTable()
    for _ in range(30):
        mine = weights(rng.randint(1, 200))
        # fewer, as many and more words than `mine`; one with no word in common
        others = [weights(rng.randint(1, 300)) for _ in range(20)] + [dict(mine)]
        others.append({f"autre{k}": 1.0 for k in range(5)})
        got = table.cosines(table.arrays(mine), norm(mine),
                            [(*table.arrays(o), norm(o)) for o in others])
        assert got == [word_cosine(mine, norm(mine), o, norm(o)) for o in others]
