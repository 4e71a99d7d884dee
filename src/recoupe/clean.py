"""Cleaning an article's raw text: typography, boilerplate, repairs, repeated paragraphs.

`clean(raw)` returns the cleaned text (the one text every later span points into) and the list
of `Removal`s, each pointing into `raw` (`raw[r.start:r.end] == r.text`). Every pattern that
removes boilerplate is in `RULES`, in one place. Quotation marks (« » “ ” ") are kept as they
are; the apostrophe ’ becomes ', unusual spaces become plain spaces. Paragraphs are separated
by one blank line in the cleaned text.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from recoupe.model import Removal

__all__ = ["RULES", "Rule", "clean", "typography"]

# -- building blocks for the rules ------------------------------------------------------------

UP = "A-ZÀ-ÖØ-Ý"
LOW = "a-zß-öø-ÿ"
# a person's name, case-sensitive even inside IGNORECASE rules: "Chloé", "Jean-Marc Dupont"
NAME = rf"(?-i:[{UP}][{LOW}'-]+(?:[ -][{UP}][{LOW}'.-]+){{0,3}})"
BULLET = r"(?:>>|»|►|▶|→|➜|⇒|•|\*|-|–)?[ \t]*"
LINE_END = r"[ \t]*[:.!?…]*[ \t]*$"

CROSS_LINK = (
    r"(?:[àa][ \t]+)?(?:lire|voir|relire)[ \t]+(?:aussi|également|egalement|encore|la suite)"
    r"|sur le même (?:sujet|thème)[ \t]*:|(?:read|see)[ \t]+(?:more|also)|also read"
    r"|related(?:[ \t]+(?:articles?|stories|coverage|content))?[ \t]*:|more on this story"
    r"|les plus lus|most read")
LINKED = (r"(?:entretien|tribune|décryptage|enquête|article|dossier|reportage|analyse|récit|"
          r"chronique|éditorial|editorial|portrait|témoignage|interview|compte rendu|vidéo|"
          r"podcast|live|direct|infographie|carte|fil)")
LINK_LIST = (r"vous aimerez aussi|vous aimerez également|à découvrir(?: aussi)?|à lire également|"
             r"ces articles peuvent vous intéresser|nos dernières actualités|plus d'actualités|"
             r"les plus lus|dans la même rubrique|sur le même sujet|articles? similaires?|"
             r"you may also like|you might also like|recommended(?: for you)?|more stories|"
             r"more from [^\n]{1,40}|related (?:articles|stories|coverage)|most (?:read|popular)|"
             r"trending|top stories")
JOURNALISM_ROLE = (
    r"(?:journaliste|rédact(?:eur|rice)|reporter|reporteur|correspondante?|chroniqueu(?:r|se)"
    r"|éditorialiste|envoyée?[ \t]+spéciale?|pigiste|autrice|auteure?|blogueu(?:r|se)"
    r"|photographe|chef(?:fe)?[ \t]+de[ \t]+(?:rubrique|service|édition)"
    r"|journalist|editor|writer|correspondent|columnist|contributor|freelancer|blogger"
    r"|photographer|producer)")
AGENCY = (r"(?:AFP|REUTERS|Reuters|AP|EPA|Getty Images|SIPA|Sipa|ABACA|Abaca|MAXPPP|Maxppp|dpa"
          r"|Xinhua|Yonhap|Bloomberg|Pool|POOL|Sputnik|KCNA|Hans Lucas|IP3|Shutterstock)")
BIO_CUE = (
    r"(?:depuis (?:plus de )?\w+ ans|spécialisée?|passionnée?|couvre|suit|a rejoint|rejoint|diplômée?"
    r"|ancienne?|basée?|écrit|anime|signe|covers|joined|based|previously|graduated?|writes"
    r"|has written|is the author|est l'auteure?)")


@dataclass(frozen=True)
class Rule:
    """A piece of boilerplate: what it is, and the pattern of the whole stretch it removes.

    `tail` rules only look at the last paragraphs of the article (bios, sign-offs).
    """

    name: str
    pattern: re.Pattern[str]
    tail: bool = False


# the words opening a page's own date line ("Publié le 14/09/2023 à 10h32", "Updated ...")
DATE_LINE_WORDS = "publié|mis à jour|mise à jour|modifié|actualisé|published|updated|posted"


def _rule(name: str, pattern: str, *, tail: bool = False) -> Rule:
    return Rule(name, re.compile(pattern, re.IGNORECASE | re.MULTILINE), tail)


RULES: list[Rule] = [
    # ">> LIRE AUSSI - Kim Jong-un est arrivé...", "À lire aussi : ...", "READ MORE: ..."
    _rule("cross-link", rf"^{BULLET}(?:{CROSS_LINK})\b[ \t]*[:\-–—]?[ \t]*$\n[ \t]*[^\n.]{{1,200}}$"),
    _rule("cross-link", rf"^{BULLET}(?:{CROSS_LINK})\b[^\n]*$"),
    # "Lire l'entretien | ...", "Lire aussi notre enquête : ...", "VIDÉO - Kim Jong-un arrive"
    _rule("cross-link", rf"^{BULLET}(?:[àa][ \t]+)?(?:lire|voir|écouter|regarder)(?:[ \t]+(?:aussi|également))?"
                        rf"(?:[ \t]+(?:l'|le |la |les |notre |nos |cette |ce )[ \t]*{LINKED}s?)?"
                        rf"[ \t]*[:|][^\n]{{1,200}}$"),
    _rule("cross-link", rf"^{BULLET}(?:vidéos?|videos?|infographie|diaporama|podcast|en images|"
                        rf"photos|replay|live|direct)[ \t]+[-–—|»][^\n]{{1,200}}(?<![.:])$"),
    # a list of links under its heading: "Vous aimerez aussi", "More stories", "Notre dossier"
    _rule("cross-link", rf"^(?:{LINK_LIST})[ \t]*:?[ \t]*$(?:\n(?:[ \t]*\n)?[^\n.]{{1,150}}(?<![.:!?])$){{0,8}}",
          tail=True),
    _rule("cross-link", r"^(?:notre dossier|nos dossiers|notre rubrique|dossier)[ \t]*[:|][^\n]{1,150}$"),
    # "Partagez votre avis", "Share this article", "Facebook Twitter Email", "12 commentaires"
    _rule("share", r"^(?:partagez|partager|share|sharing)(?:[ \t]+(?:cet|cette|l'|the|this|votre|vos|"
                   r"sur|on|via|par|it|article|story|post|page|avis|impressions?)\b[^\n]{0,40})?"
                   + LINE_END),
    _rule("share", r"^(?:donnez|laissez|ajoutez|postez|leave|add|post|write)[ \t]+(?:votre|un|a|your)"
                   r"[ \t]+(?:avis|commentaire|comment|reply|réponse)\b[^\n]{0,30}" + LINE_END),
    _rule("share", r"^(?:réagissez|réagir|commentez|commenter|comments?|commentaires?|"
                   r"join the (?:conversation|discussion)|\d+[ \t]+(?:commentaires?|comments?|réactions?))"
                   r"(?:[ \t]+(?:à|a|cet|this|sur|on|\(\d+\))\b[^\n]{0,30})?" + LINE_END),
    _rule("share", r"^(?:vous avez aimé cet article|did you (?:like|enjoy) this (?:article|story))"
                   + LINE_END),
    _rule("share", r"^[^\n]{0,120}\b(?:partagez votre avis|réagissez à cet article|réagir à cet article|"
                   r"donnez votre avis|laissez un commentaire|share your (?:thoughts|views|opinion)|"
                   r"leave a comment|tell us (?:what you think|in the comments))\b[^\n]{0,80}$", tail=True),
    # "Retrouvez tous les résultats sur notre site", "Follow us on social media"
    _rule("promo", r"^(?:retrouvez|suivez|suivez-nous|découvrez|rejoignez|rejoignez-nous|téléchargez|"
                   r"find|follow|download|visit|watch|listen)\b[^\n]{0,120}\b(?:notre|nos|our|us|"
                   r"application|appli|app|site|compte|account|chaîne|channel|podcast|"
                   r"réseaux sociaux|social media)\b[^\n]{0,60}$", tail=True),
    _rule("share", r"^(?:(?:facebook|twitter|x|whatsapp|linkedin|e-?mail|courriel|messenger|pinterest|"
                   r"reddit|telegram|bluesky|imprimer|print|copier le lien|copy link)[ \t,|/·•]*){2,}$"),
    # "Abonnez-vous à notre newsletter", "Il vous reste 80% de cet article à lire"
    _rule("newsletter", r"^(?:abonnez-vous|inscrivez-vous|recevez|s'abonner|s'inscrire|je m'abonne|"
                        r"subscribe|sign up|get (?:our|the)|découvrez nos offres|déjà abonné)\b[^\n]{0,200}"
                        r"\b(?:newsletters?|lettres? d'information|infolettre|alertes?|inbox|"
                        r"abonnés?|abonnement|offres?|email|courriel|premium|gratuit|free|briefing|"
                        r"digest|bulletin|mailing list)\b[^\n]{0,120}$"),
    _rule("newsletter", r"^(?:newsletters?|infolettre)\b[^\n]{0,150}$"),
    _rule("newsletter", r"^(?:(?:cet article|la suite|ce contenu) est réservée? aux abonnés|"
                        r"il vous reste[ \t]+\d+[ \t]*%[ \t]+de cet article à lire|"
                        r"(?:this (?:article|story|content) is (?:only )?(?:for|available to) subscribers)|"
                        r"subscribe to (?:continue|keep) reading)[^\n]{0,100}$"),
    # "Photo : AFP", "Crédit photo : Reuters/Kim Hong-Ji", "© Reuters", "(Photo by X/AFP)"
    _rule("photo-credit", r"^(?:photos?|crédits?(?:[ \t]+photos?)?|credits?|photo credit|image|"
                          r"illustration|vidéo|video)(?:[ \t]+(?:d'illustration|by|de|par))?[ \t]*"
                          r"[:/][ \t]*[^\n]{1,80}$"),
    _rule("photo-credit", r"^[ \t]*©[^\n]{1,100}$"),
    _rule("photo-credit", r"[ \t]*[(\[](?:photo|crédit photo|photo credit|image|illustration)s?"
                          r"(?:[ \t]+(?:by|de|par))?[ \t]*:?[ \t]*[^)\]\n]{1,80}[)\]]"),
    _rule("photo-credit", rf"(?:[ \t]+|^)[(\[]?©[ \t]*(?-i:[{UP}0-9])[^\n©]{{0,60}}?[)\]]?(?=[ \t]*$)"),
    # a caption's credit line: "/Photo prise le 17 octobre 2008/REUTERS/Jean Dupont"
    _rule("photo-credit", rf"^[^\n]{{0,160}}\b(?-i:{AGENCY})(?:[ \t]+via[ \t]+[^\n/]{{1,30}})?"
                          rf"[ \t]*/[ \t]*(?-i:[{UP}])[^\n/]{{0,40}}(?<!\.)$"),
    _rule("photo-credit", r"^/(?:photo|image)[^\n]{1,160}$"),
    # the page's own date lines: "Publié le 14/09/2023 à 10h32", "Updated Sept. 14, 2023"
    # (kept in the Removal, where the article's date is looked for first)
    _rule("published-line", rf"^(?:{DATE_LINE_WORDS}|first published|last updated)"
                            r"\b[^\n]{0,60}?\d[^\n]{0,60}(?<![.!?])$"),
    # advertising slots: "Story continues below advertisement", "Publicité"
    _rule("advert", r"^(?:(?:the )?(?:story|article) continues? below(?: (?:this )?advertisement)?|"
                    r"article continued below|continue reading (?:below|the main story)|"
                    r"skip advertisement|advertisement|advertising|sponsored content|publicité|"
                    r"contenu sponsorisé|l'article continue (?:ci-dessous|après la publicité)|"
                    r"la suite après (?:cette |la )?publicité|anzeige|werbung|publicidad)" + LINE_END),
    # the wire agency signing off a rewritten dispatch: "ARP", "(avec AFP)", "With Reuters"
    _rule("agency-credit", rf"^[(\[]?(?:(?:avec|with|source|sources)[ \t]*:?[ \t]+)?"
                           rf"(?-i:[A-Z]{{2,6}}|{AGENCY})(?:[ \t]*(?:,|/|et|and|&)[ \t]*"
                           rf"(?-i:[A-Z]{{2,6}}|{AGENCY}))*[)\]]?\.?$", tail=True),
    _rule("agency-credit", rf"^(?-i:[{UP}][^\n]{{0,40}}?)[ \t]+(?:avec|with)[ \t]+(?-i:{AGENCY}|[A-Z]{{2,6}})"
                           rf"(?:[ \t]*(?:,|/|et|and|&)[ \t]*(?-i:{AGENCY}|[A-Z]{{2,6}}))*\.?$", tail=True),
    # wire credits and rights at the end: "Reporting by X; Editing by Y", "All rights reserved"
    _rule("credits", r"^\(?(?:reporting|writing|editing|additional reporting|compiled|edited|"
                     r"reportage|édité|traduit|traduction|texte|adaptation)[ \t]+(?:by|par)\b[^\n]{1,300}$",
          tail=True),
    _rule("credits", r"^[^\n]{0,120}\b(?:all rights reserved|tous droits réservés|droits réservés|"
                     r"thomson reuters trust principles|may not be (?:published|reproduced)|"
                     r"reproduction interdite)\b[^\n]{0,120}$", tail=True),
    _rule("credits", r"^(?:this (?:article|story) (?:was|is) (?:originally |first )?(?:published|republished)|"
                     r"cet article a (?:été )?(?:initialement|originellement|d'abord) (?:été )?publié|"
                     r"article original publié|une version de cet article)\b[^\n]{0,250}$", tail=True),
    # Author bios at the end: "Chloé" then "Chloé, rédactrice en chef aguerrie, anime..."
    _rule("author-bio", rf"^(?:à propos de l'auteure?|about the author|l'auteure?|the author)[ \t]*:?"
                        rf"[ \t]*$", tail=True),
    _rule("author-bio", rf"^(?P<who>{NAME})[ \t]*\n(?:[ \t]*\n)*(?P=who)\b"
                        rf"(?=[^\n]*\b(?:{JOURNALISM_ROLE}|{BIO_CUE})\b)[^\n]*$", tail=True),
    _rule("author-bio", rf"^{NAME}(?:,| est| is| was| a été| has been)[^\n«»\"“”]{{0,80}}?\b"
                        rf"{JOURNALISM_ROLE}\b(?:[^\n«»\"“”]{{0,500}}?\b{BIO_CUE}\b[^\n«»\"“”]{{0,500}}"
                        rf"|[^\n«»\"“”]{{0,500}}(?=\s*\Z))$", tail=True),
    _rule("byline", rf"^(?:par|by|propos recueillis par|article rédigé par|rédigé par|written by)"
                    rf"[ \t]*:?[ \t]+{NAME}"
                    rf"(?:[ \t]*(?:,|et|and|avec|with|&)[ \t]*{NAME}){{0,3}}"
                    rf"(?:[ \t]*(?:,|-|–|—|\(|pour|for)[ \t]*[^\n.]{{0,40}})?$"),
]

TAIL_PARAGRAPHS = 4  # bios and sign-offs live in the last few paragraphs

# Words that begin a sentence; a heading glued to one of them ("en UkraineLa Russie") is split.
SENTENCE_STARTERS = (
    "Le|La|Les|L'|Un|Une|Des|Du|De|D'|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|On|Nous|Vous|Je|Selon|"
    "Pour|Dans|En|Au|Aux|À|Après|Avant|Depuis|Lors|Mais|Et|Si|Alors|Pendant|Sur|Par|C'est|Cela|"
    "Son|Sa|Ses|Leur|Leurs|Plus|Aucun|Aucune|Tous|Toutes|Quand|Lorsque|Comme|Ainsi|"
    "The|He|She|They|This|That|These|Those|After|Before|But|According|We|"
    "His|Her|Their|When|While|Since|During|There")  # not "In", "On", "It": LinkedIn, PlayOn


# -- text with a map back to the raw characters -----------------------------------------------

class _Tracked:
    """A text being rewritten, each character remembering the raw stretch it came from."""

    def __init__(self, raw: str):
        self.raw = raw
        self.text = raw
        self.start = array("q", range(len(raw)))
        self.end = array("q", range(1, len(raw) + 1))
        self.removed: list[Removal] = []

    def edit(self, edits: Iterable[tuple[int, int, str]], reason: str | None = None) -> None:
        """Apply (start, end, replacement) edits, sorted and disjoint; record removals under `reason`."""
        text, start, end = self.text, self.start, self.end
        parts: list[str] = []
        new_start, new_end = array("q"), array("q")
        last = 0
        for a, b, new in edits:
            if a < last or (text[a:b] == new):
                continue
            parts.append(text[last:a])
            new_start.extend(start[last:a])
            new_end.extend(end[last:a])
            if a < b:
                rs, re_ = start[a], end[b - 1]
                if reason is not None and not new:
                    self.removed.append(Removal(rs, re_, self.raw[rs:re_], reason))
            else:  # an insertion borrows the position of the character it precedes
                rs = re_ = start[a] if a < len(text) else len(self.raw)
            if len(new) == b - a:
                new_start.extend(start[a:b])
                new_end.extend(end[a:b])
            else:
                new_start.extend([rs] * len(new))
                new_end.extend([re_] * len(new))
            parts.append(new)
            last = b
        parts.append(text[last:])
        new_start.extend(start[last:])
        new_end.extend(end[last:])
        self.text, self.start, self.end = "".join(parts), new_start, new_end

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str],
            reason: str | None = None, *, pos: int = 0) -> None:
        def edits():
            for m in pattern.finditer(self.text, pos):
                yield m.start(), m.end(), repl(m) if callable(repl) else repl
        self.edit(list(edits()), reason)


# -- the steps ---------------------------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n|\r|[\u2028\u2029\x85]")
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_APOSTROPHE = re.compile("[\u2019\u02bc]")
_SPACES = re.compile("[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUNS = re.compile(r" {2,}")
_LINE_EDGES = re.compile(r"^ +| +$", re.MULTILINE)
_GLUED_HEADING = re.compile(
    rf"^(?=[^\n]{{0,150}}?[{LOW}](?:{SENTENCE_STARTERS})\b)"
    rf"(?P<head>[^\n.!?:;«»\"“”]{{2,150}}? [^\n.!?:;«»\"“” ]*?[{LOW}])"  # two words at least
    rf"(?=(?:{SENTENCE_STARTERS})\b)", re.MULTILINE)
# ... or to a sentence opening on a full name: "En pleine guerre en UkraineVladimir Poutine a"
_GLUED_HEADING_NAME = re.compile(
    rf"^(?P<head>[{UP}][^\n.!?:;«»\"“”@#/]{{2,150}}? [^\n.!?:;«»\"“”@#/ ]+? [^\n.!?:;«»\"“”@#/ ]*?[{LOW}]{{3}})"
    rf"(?=[{UP}][{LOW}]+(?:-[{UP}]?[{LOW}]+)? [{UP}][{LOW}]+(?:-[{UP}]?[{LOW}]+)? [{LOW}][^\n]{{40,}}[.!?»\"”]$)",
    re.MULTILINE)
_MISSING_SPACE = re.compile(rf"(?<=[{LOW}]{{2}})[.!?](?=[«\"“]?[{UP}][{LOW}'])")


_TLD = re.compile(r"(?:com|net|org|fr|io|uk|tv|gov|edu|ch)\b", re.IGNORECASE)  # not "de", "co": words


def _is_url_or_mail(text: str, at: int) -> bool:
    """Whether position `at` sits inside a URL, a domain ("Atlantic.Net") or an e-mail address."""
    left = text.rfind(" ", 0, at) + 1
    right = text.find(" ", at)
    token = text[left:right if right >= 0 else len(text)].lower()
    return ("://" in token or token.startswith("www.") or "@" in token
            or bool(_TLD.match(text, at + 1)))


def _missing_space(t: _Tracked) -> None:
    """"militaire.Ces" -> "militaire. Ces"; "espion."C'est" -> "espion. "C'est" (an opening quote)."""
    edits = []
    for m in _MISSING_SPACE.finditer(t.text):
        after = m.end()
        if _is_url_or_mail(t.text, m.start()):
            continue
        if t.text[after] == '"':
            line_start = t.text.rfind("\n", 0, after) + 1
            if t.text.count('"', line_start, after) % 2:  # this " closes a quotation
                continue
        edits.append((after, after, " "))
    t.edit(edits)


