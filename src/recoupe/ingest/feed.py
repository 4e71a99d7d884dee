"""RSS and Atom feeds, through feedparser. Each entry's link is followed to read the whole page
(under the same fetch rules as any URL); when the page cannot be read, the entry's own content
or summary stands in, with a warning."""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone

from recoupe.errors import InputError
from recoupe.ingest.base import Blob, Context, Document
from recoupe.ingest.decode import decode
from recoupe.ingest.fetch import is_url
from recoupe.ingest.html import extract_html

_FEED = re.compile(r"<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]", re.IGNORECASE)
_BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def html_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed summary), paragraphs on their own lines."""
    text = _BLOCK_END.sub("\n", fragment)
    return html.unescape(_TAG.sub("", text))


def _iso(struct) -> str | None:
    if not struct:
        return None
    return datetime(*struct[:6], tzinfo=timezone.utc).date().isoformat()


class FeedReader:
    name = "feed"
    extensions = (".rss", ".atom", ".xml")
    media_types = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
                   "application/xml", "text/xml")

    def sniff(self, head: str) -> bool:
        return bool(_FEED.search(head[:3000]))

    def read(self, blob: Blob, ctx: Context) -> list[Document]:
        import feedparser

        parsed = feedparser.parse(blob.data)
        if not parsed.entries:
            why = "not a valid RSS/Atom feed" if parsed.get("bozo") else "a feed without entries"
            raise InputError(f"{blob.origin}: {why}")
        outlet = parsed.feed.get("title") or None
        docs = []
        for entry in parsed.entries:
            doc = self._entry(entry, blob, ctx)
            if doc is None:
                continue
            doc.source = doc.source or outlet
            doc.title = doc.title or entry.get("title") or None
            doc.published = doc.published or _iso(entry.get("published_parsed")
                                                  or entry.get("updated_parsed"))
            doc.authors = doc.authors or [a["name"] for a in entry.get("authors", [])
                                          if a.get("name")]
            docs.append(doc)
        if not docs:
            raise InputError(f"{blob.origin}: no entry of this feed could be read")
        return docs

    def _entry(self, entry, blob: Blob, ctx: Context) -> Document | None:
        link = entry.get("link")
        if link and is_url(link):
            try:
                page = ctx.fetch(link)
                return extract_html(decode(page.data, link), link, url=page.url)
            except Exception as exc:  # any failure on the page: the feed's own text stands in
                problem = (str(exc) if isinstance(exc, InputError)
                           else f"{link}: {type(exc).__name__}: {exc}")
        else:
            problem = f"{blob.origin}: entry {entry.get('title', '?')!r} has no link"
        body = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = html_to_text(body)
        if not text.strip():
            ctx.warn(f"{problem}; the entry has no text of its own either; skipped")
            return None
        ctx.warn(f"{problem}; using the feed's own text for this entry")
        return Document(origin=link or blob.origin, text=text, url=link)
