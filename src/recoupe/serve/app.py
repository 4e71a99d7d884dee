"""The local web app: stories, full-text search, article pages with their highlights, adding
articles, and a REST JSON API under /api (OpenAPI document at /api/openapi.json).

Every page is rendered on the server with autoescaping Jinja2 templates; a story page is the
HTML dossier itself. Each request opens the store on its own, so requests never share a
SQLite connection.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from recoupe import __version__, settings
from recoupe.errors import InputError, RecoupeError
from recoupe.model import Article, Dossier, Story, to_dict
from recoupe.render import dossier_html, dossier_json
from recoupe.render.html import safe_url
from recoupe.render.labels import count, dossier_lang, format_date, labels, majority_lang
from recoupe.serve.highlight import segments
from recoupe.store import Store

TEMPLATES = Path(__file__).with_name("templates")
UPLOAD_NAME = re.compile(r"[^\w.\-]+")


# -- what the API returns --------------------------------------------------------------------

class ArticleSummary(BaseModel):
    id: str
    source: str
    title: str | None = None
    lang: str | None = None
    published: str | None = None
    url: str | None = None
    origin: str


class StorySummary(BaseModel):
    id: str
    title: str
    article_ids: list[str]
    origins: int
    facts: int
    quotes: int
    divergences: int
    entities: int


class SearchResult(BaseModel):
    query: str
    articles: list[ArticleSummary]
    stories: list[StorySummary]


class AddResult(BaseModel):
    added: int
    articles: list[str]
    stories: list[str]
    warnings: list[str]


class ErrorBody(BaseModel):
    error: str


def article_summary(a: Article) -> dict:
    return {"id": a.id, "source": a.source, "title": a.title, "lang": a.lang,
            "published": a.published, "url": a.url, "origin": a.origin}


def story_summary(s: Story) -> dict:
    return {"id": s.id, "title": s.title, "article_ids": s.article_ids, "origins": s.origins,
            "facts": len(s.facts), "quotes": len(s.quotes), "divergences": len(s.divergences),
            "entities": len(s.entities)}


# -- adding articles -------------------------------------------------------------------------

def _save_upload(folder: Path, name: str, data: bytes) -> Path:
    if len(data) > settings.MAX_INPUT_BYTES:
        raise InputError(f"{name}: larger than {settings.MAX_INPUT_BYTES // (1024 * 1024)} MB")
    safe = UPLOAD_NAME.sub("_", Path(name or "upload").name).strip("._") or "upload.txt"
    path = folder / safe
    n = 1
    while path.exists():  # two uploads with one name keep both
        n += 1
        path = folder / f"{path.stem}-{n}{path.suffix}"
    path.write_bytes(data)
    return path


class Ingester:
    """Reads, analyses and stores new articles, which then join or open stories: only the
    stories that changed are made again (the story index is kept in memory between adds).

    One add at a time: each grouping goes on from the one before.
    """

    def __init__(self, store_path: Path, allow_private: bool):
        from recoupe.store.grouping import KeptIndex

        self.store_path = store_path
        self.allow_private = allow_private
        self.lock = threading.Lock()
        self.kept = KeptIndex()

    def add(self, uploads: list[tuple[str, bytes]], urls: list[str]) -> dict:
        from recoupe.pipeline import analyze, group_stored, read

        urls = [u.strip() for u in urls if u and u.strip()]
        uploads = [(n, d) for n, d in uploads if d]
        if not uploads and not urls:
            raise InputError("nothing to add: give a file or a URL")
        for u in urls:
            if urlsplit(u).scheme not in ("http", "https"):
                raise InputError(f"{u}: only http and https addresses can be added")
        warnings: list[str] = []
        with tempfile.TemporaryDirectory(prefix="recoupe-upload-") as tmp:
            names = {}
            inputs: list[str] = list(urls)
            for name, data in uploads:
                path = _save_upload(Path(tmp), name, data)
                names[str(path)] = f"upload:{path.name}"
                inputs.append(str(path))
            articles = read(inputs, allow_private=self.allow_private, warn=warnings.append)
            for a in articles:  # the temporary folder means nothing to the reader
                for tmp_path, label in names.items():
                    if a.origin.startswith(tmp_path):
                        a.origin = label + a.origin[len(tmp_path):]
        with self.lock:
            articles = analyze(articles)
            with Store(self.store_path) as db:
                new, _ = db.store_articles(articles)  # notes the ones analysed again
                group_stored(db, kept=self.kept, warn=warnings.append)
                ids = [a.id for a in articles]
                story_ids = list(dict.fromkeys(s for aid in ids for s in db.stories_of(aid)))
        return {"added": len(new), "articles": ids, "stories": story_ids, "warnings": warnings}

    def stale(self) -> int:
        """How many stored articles no story holds yet (stored by `recoupe brief --store`, by
        an interrupted ingest, or before the store kept its story index) or whose stories
        await being made again from a new analysis."""
        with Store(self.store_path) as db:
            return len(set(db.unindexed_ids()) | set(db.refreshed_ids()))

    def regroup_if_stale(self, warn=None) -> int:
        from recoupe.pipeline import group_stored

        with self.lock:
            n = self.stale()
            if n:
                with Store(self.store_path) as db:
                    group_stored(db, kept=self.kept, warn=warn)
            return n

    def load_index(self, warn=None) -> None:
        """Rebuild the story index from the store now, so that the first add need not."""
        with self.lock, Store(self.store_path) as db:
            self.kept.load(db, warn)


# -- the app ---------------------------------------------------------------------------------

def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["pathq"] = lambda s: quote(str(s), safe="")
    env.filters["date"] = format_date
    env.globals["count"] = count
    css = (Path(__file__).parents[1] / "render" / "templates" / "dossier.css").read_text(encoding="utf-8")
    env.globals["css"] = Markup(css + (TEMPLATES / "serve.css").read_text(encoding="utf-8"))
    env.globals["version"] = __version__
    return env


def create_app(store_path: str | Path, allow_private: bool = False) -> FastAPI:
    """The FastAPI app serving the store at `store_path`."""
    store_path = Path(store_path)
    with Store(store_path):  # fail now, in one line, if the store cannot be opened
        pass
    env = _templates()
    ingester = Ingester(store_path, allow_private)
    app = FastAPI(title="recoupe", version=__version__,
                  description="Stories, articles and full-text search of a recoupe store. Dossiers "
                              "follow the recoupe.dossier/1 JSON contract.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)

    def store() -> Store:
        return Store(store_path)

    def page(name: str, status: int = 200, lang: str = "fr", **context) -> HTMLResponse:
        html = env.get_template(name).render(L=labels(lang), lang=lang, **context)
        return HTMLResponse(html, status_code=status)

    def site_lang(articles: list) -> str:
        return majority_lang(articles) if articles else "fr"

    # -- errors: clean JSON under /api, a clean page elsewhere, never a traceback

    def error_response(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": message}, status_code=status)
        return page("error.html.j2", status=status, status_code=status, message=message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x != "body")
        return error_response(request, 422, f"invalid request: {where} {first.get('msg', '')}".strip())

    @app.exception_handler(RecoupeError)
    async def recoupe_error(request: Request, exc: RecoupeError):
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        return error_response(request, 500, f"internal error ({type(exc).__name__})")

    @app.middleware("http")
    async def same_origin_writes(request: Request, call_next: Callable):
        # a page from another site must not make this local app fetch or store things
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            origin = request.headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
                return error_response(request, 403, "cross-site request refused")
        try:
            return await call_next(request)
        except Exception as exc:  # errors raised below the exception handlers
            return error_response(request, 500, f"internal error ({type(exc).__name__})")

    # -- HTML pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(q: str = ""):
        # heads only: the page lists, it does not read the analyses (fast on a large store)
        with store() as db:
            articles = {a.id: a for a in db.article_heads()}
            stories = db.story_heads()
            hits = []
            if q.strip():
                hit_ids = db.search(q, limit=200)
                hits = [articles[i] for i in hit_ids if i in articles]
                stories = [s for s in stories if set(hit_ids) & set(s.article_ids)]
        rows = []
        for s in stories:
            arts = [articles[i] for i in s.article_ids if i in articles]
            dates = sorted(a.published for a in arts if a.published)
            rows.append({"story": s, "outlets": sorted({a.source for a in arts}),
                         "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
                         "lang": majority_lang(arts)})
        lang = site_lang(list(articles.values()))
        return page("index.html.j2", lang=lang, q=q, rows=rows, hits=hits,
                    n_articles=len(articles), recent=list(articles.values())[-20:][::-1])

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str):
        with store() as db:
            story = db.get_story(story_id)
            if story is None:
                raise HTTPException(404, f"no story {story_id!r}")
            articles = db.articles(story.article_ids)
        dossier = Dossier(articles, [story], generator=f"recoupe {__version__}")
        L = labels(dossier_lang(dossier))
        nav = [(L["stories"], "/"), ("+", "/add"), ("JSON", f"/api/stories/{quote(story_id, safe='')}")]
        return HTMLResponse(dossier_html(dossier, nav=nav, article_url="/articles/"))

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str):
        with store() as db:
            article = db.get_article(article_id)
            if article is None:
                raise HTTPException(404, f"no article {article_id!r}")
            story_ids = db.stories_of(article_id)
            stories = [s for s in (db.get_story(i) for i in story_ids) if s]
        lang = site_lang([article])
        return page("article.html.j2", lang=lang, a=article, stories=stories,
                    segments=segments(article), url=safe_url(article.url))

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_form():
        with store() as db:
            lang = site_lang(db.article_heads()[:50])
        return page("add.html.j2", lang=lang)

    @app.post("/add", include_in_schema=False)
    async def add_submit(request: Request):
        uploads, urls = await _read_form(request)
        try:
            result = await run_in_threadpool(ingester.add, uploads, urls)
        except RecoupeError as exc:
            return page("add.html.j2", status=400, error=str(exc), urls="\n".join(urls))
        target = f"/stories/{quote(result['stories'][0], safe='')}" if result["stories"] else "/"
        return RedirectResponse(target, status_code=303)

    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs():
        return page("api_docs.html.j2", lang="en", spec=app.openapi(),
                    spec_json=json.dumps(app.openapi(), indent=2, ensure_ascii=False))

    # -- the JSON API

    @app.get("/api/stories", response_model=list[StorySummary], tags=["stories"],
             summary="Every story, with counts")
    def api_stories():
        with store() as db:
            return [story_summary(s) for s in db.stories()]

    @app.get("/api/stories/{story_id:path}", tags=["stories"],
             summary="One story as a dossier (recoupe.dossier/1, with its articles)",
             responses={404: {"model": ErrorBody}})
    def api_story(story_id: str) -> dict:
        with store() as db:
            story = db.get_story(story_id)
            if story is None:
                raise HTTPException(404, f"no story {story_id!r}")
            articles = db.articles(story.article_ids)
        return dossier_json(Dossier(articles, [story], generator=f"recoupe {__version__}"))

    @app.get("/api/articles", response_model=list[ArticleSummary], tags=["articles"],
             summary="Stored articles, oldest first")
    def api_articles(limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)):
        with store() as db:
            ids = db.article_ids()[offset:offset + limit]
            return [article_summary(a) for a in db.articles(ids)]

    @app.get("/api/articles/{article_id:path}", tags=["articles"],
             summary="One article with its text and analysis (mentions, quotes, times, claims)",
             responses={404: {"model": ErrorBody}})
    def api_article(article_id: str) -> dict:
        with store() as db:
            article = db.get_article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return to_dict(article)

    @app.get("/api/search", response_model=SearchResult, tags=["search"],
             summary="Full-text search (every word must appear), best first")
    def api_search(q: str = Query(..., min_length=1, description="words to look for"),
                   limit: int = Query(50, ge=1, le=500)):
        with store() as db:
            hits = db.articles(db.search(q, limit=limit))
            ids = {a.id for a in hits}
            stories = [s for s in db.stories() if ids & set(s.article_ids)]
        return {"query": q, "articles": [article_summary(a) for a in hits],
                "stories": [story_summary(s) for s in stories]}

    @app.post("/api/articles", response_model=AddResult, status_code=201, tags=["articles"],
              summary="Add articles by upload or URL; they join or open stories",
              responses={400: {"model": ErrorBody}},
              openapi_extra={"requestBody": {"required": True, "content": {
                  "multipart/form-data": {"schema": {"type": "object", "properties": {
                      "file": {"type": "array", "items": {"type": "string", "format": "binary"}},
                      "url": {"type": "array", "items": {"type": "string"}}}}},
                  "application/json": {"schema": {"type": "object", "properties": {
                      "urls": {"type": "array", "items": {"type": "string"}}}}}}}})
    async def api_add(request: Request):
        if request.headers.get("content-type", "").startswith("application/json"):
            try:
                body = await request.json()
            except ValueError:
                raise InputError("the body is not valid JSON") from None
            if not isinstance(body, dict):
                raise InputError('expected {"urls": [...]}')
            urls = body.get("urls") or ([body["url"]] if body.get("url") else [])
            if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
                raise InputError('"urls" must be a list of strings')
            uploads: list[tuple[str, bytes]] = []
        else:
            uploads, urls = await _read_form(request)
        result = await run_in_threadpool(ingester.add, uploads, urls)
        return JSONResponse(result, status_code=201)

    app.state.ingester = ingester
    return app


async def _read_form(request: Request) -> tuple[list[tuple[str, bytes]], list[str]]:
    try:
        form = await request.form(max_part_size=settings.MAX_INPUT_BYTES)
    except Exception:
        raise InputError("could not read the form (expected multipart/form-data)") from None
    uploads = []
    for item in form.getlist("file"):
        if hasattr(item, "read"):
            uploads.append((item.filename or "upload.txt", await item.read()))
    urls = [u for field in form.getlist("url") if isinstance(field, str) for u in field.split()]
    return uploads, urls

