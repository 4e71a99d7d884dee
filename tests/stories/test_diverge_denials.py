"""Denials told in other shapes than one negated verb: a verb of denial, a denial that a longer
sentence tells in full, a negation both sentences share; and the look-alikes that must not be
flagged (invented pairs, read by the real analysis where the look-alike hangs on the parse).
Also the country adjectives offices are compared by."""

import pytest
from storybuild import Builder, analysed_pairs, claim_pair, contradictions as _contradictions, run_all, story_of


def _story(*texts_and_predicates, **kwargs):
    """The two outlets' story of `claim_pair`, run through the story stages."""
    return claim_pair(*texts_and_predicates, **kwargs)[0]


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
                   "Le nombre de cas de rougeole n'a pas été revu à la hausse en Bretagne.",
                   "revoir", neg_b=True)
    assert [d.kind for d in _contradictions(story)] == ["negation"]


def test_denial_whose_verb_the_longer_sentence_lacks_is_not_flagged():
    # the one word missing is the denied verb: another act ("réévalué" may be "revu", "libéré"
    # is not "entendu")
    story = _story(LONG, "revoir",
                   "Le nombre de cas de rougeole n'a pas été réévalué à la hausse en Bretagne.",
                   "réévaluer", neg_b=True)
    assert not _contradictions(story)


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


def test_negation_both_tell_does_not_let_a_negation_of_other_words_through():
    # "n'ont pas été surpris" negates a surprise the other sentence does not speak of
    story = _story("Les inspecteurs ont constaté que la digue de Saint-Malo n'avait pas été inspectée "
                   "depuis dix ans.", "constater",
                   "Les inspecteurs n'ont pas été surpris de constater que la digue de Saint-Malo n'avait "
                   "pas été inspectée depuis dix ans.", "surprendre", neg_b=True)
    assert not _contradictions(story)


def test_a_figure_denied_in_another_unit_is_not_told():
    from recoupe.stories.align import claim_slots
    from recoupe.stories.diverge import _figures_told

    story, arts = claim_pair("Le bilan de l'incendie du port de Brest est de 12 blessés.", "être",
                             "Le bilan de l'incendie du port de Brest n'est pas de 12 morts.", "être",
                             neg_b=True, figures_a=[("12 blessés", 12.0, "blesse")],
                             figures_b=[("12 morts", 12.0, "mort")], run=False)
    pos, neg = sorted(claim_slots(story, arts), key=lambda s: s.claim.negated)
    assert not _figures_told(neg, pos)
    assert _figures_told(pos, pos)


def test_country_of_a_complement_makes_no_head_of_state():
    from recoupe.stories.diverge import office

    assert office("président de l'Union des industries chimiques britanniques") is None
    assert office("président de la Fédération française de football") is None
    assert office("président russe") == "head_of_state"
    assert office("South Korean President") == "head_of_state"
    # one person, an employers' federation and a ministry: two offices, no head of state among them
    ta = "Jean Martin, président de l'Union des industries chimiques britanniques, a présenté le bilan à Londres."
    tb = "Jean Martin, ministre britannique des Finances, a présenté le bilan annuel à Londres."
    a = Builder("a", ta, source="A")
    a.entity("Jean Martin", "PER", roles=("président de l'Union des industries chimiques britanniques",))
    a.claim(ta, "présenter", who=("Jean Martin",))
    b = Builder("b", tb, source="B")
    b.entity("Jean Martin", "PER", roles=("ministre britannique des Finances",))
    b.claim(tb, "présenter", who=("Jean Martin",))
    story, arts = story_of(a, b)
    run_all(story, arts)
    assert not [d for d in story.divergences if d.kind == "role"]


def test_verb_of_denial_is_a_verb_before_what_it_denies():
    from recoupe.stories.diverge import _denied_by_verb

    assert _denied_by_verb("Le ministre dément avoir reçu une enveloppe.") == {"recu", "enveloppe"}
    assert _denied_by_verb("La direction a formellement démenti lundi que l'usine fermera.") == {"usine", "fermera"}
    for text in ("Malgré les démentis de la direction, l'usine fermera en juin.",  # a noun
                 "Le génocide, nié par la Turquie, a été commémoré.",  # a participle of the passive
                 "Les prix ont atteint un niveau dément à Paris.",  # an adjective
                 "Démentie la semaine dernière, la fermeture a été confirmée.",  # a participle alone
                 "La direction conteste la fermeture ordonnée par le tribunal.",  # one contests a decision
                 "Loin de démentir, le ministre a reconnu les faits.",  # declined
                 "Il s'est bien gardé de démentir avoir reçu une enveloppe.",
                 "Le club a renoncé à démentir avoir licencié son entraîneur."):
        assert _denied_by_verb(text) is None, text


