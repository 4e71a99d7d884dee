"""Hand-built dossiers for the renderer, serve and browser tests.

The texts are written for these tests (a fictional dock strike); every span is built with
`Article.span` from a substring search, so provenance holds by construction.
"""

from __future__ import annotations

from recoupe.model import (
    Article, Divergence, Dossier, Entity, Fact, Mention, Quote, Role, Side, Speaker, Story,
    SummarySentence, TimelineEvent, TimeRef,
)

TEXT_A = (
    "Les dockers du Grand Port maritime de Marseille ont bloqué mercredi les terminaux de "
    "Fos-sur-Mer. Selon la CGT, 1 200 salariés ont cessé le travail.\n\n"
    "« Nous ne reculerons pas tant que la réforme n'est pas retirée », a déclaré le secrétaire "
    "général du syndicat, Pierre Martin. La direction du port estime que 400 salariés seulement "
    "étaient en grève.\n\n"
    "La ministre des Transports, Claire Dubois, doit recevoir les syndicats vendredi. "
    "M. Martin a prévenu que le blocage durerait « aussi longtemps qu'il le faudra »."
)

TEXT_B = (  # the emoji sits before every span: offsets count code points, not UTF-16 units
    "🚢 Mercredi, les dockers ont bloqué les terminaux de Fos-sur-Mer, à l'ouest de Marseille.\n\n"
    "« Nous ne reculerons pas tant que la réforme ne sera pas retirée », a affirmé Pierre "
    "Martin, secrétaire général de la CGT Ports. Environ 800 grévistes selon la préfecture.\n\n"
    "Le ministre délégué, Marc Leroy, recevra les syndicats jeudi."
)

TEXT_C = (
    "Dockers at the port of Marseille blocked the Fos-sur-Mer terminals on Wednesday.\n\n"
    "\"We will not back down until the reform is withdrawn,\" union leader Pierre Martin said. "
    "The union claimed 1,200 strikers."
)


def at(article: Article, needle: str, nth: int = 0):
    """The SourceSpan of the `nth` occurrence of `needle` in the article."""
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(needle, start + 1)
    return article.span(start, start + len(needle))


def _time(article: Article, needle: str, value: str, type_: str = "DATE") -> TimeRef:
    s = at(article, needle)
    return TimeRef(s.start, s.end, s.text, type_, value, anchor=article.published)


def _quote(article: Article, needle: str, speaker: Speaker, cue: str, group: str,
           kind: str = "direct") -> Quote:
    s = at(article, needle)
    cue_span = at(article, cue)
    return Quote(article.id, s.start, s.end, s.text, kind, speaker, cue, cue_span, group)


def _mention(article: Article, needle: str, label: str, entity_id: str, nth: int = 0) -> Mention:
    s = at(article, needle, nth)
    return Mention(s.start, s.end, s.text, label, entity_id)


