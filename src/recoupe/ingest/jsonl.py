"""JSON Lines: one article per line, a JSON object with these fields.

- `text` (required): the article's body, as plain text.
- `title`: its headline.
- `source`: the outlet ("Le Monde"); else the file stem.
- `url`: where it was published.
- `published`: its date, ISO 8601 (`2023-09-14`, `2023-09-14T08:30:00Z`, or partial `2023-09`).
- `lang`: its language code (`fr`, `en`); else detected.
- `authors`: a list of names (or one string).
- `id`: a stable identifier of your own; else a hash of the cleaned text.

Blank lines are skipped; a line that is not such an object is skipped with a warning.
A `.json` file may also hold one such object, or a list of them.
"""

from __future__ import annotations

import json
from pathlib import PurePath

from recoupe.errors import InputError
from recoupe.ingest.base import Blob, Context, Document, NotArticles
from recoupe.ingest.decode import decode


def looks_like_jsonl(head: str) -> bool:
    """Whether the first non-blank line is a JSON object with a `text` field."""
    for line in head.lstrip("\ufeff").splitlines():
        if line.strip():
            try:
                obj = json.loads(line)
            except ValueError:
                return False
            return isinstance(obj, dict) and "text" in obj
    return False


def _str(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


class JsonLinesReader:
    name = "jsonl"
    extensions = (".jsonl", ".ndjson", ".json")
    media_types = ("application/jsonl", "application/x-ndjson", "application/jsonlines")

    def sniff(self, head: str) -> bool:
        return looks_like_jsonl(head)

    def read(self, blob: Blob, ctx: Context) -> list[Document]:
        text = decode(blob.data, blob.origin).lstrip("\ufeff")
        stem = PurePath(blob.name).stem or None
        try:  # a whole JSON document: one article or a list of them
            whole = json.loads(text)
        except ValueError:
            rows = [(f"{blob.origin}:{n}", line) for n, line in enumerate(text.splitlines(), 1)
                    if line.strip()]
            objects = []
            for where, line in rows:
                try:
                    objects.append((where, json.loads(line)))
                except ValueError as exc:
                    ctx.warn(f"{where}: not JSON ({exc.msg}); skipped")
        else:
            if isinstance(whole, dict) and "text" not in whole or not isinstance(whole, (dict, list)):
                raise NotArticles(f"{blob.origin}: a JSON document without articles")
            items = whole if isinstance(whole, list) else [whole]
            objects = [(f"{blob.origin}:{n}" if len(items) > 1 else blob.origin, obj)
                       for n, obj in enumerate(items, 1)]
        docs = []
        for where, obj in objects:
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                ctx.warn(f"{where}: no 'text' field; skipped")
                continue
            docs.append(_document(obj, where, stem))
        if not docs:
            raise InputError(f"{blob.origin}: no JSON line with a 'text' field")
        return docs


def _document(obj: dict, where: str, stem: str | None) -> Document:
    authors = obj.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    ident = obj.get("id")
    return Document(
        origin=where, text=obj["text"], source=_str(obj.get("source")) or stem,
        title=_str(obj.get("title")), url=_str(obj.get("url")),
        published=_str(obj.get("published")), lang=_str(obj.get("lang")),
        authors=[a for a in authors if isinstance(a, str) and a.strip()],
        id=str(ident) if isinstance(ident, int) else _str(ident))
