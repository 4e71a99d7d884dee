"""The story summary: 100-150 words of sentences taken from the articles, each citing every
article that states it.

Extractive on purpose: each summary sentence is an exact sentence of one article, so its
provenance is exact. Candidates are the first sentences of each article that can stand alone
and tell the news (not a question, a heading, a sentence that needs the one before or sets
itself against it, half a quotation, a speaker's words inside a quotation, or the background
told in the pluperfect). Sentences are
picked greedily by the words and word pairs they add that a reader's summary of the story
is expected to hold, per word of the sentence: a word is expected as often as the story
repeats it, the more so when many articles use it and when it is in their titles and leads
(`expected_counts`). A word already in the summary counts again only where a summary is
expected to repeat it, so the pick covers the story instead of repeating its centre. A
candidate that states what a picked sentence states (same aligned fact, or close in meaning)
is not taken. Sentences come in the order picked, the most informative first, except
that the sentences of one article keep their order.

Each sentence cites the articles that state it: the support of the story facts it reports
when fact alignment found some (then exactly those articles), else the sentences of other
articles close in meaning (SUPPORT_COSINE, or NAMED_SUPPORT_COSINE with two of the story's
entities in common).
A point that only one origin states is marked `single_source`; the text stays the exact
sentence, and the renderer says whose it is.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from recoupe.model import Article, SourceSpan, Story, SummarySentence
from recoupe.stories.align import origin_of
from recoupe.stories.embed import embed_sentences, sentences

WORDS_MIN = 100
WORDS_MAX = 150
LEAD_SENTENCES = 8  # candidates per article: leads carry the news, and this bounds the cost
MAX_EMBEDDED = 2000  # sentences embedded per story at most
MAX_CANDIDATES = 600  # candidates compared pairwise at most
MIN_WORDS, MAX_WORDS = 10, 60  # shorter is a fragment or a caption, longer a run-on
SUPPORT_COSINE = 0.8  # two sentences state the same thing (multilingual USE level)
# ... or are this close and name the same people and places (at least two of the story's
# entities in common): one event told in other words ("Poutine et Kim se sont retrouvés
# mercredi à Vostotchny" / "Poutine a rencontré Kim mercredi")
NAMED_SUPPORT_COSINE = 0.7
NAMED_SUPPORT_ENTITIES = 2
REDUNDANT_COSINE = 0.7  # a candidate this close to a picked sentence adds nothing
# Expected count of a word (or word pair) in a 100-word summary of the story: a log-linear
# (Poisson) model of its frequency per 1,000 words of the story, the share of articles using
# it and its count in titles and first two sentences, fitted on the human summaries of RPM2
# (dev; refitted with one topic left out, each constant moves by 0.11 at most, and the
# summaries of the left-out topics score 41.9 / 14.7).
# (intercept, log frequency, log share of articles, log(1 + count in titles and leads))
WORD_MODEL = (-1.79, 0.55, 0.76, 0.39)
PAIR_MODEL = (-1.79, 0.61, 0.92, 0.47)
LEAD_OF_ARTICLE = 2  # sentences after the title that count as the lead
PAIR_WEIGHT = 2.0  # a matched pair against a matched word (ROUGE-2 is the scarcer match)
MAX_REPEATS = 4  # repeats of a word in the summary that can still be expected
# Other selection schemes measured on RPM2 are in docs/MEASUREMENTS.md.

_WORD = re.compile(r"\w+", re.UNICODE)
# Sentences that are not news: questions, headings that end with a colon, credits, bylines.
_SKIP = re.compile(r"(\?\s*[»”\"]?$|:\s*$|^\(|^(Photo|Crédit|Lire aussi|Par |By )|@|https?://)",
                   re.IGNORECASE)

# A sentence ends as one: a heading or a caption has no final stop ("Une priorité pour Kim")
_ENDS = re.compile(r"[.!…][\s»”\"')\]]*$")
# A sentence after the first that opens on a pronoun speaks of someone or something told
# before it ("Celui-ci s'est offusqué...", "C'est ce qu'indique Tass"): out of its article,
# the reader cannot tell who or what
_ANAPHORA = re.compile(r"(C'est|C’est|Celui-ci|Celle-ci|Ceux-ci|Celles-ci|Cela|Ceci|Ça"
                       r"|Il|Elle|Ils|Elles|Lui|Eux|He|She|They|Er|Sie)\b"
                       r"(?!\s+(y a|s'agit|s’agit|faut))")
# ... and so does one that opens on a connective: it answers the sentence before it ("Et c'est
# la ministre qui le dit.", "Mais ce sont les sites de partage qui agacent le comité.")
_CONNECTIVE = re.compile(r"(Et|Mais|Or|Donc|Pourtant|Cependant|Toutefois|Néanmoins|En revanche"
                         r"|And|But|Yet|However|So|Und|Aber|Doch)\b")
# ... or that sets itself against it ("Kim Jong Un a quant à lui offert une carabine", "de son
# côté", "à son tour"): the other half of the contrast is missing
_CONTRAST = re.compile(r"\b(?:quant (?:à|a) (?:lui|elle|eux|elles)|de (?:son|leur) côté|à (?:son|leur) tour)\b",
                       re.IGNORECASE)
# A sentence whose main verb is in the pluperfect tells what had happened before the news:
# the background that every article of a follow-up repeats ("Le barrage avait cédé en mars",
# "The dam had been evacuated"). Only the main clause counts: the text before the first
# subordinate or reported clause ("Le ministre a dit qu'il n'avait pas été informé" is news).
_ADVERBS = (r"(?:\s+(?:pas|plus|jamais|déjà|été|notamment|aussi|même|bien|toujours|alors|tout"
            r"|not|never|already|been|also))*")
# past participles: -é, -i, -u, -it, -is, -ert, -eint/-aint, -ort ("avait cédé", "avait dit",
# "avait pris", "avait ouvert", "avait atteint"), and their feminine and plural forms
_PARTICIPLE_FR = r"\w+(?:é|i|u|it|is|ert|eint|aint|oint|ort)(?:e|s|es)?"
# "avait" + a word of those endings that is no participle ("avait lieu", "avait tout")
_NOT_PARTICIPLE = (r"(?!(?:lieu|tout|tous|toute|toutes|droit|tort|aussi|ainsi|rien|trois|huit"
                   r"|vingt|cent)\b)")
# être forms the pluperfect of reflexive verbs ("s'était rendu") and of verbs of motion and
# change ("était arrivé", "était mort"), not the passive ("était prévu")
_ETRE_VERBS = (r"(?:(?:arriv|all|entr|rentr|tomb|rest|retourn|mont|pass|décéd)é|(?:re)?parti"
               r"|(?:res)?sorti|(?:re|de|par|sur|inter)?venu|descendu|mort|né)(?:e|s|es)?")
_PARTICIPLE_EN = (r"(?:\w+ed|been|said|told|found|won|paid|made|left|sent|kept|held|led|met|lost"
                  r"|built|brought|bought|thought|taught|caught|fought|sold|heard|fled|spent|"
                  r"become|come|run|begun|struck|spread|put|set|cut|hit|shut|quit|taken|given|"
                  r"written|seen|known|shown|drawn|grown|thrown|flown|broken|spoken|chosen|driven|"
                  r"fallen|forgotten|gotten|hidden|risen|stolen|sworn|worn|beaten|proven|got|had)")
_PLUPERFECT = re.compile(
    r"\b(?:(?:avais|avait|avions|aviez|avaient)" + _ADVERBS + r"\s+" + _NOT_PARTICIPLE
    + _PARTICIPLE_FR
    + r"|(?:s'|s’|se\s+)(?:étais|était|étions|étiez|étaient)" + _ADVERBS
    + r"\s+" + _PARTICIPLE_FR
    + r"|(?:étais|était|étions|étiez|étaient)" + _ADVERBS + r"\s+" + _ETRE_VERBS
    + r"|had" + _ADVERBS + r"\s+" + _PARTICIPLE_EN + r")\b",
    re.IGNORECASE)
# where the main clause of a sentence ends: a relative, subordinate or reported clause opens
_SUBORDINATE = re.compile(r"\b(?:lorsqu|puisqu|qu)['’]|[«\"“]"
                          r"|\b(?:que|qui|dont|où|lorsque|puisque|quand|si|car|comme|that|which"
                          r"|who|whom|whose|when|where|after|before|because|since|if|as)\b"
                          r"|(?<!had )\b(?:said|says|told|added|stated|announced)\b",
                          re.IGNORECASE)


def _background(text: str) -> bool:
    """The sentence's main clause is in the pluperfect."""
    cut = _SUBORDINATE.search(text, 1)
    return bool(_PLUPERFECT.search(text[:cut.start()] if cut else text))


