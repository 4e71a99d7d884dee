"""The dossier as JSON: the `recoupe.dossier/1` contract and its JSON Schema."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from recoupe.model import Dossier, to_dict

SCHEMA_PATH = Path(__file__).with_name("dossier.schema.json")


def dossier_json(dossier: Dossier) -> dict:
    """The dossier as plain JSON data, following the recoupe.dossier/1 contract."""
    return to_dict(dossier)


def dossier_json_text(dossier: Dossier) -> str:
    return json.dumps(dossier_json(dossier), ensure_ascii=False, indent=2)


@cache
def schema() -> dict:
    """The JSON Schema (draft 2020-12) every dossier validates against."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
