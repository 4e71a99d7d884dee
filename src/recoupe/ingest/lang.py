"""Language identification (py3langid). A short text is only matched against the languages
news is plausibly written in here, where a full model would guess wildly."""

from __future__ import annotations

from functools import lru_cache

PLAUSIBLE = ("fr", "en", "de", "es", "it", "pt", "nl")
SHORT = 200  # characters


@lru_cache(maxsize=2)
def _identifier(restricted: bool):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if restricted:
        ident.set_languages(list(PLAUSIBLE))
    return ident


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None for a text without letters."""
    if not any(ch.isalpha() for ch in text):
        return None
    lang, _ = _identifier(len(text) < SHORT).classify(text[:1000])  # enough to tell, and the cost grows with length
    return lang
