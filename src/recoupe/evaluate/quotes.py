"""Quotation and speaker evaluation, by the Gender Gap Tracker protocol.

English: the GGT gold (`ggt-en-quotes/`). French: the team's hand annotation of RPM2 articles
(`bench/gold/quotes_fr.jsonl`, offsets only, texts read from `rpm2-fr/documents/`).

GGT's scorer (sfu-discourse-lab/GenderGapTracker, `evaluation/src/evaluate_quotes.py`): for
each gold quote in turn, the best remaining system quote whose overlap score is above the
threshold is its match; the score is the share of the gold quote's characters that the
system quote covers (asymmetric, gold as reference), thresholds 0.3 and 0.8. Unmatched gold
quotes are misses, unmatched system quotes false alarms; precision, recall and F1 are pooled
over all articles. Speaker accuracy is over matched quotes. GGT counts a speaker right when
its span overlaps the gold speaker's span; the gold offsets being unreliable, names are
compared instead: in English, against GGT's `speaker` and `reference` (the fullest name),
sharing the last word of either name counts as overlapping; in French (the team's gold,
see bench/gold/README.md) the names must be equal up to case and accents or share their
surname (last word). An unnamed speaker matches an unnamed one. A speaker recoupe knows by a
role only ("a spokesperson for X") has no name but keeps the role's words and span: English
compares those words, as GGT compares spans; French treats it as unnamed, as the gold does.

The English gold's offsets are unreliable, so its quotes are located by string search. The
two quote parts around an incise share a cue and are scored as one quote in English, where
GGT's gold does not split them; in French the gold splits them as recoupe does. GGT's gold
does not nest quoted fragments inside the reported clause that holds them, so in English a
direct quote lying inside an indirect one is not scored separately; the French gold nests
them, as recoupe does.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from unidecode import unidecode

from recoupe.errors import DataMissing
from recoupe.model import Article, Quote

REFERENCE = {"en_f1_03": 83.7, "en_f1_08": 76.1, "en_speaker_acc": 86.5,
             "fr_f1_03": 81.7, "fr_speaker_acc": 80.4}
GOLD_FR = Path(__file__).resolve().parents[3] / "bench" / "gold" / "quotes_fr.jsonl"
THRESHOLDS = (0.3, 0.8)
QUICK_EN, QUICK_FR = 15, 12  # articles in a quick run

_NAME_STOP = {"m", "mme", "mr", "mrs", "ms", "dr", "le", "la", "les", "l", "the", "de", "du", "of"}


# --------------------------------------------------------------------------- running recoupe

def _analyze(articles: list[Article]) -> list[Article]:
    """The per-article stages `recoupe brief` runs."""
    from recoupe.analyze import analyze_articles

    return analyze_articles(articles)


def _failed(articles: list[Article]) -> int:
    """Articles on which the quote stage failed (the orchestrator turns a failure into a warning)."""
    return sum(any(w.startswith("quotes") for w in a.warnings) for a in articles)


# --------------------------------------------------------------------------- scoring

def _name_words(name: str | None) -> list[str]:
    name = re.sub(r"['’]s\b", "", unidecode(name or "").lower())
    words = re.sub(r"[^a-z0-9 ]+", " ", name.replace("-", " ")).split()
    return [w for w in words if w not in _NAME_STOP]


def speaker_match(system: str | None, gold: list[str | None], overlap: bool = False) -> bool:
    """Same name up to case and accents, or the same surname; unnamed matches unnamed. With
    `overlap` (GGT's own test is that the two speaker spans overlap), it is enough that the
    names share the last word of either one ("UFCW Local" / "UFCW Local 832")."""
    sw = _name_words(system)
    for g in gold:
        gw = _name_words(g)
        if not sw and not gw:
            return True
        if sw and gw and (sw == gw or sw[-1] == gw[-1]):
            return True
        if overlap and sw and gw and (sw[-1] in gw or gw[-1] in sw):
            return True
    return False


def score(docs: list[tuple[list[tuple[set, list]], list[tuple[set, str | None]]]],
          threshold: float, overlap: bool = False) -> dict:
    """GGT's greedy matching. `docs`: per article, gold [(chars, speaker names)], system [(chars, name)]."""
    tp = fp = fn = spk = 0
    for gold, system in docs:
        remaining = list(range(len(system)))
        for g_chars, g_names in gold:
            best, best_score = None, 0.0
            for k in remaining:
                s = len(g_chars & system[k][0]) / len(g_chars) if g_chars else 0.0
                if s > threshold and s > best_score:
                    best, best_score = k, s
            if best is None:
                fn += 1
                continue
            tp += 1
            remaining.remove(best)
            if speaker_match(system[best][1], g_names, overlap):
                spk += 1
        fp += len(remaining)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": 100 * p, "recall": 100 * r, "f1": 100 * f1,
            "speaker_acc": 100 * spk / tp if tp else 0.0, "tp": tp, "fp": fp, "fn": fn}


