"""Claims and their slots, on French sentences written for these tests."""

import pytest

from recoupe.analyze import analyze_articles
from recoupe.analyze.claims import number_value
from recoupe.model import Article, Dossier, check_provenance


def claims_of(text: str, published: str = "2023-09-14"):
    art = Article(id="c1", origin="c1.txt", source="test", text=text, lang="fr", published=published)
    [art] = analyze_articles([art])
    for c in art.claims:
        assert text[c.start:c.end] == c.text
        for q in c.quantities:
            assert text[q.span.start:q.span.end] == q.span.text
        if c.clause is not None:
            assert text[c.clause.start:c.clause.end] == c.clause.text
            assert c.start <= c.clause.start < c.clause.end <= c.end
    return art, art.claims


def one(claims, predicate):
    found = [c for c in claims if c.predicate == predicate]
    assert found, f"no {predicate!r} in {[c.predicate for c in claims]}"
    return found[0]


def test_who_went_where_and_when_tells_two_people_apart():
    text = ("En juillet, le ministre russe de la Défense, Sergueï Choïgou, s'était rendu à Pyongyang. "
            "Sergueï Lavrov, le chef de la diplomatie russe, se rendra à Pékin en octobre.")
    art, claims = claims_of(text)
    first, second = [c for c in claims if c.predicate == "rendre"]
    assert first.who_names == ["Sergueï Choïgou"] and second.who_names == ["Sergueï Lavrov"]
    assert first.where == ["Pyongyang"] and second.where == ["Pékin"]
    assert first.when == ["2023-07"] and second.when == ["2023-10"]
    assert first.roles == {"Sergueï Choïgou": "ministre russe de la Défense"}
    assert second.roles == {"Sergueï Lavrov": "chef de la diplomatie russe"}
    ids = {e.name: e.id for e in art.entities}
    assert first.who == [ids["Sergueï Choïgou"]]


def test_quantity_and_reported_by_selon():
    _, claims = claims_of("Selon Séoul, la Corée du Nord a tiré deux missiles balistiques mercredi.")
    c = one(claims, "tirer")
    assert c.reported_by == "Séoul"
    assert c.who_names == ["Corée du Nord"]
    assert [(q.value, q.unit, q.span.text) for q in c.quantities] == [(2, "missile", "deux missiles")]
    assert c.when == ["2023-09-13"]
    assert "missiles" in c.what


@pytest.mark.parametrize("text, reporter", [
    ("Pyongyang a tiré un missile balistique, a déclaré Tokyo.", "Tokyo"),
    ("D'après l'AFP, Pyongyang a tiré un missile balistique.", "AFP"),
    ("Tokyo a affirmé que Pyongyang avait tiré un missile balistique.", "Tokyo"),
])
def test_reported_by(text, reporter):
    _, claims = claims_of(text)
    c = one(claims, "tirer")
    assert c.reported_by == reporter
    assert c.who_names == ["Pyongyang"]


@pytest.mark.parametrize("text, predicate, reporter, negated", [
    # an incise the parse joins as a second clause reports the first, negation kept
    ("Les États n'ont pas la nécessité de stocker ces armes, a expliqué une experte.",
     "avoir", "une experte", True),
    # an object after a verb that opens no incise is nobody who speaks
    ("La loi a reconnu aux caisses le statut de banques coopératives.", "reconnaître", None, False),
    ("Le Parti socialiste a dénoncé une opération de communication.", "dénoncer", "Parti socialiste", False),
    # "soutenir" reports over a clause only
    ("L'armée et la police ne soutiennent pas la manifestation.", "soutenir", None, True),
    ("Le directeur a soutenu que le fichier était légal.", "être", "directeur", False),
    # a second act of the same subject is no incise: "un plan" does not speak
    ("Le ministre a visité l'usine de Florange, a annoncé un plan de relance de deux milliards d'euros.",
     "visiter", None, False),
    ("On aura des informations demain, a également expliqué le policier.", "avoir", "policier", False),
])
def test_who_reports_and_who_acts(text, predicate, reporter, negated):
    _, claims = claims_of(text)
    c = one(claims, predicate)
    assert (c.reported_by, c.negated) == (reporter, negated)
    assert [x.predicate for x in claims].count("expliquer") == 0


def test_reporter_is_the_person_not_the_institution():
    _, claims = claims_of("Les discussions continuent, a indiqué le porte-parole du Kremlin, Dmitri Peskov.")
    assert claims[0].reported_by == "Dmitri Peskov"


def test_negation_and_participant():
    _, claims = claims_of("Vladimir Poutine n'a pas rencontré Kim Jong-un à Moscou.")
    c = one(claims, "rencontrer")
    assert c.negated
    assert c.who_names == ["Vladimir Poutine", "Kim Jong-un"]
    assert c.where == ["Moscou"]


