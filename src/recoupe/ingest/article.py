"""From a reader's `Document` to an `Article`: cleaned text, date, language and a stable id."""

from __future__ import annotations

import hashlib
import re

from recoupe import settings
from recoupe.clean import clean, typography
from recoupe.errors import InputError
from recoupe.ingest.base import Context, Document
from recoupe.ingest.lang import detect_language
from recoupe.ingest.published import in_future, publication_date
from recoupe.model import Article


def article_id(text: str) -> str:
    """A content hash of the cleaned text: the same article read twice gets the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


_BYLINE_LEAD = re.compile(
    r"^\s*(?:propos recueillis par|article rédigé par|rédigé par|written by|par|by)\s*:?\s*",
    re.IGNORECASE)
_PERSON = re.compile(r"^(?:[A-ZÀ-Ý][\w'.-]+\s+){1,3}[A-ZÀ-Ý][\w'.-]+$")


def byline_authors(byline: str) -> list[str]:
    """The people named in a byline: "Par Jeanne Martin et Paul Roux, à Lyon" -> both names."""
    parts = re.split(r",|\s+(?:et|and|avec|with|&)\s+", _BYLINE_LEAD.sub("", byline))
    return [p.strip() for p in parts if _PERSON.match(p.strip())]


def build_article(doc: Document, ctx: Context) -> Article:
    """The article of `doc`; InputError when it is too long or too little text is left."""
    if len(doc.text) > settings.MAX_ARTICLE_CHARS:
        raise InputError(f"{doc.origin}: {len(doc.text):,} characters, longer than any news "
                         f"article (the limit is {settings.MAX_ARTICLE_CHARS:,})")
    text, removed = clean(doc.text, drop=doc.drop)
    if len(text) < settings.MIN_TEXT_CHARS:
        raise InputError(f"{doc.origin}: no article text (fewer than {settings.MIN_TEXT_CHARS} "
                         f"characters once cleaned)")
    date_lines = [typography(r.text) for r in removed if r.reason == "published-line"]
    published, published_from = publication_date(doc.published, doc.header_date, text, date_lines)
    warnings = list(doc.warnings)
    if published and in_future(published):
        warnings.append(f"{doc.origin}: its date {published} is in the future; kept as given")
        ctx.warn(warnings[-1])
    title = typography(doc.title) if doc.title else None
    authors = doc.authors or [name for r in removed if r.reason == "byline"
                              for name in byline_authors(typography(r.text))]
    return Article(
        id=doc.id or article_id(text), origin=doc.origin, source=doc.source or doc.origin,
        text=text, title=title, lang=doc.lang or detect_language(text), published=published,
        published_from=published_from, authors=[typography(a) for a in authors],
        url=doc.url, removed=removed, warnings=warnings)
