"""English temporal expressions: the patterns and their normalisers (see `recoupe.analyze.dates`).

Conventions follow TimeBank / TempEval-3: modifiers belong to the expression ("last week",
"late November", "the third quarter") but prepositions do not ("on Friday" -> "Friday");
"now", "currently" are PRESENT_REF, "recently" PAST_REF, "the future" FUTURE_REF; "a year
ago" is a DATE, "two years" a DURATION (`P2Y`); business quarters are `1989-Q3`.
"""

from __future__ import annotations

import re

from recoupe.analyze.dates import (HOLIDAYS, Context, alternation, fmt_number, full_year,
                                   verbose_regex)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "mid-afternoon": "AF",
         "midday": "MI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
UNITS = {"second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
         "week": ("W", False), "weekend": ("WE", False), "month": ("M", False),
         "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
         "century": ("CE", False), "centurie": ("CE", False)}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "half": 0.5,
}
VAGUE = {"several", "few", "a few", "many", "some", "the next few", "the past few", "recent",
         "coming", "the coming", "the last few", "a couple of", "couple of"}
ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


_B = r"(?<![\w-])"
_E = r"(?![\w-])"
# month names are capitalised in English: "may" and "march" in lower case are words
MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
      r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|" \
      r"JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
WD = r"(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|" \
     r"MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)"
PART = r"(?:morning|afternoon|evening|night|mid-afternoon)"
NUMWORD = rf"(?:{alternation(k for k in NUMBERS if k not in ('a', 'an', 'half'))})"
NUMBER = rf"(?:\d+(?:\.\d+)?|{NUMWORD}(?:[-\s]{NUMWORD})*|a|an|half\s+an|half\s+a)"
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|quarters?|years?|decades?|" \
       r"centuries|century)"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)"

FUTURE = re.compile(r"(?<!\w)(?:will|'ll|shall|going\s+to|(?:is|are)\s+scheduled|(?:is|are)\s+expected\s+to|"
                    r"plans?\s+to|next|tomorrow)(?!\w)", re.IGNORECASE)


def _num(s: str) -> float | None:
    s = s.lower().strip()
    if s[:1].isdigit():
        try:
            return float(s)
        except ValueError:
            return None
    if s.startswith("half"):
        return 0.5
    total, cur = 0.0, 0.0
    for tok in re.split(r"[-\s]+", s):
        if tok in ("and", ""):
            continue
        v = NUMBERS.get(tok)
        if v is None:
            return None
        if v == 100:
            cur = max(cur, 1) * 100
        elif v == 1000:
            total += max(cur, 1) * 1000
            cur = 0
        else:
            cur += v
    return total + cur


def _unit(u: str) -> str:
    u = u.lower()
    if u in ("centuries", "century"):
        return "century"
    return u[:-1] if u.endswith("s") else u


def _duration(n: float | None, unit: str) -> str:
    letter, is_time = UNITS[_unit(unit)]
    if letter == "WE":
        letter = "D" if n is None else "WE"
        if n is not None:
            return f"P{fmt_number(n * 2)}D"
    if n is not None and n != int(n):
        if letter == "Y":
            return f"P{fmt_number(n * 12)}M"
        if letter == "H":
            return f"PT{fmt_number(n * 60)}M"
        if letter == "D":
            return f"PT{fmt_number(n * 24)}H"
    if n is not None and letter in ("DE", "CE"):
        return f"P{fmt_number(n * (10 if letter == 'DE' else 100))}Y"
    q = fmt_number(n) if n is not None else "X"
    return ("PT" if is_time else "P") + q + letter


