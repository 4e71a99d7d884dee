"""The web app and its REST API, over a real store."""

from __future__ import annotations

import html
import warnings

import httpx
import jsonschema
import pytest

from recoupe.render import schema
from recoupe.serve import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_api_lists_stories_and_articles(client):
    stories = client.get("/api/stories").json()
    assert [s["id"] for s in stories] == ["s1"]
    assert stories[0]["facts"] == 3 and stories[0]["divergences"] == 3
    arts = client.get("/api/articles").json()
    assert {a["id"] for a in arts} == {"a1", "b2", "c3"}
    assert client.get("/api/articles", params={"limit": 1, "offset": 1}).json()[0]["id"] == arts[1]["id"]


def test_api_story_is_a_valid_dossier(client):
    data = client.get("/api/stories/s1").json()
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert [a["id"] for a in data["articles"]] == ["a1", "b2", "c3"]
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for f in data["stories"][0]["facts"]:
        for s in f["support"]:
            assert texts[s["article_id"]][s["start"]:s["end"]] == s["text"]


def test_api_article_and_search(client):
    art = client.get("/api/articles/b2").json()
    assert art["source"] == "Radio Littoral" and art["times"][1]["value"] == "2024-03-14"
    hits = client.get("/api/search", params={"q": "préfecture grévistes"}).json()
    assert [a["id"] for a in hits["articles"]] == ["b2"]
    assert [s["id"] for s in hits["stories"]] == ["s1"]
    # accents do not matter, FTS syntax is plain words
    assert [a["id"] for a in client.get("/api/search", params={"q": "prefecture"}).json()["articles"]] == ["b2"]
    assert client.get("/api/search", params={"q": 'NEAR("x" AND'}).status_code == 200


def test_api_errors_are_clean_json(client):
    for url, status in (("/api/stories/nope", 404), ("/api/articles/nope", 404), ("/api/search", 422),
                        ("/api/articles?limit=0", 422), ("/api/nowhere", 404)):
        r = client.get(url)
        assert r.status_code == status and set(r.json()) == {"error"}, url
        assert "Traceback" not in r.text


def test_openapi_document(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/search"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]
    assert not any(p.startswith("/stories") for p in spec["paths"])
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text and "<script" not in docs.text


def test_html_pages(client):
    index = client.get("/")
    assert index.status_code == 200 and "Grève des dockers à Marseille" in index.text
    assert 'href="/stories/s1"' in index.text
    story = client.get("/stories/s1")
    assert story.status_code == 200 and story.text.count('class="fact-row') == 3
    assert 'href="/api/stories/s1"' in story.text
    found = client.get("/", params={"q": "préfecture"})
    assert 'href="/articles/b2"' in found.text and 'href="/articles/a1"' not in found.text
    assert "Aucun résultat" in client.get("/", params={"q": "zeppelin"}).text


def test_article_page_highlights(client):
    page = client.get("/articles/a1").text
    assert '<span class="hl mention PER" data-start="' in page
    assert '<span class="hl quote direct"' in page
    assert '<span class="hl time" data-start="59" title="DATE 2024-03-13">mercredi</span>' in page
    assert 'href="https://quotidien.example/greve"' in page
    # the quotes with their speakers, the times with their values
    assert "<span class=\"outlet\">Pierre Martin</span>« Nous ne reculerons" in page
    assert "<code>2024-03-15</code>" in page
    assert 'href="/stories/s1"' in page
    title = page[page.index("<title>"):page.index("</title>")]
    assert "<h2>" not in title and "<code>" not in title  # the lists are in the body only


def test_html_errors_are_pages(client):
    r = client.get("/stories/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Erreur 404" in r.text and "Traceback" not in r.text


def test_served_pages_escape_article_content(injected_store):
    with TestClient(create_app(injected_store)) as c:
        for url in ("/", "/stories/s9", "/articles/x2", "/?q=script", "/articles/" + '%22%20onmouseover'):
            r = c.get(url)
            assert "<script>window" not in r.text and "<img src=x" not in r.text, url
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in c.get("/articles/x2").text


def test_cross_site_posts_are_refused(client):
    r = client.post("/api/articles", json={"urls": ["https://example.org/"]},
                    headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and r.json() == {"error": "cross-site request refused"}


def test_add_rejects_bad_input_cleanly(client):
    assert client.post("/api/articles", json={"urls": []}).json() == {"error": "nothing to add: give a file or a URL"}
    r = client.post("/api/articles", json={"urls": ["file:///etc/passwd"]})
    assert r.status_code == 400 and "only http" in r.json()["error"]
    r = client.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400
    # a loopback address is refused unless --allow-private
    r = client.post("/api/articles", json={"urls": ["http://127.0.0.1:9/a"]})
    assert r.status_code == 400 and set(r.json()) == {"error"}
    page = client.post("/add", files={"file": ("empty.txt", b"")})
    assert page.status_code == 400 and 'class="alert"' in page.text


@pytest.mark.slow
def test_upload_adds_and_regroups(client, tmp_path):
    text = ("Le conseil municipal de Lyon a voté jeudi 7 mars 2024 la gratuité des transports pour "
            "les moins de 18 ans. « C'est une mesure de justice », a déclaré la maire adjointe, "
            "Sophie Renard. Le coût est estimé à 12 millions d'euros par an.")
    r = client.post("/api/articles", files=[("file", ("lyon-transports.txt", text.encode()))])
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"] == 1 and len(body["articles"]) == 1
    new_id = body["articles"][0]
    art = client.get(f"/api/articles/{new_id}").json()
    assert art["origin"] == "upload:lyon-transports.txt" and "Sophie Renard" in art["text"]
    assert {a["id"] for a in client.get("/api/articles").json()} >= {"a1", "b2", "c3", new_id}
    assert new_id in client.get("/api/search", params={"q": "gratuité"}).text
    # the same article again is stored once
    again = client.post("/add", files=[("file", ("copy.txt", text.encode()))], follow_redirects=False)
    assert again.status_code == 303
    assert client.post("/api/articles", files=[("file", ("x.txt", text.encode()))]).json()["added"] == 0


def test_live_server(live_server):
    with httpx.Client(base_url=live_server.url, timeout=10) as http:
        assert http.get("/api/stories").json()[0]["title"] == "Grève des dockers à Marseille"
        r = http.get("/stories/s1")
        assert r.status_code == 200 and "recoupe-data" in r.text
        assert html.escape("Grève") in r.text or "Grève" in r.text


@pytest.mark.slow
def test_articles_stored_without_stories_are_grouped(tmp_path):
    from conftest_dossier import rich_dossier
    from recoupe.store import Store

    path = tmp_path / "ingested.db"
    with Store(path) as db:  # what `recoupe ingest` leaves: articles, no stories
        db.add_articles(rich_dossier().articles)
    app = create_app(path)
    assert app.state.ingester.stale() == 3
    assert app.state.ingester.regroup_if_stale() == 3
    assert app.state.ingester.stale() == 0
    with Store(path) as db:
        assert db.stories() and {i for s in db.stories() for i in s.article_ids} == {"a1", "b2", "c3"}
