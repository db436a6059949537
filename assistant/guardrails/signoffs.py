"""A sender's nickname signing off a message ("... LG Kev", "ta, Robbo", "xx Shaz", "- Sunu") under their full name.

A short word after a sign-off at a line's end is the writer's nickname when it begins like a given name already
masked in the message and is shorter than it ("Kevin" -> "Kev", "Robert" -> "Robbo", "Sharon" -> "Shaz"): the same
person. A listed given name ("Sarah") is someone else's name and stays as the rules left it; so does an everyday word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .names import fold, name_lists

# A sign-off word or mark, then one capitalised word closing the line, maybe kisses after it.
_SIGN_OFF = re.compile(
    r"(?:^|(?<=[ \t:]))(?i:[-–—~]+|x{1,3}|lg|vg|ta,?|thx,?|thanks,?|cheers,?|love,?|luv,?|grazie,?|danke,?|merci,?)"
    r"[ \t]+(?P<n>[A-Z][a-z]{1,7})[ \t]*[.!]?[ \t]*(?:x{1,3}[ \t]*)?$",
    re.MULTILINE,
)
_PREFIX = 2  # letters a nickname shares with the start of the given name


def nicknames_signing_off(text: str, names: Iterable[str], everyday: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of each nickname signing off a line that begins like one of the masked `names`' first word."""
    given = {fold(w) for n in names if (w := n.split(" ", 1)[0]).isalpha() and len(w) > _PREFIX}
    if not given:
        return []
    lists = name_lists()
    found = []
    for m in _SIGN_OFF.finditer(text):
        word = fold(m.group("n"))
        if not any(g.startswith(word[:_PREFIX]) and len(word) < len(g) for g in given):
            continue
        if word not in lists.given and word not in lists.function_words and not everyday(word):
            found.append(m.span("n"))
    return found
