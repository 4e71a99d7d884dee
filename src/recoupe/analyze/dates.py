"""Temporal expressions: find, type and normalise dates and times (TimeML TIMEX3 style).

`find_times(text, anchor, lang)` is pure text -> spans: precompiled regular expressions per
language (`timex_rules_fr`, `timex_rules_en`) find candidate phrases, the longest match wins
where they overlap, and each rule's normaliser turns its match into a TimeML type (DATE, TIME,
DURATION, SET) and value (`2023-09-13`, `2023-07`, `2023-W36`, `P3Y`, `XXXX-WXX-3`,
`PRESENT_REF`...) against the article's date, the anchor.

News conventions: a bare weekday is the most recent one on or before the anchor unless the
sentence speaks of the future; a day and month without a year take the year that puts them
closest to the anchor ("dernier" / "last" look back, "prochain" / "next" look forward); a time
of day ("14h30") falls on the last day mentioned before it, else on the anchor. Granularity is
kept: "fin août" is `2023-08`, "l'an dernier" `2022`. A partial anchor (`2023-09`) resolves what
it can; the rest stays underspecified (`XXXX-XX-XX`). dateparser is not used: its search finds
dates in ordinary words ("sa", "mer", "jeu") and it misses the relative phrases news use.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from recoupe.model import TimeRef

__all__ = ["find_times", "parse_anchor"]

_SENTENCE_END = re.compile(r"[.!?;\n]")
# News look back more than forward: a date without a year is taken in the past unless the
# future one is closer by this factor ("in January", said in October, is last January).
LOOK_AHEAD_COST = 1.5
SOFT_DIRECTION_COST = 4



# --- helpers the language rule modules share

def alternation(words) -> str:
    """A regex alternation of `words`, longest first so that no word hides a longer one."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def verbose_regex(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern:
    return re.compile(pattern, flags | re.VERBOSE)


def fmt_number(n: float) -> str:
    """A TimeML quantity: 3 -> "3", 1.5 -> "1.5"."""
    return str(int(n)) if n == int(n) else f"{n:g}"


def full_year(s: str | None) -> int | None:
    """A year as written ("2023", "'98", "98") to four digits."""
    if not s:
        return None
    s = s.strip("'’")
    y = int(s)
    if len(s) == 2:
        y += 1900 if y > 30 else 2000
    return y


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?!\d)")
_ANCHOR = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _cost(delta: int, direction: int = 0) -> float:
    """How far a candidate `delta` days or months from the anchor is. Direction 0 leans to the
    past (LOOK_AHEAD_COST); +1 / -1 (the tense) lean to the future / past; +2 / -2 ("next",
    "last") exclude the other side."""
    if direction in (1, -1):
        wrong_side = delta < 0 if direction > 0 else delta > 0
        return abs(delta) * (SOFT_DIRECTION_COST if wrong_side else 1)
    if direction == 2 and delta <= 0 or direction == -2 and delta >= 0:
        return 10 ** 9 + abs(delta)
    return delta * LOOK_AHEAD_COST if delta > 0 else -delta


