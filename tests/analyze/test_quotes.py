"""Quotations and speakers: quotation marks, English patterns, bad input, the seeds, provenance."""

from __future__ import annotations

import time

import pytest

from recoupe.analyze.quotes import find_quotes, quoted_spans
from recoupe.model import Article


def analyse(texts: list[str], lang: str) -> list[Article]:
    """The per-article stages `recoupe brief` runs, on articles made from `texts`."""
    from recoupe.analyze import analyze_articles

    arts = [Article(id=f"q{i}", origin=f"q{i}.txt", source="test", text=t, lang=lang, published="2023-09-14")
            for i, t in enumerate(texts)]
    arts = analyze_articles(arts)
    for a in arts:
        assert not [w for w in a.warnings if w.startswith("quotes")], a.warnings
    return arts


def check_provenance(article: Article) -> None:
    for q in article.quotes:
        assert article.text[q.start:q.end] == q.text
        for span in (q.cue_span, q.speaker.span):
            if span is not None:
                assert span.article_id == article.id
                assert article.text[span.start:span.end] == span.text


def only(article: Article, start: str):
    hits = [q for q in article.quotes if q.text.startswith(start)]
    assert len(hits) == 1, [q.text for q in article.quotes]
    return hits[0]


# ---------------------------------------------------------------------------- quotation marks

def inner(text: str) -> list[str]:
    return [text[m.start:m.end] for m in quoted_spans(text)]


def test_marks_french_english_straight():
    text = "Il a dit « bonjour à tous » puis “see you” et \"à demain\"."
    assert inner(text) == ["bonjour à tous", "see you", "à demain"]


def test_marks_slips_of_real_articles():
    # closed with a second «, and no inner spaces
    text = "« il est possible d’envoyer un cosmonaute dans l’espace« , a déclaré X."
    assert inner(text) == ["il est possible d’envoyer un cosmonaute dans l’espace"]
    assert inner("Kim «a montré de l’intérêt pour l’espace», a dit X.") == ["a montré de l’intérêt pour l’espace"]


def test_apostrophes_are_not_quotes():
    assert inner("L’agence d’État a parlé aujourd’hui. The players’ union said it's fine.") == []


def test_quote_over_paragraphs_french_convention():
    text = "« Premier paragraphe de la citation.\n« Deuxième paragraphe.\n» Troisième », a-t-il dit."
    [span] = inner(text)
    assert span.startswith("Premier") and span.endswith("Troisième")


def test_unclosed_quote_does_not_swallow_the_article():
    text = "« Ceci ne se ferme jamais.\nUn autre paragraphe, sans marque.\n« Une vraie citation », dit-il."
    assert inner(text) == ["Une vraie citation"]


def test_one_megabyte_paragraph_in_linear_time():
    text = ("« a » b \" c “ d ‘ e " * 60000)[:1_000_000]
    t0 = time.perf_counter()
    spans = quoted_spans(text)
    assert time.perf_counter() - t0 < 5
    assert all(m.end - m.start <= 4000 for m in spans)


# ---------------------------------------------------------------------------- English

@pytest.fixture(scope="module")
def english():
    texts = [
        '"We will not back down," Mayor Jane Smith said on Monday.',
        "Jane Smith met the council. Smith said the plan was dead and would not come back.",
        "According to the ministry, prices rose sharply in the last quarter of the year.",
        'She starred in "Star Wars" and later in "Gravity".',
        'Tom Baker, the union leader, spoke first. "This is a fair deal for everyone," he said.',
        "Microsoft released its results on Monday. It said that sales of its games fell by a third.",
    ]
    return analyse(texts, "en")


def test_english_direct_quote_and_speaker(english):
    q = only(english[0], "We will")
    assert q.text == "We will not back down" and q.kind == "direct"
    assert q.speaker.name.endswith("Jane Smith") and q.cue == "said"


def test_english_indirect_said(english):
    q = only(english[1], "the plan")
    assert q.kind == "indirect" and q.text == "the plan was dead and would not come back"
    assert q.speaker.name == "Jane Smith"  # the fullest name in the article


