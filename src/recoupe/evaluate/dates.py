"""Temporal expressions against the French TimeBank and TempEval-3 English (TBAQ-cleaned).

Each `.tml` document gives its creation date (the `TIMEX3` with
`functionInDocument="CREATION_TIME"` inside `DCT`), used as the article's date, and the plain
text of its `TEXT` element, used as the article's text; the gold TIMEX3 inside `TEXT` are
located in that plain text by walking the XML tree (gold TIMEX3 with no text, non-consuming,
are skipped). The system sees only an `Article` built from text, date and language, and runs
through `find_times`, as `recoupe brief` does.

Scoring follows TempEval-3 (UzZaman et al., 2013), with character offsets:

- strict match: same start and end; relaxed match: any overlap (each gold and each system
  timex is matched at most once, largest overlap first);
- P = matched / |system|, R = matched / |gold|, F1 = 2PR / (P + R), for strict and relaxed;
- attribute F1 (type, value): over relaxed matches, `n_attr` = matched pairs whose attribute
  is equal (values compared exactly, granularity included); attrP = n_attr / |system|,
  attrR = n_attr / |gold|, attribute F1 = 2 attrP attrR / (attrP + attrR). It is thus the
  relaxed F1 multiplied by the attribute's accuracy on matched pairs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from recoupe.errors import DataMissing
from recoupe.model import Article

REFERENCE = {  # HeidelTime, as reported in benchdata/README.md
    "fr_strict_f1": 86.0, "fr_relaxed_f1": 91.0, "fr_type_f1": 82.7, "fr_value_f1": 73.6,
    "en_relaxed_f1": 90.3, "en_value_f1": 77.6,
}
CORPORA = {"fr": "fr-timebank", "en": "tempeval3-en"}


def read_tml(path: Path) -> tuple[str, str | None, list[tuple[int, int, str, str]]]:
    """(plain text of TEXT, creation date, gold [(start, end, type, value)]) of one document."""
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
            break
    text_el = root.find(".//TEXT")
    if text_el is None:
        return "", dct, []
    parts: list[str] = []
    gold: list[tuple[int, int, str, str]] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            start = pos
            walk(child)
            if child.tag == "TIMEX3" and pos > start:
                gold.append((start, pos, child.get("type", ""), child.get("value", "")))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)

    walk(text_el)
    return "".join(parts), dct, gold


def system_times(text: str, published: str | None, lang: str, doc_id: str):
    """The times recoupe finds in one document, through the article path `brief` uses."""
    from recoupe.analyze.dates import find_times

    article = Article(id=doc_id, origin=doc_id, source="eval", text=text, lang=lang,
                      published=published)
    article.times = find_times(article.text, article.published, article.lang)
    return article.times


def match(gold: list[tuple], system: list[tuple]) -> list[tuple[int, int]]:
    """Relaxed one-to-one matching (index pairs), largest character overlap first."""
    pairs = []
    for i, (gs, ge, *_g) in enumerate(gold):
        for j, (ss, se, *_s) in enumerate(system):
            overlap = min(ge, se) - max(gs, ss)
            if overlap > 0:
                pairs.append((-overlap, i, j))
    used_g, used_s, out = set(), set(), []
    for _, i, j in sorted(pairs):
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            out.append((i, j))
    return out


def _f1(hits: int, n_sys: int, n_gold: int) -> float:
    p = hits / n_sys if n_sys else 0.0
    r = hits / n_gold if n_gold else 0.0
    return 100 * 2 * p * r / (p + r) if p + r else 0.0


def score_corpus(files: list[Path], lang: str, errors: list | None = None) -> dict:
    """TempEval-3 figures over `files`; `errors`, when given, collects the mistakes."""
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    for path in files:
        text, dct, gold = read_tml(path)
        found = system_times(text, dct, lang, path.stem)
        system = [(t.start, t.end, t.type, t.value) for t in found]
        n_gold += len(gold)
        n_sys += len(system)
        pairs = match(gold, system)
        for i, j in pairs:
            g, s = gold[i], system[j]
            relaxed += 1
            strict += g[:2] == s[:2]
            type_ok += g[2] == s[2]
            value_ok += g[3] == s[3]
            if errors is not None and (g[3] != s[3] or g[:2] != s[:2] or g[2] != s[2]):
                errors.append(("wrong", path.name, dct, text[g[0]:g[1]], g[2], g[3],
                               text[s[0]:s[1]], s[2], s[3]))
        if errors is not None:
            got_g = {i for i, _ in pairs}
            got_s = {j for _, j in pairs}
            for i, g in enumerate(gold):
                if i not in got_g:
                    errors.append(("missed", path.name, dct, text[g[0]:g[1]], g[2], g[3],
                                   text[max(0, g[0] - 40):g[1] + 20].replace("\n", " ")))
            for j, s in enumerate(system):
                if j not in got_s:
                    errors.append(("spurious", path.name, dct, text[s[0]:s[1]], s[2], s[3],
                                   text[max(0, s[0] - 40):s[1] + 20].replace("\n", " ")))
    return {"strict_f1": _f1(strict, n_sys, n_gold), "relaxed_f1": _f1(relaxed, n_sys, n_gold),
            "type_f1": _f1(type_ok, n_sys, n_gold), "value_f1": _f1(value_ok, n_sys, n_gold),
            "n_gold": n_gold, "n_system": n_sys, "documents": len(files)}


def corpus_files(data_dir: Path, lang: str) -> list[Path]:
    folder = Path(data_dir) / CORPORA[lang]
    files = sorted(folder.rglob("*.tml")) if folder.is_dir() else []
    if not files:
        raise DataMissing(f"no .tml files under {folder}: the {CORPORA[lang]} data is absent")
    return files


def run(data_dir: Path, quick: bool = False) -> dict:
    """Both corpora in full: the rules run at thousands of documents a second, so a quick run
    needs no subset (`quick` is accepted for the runner's sake)."""
    metrics: dict[str, float] = {}
    n = 0
    docs = []
    for lang in ("fr", "en"):
        res = score_corpus(corpus_files(data_dir, lang), lang)
        for key in ("strict_f1", "relaxed_f1", "type_f1", "value_f1"):
            metrics[f"{lang}_{key}"] = round(res[key], 1)
        n += res["n_gold"]
        docs.append(f"{lang}: {res['documents']} documents, {res['n_gold']} gold timexes, "
                    f"{res['n_system']} found")
    return {"metrics": metrics, "reference": dict(REFERENCE), "n": n,
            "notes": "TempEval-3 scoring (strict/relaxed span F1; type and value attribute F1 "
                     "over relaxed matches); " + "; ".join(docs)}


if __name__ == "__main__":
    import sys

    from recoupe.settings import DEFAULT_BENCHDATA

    paths = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(run(Path(paths[0]) if paths else DEFAULT_BENCHDATA, quick="--quick" in sys.argv))
