"""Facts shared across outlets, their independent origins, and quote groups."""

import numpy as np
from storybuild import Builder, assert_provenance, run_all, story_of

from recoupe.stories.align import (align_facts, align_quotes, close_index, close_pairs, dates_agree,
                                   iso_date, word_overlap)
from recoupe.stories.resolve import find_entity, resolve_entities


def _satellites(aid, text, source):
    b = Builder(aid, text, source=source)
    b.entity("Vladimir Poutine", "PER", "Poutine")
    b.entity("Corée du Nord", "LOC")
    b.claim(text, "aider", who=["Vladimir Poutine"], when=["2023-09-13"])
    return b


def _three():
    a = _satellites("a", "Vladimir Poutine a proposé mercredi d'aider la Corée du Nord à construire des satellites.", "A")
    b = _satellites("b", "Mercredi, Poutine a évoqué une aide de la Russie à la Corée du Nord pour fabriquer des satellites.", "B")
    c = _satellites("c", "Vladimir Poutine a proposé mercredi d'aider la Corée du Nord à construire des satellites.", "C")
    other = "Le train blindé de Kim Jong Un a franchi la frontière à l'aube."
    d = Builder("d", other, source="D")
    d.entity("Kim Jong Un", "PER")
    d.claim(other, "franchir", who=["Kim Jong Un"])
    return a, b, c, d


def test_fact_supported_once_per_outlet_with_copies_counted_once():
    a, b, c, d = _three()
    story, arts = story_of(a, b, c, d, copies=[("a", "c")])
    resolve_entities(story, arts)
    align_facts(story, arts)
    top = story.facts[0]
    assert sorted(s.article_id for s in top.support) == ["a", "b", "c"]
    assert top.origins == 2 and not top.single_source
    lone = [f for f in story.facts if f.support[0].article_id == "d"]
    assert len(lone) == 1 and lone[0].single_source and lone[0].origins == 1
    assert [f.id for f in story.facts] == [f"s1:f{k}" for k in range(1, len(story.facts) + 1)]
    assert_provenance(story, arts)


def test_quote_groups_exact_cut_and_reworded():
    full = "Nous avons parlé du fait qu'il est possible d'envoyer un cosmonaute nord-coréen dans l'espace"
    cut = "il est possible d'envoyer un cosmonaute nord-coréen dans l'espace"
    a = Builder("a", f"« {full} », a déclaré Dmitri Peskov.")
    a.entity("Dmitri Peskov", "PER")
    a.quote(full, "Dmitri Peskov")
    b = Builder("b", f"Selon Dimitri Peskov, « {cut} ». Il a aussi dit « nous verrons plus tard ».")
    b.entity("Dimitri Peskov", "PER")
    b.quote(cut, "Dimitri Peskov")
    b.quote("nous verrons plus tard", "Dimitri Peskov")
    en = "We talked about the possibility of sending a North Korean cosmonaut into space"
    c = Builder("c", f"\"{en}\", Dmitri Peskov said.", lang="en")
    c.entity("Dmitri Peskov", "PER")
    c.quote(en, "Dmitri Peskov")
    story, arts = story_of(a, b, c)
    resolve_entities(story, arts)
    align_quotes(story, arts)
    groups = {q.text: q.group for q in story.quotes}
    assert groups[full] == groups[cut] == groups[en]
    assert groups["nous verrons plus tard"] != groups[full]
    peskov = {q.speaker.entity_id for q in story.quotes}
    assert len(peskov) == 1 and next(iter(peskov)).startswith("s1:e")
    assert all(q.text in arts[q.article_id].text for q in story.quotes)
    assert_provenance(story, arts)


def test_helpers():
    assert iso_date("2023-09-10TEV") == "2023-09-10" and iso_date("PRESENT_REF") is None
    assert dates_agree("2023-07", "2023-07-28") and not dates_agree("2023-07", "2023-10")
    assert word_overlap("a déclaré que tout allait bien", "tout allait bien") == 1.0


