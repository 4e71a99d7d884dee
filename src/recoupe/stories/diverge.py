"""Typed divergences between outlets, from the slots of aligned claims.

No inference model decides here: two claims are compared only when they report one event
(same verb family, close sentences, shared participants, place or date), and a divergence is
raised only when one slot differs while the others agree. A wrong flag costs more than a
missed one, so every rule asks for agreement on the rest of the event before it flags.

Kinds: `agent` (another person did the same act), `number`, `date`, `negation` (one outlet
says it did not happen: the same verb or the same content words negated, a negated clause
that holds the other's sentence, a name corrected ("pas A mais B"), or one sentence told with
a word of opposite sense ("augmenté" / "diminué")), `role` (one person, two incompatible offices), `attribution` (one
quote, two speakers) — all contradictions; `attributed_disagreement` (named sources that
disagree: "Séoul parle d'un missile, Tokyo de deux"; a union delegate says faults were
reported, the director that no report came; a denial quoted in its speaker's words against
an outlet that tells the fact) and `estimate_spread` ("au moins 12",
"une quinzaine") are shown but are not contradictions. A question asserts nothing and is
compared with nothing.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import replace
from functools import cached_property, lru_cache

import numpy as np

from recoupe.analyze.claims import NE_COMPLEMENTS
from recoupe.model import Article, Divergence, Entity, Quantity, Quote, Side, SourceSpan, Span, Story
from recoupe.stories import names
from recoupe.stories.align import (LIGHT_VERBS, Slots, apart, claim_slots, close_index, dates_overlap,
                                   encode, hedge_words, is_reporting, lexicon, predicate_family, similarity,
                                   unit_key, value_range, word_overlap)

# Cosine levels of aligned claims per kind: the stricter, the fewer false flags.
AGENT_COS = 0.7  # same office, same place
AGENT_OBJECT_COS = 0.35  # same act on the same object: the slots say it, the names and roles
# around them pull the sentences apart
NUMBER_COS = 0.7
NUMBER_VERB_COS = 0.6
RELATED_FIGURE_COS = 0.6  # another telling of one side's figure  # the same verb and the same thing counted
SAME_FIGURE_COS = 0.8  # close enough to compare figures whatever the verb (or the language)
DATE_COS = 0.8
NEGATION_COS = 0.8  # a denial of the same sentence
NEGATION_LOW_COS = 0.65  # ... or of the same act (verb family, participant or words shared)
NEGATION_CONTENT_COS = 0.6  # ... or of the same content words, whatever the verb
DENIED_SHARE = 0.55  # share of each side's content words the other side has (a word and its
# derived forms counting as one: "prélèvent" / "prélèvements")
DENIED_WORDS = 3  # ... and at least this many
NEGATION_CONTAINED_COS = 0.45  # ... or of a sentence that holds all the denial's content words
DENIED_CLAUSE_SHARE = 0.8  # share of the negated clause's content words the other sentence has
DENIED_COVER = 0.6  # ... and of the other sentence's content words the negated clause has
DENIAL_WORDS_TOLD = 4  # content words a denial shares with a longer sentence that tells them all
DENIAL_SCOPE = 3  # words before a verb of denial that may negate it ("n'a pas nié", "loin de démentir")
DENIAL_COMPLEMENT = 2  # adverbs that may stand between a verb of denial and what it denies
CORRECTION_COS = 0.25  # "pas à Lyon, mais à Nantes" against "à Lyon": the sentences differ by the names
OPPOSITE_COS = 0.6  # one sentence told twice, but for a word of opposite sense
OPPOSITE_WORDS = 3  # ... with at least this many other content words, all shared
CORRECTION_CONTEXT = 2  # content words the two sentences share besides the names corrected
DISAGREEMENT_COS = 0.5
NEARBY_DISAGREEMENT_COS = 0.3  # two sources set side by side in one article
SPEAKER_NEAR = 120  # characters between a quote and the speaker named for it
ATTRIBUTION_WORDS = 8  # content words a quote needs before two speakers for it conflict
SIDE_BY_SIDE = 300  # characters between two claims an article sets side by side
CONTEST_NEAR = 600  # characters between a statement and a negation that answers it
NEXT_SENTENCE = 100  # characters between a statement and the denial that follows it
CONTEST_WORDS = 2  # content words a negation shares with the statement it answers ...
CONTEST_SHARE = 0.5  # ... and the share of its own content words they make
SAME_EXCHANGE_COS = 0.4  # one exchange told by two outlets: mean cosine of statement and reply
LONE_EXCHANGE_COS = 0.3  # ... when each outlet tells one exchange
LOWEST_COS = min(AGENT_OBJECT_COS, NEARBY_DISAGREEMENT_COS, DATE_COS, NEGATION_LOW_COS,
                 NEGATION_CONTENT_COS, NEGATION_CONTAINED_COS, CORRECTION_COS, OPPOSITE_COS)
# units that count time, too common to tie two figures together by themselves
TIME_UNITS = {"an", "annee", "mois", "semaine", "jour", "heure", "minute", "seconde", "year",
              "month", "week", "day", "hour", "minute", "second", "fois", "saison", "season"}

_TEXTS = {
    "fr": {
        "agent": "Pas le même acteur ({event}) : {a} selon {sa}, {b} selon {sb}.",
        "number": "Chiffre différent ({unit}) : {a} selon {sa}, {b} selon {sb}.",
        "date": "Date différente : {a} selon {sa}, {b} selon {sb}.",
        "negation": "{sa} rapporte ce que {sb} dément.",
        "role": "Fonction de {name} : « {a} » selon {sa}, « {b} » selon {sb}.",
        "attribution": "Citation attribuée à {a} par {sa}, à {b} par {sb}.",
        "attributed_disagreement": "Les sources divergent ({unit}) : {a} selon {sa}, {b} selon {sb}.",
        "estimate_spread": "Estimations différentes ({unit}) : {a} selon {sa}, {b} selon {sb}.",
        "opposite": "Sens opposé ({unit}) : « {a} » selon {sa}, « {b} » selon {sb}.",
    },
    "en": {
        "agent": "Not the same actor ({event}): {a} according to {sa}, {b} according to {sb}.",
        "number": "Different figure ({unit}): {a} according to {sa}, {b} according to {sb}.",
        "date": "Different date: {a} according to {sa}, {b} according to {sb}.",
        "negation": "{sa} reports what {sb} denies.",
        "role": "Role of {name}: \"{a}\" according to {sa}, \"{b}\" according to {sb}.",
        "attribution": "Quote attributed to {a} by {sa}, to {b} by {sb}.",
        "attributed_disagreement": "Sources disagree ({unit}): {a} according to {sa}, {b} according to {sb}.",
        "estimate_spread": "Estimates differ ({unit}): {a} according to {sa}, {b} according to {sb}.",
        "opposite": "Opposite sense ({unit}): \"{a}\" according to {sa}, \"{b}\" according to {sb}.",
    },
}


def _lang(story: Story, articles: dict[str, Article]) -> str:
    langs = [articles[a].lang for a in story.article_ids if a in articles]
    return "fr" if sum(1 for x in langs if (x or "fr") == "fr") * 2 >= max(1, len(langs)) else "en"


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


class _Finder:
    def __init__(self, story: Story, articles: dict[str, Article]):
        self.story, self.articles = story, articles
        self.slots: list[Slots] = getattr(story, "_claim_slots", None) or claim_slots(story, articles)
        self.sim = similarity(story, self.slots)
        self.pos = {id(s): i for i, s in enumerate(self.slots)}
        self.ents = {e.id: e for e in story.entities}
        self.lang = _lang(story, articles)
        self.texts = _TEXTS[self.lang]
        self.found: dict[tuple, Divergence] = {}
        self.meta: dict[tuple, tuple[dict, list]] = {}
        # the close claim pairs every kind looks at, found once at the lowest level (each row's
        # closest neighbours do not depend on the level)
        ij = close_index(self.sim, LOWEST_COS)
        self.pi, self.pj = ij[:, 0], ij[:, 1]
        self.pcos = self.sim[self.pi, self.pj]
        art = {aid: k for k, aid in enumerate(dict.fromkeys(s.article.id for s in self.slots))}
        self.art_index = np.array([art[s.article.id] for s in self.slots], dtype=np.int64)
        self.starts = np.array([s.claim.start for s in self.slots], dtype=np.int64)
        self.ends = np.array([s.claim.end for s in self.slots], dtype=np.int64)
        self.units = [{u for _, u, _, _ in s.quantities if u} for s in self.slots]
        # a question asserts nothing: no pair with one is compared
        asked = np.array([_asked(s.claim.text) for s in self.slots], dtype=bool)
        self.stated = ~(asked[self.pi] | asked[self.pj])
        self.word_units: list[set | None] = [None] * len(self.slots)  # read when first needed
        self.by_article: dict[str, list[Slots]] = defaultdict(list)
        for s in self.slots:
            self.by_article[s.article.id].append(s)

    # -- output -------------------------------------------------------------------------
    def source(self, aid: str) -> str:
        art = self.articles.get(aid)
        return art.source if art and art.source else aid

    def name(self, key: str) -> str:
        if key in self.ents:
            return self.ents[key].name
        return key.removeprefix("name:")

    def add(self, kind: str, key: tuple, contradiction: bool, severity: str,
            sides: list[tuple[str, SourceSpan, object]], **fields) -> None:
        """Record a divergence. Each side is (claim, span, side key); the same disagreement
        seen in more articles adds their spans to the side with the same key."""
        full = (kind,) + key
        if full not in self.found:
            first = {}
            for text, _, k in sides:
                first.setdefault(k, text)  # one side per key, worded by its first claim
            self.found[full] = Divergence(kind, "", severity, [Side(t, []) for t in first.values()],
                                          contradiction)
            self.meta[full] = (fields, list(first))
        div, (_, keys) = self.found[full], self.meta[full]
        for text, span, k in sides:
            side = div.sides[keys.index(k)] if k in keys else None
            if side is not None and all((x.article_id, x.start, x.end) != (span.article_id, span.start, span.end)
                                        for x in side.support):
                side.support.append(span)

    def summarise(self) -> None:
        """Write each summary once every supporting outlet is known."""
        for full, div in self.found.items():
            fields, _ = self.meta[full]
            for name, side in (("sa", div.sides[0]), ("sb", div.sides[1])):
                outlets = list(dict.fromkeys(self.source(x.article_id) for x in side.support))
                fields.setdefault(name, ", ".join(outlets))
            div.summary = self.texts[fields.get("template", div.kind)].format(**fields)

    # -- helpers ------------------------------------------------------------------------
    def pairs(self, min_cos: float, cross: bool = True, keep=None):
        """Claim pairs at least this close (of two articles only, when `cross`; among those
        `keep` marks, when given), as (slots, slots, cosine)."""
        yield from ((self.slots[i], self.slots[j], c) for i, j, c in self.pair_index(min_cos, cross, keep))

    def pair_index(self, min_cos: float, cross: bool = True, keep=None):
        sel = (self.pcos >= min_cos) & self.stated
        if cross:
            sel &= self.art_index[self.pi] != self.art_index[self.pj]
        if keep is not None:
            sel &= keep
        return zip(self.pi[sel].tolist(), self.pj[sel].tolist(), self.pcos[sel].tolist())

    def close_to(self, s: Slots, min_cos: float):
        """The other claims at least this close to `s`."""
        k = self.pos[id(s)]
        return (o for j, o in enumerate(self.slots) if o is not s and float(self.sim[k, j]) >= min_cos)

    def implicit(self, i: int, units: set[str]) -> list:
        """`implicit_figures` of slot i, looked for only when the claim names such a unit."""
        if not units:
            return []
        if self.word_units[i] is None:
            self.word_units[i] = {unit_key(w) for w in re.findall(r"\w+", self.slots[i].claim.text)}
        return implicit_figures(self.slots[i], units) if units & self.word_units[i] else []

    def reports(self, article_id: str, family: str | None, person: str, where: frozenset) -> bool:
        """Does this article itself say that `person` did this act there?"""
        return any(s.article.id == article_id and s.family == family and person in s.persons
                   and (not where or s.where & where) for s in self.slots)

    def also_says(self, article_id: str, s: Slots, besides: Slots | None = None) -> bool:
        """Whether the article has a claim of the same polarity and words as `s` (in another
        sentence than `besides`: the clauses of one sentence are one statement)."""
        return any(o.claim.negated == s.claim.negated
                   and not (besides is not None and (o.claim.start, o.claim.end) == (besides.claim.start, besides.claim.end))
                   and word_overlap(o.claim.text, s.claim.text) >= 0.75 for o in self.by_article.get(article_id, ()))

    def named_here(self, s: Slots, entity_id: str) -> bool:
        """Whether the claim names the entity (by name, not by a pronoun or a role)."""
        ent = self.ents.get(entity_id)
        return bool(ent) and any(
            m.article_id == s.article.id and s.claim.start <= m.start < s.claim.end
            and names.fold(m.text) not in _PRONOUNS and m.text[:1].isupper()
            for m in ent.mentions)

    def possessor_here(self, s: Slots, entity_id: str) -> bool:
        """Whether the claim names the entity only as a possessor ("Whoopi Goldberg's stints")."""
        ent = self.ents.get(entity_id)
        text = s.article.text
        here = [m for m in (ent.mentions if ent else []) if m.article_id == s.article.id
                and s.claim.start <= m.start < s.claim.end]
        return bool(here) and all(text[m.end:m.end + 2] in ("'s", "’s") for m in here)

    def named_in(self, text: str | None, entity_id: str) -> bool:
        """Whether a slot text names the entity ("la main de Poutine")."""
        ent = self.ents.get(entity_id)
        folded = f" {names.fold(text or '')} "
        return bool(ent) and any(f" {names.fold(v)} " in folded for v in [ent.name, *ent.variants]
                                 if len(v) > 2)

    def roles_in(self, entity_id: str, article_id: str) -> list[str]:
        ent = self.ents.get(entity_id)
        return [names.fold(r.text) for r in (ent.roles if ent else []) if r.support.article_id == article_id]

    def claim_roles(self, s: Slots, entity_id: str) -> list[str]:
        ent = self.ents.get(entity_id)
        if not ent:
            return []
        return [names.fold(role) for who, role in s.claim.roles.items()
                if names.names_match(who, ent.name, ent.type)]

    # -- kinds --------------------------------------------------------------------------
    def agents(self) -> None:
        """One act, another person: "le ministre russe de la Défense" Choïgou / Lavrov went to
        Pyongyang in July; Benaïssa / Fabre triggered the emergency plan."""
        for a, b, cos in self.pairs(AGENT_OBJECT_COS):
            if not a.family or a.family != b.family or is_reporting(a.claim.predicate):
                continue
            if len(a.persons) != 1 or len(b.persons) != 1 or a.persons & b.persons:
                continue
            if a.claim.negated != b.claim.negated:
                continue
            if a.where and b.where and not a.where & b.where:
                continue
            when_same = bool(a.when and b.when) and dates_overlap(a, b)
            if a.when and b.when and not when_same:
                continue
            (pa,), (pb,) = a.persons, b.persons
            # each outlet names its person in the claim itself ("il" resolved to someone is no
            # ground for a conflict)
            if not (self.named_here(a, pa) and self.named_here(b, pb)):
                continue
            if _nested(self.name(pa), self.name(pb)):
                continue  # "Ellen DeGeneres" and "Ellen DeGeneres Returns" (a headline's verb): one person
            if self.possessor_here(a, pa) or self.possessor_here(b, pb):
                continue  # "following Whoopi Goldberg's four stints": she does not do the act
            # an outlet that names both people for this act tells of two acts
            if self.reports(a.article.id, a.family, pb, a.where) or \
                    self.reports(b.article.id, b.family, pa, b.where):
                continue
            # the act is one only if something makes it exclusive: an office one person holds
            # at a time, given to both; or the same object acted upon ("le plan d'urgence")
            roles_a = self.roles_in(pa, a.article.id) + self.claim_roles(a, pa)
            roles_b = self.roles_in(pb, b.article.id) + self.claim_roles(b, pb)
            same_role = cos >= AGENT_COS and bool(a.where & b.where) and any(same_office(x, y) for x in roles_a for y in roles_b)
            # the same definite object of an act that one person does ("a déclenché le plan
            # d'opération interne"), not a shared one ("a signé l'accord")
            same_object = len(_content(a.what)) >= 2 and len(_content(b.what)) >= 2 and \
                _definite(a.what) and _definite(b.what) and \
                word_overlap(a.what, b.what) >= 0.75 and \
                not _shared_act(a) and not _shared_act(b) and \
                not (self.named_in(a.what, pb) or self.named_in(b.what, pa))
            if not (same_role or same_object):
                continue
            event = " · ".join([a.claim.predicate or ""] + ([a.claim.what] if same_object and a.claim.what else [])
                               + [self.name(w) for w in sorted(a.where & b.where)]
                               + sorted(a.when & b.when))
            sides = [(a.claim.text.strip(), a.span, pa), (b.claim.text.strip(), b.span, pb)]
            # other outlets telling the same act by the same person join its side
            for side, person in ((a, pa), (b, pb)):
                for other in self.close_to(side, RELATED_FIGURE_COS):
                    if other.persons == {person} and other.family == a.family:
                        sides.append((other.claim.text.strip(), other.span, person))
            self.add("agent", (frozenset((pa, pb)), a.family), True,
                     "high" if when_same or same_object else "medium", sides,
                     event=event, a=self.name(pa), b=self.name(pb))

    def numbers(self) -> None:
        """The same quantity with another value; named sources or estimates are not contradictions."""
        # below DISAGREEMENT_COS, only claims an article sets side by side are compared
        same = self.art_index[self.pi] == self.art_index[self.pj]
        near = np.maximum(self.starts[self.pi], self.starts[self.pj]) \
            - np.minimum(self.ends[self.pi], self.ends[self.pj]) <= SIDE_BY_SIDE
        keep = (self.pcos >= DISAGREEMENT_COS) | (same & near)
        for i, j, cos in self.pair_index(NEARBY_DISAGREEMENT_COS, cross=False, keep=keep):
            a, b = self.slots[i], self.slots[j]
            units_a, units_b = self.units[i], self.units[j]
            # "un missile" against "deux missiles", "plusieurs centaines de poissons" against
            # "au moins 300 poissons": figures in words, read when the other side counts
            fig_a = a.quantities + self.implicit(i, units_b - units_a)
            fig_b = b.quantities + self.implicit(j, units_a - units_b)
            units = {u for _, u, _, _ in fig_a if u} & {u for _, u, _, _ in fig_b if u}
            if not units:
                continue
            if cos < DISAGREEMENT_COS and (not _side_by_side(a, b) or units <= TIME_UNITS):
                continue
            src_a, src_b = self.source_of(a), self.source_of(b)
            if apart(a, b) or a.claim.negated != b.claim.negated:
                continue
            same_verb = _same_verb(a, b)
            shared = bool(((a.who | {a.reported}) & (b.who | {b.reported})) - {None}) \
                or bool(a.where & b.where)
            close = cos >= SAME_FIGURE_COS or ((same_verb or shared) and cos >= NUMBER_VERB_COS)
            # two full verbs of two acts ("surrounded" / "attempted", "spent four seasons" /
            # "was promoted"): their figures may count other things, unless the sentences are close
            other_acts = cos < SAME_FIGURE_COS and _other_acts(a, b)
            # two named sources giving a figure for one thing, set side by side in one article
            # or told in close terms by two
            attributed = src_a is not None and src_b is not None \
                and not self.same_source(a, b) and (
                    same_verb or is_reporting(a.claim.predicate) or is_reporting(b.claim.predicate)) \
                and (_side_by_side(a, b) or close)
            same_event = a.article.id != b.article.id and (
                close or (cos >= NUMBER_COS and (a.family is None or b.family is None)))
            if not (attributed or same_event):
                continue
            if _UPDATED.search(_folded(a.claim.text)) or _UPDATED.search(_folded(b.claim.text)):
                continue  # "selon un bilan provisoire", "s'élève désormais à": a figure that moves
            if _sums_several(a.claim.text) != _sums_several(b.claim.text) or _running_against_one(a, b):
                continue  # "a total of 14 rifles ... during five operations" / "six rifles were
                # seized": one side sums more than the other counts (both "au total": one toll)
            for unit in sorted(units):
                qa = list({q[0]: q for q in fig_a if q[1] == unit}.values())
                qb = list({q[0]: q for q in fig_b if q[1] == unit}.values())
                if {q[0] for q in qa} & {q[0] for q in qb}:
                    continue
                if any(rounds_to(x[0], y[0]) for x in qa for y in qb):
                    continue  # "5 milliards" is "4,9 milliards" rounded
                if any(_relative(side.article, q[3]) for side, q in ((a, qa[0]), (b, qb[0]))):
                    continue  # "14 autres otages" and "15 otages" count the same people
                if len(qa) != 1 or len(qb) != 1:
                    continue  # several figures of one unit: which one answers which is unknown
                (va, _, hedge_a, quant_a), (vb, _, hedge_b, quant_b) = qa[0], qb[0]
                if "article" in (hedge_a, hedge_b) and not (attributed and _side_by_side(a, b)):
                    continue  # "un hélicoptère" counts one only right beside "deux hélicoptères"
                hedge_a, hedge_b = (None if h == "article" else h for h in (hedge_a, hedge_b))
                lo_a, hi_a = value_range(va, hedge_a)
                lo_b, hi_b = value_range(vb, hedge_b)
                if attributed:
                    kind, contra, sev = "attributed_disagreement", False, "low"
                elif (hedge_a or hedge_b) and lo_a <= hi_b and lo_b <= hi_a:
                    if (not hedge_a and lo_b <= va <= hi_b) or (not hedge_b and lo_a <= vb <= hi_a):
                        continue  # "12 morts" within "au moins 10 morts": the figures agree
                    kind, contra, sev = "estimate_spread", False, "low"  # the estimates overlap
                elif other_acts or (unit in TIME_UNITS and cos < SAME_FIGURE_COS) \
                        or _part_and_whole(a, b):
                    continue  # not shown as a contradiction on so little ground: other acts,
                    # lengths of time, which count other spans ("four seasons as director" /
                    # "19 seasons with the club"), or a place one side names against the whole
                    # the other counts ("12 morts dans la province de Tarsa" / "31 morts dans le pays")
                else:
                    kind, contra, sev = "number", True, "medium" if (hedge_a or hedge_b) else "high"
                sa = self.source_label(a) if attributed else None
                sb = self.source_label(b) if attributed else None
                sides = [(a.claim.text.strip(), a.span, va), (b.claim.text.strip(), b.span, vb)]
                # the outlets that give either figure in their own words join its side
                for side, value in ((a, va), (b, vb)):
                    for other in self.close_to(side, RELATED_FIGURE_COS):
                        if other.article.id not in (a.article.id, b.article.id) \
                                and [q[0] for q in other.quantities if q[1] == unit] == [value]:
                            sides.append((other.claim.text.strip(), other.span, value))
                self.add(kind, (unit, frozenset((va, vb))), contra, sev, sides,
                         unit=unit, a=_figure_told(a.article, quant_a), b=_figure_told(b.article, quant_b),
                         **({"sa": sa, "sb": sb} if attributed else {}))

    def dates(self) -> None:
        """The same event, by the same people, at another date."""
        contrast = _words("contrast_words")
        for a, b, cos in self.pairs(DATE_COS):
            if not a.family or a.family != b.family or not (a.who & b.who):
                continue
            if not a.when or not b.when or dates_overlap(a, b):
                continue
            if len(a.when) != 1 or len(b.when) != 1 or a.claim.negated != b.claim.negated:
                continue
            if a.where and b.where and not a.where & b.where:
                continue
            words = set(names.fold(a.claim.text).split()) | set(names.fold(b.claim.text).split())
            if words & contrast:
                continue  # "la précédente visite", "depuis": another occurrence, not another date
            if _opens_span(a) or _opens_span(b):
                continue  # "jugé à partir du 2 mars" opens a span the other's day may lie in
            # an outlet that also gives the other date tells of two occurrences, not a conflict
            if any(s.family == a.family and s.who & a.who and (
                    (s.article.id == a.article.id and s.when & b.when)
                    or (s.article.id == b.article.id and s.when & a.when)) for s in self.slots):
                continue
            (da,), (db,) = tuple(a.when), tuple(b.when)
            self.add("date", (frozenset(a.who & b.who), a.family, frozenset((da, db))), True,
                     "medium", [(a.claim.text.strip(), a.span, da), (b.claim.text.strip(), b.span, db)],
                     a=da, b=db)

    def negations(self) -> None:
        """One outlet says it happened, the other that it did not. Named sources on each side
        make it an attributed disagreement."""
        for a, b, cos in self.pairs(NEGATION_CONTAINED_COS, cross=False):
            if a.claim.negated == b.claim.negated:
                continue
            pos, neg = (a, b) if b.claim.negated else (b, a)
            # the denial is all told by the other sentence, which tells more ("n'a pas été
            # réévalué à la baisse en Italie" / "l'institut italien a revu à la baisse le nombre
            # de morts ..."), with any figure the denial gives (else the figure is denied): the
            # only way for sentences this far apart
            within = _denial_within(neg.claim.text, pos.claim.text) and _figures_told(neg, pos)
            if cos < min(NEGATION_LOW_COS, NEGATION_CONTENT_COS) and not within:
                continue
            if apart(a, b):
                continue  # other people, place or date: another act, not its denial
            # the same act: the verb, or most words; shared participants alone are not enough
            # (a story's claims all name its protagonists)
            same_object = bool(a.what) and bool(b.what) and word_overlap(a.what, b.what) >= 0.5
            same_act = cos >= NEGATION_LOW_COS and (
                _same_verb(a, b) or word_overlap(a.claim.text, b.claim.text) >= 0.75
                or (same_object and (bool(a.who & b.who) or word_overlap(a.claim.text, b.claim.text) >= 0.6)))
            # or the same content told with another verb or its noun ("ont voté une résolution" /
            # "n'a pas adopté de résolution", "prélèvent du sang" / "n'effectuent pas de prélèvements")
            same_act = same_act or (cos >= NEGATION_CONTENT_COS and _same_content(a.claim.text, b.claim.text))
            # or the clause a negation governs tells what the other sentence says ("..., mais il n'y
            # a pas eu d'incendie au dépôt de Brest" / "un incendie a touché le dépôt de Brest")
            same_act = same_act or within or (
                cos >= NEGATION_CONTENT_COS and _denies_all_of(neg.claim.text, pos.claim.text))
            # close sentences may share only a long apposition ("le trader qui a fait perdre
            # 5 milliards"): they must share words too
            if not ((cos >= NEGATION_COS and word_overlap(a.claim.text, b.claim.text) >= 0.4) or same_act):
                continue
            echoed = _negations_echoed(pos.claim.text, neg.claim.text)
            if (set(names.fold(pos.claim.text).split()) & _NEGATORS or _NOT_CONTRACTED.search(names.fold(pos.claim.text))) \
                    and not echoed:
                continue  # the "positive" sentence holds a negation too: polarity comes from the parse
            if any(not a.values[u] & b.values[u] for u in a.values.keys() & b.values.keys()):
                continue  # "n'a pas compté 50 millions" / "a compté 2 millions": the figure is denied
            if _only_restrictive(neg.claim.text):
                continue  # "n'induisent qu'une immunité partielle" asserts, it does not deny
            if _denial(_tokens(neg.claim.text))[1] or _negation_affirms(neg.claim.text, pos.claim.text):
                continue  # "ne dément pas avoir reçu l'ordre", "n'empêche pas de transmettre le
                # virus": the negation bears on a denial, or on a word of prevention the other
                # sentence does not use
            if _only_instructions(neg.claim.text):
                continue  # "recommande de ne pas utiliser": advice or an aim, not a denial
            if not within and not _denial_bears_on(pos, neg):
                continue  # "ne mâche pas ses mots", "personne ne sait où il est", "n'ont fait aucun
                # commentaire": the negation bears on a verb or words the other sentence does not tell
            if _another_act(pos, neg) or _act_presupposed(pos, neg):
                continue  # "a été entendu par le juge" / "n'a pas été libéré par le juge": the
                # words are told, the act denied is another one
            if _bound_met(pos, neg):
                continue  # "n'a pas dépassé 12 blessés" / "s'élève à 12 blessés": a bound met
            if _not_yet_or_unconfirmed(neg.claim.text):
                continue  # "n'a pas encore été mis en examen" (it may be since), "n'a pas confirmé
                # la démission": no answer is no denial
            if self.also_says(pos.article.id, neg, besides=pos) or self.also_says(neg.article.id, pos, besides=neg):
                continue  # each outlet also tells the other's version: no disagreement
            if self.also_says(neg.article.id, pos) and not _denies_words_of(neg.claim.text, pos.claim.text):
                continue  # its own sentence tells the other's version, its negation bears on other
                # words ("n'ont pas été testés sur l'homme, bien qu'ils aient été approuvés")
            if _negative_words(pos.claim.text, besides=neg.claim.text) \
                    or (_NEGATION.search(names.fold(pos.claim.text)) and not echoed) \
                    or _conditional(a.claim.text) or _conditional(b.claim.text) \
                    or _DOUBLE.search(names.fold(neg.claim.text)) \
                    or _NOT_ONLY_NEG.search(names.fold(neg.claim.text)):
                continue  # a denial in other words ("impossible", "sans"), a hypothesis, or a
                # negated comparison or restriction that affirms ("pas moins de 2 %", "pas seulement")
            self.flag_denial(pos, neg)

    def denials(self) -> None:
        """One outlet says a source denies what the other tells as it is: "les soignants
        démentent l'existence d'un ordre de cacher les patients" / "les soignants ont eu l'ordre
        de cacher les patients". What follows the verb of denial must be the other sentence's
        content words; the other outlet must tell it as a fact (not hedged, supposed or asked),
        else two sources disagree."""
        for a, b, cos in self.pairs(NEGATION_CONTENT_COS):
            for neg, pos in ((a, b), (b, a)):
                denied = _denied_by_verb(neg.claim.text)
                if denied is None or neg.claim.negated or pos.claim.negated:
                    continue
                said = pos.claim.text
                if _denies_or_hedges(said) or _hedged(neg.claim.text):
                    continue  # the other outlet denies, hedges or asks too
                if not _same_words(denied, _content_words(said)):
                    continue
                if self.also_says(neg.article.id, pos, besides=neg) or self.also_says(pos.article.id, neg, besides=pos):
                    continue  # an outlet also tells the other's version (in another sentence than
                    # the one that holds the same words)
                self.flag_denial(pos, neg, denier=_denier(neg.claim.text))

    def flag_denial(self, pos: Slots, neg: Slots, denier: str | None = None) -> None:
        """`neg` denies what `pos` affirms: a contradiction across outlets, or a disagreement
        between the two sources they name (`denier`: who `neg` says denies, when it reports a
        denial: against a claim said by a source, two sources disagree)."""
        src_pos, src_neg = self.source_of(pos), self.source_of(neg)
        sides = [(pos.claim.text.strip(), pos.span, True), (neg.claim.text.strip(), neg.span, False)]
        if src_pos and denier and not src_neg:
            sa, sb = self.source_label(pos), denier
        elif src_pos and src_neg and src_pos != src_neg:
            sa, sb = self.source_label(pos), self.source_label(neg)
        elif src_neg and not src_pos and denier is None and self.quotes_denial(neg):
            # a denial in a source's own words ("« je n'ai rien reçu », a déclaré le ministre"):
            # the source disagrees with the other outlet, its outlet denies nothing itself
            sa, sb = self.source(pos.article.id), self.source_label(neg)
        else:
            if pos.article.id != neg.article.id and not (src_pos and denier):
                self.add("negation", (pos.claim.text, neg.claim.text), True, "medium", sides)
            return
        self.add("attributed_disagreement", (pos.claim.text, neg.claim.text), False, "low",
                 sides, unit=self.yes_no(), a=pos.claim.text.strip(), b=neg.claim.text.strip(), sa=sa, sb=sb)

    def quotes_denial(self, s: Slots) -> bool:
        """The negation of the claim lies in a direct quote of its sentence."""
        c = s.claim
        return any(q.kind == "direct" and c.start <= q.start and q.end <= c.end
                   and _NEGATION.search(names.fold(q.text)) for q in s.article.quotes)

    def corrections(self) -> None:
        """One outlet corrects a name the other gives: "ce n'est pas A mais B", "B, et non A",
        where the other outlet says A (and not B) of the same thing: "Dupont était à Lyon" /
        "Dupont n'était pas à Lyon, mais à Nantes"."""
        corrects = np.array([_correction(x.claim.text) is not None for x in self.slots], dtype=bool)
        if not corrects.any():
            return
        for i, k, cos in self.pair_index(CORRECTION_COS, keep=corrects[self.pi] | corrects[self.pj]):
            for a, b in ((self.slots[i], self.slots[k]), (self.slots[k], self.slots[i])):
                found = _correction(a.claim.text)
                if not found:
                    continue
                wrong, right = found  # the corrected words, the correction
                if self.apart_besides(a, b, set(_names_in(wrong)) | set(_names_in(right))):
                    continue  # other people, place or date than those corrected: another act
                said = b.claim.text
                if _NEGATION.search(names.fold(said)) or _NEGATION_MARK.search(names.fold(said)) \
                        or _negative_words(said) or _conditional(said):
                    continue  # the other outlet denies or hedges too
                folded = f" {names.fold(said)} "
                if not all(f" {n} " in folded for n in _names_in(wrong)) \
                        or any(f" {n} " in folded for n in _names_in(right)):
                    continue  # it does not give the wrong name, or gives the right one too
                # the rest of the sentence tells the same thing, of someone or something both name
                context = _content_words(a.claim.text) - _content_words(wrong) - set(_names_in(right))
                if _shared_words(_content_words(said), context) < CORRECTION_CONTEXT:
                    continue
                anchors = set(_names_in(a.claim.text, skip_first=True)) - set(_names_in(wrong)) - set(_names_in(right))
                if not any(f" {n} " in folded for n in anchors):
                    continue
                if self.also_says(b.article.id, a, besides=b):
                    continue
                self.flag_denial(b, a)

    def apart_besides(self, a: Slots, b: Slots, corrected: set[str]) -> bool:
        """`apart`, the people and places a correction names left out (the other outlet's
        "à Lyon" is what "pas à Lyon, mais à Nantes" corrects, not another place)."""
        def keep(keys: frozenset[str]) -> frozenset[str]:
            return frozenset(k for k in keys if corrected.isdisjoint(names.fold(self.name(k)).split()))

        return apart(replace(a, persons=keep(a.persons), where=keep(a.where)),
                     replace(b, persons=keep(b.persons), where=keep(b.where)))

    def opposites(self) -> None:
        """Two outlets tell one sentence but for a word of opposite sense: "les ventes ont
        augmenté" / "les ventes ont diminué", "des faux positifs" / "des faux négatifs". Both
        sides affirm (under a negation, "aucune hausse" and "aucune baisse" agree), and nothing
        else differs: every other content word shared, the same words around the opposite ones."""
        for a, b, cos in self.pairs(OPPOSITE_COS):
            if a.claim.negated or b.claim.negated or apart(a, b):
                continue
            texts = (a.claim.text, b.claim.text)
            if not (_plainly_affirms(texts[0]) and _plainly_affirms(texts[1])):
                continue
            found = _opposed(*texts)
            if not found:
                continue
            wa, wb = found
            if not _only_opposed(*texts, wa, wb):
                continue  # more differs than the pair: the victory of one is the other's defeat,
                # "autorisé dans les universités" / "interdit dans les écoles"
            src_a, src_b = self.source_of(a), self.source_of(b)
            sides = [(a.claim.text.strip(), a.span, wa), (b.claim.text.strip(), b.span, wb)]
            attributed = bool(src_a and src_b and not self.same_source(a, b))
            self.add("attributed_disagreement" if attributed else "negation",
                     ("opposite", a.claim.text, b.claim.text), not attributed,
                     "low" if attributed else "medium", sides, template="opposite",
                     unit=f"{_word_in(a.claim.text, wa)} / {_word_in(b.claim.text, wb)}",
                     a=a.claim.text.strip(), b=b.claim.text.strip(),
                     **({"sa": self.source_label(a), "sb": self.source_label(b)} if attributed else {}))

    def yes_no(self) -> str:
        return "oui / non" if self.lang == "fr" else "yes / no"

    def source_label(self, s: Slots) -> str:
        """The source as the reader knows it: the entity's name, else the words of the text."""
        key = self.source_of(s)
        if key in self.ents:
            return self.ents[key].name
        if s.claim.reported_by:
            # the whole phrase of the text: "état" -> "état-major interarmées de Séoul"
            k = s.claim.text.find(s.claim.reported_by)
            if k >= 0:
                m = re.match(r"[^,.;:!?«»\"“”()]+", s.claim.text[k:])
                words = m.group().split() if m else []
                # the noun phrase, not the verb that follows it ("la ministre a précisé que")
                ends = [n for n, w in enumerate(words) if n and names.fold(w) in _PHRASE_ENDS]
                words = words[:ends[0]] if ends else words
                if words:
                    return " ".join(words[:6])
            return s.claim.reported_by
        return next(iter(s.claim.who_names), key.removeprefix("name:") if key else "?")

    def same_source(self, a: Slots, b: Slots) -> bool:
        """One source under two names: the same entity, or a capital for its country."""
        return self.same_key(self.source_of(a), self.source_of(b))

    def same_key(self, ka: str | None, kb: str | None) -> bool:
        if ka == kb:
            return True
        capitals = lexicon()["capitals"]

        def country(key: str | None) -> str:
            name = names.fold(self.ents[key].name) if key in self.ents else names.fold((key or "").removeprefix("name:"))
            return capitals.get(name, name)

        return country(ka) == country(kb)

    def source_of(self, s: Slots) -> str | None:
        """Who a claim is attributed to: "selon X", or the subject of a reporting verb."""
        if s.reported:
            return s.reported
        if is_reporting(s.claim.predicate) and len(s.who) == 1:
            return next(iter(s.who))
        return None

    def roles(self) -> None:
        """One person, two incompatible offices in two outlets."""
        for ent in self.story.entities:
            if ent.type != "PER":
                continue
            offices = [(office(r.text), r) for r in ent.roles]
            offices = [(o, r) for o, r in offices if o]
            for i, (oa, ra) in enumerate(offices):
                for ob, rb in offices[i + 1:]:
                    if oa == ob or ra.support.article_id == rb.support.article_id:
                        continue
                    # an outlet that gives both offices knows the person holds both
                    if {oa, ob} <= {o for o, r in offices if r.support.article_id == ra.support.article_id} \
                            or {oa, ob} <= {o for o, r in offices if r.support.article_id == rb.support.article_id}:
                        continue
                    self.add("role", (ent.id, frozenset((oa, ob))), True, "medium",
                             [(ra.text, ra.support, oa), (rb.text, rb.support, ob)],
                             name=ent.name, a=ra.text, b=rb.text)

    def attributions(self) -> None:
        """The same words put in the mouths of two different people."""
        groups = defaultdict(list)
        for q in self.story.quotes:
            if q.group and q.speaker.entity_id:
                groups[q.group].append(q)
        for quotes in groups.values():
            for i, qa in enumerate(quotes):
                for qb in quotes[i + 1:]:
                    if qa.article_id == qb.article_id or qa.speaker.entity_id == qb.speaker.entity_id:
                        continue
                    ea, eb = self.ents.get(qa.speaker.entity_id), self.ents.get(qb.speaker.entity_id)
                    if not ea or not eb or ea.type != "PER" or eb.type != "PER":
                        continue  # "selon KCNA" relays a speaker, it does not contradict one
                    if word_overlap(qa.text, qb.text) < 0.6:
                        continue
                    # long words, each speaker named beside them: speaker errors upstream and
                    # stock phrases ("dans les prochains jours") must not make a conflict
                    wa, wb = set(_content(qa.text)), set(_content(qb.text))
                    if min(len(wa), len(wb)) < ATTRIBUTION_WORDS or len(wa & wb) / len(wa | wb) < 0.7 \
                            or qa.kind != "direct" or qb.kind != "direct" \
                            or qa.speaker.span is None or qb.speaker.span is None \
                            or not qa.speaker.span.text[:1].isupper() or not qb.speaker.span.text[:1].isupper() \
                            or not (_beside(qa) and _beside(qb)):
                        continue
                    if self.names_near(qa, eb) or self.names_near(qb, ea) \
                            or self.speaks_for_another(qa) or self.speaks_for_another(qb):
                        continue  # "reprenant les mots de X", "a lu un message de X", "la
                        # porte-parole du ministre": the words are relayed, not misattributed
                    sides = []
                    for q in (qa, qb):
                        art = self.articles[q.article_id]
                        sides.append((q.text, art.span(q.start, q.end), q.speaker.entity_id))
                    self.add("attribution", (frozenset((ea.id, eb.id)), qa.group), True, "medium",
                             sides, a=ea.name, b=eb.name)

    def names_near(self, q: Quote, ent: Entity) -> bool:
        """The quote's article says it relays the other speaker's words ("reprenant les mots de
        X", "citant X", "en lisant un message de X"), naming them near the quote."""
        text = self.articles[q.article_id].text
        for m in ent.mentions:
            if m.article_id == q.article_id and q.end <= m.start < q.end + 2 * SPEAKER_NEAR \
                    and _RELAY.search(names.fold(text[max(q.end, m.start - 40):m.start])):
                return True
        return False

    def speaks_for_another(self, q: Quote) -> bool:
        """The speaker is named as someone who speaks for others: a spokesperson, a lawyer."""
        sp = q.speaker.span
        text = self.articles[q.article_id].text
        after = names.fold(text[sp.end:sp.end + 40]) if sp is not None else ""
        ent = self.ents.get(q.speaker.entity_id or "")
        roles = " ".join(names.fold(r.text) for r in (ent.roles if ent else []))
        return bool(_OWN_APPOSITION.match(after) or _SPEAKS_FOR.search(roles))

    def statements(self) -> dict[str, list[_Statement]]:
        """What each article attributes to a source, by article: quotes with their speaker,
        and claims said by someone ("selon X", "X a affirmé que")."""
        out: dict[str, list[_Statement]] = defaultdict(list)
        claims = self.by_article
        for q in self.story.quotes:
            art = self.articles.get(q.article_id)
            sp, key = q.speaker, q.speaker.entity_id
            if key not in self.ents and sp.name and not _words("body_nouns").isdisjoint(names.fold(sp.name).split()):
                key = "name:" + names.key(sp.name, person=False)  # "affirme la direction"
            if art is None or key not in self.ents and not (key or "").startswith("name:"):
                continue  # quotes are taken from named speakers and bodies only
            negated = any(c.claim.negated and c.claim.start <= q.start and q.end <= c.claim.end
                          for c in claims[q.article_id])
            out[q.article_id].append(_Statement(art, q.start, q.end, key, self.label(key, sp.name),
                                                negated, quoted=True, named=_beside(q)))
        for aid, slots in claims.items():
            for s in slots:
                key, c = self.source_of(s), s.claim
                if c.what and c.reported_by and names.fold(c.what) == names.fold(c.reported_by):
                    continue  # a source read off the object ("conteste cette version")
                if key:
                    name = c.reported_by or next(iter(c.who_names), None)
                    out[aid].append(_Statement(s.article, c.start, c.end, key, self.label(key, name),
                                               c.negated, predicate=c.predicate))
                    continue
                # no verb of saying, but a denial by its subject: "la direction de X dément avoir ..."
                for who in sorted(s.who):
                    st = _Statement(s.article, c.start, c.end, who, self.label(who, None), c.negated,
                                    predicate=c.predicate)
                    if st.denies:
                        out[aid].append(st)
                        break
        return {aid: [x for x in stmts if names.fold(x.label) not in _PRONOUNS] for aid, stmts in out.items()}

    def answers(self, a: _Statement, b: _Statement) -> bool:
        """Whether `b`, said by another source, denies what `a` asserts."""
        if a.negated or a.denial or not a.named or not (b.denies or b.negated) or _overlap(a, b):
            return False
        gap = max(a.start, b.start) - min(a.end, b.end)
        if gap > (SIDE_BY_SIDE if b.denies else CONTEST_NEAR) or self.same_key(a.source, b.source):
            return False
        named = self.named_source(a.source), self.named_source(b.source)
        said = a.words - b.label_words  # neither source's name is what they disagree on
        reply = b.denied - a.label_words
        shared = _shared_words(said, reply)
        if b.denies:  # "X dément", "the company denied" what the statement beside it says: one
            # word of it in the next sentence ("warned" / "denied ... any warning"), two further
            return any(named) and shared >= (1 if gap <= NEXT_SENTENCE else 2)
        # a negation answers what was said before it, in its words ("étaient signalés" / "n'avons
        # jamais reçu de signalement"); both sources are known, by name or as a body speaking as
        # one ("la direction", "the company")
        return any(named) and (named[0] or a.body) and (named[1] or b.body) \
            and a.start < b.start and gap <= CONTEST_NEAR \
            and shared >= CONTEST_WORDS and shared >= CONTEST_SHARE * len(reply)

    def label(self, key: str, name: str | None) -> str:
        return self.ents[key].name if key in self.ents else (name or key.removeprefix("name:"))

    def named_source(self, key: str) -> bool:
        """A source the story knows by name (a person or a body), not a common noun."""
        ent = self.ents.get(key)
        return bool(ent) and ent.type in ("PER", "ORG") and ent.name[:1].isupper()

    def contested(self) -> None:
        """One source's statement contested by another in the same article: "Les capteurs
        étaient signalés défectueux", says the union delegate; "nous n'avons jamais reçu de
        signalement", says the director. Shown side by side, never as a contradiction. The
        reply must deny (a verb of denial, or a negation sharing more words) and share words
        with the statement; the same exchange told by several outlets is one divergence."""
        found: list[tuple[_Statement, _Statement]] = []
        for stmts in self.statements().values():
            said = [a for a in stmts if not (a.negated or a.denial) and a.named]
            replies = [b for b in stmts if b.denies or b.negated]
            pairs = [(a, b) for a in said for b in replies if self.answers(a, b)]
            # a claim and the quote inside it are one statement: keep the tightest pair
            pairs.sort(key=lambda p: (p[0].end - p[0].start) + (p[1].end - p[1].start))
            kept: list[tuple[_Statement, _Statement]] = []
            for a, b in pairs:
                if not any(_overlap(a, x) and _overlap(b, y) for x, y in kept):
                    kept.append((a, b))
            found += kept
        if not found:
            return
        # one exchange: several replies to one statement, or a statement and its denial told by
        # several outlets (in other words, or another language) with one source in common
        vecs = encode([t for a, b in found for t in (a.text, b.text)])
        per_article = defaultdict(int)  # exchanges in one article
        for a, _ in found:
            per_article[a.article.id] += 1

        def same_exchange(i: int, j: int) -> bool:
            (a, b), (x, y) = found[i], found[j]
            if _overlap(a, x) or _overlap(b, y):
                return True
            if a.article.id == x.article.id or not (self.same_key(a.source, x.source)
                                                    or self.same_key(b.source, y.source)):
                return False
            # the one exchange of each article needs less to be the same
            lone = per_article[a.article.id] == per_article[x.article.id] == 1
            cos = float(vecs[2 * i] @ vecs[2 * j] + vecs[2 * i + 1] @ vecs[2 * j + 1]) / 2
            return cos >= (LONE_EXCHANGE_COS if lone else SAME_EXCHANGE_COS)

        groups: list[list[int]] = []
        for i in range(len(found)):
            g = next((g for g in groups if any(same_exchange(i, j) for j in g)), None)
            if g is None:
                groups.append([i])
            else:
                g.append(i)
        taken = {(x.article_id, x.start, x.end) for d in self.found.values()
                 if d.kind == "attributed_disagreement" for side in d.sides for x in side.support}
        for g in groups:
            # the story's language first: its words speak for the exchange
            members = sorted((found[i] for i in g), key=lambda p: (p[0].article.lang or "fr") != self.lang)
            if all((a.article.id, a.start, a.end) in taken for a, _ in members):
                continue  # already shown from the claims' slots
            sides = []
            for a, b in members:
                sides += [(a.text.strip(), a.article.span(a.start, a.end), True),
                          (b.text.strip(), b.article.span(b.start, b.end), False)]
            a0, b0 = members[0]
            self.add("attributed_disagreement", ("contested", a0.article.id, a0.start, b0.start),
                     False, "low", sides, unit=self.yes_no(), a=f"« {a0.text.strip()} »",
                     b=f"« {b0.text.strip()} »",
                     sa=", ".join(dict.fromkeys(a.label for a, _ in members)),
                     sb=", ".join(dict.fromkeys(b.label for _, b in members)))

    def run(self) -> list[Divergence]:
        for step in (self.agents, self.numbers, self.dates, self.negations, self.denials, self.corrections,
                     self.opposites,
                     self.contested,
                     self.roles, self.attributions):
            step()
        self.summarise()
        order = {"high": 0, "medium": 1, "low": 2}
        return sorted(self.found.values(), key=lambda d: (not d.contradiction, order[d.severity]))