def _unwrap(t: _Tracked) -> None:
    """Join hard-wrapped lines (fixed-width text) into paragraphs; keep blank-line breaks."""
    lines = [ln for ln in t.text.split("\n") if ln.strip()]
    if len(lines) < 5:
        return
    widths = [len(ln) for ln in lines]
    within = sum(40 <= w <= 100 for w in widths)
    open_ended = sum(not re.search(r"[.!?:;»\"”)]\s*$", ln) for ln in lines)  # cut mid-sentence
    if max(widths) > 110 or within < 0.8 * len(lines) or open_ended < 0.5 * len(lines):
        return
    t.sub(re.compile(r"(?<=\S)[ \t]*\n[ \t]*(?=\S)"), " ")


def _split_glued_names(t: _Tracked) -> None:
    """Split "en UkraineVladimir Poutine" only when the text also has "Ukraine" standing alone
    and never the glued form: brand names ("SoftBank Group") are written the same way each time."""
    text = t.text
    edits = []
    for m in _GLUED_HEADING_NAME.finditer(text):
        left = re.search(r"\w+$", m.group("head")).group()
        right = re.match(r"\w+", text[m.end():]).group()
        alone = len(re.findall(rf"\b{re.escape(left)}\b", text))
        glued = len(re.findall(rf"\b{re.escape(left + right)}\b", text))
        if alone and glued == 1:
            edits.append((m.end(), m.end(), "\n"))
    t.edit(edits)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


