"""Incremental grouping in the store: one grouping of everything equals `build_stories`; two
steps give the same stories and threads as a batch run; a process that rebuilds the index from
the store goes on exactly as the one that kept it in memory."""

from __future__ import annotations

import copy
import sqlite3

import pytest

from recoupe.model import Article, to_dict
from recoupe.pipeline import group_stored
from recoupe.store import SCHEMA_VERSION, Store
from recoupe.store.grouping import KeptIndex, batch_order, update_stories
from recoupe.stories import build_stories


@pytest.fixture(scope="module")
def examples(examples_dir):
    from recoupe import pipeline

    return pipeline.analyze(pipeline.read([examples_dir]))


@pytest.fixture(scope="module")
def batch(examples):
    """The stories `build_stories` makes of all the examples at once (made once: it embeds)."""
    return build_stories(copy.deepcopy(examples))


def written(aid, title, text, published, source):
    return Article(id=aid, origin=f"{aid}.txt", source=source, text=text, title=title, lang="fr",
                   published=published)


# One subject, two events a month apart: a bridge closed, then reopened (invented town).
BRIDGE_1 = written(
    "bridge-1", "Le pont de Morlanges fermé après la découverte de fissures",
    "Le pont suspendu de Morlanges a été fermé à la circulation mardi après la découverte de "
    "fissures sur deux de ses piles. Les ingénieurs du département inspectent l'ouvrage, construit "
    "en 1962. Les automobilistes doivent faire un détour de vingt kilomètres par Saint-Aubrac. "
    "Le maire de Morlanges demande des travaux rapides sur le pont.",
    "2025-02-04", "Le Quotidien")
BRIDGE_2 = written(
    "bridge-2", "Morlanges : le pont rouvre après un mois de travaux",
    "Le pont suspendu de Morlanges a rouvert à la circulation lundi après un mois de travaux sur "
    "ses piles fissurées. Le département a renforcé l'ouvrage de 1962 pour 1,2 million d'euros. "
    "Les automobilistes n'ont plus à faire le détour par Saint-Aubrac. Le maire de Morlanges "
    "salue la rapidité des travaux sur le pont.",
    "2025-03-10", "Le Quotidien")
BRIDGE_3 = written(
    "bridge-3", "Réouverture du pont de Morlanges, les travaux sur les piles achevés",
    "Après un mois de fermeture, le pont de Morlanges est de nouveau ouvert aux voitures depuis "
    "lundi. Les piles fissurées du pont suspendu ont été renforcées par le département. "
    "Le détour par Saint-Aubrac n'est plus nécessaire, s'est réjoui le maire de Morlanges. "
    "Les travaux ont coûté 1,2 million d'euros.",
    "2025-03-11", "Radio Vallée")


def membership(stories):
    return sorted(sorted(s.article_ids) for s in stories)


def threads(stories):
    """Stories grouped by thread, as sets of article ids (thread ids aside)."""
    by = {}
    for s in stories:
        by.setdefault(s.thread, []).extend(s.article_ids)
    return sorted(sorted(v) for v in by.values())


def stored(path):
    with Store(path) as db:
        return db.stories()


def test_one_grouping_is_the_batch(examples, batch, tmp_path):
    with Store(tmp_path / "db.sqlite") as db:
        db.add_articles(examples)
        made = group_stored(db)
        assert sorted(made) == sorted(s.id for s in batch)
        assert [to_dict(s) for s in db.stories()] == [to_dict(s) for s in batch]
        assert db.unindexed_ids() == [] and group_stored(db) == []  # nothing new: nothing made


@pytest.mark.parametrize("split", [1, 3, 7])
def test_two_steps_give_the_batch_stories(examples, batch, tmp_path, split):
    order = batch_order(examples)
    first, second = order[:split], order[split:]
    kept = KeptIndex()
    with Store(tmp_path / "kept.sqlite") as db:  # one process: the index stays in memory
        db.add_articles(first)
        group_stored(db, kept=kept)
        db.add_articles(second)
        made = group_stored(db, kept=kept)
        kept_stories = db.stories()
    assert membership(kept_stories) == membership(batch)
    assert threads(kept_stories) == threads(batch)
    assert {s.thread for s in kept_stories} == {s.thread for s in batch}  # ids name all articles
    assert set(made) <= {s.id for s in kept_stories}
    for s in kept_stories:  # copies are those of all articles
        assert s.copies == next(b.copies for b in batch if b.id == s.id)

    for path in (tmp_path / "restarted.sqlite",):  # a new process rebuilds the index
        with Store(path) as db:
            db.add_articles(first)
            group_stored(db)
        with Store(path) as db:
            db.add_articles(second)
            group_stored(db)
        assert [to_dict(s) for s in stored(path)] == [to_dict(s) for s in kept_stories]


