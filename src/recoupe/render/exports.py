"""Flat exports a desk can load in a spreadsheet or a notebook.

JSON Lines keep every field and exact text; CSV files are for spreadsheets, so a cell that a
spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from recoupe.errors import InputError
from recoupe.model import Dossier, to_dict

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def article_rows(dossier: Dossier):
    for a in dossier.articles:
        yield {"id": a.id, "origin": a.origin, "source": a.source, "title": a.title, "lang": a.lang,
               "published": a.published, "url": a.url, "authors": a.authors, "text": a.text,
               "times": to_dict(a.times)}


def quote_rows(dossier: Dossier):
    sources = {a.id: a.source for a in dossier.articles}
    for story in dossier.stories:
        for q in story.quotes:
            yield {"story_id": story.id, "group": q.group, "speaker": q.speaker.name,
                   "speaker_role": q.speaker.role, "speaker_entity_id": q.speaker.entity_id, "kind": q.kind, "cue": q.cue,
                   "text": q.text, "article_id": q.article_id, "source": sources.get(q.article_id),
                   "start": q.start, "end": q.end}


def fact_rows(dossier: Dossier):
    sources = {a.id: a.source for a in dossier.articles}
    for story in dossier.stories:
        for f in story.facts:
            yield {"story_id": story.id, "id": f.id, "text": f.text, "origins": f.origins,
                   "single_source": f.single_source,
                   "sources": sorted({sources.get(s.article_id, s.article_id) for s in f.support}),
                   "support": to_dict(f.support)}


def divergence_rows(dossier: Dossier):
    for story in dossier.stories:
        for n, d in enumerate(story.divergences, 1):
            yield {"story_id": story.id, "n": n, "kind": d.kind, "severity": d.severity,
                   "contradiction": d.contradiction, "summary": d.summary, "sides": to_dict(d.sides)}


def _safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write_jsonl(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_csv(path: Path, header: list[str], rows) -> None:
    # utf-8 with a BOM: spreadsheets then read accents correctly
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_safe_cell(row.get(k)) for k in header])


def write_exports(dossier: Dossier, folder: str | Path) -> list[Path]:
    """Write articles/quotes/facts/divergences as JSON Lines and quotes/divergences as CSV."""
    try:
        return _write_all(dossier, Path(folder))
    except OSError as exc:
        raise InputError(f"cannot write exports to {folder}: {exc.strerror or exc}") from None


def _write_all(dossier: Dossier, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, rows in (("articles", article_rows), ("quotes", quote_rows), ("facts", fact_rows),
                       ("divergences", divergence_rows)):
        path = folder / f"{name}.jsonl"
        _write_jsonl(path, rows(dossier))
        paths.append(path)

    path = folder / "quotes.csv"
    _write_csv(path, ["story_id", "group", "speaker", "speaker_role", "speaker_entity_id", "kind", "cue", "source",
                      "article_id", "start", "end", "text"], quote_rows(dossier))
    paths.append(path)

    sources = {a.id: a.source for a in dossier.articles}

    def side_rows():
        # one row per side of each divergence
        for d in divergence_rows(dossier):
            for i, side in enumerate(d.pop("sides"), 1):
                support = side["support"]
                yield {**d, "side": i, "claim": side["claim"],
                       "sources": "; ".join(sources.get(s["article_id"], s["article_id"]) for s in support),
                       "passages": " | ".join(s["text"] for s in support),
                       "citations": "; ".join(f"{s['article_id']}:{s['start']}-{s['end']}" for s in support)}

    path = folder / "divergences.csv"
    _write_csv(path, ["story_id", "n", "kind", "severity", "contradiction", "summary", "side", "claim",
                      "sources", "passages", "citations"], side_rows())
    paths.append(path)
    return paths
