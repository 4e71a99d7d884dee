"""Hand-built analysed articles for the cross-article stages (no per-article models needed)."""

from __future__ import annotations

import re

from recoupe.model import (Article, Claim, Entity, Mention, Quantity, Quote, Role, Span, Speaker,
                           Story, TimeRef, check_provenance, Dossier)


class Builder:
    """An article whose analysis is declared by the test: entities, quotes, times, claims."""

    def __init__(self, aid: str, text: str, source: str | None = None, lang: str = "fr"):
        self.art = Article(id=aid, origin=f"{aid}.txt", source=source or aid, text=text, lang=lang)
        # one sentence per line or per ". "
        for m in re.finditer(r"[^\n.!?]+[.!?]?", text):
            if m.group().strip():
                s, e = m.start() + len(m.group()) - len(m.group().lstrip()), m.end()
                self.art.sentences.append(Span(s, e, text[s:e]))

    def find(self, needle: str, after: int = 0) -> tuple[int, int]:
        k = self.art.text.index(needle, after)
        return k, k + len(needle)

    def entity(self, name: str, label: str, *forms: str, roles: tuple[str, ...] = ()) -> str:
        eid = f"{self.art.id}:e{len(self.art.entities) + 1}"
        ent = Entity(eid, name, label, variants=[])
        for form in (name, *forms):
            for m in re.finditer(re.escape(form), self.art.text):
                if any(x.start <= m.start() < x.end for x in self.art.mentions):
                    continue
                kind = "name" if form == name else "surname"
                self.art.mentions.append(Mention(m.start(), m.end(), form, label, eid, kind))
                ent.mentions.append(self.art.span(m.start(), m.end()))
                if form not in ent.variants:
                    ent.variants.append(form)
        for r in roles:
            s, e = self.find(r)
            ent.roles.append(Role(r, self.art.span(s, e)))
        self.art.entities.append(ent)
        return eid

    def time(self, text: str, value: str, type_: str = "DATE") -> None:
        s, e = self.find(text)
        self.art.times.append(TimeRef(s, e, text, type_, value))

    def claim(self, sentence: str, predicate: str | None = None, who=(), where=(), when=(),
              what: str | None = None, quantities=(), reported_by: str | None = None,
              negated: bool = False, roles=None) -> Claim:
        s, e = self.find(sentence)
        quants = []
        for qtext, value, unit in quantities:
            qs, qe = self.find(qtext, s)
            quants.append(Quantity(value, unit, Span(qs, qe, qtext)))
        ids = {ent.name: ent.id for ent in self.art.entities}
        c = Claim(self.art.id, s, e, sentence, predicate,
                  who=[ids[w] for w in who if w in ids], who_names=list(who), what=what,
                  where=list(where), when=list(when), quantities=quants, roles=roles or {},
                  reported_by=reported_by, negated=negated)
        self.art.claims.append(c)
        return c

    def quote(self, text: str, speaker: str | None, kind: str = "direct") -> Quote:
        s, e = self.find(text)
        ids = {ent.name: ent.id for ent in self.art.entities}
        sp = Speaker(ids.get(speaker), speaker, None)
        if speaker and speaker in self.art.text[e:]:
            k = self.art.text.index(speaker, e)
            sp.span = self.art.span(k, k + len(speaker))
        q = Quote(self.art.id, s, e, text, kind, sp)
        self.art.quotes.append(q)
        return q


def story_of(*builders: Builder, copies=()) -> tuple[Story, dict[str, Article]]:
    arts = {b.art.id: b.art for b in builders}
    return Story("s1", "story", article_ids=list(arts), copies=[list(c) for c in copies]), arts


def run_all(story: Story, articles: dict[str, Article]) -> None:
    from recoupe.stories.align import align_facts, align_quotes
    from recoupe.stories.diverge import find_divergences
    from recoupe.stories.resolve import resolve_entities
    from recoupe.stories.timeline import build_timeline

    resolve_entities(story, articles)
    align_facts(story, articles)
    align_quotes(story, articles)
    find_divergences(story, articles)
    build_timeline(story, articles)


def assert_provenance(story: Story, articles: dict[str, Article]) -> None:
    total, bad = check_provenance(Dossier(articles=list(articles.values()), stories=[story]))
    assert total > 0 and bad == []


_analysed: dict[str, tuple] = {}


def analysed_story(folder) -> tuple[Story, dict[str, Article]]:
    """All articles of a folder read and analysed as `recoupe brief` does, as one story, run
    through the story stages (cached per folder for the session)."""
    key = str(folder)
    if key not in _analysed:
        from recoupe.pipeline import analyze, read

        arts = {a.id: a for a in analyze(read([folder]))}
        story = Story("s1", "story", article_ids=list(arts))
        run_all(story, arts)
        _analysed[key] = (story, arts)
    return _analysed[key]


def by_source(articles: dict[str, Article], prefix: str) -> str:
    """The id of the article whose source (file stem or outlet) starts with `prefix`."""
    return next(a.id for a in articles.values() if (a.source or "").startswith(prefix)
                or a.origin.rsplit("/", 1)[-1].startswith(prefix))


def analysed_pairs(pairs: dict[tuple[str, str], tuple[str, ...]]) -> dict[tuple[str, str], Story]:
    """Each pair of texts, keyed by (language, name), as two articles of two outlets ("Outlet
    A{n}", "Outlet B{n}", n its rank), read by the real analysis in one batch, one story each.
    A third item is the day both articles were published."""
    from recoupe.pipeline import analyze

    arts = []
    for n, ((lang, _), texts) in enumerate(pairs.items()):
        day = texts[2] if len(texts) > 2 else None
        arts += [Article(id=f"p{n}{side}", origin=f"p{n}{side}.txt", source=f"Outlet {side.upper()}{n}",
                         text=text, lang=lang, published=day) for side, text in zip("ab", texts[:2])]
    by_id = {a.id: a for a in analyze(arts)}
    out = {}
    for n, key in enumerate(pairs):
        sub = {f"p{n}a": by_id[f"p{n}a"], f"p{n}b": by_id[f"p{n}b"]}
        story = Story(f"s{n}", "story", article_ids=list(sub))
        run_all(story, sub)
        out[key] = story
    return out


def claim_pair(text_a: str, pred_a: str, text_b: str, pred_b: str, *, neg_a: bool = False,
               neg_b: bool = False, figures_a=(), figures_b=(),
               run: bool = True) -> tuple[Story, dict[str, Article]]:
    """Outlet A tells `text_a`, outlet B `text_b`, each read as one claim (figures: (text,
    value, unit)); run through the story stages unless `run` is false."""
    a = Builder("a", text_a, source="A")
    a.claim(text_a, pred_a, negated=neg_a, quantities=figures_a)
    b = Builder("b", text_b, source="B")
    b.claim(text_b, pred_b, negated=neg_b, quantities=figures_b)
    story, arts = story_of(a, b)
    if run:
        run_all(story, arts)
    return story, arts


def contradictions(story: Story) -> list:
    return [d for d in story.divergences if d.contradiction]
