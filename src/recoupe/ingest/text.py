"""Plain text articles.

A file may open with a header: `date 2023-09`, `date 2023-09-13` (or `date 13/09/2023`) on the
first line, or as a prefix glued to the first sentence (` date 2023-09 Vladimir Poutine et
...`). A short first line without final punctuation, followed by a line break, is the title. The outlet is the file
stem (a text file carries no metadata).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from recoupe.clean import DATE_LINE_WORDS
from recoupe.ingest.base import Blob, Context, Document
from recoupe.ingest.decode import decode
from recoupe.ingest.published import normalise

_HEADER = re.compile(
    r"\A[\ufeff\s]*date[ \t]*:?[ \t]+(?P<date>\d{4}(?:-\d{2}){1,2}|\d{1,2}/\d{1,2}/\d{4})(?![\d/-])"
    r"[ \t]*(?:\r?\n)?", re.IGNORECASE)
_TITLE = re.compile(r"[\ufeff\s]*(?P<title>[^\n]{3,150}?)[ \t\xa0]*\r?\n\s*(?=\S)")
_TITLE_ENDS_BADLY = re.compile(r"[.!?…,;:»\"”)]\s*$")
# a first line that is a byline or a date line, not a title
_NOT_TITLE = re.compile(rf"(?:par|by|{DATE_LINE_WORDS})\b", re.IGNORECASE)


def split_header(text: str) -> tuple[str | None, str | None, list[tuple[int, int, str]]]:
    """(header date, title, stretches of `text` to drop) for a plain text article."""
    drop: list[tuple[int, int, str]] = []
    date = None
    pos = 0
    m = _HEADER.match(text)
    if m:
        date = normalise(m.group("date"))
        drop.append((0, m.end(), "header"))
        pos = m.end()
    title = None
    t = _TITLE.match(text, pos)
    if t:
        line = t.group("title").strip()
        if (len(line.split()) >= 2 and not _TITLE_ENDS_BADLY.search(line)
                and not _NOT_TITLE.match(line)
                and len(text) - t.end() > 2 * len(line)):
            title = line
            drop.append((pos, t.end(), "title"))
    return date, title, drop


class TextReader:
    name = "text"
    extensions = (".txt", ".text", ".md")
    media_types = ("text/plain", "text/markdown")

    def sniff(self, head: str) -> bool:
        return True  # the reader of last resort

    def read(self, blob: Blob, ctx: Context) -> list[Document]:
        text = decode(blob.data, blob.origin)
        return [document_from_text(text, blob.origin, source=PurePath(blob.name).stem or None,
                                   url=blob.url)]


def document_from_text(text: str, origin: str, *, source: str | None = None,
                       url: str | None = None) -> Document:
    date, title, drop = split_header(text)
    return Document(origin=origin, text=text, source=source, title=title, header_date=date,
                    url=url, drop=drop)
