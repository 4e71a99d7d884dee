"""Per-article analysis (the map): never looks at another article."""

from __future__ import annotations

from recoupe.model import Article


def analyze_articles(articles: list[Article], *, n_process: int = 1, progress: bool = False) -> list[Article]:
    return articles
