"""The embedded store: one SQLite file (WAL, foreign keys, FTS5 full-text search).

Articles and stories are kept whole as JSON (`recoupe.model.to_dict` / `from_dict`) beside the
columns that are queried. Each call that writes commits once, so an interrupted ingest keeps
every batch committed before the interruption.

Beside them the store keeps what story grouping needs to go on without recomputing anything
(`recoupe.store.grouping`): per article, in the order it joined the story index, its document
vector, entity keys, word counts and weights, its links to earlier articles, its story number
in the index and its group of wire copies, with the MinHash bands that find copies of a new article;
and the articles stored again with a new analysis whose stories are still to be made again.

    with Store("recoupe.db") as db:
        db.add_articles(articles)
        ids = db.search("Poutine Kim")
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import numpy as np

from recoupe.errors import RecoupeError
from recoupe.model import Article, Story, from_dict, to_dict

__all__ = ["SCHEMA_VERSION", "Store", "StoreChanged"]

# 2: the story index, copy bands, and the stories' size, first date, thread
# 3: the articles stored again with a new analysis, whose stories await being made again
SCHEMA_VERSION = 3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    source TEXT,
    title TEXT,
    lang TEXT,
    published TEXT,
    url TEXT,
    added TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    position INTEGER NOT NULL,
    data TEXT NOT NULL,
    size INTEGER,
    first TEXT,
    thread TEXT
);
CREATE TABLE IF NOT EXISTS story_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, article_id)
);
CREATE INDEX IF NOT EXISTS story_articles_article ON story_articles(article_id);
CREATE TABLE IF NOT EXISTS story_index (
    seq INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    story INTEGER NOT NULL,
    published TEXT,
    lang TEXT,
    copy_group TEXT NOT NULL,
    vector BLOB NOT NULL,
    keys TEXT NOT NULL,
    words TEXT NOT NULL,
    weights BLOB NOT NULL,
    months BLOB,
    link_rows BLOB NOT NULL,
    link_values BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS story_index_copies ON story_index(copy_group);
CREATE TABLE IF NOT EXISTS copy_bands (
    band INTEGER NOT NULL,
    key BLOB NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS copy_bands_key ON copy_bands(band, key);
CREATE TABLE IF NOT EXISTS refreshed (article_id TEXT PRIMARY KEY, stamp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# Columns added to a version 1 store (its rows get NULL: its stories are remade from the articles)
_ADDED_COLUMNS = {"stories": ["size INTEGER", "first TEXT", "thread TEXT"]}

_WORD = re.compile(r"\w+", re.UNICODE)


LOCK_WAIT = 30.0  # seconds a write waits for another process's transaction to end


def _locked(method):
    """One call at a time on the shared connection (the web app serves from several threads);
    a store another process keeps locked past LOCK_WAIT is reported in one line."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                raise RecoupeError(f"{self.path}: the store is busy (another process has been "
                                   f"writing to it for {LOCK_WAIT:.0f} s); nothing was lost, "
                                   "try again") from None
    return wrapper


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class ArticleHead(NamedTuple):
    """What a list of articles shows, read without the stored analysis."""
    id: str
    source: str | None
    title: str | None
    lang: str | None
    published: str | None
    opening: str  # the first characters of the text, for an article without a title


class StoryHead(NamedTuple):
    """What a list of stories shows, read without the stored dossier."""
    id: str
    title: str
    article_ids: list[str]
    facts: int
    divergences: int


class StoreChanged(RecoupeError):
    """Another process regrouped the store between reading its story index and writing."""


def _entry(row) -> dict:
    """A stored index entry as `StoryIndex.restore` takes it."""
    (aid, story, published, lang, group, vector, keys, words, weights, months, rows, values) = row
    words = Counter(json.loads(words))  # insertion order kept: weights follow it
    weights = np.frombuffer(weights, dtype=np.float64)
    if len(weights) != len(words):
        raise ValueError(f"{aid}: {len(weights)} word weights for {len(words)} words")
    return {"key": aid, "story": story, "date": published, "lang": lang, "copy_group": group,
            "vector": np.frombuffer(vector, dtype=np.float32),
            "entities": json.loads(keys), "words": words,
            "weights": dict(zip(words, weights.tolist())),
            "months": None if months is None else np.frombuffer(months, dtype=np.float32),
            "rows": np.frombuffer(rows, dtype=np.int32),
            "values": np.frombuffer(values, dtype=np.float32)}