def parse_anchor(anchor: str | None) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of an ISO date or datetime, each None when absent or unreadable."""
    if not anchor:
        return None, None, None
    m = _ANCHOR.match(str(anchor))
    if not m:
        return None, None, None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        return y, None, None
    if d is not None:
        try:
            date(y, mo, d)
        except ValueError:
            d = None
    return y, mo, d


def valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


class Context:
    """What a normaliser may know: the text, the anchor, and what was said before."""

    def __init__(self, text: str, anchor: str | None):
        self.text = text
        self.year, self.month, self.day = parse_anchor(anchor)
        self.anchor_date = valid_date(self.year, self.month, self.day) if self.day else None
        self.last_day: date | None = None  # the last day-level date mentioned, for times of day
        self.last_quarter: tuple[int, int] | None = None  # (year, quarter) last spoken of
        self.last_quarter_at = -1  # and where
        self.used_anchor = False

    # --- the anchor, noting that it was used (the expression is relative)
    def today(self) -> date | None:
        self.used_anchor = True
        return self.anchor_date

    def anchor_year(self) -> int | None:
        self.used_anchor = True
        return self.year

    def anchor_month(self) -> tuple[int, int] | None:
        self.used_anchor = True
        return (self.year, self.month) if self.month else None

    # --- the sentence around a match
    def sentence(self, start: int, end: int, before: int = 300, after: int = 300) -> str:
        """The sentence around text[start:end], at most `before` / `after` characters of it."""
        lo = max(0, start - before)
        cut = None
        for cut in _SENTENCE_END.finditer(self.text, lo, start):
            pass
        lo = cut.end() if cut else lo
        after = self.text[end:end + after]
        stop = _SENTENCE_END.search(after)
        return self.text[lo:end + (stop.start() if stop else len(after))]

    # --- resolution helpers shared by every language
    def day_offset(self, n: int) -> str:
        today = self.today()
        return fmt_day(today + timedelta(days=n)) if today else "XXXX-XX-XX"

    def weekday(self, wd: int, direction: int) -> str:
        """wd 0=Monday. direction -1: on or before the anchor; +1: on or after; +2: strictly after
        (prochain); -2: strictly before (dernier)."""
        today = self.today()
        if today is None:
            return f"XXXX-WXX-{wd + 1}"
        delta = wd - today.weekday()
        if direction < 0:
            back = (-delta) % 7
            if direction == -2 and back == 0:
                back = 7
            return fmt_day(today - timedelta(days=back))
        fwd = delta % 7
        if direction == 2 and fwd == 0:
            fwd = 7
        return fmt_day(today + timedelta(days=fwd))

    def month_day(self, month: int, day: int, year: int | None, direction: int) -> str | None:
        """A day of a month; without a year, the year that puts it closest to the anchor
        (see `_cost` for the direction)."""
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        if year is not None:
            d = valid_date(year, month, day)
            return fmt_day(d) if d else None
        if valid_date(2000, month, day) is None:  # 31 février: no year has it
            return None
        ay = self.anchor_year()
        if ay is None:
            return f"XXXX-{month:02d}-{day:02d}"
        ref = self.anchor_date
        if ref is None:
            if self.month is None:
                return f"{ay:04d}-{month:02d}-{day:02d}" if valid_date(ay, month, day) else None
            ref = date(ay, self.month, 15)
        return fmt_day(self._nearest(lambda y: valid_date(y, month, day), ay, ref, direction))

    def yearly(self, day_in, direction: int = 0) -> str:
        """A day that comes back every year (`day_in(year)` gives it: Christmas, Easter), in
        the year that puts it closest to the anchor."""
        ay = self.anchor_year()
        if ay is None:
            return "XXXX"
        ref = self.anchor_date or date(ay, self.month or 7, 15 if self.month else 1)
        return fmt_day(self._nearest(day_in, ay, ref, direction))

    @staticmethod
    def _nearest(day_in, year: int, ref: date, direction: int) -> date:
        cands = [d for y in (year - 1, year, year + 1) if (d := day_in(y))]
        return min(cands, key=lambda d: (_cost((d - ref).days, direction), d > ref))

    def month_of(self, month: int, direction: int) -> str:
        """A month without a year: the closest one to the anchor (direction as in month_day)."""
        ay = self.anchor_year()
        if ay is None:
            return f"XXXX-{month:02d}"
        am = self.month
        if am is None:
            return f"{ay:04d}-{month:02d}"
        here = ay * 12 + am - 1
        cands = [y * 12 + month - 1 for y in (ay - 1, ay, ay + 1)]
        best = min(cands, key=lambda c: (_cost(c - here, direction), c > here))
        return f"{best // 12:04d}-{best % 12 + 1:02d}"

    def year_offset(self, n: int) -> str:
        y = self.anchor_year()
        return f"{y + n:04d}" if y is not None else "XXXX"

    def month_offset(self, n: int) -> str:
        ym = self.anchor_month()
        if ym is None:
            return "XXXX-XX"
        y, m = add_months(ym[0], ym[1], n)
        return f"{y:04d}-{m:02d}"

    def week_offset(self, n: int, suffix: str = "") -> str:
        today = self.today()
        if today is None:
            return "XXXX-WXX" + suffix
        return fmt_week(today + timedelta(weeks=n)) + suffix

    def quarter_offset(self, n: int) -> str:
        ym = self.anchor_month()
        if ym is None:
            return "XXXX-QX"
        k = ym[0] * 4 + (ym[1] - 1) // 3 + n
        self.last_quarter = (k // 4, k % 4 + 1)
        return f"{k // 4:04d}-Q{k % 4 + 1}"

    def time_on_day(self, clock: str) -> str:
        """A time of day ('T14:30', 'TEV') on the last day mentioned, else the anchor's day."""
        day = self.last_day
        if day is None:
            day = self.today()
        return (fmt_day(day) if day else "XXXX-XX-XX") + clock


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday (0=Monday) of a month; n=-1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    from dateutil.easter import easter as western_easter

    return western_easter(year)


