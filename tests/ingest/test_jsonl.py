import json
from pathlib import Path

import pytest

from recoupe.errors import InputError
from recoupe.ingest import read_inputs



def test_fields(tmp_path: Path, article_fr):
    f = tmp_path / "batch.jsonl"
    rows = [
        {"text": article_fr, "title": "Pistes", "source": "Le Progrès", "url": "https://x.fr/a",
         "published": "2023-09-14T08:00:00Z", "lang": "fr", "authors": ["A. B"], "id": "art-1"},
        {"text": article_fr.replace("Lyon", "Lille")},
    ]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n")
    a, b = read_inputs([f])
    assert (a.id, a.title, a.source, a.url, a.published, a.published_from, a.authors) == (
        "art-1", "Pistes", "Le Progrès", "https://x.fr/a", "2023-09-14", "metadata", ["A. B"])
    assert b.source == "batch" and b.lang == "fr" and b.origin.endswith("batch.jsonl:2")


def test_bad_lines_are_skipped_with_a_warning(tmp_path: Path, article_fr):
    f = tmp_path / "b.jsonl"
    f.write_text('{"text": "' + article_fr.replace('"', "'").replace("\n", " ") + '"}\n'
                 "not json\n" + '{"title": "no text"}\n')
    warned: list[str] = []
    arts = read_inputs([f], warn=warned.append)
    assert len(arts) == 1
    assert any(":2: not JSON" in w for w in warned) and any(":3: no 'text'" in w for w in warned)


def test_no_usable_line(tmp_path: Path):
    f = tmp_path / "b.jsonl"
    f.write_text('{"title": "x"}\n')
    with pytest.raises(InputError):
        read_inputs([f])


def test_json_document(tmp_path: Path, article_fr):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": article_fr, "title": "Un"}, indent=2))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": article_fr.replace("Lyon", "Nice")},
                               {"text": article_fr.replace("Lyon", "Lille")}]))
    arts = read_inputs([one, many])
    assert [a.title for a in arts] == ["Un", None, None]


def test_json_sidecar_in_a_folder_is_skipped_quietly(tmp_path: Path, article_fr):
    (tmp_path / "a.txt").write_text(article_fr)
    (tmp_path / "gold.json").write_text(json.dumps({"stories": [1, 2]}, indent=1))
    (tmp_path / "README.md").write_text("# Corpus\n\nThese files are test articles, written by hand.")
    warned: list[str] = []
    arts = read_inputs([tmp_path], warn=warned.append)
    assert [a.source for a in arts] == ["a"] and warned == []
    with pytest.raises(InputError, match="without articles"):
        read_inputs([tmp_path / "gold.json"])
