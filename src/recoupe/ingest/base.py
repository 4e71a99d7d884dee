"""What readers exchange: a `Blob` (bytes and where they came from) becomes `Document`s
(raw text and metadata, before cleaning), which `recoupe.ingest.article` turns into Articles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from recoupe.errors import InputError

__all__ = ["Blob", "Context", "Document", "InputError", "NotArticles", "Reader"]


class NotArticles(InputError):
    """A readable file that holds no article (a JSON document of settings or annotations):
    skipped quietly when met in a folder, an error when named."""


@dataclass
class Blob:
    """The bytes of one input: a file, a download, standard input."""

    origin: str  # the file path or URL, as the dossier will show it
    data: bytes
    name: str  # file name or URL path: its extension helps choose a reader
    media_type: str | None = None  # from the HTTP Content-Type, when downloaded
    url: str | None = None  # the final URL, after redirects


@dataclass
class Document:
    """One article as a reader found it: raw text plus whatever metadata came with it."""

    origin: str
    text: str  # raw text; `drop` and the cleaning remove what is not the article's body
    source: str | None = None  # outlet
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # from metadata (any common date format)
    header_date: str | None = None  # from a "date 2023-09" header line
    url: str | None = None
    lang: str | None = None
    id: str | None = None
    drop: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, reason) in text
    warnings: list[str] = field(default_factory=list)


@dataclass
class Context:
    """What every reader may need: the fetch rules and where warnings go."""

    allow_private: bool = False
    warn: Callable[[str], None] = lambda msg: None

    def fetch(self, url: str) -> Blob:
        from recoupe.ingest.fetch import fetch

        return fetch(url, allow_private=self.allow_private)


class Reader(Protocol):
    """One input kind. The registry asks `extensions`, `media_types`, then `sniff`."""

    name: str
    extensions: tuple[str, ...]
    media_types: tuple[str, ...]

    def sniff(self, head: str) -> bool:
        """Whether the first characters of an input look like this kind."""

    def read(self, blob: Blob, ctx: Context) -> list[Document]:
        """The documents in `blob`; raise InputError when there is none to be had."""
