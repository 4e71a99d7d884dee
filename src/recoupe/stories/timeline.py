"""The story's timeline: dated events merged across outlets, in date order.

An event is a claim (else the sentence) holding a date: a DATE or TIME expression of the
article normalised to day, month or year, or a date in the claim's `when` (not the date of a
"première visite depuis 2019": that one is the earlier visit's). The same event told
by several outlets (same date, close sentences) is one entry supported by each of them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from recoupe.model import Article, SourceSpan, Story, TimelineEvent, strip_bounds
from recoupe.stories.align import encode, is_reporting, iso_date, predicate_family

SAME_EVENT = 0.55  # mean sentence cosine for one event told twice
SAME_ACT_EVENT = 0.4  # ... when the claims there have the same verb family
MAX_WORDS = 18


@dataclass
class _Candidate:
    date: str
    span: SourceSpan  # the claim or sentence telling the event
    time_text: str  # the date expression, to leave out of the label
    acts: frozenset = frozenset()  # verb families of the claims told there


_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
_MONTH_DAY = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?(?=$|T)")


def _full(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def story_anchors(story: Story, articles: dict[str, Article]) -> dict[str, date | None]:
    """The day each article speaks from. An article without a full date of its own takes
    the date of the story's other articles that fits what it has ("2023-09", or nothing):
    outlets covering one event write within days of each other."""
    arts = [articles[a] for a in story.article_ids if a in articles]
    published = [d for a in arts if (d := _full(a.published))]
    mentioned = Counter(d for a in arts for t in a.times if t.type == "DATE" and (d := _full(t.value)))
    out: dict[str, date | None] = {}
    for a in arts:
        own = _full(a.published)
        if own:
            out[a.id] = own
            continue
        prefix = a.published or ""
        fits = sorted(d for d in published if d.isoformat().startswith(prefix))
        if fits:
            out[a.id] = fits[len(fits) // 2]
            continue
        said = [d for d, _ in mentioned.most_common() if d.isoformat().startswith(prefix)]
        out[a.id] = said[0] if said else None
    return out


def resolve_partial(value: str, anchor: date | None) -> str | None:
    """An ISO date for an underspecified TimeML value against the article's day: a weekday
    ("XXXX-WXX-3") is the last such day on or before it, a month or day without a year
    ("XXXX-07", "XXXX-09-13") takes the year that puts it nearest."""
    direct = iso_date(value)
    if direct or anchor is None:
        return direct
    m = _WEEKDAY.match(value)
    if m:
        back = (anchor.isoweekday() - int(m.group(1))) % 7
        return (anchor - timedelta(days=back)).isoformat()
    m = _MONTH_DAY.match(value)
    if m:
        month, day = int(m.group(1)), int(m.group(2) or 15)
        options = []
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                options.append(date(year, month, day))
            except ValueError:
                continue
        if not options:
            return None
        best = min(options, key=lambda d: abs((d - anchor).days))
        return best.isoformat() if m.group(2) else best.isoformat()[:7]
    return None


def _container(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """The shortest claim holding [start, end), else the sentence holding it, kept to its
    paragraph (a heading without a full stop must not glue onto the next sentence)."""
    claims = [c for c in article.claims if c.start <= start and end <= c.end
              and article.text[c.start:c.end] == c.text]
    if claims:
        c = min(claims, key=lambda c: c.end - c.start)
        lo, hi = c.start, c.end
    else:
        sent = next(((s.start, s.end) for s in article.sentences if s.start <= start and end <= s.end),
                    None)
        if sent is None:
            return None
        lo, hi = sent
    text = article.text
    lo = max(lo, text.rfind("\n", lo, start) + 1)
    nl = text.find("\n", end, hi)
    hi = nl if nl != -1 else hi
    lo, hi = strip_bounds(text, lo, hi)
    return (lo, hi) if lo <= start and end <= hi else None


def _acts(article: Article, span: SourceSpan) -> frozenset:
    """The verb families of the claims inside a span ("réunir" and "meet" are one)."""
    return frozenset(f for c in article.claims if span.start <= c.start < span.end
                     and (f := predicate_family(c.predicate)) and not is_reporting(c.predicate))


# "Première visite depuis 2019", "the first time since 2019": the date is the earlier
# instance's, not the event's
_SINCE = re.compile(r"\b(?:depuis|since|seit)\s+(?:(?:le|la|l'|l’|les|the)\s*)?$", re.IGNORECASE)
_FIRST = re.compile(r"\b(?:premi(?:er|ère)s?|first|erste[nrs]?)\b", re.IGNORECASE)


def _first_since(article: Article, t, where: tuple[int, int]) -> bool:
    text = article.text
    return bool(_SINCE.search(text[max(where[0], t.start - 20):t.start])
                and _FIRST.search(text[where[0]:t.start]))


def _candidates(article: Article, anchor: date | None) -> list[_Candidate]:
    out, seen = [], set()
    for t in article.times:
        if t.type not in ("DATE", "TIME") or not (0 <= t.start < t.end <= len(article.text)):
            continue
        day = resolve_partial(t.value, anchor)
        where = _container(article, t.start, t.end) if day else None
        if where and (day, where) not in seen and not _first_since(article, t, where):
            seen.add((day, where))
            sp = article.span(*where)
            out.append(_Candidate(day, sp, t.text, _acts(article, sp)))
    for c in article.claims:
        if article.text[c.start:c.end] != c.text:
            continue
        for value in c.when:
            told = [t for t in article.times if c.start <= t.start < c.end and t.value == value]
            if told and all(_first_since(article, t, (c.start, c.end)) for t in told):
                continue
            day = resolve_partial(value, anchor)
            if day and (day, (c.start, c.end)) not in seen \
                    and not any(x.date == day and x.span.start <= c.start < x.span.end for x in out):
                seen.add((day, (c.start, c.end)))
                sp = article.span(c.start, c.end)
                out.append(_Candidate(day, sp, "", _acts(article, sp)))
    return out


_SUBJECT_OPENERS = {"le", "la", "les", "un", "une", "des", "ce", "cette", "ces", "il", "elle", "ils",
                    "elles", "on", "nous", "son", "sa", "ses", "leur", "leurs", "en", "au", "à",
                    "où", "lorsque", "quand", "puis", "mais", "et",
                    "the", "an", "he", "she", "they", "it", "we", "in", "on", "at", "when", "where"}


_LINKS = {"où", "et", "mais", "puis", "lorsque", "quand", "and", "but", "when", "where"}


def label(text: str, time_text: str = "") -> str:
    """A short phrase for the event: the clause holding the date (else the sentence), without
    a date opener, cut to a few words around the date."""
    out = _label(text, time_text)
    if len(out.split()) < 3:  # the date alone, or nearly: the whole telling says more
        out = _label(text, "")
    return out or " ".join(text.split())


def _label(text: str, time_text: str) -> str:
    text = " ".join(text.split())
    k = text.find(time_text) if time_text else -1
    if k >= 0 and len(text.split()) > MAX_WORDS:
        # the clause around the date, when the sentence is long
        lo = max(text.rfind(p, 0, k) for p in (", ", "; ", ": ", " – "))
        hi = min([x for x in (text.find(p, k + len(time_text)) for p in (", ", "; ", ": ", " – ")) if x != -1]
                 or [len(text)])
        clause = text[lo + 2 if lo >= 0 else 0:hi]
        first = clause.split()[0].lower() if clause.split() else ""
        # a clause that opens on its subject reads alone ("le ministre ...", not "a déclaré ...")
        if len(clause.split()) >= 5 and (first[:1].isupper() or first in _SUBJECT_OPENERS
                                         or clause[:1].isupper() or first.startswith(("l'", "d'"))):
            text = clause
            k = text.find(time_text)
    # a clause opened by a linking word stands alone without it ("où le dirigeant a rencontré")
    first = text.split()[0].lower() if text.split() else ""
    if first in _LINKS and len(text.split()) > 4:
        text = text[len(first):].lstrip()
        k = text.find(time_text) if time_text else -1
    if 0 <= k <= 3:  # "En juillet 2023, le ministre ..." -> "le ministre ..."
        text = text[k + len(time_text):].lstrip(" ,;:")
        k = -1
    text = text[:1].upper() + text[1:]
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text.rstrip(" .")
    if k > 0:
        # keep the words up to the date and a few after
        upto = len(text[:k + len(time_text)].split())
        first = max(0, min(upto + 3, len(words)) - MAX_WORDS)
        cut = " ".join(words[first:first + MAX_WORDS])
        return ("… " if first else "") + cut.rstrip(" ,;:.") + (" …" if first + MAX_WORDS < len(words) else "")
    cut = " ".join(words[:MAX_WORDS])
    stop = max(cut.rfind(","), cut.rfind(";"), cut.rfind(":"))
    if stop > len(cut) // 2:
        cut = cut[:stop]
    return cut.rstrip(" ,;:") + " …"


def _order(date: str) -> tuple:
    parts = [int(p) for p in date.split("-")]
    return tuple(parts + [0] * (3 - len(parts)))


def _opposed(story: Story) -> list[tuple[SourceSpan, SourceSpan]]:
    """Pairs of spans on two sides of one contradiction."""
    pairs = []
    for d in story.divergences:
        if not d.contradiction:
            continue
        for i, side in enumerate(d.sides):
            for other in d.sides[i + 1:]:
                pairs += [(x, y) for x in side.support for y in other.support]
    return pairs


def _overlap(a: SourceSpan, b: SourceSpan) -> bool:
    return a.article_id == b.article_id and a.start < b.end and b.start < a.end


def _opposes(opposed, a: SourceSpan, b: SourceSpan) -> bool:
    return any((_overlap(a, x) and _overlap(b, y)) or (_overlap(a, y) and _overlap(b, x))
               for x, y in opposed)


def build_timeline(story: Story, articles: dict[str, Article]) -> None:
    """Fill `story.timeline`: one entry per event, each with its supporting spans."""
    anchors = story_anchors(story, articles)
    cands = [c for aid in story.article_ids if aid in articles
             for c in _candidates(articles[aid], anchors.get(aid))]
    vecs = encode([c.span.text for c in cands])
    opposed = _opposed(story)
    events: list[list[int]] = []
    sums: list[np.ndarray] = []  # the sum of each event's vectors: mean cosine in one product
    by_date: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        best, best_cos = None, SAME_EVENT
        for k in by_date.get(c.date, []):
            cos = float(vecs[i] @ sums[k]) / len(events[k])
            # the same act on the same day is one event even in other words (or languages)
            if c.acts and any(c.acts & cands[m].acts for m in events[k]) and cos >= SAME_ACT_EVENT:
                cos += SAME_EVENT
            if cos >= best_cos and not any(_opposes(opposed, c.span, cands[m].span) for m in events[k]):
                best, best_cos = k, cos  # two sides of a divergence are two versions, not one event
        if best is None:
            by_date.setdefault(c.date, []).append(len(events))
            events.append([i])
            sums.append(vecs[i].copy())
        else:
            events[best].append(i)
            sums[best] += vecs[i]
    timeline = []
    for members in events:
        support: list[SourceSpan] = []
        for m in members:
            s = cands[m].span
            if all((x.article_id, x.start, x.end) != (s.article_id, s.start, s.end) for x in support):
                support.append(s)
        # the telling closest to all others names the event
        centre = vecs[members].sum(axis=0)
        head = max(members, key=lambda m: (float(vecs[m] @ centre), -len(cands[m].span.text)))
        timeline.append(TimelineEvent(cands[head].date, label(cands[head].span.text,
                                                              cands[head].time_text), support))
    timeline.sort(key=lambda e: (_order(e.date), -len({s.article_id for s in e.support})))
    story.timeline = timeline
