"""The demo corpus in examples/ and its expected answers (gold.json) agree with each other.

These tests check the corpus itself, not recoupe's output: every string the gold names is in
its file, the articles have the promised sizes, languages and dates, and the planted cases
(wire copy, divergences, name variants) are really there.
"""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path

import py3langid
import pytest

TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
DATE_LINE = re.compile(r"date (\d{4}-\d{2}(?:-\d{2})?)$")


class _PageText(html.parser.HTMLParser):
    """All visible text of a page, and separately the text inside <article>."""

    def __init__(self) -> None:
        super().__init__()
        self.all: list[str] = []
        self.article: list[str] = []
        self._depth = 0  # nesting inside <article>
        self._skip = 0  # inside <script>/<style>/<title>

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._depth += 1
        if tag in ("script", "style", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self._depth -= 1
        if tag in ("script", "style", "title"):
            self._skip -= 1

    def handle_data(self, data):
        if self._skip:
            return
        self.all.append(data)
        if self._depth:
            self.article.append(data)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _typo(text: str) -> str:
    """Gold strings use the straight apostrophe, as cleaning does."""
    return text.replace("\u2019", "'")


@pytest.fixture(scope="module")
def gold(examples_dir: Path) -> dict:
    return json.loads((examples_dir / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def texts(examples_dir: Path, gold: dict) -> dict[str, dict]:
    """file -> {"raw": file text, "body": article text without header lines, "header": date or None}."""
    out = {}
    for name in gold["articles"]:
        raw = _typo((examples_dir / name).read_text(encoding="utf-8"))
        if name.endswith(".html"):
            page = _PageText()
            page.feed(raw)
            out[name] = {"raw": _norm(" ".join(page.all)), "body": _norm(" ".join(page.article)), "header": None}
            continue
        lines = raw.split("\n")
        m = DATE_LINE.match(lines[0])
        if m:
            lines = lines[1:]
        out[name] = {"raw": raw, "body": "\n".join(lines), "header": m.group(1) if m else None}
    return out


def _files_in_gold(gold: dict) -> set[str]:
    return set(gold["articles"])


def test_every_article_file_is_in_the_gold_and_in_one_story(examples_dir, gold):
    on_disk = {p.name for p in examples_dir.iterdir() if p.suffix in (".txt", ".html")}
    assert on_disk == _files_in_gold(gold)
    seen = [f for story in gold["stories"] for f in story["files"]]
    assert sorted(seen) == sorted(on_disk), "each article belongs to exactly one story"


def test_main_story_has_five_outlets_four_french_one_english(gold, texts):
    main = gold["stories"][0]["files"]
    outlets = {gold["articles"][f]["outlet"] for f in main}
    assert len(outlets) >= 5
    langs = [py3langid.classify(texts[f]["body"])[0] for f in main]
    assert langs.count("fr") >= 4 and langs.count("en") >= 1


def test_language_in_gold_matches_the_text(gold, texts):
    for name, meta in gold["articles"].items():
        assert py3langid.classify(texts[name]["body"])[0] == meta["lang"], name


def test_main_story_articles_are_300_to_600_words(gold, texts):
    for name in gold["stories"][0]["files"]:
        n = len(texts[name]["body"].split())
        assert 300 <= n <= 600, f"{name}: {n} words"
    for story in gold["stories"][1:]:
        for name in story["files"]:
            assert len(texts[name]["body"].split()) >= 100, name


def test_dates_come_from_where_the_gold_says(gold, texts, examples_dir):
    kinds = set()
    for name, meta in gold["articles"].items():
        t = texts[name]
        kinds.add((meta["date_from"], len(meta["date"])))
        if meta["date_from"] == "header":
            assert t["header"] == meta["date"], name
        elif meta["date_from"] == "text":
            assert t["header"] is None, name
            assert re.search(r"\b\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\b", t["body"])
        elif meta["date_from"] == "metadata":
            raw = (examples_dir / name).read_text(encoding="utf-8")
            assert f'content="{meta["date"]}T' in raw, name
        else:
            pytest.fail(f"unknown date_from {meta['date_from']!r}")
    # the corpus exercises a full header date, a month-only header, text-inferred and metadata dates
    assert ("header", 10) in kinds and ("header", 7) in kinds
    assert any(k == "text" for k, _ in kinds) and any(k == "metadata" for k, _ in kinds)


def test_titles_and_edges_are_in_the_articles(gold, texts):
    for name, meta in gold["articles"].items():
        body = texts[name]["body"]
        if not name.endswith(".html"):
            assert body.split("\n")[0] == meta["title"], name
            assert body.split("\n")[1] == "", f"{name}: the title line is followed by a blank line"
        assert _norm(meta["title"]) in texts[name]["raw"] or meta["title"] in body, name
        assert meta["first_words"] in body and meta["last_words"] in body, name


def test_boilerplate_strings_are_present_before_cleaning(gold, texts):
    per_file = {}
    for item in gold["boilerplate"]:
        assert item["text"] in texts[item["file"]]["raw"], item
        per_file.setdefault(item["file"], []).append(item["kind"])
    kinds = {k for ks in per_file.values() for k in ks}
    assert {"read also", "author bio", "comment prompt", "newsletter", "photo credit"} <= kinds


def test_wire_copy_is_near_verbatim_and_other_pairs_are_not(gold, texts):
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i:i + 5]) for i in range(len(words) - 4)}

    def jaccard(a: str, b: str) -> float:
        sa, sb = shingles(texts[a]["body"]), shingles(texts[b]["body"])
        return len(sa & sb) / len(sa | sb)

    copies = {tuple(sorted(c["files"])) for c in gold["wire_copies"]}
    assert copies
    names = sorted(gold["articles"])
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            j = jaccard(a, b)
            if (a, b) in copies:
                assert j >= 0.6, (a, b, j)
                assert texts[a]["body"] != texts[b]["body"], "a copy with small edits, not identical"
            else:
                assert j < 0.2, (a, b, j)


