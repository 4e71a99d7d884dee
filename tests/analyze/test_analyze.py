"""The per-article analysis as a whole: every stage, exact spans, odd input."""

import time

import pytest

from recoupe import settings
from recoupe.analyze import analyze_articles
from recoupe.model import Article, Dossier, check_provenance


def article(text, *, id="a1", lang="fr", published="2023-09-14"):
    return Article(id=id, origin=f"{id}.txt", source="test", text=text, lang=lang, published=published)


def assert_exact(art):
    total, bad = check_provenance(Dossier(articles=[art]))
    assert not bad, bad[:3]
    for e in art.entities:
        for s in e.mentions + [r.support for r in e.roles]:
            assert s.article_id == art.id and art.text[s.start:s.end] == s.text
    return total


def test_every_stage_fills_the_article():
    text = ("Le président russe Vladimir Poutine a reçu mercredi Kim Jong-un à Vostotchny. "
            "« Nous sommes prêts », a déclaré M. Poutine, selon l'AFP.\n\n"
            "Selon Séoul, Pyongyang a tiré deux missiles dimanche soir.")
    [art] = analyze_articles([article(text)])
    assert art.warnings == []
    assert [s.text[:6] for s in art.sentences] == ["Le pré", "« Nous", "Selon "]
    assert {e.name for e in art.entities} >= {"Vladimir Poutine", "Kim Jong-un", "AFP", "Séoul"}
    assert all(m.entity_id for m in art.mentions)
    assert any(t.value == "2023-09-13" for t in art.times)
    assert art.quotes and art.quotes[0].text.startswith("Nous")
    assert {c.predicate for c in art.claims} >= {"recevoir", "tirer"}
    assert assert_exact(art) > 10


def test_order_kept_across_languages():
    arts = [article("Joe Biden met Emmanuel Macron in Paris on Monday.", id="en1", lang="en"),
            article("Emmanuel Macron a reçu Joe Biden lundi à Paris.", id="fr1"),
            article("Olaf Scholz traf Emmanuel Macron am Montag in Berlin.", id="de1", lang="de")]
    out = analyze_articles(arts)
    assert [a.id for a in out] == ["en1", "fr1", "de1"]
    en, fr, de = out
    assert {e.name: e.type for e in en.entities}.get("Joe Biden") == "PER"
    assert any(c.predicate == "meet" for c in en.claims)
    assert any("no model for 'de'" in w for w in de.warnings)
    assert de.sentences and de.entities  # analysed with what applies
    for a in out:
        assert_exact(a)


def test_article_with_no_sentence():
    [art] = analyze_articles([article("")])
    assert art.sentences == [] and art.entities == [] and art.claims == []
    [art] = analyze_articles([article(" \n\n ... \n")])
    assert art.claims == [] and not any("failed" in w for w in art.warnings)


def test_huge_paragraph_is_bounded(monkeypatch):
    monkeypatch.setattr(settings, "MAX_ANALYZED_CHARS", 30_000)
    monkeypatch.setattr(settings, "SPACY_CHUNK_CHARS", 10_000)
    para = "Le ministre Jean Dupont a visité Lyon avec 300 agents le 3 mars " * 16_000  # ~1 MB, no full stop
    assert len(para) > 1_000_000
    start = time.perf_counter()
    [art] = analyze_articles([article(para)])
    assert time.perf_counter() - start < 60
    assert any("only the first 30000" in w for w in art.warnings)
    assert art.entities and art.sentences
    assert_exact(art)


def test_a_failing_stage_is_a_warning(monkeypatch):
    import recoupe.analyze as analyze

    def broken(article, doc):
        raise ValueError("boom")

    stages = [(name, broken if name == "dates" else fn) for name, fn in analyze.STAGES]
    monkeypatch.setattr(analyze, "STAGES", stages)
    [art] = analyze_articles([article("Emmanuel Macron a parlé lundi à Paris.")])
    assert any(w.startswith("dates analysis failed: ValueError") for w in art.warnings)
    assert art.entities and art.claims


def test_seeds_spans_are_exact(seeds_dir):
    from recoupe.pipeline import read

    arts = analyze_articles(read([seeds_dir]))
    assert len(arts) == 5
    for art in arts:
        assert art.entities and art.claims and art.sentences
        assert_exact(art)
        for c in art.claims:
            assert set(c.who) <= {e.id for e in art.entities}
    names = {e.name for a in arts for e in a.entities if e.type == "PER"}
    assert {"Sergueï Lavrov", "Sergueï Choïgou"} <= names
    assert not {"Kim Jong", "NDLR"} & names
