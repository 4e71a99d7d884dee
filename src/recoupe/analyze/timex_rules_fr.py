"""French temporal expressions: the patterns and their normalisers (see `recoupe.analyze.dates`).

Conventions follow the French TimeBank (ISO-TimeML): the article "le" belongs to a date
("le 13 septembre", "le mercredi 1er mai") but prepositions do not ("depuis trois ans" ->
"trois ans", DURATION `P3Y`); "hier matin" is a TIME (`...TMO`); "le mercredi" with no date
is habitual (SET `XXXX-WXX-3`); "aujourd'hui" is the article's day; "désormais" is PRESENT_REF.
"""

from __future__ import annotations

import re
from datetime import timedelta

from recoupe.analyze.dates import (HOLIDAYS, Context, alternation, fmt_number, full_year,
                                   verbose_regex, valid_date)

# --- lexicons
MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2,
    "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
    "août": 8, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
            "dimanche": 6}
PARTS = {"matin": "MO", "matinée": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV",
         "nuit": "NI", "journée": "DT"}
SEASONS = {"printemps": "SP", "été": "SU", "ete": "SU", "automne": "FA", "hiver": "WI"}
UNITS = {  # unit -> (ISO letter, is a time unit)
    "seconde": ("S", True), "minute": ("M", True), "heure": ("H", True),
    "jour": ("D", False), "journée": ("D", False), "nuit": ("D", False),
    "semaine": ("W", False), "mois": ("M", False), "trimestre": ("Q", False),
    "semestre": ("6M", False), "an": ("Y", False), "année": ("Y", False),
    "décennie": ("DE", False), "siècle": ("CE", False), "millénaire": ("ML", False),
}
NUMBERS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
}
VAGUE = {"plusieurs", "quelques", "des", "certaines", "certains", "nombreuses", "nombreux",
         "derniers", "dernières", "prochains", "prochaines"}
APPROX = {"une dizaine": 10, "une quinzaine": 15, "une vingtaine": 20, "une trentaine": 30,
          "une quarantaine": 40, "une cinquantaine": 50, "une centaine": 100}
ORDINALS = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
            "quatrième": 4, "dernier": 4}


_B = r"(?<![\w-])"  # a word starts here
_E = r"(?![\w-])"  # a word ends here
APOS = r"['’]"
ABBREVIATIONS = {"janv", "févr", "fevr", "fév", "avr", "juil", "sept", "oct", "nov", "déc", "dec"}
MON = rf"(?:{alternation(set(MONTHS) - ABBREVIATIONS)}|(?:{alternation(ABBREVIATIONS)})\.?)"  # only abbreviations take a dot
WD = rf"(?:{alternation(WEEKDAYS)})"
PART = rf"(?:{alternation(PARTS)})"
NUMWORD = rf"(?:{alternation(NUMBERS)})"
NUMBER = rf"(?:\d+(?:[.,]\d+)?|{NUMWORD}(?:[-\s](?:et[-\s])?{NUMWORD})*)"
UNIT = r"(?:secondes?|minutes?|heures?|jours?|journées?|nuits?|semaines?|mois|trimestres?|" \
       r"semestres?|ans|an|années?|décennies?|siècles?|millénaires?)"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)"
# "début", "fin", "mi-": kept in the span, the value keeps the granularity it modifies
MOD = rf"(?:(?:la\s+)?(?:fin|début|milieu)\s+(?:de\s+(?:l{APOS}|la\s+)?|d{APOS})?|(?:la\s+)?mi-|courant\s+)"

# words of a sentence that speaks of the future: the future tense, "va", "prévu", "prochain"
FUTURE_WORDS = {"sera", "seront", "serai", "serons", "aura", "auront", "devra", "devront", "pourra",
                "pourront", "ira", "iront", "fera", "feront", "viendra", "viendront", "faudra",
                "voudra", "verra", "saura", "tiendra", "va", "vont", "prévu", "prévue", "prévus",
                "prévues", "prochain", "prochaine", "prochains", "prochaines", "doit", "doivent"}
FUTURE_ENDINGS = ("erai", "eras", "era", "erons", "erez", "eront", "iront")
FUTURE_REACH = 120  # characters of the sentence looked at on each side
_WORD = re.compile(r"\w+")


def _num(s: str) -> float | None:
    """A French number in digits or words ("dix-huit", "vingt et un", "30,4")."""
    s = s.lower().strip()
    if s[:1].isdigit():
        try:
            return float(s.replace(",", "."))
        except ValueError:
            return None
    if s in APPROX:
        return APPROX[s]
    total, cur = 0, 0
    for tok in re.split(r"[-\s]+", s):
        if tok == "et" or not tok:
            continue
        v = NUMBERS.get(tok)
        if v is None:
            return None
        if v == 100:
            cur = max(cur, 1) * 100
        elif v == 1000:
            total += max(cur, 1) * 1000
            cur = 0
        elif v == 20 and cur % 100 == 4:  # quatre-vingt(s)
            cur += 76
        else:
            cur += v
    return float(total + cur)


