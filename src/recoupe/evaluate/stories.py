"""Story grouping: B-cubed F1 on RPM2 (French) and ECB+ (English), and the article similarity
that grouping uses against SemEval-2022 Task 8 human judgements.

- RPM2: the documents are read by the ingest readers, analysed, and grouped by
  `build_stories` (the path of `recoupe brief`). The files carry no dates, so nothing tells the
  system that the two clusters of a topic are a month apart but their content. Topic level is
  scored on story threads (`Story.thread`), topic+cluster level on stories. A tf-idf
  average-link agglomerative baseline is computed in the same run, its threshold tuned on the
  gold (an upper bound for that baseline). Undated articles join stories in the order of
  their ids, so the notes also give topic+cluster level for the same articles under other ids
  (other arrival orders): a figure that holds in one order only is an artefact.
- ECB+ dev: documents rebuilt from their tokens, analysed, grouped (threads vs topic = doc id
  prefix).
- SemEval-2022 T8 (training sample): Pearson between `Overall` (1 = most similar, 4 = least)
  and minus the grouping score of the pair, so that a positive figure means agreement, as the
  task reports it. Texts are not analysed here (no entity term), for time.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from recoupe.errors import DataMissing


def b_cubed(pred: dict[str, object], gold: dict[str, object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (0-1) of a clustering `pred` against `gold`."""
    items = [k for k in gold if k in pred]
    if not items:
        return 0.0, 0.0, 0.0
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for k in items:
        by_pred[pred[k]].add(k)
        by_gold[gold[k]].add(k)
    p = r = 0.0
    for k in items:
        both = len(by_pred[pred[k]] & by_gold[gold[k]])
        p += both / len(by_pred[pred[k]])
        r += both / len(by_gold[gold[k]])
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _tfidf(texts: list[str]) -> np.ndarray:
    bags = [Counter(re.findall(r"\w+", t.lower())) for t in texts]
    df = Counter(w for b in bags for w in b)
    vocab = {w: i for i, w in enumerate(df)}
    x = np.zeros((len(texts), len(vocab)), dtype=np.float32)
    for i, bag in enumerate(bags):
        for w, c in bag.items():
            x[i, vocab[w]] = (1 + math.log(c)) * math.log(len(texts) / df[w])
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)


def tfidf_baseline(texts: list[str], gold: list[str]) -> tuple[float, float]:
    """Best B-cubed F1 (0-1) of tf-idf + average link over a grid of thresholds, and that threshold."""
    from recoupe.stories.cluster import average_link

    x = _tfidf(texts)
    sim = x @ x.T
    keys = [str(i) for i in range(len(texts))]
    best = (0.0, 0.0)
    for th in np.arange(0.02, 0.6, 0.02):
        labels = {keys[i]: c for c, members in enumerate(average_link(sim, np.ones(len(sim)), float(th)))
                  for i in members}
        f = b_cubed(labels, dict(zip(keys, gold)))[2]
        best = max(best, (f, float(th)))
    return best


ORDERS = 3  # other arrival orders RPM2 is grouped in (undated articles join stories in id order)


def other_orders(articles, n: int = ORDERS) -> list[dict[str, int]]:
    """Story number per article id when the same articles arrive in `n` other orders: the ids,
    which set the order of undated articles, are rehashed with a seed."""
    from dataclasses import replace

    from recoupe.stories import group

    out = []
    for seed in range(1, n + 1):
        renamed = {hashlib.blake2b(f"{seed}:{a.id}".encode(), digest_size=8).hexdigest(): a
                   for a in articles}
        groups, _ = group([replace(a, id=new) for new, a in renamed.items()])
        out.append({renamed[a.id].id: k for k, g in enumerate(groups) for a in g})
    return out


