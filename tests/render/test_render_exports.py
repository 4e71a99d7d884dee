import csv
import json

from recoupe.render import write_exports


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_exports_parse_back(rich, tmp_path):
    paths = write_exports(rich, tmp_path / "out")
    names = sorted(p.name for p in paths)
    assert names == ["articles.jsonl", "divergences.csv", "divergences.jsonl", "facts.jsonl",
                     "quotes.csv", "quotes.jsonl"]
    out = tmp_path / "out"
    articles = read_jsonl(out / "articles.jsonl")
    assert [a["id"] for a in articles] == ["a1", "b2", "c3"]
    texts = {a["id"]: a["text"] for a in articles}

    quotes = read_jsonl(out / "quotes.jsonl")
    assert len(quotes) == len(rich.stories[0].quotes)
    for q in quotes:
        assert texts[q["article_id"]][q["start"]:q["end"]] == q["text"]
    assert {q["source"] for q in quotes if q["group"] == "q1"} == {"Le Quotidien du Sud", "Radio Littoral", "Coastal Wire"}

    facts = read_jsonl(out / "facts.jsonl")
    assert facts[0]["sources"] == ["Coastal Wire", "Le Quotidien du Sud", "Radio Littoral"]
    assert [f["single_source"] for f in facts] == [False, False, True]

    divs = read_jsonl(out / "divergences.jsonl")
    assert [d["kind"] for d in divs] == ["date", "agent", "estimate_spread"]
    assert divs[2]["contradiction"] is False and len(divs[2]["sides"]) == 3

    rows = read_csv(out / "quotes.csv")
    assert len(rows) == len(quotes)
    assert rows[0]["text"] == quotes[0]["text"] and rows[0]["speaker"] == "Pierre Martin"
    assert int(rows[0]["end"]) == quotes[0]["end"]

    sides = read_csv(out / "divergences.csv")
    assert len(sides) == 2 + 2 + 3
    spread = [r for r in sides if r["kind"] == "estimate_spread"]
    assert spread[0]["sources"] == "Le Quotidien du Sud; Coastal Wire"
    assert spread[0]["contradiction"] == "False"


def test_csv_cells_cannot_run_as_formulas(rich, tmp_path):
    rich.stories[0].quotes[0].speaker.name = "=HYPERLINK(\"http://x\")"
    write_exports(rich, tmp_path)
    rows = read_csv(tmp_path / "quotes.csv")
    assert rows[0]["speaker"] == "'=HYPERLINK(\"http://x\")"
    # JSON Lines keep the exact value
    assert read_jsonl(tmp_path / "quotes.jsonl")[0]["speaker"] == "=HYPERLINK(\"http://x\")"


def test_unwritable_folder_is_a_clean_error(rich, tmp_path):
    import pytest

    from recoupe.errors import InputError

    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError):
        write_exports(rich, tmp_path / "file" / "sub")
