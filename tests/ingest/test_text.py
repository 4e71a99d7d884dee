from pathlib import Path

import pytest

from recoupe.errors import InputError
from recoupe.ingest import read_inputs
from recoupe.ingest.text import split_header



def test_header_glued_to_first_sentence(tmp_path: Path, article_fr):
    f = tmp_path / "lyon.txt"
    f.write_text(" date 2023-09 " + article_fr, encoding="utf-8")
    (art,) = read_inputs([f])
    assert art.published == "2023-09" and art.published_from == "header"
    assert art.text.startswith("Le conseil municipal")
    assert art.source == "lyon" and art.origin == str(f) and art.lang == "fr"
    assert [r.reason for r in art.removed] == ["header"]
    raw = f.read_text(encoding="utf-8")
    assert all(raw[r.start:r.end] == r.text for r in art.removed)


def test_header_line_and_title_line(tmp_path: Path, article_fr):
    f = tmp_path / "a.txt"
    f.write_text("date 2023-09-13\nLyon double ses pistes cyclables\n\n" + article_fr)
    (art,) = read_inputs([f])
    assert art.published == "2023-09-13" and art.published_from == "header"
    assert art.title == "Lyon double ses pistes cyclables"
    assert art.text.startswith("Le conseil")


def test_first_sentence_is_not_a_title(article_fr):
    assert split_header(article_fr)[1] is None
    assert split_header("Une phrase complète qui finit bien.\n\n" + article_fr)[1] is None


def test_partial_header_year_lends_itself_to_the_text(tmp_path: Path, article_fr):
    f = tmp_path / "b.txt"
    f.write_text("date 2023-09 Le maire a présenté ce 13 septembre son plan. " + article_fr)
    (art,) = read_inputs([f])
    assert art.published == "2023-09-13" and art.published_from == "text"


def test_folder_recursive_skips_hidden(tmp_path: Path, article_fr):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text(article_fr)
    (tmp_path / "two.txt").write_text(article_fr.replace("Lyon", "Lille"))
    (tmp_path / ".hidden.txt").write_text(article_fr.replace("Lyon", "Nice"))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(article_fr.replace("Lyon", "Metz"))
    arts = read_inputs([tmp_path])
    assert sorted(a.source for a in arts) == ["one", "two"]


def test_same_article_twice_is_kept_once(tmp_path: Path, article_fr):
    (tmp_path / "a.txt").write_text(article_fr)
    (tmp_path / "b.txt").write_text(article_fr + "\n")
    warned: list[str] = []
    arts = read_inputs([tmp_path], warn=warned.append)
    assert len(arts) == 1 and any("kept once" in w for w in warned)


def test_stable_id(tmp_path: Path, article_fr):
    f = tmp_path / "a.txt"
    f.write_text(article_fr)
    assert read_inputs([f])[0].id == read_inputs([f])[0].id
    assert len(read_inputs([f])[0].id) == 16


def test_english_article(tmp_path: Path):
    f = tmp_path / "en.txt"
    f.write_text("LEEDS, September 14, 2023 - The city council of Leeds voted to double its "
                 "cycle lanes by 2026, the deputy leader said. Opposition members called the "
                 "timetable unrealistic and asked for an impact study.")
    (art,) = read_inputs([f])
    assert art.lang == "en" and art.published == "2023-09-14"


def test_stdin_plain_text(monkeypatch, article_fr):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article_fr.encode())))
    (art,) = read_inputs(["-"])
    assert art.origin == "-" and art.source == "stdin" and art.text.startswith("Le conseil")


def test_stdin_json_lines(monkeypatch, article_fr):
    import io
    import json
    import sys

    lines = "\n".join(json.dumps({"text": article_fr.replace("Lyon", c), "source": c})
                      for c in ("Lyon", "Lille"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    arts = read_inputs(["-"])
    assert [a.source for a in arts] == ["Lyon", "Lille"]


def test_missing_path_is_one_line_error():
    with pytest.raises(InputError, match="no article could be read"):
        read_inputs(["/nonexistent/file.txt"])


def test_authors_from_a_byline(tmp_path: Path, article_fr):
    from recoupe.ingest.article import byline_authors

    assert byline_authors("Par Jeanne Martin et Paul Roux, à Lyon") == ["Jeanne Martin", "Paul Roux"]
    assert byline_authors("By Afedzi Abdullah, GNA") == ["Afedzi Abdullah"]
    f = tmp_path / "a.txt"
    f.write_text(article_fr + "\n\nPar Jeanne Martin")
    (art,) = read_inputs([f])
    assert art.authors == ["Jeanne Martin"] and "Jeanne" not in art.text


@pytest.mark.parametrize("header, expected", [
    ("date 2023-09-13\n", "2023-09-13"), ("Date: 13/09/2023\n", "2023-09-13"),
    ("date 2023-09 ", "2023-09"), ("date 2023-13-45\n", None)])
def test_header_forms(header, expected):
    assert split_header(header + "Le conseil a voté. " * 5)[0] == expected


def test_date_from_a_published_line(tmp_path: Path, article_fr):
    f = tmp_path / "p.txt"
    f.write_text("Publié le 14/09/2023 à 10h32\nMis à jour le 15/09/2023 à 08h00\n\n" + article_fr)
    (art,) = read_inputs([f])
    assert art.published == "2023-09-14" and art.published_from == "text"
    assert "Publié" not in art.text and "Mis à jour" not in art.text
