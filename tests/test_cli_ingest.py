"""`recoupe ingest` groups incrementally: two ingests give the stories of one brief."""

import json
import shutil
from pathlib import Path

import pytest

from recoupe.cli import main
from recoupe.store import Store

FIRST = ["agence-rhone-presse.txt", "le-courrier-du-rhone.txt", "gazette-des-alpes.txt"]
SECOND = ["le-petit-valentinois.txt", "euro-industry-today.txt", "vallee-matin.html",
          "la-voix-de-la-drome.txt", "radio-alpes-sport.txt"]


@pytest.mark.slow
def test_two_ingests_give_the_stories_of_one_brief(examples_dir: Path, tmp_path: Path, capsys):
    for name, files in (("one", FIRST), ("two", SECOND)):
        (tmp_path / name).mkdir()
        for f in files:
            shutil.copy(examples_dir / f, tmp_path / name / f)
    db = tmp_path / "store.db"
    assert main(["ingest", str(tmp_path / "one"), "--store", str(db)]) == 0
    assert "3 new of 3 articles, 2 stories" in capsys.readouterr().err
    with Store(db) as s:
        kept = {st.id: st for st in s.stories() if "gazette" in " ".join(
            a.source.lower() for a in s.articles(st.article_ids))}
    assert len(kept) == 1
    assert main(["ingest", str(tmp_path / "two"), "--store", str(db)]) == 0
    assert "5 new of 5 articles, 2 stories" in capsys.readouterr().err
    assert main(["brief", str(tmp_path / "one"), str(tmp_path / "two"), "--format", "json", "-q"]) == 0
    brief = json.loads(capsys.readouterr().out)["stories"]
    with Store(db) as s:
        stored = s.stories()
        assert s.unindexed_ids() == []
    assert sorted(sorted(st.article_ids) for st in stored) == \
        sorted(sorted(st["article_ids"]) for st in brief)
    assert [st.thread for st in stored] == [st["thread"] for st in brief]
    assert not set(kept) & {st.id for st in stored}  # the race story gained its second article
    # ingesting the same files again stores and makes nothing
    assert main(["ingest", str(tmp_path / "one"), "--store", str(db), "-q"]) == 0
    with Store(db) as s:
        assert [st.id for st in s.stories()] == [st.id for st in stored]


@pytest.mark.slow
def test_a_damaged_story_index_is_one_warning_line(examples_dir: Path, tmp_path: Path, capsys):
    import numpy as np

    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    for f in FIRST:
        shutil.copy(examples_dir / f, tmp_path / "one" / f)
    shutil.copy(examples_dir / SECOND[0], tmp_path / "two" / SECOND[0])
    db = tmp_path / "store.db"
    assert main(["ingest", str(tmp_path / "one"), "--store", str(db), "-q"]) == 0
    with Store(db) as s:  # a link past the end of the index
        s.db.execute("UPDATE story_index SET link_rows = ?, link_values = ? WHERE seq = 1",
                     (np.array([50], dtype=np.int32).tobytes(), np.ones(1, dtype=np.float32).tobytes()))
        s.db.commit()
    assert main(["ingest", str(tmp_path / "two"), "--store", str(db)]) == 0
    err = capsys.readouterr().err
    warned = [line for line in err.splitlines() if line.startswith("recoupe: warning:")]
    assert len(warned) == 1 and "story index could not be read" in warned[0]
    assert "Traceback" not in err and "warnings.warn" not in err
    with Store(db) as s:  # every article grouped again, each in one story
        held = sorted(a for st in s.stories() for a in st.article_ids)
        assert held == sorted(s.article_ids()) and len(held) == 4


@pytest.mark.slow
def test_brief_with_a_store_groups_what_it_stores(examples_dir: Path, tmp_path: Path, capsys):
    (tmp_path / "one").mkdir()
    for f in FIRST:
        shutil.copy(examples_dir / f, tmp_path / "one" / f)
    db = tmp_path / "store.db"
    assert main(["brief", str(tmp_path / "one"), "--store", str(db), "--format", "json", "-q"]) == 0
    brief = json.loads(capsys.readouterr().out)["stories"]
    with Store(db) as s:
        assert s.unindexed_ids() == []
        assert sorted(sorted(st.article_ids) for st in s.stories()) == \
            sorted(sorted(st["article_ids"]) for st in brief)
