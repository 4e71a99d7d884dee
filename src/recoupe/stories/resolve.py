"""One entity across outlets: the article-level entities of a story merged by name.

`resolve_entities(story, articles)` fills `story.entities` (ids `<story.id>:eN`) and returns
the map from article-level entity ids (`<article_id>:eN`) to story-level ids. The map is also
kept on the story (not serialised); `entity_map(story, articles)` gives it back, rebuilding it
from the mentions when the story was loaded from JSON. `find_entity(story, name)` finds the
story entity a bare name designates.

Merging is by name only (see `recoupe.stories.names`): full person names must agree on
surname and given name; a surname-only or shortened form ("Poutine", "Kim Jong") joins a full
name only when exactly one person of the story fits it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from recoupe.model import Article, Entity, Role, SourceSpan, Story
from recoupe.stories import names

NAME_KINDS = {"name", "surname", "title"}
MAX_BLOCK = 400  # nodes sharing one name word beyond which that word is not compared on


@dataclass
class _Node:
    """One article-level entity."""

    id: str
    article_id: str
    type: str
    name: str
    forms: list[str] = field(default_factory=list)  # name-like surface forms
    mentions: list[SourceSpan] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


def display_name(surface: str, person: bool = True) -> str:
    """The surface form without leading titles, original spelling kept: "M. Poutine" -> "Poutine"."""
    words = surface.strip().split()
    drop = names.TITLES if person else names.ARTICLES
    while len(words) > 1 and names.fold(words[0]).replace(" ", "") in drop:
        words = words[1:]
    out = " ".join(words)
    # "l'Ukraine" keeps its article glued: drop it
    if not person and len(out) > 2 and out[:2].lower() in ("l'", "l’"):
        out = out[2:]
    return out


def _exact(article: Article, span) -> SourceSpan | None:
    """A SourceSpan that really matches the article text, else None."""
    start, end = span.start, span.end
    if 0 <= start < end <= len(article.text) and article.text[start:end] == span.text:
        return article.span(start, end)
    return None


_NOT_A_SPEECH_VERB = {"selon", "d'après", "d’après", "pour", "according", "laut", "zufolge"}


def _named_speakers(art: Article) -> set[str]:
    """Entities of `art` that speak through a verb ("An Chan-il ... a déclaré") under a name
    of capitalised words: a person, whatever kind of name the tagger took it for ("selon Le
    Monde" is left out: media and bodies are cited that way)."""
    ents = {e.id: e for e in art.entities}
    out = set()
    for q in art.quotes:
        ent = ents.get(q.speaker.entity_id or "")
        if ent is None or not q.cue or q.cue.lower() in _NOT_A_SPEECH_VERB:
            continue
        words = ent.name.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words) and \
                names.fold(words[0]).split()[0] not in names.ARTICLES:
            out.add(ent.id)
    return out


def _nodes(articles: list[Article]) -> list[_Node]:
    nodes: list[_Node] = []
    for art in articles:
        by_entity: dict[str, list] = defaultdict(list)
        for m in art.mentions:
            if m.entity_id:
                by_entity[m.entity_id].append(m)
        if art.entities:
            speakers = _named_speakers(art)
            for ent in art.entities:
                etype = "PER" if ent.type == "MISC" and ent.id in speakers else ent.type
                person = etype == "PER"
                node = _Node(ent.id, art.id, etype, display_name(ent.name, person))
                seen: set[tuple[int, int]] = set()
                for s in list(ent.mentions) + by_entity.get(ent.id, []):
                    sp = _exact(art, s)
                    if sp and (sp.start, sp.end) not in seen:
                        seen.add((sp.start, sp.end))
                        node.mentions.append(sp)
                forms = [ent.name, *ent.variants]
                forms += [m.text for m in by_entity.get(ent.id, []) if m.kind in NAME_KINDS]
                node.forms = list(dict.fromkeys(f for f in forms if f and f.strip()))
                for r in ent.roles:
                    sp = _exact(art, r.support)
                    if sp:
                        node.roles.append(Role(r.text, sp))
                nodes.append(node)
        else:
            # no chains: one node per distinct name mention
            groups: dict[tuple[str, str], list] = defaultdict(list)
            for m in art.mentions:
                if m.kind in NAME_KINDS:
                    groups[(m.label, names.key(m.text, person=m.label == "PER"))].append(m)
            for n, ((label, _), ms) in enumerate(groups.items()):
                surface = max((m.text for m in ms), key=len)
                node = _Node(f"{art.id}:x{n}", art.id, label, display_name(surface, label == "PER"))
                node.mentions = [sp for m in ms if (sp := _exact(art, m))]
                node.forms = list(dict.fromkeys(m.text for m in ms))
                nodes.append(node)
    return [n for n in nodes if n.name]


def _alias(node: _Node) -> int | None:
    for form in [node.name, *node.forms]:
        g = names.alias_group(form)
        if g is not None:
            return g
    return None


def _strong(a: _Node, b: _Node) -> bool:
    """Same entity for sure: lexicon, same full person name, same place/body name."""
    return _strong_names(a.type, a.name, b.type, b.name)


