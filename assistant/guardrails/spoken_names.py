"""Full names a voicemail's transcript or a dictation gives in lower case after the speaker's or the patient's cue.

"hi this is <given> <surname> calling about ...", "patient name is <given> <surname> date of birth ...": a speech
recogniser writes everything in lower case, and the name right after such a cue is the patient's or the caller's.
Its first word may be a given name that is also an everyday word ("summer", "bill", "joy": the cue and the surname
after it show it is a name), its surname one the lists do not hold ("o'connor-tamihana", "al-<surname>"). The name
ends at a word that carries the message on ("calling", "date", "age") or at any other everyday word the name lists
do not hold. The cues and the ending words are data (guardrails.yaml `spoken_name_cues`, `spoken_name_ends`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ._data import guardrail_data
from .names import fold, name_lists

_WORD = re.compile(r"[a-zß-öø-ÿ\u0100-\u017f][a-zß-öø-ÿ\u0100-\u017f'’-]*")
_MAX_WORDS = 4  # words of one name, its particles ("bin", "van") not counted
_MIN_WORDS = 2  # a lone first name after such a cue is left to the cue rules (names.py)


@lru_cache(maxsize=1)
def _terms() -> tuple[re.Pattern[str], frozenset[str]]:
    phi = guardrail_data().phi
    cues = "|".join(f"(?:{c})" for c in phi.spoken_name_cues) or "(?!)"
    return re.compile(rf"\b(?:{cues})[ ]", re.IGNORECASE), frozenset(w.lower() for w in phi.spoken_name_ends)


def lower_case_names_after_cues(text: str, everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of each lower-case full name right after a transcript's name cue; `everyday` tells a common word
    (one the name model's vocabulary holds whole)."""
    cue, _ = _terms()
    found = []
    for match in cue.finditer(text):
        words = _name_words(text, match.end(), everyday)
        if words:
            found.append((words[0].start(), words[-1].end()))
    return found


def _name_words(text: str, start: int, everyday: Callable[[str], bool]) -> list[re.Match[str]]:
    """The words of the lower-case name starting at `start`, or none when it is not one."""
    _, ends = _terms()
    lists = name_lists()
    taken: list[re.Match[str]] = []
    counted = 0
    pos = start
    while counted < _MAX_WORDS:
        word = _WORD.match(text, pos)
        if word is None or fold(word.group()) in lists.function_words or word.group() in ends:
            break
        folded = fold(word.group())
        particle = bool(taken) and word.group() in lists.particles
        listed = folded in lists.given or folded in lists.surnames
        if not (particle or listed or not everyday(word.group())):
            break
        taken.append(word)
        counted += not particle
        if text[word.end() : word.end() + 1] != " ":
            break
        pos = word.end() + 1
    while taken and taken[-1].group() in lists.particles:  # "... bin" before an ending word is no name's end
        taken.pop()
    rare = any(not everyday(w.group()) or fold(w.group()) not in lists.common for w in taken[1:])
    first = taken[0].group() if taken else ""
    return taken if len(taken) >= _MIN_WORDS and rare and first.islower() and len(first) > 2 else []
