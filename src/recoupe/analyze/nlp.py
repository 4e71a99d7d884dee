"""spaCy for the per-article analysis: one pipeline per language, loaded once per process.

`get_nlp(lang)` gives the pipeline for a language (a fallback model for languages without one,
see `model_for`); `parse(articles)` runs it over many articles in batches and yields each
article with its `Doc`. Doc offsets are the article's own character offsets: the text handed
to spaCy only has characters swapped one for one (curly apostrophe, unusual spaces), so
`doc[i].idx` points into `article.text`. Spans are always cut from `article.text`.

The lemmatizer is loaded but not run on every token: claims need the lemma of a few verbs
only, and `lemma(token)` computes it on demand (running it on every token costs ~20 % of
the French pipeline's time). Two additions to the models: French hyphenated names stay one
token ("Jong-un"), and a small component before the parser (`sentence_guard`) starts a
sentence at each paragraph and forbids one inside a name or after "M.".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from recoupe import settings
from recoupe.model import Article

__all__ = ["get_nlp", "model_for", "parse", "lemma", "verb_lemma", "NOT_RUN"]

# components loaded but not run in the pipeline (see `lemma`)
NOT_RUN = ["lemmatizer"]

# one-for-one character swaps that help the models and keep every offset in place
_SWAP = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
                       "\u2007": " ", "\u2002": " ", "\u2003": " ", "\t": " "})



def parser_text(text: str) -> str:
    """The text as the parser sees it: one-for-one swaps only, so offsets stay the article's."""
    return text.translate(_SWAP)


# Hyphenated names the French tokenizer splits ("Jong-un", "Jae-in", "Suk-yeol"): a
# capitalised part joined by hyphens to parts that are not verb-subject clitics ("dit-il",
# "Peut-on", "Est-ce", "a-t-elle"), which must keep splitting.
_CLITIC = r"(?:t|je|j|tu|il|ils|elle|elles|on|nous|vous|ce|ci|là|le|la|les|lui|leur|leurs|y|en|moi|toi|m|z|même|mêmes)"
_NAME_PART = r"[A-Za-zÀ-ÖØ-öø-ÿ]+"
HYPHEN_NAME = (rf"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-(?!{_CLITIC}(?:-|$)){_NAME_PART})+$")

_cache: dict[str, Language] = {}


def model_for(lang: str | None) -> tuple[str, str | None]:
    """The language whose model analyses `lang`, and a warning when it is not `lang`'s own."""
    if lang:
        lang = lang.replace("_", "-").split("-")[0].lower()  # "fr-FR", "en_US"
    if lang in settings.SPACY_MODELS:
        return lang, None
    used = settings.SPACY_FALLBACK.get(lang or "", settings.DEFAULT_LANG)
    if not lang:
        return used, f"language unknown; analysed with the '{used}' model"
    return used, f"no model for '{lang}'; analysed with the '{used}' model"


def get_nlp(lang: str) -> Language:
    """The spaCy pipeline for `lang` (a language with a model), loaded once per process."""
    lang = model_for(lang)[0]
    nlp = _cache.get(lang)
    if nlp is None:
        nlp = spacy.load(settings.SPACY_MODELS[lang], disable=NOT_RUN)
        if lang == "fr":
            _keep_hyphenated_names(nlp)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("recoupe_sentence_guard", before="parser")
        _cache[lang] = nlp
    return nlp


def _keep_hyphenated_names(nlp: Language) -> None:
    """Make "Jong-un"-style names one token, as "Jean-Marie" already is."""
    old = nlp.tokenizer.token_match
    names = rf"(?-i:{HYPHEN_NAME})"  # case matters even if the model's own pattern ignores it
    if old is None:
        nlp.tokenizer.token_match = re.compile(names).match
    else:  # one compiled pattern, so the tokenizer still serialises
        nlp.tokenizer.token_match = re.compile(f"{old.__self__.pattern}|{names}").match