def _system(quotes: list[Quote], merge_parts: bool, drop_nested: bool,
            unnamed=lambda s: s.name) -> list[tuple[set, str | None]]:
    out: dict = {}
    indirect = [(q.start, q.end, q.cue_span.start if q.cue_span else None) for q in quotes if q.kind == "indirect"]
    for k, q in enumerate(quotes):
        if drop_nested and q.kind == "direct" and any(s - 2 <= q.start and q.end <= e + 2 for s, e, c in indirect):
            continue
        key = (q.cue_span.start, q.kind) if merge_parts and q.cue_span is not None and q.kind == "direct" else k
        chars, name = out.get(key, (set(), unnamed(q.speaker)))
        out[key] = (chars | set(range(q.start, q.end)), name)
    return list(out.values())


# --------------------------------------------------------------------------- English: GGT

def _locate(text: str, quote: str, hint: int | None) -> tuple[int, int] | None:
    """Where a gold quote string sits in the text (the occurrence nearest the gold's hint)."""
    for candidate in (quote, quote.strip(), quote.strip().strip("\"“”‘’'").strip()):
        if not candidate:
            continue
        hits = [m.start() for m in re.finditer(re.escape(candidate), text)]
        if hits:
            start = min(hits, key=lambda h: abs(h - hint)) if hint is not None else hits[0]
            return start, start + len(candidate)
    return None


def _hint(index: str | None) -> int | None:
    m = re.match(r"\(?\s*(\d+)", index or "")
    return int(m.group(1)) if m else None