_STOP = {"de", "du", "des", "d", "la", "le", "les", "l", "of", "the"}


class _Statement:
    """Words an article attributes to a source: a claim, or a quote (`quoted`, its speaker
    `named` right by it or not)."""

    def __init__(self, art: Article, start: int, end: int, source: str, label: str, negated: bool, *,
                 predicate: str | None = None, quoted: bool = False, named: bool = False):
        self.article, self.start, self.end = art, start, end
        self.text = art.text[start:end]
        self.source = source  # story entity id, or "name:" key
        self.label = label  # the source as the reader knows it
        folded = names.fold(self.text)
        if predicate and names.fold(predicate) in _words("no_comment_predicates"):
            negated = False  # "n'a pas souhaité commenter": no answer is no denial
        elif not negated:
            negated = bool(_NEGATION.search(folded)) or bool(_NEGATED_WORD.search(folded))
        self.tokens = tokens = re.findall(r"\w+", folded)
        self.label_words = frozenset(w for w in names.fold(label).split() if len(w) > 2) - _stopwords()
        # a body named by a common noun: "la direction", "the company"
        self.body = not _words("body_nouns").isdisjoint(names.fold(label).split())
        k, declined = _denial(tokens)
        if declined:
            k = None
        self.denial = k is not None  # a verb of denial, whoever denies
        if k is None and not (_words("denial_words").isdisjoint(tokens) and _words("confirm_words").isdisjoint(tokens)):
            negated = False  # "n'a ni confirmé ni démenti", "ne confirme pas": no answer is no denial
        self.negated = negated  # "nous n'avons jamais reçu"
        # the source is named by the words (not found back through "a-t-il dit")
        self.named = named if quoted else not self.label_words.isdisjoint(tokens)
        # a quote denies in its speaker's words; a reported denial is its subject's, named before
        # the verb ("Natixis a démenti"), not a name after it ("il a démenti le rôle de la SG")
        self.denies = k is not None and (quoted or not self.label_words.isdisjoint(tokens[:k]))
        # what is denied follows the verb of denial, or the negation ("n'avons jamais reçu ...")
        self.denied_at = k if self.denies else next(
            (i for i, w in enumerate(tokens) if w in _NEGATORS or w in _NEGATED_WORDS), None) if negated else None

    def content(self, tokens: list[str]) -> frozenset[str]:
        return _content_of(tokens) - self.label_words  # nor are the sources' names what they disagree on

    @cached_property
    def words(self) -> frozenset[str]:
        return self.content(self.tokens)

    @cached_property
    def denied(self) -> frozenset[str]:
        """The content words of what is denied."""
        return self.content(self.tokens[self.denied_at + 1:]) if self.denied_at is not None else frozenset()


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    """A word list of the lexicon, as a set."""
    return frozenset(lexicon()[name])