class Store:
    """A SQLite store of articles and stories. `path=":memory:"` keeps it in memory."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._lock = threading.RLock()
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=LOCK_WAIT, check_same_thread=False)
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._use_wal()
                self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise RecoupeError(f"{self.path}: not a usable recoupe store ({exc})") from None
        except OSError as exc:
            raise RecoupeError(f"{self.path}: cannot open the store ({exc})") from None

    def _use_wal(self) -> None:
        """Switch the file to WAL once (the file keeps it). Switching needs the file alone and
        waits for no one: another process opening it at the same moment is waited for here."""
        for attempt in range(50):
            if self.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                if attempt == 49:
                    raise
                time.sleep(0.1)

    def _version(self) -> int:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RecoupeError(f"{self.path}: made by a newer recoupe (schema {version})")
        return version

    def _migrate(self) -> None:
        if self._version() == SCHEMA_VERSION:
            return  # opening a current store writes nothing (no write lock taken)
        # under the write lock, and checked again: another process may have migrated meanwhile
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if self._version() < SCHEMA_VERSION:
                # additive only (new tables, new nullable columns): nothing stored is ever lost
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                for table, columns in _ADDED_COLUMNS.items():
                    have = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
                    for col in columns:
                        if col.split()[0] not in have:
                            self.db.execute(f"ALTER TABLE {table} ADD COLUMN {col}")
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise

    # -- context manager ---------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @_locked
    def close(self) -> None:
        self.db.close()

    # -- articles ----------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> int:
        """Store `articles` in one transaction; return how many were new.

        An article already stored (same id) is updated with the new analysis.
        """
        return len(self.store_articles(articles)[0])

    @_locked
    def store_articles(self, articles: Iterable[Article]) -> tuple[list[str], list[str]]:
        """Store `articles` in one transaction; return the ids of the new ones and of those
        already stored whose analysis changed (same id, other data).

        The changed ones are also noted in the store, in the same transaction, until a
        grouping has made their stories again (`refreshed_ids`, `save_grouping`)."""
        new, changed = [], []
        with self.db:
            for art in articles:
                data = json.dumps(to_dict(art), ensure_ascii=False)
                row = (art.origin, art.source, art.title, art.lang, art.published, art.url, data)
                old = self.db.execute("SELECT data FROM articles WHERE id = ?", (art.id,)).fetchone()
                if old is None:
                    self.db.execute(
                        "INSERT INTO articles (origin, source, title, lang, published, url, data, "
                        "id, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (*row, art.id, _now()))
                    new.append(art.id)
                else:
                    if old[0] == data:
                        continue
                    self.db.execute(
                        "UPDATE articles SET origin=?, source=?, title=?, lang=?, published=?, "
                        "url=?, data=? WHERE id=?", (*row, art.id))
                    self.db.execute("DELETE FROM articles_fts WHERE id = ?", (art.id,))
                    self.db.execute("INSERT OR REPLACE INTO refreshed (article_id, stamp) "
                                    "VALUES (?, ?)", (art.id, uuid.uuid4().hex))
                    changed.append(art.id)
                self.db.execute("INSERT INTO articles_fts (id, title, text) VALUES (?, ?, ?)",
                                (art.id, art.title or "", art.text))
        return new, changed

    @_locked
    def get_article(self, id: str) -> Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id = ?", (id,)).fetchone()
        return from_dict(Article, json.loads(row[0])) if row else None

    @_locked
    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Stored articles, in the order of `ids` (unknown ids are left out), else all by date."""
        if ids is None:
            rows = self.db.execute(
                "SELECT data FROM articles ORDER BY published IS NULL, published, added, id")
            return [from_dict(Article, json.loads(r[0])) for r in rows]
        found = [self.get_article(i) for i in ids]
        return [a for a in found if a is not None]

    @_locked
    def article_heads(self, ids: Iterable[str] | None = None) -> list[ArticleHead]:
        """`articles()` without the analysis: the columns a list shows, in the same order."""
        cols = "id, source, title, lang, published, substr(json_extract(data, '$.text'), 1, 90)"
        if ids is None:
            rows = self.db.execute(f"SELECT {cols} FROM articles "
                                   "ORDER BY published IS NULL, published, added, id")
            return [ArticleHead(*r) for r in rows]
        ids = list(ids)
        rows = self.db.execute(f"SELECT {cols} FROM articles WHERE id IN "
                               "(SELECT value FROM json_each(?))", (json.dumps(ids),))
        found = {r[0]: ArticleHead(*r) for r in rows}
        return [found[i] for i in ids if i in found]

    @_locked
    def story_heads(self) -> list[StoryHead]:
        """`stories()` as a list shows them: ids, title, articles and counts, same order."""
        rows = self.db.execute(
            "SELECT id, title, json_extract(data, '$.article_ids'), "
            "json_array_length(data, '$.facts'), json_array_length(data, '$.divergences') "
            "FROM stories ORDER BY position, size DESC, first, id")
        return [StoryHead(i, t or "", json.loads(a or "[]"), f or 0, d or 0) for i, t, a, f, d in rows]

    @_locked
    def article_ids(self) -> list[str]:
        rows = self.db.execute("SELECT id FROM articles ORDER BY published IS NULL, published, added, id")
        return [r[0] for r in rows]

    @_locked
    def search(self, query: str, limit: int = 50) -> list[str]:
        """Ids of the articles whose title or text hold every word of `query` (or a word it
        begins), best first.

        The query is taken as plain words (FTS5 syntax in it is neutralised), so user input
        can never be a syntax error.
        """
        words = _WORD.findall(query or "")
        if not words:
            return []
        # each word quoted (no FTS syntax gets through), and a prefix: "satellite" finds "satellites"
        match = " ".join(f'"{w}"' + ("*" if len(w) >= 3 else "") for w in words)
        rows = self.db.execute(
            "SELECT id FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, int(limit)))
        return [r[0] for r in rows]

    # -- stories -----------------------------------------------------------------------------

    def _insert_story(self, story: Story, position: int, first: str | None = None) -> None:
        self.db.execute(
            "INSERT INTO stories (id, title, position, data, size, first, thread) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (story.id, story.title, position, json.dumps(to_dict(story), ensure_ascii=False),
             len(story.article_ids), first, story.thread))
        # link only the articles that are stored; the story's JSON keeps all its ids
        self.db.executemany(
            "INSERT OR IGNORE INTO story_articles (story_id, article_id) "
            "SELECT ?, id FROM articles WHERE id = ?",
            [(story.id, aid) for aid in story.article_ids])

    @_locked
    def save_stories(self, stories: Iterable[Story]) -> None:
        """Replace the stored stories with `stories` (a grouping computed as a whole).

        The story index no longer describes them: it is emptied, and the next incremental
        grouping starts over from every stored article."""
        with self.db:
            self.db.execute("DELETE FROM stories")
            self._clear_index()
            for pos, story in enumerate(stories):
                self._insert_story(story, pos + 1)

    @_locked
    def stories(self) -> list[Story]:
        """Stored stories: in the order they were saved, else (grown incrementally) largest
        first, then by first publication date and id, as `build_stories` orders them."""
        rows = self.db.execute("SELECT data FROM stories ORDER BY position, size DESC, first, id")
        return [from_dict(Story, json.loads(r[0])) for r in rows]

    @_locked
    def story_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM stories").fetchone()[0]

    @_locked
    def get_story(self, id: str) -> Story | None:
        row = self.db.execute("SELECT data FROM stories WHERE id = ?", (id,)).fetchone()
        return from_dict(Story, json.loads(row[0])) if row else None

    @_locked
    def stories_of(self, article_id: str) -> list[str]:
        """Ids of the stories an article belongs to."""
        rows = self.db.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                               (article_id,))
        return [r[0] for r in rows]

    # -- the story index (incremental grouping) ---------------------------------------------

    def _clear_index(self) -> None:
        self.db.execute("DELETE FROM story_index")
        self.db.execute("DELETE FROM copy_bands")
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('index', ?)",
                        (uuid.uuid4().hex,))

    @_locked
    def reset_index(self) -> None:
        """Empty the story index: the next grouping starts over from every stored article and
        replaces the stories (nothing else is lost: the index is derived from the articles)."""
        with self.db:
            self._clear_index()

    def _token(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'index'").fetchone()
        return row[0] if row else None

    @_locked
    def index_token(self) -> str | None:
        """Changes whenever the story index does (to know if one kept in memory is current)."""
        return self._token()

    @_locked
    def index_entries(self) -> tuple[str | None, list[dict]]:
        """The index token and every index entry in the order added (`StoryIndex.restore`'s
        input, plus each article's `copy_group`), read in one snapshot."""
        self.db.execute("BEGIN")
        try:
            token = self._token()
            rows = self.db.execute(
                "SELECT article_id, story, published, lang, copy_group, vector, keys, words, "
                "weights, months, link_rows, link_values FROM story_index ORDER BY seq")
            return token, [_entry(r) for r in rows]
        finally:
            self.db.commit()

    @_locked
    def unindexed_ids(self) -> list[str]:
        """Ids of the stored articles that no story index entry holds yet."""
        rows = self.db.execute("SELECT id FROM articles WHERE id NOT IN "
                               "(SELECT article_id FROM story_index) ORDER BY id")
        return [r[0] for r in rows]

    @_locked
    def story_threads(self) -> dict[str, str | None]:
        """The thread id of every stored story, by story id."""
        return dict(self.db.execute("SELECT id, thread FROM stories").fetchall())

    @_locked
    def copy_candidates(self, bands: list[tuple[int, bytes]]) -> set[str]:
        """Ids of the indexed articles that share one of `bands` (band number, key)."""
        found: set[str] = set()
        for band, key in bands:
            rows = self.db.execute("SELECT article_id FROM copy_bands WHERE band = ? AND key = ?",
                                   (band, key))
            found.update(r[0] for r in rows)
        return found

    @_locked
    def published_dates(self, ids: Iterable[str]) -> dict[str, str | None]:
        """The publication date of each stored article of `ids`."""
        rows = self.db.execute("SELECT id, published FROM articles WHERE id IN "
                               "(SELECT value FROM json_each(?))", (json.dumps(list(ids)),))
        return dict(rows.fetchall())

    @_locked
    def refreshed_ids(self) -> dict[str, str]:
        """The articles stored again with a new analysis since a grouping last made their
        stories, each with the stamp of that storing (`save_grouping` takes them back)."""
        return dict(self.db.execute("SELECT article_id, stamp FROM refreshed").fetchall())

    @_locked
    def save_grouping(self, token: str | None, entries: list[dict], bands: list[tuple[int, bytes, str]],
                      regrouped: dict[str, str], stories: list[tuple[Story, str]], gone: list[str],
                      threads: dict[str, str], fresh: bool, refreshed: dict[str, str]) -> str:
        """Write one incremental grouping in one transaction and return the new index token.

        `entries`: the new index entries (as `index_entries` gives them), in the order added;
        `bands`: their copy bands (band, key, article id); `regrouped`: the new copy group of
        already indexed articles; `stories`: the stories (re)made, each with its first
        publication date; `gone`: ids of the stories no grouping holds any more; `threads`: by
        story id, the new thread id of stories otherwise kept; `fresh`: the index was empty, so
        every story saved before is replaced; `refreshed`: the `refreshed_ids` this grouping
        took into account (an article stored again since, with another stamp, still waits).
        Raises `StoreChanged` if the index changed since `token` was read.
        """
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if self._token() != token:
                raise StoreChanged(f"{self.path}: regrouped by another process meanwhile")
            start = self.db.execute("SELECT count(*) FROM story_index").fetchone()[0]
            if fresh and start:
                raise StoreChanged(f"{self.path}: regrouped by another process meanwhile")
            if fresh:
                self.db.execute("DELETE FROM stories")
            self.db.executemany(
                "INSERT INTO story_index (seq, article_id, story, published, lang, copy_group, "
                "vector, keys, words, weights, months, link_rows, link_values) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(start + i, e["key"], e["story"], e["date"], e["lang"], e["copy_group"],
                  np.asarray(e["vector"], dtype=np.float32).tobytes(),
                  json.dumps(e["entities"], ensure_ascii=False),
                  json.dumps(e["words"], ensure_ascii=False),
                  np.array([e["weights"][w] for w in e["words"]], dtype=np.float64).tobytes(),
                  None if e["months"] is None else np.asarray(e["months"], dtype=np.float32).tobytes(),
                  np.asarray(e["rows"], dtype=np.int32).tobytes(),
                  np.asarray(e["values"], dtype=np.float32).tobytes())
                 for i, e in enumerate(entries)])
            self.db.executemany("INSERT INTO copy_bands (band, key, article_id) VALUES (?, ?, ?)", bands)
            self.db.executemany("UPDATE story_index SET copy_group = ? WHERE article_id = ?",
                                [(g, aid) for aid, g in regrouped.items()])
            self.db.executemany("DELETE FROM stories WHERE id = ?",
                                [(i,) for i in gone] + [(s.id,) for s, _ in stories])
            for story, first in stories:
                self._insert_story(story, 0, first)
            self.db.executemany("UPDATE stories SET thread = ?, data = json_set(data, '$.thread', ?) "
                                "WHERE id = ?", [(t, t, i) for i, t in threads.items()])
            self.db.executemany("DELETE FROM refreshed WHERE article_id = ? AND stamp = ?",
                                list(refreshed.items()))
            token = uuid.uuid4().hex
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('index', ?)", (token,))
            self.db.commit()
            return token
        except sqlite3.IntegrityError as exc:  # an article indexed by another process meanwhile
            self.db.rollback()
            raise StoreChanged(f"{self.path}: regrouped by another process meanwhile ({exc})") from None
        except BaseException:
            self.db.rollback()
            raise
