"""Phone numbers and identifiers read out digit by digit, as a voicemail's transcript or a dictation writes them.

"call me on oh-four-nine-one, five-seven-oh, one-five-six", "Rückruf unter null-sieben-sechs-eins, fünf-fünf-fünf":
seven to fifteen digits said as words in a row, spaces, hyphens or commas between them, are a phone number whatever
words stand around them. A count up or down ("nine, eight, seven, ... one") is not one. "plus" said before the
country code is part of it. An identifier read out after its label ("chart b d two zero nine nine one", "social is
four five two dash one one dash ...") holds letters said one by one and words between its groups, and may be shorter
or longer than a phone number. The words are data (knowledge/data/patient_data.yaml, `phones.spoken_digits`,
`spoken_repeats`, `spoken_id_labels`, `spoken_id_separators` and `spoken_plus`).
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
    """(start, end) of each phone number read out digit by digit, from the "plus" said before it if there is one."""
    low, high = _DIGITS
    found = [(a, b) for a, b, digits in _runs(text) if low <= len(digits) <= high and not _counting(digits)]
    return [(_plus_before(text, a), b) for a, b in found]


_PLUS_BEFORE = re.compile(r"([^\W\d_]+)[ ]$")


def _plus_before(text: str, start: int) -> int:
    """Where a spoken number starting at `start` starts with the "plus" said before its country code."""
    match = _PLUS_BEFORE.search(text, max(0, start - 8), start)
    plus = frozenset(w.lower() for w in patient_data().phones.spoken_plus)
    return match.start() if match and match.group(1).lower() in plus else start


_ID_DIGITS = 4  # digits an identifier read out after its label holds at least
_LABEL_REACH = 40  # characters before an identifier in which its label ends


@lru_cache(maxsize=1)
def _id_terms() -> tuple[re.Pattern[str], frozenset[str]]:
    """The label right before a read-out identifier ("hospital number", "social is"), and the separator words."""
    phones = patient_data().phones
    labels = "|".join(f"(?:{w})" for w in phones.spoken_id_labels) or "(?!)"
    label = rf"(?<![\w-])(?:{labels})(?:[ ]+(?:is|was|è|ist|est|number|no))*[ \t]*[:#,.]?[ \t]*$"
    return re.compile(label, re.IGNORECASE), frozenset(w.lower() for w in phones.spoken_id_separators)


def _id_runs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, how many digits) of each run of digits, letters and separators read out one by one; a letter
    ends a run only in capitals ("... one one B X"), as a lower-case "a" or "i" after the digits is the next word."""
    separators = _id_terms()[1]
    runs: list[tuple[int, int, int]] = []
    start, end, last, digits, times = -1, -1, -1, 0, 1
    for match in _WORD.finditer(text):
        word = match.group()
        digit, repeat = _value(word)
        letter = len(word) == 1 and word.isascii() and digit is None  # not the Italian "è" ("is")
        part = digit is not None or bool(repeat) or letter or word.lower() in separators
        if not part or last < 0 or _GAP.fullmatch(text, last, match.start()) is None:
            if digits:
                runs.append((start, end, digits))
            start, end, last, digits, times = -1, -1, -1, 0, 1
        if not part or (start < 0 and not (digit is not None or repeat or letter)):  # no separator first
            continue
        start, last = (match.start() if start < 0 else start), match.end()
        if digit is not None:
            digits, end, times = digits + times, match.end(), 1
        elif repeat:
            times = repeat
        elif letter and (not digits or word.isupper()):
            end = match.end()
    if digits:
        runs.append((start, end, digits))
    return runs


def find_spoken_identifiers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each identifier read out after its label ("uhid s e c two four zero ..."), and of each run
    of more digits than a phone number has, which only a card's number is."""
    label = _id_terms()[0]
    found = []
    for a, b, digits in _id_runs(text):
        code = _code_before(text, a)
        if digits >= _ID_DIGITS and code < a and label.search(text, max(0, code - _LABEL_REACH), code) is not None:
            found.append((code, b))
        elif digits > _DIGITS[1] or (
            digits >= _ID_DIGITS and label.search(text, max(0, a - _LABEL_REACH), a) is not None
        ):
            found.append((a, b))
    return found


# A clinic's letters in capitals said whole before the digits of its code ("file number SEC two three oh nine nine
# one"; thirty-ninth masking set): part of the identifier, between its label and its digits.
_CODE_BEFORE = re.compile(r"(?<![\w-])(?-i:[A-Z]{2,5})[ \t]+$")


def _code_before(text: str, start: int) -> int:
    """Where a read-out identifier starting at `start` starts with the code letters in capitals said before it."""
    match = _CODE_BEFORE.search(text, max(0, start - 8), start)
    return match.start() if match else start
