"""An article longer than the analysis limit keeps the quotes of the part that was parsed."""

from recoupe import settings
from recoupe.analyze import analyze_articles
from recoupe.model import Article


def test_quotes_of_the_parsed_part_of_a_long_article(monkeypatch):
    monkeypatch.setattr(settings, "MAX_ANALYZED_CHARS", 2_000)
    head = "« Nous ne céderons pas », a déclaré le maire, Jean Dupont, mardi.\n\n"
    text = head + "Le conseil municipal s'est réuni en séance publique ce soir-là.\n\n" * 100
    [art] = analyze_articles([Article(id="a1", origin="x", source="s", text=text, lang="fr")])
    assert [q.text for q in art.quotes if q.kind == "direct"] == ["Nous ne céderons pas"]
    assert all(art.text[q.start:q.end] == q.text for q in art.quotes)
    assert not any("quotes skipped" in w for w in art.warnings)