# holiday -> the day it falls on in a given year
HOLIDAYS = {
    "christmas": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24),
    "new year": lambda y: date(y, 1, 1),
    "new year eve": lambda y: date(y, 12, 31),
    "independence day": lambda y: date(y, 7, 4),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "easter": easter,
    "pentecost": lambda y: easter(y) + timedelta(days=49),
    "ascension": lambda y: easter(y) + timedelta(days=39),
    "all saints": lambda y: date(y, 11, 1),
    "bastille day": lambda y: date(y, 7, 14),
    "may day": lambda y: date(y, 5, 1),
    "armistice": lambda y: date(y, 11, 11),
    "assumption": lambda y: date(y, 8, 15),
    "valentine": lambda y: date(y, 2, 14),
    "halloween": lambda y: date(y, 10, 31),
}


def _iso_date(m: re.Match, ctx: Context):
    d = valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return ("DATE", fmt_day(d)) if d else None


def _numeric_date(m: re.Match, ctx: Context):
    d = valid_date(full_year(m.group("y")), int(m.group("m")), int(m.group("d")))
    return ("DATE", fmt_day(d)) if d else None


def _clock(m: re.Match, ctx: Context):
    return "TIME", ctx.time_on_day(f"T{int(m.group('h')):02d}:{m.group('mi')}")


# What every language writes alike: ISO dates, day/month/year, 24-hour clock times.
NEUTRAL_RULES = [
    (re.compile(r"(?<![\d/.-])(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"), _iso_date),
    (re.compile(r"(?<![\d/.])(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>\d{4}|\d\d)(?![\d/]|\.\d)"), _numeric_date),
    (re.compile(r"(?<![\d.:,])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])"), _clock),
]


def _rules(lang: str | None):
    """French rules by default (and for French), English ones for English; for any other
    language only what is written alike everywhere."""
    code = (lang or "fr").lower()[:2]
    if code == "en":
        from recoupe.analyze.timex_rules_en import RULES
    elif code == "fr":
        from recoupe.analyze.timex_rules_fr import RULES
    else:
        return NEUTRAL_RULES
    return NEUTRAL_RULES[:1] + RULES


def _candidates(text: str, rules):
    """(start, end, priority, match, normaliser) of every rule's matches; a group named `t`,
    when a rule has one, is the expression itself and the rest of the match its context."""
    for priority, (regex, handler) in enumerate(rules):
        for m in regex.finditer(text):
            if "t" in regex.groupindex and m.group("t") is not None:
                start, end = m.span("t")
            else:
                start, end = m.span()
            if end > start:
                yield start, end, priority, m, handler


def _select(cands, size: int):
    """Longest first, earlier rule on ties; a candidate overlapping a chosen one is dropped."""
    taken = bytearray(size)
    chosen = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if taken.find(1, c[0], c[1]) == -1:
            taken[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


def find_times(text: str, anchor: str | None = None, lang: str | None = None) -> list[TimeRef]:
    """Every temporal expression of `text`, normalised against `anchor` (the article's date,
    ISO, possibly partial), in text order. `lang` picks the rules ('en...' English, else French)."""
    if not text or not isinstance(text, str):
        return []
    rules = _rules(lang)
    ctx = Context(text, anchor)
    anchor_str = str(anchor) if anchor else None
    out: list[TimeRef] = []
    for start, end, _prio, m, handler in _select(_candidates(text, rules), len(text)):
        ctx.used_anchor = False
        res = handler(m, ctx)
        if not res:
            continue
        typ, value = res
        if _DAY_VALUE.match(value):
            ctx.last_day = date.fromisoformat(value[:10])
        out.append(TimeRef(start=start, end=end, text=text[start:end], type=typ, value=value,
                           anchor=anchor_str if ctx.used_anchor else None))
    return out
