"""French name pairs: one entity across spellings, never two people who share a name."""

import pytest

from recoupe.stories.names import fold, names_match, person_match, place_match

SAME_PERSON = [
    ("Kim Jong Un", "Kim Jong-un"),
    ("Kim Jong", "Kim Jong-un"),
    ("Dmitri Peskov", "Dimitri Peskov"),
    ("M. Poutine", "Vladimir Poutine"),
    ("Poutine", "Vladimir Poutine"),
    ("Poutine", "Putin"),
    ("Sergueï Choïgou", "Sergei Shoigu"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Mme Borne", "Élisabeth Borne"),
    ("E. Macron", "Emmanuel Macron"),
    ("Jean-Luc Mélenchon", "Jean Luc Melenchon"),
]
DIFFERENT_PEOPLE = [
    ("Sergueï Choïgou", "Sergueï Lavrov"),
    ("Kim Jong Un", "Kim Yo Jong"),
    ("John Kirby", "John Oliver"),
    ("Marine Le Pen", "Jean-Marie Le Pen"),
    ("Dmitri Peskov", "Dmitri Medvedev"),
    ("François Hollande", "François Fillon"),
    ("Claude Martin", "Claude Martine"),
    ("Ivan Petrov", "Anna Petrova"),
]
SAME_PLACE = [
    ("Vostotchny", "Vostochny"),
    ("Kosmodrom Vostochny", "Vostotchny"),
    ("cosmodrome de Vostotchny", "Vostochny"),
    ("Pékin", "Beijing"),
    ("Corée du Nord", "North Korea"),
    ("RPDC", "Corée du Nord"),
    ("Etats-Unis", "États-Unis"),
    ("la Russie", "Russie"),
]
DIFFERENT_PLACES = [
    ("Corée du Nord", "Corée du Sud"),
    ("Conseil de sécurité", "Conseil national de sécurité"),
    ("Saint-Pétersbourg", "Saint-Denis"),
    ("Paris", "Pau"),
    ("Russie", "Biélorussie"),
]


@pytest.mark.parametrize("a,b", SAME_PERSON)
def test_same_person(a, b):
    assert names_match(a, b, "PER") and names_match(b, a, "PER")


@pytest.mark.parametrize("a,b", DIFFERENT_PEOPLE)
def test_different_people(a, b):
    assert person_match(a, b) is None and not names_match(a, b, "PER")


@pytest.mark.parametrize("a,b", SAME_PLACE)
def test_same_place(a, b):
    assert names_match(a, b, "LOC")


@pytest.mark.parametrize("a,b", DIFFERENT_PLACES)
def test_different_places(a, b):
    assert not names_match(a, b, "LOC") and not place_match(a, b)


def test_fold():
    assert fold("Kim Jong-un") == "kim jong un"
    assert fold("Sergueï  Choïgou") == "serguei choigou"
    assert fold("l’Extrême-Orient") == "l extreme orient"


@pytest.mark.parametrize("a, b, same", [
    ("cosmodrome russe de Vostotchny", "cosmodrome de Vostotchny", True),
    ("mer du Japon", "Japon", False),
    ("mer du Japon", "mer de Chine", False),
    ("Banque centrale européenne", "Banque européenne", False),
])
def test_a_place_named_with_an_added_descriptor(a, b, same):
    assert place_match(a, b) is same
