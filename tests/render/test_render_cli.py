"""`recoupe brief` writes each format and the exports (the whole pipeline on two small texts)."""

import json

import pytest

from recoupe.cli import main

TEXTS = {
    "gazette.txt": "Le festival de musique de Nantes a ouvert vendredi 5 juillet 2024. Les organisateurs "
                   "attendent 40 000 spectateurs, a indiqué la directrice, Anne Morel.",
    "courrier.txt": "Vendredi 5 juillet 2024, le festival de Nantes a ouvert ses portes. La préfecture "
                    "table sur 35 000 spectateurs pour le week-end.",
}


@pytest.mark.slow
def test_brief_writes_every_format_and_exports(tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    inputs = [str(tmp_path / n) for n in TEXTS]
    assert main(["brief", *inputs, "-q", "-o", str(tmp_path / "d.json"), "--export", str(tmp_path / "x")]) == 0
    data = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert data["schema"] == "recoupe.dossier/1" and len(data["articles"]) == 2
    assert {p.name for p in (tmp_path / "x").iterdir()} >= {"articles.jsonl", "quotes.csv", "divergences.csv"}
    assert main(["brief", *inputs, "-q", "-o", str(tmp_path / "d.md")]) == 0
    assert (tmp_path / "d.md").read_text(encoding="utf-8").startswith("# Dossier recoupe")
    assert main(["brief", *inputs, "-q", "-o", str(tmp_path / "d.html")]) == 0
    assert "<html lang=\"fr\">" in (tmp_path / "d.html").read_text(encoding="utf-8")
