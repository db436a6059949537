"""Cheap language detection from stop-word lists (data/chat.yaml): enough to answer in the user's language.

A dictionary look-up per word costs microseconds; a language-identification model would add a download
and a dependency for the four languages our clinics write in besides English.
"""

from __future__ import annotations

import re

from ..knowledge.schemas.chat import Languages

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str, languages: Languages) -> str:
    """An ISO 639-1 code from the tables in data/chat.yaml, a language read (`table`) or one only recognised
    (`unread`: by its own script, or by its stop words); "en" when unsure."""
    if script := _script(text, languages):
        return script
    words = [w.lower() for w in _WORD.findall(text)][:200]
    if len(words) < languages.min_words:
        return "en"
    lists = {code: lang.stopwords for code, lang in languages.table.items()}
    lists |= {code: lang.stopwords for code, lang in languages.unread.items() if lang.stopwords}
    hits = {code: sum(1 for w in words if w in stopwords) for code, stopwords in lists.items()}
    best = max(hits, key=lambda code: hits[code])
    share = hits[best] / len(words)
    if share >= languages.min_share:
        return best
    # "Ciao, sono odontoiatra ... una promo ... un post per Instagram e Facebook": brand names and borrowed words
    # thin the stop words out, but English ones are fewer still
    ahead = languages.min_share_ahead
    return best if ahead is not None and share >= ahead and hits[best] >= 2 * hits.get("en", 0) else "en"


def _script(text: str, languages: Languages) -> str:
    """The unread language whose own script writes enough of the text's letters ("ศูนย์หัวใจ": Thai), or ""."""
    letters = len(_LETTER.findall(text[:2000]))
    for code, lang in languages.unread.items():
        if lang.script and letters:
            share = len(re.findall(lang.script, text[:2000])) / letters
            if share >= languages.min_script_share:
                return code
    return ""


_LETTER = re.compile(r"[^\W\d_]")


def language_name(code: str, languages: Languages) -> str:
    """The language's English name ("Italian"), or the code itself if it is not in the table."""
    lang = languages.table.get(code) or languages.unread.get(code)
    return lang.name if lang else code


def language_note(code: str, languages: Languages) -> str:
    """A one-line note, in that language, that the guidance is in English, or that the language is not read and
    the answer rests on the words recognised ("" for English)."""
    lang = languages.table.get(code) or languages.unread.get(code)
    return lang.note if lang and code != "en" else ""