def rpm2(data_dir: Path, quick: bool = False) -> dict:
    from recoupe import pipeline
    from recoupe.model import Dossier
    from recoupe.stories import build_stories

    docs = Path(data_dir) / "rpm2-fr" / "documents"
    files = sorted(docs.glob("T*_C*_*.txt"))
    if not files:
        raise DataMissing(f"RPM2 documents are not in {docs}")
    if quick:
        files = [f for f in files if f.stem[:3] in {"T01", "T02", "T03", "T04"}]
    articles = pipeline.analyze(pipeline.read(files))
    name = {a.id: Path(a.origin).stem for a in articles}
    stories = build_stories(articles)
    story = {aid: s.id for s in stories for aid in s.article_ids}
    thread = {aid: s.thread or s.id for s in stories for aid in s.article_ids}
    topic = {aid: n[:3] for aid, n in name.items()}
    cluster = {aid: n[:6] for aid, n in name.items()}
    orders = [b_cubed(other, cluster)[2] for other in other_orders(articles)]
    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    base_topic = tfidf_baseline(texts, [topic[a.id] for a in articles])
    base_cluster = tfidf_baseline(texts, [cluster[a.id] for a in articles])
    return {
        "rpm2_topic_b3_f1": b_cubed(thread, topic)[2],
        "rpm2_cluster_b3_f1": b_cubed(story, cluster)[2],
        "rpm2_story_vs_topic_b3_f1": b_cubed(story, topic)[2],
        "rpm2_cluster_orders": (min(orders), max(orders)),
        "baseline_rpm2_topic_b3_f1": base_topic[0],
        "baseline_rpm2_cluster_b3_f1": base_cluster[0],
        "n": len(articles), "stories": len(stories),
        "dossier": Dossier(articles=articles, stories=stories),
        "thresholds": (base_topic[1], base_cluster[1]),
    }


def ecb_documents(data_dir: Path) -> dict[str, str]:
    """ECB+ document id -> text rebuilt from its tokens (one sentence per line)."""
    path = Path(data_dir) / "ecbplus" / "dev_text.txt"
    if not path.is_file():
        raise DataMissing(f"ECB+ is not in {path.parent} (dev_text.txt expected)")
    sents: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or not parts[1].isdigit():
                continue
            sents[parts[0]][int(parts[1])].append(parts[3])
    out = {}
    for doc, by_sent in sents.items():
        lines = [" ".join(toks) for _, toks in sorted(by_sent.items())]
        text = "\n".join(re.sub(r" ([,.;:!?%)]|'s|n't|'re|'ll|'ve|'d)(?=\s|$)", r"\1", s) for s in lines)
        text = re.sub(r"(\w) ’ (s|t|re|ll|ve|d|m)\b", r"\1’\2", text)  # "hadn ’ t" as printed: "hadn’t"
        text = re.sub(r"(\d)([:.]) (\d)", r"\1\2\3", text)  # "18: 50", "0. 07" as printed: "18:50", "0.07"
        out[doc] = re.sub(r"([($]) ", r"\1", text)
    return out


def ecb_article(docs: dict[str, str], name: str, source: str = "ecbplus"):
    """An ECB+ document as an article; its id is a content hash, as for any article (a document
    name would order the input by topic)."""
    from recoupe.ingest.article import article_id
    from recoupe.model import Article

    return Article(id=article_id(docs[name]), origin=f"ecbplus/{name}", source=source, text=docs[name], lang="en")


def ecb(data_dir: Path, quick: bool = False) -> dict:
    from recoupe import pipeline
    from recoupe.stories import group

    docs = ecb_documents(data_dir)
    names = sorted(docs)
    if quick:
        topics = sorted({n.split("_")[0] for n in names})[:3]
        names = [n for n in names if n.split("_")[0] in topics]
    articles = [ecb_article(docs, n) for n in names]
    articles = pipeline.analyze(articles)
    groups, threads = group(articles)
    thread = {a.id: t for g, t in zip(groups, threads) for a in g}
    topic = {a.id: a.origin.split("/")[1].split("_")[0] for a in articles}
    return {"ecb_topic_b3_f1": b_cubed(thread, topic)[2], "n": len(names)}


