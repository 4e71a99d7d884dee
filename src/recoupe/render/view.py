"""What a reader of one story sees, arranged once for every human format (Markdown, HTML).

Sources are numbered per story; a citation marker [n] points to source n and to the exact
passage it cites.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from recoupe.model import Article, Dossier, Entity, Quote, SourceSpan, Story
from recoupe.render.labels import format_date, kind_label, labels, story_lang

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")


@dataclass
class Cite:
    n: int  # the number of the source in this story
    article_id: str
    start: int
    end: int
    text: str
    source: str
    label: str = ""  # what the marker shows: "2", or "2a", "2b" when one source is cited twice

    def __post_init__(self):
        self.label = self.label or str(self.n)


@dataclass
class Outlet:
    name: str
    article_ids: list[str]
    origin: str | None = None  # a letter shared by outlets that copy one origin


@dataclass
class FactRow:
    text: str
    cells: list[list[Cite]]  # one list per outlet column, empty when the outlet does not report it
    origins: int
    single_source: bool
    speaker: str | None = None  # whose words these are, when the sentence shown lies inside a quote

    @property
    def outlets(self) -> int:
        return sum(1 for c in self.cells if c)

    @property
    def flag(self) -> str | None:
        """The label key of a weakly sourced fact: one outlet, or several echoing one origin."""
        if not self.single_source:
            return None
        return "single_origin" if self.outlets > 1 else "single_source"


@dataclass
class QuoteGroup:
    quotes: list[tuple[Quote, Cite]]

    @property
    def outlets(self) -> int:
        return len({c.source for _, c in self.quotes})


@dataclass
class SpeakerQuotes:
    name: str | None
    roles: list[str]
    groups: list[QuoteGroup] = field(default_factory=list)

    @property
    def shared(self) -> list[QuoteGroup]:
        """Statements reported by several outlets: their wordings side by side."""
        return [g for g in self.groups if g.outlets > 1]

    @property
    def single(self) -> list[tuple[Quote, Cite]]:
        """Everything else, one card per quote."""
        return [qc for g in self.groups if g.outlets <= 1 for qc in g.quotes]

    @property
    def count(self) -> int:
        return sum(len(g.quotes) for g in self.groups)


@dataclass
class EntityView:
    entity: Entity
    mentions: int
    outlets: int
    roles: list[tuple[str, Cite]]

    @property
    def spellings(self) -> list[str]:
        """The entity's other names worth showing: "Le Japon" beside "Japon", or "TASS" beside
        "Tass", is no other spelling."""
        def bare(name: str) -> str:
            return _LEADING_ARTICLE.sub("", name).casefold()
        shown = {bare(self.entity.name)}
        out = []
        for v in self.entity.variants:
            if bare(v) not in shown:
                shown.add(bare(v))
                out.append(v)
        return out


# a determiner the tagger took into a name at the start of a sentence
_LEADING_ARTICLE = re.compile(r"^(?:(?:les?|la|the)\s+|l['’])(?=\w)", re.IGNORECASE)


class StoryView:
    def __init__(self, story: Story, articles: dict[str, Article], anchor: str = "s1"):
        self.story = story
        self.anchor = anchor  # a safe HTML id prefix for this story
        self.lang = story_lang(story, articles)
        self.L = labels(self.lang)
        self.articles = [articles[i] for i in story.article_ids if i in articles]
        self.number = {a.id: n for n, a in enumerate(self.articles, 1)}
        self._by_id = articles
        self.outlets = self._outlets()

    # -- citations

    def cite(self, span: SourceSpan) -> Cite:
        art = self._by_id.get(span.article_id)
        return Cite(self.number.get(span.article_id, 0), span.article_id, span.start, span.end,
                    span.text, art.source if art else span.article_id)

    def cites(self, spans: list[SourceSpan]) -> list[Cite]:
        """Markers for a list of passages; several passages of one source read 2a, 2b..."""
        out = sorted((self.cite(s) for s in spans), key=lambda c: (c.n, c.start))
        seen = Counter(c.n for c in out)
        rank: Counter = Counter()
        for c in out:
            if seen[c.n] > 1:
                c.label = f"{c.n}{chr(ord('a') + min(rank[c.n], 25))}"
                rank[c.n] += 1
        return out

    def date(self, value: str | None) -> str:
        return format_date(value, self.lang)

    def kind(self, kind: str) -> str:
        return kind_label(kind, self.lang)

    # -- the story's parts

    def _outlets(self) -> list[Outlet]:
        by_name: dict[str, list[str]] = defaultdict(list)
        for a in self.articles:
            by_name[a.source].append(a.id)
        outlets = [Outlet(name, ids) for name, ids in by_name.items()]
        # outlets carrying copies of one origin share a letter; independent ones get none
        letter = 0
        for group in self.story.copies:
            members = [o for o in outlets if set(o.article_ids) & set(group)]
            if len(members) > 1:
                for o in members:
                    o.origin = o.origin or chr(ord("A") + letter % 26)
                letter += 1
        return outlets

    def fact_rows(self) -> list[FactRow]:
        column = {aid: i for i, o in enumerate(self.outlets) for aid in o.article_ids}
        rows = []
        for fact in self.story.facts:
            cells: list[list[Cite]] = [[] for _ in self.outlets]
            for c in self.cites(fact.support):
                if c.article_id in column:
                    cells[column[c.article_id]].append(c)
            rows.append(FactRow(fact.text, cells, fact.origins, fact.single_source,
                                self.quoted_by(fact)))
        # best corroborated first: a reader scans the solid ground, then the single-source claims
        rows.sort(key=lambda r: (-r.origins, -sum(bool(c) for c in r.cells)))
        return rows

    def quoted_by(self, fact) -> str | None:
        """The speaker of a fact whose shown sentence lies inside a direct quote ("C'est
        pourquoi nous sommes venus ici"): without it, a speaker's words read as the outlet's."""
        shown = next((sp for sp in fact.support if sp.text == fact.text), None)
        if shown is None:
            return None
        q = next((q for q in self.story.quotes if q.kind == "direct" and q.article_id == shown.article_id
                  and q.encloses(shown.start, shown.end)), None)
        if q is None:
            return None
        return self.speaker_name(q) or self.L["unknown_speaker"]

    @cached_property
    def _entities(self) -> dict[str, Entity]:
        return {e.id: e for e in self.story.entities}

    def speaker_name(self, q: Quote) -> str | None:
        """Who speaks: the story entity's name, else the name or role the article gives (a
        speaker known only by a role, "l'avocat de la banque", is shown by that role)."""
        ent = self._entities.get(q.speaker.entity_id or "")
        return ent.name if ent else q.speaker.name or q.speaker.role

    def timeline(self):
        return sorted(self.story.timeline, key=lambda e: e.date)

    def speakers(self) -> list[SpeakerQuotes]:
        speakers: dict[str, SpeakerQuotes] = {}
        groups: dict[tuple[str, str], QuoteGroup] = {}
        for i, q in enumerate(self.story.quotes):
            ent = self._entities.get(q.speaker.entity_id or "")
            named = q.speaker.name or q.speaker.role
            key = q.speaker.entity_id or (named or "").strip().lower() or "?"
            if key not in speakers:
                roles = list({r.text.lower(): r.text for r in ent.roles}.values()) if ent else []
                speakers[key] = SpeakerQuotes(self.speaker_name(q), roles)
            gkey = (key, q.group or f"#{i}")
            if gkey not in groups:
                groups[gkey] = QuoteGroup([])
                speakers[key].groups.append(groups[gkey])
            # cite the article's own characters, never a copy of them
            groups[gkey].quotes.append((q, self.cite(self._by_id[q.article_id].span(q.start, q.end))))
        for g in groups.values():
            g.quotes.sort(key=lambda qc: (qc[1].n, qc[1].start))
        for s in speakers.values():
            s.groups.sort(key=lambda g: -len(g.quotes))
        # named speakers by weight, the unidentified last
        return sorted(speakers.values(), key=lambda s: (s.name is None, -s.count))

    def divergences(self):
        return sorted(self.story.divergences,
                      key=lambda d: (not d.contradiction, SEVERITY_ORDER.get(d.severity, 1)))

    def entities(self) -> dict[str, list[EntityView]]:
        out: dict[str, list[EntityView]] = {t: [] for t in ENTITY_TYPES}
        for e in self.story.entities:
            roles = list({r.text.lower(): (r.text, self.cite(r.support)) for r in e.roles}.values())
            out.setdefault(e.type, []).append(EntityView(
                e, len(e.mentions), len({self.number.get(m.article_id) for m in e.mentions}), roles))
        for views in out.values():
            views.sort(key=lambda v: (-v.outlets, -v.mentions, v.entity.name))
        return {t: v for t, v in out.items() if v}

    def entity_tiers(self) -> tuple[dict[str, list[EntityView]], list[EntityView]]:
        """The entities shown as cards, by type, and the minor ones (named once by one outlet,
        with no role or other spelling): a line, not a card."""
        entities = self.entities()
        groups = {t: [v for v in views if not _minor(v)] for t, views in entities.items()}
        minor = [v for views in entities.values() for v in views if _minor(v)]
        return {t: v for t, v in groups.items() if v}, minor

    def date_range(self) -> str:
        dates = sorted(a.published for a in self.articles if a.published)
        # full dates say more than partial ones ("2023-09") when both are known
        dates = [d for d in dates if len(d) >= 10] or dates
        if not dates:
            return ""
        first, last = self.date(dates[0]), self.date(dates[-1])
        return first if first == last else f"{first} – {last}"


def _minor(v: EntityView) -> bool:
    return v.outlets <= 1 and v.mentions <= 1 and not v.roles and not v.spellings


def same_words(a: str, b: str) -> bool:
    """Whether a divergence side's claim only repeats its passage."""
    norm = lambda t: " ".join(t.split()).strip(" .«»\"'").lower()  # noqa: E731
    return norm(a) == norm(b)


def story_views(dossier: Dossier) -> list[StoryView]:
    articles = {a.id: a for a in dossier.articles}
    return [StoryView(s, articles, f"s{i}") for i, s in enumerate(dossier.stories, 1)]
