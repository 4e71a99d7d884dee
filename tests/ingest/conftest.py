"""A real HTTP server on localhost (port 0) for the HTML, URL and feed readers."""

from __future__ import annotations

import mimetypes
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


class Server:
    """Serves the files of `root` (written by the tests), and `routes` that say more:
    path -> (status, content type, body bytes[, extra headers]); ("sleep", seconds, body) waits
    before answering."""

    def __init__(self, root: Path):
        self.root = root
        self.routes: dict[str, tuple] = {}
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.hits.append(self.path)
                route = server.routes.get(self.path)
                file = server.root / self.path.lstrip("/")
                if route is None and file.is_file():
                    ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                    route = (200, ctype, file.read_bytes())
                if route is None:
                    self.send_error(404)
                    return
                status, ctype, body, headers = (route + ({},))[:4]
                if status == "sleep":
                    time.sleep(ctype)
                    status, ctype = 200, "text/html"
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(tmp_path: Path):
    (tmp_path / "www").mkdir()
    s = Server(tmp_path / "www")
    yield s
    s.close()


ARTICLE_FR = (
    "Le conseil municipal de Lyon a voté jeudi soir un nouveau plan pour les pistes cyclables. "
    "« Nous voulons doubler le réseau d'ici 2026 », a déclaré l'adjointe chargée des mobilités.\n\n"
    "Le projet prévoit 120 kilomètres de voies supplémentaires, pour un coût estimé à 45 millions "
    "d'euros. L'opposition a dénoncé un calendrier trop serré et demandé une étude d'impact.\n\n"
    "Les travaux doivent commencer au printemps prochain dans les quartiers du centre, selon la "
    "métropole, qui promet une concertation avec les commerçants.")


def page(title: str = "Lyon double ses pistes cyclables", body: str = ARTICLE_FR,
         extra: str = "") -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>{title} - Le Petit Lyonnais</title>
<meta property="og:site_name" content="Le Petit Lyonnais">
<meta property="og:title" content="{title}">
<meta name="author" content="Marie Durand">
<meta property="article:published_time" content="2023-09-14T08:30:00+02:00">
</head><body><nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>{paras}{extra}</article>
<footer>Mentions légales - Contact - Plan du site</footer></body></html>""".encode()


@pytest.fixture
def article_fr() -> str:
    return ARTICLE_FR


@pytest.fixture
def make_page():
    return page


@pytest.fixture
def article_page() -> bytes:
    return page()