# Sentences the parser reads: the near misses hang on how it splits and marks them.
ACCUSED = "Le ministre de l'Intérieur a reçu une enveloppe de l'entreprise Dufour."
DENIES = "Le ministre de l'Intérieur dément avoir reçu une enveloppe de l'entreprise Dufour."
SUSPECT = "Le suspect, un homme de 34 ans originaire de Lorient, a {} par le juge d'instruction de Rennes{}."
NEAR_MISSES = {
    # the outlet that tells the accusation tells the denial too
    "both told": (ACCUSED + " " + DENIES, DENIES),
    # an accusation, a hypothesis, a question or a rumour is not a fact the denial contradicts
    "accused": ("Le ministre de l'Intérieur est accusé d'avoir reçu une enveloppe de l'entreprise Dufour.",
                DENIES),
    "conditional": ("Le ministre de l'Intérieur aurait reçu une enveloppe de l'entreprise Dufour.", DENIES),
    "question": ("Le ministre de l'Intérieur a-t-il reçu une enveloppe de l'entreprise Dufour ?", DENIES),
    "hypothesis": ("Le ministre de l'Intérieur devra démissionner s'il a reçu une enveloppe de "
                   "l'entreprise Dufour.", DENIES),
    "rumour": ("Des rumeurs évoquent la fermeture de l'usine Bosch de Vénissieux en juin.",
               "La direction dément que l'usine Bosch de Vénissieux va fermer ses portes en juin."),
    # a word of denial that is no verb of denial
    "adjective": ("Les travaux du barrage de Sivens ont repris lundi dans le Tarn.",
                  "Les travaux du barrage contesté de Sivens ont repris lundi dans le Tarn."),
    "passive": ("Des milliers de personnes ont commémoré vendredi à Erevan le génocide arménien.",
                "Le génocide arménien, nié par la Turquie, a été commémoré vendredi par des milliers de "
                "personnes à Erevan."),
    "noun": ("L'usine Bosch de Vénissieux fermera ses portes en juin.",
             "Malgré les démentis de la direction, l'usine Bosch de Vénissieux fermera ses portes en juin."),
    # one contests a decision or a victory that took place
    "contests a decision": ("Le tribunal administratif a ordonné la fermeture de l'usine chimique de Lannion.",
                            "La direction conteste la fermeture de l'usine chimique de Lannion ordonnée par "
                            "le tribunal administratif."),
    "contests a victory": ("Le candidat sortant a remporté l'élection présidentielle au Kenya avec 54 % des voix.",
                           "L'opposition conteste la victoire du candidat sortant à l'élection présidentielle "
                           "au Kenya."),
    # the denial did not take place
    "far from denying": ("Le ministre de l'Intérieur a reconnu avoir reçu une enveloppe de l'entreprise Dufour.",
                         "Loin de démentir, le ministre de l'Intérieur a reconnu avoir reçu une enveloppe de "
                         "l'entreprise Dufour."),
    "refrained from denying": (ACCUSED, "Le ministre de l'Intérieur s'est bien gardé de démentir avoir reçu "
                                        "une enveloppe de l'entreprise Dufour."),
    "gave up denying": ("Le club a licencié son entraîneur après la défaite contre Lorient.",
                        "Le club a renoncé à démentir avoir licencié son entraîneur après la défaite "
                        "contre Lorient."),
    # a longer sentence tells all but the word that matters
    "another verb": (SUSPECT.format("été entendu mardi", " dans l'enquête sur le meurtre de la joggeuse"),
                     "Le suspect n'a pas été libéré par le juge d'instruction de Rennes."),
    "not yet": (SUSPECT.format("finalement été mis en examen pour meurtre vendredi soir", ""),
                "Le suspect n'a pas encore été mis en examen par le juge d'instruction de Rennes."),
    "not confirmed": ("Le ministre de la Santé, fragilisé depuis des semaines par la crise des hôpitaux, a "
                      "présenté lundi soir sa démission au président de la République à l'Élysée.",
                      "L'Élysée n'a pas confirmé la démission du ministre de la Santé."),
    # the negation bears on words the other sentence does not tell, in sentences that share a
    # long name or apposition (the shape of real stories' flags)
    "idiom": ("Des annonces qui réjouissent le président de l'Union des cyclistes urbains de Rennes (UCUR), "
              "Paul Garnier.",
              "Paul Garnier, président de l'Union des cyclistes urbains de Rennes (UCUR), ne mâche pas ses "
              "mots : \"Ce plan vélo est une farce.\""),
    # nobody knows is no denial
    "unknown": ("Marc Tessier, le comptable qui aurait détourné 3 millions d'euros de la mairie de Vierzon, "
                "s'est vu proposer un emploi dans une banque de Tours.",
                "Personne ne sait où est Marc Tessier : le comptable qui a détourné 3 millions d'euros de la "
                "mairie de Vierzon serait en fuite."),
    # "pas A, mais" and a clause of its own corrects nothing
    "not but a verb of saying": ("Le fichier Cassiopée, visé par plusieurs recours devant le Conseil d'Etat, "
                                 "permet la collecte par l'État de données sur les mineurs de plus de 13 ans, "
                                 "selon la Ligue des droits de l'homme.",
                                 "A la Ligue des droits de l'homme, Paul Garnier, avocat à Rennes, ne conteste "
                                 "pas la collecte de données par l'État, mais déclare \"craindre que ces "
                                 "données soient mal protégées\"."),
}
DENIALS = {
    "denies": (ACCUSED, DENIES),
    "not": (ACCUSED, "Le ministre de l'Intérieur n'a pas reçu d'enveloppe de l'entreprise Dufour."),
}
ENGLISH_NEAR_MISSES = {
    "disputed": ("Indian troops shelled villages in the Kashmir region near the Line of Control overnight.",
                 "Indian troops shelled villages in the disputed Kashmir region near the Line of Control "
                 "overnight."),
}
ENGLISH_DENIALS = {"denied": ("The company closed its Lyon plant in June.",
                              "The company denied that it closed its Lyon plant in June.")}
