"""Fixtures for the per-article analysis: models are loaded once per test session."""

from __future__ import annotations

import pytest

from recoupe.model import Article


@pytest.fixture(scope="session")
def nlp_fr():
    from recoupe.analyze.nlp import get_nlp

    return get_nlp("fr")


@pytest.fixture
def make_article():
    """An article from a text, ready for analysis."""

    def make(text: str, *, lang: str | None = "fr", published: str | None = "2023-09-14",
             id: str = "t1") -> Article:
        return Article(id=id, origin=f"{id}.txt", source="test", text=text, lang=lang,
                       published=published)

    return make