def test_story_with_no_analysis_is_empty_not_an_error():
    story, arts = story_of(Builder("a", "Rien."), Builder("b", "Rien non plus."))
    run_all(story, arts)
    assert story.facts == [] and story.quotes == [] and story.divergences == []


def test_two_claims_of_one_sentence_make_one_fact():
    text = "Le préfet a levé le confinement et a rouvert les écoles."
    a = Builder("a", text)
    a.claim(text, "lever", what="le confinement")
    a.claim(text, "rouvrir", what="les écoles")
    story, arts = story_of(a)
    resolve_entities(story, arts)
    align_facts(story, arts)
    assert len(story.facts) == 1 and story.facts[0].text == text


def test_examples_quote_groups(examples_dir):
    """The demo gold: one statement quoted by four outlets, one in English, is one group."""
    import json
    from pathlib import Path

    from storybuild import analysed_story

    gold = json.loads((examples_dir / "gold.json").read_text("utf-8"))
    story, arts = analysed_story(examples_dir)
    file_of = {a.id: Path(a.origin).name for a in arts.values()}
    for expected in gold["quote_groups"]:
        groups = set()
        for f, words in expected["texts"].items():
            found = [q for q in story.quotes if file_of[q.article_id] == f and words in q.text]
            assert found, (f, words)
            groups |= {q.group for q in found}
        assert len(groups) == 1
        members = [q for q in story.quotes if q.group in groups]
        speakers = {q.speaker.entity_id for q in members}
        assert len(speakers) == 1 and find_entity(story, expected["speaker"]).id in speakers
    assert_provenance(story, arts)


def test_examples_facts(examples_dir):
    """The demo gold: the widely shared facts are one fact each, supported by most outlets."""
    import json
    from pathlib import Path

    from storybuild import analysed_story

    gold = json.loads((examples_dir / "gold.json").read_text("utf-8"))
    story, arts = analysed_story(examples_dir)
    file_of = {a.id: Path(a.origin).name for a in arts.values()}
    found = 0
    for expected in gold["facts_shared"]:
        best = max(len({file_of[s.article_id] for s in f.support
                        if expected["support"].get(file_of[s.article_id], "\0") in s.text})
                   for f in story.facts)
        found += best >= min(3, len(expected["support"]))
    assert found >= len(gold["facts_shared"]) // 2
    assert all(len({s.article_id for s in f.support}) == len(f.support) for f in story.facts)
    assert_provenance(story, arts)


def _nearest_pairs(sim, min_cos, k):
    """Pairs (i < j), j among the k closest of i or i among those of j, at least min_cos apart."""
    n = len(sim)
    top = [set(np.argsort(-sim[i], kind="stable")[:k + 1].tolist()) for i in range(n)]
    return [(i, j) for i in range(n) for j in range(i + 1, n)
            if sim[i, j] >= min_cos and (j in top[i] or i in top[j])]


def test_close_pairs_at_several_levels_of_several_matrices():
    rng = np.random.default_rng(7)
    for n in (0, 1, 6, 40):
        vecs = rng.normal(size=(n, 6))
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
        sim = vecs @ vecs.T if n else np.zeros((0, 0))
        for level in (0.5, -0.2, 0.8, 0.5):  # the neighbours found once serve every level
            assert close_pairs(sim, level, k=4) == _nearest_pairs(sim, level, 4)
            assert close_index(sim, level, k=4).tolist() == [list(p) for p in _nearest_pairs(sim, level, 4)]
        other = sim.copy()
        if n > 1:
            other[0, 1] = other[1, 0] = 0.99  # another matrix: its own neighbours
        assert close_pairs(other, 0.5, k=4) == _nearest_pairs(other, 0.5, 4)