def test_an_article_dated_earlier_but_ingested_later_comes_later(examples, tmp_path):
    order = batch_order(examples)
    with Store(tmp_path / "db.sqlite") as db:
        db.add_articles(order[1:])
        group_stored(db)
        db.add_articles(order[:1])
        group_stored(db)
        seq = [r[0] for r in db.db.execute("SELECT article_id FROM story_index ORDER BY seq")]
        assert seq == [a.id for a in order[1:]] + [order[0].id]
        held = sorted(a for s in db.stories() for a in s.article_ids)
        assert held == sorted(a.id for a in examples)


def test_reanalysed_article_remakes_its_story(examples, tmp_path):
    with Store(tmp_path / "db.sqlite") as db:
        db.add_articles(examples)
        group_stored(db)
        before = {s.id: to_dict(s) for s in db.stories()}
        again = copy.deepcopy(examples[0])
        assert db.store_articles([again]) == ([], [])  # the same analysis changes nothing
        again.quotes = []
        again.claims = []
        new, changed = db.store_articles([again])
        assert (new, changed) == ([], [again.id])
        made = group_stored(db)  # the store knows which were analysed again
        assert made == db.stories_of(again.id)
        after = {s.id: to_dict(s) for s in db.stories()}
        assert set(after) == set(before)
        assert all(after[i] == before[i] for i in after if i not in made)


def test_saved_stories_are_replaced_by_the_first_incremental_grouping(examples, batch, tmp_path):
    from recoupe.model import Story

    with Store(tmp_path / "db.sqlite") as db:
        db.add_articles(examples)
        db.save_stories([Story(id="hand", title="t", article_ids=[examples[0].id])])
        group_stored(db)
        assert "hand" not in {s.id for s in db.stories()}
        assert membership(db.stories()) == membership(batch)


def test_a_failed_grouping_keeps_the_store(examples, batch, tmp_path, monkeypatch):
    import recoupe.stories as stories

    path = tmp_path / "db.sqlite"
    order = batch_order(examples)
    kept = KeptIndex()
    with Store(path) as db:
        db.add_articles(order[:4])
        group_stored(db, kept=kept)
        before = [to_dict(s) for s in db.stories()]
        db.add_articles(order[4:])

        def broken(*a, **k):
            raise RuntimeError("stage failed")

        monkeypatch.setattr(stories, "make_story", broken)
        with pytest.raises(RuntimeError):
            group_stored(db, kept=kept)
        assert [to_dict(s) for s in db.stories()] == before  # nothing half-written
        assert len(db.unindexed_ids()) == len(order) - 4  # still waiting
        monkeypatch.undo()
        group_stored(db, kept=kept)  # the index in memory was dropped, not left ahead
        assert membership(db.stories()) == membership(batch)


def test_another_process_regrouping_meanwhile_is_noticed(examples, tmp_path):
    path = tmp_path / "db.sqlite"
    order = batch_order(examples)
    mine = KeptIndex()
    with Store(path) as db:
        db.add_articles(order[:4])
        group_stored(db, kept=mine)
    with Store(path) as other:  # another process adds and groups
        other.add_articles(order[4:6])
        group_stored(other)
    with Store(path) as db:
        db.add_articles(order[6:])
        update_stories(db, kept=mine)  # the kept index is stale: rebuilt from the store
        seq = [r[0] for r in db.db.execute("SELECT article_id FROM story_index ORDER BY seq")]
        assert seq == [a.id for a in order]


