"""Fact alignment on ECB+ dev (English): the sentence pairs recoupe's facts tie across
documents, scored against the gold cross-document event coreference chains.

Each gold event group (the documents of one topic and one corpus half, `ecb` or `ecbplus`:
two events of one topic) is made into one story by `recoupe.stories.make_story` (the path of
`recoupe brief`, grouping aside: the data gives the group), from the documents rebuilt one
sentence per line.

- Predicted pairs: for every fact, every two of its support spans in two documents, each
  taken as the sentence that holds its start.
- Gold pairs: two sentences of two documents of the group holding mentions of one chain.
- ECB+ annotates a few sentences per document, so only annotated sentences are scored:
  precision over the predicted pairs of two annotated sentences; recall over the gold pairs
  of two sentences that hold a claim of recoupe (the others cannot be aligned), and over all
  gold pairs.
- Baseline from the same claims: every two claims of two documents whose sentence
  embeddings have a cosine of at least `SAME_FACT`, the aligner's own "same fact" level.
- Most annotated sentences of a group tell its main event, so pairing any two of them is
  mostly right: the chance precision, over all such pairs, is given beside.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from recoupe.errors import DataMissing
from recoupe.evaluate.stories import ecb_article, ecb_documents

Sentence = tuple[str, int]  # (document id, sentence id)
Pair = frozenset  # two Sentences of two documents

QUICK_GROUPS = 6


def sentence_ids(data_dir: Path) -> dict[str, list[int]]:
    """Document id -> its sentence ids in the order of the lines `ecb_documents` writes."""
    ids: dict[str, set[int]] = defaultdict(set)
    with (Path(data_dir) / "ecbplus" / "dev_text.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[1].isdigit():
                ids[parts[0]].add(int(parts[1]))
    return {doc: sorted(s) for doc, s in ids.items()}


def sentence_locator(text: str, ids: list[int]):
    """A function from a character offset of `text` to the id of the sentence (line) holding it."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    if len(starts) != len(ids):
        raise ValueError(f"{len(starts)} lines for {len(ids)} sentences")
    return lambda offset: ids[bisect_right(starts, offset) - 1]


def event_group(doc_id: str) -> str:
    """Gold event group of a document: its topic and corpus half ("35_7ecbplus.xml" -> "35ecbplus").
    The `subtopic` field of the data gives one value per topic, so the name is read instead."""
    topic, _, rest = doc_id.partition("_")
    return topic + ("ecbplus" if "ecbplus" in rest else "ecb")


def cross_pairs(groups) -> set[Pair]:
    """Every two sentences of two documents within each group of sentences."""
    return {Pair((a, b)) for g in groups for a, b in combinations(set(g), 2) if a[0] != b[0]}


def gold_pairs(mentions: list[dict]) -> set[Pair]:
    chains: dict[str, set[Sentence]] = defaultdict(set)
    for m in mentions:
        chains[m["coref_chain"]].add((m["doc_id"], int(m["sent_id"])))
    return cross_pairs(chains.values())


def score(pred: set[Pair], gold: set[Pair], annotated: set[Sentence],
          reachable: set[Sentence]) -> dict:
    """Pair precision over predicted pairs of two annotated sentences, recall over the gold
    pairs of two reachable sentences and over all gold pairs (0-1), with the counts."""
    judged = {p for p in pred if p <= annotated}
    within = {p for p in gold if p <= reachable}
    found = judged & gold
    precision = len(found) / len(judged) if judged else 0.0
    recall = len(found & within) / len(within) if within else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "recall_all": len(found) / len(gold) if gold else 0.0,
            "judged": len(judged), "gold": len(gold), "reachable_gold": len(within)}


