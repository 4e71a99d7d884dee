"""The HTML dossier in a real browser: it renders, citations highlight their exact passage,
and hostile article content stays inert text."""

from __future__ import annotations

import pytest

from conftest_dossier import PAYLOADS, injection_dossier, rich_dossier
from recoupe.render import dossier_html

pytestmark = pytest.mark.browser


def open_dossier(page, dossier, tmp_path, name="dossier.html"):
    path = tmp_path / name
    path.write_text(dossier_html(dossier), encoding="utf-8")
    page.goto(path.as_uri())
    return path


def test_dossier_renders_with_a_matrix_row_per_fact(page, tmp_path, artifacts):
    dossier = rich_dossier()
    open_dossier(page, dossier, tmp_path)
    assert page.locator("h1").first.inner_text() == dossier.stories[0].title
    assert page.locator("table.matrix tbody tr").count() == len(dossier.stories[0].facts)
    assert page.locator("table.matrix thead th.outlet-col").count() == 3
    assert page.locator(".div-card.contra").count() == 2 and page.locator(".div-card.views").count() == 1
    assert page.locator("#reader").is_hidden()
    page.screenshot(path=str(artifacts / "dossier-rich.png"), full_page=True)
    # single-source facts are shown, and can be set aside on demand
    single = page.locator("table.matrix tr.single")
    assert single.count() == 1 and single.is_visible()
    page.locator("button.toggle-single").click()
    assert single.is_hidden() and page.locator("table.matrix tbody tr:visible").count() == 2
    page.locator("button.toggle-single").click()
    assert single.is_visible()
    assert page.errors == []


def test_clicking_a_citation_highlights_exactly_the_passage(page, tmp_path, artifacts):
    dossier = rich_dossier()
    texts = {a.id: a.text for a in dossier.articles}
    open_dossier(page, dossier, tmp_path)
    # a real click on the first marker of the summary
    first = page.locator(".summary a.cite").first
    first.click()
    mark = page.locator("#reader mark")
    expected = texts[first.get_attribute("data-article")][
        int(first.get_attribute("data-start")):int(first.get_attribute("data-end"))]
    assert mark.inner_text() == expected
    assert mark.is_visible() and mark.evaluate("m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert page.locator("#reader .reader-outlet").inner_text() == "Le Quotidien du Sud"
    page.screenshot(path=str(artifacts / "dossier-citation.png"))
    page.keyboard.press("Escape")
    assert page.locator("#reader").is_hidden()

    # every citation of the page, including those after the emoji of article b2
    links = page.locator("[data-article][data-start]")
    n = links.count()
    assert n > 20
    for i in range(n):
        link = links.nth(i)
        link.dispatch_event("click")
        aid = link.get_attribute("data-article")
        start, end = int(link.get_attribute("data-start")), int(link.get_attribute("data-end"))
        assert page.locator("#reader mark").text_content() == texts[aid][start:end]
        # the whole article is there around the mark
        assert page.locator("#reader .reader-text").text_content() == texts[aid]
    assert page.errors == []


def test_matrix_dot_opens_the_outlets_passage(page, tmp_path):
    dossier = rich_dossier()
    open_dossier(page, dossier, tmp_path)
    row = page.locator("table.matrix tbody tr").first
    row.locator("a.dot").nth(1).click()
    assert page.locator("#reader .reader-outlet").inner_text() == "Radio Littoral"
    assert page.locator("#reader mark").inner_text().startswith("Mercredi, les dockers ont bloqué")
    page.locator("#reader .reader-close").click()
    assert page.locator("#reader").is_hidden()


def test_injection_corpus_stays_inert(page, tmp_path, artifacts):
    dossier = injection_dossier()
    open_dossier(page, dossier, tmp_path, "injected.html")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # the payloads are on the page, as text
    assert PAYLOADS[0] in page.locator("h1").first.inner_text()
    body = page.locator("main").inner_text()
    for payload in PAYLOADS[:4]:
        assert payload in body
    assert page.locator("main img").count() == 0
    assert page.evaluate("document.scripts.length") == 2
    # click and hover around: citations, reading links, entities, the panel
    targets = page.locator("[data-article]")
    for i in range(targets.count()):
        targets.nth(i).dispatch_event("click")
        assert PAYLOADS[0] in page.locator("#reader .reader-text").text_content()
        assert page.locator("#reader img").count() == 0
    for sel in (".side-claim", ".variant", ".qcard", ".src-outlet", ".matrix tbody th"):
        page.locator(sel).first.hover(force=True)
    page.keyboard.press("Escape")
    page.locator(".src-list a.read").first.click()
    assert page.locator("#reader .reader-original").is_hidden()  # its javascript: address is no link
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # a javascript: address never became a link
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not any(h.lower().startswith("javascript") for h in hrefs)
    page.screenshot(path=str(artifacts / "dossier-injected.png"), full_page=True)
    assert page.errors == []
