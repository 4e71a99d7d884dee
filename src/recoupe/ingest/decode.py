"""Bytes to text: refuse what is too big, empty or binary; guess the encoding of the rest."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from recoupe import settings
from recoupe.errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


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


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _plausible(text: str) -> bool:
    """Few control characters: text, not a binary file decoded by force."""
    if not text:
        return False
    sample = text[:100_000]
    return len(_CONTROLS.findall(sample)) <= 0.01 * len(sample)


_C1 = re.compile("[\x80-\x9f]")
# UTF-8 read as cp1252 ("Ã©" for "é", "â€™" for "’"): a lead byte, then continuation bytes
_CONT = "\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014" \
        "\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(f"[\xc2-\xdf][{_CONT}]|\xe2[{_CONT}]{{2}}")
_MOJIBAKE_HINT = re.compile("Ã[\xa0-\xbf]|Â[\xa0-\xbf]|â€")


def _cp1252(m: re.Match) -> str:
    try:
        return m.group().encode("latin-1").decode("cp1252")
    except UnicodeError:
        return m.group()


def _unbake(m: re.Match) -> str:
    try:
        return m.group().encode("cp1252").decode("utf-8")
    except UnicodeError:
        return m.group()


def repair(text: str) -> str:
    """Undo the usual encoding accidents: cp1252 punctuation read as latin-1 (\\x92 for ’),
    UTF-8 read as cp1252 ("Ã©tÃ©" for "été")."""
    text = _C1.sub(_cp1252, text)
    if _MOJIBAKE_HINT.search(text):
        text = _MOJIBAKE.sub(_unbake, text)
    return text


def decode(data: bytes, origin: str) -> str:
    """Text from bytes: UTF-8 (or a BOM's encoding), else cp1252, else latin-1.

    Raises InputError for empty or binary input.
    """
    if not data.strip():
        raise InputError(f"{origin}: empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return repair(data.decode(encoding))
            except UnicodeDecodeError:
                raise InputError(f"{origin}: not valid {encoding} text") from None
    if b"\x00" in data[:100_000]:
        for encoding in ("utf-16-le", "utf-16-be"):  # UTF-16 without its BOM is full of NULs
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text) and sum(ch.isalpha() or ch.isspace() for ch in text[:10_000]) \
                    > 0.8 * len(text[:10_000]):
                return repair(text)
        raise InputError(f"{origin}: binary data, not text")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = repair(data.decode(encoding))
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    raise InputError(f"{origin}: binary data, not text")
