"""A speaker known only by a role ("l'avocat de la banque") keeps that role from the article
to the story, and the outputs show it instead of an unknown speaker."""

import csv

from recoupe.model import Article, Dossier, Quote, Speaker, Story
from recoupe.render import dossier_markdown, write_exports
from recoupe.stories.align import align_quotes
from recoupe.stories.resolve import resolve_entities

TEXT = "« Nous ferons appel », a affirmé l'avocat de la banque."


def _story_with_role_speaker() -> tuple[Story, Article]:
    art = Article(id="a1", origin="a1.txt", source="Le Quotidien", text=TEXT, lang="fr")
    role_start = TEXT.index("l'avocat")
    art.quotes.append(Quote("a1", 2, 18, TEXT[2:18], "direct",
                            Speaker(name=None, role="l'avocat de la banque",
                                    span=art.span(role_start, len(TEXT) - 1)), cue="affirmer"))
    story = Story("s1", "t", ["a1"])
    resolve_entities(story, {"a1": art})
    align_quotes(story, {"a1": art})
    return story, art


def test_role_survives_alignment():
    story, _ = _story_with_role_speaker()
    assert story.quotes[0].speaker.role == "l'avocat de la banque"
    assert story.quotes[0].speaker.name is None


def test_outputs_show_the_role(tmp_path):
    story, art = _story_with_role_speaker()
    dossier = Dossier(articles=[art], stories=[story])
    assert "l'avocat de la banque" in dossier_markdown(dossier)
    write_exports(dossier, tmp_path)
    with (tmp_path / "quotes.csv").open(encoding="utf-8-sig") as fh:
        row = next(csv.DictReader(fh))
    assert row["speaker_role"] == "l'avocat de la banque" and row["speaker"] == ""
