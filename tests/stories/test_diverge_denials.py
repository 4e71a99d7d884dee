"""Denials told in other shapes than one negated verb: a verb of denial, a denial that a longer
sentence tells in full, a negation both sentences share; and the look-alikes that must not be
flagged. Also the country adjectives offices are compared by."""

from storybuild import Builder, run_all, story_of


def _story(text_a, pred_a, text_b, pred_b, neg_a=False, neg_b=False, figures_b=()):
    a = Builder("a", text_a, source="A")
    a.claim(text_a, pred_a, negated=neg_a)
    b = Builder("b", text_b, source="B")
    b.claim(text_b, pred_b, negated=neg_b, quantities=figures_b)
    story, arts = story_of(a, b)
    run_all(story, arts)
    return story


def _contradictions(story):
    return [d for d in story.divergences if d.contradiction]


ORDER = "Les gardiens du musée de Quimper ont reçu l'ordre de fermer les salles du premier étage."


def test_verb_of_denial_denies_the_other_sentence():
    story = _story(ORDER, "recevoir",
                   "Les gardiens du musée de Quimper démentent avoir reçu l'ordre de fermer les salles "
                   "du premier étage.", "démentir")
    found = _contradictions(story)
    assert [d.kind for d in found] == ["negation"]
    assert {s.support[0].article_id for s in found[0].sides} == {"a", "b"}


def test_verb_of_denial_near_misses():
    # a denial that is itself negated denies nothing
    story = _story(ORDER, "recevoir",
                   "Les gardiens du musée de Quimper ne démentent pas avoir reçu l'ordre de fermer les "
                   "salles du premier étage.", "démentir", neg_b=True)
    assert not _contradictions(story)
    # the denial bears on something else than the other sentence
    story = _story(ORDER, "recevoir",
                   "Les gardiens du musée de Quimper démentent toute grève samedi et maintiennent "
                   "les visites guidées.", "démentir")
    assert not _contradictions(story)
    # the other outlet only supposes it
    story = _story("Si les gardiens du musée de Quimper ont reçu l'ordre de fermer les salles du premier "
                   "étage, la direction devra s'expliquer.", "recevoir",
                   "Les gardiens du musée de Quimper démentent avoir reçu l'ordre de fermer les salles "
                   "du premier étage.", "démentir")
    assert not _contradictions(story)


LONG = ("L'observatoire régional de la santé a revu nettement à la hausse le nombre de cas de "
        "rougeole recensés en Bretagne depuis le début de l'hiver, selon son bulletin.")


def test_denial_that_a_longer_sentence_tells_in_full():
    story = _story(LONG, "revoir",
                   "Le nombre de cas de rougeole n'a pas été réévalué à la hausse en Bretagne.",
                   "réévaluer", neg_b=True)
    assert [d.kind for d in _contradictions(story)] == ["negation"]


def test_denial_told_in_part_or_of_another_figure_is_not_flagged():
    # the denial has words the other sentence lacks: it may deny something else
    story = _story(LONG, "revoir",
                   "Le nombre de lits disponibles pour la rougeole n'a pas été réévalué à la hausse "
                   "dans les hôpitaux de Bretagne.", "réévaluer", neg_b=True)
    assert not _contradictions(story)
    # the denial gives a figure the other does not: the figure may be what is denied
    story = _story(LONG, "revoir",
                   "Le nombre de cas de rougeole recensés en Bretagne n'a pas été revu à la hausse "
                   "de 300 cas.", "revoir", neg_b=True, figures_b=[("300 cas", 300.0, "cas")])
    assert not _contradictions(story)


def test_negation_both_sentences_tell_leaves_the_other_one_a_denial():
    # "la digue n'avait pas été inspectée" is told by both; only one says the inspectors were surprised
    story = _story("Les inspecteurs de l'État ont été surpris que le rapport remis par l'exploitant indique "
                   "que la digue n'avait pas été inspectée depuis dix ans.", "surprendre",
                   "Le rapport remis aux inspecteurs de l'État par l'exploitant indiquait que la digue "
                   "n'avait pas été inspectée depuis dix ans, et cela n'a pas surpris les inspecteurs.",
                   "surprendre", neg_b=True)
    assert [d.kind for d in _contradictions(story)] == ["negation"]


