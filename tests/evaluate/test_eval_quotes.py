"""The quote evaluation: GGT's matching and scoring, and a quick run on the shared data."""

from __future__ import annotations

from recoupe.evaluate import quotes as ev


def test_ggt_matching_is_greedy_and_asymmetric():
    gold = [(set(range(0, 100)), ["Jane Smith"]), (set(range(200, 300)), [None])]
    system = [(set(range(0, 40)), "Smith"), (set(range(150, 500)), None), (set(range(600, 650)), "X")]
    r = ev.score([(gold, system)], 0.3)
    assert (r["tp"], r["fp"], r["fn"]) == (2, 1, 0)
    assert r["speaker_acc"] == 100.0  # surname agrees; unnamed matches unnamed
    r = ev.score([(gold, system)], 0.8)
    assert (r["tp"], r["fp"], r["fn"]) == (1, 2, 1)  # 40 % of the first gold quote is not enough


def test_speaker_match():
    assert ev.speaker_match("M. Poutine", ["Vladimir Poutine"])
    assert ev.speaker_match("Sergueï Lavrov", ["sergueï lavrov"])
    assert not ev.speaker_match("Sergueï Choïgou", ["Sergueï Lavrov"])
    assert not ev.speaker_match(None, ["Vladimir Poutine"])
    assert ev.speaker_match(None, [None])


def test_quick_run(benchdata):
    res = ev.run(benchdata, quick=True)
    m = res["metrics"]
    for key in ("en_f1_03", "en_f1_08", "en_speaker_acc"):
        assert 0 <= m[key] <= 100
    assert m["en_f1_03"] >= m["en_f1_08"]
    assert m["en_f1_03"] > 60 and m["en_speaker_acc"] > 60  # far from chance, well below the real figures
    if ev.GOLD_FR.is_file():
        assert m["fr_f1_03"] > 60 and 0 <= m["fr_speaker_acc"] <= 100
    assert res["n"] > 100 and res["reference"]["en_f1_03"] == 83.7
    assert isinstance(res["notes"], str) and "FAILED" not in res["notes"]
