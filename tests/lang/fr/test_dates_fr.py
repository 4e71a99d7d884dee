"""French temporal expressions: the phrases news use, normalised against the article's date."""

from __future__ import annotations

import pytest

from recoupe.analyze.dates import find_times

ANCHOR = "2023-09-14"  # a Thursday


def one(text, anchor=ANCHOR):
    found = find_times(text, anchor, "fr")
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


@pytest.mark.parametrize("sentence,span,typ,value", [
    ("Poutine a reçu Kim mercredi au cosmodrome.", "mercredi", "DATE", "2023-09-13"),
    ("Il est parti dimanche soir de Pyongyang.", "dimanche soir", "TIME", "2023-09-10TEV"),
    ("Ils se sont vus mercredi après-midi.", "mercredi après-midi", "TIME", "2023-09-13TAF"),
    ("Le Kremlin l'a annoncé ce jeudi.", "ce jeudi", "DATE", "2023-09-14"),
    ("Choïgou s'était rendu à Pyongyang en juillet dernier.", "juillet dernier", "DATE", "2023-07"),
    ("Les travaux ont été achevés fin août.", "fin août", "DATE", "2023-08"),
    ("Il reviendra lundi prochain.", "lundi prochain", "DATE", "2023-09-18"),
    ("Il l'avait déjà dit l'an dernier.", "l'an dernier", "DATE", "2022"),
    ("Il l'a dit la semaine dernière.", "la semaine dernière", "DATE", "2023-W36"),
    ("Le tir a eu lieu il y a deux jours.", "il y a deux jours", "DATE", "2023-09-12"),
    ("Le missile a été tiré hier.", "hier", "DATE", "2023-09-13"),
    ("Le sommet se tient aujourd'hui.", "aujourd'hui", "DATE", "2023-09-14"),
    ("Il est au pouvoir depuis trois ans.", "trois ans", "DURATION", "P3Y"),
    ("Ils se parlent chaque semaine.", "chaque semaine", "SET", "P1W"),
    ("La dernière visite remonte à 2019.", "2019", "DATE", "2019"),
    ("La base a été lancée en 2008.", "2008", "DATE", "2008"),
    ("La réunion a eu lieu le 13 septembre.", "le 13 septembre", "DATE", "2023-09-13"),
    ("Rencontre prévue le 13/09/2023 à Vostotchny.", "13/09/2023", "DATE", "2023-09-13"),
    ("Le train est arrivé à 14h30.", "14h30", "TIME", "2023-09-14T14:30"),
    ("Ils se retrouveront le mercredi 1er mai 2024.", "le mercredi 1er mai 2024", "DATE", "2024-05-01"),
    ("Le lancement est prévu le 13 septembre 2030.", "le 13 septembre 2030", "DATE", "2030-09-13"),
    ("Les chiffres du premier trimestre 2023 sont bons.", "premier trimestre 2023", "DATE", "2023-Q1"),
    ("Kim est venu cet été à Moscou.", "cet été", "DATE", "2023-SU"),
    ("La guerre froide des années 1990 est finie.", "années 1990", "DATE", "199X"),
    ("Les combats ont duré plusieurs jours.", "plusieurs jours", "DURATION", "PXD"),
    ("La bibliothèque ouvre tous les jeudis.", "tous les jeudis", "SET", "XXXX-WXX-4"),
    ("Il est arrivé hier matin.", "hier matin", "TIME", "2023-09-13TMO"),
    ("Ils se sont vus à Noël dernier.", "Noël dernier", "DATE", "2022-12-25"),
    ("La trêve de Noël approche.", "Noël", "DATE", "2023-12-25"),
])
def test_french_phrases(sentence, span, typ, value):
    t = one(sentence)
    assert (t.text, t.type, t.value) == (span, typ, value)


def test_weekday_follows_the_tense():
    assert one("Kim arrivera mercredi à Moscou.").value == "2023-09-20"
    assert one("Kim est arrivé mercredi à Moscou.").value == "2023-09-13"


def test_time_of_day_falls_on_the_last_day_mentioned():
    found = find_times("Les obsèques auront lieu lundi 18 septembre, à 14 h 30.", ANCHOR, "fr")
    assert [(t.text, t.value) for t in found] == [("lundi 18 septembre", "2023-09-18"),
                                                  ("14 h 30", "2023-09-18T14:30")]


def test_partial_and_missing_anchor():
    assert one("La réunion a eu lieu le 13 septembre.", anchor="2023-09").value == "2023-09-13"
    assert one("La réunion a eu lieu le 13 septembre 2023.", anchor=None).value == "2023-09-13"
    assert one("Le missile a été tiré hier.", anchor=None).value == "XXXX-XX-XX"
    assert one("Le missile a été tiré hier.", anchor=None).anchor is None
    assert one("Le missile a été tiré hier.").anchor == ANCHOR


@pytest.mark.parametrize("text", [
    "Il a vu sa mère au bord de la mer, puis ils ont joué à un jeu.",  # sa, mer, jeu
    "Mai Thi Nguyen a parlé à Avril Lavigne.",  # first names
    "Il a été élu et reste populaire.",  # été, the participle
    "Un chauffeur de 38 ans a été agressé.",  # an age
    "Alain Parmentier, 53 ans, est employé ici.",  # an age in apposition
    "Plus de 2000 personnes ont manifesté.",  # a count
    "Les Jeux olympiques d'hiver sont un succès.",  # winter as an adjective
    "Le quotidien Le Monde l'a écrit.",  # the newspaper
    "Le 31 février n'existe pas.",  # nonsense date
])
def test_false_positives(text):
    assert find_times(text, ANCHOR, "fr") == []