def semeval(data_dir: Path, quick: bool = False) -> dict:
    from recoupe.model import Article
    from recoupe.stories.cluster import StoryIndex, terms
    from recoupe.stories.embed import embed_articles

    path = Path(data_dir) / "semeval2022t8" / "training_set.csv"
    if not path.is_file():
        raise DataMissing(f"SemEval-2022 T8 is not in {path.parent} (training_set.csv expected)")
    csv.field_size_limit(1 << 28)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("Overall") and r.get("text1") and r.get("text2")]
    if quick:
        fr = [r for r in rows if "fr" in (r["lang1"], r["lang2"])]
        rows = fr + [r for r in rows if r not in fr][:150]

    def article(pid: str, text: str, lang: str) -> Article:
        head, _, body = text.strip().partition("\n")
        return Article(id=pid, origin=pid, source=pid, text=body.strip() or head, title=head.strip(),
                       lang=lang)

    pairs = [(article(f"{r['pair_id']}:1", r["text1"], r["lang1"]),
              article(f"{r['pair_id']}:2", r["text2"], r["lang2"]), float(r["Overall"]), r) for r in rows]
    flat = [a for p in pairs for a in p[:2]]
    vecs = dict(zip((a.id for a in flat), embed_articles(flat)))
    words = {a.id: terms(a) for a in flat}
    scores, overall, french = [], [], []
    base = StoryIndex()
    base.prime(words)  # word weights over the whole sample
    for a, b, gold, row in pairs:
        index = base.sibling()
        index.add(vecs[a.id], None, (), words=words[a.id], lang=a.lang, key=a.id)
        (_, score), = index.scores(vecs[b.id], None, (), words=words[b.id], lang=b.lang)
        scores.append(score)
        overall.append(gold)
        french.append("fr" in (row["lang1"], row["lang2"]))
    s, o, f = np.array(scores), np.array(overall), np.array(french)

    def pearson(x, y):
        return float(np.corrcoef(x, y)[0, 1]) if len(x) > 2 else float("nan")

    return {"semeval_pearson": pearson(-s, o), "semeval_pearson_fr": pearson(-s[f], o[f]),
            "n": len(pairs), "n_fr": int(f.sum())}


def run(data_dir: Path, quick: bool = False) -> dict:
    parts, missing = {}, []
    for name, fn in (("rpm2", rpm2), ("ecb", ecb), ("semeval", semeval)):
        try:
            parts[name] = fn(data_dir, quick)
        except DataMissing as err:
            missing.append(str(err))
    if not parts:
        raise DataMissing("; ".join(missing))
    pct = lambda x: round(100 * x, 1)  # noqa: E731
    metrics, notes, dossiers = {}, [], []
    if "rpm2" in parts:
        r = parts["rpm2"]
        metrics.update(rpm2_topic_b3_f1=pct(r["rpm2_topic_b3_f1"]),
                       rpm2_cluster_b3_f1=pct(r["rpm2_cluster_b3_f1"]),
                       baseline_rpm2_topic_b3_f1=pct(r["baseline_rpm2_topic_b3_f1"]),
                       baseline_rpm2_cluster_b3_f1=pct(r["baseline_rpm2_cluster_b3_f1"]))
        notes.append(f"RPM2: {r['n']} articles, {r['stories']} stories; topic level on threads, "
                     f"topic+cluster on stories (stories vs topics: {pct(r['rpm2_story_vs_topic_b3_f1'])}; "
                     f"topic+cluster in {ORDERS} other arrival orders: {pct(r['rpm2_cluster_orders'][0])}-"
                     f"{pct(r['rpm2_cluster_orders'][1])}); "
                     f"tf-idf average-link baseline with gold-tuned thresholds {r['thresholds'][0]:.2f}/"
                     f"{r['thresholds'][1]:.2f}.")
        dossiers.append(r["dossier"])
    if "ecb" in parts:
        metrics["ecb_topic_b3_f1"] = pct(parts["ecb"]["ecb_topic_b3_f1"])
        notes.append(f"ECB+ dev: {parts['ecb']['n']} documents, threads vs topics.")
    if "semeval" in parts:
        s = parts["semeval"]
        metrics.update(semeval_pearson=pct(s["semeval_pearson"]),
                       semeval_pearson_fr=pct(s["semeval_pearson_fr"]))
        notes.append(f"SemEval T8 sample: {s['n']} pairs ({s['n_fr']} with French), Pearson of "
                     "-score with Overall (positive = agreement), no entity term.")
    notes.append("References: the tf-idf agglomerative baseline published for RPM2 dev and "
                 "the SemEval winner (official test set).")
    notes += [f"skipped: {m}" for m in missing]
    return {
        "metrics": metrics,
        "reference": {"rpm2_topic_b3_f1": 94.4, "rpm2_cluster_b3_f1": 66.5, "semeval_pearson": 81.8},
        "n": sum(p["n"] for p in parts.values()),
        "notes": " ".join(notes),
        "dossiers": dossiers,
    }
