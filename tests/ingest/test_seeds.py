"""The five seed articles (../shared/seeds), read at run time."""

import pytest

from recoupe.ingest import read_inputs


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    arts = read_inputs([seeds_dir])
    raws = {a.origin: (seeds_dir / a.origin.rsplit("/", 1)[-1]).read_text(encoding="utf-8")
            for a in arts}
    return arts, raws


def by_prefix(arts, prefix):
    return next(a for a in arts if a.source.startswith(prefix))


def test_five_french_articles(seeds):
    arts, _ = seeds
    assert len(arts) == 5 and {a.lang for a in arts} == {"fr"}
    assert len({a.id for a in arts}) == 5


def test_dates(seeds):
    arts, _ = seeds
    assert by_prefix(arts, "001").published == "2023-09-14"
    assert by_prefix(arts, "001").published_from == "text"
    for prefix in ("000", "003"):
        assert by_prefix(arts, prefix).published.startswith("2023-09")


def test_no_boilerplate_left(seeds):
    arts, _ = seeds
    for a in arts:
        low = a.text.lower()
        assert ">>" not in a.text and "lire aussi" not in low
        assert "partagez votre avis" not in low
        assert "rédactrice en chef" not in low  # the author bio of one outlet
        assert "date 2023" not in a.text
        assert "’" not in a.text and "\xa0" not in a.text and "  " not in a.text


def test_removals_point_into_the_raw_text(seeds):
    arts, raws = seeds
    reasons = set()
    for a in arts:
        raw = raws[a.origin]
        for r in a.removed:
            assert raw[r.start:r.end] == r.text
            reasons.add(r.reason)
    assert {"cross-link", "author-bio", "share", "header", "title"} <= reasons


def test_nothing_of_the_content_is_lost(seeds):
    """Every word of the raw text is in the cleaned text or in a removal (or the title)."""
    import re

    arts, raws = seeds
    for a in arts:
        raw = raws[a.origin].replace("’", "'")
        kept = a.text + " " + " ".join(r.text for r in a.removed).replace("’", "'")
        def words(text):  # "UkraineLa" (a glued heading, repaired) counts as two words
            return set(re.findall(r"\w+", re.sub(r"(?<=[a-zé])(?=[A-ZÉ])", " ", text)))

        assert words(raw) <= words(kept)
        removed = sum(len(r.text) for r in a.removed if r.reason not in ("header", "title"))
        assert removed < 0.15 * len(raw)


def test_repairs(seeds):
    arts, _ = seeds
    text = by_prefix(arts, "001").text
    assert "UkraineLa" not in text and "militaire.Ces" not in text
    assert "militaire. Ces" in text
    assert "\n\nLa Russie a proposé" in text


def test_quotes_kept_as_they_are(seeds):
    arts, _ = seeds
    joined = " ".join(a.text for a in arts)
    for mark in "«»\"":
        assert mark in joined


def test_title_of_a_title_line(seeds):
    arts, _ = seeds
    a = by_prefix(arts, "002")
    assert a.title and a.title.startswith("Aujourd'hui") and not a.text.startswith("Aujourd")
