"""Children a parent names in brackets ("two kids who both need seeing (<given> and <given>)").

The parent's word for the children comes earlier in the sentence (person_names.yaml name_context
children_before_brackets); the two capitalised words in the brackets are then given names, even words that are
also everyday ones ("Summer", "Will"), and each is masked, with its other mentions as a name: written the same
way and followed by a possessive or a verb of being ("<given>'s 13", "<given> is 9"), so "Will they ..." stays.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import person_names

_WORD = r"[A-ZÀ-Ý][a-zß-ÿ'’]+(?:-[A-ZÀ-Ý][a-zß-ÿ]+)?"
_PAIR = re.compile(rf"\(({_WORD})(?:,[ ]?|[ ](?:and|&|e|und|et|y)[ ])({_WORD})\)")
_REACH = 120  # characters before the brackets in which the children's word stands
_SPOKEN_OF = r"(?=['’]s\b|[ ](?:is|was|has|had|ha|hat|ist|è)\b)"  # a child spoken of again: "<given>'s 13"


@lru_cache(maxsize=1)
def _children_word() -> re.Pattern[str] | None:
    context = person_names().name_context
    cue = context.children_before_brackets if context is not None else None
    return re.compile(cue, re.IGNORECASE) if cue else None


def children_in_brackets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each given name in brackets after a parent's word for the children."""
    cue = _children_word()
    if cue is None or "(" not in text:
        return []
    found: list[tuple[int, int]] = []
    for m in _PAIR.finditer(text):
        if cue.search(text, max(0, m.start() - _REACH), m.start()):
            found += [m.span(1), m.span(2)]
    names = {text[a:b] for a, b in found}
    if names:
        again = re.compile(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, sorted(names)))}){_SPOKEN_OF}")
        found += [m.span() for m in again.finditer(text) if m.span() not in found]
    return found
