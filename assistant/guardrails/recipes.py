"""A recipe pasted for a post: its dish's name and its ingredients are no people ("Biscotti Alla Zucca", "2 Bowen
Mangoes", "1 Birne (Williams Christ)").

In a message that speaks of a recipe or its ingredients (person_names.yaml name_context.recipe_cue), a name on a line
holding an ingredient's quantity or a "serves" note ("200 g", "2 tsp", "serves 4"), or on the line right above one
when every word there is capitalised (the dish's name), is dropped, and so is one on a line of the same bulleted list
as an ingredient ("- 2 Granny Smith Apples" under "- 1 cup oats"). Two lines holding a kitchen measure ("1 tbsp") are
a recipe with no word for one. A name on any other line (the post's author, a patient) stays masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._data import person_names
from .spans import PhiSpan


@dataclass(frozen=True)
class _Patterns:
    cue: re.Pattern[str]  # a word for a recipe
    quantity: re.Pattern[str]  # an ingredient's quantity
    kitchen: re.Pattern[str]  # a kitchen measure: two lines holding one are a recipe
    bullet: re.Pattern[str]  # the bullet opening a list's line


@lru_cache(maxsize=1)
def _patterns() -> _Patterns | None:
    context = person_names().name_context
    if context is None or not context.recipe_cue or not context.ingredient_quantity:
        return None
    return _Patterns(
        re.compile(context.recipe_cue, re.IGNORECASE),
        re.compile(context.ingredient_quantity, re.IGNORECASE),
        re.compile(context.kitchen_measure or "(?!)", re.IGNORECASE),
        re.compile(context.recipe_bullet or "(?!)", re.MULTILINE),
    )


_WORD = re.compile(r"[^\W\d_]+")


def _a_heading(line: str) -> bool:
    """Whether every word of `line` is capitalised ("Biscotti Alla Zucca Senza Zucchero"): a dish's name."""
    words = _WORD.findall(line)
    return bool(words) and all(w[0].isupper() for w in words)


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _ingredient_lines(text: str, p: _Patterns) -> list[tuple[int, int]]:
    """(start, end) of each line holding a quantity, of the heading right above one, and of the other lines of a
    bulleted list that holds one."""
    lines = _lines(text)
    found: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(lines):
        if p.quantity.search(text, a, b):
            above = lines[i - 1] if i > 0 else None
            heading = above is not None and text.count("\n", above[1], a) == 1 and _a_heading(text[above[0] : above[1]])
            found += [above, (a, b)] if heading and above is not None else [(a, b)]
    quantified = set(found)
    for run in _bulleted_lists(text, lines, p.bullet):
        if quantified.intersection(run):
            found += run
    return found


def _bulleted_lists(text: str, lines: list[tuple[int, int]], bullet: re.Pattern[str]) -> list[list[tuple[int, int]]]:
    """Runs of lines one right after another (no blank line between) opened by the same bullet."""
    runs: list[list[tuple[int, int]]] = []
    last_mark = None
    for a, b in lines:
        m = bullet.match(text, a, b)
        mark = m.group(1) if m else None
        if mark is not None and mark == last_mark and text.count("\n", runs[-1][-1][1], a) == 1:
            runs[-1].append((a, b))
        elif mark is not None:
            runs.append([(a, b)])
        last_mark = mark
    return runs


def _a_recipe(text: str, p: _Patterns) -> bool:
    """Whether `text` speaks of a recipe, or holds two lines with a kitchen measure."""
    if p.cue.search(text):
        return True
    return sum(1 for a, b in _lines(text) if p.kitchen.search(text, a, b)) >= 2


def without_recipe_words(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the names on a recipe's ingredient lines and its dish's line."""
    patterns = _patterns()
    if patterns is None or not any(s.kind == "NAME" for s in spans) or not _a_recipe(text, patterns):
        return spans
    lines = _ingredient_lines(text, patterns)
    return [s for s in spans if not (s.kind == "NAME" and any(a <= s.start < b for a, b in lines))]
