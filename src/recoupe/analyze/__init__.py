"""Per-article analysis (the map): never looks at another article.

`analyze_articles(articles)` parses every article once with spaCy (batched, by language) and
fills, in this order: sentences, mentions and entities, temporal expressions, quotes, claims
(claims read the entities and times). A stage that fails on one article leaves a warning on
that article and the other stages still run.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from recoupe.analyze.claims import find_claims
from recoupe.analyze.dates import find_times
from recoupe.analyze.entities import find_entities
from recoupe.analyze.nlp import get_nlp, parse
from recoupe.analyze.quotes import find_quotes
from recoupe.model import Article, Span, strip_bounds
from recoupe.progress import track

__all__ = ["analyze_articles", "analyze_doc", "get_nlp", "parse", "sentences"]


def sentences(article: Article, doc: Doc) -> list[Span]:
    """The doc's sentences as spans of the article, without their surrounding spaces."""
    text, out = article.text, []
    for sent in doc.sents:
        s, e = strip_bounds(text, sent.start_char, sent.end_char)
        if e > s:
            out.append(Span(s, e, text[s:e]))
    return out


def _entities(article: Article, doc: Doc) -> None:
    article.mentions, article.entities = find_entities(article, doc)


def _times(article: Article, doc: Doc) -> None:
    article.times = find_times(article.text, article.published, article.lang or doc.lang_)


def _quotes(article: Article, doc: Doc) -> None:
    article.quotes = find_quotes(article, doc)


def _sentences(article: Article, doc: Doc) -> None:
    article.sentences = sentences(article, doc)


def _claims(article: Article, doc: Doc) -> None:
    article.claims = find_claims(article, doc)


# in order: claims need entities and times; quotes resolve speakers through entities
STAGES: list[tuple[str, Callable[[Article, Doc], None]]] = [
    ("sentences", _sentences), ("entities", _entities), ("dates", _times),
    ("quotes", _quotes), ("claims", _claims),
]


def analyze_doc(article: Article, doc: Doc) -> Article:
    """Run every stage on one parsed article; a failing stage becomes a warning."""
    for name, stage in STAGES:
        try:
            stage(article, doc)
        except Exception as exc:  # one odd article must not stop a corpus
            article.warnings.append(f"{name} analysis failed: {type(exc).__name__}: {exc}")
    return article


def analyze_articles(articles: list[Article], *, n_process: int = 1, progress: bool = False) -> list[Article]:
    """Analyse every article in place and return them in their original order."""
    articles = list(articles)
    done: set[int] = set()
    pairs = parse(articles, n_process=n_process)
    try:
        for article, doc in track(pairs, "analysing articles", enabled=progress, total=len(articles)):
            analyze_doc(article, doc)
            done.add(id(article))
    except Exception:  # the batch broke: parse the rest one by one, so one article fails alone
        for article in articles:
            if id(article) in done:
                continue
            try:
                [(_, doc)] = list(parse([article]))
            except Exception as exc:
                article.warnings.append(f"parsing failed: {type(exc).__name__}: {exc}")
                continue
            analyze_doc(article, doc)
    return articles
