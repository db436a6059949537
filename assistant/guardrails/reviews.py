"""A pasted review's header: the reviewer's name beside its star rating ("<name> ★★☆☆☆", "★☆☆☆☆ <name> · 2 reviews",
"<given> M ★★☆☆☆"). The layout shows a person whatever the words; the name is masked with its initial."""

from __future__ import annotations

import re
from collections.abc import Callable

from .names import fold, name_lists

_WORD = r"[A-ZÀ-ÖØ-Ý\u0100-\u017f][^\W\d_]*(?:['’-][^\W\d_]+)*"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,2}}(?:[ ][A-Z]\.?)?"
_STARS = r"[★☆⭐]{1,5}"
_HEADER = re.compile(
    rf"(?m)^[ \t]*(?:(?P<a>{_NAME})[ \t]*(?:[-–—·|,][ \t]*)?{_STARS}|{_STARS}[ \t]*(?:[-–—·|,][ \t]*)?(?P<b>{_NAME})"
    rf"[ \t]*(?=[·|,(\n]|$))"
)


def reviewers_by_stars(text: str, everyday: Callable[[str], bool], not_names: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each name beside a review's stars at a line's start: its first word a listed given name or no
    everyday word ("Great Service ★★★★★" is a review's title), no word one that names no one."""
    if not any(c in text for c in "★☆⭐"):
        return []
    lists = name_lists()
    found = []
    for m in _HEADER.finditer(text):
        group = "a" if m.group("a") else "b"
        words = [w.rstrip(".") for w in m.group(group).split()]
        first = words[0]
        if any(w.lower() in not_names or fold(w) in lists.function_words for w in words):
            continue
        if fold(first) in lists.given or not everyday(first):
            found.append(m.span(group))
    return found
