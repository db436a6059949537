"""Schema of knowledge/data/glossary/<language>.yaml: the words and phrases of one language glossed into English."""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from ..base import Strict


def _entries(value: object, phrases: bool) -> object:
    """Keys lower-case and trimmed, one word each (`phrases`: two words or more); values lower-case English."""
    if not isinstance(value, dict):
        return value
    out: dict[str, str] = {}
    for key, gloss in value.items():
        if not isinstance(key, str) or not isinstance(gloss, str):
            raise ValueError(f"{key!r}: keys and glosses are text")
        words = key.split()
        parts = re.split(r"[\s/-]+", key) if phrases else words  # a phrase may be "boas-vindas", "avant/après"
        if not words or (len(parts) > 1) != phrases:
            raise ValueError(f"{key!r}: {'a phrase has two words or more' if phrases else 'one word per entry'}")
        if key != key.lower() or key != key.strip():
            raise ValueError(f"{key!r}: keys are lower-case, with no spaces around them")
        if gloss != gloss.lower() or len(gloss.split()) > 4:
            raise ValueError(f"{key!r}: the gloss {gloss!r} is lower-case English of four words at most")
        out[" ".join(words)] = " ".join(gloss.split())
    return out


class Glossary(Strict):
    language: str = Field(pattern=r"^[a-z]{2}$")  # ISO 639-1, as in chat.yaml's `languages` table
    phrases: dict[str, str] = Field(default_factory=dict)  # glossed first, longest first
    words: dict[str, str] = Field(min_length=1)  # "" drops a word with no English worth keeping

    @field_validator("phrases", mode="before")
    @classmethod
    def _phrases(cls, value: object) -> object:
        return _entries(value, phrases=True)

    @field_validator("words", mode="before")
    @classmethod
    def _words(cls, value: object) -> object:
        return _entries(value, phrases=False)
