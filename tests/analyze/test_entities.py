"""Entities in general (any language) and the HIPE evaluation's reading and scoring."""

from pathlib import Path

import pytest

from recoupe.analyze import analyze_articles
from recoupe.analyze.entities import name_key
from recoupe.errors import DataMissing
from recoupe.evaluate import entities as hipe
from recoupe.model import Article


def test_name_key():
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un") == ("kim", "jong", "un")
    assert name_key("Sergueï Choïgou") == ("serguei", "choigou")


def test_english_entities_and_chain():
    text = ("President Joe Biden spoke with Reuters on Monday. Biden said the talks in Geneva "
            "would go on, according to the Associated Press.")
    art = Article(id="en", origin="en", source="t", text=text, lang="en")
    [art] = analyze_articles([art])
    ents = {e.name: e for e in art.entities}
    assert ents["Joe Biden"].type == "PER" and len(ents["Joe Biden"].mentions) == 2
    assert ents["Reuters"].type == "ORG" and ents["Associated Press"].type == "ORG"
    assert ents["Geneva"].type == "LOC"
    for m in art.mentions:
        assert text[m.start:m.end] == m.text and m.entity_id


TSV = """TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC
# language = fr
# newspaper = XYZ
# date = 1901-02-03
# document_id = doc-a
Hier\tO\tO\tO\tO\tO\tO\t_\t_\t_
M\tB-pers\tO\tO\tO\tO\tO\t_\t_\tNoSpaceAfter
.\tI-pers\tO\tO\tO\tO\tO\t_\t_\tEndOfLine
Durand\tI-pers\tO\tO\tO\tO\tO\t_\t_\t_
visite\tO\tO\tO\tO\tO\tO\t_\t_\t_
Lyon\tB-loc\tO\tO\tO\tO\tO\t_\t_\tNoSpaceAfter
.\tO\tO\tO\tO\tO\tO\t_\t_\tPySBDSegment
# language = fr
# newspaper = XYZ
# date = 1901-02-04
# document_id = doc-b
Paris\tB-loc\tO\tO\tO\tO\tO\t_\t_\t_
"""


def test_hipe_reading(tmp_path: Path):
    path = tmp_path / "mini.tsv"
    path.write_text(TSV, encoding="utf-8")
    a, b = hipe.read_hipe(path)
    assert (a.id, a.date, b.id, b.date) == ("doc-a", "1901-02-03", "doc-b", "1901-02-04")
    assert a.text == "Hier M. Durand visite Lyon. "
    assert a.gold == [(1, 4, "pers"), (5, 6, "loc")]
    assert [a.text[s:e] for s, e in a.tokens][1:4] == ["M", ".", "Durand"]
    assert b.gold == [(0, 1, "loc")]


def test_hipe_scoring():
    gold = [(0, 2, "pers"), (5, 6, "loc"), (8, 9, "org")]
    system = [(0, 2, "pers"), (4, 6, "loc"), (8, 9, "loc")]
    res = hipe.score([(gold, system)])
    assert res["strict_f1"] == pytest.approx(1 / 3)
    assert res["fuzzy_f1"] == pytest.approx(2 / 3)


def test_hipe_title_widening_and_projection(tmp_path: Path):
    path = tmp_path / "mini.tsv"
    path.write_text(TSV, encoding="utf-8")
    doc = hipe.read_hipe(path)[0]
    art = Article(id=doc.id, origin=doc.id, source="t", text=doc.text, lang="fr", published=doc.date)
    [art] = analyze_articles([art])
    projected = hipe._project(doc, hipe.system_entities(art))
    assert (1, 4, "pers") in projected  # "M. Durand", title included as HIPE does


def test_hipe_missing_data(tmp_path: Path):
    with pytest.raises(DataMissing):
        hipe.run(tmp_path)


def test_hipe_quick_run(benchdata):
    if not (benchdata / hipe.FOLDER).is_dir():
        pytest.skip("HIPE-2020 French data absent")
    res = hipe.run(benchdata, quick=True)
    assert set(res["metrics"]) == {"hipe_strict_f1", "hipe_fuzzy_f1"} == set(res["reference"])
    assert 0 < res["metrics"]["hipe_strict_f1"] <= res["metrics"]["hipe_fuzzy_f1"] <= 100
    assert res["n"] > 100
