"""The story's timeline: dated events merged across outlets, in date order.

An event is a claim (else the sentence) holding a date: a DATE or TIME expression of the
article normalised to day, month or year, or a date in the claim's `when`. The same event told
by several outlets (same date, close sentences) is one entry supported by each of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from recoupe.model import Article, SourceSpan, Story, TimelineEvent
from recoupe.stories.align import encode, iso_date

SAME_EVENT = 0.6  # sentence cosine for one event told twice
MAX_WORDS = 16


@dataclass
class _Candidate:
    date: str
    span: SourceSpan  # the claim or sentence telling the event
    time_text: str  # the date expression, to leave out of the label


def _container(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """The shortest claim holding [start, end), else the sentence holding it."""
    claims = [c for c in article.claims if c.start <= start and end <= c.end
              and article.text[c.start:c.end] == c.text]
    if claims:
        c = min(claims, key=lambda c: c.end - c.start)
        return c.start, c.end
    for s in article.sentences:
        if s.start <= start and end <= s.end:
            return s.start, s.end
    return None


def _candidates(article: Article) -> list[_Candidate]:
    out, seen = [], set()
    for t in article.times:
        if t.type not in ("DATE", "TIME") or not (0 <= t.start < t.end <= len(article.text)):
            continue
        date = iso_date(t.value)
        where = _container(article, t.start, t.end) if date else None
        if where and (date, where) not in seen:
            seen.add((date, where))
            out.append(_Candidate(date, article.span(*where), t.text))
    for c in article.claims:
        if article.text[c.start:c.end] != c.text:
            continue
        for value in c.when:
            date = iso_date(value)
            if date and (date, (c.start, c.end)) not in seen \
                    and not any(x.date == date and x.span.start <= c.start < x.span.end for x in out):
                seen.add((date, (c.start, c.end)))
                out.append(_Candidate(date, article.span(c.start, c.end), ""))
    return out


def label(text: str, time_text: str = "") -> str:
    """A short phrase for the event: the sentence without its date opener, cut at a clause."""
    text = " ".join(text.split())
    if time_text:
        k = text.find(time_text)
        if 0 <= k <= 3:  # "En juillet 2023, le ministre ..." -> "le ministre ..."
            text = text[k + len(time_text):].lstrip(" ,;:")
    text = text[:1].upper() + text[1:]
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text.rstrip(" .")
    cut = " ".join(words[:MAX_WORDS])
    stop = max(cut.rfind(","), cut.rfind(";"), cut.rfind(":"))
    if stop > len(cut) // 2:
        cut = cut[:stop]
    return cut.rstrip(" ,;:") + " …"


def _order(date: str) -> tuple:
    parts = [int(p) for p in date.split("-")]
    return tuple(parts + [0] * (3 - len(parts)))


def build_timeline(story: Story, articles: dict[str, Article]) -> None:
    """Fill `story.timeline`: one entry per event, each with its supporting spans."""
    cands = [c for aid in story.article_ids if aid in articles
             for c in _candidates(articles[aid])]
    vecs = encode([c.span.text for c in cands])
    events: list[list[int]] = []
    for i, c in enumerate(cands):
        best, best_cos = None, SAME_EVENT
        for k, members in enumerate(events):
            if cands[members[0]].date != c.date:
                continue
            cos = max(float(vecs[i] @ vecs[m]) for m in members)
            if cos >= best_cos:
                best, best_cos = k, cos
        if best is None:
            events.append([i])
        else:
            events[best].append(i)
    timeline = []
    for members in events:
        support: list[SourceSpan] = []
        for m in members:
            s = cands[m].span
            if all((x.article_id, x.start, x.end) != (s.article_id, s.start, s.end) for x in support):
                support.append(s)
        # the shortest telling names the event best
        head = min(members, key=lambda m: len(cands[m].span.text))
        timeline.append(TimelineEvent(cands[head].date, label(cands[head].span.text,
                                                              cands[head].time_text), support))
    timeline.sort(key=lambda e: (_order(e.date), -len({s.article_id for s in e.support})))
    story.timeline = timeline
