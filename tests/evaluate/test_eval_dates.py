"""The temporal-expression evaluation: TML reading, TempEval-3 scoring, and a quick run."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.errors import DataMissing
from recoupe.evaluate import dates as ev

TML = """<?xml version="1.0" encoding="UTF-8"?>
<TimeML>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2023-09-14"/></DCT>
<TEXT>Kim est arrivé <TIMEX3 tid="t1" type="DATE" value="2023-09-13">mercredi</TIMEX3> et repart
<TIMEX3 tid="t2" type="DATE" value="2023-09-15">demain</TIMEX3>.<TIMEX3 tid="t3" type="DATE" value="2023"/>
Il est au pouvoir depuis <TIMEX3 tid="t4" type="DURATION" value="P12Y">douze ans</TIMEX3>.</TEXT>
</TimeML>
"""


def test_read_tml_offsets_point_into_the_plain_text(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    text, dct, gold = ev.read_tml(path)
    assert dct == "2023-09-14"
    assert "<" not in text
    assert [text[s:e] for s, e, _, _ in gold] == ["mercredi", "demain", "douze ans"]  # empty one skipped
    assert [v for *_, v in gold] == ["2023-09-13", "2023-09-15", "P12Y"]


def test_scores_on_a_small_corpus(tmp_path):
    folder = tmp_path / "fr-timebank"
    folder.mkdir()
    (folder / "doc.tml").write_text(TML, encoding="utf-8")
    res = ev.score_corpus(sorted(folder.glob("*.tml")), "fr")
    assert res["n_gold"] == 3
    assert res["relaxed_f1"] == pytest.approx(100.0)
    assert res["value_f1"] == pytest.approx(100.0)


def test_attribute_f1_counts_against_system_and_gold_totals():
    gold = [(0, 8, "DATE", "2023-09-13"), (20, 26, "DATE", "2023-09-15")]
    system = [(0, 8, "DATE", "2023-09-13"), (22, 30, "DATE", "2023-09-16"), (40, 44, "DATE", "2019")]
    pairs = ev.match(gold, system)
    assert sorted(pairs) == [(0, 0), (1, 1)]
    value_hits = sum(gold[i][3] == system[j][3] for i, j in pairs)
    # P = 1/3, R = 1/2 -> F1 = 40
    assert ev._f1(value_hits, len(system), len(gold)) == pytest.approx(40.0)


def test_missing_data_is_reported(tmp_path):
    with pytest.raises(DataMissing):
        ev.run(tmp_path, quick=True)


def test_quick_run_on_benchdata(benchdata: Path):
    out = ev.run(benchdata, quick=True)
    names = {f"{lang}_{m}_f1" for lang in ("fr", "en") for m in ("strict", "relaxed", "type", "value")}
    assert names <= set(out["metrics"])
    assert all(0 <= v <= 100 for v in out["metrics"].values())
    assert out["n"] > 0 and out["reference"]["fr_value_f1"] == 73.6
