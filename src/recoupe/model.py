"""The data model of recoupe, and nothing else.

Every span points into `Article.text`, the cleaned text: for any span `s` of article `a`,
`a.text[s.start:s.end] == s.text`. `SourceSpan` carries the article id so that spans can
leave their article (facts, divergences, timeline, summary) and still be checked.

`to_dict` gives the plain JSON shape of the dossier contract (`recoupe.dossier/1`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "recoupe.dossier/1"

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass
class Span:
    """A stretch of one article's cleaned text."""

    start: int
    end: int
    text: str


@dataclass
class SourceSpan:
    """A span that names its article: the unit of every `support` list."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass
class Removal:
    """A piece of the raw text that cleaning dropped, and why (offsets into the raw text)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class Mention:
    """One mention of an entity inside an article."""

    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, MISC
    entity_id: str | None = None  # the article-level entity this mention belongs to
    kind: str = "name"  # name, surname, title ("M. X"), role ("le président russe"), pronoun


@dataclass
class Entity:
    """An entity: inside one article (id `<article_id>:eN`) or across a story (`sN:eN`)."""

    id: str
    name: str  # the fullest name seen
    type: str  # PER, ORG, LOC, MISC
    variants: list[str] = field(default_factory=list)
    mentions: list[SourceSpan] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # cross-lingual or known alternative names


@dataclass
class Role:
    """A role or title given to an entity ("porte-parole du Kremlin"), with where it was said."""

    text: str
    support: SourceSpan


@dataclass
class Speaker:
    entity_id: str | None = None
    name: str | None = None
    span: SourceSpan | None = None  # where the speaker is named near the quote, if anywhere
    role: str | None = None  # the role words when the article gives no name ("l'avocat de la banque")


@dataclass
class Quote:
    """A direct or indirect quotation, with its speaker and cue ("a déclaré", "selon")."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str  # direct, indirect
    speaker: Speaker = field(default_factory=Speaker)
    cue: str | None = None
    cue_span: SourceSpan | None = None
    group: str | None = None  # the same quote across outlets shares a group id

    def encloses(self, start: int, end: int) -> bool:
        """Whether the text at [start, end) lies inside the quote, its marks and their space
        included (a sentence that opens on "« " starts two characters before the words)."""
        return self.start - 2 <= start and end <= self.end + 2


@dataclass
class TimeRef:
    """A temporal expression with its TimeML type and normalised value."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # 2023-09-13, 2023-07, 2023-W37, P2D, XXXX-XX-XXT20:00, PRESENT_REF...
    anchor: str | None = None  # the date it was resolved against, if relative


@dataclass
class Quantity:
    value: float
    unit: str | None
    span: Span


@dataclass
class Claim:
    """A sentence-level fact with its slots."""

    article_id: str
    start: int
    end: int
    text: str  # the sentence that states the fact
    predicate: str | None = None  # lemma of the main verb
    who: list[str] = field(default_factory=list)  # entity ids (article-level) of agents/participants
    who_names: list[str] = field(default_factory=list)  # their fullest names, for display and matching
    what: str | None = None  # object or theme
    where: list[str] = field(default_factory=list)
    when: list[str] = field(default_factory=list)  # normalised TimeML values
    quantities: list[Quantity] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # entity name -> role stated in the claim
    reported_by: str | None = None  # "Séoul" in "selon Séoul"
    negated: bool = False
    # the claim's own clause when its sentence states other facts too ("Poutine a accepté
    # l'invitation" of "... et a réaffirmé sa volonté"): what fact alignment compares as well
    # as the sentence; None when the sentence states this fact alone
    clause: Span | None = None


@dataclass
class Article:
    """One article, read and cleaned. Analysis fills the lists below `text`."""

    id: str
    origin: str  # file path or URL it was read from
    source: str  # outlet, else file stem
    text: str  # the cleaned text all offsets point into
    title: str | None = None
    lang: str | None = None
    published: str | None = None  # ISO date, possibly partial (2023-09)
    published_from: str | None = None  # metadata, header, text, or None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # per-article analysis (the map)
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def span(self, start: int, end: int) -> SourceSpan:
        """A SourceSpan of this article; the only sanctioned way to cite it."""
        return SourceSpan(self.id, start, end, self.text[start:end])


