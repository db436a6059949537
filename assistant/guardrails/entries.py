"""Names as the entries of a list of names: every entry shaped like a name is one, whatever its case.

A recall list, a list of people to tag or a follow-up list often writes names in lower case or as an initial and a
surname ("...: marc-andré <surname>, grace <surname>, b. <surname>.", "- j. van der <surname>, last visit 2022",
"<given> <surname>, 67; <given> bai, 72; b. <surname>, 58"). One entry found by the other rules, or two entries that
are plainly names (a listed given name first, an initial, a surname the model does not know as a word), show that the
list is one of names; its other entries are then taken when each is shaped like a name: one to four words, each a
listed name or no everyday word, or an initial and a surname. A list of things has entries of everyday words
("retinol cream; vitamin c serum") and is left. An entry of one word is taken only when every entry of its list is
shaped like a name ("Names for tagging: <nick> (<full name>), <given> <surname>, and <nick>").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .names import fold, name_lists

# The lines of a bulleted or numbered list ("- j. van der berg, last visit 2022", "2) ...").
_BULLET_LINE = re.compile(r"^[ \t]*(?:[-•*–]|\d{1,2}[.)])[ \t]+(?P<entry>[^\n]+)$", re.MULTILINE)
# A list written on one line after a colon, to the end of the sentence (not the full stop of an initial: "b. <name>").
_AFTER_COLON = re.compile(r":[ \t]*(?P<list>[^\n:]+?)(?=(?<=[^\W\d_]{2})[.!?](?:\s|$)|\n|$)")
# An entry's name, then what is said of it: a comma, a bracket or a dash ("<name>, 67", "<name> (<nick>)").
_HEAD = re.compile(r"[ \t]*(?:(?:and|und|e|et|y|&)[ \t]+)?(?P<head>[^,;()\[\]–—|]+?)[ \t]*(?=[,(–—|]| - |$)")
_INITIAL_NAME = re.compile(r"^[^\W\d_]\.[ ]?(?P<rest>[^\W\d_][^\W\d_'’-]*(?:[ ][^\W\d_][^\W\d_'’-]*){0,2})$")
_CONTRACTION = re.compile(r"['’](?:m|s|re|ll|ve|d|t)$", re.IGNORECASE)  # "I'm", "we're": no name
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_])|-(?=[^\W\d_]))*")


def names_in_lists(
    text: str, found: list[tuple[int, int]], everyday: Callable[[str], bool], not_names: frozenset[str]
) -> list[tuple[int, int]]:
    """The entries of lists of names that the spans `found` do not cover, or cover only in part, as (start, end) of
    each entry's name."""
    added: list[tuple[int, int]] = []
    for entries, commas in _lists(text):
        heads = [h for h in (_head(text, a, b) for a, b in entries) if h is not None]
        if len(heads) < (3 if commas else 2):
            continue  # two parts of a sentence split at a comma are no list
        shaped = [(a, b, _shape(text[a:b], everyday, not_names)) for a, b in heads]
        named = [_named(a, b, found) for a, b, _ in shaped]
        unshaped = sum(shape is None and not hit for (_, _, shape), hit in zip(shaped, named))
        if (commas and unshaped) or 2 * unshaped > len(shaped):
            continue  # a sentence with commas after a colon, or a list of things
        # An entry found only in part ("De <found surname> <found given>") is taken whole.
        whole = [any(a <= s and e <= b for s, e in found) and (a, b) not in found for a, b, _ in shaped]
        strong = sum(shape == "strong" for _, _, shape in shaped)
        if not any(named) and strong < 2:
            continue
        every = all(shape is not None for _, _, shape in shaped)
        added += [
            (a, b)
            for (a, b, shape), hit, part in zip(shaped, named, whole)
            if (part or not hit) and shape is not None and (shape != "single" or every)
        ]
    return added


def _named(start: int, end: int, found: list[tuple[int, int]]) -> bool:
    """Whether the spans `found` cover most of the entry text[start:end]: the entry is a name, not a clause that
    holds one ("<name> ist da")."""
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in found)
    return 5 * covered >= 3 * (end - start)


def _lists(text: str) -> Iterator[tuple[list[tuple[int, int]], bool]]:
    """Each list in `text` as the (start, end) of its entries, and whether they are split at commas (then every
    entry must be shaped like a name, or it is a sentence): bulleted lines in a row, or a line after a colon split at
    its semicolons, or at its commas when it has none."""
    run: list[tuple[int, int]] = []
    for m in _BULLET_LINE.finditer(text):
        if run and text[run[-1][1] : m.start()].strip():
            yield run, False
            run = []
        run.append(m.span("entry"))
    if run:
        yield run, False
    for m in _AFTER_COLON.finditer(text):
        body, start = m.group("list"), m.start("list")
        mark = ";" if ";" in body else ","
        entries, pos = [], start
        for part in body.split(mark):
            entries.append((pos, pos + len(part)))
            pos += len(part) + 1
        yield entries, mark == ","


def _head(text: str, start: int, end: int) -> tuple[int, int] | None:
    m = _HEAD.match(text, start, end)
    return m.span("head") if m and m.group("head").strip() else None


def _shape(head: str, everyday: Callable[[str], bool], not_names: frozenset[str]) -> str | None:
    """How a list entry is shaped like a name: "strong" (an initial and a surname, a listed given name first, or a
    word that is no everyday word), "name" (listed names), "single" (one capitalised word that is no everyday word),
    or None (not a name: an everyday word, a number, too many words)."""
    initial = _INITIAL_NAME.match(head)
    words = (initial.group("rest") if initial else head).split(" ")
    if not words or len(words) > 4 or any(_WORD.fullmatch(w) is None for w in words):
        return None
    lists = name_lists()
    particles = [fold(w) in lists.particles for w in words]
    kept = [w for w, p in zip(words, particles) if not p]
    if (
        not kept or particles[-1] or (particles[0] and words[0].islower() and not initial)
    ):  # "la piccola ...": an article
        return None
    if not all(_name_part(w, everyday, not_names) for w in kept):
        return None
    if initial:
        return "strong"
    lower = {w.islower() for w in kept}
    if len(lower) > 1 or (len(kept) == 1 and not kept[0][:1].isupper()):
        return None  # "Maria rossi" is no one's way of writing a name; a lone lower-case word is any word
    if len(kept) == 1:
        return "single" if not everyday(kept[0]) else None
    first = fold(kept[0])
    unknown = any(not everyday(w) for w in kept)
    return "strong" if (first in lists.given and first not in lists.common) or unknown else "name"


def _name_part(word: str, everyday: Callable[[str], bool], not_names: frozenset[str]) -> bool:
    """A word that can be part of a name: a listed name or no everyday word, no function word nor a word that ends
    a place's or a thing's name."""
    lists = name_lists()
    folded = fold(word)
    if _CONTRACTION.search(word):
        return False
    if word.lower() in not_names or folded in lists.function_words or folded in lists.not_surnames or len(word) < 2:
        return False
    if folded in lists.common:
        return False
    return folded in lists.given or folded in lists.surnames or not everyday(word)
