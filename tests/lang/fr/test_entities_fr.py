"""French entities and mention chains, on sentences written for these tests."""

import pytest

from recoupe.analyze.entities import find_entities
from recoupe.analyze.nlp import parse
from recoupe.model import Article


def entities_of(text: str):
    art = Article(id="fr1", origin="fr1.txt", source="test", text=text, lang="fr")
    [(art, doc)] = list(parse([art]))
    mentions, entities = find_entities(art, doc)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    for e in entities:
        for s in e.mentions + [r.support for r in e.roles]:
            assert text[s.start:s.end] == s.text and s.article_id == "fr1"
    return mentions, entities


def by_name(entities, name):
    found = [e for e in entities if e.name == name]
    assert found, f"{name!r} not in {[e.name for e in entities]}"
    return found[0]


def test_agencies_are_organisations():
    _, ents = entities_of("Selon l'AFP, le tir a eu lieu mardi. D'après Reuters et l'agence Yonhap, "
                          "Tokyo a protesté, a rapporté TASS citant RIA Novosti.")
    for name in ("AFP", "Reuters", "Yonhap", "TASS", "RIA Novosti"):
        assert by_name(ents, name).type == "ORG"
    assert not any(e.name.startswith("Selon") for e in ents)


def test_hyphenated_korean_name_is_one_person():
    mentions, ents = entities_of("Le dirigeant Kim Jong-un est arrivé lundi à Moscou. "
                                 "Kim Jong-un a salué ses hôtes.")
    kim = by_name(ents, "Kim Jong-un")
    assert kim.type == "PER" and len(kim.mentions) == 2
    assert not any(e.name in ("Kim", "Kim Jong", "un") for e in ents)


def test_name_cut_short_by_the_model_is_extended():
    _, ents = entities_of("Hier soir, le dirigeant nord-coréen Kim Jong Un a quitté la capitale. "
                          "Plus tard, Moon Jae-in a répondu.")
    assert by_name(ents, "Kim Jong Un").type == "PER"
    assert by_name(ents, "Moon Jae-in").type == "PER"


def test_chain_full_name_title_and_surname():
    mentions, ents = entities_of(
        "Vladimir Poutine a reçu son invité au Kremlin. Mercredi, M. Poutine a salué la "
        "coopération. Selon les médias russes, Poutine a aussi évoqué l'espace.")
    putin = by_name(ents, "Vladimir Poutine")
    assert len(putin.mentions) == 3
    kinds = sorted(m.kind for m in mentions if m.entity_id == putin.id)
    assert kinds == ["name", "surname", "title"]


def test_same_given_name_different_people():
    _, ents = entities_of("Sergueï Lavrov a rencontré son homologue. Plus tard, Sergueï Choïgou "
                          "a visité une usine. Lavrov est reparti jeudi, Choïgou vendredi.")
    lavrov, shoigu = by_name(ents, "Sergueï Lavrov"), by_name(ents, "Sergueï Choïgou")
    assert lavrov.id != shoigu.id
    assert len(lavrov.mentions) == 2 and len(shoigu.mentions) == 2


def test_given_name_spelling_variant_is_one_person():
    _, ents = entities_of("Dmitri Peskov a parlé lundi. Mardi, Dimitri Peskov a démenti.")
    assert len([e for e in ents if e.type == "PER"]) == 1


@pytest.mark.parametrize("text, name, role", [
    ("« Rien n'est décidé », a déclaré le porte-parole du Kremlin, Dmitri Peskov, jeudi.",
     "Dmitri Peskov", "porte-parole du Kremlin"),
    ("Le président russe Vladimir Poutine a accueilli son hôte à l'aéroport.",
     "Vladimir Poutine", "président russe"),
    ("Sergueï Choïgou, ministre de la Défense, s'est rendu à Pyongyang en juillet.",
     "Sergueï Choïgou", "ministre de la Défense"),
    ("Il était accompagné du ministre russe des Affaires étrangères, Sergueï Lavrov.",
     "Sergueï Lavrov", "ministre russe des Affaires étrangères"),
])
def test_roles_with_their_span(text, name, role):
    _, ents = entities_of(text)
    ent = by_name(ents, name)
    assert role in [r.text for r in ent.roles]
    r = next(r for r in ent.roles if r.text == role)
    support = text[r.support.start:r.support.end]
    assert support == r.support.text and role in support and name in support  # the apposition


