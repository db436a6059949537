"""A name written in a script other than Latin: beside the same name in Latin letters ("Olena Kovalenko (Олена
Коваленко)", "Γιαννούλα Κωνσταντίνου (Giannoula Konstantinou)", "Olena Kovalenko — Олена Коваленко"), and a
pasted thread's writer whose display name is in such a script ("محمد العلي: Hello, I am ...").

The name finders read Latin letters only, so a patient who writes their name in their own script as well kept it
readable (fortieth masking set). Next to a name found already, in brackets or after a dash or a slash, a run of
one to four words of another script is the same name spelled at home; a line that opens with two or three such
words and a colon, then words, is a message's writer (a form's label in that script is one word, or a number
follows it). The script's letters are data (guardrails.yaml phi.other_script_letter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ._data import guardrail_data

_MAX_WORDS = 4  # the most words of a name in another script
_MAX_LETTERS = 15  # the most letters (with their marks) of one word of a name: Thai or Lao prose runs on unspaced
_CLOSED = re.compile(r"[ ]*\)")  # the bracket around a name closes right after it


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The other spelling after a name (alone in brackets, or after a dash or a slash), before a name alone in
    brackets, and a thread's writer opening a line."""
    letter = guardrail_data().phi.other_script_letter
    word = rf"(?<!{letter}){letter}{{1,{_MAX_LETTERS}}}(?!{letter})"
    run = rf"{word}(?:[ ]{word}){{0,{_MAX_WORDS - 1}}}"
    after = re.compile(rf"[ ]*\((?P<w>{run})[ ]*\)|[ ]*[—–/-][ ]*(?P<d>{run})(?!\w)")
    before = re.compile(rf"(?<!\w)(?P<w>{run})[ ]*\($")
    writer = re.compile(rf"(?m)^[ \t]*(?P<w>{word}(?:[ ]{word}){{1,2}})[ ]?:[ ]+(?=[^\W\d_])")
    return after, before, writer


def names_in_other_scripts(text: str, names: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each name in another script: beside one of the `names` found (start, end), or a thread's
    writer at a line's start."""
    after, before, writer = _patterns()
    found = [m.span("w") for m in writer.finditer(text)]
    for start, end in names:
        if (m := after.match(text, end)) is not None:
            found.append(m.span("w") if m.group("w") else m.span("d"))
        if _CLOSED.match(text, end) and (m := before.search(text, max(0, start - 80), start)) is not None:
            found.append(m.span("w"))
    return sorted(set(found))
