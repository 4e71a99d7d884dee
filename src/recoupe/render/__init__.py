"""Writing dossiers: JSON (the recoupe.dossier/1 contract), Markdown, self-contained HTML,
and flat exports (JSON Lines, CSV)."""

from __future__ import annotations

import sys
from pathlib import Path

from recoupe.errors import InputError
from recoupe.model import Dossier, Story
from recoupe.render.exports import write_exports
from recoupe.render.jsonout import dossier_json, dossier_json_text, schema

FORMATS = ("json", "md", "html")


def dossier_markdown(dossier: Dossier) -> str:
    """The dossier as a Markdown document."""
    from recoupe.render.markdown import dossier_markdown as render

    return render(dossier)


def dossier_html(dossier: Dossier, **options) -> str:
    """The dossier as one self-contained HTML page (see `recoupe.render.html.dossier_html`)."""
    from recoupe.render.html import dossier_html as render

    return render(dossier, **options)


def render_dossier(dossier: Dossier, fmt: str) -> str:
    """The dossier as text in `fmt`: json, md or html."""
    if fmt == "json":
        return dossier_json_text(dossier)
    if fmt == "md":
        return dossier_markdown(dossier)
    if fmt == "html":
        return dossier_html(dossier)
    raise InputError(f"unknown format {fmt!r}: choose json, md or html")


def write_dossier(dossier: Dossier, fmt: str, out: Path | None) -> None:
    """Write the dossier in `fmt` (json, md, html) to `out`, or to standard output."""
    text = render_dossier(dossier, fmt)
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None


def story_dossier(dossier: Dossier, story: Story) -> Dossier:
    """A dossier holding one story and only its articles."""
    wanted = set(story.article_ids)
    return Dossier([a for a in dossier.articles if a.id in wanted], [story],
                   generated=dossier.generated, generator=dossier.generator)


__all__ = ["FORMATS", "dossier_html", "dossier_json", "dossier_json_text", "dossier_markdown",
           "render_dossier", "schema", "story_dossier", "write_dossier", "write_exports"]