def _stopwords() -> frozenset[str]:
    return _words("function_words")


@lru_cache(maxsize=1)
def _skipped() -> frozenset[str]:
    """Words that are not what two sources disagree on: function words, negations, verbs of
    denial, dates."""
    return _stopwords() | _NEGATORS | _NEGATED_WORDS | _words("denial_words") | _words("calendar_words")


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", names.fold(text))


def _denial(tokens: list[str], verbs_only: bool = False) -> tuple[int | None, bool]:
    """Where the first word of denial stands and whether it is negated or declined ("n'a ni
    confirmé ni démenti", "loin de démentir" deny nothing). `verbs_only`: a verb of denial
    only, with what it denies after it ("dément avoir", "a nié que"), not a noun or an
    adjective ("malgré les démentis", "nié par la Turquie", "un niveau dément")."""
    denial = _words("denial_verbs") | _words("denial_participles") if verbs_only else _words("denial_words")
    blockers = _words("denial_blockers")
    for k, w in enumerate(tokens):
        if w in denial and (not verbs_only or _verb_of_denial(tokens, k)):
            return k, not blockers.isdisjoint(tokens[max(0, k - DENIAL_SCOPE):k])
    return None, False


def _verb_of_denial(tokens: list[str], k: int) -> bool:
    """tokens[k] is a verb of denial followed by what it denies: a finite form or an
    infinitive, or a participle after an auxiliary ("a démenti", "ont formellement nié")."""
    w, before = tokens[k], tokens[max(0, k - DENIAL_COMPLEMENT - 1):k]
    if w not in _words("denial_verbs") and not (
            w in _words("denial_participles") and not _words("auxiliaries").isdisjoint(before)):
        return False
    if k and tokens[k - 1] in _words("denial_noun_marks"):
        return False  # "les démentis", "malgré le démenti"
    for x in tokens[k + 1:k + 2 + DENIAL_COMPLEMENT]:
        if x in _words("denial_complements"):
            return True
        if not (x.endswith("ment") or x in _words("calendar_words")):
            return False  # "nié par", "dément à Paris": no complement
    return False


