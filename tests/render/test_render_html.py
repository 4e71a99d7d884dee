import json
import re
from html.parser import HTMLParser

import pytest

from recoupe.errors import InputError
from recoupe.render import dossier_html, render_dossier
from recoupe.render.html import safe_url, script_json
from recoupe.render.labels import format_date


class Collector(HTMLParser):
    """Tags, attributes and script bodies of a page, as a browser's tokenizer sees them."""

    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self._in_script = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append([dict(attrs), ""])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self.scripts[-1][1] += data


def parse(html):
    c = Collector()
    c.feed(html)
    return c


def test_matrix_has_one_row_per_fact_and_a_column_per_outlet(rich):
    page = parse(dossier_html(rich))
    rows = [a for t, a in page.tags if t == "tr" and "fact-row" in a.get("class", "")]
    assert len(rows) == len(rich.stories[0].facts)
    assert sum("single" in r["class"] for r in rows) == 1
    outlet_cols = [a for t, a in page.tags if t == "th" and a.get("class") == "outlet-col"]
    assert len(outlet_cols) == 3
    # one dot per (fact, outlet) that reports it
    dots = [a for t, a in page.tags if t == "a" and a.get("class") == "dot"]
    assert len(dots) == 3 + 2 + 1


def test_citations_carry_exact_offsets(rich):
    page = parse(dossier_html(rich))
    texts = {a.id: a.text for a in rich.articles}
    cites = [a for t, a in page.tags if t == "a" and "data-start" in a]
    assert len(cites) > 20
    for c in cites:
        start, end = int(c["data-start"]), int(c["data-end"])
        assert 0 <= start < end <= len(texts[c["data-article"]])
    # the page embeds each article's full text for the reading panel
    (data,) = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    assert {k: v["text"] for k, v in json.loads(data)["articles"].items()} == texts


def test_labels_follow_the_story_language(rich, english):
    fr, en = dossier_html(rich), dossier_html(english)
    assert '<html lang="fr">' in fr and "Qui rapporte quoi" in fr and "Who reports what" not in fr
    assert '<html lang="en">' in en and "Who reports what" in en and "Qui rapporte quoi" not in en
    assert "13 mars 2024" in fr and "Mar 13, 2024" in en


def test_divergences_show_contradiction_apart_from_points_of_view(rich):
    page = parse(dossier_html(rich))
    cards = [a["class"].split() for t, a in page.tags if t == "div" and "div-card" in a.get("class", "")]
    assert [c[1] for c in cards] == ["contra", "contra", "views"]
    assert [c[2] for c in cards] == ["sev-high", "sev-medium", "sev-low"]


def test_quotes_grouped_side_by_side(rich):
    page = parse(dossier_html(rich))
    groups = [a for t, a in page.tags if t == "div" and a.get("class", "").startswith("qgroup")]
    assert [g["class"] for g in groups] == ["qgroup multi"]  # one statement, three outlets
    singles = [a for t, a in page.tags if t == "div" and a.get("class") == "qcards singles"]
    assert len(singles) == 2  # Pierre Martin's other quote, and the CGT's
    html = dossier_html(rich)
    # reported speech is not dressed as verbatim
    assert "« 1 200 salariés" not in html and "1 200 salariés ont cessé le travail</blockquote>" in html


def test_one_source_cited_twice_gets_lettered_markers(rich):
    event = rich.stories[0].timeline[0]
    a = rich.articles[0]
    event.support.append(a.span(0, 10))
    html = dossier_html(rich)
    assert ">1a</a>" in html and ">1b</a>" in html


def test_no_external_resources(rich):
    html = dossier_html(rich)
    page = parse(html)
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag
        if tag == "link":
            pytest.fail("external stylesheet")
    hrefs = [a["href"] for t, a in page.tags if t == "a" and "href" in a]
    assert all(h.startswith("#") or h.startswith("https://") for h in hrefs)


def test_injection_stays_text(injected):
    html = dossier_html(injected)
    page = parse(html)
    assert [t for t, _ in page.tags if t == "img"] == []
    scripts = page.scripts
    assert len(scripts) == 2  # the data and the page's own script
    assert scripts[1][0].get("nonce") and "__pwned" not in scripts[1][1]
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
    assert "javascript:" not in " ".join(a.get("href", "") for _, a in page.tags)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    data = json.loads(scripts[0][1])
    assert "<script>window.__pwned=1</script>" in data["articles"]["x2"]["text"]
    assert "{{7*7}}" in html and ">49<" not in html


def test_script_json_cannot_close_its_tag():
    text = script_json({"t": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(str(text)) == {"t": "</script><!-- & \u2028"}


def test_safe_url():
    assert safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:x", "data:text/html,x", "//evil", None, "",
                'https://a" onclick="x'):
        assert safe_url(bad) is None


def test_dates_and_unknown_format(rich):
    assert format_date("2023-09", "fr") == "sept. 2023" and format_date("2023-09-01", "fr") == "1er sept. 2023"
    assert format_date("P2D", "en") == "P2D"
    with pytest.raises(InputError):
        render_dossier(rich, "pdf")


def test_many_stories_get_a_table_of_contents(rich, english):
    rich.articles += [a for a in english.articles if a.id not in {x.id for x in rich.articles}]
    rich.stories += english.stories
    html = dossier_html(rich)
    assert html.count('class="story"') == 2 and 'class="toc"' in html
    assert re.search(r'<article class="story" id="s2" lang="en">', html)


def test_articles_in_no_story_are_still_listed(rich):
    rich.stories = []
    html = dossier_html(rich)
    assert "Articles hors sujet" in html and html.count('class="read"') == 3


def test_long_quotes_fold_and_outlets_are_counted(rich):
    q = rich.stories[0].quotes[0]
    html = dossier_html(rich)
    assert "même propos · 3 médias" in html and 'class="more"' not in html
    art = rich.articles[0]
    art.text = art.text + " " + "x" * 400
    q2 = art.span(len(art.text) - 400, len(art.text))
    q.start, q.end, q.text = q2.start, q2.end, q2.text
    assert 'class="more"' in dossier_html(rich)


def test_label_tables_have_the_same_keys():
    from recoupe.render.labels import LABELS

    assert set(LABELS["fr"]) == set(LABELS["en"])
