"""recoupe: cross-check the news. What do the sources agree on, who said what, where do they diverge?"""

__version__ = "0.1.0"

from recoupe.model import Article, Dossier, Story  # noqa: E402
from recoupe.pipeline import analyze, brief, group, read  # noqa: E402

__all__ = ["Article", "Dossier", "Story", "analyze", "brief", "group", "read", "__version__"]
