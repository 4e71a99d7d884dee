"""Every word the dossiers print, in French and English, and the choice between them.

A story is labelled in French when most of its articles are French, in English otherwise.
"""

from __future__ import annotations

from collections import Counter

from recoupe.model import Article, Dossier, Story

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "dossier": "Dossier",
        "generated": "Généré le",
        "stories": "Sujets",
        "articles_n": "articles",
        "articles_1": "article",
        "facts_n": "faits",
        "facts_1": "fait",
        "divergences_n": "divergences",
        "divergences_1": "divergence",
        "outlets_n": "médias",
        "outlets_1": "média",
        "origins_n": "origines indépendantes",
        "origins_1": "origine indépendante",
        "lq": "« ",
        "rq": " »",
        "summary": "L'essentiel",
        "summary_note": "Chaque phrase renvoie aux passages qui la fondent : cliquez sur un numéro.",
        "single_source": "source unique",
        "single_origin": "une seule origine",
        "facts": "Qui rapporte quoi",
        "facts_note": "Une ligne par fait, une colonne par média. Les médias marqués d'une même lettre reprennent une même origine (dépêche, copie).",
        "fact": "Fait",
        "origins": "Origines",
        "reported": "rapporté",
        "not_reported": "non rapporté",
        "timeline": "Chronologie",
        "quotes": "Qui a dit quoi",
        "quotes_note": "Les citations sont groupées par locuteur ; une même déclaration rapportée par plusieurs médias apparaît côte à côte.",
        "unknown_speaker": "Locuteur non identifié",
        "direct": "citation directe",
        "indirect": "discours rapporté",
        "same_words": "même propos",
        "divergences": "Divergences",
        "divergences_note": "Là où les médias ne disent pas la même chose. Une contradiction oppose des faits ; un désaccord attribué ou un écart d'estimations rapporte des points de vue différents.",
        "contradiction": "Contradiction",
        "not_contradiction": "Points de vue",
        "severity": "Gravité",
        "sev_high": "forte",
        "sev_medium": "moyenne",
        "sev_low": "faible",
        "kind_agent": "Qui ?",
        "kind_number": "Chiffre",
        "kind_date": "Date",
        "kind_role": "Fonction",
        "kind_attribution": "Attribution",
        "kind_attributed_disagreement": "Désaccord attribué",
        "kind_estimate_spread": "Écart d'estimations",
        "kind_place": "Lieu",
        "kind_negation": "Affirmé ou démenti",
        "entities": "Personnes, organisations, lieux",
        "PER": "Personnes",
        "ORG": "Organisations",
        "LOC": "Lieux",
        "MISC": "Divers",
        "variants": "Graphies",
        "roles": "Fonctions citées",
        "mentions_n": "mentions",
        "mentions_1": "mention",
        "sources": "Sources",
        "source": "Source",
        "published": "Publié le",
        "undated": "non daté",
        "open_original": "original",
        "read": "lire",
        "close": "Fermer",
        "cited_passage": "Passage cité",
        "copy_of": "même origine",
        "none": "Rien à signaler.",
        "no_stories": "Aucun sujet.",
        "lang": "Langue",
        "said": "dit",
        "colon": "\u00a0:",
        "contents": "Sommaire",
        "citations": "Sources",
        "quote": "Citation",
        "cue": "verbe",
        "untitled": "sans titre",
        "also_named": "Aussi cités une fois :",
        "hide_single": "Masquer les faits d'une seule origine",
        "show_single": "Afficher les faits d'une seule origine",
        "article_page": "page de l'article",
        "show_all": "lire tout",
        "show_less": "réduire",
        "loose": "Articles hors sujet",
        "loose_note": "Ces articles n'ont été rattachés à aucun sujet.",
        # the local web app
        "search": "Rechercher",
        "search_placeholder": "Mots à chercher dans les articles…",
        "add": "Ajouter des articles",
        "add_files": "Fichiers (texte, HTML, JSON Lines, flux RSS/Atom)",
        "add_urls": "Adresses web, une par ligne",
        "add_submit": "Lire, analyser et regrouper",
        "add_note": "Les articles ajoutés sont analysés puis tous les sujets sont recalculés ; cela peut prendre un moment.",
        "results_for": "Résultats pour",
        "articles": "Articles",
        "recent_articles": "Derniers articles",
        "no_results": "Aucun résultat.",
        "empty_store": "Le dépôt est vide : ajoutez des articles, ou lancez « recoupe ingest DOSSIER ».",
        "legend": "Surlignages",
        "mentions": "entités",
        "quotes_short": "citations",
        "times": "dates et durées",
        "in_stories": "Dans les sujets",
        "error": "Erreur",
        "home": "Accueil",
        "api": "API",
    },
    "en": {
        "dossier": "Dossier",
        "generated": "Generated",
        "stories": "Stories",
        "articles_n": "articles",
        "articles_1": "article",
        "facts_n": "facts",
        "facts_1": "fact",
        "divergences_n": "divergences",
        "divergences_1": "divergence",
        "outlets_n": "outlets",
        "outlets_1": "outlet",
        "origins_n": "independent origins",
        "origins_1": "independent origin",
        "lq": "“",
        "rq": "”",
        "summary": "In brief",
        "summary_note": "Each sentence points to the passages behind it: click a number.",
        "single_source": "single source",
        "single_origin": "single origin",
        "facts": "Who reports what",
        "facts_note": "One row per fact, one column per outlet. Outlets sharing a letter carry the same origin (wire copy, reprint).",
        "fact": "Fact",
        "origins": "Origins",
        "reported": "reported",
        "not_reported": "not reported",
        "timeline": "Timeline",
        "quotes": "Who said what",
        "quotes_note": "Quotes grouped by speaker; the same statement reported by several outlets sits side by side.",
        "unknown_speaker": "Unidentified speaker",
        "direct": "direct quote",
        "indirect": "reported speech",
        "same_words": "same statement",
        "divergences": "Divergences",
        "divergences_note": "Where outlets do not say the same thing. A contradiction sets facts against each other; an attributed disagreement or estimate spread reports different points of view.",
        "contradiction": "Contradiction",
        "not_contradiction": "Points of view",
        "severity": "Severity",
        "sev_high": "high",
        "sev_medium": "medium",
        "sev_low": "low",
        "kind_agent": "Who?",
        "kind_number": "Number",
        "kind_date": "Date",
        "kind_role": "Role",
        "kind_attribution": "Attribution",
        "kind_attributed_disagreement": "Attributed disagreement",
        "kind_estimate_spread": "Estimate spread",
        "kind_place": "Place",
        "kind_negation": "Affirmed or denied",
        "entities": "People, organisations, places",
        "PER": "People",
        "ORG": "Organisations",
        "LOC": "Places",
        "MISC": "Other",
        "variants": "Spellings",
        "roles": "Roles given",
        "mentions_n": "mentions",
        "mentions_1": "mention",
        "sources": "Sources",
        "source": "Source",
        "published": "Published",
        "undated": "undated",
        "open_original": "original",
        "read": "read",
        "close": "Close",
        "cited_passage": "Cited passage",
        "copy_of": "same origin",
        "none": "Nothing to report.",
        "no_stories": "No stories.",
        "lang": "Language",
        "said": "said",
        "colon": ":",
        "contents": "Contents",
        "citations": "Sources",
        "quote": "Quote",
        "cue": "cue",
        "untitled": "untitled",
        "also_named": "Also named once:",
        "hide_single": "Hide facts from a single origin",
        "show_single": "Show facts from a single origin",
        "article_page": "article page",
        "show_all": "show all",
        "show_less": "show less",
        "loose": "Articles in no story",
        "loose_note": "These articles were not grouped with any story.",
        # the local web app
        "search": "Search",
        "search_placeholder": "Words to find in the articles…",
        "add": "Add articles",
        "add_files": "Files (text, HTML, JSON Lines, RSS/Atom feeds)",
        "add_urls": "Web addresses, one per line",
        "add_submit": "Read, analyse and regroup",
        "add_note": "Added articles are analysed, then every story is recomputed; this can take a while.",
        "results_for": "Results for",
        "articles": "Articles",
        "recent_articles": "Latest articles",
        "no_results": "No results.",
        "empty_store": "The store is empty: add articles, or run `recoupe ingest FOLDER`.",
        "legend": "Highlights",
        "mentions": "entities",
        "quotes_short": "quotes",
        "times": "dates and durations",
        "in_stories": "In stories",
        "error": "Error",
        "home": "Home",
        "api": "API",
    },
}

