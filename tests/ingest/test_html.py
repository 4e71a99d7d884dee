from pathlib import Path

import pytest

from recoupe import settings
from recoupe.errors import InputError
from recoupe.ingest import read_inputs
from recoupe.ingest.fetch import check_address, fetch



def test_html_file(tmp_path: Path, article_page: bytes):
    f = tmp_path / "lyon.html"
    f.write_bytes(article_page)
    (art,) = read_inputs([f])
    assert art.title == "Lyon double ses pistes cyclables"
    assert art.source == "Le Petit Lyonnais"
    assert art.authors == ["Marie Durand"]
    assert art.published == "2023-09-14" and art.published_from == "metadata"
    assert "120 kilomètres" in art.text and "Mentions légales" not in art.text
    assert "Accueil" not in art.text


def test_url(server, article_page: bytes):
    (server.root / "lyon.html").write_bytes(article_page)
    (art,) = read_inputs([server.url("/lyon.html")], allow_private=True)
    assert art.origin == server.url("/lyon.html") and art.url
    assert "120 kilomètres" in art.text and art.published == "2023-09-14"


def test_redirects_are_followed_and_bounded(server, article_page: bytes, monkeypatch):
    server.routes["/old"] = (301, "text/html", b"", {"Location": "/new"})
    server.routes["/new"] = (200, "text/html", article_page)
    blob = fetch(server.url("/old"), allow_private=True)
    assert blob.url == server.url("/new") and blob.origin == server.url("/old")
    server.routes["/loop"] = (302, "text/html", b"", {"Location": "/loop"})
    monkeypatch.setattr(settings, "HTTP_MAX_REDIRECTS", 3)
    with pytest.raises(InputError, match="redirects"):
        fetch(server.url("/loop"), allow_private=True)
    assert server.hits.count("/loop") == 4


def test_private_address_refused_without_the_flag(server, article_page: bytes):
    server.routes["/lyon"] = (200, "text/html", article_page)
    with pytest.raises(InputError, match="no article could be read.*private"):
        read_inputs([server.url("/lyon")])
    assert server.hits == []  # refused before any request


def test_redirect_to_a_private_address_is_refused(server, monkeypatch):
    import recoupe.ingest.fetch as fetch_mod

    real_check = fetch_mod.check_address

    def check(url, *, allow_private=False):  # the test server counts as public, 169.254/16 not
        real_check(url, allow_private="169.254." not in url)

    monkeypatch.setattr(fetch_mod, "check_address", check)
    server.routes["/redir"] = (302, "text/html", b"", {"Location": "http://169.254.169.254/meta"})
    with pytest.raises(InputError, match="private or local"):
        fetch_mod.fetch(server.url("/redir"))
    assert server.hits == ["/redir"]


@pytest.mark.parametrize("url", ["http://localhost/", "http://10.1.2.3/", "http://169.254.169.254/",
                                 "http://[::1]/", "http://192.168.0.1/", "http://0.0.0.0/"])
def test_check_address_refuses_local_addresses(url):
    with pytest.raises(InputError, match="private or local"):
        check_address(url)
    check_address(url, allow_private=True)


def test_timeout(server, monkeypatch):
    server.routes["/slow"] = ("sleep", 3.0, b"late")
    monkeypatch.setattr(settings, "HTTP_TIMEOUT", 0.3)
    import time

    start = time.monotonic()
    with pytest.raises(InputError, match="timed out"):
        read_inputs([server.url("/slow")], allow_private=True)
    assert time.monotonic() - start < 2.5


def test_download_size_cap(server, monkeypatch):
    server.routes["/big"] = (200, "text/plain", b"x " * 50_000)
    monkeypatch.setattr(settings, "MAX_INPUT_BYTES", 10_000)
    with pytest.raises(InputError, match="too big"):
        fetch(server.url("/big"), allow_private=True)


def test_http_error(server):
    with pytest.raises(InputError, match="404"):
        fetch(server.url("/missing"), allow_private=True)


def test_html_without_body(tmp_path: Path):
    f = tmp_path / "empty.html"
    f.write_text("<html><head><title>Rien</title></head></html>")
    with pytest.raises(InputError, match="no article could be read.*no article text"):
        read_inputs([f])


def test_html_boilerplate_in_body_is_cleaned(tmp_path: Path, make_page):
    extra = "<p>Partagez votre avis</p><p>Lire aussi : Les vélos électriques en plein essor</p>"
    f = tmp_path / "p.html"
    f.write_bytes(make_page(extra=extra))
    (art,) = read_inputs([f])
    assert "Partagez" not in art.text and "Lire aussi" not in art.text


def test_connected_address_is_checked_too(server, article_page: bytes, monkeypatch):
    """A name that resolved to a public address, then connects to a private one, is refused."""
    import recoupe.ingest.fetch as fetch_mod

    monkeypatch.setattr(fetch_mod, "check_address", lambda url, *, allow_private=False: None)
    server.routes["/lyon"] = (200, "text/html", article_page)
    with pytest.raises(InputError, match="connected to a private or local address"):
        fetch_mod.fetch(server.url("/lyon"))
    assert fetch_mod.fetch(server.url("/lyon"), allow_private=True).data == article_page