@dataclass
class _Candidate:
    article: Article
    position: int
    start: int
    end: int
    text: str
    words: int


def _words(text: str) -> int:
    """Words as a reader counts them (l'offre is one)."""
    return len(text.split())


def _half_quote(text: str) -> bool:
    """A quotation opened and not closed, or closed and not opened, in the sentence: the rest
    of it is in another sentence ("Kim Jong-un «a montré de l'intérêt ... fusées.")."""
    return (text.count("«") != text.count("»") or text.count("“") != text.count("”")
            or text.count('"') % 2 == 1)


def candidates(articles: list[Article], lead: int | None = None,
               background: bool = False) -> list[_Candidate]:
    """The sentences that may go into the summary (`background`: those in the pluperfect too)."""
    lead = lead or LEAD_SENTENCES
    out = []
    for art in articles:
        quoted = [q for q in art.quotes if q.kind == "direct"]
        pos = 0
        for k, span in enumerate(sentences(art)):
            if pos >= lead:
                break
            text = span.text.strip()
            n = _words(text)
            if (not MIN_WORDS <= n <= MAX_WORDS or _SKIP.search(text) or not _ENDS.search(text)
                    or text[:1].islower()  # the end of a sentence cut by a paragraph break
                    or (k and (_ANAPHORA.match(text) or _CONNECTIVE.match(text) or _CONTRAST.search(text))) or _half_quote(text)
                    or (not background and _background(text))):
                continue
            start = span.start + span.text.index(text)
            if any(q.encloses(start, start + len(text)) for q in quoted):
                continue  # a speaker's words without the speaker: told alone, they read as fact
            out.append(_Candidate(art, pos, start, start + len(text), text, n))
            pos += 1
    return out


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _grams(toks: list[str]) -> tuple[Counter, Counter]:
    return Counter(toks), Counter(zip(toks, toks[1:]))


