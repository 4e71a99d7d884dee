"""Reading articles: one reader per input kind (plain text, HTML, URLs, RSS/Atom feeds, JSON
Lines, standard input), chosen by a registry; each article is cleaned, dated, given a
language and a stable id.

    from recoupe.ingest import read_inputs
    articles = read_inputs(["article.txt", "https://example.org/feed.xml"])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from recoupe.errors import InputError
from recoupe.ingest.article import article_id, build_article
from recoupe.ingest.base import Blob, Context, Document, NotArticles
from recoupe.ingest.registry import READERS, choose, register
from recoupe.ingest.sources import expand
from recoupe.model import Article
from recoupe.progress import track

__all__ = ["Blob", "Document", "InputError", "READERS", "article_id", "read_inputs", "register"]


def _problem(exc: Exception, origin: str) -> str:
    """One line for a skipped input; a library choking on odd input must not end the run."""
    if isinstance(exc, InputError):
        return str(exc)
    return f"{origin}: could not be read ({type(exc).__name__}: {exc})"


def read_inputs(inputs: Iterable[str | Path], *, allow_private: bool = False,
                warn: Callable[[str], None] | None = None,
                progress: bool = False) -> list[Article]:
    """Read and clean every input: files, folders, URLs, feeds, JSON Lines, '-' for stdin.

    An input that cannot be read is skipped with a warning; when no article at all could be
    read, InputError is raised. The same article met twice is kept once.
    """
    ctx = Context(allow_private=allow_private, warn=warn or (lambda msg: None))
    problems: list[str] = []

    def missing(msg: str) -> None:
        problems.append(msg)
        ctx.warn(msg)

    sources = expand(inputs, missing)
    articles: list[Article] = []
    seen: set[str] = set()
    for source in track(sources, "Reading", enabled=progress):
        try:
            blob = source.load(ctx)
            docs = choose(blob).read(blob, ctx)
        except NotArticles as exc:
            if not source.in_folder:
                problems.append(str(exc))
                ctx.warn(f"{exc}; skipped")
            continue
        except Exception as exc:
            problems.append(_problem(exc, source.origin))
            ctx.warn(f"{problems[-1]}; skipped")
            continue
        for doc in docs:
            try:
                art = build_article(doc, ctx)
            except Exception as exc:
                problems.append(_problem(exc, doc.origin))
                ctx.warn(f"{problems[-1]}; skipped")
                continue
            if art.id in seen:
                ctx.warn(f"{art.origin}: the same article as one already read; kept once")
                continue
            seen.add(art.id)
            articles.append(art)
    if not articles:
        why = f" ({problems[0]})" if len(problems) == 1 else ""
        raise InputError(f"no article could be read from the inputs{why}")
    return articles
