"""Articles added through the web app join or open stories without regrouping the store."""

from __future__ import annotations

import copy
import warnings

import pytest

from recoupe.serve import create_app
from recoupe.store import Store
from recoupe.stories import build_stories

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# the Valorhône story first, then its last article and the unrelated trail race
FIRST = ["agence-rhone-presse.txt", "le-petit-valentinois.txt", "le-courrier-du-rhone.txt",
         "euro-industry-today.txt"]
SECOND = ["vallee-matin.html", "la-voix-de-la-drome.txt", "gazette-des-alpes.txt",
          "radio-alpes-sport.txt"]


def membership(stories):
    return sorted(sorted(s["article_ids"] if isinstance(s, dict) else s.article_ids) for s in stories)


@pytest.mark.slow
def test_uploads_join_stories_as_a_batch_would(examples_dir, tmp_path):
    path = tmp_path / "store.db"
    app = create_app(path)
    with TestClient(app) as client:
        first = client.post("/api/articles", files=[
            ("file", (n, (examples_dir / n).read_bytes())) for n in FIRST])
        assert first.status_code == 201, first.text
        assert first.json()["added"] == 4 and len(first.json()["stories"]) == 1
        before = {s["id"]: s for s in client.get("/api/stories").json()}
        second = client.post("/api/articles", files=[
            ("file", (n, (examples_dir / n).read_bytes())) for n in SECOND])
        assert second.status_code == 201, second.text
        assert len(second.json()["stories"]) == 2  # the Valorhône story grew; the race opened one
        after = client.get("/api/stories").json()
        assert len(before) == 1 and not set(before) & {s["id"] for s in after}
    with Store(path) as db:
        assert db.unindexed_ids() == []
        batch = build_stories(copy.deepcopy(db.articles()))
        assert membership(after) == membership(batch)
        assert [s.thread for s in db.stories()] == [s.thread for s in batch]
    assert app.state.ingester.kept.index is not None  # kept between adds: no rebuild


@pytest.mark.slow
def test_an_article_analysed_again_keeps_waiting_when_its_grouping_fails(examples_dir, tmp_path,
                                                                         monkeypatch):
    """An upload stores an article again with a new analysis, then its grouping fails: the
    next add still makes its story again."""
    import recoupe.pipeline as pipeline
    import recoupe.stories as stories

    path = tmp_path / "store.db"
    app = create_app(path)
    with TestClient(app, raise_server_exceptions=False) as client:
        name = FIRST[0]
        first = client.post("/api/articles", files=[("file", (name, (examples_dir / name).read_bytes()))])
        assert first.status_code == 201, first.text
        (aid,), (sid,) = first.json()["articles"], first.json()["stories"]
        before = client.get(f"/api/stories/{sid}").json()["stories"]
        analyze = pipeline.analyze

        def new_analysis(articles, **kw):  # what a newer analysis would find
            out = analyze(articles, **kw)
            for a in out:
                a.quotes, a.claims = [], []
            return out

        def broken(*a, **k):
            raise RuntimeError("stage failed")

        monkeypatch.setattr(pipeline, "analyze", new_analysis)
        monkeypatch.setattr(stories, "make_story", broken)
        again = client.post("/api/articles", files=[("file", (name, (examples_dir / name).read_bytes()))])
        assert again.status_code == 500
        monkeypatch.undo()
        other = "radio-alpes-sport.txt"
        later = client.post("/api/articles", files=[("file", (other, (examples_dir / other).read_bytes()))])
        assert later.status_code == 201, later.text
        after = client.get(f"/api/stories/{sid}").json()["stories"]
        assert after != before and after[0]["article_ids"] == [aid]  # made again
    with Store(path) as db:
        assert db.refreshed_ids() == {} and db.get_article(aid).quotes == []