# right before the expression: "as early as Tuesday", "until 9 a.m. Tuesday"
FUTURE_LEAD = re.compile(r"(?:as\s+(?:soon|early)\s+as|until|till|by|starting|beginning|"
                         r"this\s+coming|scheduled\s+for|set\s+for|due)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)


PAST_VERBS = {"said", "told", "met", "went", "came", "began", "made", "took", "gave", "left", "held",
              "saw", "won", "lost", "fell", "rose", "sent", "spent", "was", "were", "had", "did",
              "announced", "reported", "died", "killed"}
_WORD = re.compile(r"[\w']+")


def _future(m: re.Match, ctx: Context) -> bool:
    """The clause around the expression speaks of the future: a lead ("as early as", "until"),
    else the verb right before it ("said Friday" is past), else "will" etc. near it."""
    if FUTURE_LEAD.search(m.string, max(0, m.start() - 40), m.start()):
        return True
    lead = _WORD.findall(m.string[max(0, m.start() - 30):m.start()].lower())[-3:]
    if lead and any(w in PAST_VERBS or (len(w) > 4 and w.endswith("ed")) for w in lead[-2:]):
        return False
    return bool(FUTURE.search(ctx.sentence(m.start(), m.end(), FUTURE_REACH, FUTURE_REACH)))


FUTURE_REACH = 80


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


# --- normalisers

def full_date(m, ctx):
    d = int(m.group("d"))
    month = _month(m.group("m"))
    y = full_year(m.group("y")) if "y" in m.re.groupindex else None
    v = ctx.month_day(month, d, y, 1 if _future(m, ctx) else 0)
    return ("DATE", v) if v else None


def numeric_date(m, ctx):  # 9/13/2023 (month first in American English)
    v = ctx.month_day(int(m.group("m")), int(m.group("d")), full_year(m.group("y")), 0)
    return ("DATE", v) if v else None


def month_year(m, ctx):
    return "DATE", f"{full_year(m.group('y')):04d}-{_month(m.group('m')):02d}"


def month_rel_year(m, ctx):  # June last year
    rel = m.group("rel").lower()
    return "DATE", f"{ctx.year_offset(-1 if rel == 'last' else 1 if rel == 'next' else 0)}-{_month(m.group('m')):02d}"


def bare_month(m, ctx):
    word = m.group("m")
    # "May", "March", "August" are also words: alone they need "in", "last"...
    if not (m.group("cue") or m.group("mod")) and word.lower() in ("may", "march", "august"):
        return None
    rel = (m.group("mod") or "").lower().strip()
    direction = -2 if rel.startswith("last") else 2 if rel.startswith("next") else (
        1 if _future(m, ctx) else 0)
    return "DATE", ctx.month_of(_month(word), direction)


def weekday(m, ctx):
    wd = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("rel") or "").lower()
    part = m.group("part")
    if m.group("every"):
        return "SET", f"XXXX-WXX-{wd + 1}" + (f"T{PARTS[part.lower()]}" if part else "")
    if m.group("plural"):
        return "SET", f"XXXX-WXX-{wd + 1}" + (f"T{PARTS[part.lower()]}" if part else "")
    direction = -2 if rel == "last" else 2 if rel == "next" else 1 if _future(m, ctx) else -1
    return "DATE", ctx.weekday(wd, direction)  # TimeBank: "Friday night" is the day


RELDAYS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}


def relative_day(m, ctx):
    word = m.group("w").lower()
    part = m.group("part") or (m.group("part0") if m.group("part0") in PARTS else None)
    if m.group("before"):
        n = -2 if word == "yesterday" else 2
        return "DATE", ctx.day_offset(n)
    v = ctx.day_offset(RELDAYS[word])
    if word == "tonight":
        return "TIME", v + "TNI"
    if part:
        return "TIME", v + "T" + PARTS[part.lower()]
    return "DATE", v


def this_part(m, ctx):
    part = m.group("part").lower()
    off = -1 if m.group("det").lower() == "last" else 0
    return "TIME", ctx.day_offset(off) + "T" + PARTS[part]