def run_en(data_dir: Path, quick: bool = False) -> dict:
    path = Path(data_dir) / "ggt-en-quotes" / "ggt_en_quotes.jsonl"
    if not path.is_file():
        raise DataMissing(f"GGT English quote gold not found at {path}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if quick:
        rows = rows[:QUICK_EN]
    articles = [Article(id=f"ggt{i}", origin=f"{path.name}#{i}", source=r.get("outlet") or "ggt",
                        text=r.get("articleBodyText") or "", lang="en") for i, r in enumerate(rows)]
    t0 = time.perf_counter()
    articles = _analyze(articles)
    seconds = time.perf_counter() - t0
    docs, unlocated = [], 0
    for art, row in zip(articles, rows):
        gold = []
        for q in row.get("quotations") or []:
            where = _locate(art.text, q.get("quote") or "", _hint(q.get("quote_index")))
            if where is None:
                unlocated += 1
                gold.append((set(), [q.get("reference"), q.get("speaker")]))  # a miss, scored as GGT would
                continue
            gold.append((set(range(*where)), [q.get("reference"), q.get("speaker")]))
        # GGT judges the speaker's span: an unnamed role ("a spokesperson for X") is its span's words
        docs.append((gold, _system(art.quotes, merge_parts=True, drop_nested=True,
                                   unnamed=lambda s: s.name or s.role)))
    res = {t: score(docs, t, overlap=True) for t in THRESHOLDS}
    return {"res": res, "n": sum(len(g) for g, _ in docs), "articles": len(rows), "unlocated": unlocated,
            "seconds": seconds, "chars": sum(len(a.text) for a in articles), "failed": _failed(articles)}


# --------------------------------------------------------------------------- French: RPM2 gold

def rpm2_text(path: Path) -> str:
    """The text the French gold's offsets index into (see bench/gold/README.md)."""
    raw = path.read_text(encoding="utf-8-sig")
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def _unnamed_fr(speaker) -> str | None:
    """A speaker the article does not name ("des agences russes") counts as unnamed, as in the gold."""
    name = speaker.name
    if not name or (speaker.entity_id is None and not any(ch.isupper() for ch in name)):
        return None
    return name


def run_fr(data_dir: Path, quick: bool = False, gold_path: Path = GOLD_FR) -> dict | None:
    if not gold_path.is_file():
        return None
    docs_dir = Path(data_dir) / "rpm2-fr" / "documents"
    if not docs_dir.is_dir():
        raise DataMissing(f"RPM2 French documents not found at {docs_dir}")
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if quick:
        rows = rows[:QUICK_FR]
    articles = []
    for r in rows:
        p = docs_dir / r["file"]
        if not p.is_file():
            raise DataMissing(f"RPM2 document {p} is missing")
        articles.append(Article(id=Path(r["file"]).stem, origin=str(p), source="rpm2", text=rpm2_text(p), lang="fr"))
    t0 = time.perf_counter()
    articles = _analyze(articles)
    seconds = time.perf_counter() - t0
    docs = []
    for art, row in zip(articles, rows):
        gold = []
        for q in row["quotes"]:
            sp = q.get("speaker")
            name = art.text[sp["start"]:sp["end"]] if sp else None
            gold.append((set(range(q["start"], q["end"])), [name]))
        docs.append((gold, _system(art.quotes, merge_parts=False, drop_nested=False, unnamed=_unnamed_fr)))
    res = {t: score(docs, t) for t in THRESHOLDS}
    return {"res": res, "n": sum(len(g) for g, _ in docs), "articles": len(rows), "seconds": seconds,
            "chars": sum(len(a.text) for a in articles), "failed": _failed(articles)}


def run(data_dir: Path, quick: bool = False) -> dict:
    """Quote F1 at 0.3 and 0.8 overlap and speaker accuracy, English (GGT) and French (RPM2 gold)."""
    data_dir = Path(data_dir)
    en = run_en(data_dir, quick)
    metrics = {"en_f1_03": en["res"][0.3]["f1"], "en_f1_08": en["res"][0.8]["f1"],
               "en_speaker_acc": en["res"][0.3]["speaker_acc"],
               "en_precision_03": en["res"][0.3]["precision"], "en_recall_03": en["res"][0.3]["recall"]}
    notes = [f"EN: GGT gold, {en['articles']} articles, {en['n']} quotes "
             f"({en['unlocated']} not found in the text, counted as misses); "
             f"{en['chars'] / max(en['seconds'], 1e-9):,.0f} chars/s analysed"]
    n = en["n"]
    fr = run_fr(data_dir, quick)
    if fr is None:
        notes.append(f"FR: gold {GOLD_FR} absent, French not scored")
    else:
        metrics.update({"fr_f1_03": fr["res"][0.3]["f1"], "fr_f1_08": fr["res"][0.8]["f1"],
                        "fr_speaker_acc": fr["res"][0.3]["speaker_acc"],
                        "fr_precision_03": fr["res"][0.3]["precision"], "fr_recall_03": fr["res"][0.3]["recall"]})
        notes.append(f"FR: RPM2 hand gold, {fr['articles']} articles, {fr['n']} quotes")
        n += fr["n"]
    failed = en["failed"] + (fr["failed"] if fr else 0)
    if failed:
        notes.append(f"the quote stage FAILED on {failed} articles (see their warnings)")
    notes.append("overlap = share of the gold quote's characters covered (GGT); speaker accuracy at 0.3")
    return {"metrics": {k: round(v, 1) for k, v in metrics.items()}, "reference": dict(REFERENCE),
            "n": n, "notes": "; ".join(notes)}