def test_each_fact_of_a_sentence_of_two_aligns_with_its_own_partner():
    from recoupe.model import Span
    from recoupe.stories import align

    both = ("Poutine et Kim se sont retrouvés mercredi au cosmodrome, et le président russe a "
            "proposé d'envoyer un cosmonaute nord-coréen dans l'espace.")
    met = "Poutine et Kim Jong Un se sont rencontrés mercredi au cosmodrome de Vostotchny."
    offer = "Le chef du Kremlin a proposé d'envoyer un cosmonaute nord-coréen dans l'espace."
    a, b = Builder("a", both, source="A"), Builder("b", met, source="B")
    c = Builder("c", offer, source="C")
    for clause in ("Poutine et Kim se sont retrouvés mercredi au cosmodrome",
                   "le président russe a proposé d'envoyer un cosmonaute nord-coréen dans l'espace"):
        a.claim(both).clause = Span(*a.find(clause), clause)
    b.claim(met)
    c.claim(offer)
    story, arts = story_of(a, b, c)
    resolve_entities(story, arts)
    align_facts(story, arts)
    # each sentence as a whole is too far from either partner (the cosines divergences read)
    assert (story._claim_sim[:2, 2:] < align.SAME_FACT).all()
    supports = sorted(sorted(s.article_id for s in f.support) for f in story.facts)
    assert supports == [["a", "b"], ["a", "c"]]
    assert_provenance(story, arts)


def _meeting(aid, place, verb="se rencontrent"):
    text = f"Vladimir Poutine et Kim Jong Un {verb} depuis mercredi en {place}, où ils parlent."
    b = Builder(aid, text, source=aid.upper())
    b.entity("Vladimir Poutine", "PER")
    b.entity("Kim Jong Un", "PER")
    b.entity(place, "LOC")
    b.claim(text, "rencontrer", who=["Vladimir Poutine", "Kim Jong Un"], where=[place],
            when=["2023-09-13"])
    return b


def _aligned(*builders):
    x = Builder("x", "Kim Jong Un est arrivé en Corée.", source="X")  # "Corée" named too
    x.entity("Kim Jong Un", "PER")
    x.entity("Corée", "LOC")
    story, arts = story_of(*builders, x)
    resolve_entities(story, arts)
    align_facts(story, arts)
    return any({"a", "b"} <= {s.article_id for s in f.support} for f in story.facts)


def test_a_place_named_inside_another_is_not_elsewhere():
    assert _aligned(_meeting("a", "Est de la Russie", "se sont retrouvés"), _meeting("b", "Russie"))
    # a region named by its country's adjective lies in that country
    assert _aligned(_meeting("a", "Extrême-Orient russe", "se sont retrouvés"), _meeting("b", "Russie"))
    assert not _aligned(_meeting("a", "Extrême-Orient russe"), _meeting("b", "Ukraine"))
    # places that only share words are apart
    assert not _aligned(_meeting("a", "Est de la Russie"), _meeting("b", "Est de l'Ukraine"))
    assert not _aligned(_meeting("a", "Corée du Sud"), _meeting("b", "Corée du Nord"))


def test_one_act_told_in_close_words_by_the_same_verb_is_one_fact(monkeypatch):
    from recoupe.stories import align

    one = "Le président a proposé mercredi d'envoyer un astronaute du pays dans l'espace dès l'an prochain."
    two = "Le pays a proposé d'envoyer un de ses astronautes dans l'espace, selon les agences russes."
    a, b = Builder("a", one, source="A"), Builder("b", two, source="B")
    a.claim(one, "envoyer")
    b.claim(two, "envoyer")
    story, arts = story_of(a, b)
    resolve_entities(story, arts)
    cos = float(align.similarity(story, align.claim_slots(story, arts))[0, 1])
    assert align.SAME_ACT <= cos < align.SAME_FACT  # no shared name: the verb ties them
    align_facts(story, arts)
    assert [sorted(x.article_id for x in f.support) for f in story.facts] == [["a", "b"]]
    # two different acts in close words are two facts
    b.art.claims[0].predicate = "financer"
    align_facts(story, arts)
    assert len(story.facts) == 2


