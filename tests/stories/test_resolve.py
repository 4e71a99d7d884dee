"""One entity across outlets: spellings merged, different people kept apart, provenance exact."""

from storybuild import Builder, assert_provenance, story_of

from recoupe.model import Entity
from recoupe.stories.resolve import entity_map, find_entity, resolve_entities


def _three_outlets():
    a = Builder("a", "Le président Vladimir Poutine a reçu Kim Jong Un au cosmodrome de Vostotchny. "
                     "M. Poutine a parlé de satellites. Le ministre Sergueï Choïgou était présent.",
                source="Outlet A")
    a.entity("Vladimir Poutine", "PER", "M. Poutine")
    a.entity("Kim Jong Un", "PER")
    a.entity("Vostotchny", "LOC")
    a.entity("Sergueï Choïgou", "PER", roles=("ministre",))
    b = Builder("b", "Kim Jong-un est arrivé à Vostochny, où Poutine l'attendait. "
                     "Sergueï Lavrov doit se rendre à Pyongyang. Dimitri Peskov a confirmé.",
                source="Outlet B")
    b.entity("Kim Jong-un", "PER")
    b.entity("Vostochny", "LOC")
    b.entity("Poutine", "PER")
    b.entity("Sergueï Lavrov", "PER")
    b.entity("Pyongyang", "LOC")
    b.entity("Dimitri Peskov", "PER")
    c = Builder("c", "Vladimir Putin met Kim Jong Un in the Russian Far East, Dmitri Peskov said. "
                     "North Korea wants satellites.", source="Outlet C", lang="en")
    c.entity("Vladimir Putin", "PER")
    c.entity("Kim Jong Un", "PER")
    c.entity("Dmitri Peskov", "PER")
    c.entity("North Korea", "LOC")
    return story_of(a, b, c)


def _by_name(story):
    return {e.name: e for e in story.entities}


def test_spellings_merge_into_one_entity():
    story, arts = _three_outlets()
    mapping = resolve_entities(story, arts)
    ents = _by_name(story)
    assert set(ents["Kim Jong Un"].variants) >= {"Kim Jong Un", "Kim Jong-un"}
    assert {m.article_id for m in ents["Kim Jong Un"].mentions} == {"a", "b", "c"}
    putin = ents["Vladimir Poutine"]
    assert {"Poutine", "Vladimir Putin", "M. Poutine"} <= set(putin.variants)
    assert mapping["a:e1"] == mapping["b:e3"] == mapping["c:e1"] == putin.id
    peskov = find_entity(story, "Peskov")
    assert peskov is not None and {"Dmitri Peskov", "Dimitri Peskov"} <= set(peskov.variants)
    vost = find_entity(story, "Vostochny")
    assert vost is not None and {m.article_id for m in vost.mentions} == {"a", "b"}
    assert story.entities[0].id.startswith("s1:e")


def test_people_sharing_a_given_name_stay_apart():
    story, arts = _three_outlets()
    resolve_entities(story, arts)
    ents = _by_name(story)
    assert "Sergueï Choïgou" in ents and "Sergueï Lavrov" in ents
    assert ents["Sergueï Choïgou"].id != ents["Sergueï Lavrov"].id
    assert ents["Sergueï Choïgou"].roles and ents["Sergueï Choïgou"].roles[0].text == "ministre"


def test_ambiguous_surname_is_not_merged():
    a = Builder("a", "Marine Le Pen et Jean-Marie Le Pen étaient là.")
    a.entity("Marine Le Pen", "PER")
    a.entity("Jean-Marie Le Pen", "PER")
    b = Builder("b", "Le Pen a parlé.")
    b.entity("Le Pen", "PER")
    story, arts = story_of(a, b)
    resolve_entities(story, arts)
    assert len([e for e in story.entities if e.type == "PER"]) == 3


def test_map_rebuilt_from_mentions_and_provenance():
    story, arts = _three_outlets()
    mapping = resolve_entities(story, arts)
    del story._entity_map
    assert entity_map(story, arts) == mapping
    assert_provenance(story, arts)


