"""A recipe pasted for a post: its dish's name and its ingredients are no people ("Biscotti Alla Zucca", "2 Bowen
Mangoes", "1 Birne (Williams Christ)").

In a message that speaks of a recipe or its ingredients (person_names.yaml name_context.recipe_cue), a name on a line
holding an ingredient's quantity or a "serves" note ("200 g", "2 tsp", "serves 4"), or on the line right above one
when every word there is capitalised (the dish's name), is dropped. A name on any other line (the post's author, a
patient) stays masked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import person_names
from .spans import PhiSpan


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    context = person_names().name_context
    if context is None or not context.recipe_cue or not context.ingredient_quantity:
        return None
    return re.compile(context.recipe_cue, re.IGNORECASE), re.compile(context.ingredient_quantity, re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_]+")


def _a_heading(line: str) -> bool:
    """Whether every word of `line` is capitalised ("Biscotti Alla Zucca Senza Zucchero"): a dish's name."""
    words = _WORD.findall(line)
    return bool(words) and all(w[0].isupper() for w in words)


def _ingredient_lines(text: str, quantity: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of each line holding a quantity, and of the heading right above one."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(lines):
        if quantity.search(text, a, b):
            above = lines[i - 1] if i > 0 else None
            heading = above is not None and text.count("\n", above[1], a) == 1 and _a_heading(text[above[0] : above[1]])
            found += [above, (a, b)] if heading and above is not None else [(a, b)]
    return found


def without_recipe_words(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the names on a recipe's ingredient lines and its dish's line."""
    patterns = _patterns()
    if patterns is None or not any(s.kind == "NAME" for s in spans) or patterns[0].search(text) is None:
        return spans
    lines = _ingredient_lines(text, patterns[1])
    return [s for s in spans if not (s.kind == "NAME" and any(a <= s.start < b for a, b in lines))]
