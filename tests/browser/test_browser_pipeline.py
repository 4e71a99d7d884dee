"""The whole pipeline's dossier of the bundled examples, in a real browser: every citation
highlights exactly its passage in real texts (typographic quotes, apostrophes, accents)."""

from __future__ import annotations

import pytest

from recoupe.model import check_provenance
from recoupe.pipeline import brief
from recoupe.render import dossier_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_examples_dossier_citations_are_exact(page, tmp_path, examples_dir, artifacts):
    dossier = brief([examples_dir])
    assert dossier.stories and check_provenance(dossier)[1] == []
    texts = {a.id: a.text for a in dossier.articles}
    path = tmp_path / "examples.html"
    path.write_text(dossier_html(dossier), encoding="utf-8")
    page.goto(path.as_uri())
    facts = sum(len(s.facts) for s in dossier.stories)
    assert page.locator("table.matrix tbody tr").count() == facts
    links = page.locator("[data-article][data-start]")
    n = links.count()
    assert n > 0
    step = max(1, n // 80)  # a spread sample keeps the test short
    for i in range(0, n, step):
        link = links.nth(i)
        link.dispatch_event("click")
        aid = link.get_attribute("data-article")
        start, end = int(link.get_attribute("data-start")), int(link.get_attribute("data-end"))
        assert page.locator("#reader mark").text_content() == texts[aid][start:end]
    page.keyboard.press("Escape")
    page.screenshot(path=str(artifacts / "dossier-examples.png"), full_page=True)
    assert page.errors == []