def _duration(n: float | None, unit: str) -> str:
    unit = unit.lower().rstrip("s") if unit.lower() != "mois" else "mois"
    letter, is_time = UNITS.get(unit, ("D", False))
    if letter == "6M":
        return "P" + (fmt_number(n * 6) if n is not None else "X") + "M"
    if letter in ("DE", "CE", "ML") and n is not None:  # trois décennies -> P30Y
        return f"P{fmt_number(n * {'DE': 10, 'CE': 100, 'ML': 1000}[letter])}Y"
    if n is not None and n != int(n):  # 1,5 an -> P18M, 30,4 secondes -> PT30.4S
        if letter == "Y":
            return f"P{fmt_number(n * 12)}M"
        if letter == "H" and is_time:
            return f"PT{fmt_number(n * 60)}M"
    q = fmt_number(n) if n is not None else "X"
    return ("PT" if is_time else "P") + q + letter


PAST_AUX = {"a", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "été", "eu", "fut"}


def _is_future_word(w: str) -> bool:
    return w in FUTURE_WORDS or (len(w) > 5 and w.endswith(FUTURE_ENDINGS)) or (len(w) > 6 and w.endswith("ira"))


def _future(m: re.Match, ctx: Context) -> bool:
    """The clause around the expression speaks of the future. The verb right before it
    decides ("a annoncé mardi", "sera reçue mardi"); else any future form in the clause."""
    lead = _WORD.findall(m.string[max(0, m.start() - 40):m.start()].lower())[-4:]
    for w in reversed(lead):
        if _is_future_word(w):
            return True
        if w in PAST_AUX or (len(w) > 3 and w.endswith(("é", "ée", "és", "ées"))):
            return False
    for w in _WORD.findall(ctx.sentence(m.start(), m.end(), FUTURE_REACH, FUTURE_REACH).lower()):
        if _is_future_word(w):
            return True
    return False


def _direction(rel: str | None, m: re.Match, ctx: Context, default: int) -> int:
    rel = (rel or "").lower()
    if rel.startswith("dernier") or rel.startswith("passé") or rel.startswith("dernière"):
        return -2
    if rel.startswith("prochain"):
        return 2
    return 1 if _future(m, ctx) else default


# --- normalisers: (match, context) -> (type, value) or None to drop the match

def full_date(m, ctx):
    day = m.group("d").lower()
    d = 1 if day in ("1er", "premier") else int(day)
    month = MONTHS[m.group("m").lower().rstrip(".")]
    direction = _direction(m.group("rel"), m, ctx, 0)
    v = ctx.month_day(month, d, full_year(m.group("y")), direction)
    return ("DATE", v) if v else None


def numeric_date(m, ctx):
    y = full_year(m.group("y"))
    d, mo = int(m.group("d")), int(m.group("m"))
    v = ctx.month_day(mo, d, y, 0)
    return ("DATE", v) if v else None


def month_year(m, ctx):
    month = MONTHS[m.group("m").lower().rstrip(".")]
    return "DATE", f"{full_year(m.group('y')):04d}-{month:02d}"


# words before a month or a year that make it a date: "en juillet", "depuis 1998"
MONTH_CUE = re.compile(rf"(?<![\w-])(?:en|dès|depuis|d{APOS}ici|jusqu{APOS}en|avant|après|pour|de|d{APOS}|"
                       rf"entre|et|à\s+partir\s+de|durant|pendant|au|du)\s*(?:l{APOS})?$", re.IGNORECASE)
YEAR_CUE = re.compile(rf"(?<![\w-])(?P<w>en|depuis|dès|de|d{APOS}ici|jusqu{APOS}en|avant|après|entre|et|ou|à|"
                      rf"au\s+cours\s+de|l{APOS}été|l{APOS}hiver|saison)\s+$", re.IGNORECASE)


def bare_month(m, ctx):
    word = m.group("m")
    cue = MONTH_CUE.search(m.string, max(0, m.start() - 20), m.start())
    if not (cue or m.group("mod") or m.group("rel")):
        return None
    # a capitalised month name alone in mid-sentence is a name ("Mai", "Avril") more often
    start = m.start("t")
    before = m.string[max(0, start - 3):start].strip()[-1:]
    if word[0].isupper() and start > 0 and before not in ("", ".", "!", "?", "«", '"'):
        return None
    month = MONTHS[word.lower().rstrip(".")]
    direction = _direction(m.group("rel"), m, ctx, 0)
    return "DATE", ctx.month_of(month, direction)


