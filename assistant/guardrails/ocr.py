"""A scan read by OCR, read as it was printed: look-alike letters in numbers and digits in words put back.

A faxed referral or a scanned form comes out of OCR as "D0B: l4/Ol/l983", "Tel O77OO 9OO 5l6", "PATlENT: GAGN0N,
Réjean": no birth-date cue, date, phone or name shape matches, and the patient's data would pass unmasked (thirty-
eighth masking set). The rules read such a message with the look-alikes put back (the same length, so every span
found points at the same characters of the original). The look-alikes are in knowledge/data/patient_data.yaml
(`ocr`); a message needs several misread words before it is read again, so one "Win10" changes nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import patient_data
from .name_finders import everyday


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A number with look-alike letters (a few capitals may open it: "Hl2O345678"), and a word with digits or an "l"
    among capitals in it."""
    ocr = patient_data().ocr
    digit_like = re.escape("".join(ocr.as_digits)) or "(?!)"
    letter_like = re.escape("".join(ocr.as_capitals) + "".join(ocr.as_small))
    number = re.compile(rf"(?<![^\W_])(?P<p>[A-Z]{{0,3}}?)(?P<d>[0-9{digit_like}]+)(?![^\W_])")
    word = re.compile(rf"(?<![^\W_])(?=[^\W\d_]*[{letter_like}])[^\W_]*[^\W\d_][^\W_]*(?![^\W_])")
    return number, word


@lru_cache(maxsize=1)
def _postcode() -> re.Pattern[str]:
    """A postcode as written (patient_data.yaml `addresses.postcodes`): its digits among capitals are no misreading."""
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(patient_data().addresses.postcodes)})(?![^\W_])")


def _number(match: re.Match[str]) -> str | None:
    """The digits a misread number stands for, or None: a number keeps at least one true digit (two after capitals)
    and holds a look-alike letter."""
    table = patient_data().ocr.as_digits
    body = match.group("d")
    digits = sum(ch.isdigit() for ch in body)
    if digits < (2 if match.group("p") else 1) or not any(ch in table for ch in body):
        return None
    return match.group("p") + "".join(table.get(ch, ch) for ch in body)


def _lone_part(text: str, match: re.Match[str]) -> str | None:
    """A part of a date with no true digit left between two misread parts ("Ol" of "l4/Ol/l983")."""
    table = patient_data().ocr.as_digits
    body = match.group()
    if match.group("p") or not all(ch in table for ch in body) or len(body) > 2:
        return None
    before, after = text[max(0, match.start() - 2) : match.start()], text[match.end() : match.end() + 2]
    if re.fullmatch(r"\d[/.-]", before) and re.fullmatch(r"[/.-][\dOl]", after):
        return "".join(table[ch] for ch in body)
    return None


def _word(word: str) -> str | None:
    """The letters a misread word stands for, or None: digits among letters ("Nee1am", "GAGN0N", "D0B"), an "l" among
    capitals ("PATlENT"), or an "l" for an "i" that makes a common word of no word ("Patlent", "Medlcare")."""
    ocr = patient_data().ocr
    letters = [ch for ch in word if ch.isalpha() and ch != "l"]
    if any(ch.isdigit() and ch not in ocr.as_capitals for ch in word) or not letters:
        return None
    if word[0].isdigit() and (word[0] != "0" or not word[1:2].isalpha()):  # "10am", "1st": a number and its unit
        return None
    capitals = all(ch.isupper() for ch in letters)
    if capitals and (len(word) >= 2 and ("l" in word or any(ch.isdigit() for ch in word))):
        return "".join(ocr.as_capitals.get(ch, ch) for ch in word)
    if len(letters) >= 2 and any(ch.isdigit() for ch in word):
        first = ocr.as_capitals.get(word[0], word[0]) if word[0].isdigit() else word[0]
        return first + "".join(ocr.as_small.get(ch, ch) for ch in word[1:])
    if "l" in word and word.isalpha() and len(word) >= 4 and not everyday(word):
        read = word.replace("l", "i")
        return read if everyday(read) else None
    return None


def read_as_printed(text: str) -> str:
    """`text` with its OCR look-alikes put back (the same length), or `text` itself when it reads as no scan."""
    number, word = _patterns()
    if not any(ch in text for ch in patient_data().ocr.as_digits):
        return text
    chars = list(text)
    changed = 0
    for m in number.finditer(text):
        read = _number(m) or _lone_part(text, m)
        if read is not None and read != m.group():
            chars[m.start() : m.end()] = read
            changed += 1
    postcodes = [p.span() for p in _postcode().finditer(text)]
    for m in word.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in postcodes):  # "K1M 2C5", "LS1 1AB" are written so
            continue
        read = _word(m.group())
        if read is not None and read != m.group() and "".join(chars[m.start() : m.end()]) == m.group():
            chars[m.start() : m.end()] = read
            changed += 1
    return "".join(chars) if changed >= patient_data().ocr.min_tokens else text