def test_facts_join_when_most_pairs_across_them_are_the_same_fact(monkeypatch):
    from recoupe.stories import align

    texts = {k: f"Le conseil municipal de la ville {k} a voté le budget de l'année." for k in "abcde"}
    builders = []
    for k, text in texts.items():
        b = Builder(k, text, source=k.upper())
        b.claim(text)  # no verb to compare: only the cosine says "same fact" (>= SAME_FACT)
        builders.append(b)
    story, arts = story_of(*builders)
    resolve_entities(story, arts)
    same, related, apart = 0.9, 0.7, 0.4  # cosines: same fact, related only, unrelated
    cos = np.array([
        #  a       b       c       d       e
        [1.0,    0.95,   same,   same,   same],     # a
        [0.95,   1.0,    same,   related, apart],   # b
        [same,   same,   1.0,    0.94,   related],  # c
        [same,   related, 0.94,  1.0,    related],  # d
        [same,   apart,  related, related, 1.0],    # e
    ], dtype=np.float32)
    monkeypatch.setattr(align, "similarity", lambda story, slots: cos)
    align_facts(story, arts)
    groups = sorted(sorted(s.article_id for s in f.support) for f in story.facts)
    # {a, b} and {c, d}: three of their four pairs are the same fact, the fourth is related;
    # e is the same fact as a only, and unrelated to b: it stays alone
    assert groups == [["a", "b", "c", "d"], ["e"]]
    # half is not most: {a, b} and {c, d} with two pairs of four the same fact stay apart, and
    # e, the same fact as a but only related to b, does not join {a, b}
    cos[0, 3] = cos[3, 0] = cos[1, 2] = cos[2, 1] = related
    cos[1, 3] = cos[3, 1] = same
    cos[4, 1] = cos[1, 4] = related
    cos[4, 2:4] = cos[2:4, 4] = apart
    align_facts(story, arts)
    groups = sorted(sorted(s.article_id for s in f.support) for f in story.facts)
    assert groups == [["a", "b"], ["c", "d"], ["e"]]
    assert_provenance(story, arts)


def test_the_same_people_on_the_same_day_in_related_words_are_one_event(monkeypatch):
    from recoupe.stories import align

    def told(aid, verb, predicate, people=("Vladimir Poutine", "Kim Jong Un"), when=("2023-09-13",)):
        text = f"{people[0]} et {people[1]} {verb} au cosmodrome, dans l'est du pays."
        b = Builder(aid, text, source=aid.upper())
        for name in people:
            b.entity(name, "PER")
        b.claim(text, predicate, who=list(people), when=list(when))
        return b

    def facts(*builders):
        story, arts = story_of(*builders)
        resolve_entities(story, arts)
        n = len(arts)
        cos = np.full((n, n), 0.7, dtype=np.float32)  # related words, not the same sentence
        np.fill_diagonal(cos, 1.0)
        monkeypatch.setattr(align, "similarity", lambda story, slots: cos)
        align_facts(story, arts)
        assert_provenance(story, arts)
        return sorted(sorted(s.article_id for s in f.support) for f in story.facts)

    met = told("a", "se sont retrouvés mercredi", "retrouver")
    assert facts(met, told("b", "sont arrivés mercredi", "arriver")) == [["a", "b"]]
    # other people, or no date in common: two facts
    assert facts(met, told("b", "sont arrivés mercredi", "arriver",
                           people=("Vladimir Poutine", "Sergueï Choïgou"))) == [["a"], ["b"]]
    assert facts(met, told("b", "sont arrivés", "arriver", when=())) == [["a"], ["b"]]
    assert facts(met, told("b", "sont arrivés", "arriver", when=("2023-09-12",))) == [["a"], ["b"]]
    # two other acts of the same people that day: two facts
    assert facts(told("a", "ont convenu mardi de reprendre le dialogue", "convenir"),
                 told("b", "se sont opposés mardi sur Taïwan", "opposer")) == [["a"], ["b"]]


def test_hedge_words_are_given_as_written():
    from recoupe.model import Article
    from recoupe.stories.align import hedge_words

    text = "Il y aurait jusqu'à 12 morts, au-delà de 500 blessés et 40 disparus."
    art = Article(id="h", origin="h", source="s", text=text, lang="fr")
    assert hedge_words(art, text.index("12")) == "jusqu'à"
    assert hedge_words(art, text.index("500")) == "au-delà de"
    assert hedge_words(art, text.index("40")) is None