def expected_counts(articles: list[Article], wanted: set | None = None) -> dict:
    """Per word and word pair of `articles` (of `wanted` when given), the chances that a
    100-word summary of them holds it at least 1, 2, ... MAX_REPEATS times (Poisson tails of
    its expected count)."""
    tf: list[Counter] = [Counter(), Counter()]
    df: list[Counter] = [Counter(), Counter()]
    lead: list[Counter] = [Counter(), Counter()]
    # counted from the sequences, not added Counter to Counter (a Python loop per gram)
    for art in articles:
        toks = _tokens(art.text)
        for k, seq in enumerate((toks, list(zip(toks, toks[1:])))):
            tf[k].update(seq)
            df[k].update(dict.fromkeys(seq).keys())
        for head in [art.title or ""] + [s.text for s in sentences(art)[:LEAD_OF_ARTICLE]]:
            toks = _tokens(head)
            lead[0].update(toks)
            lead[1].update(zip(toks, toks[1:]))
    words = max(1, sum(tf[0].values()))
    out = {}
    for k, (c0, c_tf, c_df, c_lead) in enumerate((WORD_MODEL, PAIR_MODEL)):
        # the wanted grams (a few sentences') rather than all grams of the story's texts
        counts = tf[k].items() if wanted is None else \
            ((g, tf[k][g]) for g in wanted if g in tf[k])
        for g, n in counts:
            mean = math.exp(c0 + c_tf * math.log(1000 * n / words)
                            + c_df * math.log(df[k][g] / len(articles))
                            + c_lead * math.log1p(lead[k][g]))
            term, below, tails = math.exp(-mean), 0.0, []
            for j in range(MAX_REPEATS):  # P(count > j) = 1 - P(count <= j)
                below += term
                tails.append(max(0.0, 1.0 - below))
                term *= mean / (j + 1)
            out[g] = tails
    return out