def test_a_visit_is_not_a_role():
    _, ents = entities_of("La visite de Vladimir Poutine a duré deux jours.")
    assert by_name(ents, "Vladimir Poutine").roles == []


def test_standalone_role_joins_the_chain():
    mentions, ents = entities_of(
        "Le ministre russe de la Défense, Sergueï Choïgou, est arrivé à Pyongyang. "
        "Le ministre russe de la Défense a ensuite visité une exposition d'armes.")
    shoigu = by_name(ents, "Sergueï Choïgou")
    roles = [m for m in mentions if m.kind == "role"]
    assert len(roles) == 1 and roles[0].entity_id == shoigu.id
    assert roles[0].start > 60


def test_junk_is_not_an_entity():
    _, ents = entities_of("LIRE AUSSI\n\nMercredi, le dirigeant a parlé (NDLR) à Pékin. "
                          "Première étape : la Chine.")
    names = {e.name for e in ents}
    assert not names & {"LIRE", "LIRE AUSSI", "Mercredi", "NDLR", "Première"}


def test_dateline_place_is_a_location():
    _, ents = entities_of("PARIS (Reuters) - Le ministre a parlé.\n\nBOGOTA, Colombie (AFP) - Rien.")
    assert by_name(ents, "PARIS").type == "LOC" and by_name(ents, "BOGOTA").type == "LOC"
    assert by_name(ents, "Reuters").type == "ORG"


def test_particles_stay_in_the_name():
    mentions, ents = entities_of("Ursula von der Leyen a répondu lundi. Ensuite, von der Leyen est partie.")
    ursula = by_name(ents, "Ursula von der Leyen")
    assert "von der Leyen" in ursula.variants
    assert [m.kind for m in mentions if m.entity_id == ursula.id] == ["name", "surname"]


def test_organisation_role_and_its_later_use():
    text = ("Selon l'agence officielle nord-coréenne KCNA, le tir a réussi. "
            "L'agence officielle nord-coréenne a ajouté que le programme continue.")
    mentions, ents = entities_of(text)
    kcna = by_name(ents, "KCNA")
    assert [r.text for r in kcna.roles] == ["agence officielle nord-coréenne"]
    assert [m.kind for m in mentions if m.entity_id == kcna.id] == ["name", "role"]


def test_middle_name_and_initial_variants_join_the_chain():
    _, ents = entities_of("Vladimir Vladimirovitch Poutine a signé le décret. Plus tard, "
                          "Vladimir Poutine a parlé, puis V. Poutine est reparti.")
    putin = by_name(ents, "Vladimir Vladimirovitch Poutine")
    assert len(putin.mentions) == 3


def test_role_between_two_names_goes_to_the_second():
    _, ents = entities_of("Étaient présents Laurence Parisot, le patron de la CFDT, François Chérèque, "
                          "et d'autres invités.")
    assert by_name(ents, "François Chérèque").roles[0].text == "patron de la CFDT"
    assert by_name(ents, "Laurence Parisot").roles == []


def test_an_office_is_not_a_person():
    _, ents = entities_of("Le président de la République a reçu les syndicats jeudi.")
    assert not [e for e in ents if e.type == "PER"]


def test_company_name_and_its_short_form():
    _, ents = entities_of("Valorhône Chimie emploie 160 personnes dans la vallée. Valorhône a réagi jeudi.")
    company = by_name(ents, "Valorhône Chimie")
    assert company.type == "ORG" and "Valorhône" in company.variants
    assert not [e for e in ents if e.type == "PER"]


def test_clause_read_as_a_name_is_dropped_or_cut():
    _, ents = entities_of("Parti dimanche soir de Pyongyang à bord d'un train blindé, Kim Jong Un est "
                          "arrivé mardi. Moscou dénonce une violation de l'interdiction par le Conseil "
                          "de sécurité de toute vente d'armement à la Corée du Nord.")
    names = {e.name for e in ents}
    assert not any("dimanche" in n or "soir" in n for n in names), names
    assert "Conseil de sécurité" in names and not any("vente" in n for n in names), names
    # a name of several words keeps its own prepositions
    _, ents = entities_of("Le Conseil de l'Europe et la Cour des comptes ont publié un rapport.")
    assert {"Conseil de l'Europe", "Cour des comptes"} <= {e.name for e in ents}


