"""An article's publication date: from metadata, else its header, else inferred from the top
of its text ("ce jeudi 14 septembre 2023"; "ce 13 septembre" with the year of a `2023-09`
header). Dates may be partial (`2023-09`, `2023`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from email.utils import parsedate_to_datetime

MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "october": 10, "november": 11, "december": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = ("lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
            "monday|tuesday|wednesday|thursday|friday|saturday|sunday")
# A marker that the date is the day of writing: "ce jeudi 14 septembre", "publié le ...", "today"
_NOW_BEFORE = re.compile(
    r"(?:(?<!depuis )(?<!avant )(?<!après )(?<!jusqu'à )(?<!dès )\bce|\baujourd'hui,?|\bpublié le|\bmis à jour le|\bpublished(?: on)?|\bupdated(?: on)?"
    rf"|\btoday,?|\bthis)\s+(?:(?:le|du|on)\s+)?(?:(?:{_WEEKDAY}),?\s+)?$", re.IGNORECASE)
_DAY_MONTH = re.compile(
    rf"\b(?P<d>1er|[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})\b\.?"
    rf"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?", re.IGNORECASE)
_MONTH_DAY = re.compile(
    rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
    re.IGNORECASE)
_NUMERIC = re.compile(
    r"\b(?:(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)"
    r"|(?P<d2>[0-3]?\d)[/.](?P<m2>[01]?\d)[/.](?P<y2>(?:19|20)\d\d))\b")
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# What may precede a date that opens one of the first paragraphs: "PARIS, ", "Moscou (AFP) - "
_DATELINE = re.compile(r"(?:[A-ZÀ-Ý][\w'’. -]{0,40}(?:\([A-Z]{2,10}\))?\s*[,:–—-]?\s*)?")
_AFTER_DATELINE = re.compile(r"[ \t]*(?:$|\n|[-–—|(]|à\s+\d|at\s+\d|\d{1,2}\s*[h:])", re.MULTILINE)
TOP_CHARS = 1200  # a date "near the top" of the text


def normalise(value: str | None) -> str | None:
    """ISO date (possibly partial) from a metadata value: ISO 8601, RFC 2822, dd/mm/yyyy."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    m = _ISO_PREFIX.match(value)
    if m:
        parts = [p for p in m.groups() if p]
        return _valid("-".join(parts))
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for regex in (_NUMERIC, _DAY_MONTH, _MONTH_DAY):
        found = regex.search(value)
        if found and _year(found):
            return _from_match(found, None)
    return None


def _valid(iso: str) -> str | None:
    parts = [int(p) for p in iso.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return iso


def _year(m: re.Match) -> str | None:
    g = m.groupdict()
    return g.get("y") or g.get("y1") or g.get("y2")


def _from_match(m: re.Match, year: str | None) -> str | None:
    g = m.groupdict()
    if g.get("y1") or g.get("y2"):
        y, mo, d = (g["y1"], g["m1"], g["d1"]) if g.get("y1") else (g["y2"], g["m2"], g["d2"])
    else:
        y = g.get("y") or year
        mo, d = MONTHS[g["m"].lower()], g["d"]
    if not y:
        return None
    d = 1 if str(d).lower() == "1er" else int(d)
    return _valid(f"{int(y):04d}-{int(mo):02d}-{d:02d}")


def from_text(text: str, hint: str | None = None) -> str | None:
    """A publication date found near the top of `text`; `hint` (a partial date) lends its year
    to dates written without one and must agree with what is found."""
    top = text[:TOP_CHARS]
    hint_year = hint[:4] if hint else None
    found: list[tuple[str, str]] = []  # (marked, dateline or other, date)
    for regex in (_DAY_MONTH, _MONTH_DAY, _NUMERIC):
        for m in regex.finditer(top):
            iso = _from_match(m, hint_year)
            if not iso or (hint is not None and not iso.startswith(hint)):
                continue
            para_start = top.rfind("\n", 0, m.start()) + 1
            if _NOW_BEFORE.search(top, max(para_start, m.start() - 40), m.start()):
                kind = "marked"
            elif (top.count("\n\n", 0, para_start) < 2
                  and _DATELINE.fullmatch(top[para_start:m.start()])
                  and _AFTER_DATELINE.match(top, m.end())):
                kind = "dateline"
            else:  # a date inside the story is an event's, not the article's
                kind = "other"
            found.append((kind, iso))
    if not found:
        return None
    marked = [iso for kind, iso in found if kind == "marked"]
    if marked:
        return marked[0]
    datelines = [iso for kind, iso in found if kind == "dateline"]
    return datelines[0] if datelines else None


def publication_date(metadata: str | None, header: str | None, text: str,
                     date_lines: Iterable[str] = ()) -> tuple[str | None, str | None]:
    """(date, where it came from: metadata, header, text) for an article; `date_lines` are the
    page's own "Publié le ..." lines, which cleaning took out of the text."""
    meta = normalise(metadata)
    if meta and len(meta) == 10:
        return meta, "metadata"
    partial = meta or header
    inferred = next((d for line in date_lines if (d := from_text(line, partial))), None)
    inferred = inferred or from_text(text, partial)
    if inferred:
        return inferred, "text"
    if meta:
        return meta, "metadata"
    if header:
        return header, "header"
    return None, None


def in_future(iso: str) -> bool:
    today = datetime.now().date().isoformat()
    return iso[: len(today)] > today[: len(iso)]
