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


# A bullet's or a timed line's opening: a courtesy title, a word that calls the person, particles or an initial may
# stand before the surname ("- call mrs. <surname>", "10.30 j. <surname>", "- van der <surname>").
_LINE_OPENING = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•][ \t]*|\d{1,2}[.:]\d{2}[ \t]+)"
    r"(?:(?P<call>(?:call|ring|chase|richiamare|chiamare|sentire)[ \t]+)?"
    r"(?:(?P<title>mrs|mr|ms|miss|frau|hr|herr|sig|sig\.ra|signora|signor)\.?[ \t]+)?"
    r"(?P<initial>[a-z]\.[ \t]?)?(?P<particles>(?:(?:van|von|der|den|de|da|dos|das|di|la|le|del|della|du)[ \t]+){0,2}))"
    r"(?P<name>[a-zß-öø-ÿ\u0100-\u017f][a-zß-öø-ÿ\u0100-\u017f'’]+(?:-[a-zß-öø-ÿ\u0100-\u017f]+)?)(?![\w'’-])"
)
_GIVEN_AFTER = re.compile(r"[ ]([a-zß-öø-ÿ\u0100-\u017f]{3,})(?![\w'’-])")  # "d'angelo giovanni"


# Particles that open nothing but a surname ("van", "von", "dos"), unlike articles ("la", "de", "der").
_NAME_ONLY_PARTICLES = frozenset({"van", "von", "dos"})


def _bullet_surname(m: re.Match[str], person_after: bool) -> bool:
    """Whether the word opening a note's line is a surname: after a title or a word that calls the person, or a
    listed surname no everyday word, or no everyday word after particles or before a person's action."""
    word = m.group("name")
    if word in _not_names() or fold(word) in name_lists().function_words or word in _weekdays():
        return False
    particles = m.group("particles").split()
    if m.group("title") or m.group("call") or (particles and particles[0].lower() in _NAME_ONLY_PARTICLES):
        return True
    listed = all(fold(part) in name_lists().surnames for part in word.split("-"))
    return not everyday(word) and (listed or person_after or bool(m.group("particles")))


def surnames_opening_note_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lower-case surnames, with their particles and a listed given name after them, that open
    the bullets or timed lines of a clinician's notes."""
    context = person_names().name_context
    cue = context.bullet_note_cue if context is not None else None
    patterns = _patterns()
    if not cue or patterns is None or re.search(cue, text, re.IGNORECASE) is None:
        return []
    after = patterns[2]
    found = []
    for m in _LINE_OPENING.finditer(text):
        end = m.end("name")
        if not _bullet_surname(m, after.match(text, end) is not None):
            continue
        given = _GIVEN_AFTER.match(text, end)
        if given and fold(given.group(1)) in name_lists().given - name_lists().common - name_lists().function_words:
            end = given.end(1)
        start = min(m.start(g) for g in ("initial", "particles", "name") if m.group(g))
        found.append((start, end))
    return found