@pytest.mark.parametrize("text, predicate, negated", [
    ("Le village n'a que trois cents habitants.", "avoir", False),  # restricts, denies nothing
    ("L'armée n'a fait que répondre aux attaques.", "faire", False),
    ("Le village n'a pas trois cents habitants.", "avoir", True),
    ("Le ministre ne connaît rien de ce dossier.", "connaître", True),
    ("Le gouvernement n'a jamais levé la taxe que les maires contestent.", "lever", True),
    ("Le gouvernement n'a ni confirmé ni démenti les informations que publie Le Monde.",
     "confirmer", True),  # "que" of a relative clause restricts nothing
])
def test_ne_que_restricts_and_does_not_deny(text, predicate, negated):
    _, claims = claims_of(text)
    assert one(claims, predicate).negated is negated


@pytest.mark.parametrize("text, predicate, negated", [
    # the expletive "ne" of fear and of "avant que" denies nothing
    ("L'Occident craint que Kim Jong-un ne promette de fournir des armes à la Russie.",
     "promettre", False),
    ("Les secours sont partis avant que la nuit ne tombe sur la vallée.", "tomber", False),
    # "ne" completed by a word before or after it, or alone with "pouvoir", "savoir", "oser"
    ("Personne n'a été blessé dans l'incendie de l'entrepôt.", "blesser", True),
    ("Les pompiers n'ont vu aucun blessé dans l'entrepôt de Lyon.", "voir", True),
    ("Ni le maire ni le préfet ne se sont exprimés sur l'accident.", "exprimer", True),
    ("Nul ne sait où se trouve le suspect depuis mardi soir.", "savoir", True),
    ("Le ministre ne peut accepter cette décision du conseil municipal.", "accepter", True),
    ("Le président n'a plus parlé à la presse depuis lundi.", "parler", True),
])
def test_a_ne_alone_denies_only_when_completed(text, predicate, negated):
    _, claims = claims_of(text)
    assert one(claims, predicate).negated is negated


def test_a_number_word_the_tagger_missed_opens_the_number():
    _, claims = claims_of("Cent-trente neuf pays ont signé le traité.")
    assert [(q.value, q.span.text) for c in claims for q in c.quantities] == [(139.0, "Cent-trente neuf pays")]


def test_modal_gives_the_governed_verb():
    _, claims = claims_of("Le ministre Jean Martin doit se rendre à Lyon en mai.")
    c = one(claims, "rendre")
    assert c.who_names == ["Jean Martin"] and c.where == ["Lyon"]


@pytest.mark.parametrize("text, value, unit", [
    ("L'explosion a fait 12 morts jeudi.", 12, "mort"),
    ("Le conflit a déplacé 1,5 million de personnes.", 1.5e6, "personne"),
    ("L'armée a déployé vingt-deux chars.", 22, "char"),
    ("Les douanes ont saisi 3 000 cartouches.", 3000, "cartouche"),
    ("Le prix a augmenté de 30 % en un an.", 30, "%"),
    ("Une dizaine de soldats ont été blessés.", 10, "soldat"),
])
def test_quantities(text, value, unit):
    _, claims = claims_of(text)
    qs = [(q.value, q.unit) for c in claims for q in c.quantities]
    assert (value, unit) in qs


def test_years_and_dates_are_not_quantities():
    _, claims = claims_of("En 2019, le sommet s'est tenu le 25 avril à Vladivostok.")
    assert all(not c.quantities for c in claims)


def test_pronoun_subject_takes_the_latest_person():
    _, claims = claims_of("Kim Jong-un est arrivé mardi à Vladivostok. Il a ensuite visité une usine.")
    c = one(claims, "visiter")
    assert c.who_names == ["Kim Jong-un"]


def test_no_predicate_no_claim():
    _, claims = claims_of("Bientôt une rencontre entre les deux dirigeants\n\nLe sommet a eu lieu à Moscou.")
    assert [c.text for c in claims] == ["Le sommet a eu lieu à Moscou."]


@pytest.mark.parametrize("words, value", [
    (["trois", "cents"], 300), (["quatre-vingt-dix"], 90), (["soixante-dix-sept"], 77),
    (["deux", "mille"], 2000), (["1,5", "milliard"], 1.5e9), (["3", "000"], 3000),
    (["vingt", "et", "un"], 21), (["banane"], None),
])
def test_number_value(words, value):
    assert number_value(words) == value


def test_cleft_sentence_names_the_agent():
    _, claims = claims_of("Selon nos informations, c'est le chef de la sécurité, Paul Girard, qui a "
                          "donné l'alerte.")
    c = one(claims, "donner")
    assert c.who_names == ["Paul Girard"]
    assert c.reported_by is None  # the outlet's own information


def test_english_quantity_unit_is_the_counted_noun():
    art = Article(id="e1", origin="e1", source="t", lang="en",
                  text="Twelve people, including four plant workers, were taken to hospital.")
    [art] = analyze_articles([art])
    units = {(q.value, q.unit) for c in art.claims for q in c.quantities}
    assert units == {(12, "people"), (4, "worker")}


