import sqlite3
from pathlib import Path

import pytest

from recoupe.model import Article, Mention, Story, from_dict, to_dict
from recoupe.store import SCHEMA_VERSION, Store


def art(i: int, text: str | None = None, **kw) -> Article:
    return Article(id=f"a{i}", origin=f"/x/{i}.txt", source=f"outlet{i}",
                   text=text or f"Le texte numéro {i} parle de Vostotchny et de satellites.",
                   title=f"Titre {i}", lang="fr", published=f"2023-09-1{i}", **kw)


def test_roundtrip_and_once_only(tmp_path: Path):
    with Store(tmp_path / "db.sqlite") as db:
        assert db.add_articles([art(1), art(2)]) == 2
        assert db.add_articles([art(1), art(3)]) == 1
        assert db.article_ids() == ["a1", "a2", "a3"]
        assert db.get_article("a2") == art(2)
        assert db.get_article("nope") is None
        assert [a.id for a in db.articles(["a3", "zz", "a1"])] == ["a3", "a1"]
        assert len(db.articles()) == 3


def test_reingest_updates_the_analysis():
    with Store(":memory:") as db:
        db.add_articles([art(1)])
        updated = art(1, mentions=[Mention(0, 2, "Le", "MISC")])
        assert db.add_articles([updated]) == 0
        assert db.get_article("a1").mentions == updated.mentions
        assert db.search("Vostotchny") == ["a1"]  # indexed once, not twice


def test_search_is_safe_and_accent_blind():
    with Store(":memory:") as db:
        db.add_articles([art(1), art(2, "Kim Jong Un et la Corée du Nord à Vostotchny.")])
        assert db.search("coree") == ["a2"]
        assert db.search("satellite") == ["a1"] and db.search("Vostot") != []
        assert set(db.search("Vostotchny")) == {"a1", "a2"}
        assert db.search("Titre 2") == ["a2"]
        for nasty in ['"', "AND", "OR (", "NEAR(", "a*", "col:x", "'; DROP TABLE articles; --", ""]:
            assert isinstance(db.search(nasty), list)
        assert db.search("satellites", limit=1) and len(db.search("satellites", limit=1)) == 1


def test_stories(tmp_path: Path):
    with Store(tmp_path / "db.sqlite") as db:
        db.add_articles([art(1), art(2)])
        s1 = Story(id="s1", title="Vostotchny", article_ids=["a1", "a2"], origins=2)
        s2 = Story(id="s2", title="Autre", article_ids=["a2", "missing"])
        db.save_stories([s1, s2])
        assert db.stories() == [s1, s2]
        assert db.get_story("s2") == s2 and db.get_story("s9") is None
        assert db.stories_of("a2") == ["s1", "s2"]
        db.save_stories([s2])  # a new grouping replaces the old one
        assert [s.id for s in db.stories()] == ["s2"]


def test_heads_are_what_the_full_records_say():
    from recoupe.model import Divergence, Fact

    with Store(":memory:") as db:
        untitled = Article(id="a3", origin="/x/3.txt", source="outlet3", text="Déjà sans titre, à lire. " * 20,
                           lang="fr")
        db.add_articles([art(2), art(1), untitled])
        full = db.articles()
        heads = db.article_heads()
        assert [h.id for h in heads] == [a.id for a in full] == ["a1", "a2", "a3"]
        for h, a in zip(heads, full):
            assert (h.source, h.title, h.lang, h.published) == (a.source, a.title, a.lang, a.published)
            assert h.opening == a.text[:90]
        assert [h.id for h in db.article_heads(["a3", "zz", "a1"])] == ["a3", "a1"]
        facts = [Fact(id=f"f{i}", text="x", support=[], origins=1) for i in range(3)]
        s1 = Story(id="s1", title="Un", article_ids=["a1", "a2"], facts=facts,
                   divergences=[Divergence(kind="number", summary="x")])
        s2 = Story(id="s2", title="Deux", article_ids=["a3"])
        db.save_stories([s1, s2])
        assert db.story_heads() == [("s1", "Un", ["a1", "a2"], 3, 1), ("s2", "Deux", ["a3"], 0, 0)]


def test_persistence_wal_and_schema_version(tmp_path: Path):
    path = tmp_path / "db.sqlite"
    with Store(path) as db:
        db.add_articles([art(1)])
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()
    with Store(path) as db:
        assert db.article_ids() == ["a1"]