def _apply_rules(t: _Tracked) -> None:
    for rule in RULES:
        pos = 0
        if rule.tail:
            paras = _paragraphs(t.text)
            if len(paras) <= 1:
                continue
            pos = paras[max(1, len(paras) - TAIL_PARAGRAPHS)][0]
        t.sub(rule.pattern, "", rule.name, pos=pos)


def _fingerprint(paragraph: str) -> str:
    folded = unicodedata.normalize("NFKD", paragraph.casefold())
    return " ".join(re.findall(r"\w+", folded))


def _drop_repeats(t: _Tracked, min_chars: int = 20, near: float = 92.0) -> None:
    """Drop a paragraph already seen in the article, word for word or nearly (ratio >= `near`)."""
    from bisect import bisect_left, bisect_right, insort

    from rapidfuzz import fuzz, process

    exact: set[str] = set()
    by_length: list[tuple[int, str]] = []  # earlier paragraphs, sorted by length
    edits = []
    for a, b in _paragraphs(t.text):
        fp = _fingerprint(t.text[a:b])
        n = len(fp)
        if n < min_chars:
            continue
        # two strings this similar differ in length by less than the ratio allows
        slack = int(n * (100 - near) / 50) + 1
        lo = bisect_left(by_length, (n - slack, ""))
        hi = bisect_right(by_length, (n + slack, "\U0010ffff"))
        window = [s for _, s in by_length[lo:min(hi, lo + 300)]]  # bounded on odd input
        if fp in exact or (n >= 60 and window and process.extractOne(
                fp, window, scorer=fuzz.ratio, score_cutoff=near) is not None):
            edits.append((a, b, ""))
            continue
        exact.add(fp)
        if n >= 60:
            insort(by_length, (n, fp))
    t.edit(edits, "duplicate")


