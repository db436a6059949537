"""Cheap language detection from stop-word lists (data/chat.yaml): enough to answer in the user's language.

A dictionary look-up per word costs microseconds; a language-identification model would add a download
and a dependency for the four languages our clinics write in besides English.
"""

from __future__ import annotations

import re

from ..knowledge.schemas.chat import Languages

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str, languages: Languages) -> str:
    """An ISO 639-1 code from the table in data/chat.yaml; "en" when unsure."""
    words = [w.lower() for w in _WORD.findall(text)][:200]
    if len(words) < languages.min_words:
        return "en"
    best, best_hits = "en", 0
    for code, lang in languages.table.items():
        hits = sum(1 for w in words if w in lang.stopwords)
        if hits > best_hits:
            best, best_hits = code, hits
    return best if best_hits / len(words) >= languages.min_share else "en"


def language_name(code: str, languages: Languages) -> str:
    """The language's English name ("Italian"), or the code itself if it is not in the table."""
    lang = languages.table.get(code)
    return lang.name if lang else code


def language_note(code: str, languages: Languages) -> str:
    """A one-line note, in that language, that the guidance is in English ("" for English)."""
    lang = languages.table.get(code)
    return lang.note if lang and code != "en" else ""
