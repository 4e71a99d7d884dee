"""Cross-article stages (the reduce): everything that needs several articles."""

from __future__ import annotations

from recoupe.model import Article, Story


def build_stories(articles: list[Article], *, progress: bool = False) -> list[Story]:
    return []