@lru_cache(maxsize=4096)
def _denied_by_verb(text: str) -> frozenset[str] | None:
    """The content words a verb of denial that is not itself negated bears on: those after it
    ("démentent l'existence d'un ordre ..." -> existence, ordre, ...)."""
    tokens = _tokens(text)
    k, negated = _denial(tokens, verbs_only=True)
    return _content_of(tokens[k + 1:]) if k is not None and not negated else None


def _denier(text: str) -> str | None:
    """Who denies: the words before the verb of denial ("La direction de l'usine dément ...")."""
    tokens = _tokens(text)
    k, _ = _denial(tokens, verbs_only=True)
    if k is None:
        return None
    # the text's own words up to the verb (a word may fold to several tokens: "l'usine"),
    # without the auxiliary and adverbs before it ("a formellement démenti")
    out, n = [], 0
    for word in re.findall(r"[\w'’-]+", text):
        n += len(_tokens(word))
        if n > k:
            break
        out.append(word)
    while out and (names.fold(out[-1]) in _words("auxiliaries") or names.fold(out[-1]).endswith("ment")):
        out.pop()
    return " ".join(out) if _content_of(_tokens(" ".join(out))) else None


def _figures_told(neg: Slots, pos: Slots) -> bool:
    """Every figure the denial gives, the other sentence gives too, in the same unit."""
    return {(q[0], q[1]) for q in neg.quantities} <= {(q[0], q[1]) for q in pos.quantities}