MONTHS = {
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}


def majority_lang(articles: list[Article]) -> str:
    """'fr' when most articles are French, else 'en' (the two label sets we have)."""
    counts = Counter((a.lang or "").split("-")[0].lower() for a in articles)
    return "fr" if counts and counts["fr"] * 2 >= sum(counts.values()) and counts["fr"] else "en"


def story_lang(story: Story, articles: dict[str, Article]) -> str:
    return majority_lang([articles[i] for i in story.article_ids if i in articles])


def dossier_lang(dossier: Dossier) -> str:
    return majority_lang(dossier.articles)


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


def kind_label(kind: str, lang: str) -> str:
    return labels(lang).get(f"kind_{kind}", kind.replace("_", " "))


def count(n: int, key: str, lang: str) -> str:
    """'1 origine indépendante', '3 origines indépendantes': `key_1` for one, `key_n` for more."""
    table = labels(lang)
    return f"{n} {table.get(f'{key}_1', table[f'{key}_n']) if n == 1 else table[f'{key}_n']}"


def format_date(value: str | None, lang: str) -> str:
    """'2023-09-13' -> '13 sept. 2023' (fr) or 'Sep 13, 2023' (en); partial dates kept partial."""
    if not value:
        return ""
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = int(parts[2]) if len(parts) > 2 else None
    except ValueError:
        return value  # not a calendar date (durations, week numbers): show it as given
    if month is None or not 1 <= month <= 12:
        return str(year)
    name = MONTHS["fr" if lang == "fr" else "en"][month - 1]
    if day is None:
        return f"{name} {year}"
    if lang == "fr":
        return f"{'1er' if day == 1 else day} {name} {year}"
    return f"{name} {day}, {year}"
