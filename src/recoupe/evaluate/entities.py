"""Named entities against CLEF-HIPE-2020 French (coarse, literal), historical newspapers.

Reading: the HIPE TSV is tab-separated, one token a line, `# key = value` lines carry each
document's id and date. A document's text is rebuilt from its tokens: a space after each
token unless its MISC column says `NoSpaceAfter`; printed line ends (`EndOfLine`) and segment
ends are spaces too, since they are OCR layout, not language. Each document becomes an
`Article` (language fr, its date as published date) and goes through `analyze_articles`, the
analysis `recoupe brief` runs; the gold column is never read into the system.

Mapping our output to HIPE's coarse types:

- PER -> pers, ORG -> org, LOC -> loc; MISC is not scored (it mixes nationalities, events and
  products; HIPE's `prod` is media and doctrines only), so HIPE `prod` counts as missed.
- temporal expressions of type DATE that give a year -> time (HIPE marks absolute dates),
  widened over the preposition or article HIPE includes ("de 1907", "le 1er août 1914").
- HIPE's `pers` includes a person's title and apposed function ("M. Hagenbeck, le célèbre
  marchand d'animaux"), and its `org` the kind of organisation ("agence Reuter"): a person
  mention is widened over its title (kind "title"), and a person or organisation mention
  over the apposition that gives its entity a role (the role's support span), both of
  which our entities record.

Spans are then projected on HIPE's tokens (every token a span overlaps), and scored as the
HIPE scorer does, micro-averaged over all types: strict = same tokens and same type; fuzzy =
overlapping tokens and same type (each gold entity matched once).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from recoupe.errors import DataMissing
from recoupe.model import Article

REFERENCE = {"hipe_strict_f1": 84.0, "hipe_fuzzy_f1": 92.1}  # best coarse literal, HIPE-2020 fr
FOLDER = "hipe2020-fr"
TYPES = {"PER": "pers", "ORG": "org", "LOC": "loc"}
QUICK_DOCUMENTS = 10
_DATE_LEAD = re.compile(r"(?<![\w'])((?:le|du|au|en|de|dès|depuis|vers|jusqu'au|d'|à l'|pour l'|pour|avant|après)\s*)$", re.IGNORECASE)


@dataclass
class HipeDoc:
    id: str
    date: str | None
    text: str = ""
    tokens: list[tuple[int, int]] = field(default_factory=list)  # char offsets of each token
    gold: list[tuple[int, int, str]] = field(default_factory=list)  # token range [i, j), type


def read_hipe(path: Path) -> list[HipeDoc]:
    """The documents of one HIPE TSV file, texts rebuilt from their tokens."""
    docs: list[HipeDoc] = []
    meta: dict[str, str] = {}
    parts: list[str] = []
    pos, open_ent = 0, None

    def close() -> None:
        nonlocal open_ent
        if open_ent is not None:
            docs[-1].gold.append(open_ent)
            open_ent = None

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("#") and "\t" not in line:
            key, _, value = line[1:].partition("=")
            key, value = key.strip(), value.strip()
            if key == "document_id":
                close()
                if docs:
                    docs[-1].text = "".join(parts)
                docs.append(HipeDoc(value, meta.get("date")))
                parts, pos = [], 0
            meta[key] = value
            continue
        cols = line.split("\t")
        if cols[0] == "TOKEN" or not docs or len(cols) < 2:
            continue
        token, tag = cols[0], cols[1]
        misc = cols[-1] if len(cols) > 9 else ""
        doc = docs[-1]
        i = len(doc.tokens)
        doc.tokens.append((pos, pos + len(token)))
        parts.append(token)
        pos += len(token)
        if "NoSpaceAfter" not in misc:
            parts.append(" ")
            pos += 1
        if tag.startswith("B-") or tag.startswith("I-") and (open_ent is None or open_ent[2] != tag[2:]):
            close()
            open_ent = (i, i + 1, tag[2:])
        elif tag.startswith("I-"):
            open_ent = (open_ent[0], i + 1, open_ent[2])
        else:
            close()
    close()
    if docs:
        docs[-1].text = "".join(parts)
    return docs


def _token_range(tokens: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    hit = [k for k, (a, b) in enumerate(tokens) if a < end and start < b]
    return (hit[0], hit[-1] + 1) if hit else None


def system_entities(article: Article) -> list[tuple[int, int, str]]:
    """Our analysed article's entity spans in HIPE's terms: (start, end, hipe type)."""
    text = article.text
    roles = {e.id: [r.support for r in e.roles] for e in article.entities}
    out = []
    for m in article.mentions:
        if m.label not in TYPES or m.kind == "role":
            continue
        start, end = m.start, m.end
        if m.label == "PER":
            if m.kind == "title":  # widen over "M." / "Mme" just before the name
                found = re.search(r"(\b\w+\.?)\s+$", text[max(0, start - 8):start])
                if found:
                    start = max(0, start - 8) + found.start(1)
        if m.label in ("PER", "ORG"):  # "l'agence Reuter", "M. X, le marchand de Hambourg"
            for r in roles.get(m.entity_id, []):  # a role's support is its apposition
                if r.start <= m.start and m.end <= r.end:
                    start, end = min(start, r.start), max(end, r.end)
        out.append((start, end, TYPES[m.label]))
    for t in article.times:
        if t.type == "DATE" and re.search(r"\d{4}", t.text):
            # HIPE's dates take their preposition or article: "de 1907", "le 1er août 1914"
            found = _DATE_LEAD.search(text[max(0, t.start - 10):t.start])
            start = max(0, t.start - 10) + found.start(1) if found else t.start
            out.append((start, t.end, "time"))
    return out


def score(pairs: list[tuple[list, list]]) -> dict[str, float]:
    """Micro P/R/F1, strict and fuzzy, over (gold, system) lists of token ranges with type."""
    n_gold = n_sys = strict = fuzzy = 0
    for gold, system in pairs:
        n_gold += len(gold)
        n_sys += len(system)
        strict += len(set(gold) & set(system))
        used: set[int] = set()
        for g in gold:
            for k, s in enumerate(system):
                if k not in used and s[2] == g[2] and s[0] < g[1] and g[0] < s[1]:
                    used.add(k)
                    fuzzy += 1
                    break

    def f1(tp: int) -> tuple[float, float, float]:
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = f1(strict)
    fp, fr, ff = f1(fuzzy)
    return {"strict_p": sp, "strict_r": sr, "strict_f1": sf, "fuzzy_p": fp, "fuzzy_r": fr,
            "fuzzy_f1": ff, "n_gold": n_gold, "n_system": n_sys}


def _project(doc: HipeDoc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """System spans on HIPE tokens, without overlaps (longer first), as BIO allows."""
    ranges = []
    for start, end, typ in spans:
        rng = _token_range(doc.tokens, start, end)
        if rng:
            ranges.append((rng[0], rng[1], typ))
    ranges.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    taken: set[int] = set()
    out = []
    for i, j, typ in ranges:
        if not any(k in taken for k in range(i, j)):
            taken.update(range(i, j))
            out.append((i, j, typ))
    return sorted(out)


def run(data_dir: Path, quick: bool = False) -> dict:
    from recoupe.analyze import analyze_articles

    files = sorted((Path(data_dir) / FOLDER).glob("*.tsv"))
    if not files:
        raise DataMissing(f"HIPE-2020 French data not found in {Path(data_dir) / FOLDER}")
    docs = [d for f in files for d in read_hipe(f)]
    if quick:
        docs = docs[:QUICK_DOCUMENTS]
    articles = [Article(id=d.id, origin=d.id, source="hipe2020-fr", text=d.text, lang="fr",
                        published=d.date) for d in docs]
    start = time.perf_counter()
    analyze_articles(articles)
    seconds = time.perf_counter() - start
    pairs = [(d.gold, _project(d, system_entities(a))) for d, a in zip(docs, articles)]
    res = score(pairs)
    by_type = {}
    for typ in ("pers", "org", "loc", "time", "prod"):
        sub = score([([g for g in gold if g[2] == typ], [s for s in sys if s[2] == typ])
                     for gold, sys in pairs])
        by_type[typ] = f"{typ} {100 * sub['fuzzy_f1']:.0f}/{100 * sub['strict_f1']:.0f}"
    return {
        "metrics": {"hipe_strict_f1": round(100 * res["strict_f1"], 1),
                    "hipe_fuzzy_f1": round(100 * res["fuzzy_f1"], 1)},
        "reference": dict(REFERENCE),
        "n": res["n_gold"],
        "notes": (f"{len(docs)} documents, {res['n_gold']} gold entities, {res['n_system']} found; "
                  f"spaCy fr_core_news_md + rules, no training on HIPE (OCR'd 19th-20th c. press); "
                  f"fuzzy/strict F1 by type: {', '.join(by_type.values())}; MISC not scored; "
                  f"analysis {seconds:.0f} s"),
    }


if __name__ == "__main__":
    import sys

    from recoupe.settings import DEFAULT_BENCHDATA

    paths = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(run(Path(paths[0]) if paths else DEFAULT_BENCHDATA, quick="--quick" in sys.argv))
