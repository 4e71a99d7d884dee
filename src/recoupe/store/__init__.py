"""The embedded store: one SQLite file (WAL, foreign keys, FTS5 full-text search).

Articles and stories are kept whole as JSON (`recoupe.model.to_dict` / `from_dict`) beside the
columns that are queried. Each call that writes commits once, so an interrupted ingest keeps
every batch committed before the interruption.

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
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from recoupe.errors import RecoupeError
from recoupe.model import Article, Story, from_dict, to_dict

__all__ = ["SCHEMA_VERSION", "Store"]

SCHEMA_VERSION = 1

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
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, article_id)
);
CREATE INDEX IF NOT EXISTS story_articles_article ON story_articles(article_id);
"""

_WORD = re.compile(r"\w+", re.UNICODE)


def _locked(method):
    """One call at a time on the shared connection (the web app serves from several threads)."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)
    return wrapper


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A SQLite store of articles and stories. `path=":memory:"` keeps it in memory."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._lock = threading.RLock()
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise RecoupeError(f"{self.path}: not a usable recoupe store ({exc})") from None
        except OSError as exc:
            raise RecoupeError(f"{self.path}: cannot open the store ({exc})") from None

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RecoupeError(f"{self.path}: made by a newer recoupe (schema {version})")
        with self.db:
            self.db.executescript(_SCHEMA)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- context manager ---------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @_locked
    def close(self) -> None:
        self.db.close()

    # -- articles ----------------------------------------------------------------------------

    @_locked
    def add_articles(self, articles: Iterable[Article]) -> int:
        """Store `articles` in one transaction; return how many were new.

        An article already stored (same id) is updated with the new analysis.
        """
        new = 0
        with self.db:
            for art in articles:
                data = json.dumps(to_dict(art), ensure_ascii=False)
                row = (art.origin, art.source, art.title, art.lang, art.published, art.url, data)
                cur = self.db.execute(
                    "UPDATE articles SET origin=?, source=?, title=?, lang=?, published=?, url=?, "
                    "data=? WHERE id=?", (*row, art.id))
                if cur.rowcount == 0:
                    self.db.execute(
                        "INSERT INTO articles (origin, source, title, lang, published, url, data, "
                        "id, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (*row, art.id, _now()))
                    new += 1
                else:
                    self.db.execute("DELETE FROM articles_fts WHERE id = ?", (art.id,))
                self.db.execute("INSERT INTO articles_fts (id, title, text) VALUES (?, ?, ?)",
                                (art.id, art.title or "", art.text))
        return new

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

    @_locked
    def save_stories(self, stories: Iterable[Story]) -> None:
        """Replace the stored stories with `stories` (a grouping is recomputed as a whole)."""
        with self.db:
            self.db.execute("DELETE FROM stories")
            for pos, story in enumerate(stories):
                self.db.execute("INSERT INTO stories (id, title, position, data) VALUES (?, ?, ?, ?)",
                                (story.id, story.title, pos,
                                 json.dumps(to_dict(story), ensure_ascii=False)))
                # link only the articles that are stored; the story's JSON keeps all its ids
                self.db.executemany(
                    "INSERT OR IGNORE INTO story_articles (story_id, article_id) "
                    "SELECT ?, id FROM articles WHERE id = ?",
                    [(story.id, aid) for aid in story.article_ids])

    @_locked
    def stories(self) -> list[Story]:
        rows = self.db.execute("SELECT data FROM stories ORDER BY position")
        return [from_dict(Story, json.loads(r[0])) for r in rows]

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