def test_version_1_store_is_migrated_and_regrouped(examples, batch, tmp_path):
    import json

    path = tmp_path / "v1.sqlite"
    old = build_stories(copy.deepcopy(examples[:2]))
    con = sqlite3.connect(path)  # what recoupe wrote with schema 1
    con.executescript("""
        CREATE TABLE articles (id TEXT PRIMARY KEY, origin TEXT NOT NULL, source TEXT, title TEXT,
            lang TEXT, published TEXT, url TEXT, added TEXT NOT NULL, data TEXT NOT NULL);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_source ON articles(source);
        CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text,
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT, position INTEGER NOT NULL,
            data TEXT NOT NULL);
        CREATE TABLE story_articles (story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (story_id, article_id));
        CREATE INDEX story_articles_article ON story_articles(article_id);
        PRAGMA user_version = 1;
    """)
    with con:
        for a in examples[:2]:
            con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (a.id, a.origin, a.source, a.title, a.lang, a.published, a.url, "2025",
                         json.dumps(to_dict(a), ensure_ascii=False)))
            con.execute("INSERT INTO articles_fts VALUES (?, ?, ?)", (a.id, a.title, a.text))
        for pos, st in enumerate(old):
            con.execute("INSERT INTO stories VALUES (?, ?, ?, ?)",
                        (st.id, st.title, pos, json.dumps(to_dict(st), ensure_ascii=False)))
    con.close()
    with Store(path) as db:
        assert db.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [to_dict(s) for s in db.stories()] == [to_dict(s) for s in old]  # nothing lost
        assert db.articles() == sorted(examples[:2], key=lambda a: (a.published is None, a.published, a.id))
        assert db.search(examples[0].title.split()[0]) != []
        assert sorted(db.unindexed_ids()) == sorted(a.id for a in examples[:2])  # to be grouped
        db.add_articles(examples[2:])
        group_stored(db)
        assert membership(db.stories()) == membership(batch)
    with Store(path) as db:  # opening a version 2 store again changes nothing
        assert membership(db.stories()) == membership(batch)


def test_a_damaged_index_is_rebuilt_from_the_articles(examples, batch, tmp_path):
    with Store(tmp_path / "db.sqlite") as db:
        db.add_articles(examples)
        group_stored(db)
        db.db.execute("UPDATE story_index SET vector = x'0000' WHERE seq = 2")
        db.db.commit()
        db.add_articles([])
        said = []
        KeptIndex().load(db, warn=said.append)
        assert len(said) == 1 and "story index could not be read" in said[0]
        assert len(db.unindexed_ids()) == len(examples)
        group_stored(db)
        assert membership(db.stories()) == membership(batch)


@pytest.mark.parametrize("split", [None, 4])
def test_undated_articles_group_as_a_batch(examples, tmp_path, split):
    undated = copy.deepcopy(examples)
    for a in undated:
        a.published = None
    batch = build_stories(copy.deepcopy(undated))
    order = batch_order(undated)
    steps = [order] if split is None else [order[:split], order[split:]]
    with Store(tmp_path / "db.sqlite") as db:
        for step in steps:
            db.add_articles(step)
            group_stored(db)
        if split is None:
            assert [to_dict(s) for s in db.stories()] == [to_dict(s) for s in batch]
        assert membership(db.stories()) == membership(batch)
        assert threads(db.stories()) == threads(batch)
        held = [a for s in db.stories() for a in s.article_ids]
        assert sorted(held) == sorted(a.id for a in undated)  # each article in one story


def test_a_story_whose_thread_grew_takes_the_new_thread_id(tmp_path):
    arts = [copy.deepcopy(a) for a in (BRIDGE_1, BRIDGE_2, BRIDGE_3)]
    batch = build_stories(copy.deepcopy(arts))
    assert len(batch) == 2 and len({s.thread for s in batch}) == 1  # one thread, two stories
    with Store(tmp_path / "db.sqlite") as db:
        db.add_articles(arts[:2])
        group_stored(db)
        closed = next(s for s in db.stories() if s.article_ids == ["bridge-1"])
        db.add_articles(arts[2:])
        made = group_stored(db)
        after = {s.id: s for s in db.stories()}
        assert closed.id in after and closed.id not in made  # not made again ...
        assert after[closed.id].thread != closed.thread  # ... but renamed with its thread
        assert to_dict(after[closed.id]) == dict(to_dict(closed), thread=after[closed.id].thread)
        assert [to_dict(s) for s in db.stories()] == [to_dict(s) for s in batch]