# a sentence may start only after these (or a line break): the parser otherwise starts one
# inside names ("Kim Jong | Un a dit") or after a title ("M. | Poutine")
_CLOSING_QUOTES = ("»", '"', "”")
_SENTENCE_ENDS = (".", "!", "?", "…") + _CLOSING_QUOTES
_TITLES = {"m.", "mm.", "mme.", "dr.", "pr.", "mgr.", "mr.", "mrs.", "ms.", "st.", "ste."}


def _opens_capital(tok) -> bool:
    """A capital, or an opening quote mark before one ('"The warship ...')."""
    if tok.text[:1] in '"«“' and tok.i + 1 < len(tok.doc):
        tok = tok.doc[tok.i + 1]
        if tok.is_space:
            tok = tok.nbor() if tok.i + 1 < len(tok.doc) else tok
    return tok.text[:1].isupper()


@Language.component("recoupe_sentence_guard")
def sentence_guard(doc: Doc) -> Doc:
    """Start a sentence after a blank line (a new paragraph), or after a line break when a
    capital follows a line that does not end on a function word (a heading, a dateline);
    forbid sentence starts where no sentence can start; the parser decides the others."""
    if len(doc) < 2:
        return doc
    starts = numpy.zeros(len(doc), dtype="int64")  # 1 start, -1 no start, 0 parser's choice
    prev = doc[0]
    for tok in doc[1:]:
        if prev.is_space and "\n" in prev.text and not tok.is_space and (
                prev.text.count("\n") >= 2 or _opens_capital(tok) and prev.i > 0
                and doc[prev.i - 1].pos_ not in ("ADP", "DET", "CCONJ", "SCONJ", "PRON")):
            starts[tok.i] = 1
        elif not (tok.is_space or "\n" in prev.text or (
                prev.text.endswith(_SENTENCE_ENDS) and prev.lower_ not in _TITLES)):
            starts[tok.i] = -1
        elif tok.text[:1] in "»”" or tok.text == '"' and not (prev.whitespace_ or prev.is_space) or (
                prev.text == '"' and not prev.whitespace_) or (
                prev.text.endswith(_CLOSING_QUOTES) and (tok.text[:1] in ",;:)]" or tok.text[:1].islower())):
            # a closing mark ends its sentence ('rien." a lancé'), and the quote goes on in its
            # sentence: « ... », a-t-il ajouté
            starts[tok.i] = -1
        prev = tok
    starts[0] = 1
    doc.from_array(SENT_START, starts.astype("uint64"))
    return doc


def lemma(token: Token) -> str:
    """The lemma of one token, computed on demand by its pipeline's own lemmatizer."""
    if token.lemma_:
        return token.lemma_
    nlp = get_nlp(token.doc.lang_)
    if "lemmatizer" not in nlp.component_names:
        return token.lower_
    lemmatizer = nlp.get_pipe("lemmatizer")
    key = (token.doc.lang_, token.lower_, token.pos_, str(token.morph))  # per language
    hit = _lemmas.get(key)
    if hit is None:
        if getattr(lemmatizer, "mode", "") == "rule":
            found = lemmatizer.rule_lemmatize(token)
        else:
            found = lemmatizer.lookup_lemmatize(token)
        hit = _lemmas[key] = (found[0] if found else token.lower_).lower()
    return hit


_lemmas: dict[tuple[str, str, str, str], str] = {}


def verb_lemma(token: Token) -> str:
    """The lemma of a token used as a verb: the lemmatizer's, when it is a known verb; else
    the lemmatizer's verb exceptions and suffix rules, kept only when they give a known verb
    (the tagger takes "montre" or "estime" for nouns, and the lookup answers "montre")."""
    first = lemma(token) if token.pos_ in ("VERB", "AUX") else None
    verbs = _verb_tables(token.doc.lang_)
    if verbs is None:
        return first or lemma(token)
    exceptions, rules, known = verbs
    if first in known:
        return first
    word = token.lower_
    if word in exceptions:
        return exceptions[word][0]
    for old, new in rules:
        if word.endswith(old):
            form = word[:len(word) - len(old)] + new
            if form in known:
                return form
    return first or lemma(token)


