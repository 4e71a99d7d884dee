"""The cited summary: 100-150 words of exact sentences, each with every article stating it."""

from recoupe.model import Dossier, Story, check_provenance
from recoupe.stories.summary import candidates, select, summarize


def _words(summary):
    return sum(len(s.text.split()) for s in summary)


def _candidate_texts(*articles):
    return [c.text for c in candidates(list(articles))]


def _story(arts, copies=()):
    return Story("s1", "t", article_ids=[a.id for a in arts], copies=[list(c) for c in copies])


def test_seed_summary_length_and_provenance(seeds):
    story = _story(seeds)
    summarize(story, {a.id: a for a in seeds})
    assert 100 <= _words(story.summary) <= 150
    total, bad = check_provenance(Dossier(articles=seeds, stories=[story]))
    assert total > 0 and bad == []
    texts = {a.id: a.text for a in seeds}
    for sent in story.summary:
        # the sentence is the exact text of its first support span, and cites each article once
        assert any(sent.text == s.text for s in sent.support)
        ids = [s.article_id for s in sent.support]
        assert len(ids) == len(set(ids))
        assert all(texts[s.article_id][s.start:s.end] == s.text for s in sent.support)


def test_corroborated_and_single_source_points(written):
    arts = [written["derail-fr"], written["derail-en"], written["derail-de"]]
    summary = select(_story(arts), arts, words_min=30, words_max=80)
    assert summary
    multi = [s for s in summary if len({x.article_id for x in s.support}) > 1]
    assert multi, "the three outlets tell the same event: some sentence is corroborated"
    assert all(not s.single_source for s in multi)


def test_copies_count_once(make_article):
    text = ("Le barrage de Sainte-Aure a cédé dans la nuit de samedi à dimanche après des pluies "
            "exceptionnelles sur tout le massif. Trois villages ont été évacués par les pompiers "
            "avant l'arrivée de la vague.")
    a = make_article("a", "Barrage", text)
    b = make_article("b", "Barrage", text)
    summary = select(_story([a, b], copies=[("a", "b")]), [a, b], words_min=10, words_max=60)
    assert summary and all(s.single_source for s in summary)  # one origin, told twice


def test_short_input_and_order_within_an_article(written):
    arts = [written["strike-1"], written["strike-1b"]]
    summary = select(_story(arts), arts)
    assert 0 < _words(summary) <= 150  # the input is short: everything useful, no padding
    # sentences of one article keep their order in it, whatever the order they were picked in
    for aid in ("strike-1", "strike-1b"):
        starts = [s.support[0].start for s in summary
                  if s.text == s.support[0].text and s.support[0].article_id == aid]
        assert starts == sorted(starts)


def test_most_informative_first(make_article):
    # the sentence that two articles tell comes first, though the article that tells the
    # other point comes first in the story
    common = ("Le barrage de Sainte-Aure a cédé dimanche dans la vallée de l'Aure après des "
              "pluies exceptionnelles, et trois villages ont été évacués par les pompiers.")
    arts = [make_article("a", "Barrage", "La préfecture a ouvert une cellule de crise pour les "
                         "familles des trois villages évacués de la vallée."),
            make_article("b", "Barrage", common + " Un chantier de voirie a fermé la rue du Port "
                         "pour trois jours, annonce la mairie."),
            make_article("c", "Barrage", common + " Il a fait beau ce lundi sur la côte "
                         "atlantique, avec un vent faible.")]
    summary = select(_story(arts), arts, words_min=40, words_max=80)
    assert [s.text for s in summary][:1] == [common]
    assert [s.support[0].article_id for s in summary][1:] == ["a"]


def test_no_sentences_no_summary(make_article):
    a = make_article("a", "Vide", "Court.")
    story = _story([a])
    summarize(story, {"a": a})
    assert story.summary == []


def test_large_stories_are_bounded(written, monkeypatch):
    from recoupe.stories import summary

    monkeypatch.setattr(summary, "MAX_EMBEDDED", 4)
    monkeypatch.setattr(summary, "MAX_CANDIDATES", 3)
    arts = [written[k] for k in ("derail-fr", "derail-en", "derail-de")]
    out = select(_story(arts), arts, words_min=200, words_max=400)
    assert 0 < len(out) <= 3


def test_seed_summary_cites_the_event_every_outlet_tells(seeds):
    from recoupe.stories import make_story

    story = make_story(seeds)
    # headings and captions ("Les relations avec la Russie, une priorité pour Kim Jong-un") are
    # no summary sentences
    assert all(s.text.rstrip(" »”\"')")[-1:] in ".!…" for s in story.summary)
    # the meeting is told in other words by several outlets: the sentences that tell it cite them
    corroborated = [s for s in story.summary if len({x.article_id for x in s.support}) >= 2]
    assert len(corroborated) >= 2 and all(not s.single_source for s in corroborated)