def weekday(m, ctx):
    wd = WEEKDAYS[m.group("wd").lower()]
    det = (m.group("det") or "").lower()
    rel = m.group("rel")
    part = m.group("part")
    if (det in ("le", "les", "tous les", "chaque") or m.group("plural")) and not rel:
        return "SET", f"XXXX-WXX-{wd + 1}" + (f"T{PARTS[part.lower()]}" if part else "")
    direction = _direction(rel, m, ctx, -1)
    v = ctx.weekday(wd, direction)
    if part:
        return "TIME", v + "T" + PARTS[part.lower()]
    return "DATE", v


def weekday_day(m, ctx):
    day = m.group("d").lower()
    d = 1 if day == "1er" else int(day)
    today = ctx.today()
    if today is None or not 1 <= d <= 31:
        return None
    wd = WEEKDAYS[m.group("wd").lower()]
    # the months around the anchor in which that day number falls on that weekday
    cands = []
    for k in range(-6, 7):
        y, mo = divmod(today.year * 12 + today.month - 1 + k, 12)
        c = valid_date(y, mo + 1, d)
        if c and c.weekday() == wd:
            cands.append(c)
    if not cands:
        return None
    best = min(cands, key=lambda c: abs((c - today).days))
    return "DATE", best.isoformat()


RELDAYS = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
           "après-demain": 2}


def relative_day(m, ctx):
    word = m.group("w").lower()
    part = m.group("part")
    v = ctx.day_offset(RELDAYS[word])
    if part:
        return "TIME", v + "T" + PARTS[part.lower()]
    return "DATE", v


def this_part(m, ctx):  # "ce matin", "ce soir", "cette nuit"
    part = m.group("part").lower()
    return "TIME", ctx.day_offset(0) + "T" + PARTS[part]


def clock(m, ctx):
    h = int(m.group("h"))
    mi = int(m.group("mi")) if m.group("mi") else 0
    if h > 24 or mi > 59:
        return None
    return "TIME", ctx.time_on_day(f"T{h:02d}:{mi:02d}")


def day_clock(m, ctx):
    h = int(m.group("h"))
    mi = int(m.group("mi")) if m.group("mi") else 0
    if h > 24 or mi > 59:
        return None
    return "TIME", ctx.day_offset(RELDAYS[m.group("w").lower()]) + f"T{h:02d}:{mi:02d}"


def _lb_days() -> str:
    """Fixed-width look-behinds: no "vers" in the span right after a day word."""
    return ")(?<!".join(rf"{w}\s" for w in list(WEEKDAYS) + ["demain", "matin", "soir"])


def noon(m, ctx):
    word = m.group("w").lower()
    return "TIME", ctx.time_on_day("T12:00" if word == "midi" else "T24:00")


def week(m, ctx):
    rel = (m.group("rel") or "").lower()
    n = -1 if rel.startswith(("derni", "pass", "précédente")) else 1 if rel.startswith("proch") else 0
    we = "-WE" if "end" in m.group("u").lower() else ""
    if we and not rel and ctx.today() and ctx.today().weekday() < 3 and not _future(m, ctx):
        n = -1
    return "DATE", ctx.week_offset(n, we)


def month_rel(m, ctx):
    rel = (m.group("rel") or "").lower()
    n = -1 if rel.startswith(("derni", "pass")) else 1 if rel.startswith("proch") else 0
    return "DATE", ctx.month_offset(n)


def year_rel(m, ctx):
    rel = (m.group("rel") or "").lower()
    n = -1 if rel.startswith(("derni", "pass", "précédente")) else 1 if rel.startswith("proch") else 0
    return "DATE", ctx.year_offset(n)


# after a year comes punctuation or a small word; after a count, a noun ("2000 personnes")
COUNTED = re.compile(r"\s+(?!(?:et|à|au|en|où|ou|le|la|les|puis|avec|pour|par|sur|contre|déjà|il|"
                     r"elle|ils|on|a|avait|était|lors|dans|comme|qui|que|mais|selon|de)\b)"
                     r"[a-zàâçéèêëîïôûù]|\s*(?:%|€|\$|euros?\b|francs?\b|dollars?\b|m\b|km\b|kg\b)")
STRONG_YEAR_CUES = {"en", "depuis", "dès", "d'ici", "d’ici", "jusqu'en", "jusqu’en", "l'été", "l’été",
                    "l'hiver", "l’hiver", "saison", "au"}


def year(m, ctx):
    cue = YEAR_CUE.search(m.string, max(0, m.start() - 20), m.start())
    if not (cue and cue.group("w").lower() in STRONG_YEAR_CUES) and COUNTED.match(m.string, m.end()):
        return None
    return "DATE", m.group("y")


