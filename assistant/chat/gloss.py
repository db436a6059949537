"""A word-by-word English gloss of a question written in another language, for matching only.

The embedding model shipped with the product reads English; a Spanish question about filming children in therapy
shares no words with the card that answers it. The gloss replaces each known phrase, then each known word, by its
English (knowledge/data/glossary/<language>.yaml) and keeps every other word as written: names, places, brands and
the English words clinicians mix in. It is what cards, guides and drafts are matched on; what the asker wrote is
still what is masked, logged and given to a language model.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..knowledge.schemas.glossary import Glossary

# A word, hyphenated words as one ("boas-vindas", "escreve-me": glossed as parts when not listed whole), with the
# apostrophe of an elided article or pronoun kept on it ("l'", "d'", "qu'": French and Italian). Letters written onto
# a number are its unit and stay as written: Dutch "40k volgers" is 40,000 followers, not "40 i" ("k" is "ik").
_WORD = re.compile(r"(?<!\d)[^\W\d_]+(?:-[^\W\d_]+)*(?:['’](?=[^\W\d_]))?")
_SPACES = re.compile(r"[ \t]+")
# Between a phrase's words: spaces, or the apostrophe of an elision ("droit à l image" is "droit à l'image")
_BETWEEN = r"(?:\s+|\s*['’]\s*)"


def _key(phrase: str) -> str:
    """A phrase found in the text as its glossary key: lower-case, one space between words, elisions spaced."""
    return " ".join(re.split(r"[\s'’]+", phrase.lower().strip()))


class _Table:
    """One language's glossary, compiled: phrases in one pattern (longest first), words in a dictionary."""

    def __init__(self, glossary: Glossary) -> None:
        self.words = glossary.words
        self.phrases = glossary.phrases
        ordered = sorted(glossary.phrases, key=len, reverse=True)
        body = "|".join(_BETWEEN.join(re.escape(w) for w in phrase.split()) for phrase in ordered)
        self.pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if ordered else None

    def gloss(self, text: str) -> str:
        """Phrases and the words between them in one pass: a phrase's English is never glossed again (Portuguese
        "tempo parcial" is "part time", and stays so although "time" is Portuguese for "team")."""
        parts, last = [], 0
        for found in self.pattern.finditer(text) if self.pattern is not None else ():
            parts += [_WORD.sub(self._word, text[last : found.start()]), f" {self.phrases[_key(found.group(0))]} "]
            last = found.end()
        parts.append(_WORD.sub(self._word, text[last:]))
        return _SPACES.sub(" ", "".join(parts)).strip()

    def _word(self, match: re.Match[str]) -> str:
        word = match.group(0)
        gloss = self._lookup(word)
        if gloss is None and "-" in word:
            return "-".join(self._lookup(part) or part for part in word.split("-"))
        return word if gloss is None else f"{gloss} "

    def _lookup(self, word: str) -> str | None:
        key = word.lower().replace("’", "'")
        gloss = self.words.get(key)
        if gloss is None and key.endswith("'"):  # "l'" listed as "l"
            gloss = self.words.get(key[:-1])
        return gloss


class Glosser:
    """English glosses for the languages that have a glossary; any other text is returned as it is."""

    def __init__(self, glossaries: Mapping[str, Glossary]) -> None:
        self._tables = {code: _Table(glossary) for code, glossary in glossaries.items()}

    def english(self, text: str, language: str) -> str:
        """`text` glossed into English when `language` (ISO 639-1) has a glossary; else `text` unchanged."""
        table = self._tables.get(language)
        return table.gloss(text) if table is not None else text