_verbs: dict[str, tuple[dict, list, set] | None] = {}
# present-tense endings the French tables lack: "montre", "estiment" -> "montrer", "estimer"
_PRESENT_RULES = {"fr": [["e", "er"], ["es", "er"], ["ent", "er"]]}


def _verb_tables(lang: str) -> tuple[dict, list, set] | None:
    """(exceptions, suffix rules, known lemmas) for verbs, from the lemmatizer's tables."""
    if lang not in _verbs:
        nlp = get_nlp(lang)
        tables = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.component_names else None
        if tables is None or not all(t in tables.tables for t in ("lemma_rules", "lemma_index", "lemma_exc")):
            _verbs[lang] = None
        else:
            _verbs[lang] = (dict(tables.get_table("lemma_exc").get("verb", {})),
                            list(tables.get_table("lemma_rules").get("verb", []))
                            + _PRESENT_RULES.get(lang, []),
                            set(tables.get_table("lemma_index").get("verb", [])))
    return _verbs[lang]


def _chunks(text: str, size: int) -> list[tuple[int, int]]:
    """Cut `text` into consecutive stretches of at most ~`size` characters, at a paragraph,
    sentence end or space when there is one (so no token is cut in two)."""
    out, start, n = [], 0, len(text)
    while n - start > size:
        window = text[start:start + size]
        cut = -1
        for sep in ("\n", ". ", " "):
            cut = window.rfind(sep, size // 2)
            if cut != -1:
                cut += len(sep)
                break
        if cut <= 0:
            cut = size
        out.append((start, start + cut))
        start += cut
    out.append((start, n))
    return out


def parse(articles: Iterable[Article], *, n_process: int = 1,
          batch_size: int = settings.SPACY_BATCH_SIZE) -> Iterator[tuple[Article, Doc]]:
    """Yield each article with its parsed `Doc`, batched by language.

    Articles longer than `settings.MAX_ANALYZED_CHARS` are analysed up to that length (with a
    warning on the article), so time stays bounded; long texts are parsed in chunks of
    `settings.SPACY_CHUNK_CHARS` and joined back into one Doc with native offsets.
    """
    by_lang: dict[str, list[Article]] = {}
    for art in articles:
        used, warning = model_for(art.lang)
        if warning and warning not in art.warnings:
            art.warnings.append(warning)
        by_lang.setdefault(used, []).append(art)
    for lang, group in by_lang.items():
        nlp = get_nlp(lang)
        nlp.max_length = max(nlp.max_length, settings.SPACY_CHUNK_CHARS + 1)
        yield from _parse_group(nlp, group, n_process, batch_size)


def _parse_group(nlp: Language, group: list[Article], n_process: int,
                 batch_size: int) -> Iterator[tuple[Article, Doc]]:
    pieces: list[tuple[str, int]] = []  # (text, index of its article in `group`)
    counts: list[int] = []
    for k, art in enumerate(group):
        text = art.text or ""
        limit = settings.MAX_ANALYZED_CHARS
        if len(text) > limit:
            warning = f"text too long: only the first {limit} of {len(text)} characters were analysed"
            if warning not in art.warnings:
                art.warnings.append(warning)
            text = text[:limit]
        text = parser_text(text)
        spans = _chunks(text, settings.SPACY_CHUNK_CHARS)
        counts.append(len(spans))
        pieces.extend((text[s:e], k) for s, e in spans)
    docs = nlp.pipe(pieces, as_tuples=True, n_process=n_process, batch_size=batch_size)
    pending: list[Doc] = []
    for doc, k in docs:
        pending.append(doc)
        if len(pending) == counts[k]:
            whole = pending[0] if len(pending) == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
            yield group[k], whole