def test_committed_batches_survive_an_interruption(tmp_path: Path):
    path = tmp_path / "db.sqlite"
    db = Store(path)
    db.add_articles([art(1)])

    def batches():
        yield art(2)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        db.add_articles(batches())
    db.close()
    with Store(path) as again:
        assert again.article_ids() == ["a1"]  # the first batch, whole; the broken one, not at all


def test_not_a_store(tmp_path: Path):
    from recoupe.errors import RecoupeError

    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(RecoupeError, match="not a usable recoupe store"):
        Store(bad)


def test_json_is_the_model_dict():
    with Store(":memory:") as db:
        db.add_articles([art(1)])
        data = db.db.execute("SELECT data FROM articles").fetchone()[0]
        import json

        assert from_dict(Article, json.loads(data)) == art(1) and json.loads(data) == to_dict(art(1))


def test_usable_from_several_threads(tmp_path: Path):
    from concurrent.futures import ThreadPoolExecutor

    with Store(tmp_path / "db.sqlite") as db:
        with ThreadPoolExecutor(4) as pool:
            added = list(pool.map(lambda i: db.add_articles([art(i)]), range(8)))
            found = list(pool.map(lambda i: db.get_article(f"a{i}"), range(8)))
        assert sum(added) == 8 and all(found)


def test_store_articles_tells_new_from_changed():
    with Store(":memory:") as db:
        assert db.store_articles([art(1), art(2)]) == (["a1", "a2"], [])
        assert db.store_articles([art(1)]) == ([], [])  # the same analysis: nothing changes
        updated = art(2, mentions=[Mention(0, 2, "Le", "MISC")])
        assert db.store_articles([updated, art(3)]) == (["a3"], ["a2"])
        assert db.get_article("a2") == updated
        assert sorted(db.search("Vostotchny")) == ["a1", "a2", "a3"]  # each indexed once
        assert db.unindexed_ids() == ["a1", "a2", "a3"]  # no story holds them yet


def test_newer_schema_is_refused(tmp_path: Path):
    from recoupe.errors import RecoupeError

    path = tmp_path / "db.sqlite"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(RecoupeError, match="newer recoupe"):
        Store(path)


def test_opening_a_current_store_writes_nothing(tmp_path: Path):
    """Opening takes no write lock: a store being written by another process opens at once."""
    import threading
    import time

    path = tmp_path / "db.sqlite"
    Store(path).close()
    writer = sqlite3.connect(path, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    release = threading.Timer(3, writer.commit)
    release.start()
    try:
        t = time.perf_counter()
        with Store(path) as db:
            assert db.article_ids() == []
        assert time.perf_counter() - t < 1.5
    finally:
        release.join()
        writer.close()


def _schema_1(path: Path) -> None:
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE articles (id TEXT PRIMARY KEY, origin TEXT NOT NULL, source TEXT, title TEXT,
            lang TEXT, published TEXT, url TEXT, added TEXT NOT NULL, data TEXT NOT NULL);
        CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT, position INTEGER NOT NULL,
            data TEXT NOT NULL);
        PRAGMA user_version = 1;
    """)
    con.close()


def test_processes_opening_an_old_store_at_once_all_open_it(tmp_path: Path):
    """Several connections open one old store at the same moment: one migrates it, the others
    find it migrated (no "duplicate column" error)."""
    import threading

    for i in range(40):
        path = tmp_path / f"old{i}.sqlite"
        _schema_1(path)
        start, errors = threading.Barrier(4), []

        def open_it():
            start.wait()
            try:
                Store(path).close()
            except Exception as exc:  # noqa: BLE001 - the failure is what is tested
                errors.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with Store(path) as db:
            cols = {r[1] for r in db.db.execute("PRAGMA table_info(stories)")}
            assert {"size", "first", "thread"} <= cols
            assert db.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_store_locked_by_another_process_is_one_error_line(tmp_path: Path, monkeypatch):
    import recoupe.store as store_module
    from recoupe.errors import RecoupeError

    monkeypatch.setattr(store_module, "LOCK_WAIT", 0.2)
    path = tmp_path / "db.sqlite"
    with Store(path) as db:
        db.add_articles([art(1)])
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with Store(path) as db:
            with pytest.raises(RecoupeError, match="busy"):
                db.add_articles([art(2)])
    finally:
        other.rollback()
        other.close()
    with Store(path) as db:
        assert db.article_ids() == ["a1"]  # nothing lost, nothing half-written
