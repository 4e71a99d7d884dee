"""Bytes to text: refuse what is too big, empty or binary; guess the encoding of the rest."""

from __future__ import annotations

import codecs
from pathlib import Path

from recoupe import settings
from recoupe.errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = {c for c in range(32) if chr(c) not in "\n\r\t\f"} | {0x7f}


def read_file(path: Path) -> bytes:
    """The bytes of `path`, refused by its size before reading when too big."""
    try:
        size = path.stat().st_size
        if size > settings.MAX_INPUT_BYTES:
            raise InputError(f"{path}: too big ({size // 1_000_000} MB; the limit is "
                             f"{settings.MAX_INPUT_BYTES // 1_000_000} MB)")
        with path.open("rb") as f:
            data = f.read(settings.MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > settings.MAX_INPUT_BYTES:  # grew while we looked
        raise InputError(f"{path}: too big")
    return data


def _plausible(text: str) -> bool:
    """Few control characters: text, not a binary file decoded by force."""
    if not text:
        return False
    bad = sum(1 for ch in text[:100_000] if ord(ch) in _CONTROL or 0x80 <= ord(ch) < 0xA0)
    return bad <= 0.01 * min(len(text), 100_000)


def decode(data: bytes, origin: str) -> str:
    """Text from bytes: UTF-8 (or a BOM's encoding), else cp1252, else latin-1.

    Raises InputError for empty or binary input.
    """
    if not data.strip():
        raise InputError(f"{origin}: empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{origin}: not valid {encoding} text") from None
    if b"\x00" in data[:100_000]:
        raise InputError(f"{origin}: binary data, not text")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    raise InputError(f"{origin}: binary data, not text")
