"""Offices and quotes that look like a conflict and are none: an office held before or named
inside another role, an office with two names; words a spokesperson relays or a speaker
repeats after someone. And the conflicts of the same shape, still raised. Invented pairs, read
by the real analysis."""

import pytest
from storybuild import analysed_pairs, contradictions

QUOTE = "« Nous ne laisserons pas les éleveurs du Cantal seuls face à cette crise sans précédent »"
SLOGAN = "« La justice doit passer, sans aucune exception ni indulgence pour les puissants »"

NOT_CONFLICTS = {
    "office held before": ("Le ministre des Affaires étrangères, Luc Armand, est arrivé mardi à Niamey.",
                           "Luc Armand, ministre de la Défense sous le précédent gouvernement, est arrivé mardi "
                           "à Niamey."),
    "office with two names": ("Le chancelier de l'Échiquier, Tom Baird, a présenté mardi le budget britannique.",
                              "Le ministre britannique des Finances, Tom Baird, a présenté mardi le budget."),
    "office inside a role": ("Luc Armand, chef de cabinet du ministre de l'Intérieur, a été entendu mardi par "
                             "les enquêteurs.",
                             "Luc Armand, porte-parole du ministère de l'Intérieur, a été entendu mardi par les "
                             "enquêteurs."),
    "relayed by a spokeswoman": (f"{QUOTE}, a déclaré le ministre Luc Armand dans un communiqué.",
                                 f"{QUOTE}, a déclaré Nadia Perrin, porte-parole du ministre."),
    "repeated after someone": (f"{SLOGAN}, a lancé Nadia Perrin lors du meeting.",
                               f"{SLOGAN}, a rappelé Luc Armand, reprenant les mots de Nadia Perrin."),
}
CONFLICTS = {
    "two offices": ("Le ministre de l'Intérieur, Luc Armand, est arrivé mardi à Niamey.",
                    "Le ministre de la Défense, Luc Armand, est arrivé mardi à Niamey.", "role"),
    "two speakers": (f"{QUOTE}, a déclaré le ministre Luc Armand mardi.",
                     f"{QUOTE}, a déclaré la députée Nadia Perrin mardi.", "attribution"),
}


@pytest.fixture(scope="module")
def parsed():
    return analysed_pairs({**{("fr", k): v for k, v in NOT_CONFLICTS.items()},
                           **{("fr", k): v[:2] for k, v in CONFLICTS.items()}})


@pytest.mark.parametrize("name", list(NOT_CONFLICTS))
def test_relays_and_compatible_offices_are_no_conflict(parsed, name):
    assert not contradictions(parsed["fr", name])


@pytest.mark.parametrize("name", list(CONFLICTS))
def test_conflicts_of_the_same_shape_are_raised(parsed, name):
    assert [d.kind for d in contradictions(parsed["fr", name])] == [CONFLICTS[name][2]]
