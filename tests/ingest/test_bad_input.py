"""Bad input: a one-line InputError or a warning and a skip, never a traceback."""

import os
import time
from pathlib import Path

import pytest

from recoupe.errors import InputError
from recoupe.ingest import read_inputs



def test_empty_file(tmp_path: Path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    with pytest.raises(InputError, match="empty"):
        read_inputs([f])


def test_binary_junk(tmp_path: Path):
    f = tmp_path / "junk.txt"
    f.write_bytes(os.urandom(4000))
    with pytest.raises(InputError, match="binary"):
        read_inputs([f])
    g = tmp_path / "ctrl.txt"
    g.write_bytes(bytes(range(1, 32)) * 50 + b"abc")
    with pytest.raises(InputError, match="binary"):
        read_inputs([g])


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings(tmp_path: Path, encoding: str, article_fr):
    f = tmp_path / "old.txt"
    f.write_bytes(article_fr.replace("«", '"').replace("»", '"').encode(encoding))
    (art,) = read_inputs([f])
    assert "métropole" in art.text and "commerçants" in art.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_unicode_encodings(tmp_path: Path, encoding: str, article_fr):
    f = tmp_path / "u.txt"
    f.write_bytes(article_fr.encode(encoding))
    (art,) = read_inputs([f])
    assert "métropole" in art.text and not art.text.startswith("\ufeff")


def test_cp1252_apostrophe(tmp_path: Path):
    f = tmp_path / "win.txt"
    f.write_bytes("L’opposition a dénoncé un calendrier trop serré à Lyon.".encode("cp1252"))
    (art,) = read_inputs([f])
    assert art.text.startswith("L'opposition a dénoncé")


def test_huge_file_refused_by_size(tmp_path: Path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # sparse: 50 MB that cost nothing to make
    start = time.monotonic()
    with pytest.raises(InputError, match="too big"):
        read_inputs([f])
    assert time.monotonic() - start < 1


def test_folder_without_articles(tmp_path: Path, article_fr):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").write_text(article_fr)
    warned: list[str] = []
    with pytest.raises(InputError, match="no article could be read"):
        read_inputs([tmp_path], warn=warned.append)
    assert any("no file to read" in w for w in warned)


def test_bad_file_skipped_beside_good_ones(tmp_path: Path, article_fr):
    (tmp_path / "good.txt").write_text(article_fr)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "tiny.txt").write_text("Trop court.")
    warned: list[str] = []
    arts = read_inputs([tmp_path], warn=warned.append)
    assert [a.source for a in arts] == ["good"]
    assert any("bad.txt: binary" in w for w in warned)
    assert any("tiny.txt: no article text" in w for w in warned)


def test_future_date_kept_with_warning(tmp_path: Path, article_fr):
    f = tmp_path / "f.txt"
    f.write_text("date 2999-01-02 " + article_fr)
    warned: list[str] = []
    (art,) = read_inputs([f], warn=warned.append)
    assert art.published == "2999-01-02"
    assert art.warnings and any("future" in w for w in warned)


def test_text_longer_than_any_article_is_skipped(tmp_path: Path, article_fr, monkeypatch):
    from recoupe import settings

    monkeypatch.setattr(settings, "MAX_ARTICLE_CHARS", 200)
    (tmp_path / "book.txt").write_text(article_fr * 3)
    (tmp_path / "short.txt").write_text(article_fr[:150])
    warned: list[str] = []
    arts = read_inputs([tmp_path], warn=warned.append)
    assert [a.source for a in arts] == ["short"]
    assert any("longer than any news article" in w for w in warned)


def test_huge_web_page_refused(tmp_path: Path, monkeypatch):
    from recoupe import settings

    monkeypatch.setattr(settings, "MAX_HTML_CHARS", 10_000)
    f = tmp_path / "big.html"
    f.write_text("<html><body>" + "<p>Un paragraphe de texte.</p>" * 1000 + "</body></html>")
    with pytest.raises(InputError, match="too big for a web page"):
        read_inputs([f])
    g = tmp_path / "scripts.html"
    g.write_text("<html><head><script>" + "var x = 1;" * 2000 + "</script></head><body><article>"
                 + "<p>Le conseil municipal a voté jeudi un plan pour les pistes cyclables.</p>"
                 + "</article></body></html>")
    (art,) = read_inputs([g])
    assert "pistes cyclables" in art.text