def _shared_words(a: frozenset[str], b: frozenset[str]) -> int:
    """Words of `b` found in `a`, a word and its derived forms counting as one
    ("signalés" / "signalement", "warned" / "warning")."""
    by_start = _by_start(a)
    return sum(1 for y in b if any(_same_stem(x, y) for x in by_start.get(y[:4], ())))


@lru_cache(maxsize=1 << 14)  # a sentence's words are compared with many others
def _by_start(words: frozenset[str]) -> dict[str, list[str]]:
    """Words by their first 4 letters, which two forms of a word share."""
    out = defaultdict(list)
    for x in words:
        out[x[:4]].append(x)
    return dict(out)


def _same_stem(x: str, y: str) -> bool:
    """One word, or two forms of it: a common start of 4 letters or more, leaving 3 at most
    of the shorter word ("signal-és" / "signal-ement")."""
    if x == y:
        return True
    if x[:4] != y[:4]:
        return False
    return len(os.path.commonprefix((x, y))) >= max(4, min(len(x), len(y)) - 3)


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    """The words of a sentence that say what happened: not function words, negations, verbs
    of denial or dates."""
    return _content_of(_tokens(text))


def _content_of(tokens: list[str]) -> frozenset[str]:
    skip = _skipped()
    return frozenset(w for w in tokens if len(w) >= 4 and not w.isdigit() and w not in skip)


def _same_content(a: str, b: str) -> bool:
    """Two sentences made of the same content words, each having most of the other's."""
    return _same_words(_content_words(a), _content_words(b))


def _same_words(wa: frozenset[str], wb: frozenset[str]) -> bool:
    """Two sets of content words, each having most of the other's (and enough of them)."""
    if not wa or not wb:
        return False
    in_a, in_b = _shared_words(wa, wb), _shared_words(wb, wa)
    return min(in_a, in_b) >= DENIED_WORDS and in_a >= DENIED_SHARE * len(wb) and in_b >= DENIED_SHARE * len(wa)


# an English contracted negation, folded: "weren't", "didn’t" -> "weren t" (not French "on t'a")
_CONTRACTED_NOT = r"\b\w{2,}n t\b"
# a negation and the clause it governs, up to the end of the clause
_DENIED_CLAUSE = re.compile(r"\b(?:ne|n)\s+(?:\w+\s+){0,3}?(?:pas|jamais|plus|guere|nullement|point)\b"
                            r"|\b(?:aucun|aucune|jamais)\b|\b(?:not|never)\b|" + _CONTRACTED_NOT)


@lru_cache(maxsize=1 << 14)  # asked for every close pair the sentence is in
def _denied_clauses(negated: str) -> tuple[frozenset[str], ...]:
    """The content words of each clause a negation governs."""
    folded = _fold_clauses(negated)
    return tuple(_content_words(re.split(r"[,;:.!?]|\bmais\b", folded[m.end():])[0])
                 for m in _DENIED_CLAUSE.finditer(folded))


def _fold_clauses(text: str) -> str:
    """Folded but for the punctuation that ends a clause."""
    return " ".join(re.sub(r"['’`´\-]", " ", names.to_ascii(text).lower()).split())


def _negation_affirms(negated: str, other: str) -> bool:
    """A negation that governs a word of denial or prevention the other sentence does not use:
    "n'empêche pas de transmettre" says one may transmit."""
    folded = _fold_clauses(negated)
    told = set(_tokens(other))
    for m in _DENIED_CLAUSE.finditer(folded):
        inside = re.findall(r"\w+", m.group())
        after = next((w for w in re.findall(r"\w+", folded[m.end():]) if w not in _skipped()), None)
        for w in inside + ([after] if after else []):
            if w in _words("negative_words") and w not in _PLAIN_NEGATIONS and w not in told:
                return True
    return False


# a negation of time or of an answer: "pas encore", "not yet"; "n'a pas (encore) confirmé"
# (%s: the words of confirmation)
_NOT_YET = (r"\b(?:ne|n)\s+(?:\w+\s+){0,3}?(?:pas|jamais|toujours pas|plus)\s+(?:encore\b|(?:\w+\s+){0,2}?(?:%s)\b)"
            r"|\bnot yet\b|\byet to\b|\bnot (?:\w+ )?(?:%s)\b")


def _not_yet_or_unconfirmed(negated: str) -> bool:
    """A negation that says it has not happened yet, that it is not confirmed, or that nobody
    knows ("personne ne sait où il est"): no answer is no denial."""
    folded = names.fold(negated)
    return bool(_not_yet().search(folded) or _UNKNOWN.search(folded))


# ignorance, not denial: "personne ne sait", "on ne sait pas si", "on ignore où", "nobody knows"
_UNKNOWN = re.compile(r"\b(?:personne|nul|nulle|on|l on)\s+(?:ne|n)\s+(?:\w+\s+)?sai[st]\b"
                      r"|\b(?:ne|n)\s+sai[st]\s+(?:pas|toujours pas|plus)\s+(?:encore\s+)?(?:si|ou|quand|comment|qui"
                      r"|pourquoi|combien|ce)\b|\b(?:on|l on)\s+ignore\b"
                      r"|\b(?:nobody|no one|noone)\s+knows\b|\b(?:do|does|did)(?:\s+not|n t)\s+know\b")


@lru_cache(maxsize=1)
def _not_yet() -> re.Pattern:
    words = "|".join(sorted(_words("confirm_words")))
    return re.compile(_NOT_YET % (words, words))


_INSTRUCTION = re.compile(r"\b(?:de|d|a|pour|sans) (?:ne|n) (?:pas|plus|jamais)\b")


def _only_instructions(negated: str) -> bool:
    """Every negation of the sentence stands before an infinitive after "de", "à", "pour" or
    "sans" ("recommande de ne pas utiliser", "pour ne plus payer"): advice or an aim."""
    folded = _fold_clauses(negated)
    found = list(_DENIED_CLAUSE.finditer(folded))
    return bool(found) and len(_INSTRUCTION.findall(folded)) >= len(found)


def _denial_within(negated: str, other: str) -> bool:
    """The other sentence tells the negated one: every content word of its negated clauses
    (so neither the denied verb nor "encore", "confirmé" may be what it lacks: "n'a pas été
    libéré" is no denial of "a été entendu"), nearly all its other content words, enough of
    them to tell one thing, and every name it gives ("Kennon n'a pas participé à la guerre" is
    not denied by "Kohl a participé à la guerre")."""
    clauses = _denied_clauses(negated)
    if not clauses:
        return False
    denied, said = _content_words(negated), _content_words(other)
    by_start = _by_start(said)
    missing = {w for w in denied if not any(_same_stem(x, w) for x in by_start.get(w[:4], ()))}
    told = len(denied) - len(missing)
    if told < DENIAL_WORDS_TOLD or told < DENIED_CLAUSE_SHARE * len(denied):
        return False
    return all(missing.isdisjoint(c) for c in clauses) and missing.isdisjoint(_names_in(negated))


