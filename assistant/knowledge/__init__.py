"""The curated knowledge base: models, loader and date rules."""

from .dates import resolve
from .loader import KnowledgeBase, clean_text, load_knowledge
from .models import PLATFORM_IDS, Guide, Hashtag, Observance, Platform, Source, Specialty

__all__ = [
    "PLATFORM_IDS",
    "Guide",
    "Hashtag",
    "KnowledgeBase",
    "Observance",
    "Platform",
    "Source",
    "Specialty",
    "clean_text",
    "load_knowledge",
    "resolve",
]
