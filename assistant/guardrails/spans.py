"""A span of patient data found in a message: its kind, where it is and its text (the finders' shared result)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class PhiSpan:
    kind: str  # one of KINDS
    start: int
    end: int
    text: str


_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")


def role_label(roles: str | None) -> re.Pattern[str]:
    """A role written as a label, then its colon ("Head coach:", "Datenschutzbeauftragter :"), for `roles` an
    alternation of the roles' patterns (the data's); an empty one matches nothing."""
    return re.compile(rf"(?<![\w-])(?:{roles or '(?!)'})(?![\w-])[ \t]*:", re.IGNORECASE)


def without_people(spans: list[PhiSpan], people: Iterable[PhiSpan]) -> list[PhiSpan]:
    """`spans` less `people` (who are not patients: a supplier's sales contact, a meeting's attendees, a privacy
    notice's officers) and every other name made only of their words (their later mentions: "<surname> to file the
    claim")."""
    gone = set(people)
    words = {w for s in gone if s.kind == "NAME" for w in _NAME_WORD.findall(s.text)}
    if words:
        gone |= {s for s in spans if s.kind == "NAME" and set(_NAME_WORD.findall(s.text)) <= words}
    return [s for s in spans if s not in gone]