def test_entity_variants_occur_and_distinct_pairs_are_entities(gold, texts):
    names = {e["name"] for e in gold["entities"]}
    for ent in gold["entities"]:
        assert ent["type"] in ("PER", "ORG", "LOC", "MISC")
        assert ent["name"] in ent["variants"]
        for variant in ent["variants"] + ent["roles"]:
            assert any(variant in texts[f]["raw"] for f in ent["files"]), (ent["name"], variant)
        for f in ent["files"]:
            assert any(v in texts[f]["raw"] for v in ent["variants"]), (ent["name"], f)
    for pair in gold["distinct"]:
        assert set(pair["names"]) <= names
    # a hyphenated name spelled two ways, an accent variant, two people sharing a given name
    variants = [v for e in gold["entities"] for v in e["variants"]]
    assert "Hélène Garnier-Vidal" in variants and "Hélène Garnier Vidal" in variants
    assert "Karim Benaïssa" in variants and "Karim Benaissa" in variants
    assert any(p["names"][0].split()[0] == p["names"][1].split()[0] for p in gold["distinct"])


def test_quotes_occur_with_their_speakers(gold, texts):
    variants = {e["name"]: e["variants"] for e in gold["entities"]}
    marks = set()
    for q in gold["quotes"]:
        body = texts[q["file"]]["body"]
        assert q["kind"] in ("direct", "indirect"), q
        assert q["text"] in body, q
        if q.get("continues"):
            assert q["continues"] in body[body.index(q["text"]):], q
        if q.get("paragraphs", 1) > 1:
            span = body[body.index(q["text"]):body.index(q["continues"])]
            assert "\n\n" in span or "\n" in span, "the quote runs over two paragraphs"
        if q.get("cue"):
            assert q["cue"] in body, q
        speaker = q["speaker"]
        if speaker is not None:
            # the speaker is named somewhere in the article, in one of its spellings
            assert any(v in body for v in variants.get(speaker, [speaker])), q
        if q["kind"] == "direct":
            i = body.index(q["text"])
            window = body[max(0, i - 300):i]
            opener = max(window.rfind(m) for m in "«“\"")
            assert opener >= 0, q
            marks.add(window[opener])
    assert marks == {"«", "“", '"'}, "quotes use all three kinds of marks"


def test_not_quotes_are_in_quotation_marks(gold, texts):
    for item in gold["not_quotes"]:
        body = texts[item["file"]]["body"]
        assert re.search(r"[«“\"]\s?" + re.escape(item["text"]) + r"\s?[»”\"]", body), item


def test_times_occur_and_are_timeml(gold, texts):
    for t in gold["times"]:
        assert t["text"] in texts[t["file"]]["body"], t
        assert t["type"] in TIMEX_TYPES, t
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2}(T\w+(:\d{2})?)?)?|-W\d{2})?|P\w+", t["value"]), t


def test_facts_divergences_timeline_point_at_real_text(gold, texts):
    for fact in gold["facts_shared"]:
        assert len(fact["support"]) >= 2
        for f, s in fact["support"].items():
            assert s in texts[f]["body"], (fact["fact"], f, s)
    kinds = set()
    for div in gold["divergences"]:
        kinds.add((div["kind"], div["contradiction"]))
        assert len(div["sides"]) == 2
        for side in div["sides"]:
            for f, s in side["support"].items():
                assert s in texts[f]["body"], (div["summary"], f, s)
    assert ("agent", True) in kinds and ("number", True) in kinds
    assert ("attributed_disagreement", False) in kinds
    main = set(gold["stories"][0]["files"])
    for ev in gold["timeline"]:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", ev["date"]), ev
        assert set(ev["files"]) <= main
        assert any(ev["keyword"].lower() in texts[f]["body"].lower() for f in ev["files"]), ev


def test_gold_files_exist(gold, examples_dir):
    for name in gold["articles"]:
        assert (examples_dir / name).is_file(), name