ATTRIBUTED = ("Selon Mediapart, le ministre de l'Intérieur a reçu une enveloppe de l'entreprise Dufour.",
              DENIES)


@pytest.fixture(scope="module")
def parsed():
    """Each pair as two articles of two outlets, read by the real analysis once."""
    return analysed_pairs({**{("fr", k): v for k, v in {**NEAR_MISSES, **DENIALS, "attributed": ATTRIBUTED}.items()},
                           **{("en", k): v for k, v in {**ENGLISH_NEAR_MISSES, **ENGLISH_DENIALS}.items()}})


@pytest.mark.parametrize("name", list(NEAR_MISSES))
def test_near_misses_of_a_denial_are_not_flagged(parsed, name):
    assert not _contradictions(parsed["fr", name])


@pytest.mark.parametrize("name", list(ENGLISH_NEAR_MISSES))
def test_english_near_misses_are_not_flagged(parsed, name):
    assert not _contradictions(parsed["en", name])


@pytest.mark.parametrize("key", [("fr", k) for k in DENIALS] + [("en", k) for k in ENGLISH_DENIALS])
def test_denials_the_rules_are_made_for_are_flagged(parsed, key):
    assert [d.kind for d in _contradictions(parsed[key])] == ["negation"]


def test_denial_of_what_a_source_says_is_a_disagreement_of_sources(parsed):
    story = parsed["fr", "attributed"]
    assert not _contradictions(story)
    (d,) = [d for d in story.divergences if d.kind == "attributed_disagreement"]
    assert "Mediapart" in d.summary and "Le ministre de l'Intérieur" in d.summary


def _claim(text, predicate, what=None, negated=False):
    from types import SimpleNamespace

    from recoupe.model import Claim

    return SimpleNamespace(claim=Claim("a", 0, len(text), text, predicate, what=what, negated=negated))


def test_a_negation_must_bear_on_what_the_other_sentence_tells():
    from recoupe.stories.diverge import _denial_bears_on

    told = _claim("Le pape a aussi reçu jeudi la ministre de la Culture, Sophie Lenoir.", "recevoir")
    other_clause = _claim("La ministre de la Culture Sophie Lenoir a été reçue par le pape mais n'a fait aucune "
                          "déclaration à la sortie.", "faire", negated=True)
    same_clause = _claim("La ministre de la Culture Sophie Lenoir n'a pas été reçue par le pape jeudi.",
                         "recevoir", negated=True)
    assert not _denial_bears_on(told, other_clause) and _denial_bears_on(told, same_clause)
    # two attributes of "être" do not deny each other; the same attribute does
    solid = _claim("Les hôpitaux suisses sont rentables.", "être", what="rentables")
    german = _claim("Les hôpitaux suisses ne sont pas les hôpitaux allemands.", "être",
                    what="ne sont pas les hôpitaux allemands", negated=True)
    not_solid = _claim("Les hôpitaux suisses ne sont pas rentables.", "être", what="ne sont pas rentables",
                       negated=True)
    assert not _denial_bears_on(solid, german) and _denial_bears_on(solid, not_solid)


def test_but_and_a_clause_of_its_own_corrects_nothing():
    from recoupe.stories.diverge import _correction, _opens_clause

    assert _opens_clause("a précisé que son épouse assisterait à la messe") and _opens_clause("déclare craindre")
    assert not any(_opens_clause(p) for p in ("à Nantes", "Lavrov", "un jeune garçon", "Dire Straits"))
    assert _correction("Il ne rencontrera pas le pape, mais a précisé que son épouse assisterait à la messe.") is None
    assert _correction("Le ministre n'était pas à Lyon mais à Nantes.") is not None
