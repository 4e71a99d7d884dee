"""Story summaries on RPM2 (French): ROUGE-1/2 F1 at 100 words against the 4 human summaries
of each cluster, for recoupe, Lead and a tf-idf centroid baseline computed in the same run.

Each cluster's 10 documents are read by the ingest readers, analysed, and made into one
story by `recoupe.stories.make_story` (the path of `recoupe brief`, grouping aside: the task
gives the cluster). Summaries are cut to their first 100 words as ROUGE's `-l 100` counts them: runs of
non-space characters, so "l'otage" is one word for the cut and two tokens for the scoring.

ROUGE-N here: lower-cased words (letters and digits; apostrophes and hyphens split, as
French elisions "l'otage" give "l" + "otage"), no stemming, no stop-word removal; clipped
n-gram matches pooled over the references (ROUGE-1.5.5's multi-reference average).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

from recoupe.errors import DataMissing

WORDS = 100
_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _ngrams(toks: list[str], n: int) -> Counter:
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def rouge_n(peer: str, references: list[str], n: int, words: int | None = WORDS) -> float:
    """ROUGE-N F1 (0-1) of `peer` against `references`, the peer cut to `words` words."""
    ptoks = tokens(" ".join(peer.split()[:words]) if words else peer)
    pgrams = _ngrams(ptoks, n)
    hits = ref_total = peer_total = 0
    for ref in references:
        rgrams = _ngrams(tokens(ref), n)
        hits += sum(min(c, pgrams[g]) for g, c in rgrams.items())
        ref_total += sum(rgrams.values())
        peer_total += sum(pgrams.values())
    if not hits:
        return 0.0
    p, r = hits / peer_total, hits / ref_total
    return 2 * p * r / (p + r)


def lead_summary(articles, words: int = WORDS) -> str:
    """Lead: the first words of the first article."""
    return " ".join(articles[0].text.split()[:words])


def centroid_summary(articles, words: int = WORDS, redundancy: float = 0.5) -> str:
    """tf-idf centroid baseline (MEAD-like): sentences by cosine to the cluster centroid,
    skipping those too close to one already taken, until `words` words."""
    from recoupe.stories.embed import sentences

    sents = [s.text for a in articles for s in sentences(a) if len(tokens(s.text)) >= 5]
    if not sents:
        return ""
    bags = [Counter(tokens(s)) for s in sents]
    df = Counter(w for b in bags for w in b)
    n = len(bags)

    def vec(bag):
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in bag.items() if df[w] < n}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    vecs = [vec(b) for b in bags]
    centre = Counter()
    for v in vecs:
        centre.update(v)
    cnorm = math.sqrt(sum(x * x for x in centre.values())) or 1.0
    score = [sum(x * centre[w] for w, x in v.items()) / cnorm for v in vecs]
    picked, total = [], 0
    for i in sorted(range(n), key=lambda i: -score[i]):
        if total >= words:
            break
        if any(sum(x * vecs[j].get(w, 0.0) for w, x in vecs[i].items()) > redundancy for j in picked):
            continue
        picked.append(i)
        total += len(tokens(sents[i]))
    return " ".join(sents[i] for i in sorted(picked))


def _read_reference(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").strip()


def clusters(data_dir: Path) -> dict[str, tuple[list[Path], list[Path]]]:
    """RPM2 cluster name (T01_C1) -> (its documents, its reference summaries)."""
    root = Path(data_dir) / "rpm2-fr"
    docs, refs = root / "documents", root / "references"
    if not docs.is_dir() or not refs.is_dir():
        raise DataMissing(f"RPM2 is not in {root} (documents/ and references/ expected)")
    out: dict[str, tuple[list[Path], list[Path]]] = {}
    for p in sorted(docs.glob("T*_C*_*.txt")):
        out.setdefault(p.stem.rsplit("_", 1)[0], ([], []))[0].append(p)
    for p in sorted(refs.glob("T*_C*_A*.txt")):
        name = p.stem.rsplit("_", 1)[0]
        if name in out:
            out[name][1].append(p)
    out = {k: v for k, v in out.items() if v[0] and v[1]}
    if not out:
        raise DataMissing(f"no RPM2 clusters with references in {root}")
    return out


def run(data_dir: Path, quick: bool = False) -> dict:
    from recoupe import pipeline
    from recoupe.model import Dossier
    from recoupe.stories import make_story

    todo = clusters(data_dir)
    if quick:
        todo = dict(list(todo.items())[:4])
    systems = {"": [], "lead_": [], "centroid_": []}
    dossiers = []
    for name, (docs, refs) in todo.items():
        articles = pipeline.analyze(pipeline.read(docs))
        references = [_read_reference(p) for p in refs]
        story = make_story(articles)
        ordered = sorted(articles, key=lambda a: a.origin)
        peers = {"": " ".join(s.text for s in story.summary),
                 "lead_": lead_summary(ordered),
                 "centroid_": centroid_summary(ordered)}
        for prefix, peer in peers.items():
            systems[prefix].append((rouge_n(peer, references, 1), rouge_n(peer, references, 2)))
        dossiers.append(Dossier(articles=articles, stories=[story]))
    metrics = {}
    for prefix, scores in systems.items():
        metrics[f"{prefix}rouge1_f1"] = round(100 * sum(s[0] for s in scores) / len(scores), 1)
        metrics[f"{prefix}rouge2_f1"] = round(100 * sum(s[1] for s in scores) / len(scores), 1)
    return {
        "metrics": metrics,
        "reference": {"lead_rouge1_f1": 33.1, "lead_rouge2_f1": 8.1,
                      "centroid_rouge1_f1": 38.9, "centroid_rouge2_f1": 12.0},
        "n": len(todo),
        "notes": "RPM2 French clusters, 4 references each; ROUGE-1/2 F1 at 100 words (counted "
                 "between spaces, as ROUGE's -l), lower-cased words, no stemming; Lead and tf-idf "
                 "centroid computed in the same run (reference figures: the published Lead and "
                 "centroid figures on RPM2 dev)",
        "dossiers": dossiers,
    }