def _facts_of(story: Story, cands: list[_Candidate]) -> list[set[int]]:
    """Per candidate, the story facts (indices) one of whose support spans lies in it."""
    where: dict[str, list[tuple[int, int, int]]] = {}
    for k, fact in enumerate(story.facts):
        for sp in fact.support:
            where.setdefault(sp.article_id, []).append((sp.start, sp.end, k))
    return [{k for start, end, k in where.get(c.article.id, ()) if start < c.end and c.start < end}
            for c in cands]


def _entities_of(story: Story, cands: list[_Candidate]) -> list[set[str]]:
    """Per candidate, the story entities it mentions."""
    where: dict[str, list[tuple[int, str]]] = {}
    for ent in story.entities:
        for sp in ent.mentions:
            where.setdefault(sp.article_id, []).append((sp.start, ent.id))
    return [{eid for start, eid in where.get(c.article.id, ()) if c.start <= start < c.end}
            for c in cands]


def _sentence_at(article: Article, span: SourceSpan, known: dict | None = None) -> SourceSpan:
    """The sentence of `article` that holds `span` (the span itself when none does).
    `known`: filled with the answers found, by article and span (a story's facts cite the
    same spans many times)."""
    key = (article.id, span.start, span.end)
    if known is not None and key in known:
        return article.span(*known[key])
    start, end = span.start, span.end
    for sent in sentences(article):
        if sent.start <= span.start < sent.end:
            text = sent.text.strip()
            start = sent.start + sent.text.index(text)
            end = max(start + len(text), min(span.end, len(article.text)))
            break
    if known is not None:
        known[key] = (start, end)
    return article.span(start, end)


def _pick(gain, grams: list[tuple[Counter, Counter]], words: list[int], sim: np.ndarray,
          held: Counter, words_min: int, words_max: int) -> list[int]:
    """Greedy picks: while the summary is short of `words_min` words, the candidate of
    highest `gain` (the first on ties) that no pick so far makes redundant; one that would
    pass `words_max` is dropped. `held` grows with the grams of each pick.

    A candidate's gain never grows as `held` does (its Poisson tails fall, and rounding is
    monotone), so a gain computed before the last pick bounds it: only the candidates that
    reach the top of the queue are computed again (lazy greedy), and the picks are the ones
    computing every gain at every step gives."""
    version = 0  # picks so far: the `held` a queued gain was computed with
    queue = [(-gain(k), k, version) for k in range(len(words))]
    heapq.heapify(queue)
    redundancy = np.full(len(words), -np.inf)  # closest cosine to a pick so far
    picked: list[int] = []
    total = 0
    while total < words_min and queue:
        _, i, seen = heapq.heappop(queue)
        if redundancy[i] >= REDUNDANT_COSINE:
            continue  # picks only add up: never a choice again
        if seen != version:
            heapq.heappush(queue, (-gain(i), i, version))
            continue
        if total + words[i] > words_max:
            continue
        picked.append(i)
        total += words[i]
        for bag in grams[i]:
            held.update(bag)
        version += 1
        redundancy = np.maximum(redundancy, sim[:, i])
    return picked


def summarize(story: Story, articles: dict[str, Article]) -> None:
    """Fill `story.summary` with cited sentences (about 100-150 words)."""
    story.summary = select(story, [articles[a] for a in story.article_ids if a in articles])