def clock(m, ctx):
    h = int(m.group("h"))
    mi = int(m.group("mi")) if m.group("mi") else 0
    ap = (m.group("ap") or "").lower().replace(".", "")
    if h > 24 or mi > 59 or (ap and h > 12):
        return None
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    day = m.group("wd")
    if day:
        return "TIME", ctx.weekday(WEEKDAYS[day.lower()], 1 if _future(m, ctx) else -1) + f"T{h:02d}:{mi:02d}"
    if "mon" in m.re.groupindex and m.group("mon"):
        d = ctx.month_day(_month(m.group("mon")), int(m.group("day")), None, 1 if _future(m, ctx) else 0)
        if d:
            return "TIME", d + f"T{h:02d}:{mi:02d}"
    rel = m.group("w")
    if rel:
        return "TIME", ctx.day_offset(RELDAYS[rel.lower()]) + f"T{h:02d}:{mi:02d}"
    return "TIME", ctx.time_on_day(f"T{h:02d}:{mi:02d}")


def noon(m, ctx):
    word = m.group("w").lower()
    clock_ = "T12:00" if word == "noon" else "T24:00"
    day = m.group("wd")
    if day:
        return "TIME", ctx.weekday(WEEKDAYS[day.lower()], -1) + clock_
    rel = m.group("rel")
    if rel:
        return "TIME", ctx.day_offset(RELDAYS[rel.lower()]) + clock_
    return "TIME", ctx.time_on_day(clock_)


def _rel_n(rel: str) -> int:
    rel = rel.lower()
    if rel in ("last", "past", "previous", "the past", "the last", "the previous", "this past"):
        return -1
    if rel in ("next", "the next", "the coming", "coming", "the following"):
        return 1
    return 0


def calendar_rel(m, ctx):
    """last week, this month, next year, earlier this year, the past week (a span)."""
    rel = m.group("rel").lower()
    u = m.group("u").lower()
    n = _rel_n(rel)
    if rel.startswith(("the past", "the last", "the next", "the coming", "this past", "past")) \
            and u in ("week", "month", "year", "decade", "century", "weekend") and n != 0 and \
            rel not in ("last", "next", "past"):
        return "DURATION", _duration(1, u)
    if u == "week":
        return "DATE", ctx.week_offset(n)
    if u == "weekend":
        return "DATE", ctx.week_offset(n, "-WE")
    if u == "month":
        return "DATE", ctx.month_offset(n)
    if u == "year":
        return "DATE", ctx.year_offset(n)
    if u == "quarter":
        return "DATE", ctx.quarter_offset(n)
    if u == "decade":
        y = ctx.anchor_year()
        return "DATE", f"{(y // 10 + n) * 10 // 10:03d}X" if y else "XXXX"
    if u == "century":
        y = ctx.anchor_year()
        return "DATE", f"{y // 100 + n:02d}" if y else "XX"
    return None


QUARTER_REACH = 1500  # characters: "a year ago" shortly after a quarter is spoken of is that quarter


def ago(m, ctx):
    num = m.group("n").lower()
    n = _num(num)
    u = _unit(m.group("u"))
    sign = 1 if m.group("dir").lower() in ("later", "from now", "after", "hence") else -1
    if n is None or n != int(n):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    n = int(n)
    if u == "year" and n == 1 and ctx.last_quarter and m.start() - ctx.last_quarter_at < QUARTER_REACH:
        yr, q = ctx.last_quarter  # "up from a year ago" in a quarterly report: that quarter
        return "DATE", f"{yr - 1:04d}-Q{q}"
    if u == "day":
        return "DATE", ctx.day_offset(sign * n)
    if u == "week":
        return "DATE", ctx.day_offset(sign * 7 * n)
    if u == "month":
        return "DATE", ctx.month_offset(sign * n)
    if u == "year":
        return "DATE", ctx.year_offset(sign * n)
    if u == "decade":
        y = ctx.anchor_year()
        return "DATE", f"{(y + sign * 10 * n) // 10:03d}X" if y else "XXXX"
    if u == "quarter":
        return "DATE", ctx.quarter_offset(sign * n)
    return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"


