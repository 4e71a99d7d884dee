"""`recoupe serve` in a real browser: list, search, story page with citations, article page."""

from __future__ import annotations

import pytest

from conftest_dossier import ServerThread, filled_store, injection_dossier, rich_dossier
from recoupe.serve import create_app

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path):
    with ServerThread(create_app(filled_store(tmp_path / "s.db", rich_dossier()))) as srv:
        yield srv


def test_browse_search_story_and_article(page, server, artifacts):
    page.goto(server.url + "/")
    page.fill("input[name=q]", "préfecture")
    page.click("form.searchbar button")
    assert "préfecture" in page.url or "pr%C3%A9fecture" in page.url
    page.click(".story-list a.title")
    assert page.locator("h1").first.inner_text() == "Grève des dockers à Marseille"
    assert page.locator("table.matrix tbody tr").count() == 3
    link = page.locator(".divergences a.cite").first
    link.click()
    assert page.locator("#reader mark").inner_text() == "doit recevoir les syndicats vendredi"
    page.screenshot(path=str(artifacts / "serve-story.png"))
    assert page.locator("#reader .reader-original").get_attribute("href") == "https://quotidien.example/greve"
    page.locator("#reader .reader-page").click()
    assert page.url == server.url + "/articles/a1"
    assert page.locator(".article-text .hl.time").first.inner_text() == "mercredi"
    page.screenshot(path=str(artifacts / "serve-article.png"), full_page=True)
    assert page.errors == []


def test_served_injection_stays_inert(page, tmp_path):
    with ServerThread(create_app(filled_store(tmp_path / "i.db", injection_dossier()))) as srv:
        for path in ("/", "/stories/s9", "/articles/x2", "/?q=script"):
            page.goto(srv.url + path)
            for el in page.locator("main a:visible, main span.hl").all()[:30]:
                el.hover(force=True, timeout=2000)
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            assert page.locator("main img").count() == 0
        page.goto(srv.url + "/articles/x2")
        assert "<script>window.__pwned=1</script>" in page.locator(".article-text").inner_text()
