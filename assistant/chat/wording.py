"""Small rules of English the drafts share: a capital first letter, "a" or "an" before a role, sentences, counts."""

from __future__ import annotations

import re

# Letters whose names start with a vowel sound: "an SLT", "an RN", "an HCA", but "a GP", "a DPT".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")


def first_upper(text: str) -> str:
    """The text with its first character in capitals and the rest as written ("covered by NHS" -> "Covered by
    NHS")."""
    return text[:1].upper() + text[1:]


def with_article(role: str) -> str:
    """The role with "a" or "an" by how its first word sounds: "an experienced SLT", "an osteopath", "a nurse", "a
    university tutor", "an RN", "a one-to-one coach", "an hour-long session"."""
    if not role.split():
        return role
    first = role.split()[0]
    if first.isupper() and len(first) > 1:
        vowel = first[0] in _VOWEL_LETTERS
    else:
        low = first.lower()
        vowel = low[:1] in "aeio" and not low.startswith(("one", "eu")) or low.startswith(("hour", "honest"))
        vowel = vowel or (low[:1] == "u" and not low.startswith(("uni", "use", "usu", "uro", "uri", "ure", "utero")))
    return f"{'an' if vowel else 'a'} {role}"


def role_in_sentence(title: str) -> str:
    """A job title as it reads inside a sentence: "Physiotherapist" -> "physiotherapist", but an abbreviation keeps
    its capitals ("GP", "SLT", "RN")."""
    first = title.split()[0] if title.split() else title
    return title if first.isupper() and len(first) > 1 else title[:1].lower() + title[1:]


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    """The text split after each full stop, question or exclamation mark that a space follows."""
    return _SENTENCE_END.split(text.strip())


def count_of(word: str) -> int | None:
    """A count written in digits or as a word up to ten ("5", "five"), else None."""
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())