def test_articles_without_chains_use_mentions():
    from recoupe.model import Mention

    a = Builder("a", "Kim Jong Un est venu. Kim Jong Un est reparti.")
    b = Builder("b", "Kim Jong-un est venu.")
    for builder in (a, b):
        for form in ("Kim Jong Un", "Kim Jong-un"):
            if form in builder.art.text:
                s, e = builder.find(form)
                builder.art.mentions.append(Mention(s, e, form, "PER"))
    story, arts = story_of(a, b)
    resolve_entities(story, arts)
    assert len(story.entities) == 1 and {m.article_id for m in story.entities[0].mentions} == {"a", "b"}


def test_seed_entities(seeds_dir):
    from storybuild import analysed_story

    story, arts = analysed_story(seeds_dir)
    find = lambda name: find_entity(story, name)  # noqa: E731
    kim, putin, peskov = find("Kim Jong Un"), find("Vladimir Poutine"), find("Dmitri Peskov")
    assert kim and {"Kim Jong Un", "Kim Jong-un"} <= set(kim.variants)
    assert len({m.article_id for m in kim.mentions}) == 5
    assert putin and {"Poutine", "Vladimir Poutine"} <= set(putin.variants)
    assert peskov and find("Dimitri Peskov") is peskov
    vost = find("Vostotchny")
    assert vost and find("Vostochny") is vost
    # one cosmodrome, however each outlet describes it
    assert [e for e in story.entities if any("Vosto" in v for v in e.variants)] == [vost]
    lavrov, shoigu = find("Sergueï Lavrov"), find("Sergueï Choïgou")
    assert lavrov and shoigu and lavrov is not shoigu
    # no story entity holds two different people's names
    for e in story.entities:
        if e.type == "PER":
            surnames = {v.split()[-1] for v in e.variants if len(v.split()) > 1}
            assert not ({"Lavrov", "Choïgou"} <= surnames)
    assert_provenance(story, arts)


def test_examples_entities(examples_dir):
    """The demo gold: each person or body is one entity across the outlets that name it, and
    the pairs the gold keeps apart stay apart."""
    import json
    from pathlib import Path

    from storybuild import analysed_story

    gold = json.loads((examples_dir / "gold.json").read_text("utf-8"))
    story, arts = analysed_story(examples_dir)
    file_of = {a.id: Path(a.origin).name for a in arts.values()}
    for expected in gold["entities"]:
        if expected["type"] != "PER" or len(expected["files"]) < 2:
            continue
        ent = find_entity(story, expected["name"])
        assert ent is not None, expected["name"]
        files = {file_of[m.article_id] for m in ent.mentions}
        assert set(expected["files"]) <= files, expected["name"]
    for pair in gold["distinct"]:
        a, b = (find_entity(story, n) for n in pair["names"])
        assert a is not None and b is not None and a.id != b.id, pair["names"]


def test_find_entity_follows_the_story_entities():
    story, arts = _three_outlets()
    resolve_entities(story, arts)
    assert find_entity(story, "Zelensky") is None
    story.entities.append(Entity(f"{story.id}:e99", "Volodymyr Zelensky", "PER", variants=["Zelensky"]))
    assert find_entity(story, "Zelensky").id == f"{story.id}:e99"
    story.entities = [e for e in story.entities if e.id != f"{story.id}:e99"]
    assert find_entity(story, "Zelensky") is None


def test_a_name_repeated_in_many_articles_is_one_entity():
    outlets = []
    for k in range(12):
        b = Builder(f"o{k}", "Vladimir Poutine a reçu Kim Jong Un. Poutine a parlé." if k == 0
                    else "Poutine a reçu Kim Jong Un au cosmodrome.")
        if k == 0:
            b.entity("Vladimir Poutine", "PER", "Poutine")
        else:
            b.entity("Poutine", "PER")
        b.entity("Kim Jong Un", "PER")
        outlets.append(b)
    story, arts = story_of(*outlets)
    resolve_entities(story, arts)
    people = {e.name: e for e in story.entities if e.type == "PER"}
    assert set(people) == {"Vladimir Poutine", "Kim Jong Un"}
    assert {m.article_id for m in people["Vladimir Poutine"].mentions} == set(arts)