def test_expected_counts(make_article):
    from recoupe.stories.summary import expected_counts

    arts = [make_article(k, "Le barrage a cédé", f"Le barrage a cédé dimanche. Récit numéro {k} "
                         "des habitants de la vallée.") for k in "abc"]
    arts.append(make_article("d", "Pluies", "Des pluies ont gonflé la rivière."))
    p = expected_counts(arts)
    # a word of every title and lead is more expected than one of a single article, and a
    # second occurrence less than the first
    assert p["barrage"][0] > p["rivière"][0] > 0
    assert p[("barrage", "a")][0] > p[("la", "rivière")][0]
    assert p["barrage"][1] < p["barrage"][0]


def test_citations_are_the_aligned_facts_support(written, monkeypatch):
    from recoupe.model import Fact
    from recoupe.stories import summary as module

    monkeypatch.setattr(module, "REDUNDANT_COSINE", 1.01)  # every sentence, even told twice

    fr, en, de = (written[k] for k in ("derail-fr", "derail-en", "derail-de"))
    arts = [fr, en, de]

    def span(art, words):
        start = art.text.index(words)
        return art.span(start, start + len(words))

    story = _story(arts)
    # alignment found the line closure in French and German only, and the wagons in French
    # only (a claim inside the sentence): the summary cites what the facts cite
    story.facts = [
        Fact("f1", "ligne fermée", support=[span(fr, "La ligne ferroviaire entre Castelbrune"),
                                            span(de, "Die Bahnstrecke zwischen Castelbrune")]),
        Fact("f2", "wagons", support=[span(fr, "Douze wagons se sont couchés sur la voie")]),
    ]
    summary = select(story, arts, words_min=1000, words_max=2000)
    cited = {s.text: [x.article_id for x in s.support] for s in summary}
    closure = next(t for t in cited if t.startswith("La ligne ferroviaire"))
    assert cited[closure] == ["derail-fr", "derail-de"]
    # the German span is the whole sentence that holds the fact's claim
    de_span = next(x for s in summary if s.text == closure for x in s.support
                   if x.article_id == "derail-de")
    assert de_span.text.startswith("Die Bahnstrecke") and de_span.text.endswith("gesperrt.")
    wagons = [t for t in cited if t.startswith("Douze wagons")]
    assert wagons and cited[wagons[0]] == ["derail-fr"]
    assert next(s for s in summary if s.text == wagons[0]).single_source
    # without facts, the same sentences are matched in meaning across the three languages
    summary = select(_story(arts), arts, words_min=1000, words_max=2000)
    assert max(len(s.support) for s in summary) == 3


def test_seed_summary_cites_as_the_facts_do(seeds):
    from recoupe.stories import make_story

    story = make_story(seeds)
    checked = 0
    for sent in story.summary:
        own = sent.support[0]
        facts = [f for f in story.facts
                 if any(x.article_id == own.article_id and x.start < own.end and own.start < x.end
                        for x in f.support)]
        if facts:
            checked += 1
            assert {x.article_id for x in sent.support} == {x.article_id for f in facts
                                                             for x in f.support}
    assert checked


def test_no_sentence_that_needs_the_one_before(make_article):
    a = make_article("a", "Barrage", "Le préfet de l'Aure a ordonné dimanche l'évacuation de trois "
                     "villages sous le barrage de Sainte-Aure. Il a demandé aux habitants de "
                     "rejoindre le gymnase de la commune avant la nuit. Il y a eu trois mètres "
                     "d'eau dans les rues basses du village de Montaulin. C'est ce qu'indique le "
                     "maire de la commune de Montaulin, joint par téléphone lundi matin.")
    texts = _candidate_texts(a)
    assert texts[0].startswith("Le préfet") and texts[-1].startswith("Il y a")
    assert not any(t.startswith(("Il a demandé", "C'est")) for t in texts)


def test_no_sentence_that_answers_the_one_before(make_article):
    a = make_article("a", "Barrage", "Mais le préfet de l'Aure a ordonné dimanche l'évacuation de "
                     "trois villages sous le barrage de Sainte-Aure. Et c'est le maire de la "
                     "commune de Montaulin qui a donné l'alerte le premier, dimanche matin. "
                     "Pourtant les habitants des villages voisins ont refusé de quitter leurs "
                     "maisons. Orages et crues ont touché toute la vallée de l'Aure depuis jeudi.")
    texts = _candidate_texts(a)
    # the first sentence of an article answers nothing before it; "Orages" is no "Or"
    assert texts[0].startswith("Mais le préfet") and texts[-1].startswith("Orages")
    assert not any(t.startswith(("Et c'est", "Pourtant")) for t in texts)