def next_day(m, ctx):
    w = m.group("w").lower()
    n = 2 if "surlendemain" in w else 1 if "lendemain" in w else -2 if "avant" in w else -1
    day = ctx.last_day or ctx.today()
    if day is None:
        return "DATE", "XXXX-XX-XX"
    return "DATE", (day + timedelta(days=n)).isoformat()


def part_of_year(m, ctx):
    o = m.group("o").lower()
    n = 4 if o == "dernier" else ORDINALS.get(o) or int(o[0])
    half = m.group("u").lower() == "semestre"
    if half and n > 2:
        return None
    y = m.group("y")
    if y:
        yr = int(y)
    else:
        yr = ctx.anchor_year()
        if yr is None:
            return "DATE", ("XXXX-H" if half else "XXXX-Q") + str(n)
    return "DATE", f"{yr:04d}-{'H' if half else 'Q'}{n}"


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def century(m, ctx):
    r = m.group("r")
    total = 0
    for a, b in zip(r, r[1:] + " "):
        v = ROMAN[a]
        total += -v if b != " " and ROMAN.get(b, 0) > v else v
    if not 1 <= total <= 30:
        return None
    return "DATE", f"{total - 1:02d}"


def century_rel(m, ctx):
    y = ctx.anchor_year()
    if y is None:
        return "DATE", "XX"
    rel = (m.group("rel") or "").lower()
    return "DATE", f"{y // 100 + (-1 if rel == 'dernier' else 1 if rel == 'prochain' else 0):02d}"


FR_HOLIDAYS = {"noël": "christmas", "pâques": "easter", "toussaint": "all saints",
               "pentecôte": "pentecost", "ascension": "ascension", "saint-sylvestre": "new year eve",
               "nouvel an": "new year", "jour de l'an": "new year", "jour de l’an": "new year",
               "14-juillet": "bastille day", "1er-mai": "may day", "armistice": "armistice",
               "assomption": "assumption", "saint-valentin": "valentine", "halloween": "halloween"}


def holiday(m, ctx):
    day_in = HOLIDAYS[FR_HOLIDAYS[re.sub(r"\s+", " ", m.group("w").lower())]]
    if m.group("y"):
        return "DATE", day_in(int(m.group("y"))).isoformat()
    rel = (m.group("rel") or "").lower()
    direction = -2 if rel == "dernier" else 2 if rel == "prochain" else 1 if _future(m, ctx) else 0
    return "DATE", ctx.yearly(day_in, direction)


def decade(m, ctx):
    y = m.group("y")
    if len(y) == 2:
        y = ("19" if int(y) > 20 else "20") + y
    return "DATE", y[:3] + "X"


def season(m, ctx):
    s = SEASONS[m.group("s").lower()]
    det = (m.group("t") or m.group(0)).lower()
    y = m.group("y")
    rel = (m.group("rel") or "").lower()
    if y:
        return "DATE", f"{int(y):04d}-{s}"
    if det.startswith("cet") or rel:
        ay = ctx.anchor_year()
        if ay is None:
            return "DATE", f"XXXX-{s}"
        n = -1 if rel.startswith(("derni", "pass")) else 1 if rel.startswith("proch") else 0
        return "DATE", f"{ay + n:04d}-{s}"
    return "DATE", f"XXXX-{s}"


# nouns after which "de trois ans" is a length of time, not an age ("une peine de deux ans")
DURATION_HEADS = {"période", "durée", "terme", "bout", "peine", "prison", "réclusion", "détention",
                  "emprisonnement", "espace", "cours", "mandat", "contrat", "plan", "programme",
                  "sursis", "total", "moyenne", "intervalle", "suite", "delà", "longueur",
                  "absence", "attente", "retard", "avance", "ici", "travaux", "tractations"}
AGE_BEFORE = re.compile(r"(?:âg[ée]e?s?\s+de|ag[ée]e?s?\s+de|(?:les|des)|(?P<head>[\w-]+)\s+(?:de|d['’])|"
                        r"(?P<comma>[,(]))\s*$", re.IGNORECASE)


def is_age(m: re.Match) -> bool:
    """"un chauffeur de 38 ans", "Alain P., 53 ans,", "âgé de 54 ans", "les moins de 17 ans"."""
    if not m.group("u").lower().startswith("an"):
        return False
    start = m.start("t") if m.re.groupindex.get("t") and m.group("t") else m.start()
    before = AGE_BEFORE.search(m.string, max(0, start - 40), start)
    if before is None:
        return False
    if before.group("comma"):
        return bool(re.match(r"\s*[,)]", m.string[m.end():m.end() + 2]))
    head = before.group("head")
    return head is None or head.lower() not in DURATION_HEADS