def run(data_dir: Path, quick: bool = False) -> dict:
    from recoupe import pipeline
    from recoupe.model import Dossier
    from recoupe.stories import make_story
    from recoupe.stories.align import SAME_FACT, claim_slots, similarity

    path = Path(data_dir) / "ecbplus" / "dev_event_gold_mentions.json"
    if not path.is_file():
        raise DataMissing(f"ECB+ gold mentions are not in {path.parent}")
    docs = ecb_documents(data_dir)
    ids = sentence_ids(data_dir)
    mentions = [m for m in json.loads(path.read_text(encoding="utf-8")) if m["doc_id"] in docs]
    groups: dict[str, list[str]] = defaultdict(list)
    for doc in sorted({m["doc_id"] for m in mentions}):
        groups[event_group(doc)].append(doc)
    if quick:
        groups = dict(sorted(groups.items())[:QUICK_GROUPS])
    mentions = [m for m in mentions if event_group(m["doc_id"]) in groups]
    annotated = {(m["doc_id"], int(m["sent_id"])) for m in mentions}

    predicted, baseline, reachable = set(), set(), set()
    multi_doc_facts, dossiers = 0, []
    for names in groups.values():
        articles = pipeline.analyze([ecb_article(docs, n) for n in names])
        doc_of = {a.id: a.origin.split("/", 1)[1] for a in articles}
        locate = {a.id: sentence_locator(a.text, ids[doc_of[a.id]]) for a in articles}

        def sentence(article_id: str, start: int) -> Sentence:
            return doc_of[article_id], locate[article_id](start)

        story = make_story(articles)
        dossiers.append(Dossier(articles=articles, stories=[story]))
        facts = [[sentence(s.article_id, s.start) for s in f.support] for f in story.facts]
        predicted |= cross_pairs(facts)
        multi_doc_facts += sum(len({d for d, _ in f}) >= 2 for f in facts)
        slots = claim_slots(story, {a.id: a for a in articles})
        at = [sentence(s.article.id, s.claim.start) for s in slots]
        reachable |= set(at)
        sim = similarity(story, slots)
        baseline |= cross_pairs([at[i], at[j]] for i, j in zip(*(sim >= SAME_FACT).nonzero())
                                if i < j)
    gold = gold_pairs(mentions)
    ours, base = score(predicted, gold, annotated, reachable), score(baseline, gold, annotated, reachable)
    by_group: dict[str, set[Sentence]] = defaultdict(set)
    for doc, sent in annotated:
        by_group[event_group(doc)].add((doc, sent))
    every = cross_pairs(by_group.values())
    chance = len(every & gold) / len(every) if every else 0.0
    pct = lambda x: round(100 * x, 1)  # noqa: E731
    metrics = {"pair_precision": pct(ours["precision"]), "pair_recall": pct(ours["recall"]),
               "pair_f1": pct(ours["f1"]), "pair_recall_all": pct(ours["recall_all"]),
               "baseline_pair_precision": pct(base["precision"]),
               "baseline_pair_recall": pct(base["recall"]), "baseline_pair_f1": pct(base["f1"]),
               "chance_pair_precision": pct(chance)}
    n_docs = sum(len(v) for v in groups.values())
    return {
        "metrics": metrics,
        "reference": {m: metrics[f"baseline_{m}"] for m in ("pair_precision", "pair_recall", "pair_f1")},
        "n": ours["gold"],
        "counts": {"groups": len(groups), "documents": n_docs, "annotated_sentences": len(annotated),
                   "facts_multi_doc": multi_doc_facts, "predicted_pairs": len(predicted),
                   "predicted_pairs_judged": ours["judged"], "baseline_pairs_judged": base["judged"],
                   "gold_pairs": ours["gold"], "gold_pairs_reachable": ours["reachable_gold"]},
        "notes": f"ECB+ dev, {len(groups)} event groups (topic x ecb/ecbplus, read from the "
                 f"document names), {n_docs} documents; pairs of sentences of two documents, scored "
                 f"on the {len(annotated)} sentences holding a gold event mention. {multi_doc_facts} "
                 f"facts span 2+ documents; {ours['judged']} of their pairs are judged; "
                 f"{ours['reachable_gold']} of {ours['gold']} gold pairs join two sentences holding "
                 "a claim (recall counts those; pair_recall_all counts all). chance_pair_precision: "
                 "every two annotated sentences of two documents of a group. Reference: the baseline "
                 f"of claim pairs at cosine >= {SAME_FACT} from the same claims, same run; no "
                 "published figure fits (ECB+ results are mention-level CoNLL F1).",
        "dossiers": dossiers,
    }
