"""The whole job, stage after stage: ingest -> clean -> analyze -> store -> stories -> render.

`brief()` is what `recoupe brief` and the Python API run. Each stage lives in its own package;
this module only wires them in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path

from recoupe import __version__
from recoupe.model import Article, Dossier


def read(inputs: Iterable[str | Path], *, allow_private: bool = False,
         warn: Callable[[str], None] | None = None, progress: bool = False) -> list[Article]:
    """Read and clean every input (files, folders, URLs, feeds, JSON Lines, '-' for stdin)."""
    from recoupe.ingest import read_inputs

    return read_inputs(inputs, allow_private=allow_private, warn=warn, progress=progress)


def analyze(articles: list[Article], *, n_process: int = 1, progress: bool = False) -> list[Article]:
    """The map: per-article entities, quotes, dates and claims."""
    from recoupe.analyze import analyze_articles

    return analyze_articles(articles, n_process=n_process, progress=progress)


def group(articles: list[Article], *, progress: bool = False):
    """The reduce: stories with their entities, facts, quotes, divergences, timeline, summary."""
    from recoupe.stories import build_stories

    return build_stories(articles, progress=progress)


def group_stored(db, *, kept=None, progress: bool = False,
                 warn: Callable[[str], None] | None = None) -> list[str]:
    """The reduce over a store, incrementally: the stored articles that no story holds yet join
    or open stories, and only the stories that changed (new articles, articles stored again
    with a new analysis) are made again and saved (see `recoupe.store.grouping` for the order
    articles are added in). `kept`: a `recoupe.store.grouping.KeptIndex` that spares
    rebuilding the index from the store. Returns the ids of the stories made."""
    from recoupe.store.grouping import update_stories

    return update_stories(db, kept=kept, progress=progress, warn=warn)


def brief(inputs: Iterable[str | Path], *, allow_private: bool = False, n_process: int = 1,
          store: str | Path | None = None, progress: bool = False,
          warn: Callable[[str], None] | None = None) -> Dossier:
    """Run the whole job on `inputs` and return the dossier (nothing is written but the store)."""
    articles = read(inputs, allow_private=allow_private, warn=warn, progress=progress)
    articles = analyze(articles, n_process=n_process, progress=progress)
    if store is not None:
        from recoupe.store import Store

        with Store(store) as db:  # the store's stories follow, as after `recoupe ingest`
            db.add_articles(articles)
            group_stored(db, progress=progress, warn=warn)
    stories = group(articles, progress=progress)
    return Dossier(articles=articles, stories=stories,
                   generated=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   generator=f"recoupe {__version__}")