@lru_cache(maxsize=1 << 16)  # the same names recur across the articles of a story
def _strong_names(type_a: str, name_a: str, type_b: str, name_b: str) -> bool:
    person_a, person_b = type_a == "PER", type_b == "PER"
    ga, gb = names.alias_group(name_a), names.alias_group(name_b)
    if ga is not None and ga == gb:
        return True
    if person_a != person_b:
        # a tagger may call one name PER here and LOC there: a full identical name is one entity
        ka = names.key(name_a, person=False)
        return len(ka.split()) >= 2 and ka == names.key(name_b, person=False)
    if person_a:
        return names.person_match(name_a, name_b) == "full"
    if names.key(name_a, person=False) == names.key(name_b, person=False):
        return True
    # places and things: a tagger may call a facility LOC here and MISC there
    return ({type_a, type_b} <= {"LOC", "MISC"} or type_a == type_b) and names.place_match(name_a, name_b)


def _blocks(node: _Node) -> set[str]:
    """Keys that any name of the same entity shares: its lexicon entry, its name words."""
    keys = {f"alias:{g}"} if (g := names.alias_group(node.name)) is not None else set()
    words = names.key(node.name, person=node.type == "PER").split()
    return keys | {w for w in words if len(w) > 2 and w not in names.PARTICLES}


def _name_classes(nodes: list[_Node]) -> list[list[int]]:
    """The nodes grouped by (type, name), in order: a name repeated across the articles of a
    story is compared once, and nodes of one class always fare alike."""
    index: dict[tuple[str, str], int] = {}
    classes: list[list[int]] = []
    for i, n in enumerate(nodes):
        c = index.setdefault((n.type, n.name), len(classes))
        if c == len(classes):
            classes.append([])
        classes[c].append(i)
    return classes


def _candidates(nodes: list[_Node], classes: list[list[int]]) -> tuple[set[tuple[int, int]], set[int]]:
    """The pairs of nodes worth comparing, those sharing a block key (bounded time on large
    stories), as pairs of classes (a < b: every node of a against every node of b) and the
    classes whose nodes are compared among themselves."""
    blocks: dict[str, list[int]] = defaultdict(list)
    sizes: Counter = Counter()
    for c, members in enumerate(classes):
        for k in _blocks(nodes[members[0]]):
            blocks[k].append(c)
            sizes[k] += len(members)
    pairs: set[tuple[int, int]] = set()
    inner: set[int] = set()
    for k, cs in blocks.items():
        if sizes[k] > MAX_BLOCK:
            continue  # a word too common to block on (identical names are joined apart)
        inner.update(c for c in cs if len(classes[c]) > 1)
        pairs.update((a, b) for x, a in enumerate(cs) for b in cs[x + 1:])
    return pairs, inner


def _cluster(nodes: list[_Node]) -> list[list[_Node]]:
    from scipy.cluster.hierarchy import DisjointSet

    uf = DisjointSet(range(len(nodes)))
    same_name: dict[tuple[bool, str], int] = {}
    for i, n in enumerate(nodes):  # one name, one entity (people apart from the rest)
        k = (n.type == "PER", names.key(n.name, person=n.type == "PER"))
        if k in same_name and (n.type == "PER" or nodes[same_name[k]].type == n.type):
            uf.merge(same_name[k], i)
        else:
            same_name.setdefault(k, i)
    classes = _name_classes(nodes)
    pairs, inner = _candidates(nodes, classes)
    # the strongly matched pairs join their nodes (whole classes: their nodes match alike)
    for a, b in sorted(pairs | {(c, c) for c in inner}):
        if _strong(nodes[classes[a][0]], nodes[classes[b][0]]):
            for i in classes[a][1:] + classes[b]:
                uf.merge(classes[a][0], i)
    near: dict[int, set[int]] = defaultdict(set)  # class -> the other classes compared with it
    for a, b in pairs:
        near[a].add(b)
        near[b].add(a)
    of_class = [0] * len(nodes)
    for c, members in enumerate(classes):
        for i in members:
            of_class[i] = c
    # the same bare surname across outlets of one story is one person
    singles: dict[str, int] = {}
    for i, a in enumerate(nodes):
        if a.type == "PER" and len(names.tokens(a.name)) == 1:
            k = names.key(a.name)
            if k in singles:
                uf.merge(singles[k], i)
            else:
                singles[k] = i
    # shortened person names join the one full name of the story they fit (the nodes of a
    # person's name are all one entity already: one node speaks for its class)
    persons = [i for i, n in enumerate(nodes) if n.type == "PER"]
    persons.sort(key=lambda i: -len(names.tokens(nodes[i].name)))
    for i in persons:
        if len(names.tokens(nodes[i].name)) >= 3:
            continue
        fits = set()
        for c in near[of_class[i]]:
            j = classes[c][0]
            if nodes[j].type != "PER" or uf.connected(i, j) \
                    or len(names.tokens(nodes[j].name)) <= len(names.tokens(nodes[i].name)):
                continue
            if names.person_match(nodes[i].name, nodes[j].name) is not None:
                fits.add(uf[j])
        if len(fits) == 1:
            uf.merge(i, fits.pop())
    clusters: dict[int, list[_Node]] = defaultdict(list)
    for i, n in enumerate(nodes):
        clusters[uf[i]].append(n)
    return list(clusters.values())