def select(story: Story, members: list[Article], words_min: int = WORDS_MIN,
           words_max: int = WORDS_MAX) -> list[SummarySentence]:
    # bounded cost on large stories: fewer sentences per article, then the most central ones
    lead = max(2, min(LEAD_SENTENCES, MAX_EMBEDDED // max(1, len(members))))
    # a story told only in the pluperfect still gets a summary
    cands = candidates(members, lead) or candidates(members, lead, background=True)
    if not cands:
        return []
    vecs = embed_sentences([c.text for c in cands])
    centre = vecs.mean(axis=0)
    centre /= max(float(np.linalg.norm(centre)), 1e-9)
    centrality = vecs @ centre
    if len(cands) > MAX_CANDIDATES:
        keep = np.sort(np.argsort(-centrality, kind="stable")[:MAX_CANDIDATES])
        cands, vecs, centrality = [cands[i] for i in keep], vecs[keep], centrality[keep]
    sim = vecs @ vecs.T
    origin = origin_of(story)
    art_of = np.array([c.article.id for c in cands])
    by_id = {a.id: a for a in members}
    facts = _facts_of(story, cands)
    named = _entities_of(story, cands)
    # per candidate, the sentence of every other article that states it: its aligned facts'
    # support when fact alignment found one, else the closest sentence in meaning
    support: list[dict[str, SourceSpan]] = []
    cited: dict[tuple, tuple[int, int]] = {}  # span -> its sentence
    same: list[tuple[int, int]] = []  # a candidate and one that supports it: they say one thing
    for i, c in enumerate(cands):
        best: dict[str, int] = {}
        for j in np.nonzero(sim[i] >= NAMED_SUPPORT_COSINE)[0].tolist():
            aid = art_of[j]
            if aid == c.article.id or (aid in best and sim[i, j] <= sim[i, best[aid]]):
                continue
            if sim[i, j] >= SUPPORT_COSINE or len(named[i] & named[j]) >= NAMED_SUPPORT_ENTITIES:
                best[aid] = j
        same += [(i, j) for j in best.values()]
        # a sentence that reports aligned facts cites what the facts cite, no more: the
        # sentence and the story's facts count the same outlets for one claim
        spans = {}
        for fact in sorted(facts[i]):
            for sp in story.facts[fact].support:
                if sp.article_id != c.article.id and sp.article_id in by_id \
                        and sp.article_id not in spans:  # the first span of an article cites it
                    spans[sp.article_id] = _sentence_at(by_id[sp.article_id], sp, cited)
        if not facts[i]:
            spans = {aid: cands[j].article.span(cands[j].start, cands[j].end)
                     for aid, j in best.items()}
        spans[c.article.id] = c.article.span(c.start, c.end)
        support.append(spans)
    # two candidates that report one aligned fact, or one of which supports the other, say
    # the same thing: the summary takes one of them
    holders: dict[int, list[int]] = {}  # fact -> the candidates that report it
    for i, found in enumerate(facts):
        for k in found:
            holders.setdefault(k, []).append(i)
    for reporting in holders.values():
        if len(reporting) > 1:
            idx = np.array(reporting)
            block = np.ones((len(idx), len(idx)), dtype=bool)
            np.fill_diagonal(block, False)  # a candidate against itself keeps its cosine
            sub = sim[np.ix_(idx, idx)]
            sub[block] = 1.0
            sim[np.ix_(idx, idx)] = sub
    for i, j in same:
        sim[i, j] = sim[j, i] = 1.0
    grams = [_grams(_tokens(c.text)) for c in cands]
    expected = expected_counts(members, {g for bags in grams for bag in bags for g in bag})
    held: Counter = Counter()  # words and pairs of the summary so far

    def gain(i: int) -> float:
        """Expected matches the candidate adds to a summary of the story, per word."""
        total = 0.0
        for weight, bag in zip((1.0, PAIR_WEIGHT), grams[i]):
            for g, n in bag.items():
                tails = expected.get(g)
                if tails:
                    h = held.get(g, 0)  # not held[g]: a Counter's missing key costs a call
                    total += weight * sum(tails[h:h + n])
        return total / cands[i].words

    picked = _pick(gain, grams, [c.words for c in cands], sim, held, words_min, words_max)

    # the most informative first, but an article's sentences keep their order (a "il" after
    # the sentence that names him): each article's picks fill its places in the pick order
    own: dict[str, list[int]] = {}
    for i in picked:
        own.setdefault(cands[i].article.id, []).append(i)
    in_order = {aid: iter(sorted(ids, key=lambda i: cands[i].start)) for aid, ids in own.items()}
    picked = [next(in_order[cands[i].article.id]) for i in picked]
    rank = {a.id: k for k, a in enumerate(members)}  # members come by date, then id
    out = []
    for i in picked:
        spans = [sp for aid, sp in sorted(support[i].items(), key=lambda kv: rank[kv[0]])]
        n_origins = len({origin.get(s.article_id, s.article_id) for s in spans})
        out.append(SummarySentence(cands[i].text, spans,
                                   single_source=n_origins == 1 and len(origin) > 1))
    return out