def _negations_echoed(pos: str, neg: str) -> bool:
    """Every negation of `pos` is one of `neg` too, over the same words, and `neg` has one
    more: the negation both tell is shared ("... que la transmission n'avait pas été évaluée"),
    the other one denies."""
    mine, theirs = _denied_clauses(pos), _denied_clauses(neg)
    if not mine or len(theirs) <= len(mine):
        return False

    def echo(t: frozenset[str], d: frozenset[str]) -> bool:
        return _shared_words(t, d) >= DENIED_CLAUSE_SHARE * len(d) and _shared_words(d, t) >= DENIED_CLAUSE_SHARE * len(t)

    if not all(d and any(echo(t, d) for t in theirs) for d in mine):
        return False
    # the negations `pos` does not tell bear on its words, all of them ("n'ont pas été surpris
    # de constater que ..." denies a surprise `pos` does not speak of)
    said = _content_words(pos)
    return all(_shared_words(said, t) == len(t) for t in theirs if not any(echo(t, d) for d in mine))


def _denies_words_of(negated: str, other: str) -> bool:
    """A negated clause bears on the other sentence's words: most of its content words are there."""
    said = _content_words(other)
    return any(len(d) >= 2 and _shared_words(said, d) >= 0.5 * len(d) for d in _denied_clauses(negated))


def _denies_all_of(negated: str, other: str) -> bool:
    """A negated clause of `negated` whose content words the other sentence tells nearly all of,
    and that holds most of the other sentence's: the clause denies that sentence, even when
    the rest of its own sentence speaks of something else."""
    said = _content_words(other)
    if not said:
        return False
    for denied in _denied_clauses(negated):
        if len(denied) < DENIED_WORDS:
            continue
        if _shared_words(said, denied) >= DENIED_CLAUSE_SHARE * len(denied) \
                and _shared_words(denied, said) >= DENIED_COVER * len(said):
            return True
    return False


@lru_cache(maxsize=1)
def _opposite_words() -> dict[str, set[tuple[int, int]]]:
    """Folded word -> (pair, side) of the lexicon's opposites."""
    out: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for k, pair in enumerate(lexicon()["opposites"]):
        for side, forms in enumerate(pair):
            for w in forms:
                out[w].add((k, side))
    return dict(out)


def _word_in(text: str, folded: str) -> str:
    """The word of the text that folds to `folded`, as written."""
    return next((w for w in re.findall(r"\w+", text) if names.fold(w) == folded), folded)


@lru_cache(maxsize=1 << 14)  # asked for every close pair the sentence is in
def _plainly_affirms(text: str) -> bool:
    """No negation, negative word or hypothesis opening the sentence."""
    folded = names.fold(text)
    return not (_NEGATION.search(folded) or set(folded.split()) & _NEGATORS or _conditional(text))


@lru_cache(maxsize=1 << 14)
def _sense_words(text: str) -> tuple[list[str], set]:
    """The words of a sentence that have an opposite, and their senses."""
    table = _opposite_words()
    words = [w for w in re.findall(r"\w+", names.fold(text)) if w in table]
    return words, {x for w in words for x in table[w]}


def _opposed(a: str, b: str) -> tuple[str, str] | None:
    """A word of `a` and one of `b` of opposite sense, when neither sentence has both senses."""
    table = _opposite_words()
    (wa, sa), (wb, sb) = _sense_words(a), _sense_words(b)
    for x in wa:
        for y in wb:
            for k, side in table[x]:
                if (k, 1 - side) in table[y] and (k, 1 - side) not in sa and (k, side) not in sb:
                    return x, y
    return None


# words that may differ beside an opposite word ("une hausse" / "un recul")
_ARTICLES = _STOP | {"un", "une", "a", "an"}


def _neighbours(text: str, word: str) -> tuple[str, str] | None:
    """The words before and after `word` (folded) in a sentence, articles left out."""
    tokens = re.findall(r"\w+", names.fold(text))
    if word not in tokens:
        return None
    k = tokens.index(word)
    before = next((w for w in reversed(tokens[:k]) if w not in _ARTICLES), "")
    after = next((w for w in tokens[k + 1:] if w not in _ARTICLES), "")
    return before, after


def _only_opposed(a: str, b: str, wa: str, wb: str) -> bool:
    """Nothing differs but the opposite pair: every other content word of each sentence is in
    the other (enough of them to tell one thing), and the opposite words stand between the
    same words."""
    ca, cb = _content_words(a) - {wa}, _content_words(b) - {wb}
    if min(len(ca), len(cb)) < OPPOSITE_WORDS or _shared_words(ca, cb) < len(cb) or _shared_words(cb, ca) < len(ca):
        return False
    na, nb = _neighbours(a, wa), _neighbours(b, wb)
    return na is not None and na == nb


def _overlap(a: _Statement, b: _Statement) -> bool:
    return a.article.id == b.article.id and a.start < b.end and b.start < a.end


_ONE = re.compile(r"(?i)\b(?:un|une|one|a|an|ein|eine|einen)\s+$")
_ABOUT = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
          "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
          "millier": 1000}
_MANY = {"dizaines": 20, "centaines": 200, "milliers": 2000, "millions": 2_000_000,
         "dozens": 20, "hundreds": 200, "thousands": 2000}
_ABOUT_RE = re.compile(r"(?i)\bune\s+(" + "|".join(_ABOUT) + r")\s+d(?:e\s+|['’])$")
_MANY_RE = re.compile(r"(?i)\b(?:plusieurs|quelques|des|de|several|some)\s+(" + "|".join(_MANY)
                      + r")\s+(?:d(?:e\s+|['’])|of\s+)$")


def implicit_figures(s: Slots, units: set[str]) -> list:
    """Figures in words before a counted noun of `units`: "un missile" (1), "une quinzaine de
    blessés" (about 15), "plusieurs centaines de poissons" (some hundreds)."""
    if not units:
        return []
    text, out = s.article.text, []
    for m in re.finditer(r"\w+", s.claim.text):
        unit = unit_key(m.group())
        if unit not in units:
            continue
        end = s.claim.start + m.end()
        before = text[max(s.claim.start, end - len(m.group()) - 40):end - len(m.group())]
        found = None
        if (x := _ONE.search(before)):
            found = (1.0, "article", x)  # "un" may be a mere article: never a contradiction alone
        elif (x := _ABOUT_RE.search(before)):
            found = (float(_ABOUT[x.group(1).lower()]), "vague", x)
        elif (x := _MANY_RE.search(before)):
            found = (float(_MANY[x.group(1).lower()]), "vague", x)
        if found:
            value, hedge, x = found
            start = end - len(m.group()) - len(before) + x.start()
            out.append((value, unit, hedge, Quantity(value, m.group(), Span(start, end, text[start:end]))))
    return out


_NOT_CONTRACTED = re.compile(_CONTRACTED_NOT)
_NEGATORS = {"ne", "n", "pas", "jamais", "guere", "nullement", "aucun", "aucune", "not", "never", "nicht", "kein", "keine", "nie"}
# a negation inside the "positive" claim: its polarity cannot be trusted
_NEGATION = re.compile(r"\bn(?:e|)\s+(?:\w+\s+){0,3}?(?:pas|guere|jamais|plus|rien|aucun|aucune|nullement|point)\b"
                       r"|\b(?:not|never|no longer)\b|" + _CONTRACTED_NOT)
_NEGATED_WORDS = {"aucun", "aucune", "jamais", "nullement", "no", "none", "nothing", "nobody", "neither"}
# negative words that only make the negation ("n'a jamais rien reçu")
_PLAIN_NEGATIONS = _NEGATORS | _NEGATED_WORDS | {"rien", "personne", "nul", "nulle", "non", "ni", "sans"}
_NEGATED_WORD = re.compile(r"\b(?:" + "|".join(sorted(_NEGATED_WORDS)) + r")\b")
_DOUBLE = re.compile(r"\b(?:pas|jamais|non) (?:\w+ ){0,2}(?:moins|plus|inferieure?s?|superieure?s?) (?:de|d|que|a)\b"
                     r"|\bnot (?:\w+ ){0,2}(?:less|fewer|more) than\b")

# "ne touche pas seulement la Chine" says it touches China ("pas que" too, but as often "n'a
# pas dit que ...")
_NOT_ONLY_NEG = re.compile(r"\b(?:pas|plus|non) (?:seulement|uniquement|simplement)\b|\bnot (?:only|just|merely)\b")

# the words that make "ne" a negation, as the claims are parsed ("nul ne sait", "nulle part")
_STRONG_NEGATORS = {names.fold(w) for w in NE_COMPLEMENTS} | {"not", "never", "no", "nothing", "none", "nobody"}


def _only_restrictive(text: str) -> bool:
    """A sentence whose only negation is the restrictive "ne ... que" ("only")."""
    words = set(re.findall(r"\w+", names.fold(text)))
    return bool(words & {"ne", "n"}) and bool(words & {"que", "qu"}) and not words & _STRONG_NEGATORS


# "n'est pas à Lyon, mais à Nantes", "ne montre pas A mais B"; "B, et non A"
_NOT_BUT = re.compile(r"(?i)\b(?:ne|n['’])\s*(?:[\w'’-]+\s+){0,4}?(?:pas|jamais|plus)\s+"
                      r"(?P<wrong>[^,.;:!?()«»\"]{1,60}?)\s*,?\s+mais\s+(?P<right>[^,.;:!?()«»\"]{1,60})")
_AND_NOT = re.compile(r"(?i)(?<![\w'’-])(?P<right>[^,.;:!?()«»\"]{1,60}?)\s*,?\s+et\s+non(?:\s+pas)?\s+"
                      r"(?P<wrong>[^,.;:!?()«»\"]{1,60})")
# "pas seulement A, mais aussi B" adds B to A: no correction
_NOT_ONLY = re.compile(r"^(?:seulement|uniquement|simplement|que|qu)\b")
_ALSO = re.compile(r"^(?:aussi|egalement|surtout)\b")
_NEGATION_MARK = re.compile(r"\b(?:et|ou|mais) (?:non|pas)\b|\bplutot que\b|\bau lieu de\b")
_NAME = re.compile(r"\b[A-ZÀ-Ý][\w'’-]*")


def _names_in(text: str, skip_first: bool = False) -> list[str]:
    """The proper names of a phrase, folded ("à l'Eden Roc d'Antibes" -> eden, roc, antibes);
    `skip_first`: not the sentence's first word, capitalised whatever it is."""
    out = []
    for m in _NAME.finditer(text):
        if skip_first and not text[:m.start()].strip(" \"'«“("):
            continue
        word = re.split(r"['’]", m.group())[-1]  # "d'Antibes"
        folded = names.fold(word)
        if len(folded) >= 3 and folded not in _stopwords():
            out.append(folded)
    return out


@lru_cache(maxsize=4096)
def _correction(text: str) -> tuple[str, str] | None:
    """(what is corrected, the correction) when a sentence corrects a name: "ce n'est pas A mais
    B", "à B, et non à A". Only names: a corrected common noun may be the other outlet's word
    for something else."""
    for pattern in (_NOT_BUT, _AND_NOT):
        for m in pattern.finditer(text):
            wrong, right = m.group("wrong"), m.group("right")
            if _NOT_ONLY.match(names.fold(wrong)) or _ALSO.match(names.fold(right)):
                continue
            if pattern is _AND_NOT and not _name_first(wrong):
                continue  # "pacifique et non violent vers Paris": an adjective, not a name
            if pattern is _NOT_BUT and _opens_clause(right):
                continue  # "ne le rencontrera pas, mais a indiqué que ...": a new clause, no correction
            if _names_in(wrong) and not set(_names_in(wrong)) & set(_names_in(right)):
                return wrong, right
    return None


_CLAUSE_OPENERS = {"a", "ont", "avait", "avaient", "aura", "auront", "est", "sont", "etait", "etaient",
                   "sera", "seront", "va", "vont", "doit", "doivent", "peut", "peuvent", "il", "elle",
                   "ils", "elles", "on", "se", "s", "ne", "n", "que", "qu"}
# words after which a source's name is over: a verb or a clause begins
_PHRASE_ENDS = _CLAUSE_OPENERS | {"qui", "has", "have", "had", "is", "was", "said", "says", "that", "who"}


def _opens_clause(phrase: str) -> bool:
    """The phrase opens a clause of its own: an auxiliary, a pronoun or a verb of saying first
    ("mais a indiqué que", "mais déclare avoir peur"), not a corrected name or thing."""
    words = re.findall(r"\w+", phrase)
    if not words or words[0][:1].isupper():
        return False  # a name ("mais Dire Straits")
    words = [w.lower() for w in words]  # accents kept: "a" is a verb, "à" is not
    return words[0] in _CLAUSE_OPENERS or any(_verb_form(lemma, names.fold(words[0]))
                                              for lemma in _words("reporting_predicates"))


