"""The pairing and the scoring of the fact alignment evaluation, on invented data."""

from recoupe.evaluate.facts import (cross_pairs, event_group, gold_pairs, score,
                                    sentence_locator)


def pair(a, b):
    return frozenset((a, b))


def test_sentence_locator_reads_lines_as_sentence_ids():
    text = "First line.\nSecond one.\nThird."
    at = sentence_locator(text, [0, 2, 5])  # ids need not be contiguous
    assert [at(0), at(10), at(11), at(12), at(24), at(len(text) - 1)] == [0, 0, 0, 2, 5, 5]


def test_event_group_splits_the_two_halves_of_a_topic():
    assert event_group("7_3ecb.xml") == "7ecb"
    assert event_group("7_3ecbplus.xml") == "7ecbplus"
    assert event_group("17_3ecb.xml") != event_group("7_3ecb.xml")


def test_cross_pairs_join_sentences_of_two_documents_only():
    got = cross_pairs([[("a", 0), ("a", 1), ("b", 4), ("c", 2)]])
    assert got == {pair(("a", 0), ("b", 4)), pair(("a", 1), ("b", 4)), pair(("a", 0), ("c", 2)),
                   pair(("a", 1), ("c", 2)), pair(("b", 4), ("c", 2))}
    assert cross_pairs([[("a", 0)], [("b", 1)]]) == set()  # not across groups


def test_gold_pairs_follow_chains():
    mentions = [{"doc_id": "a", "sent_id": "0", "coref_chain": "X"},
                {"doc_id": "b", "sent_id": "3", "coref_chain": "X"},
                {"doc_id": "b", "sent_id": "5", "coref_chain": "Y"},
                {"doc_id": "a", "sent_id": "1", "coref_chain": "Y"},
                {"doc_id": "a", "sent_id": "2", "coref_chain": "Y"}]  # same document: no pair
    assert gold_pairs(mentions) == {pair(("a", 0), ("b", 3)), pair(("a", 1), ("b", 5)),
                                    pair(("a", 2), ("b", 5))}


def test_score_judges_annotated_pairs_and_counts_unreachable_gold_apart():
    gold = {pair(("a", 0), ("b", 0)), pair(("a", 1), ("b", 1)), pair(("a", 2), ("c", 0))}
    annotated = {("a", 0), ("a", 1), ("a", 2), ("b", 0), ("b", 1), ("c", 0)}
    reachable = annotated - {("c", 0)}  # no claim there: its gold pair cannot be found
    pred = {pair(("a", 0), ("b", 0)),  # right
            pair(("a", 1), ("b", 0)),  # wrong
            pair(("a", 5), ("b", 1)),  # a sentence nobody annotated: not judged
            pair(("a", 2), ("c", 0))}  # right, but outside the reachable gold
    s = score(pred, gold, annotated, reachable)
    assert (s["judged"], s["gold"], s["reachable_gold"]) == (3, 3, 2)
    assert abs(s["precision"] - 2 / 3) < 1e-9
    assert s["recall"] == 0.5
    assert abs(s["recall_all"] - 2 / 3) < 1e-9
    assert abs(s["f1"] - 2 * (2 / 3) * 0.5 / (2 / 3 + 0.5)) < 1e-9
    assert score(set(), gold, annotated, reachable)["f1"] == 0.0