# after these, "a year" is a length of time; elsewhere a rate ("$2 million a year")
A_UNIT_AFTER = re.compile(r"(?:for|in|within|over|about|than|nearly|almost|least|only|just|after|"
                          r"some|take|takes|took|taken|lasted|last|spent|more|less|roughly|"
                          r"around|half|by|of)\s+$", re.IGNORECASE)


def duration(m, ctx):
    num = (m.group("n") or "").lower()
    after = m.string[m.end():m.end() + 6]
    if re.match(r"[\s-]+old\b", after) or (num.isdigit() and re.match(r"[,)]", after)
                                           and m.string[max(0, m.start() - 2):m.start()].strip() == ","):
        return None  # an age: "52 years old", "Mr. Schwarz, 52,"
    if num in ("a", "an") and m.group(0)[:2].lower() in ("a ", "an") and \
            not A_UNIT_AFTER.search(m.string, max(0, m.start() - 12), m.start()):
        return None
    if num in ("a", "an") and m.group("u").lower() == "second":
        return None  # "a second group"
    n = None if num in VAGUE or not num else _num(num)
    if n is None and num and num not in VAGUE:
        return None
    return "DURATION", _duration(n, m.group("u"))


def plural_duration(m, ctx):  # "years", "decades", "centuries" on their own
    if re.match(r"(?:the\s+)?(?:recent|past|last)\b.*years", m.group(0), re.IGNORECASE):
        return "DATE", "PAST_REF"
    return "DURATION", _duration(None, m.group("u"))


def year(m, ctx):
    after = m.string[m.end():m.end() + 25]
    # a four-digit number that counts things is not a year: "2000 people"
    if not m.group("cue") and re.match(COUNTED, after):
        return None
    return "DATE", m.group("y")


COUNTED = re.compile(r"\s*(?:%|\$|percent\b|dollars?\b|people\b|persons\b|men\b|women\b|"
                     r"troops\b|soldiers\b|shares?\b|miles?\b|feet\b|foot\b|meters?\b|metres?\b|"
                     r"yards?\b|kilomet(?:er|re)s?\b|km\b|passengers?\b|migrants?\b|refugees?\b|"
                     r"protesters?\b|residents?\b|calories\b|words\b|pages\b|"
                     r"tons?\b|tonnes?\b|pounds?\b|acres?\b|cars?\b|jobs?\b|workers?\b|units?\b|"
                     r"barrels?\b|points?\b|votes?\b|students?\b|employees?\b|members?\b|copies\b|"
                     r"homes?\b|houses?\b|children\b|cases?\b|deaths?\b|years?\b|hours?\b|"
                     r"times\b|[a-z]+s\s+(?:of|were|are|have|had)\b)", re.IGNORECASE)


def holiday(m, ctx):
    name = re.sub(r"\s+", " ", m.group("w").lower()).replace("'s", "")
    name = {"valentine day": "valentine"}.get(name, name)
    rel = (m.group("rel") or "").lower()
    direction = -2 if rel == "last" else 2 if rel == "next" else 1 if _future(m, ctx) else 0
    return "DATE", ctx.yearly(HOLIDAYS[name], direction)


def year_ago(m, ctx):
    if ctx.last_quarter and m.start() - ctx.last_quarter_at < QUARTER_REACH:
        yr, q = ctx.last_quarter
        return "DATE", f"{yr - 1:04d}-Q{q}"
    return "DATE", ctx.year_offset(-1)