@lru_cache(maxsize=1)
def _before_names() -> frozenset[str]:
    """Words that may stand before a name: "à Lyon", "la SNCF"."""
    return frozenset(_stopwords() | _ARTICLES | {"a", "au", "aux", "en"})


def _name_first(phrase: str) -> bool:
    """The phrase's first word past articles and prepositions is a proper name ("à Lyon",
    "la SNCF"), not a common word ("violent vers Paris")."""
    skipped = _before_names()
    for m in re.finditer(r"[\w-]+", phrase):
        if names.fold(m.group()) not in skipped:
            return bool(_NAME.match(m.group())) and bool(_names_in(m.group()))
    return False


def _negative_words(text: str, besides: str = "") -> bool:
    """A word of denial in the text; with `besides`, one that text has not too ("des bébés
    sans défenses" / "aucun bébé sans défenses": "sans" is what is told, not a denial)."""
    words = set(re.findall(r"\w+", names.fold(text))) - set(re.findall(r"\w+", names.fold(besides)))
    return not _words("negative_words").isdisjoint(words)


@lru_cache(maxsize=1 << 14)
def _conditional(text: str) -> bool:
    folded = names.fold(text)
    return any(folded == o or folded.startswith(o + " ") for o in _openers())


# a hypothesis anywhere in the sentence ("devra démissionner s'il a reçu"), the conditional
# ("aurait reçu"), an inverted question ("a-t-il reçu")
_HYPOTHESIS = re.compile(r"\bs ils?\b|\bsi (?:le|la|les|l|un|une|des|elle|elles|on|ce|cette|ces)\b"
                         r"|\b(?:if|whether|unless)\b|\b\w+(?:rait|raient)\b|\b\w+ t (?:il|elle|ils|elles|on)\b"
                         r"|\b(?:selon|d apres) (?:des|certaines|plusieurs) (?:informations|sources)\b")


@lru_cache(maxsize=4096)
def _denies_or_hedges(text: str) -> bool:
    """A sentence with a word of denial or a negation, or hedged."""
    return _denial(_tokens(text))[0] is not None or _negative_words(text) \
        or bool(_NEGATION.search(names.fold(text))) or _hedged(text)


@lru_cache(maxsize=4096)
def _hedged(text: str) -> bool:
    """A sentence that does not tell a fact as it is: a hypothesis, the conditional, a
    question, an accusation or a rumour ("est accusé d'avoir reçu", "des rumeurs évoquent")."""
    folded = names.fold(text)
    if _conditional(text) or text.rstrip(" »\"”)").endswith("?"):
        return True
    for m in _HYPOTHESIS.finditer(folded):
        if m.group() not in _words("not_conditionals"):
            return True
    return not _words("hedge_words").isdisjoint(folded.split())


@lru_cache(maxsize=1)
def _openers() -> tuple[str, ...]:
    return tuple(map(names.fold, lexicon()["conditional_openers"]))


_PRONOUNS = {"il", "elle", "ils", "elles", "lui", "eux", "he", "she", "they", "him", "her", "them"}


def rounds_to(x: float, y: float) -> bool:
    """One figure is the other rounded: "5 milliards" / "4,9 milliards", "4,9" / "4,91". Round
    thousands count their trailing zeros; smaller whole numbers are exact (12 is not 14)."""
    def step(v: float) -> float:
        v = abs(v)
        if not float(v).is_integer():
            decimals = len(f"{v:.6f}".rstrip("0").split(".")[1])
            return 10.0 ** -decimals
        n = int(round(v))
        if n < 1000:
            return 1.0
        zeros = len(str(n)) - len(str(n).rstrip("0"))
        return 10.0 ** zeros
    tolerance = max(step(x), step(y)) / 2
    return abs(x - y) <= tolerance + 1e-9


_PART = r"restant(?:e?s)?|premier(?:e?s)|dernier(?:e?s)"  # "les trois bateaux restants", "les deux premiers"
_RELATIVE = re.compile(r"^\W*(?:\w+\W+)?(?:autres?|other|others|supplementaires?|additional|more|de plus|en plus"
                       r"|weitere|" + _PART + r")\b")
_RELATIVE_IN = re.compile(r"\b(?:autres?|other|" + _PART + r")\b")
_PART_BEFORE = re.compile(r"\b(?:remaining|other|first|last|next|autres|" + _PART + r"|prochaine?s)\s*$")


def _relative(article: Article, quantity) -> bool:
    """A count of others or of a part: "14 autres otages" (besides someone named), "3 de
    plus", "the remaining three boats", "les deux premiers matchs"."""
    span = quantity.span
    after = names.fold(article.text[span.start:span.end + 25])
    lead = names.fold(article.text[span.start:span.end])
    before = names.fold(article.text[max(0, span.start - 20):span.start])
    return bool(_RELATIVE.match(after[len(lead):]) or _RELATIVE_IN.search(lead) or _PART_BEFORE.search(before))


def _beside(q) -> bool:
    """The speaker is named right by the quote (not found back through "a-t-il dit")."""
    sp = q.speaker.span
    return sp is not None and sp.article_id == q.article_id and \
        max(sp.start, q.start) - min(sp.end, q.end) <= SPEAKER_NEAR


def _same_verb(a: Slots, b: Slots) -> bool:
    """The same act: one verb family, neither a verb of saying (every quote has one) nor a
    light verb ("être", "avoir", "faire" say nothing of the act)."""
    return a.family is not None and a.family == b.family and a.family not in LIGHT_VERBS \
        and not is_reporting(a.claim.predicate) and not is_reporting(b.claim.predicate)


_MODALS = {"pouvoir", "devoir", "vouloir", "can", "may", "must", "will", "would", "should"}


def _full_verb(s: Slots, stative: bool = True) -> str | None:
    """The claim's verb lemma (folded), unless it says nothing of the act by itself: a light,
    modal or reporting verb (the nouns around it tell the act), or with `stative`, a verb of
    being or having."""
    lemma = names.fold(s.claim.predicate or "")
    if lemma == "etre" and (told := _copula_participle(s.claim.text)) is not None:
        return told  # "n'est pas mort": the participle tells the act, not the copula
    if not lemma or " " in lemma or lemma in LIGHT_VERBS or lemma in _MODALS \
            or (stative and lemma in _words("stative_verbs")) \
            or s.family in LIGHT_VERBS or is_reporting(s.claim.predicate):
        return None
    return lemma


# forms of "être" that may bind a participle, and the words that may stand between them
_COPULAS = {"est", "sont", "etait", "etaient", "sera", "seront", "serait", "seraient", "fut",
            "furent", "soit", "soient", "suis", "sommes", "etes"}
_BETWEEN = {"pas", "plus", "jamais", "point", "guere", "encore", "toujours", "deja"}
_PARTICIPLE_ENDS = (("é", "er"), ("i", "ir"), ("u", "re"))  # regular: "blessé", "fini", "vendu"


@lru_cache(maxsize=4096)  # asked for both claims of every denial pair left
def _copula_participle(text: str) -> str | None:
    """The verb (folded lemma) of a participle bound by "être" ("n'est pas mort" -> mourir,
    "est fermée" -> fermer), when the sentence has one such participle."""
    raw = re.findall(r"\w+", text.lower())
    tokens, found = [names.fold(w) for w in raw], set()
    for k, w in enumerate(tokens):
        if w not in _COPULAS:
            continue
        j = k + 1
        while j < len(tokens) and tokens[j] in _BETWEEN:
            j += 1
        if j < len(tokens) and (lemma := _participle_lemma(raw[j])) is not None:
            found.add(lemma)
    return found.pop() if len(found) == 1 else None


def _participle_lemma(word: str) -> str | None:
    """The verb of a participle (lower case, accents kept), feminine or plural too: an
    irregular one by the lexicon's French endings ("mort", "reçu", "né"), a regular one by its
    ending ("blessé", "fini", "vendu"); None for another word."""
    forms = _participle_forms(word)
    for f in forms:
        folded = names.fold(f)
        for end, inf in _french_irregulars():
            # a short ending is the whole word ("né", not "donné")
            if folded.endswith(end) and f != "ne" and (len(end) > 2 or folded == end):
                return folded[:len(folded) - len(end)] + inf
    for f in forms:
        for end, inf in _PARTICIPLE_ENDS:
            if f.endswith(end) and len(f) >= 4:
                return names.fold(f[:-1]) + inf
    return None


def _participle_forms(word: str) -> list[str]:
    """A participle and its masculine singular if it may be feminine or plural ("prises" ->
    "prises", "pris", "prise")."""
    return [word] + [word[:-len(e)] for e in ("es", "e", "s") if word.endswith(e) and len(word) > len(e) + 1]


@lru_cache(maxsize=1)
def _french_irregulars() -> tuple[tuple[str, str], ...]:
    """The lexicon's irregular participle endings of French verbs."""
    return tuple((end, inf) for end, inf in lexicon()["irregular_participles"] if re.search(r"(?:er|ir|re)$", inf))


def _one_act(told: str, denied: str) -> bool:
    """Whether a denial with the verb `denied` denies what a sentence tells with `told`: the
    same verb, synonyms of the lexicon, or an act that implies the denied one ("a été tué" /
    "n'est pas mort"). Verbs of one family are one event for fact alignment, not one act here:
    "est mort" / "n'a pas été tué", "a rencontré" / "n'a pas reçu" agree."""
    acts_told, acts_denied = _acts(told), _acts(denied)
    return bool(acts_told & acts_denied) or any(
        a in acts_told and b in acts_denied for a, b in lexicon()["act_entails"])


@lru_cache(maxsize=4096)
def _acts(verb: str) -> frozenset[str]:
    """The verb and its synonyms of the lexicon."""
    return frozenset({verb}.union(*(g for g in lexicon()["act_synonyms"] if verb in g)))


def _denial_bears_on(pos: Slots, neg: Slots) -> bool:
    """The words a negation governs are mostly the other sentence's ("ne mâche pas ses mots",
    "n'ont fait aucun commentaire" deny nothing it tells; "ne sont pas les banques américaines"
    does not deny "sont solides"). After "être" they may otherwise tell a
    predicate of the subject, which the other sentence tells in its own words ("la mise en
    place du vote n'est pas dans les plans du gouvernement" / "le vote sera mis en place")."""
    if names.fold(neg.claim.predicate or "") in ("etre", "be"):
        if names.fold(pos.claim.predicate or "") in ("etre", "be") and pos.claim.what and neg.claim.what:
            # "sont solides" / "ne sont pas les banques américaines": two attributes, no denial
            return bool(_content_words(pos.claim.what) & _content_words(neg.claim.what)) \
                or not _content_words(pos.claim.what) or not _content_words(neg.claim.what)
        return True
    told = _content_words(pos.claim.text)
    clauses = [d for d in _denied_clauses(neg.claim.text) if d]
    return not clauses or any(_shared_words(told, d) >= 0.5 * len(d) for d in clauses)


def _another_act(pos: Slots, neg: Slots) -> bool:
    """The denial differs from the other sentence by its verb only, and the two verbs tell
    different acts: "le suspect n'a pas été libéré par le juge" does not deny "le suspect a
    été entendu par le juge". A denial that says more than its verb, or with a light or
    stative verb (the nouns then tell what is denied), is not judged here; nor a sentence
    with a light verb ("est en garde à vue"). A stative verb on the affirmed side is judged:
    "sont devenus inutilisables" is not denied by "n'ont pas été endommagés"."""
    vp, vn = _full_verb(pos, stative=False), _full_verb(neg)
    if vp is None or vn is None or _one_act(vp, vn):
        return False
    told, denied = _content_words(pos.claim.text), _content_words(neg.claim.text)
    if any(_verb_form(vn, w) for w in told) or any(_verb_form(vp, w) for w in denied):
        return False  # the verb, or its noun, is in both ("prélèvent" / "prélèvements")
    besides = {w for w in denied if not any(_same_stem(w, t) for t in told)}
    phrase = _phrase_nouns(vn, neg.claim.text)
    if not besides:  # the denied verb's form is too short to count as a word ("tué"): judge
        return _known_act(vp) and _known_act(vn)  # only verbs whose acts the lexicon tells
    return all(_verb_form(vn, w) or w in phrase for w in besides)


def _act_presupposed(pos: Slots, neg: Slots) -> bool:
    """The denial names the other sentence's act before its negation and denies another act:
    "an arrest for speeding will not affect his playing status" takes the arrest as given."""
    vp, vn = _full_verb(pos, stative=False), _full_verb(neg, stative=False)
    if vp is None or vn is None or _one_act(vp, vn):
        return False
    folded = names.fold(neg.claim.text)
    first = _NEGATION.search(folded)
    if first is None:
        return False
    named, denied = (_content_of(_tokens(part)) for part in (folded[:first.start()], folded[first.start():]))
    return any(_verb_form(vp, w) for w in named) and not any(_verb_form(vp, w) for w in denied)