def test_lexicon_type_settles_a_capital_tagged_as_a_person():
    a = Builder("a", "Washington craint un accord. Selon Washington, la vente est possible.")
    a.entity("Washington", "PER")
    b = Builder("b", "La Maison Blanche et Washington ont averti Moscou.")
    b.entity("Washington", "LOC")
    b.entity("Moscou", "LOC")
    story, arts = story_of(a, b)
    resolve_entities(story, arts)
    assert _by_name(story)["Washington"].type == "LOC"


def test_a_person_named_like_a_place_keeps_its_type():
    a = Builder("a", "L'acteur Denzel Washington a parlé. Washington a souri.")
    a.entity("Denzel Washington", "PER", "Washington")
    b = Builder("b", "Denzel Washington était à Paris.")
    b.entity("Denzel Washington", "PER")
    story, arts = story_of(a, b)
    resolve_entities(story, arts)
    actor = _by_name(story)["Denzel Washington"]
    assert actor.type == "PER" and not actor.aliases


def test_a_speaker_the_tagger_left_unclassified_is_a_person(seeds_dir):
    from storybuild import analysed_story

    story, arts = analysed_story(seeds_dir)
    # "An Chan-il, un transfuge devenu chercheur ..., avait déclaré": the whole name, a person
    [an] = [e for e in story.entities if e.name.startswith("An Chan")]
    assert an.name == "An Chan-il" and an.type == "PER"
    assert {m.text for m in an.mentions} == {"An Chan-il"}
    # cited things stay what they are
    assert {e.type for e in story.entities if e.name in ("Covid-19", "Soyouz")} == {"MISC"}
    assert_provenance(story, arts)


def test_an_organisation_named_like_a_lexicon_place_stays_one():
    a = Builder("a", "Le Kremlin a annoncé la visite. Le Kremlin a confirmé.")
    a.entity("Kremlin", "ORG")
    story, arts = story_of(a)
    resolve_entities(story, arts)
    assert _by_name(story)["Kremlin"].type == "ORG"


def test_only_a_name_that_speaks_through_a_verb_becomes_a_person():
    a = Builder("a", "« Le port spatial est idéal », a déclaré Park Ji-hoon. "
                     "« La visite est historique », selon Le Monde Diplomatique.")
    a.entity("Park Ji-hoon", "MISC")
    a.entity("Le Monde Diplomatique", "MISC")
    a.quote("Le port spatial est idéal", "Park Ji-hoon").cue = "déclaré"
    a.quote("La visite est historique", "Le Monde Diplomatique").cue = "selon"
    story, arts = story_of(a)
    resolve_entities(story, arts)
    [park] = [e for e in story.entities if "Park Ji-hoon" in e.variants]
    [monde] = [e for e in story.entities if "Le Monde Diplomatique" in e.variants]
    assert park.type == "PER"
    assert monde.type == "MISC"  # cited through "selon", and "Le ..."


def test_lexicon_type_settles_a_title_the_tagger_left_unclassified():
    a = Builder("a", "Le Dalaï Lama a prié à Lérab Ling.")
    a.entity("Dalaï Lama", "MISC")
    b = Builder("b", "Le dalaï-lama est arrivé à Lérab Ling. Le Dalaï-Lama a prié.")
    b.entity("Dalaï-Lama", "MISC")
    story, arts = story_of(a, b)
    resolve_entities(story, arts)
    (lama,) = [e for e in story.entities if "Lama" in e.name]
    assert lama.type == "PER" and {m.article_id for m in lama.mentions} == {"a", "b"}
