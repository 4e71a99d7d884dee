"""Cleaning: boilerplate, repairs, repeated paragraphs, typography; removals point into raw."""

import pytest

from recoupe.clean import RULES, clean, typography

BODY = ("Le gouvernement a présenté mardi son budget pour 2024, en hausse de 3,5 %. "
        "« C'est un budget de responsabilité », a déclaré le ministre.")
OTHER = "L'opposition a dénoncé un budget insincère et annoncé un recours devant le Conseil."


def check(raw: str):
    text, removed = clean(raw)
    for r in removed:
        assert raw[r.start:r.end] == r.text
    return text, removed


@pytest.mark.parametrize("line", [
    ">> LIRE AUSSI - Le budget en dix chiffres",
    ">> À LIRE AUSSI - Le budget en dix chiffres",
    "À lire aussi : Le budget en dix chiffres",
    "Lire aussi | Le budget en dix chiffres",
    "READ MORE: Budget in ten figures",
    "Read more: Budget in ten figures",
    "Voir aussi : la réforme des retraites",
    "Partagez votre avis",
    "Partager cet article",
    "Share this article",
    "Facebook Twitter Email",
    "12 commentaires",
    "Abonnez-vous à notre newsletter quotidienne",
    "Inscrivez-vous gratuitement à la newsletter Politique",
    "Sign up for our free daily newsletter",
    "Il vous reste 72 % de cet article à lire.",
    "Photo : AFP",
    "Photo: Reuters/Kim Hong-Ji",
    "© Reuters",
    "Crédit photo : Ludovic Marin / AFP",
    "Story continues below advertisement",
    "Lire l'entretien | Le ministre défend son budget",
    "Lire aussi notre enquête : les niches fiscales passées au crible",
    "VIDÉO - Le ministre défend son budget à l'Assemblée",
    "À VOIR AUSSI - Le ministre défend son budget",
    "Notre dossier : le budget 2024",
    "Publié le 14/09/2023 à 10h32",
    "Updated Sept. 14, 2023 at 5:02 p.m. ET",
    "Publicité",
    "Le président lors du sommet de Vladivostok. Foto: dpa/Bodo Schackow",
])
def test_boilerplate_lines(line):
    raw = f"{BODY}\n\n{line}\n\n{OTHER}"
    text, removed = check(raw)
    assert line not in text and len(removed) == 1
    assert text == f"{BODY}\n\n{OTHER}"


def test_cross_link_marker_then_title_on_its_own_line():
    raw = f"{BODY}\n\nÀ lire aussi\nLe budget en dix chiffres\n\nLa suite du texte, ici."
    text, removed = check(raw)
    assert "dix chiffres" not in text and "La suite du texte" in text
    assert removed[0].reason == "cross-link"


def test_author_bio_at_the_end():
    raw = (f"{BODY}\n\nJeanne Martin\n\nJeanne Martin, journaliste, couvre l'économie depuis "
           "dix ans et anime le podcast Budget.\n\nPartagez votre avis")
    text, removed = check(raw)
    assert text == BODY
    assert [r.reason for r in removed] == ["author-bio", "share"]


def test_english_bio_and_byline():
    raw = ("By Jane Smith\n\n" + "The council approved the budget on Tuesday. " * 3 +
           "\n\nJane Smith is a reporter at the Chronicle who covers City Hall.")
    text, removed = check(raw)
    assert "Jane Smith" not in text
    assert {r.reason for r in removed} == {"byline", "author-bio"}


def test_content_about_a_journalist_is_kept():
    raw = (f"{BODY}\n\nAlsu Kurmasheva, journaliste de Radio Free Europe, a été condamnée.\n\n"
           "Le procès a duré deux jours.")
    text, removed = check(raw)
    assert "Kurmasheva" in text and removed == []


def test_no_false_positives_on_ordinary_sentences():
    raw = ("Lire le rapport demande du temps : deux cents pages, a estimé un député.\n\n"
           "Vidéo à l'appui, le ministre a présenté les chiffres.\n\n"
           "Dossier sensible, la réforme a été repoussée.\n\n"
           "Publié le 3 mai, le rapport montre une hausse des prix.\n\n"
           "Partager le pouvoir n'a jamais été son fort, a estimé un proche du président, qui "
           "décrit un homme seul.\n\nPar ailleurs, le ministre a confirmé la date.\n\n"
           "Lire entre les lignes de ce budget demande du temps, selon un économiste.\n\n"
           "La photo de famille a été prise à l'Élysée.")
    text, removed = check(raw)
    assert removed == [] and text == raw


def test_glued_heading_is_split():
    text, _ = check("Premier paragraphe du texte.\nUn budget sous tensionLe gouvernement a "
                    "présenté son budget mardi.")
    assert "Un budget sous tension\n\nLe gouvernement a présenté" in text


def test_glued_heading_before_a_full_name():
    text, _ = check("Premier paragraphe du texte.\nEn pleine guerre en UkraineVladimir Poutine a "
                    "proposé un accord à son homologue nord-coréen, selon les agences russes. "
                    "La guerre en Ukraine dure depuis plus d'un an.")
    assert "En pleine guerre en Ukraine\n\nVladimir Poutine a proposé" in text