@pytest.mark.parametrize("keep", [False, True])
def test_copies_merged_through_a_new_article(tmp_path, keep):
    """A dispatch that takes up two stored articles whole joins their groups of copies into one,
    as `find_copies` over all the articles finds it, whether the index is kept in memory or
    read again from the store."""
    from recoupe.stories.dedup import find_copies

    a = written("wire-a", "Crue de la Lèze : trois communes évacuées",
                "La crue de la Lèze a forcé l'évacuation de trois communes dans la nuit de samedi "
                "à dimanche. Les pompiers ont secouru une cinquantaine d'habitants bloqués dans "
                "leurs maisons à Brassac, Montrouge-sur-Lèze et Saint-Ybars. La préfecture a ouvert "
                "deux gymnases pour accueillir les sinistrés jusqu'à la décrue annoncée pour mardi.",
                "2025-01-12", "Agence Sud")
    b = written("wire-b", "Lèze : les routes coupées, les écoles fermées lundi",
                "Plusieurs routes départementales restent coupées par les eaux autour de la Lèze. "
                "Le rectorat a décidé de fermer les écoles de six communes lundi, le temps que les "
                "services techniques vérifient les bâtiments. Les transports scolaires sont "
                "suspendus et les familles sont invitées à limiter leurs déplacements en voiture.",
                "2025-01-12", "Agence Sud")
    c = written("paper-c", "Inondations : la Lèze sort de son lit",
                a.text + "\n" + b.text + "\nLe maire de Brassac demande l'état de catastrophe naturelle.",
                "2025-01-13", "Le Petit Ariégeois")
    batch = build_stories([copy.deepcopy(x) for x in (a, b, c)])
    assert find_copies([a, b, c]) == [["wire-a", "wire-b", "paper-c"]]
    with Store(tmp_path / "db.sqlite") as db:
        kept = KeptIndex() if keep else None
        db.add_articles([a, b])
        group_stored(db, kept=kept)
        assert all(not s.copies for s in db.stories())  # no copies yet
        db.add_articles([c])
        group_stored(db, kept=kept)
        if keep:
            assert list(kept.copies) == ["paper-c"]
            assert sorted(kept.copies["paper-c"]) == ["paper-c", "wire-a", "wire-b"]
        groups = dict(db.db.execute("SELECT article_id, copy_group FROM story_index").fetchall())
        assert set(groups.values()) == {"paper-c"}  # one group, named after its smallest id
        assert [(s.article_ids, s.copies, s.origins) for s in db.stories()] == \
            [(s.article_ids, s.copies, s.origins) for s in batch]


def held_once(db, articles):
    """Every article in exactly one story, and once in the index."""
    held = sorted(a for s in db.stories() for a in s.article_ids)
    seq = sorted(r[0] for r in db.db.execute("SELECT article_id FROM story_index"))
    return held == seq == sorted(a.id for a in articles)


def test_a_damaged_index_regroups_the_stored_articles_with_the_new_ones(examples, batch, tmp_path):
    order = batch_order(examples)
    said = []
    with Store(tmp_path / "db.sqlite") as db:
        db.add_articles(order[:-1])
        group_stored(db)
        db.db.execute("UPDATE story_index SET vector = x'0000' WHERE seq = 2")
        db.db.commit()
        db.add_articles(order[-1:])
        group_stored(db, warn=said.append)
        assert len(said) == 1 and "story index could not be read" in said[0]
        assert "\n" not in said[0]
        assert held_once(db, examples)
        assert membership(db.stories()) == membership(batch)


@pytest.mark.parametrize("damage", ["links", "weights"])
def test_links_past_the_end_are_damage_not_a_crash(examples, tmp_path, damage):
    import numpy as np

    said = []
    with Store(tmp_path / "db.sqlite") as db:
        db.add_articles(examples)
        group_stored(db)
        if damage == "links":
            db.db.execute("UPDATE story_index SET link_rows = ?, link_values = ? WHERE seq = 1",
                          (np.array([99], dtype=np.int32).tobytes(), np.ones(1, dtype=np.float32).tobytes()))
        else:  # one weight short of the words
            db.db.execute("UPDATE story_index SET weights = substr(weights, 9) WHERE seq = 1")
        db.db.commit()
        KeptIndex().load(db, warn=said.append)
        assert len(said) == 1 and "story index could not be read" in said[0]
        group_stored(db)
        assert held_once(db, examples)


@pytest.mark.parametrize("between", ["load", "embed"])
def test_another_process_grouping_between_two_reads(examples, batch, tmp_path, monkeypatch, between):
    """Another process groups the same new articles while this one is reading the store: no
    article is indexed twice, no error, each article in one story."""
    import recoupe.stories.embed as embed

    path = tmp_path / "db.sqlite"
    order = batch_order(examples)
    with Store(path) as db:
        db.add_articles(order[:4])
        group_stored(db)
        db.add_articles(order[4:])
    done = []

    def other_process():
        if not done:
            done.append(1)
            with Store(path) as other:
                update_stories(other)

    if between == "load":
        load = KeptIndex.load

        def slow_load(self, db, *args, **kw):
            other_process()
            return load(self, db, *args, **kw)

        monkeypatch.setattr(KeptIndex, "load", slow_load)
    else:
        real = embed.embed_articles

        def slow_embed(batch):
            other_process()
            return real(batch)

        monkeypatch.setattr(embed, "embed_articles", slow_embed)
    with Store(path) as db:
        update_stories(db)
        assert done and held_once(db, examples)
        assert membership(db.stories()) == membership(batch)


