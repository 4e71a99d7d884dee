import json

import jsonschema
import pytest

from recoupe.model import Dossier, from_dict
from recoupe.render import dossier_json, schema, write_dossier


def validator():
    jsonschema.Draft202012Validator.check_schema(schema())
    return jsonschema.Draft202012Validator(schema())


def test_rich_dossier_validates(rich, injected, english):
    v = validator()
    for d in (rich, injected, english, Dossier()):
        errors = list(v.iter_errors(dossier_json(d)))
        assert errors == []


@pytest.mark.parametrize("path, value", [
    (("schema",), "recoupe.dossier/2"),
    (("articles", 0, "times", 0, "type"), "WHEN"),
    (("articles", 0, "published"), "14 mars 2024"),
    (("stories", 0, "entities", 0, "type"), "PERSON"),
    (("stories", 0, "quotes", 0, "kind"), "paraphrase"),
    (("stories", 0, "facts", 0, "support", 0, "start"), "12"),
])
def test_schema_rejects_broken_fields(rich, path, value):
    data = dossier_json(rich)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert list(validator().iter_errors(data))


@pytest.mark.parametrize("path", [
    ("articles", 0, "text"), ("articles", 0, "origin"), ("articles", 0, "times"),
    ("stories", 0, "facts"), ("stories", 0, "divergences", 0, "sides"),
    ("stories", 0, "quotes", 0, "speaker"), ("stories", 0, "summary", 0, "support"),
    ("stories", 0, "timeline", 0, "support", 0, "article_id"),
])
def test_schema_requires_contract_fields(rich, path):
    data = dossier_json(rich)
    node = data
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    assert list(validator().iter_errors(data))


def test_written_json_round_trips(rich, tmp_path):
    out = tmp_path / "d.json"
    write_dossier(rich, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "recoupe.dossier/1"
    assert from_dict(Dossier, data) == rich
    # every support span points at its exact characters
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for fact in data["stories"][0]["facts"]:
        for s in fact["support"]:
            assert texts[s["article_id"]][s["start"]:s["end"]] == s["text"]
