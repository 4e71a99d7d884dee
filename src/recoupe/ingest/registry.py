"""The readers, and how one is chosen for an input: by file extension, else by the media type
the server gave, else by sniffing the first characters. Plain text is the reader of last resort."""

from __future__ import annotations

from pathlib import PurePath

from recoupe.ingest.base import Blob, Reader
from recoupe.ingest.feed import FeedReader
from recoupe.ingest.html import HtmlReader
from recoupe.ingest.jsonl import JsonLinesReader
from recoupe.ingest.text import TextReader

# Sniffing order: the most telling signatures first, plain text last.
READERS: list[Reader] = [FeedReader(), HtmlReader(), JsonLinesReader(), TextReader()]


def register(reader: Reader) -> Reader:
    """Add a reader for a new input kind; it is tried before plain text."""
    READERS.insert(len(READERS) - 1, reader)
    return reader


def choose(blob: Blob) -> Reader:
    ext = PurePath(blob.name).suffix.lower()
    if ext:
        for reader in READERS:
            if ext in reader.extensions:
                return reader
    if blob.media_type:
        for reader in READERS:
            if blob.media_type in reader.media_types:
                return reader
    head = blob.data[:4096].decode("utf-8", errors="replace")
    return next(r for r in READERS if r.sniff(head))
