import re

from recoupe.render import dossier_markdown, write_dossier


def test_markdown_has_every_section_in_french(rich):
    text = dossier_markdown(rich)
    for heading in ("## Grève des dockers à Marseille", "### L'essentiel", "### Qui rapporte quoi",
                    "### Chronologie", "### Qui a dit quoi", "### Divergences",
                    "### Personnes, organisations, lieux", "### Sources"):
        assert heading in text
    # the summary carries citation markers into the numbered sources list
    assert "Fos-sur-Mer, près de Marseille. [1][2][3]" in text
    assert "1. **Le Quotidien du Sud**" in text and "3. **Coastal Wire**" in text
    # facts name their outlets; the single-source fact says so
    assert re.search(r"400 grévistes\. — Le Quotidien du Sud \[1\] \(1 origine indépendante\) — \*\*source unique\*\*", text)
    # timeline in date order, quotes under their speaker, divergences with both sides
    assert text.index("**mars 2024**") < text.index("**13 mars 2024**") < text.index("**14 mars 2024**")
    assert "#### Pierre Martin" in text
    assert "- reçus vendredi — « doit recevoir les syndicats vendredi » (Le Quotidien du Sud) [1]" in text
    assert "**Écart d'estimations** (Points de vue" in text and "**Date** (Contradiction" in text


def test_markdown_in_english_for_english_stories(english):
    text = dossier_markdown(english)
    assert "### In brief" in text and "### Who said what" in text and "L'essentiel" not in text


def test_markdown_keeps_markup_inert(injected):
    text = dossier_markdown(injected)
    # every < is backslash-escaped, so no Markdown viewer sees a tag
    assert not re.search(r"(?<!\\)<", text)
    assert "\\<script\\>" in text


def test_write_markdown_file(rich, tmp_path):
    write_dossier(rich, "md", tmp_path / "d.md")
    assert (tmp_path / "d.md").read_text(encoding="utf-8").startswith("# Dossier recoupe")


def test_a_name_with_its_article_or_in_capitals_is_no_other_spelling(rich):
    from dataclasses import replace

    from recoupe.render import dossier_html
    from recoupe.render.view import story_views

    story = rich.stories[0]
    marseille = next(e for e in story.entities if e.name == "Marseille")
    marseille.variants = ["Marseille", "la Marseille", "MARSEILLE", "Marseilles", "L'Marseille"]
    view = next(v for v in story_views(rich)[0].entities()["LOC"] if v.entity.name == "Marseille")
    assert view.spellings == ["Marseilles"]
    text = dossier_markdown(rich)
    assert "Marseille (Marseilles)" in text and "la Marseille" not in text
    html = dossier_html(rich)
    assert "Marseilles" in html and "MARSEILLE" not in html
    # "Lesotho" keeps its first letters: only a separate article is dropped
    lesotho = replace(marseille, name="Lesotho", variants=["Lesotho", "otho"])
    story.entities.append(lesotho)
    view = next(v for v in story_views(rich)[0].entities()["LOC"] if v.entity.name == "Lesotho")
    assert view.spellings == ["otho"]


def test_a_fact_told_inside_a_quote_names_its_speaker(rich):
    from recoupe.render.view import StoryView

    story = rich.stories[0]
    articles = {a.id: a for a in rich.articles}
    fact = next(f for f in story.facts if f.id == "s1:f2")
    # shown in its own words, not the quote's: no speaker to add
    assert all(r.speaker is None for r in StoryView(story, articles).fact_rows())
    fact.text = fact.support[0].text  # the words of Pierre Martin's quote, as the outlet prints them
    rows = {r.text: r for r in StoryView(story, articles).fact_rows()}
    assert rows[fact.text].speaker == "Pierre Martin"
    assert sum(r.speaker is not None for r in rows.values()) == 1
    assert f"- *Pierre Martin* : {fact.text} — " in dossier_markdown(rich).replace("\u00a0", " ")
