"""The French quote gold set (bench/gold/quotes_fr.jsonl) is well formed against RPM2.

The gold holds file names, offsets and labels only; the texts are read from the shared
benchdata at run time (the tests that need them skip when it is absent).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[1] / "bench" / "gold" / "quotes_fr.jsonl"
OPENERS = "«“\"”„‹"
CLOSERS = "»”\"“›"
FILE_NAME = re.compile(r"T(\d\d)_C([12])_\d\d\.txt")


def read_rpm2(path: Path) -> str:
    """The text the offsets index into: BOM dropped, CRLF (then lone CR) made LF."""
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def texts(benchdata: Path, gold: list[dict]) -> dict[str, str]:
    docs = benchdata / "rpm2-fr" / "documents"
    if not docs.is_dir():
        pytest.skip("rpm2-fr is absent from benchdata")
    return {g["file"]: read_rpm2(docs / g["file"]) for g in gold}


def test_shape_and_coverage(gold):
    assert len(gold) >= 30
    files = [g["file"] for g in gold]
    assert len(files) == len(set(files)), "one line per article"
    topics: dict[str, set[str]] = {}
    for g in gold:
        assert set(g) == {"file", "quotes"}
        m = FILE_NAME.fullmatch(g["file"])
        assert m, g["file"]
        topics.setdefault(m.group(1), set()).add(m.group(2))
    assert sorted(topics) == [f"{i:02d}" for i in range(1, 11)], "all ten topics"
    for topic, clusters in topics.items():
        assert sum(FILE_NAME.fullmatch(f).group(1) == topic for f in files) >= 3, topic
    assert sum(len(c) == 2 for c in topics.values()) >= 8, "topics mix C1 and C2"


def test_no_text_is_copied(gold):
    """Only offsets and labels: the only strings are file names and kinds."""
    for g in gold:
        for q in g["quotes"]:
            assert set(q) == {"start", "end", "kind", "speaker"}, q
            assert q["kind"] in ("direct", "indirect")
            assert isinstance(q["start"], int) and isinstance(q["end"], int)
            if q["speaker"] is not None:
                assert set(q["speaker"]) == {"start", "end"}
                assert all(isinstance(v, int) for v in q["speaker"].values())


def test_both_kinds_and_unknown_speakers_occur(gold):
    quotes = [q for g in gold for q in g["quotes"]]
    assert len(quotes) >= 150
    kinds = {q["kind"] for q in quotes}
    assert kinds == {"direct", "indirect"}
    assert any(q["speaker"] is None for q in quotes)


def test_spans_are_inside_and_trimmed(gold, texts):
    for g in gold:
        text = texts[g["file"]]
        seen = set()
        for q in g["quotes"]:
            s, e = q["start"], q["end"]
            assert 0 <= s < e <= len(text), (g["file"], q)
            span = text[s:e]
            assert span == span.strip(), (g["file"], q)
            assert (s, e, q["kind"]) not in seen, (g["file"], q)
            seen.add((s, e, q["kind"]))
            if q["speaker"] is not None:
                ss, se = q["speaker"]["start"], q["speaker"]["end"]
                assert 0 <= ss < se <= len(text), (g["file"], q)
                name = text[ss:se]
                assert name == name.strip() and name[0].isalpha() and name[-1].isalnum(), (g["file"], name)
                assert "\n" not in name


def test_direct_quotes_touch_a_quotation_mark(gold, texts):
    """A direct span opens right after a mark or closes right before one (incises, paragraphs)."""
    for g in gold:
        text = texts[g["file"]]
        for q in g["quotes"]:
            if q["kind"] != "direct":
                continue
            before = text[:q["start"]].rstrip(" \u00a0\u202f\n")
            after = text[q["end"]:].lstrip(" \u00a0\u202f\n")
            assert (before and before[-1] in OPENERS) or (after and after[0] in CLOSERS), (g["file"], q)


def test_spans_do_not_cross_the_title_line(gold, texts):
    for g in gold:
        title_end = texts[g["file"]].index("\n")
        for q in g["quotes"]:
            assert q["end"] <= title_end or q["start"] > title_end, (g["file"], q)