def rich_dossier() -> Dossier:
    """Two French articles and one English one about the same strike, fully analysed."""
    a = Article("a1", "/corpus/quotidien.txt", "Le Quotidien du Sud", TEXT_A,
                title="Grève au port de Marseille : les dockers bloquent les terminaux",
                lang="fr", published="2024-03-14", url="https://quotidien.example/greve")
    b = Article("b2", "/corpus/radio.html", "Radio Littoral", TEXT_B,
                title="Marseille : blocage des terminaux de Fos par les dockers",
                lang="fr", published="2024-03-14")
    c = Article("c3", "https://wire.example/dockers", "Coastal Wire", TEXT_C,
                title="Dockers block Marseille port terminals", lang="en",
                published="2024-03-13", url="https://wire.example/dockers")

    a.times = [_time(a, "mercredi", "2024-03-13"), _time(a, "vendredi", "2024-03-15")]
    b.times = [_time(b, "Mercredi", "2024-03-13"), _time(b, "jeudi", "2024-03-14")]
    c.times = [_time(c, "on Wednesday", "2024-03-13")]
    a.mentions = [_mention(a, "Pierre Martin", "PER", "a1:e1"), _mention(a, "M. Martin", "PER", "a1:e1"),
                  _mention(a, "Claire Dubois", "PER", "a1:e2"), _mention(a, "Marseille", "LOC", "a1:e3"),
                  _mention(a, "CGT", "ORG", "a1:e4")]
    b.mentions = [_mention(b, "Pierre Martin", "PER", "b2:e1"), _mention(b, "Marc Leroy", "PER", "b2:e2"),
                  _mention(b, "Marseille", "LOC", "b2:e3"), _mention(b, "CGT Ports", "ORG", "b2:e4")]
    c.mentions = [_mention(c, "Pierre Martin", "PER", "c3:e1"), _mention(c, "Marseille", "LOC", "c3:e2")]

    martin = Entity("s1:e1", "Pierre Martin", "PER", variants=["Pierre Martin", "M. Martin"],
                    mentions=[at(a, "Pierre Martin"), at(a, "M. Martin"), at(b, "Pierre Martin"),
                              at(c, "Pierre Martin")],
                    roles=[Role("secrétaire général du syndicat", at(a, "secrétaire général du syndicat")),
                           Role("secrétaire général de la CGT Ports", at(b, "secrétaire général de la CGT Ports")),
                           Role("union leader", at(c, "union leader"))])
    dubois = Entity("s1:e2", "Claire Dubois", "PER", variants=["Claire Dubois"],
                    mentions=[at(a, "Claire Dubois")],
                    roles=[Role("ministre des Transports", at(a, "ministre des Transports"))])
    leroy = Entity("s1:e3", "Marc Leroy", "PER", variants=["Marc Leroy"], mentions=[at(b, "Marc Leroy")],
                   roles=[Role("ministre délégué", at(b, "ministre délégué"))])
    marseille = Entity("s1:e4", "Marseille", "LOC", variants=["Marseille"],
                       mentions=[at(a, "Marseille"), at(b, "Marseille"), at(c, "Marseille")])
    cgt = Entity("s1:e5", "CGT Ports", "ORG", variants=["CGT", "CGT Ports"],
                 mentions=[at(a, "CGT"), at(b, "CGT Ports")], aliases=["CGT"])

    martin_a = Speaker("s1:e1", "Pierre Martin", at(a, "Pierre Martin"))
    martin_b = Speaker("s1:e1", "Pierre Martin", at(b, "Pierre Martin"))
    martin_c = Speaker("s1:e1", "Pierre Martin", at(c, "Pierre Martin"))
    quotes = [
        _quote(a, "Nous ne reculerons pas tant que la réforme n'est pas retirée", martin_a,
               "a déclaré", "q1"),
        _quote(b, "Nous ne reculerons pas tant que la réforme ne sera pas retirée", martin_b,
               "a affirmé", "q1"),
        _quote(c, "We will not back down until the reform is withdrawn", martin_c, "said", "q1"),
        _quote(a, "aussi longtemps qu'il le faudra", martin_a, "a prévenu", "q2"),
        _quote(a, "1 200 salariés ont cessé le travail", Speaker(None, "CGT", at(a, "CGT")),
               "Selon", "q3", kind="indirect"),
    ]
    for art in (a, b, c):  # per-article analysis finds the same quotes
        art.quotes = [q for q in quotes if q.article_id == art.id]
    facts = [
        Fact("s1:f1", "Les dockers ont bloqué les terminaux de Fos-sur-Mer mercredi.",
             [at(a, "Les dockers du Grand Port maritime de Marseille ont bloqué mercredi les terminaux de Fos-sur-Mer."),
              at(b, "Mercredi, les dockers ont bloqué les terminaux de Fos-sur-Mer, à l'ouest de Marseille."),
              at(c, "Dockers at the port of Marseille blocked the Fos-sur-Mer terminals on Wednesday.")],
             origins=3, single_source=False),
        Fact("s1:f2", "Pierre Martin refuse de reculer tant que la réforme n'est pas retirée.",
             [at(a, "Nous ne reculerons pas tant que la réforme n'est pas retirée"),
              at(b, "Nous ne reculerons pas tant que la réforme ne sera pas retirée")],
             origins=2, single_source=False),
        Fact("s1:f3", "La direction du port compte 400 grévistes.",
             [at(a, "La direction du port estime que 400 salariés seulement étaient en grève.")],
             origins=1, single_source=True),
    ]
    divergences = [
        Divergence("date", "Le jour où les syndicats sont reçus diffère : vendredi ou jeudi.", "high",
                   [Side("reçus vendredi", [at(a, "doit recevoir les syndicats vendredi")]),
                    Side("reçus jeudi", [at(b, "recevra les syndicats jeudi")])], contradiction=True),
        Divergence("agent", "Qui reçoit les syndicats : Claire Dubois ou Marc Leroy ?", "medium",
                   [Side("Claire Dubois", [at(a, "La ministre des Transports, Claire Dubois")]),
                    Side("Marc Leroy", [at(b, "Le ministre délégué, Marc Leroy")])], contradiction=True),
        Divergence("estimate_spread", "Le nombre de grévistes va de 400 à 1 200 selon qui compte.", "low",
                   [Side("1 200 (CGT)", [at(a, "Selon la CGT, 1 200 salariés ont cessé le travail."),
                                         at(c, "The union claimed 1,200 strikers.")]),
                    Side("800 (préfecture)", [at(b, "Environ 800 grévistes selon la préfecture.")]),
                    Side("400 (direction)", [at(a, "La direction du port estime que 400 salariés seulement étaient en grève.")])],
                   contradiction=False),
    ]
    timeline = [
        TimelineEvent("2024-03-13", "Les dockers bloquent les terminaux de Fos-sur-Mer.",
                      [at(a, "ont bloqué mercredi"), at(b, "Mercredi, les dockers ont bloqué"),
                       at(c, "blocked the Fos-sur-Mer terminals on Wednesday")]),
        TimelineEvent("2024-03-14", "Réception des syndicats (selon Radio Littoral).",
                      [at(b, "recevra les syndicats jeudi")]),
        TimelineEvent("2024-03", "Mobilisation contre la réforme portuaire.",
                      [at(a, "réforme")]),
    ]
    summary = [
        SummarySentence("Les dockers ont bloqué mercredi les terminaux de Fos-sur-Mer, près de Marseille.",
                        facts[0].support),
        SummarySentence("La direction du port parle de 400 grévistes.", facts[2].support, single_source=True),
    ]
    story = Story("s1", "Grève des dockers à Marseille", ["a1", "b2", "c3"], origins=3, copies=[],
                  entities=[martin, dubois, leroy, marseille, cgt], quotes=quotes, timeline=timeline,
                  facts=facts, divergences=divergences, summary=summary)
    return Dossier([a, b, c], [story], generated="2024-03-15T08:00:00+00:00", generator="recoupe test")


