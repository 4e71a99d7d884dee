"""A denial must bear on the act the other sentence tells: two sentences alike but for their
verbs deny each other only when the verbs tell one act ("a voté la loi" / "n'a pas adopté la
loi"), and a bound that was not passed agrees with a figure that meets it. Invented pairs, read
by the real analysis (the verbs, figures and polarity come from the parse)."""

import pytest
from storybuild import analysed_pairs, contradictions as _contradictions

JUDGE = "le juge d'instruction de Rennes"
TOLL = "Le bilan de l'accident de car sur l'A84"
GAO = "Le soldat français {} lors de l'attaque de Gao."

NEAR_MISSES = {
    "heard, not released": (f"Le suspect a été entendu par {JUDGE}.",
                            f"Le suspect n'a pas été libéré par {JUDGE}."),
    "bound met": (f"{TOLL} s'élève à 12 blessés.", f"{TOLL} n'a pas dépassé 12 blessés."),
    "bound met, more said": (f"{TOLL} s'élève à 12 blessés.",
                             f"{TOLL} n'excède pas 12 blessés, selon la préfecture de la Manche."),
    "bound met, long": ("Le bilan de l'incendie de l'entrepôt de Brest, survenu dans la nuit de lundi à "
                        "mardi, s'élève à 12 blessés légers selon les pompiers du Finistère.",
                        "Le bilan de l'incendie de l'entrepôt de Brest n'a pas dépassé 12 blessés."),
    "injured, none killed": ("Douze personnes ont été blessées dans l'incendie de l'entrepôt de Brest.",
                             "Aucune personne n'a été tuée dans l'incendie de l'entrepôt de Brest."),
    # irregular participles: "reçu", "pris", "caught" are forms of the denied verb
    "sent, not received": ("Le colis piégé a été envoyé à l'ambassade de France à Rabat.",
                           "Le colis piégé n'a pas été reçu à l'ambassade de France à Rabat."),
    "chased, not caught": ("Le voleur du musée a été poursuivi par la police de Lyon.",
                           "Le voleur du musée n'a pas été pris par la police de Lyon."),
    # a verb and its noun make one act: "mis en examen" is not "entendu" nor "placé en garde à vue"
    "heard, not charged": (f"Le suspect a été entendu par {JUDGE}.",
                           f"Le suspect n'a pas été mis en examen par {JUDGE}."),
    "held, not charged": ("Le suspect a été placé en garde à vue à Rennes.",
                          "Le suspect n'a pas été mis en examen à Rennes."),
    "became unusable, not damaged": ("Les chars livrés à l'armée ukrainienne sont devenus inutilisables.",
                                     "Les chars livrés à l'armée ukrainienne n'ont pas été endommagés."),
    # "être" and a participle tell the participle's act: "n'est pas mort" denies dying, not a wound
    "wounded, not dead": (GAO.format("a été blessé"), GAO.format("n'est pas mort")),
    "is wounded, is not dead": (GAO.format("est blessé"), GAO.format("n'est pas mort")),
    "damaged, not destroyed": ("Le pont de Gao a été endommagé par la crue du fleuve Niger.",
                               "Le pont de Gao n'est pas détruit par la crue du fleuve Niger."),
    # leaving and withdrawing tell one act, but leaving one place is not withdrawing from another
    "left the meeting, not out of the race": ("Le ministre de l'Intérieur a quitté la réunion mardi.",
                                              "Le ministre de l'Intérieur ne s'est pas retiré de la course mardi."),
    "retired to the house, did not leave it": ("Le ministre s'est retiré dans sa maison de Bretagne après sa défaite.",
                                               "Le ministre n'a pas quitté sa maison de Bretagne après sa défaite."),
    # verbs of one family tell one event, but a denial of one does not deny the other: dying is
    # not being killed, meeting is not receiving, offering is not giving, arresting is not holding
    "dead, not killed": (GAO.format("est mort"), GAO.format("n'a pas été tué")),
    "met, not received": ("Emmanuel Macron a rencontré Olaf Scholz mardi à Berlin.",
                          "Emmanuel Macron n'a pas reçu Olaf Scholz mardi à Berlin."),
    "offered, not given": ("Le ministre Jean Durand a proposé une aide de 300 euros aux agriculteurs de la Drôme.",
                           "Le ministre Jean Durand n'a pas donné une aide de 300 euros aux agriculteurs de la Drôme."),
    "arrested, not held": ("Le suspect a été arrêté mardi à Lyon par la police.",
                           "Le suspect n'a pas été détenu mardi à Lyon par la police."),
    "went, did not visit": ("Le ministre Jean Durand est allé à l'usine Renault de Flins mardi.",
                            "Le ministre Jean Durand n'a pas visité l'usine Renault de Flins mardi."),
}
DENIALS = {
    "voted, not adopted": ("Le Parlement a voté la loi sur l'immigration mardi.",
                           "Le Parlement n'a pas adopté la loi sur l'immigration mardi."),
    "released, not freed": (f"Le suspect a été libéré par {JUDGE}.",
                            f"Le suspect n'a pas été relâché par {JUDGE}."),
    "amounts to, not reached": (f"{TOLL} s'élève à 12 blessés.", f"{TOLL} n'a pas atteint 12 blessés."),
    "makes, does not cause": ("Le nouveau vaccin contre la grippe rend les patients stériles.",
                              "Le nouveau vaccin contre la grippe n'entraîne pas de stérilité chez les patients."),
    "is, does not have": ("Il s'agit d'un sous-marin nucléaire russe de classe Borei.",
                          "La Russie ne dispose pas de sous-marin nucléaire de classe Borei."),
    "same verb": (f"Le suspect a été entendu par {JUDGE}.",
                  f"Le suspect n'a pas été entendu par {JUDGE}."),
    "same verb and noun": ("Le suspect a été mis en examen à Rennes.",
                           "Le suspect n'a pas été mis en examen à Rennes."),
    "same irregular participle": ("Le voleur du musée a été pris par la police de Lyon.",
                                  "Le voleur du musée n'a pas été pris par la police de Lyon."),
    "dead, not dead": (GAO.format("est mort"), GAO.format("n'est pas mort")),
    "killed, not dead": (GAO.format("a été tué"), GAO.format("n'est pas mort")),
    "killed, not killed": (GAO.format("a été tué"), GAO.format("n'a pas été tué")),
    "visited, did not go": ("Le ministre Jean Durand a visité l'usine Renault de Flins mardi.",
                            "Le ministre Jean Durand n'est pas allé à l'usine Renault de Flins mardi."),
    "withdrew, did not leave": ("Les États-Unis se sont retirés de l'accord de Paris sur le climat.",
                                "Les États-Unis n'ont pas quitté l'accord de Paris sur le climat."),
    "left, did not withdraw": ("Les États-Unis ont quitté l'accord de Paris sur le climat.",
                               "Les États-Unis ne se sont pas retirés de l'accord de Paris sur le climat."),
}
ENGLISH_NEAR_MISSES = {
    "heard, not released": ("The suspect was heard by the investigating judge in Rennes.",
                            "The suspect was not released by the investigating judge in Rennes."),
    "chased, not caught": ("The museum thief was chased by police in Leeds.",
                           "The museum thief was not caught by police in Leeds."),
    # "leave" is also "let stay": leaving troops in a city is not withdrawing them
    "left troops, did not withdraw them": ("The army left troops in the city of Kherson.",
                                           "The army did not withdraw troops from the city of Kherson."),
    "died, not killed": ("The journalist Marc Dupont died on Tuesday in Kyiv, his family said.",
                         "The journalist Marc Dupont was not killed on Tuesday in Kyiv, his family said."),
}
ENGLISH_DENIALS = {
    "voted, not adopted": ("Parliament voted the immigration law on Tuesday.",
                           "Parliament did not adopt the immigration law on Tuesday."),
    "killed, did not die": ("The journalist Marc Dupont was killed on Tuesday in Kyiv, his family said.",
                            "The journalist Marc Dupont did not die on Tuesday in Kyiv, his family said."),
}


@pytest.fixture(scope="module")
def parsed():
    """Each pair as two articles of two outlets, read by the real analysis once."""
    return analysed_pairs({**{("fr", k): v for k, v in {**NEAR_MISSES, **DENIALS}.items()},
                           **{("en", k): v for k, v in {**ENGLISH_NEAR_MISSES, **ENGLISH_DENIALS}.items()}})


@pytest.mark.parametrize("key", [("fr", k) for k in NEAR_MISSES] + [("en", k) for k in ENGLISH_NEAR_MISSES])
def test_denial_of_another_act_or_of_a_bound_met_is_not_flagged(parsed, key):
    assert not _contradictions(parsed[key])


@pytest.mark.parametrize("key", [("fr", k) for k in DENIALS] + [("en", k) for k in ENGLISH_DENIALS])
def test_denial_of_one_act_told_by_another_verb_is_flagged(parsed, key):
    assert [d.kind for d in _contradictions(parsed[key])] == ["negation"]
