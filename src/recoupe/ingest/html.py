"""HTML pages, through trafilatura: main text, title, authors, date and site name."""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from recoupe import settings
from recoupe.errors import InputError
from recoupe.ingest.base import Blob, Context, Document
from recoupe.ingest.decode import decode

_HTML = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>]",
                   re.IGNORECASE)
_NOT_CONTENT = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->",
                          re.IGNORECASE | re.DOTALL)


def _authors(value: str | None) -> list[str]:
    """trafilatura joins several authors with "; "."""
    return [a.strip() for a in re.split(r";|\band\b|\bet\b", value or "") if a.strip()]


def extract_html(html: str, origin: str, *, url: str | None = None) -> Document:
    """The article inside an HTML page; InputError when there is no main text."""
    import trafilatura

    if len(html) > settings.MAX_HTML_CHARS // 4:  # scripts and styles first: they hold no text
        html = _NOT_CONTENT.sub("", html)
    if len(html) > settings.MAX_HTML_CHARS:
        raise InputError(f"{origin}: too big for a web page ({len(html):,} characters of HTML; "
                         f"the limit is {settings.MAX_HTML_CHARS:,})")
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = doc.text if doc is not None else None
    if not text or not text.strip():
        raise InputError(f"{origin}: no article text in this HTML page")
    source = doc.sitename or (urlsplit(url).hostname if url else None)
    return Document(origin=origin, text=text, source=source, title=doc.title,
                    authors=_authors(doc.author), published=doc.date, url=doc.url or url)


class HtmlReader:
    name = "html"
    extensions = (".html", ".htm", ".xhtml")
    media_types = ("text/html", "application/xhtml+xml")

    def sniff(self, head: str) -> bool:
        return bool(_HTML.search(head[:2000]))

    def read(self, blob: Blob, ctx: Context) -> list[Document]:
        html = decode(blob.data, blob.origin)
        doc = extract_html(html, blob.origin, url=blob.url)
        if blob.url is None and doc.source is None:
            doc.source = PurePath(blob.name).stem or None
        return [doc]