def duration(m, ctx):
    num = m.group("n").lower()
    unit = m.group("u")
    if is_age(m):
        return None
    n = None if num.split()[-1] in VAGUE or num.startswith("ces") else _num(num)
    if n is None and num.split()[-1] not in VAGUE and not num.startswith("ces"):
        return None
    return "DURATION", _duration(n, unit)


def ago_date(n: float, unit: str, sign: int, ctx: Context):
    n = int(n)
    u = unit.lower()
    if u.startswith(("jour", "journ")):
        return "DATE", ctx.day_offset(sign * n)
    if u.startswith("semaine"):
        return "DATE", ctx.day_offset(sign * 7 * n)
    if u.startswith("mois"):
        return "DATE", ctx.month_offset(sign * n)
    if u.startswith(("an", "ann")):
        return "DATE", ctx.year_offset(sign * n)
    return "DURATION", _duration(n, unit)


FIXED_DURATIONS = {"quinquennat": "P5Y", "septennat": "P7Y", "un quart de siècle": "P25Y",
                   "un demi-siècle": "P50Y", "une demi-heure": "PT30M", "un quart d'heure": "PT15M",
                   "un quart d’heure": "PT15M", "un an et demi": "P18M", "une heure et demie": "PT90M",
                   "un mois et demi": "P6W", "une demi-journée": "PT12H", "décennie": "P10Y"}


def fixed_duration(m, ctx):
    return "DURATION", FIXED_DURATIONS[re.sub(r"\s+", " ", m.group("w").lower())]


SET_UNITS = {"jour": "P1D", "jours": "P1D", "semaine": "P1W", "semaines": "P1W", "mois": "P1M",
             "an": "P1Y", "ans": "P1Y", "année": "P1Y", "années": "P1Y", "heure": "PT1H",
             "heures": "PT1H", "trimestre": "P3M", "trimestres": "P3M", "semestre": "P6M",
             "matin": "XXXX-XX-XXTMO", "matins": "XXXX-XX-XXTMO", "soir": "XXXX-XX-XXTEV",
             "soirs": "XXXX-XX-XXTEV", "nuit": "XXXX-XX-XXTNI", "nuits": "XXXX-XX-XXTNI",
             "week-end": "XXXX-WXX-WE", "week-ends": "XXXX-WXX-WE"}


def every(m, ctx):
    u = m.group("u").lower()
    if u.rstrip("s") in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[u.rstrip('s')] + 1}"
    return "SET", SET_UNITS[u]


ADJ_SETS = {"mensuel": "P1M", "mensuelle": "P1M",
            "mensuels": "P1M", "mensuelles": "P1M", "annuel": "P1Y", "annuelle": "P1Y",
            "annuels": "P1Y", "annuelles": "P1Y", "quotidiennement": "P1D",
            "annuellement": "P1Y", "mensuellement": "P1M"}


NOUN_BEFORE = re.compile(r"(?<![\w-])(?:le|du|au|un|ce|son|leur|des|les|notre|votre|nos|ses|mon|l['’])\s*$",
                         re.IGNORECASE)


def adj_set(m, ctx):
    if NOUN_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
        return None  # "le mensuel", "l'annuel": a publication, an event
    return "SET", ADJ_SETS[m.group("w").lower()]


REFS = {"actuellement": "PRESENT_REF", "désormais": "PRESENT_REF", "maintenant": "PRESENT_REF",
        "à présent": "PRESENT_REF", "de nos jours": "PRESENT_REF", "à l'heure actuelle": "PRESENT_REF",
        "à l’heure actuelle": "PRESENT_REF",
        "auparavant": "PAST_REF", "autrefois": "PAST_REF", "jadis": "PAST_REF",
        "naguère": "PAST_REF", "récemment": "PAST_REF", "dernièrement": "PAST_REF",
        "nouvellement": "PAST_REF", "prochainement": "FUTURE_REF", "bientôt": "FUTURE_REF",
        "à l'avenir": "FUTURE_REF", "à l’avenir": "FUTURE_REF"}


def ref(m, ctx):
    return "TIME", REFS[re.sub(r"\s+", " ", m.group("w").lower())]