def test_camel_case_names_are_not_split():
    raw = ("YouTube et LinkedIn ont annoncé un partenariat avec McDonald's à Paris.\n\nLinkedIn On air.\n\n"
           "Le fonds américain BlackRock a annoncé mardi une hausse de ses actifs sous gestion.\n\n"
           "Le groupe japonais SoftBank Group a perdu de l'argent cette année, selon ses comptes.\n\n"
           "Phil Mickelson created a stir when unveiling his @PhilMickelson Twitter account.")
    assert check(raw)[0] == raw


@pytest.mark.parametrize("raw, expected", [
    ("de type militaire.Ces arguments", "de type militaire. Ces arguments"),
    ("en France.De plus, il", "en France. De plus, il"),
    ("un satellite espion.\"C'est pourquoi\", a-t-il dit.", "un satellite espion. \"C'est pourquoi\", a-t-il dit."),
    ("Il a dit \"c'est fini.\"Puis il est parti.", "Il a dit \"c'est fini.\"Puis il est parti."),
    ("Les U.S. Marines et le Dr. Smith", "Les U.S. Marines et le Dr. Smith"),
    ("Une hausse de 3.5 points, voir www.LeMonde.fr ou lemonde.fr.", "Une hausse de 3.5 points, voir www.LeMonde.fr ou lemonde.fr."),
    ("Écrire à contact@Exemple.org pour plus.", "Écrire à contact@Exemple.org pour plus."),
    ("chez l'hébergeur Atlantic.Net, qui", "chez l'hébergeur Atlantic.Net, qui"),
    ("Voir https://example.org/page.Html maintenant.", "Voir https://example.org/page.Html maintenant."),
])
def test_missing_space_after_full_stop(raw, expected):
    assert check(raw)[0] == expected


def test_repeated_paragraphs_dropped():
    other = "Un second paragraphe, différent du premier, sur la dette publique."
    raw = f"{BODY}\n\n{other}\n\n{BODY}\n\n{BODY.replace('a déclaré', 'a dit')}"
    text, removed = check(raw)
    assert text == f"{BODY}\n\n{other}"
    assert [r.reason for r in removed] == ["duplicate", "duplicate"]


def test_typography():
    raw = "\ufeffL’État a dit\xa0: «\u202fnon\u202f» et “oui”.\r\nSuite   ici.\r\n\r\n\r\nFin\u200b du texte."
    text, _ = check(raw)
    assert text == "L'État a dit : « non » et “oui”.\n\nSuite ici.\n\nFin du texte."
    assert typography(" L’avis\xa0du  jour ") == "L'avis du jour"


def test_hard_wrapped_text_is_unwrapped():
    words = ("Le gouvernement a présenté mardi son budget pour l'année prochaine, en hausse "
             "sensible par rapport à l'an passé selon les chiffres publiés par Bercy ce matin").split()
    lines, line = [], []
    for w in words * 3:
        if len(" ".join(line + [w])) > 70:
            lines.append(" ".join(line))
            line = []
        line.append(w)
    lines.append(" ".join(line))
    text, _ = check("\n".join(lines))
    assert "\n" not in text


def test_rules_are_named():
    assert {r.name for r in RULES} >= {"cross-link", "share", "newsletter", "photo-credit",
                                       "author-bio"}


def test_removal_offsets_survive_earlier_rewrites():
    raw = "Début\xa0du\r\ntexte, assez long pour compter.\r\n\r\n>> LIRE AUSSI - Autre\r\n\r\nFin du texte ici."
    text, removed = check(raw)
    assert removed[0].text == ">> LIRE AUSSI - Autre"


@pytest.mark.parametrize("line", [
    "AFP", "(avec AFP)", "Avec Reuters", "(AFP/Reuters)", "With AP",
    "Vous souhaitez réagir à cet article ? Partagez votre avis dans les commentaires.",
    "Retrouvez tous les résultats sur notre site.",
    "Suivez-nous sur les réseaux sociaux",
    "Sign up for our weekly Europe briefing.",
    "Le Monde avec AFP",
    "Reporting by Jane Doe; Editing by John Smith",
    "Copyright 2023 The Associated Press. All rights reserved.",
    "This article was originally published on The Conversation.",
    "Article rédigé par Jeanne Martin",
    "Vous aimerez aussi\n\nLe budget en dix chiffres\n\nLes niches fiscales au crible",
])
def test_tail_boilerplate(line):
    raw = f"{BODY}\n\n{OTHER}\n\n{line}"
    text, removed = check(raw)
    assert text == f"{BODY}\n\n{OTHER}" and len(removed) == 1


def test_tail_rules_leave_the_body_alone():
    raw = f"AFP\n\nRetrouvez tous les résultats sur notre site.\n\n{BODY}\n\n{OTHER}\n\n{OTHER} Fin.\n\nIci.\n\nLà.\n\nEt là."
    text, _ = check(raw)
    assert text.startswith("AFP\n\nRetrouvez")


def test_short_one_line_paragraphs_are_not_unwrapped():
    raw = "\n".join(["Le conseil municipal a voté jeudi soir un nouveau plan vélo.",
                     "Le projet prévoit 120 kilomètres de voies supplémentaires.",
                     "L'opposition a dénoncé un calendrier beaucoup trop serré.",
                     "Les travaux doivent commencer au printemps prochain en ville.",
                     "La métropole promet une concertation avec les commerçants."])
    assert check(raw)[0] == raw.replace("\n", "\n\n")
