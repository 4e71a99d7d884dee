"""Provenance: the share of emitted spans for which `article.text[start:end] == span.text`.

It checks every dossier the other evaluations of the same run produced, plus the dossiers of
the seeds (beside the evaluation data) and of the bundled examples, built by `recoupe brief`'s
own code path. Anything under 100 % is a bug.
"""

from __future__ import annotations

from pathlib import Path

from recoupe import settings
from recoupe.model import check_provenance


def _own_dossiers(data_dir: Path) -> list:
    from recoupe.pipeline import brief

    folders = [Path(data_dir).parent / "seeds", settings.EXAMPLES]
    dossiers = []
    for folder in folders:
        if folder.is_dir() and any(folder.iterdir()):
            dossiers.append(brief([folder], warn=lambda msg: None))
    return dossiers


def run(data_dir: Path, quick: bool = False, dossiers: list | None = None,
        own: bool = True) -> dict:
    checked = list(dossiers or []) + (_own_dossiers(data_dir) if own else [])
    total, bad = 0, []
    for dossier in checked:
        n, wrong = check_provenance(dossier)
        total += n
        bad += wrong
    share = 100.0 * (total - len(bad)) / total if total else 100.0
    notes = f"{total} spans in {len(checked)} dossiers"
    if bad:
        aid, start, end, text = bad[0]
        notes += f"; {len(bad)} do not match, first: article {aid} [{start}:{end}] {text[:40]!r}"
    return {"metrics": {"spans_exact": round(share, 2)}, "reference": {"spans_exact": 100.0},
            "n": total, "notes": notes}
