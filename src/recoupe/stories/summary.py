"""The story summary: 100-150 words of sentences taken from the articles, each citing every
article that states it.

Extractive on purpose: each summary sentence is an exact sentence of one article, so its
provenance is exact. Candidates are the first sentences of each article; each is scored by
- centrality: cosine of its embedding to the story centroid (the mean of all candidates),
  and of its tf-idf word vector to the story's words;
- corroboration: how many independent origins state it too (a sentence of theirs at
  SUPPORT_COSINE or more), which also gives its `support` spans;
- position: news leads carry the event.
Sentences are then picked by maximal marginal relevance (MMR: score minus redundancy with
what is already picked) until WORDS_MIN words, never passing WORDS_MAX, and put back in
the order of the story: by article date, then by position in the article.

A point that only one origin states is marked `single_source`; the text stays the exact
sentence, and the renderer says whose it is.
"""

from __future__ import annotations

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
# Weights of the score, tuned on RPM2 (dev): word centrality weighs most (ROUGE-1/2 40.8/13.8
# vs 39.6/12.5 with the embedding alone); the position prior and corroboration help a little.
MMR_LAMBDA = 0.85
POSITION_WEIGHT = 0.3
CORROBORATION_WEIGHT = 0.1
LEXICAL_WEIGHT = 5.0  # tf-idf cosine to the story's words (its names, places, numbers)
# Other selection schemes measured on RPM2 are in docs/MEASUREMENTS.md.

_WORD = re.compile(r"\w+", re.UNICODE)
# Sentences that are not news: questions, headings that end with a colon, credits, bylines.
_SKIP = re.compile(r"(\?\s*[»”\"]?$|:\s*$|^\(|^(Photo|Crédit|Lire aussi|Par |By )|@|https?://)",
                   re.IGNORECASE)

# A sentence ends as one: a heading or a caption has no final stop ("Une priorité pour Kim")
_ENDS = re.compile(r"[.!…][\s»”\"')\]]*$")


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


def candidates(articles: list[Article], lead: int | None = None) -> list[_Candidate]:
    lead = lead or LEAD_SENTENCES
    out = []
    for art in articles:
        pos = 0
        for span in sentences(art):
            if pos >= lead:
                break
            text = span.text.strip()
            n = _words(text)
            if not MIN_WORDS <= n <= MAX_WORDS or _SKIP.search(text) or not _ENDS.search(text):
                continue
            start = span.start + span.text.index(text)
            out.append(_Candidate(art, pos, start, start + len(text), text, n))
            pos += 1
    return out


def tfidf(texts: list[str]) -> np.ndarray:
    """Unit tf-idf vectors of `texts` (dense: a story has a few hundred candidates)."""
    bags = [Counter(w.lower() for w in _WORD.findall(t)) for t in texts]
    df = Counter(w for b in bags for w in b)
    vocab = {w: i for i, w in enumerate(df)}
    x = np.zeros((len(texts), max(1, len(vocab))), dtype=np.float32)
    for i, bag in enumerate(bags):
        for w, c in bag.items():
            x[i, vocab[w]] = (1 + math.log(c)) * math.log((len(texts) + 1) / df[w])
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)


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


def _sentence_at(article: Article, span: SourceSpan) -> SourceSpan:
    """The sentence of `article` that holds `span` (the span itself when none does)."""
    for sent in sentences(article):
        if sent.start <= span.start < sent.end:
            text = sent.text.strip()
            start = sent.start + sent.text.index(text)
            return article.span(start, max(start + len(text), min(span.end, len(article.text))))
    return article.span(span.start, span.end)


def summarize(story: Story, articles: dict[str, Article]) -> None:
    """Fill `story.summary` with cited sentences (about 100-150 words)."""
    story.summary = select(story, [articles[a] for a in story.article_ids if a in articles])


def select(story: Story, members: list[Article], words_min: int = WORDS_MIN,
           words_max: int = WORDS_MAX) -> list[SummarySentence]:
    # bounded cost on large stories: fewer sentences per article, then the most central ones
    cands = candidates(members, max(2, min(LEAD_SENTENCES, MAX_EMBEDDED // max(1, len(members)))))
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
    # per candidate, the sentence of every other article that states it: its aligned fact's
    # support when fact alignment found one, else the closest sentence in meaning
    support: list[dict[str, SourceSpan]] = []
    corroboration = np.zeros(len(cands))
    same: list[tuple[int, int]] = []  # a candidate and one that supports it: they say one thing
    for i, c in enumerate(cands):
        best: dict[str, int] = {}
        for j in np.nonzero(sim[i] >= NAMED_SUPPORT_COSINE)[0].tolist():
            aid = art_of[j]
            if aid == c.article.id or (aid in best and sim[i, j] <= sim[i, best[aid]]):
                continue
            if sim[i, j] >= SUPPORT_COSINE or len(named[i] & named[j]) >= NAMED_SUPPORT_ENTITIES:
                best[aid] = j
        spans = {aid: cands[j].article.span(cands[j].start, cands[j].end) for aid, j in best.items()}
        same += [(i, j) for j in best.values()]
        for fact in facts[i]:
            for sp in story.facts[fact].support:
                if sp.article_id != c.article.id and sp.article_id in by_id:
                    spans.setdefault(sp.article_id, _sentence_at(by_id[sp.article_id], sp))
        spans[c.article.id] = c.article.span(c.start, c.end)
        support.append(spans)
        corroboration[i] = len({origin.get(a, a) for a in spans}) - 1
    # two candidates that report one aligned fact, or one of which supports the other, say
    # the same thing: the summary takes one of them
    for i in range(len(cands)):
        for j in range(i + 1, len(cands)):
            if facts[i] & facts[j]:
                sim[i, j] = sim[j, i] = 1.0
    for i, j in same:
        sim[i, j] = sim[j, i] = 1.0
    position = np.array([1.0 / (1.0 + c.position) for c in cands])
    words = tfidf([c.text for c in cands])
    wcentre = words.sum(axis=0)
    # word centrality: the words that many sentences of the story repeat (names, places, numbers)
    lexical = words @ (wcentre / max(float(np.linalg.norm(wcentre)), 1e-9))
    score = (centrality + LEXICAL_WEIGHT * lexical + POSITION_WEIGHT * position
             + CORROBORATION_WEIGHT * np.log1p(corroboration))

    picked: list[int] = []
    total = 0
    available = np.ones(len(cands), dtype=bool)
    while total < words_min and available.any():
        redundancy = sim[:, picked].max(axis=1) if picked else np.zeros(len(cands))
        mmr = MMR_LAMBDA * score - (1 - MMR_LAMBDA) * redundancy
        mmr[~available | (redundancy >= REDUNDANT_COSINE)] = -np.inf
        i = int(np.argmax(mmr))
        if not np.isfinite(mmr[i]):
            break
        available[i] = False
        if total + cands[i].words > words_max:
            continue
        picked.append(i)
        total += cands[i].words

    rank = {a.id: k for k, a in enumerate(members)}  # members come by date, then id
    picked.sort(key=lambda i: (rank[cands[i].article.id], cands[i].position))
    out = []
    for i in picked:
        spans = [sp for aid, sp in sorted(support[i].items(), key=lambda kv: rank[kv[0]])]
        n_origins = len({origin.get(s.article_id, s.article_id) for s in spans})
        out.append(SummarySentence(cands[i].text, spans, single_source=n_origins == 1 and len(origin) > 1))
    return out
