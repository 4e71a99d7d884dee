"""Fixtures for grouping, copies and summaries: short articles written for the tests, and the
seed articles read and analysed once per session."""

from __future__ import annotations

import copy

import pytest

from recoupe.model import Article


def make(aid: str, title: str, text: str, *, lang: str = "fr", published: str | None = None,
         source: str | None = None) -> Article:
    return Article(id=aid, origin=f"{aid}.txt", source=source or aid, text=text, title=title,
                   lang=lang, published=published)


# One event told in three languages by three newsrooms (invented town and company).
DERAIL_FR = make(
    "derail-fr", "Un train de marchandises déraille près de Castelbrune, la ligne coupée",
    "Un train de marchandises transportant des céréales a déraillé mardi soir près de Castelbrune. "
    "Douze wagons se sont couchés sur la voie, sans faire de blessé selon la préfecture. "
    "La ligne ferroviaire entre Castelbrune et Montaulin restera fermée au moins trois jours. "
    "Les causes de l'accident ne sont pas encore connues, une enquête a été ouverte.",
    published="2025-05-06", source="Le Quotidien")
DERAIL_EN = make(
    "derail-en", "Freight train derails near Castelbrune, line closed",
    "A freight train carrying grain derailed on Tuesday evening near Castelbrune. "
    "Twelve wagons overturned on the track and nobody was injured, the prefecture said. "
    "The railway line between Castelbrune and Montaulin will stay closed for at least three days. "
    "The cause of the accident is not yet known and an investigation has been opened.",
    lang="en", published="2025-05-06", source="Daily Wire")
DERAIL_DE = make(
    "derail-de", "Güterzug entgleist bei Castelbrune, Strecke gesperrt",
    "Ein mit Getreide beladener Güterzug ist am Dienstagabend bei Castelbrune entgleist. "
    "Zwölf Waggons kippten auf die Gleise, verletzt wurde nach Angaben der Präfektur niemand. "
    "Die Bahnstrecke zwischen Castelbrune und Montaulin bleibt mindestens drei Tage gesperrt. "
    "Die Unfallursache ist noch unklar, Ermittlungen wurden eingeleitet.",
    lang="de", published="2025-05-07", source="Abendpost")
# Unrelated, the same week.
RATES = make(
    "rates-fr", "La banque centrale relève ses taux d'un quart de point",
    "La banque centrale a relevé jeudi ses taux directeurs d'un quart de point pour freiner "
    "l'inflation. Son gouverneur a jugé la hausse des prix encore trop forte au printemps. "
    "Les marchés s'attendaient à cette décision, les valeurs bancaires ont peu réagi. "
    "Les emprunteurs devraient voir le coût de leurs crédits immobiliers augmenter.",
    published="2025-05-08", source="Eco Matin")
# One subject, two events a month apart: a strike at a plant, then its end.
STRIKE_1 = make(
    "strike-1", "Grève à l'usine Ferronor de Valdrac : les salariés réclament des hausses de salaire",
    "Les salariés de l'usine Ferronor de Valdrac sont en grève depuis lundi pour réclamer des "
    "hausses de salaire. Le syndicat demande une augmentation de 6 % et dénonce des cadences "
    "intenables. La direction de Ferronor refuse de négocier tant que les piquets bloquent l'usine. "
    "La production d'acier est à l'arrêt à Valdrac.",
    published="2025-03-04", source="Le Quotidien")
STRIKE_1B = make(
    "strike-1b", "Ferronor : la grève se durcit à Valdrac",
    "À Valdrac, la grève des salariés de Ferronor entre dans son troisième jour. "
    "Le syndicat maintient sa demande d'une hausse de salaire de 6 % et bloque toujours l'usine. "
    "La direction de Ferronor dit attendre la levée des piquets pour ouvrir des négociations. "
    "L'usine de Valdrac ne produit plus d'acier depuis lundi.",
    published="2025-03-06", source="Radio Nord")
STRIKE_2 = make(
    "strike-2", "Ferronor : accord salarial à Valdrac, fin de la grève à l'usine",
    "Un mois après le début du conflit, la direction de Ferronor et le syndicat ont signé un "
    "accord salarial à Valdrac. Les salariés obtiennent une hausse de salaire de 4 % et une prime. "
    "La grève a été levée et l'usine d'acier de Valdrac a repris la production ce lundi. "
    "Le syndicat parle d'une victoire partielle, la direction d'un compromis raisonnable.",
    published="2025-04-07", source="Le Quotidien")


WRITTEN = {a.id: a for a in (DERAIL_FR, DERAIL_EN, DERAIL_DE, RATES, STRIKE_1, STRIKE_1B, STRIKE_2)}


@pytest.fixture
def written() -> dict[str, Article]:
    """Short articles written for the tests, by id (fresh copies)."""
    return {k: copy.deepcopy(a) for k, a in WRITTEN.items()}


@pytest.fixture
def make_article():
    return make


@pytest.fixture(scope="session")
def seeds(seeds_dir):
    from recoupe import pipeline

    return pipeline.analyze(pipeline.read([seeds_dir]))


@pytest.fixture(scope="session")
def examples(examples_dir):
    from recoupe import pipeline

    if not (examples_dir / "gold.json").is_file():
        pytest.skip("examples/gold.json is absent")
    return pipeline.analyze(pipeline.read([examples_dir]))
