"""Patients in a clinician's jotted note typed up for the team: given names in lower case, everyday words too.

A note copied from a notepad, a sticky note or a paper diary ("typed up from Dr <name>'s notepad, make it a to-do
list: "call back grant re: temp crown. joy's mum wants ... faith - bp 150/95 again"") names its patients by a
lower-case given name, often one that is also an everyday word ("grant", "joy", "faith", "will", "summer"). In
ordinary text such a word is no name; in such a note it is one when a word that calls the person stands before it
("call back", "ring", "richiamare") or, at the start of a clause, a dash, a "+", a possessive relative or a
person's action follows it ("faith - bp ...", "summer + her sister", "joy's mum", "will rang"). The words are data
(person_names.yaml name_context: jotted_note_cue, jotted_call_before, jotted_after). Found in the thirty-fifth
masking set.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import guardrail_data, patient_data, person_names
from .name_finders import everyday
from .names import fold, name_lists

_LOWER_WORD = re.compile(r"(?<![\w'’@./-])[a-zß-öø-ÿ]{3,}(?![\w@-])")
# The start of a clause in a note: its opening quote, a line's start, a stop, a semicolon, a comma or a dash before
# it ("mon - will rang").
_CLAUSE_START = re.compile(r"(?:^|[\"“„(]|[.;,!?:][ ]+|[ ][-–][ ]+|\n[ \t]*(?:[-*•][ \t]*)?)$")
# A possessive and a relative after the name, anywhere in the note ("also joy's mum wants ...").
_RELATIVE_AFTER = re.compile(r"['’]s (?:mom|mum|mother|dad|father|husband|wife|son|daughter|sister|brother)\b")
_CALL_REACH = 24  # characters before a name in which the word that calls the person is read


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    context = person_names().name_context
    if context is None or not context.jotted_note_cue:
        return None
    return (
        re.compile(context.jotted_note_cue, re.IGNORECASE),
        re.compile(context.jotted_call_before or "(?!)", re.IGNORECASE),
        re.compile(context.jotted_after or "(?!)", re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(d.lower() for d in patient_data().births.weekdays)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(n.lower() for n in guardrail_data().phi.not_names)


def _surname_opening(text: str, start: int, end: int) -> bool:
    """A listed surname opening a clause before a dash ("hoffmann - kvnr ... - überweisung fehlt"), not an everyday
    word or a weekday ("mon - will rang")."""
    word = text[start:end]
    return (
        _DASH_AFTER.match(text, end) is not None
        and fold(word) in name_lists().surnames
        and not everyday(word)
        and word not in _weekdays()
    )


_DASH_AFTER = re.compile(r"[ ]+[-–][ ]")


def names_in_jotted_notes(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lower-case given names a typed-up note shows to be its patients'."""
    patterns = _patterns()
    if patterns is None or patterns[0].search(text) is None:
        return []
    _, call, after = patterns
    lists = name_lists()
    found = []
    for m in _LOWER_WORD.finditer(text):
        word, (start, end) = m.group(), m.span()
        if word in _not_names() or not (fold(word) in lists.given or _surname_opening(text, start, end)):
            continue
        called = call.search(text, max(0, start - _CALL_REACH), start) and fold(word) not in lists.function_words
        opening = _CLAUSE_START.search(text, max(0, start - 8), start) and after.match(text, end)
        if called or opening or _RELATIVE_AFTER.match(text, end):
            found.append((start, end))
    return found
