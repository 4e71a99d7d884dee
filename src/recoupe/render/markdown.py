"""The dossier as Markdown: one section per story, citation markers [n] into its sources list."""

from __future__ import annotations

import re

from recoupe.model import Dossier
from recoupe.render.labels import count, dossier_lang, format_date, labels
from recoupe.render.view import Cite, StoryView, story_views

# Markdown punctuation that article text must not turn into markup, links or raw HTML
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: str | None) -> str:
    """Article content as inert Markdown on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def markers(cites: list[Cite]) -> str:
    return "".join(f"[{n}]" for n in dict.fromkeys(c.n for c in cites))


def _story(v: StoryView) -> list[str]:
    L, s = v.L, v.story
    out = [f"## {md(s.title)}", ""]
    outlets = len(v.outlets)
    meta = [f"{len(v.articles)} {L['articles_n']}", f"{outlets} {L['outlets_n']}"]
    if s.origins:
        meta.append(count(s.origins, "origins", v.lang))
    if v.date_range():
        meta.append(v.date_range())
    out += [" · ".join(meta), ""]

    out += [f"### {L['summary']}", ""]
    for sent in s.summary:
        flag = f" *({L['single_source']})*" if sent.single_source else ""
        out.append(f"{md(sent.text)} {markers(v.cites(sent.support))}{flag}")
    out += ([""] if s.summary else [L["none"], ""])

    out += [f"### {L['facts']}", ""]
    for row in v.fact_rows():
        names = [f"{md(o.name)} {markers(cell)}" for o, cell in zip(v.outlets, row.cells) if cell]
        flag = f" — **{L[row.flag]}**" if row.flag else ""
        said = f"*{md(row.speaker)}*{L['colon']} " if row.speaker else ""
        out.append(f"- {said}{md(row.text)} — {', '.join(names)} ({count(row.origins, 'origins', v.lang)}){flag}")
    out += [""] if s.facts else [L["none"], ""]

    out += [f"### {L['timeline']}", ""]
    for e in v.timeline():
        out.append(f"- **{v.date(e.date) or md(e.date)}** — {md(e.event)} {markers(v.cites(e.support))}")
    out += [""] if s.timeline else [L["none"], ""]

    out += [f"### {L['quotes']}", ""]
    for sp in v.speakers():
        roles = f" ({md(', '.join(sp.roles))})" if sp.roles else ""
        out += [f"#### {md(sp.name) if sp.name else L['unknown_speaker']}{roles}", ""]
        for g in sp.groups:
            for q, c in g.quotes:
                cue = f", {md(q.cue)}" if q.cue else ""
                said = f"*{md(q.text)}*" if q.kind == "indirect" else f"{L['lq']}{md(q.text)}{L['rq']}"
                out.append(f"> {said} — {md(c.source)}{cue} [{c.n}]  ")
            out.append("")
    out += [] if s.quotes else [L["none"], ""]

    out += [f"### {L['divergences']}", ""]
    for d in v.divergences():
        nature = L["contradiction"] if d.contradiction else L["not_contradiction"]
        sev = L.get(f"sev_{d.severity}", d.severity)
        out.append(f"- **{v.kind(d.kind)}** ({nature}, {L['severity'].lower()} {sev}) : {md(d.summary)}")
        for side in d.sides:
            cites = v.cites(side.support)
            passages = " / ".join(f"{L['lq']}{md(c.text)}{L['rq']} ({md(c.source)}) [{c.n}]" for c in cites)
            out.append(f"    - {md(side.claim)} — {passages}")
    out += [""] if s.divergences else [L["none"], ""]

    out += [f"### {L['entities']}", ""]
    for etype, views in v.entities().items():
        out.append(f"- **{L.get(etype, etype)}** : " + "; ".join(
            md(ev.entity.name)
            + (f" ({md(', '.join(ev.spellings))})" if ev.spellings else "")
            + (f" — {md(', '.join(r for r, _ in ev.roles))}" if ev.roles else "")
            for ev in views))
    out += [""] if s.entities else [L["none"], ""]

    out += [f"### {L['sources']}", ""]
    for a in v.articles:
        title = f", {md(a.title)}" if a.title else ""
        date = format_date(a.published, v.lang) or L["undated"]
        link = a.url if a.url and re.fullmatch(r"https?://[^\s<>]+", a.url) else None
        where = f" — <{link}>" if link else f" — `{a.origin.replace('`', '')}`" if a.origin else ""
        out.append(f"{v.number[a.id]}. **{md(a.source)}**{title} ({date}){where}")
    out.append("")
    return out


def dossier_markdown(dossier: Dossier) -> str:
    """The whole dossier as one Markdown document."""
    L = labels(dossier_lang(dossier))
    out = [f"# {L['dossier']} recoupe", ""]
    if dossier.generated:
        out += [f"*{L['generated']} {dossier.generated}*", ""]
    views = story_views(dossier)
    if not views:
        out += [L["no_stories"], ""]
    for v in views:
        out += _story(v)
    return "\n".join(out).rstrip() + "\n"