@dataclass
class Fact:
    """Claims that report the same fact across articles."""

    id: str
    text: str
    support: list[SourceSpan] = field(default_factory=list)  # one per outlet that reports it
    origins: int = 1  # independent origins (a wire copy counts once)
    single_source: bool = True


@dataclass
class Side:
    claim: str
    support: list[SourceSpan] = field(default_factory=list)


@dataclass
class Divergence:
    """Outlets that disagree, both sides with their supporting spans."""

    kind: str  # agent, number, date, role, attribution, attributed_disagreement, estimate_spread
    summary: str
    severity: str = "medium"  # low, medium, high
    sides: list[Side] = field(default_factory=list)
    contradiction: bool = True  # False for attributed disagreement and estimate spread


@dataclass
class TimelineEvent:
    date: str  # ISO, possibly partial
    event: str
    support: list[SourceSpan] = field(default_factory=list)


@dataclass
class SummarySentence:
    text: str
    support: list[SourceSpan] = field(default_factory=list)
    single_source: bool = False


@dataclass
class Story:
    id: str
    title: str
    article_ids: list[str] = field(default_factory=list)
    origins: int = 0  # independent origins among its articles
    copies: list[list[str]] = field(default_factory=list)  # groups of article ids that are copies
    thread: str | None = None  # stories of one subject across time (a follow-up a month later) share it
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    divergences: list[Divergence] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)


@dataclass
class Dossier:
    articles: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    schema: str = SCHEMA
    generated: str | None = None  # ISO timestamp
    generator: str | None = None  # "recoupe X.Y.Z"


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready data from any model object (dataclasses, lists, dicts)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def strip_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """`start, end` moved inwards past surrounding white space, so a span never begins or ends
    with a space or a line break."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _entity_and_quote_spans(entities: list[Entity], quotes: list[Quote]):
    for ent in entities:
        yield from ent.mentions
        yield from (r.support for r in ent.roles)
    for q in quotes:
        yield from (s for s in (q.cue_span, q.speaker.span) if s is not None)


def iter_source_spans(dossier: Dossier):
    """Every span a dossier emits, as (article_id, start, end, text): for provenance checks."""
    for art in dossier.articles:
        for group in (art.sentences, art.mentions, art.quotes, art.times, art.claims):
            for s in group:
                yield art.id, s.start, s.end, s.text
        for c in art.claims:
            for q in c.quantities:
                yield art.id, q.span.start, q.span.end, q.span.text
            if c.clause is not None:
                yield art.id, c.clause.start, c.clause.end, c.clause.text
        for s in _entity_and_quote_spans(art.entities, art.quotes):
            yield s.article_id, s.start, s.end, s.text
    for story in dossier.stories:
        for q in story.quotes:
            yield q.article_id, q.start, q.end, q.text
        spans = list(_entity_and_quote_spans(story.entities, story.quotes))
        for support in ([f.support for f in story.facts] + [e.support for e in story.timeline]
                        + [s.support for s in story.summary]
                        + [side.support for d in story.divergences for side in d.sides]):
            spans += support
        yield from ((s.article_id, s.start, s.end, s.text) for s in spans)


def check_provenance(dossier: Dossier) -> tuple[int, list[tuple[str, int, int, str]]]:
    """Count the dossier's spans and return those whose text does not match their article."""
    texts = {a.id: a.text for a in dossier.articles}
    total, bad = 0, []
    for aid, start, end, text in iter_source_spans(dossier):
        total += 1
        if aid not in texts or texts[aid][start:end] != text:
            bad.append((aid, start, end, text))
    return total, bad


def from_dict(cls: type, data: Any) -> Any:
    """Rebuild a model object of class `cls` from the plain data `to_dict` gave."""
    import types
    import typing

    def build(tp: Any, value: Any) -> Any:
        if value is None:
            return None
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(tp) if a is not type(None)]
            return build(options[0], value) if len(options) == 1 else value
        if origin is list:
            (item,) = typing.get_args(tp)
            return [build(item, v) for v in value]
        if origin is dict:
            _, item = typing.get_args(tp)
            return {k: build(item, v) for k, v in value.items()}
        if dataclasses.is_dataclass(tp):
            hints = typing.get_type_hints(tp)
            names = {f.name for f in dataclasses.fields(tp)}
            return tp(**{k: build(hints[k], v) for k, v in value.items() if k in names})
        return value

    return build(cls, data)