def test_negation_of_other_words_in_the_positive_sentence_still_holds_the_flag_back():
    # the "positive" sentence negates something the other does not: its polarity is not to be trusted
    story = _story("Les inspecteurs de l'État ont été surpris que le rapport remis par l'exploitant indique "
                   "que la digue n'avait pas été réparée après la crue.", "surprendre",
                   "Le rapport remis aux inspecteurs de l'État par l'exploitant indiquait que la digue "
                   "n'avait pas été inspectée depuis dix ans, et cela n'a pas surpris les inspecteurs.",
                   "surprendre", neg_b=True)
    assert not _contradictions(story)


def test_a_negated_clause_ends_at_its_punctuation():
    from recoupe.stories.diverge import _denied_clauses

    assert _denied_clauses("Le pont n'a pas été fermé, les trains circulent normalement vers Rennes.") \
        == (frozenset({"ferme"}),)


def test_opposite_words_need_more_than_a_word_in_common():
    story = _story("Les ventes ont augmenté.", "augmenter", "Les ventes ont diminué.", "diminuer")
    assert not _contradictions(story)


def test_country_adjectives_come_from_the_alias_lexicon():
    from recoupe.stories.diverge import office, same_office

    # an adjective the alias lexicon knows, in any number: two countries, two offices
    assert not same_office("ministre autrichien de la Défense", "ministre allemand de la Défense")
    assert not same_office("ministre nord-coréen de la Défense", "ministre sud-coréen de la Défense")
    assert office("président autrichien") == "head_of_state"
    # words the alias lexicon lacks are still read from the divergence lexicon
    assert office("président algérien") == "head_of_state"
    assert office("Russian president") == "head_of_state"
    assert not same_office("ministre algérien de la Défense", "ministre marocain de la Défense")


def test_correction_by_and_not_of_the_other_outlets_sentence():
    # "..., et non celle de la Région": the other outlet's own sentence shares most words of the
    # correcting one, which does not make it tell the correction too
    story = _story("La pétition contre le nouveau péage de Vannes a été lancée le 3 mars à l'initiative "
                   "d'un seul élu municipal et non celle de la Région Bretagne.", "lancer",
                   "La Région Bretagne a lancé la pétition contre le nouveau péage de Vannes.", "lancer")
    assert [d.kind for d in _contradictions(story)] == ["negation"]
    # the other outlet gives the corrected version in another sentence: no conflict
    a = Builder("a", "La pétition contre le nouveau péage de Vannes a été lancée le 3 mars à l'initiative "
                "d'un seul élu municipal et non celle de la Région Bretagne.", source="A")
    a.claim(a.art.text, "lancer")
    text = ("La Région Bretagne a lancé la pétition contre le nouveau péage de Vannes. La pétition contre "
            "le nouveau péage de Vannes a été lancée le 3 mars à l'initiative d'un seul élu municipal "
            "et non celle de la Région Bretagne.")
    b = Builder("b", text, source="B")
    first, second = text.split(". ", 1)
    b.claim(first + ".", "lancer")
    b.claim(second, "lancer")
    story, arts = story_of(a, b)
    run_all(story, arts)
    assert not _contradictions(story)


def test_advice_not_to_do_is_no_denial():
    story = _story("Les pharmaciens utilisent ce sirop à base de plantes pour soigner la toux des enfants.",
                   "utiliser",
                   "Le Haut Conseil de la santé recommande de ne pas utiliser ce sirop à base de plantes pour "
                   "soigner la toux des enfants, sauf sur avis médical.", "recommander", neg_b=True)
    assert not _contradictions(story)


def test_negated_word_of_prevention_affirms():
    # "n'empêche pas de transmettre" says one may transmit, as the other sentence does
    story = _story("Même vacciné, on reste exposé au risque d'attraper le virus de la grippe et de le "
                   "transmettre ensuite à ses proches.", "rester",
                   "Être vacciné n'empêche pas de transmettre le virus de la grippe à ses proches.",
                   "empêcher", neg_b=True)
    assert not _contradictions(story)
    # against a sentence that says it prevents, it is a denial
    story = _story("Être vacciné empêche de transmettre le virus de la grippe à ses proches.", "empêcher",
                   "Être vacciné n'empêche pas de transmettre le virus de la grippe à ses proches.",
                   "empêcher", neg_b=True)
    assert [d.kind for d in _contradictions(story)] == ["negation"]


def test_denial_of_someone_else_is_not_told_by_the_other_sentence():
    # every word told but the name: another person
    story = _story("Paul Le Goff a participé au grand tournoi d'échecs de Vannes en tant que jeune joueur.",
                   "participer", "Kermarec n'a pas participé au grand tournoi d'échecs de Vannes.",
                   "participer", neg_b=True)
    assert not _contradictions(story)
