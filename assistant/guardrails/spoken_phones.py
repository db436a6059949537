"""Phone numbers read out digit by digit, as a voicemail's transcript writes them.

"call me on oh-four-nine-one, five-seven-oh, one-five-six", "Rückruf unter null-sieben-sechs-eins, fünf-fünf-fünf":
seven to fifteen digits said as words in a row, spaces, hyphens or commas between them, are a phone number whatever
words stand around them. A count up or down ("nine, eight, seven, ... one") is not one. The words are data
(knowledge/data/patient_data.yaml, `phones.spoken_digits` and `spoken_repeats`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import patient_data

_DIGITS = (7, 15)  # how many digits a phone number has


@lru_cache(maxsize=1)
def _digit_values() -> dict[str, int]:
    """Each word for a digit, lower case, and its value."""
    values: dict[str, int] = {}
    for digits in patient_data().phones.spoken_digits.values():
        for value, spellings in enumerate(digits):
            for word in spellings.split("|"):
                values.setdefault(word.lower(), value)
    return values


@lru_cache(maxsize=1)
def _repeats() -> tuple[re.Pattern[str], dict[str, int]]:
    """One pattern for the words that repeat the next digit, a group for each count ("t2": "double")."""
    repeats = patient_data().phones.spoken_repeats
    groups = [f"(?P<t{times}>{'|'.join(f'(?:{w})' for w in words)})" for times, words in repeats.items() if words]
    return re.compile("|".join(groups) or "(?!)", re.IGNORECASE), {f"t{times}": times for times in repeats}


_WORD = re.compile(r"[^\W\d_]+")
_GAP = re.compile(r"[ \t]*[,–-]?[ \t]*")  # what may stand between two spoken digits


def _value(word: str) -> tuple[int | None, int]:
    """A word's digit, or how many times it says the next digit (0: neither)."""
    digit = _digit_values().get(word.lower())
    if digit is not None:
        return digit, 0
    pattern, counts = _repeats()
    match = pattern.fullmatch(word)
    return None, counts[match.lastgroup] if match and match.lastgroup else 0


def _runs(text: str) -> list[tuple[int, int, list[int]]]:
    """(start, end, digits) of each run of spoken digits, each digit maybe after a word that repeats it."""
    runs: list[tuple[int, int, list[int]]] = []
    digits: list[int] = []
    start, end, last, times = -1, -1, -1, 1
    for match in _WORD.finditer(text):
        digit, repeat = _value(match.group())
        if last < 0 or _GAP.fullmatch(text, last, match.start()) is None or (digit is None and not repeat):
            if digits:
                runs.append((start, end, digits))
            start, end, last, digits, times = -1, -1, -1, [], 1
        if digit is None and not repeat:
            continue
        start, last = (match.start() if start < 0 else start), match.end()
        if digit is not None:
            digits.extend([digit] * times)
            end, times = match.end(), 1
        else:
            times = repeat
    if digits:
        runs.append((start, end, digits))
    return runs


def _counting(digits: list[int]) -> bool:
    """A count up or down, one by one ("one, two, three, ...")."""
    steps = {b - a for a, b in zip(digits, digits[1:])}
    return steps in ({1}, {-1})


def find_spoken_phones(text: str) -> list[tuple[int, int]]:
    """(start, end) of each phone number read out digit by digit."""
    low, high = _DIGITS
    return [(a, b) for a, b, digits in _runs(text) if low <= len(digits) <= high and not _counting(digits)]
