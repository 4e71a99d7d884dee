"""An article's text cut into runs, each run knowing which highlights cover it.

Mentions, quotes and temporal expressions may overlap; cutting the text at every boundary
gives flat runs a template can wrap in one element each, the text itself untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from recoupe.model import Article


@dataclass
class Run:
    text: str
    start: int
    kinds: list[str] = field(default_factory=list)  # css classes: mention PER, quote, time
    notes: list[str] = field(default_factory=list)  # what each highlight is, for a tooltip


def _marks(article: Article):
    for m in article.mentions:
        yield m.start, m.end, ["mention", m.label], f"{m.label}: {m.text}"
    for q in article.quotes:
        who = q.speaker.name or "?"
        yield q.start, q.end, ["quote", q.kind], f"{q.kind} — {who}"
    for t in article.times:
        yield t.start, t.end, ["time"], f"{t.type} {t.value}"


def segments(article: Article) -> list[Run]:
    n = len(article.text)
    marks = [(max(0, s), min(n, e), k, note) for s, e, k, note in _marks(article) if 0 <= s < e]
    cuts = sorted({0, n, *(s for s, *_ in marks), *(e for _, e, *_ in marks)})
    runs = []
    for start, end in zip(cuts, cuts[1:]):
        kinds, notes = [], []
        for s, e, k, note in marks:
            if s <= start and end <= e:
                kinds += [x for x in k if x not in kinds]
                notes.append(note)
        runs.append(Run(article.text[start:end], start, kinds, notes))
    return runs