def test_english_according_to(english):
    q = only(english[2], "prices")
    assert q.kind == "indirect" and q.cue == "According to" and "ministry" in q.speaker.name


def test_english_titles_are_not_quotes(english):
    assert english[3].quotes == []


def test_english_pronoun_takes_the_person_before(english):
    q = only(english[4], "This is a fair deal")
    assert q.speaker.name == "Tom Baker"


def test_english_it_takes_the_organisation_before(english):
    q = only(english[5], "sales")
    assert q.kind == "indirect" and q.speaker.name == "Microsoft"


def test_provenance_english(english):
    for a in english:
        check_provenance(a)


# ---------------------------------------------------------------------------- bad input

def test_bad_input_gives_no_quote_and_no_crash():
    arts = analyse(["", "« » « ... » “", "»»» ««« \"\"\"", "...\n\n\n!!!"], "fr")
    for a in arts:
        check_provenance(a)
    assert all(q.text.strip() for a in arts for q in a.quotes)


def test_parse_of_another_text_is_refused():
    from recoupe.analyze.nlp import parse

    art = Article(id="x", origin="x", source="x", text="« Bonjour », dit-il.", lang="fr")
    [(_, doc)] = list(parse([Article(id="y", origin="y", source="y", text="Autre chose.", lang="fr")]))
    assert find_quotes(art, doc) == []
    assert art.warnings


def test_large_article_with_unbalanced_marks():
    para = "Le maire a parlé. « Il faut agir vite », a déclaré Jean Dupont. Puis « rien ne ferme. "
    text = "\n".join([para] * 300)
    t0 = time.perf_counter()
    [art] = analyse([text], "fr")
    assert time.perf_counter() - t0 < 60
    direct = [q for q in art.quotes if q.text == "Il faut agir vite"]
    assert len(direct) == 300 and all(q.speaker.name == "Jean Dupont" for q in direct)
    assert all(len(q.text) < 200 for q in art.quotes)


# ---------------------------------------------------------------------------- the seeds

# (seed file, start of a direct quote, surname of its speaker): every direct quote of the seeds
SEED_QUOTES = [
    ("000", "Nous avons parlé du fait", "Peskov"),
    ("000", "faire face aux actions", "KCNA"),
    ("000", "C’est pourquoi nous sommes venus ici", "Poutine"),
    ("000", "Kim Jong Un a invité", "KCNA"),
    ("000", "Poutine a accepté avec plaisir", "KCNA"),
    ("000", "grande victoire", "Un"),
    ("001", "encore quelques jours", "Kremlin"),
    ("001", "Kim Jong Un a invité", "KCNA"),
    ("001", "un gant provenant", "Peskov"),
    ("001", "une carabine de production", "Peskov"),
    ("001", "Nous observons", "Kamikawa"),
    ("001", "grande victoire", "Un"),
    ("002", "niveau nouveau", "KCNA"),
    ("002", "C’est pourquoi nous sommes venus", "Poutine"),
    ("002", "tous les sujets", "Poutine"),
    ("002", "pourrait être un missile", "Japon"),
    ("003", "Nous discuterons de tous les sujets", "Poutine"),
    ("003", "relations commerciales", "agences russes"),
    ("003", "sujets sensibles", "Peskov"),
    ("003", "aux mises en garde", "Peskov"),
    ("003", "En bâtissant nos relations", "Peskov"),
    ("003", "un missile balistique non identifié", "Séoul"),
    ("003", "claire manifestation", "Un"),
    ("003", "priorité à l'importance", "Un"),
    ("003", "C'est pourquoi nous sommes venus ici", "Poutine"),
    ("003", "le port spatial semble", "Chan-il"),
    ("003", "Si les lance-roquettes", "Chan-il"),
    ("003", "paierait le prix", "Blanche"),
    ("004", "a montré de l’intérêt", "Poutine"),
    ("004", "Je suis très content", "Poutine"),
    ("004", "situation dans la région", "Poutine"),
    ("004", "coopération économique", "Poutine"),
    ("004", "des questions humanitaires", "Poutine"),
    ("004", "la première priorité de la RPDC", "Jong-un"),
    ("004", "soutenait toutes les décisions", "Jong-un"),
    ("004", "à la hauteur de la lutte", "Jong-un"),
    ("004", "La Russie est en ce moment", "Jong-un"),
    ("004", "Un toast au renforcement", "Poutine"),
    ("004", "Au bien-être et à la prospérité", "Poutine"),
    ("004", "santé", "Jong-un"),
    ("004", "nouvelles victoires", "Jong-un"),
    ("004", "sujets sensibles", "Peskov"),
]


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    arts = analyse([p.read_text(encoding="utf-8") for p in files], "fr")
    return {p.name[:3]: a for p, a in zip(files, arts)}


