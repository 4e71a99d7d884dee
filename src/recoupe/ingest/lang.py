"""Language identification (py3langid). A short text is only matched against the languages
news is plausibly written in here, where a full model would guess wildly."""

from __future__ import annotations

import copy
from functools import lru_cache

PLAUSIBLE = ("fr", "en", "de", "es", "it", "pt", "nl")
SHORT = 200  # characters


@lru_cache(maxsize=1)
def _full():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _restricted():
    # a shallow copy shares the loaded tables: set_languages rebinds them, never edits them
    ident = copy.copy(_full())
    ident.set_languages(list(PLAUSIBLE))
    return ident


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None for a text without letters."""
    if not any(ch.isalpha() for ch in text):
        return None
    lang, _ = (_restricted() if len(text) < SHORT else _full()).classify(text[:1000])  # enough to tell, and the cost grows with length
    return lang