def test_named_place_after_a_place_noun_is_a_location():
    _, ents = entities_of("Le cosmodrome doit remplacer la base spatiale historique de Baïkonour. "
                          "Vladimir Poutine y a reçu son invité.")
    assert by_name(ents, "Baïkonour").type == "LOC"
    assert by_name(ents, "Vladimir Poutine").type == "PER"


@pytest.mark.parametrize("text, name", [
    ("La base électorale de Trump reste fidèle. Donald Trump a tenu meeting.", "Trump"),
    ("Le camp de Biden a réagi. Joe Biden n'a rien dit.", "Biden"),
    ("La cote de popularité de Macron baisse, selon un sondage.", "Macron"),
])
def test_a_person_after_a_noun_and_de_stays_a_person(text, name):
    _, ents = entities_of(text)
    assert all(e.type == "PER" for e in ents if name in e.name), [(e.name, e.type) for e in ents]


def test_a_day_inside_a_name_stays():
    _, ents = entities_of("Dans un entretien au Journal du dimanche, la ministre a répondu.")
    assert "Journal du dimanche" in {e.name for e in ents}


def test_a_role_of_a_role_holder_goes_to_nobody():
    # "l'épouse du chef de l'État X": X may be the wife or the head of state
    _, ents = entities_of("L'épouse du chef de l'État Marie Dufresne a visité le temple de Lodève.")
    assert by_name(ents, "Marie Dufresne").roles == []
    _, ents = entities_of("Le chef de la diplomatie russe Sergueï Lavrov est arrivé à Pyongyang.")
    assert [r.text for r in by_name(ents, "Sergueï Lavrov").roles] == ["chef de la diplomatie russe"]


def test_a_subheading_in_capitals_holds_no_entity_of_its_own():
    text = ("PARIS (Reuters) -\n\nLa CNCE a perdu 600 millions d'euros, selon Paul Armand.\n\n"
            "RISQUE DE CONTREPARTIE\n\nLes banques n'ont rien publié.\n\nASSIS SOUS LA PLUIE\n\n"
            "Les fidèles de la CNCE ont attendu.\n\nLA CNCE EN QUESTION\n\nRien n'a filtré.\n\n"
            "PAUL ARMAND, PRÉSIDENT DU DIRECTOIRE\n\nLe président du directoire s'est tu.")
    _, ents = entities_of(text)
    names = {e.name for e in ents}
    assert not names & {"RISQUE", "CONTREPARTIE", "RISQUE DE CONTREPARTIE", "ASSIS", "PLUIE", "ASSIS SOUS LA PLUIE",
                        "DIRECTOIRE", "PRÉSIDENT DU DIRECTOIRE"}
    assert len(by_name(ents, "CNCE").mentions) >= 2  # the names of the body stay
    _, ents = entities_of("LE MINISTRE PAUL ARMAND A DÉMISSIONNÉ\n\nIL QUITTE SON POSTE MARDI.")
    assert ents  # a text all in capitals keeps its names


def test_a_plural_role_is_no_role_of_one_person():
    _, ents = entities_of("Les discussions entre les dirigeants russe Vladimir Poutine et nord-coréen "
                          "Kim Jong Un ont duré deux heures.")
    assert by_name(ents, "Vladimir Poutine").roles == []


def test_a_common_noun_opening_a_sentence_is_no_name():
    _, ents = entities_of("Les exportateurs sont inquiets.\nMenace de boycottage des produits lyonnais\n"
                          "Raison de leur colère : la visite du ministre Paul Armand à Lhassa.")
    names = {e.name for e in ents}
    assert not names & {"Menace", "Raison"} and "Paul Armand" in names


def test_an_office_is_no_person_and_a_possessive_ends_a_name():
    _, ents = entities_of("Le Président de la République a parlé. « Je suis libre en tant que président "
                          "de la République française de mon agenda », a-t-il dit.")
    names = {e.name for e in ents}
    assert "Président de la République" not in names
    assert not any("agenda" in n for n in names)
