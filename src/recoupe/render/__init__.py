"""Writing dossiers: JSON (the recoupe.dossier/1 contract), Markdown, self-contained HTML."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from recoupe.model import Dossier, to_dict


def dossier_json(dossier: Dossier) -> dict:
    """The dossier as plain JSON data, following the recoupe.dossier/1 contract."""
    return to_dict(dossier)


def write_dossier(dossier: Dossier, fmt: str, out: Path | None) -> None:
    """Write the dossier in `fmt` (json, md, html) to `out`, or to standard output."""
    if fmt == "json":
        text = json.dumps(dossier_json(dossier), ensure_ascii=False, indent=2)
    else:
        raise NotImplementedError(f"format {fmt}")
    if out is None:
        sys.stdout.write(text + "\n")
    else:
        Path(out).write_text(text, encoding="utf-8")