def _best_name(cluster: list[_Node], etype: str) -> str:
    """The fullest, most common name (people: fullest first; places and bodies: most common)."""
    arts: dict[str, set[str]] = defaultdict(set)
    for n in cluster:
        arts[n.name].add(n.article_id)

    def rank(name: str):
        ntok = len(names.tokens(name, person=etype == "PER"))
        common = len(arts[name])
        return (ntok, common, len(name)) if etype == "PER" else (common, ntok, len(name))

    return max(arts, key=rank)


def resolve_entities(story: Story, articles: dict[str, Article]) -> dict[str, str]:
    """Fill `story.entities`; return (and keep) the article-level -> story-level id map."""
    arts = [articles[a] for a in story.article_ids if a in articles]
    clusters = _cluster(_nodes(arts))
    clusters.sort(key=lambda c: (-len({n.article_id for n in c}), -sum(len(n.mentions) for n in c),
                                 c[0].name))
    story.entities = []
    mapping: dict[str, str] = {}
    for k, cluster in enumerate(clusters, start=1):
        types = Counter()
        for n in cluster:
            types[n.type] += max(1, len(n.mentions))
        etype = types.most_common(1)[0][0]
        groups = {names.alias_group(n.name) for n in cluster}
        if etype in ("PER", "MISC") and len(groups) == 1 and None not in groups:
            # every name of the entity is a lexicon form: its type settles a tagger's
            # metonymy ("Washington craint que..." is the capital, not a person); an
            # organisation stays one ("le Kremlin a annoncé", "Milan" the club)
            etype = names.alias_type(next(iter(groups)))
        eid = f"{story.id}:e{k}"
        mentions: dict[tuple[str, int, int], SourceSpan] = {}
        variants: list[str] = []
        roles: dict[tuple[str, str], Role] = {}
        for n in cluster:
            mapping[n.id] = eid
            for m in n.mentions:
                mentions.setdefault((m.article_id, m.start, m.end), m)
            variants += [n.name, *n.forms]
            for r in n.roles:
                roles.setdefault((r.support.article_id, names.fold(r.text)), r)
        variants = list(dict.fromkeys(v.strip() for v in variants if v.strip()))
        ent = Entity(eid, _best_name(cluster, etype), etype, variants=variants,
                     mentions=sorted(mentions.values(), key=lambda s: (s.article_id, s.start)),
                     roles=list(roles.values()))
        group = next((g for g in (_alias(n) for n in cluster) if g is not None), None)
        if group is not None and (etype == "PER") == (names.alias_type(group) == "PER"):
            # "Denzel Washington ... Washington" is no alias of the capital
            known = {names.key(v) for v in variants}
            ent.aliases = [f for f in names.alias_forms(group) if names.key(f) not in known]
        story.entities.append(ent)
    story._entity_map = mapping  # not a dataclass field: never serialised
    return mapping


def entity_map(story: Story, articles: dict[str, Article] | None = None) -> dict[str, str]:
    """Article-level entity id -> story-level entity id (rebuilt from mentions if needed)."""
    mapping = getattr(story, "_entity_map", None)
    if mapping is not None:
        return mapping
    mapping = {}
    where = {(m.article_id, m.start, m.end): e.id for e in story.entities for m in e.mentions}
    for art in (articles or {}).values():
        for m in art.mentions:
            if m.entity_id and (art.id, m.start, m.end) in where:
                mapping[m.entity_id] = where[(art.id, m.start, m.end)]
    story._entity_map = mapping
    return mapping


def _name_index(story: Story) -> tuple[dict[str, list[Entity]], dict]:
    """The story's entities by name key, and a memo of the names looked up (kept on the story,
    built again when its entity list is replaced or grows)."""
    found = getattr(story, "_name_index", None)
    if found is not None and found[0] is story.entities and found[1] == len(story.entities):
        return found[2], found[3]
    by_key: dict[str, list[Entity]] = defaultdict(list)
    for e in story.entities:
        for k in dict.fromkeys(names.key(v) for v in [e.name, *e.variants]):
            by_key[k].append(e)
    story._name_index = (story.entities, len(story.entities), by_key, {})
    return by_key, story._name_index[3]


def find_entity(story: Story, name: str, label: str | None = None) -> Entity | None:
    """The story entity a bare name designates, if exactly one fits."""
    if not name or not name.strip():
        return None
    by_key, memo = _name_index(story)
    if (name, label) in memo:
        return memo[(name, label)]
    exact = by_key.get(names.key(name), [])
    if len(exact) == 1:
        found = exact[0]
    elif exact:
        found = max(exact, key=lambda e: len(e.mentions))
    else:
        fits = [e for e in story.entities
                if (label is None or (label == "PER") == (e.type == "PER"))
                and names.names_match(name, e.name, e.type)]
        found = fits[0] if len(fits) == 1 else None
    memo[(name, label)] = found
    return found
