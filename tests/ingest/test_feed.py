from pathlib import Path

import pytest

from recoupe.errors import InputError
from recoupe.ingest import read_inputs



def rss(items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(f"<item><title>{t}</title><link>{link}</link>"
                   f"<pubDate>Thu, 14 Sep 2023 08:00:00 GMT</pubDate>"
                   f"<description><![CDATA[{d}]]></description></item>" for t, link, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Le Petit Lyonnais</title><link>http://example.org/</link>{body}"
            f"</channel></rss>").encode()


def test_feed_url_follows_links(server, article_fr, make_page):
    (server.root / "a.html").write_bytes(make_page())
    (server.root / "b.html").write_bytes(make_page("Lille aussi", article_fr.replace("Lyon", "Lille")))
    (server.root / "feed.rss").write_bytes(
        rss([("A", server.url("/a.html"), "court"), ("B", server.url("/b.html"), "court")]))
    arts = read_inputs([server.url("/feed.rss")], allow_private=True)
    assert len(arts) == 2
    assert arts[1].title == "Lille aussi" and "Lille" in arts[1].text
    assert arts[0].published == "2023-09-14" and arts[0].origin == server.url("/a.html")


def test_feed_file_falls_back_to_summary(server, tmp_path: Path, article_fr):
    summary = "<p>" + article_fr.replace("\n\n", "</p><p>") + "</p>"
    f = tmp_path / "news.xml"
    f.write_bytes(rss([("Pistes cyclables", server.url("/gone"), summary)]))
    warned: list[str] = []
    (art,) = read_inputs([f], allow_private=True, warn=warned.append)
    assert art.title == "Pistes cyclables" and art.source == "Le Petit Lyonnais"
    assert "120 kilomètres" in art.text and "<p>" not in art.text
    assert art.published == "2023-09-14" and art.published_from == "metadata"
    assert any("404" in w and "feed's own text" in w for w in warned)


def test_atom_feed(server, make_page):
    server.routes["/a"] = (200, "text/html", make_page())
    atom = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>'
            f'<entry><title>A</title><link href="{server.url("/a")}"/>'
            f"<updated>2023-09-14T08:00:00Z</updated><author><name>M. D</name></author></entry></feed>")
    server.routes["/atom"] = (200, "application/atom+xml", atom.encode())
    (art,) = read_inputs([server.url("/atom")], allow_private=True)
    assert "120 kilomètres" in art.text


def test_feed_that_is_not_xml(tmp_path: Path):
    f = tmp_path / "feed.rss"
    f.write_text("this is { not xml at all")
    with pytest.raises(InputError, match="no article could be read.*not a valid RSS/Atom feed"):
        read_inputs([f])


def test_feed_links_obey_the_private_rule(server, tmp_path: Path, article_fr):
    server.routes["/a"] = (200, "text/html", b"<html><body><p>page</p></body></html>")
    f = tmp_path / "news.rss"
    f.write_bytes(rss([("A", server.url("/a"), article_fr)]))
    warned: list[str] = []
    (art,) = read_inputs([f], warn=warned.append)
    assert server.hits == [] and "120 kilomètres" in art.text
    assert any("private" in w for w in warned)