def test_no_sentence_that_holds_half_a_quotation(make_article):
    a = make_article("a", "Visite", "Le président a reçu son homologue mercredi au palais de la "
                     "République. Le visiteur «a montré de l'intérêt pour l'espace et les fusées "
                     "du pays. Ils essaient de développer ce domaine», a déclaré le président. "
                     "« Nous avons parlé de la coopération spatiale », a dit le ministre ensuite.")
    texts = _candidate_texts(a)
    assert texts[0].startswith("Le président a reçu") and texts[-1].startswith("« Nous avons")
    assert not any("«a montré" in t or t.startswith("Ils essaient") for t in texts)


def test_no_sentence_in_the_pluperfect(make_article):
    a = make_article("a", "Barrage", "Le préfet de l'Aure a ordonné dimanche l'évacuation de trois "
                     "villages sous le barrage de Sainte-Aure. Le barrage avait déjà cédé en mars "
                     "dernier après trois semaines de pluies sur la vallée. Les habitants étaient "
                     "revenus chez eux au début de l'été, deux mois après la crue. Le maire était "
                     "présent lundi matin au gymnase de la commune avec les familles.")
    b = make_article("b", "Dam", "The prefect ordered three villages below the dam evacuated on "
                     "Sunday evening. The dam had already been repaired twice since the floods of "
                     "last spring. The mayor had a meeting with the families on Monday morning.")
    texts = _candidate_texts(a, b)
    assert [t.split()[:2] for t in texts] == [["Le", "préfet"], ["Le", "maire"],
                                              ["The", "prefect"], ["The", "mayor"]]


def test_the_pluperfect_of_a_subordinate_clause_is_news(make_article):
    from recoupe.model import Story

    a = make_article("a", "Sommet", "Le sommet européen, qui était prévu jeudi à Bruxelles, a été "
                     "reporté d'une semaine par les chefs d'État. Le ministre a affirmé lundi qu'il "
                     "n'avait pas été informé du report par ses homologues. La réunion était "
                     "consacrée au budget de l'Union pour les sept prochaines années.")
    b = make_article("b", "Summit", "The minister said on Monday that the company had broken the "
                     "rules of the single market twice. Charles Michel said the leaders had failed "
                     "to agree on the budget of the next seven years.")
    assert len(candidates([a, b])) == 5
    # a story told only in the pluperfect still gets a summary, from those sentences
    c = make_article("c", "Barrage", "Le barrage de Sainte-Aure avait cédé dimanche après des "
                     "pluies exceptionnelles sur la vallée. Les pompiers avaient évacué trois "
                     "villages de la vallée de l'Aure dans la nuit.")
    assert candidates([c]) == []
    story = Story("s1", "Barrage", article_ids=["c"])
    assert [s.text[:10] for s in select(story, [c], words_min=10)] != []


def test_the_passive_of_a_verb_like_a_verb_of_motion_is_news():
    from recoupe.stories.summary import _background

    # "partagé", "passionné" begin like "parti", "passé": only the participles of the verbs
    # that take "être" make its pluperfect
    assert _background("Ils étaient partis lundi.") and _background("Il était passé par Lyon.")
    assert not _background("L'avis des experts était partagé sur ce point.")
    assert not _background("Le maire était passionné de football depuis l'enfance.")


def test_no_sentence_told_inside_a_speakers_quote(make_article):
    from recoupe.analyze import analyze_articles
    a, = analyze_articles([make_article(
        "a", "Visite", "Le président a reçu son homologue mercredi au palais de la République. "
        "« Nous sommes venus pour parler de l'espace et de la coopération. Le visiteur montre un "
        "grand intérêt pour les fusées et les satellites du pays. Ils veulent développer leur "
        "programme », a déclaré le président devant la presse. Les deux dirigeants ont ensuite "
        "signé un accord de coopération spatiale au palais.")])
    texts = _candidate_texts(a)
    # the president's words, out of their quote, would read as the outlet's own statement
    assert texts[0].startswith("Le président a reçu") and texts[-1].startswith("Les deux dirigeants")
    assert not any(t.startswith("Le visiteur") for t in texts)


def test_no_sentence_set_against_the_one_before(make_article):
    a = make_article("a", "Visite", "Le président a offert à son homologue un fusil de chasse de "
                     "production nationale mercredi au palais. Le visiteur a quant à lui offert au "
                     "président une carabine fabriquée dans son pays. Le préfet a de son côté reçu "
                     "les délégations des deux pays à la gare de la ville.")
    texts = _candidate_texts(a)
    assert texts == [texts[0]] and texts[0].startswith("Le président a offert")


def test_no_sentence_cut_by_a_paragraph_break(make_article):
    a = make_article("a", "Visite", "Le programme du visiteur prévoit une conférence demain à la Sorbonne. "
                     "« Nous attendons beaucoup de cette venue », a dit le doyen de la faculté de théologie.\n"
                     "et une visite de la ministre de la Culture au monastère de Ligugé le 14 juin.\n"
                     "Le visiteur est arrivé lundi à Poitiers pour une semaine de rencontres avec les fidèles.")
    texts = _candidate_texts(a)
    assert texts and not any(t.startswith("et une visite") for t in texts)