def typography(text: str) -> str:
    """The typography of `clean` alone, for short strings such as titles and names."""
    for pattern, repl in ((_NEWLINES, " "), (_INVISIBLE, ""), (_APOSTROPHE, "'"), (_SPACES, " ")):
        text = pattern.sub(repl, text)
    return " ".join(text.split())


def clean(raw: str, *, drop: Iterable[tuple[int, int, str]] = ()) -> tuple[str, list[Removal]]:
    """Clean `raw`; `drop` lists (start, end, reason) stretches of `raw` known to go (a header).

    Returns the cleaned text and the removals, with offsets into `raw`.
    """
    t = _Tracked(raw)
    t.edit(sorted((a, b, "") for a, b, _ in drop))
    t.removed = [Removal(a, b, raw[a:b], reason) for a, b, reason in sorted(drop) if a < b]
    t.sub(_NEWLINES, "\n")
    t.sub(_INVISIBLE, "")
    t.sub(_APOSTROPHE, "'")
    t.sub(_SPACES, " ")
    t.sub(_SPACE_RUNS, " ")
    t.sub(_LINE_EDGES, "")
    _unwrap(t)
    _apply_rules(t)
    t.sub(_GLUED_HEADING, lambda m: m.group("head") + "\n")
    _split_glued_names(t)
    _missing_space(t)
    t.sub(_SPACE_RUNS, " ")
    t.sub(_LINE_EDGES, "")
    _drop_repeats(t)
    t.sub(re.compile(r"\n+"), "\n\n")
    t.sub(re.compile(r"^\s+|\s+$"), "")
    t.removed.sort(key=lambda r: (r.start, r.end))
    return t.text, t.removed
