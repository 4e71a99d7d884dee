"""`recoupe brief` and `recoupe ingest` through `recoupe.cli.main`."""

import json
from pathlib import Path

import pytest

from recoupe.cli import main
from recoupe.store import Store

TEXT = ("Le conseil municipal de Lyon a voté jeudi soir un plan pour les pistes cyclables. "
        "« Nous voulons doubler le réseau d'ici 2026 », a déclaré l'adjointe aux mobilités.")


@pytest.mark.slow
def test_brief_seeds_json(seeds_dir: Path, capsys):
    assert main(["brief", str(seeds_dir), "--format", "json", "-q"]) == 0
    dossier = json.loads(capsys.readouterr().out)
    assert dossier["schema"] == "recoupe.dossier/1"
    arts = dossier["articles"]
    assert len(arts) == 5 and {a["lang"] for a in arts} == {"fr"}
    assert any(a["published"] == "2023-09-14" for a in arts)
    for a in arts:
        assert {"id", "origin", "source", "title", "lang", "published", "text"} <= a.keys()
        assert ">> LIRE AUSSI" not in a["text"] and "Partagez votre avis" not in a["text"]


def test_ingest_twice_stores_once(tmp_path: Path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT)
    (tmp_path / "in" / "b.txt").write_text(TEXT.replace("Lyon", "Lille"))
    db = tmp_path / "store.db"
    assert main(["ingest", str(tmp_path / "in"), "--store", str(db)]) == 0
    assert "2 new of 2" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "in"), "--store", str(db)]) == 0
    assert "0 new of 2" in capsys.readouterr().err
    with Store(db) as s:
        assert len(s.article_ids()) == 2
        stored = {a for story in s.stories() for a in story.article_ids}
        assert stored <= set(s.article_ids())


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\x03" * 64])
def test_bad_input_is_one_line_error(tmp_path: Path, capsys, content: bytes):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    db = tmp_path / "store.db"
    assert main(["ingest", str(bad), "--store", str(db)]) == 1
    err = capsys.readouterr().err
    assert "recoupe: error: no article could be read from the inputs" in err
    assert "Traceback" not in err


def test_bad_input_keeps_what_is_stored(tmp_path: Path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    db = tmp_path / "store.db"
    assert main(["ingest", str(good), "--store", str(db), "-q"]) == 0
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["ingest", str(empty), "--store", str(db), "-q"]) == 1
    with Store(db) as s:
        assert len(s.article_ids()) == 1


def test_private_url_refused_without_flag(capsys):
    assert main(["brief", "http://127.0.0.1:9/article", "-q"]) == 1
    err = capsys.readouterr().err
    assert "error:" in err and "--allow-private" in err and err.count("\n") == 1
