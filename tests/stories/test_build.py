"""build_stories end to end on the seeds and on the demo corpus."""

import json

from recoupe.model import Dossier, check_provenance
from recoupe.stories import build_stories, story_id


def test_seeds_are_one_story_without_copies(seeds):
    stories = build_stories(seeds)
    assert len(stories) == 1
    story = stories[0]
    assert sorted(story.article_ids) == sorted(a.id for a in seeds)
    assert story.copies == [] and story.origins == len(seeds)
    assert story.id == story_id(list(reversed(story.article_ids)))
    assert story.title in {a.title for a in seeds}
    assert story.thread
    assert 100 <= sum(len(s.text.split()) for s in story.summary) <= 150
    total, bad = check_provenance(Dossier(articles=seeds, stories=stories))
    assert total > 0 and bad == []


def test_same_ids_whatever_the_order(written):
    arts = list(written.values())
    first = [(s.id, s.article_ids) for s in build_stories(arts)]
    assert [(s.id, s.article_ids) for s in build_stories(arts[::-1])] == first


def test_empty_input():
    assert build_stories([]) == []


def test_examples_match_gold(examples, examples_dir):
    gold = json.loads((examples_dir / "gold.json").read_text(encoding="utf-8"))
    by_file = {a.origin.replace("\\", "/").rsplit("/", 1)[-1]: a.id for a in examples}
    stories = build_stories(examples)
    got = sorted(sorted(s.article_ids) for s in stories)
    assert got == sorted(sorted(by_file[f] for f in st["files"]) for st in gold["stories"])
    origins = {frozenset(s.article_ids): s.origins for s in stories}
    for st in gold["stories"]:
        assert origins[frozenset(by_file[f] for f in st["files"])] == gold["independent_origins"][st["id"]]
    total, bad = check_provenance(Dossier(articles=examples, stories=stories))
    assert bad == []


def test_evaluations_say_when_data_is_missing(tmp_path):
    import pytest

    from recoupe.errors import DataMissing
    from recoupe.evaluate import stories, summaries

    for module in (stories, summaries):
        with pytest.raises(DataMissing):
            module.run(tmp_path, quick=True)


def test_odd_articles_do_not_break_grouping(make_article):
    odd = [
        make_article("empty", None, ""),
        make_article("bad-date", "Titre", "Une seule phrase sans grand contenu ici.", published="2023-13-45"),
        make_article("no-lang", "Title", "Words " * 5000, lang=None, published="XXXX"),
        make_article("dup", "Titre", "Un texte.", published="2024-01"),
        make_article("dup", "Titre", "Un texte.", published="2024-01"),
    ]
    stories = build_stories(odd)
    assert sorted(a for s in stories for a in s.article_ids) == ["bad-date", "dup", "empty", "no-lang"]
    total, bad = check_provenance(Dossier(articles=odd[:4], stories=stories))
    assert bad == []