@pytest.mark.parametrize("seed,start,surname", SEED_QUOTES)
def test_seed_direct_quotes_have_the_right_speaker(seeds, seed, start, surname):
    art = seeds[seed]
    hits = [q for q in art.quotes if q.kind == "direct" and q.text.startswith(start)]
    assert hits, f"no direct quote starting {start!r} in seed {seed}"
    for q in hits:
        assert q.speaker.name and q.speaker.name.endswith(surname), (q.text, q.speaker)


def test_seed_quotes_point_into_the_text(seeds):
    for art in seeds.values():
        check_provenance(art)
        assert all(q.speaker.span is None or q.speaker.span.text for q in art.quotes)


def test_a_town_speaking_after_its_quote_is_the_speaker():
    # "ville" is a body that speaks, not a time word like "veille"
    art, = analyse(["« Les écoles rouvriront lundi », a annoncé la ville de Lyon."], "fr")
    assert only(art, "Les écoles").speaker.name == "ville de Lyon"
    check_provenance(art)


def test_plural_source_is_not_the_one_agency_named():
    # "d'après les agences" names many agencies: not KCNA, the one agency given that role
    text = ("Le dirigeant a fait du satellite une priorité, a annoncé l'agence officielle nord-coréenne KCNA. "
            "L'offre a été formulée, d'après les agences, au cours de la visite de Kim Jong Un en Russie.")
    art, = analyse([text], "fr")
    q = only(art, "L'offre a été formulée")
    assert q.speaker.name != "KCNA" and "agences" in (q.speaker.name or q.speaker.role or "")
    check_provenance(art)


def test_a_passive_reporting_verb_gives_the_agent_not_the_subject():
    fr, = analyse(["Le projet de rocade à Lannion a été critiqué par le Parti socialiste, qui l'a qualifié de "
                   "« gaspillage d'argent public au détriment des transports en commun »."], "fr")
    assert only(fr, "gaspillage").speaker.name == "Parti socialiste"
    en, = analyse(['The plan was described by Labour leader Keir Starmer as "a disgrace to the nation and its '
                   'workers".'], "en")
    assert only(en, "a disgrace").speaker.name == "Keir Starmer"
    check_provenance(fr)
    check_provenance(en)


def test_a_phrase_opening_the_sentence_is_no_speaker():
    # "Au cours de cette audience, X a dénoncé": the parse may leave no subject; not "cours"
    art, = analyse(["Au cours de cette audience essentiellement protocolaire, le roi, 70 ans, ancien pilote de "
                    "chasse et figure respectée de la monarchie, a dénoncé la corruption « endémique » qui ronge "
                    "le pays."], "fr")
    speaker = only(art, "endémique").speaker
    assert "cours" not in (speaker.name or speaker.role or "")


def test_a_plural_anaphor_names_no_one_speaker():
    art, = analyse(["Les députés socialistes ont dénoncé la décision. Ces derniers ont accusé le gouvernement de "
                    "se comporter comme « un paillasson » face à Pékin."], "fr")
    speaker = only(art, "un paillasson").speaker
    assert speaker.name is None and "derniers" not in (speaker.role or "")