def spelled_year(m, ctx):
    words = m.group("w").lower().split()
    if words[0] == "nineteen":
        rest = [w for w in words[1:] if w not in ("hundred", "and")]
        n = _num(" ".join(rest)) if rest else 0
        if n is None or n >= 100:
            return None
        return "DATE", f"{1900 + int(n):04d}"
    n = _num(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
    if n is None or n >= 100 or not m.group(0).lower().startswith("the year") and n == 0:
        return None  # "two thousand" alone counts things
    return "DATE", f"{2000 + int(n):04d}"


def decade(m, ctx):
    y = m.group("y").lstrip("'’")
    if len(y) == 2:
        y = ("19" if int(y) > 20 else "20") + y
    return "DATE", y[:3] + "X"


def season(m, ctx):
    s = SEASONS[m.group("s").lower()]
    y = m.group("y")
    rel = (m.group("rel") or "").lower()
    if y:
        return "DATE", f"{int(y):04d}-{s}"
    ay = ctx.anchor_year()
    if ay is None:
        return "DATE", f"XXXX-{s}"
    n = _rel_n(rel) if rel else 0
    if rel == "last" and ctx.month and s in ("SU", "SP") and ctx.month >= 10:
        n = 0  # "last summer" said in the autumn is this year's
    return "DATE", f"{ay + n:04d}-{s}"


def quarter(m, ctx):
    q = ORD[m.group("q").lower()]
    y = m.group("y")
    if y:
        yr = int(y)
    else:
        yr = ctx.anchor_year()
        if yr is None:
            return "DATE", f"XXXX-Q{q}"
        rel = (m.group("rel") or "").lower()
        yr += -1 if rel == "last" or m.group("ago") else 1 if rel == "next" else 0
    ctx.last_quarter, ctx.last_quarter_at = (yr, q), m.end()
    return "DATE", f"{yr:04d}-Q{q}"


def the_quarter(m, ctx):
    word = (m.group("w") or "").lower()
    if m.group("y"):
        q = ctx.last_quarter[1] if ctx.last_quarter else None
        return "DATE", f"{m.group('y')}-Q{q}" if q else m.group("y")
    if ctx.last_quarter and not re.search(r"latest|recent|current", word):
        yr, q = ctx.last_quarter
    else:
        ym = ctx.anchor_month()
        if ym is None:
            return "DATE", "XXXX-QX"
        k = ym[0] * 4 + (ym[1] - 1) // 3 - 1  # the last completed quarter
        yr, q = k // 4, k % 4 + 1
    ctx.last_quarter_at = m.end()
    if "year" in word or "comparable" in word:
        return "DATE", f"{yr - 1:04d}-Q{q}"
    ctx.last_quarter = (yr, q)
    return "DATE", f"{yr:04d}-Q{q}"


REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
        "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
        "presently": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
        "lately": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF",
        "previously": "PAST_REF", "once": "PAST_REF", "soon": "FUTURE_REF",
        "the future": "FUTURE_REF", "future": "FUTURE_REF", "in the future": "FUTURE_REF",
        "the near future": "FUTURE_REF", "shortly": "FUTURE_REF", "eventually": "FUTURE_REF"}


def ref(m, ctx):
    return "DATE", REFS[re.sub(r"\s+", " ", m.group("w").lower())]


SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
        "hourly": "PT1H", "annual": "P1Y", "quarterly": "P3M", "nightly": "XXXX-XX-XXTNI",
        "biweekly": "P2W"}


def adj_set(m, ctx):
    return "SET", SETS[m.group("w").lower()]


def every(m, ctx):
    u = _unit(m.group("u"))
    if u in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[u] + 1}"
    return "SET", _duration(1, u) if u in UNITS else None


