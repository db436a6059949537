"""Which of two people a call was about, asked in a staff chat: "Which one, <given> or her mother-in-law?",
"<given> or <given>?", "Quale, <nome> o la figlia <nome>?". The names offered are patients' (a relative of the
patient the chat named), and so is the answer that repeats one of them, in lower case too ("<given>. she's on ...").

The question must open a chat message (after the speaker's colon, or a line's start) or follow "which one"; each
name offered must be a capitalised word that is no everyday word. The words are data (person_names.yaml
name_context: alternative_which, alternative_or, alternative_relative).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import guardrail_data, person_names
from .name_finders import everyday
from .names import is_given_name

_CAP = r"(?-i:[A-Z\u00c0-\u00de])[^\W\d_]+(?:-(?-i:[A-Z])[^\W\d_]+)?"


@lru_cache(maxsize=1)
def _question() -> re.Pattern[str]:
    """A question offering two people: a name, "or", then a name or a relative (maybe named)."""
    context = person_names().name_context
    which = (context.alternative_which if context else None) or "(?!)"
    either = (context.alternative_or if context else None) or "(?!)"
    relative = (context.alternative_relative if context else None) or "(?!)"
    opening = rf"(?:(?m:^)|(?<=: )|\b{which}[ ]*[,:–—-]?[ ]+)"
    second = rf"(?:{relative}(?: (?P<c>{_CAP}))?|(?P<b>{_CAP}))"
    return re.compile(rf"{opening}(?P<a>{_CAP}) {either} {second}[ ]*\?", re.IGNORECASE)


def _offered(word: str) -> bool:
    """Whether a word offered in the question reads as a person's: no everyday word, or a listed given name that is
    no month, weekday or other word never taken for a name ("Rosa o la figlia ...?", not "May or June?")."""
    if not everyday(word):
        return True
    return is_given_name(word) and word.lower() not in _not_names()


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(n.lower() for n in guardrail_data().phi.not_names)


_QUOTES = re.compile(r'["“”„]')


def _in_quotes(text: str, at: int) -> bool:
    """Whether an odd number of double quotes stands before `at` on its line: `at` is inside a quoted title."""
    line = text.rfind("\n", 0, at) + 1
    return len(_QUOTES.findall(text, line, at)) % 2 == 1


def alternative_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of the names offered in a staff chat's "which one" question and of their echoes in an answer
    that opens with one ("<given>. she's on 07700 ...")."""
    found: list[tuple[int, int]] = []
    for m in _question().finditer(text):
        if _in_quotes(text, m.start()):
            continue  # a talk's or an article's title ('"Shockwave: <word> or <word>?" - Dr ...'), not a chat
        found += [m.span(g) for g in ("a", "b", "c") if m.group(g) and _offered(m.group(g))]
    words = {text[a:b] for a, b in found}
    for word in words:
        echo = re.compile(rf"(?:(?m:^)|(?<=: )){re.escape(word)}(?=[.,!]|[ ]*$)", re.IGNORECASE | re.MULTILINE)
        found += [m.span() for m in echo.finditer(text)]
    return sorted(set(found))
