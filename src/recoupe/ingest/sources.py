"""Where inputs come from: files, folders (walked recursively, hidden files skipped), URLs and
standard input ('-'). Each becomes a `Blob` only when it is read, so a big folder is not held
in memory."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from recoupe import settings
from recoupe.errors import InputError
from recoupe.ingest.base import Blob, Context
from recoupe.ingest.decode import read_file
from recoupe.ingest.fetch import is_url


@dataclass
class Source:
    """One input to read: a file, a URL or standard input."""

    origin: str
    kind: str  # file, url, stdin
    in_folder: bool = False  # found by walking a folder, not named by the user

    def load(self, ctx: Context) -> Blob:
        if self.kind == "url":
            return ctx.fetch(self.origin)
        if self.kind == "stdin":
            data = sys.stdin.buffer.read(settings.MAX_INPUT_BYTES + 1)
            if len(data) > settings.MAX_INPUT_BYTES:
                raise InputError("standard input: too big")
            return Blob(origin="-", data=data, name="stdin")
        path = Path(self.origin)
        return Blob(origin=self.origin, data=read_file(path), name=path.name)


# Files that sit beside articles in a folder and are never articles themselves
_NOT_ARTICLES = re.compile(r"(?i)^(?:readme|license|licence|copying|changelog|notice|authors)\b")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not _NOT_ARTICLES.match(name):
                yield Path(root, name)


def expand(inputs: Iterable[str | Path], warn: Callable[[str], None]) -> list[Source]:
    """The sources behind the inputs; a missing path or an empty folder is warned about."""
    sources: list[Source] = []
    for item in inputs:
        value = str(item)
        if value == "-":
            sources.append(Source("-", "stdin"))
        elif is_url(value):
            sources.append(Source(value, "url"))
        elif Path(value).is_dir():
            found = [Source(str(p), "file", in_folder=True) for p in _walk(Path(value))]
            if not found:
                warn(f"{value}: a folder with no file to read")
            sources.extend(found)
        elif Path(value).is_file():
            sources.append(Source(value, "file"))
        else:
            warn(f"{value}: no such file, folder or URL")
    return sources