def test_pronoun_reporter_is_the_latest_person():
    _, claims = claims_of("Sergueï Lavrov est arrivé à Pékin. La Chine livrera des armes, a-t-il "
                          "affirmé. Selon lui, la guerre finira bientôt.")
    assert one(claims, "livrer").reported_by == "Sergueï Lavrov"
    assert one(claims, "finir").reported_by == "Sergueï Lavrov"


def test_passive_declare_reports_nothing():
    _, claims = claims_of("Le feu a été déclaré éteint vers 6 heures.")
    assert all(c.reported_by is None for c in claims)


@pytest.mark.parametrize("text, expected", [
    ("Elle était créditée d'environ un pour cent des voix.", [(1, "%")]),
    ("Betancourt et 14 autres otages ont été secourus.", [(14, "otage")]),
    ("Les deux dirigeants Raul Reyes et Ivan Rios sont morts.", [(2, "dirigeant")]),
])
def test_quantity_edges(text, expected):
    _, claims = claims_of(text)
    assert [(q.value, q.unit) for q in claims[0].quantities] == expected


def test_heading_on_its_own_line_is_its_own_sentence():
    art, _ = claims_of("RÉSULTATS DU SCRUTIN\nLe maire sortant a été réélu.")
    assert [s.text for s in art.sentences] == ["RÉSULTATS DU SCRUTIN", "Le maire sortant a été réélu."]


def test_a_line_opening_on_a_quote_mark_and_a_capital_is_a_new_sentence():
    art, _ = claims_of("Le navire a vu approcher cinq embarcations.\n\"La frégate a aussitôt changé de cap. "
                       "Elle a intercepté trois embarcations.\"")
    assert [s.text for s in art.sentences] == ["Le navire a vu approcher cinq embarcations.",
                                              "\"La frégate a aussitôt changé de cap.",
                                              "Elle a intercepté trois embarcations.\""]


def test_relative_clause_is_a_fact_about_its_antecedent():
    _, claims = claims_of("Sergueï Choïgou, qui s'était rendu à Pyongyang en juillet, a rencontré "
                          "Kim Jong-un.")
    c = one(claims, "rendre")
    assert c.who_names == ["Sergueï Choïgou"] and c.where == ["Pyongyang"] and c.when == ["2023-07"]
    assert "rencontrer" in [c.predicate for c in claims]


def test_relative_clause_keeps_its_date_and_place():
    _, claims = claims_of("Sergueï Choïgou, qui s'était rendu à Pyongyang en juillet, a rencontré "
                          "Kim Jong-un mardi à Moscou. Le bilan fait état de 12 morts.")
    main, rel = one(claims, "rencontrer"), one(claims, "rendre")
    assert main.when == ["2023-09-12"] and main.where == ["Moscou"]
    assert rel.when == ["2023-07"] and rel.where == ["Pyongyang"]
    assert [(q.value, q.unit) for q in one(claims, "faire").quantities] == [(12, "mort")]


def test_a_where_clause_with_its_own_subject_is_a_fact_of_its_own():
    _, claims = claims_of("L'offre a été faite lors de la visite de Kim Jong Un à Vladivostok, où le "
                          "président Vladimir Poutine a rencontré mercredi Kim Jong Un.")
    met = one(claims, "rencontrer")
    assert met.who_names[0] == "Vladimir Poutine" and met.when == ["2023-09-13"]
    assert one(claims, "faire").when == []  # the day is the meeting's


def test_each_claim_of_a_sentence_of_several_facts_has_its_own_clause():
    text = ("Poutine a accepté l'invitation et a réaffirmé sa volonté de coopérer. L'offre a été "
            "faite lors de la visite de Kim Jong Un à Vladivostok, où le président Vladimir Poutine "
            "a rencontré mercredi Kim Jong Un. Kim Jong Un est reparti jeudi.")
    art, claims = claims_of(text)
    clause = {c.predicate: c.clause and c.clause.text for c in claims}
    assert clause["accepter"] == "Poutine a accepté l'invitation"
    assert clause["réaffirmer"] == "a réaffirmé sa volonté de coopérer"
    assert clause["faire"] == "L'offre a été faite lors de la visite de Kim Jong Un à Vladivostok"
    # the name the parse splits ("Kim Jong" / "Un") stays whole
    assert clause["rencontrer"] == "où le président Vladimir Poutine a rencontré mercredi Kim Jong Un"
    assert clause["repartir"] is None  # a sentence of one fact is its own clause
    # the provenance check reads clauses
    c = one(claims, "accepter")
    assert check_provenance(Dossier(articles=[art]))[1] == []
    c.clause.text = "Poutine"
    bad = check_provenance(Dossier(articles=[art]))[1]
    assert bad == [(art.id, c.clause.start, c.clause.end, "Poutine")]