# --- the rules, most specific first (on equal length the earlier rule wins)
RULES = [
    # le mercredi 13 septembre 2023, 13 septembre dernier, 1er mai 1962
    (verbose_regex(rf"""{_B}(?:(?:le|ce)\s+)?(?:(?P<wd>{WD})\s+)?(?P<d>[0-3]?\d|1er|premier)\s+(?P<m>{MON})
          (?:\s+(?P<y>{YEAR4}|{APOS}?\d\d(?!\d)))?(?:\s+(?P<rel>derniers?|prochains?))?{_E}"""),
     full_date),
    # les 6 et 13 avril: the first day borrows the month
    (verbose_regex(rf"""{_B}(?P<t>(?:les|le|du|entre\s+le)\s+(?P<d>[0-3]?\d|1er))\s+(?:et|au|ou|à)\s+(?:le\s+)?
          [0-3]?\d\s+(?P<m>{MON})(?:\s+(?P<y>{YEAR4}))?(?:\s+(?P<rel>derniers?|prochains?))?{_E}"""),
     full_date),
    # 13/09/2023, 13.09.23
    (verbose_regex(r"(?<![\d/.])(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>\d{4}|\d\d)(?![\d/]|\.\d)"), numeric_date),
    # octobre 98, août 2001, fin août 2023
    (verbose_regex(rf"{_B}{MOD}?(?P<m>{MON})\s+(?P<y>{YEAR4}|{APOS}?\d\d(?!\d)(?!\s*(?:h\b|%|[a-zà-ü])))(?!\d)"), month_year),
    # en juillet, en juillet dernier, fin août, au mois de juin, septembre prochain
    (verbose_regex(rf"""{_B}(?P<t>(?P<mod>{MOD}|(?:le\s+)?(?:(?:début|fin|milieu)\s+du\s+)?mois\s+(?:de\s+|d{APOS}))?
          (?P<m>{MON})(?:\s+(?P<rel>dernier|prochain))?)(?![\w-])"""), bare_month),
    # mercredi, ce jeudi, mercredi dernier, lundi prochain, dimanche soir, le mercredi (habit)
    (verbose_regex(rf"""{_B}(?:(?P<det>ce|le|les|tous\s+les|chaque)\s+(?:même\s+)?)?(?P<wd>{WD})(?P<plural>s)?
          (?:\s+(?P<rel>dernier|prochain|passé))?(?:\s+(?P<part>{PART}))?{_E}"""), weekday),
    # vendredi 13: the closest such day to the anchor
    (verbose_regex(rf"""{_B}(?:(?:le|ce)\s+)?(?P<wd>{WD})\s+(?P<d>[0-3]?\d|1er)(?!\s*(?:h\b|heures?|:|/|\.|,\d|\d|er\b))
          (?!\s+(?:{MON})(?![\w-]))(?![\w-])"""), weekday_day),
    # hier, aujourd'hui vendredi, demain matin
    (verbose_regex(rf"""{_B}(?P<w>avant-hier|après-demain|hier|aujourd{APOS}hui|demain)
          (?:\s+(?P<wd>{WD}))?(?:\s+(?P<part>{PART}|midi))?{_E}"""),
     lambda m, ctx: relative_day(m, ctx) if (m.group("part") or "").lower() != "midi"
     else ("TIME", ctx.day_offset(RELDAYS[m.group("w").lower()]) + "T12:00")),
    (verbose_regex(rf"{_B}(?:ce|cet|cette)\s+(?P<part>matin|après-midi|soir|nuit){_E}"), this_part),
    # dans la nuit, au cours de la soirée, le matin même: a part of the last day mentioned
    (verbose_regex(rf"""(?:{_B}(?:dans|pendant|durant|au\s+cours\s+de|en|toute)\s+)(?P<t>(?:la\s+|l{APOS})(?P<part>nuit|soirée|matinée|journée|après-midi))
          (?!\s+(?:de|du|d{APOS}|des|où|qui|que|suivante|précédente))(?![\w-])"""),
     lambda m, ctx: ("TIME", ctx.time_on_day("T" + PARTS[m.group("part").lower()]))),
    (verbose_regex(rf"{_B}le\s+(?P<part>matin|soir)\s+même{_E}"),
     lambda m, ctx: ("TIME", ctx.time_on_day("T" + PARTS[m.group("part").lower()]))),
    # hier à 10 h, vers 15 h 30, hier: one expression
    (verbose_regex(rf"""{_B}(?P<w>hier|aujourd{APOS}hui|demain)\s+à\s+(?P<h>[0-2]?\d)\s?h\s?(?P<mi>[0-5]\d)?(?![\w])"""),
     lambda m, ctx: day_clock(m, ctx)),
    (verbose_regex(rf"""(?<![\d,.])(?:vers\s+)?(?P<h>[0-2]?\d)\s?h\s?(?P<mi>[0-5]\d)?,?\s+(?P<w>hier|aujourd{APOS}hui|demain)(?![\w-])"""),
     lambda m, ctx: day_clock(m, ctx)),
    # pendant 2 h, en 1 h 30: a length of time
    (verbose_regex(r"""(?<![\w-])(?:pendant|durant|en|depuis|plus\s+de|moins\s+de|environ|près\s+de)\s+
          (?P<t>(?P<h>\d{1,3})\s?h\s?(?P<mi>[0-5]\d)?)(?![\w])"""),
     lambda m, ctx: ("DURATION", f"PT{int(m.group('h'))}H" + (f"{int(m.group('mi'))}M" if m.group("mi") else ""))),
    # 14h30, 21 h 45, 18 h, 14:30; "vers" belongs to a time that no day word precedes
    (verbose_regex(rf"""(?<![\d,.])(?:(?<!hier\s)(?<!{_lb_days()})vers\s+)?(?P<h>[0-2]?\d)\s?(?:h|H)\s?(?P<mi>[0-5]\d)?(?![\w])"""), clock),
    (verbose_regex(r"(?<![\d,.:])(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?![\d:])"), clock),
    (verbose_regex(r"(?<![\w-])(?:à|vers|de|dès|avant|après|jusqu'à|jusqu’à|ce|en\s+fin\s+de|entre)\s+(?P<t>(?P<w>midi|minuit))(?![\w-])"), noon),
    # cette semaine, la semaine dernière, ce week-end, la semaine prochaine
    (verbose_regex(rf"""{_B}(?:{MOD})?(?:cette\s+|ce\s+|(?:la\s+|le\s+)?(?=[\w-]+\s+(?:derni|prochain|pass|précédente)))
          (?P<u>semaine|week-end)(?:\s+(?P<rel>dernière|dernier|prochaine|prochain|passée|passé))?{_E}"""),
     week),
    # ce mois-ci, le mois dernier, le mois prochain
    (verbose_regex(rf"""{_B}(?:{MOD})?(?:ce\s+mois(?:-ci)?|le\s+mois\s+(?P<rel>dernier|prochain|passé)){_E}"""),
     month_rel),
    # cette année, l'an dernier, l'année prochaine, la fin de l'année dernière
    (verbose_regex(rf"""{_B}(?:{MOD})?(?:cette\s+année|(?:l{APOS}|d{APOS})(?:an|année)\s+(?P<rel>dernière|dernier|
          prochaine|prochain|passée|passé|précédente|en\s+cours)|la\s+nouvelle\s+année){_E}"""), year_rel),
    # 1998, en 2008, l'année 2001, fin 2022
    (verbose_regex(rf"""(?:{MOD}|l{APOS}année\s+|l{APOS}an\s+|(?<![\d.,-]))(?P<y>{YEAR4})(?![\d,.]\d|[\w-]|\s?%)"""), year),
    # les années 90, les années 1990
    (verbose_regex(rf"{_B}(?:les\s+)?années\s+(?P<y>(?:19|20)?\d0){_E}"), decade),
    # l'été, cet été, l'hiver dernier, été 2003 ("été" alone is a participle)
    (verbose_regex(rf"""(?:{_B}(?P<det>(?=cet\s|cette\s)|l{APOS}|en\s+|au\s+|le\s+|(?=les\s+mois\s+d{APOS})))
          (?P<t>(?:cet\s+|cette\s+|les\s+mois\s+d{APOS})?(?P<s>été|printemps|automne|hiver)(?:\s+(?P<y>{YEAR4}))?
          (?:\s+(?P<rel>dernier|prochain))?){_E}"""), season),
    (verbose_regex(rf"""{_B}(?P<t>(?P<s>printemps|automne|hiver)(?:\s+(?P<y>{YEAR4}))?)(?:\s+(?P<rel>dernier|prochain))?{_E}"""),
     lambda m, ctx: season(m, ctx) if m.group("y") or m.group("rel") else None),
    # à 20 heures, vers 8 heures 30
    (verbose_regex(r"""(?<![\w-])(?:à|vers|dès|jusqu['’]à|avant|après|de|entre)\s+(?P<t>(?P<h>[0-2]?\d)\s+heures?(?:\s+(?P<mi>[0-5]\d))?)(?![\w-])"""),
     clock),
    # trois ans, environ une heure, plusieurs jours, ces derniers jours; il y a deux jours
    (verbose_regex(rf"""(?P<t>(?:(?P<ago>{_B}il\s+y\s+a)|(?P<dans>{_B}dans))\s+(?P<n>{NUMBER})\s+(?P<u>{UNIT})){_E}"""),
     lambda m, ctx: ago_date(_num(m.group("n")), m.group("u"), -1 if m.group("ago") else 1, ctx)
     if _num(m.group("n")) is not None and not m.group("u").lower().startswith(("heure", "minute", "seconde"))
     else None),
    (verbose_regex(rf"""(?P<t>{_B}
          (?:(?:environ|près\s+de|plus\s+de|moins\s+de|quelque|presque|au\s+moins|pas\s+moins\s+de)\s+)?
          (?P<n>{NUMBER}|une\s+(?:dizaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine)
          |plusieurs|quelques|des(?=\s+(?:années|mois|siècles|décennies))|de\s+nombreuses|de\s+nombreux|ces\s+derni(?:ers|ères)|certaines)\s+
          (?:(?:derni(?:er|ère)s|prochaine?s|premi(?:er|ère)s)\s+)?
          (?:d{APOS}|de\s+)?(?P<u>{UNIT})){_E}"""), duration),
    (verbose_regex(rf"{_B}(?P<w>quinquennat|septennat|un\s+quart\s+de\s+siècle|un\s+demi-siècle|une\s+demi-heure|"
         rf"un\s+quart\s+d{APOS}heure|un\s+an\s+et\s+demi|une\s+heure\s+et\s+demie|un\s+mois\s+et\s+demi|"
         rf"une\s+demi-journée){_E}"), fixed_duration),
    # chaque semaine, tous les jours, tous les jeudis, par an
    (verbose_regex(rf"""{_B}(?:chaque|tous\s+les|toutes\s+les)\s+(?P<u>jours?|semaines?|mois|ans?|années?|heures?|
          trimestres?|semestres?|matins?|soirs?|nuits?|week-ends?){_E}"""), every),
    (verbose_regex(rf"{_B}par\s+(?P<t>(?P<u>jour|semaine|mois|an|année|heure|trimestre|semestre)){_E}"), every),
    # le lendemain, la veille: from the last day spoken of
    (verbose_regex(rf"{_B}(?P<w>le\s+lendemain|la\s+veille|le\s+surlendemain|l{APOS}avant-veille){_E}(?!\s+(?:de|du|des|d{APOS}))"),
     next_day),
    # au premier trimestre, le second semestre 2023, ce trimestre
    (verbose_regex(rf"""{_B}(?:(?:au|du)\s+)?(?P<t>(?:(?:le|ce|cet)\s+)?(?P<o>premier|1er|deuxième|2e|second|troisième|3e|quatrième|4e|dernier)\s+
          (?P<u>trimestre|semestre)(?:\s+(?:de\s+)?(?P<y>{YEAR4}))?){_E}"""), part_of_year),
    # le XIXe siècle, le siècle dernier
    (verbose_regex(rf"{_B}(?:le\s+|au\s+|du\s+)?(?P<r>[IVXLC]+)(?:e|è|ème|ᵉ)\s+siècle{_E}", 0), century),
    (verbose_regex(rf"{_B}(?:le\s+|ce\s+)siècle(?:\s+(?P<rel>dernier|prochain))?{_E}"),
     lambda m, ctx: century_rel(m, ctx)),
    # la fin du mois, en début d'année, fin de semaine
    (verbose_regex(rf"""{_B}(?P<t>(?:la\s+)?(?:fin|début|milieu|mi)[\s-]+(?:du\s+|de\s+(?:l{APOS}|la\s+)?|d{APOS})
          (?P<u>mois|année|an|semaine)){_E}(?!\s+(?:de|d{APOS}|dernier|dernière|prochain|prochaine|passé|passée|précédent|précédente|en\s+cours)\b)"""),
     lambda m, ctx: ("DATE", {"mois": ctx.month_offset(0), "semaine": ctx.week_offset(0)}.get(
         m.group("u").lower(), ctx.year_offset(0)))),
    # dans les prochains jours, ces dernières semaines
    (verbose_regex(rf"{_B}(?:les|ces)\s+(?:prochaine?s|derni(?:er|ère)s)\s+(?P<u>{UNIT}){_E}"),
     lambda m, ctx: ("DURATION", _duration(None, m.group("u")))),
    # Noël, Pâques, la Toussaint, le 14-Juillet
    (verbose_regex(rf"""{_B}(?:(?:à|pour|depuis|avant|après|dès)\s+)?(?P<t>(?:la\s+|le\s+|l{APOS})?(?P<w>Noël|Pâques|Toussaint|Pentecôte|Ascension|
          Saint-Sylvestre|Nouvel\s+An|jour\s+de\s+l{APOS}[Aa]n|14-Juillet|1er-Mai|Armistice|Assomption|Saint-Valentin|Halloween)
          (?:\s+(?P<y>{YEAR4}))?(?:\s+(?P<rel>dernier|prochain))?){_E}""", 0), holiday),
    # annuel, mensuel (not the magazine: "le mensuel"); "quotidien" is mostly the newspaper
    (verbose_regex(rf"""{_B}(?P<w>mensuel(?:le)?s?|annuel(?:le)?s?|quotidiennement|annuellement|mensuellement){_E}"""),
     adj_set),
    (verbose_regex(rf"""{_B}(?P<w>actuellement|désormais|maintenant|à\s+présent|de\s+nos\s+jours|
          à\s+l{APOS}heure\s+actuelle|auparavant|autrefois|jadis|naguère|récemment|
          dernièrement|nouvellement|prochainement|bientôt|à\s+l{APOS}avenir){_E}"""), ref),
]