RULES = [
    # Friday, Sept. 13, 2023 / Sept. 13, 2023 / March 31 / Jan. 14
    (verbose_regex(rf"""{_B}(?P<m>{MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)
          (?:,?\s+(?P<y>{YEAR4})(?!\d))?""", 0), full_date),
    # April 24 and 25: the second day borrows the month
    (verbose_regex(rf"""{_B}(?P<m>{MON})\s+[0-3]?\d\s+(?:and|or|to|through)\s+(?P<t>(?P<d>[0-3]?\d))(?!\d)
          (?![.,]\d|\s*(?:%|percent|[a-z]))""", 0), full_date),
    (verbose_regex(rf"""{_B}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MON})(?:,?\s+(?P<y>{YEAR4}))?{_E}""", 0),
     full_date),
    (verbose_regex(r"(?<![\d/.])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d\d)(?![\d/])"), numeric_date),
    (verbose_regex(rf"""{_B}(?:(?:early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|
          the\s+middle\s+of)\s*)?(?P<m>{MON}),?\s+(?:of\s+)?(?P<y>{YEAR4}|'\d\d)(?!\d)""", 0), month_year),
    (verbose_regex(rf"""{_B}(?P<m>{MON})\s+(?P<rel>last|next|this)\s+year{_E}""", 0), month_rel_year),
    # in July, last April, late November, mid-November
    (verbose_regex(rf"""(?P<cue>{_B}(?i:in|since|until|till|by|through|during|from|to|before|after|of|
          between|and|or|since|early|late|mid)\s)?(?P<t>(?P<mod>(?:(?:early|late|last|next|this|
          [Ee]arly|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)\s+|mid-|[Mm]id-))?(?P<m>{MON})){_E}(?!\s+\d)""", 0),
     bare_month),
    # last Friday, Friday morning, on Friday, Fridays
    (verbose_regex(rf"""{_B}(?:(?P<every>every|each)\s+|(?P<rel>last|next|this|[Ll]ast|[Nn]ext|[Tt]his)\s+)?
          (?:(?P<part0>early|late)\s+)?(?P<wd>{WD})(?P<plural>s)?
          (?:\s+(?P<part>morning|afternoon|evening|night))?{_E}""", 0), weekday),
    # yesterday, today, tomorrow morning, late yesterday, the day before yesterday
    (verbose_regex(rf"""{_B}(?P<before>the\s+day\s+(?:before|after)\s+)?(?:(?P<part0>mid-afternoon|early|late)\s+)?
          (?P<w>yesterday|today|tomorrow|tonight)(?:\s+(?P<part>{PART}))?{_E}"""), relative_day),
    (verbose_regex(rf"{_B}(?P<det>this|last)\s+(?P<part>morning|afternoon|evening|night){_E}"), this_part),
    # 10:35 a.m., 9 a.m. Tuesday, 10 p.m. yesterday
    (verbose_regex(rf"""(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm)(?!\w)
          (?:\s+(?:(?:[A-Z]{{3}})\s+)?(?:(?P<wd>[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|
          [Ss]aturday|[Ss]unday)|(?P<w>yesterday|today|tomorrow))(?![\w-])|
          ,?\s+(?:(?:[A-Z]{{3}}),?\s+)?(?P<mon>{MON})\s+(?P<day>[0-3]?\d)(?!\d))?"""), clock),
    (verbose_regex(r"(?<![\d.:])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])(?P<ap>)"), clock),
    (verbose_regex(rf"""{_B}(?P<w>noon|midnight)(?:\s+(?:(?P<wd>[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|
          [Ff]riday|[Ss]aturday|[Ss]unday)|(?P<rel>yesterday|today|tomorrow)))?{_E}"""), noon),
    # the third quarter, third-quarter, the fourth quarter of 1989, fiscal 1990's first quarter
    (verbose_regex(rf"""{_B}(?:the\s+|this\s+year's\s+|(?P<rel>last|next|this)\s+year's\s+|(?:the\s+)?(?P<y>{YEAR4})\s+|
          (?P<ago>the\s+(?:year-earlier|year-ago|year-before)\s+))?
          (?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter(?:s)?
          (?:\s+of\s+(?P<y2>{YEAR4}))?{_E}"""),
     lambda m, ctx: quarter(m, ctx) if not m.group("y2") else
     ("DATE", f"{m.group('y2')}-Q{ORD[m.group('q').lower()]}")),
    (verbose_regex(rf"""{_B}(?P<w>(?:the|this|that|its|a)\s+(?:latest\s+|recent\s+|most\s+recent\s+|
          (?:comparable\s+)?(?:year-earlier|year-ago|year-before)\s+|comparable\s+|current\s+|same\s+)?quarter|
          the\s+(?:comparable\s+)?(?:year-earlier|year-ago)\s+(?:period|quarter)|(?:the\s+)?(?P<y>{YEAR4})\s+(?:period|quarter)|
          (?:year-earlier|year-ago)\s+(?:period|quarter)|the\s+latest\s+period){_E}"""), the_quarter),
    # last week, this month, next year, earlier this year, the past year, this past weekend
    (verbose_regex(rf"""{_B}(?:(?:earlier|later|early|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|
          the\s+rest\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|mid-)\s*)?
          (?P<rel>last|this\s+past|this|next|the\s+past|the\s+coming|the\s+next|the\s+previous|
          the\s+current|the\s+following|the\s+same|previous|coming|current|past)\s+
          (?P<u>week|weekend|month|year|quarter|decade|century){_E}"""), calendar_rel),
    # a year ago, two weeks earlier, five months later, three years from now
    (verbose_regex(rf"""{_B}(?:(?:about|almost|nearly|some|more\s+than|less\s+than|just|only|roughly|
          over|around|at\s+least)\s+)?(?P<n>{NUMBER}|a\s+few|several|a\s+couple\s+of)\s+
          (?:(?:or\s+so|and\s+a\s+half)\s+)?(?P<u>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from\s+now|hence){_E}"""),
     ago),
    # years: 1998, in 2008, mid-1996, fiscal 1989
    (verbose_regex(rf"""(?P<cue>{_B}(?:in|since|of|from|to|until|by|through|during|before|after|early|late|
          mid|fiscal|year|between|and|or|end|beginning|spring|summer|fall|winter|autumn)[\s-])?
          (?P<t>(?:(?:early|late|mid-?|fiscal|post-|pre-)\s*|(?<![\d.,$/-]))(?P<y>{YEAR4}))(?![\d,.]\d|[\w-]|\s?%)"""),
     year),
    (verbose_regex(r"(?<![\w-])(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<y>(?:1[5-9]|20)\d0|'\d0)s(?![\w-])"), decade),
    # summer, last fall, the spring of 1998
    (verbose_regex(rf"""{_B}(?:(?P<rel>last|next|this|early|late)\s+)?(?P<s>spring|summer|fall|autumn|winter)
          (?:\s+(?:of\s+)?(?P<y>{YEAR4}))?{_E}""", 0),
     lambda m, ctx: season(m, ctx) if (m.group("rel") or m.group("y") or
                                       m.group("s").lower() != "fall" or
                                       re.search(r"(?:the|this|in|last|next)\s+$", m.string[max(0, m.start() - 6):m.start()]))
     else None),
    # durations: two years, 14 days, a week, two-year, several months, the past 20 months
    (verbose_regex(rf"""{_B}(?:(?:the\s+)?(?:past|last|next|first|coming|previous|following|final|latest|
          initial|remaining|same)\s+)?(?:(?:about|almost|nearly|more\s+than|less\s+than|at\s+least|
          over|some|roughly|approximately|around|up\s+to|only|just|another|an\s+additional|
          the|a\s+full|a\s+further|fewer\s+than|under)\s+)?
          (?P<n>{NUMBER}|several|a\s+few|few|many|a\s+couple\s+of)[\s-]+(?:(?:more|additional|full|straight|
          consecutive|long|trading|business|working)\s+)?(?P<u>{UNIT}){_E}(?<!quarters(?=\s+of))"""), duration),
    (verbose_regex(rf"""{_B}(?:(?:the\s+)?(?:past|last|next|coming|recent)\s+(?:few\s+|several\s+)?)(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries){_E}"""),
     plural_duration),
    (verbose_regex(r"(?<![\w-])(?P<u>years|decades|centuries|months|weeks)(?![\w-])(?!\s+(?:ago|old|earlier|later))"),
     lambda m, ctx: plural_duration(m, ctx) if re.search(r"(?:for|within|over\s+the)\s+$",
                                                         m.string[max(0, m.start() - 9):m.start()]) else None),
    # year-earlier, year-ago (results): the year before, or that quarter a year before
    (verbose_regex(rf"{_B}(?:year-earlier|year-ago){_E}"), year_ago),
    # year-end, by year's end
    (verbose_regex(rf"{_B}(?:year-end|year\s+end|year's\s+end){_E}"), lambda m, ctx: ("DATE", ctx.year_offset(0))),
    # the year ended Sept. 30: a fiscal year, a duration
    (verbose_regex(rf"{_B}(?P<t>the\s+(?:fiscal\s+)?year)\s+(?:ended|ending|to){_E}"), lambda m, ctx: ("DURATION", "P1Y")),
    # the weekend: the one of the article's week
    (verbose_regex(rf"{_B}the\s+weekend{_E}"),
     lambda m, ctx: ("DATE", ctx.week_offset(0 if _future(m, ctx) or (ctx.today() and ctx.today().weekday() >= 5)
                                             else -1, "-WE"))),
    # nineteen ninety-six, the year two thousand
    (verbose_regex(rf"{_B}(?:the\s+year\s+)?(?P<w>nineteen\s+(?:hundred\s+(?:and\s+)?)?(?:{NUMWORD})(?:-(?:{NUMWORD}))?|two\s+thousand(?:\s+(?:and\s+)?(?:{NUMWORD}))?){_E}"),
     spelled_year),
    # Christmas, Thanksgiving Day, last Easter
    (verbose_regex(rf"""{_B}(?:(?P<rel>last|next|this)\s+)?(?P<w>Christmas(?:\s+Eve)?|New\s+Year's(?:\s+Eve)?|
          Thanksgiving|Easter|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|
          Halloween|Valentine's\s+Day|Pentecost)(?:\s+Day)?{_E}""", 0), holiday),
    # the end of the year, the rest of the month, the full year
    (verbose_regex(rf"""{_B}(?:the\s+(?:end|beginning|start|middle|rest|remainder|balance)\s+of\s+)?
          the\s+(?:(?:full|whole|entire)\s+)?(?P<u>year|month)(?=\W)(?!\s+(?:ended|ending|to|before|after|earlier|ago))"""),
     lambda m, ctx: ("DATE", ctx.year_offset(0) if m.group("u").lower() == "year" else ctx.month_offset(0))
     if re.match(r"the\s+(?:end|beginning|start|middle|rest|remainder|balance|full|whole|entire)",
                 m.group(0), re.IGNORECASE) else None),
    (verbose_regex(rf"{_B}(?P<w>midday|mid-day){_E}"), lambda m, ctx: ("TIME", ctx.time_on_day("T12:00"))),
    # the 20th century, the nineties
    (verbose_regex(rf"{_B}(?:the\s+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century{_E}"),
     lambda m, ctx: ("DATE", f"{int(m.group('n')) - 1:02d}") if 0 < int(m.group("n")) < 30 else None),
    (verbose_regex(rf"{_B}(?:the\s+)?(?:nineteen[\s-])?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties){_E}"),
     lambda m, ctx: ("DATE", "19" + str(["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                                          "eighties", "nineties"].index(m.group("w").lower()) + 2) + "X")),
    # now, currently, recently, the future
    (verbose_regex(rf"""{_B}(?P<w>now|currently|nowadays|these\s+days|at\s+present|recently|
          lately|the\s+near\s+future|the\s+future|the\s+past){_E}(?<!Now(?=,))"""), ref),
    (verbose_regex(rf"{_B}(?P<w>current){_E}(?!\s+(?:account|accounts|events|affairs|study|studies))"), ref),
    (verbose_regex(rf"(?<!average\s)(?<!party\s)(?<!Party\s){_B}(?P<w>daily|weekly|monthly|yearly|hourly|nightly){_E}(?!\s+[A-Z])"), adj_set),
    (verbose_regex(rf"{_B}(?:every|each|per|a)\s+(?P<u>day|week|month|quarter|year|hour|{WD[3:-1]}){_E}"),
     lambda m, ctx: every(m, ctx) if not m.group(0).lower().startswith("a ") else None),
]
