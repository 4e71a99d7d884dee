"""The dossier as ONE self-contained HTML page: inline CSS and JS, no network, works from file://.

Safety: every piece of article content goes through Jinja2 autoescaping; the data the page's
script needs (article texts) is embedded as JSON with <, > and & escaped, and the script builds
the highlighted passage from DOM text nodes. A Content-Security-Policy with a per-page nonce
refuses any script or network load the page did not put there itself.
"""

from __future__ import annotations

import json
import re
import secrets
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from recoupe.model import Dossier
from recoupe.render.labels import count, dossier_lang, format_date, labels
from recoupe.render.view import same_words, story_views

TEMPLATES = Path(__file__).with_name("templates")


def safe_url(url: str | None) -> str | None:
    """Only http(s) addresses become links; anything else (javascript:, data:) stays text."""
    if url and re.fullmatch(r"https?://[^\s\"'<>]+", url.strip()):
        return url.strip()
    return None


def script_json(data) -> Markup:
    """JSON that can sit inside <script type="application/json"> without closing it."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["fdate"] = format_date
    env.globals["count"] = count
    env.globals["same_words"] = same_words
    return env


@cache
def _asset(name: str) -> Markup:
    # our own stylesheet and script, inlined so the page needs nothing else
    return Markup((TEMPLATES / name).read_text(encoding="utf-8"))


def page_data(dossier: Dossier, lang: str) -> dict:
    L = labels(lang)
    return {
        "articles": {a.id: {"source": a.source, "title": a.title, "published": format_date(a.published, lang),
                            "lang": a.lang, "url": safe_url(a.url), "text": a.text}
                     for a in dossier.articles},
        "labels": {k: L[k] for k in ("close", "cited_passage", "open_original", "source", "undated", "untitled",
                                      "article_page")},
    }


def dossier_html(dossier: Dossier, *, nav: list[tuple[str, str]] | None = None,
                 title: str | None = None, article_url: str | None = None) -> str:
    """Render the dossier as one HTML page. `nav` adds (label, href) links to the header;
    `article_url` (a path prefix such as "/articles/") links the reading panel to a page per
    article, as the web app does."""
    lang = dossier_lang(dossier)
    views = story_views(dossier)
    if title is None:
        title = views[0].story.title if len(views) == 1 else f"{labels(lang)['dossier']} recoupe"
    nonce = secrets.token_urlsafe(16)
    return environment().get_template("dossier.html.j2").render(
        lang=lang, L=labels(lang), views=views, dossier=dossier, title=title, nav=nav or [],
        loose=[a for a in dossier.articles if a.id not in {i for v in views for i in v.story.article_ids}],
        nonce=nonce, css=_asset("dossier.css"), js=_asset("dossier.js"),
        data=script_json({**page_data(dossier, lang), "article_url": article_url}),
        generated=dossier.generated, generator=dossier.generator)
