"""The evaluation runner: floors, 'not implemented', docs, provenance."""

import json
import sys
import types

from recoupe import evaluate
from recoupe.evaluate import provenance
from recoupe.model import Article, Dossier, Fact, SourceSpan, Story


def test_floor_below_fails_and_ceiling_above_fails():
    results = [{"name": "dates", "status": "ok", "metrics": {"fr_value_f1": 79.9}},
               {"name": "divergences", "status": "ok", "metrics": {"rte3_false_flag_rate": 6.0}}]
    floors = {"dates": {"fr_value_f1": 80.0}, "divergences": {"rte3_false_flag_rate": 5.0}}
    failures = evaluate.check_floors(results, floors)
    assert len(failures) == 2
    assert "below its floor" in failures[0] and "above its ceiling" in failures[1]


def test_floor_met_passes_and_missing_metric_fails():
    floors = {"dates": {"fr_value_f1": 80.0}}
    ok = [{"name": "dates", "status": "ok", "metrics": {"fr_value_f1": 80.0}}]
    assert evaluate.check_floors(ok, floors) == []
    missing = [{"name": "dates", "status": "ok", "metrics": {}}]
    assert evaluate.check_floors(missing, floors)
    absent = [{"name": "dates", "status": "not implemented"}]
    assert evaluate.check_floors(absent, floors)


def test_missing_module_reports_not_implemented(monkeypatch, tmp_path):
    monkeypatch.setitem(evaluate.EVALUATIONS, "ghost", ("recoupe.evaluate.ghost_capability", "x"))
    res = evaluate.run_one("ghost", tmp_path)
    assert res["status"] == "not implemented"
    assert "metrics" not in res


def test_data_missing_is_reported_not_raised(monkeypatch, tmp_path):
    from recoupe.errors import DataMissing

    mod = types.ModuleType("recoupe.evaluate.fake_missing")

    def run(data_dir, quick=False):
        raise DataMissing("no data here")

    mod.run = run
    monkeypatch.setitem(sys.modules, mod.__name__, mod)
    monkeypatch.setitem(evaluate.EVALUATIONS, "fake", (mod.__name__, "x"))
    res = evaluate.run_one("fake", tmp_path)
    assert res["status"] == "data missing" and "no data here" in res["notes"]


def test_docs_table_lists_metrics_with_floor_and_reference(tmp_path):
    results = [{"name": "dates", "status": "ok", "metrics": {"fr_value_f1": 81.25},
                "reference": {"fr_value_f1": 73.6}, "n": 10},
               {"name": "quotes", "status": "not implemented"}]
    text = evaluate.render_docs(results, {"dates": {"fr_value_f1": 80.0}})
    assert "| dates | fr_value_f1 | 81.2 | 80.0 | 73.6 |" in text
    assert "| quotes | - | not implemented |" in text
    evaluate.write_results(results, tmp_path)
    assert json.loads((tmp_path / "dates.json").read_text())["metrics"]["fr_value_f1"] == 81.25


def _dossier(wrong: bool) -> Dossier:
    art = Article(id="a1", origin="x", source="s", text="Le maire a parlé mardi.")
    span = art.span(3, 8)
    if wrong:
        span = SourceSpan("a1", 3, 8, "maires")
    return Dossier(articles=[art], stories=[Story("s1", "t", ["a1"], facts=[Fact("f1", "x", [span])])])


def test_provenance_counts_a_wrong_span(tmp_path):
    res = provenance.run(tmp_path / "nowhere" / "benchdata", dossiers=[_dossier(True), _dossier(False)],
                         own=False)
    assert res["metrics"]["spans_exact"] < 100.0
    assert "do not match" in res["notes"]


def test_docs_carry_the_speed_figures_when_a_bench_ran():
    bench = {"articles": 20, "distinct_texts": 10, "words": 9000, "processes": 1,
             "articles_per_second": 4.0, "words_per_second": 1800, "analysis_vs_bare_spacy": 0.9,
             "stories_share_of_end_to_end": 0.15, "peak_rss_mib": 900.0,
             "stage_seconds": {"analyze": 4.0, "stories": 0.8}}
    text = evaluate.render_docs([], {}, bench)
    assert "| per-article analysis vs bare spaCy `nlp.pipe` | 90 % |" in text
    assert "| stage: stories | 0.8 s |" in text
    assert "Speed" not in evaluate.render_docs([], {})


def test_provenance_sees_article_level_quote_cues():
    from recoupe.model import Quote, check_provenance

    art = Article(id="a1", origin="x", source="s", text="« Oui », a dit le maire.")
    art.quotes.append(Quote("a1", 2, 5, "Oui", "direct", cue="dire",
                            cue_span=SourceSpan("a1", 10, 13, "dire")))  # text there is "dit"
    total, bad = check_provenance(Dossier(articles=[art]))
    assert bad == [("a1", 10, 13, "dire")] and total == 2
