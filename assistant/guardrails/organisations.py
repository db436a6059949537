"""Organisations named in a list after a word for sponsors, partners or the insurers a practice accepts ("Sponsor:
<firm>, <firm>, <firm>", "We accept <insurer>, <insurer> and <insurer>"), or thanked in a list for their support
("thanks to <firm>, <firm> and <firm> for supporting our fun day").

The words are data (person_names.yaml name_context: organisation_list_cue, organisation_thanks and
organisation_thanks_after). A name counts when every item of the list up to it is short (a few words, no stop): a
sentence about a patient that follows such a word is no list. A thanks counts only for three items or more and when
the thanked reason follows the list on the same line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._data import person_names

_SEPARATOR = re.compile(r",[ ]*|[ ]+(?:and|&|und|e|et|y)[ ]+")
_ITEM_WORDS = 5  # words in one item of the list at most ("the <town> <team> Foundation")
_STOP = re.compile(r"[.!?:;()\"“”]")
_THANKED_ITEMS = 3  # items a list of thanks must hold


@dataclass(frozen=True)
class _Patterns:
    cue: re.Pattern[str]  # a word that opens a list of organisations: "Sponsor:", "we accept"
    thanks: re.Pattern[str]  # "thanks to", "grazie a"
    thanks_after: re.Pattern[str]  # the reason after a list of thanks: "for supporting"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns | None:
    data = person_names().name_context
    if data is None or not data.organisation_list_cue:
        return None
    return _Patterns(
        re.compile(data.organisation_list_cue, re.IGNORECASE),
        re.compile(data.organisation_thanks or "(?!)", re.IGNORECASE),
        re.compile(data.organisation_thanks_after or "(?!)", re.IGNORECASE),
    )


def _items(segment: str) -> int | None:
    """How many whole items `segment` holds before the item it ends in, when every piece is a short list item;
    else None."""
    pieces = _SEPARATOR.split(segment)
    if any(_STOP.search(p) or len(p.split()) > _ITEM_WORDS for p in pieces):
        return None
    if any(not p.strip() for p in pieces[:-1]):
        return None
    return len(pieces) - 1


def _items_after(segment: str) -> int | None:
    """How many short list items follow the name in `segment` (which starts right after it); None if not a list."""
    rest = _SEPARATOR.match(segment)
    if rest is None:
        return 0 if not segment.strip() else None
    count = _items(segment[rest.end() :] + ",")
    return count


def in_organisation_list(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] is an item of a list of sponsors, partners, accepted insurers or thanked
    supporters, on its line."""
    p = _patterns()
    if p is None:
        return False
    line = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    head, tail = text[line:start], text[end : stop if stop >= 0 else len(text)]
    cues = list(p.cue.finditer(head))
    if cues:
        before = _items(head[cues[-1].end() :])
        if before is not None and (before or _SEPARATOR.match(tail)):
            return True
    thanks = list(p.thanks.finditer(head))
    reason = p.thanks_after.search(tail)
    if not thanks or reason is None:
        return False
    before, after = _items(head[thanks[-1].end() :]), _items_after(tail[: reason.start()])
    return before is not None and after is not None and before + after + 1 >= _THANKED_ITEMS
