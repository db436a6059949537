"""Notes a clinician asks to have anonymised, for a newsletter or a year's review ("no names", "anonymise pls"),
whose bullet lines open with a patient's given name typed in lower case: "- grace <surname> finally got her bridge",
"- little hope m. (7) no cavities", "- summer's mum ...", "- old tom from the bowls club", "- faith & <name>".

A lower-case given name that is also an everyday word ("grace", "hope", "summer") is no name in ordinary text; at a
bullet's start in such notes it is one when what stands around it shows a person: a word for a child or an old man
before it ("little", "old", "die kleine"), or after it a possessive, an initial, a listed surname or "&" and another
given name. The name is taken with its initial or surname. The words are data (person_names.yaml name_context:
anonymise_cue, notes_name_before).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import person_names
from .name_finders import everyday
from .names import is_given_name, is_surname

_LOWER = r"[a-zß-öø-ÿ]+(?:-[a-zß-öø-ÿ]+)*"  # a word in lower case, maybe hyphenated ("ofori-atta")
_BULLET = r"(?m:^)[ \t]*(?:[-•*–]|\d{1,2}[.)])[ \t]+"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the request to anonymise, a bullet's opening given name with what stands before and after it)."""
    context = person_names().name_context
    cue = (context.anonymise_cue if context else None) or "(?!)"
    before = (context.notes_name_before if context else None) or "(?!)"
    entry = re.compile(
        rf"{_BULLET}(?:(?P<before>{before})[ ]+)?(?P<name>{_LOWER})(?P<tail>['’]s\b|[ ][a-z]\.|[ ]{_LOWER}"
        rf"|[ ]?&[ ]?)?",
        re.IGNORECASE,
    )
    return re.compile(cue, re.IGNORECASE), entry


def names_in_notes(text: str) -> list[tuple[int, int]]:
    """(start, end) of the given names (with an initial or a surname) opening the bullets of anonymised notes."""
    cue, entry = _patterns()
    if not cue.search(text):
        return []
    found = []
    for m in entry.finditer(text):
        name, tail = m.group("name"), m.group("tail") or ""
        if not name.islower() or not (is_given_name(name) or not everyday(name)):
            continue
        word = tail.strip()
        if tail.startswith(" ") and (_INITIAL.fullmatch(word) or _surname(word)):
            found.append((m.start("name"), m.end("tail")))
        elif is_given_name(name) and (m.group("before") or word in ("'s", "’s", "&")):
            found.append(m.span("name"))
    return found


_INITIAL = re.compile(r"[a-z]\.")


def _surname(word: str) -> bool:
    """Whether a lower-case word after a given name is its surname: listed, or each part of a double surname
    ("ofori-atta") no everyday word."""
    if "." in word or everyday(word):
        return False
    return is_surname(word) or ("-" in word and not any(everyday(p) for p in word.split("-")))