def _known_act(verb: str) -> bool:
    """A verb of the lexicon's acts or predicate families."""
    lex = lexicon()
    return len(_acts(verb)) > 1 or any(verb in pair for pair in lex["act_entails"]) \
        or any(verb in forms for forms in lex["predicate_families"].values())


_PHRASE_LINKS = {"en", "a", "sous"}


def _phrase_nouns(lemma: str, text: str) -> frozenset[str]:
    """The nouns a form of the verb takes to make one act with it ("mis en examen", "placé
    sous contrôle"): the word after the verb and "en", "à" or "sous"."""
    tokens = _tokens(text)
    return frozenset(tokens[k + 2] for k in range(len(tokens) - 2)
                     if tokens[k + 1] in _PHRASE_LINKS and _verb_form(lemma, tokens[k]))


def _verb_form(lemma: str, word: str) -> bool:
    """A form of the verb, or a word derived from it; a short verb by its stem ("tuer" /
    "tuée", where a common start of 4 letters cannot tell); an irregular participle by the
    lexicon's endings ("prise" / "prendre", "reçu" / "recevoir")."""
    if _same_stem(lemma, word) or _participle_of(lemma, word):
        return True
    stem = re.sub(r"(?:er|ir|re|oir)$", "", lemma)
    return len(lemma) <= 5 and len(stem) >= 2 and word.startswith(stem) and len(word) <= len(lemma) + 2


def _participle_of(lemma: str, word: str) -> bool:
    """`word` is an irregular participle of the verb (folded), feminine or plural too."""
    return any(f.endswith(end) and f[:len(f) - len(end)] + inf == lemma
               for f in _participle_forms(word) for end, inf in lexicon()["irregular_participles"])


@lru_cache(maxsize=4096)
def _asked(text: str) -> bool:
    """A question ("le ministre a-t-il reçu une enveloppe ?", "est-ce que ...", a quoted
    question before its incise): it asks what another sentence tells or denies, it does not
    contradict it."""
    text = text.rstrip(" »\"”’')]")
    return text.endswith("?") or names.fold(text).startswith("est ce qu") or _quoted_question(text)


# a quoted question that opens the sentence, then what follows it
_ASKED_QUOTE = re.compile(r"\s*[«\"“]\s*[^«»\"“”]*\?\s*[»\"”]\s*,?\s*(.?)")


def _quoted_question(text: str) -> bool:
    """A quoted question before its incise ("« A-t-il menti ? », s'interroge le député"); not
    one followed by another sentence (its capital)."""
    m = _ASKED_QUOTE.match(text)
    return m is not None and m.group(1).islower()


def _bound_met(pos: Slots, neg: Slots) -> bool:
    """A denial that a bound was passed ("n'a pas dépassé 12 blessés"), of figures all given
    by the other sentence: the figure meets the bound, it is not denied."""
    verb = names.fold(neg.claim.predicate or "")
    return verb in _words("bound_verbs") and bool(neg.quantities) and _figures_told(neg, pos)


# a figure that sums several events or a period: "au total", "en tout", "jusqu'ici", "a total
# of", "so far", "in all", "cumulative"
_TOTAL = re.compile(r"\b(?:au total|en tout(?! cas| etat)|au cumul|cumul\w*|a total of|in total|altogether)\b")
# a running count: "so far", "jusqu'ici"
_RUNNING = re.compile(r"\b(?:so far|to date|jusqu ici|jusqu a present|depuis le debut|since the start)\b")
# one event: "during the operation", "lors de l'opération"
_ONE_EVENT = re.compile(r"\b(?:during|in) (?:the|this) (?:operation|raid|attack|seizure)\b"
                        r"|\b(?:lors|au cours) de (?:l |cette )(?:operation|attaque|intervention|saisie)\b")
# ... of several events: "lors de ses cinq opérations", "in its five raids"
_SEVERAL = re.compile(r"\b(?:operations|raids|attaques|attacks|incidents|interventions|missions|saisies"
                      r"|seizures|patrouilles|patrols|depuis le debut|since the start)\b")


# a figure told as provisional or as updated: the outlets may give it at two moments
_UPDATED = re.compile(r"\b(?:provisoires?|nouveau bilan|bilan (?:actualise|revise)|desormais|s est alourdi|"
                      r"s alourdit|revu a la (?:hausse|baisse)|provisional|preliminary|new toll|updated toll|"
                      r"latest toll|has risen to|now stands)\b")


# words relayed from someone else: "reprenant les mots de X", "citant X", "quoting X"
_RELAY = re.compile(r"\b(?:reprenant|reprend|citant|cite|lisant|lit|relayant|au nom de|de la part de"
                    r"|quoting|citing|reading|echoing|on behalf of)\b")
# those who speak for others, folded: a spokesperson, a lawyer, a representative
_SPEAKS_FOR_WORDS = (r"(?:porte parole|spokes(?:man|woman|person)|avocate?s?|lawyer|attorney"
                     r"|representante?|representative)\b")
_SPEAKS_FOR = re.compile(r"\b" + _SPEAKS_FOR_WORDS)
# "X, porte-parole du ministre": the speaker's own apposition, not any word nearby
_OWN_APPOSITION = re.compile(r"^\s*,?\s*(?:la |le |l |son |sa |the |a |his |her )?" + _SPEAKS_FOR_WORDS)


_OPEN_RANGE = re.compile(r"\b(?:a partir d\w*|starting(?: on| from)?|from)\s*$")


def _figure_told(article: Article, quant: Quantity) -> str:
    """A figure as the outlet gives it, with its hedge ("au moins 300 poissons")."""
    hedge = hedge_words(article, quant.span.start)
    return f"{hedge} {quant.span.text}" if hedge else quant.span.text


# the whole a part is counted against: "dans le pays", "nationwide", "à l'échelle nationale"
_WHOLE = re.compile(r"\b(?:le pays|tout le pays|l ensemble du pays|echelle nationale|au niveau national"
                    r"|the country|nationwide|across the country|national toll)\b")


# a claim's text folded once: the figure checks ask for it for every close pair it is in
_folded = lru_cache(maxsize=1 << 14)(names.fold)


def _part_and_whole(a: Slots, b: Slots) -> bool:
    """One side counts in a place it names, the other in the whole country."""
    return bool(a.where) != bool(b.where) and bool(
        _WHOLE.search(_folded((b if a.where else a).claim.text)))


def _sums_several(text: str) -> bool:
    """A figure that sums several events: "au total ... lors de ses cinq opérations"."""
    folded = _folded(text)
    return bool((_TOTAL.search(folded) or _RUNNING.search(folded)) and _SEVERAL.search(folded))


def _running_against_one(a: Slots, b: Slots) -> bool:
    """A running count against the count of one event ("so far, the navy has confiscated 14
    rifles" / "during the operation, six rifles were found")."""
    fa, fb = _folded(a.claim.text), _folded(b.claim.text)
    return bool(_RUNNING.search(fa) and _ONE_EVENT.search(fb) or _RUNNING.search(fb) and _ONE_EVENT.search(fa))


def _opens_span(s: Slots) -> bool:
    """The claim's date opens a span ("jugé à partir du 2 mars"), by the words right before it."""
    text = s.article.text
    return any(s.claim.start <= t.start < s.claim.end
               and _OPEN_RANGE.search(names.fold(text[max(s.claim.start, t.start - 15):t.start]))
               for t in s.article.times)


def _other_acts(a: Slots, b: Slots) -> bool:
    """Both claims have full verbs (not light, modal or of saying), of two families."""
    va, vb = _full_verb(a, stative=False), _full_verb(b, stative=False)
    return va is not None and vb is not None and predicate_family(va) != predicate_family(vb)


def _side_by_side(a: Slots, b: Slots) -> bool:
    """Two claims of one article within a few sentences of each other."""
    if a.article.id != b.article.id:
        return False
    return max(a.claim.start, b.claim.start) - min(a.claim.end, b.claim.end) <= SIDE_BY_SIDE


def _definite(text: str | None) -> bool:
    words = names.fold(text or "").split()
    return bool(words) and words[0] in {"le", "la", "les", "l", "the", "son", "sa", "ses", "leur",
                                        "leurs", "ce", "cette", "ces", "der", "die", "das"}


def _nested(a: str, b: str) -> bool:
    """One name is the other with words added after it ("Ellen DeGeneres Returns")."""
    wa, wb = names.fold(a).split(), names.fold(b).split()
    short, long = sorted((wa, wb), key=len)
    return len(short) >= 2 and long[:len(short)] == short


def _shared_act(s: Slots) -> bool:
    acts = _words("shared_acts")
    return s.family in acts or names.fold(s.claim.predicate or "") in acts


def _content(text: str | None) -> list[str]:
    return [w for w in names.fold(text or "").split() if len(w) > 2]


def same_office(a: str, b: str) -> bool:
    """Two role phrases name one specific office ("ministre russe de la Défense" twice), not
    merely a common title ("président")."""
    wa = [w for w in names.fold(a).split() if w not in _STOP]
    wb = [w for w in names.fold(b).split() if w not in _STOP]
    if len(wa) >= 2 and wa == wb:
        return True
    oa, ob = office(a), office(b)
    if oa is None or oa != ob or oa not in _words("exclusive_offices"):
        return False
    # the same country, when both say it
    ca, cb = _countries(wa), _countries(wb)
    return ca == cb or not ca or not cb


def _countries(words: list[str]) -> frozenset:
    """The countries folded words name by an adjective."""
    out, k = set(), 0
    while k < len(words):
        group, size = _country_at(words, k)
        if group is not None:
            out.add(group)
        k += size
    return frozenset(out)


def _country_at(words: list[str], k: int) -> tuple[str | None, int]:
    """The country an adjective starting at words[k] names, and its length in words: the
    alias lexicon's entry when it has the adjective ("russes", "nord coreen"), else the word
    itself when the divergence lexicon lists it (English adjectives, countries the alias
    lexicon lacks)."""
    if k + 1 < len(words) and (group := names.adjective_group(" ".join(words[k:k + 2]))) is not None:
        return group, 2
    if k < len(words) and (group := names.adjective_group(words[k])) is not None:
        return group, 1
    if k < len(words) and words[k] in _words("country_adjectives"):
        return words[k], 1
    return None, 1


def _head_of_state(words: list[str]) -> bool:
    """A title of head of state qualified by a country: "président russe", "président de la
    République française", "Russian President"; not a noun of its complement ("président de
    l'Union des industries chimiques britanniques")."""
    for k, w in enumerate(words):
        if w not in _words("head_of_state_titles"):
            continue
        after = k + 4 if words[k + 1:k + 4] == ["de", "la", "republique"] else k + 1
        if _country_at(words, after)[0] is not None:
            return True
        for j in (k - 2, k - 1):  # the English order: the adjective right before the title
            group, size = _country_at(words, j) if j >= 0 else (None, 0)
            if group is not None and j + size == k:
                return True
    return False


@lru_cache(maxsize=4096)  # asked for every role of every person of every story
def office(role: str) -> str | None:
    """The office a role names ("chef de la diplomatie russe" -> minister:foreign), if exactly one.
    Not a past or future one ("ancien", "sous le précédent gouvernement"), nor an office named
    inside the role ("chef de cabinet du ministre de l'Intérieur"): no "de" before the office's
    first word ("le très contesté ministre" holds it). The longest name wins
    ("chancelier de l'Échiquier" is a minister, not a chancellor)."""
    words = names.fold(role).split()
    if {"vice", "adjoint", "adjointe", "ancien", "ancienne", "ex", "futur", "future", "former", "deputy",
            "precedent", "precedente", "epoque", "previous"} & set(words):
        return None
    content = [w for w in words if w not in _STOP and len(w) > 1]  # "u s", "country s"
    best: dict[str, int] = {}
    for name, patterns in lexicon()["offices"].items():
        for pattern in patterns:
            need = [w for w in names.fold(pattern).split() if w not in _STOP]
            it = iter(content)
            if need and all(w in it for w in need) \
                    and not {"de", "du", "des", "d", "of", "au", "aux"} & set(words[:words.index(need[0])]):
                best[name] = max(best.get(name, 0), len(need))
    if not best and _head_of_state(words):
        return "head_of_state"
    top = [name for name, n in best.items() if n == max(best.values(), default=0)]
    return top[0] if len(top) == 1 else None


def find_divergences(story: Story, articles: dict[str, Article]) -> None:
    """Fill `story.divergences`, contradictions first, then by severity."""
    story.divergences = _Finder(story, articles).run()