def english_dossier() -> Dossier:
    """The English article alone, as its own story."""
    full = rich_dossier()
    c = full.articles[2]
    fact = Fact("s2:f1", "Dockers blocked the Fos-sur-Mer terminals.",
                [at(c, "Dockers at the port of Marseille blocked the Fos-sur-Mer terminals on Wednesday.")])
    story = Story("s2", "Marseille dock strike", ["c3"], origins=1, facts=[fact],
                  quotes=[q for q in full.stories[0].quotes if q.article_id == "c3"],
                  summary=[SummarySentence(fact.text, fact.support, single_source=True)])
    return Dossier([c], [story])


PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '" onmouseover="window.__pwned=1" x="',
    "javascript:window.__pwned=1",
    "</script><script>window.__pwned=1</script>",
    "{{7*7}}",
]


def injection_dossier() -> Dossier:
    """Articles whose every field carries markup and script payloads: they must stay text."""
    joined = " ".join(PAYLOADS)
    text = f"Texte piégé {joined}. Fin de l'article piégé {PAYLOADS[1]}."
    a = Article(PAYLOADS[2], "javascript:window.__pwned=1", PAYLOADS[0] + " Source", text,
                title="Titre " + PAYLOADS[1], lang="fr", published="2024-01-02",
                url="javascript:window.__pwned=1")
    b = Article("x2", "/tmp/b.txt", PAYLOADS[4], "Deuxième " + PAYLOADS[0] + " texte", title=PAYLOADS[4],
                lang="fr", published="2024-01-03")
    payload_span = at(a, PAYLOADS[0])
    ent = Entity("s9:e1", PAYLOADS[0], "PER", variants=[PAYLOADS[1], PAYLOADS[2]],
                 mentions=[payload_span], roles=[Role(PAYLOADS[1], at(a, PAYLOADS[1]))])
    quote = Quote(a.id, payload_span.start, payload_span.end, payload_span.text, "direct",
                  Speaker(ent.id, PAYLOADS[1], at(a, PAYLOADS[1])), PAYLOADS[2], None, "g<1>")
    quote_b = Quote(b.id, *_bounds(at(b, PAYLOADS[0])), "direct", Speaker(None, PAYLOADS[0]), "dit", None, "g<1>")
    fact = Fact("s9:f1", PAYLOADS[1], [at(a, PAYLOADS[1]), at(b, PAYLOADS[0])], origins=2, single_source=False)
    div = Divergence("agent", PAYLOADS[0], "high",
                     [Side(PAYLOADS[1], [at(a, PAYLOADS[3])]), Side(PAYLOADS[2], [at(b, PAYLOADS[0])])])
    story = Story("s9", PAYLOADS[0] + " histoire", [a.id, b.id], origins=2, entities=[ent],
                  quotes=[quote, quote_b], facts=[fact], divergences=[div],
                  timeline=[TimelineEvent("2024-01-02", PAYLOADS[1], [at(a, PAYLOADS[5])])],
                  summary=[SummarySentence(PAYLOADS[0], [at(a, PAYLOADS[0])])])
    return Dossier([a, b], [story])


def _bounds(span):
    return span.start, span.end, span.text


def filled_store(path, dossier: Dossier | None = None):
    """A store at `path` holding the articles and stories of `dossier` (the rich one by default)."""
    from recoupe.store import Store

    dossier = dossier or rich_dossier()
    with Store(path) as db:
        db.add_articles(dossier.articles)
        db.save_stories(dossier.stories)
    return path


class ServerThread:
    """`recoupe serve`'s app under uvicorn on a free loopback port, in a thread."""

    def __init__(self, app):
        import socket

        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))

    def __enter__(self):
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 15
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)