def test_articles_analysed_again_await_their_stories_in_the_store(examples, tmp_path, monkeypatch):
    """`add_articles` (as `brief --store` does) or an interrupted grouping does not lose the
    articles stored again with a new analysis: the next grouping, in any process, remakes
    their stories."""
    import recoupe.stories as stories

    path = tmp_path / "db.sqlite"
    with Store(path) as db:
        db.add_articles(examples)
        group_stored(db)
        before = {s.id: to_dict(s) for s in db.stories()}
    again = copy.deepcopy(examples[0])
    again.quotes, again.claims = [], []
    with Store(path) as db:
        db.add_articles([again])

    def broken(*a, **k):
        raise RuntimeError("stage failed")

    with Store(path) as db:
        monkeypatch.setattr(stories, "make_story", broken)
        with pytest.raises(RuntimeError):
            group_stored(db)
        monkeypatch.undo()
    with Store(path) as db:
        made = group_stored(db)
        assert made == db.stories_of(again.id)
        after = {s.id: to_dict(s) for s in db.stories()}
        assert set(after) == set(before) and after[made[0]] != before[made[0]]
        assert all(after[i] == before[i] for i in after if i not in made)
        assert group_stored(db) == []  # done: nothing waits any more


def test_copies_of_a_redated_article_follow_its_new_date(tmp_path):
    """An article stored again with another date: its story lists its copies by the new date,
    as a batch of the stored articles would."""
    a = written("wire-x", "Crue de la Lèze : trois communes évacuées",
                "La crue de la Lèze a forcé l'évacuation de trois communes dans la nuit de samedi "
                "à dimanche. Les pompiers ont secouru une cinquantaine d'habitants bloqués dans "
                "leurs maisons à Brassac, Montrouge-sur-Lèze et Saint-Ybars. La préfecture a ouvert "
                "deux gymnases pour accueillir les sinistrés jusqu'à la décrue annoncée pour mardi.",
                "2025-01-12", "Agence Sud")
    b = copy.deepcopy(a)
    b.id, b.source, b.published = "paper-y", "Le Petit Ariégeois", "2025-01-13"
    with Store(tmp_path / "db.sqlite") as db:
        db.add_articles([a, b])
        group_stored(db)
        assert [s.copies for s in db.stories()] == [[["wire-x", "paper-y"]]]
        later = copy.deepcopy(a)
        later.published = "2025-01-14"
        db.add_articles([later])
        group_stored(db)
        assert [s.copies for s in db.stories()] == [[["paper-y", "wire-x"]]]


def test_loading_the_index_leaves_the_collector_alone(examples, tmp_path):
    import gc

    with Store(tmp_path / "db.sqlite") as db:
        db.add_articles(examples[:3])
        group_stored(db)
        frozen = gc.get_freeze_count()
        KeptIndex().load(db)
        assert gc.get_freeze_count() == frozen and gc.isenabled()


def test_a_copy_indexed_by_another_process_meanwhile_is_no_error(tmp_path, monkeypatch):
    """Another process indexes a wire copy of an article this one is adding, after this one
    read the index: the copy is no error here, the grouping is read again and redone."""
    import recoupe.stories.embed as embed

    path = tmp_path / "db.sqlite"
    wire = copy.deepcopy(BRIDGE_1)
    wire.id, wire.source = "bridge-1-wire", "Agence Centre"
    with Store(path) as db:
        db.add_articles([BRIDGE_2])
        group_stored(db)
        db.add_articles([BRIDGE_1])
    real = embed.embed_articles

    def other_process_meanwhile(batch):
        monkeypatch.setattr(embed, "embed_articles", real)
        with Store(path) as other:
            other.add_articles([wire])
            update_stories(other)
        return real(batch)

    monkeypatch.setattr(embed, "embed_articles", other_process_meanwhile)
    with Store(path) as db:
        update_stories(db)
        assert held_once(db, [BRIDGE_1, BRIDGE_2, wire])
        assert [sorted(g) for s in db.stories() for g in s.copies] == [["bridge-1", "bridge-1-wire"]]
