"""Addresses read out, as a dictation's or a voicemail's transcript writes them: all in lower case, numbers in words.

"lives at fourteen calder road headingley leeds LS six two AB", "address seven banksia street tewantin queensland four
five six five", "wohnhaft habsburgerstraße zwölf in freiburg": the written shapes (addresses.py) need digits and
capitals, which a speech recogniser does not write. A house number in words, a few words and a street word after an
address cue, or a German street and its number in words anywhere, is an address; its tail (flat, town, region,
postcode said letter by letter) runs on while the words are numbers, letters, codes, listed towns or words the name
model does not know, and stops at the first everyday word ("... four five six five medicare ..."). The words are data
(knowledge/data/patient_data.yaml `addresses`: spoken_numbers, spoken_street_endings, spoken_tail_words).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import guardrail_data, patient_data, words
from .name_finders import city_names, everyday

_MAX_NAME_WORDS = 3  # words between the house number and the street word ("koregaon park lane")


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """Every word for a number a house number or a postcode may be said with, lower case."""
    terms = patient_data()
    digits = {w for spellings in terms.phones.spoken_digits.values() for d in spellings for w in d.split("|")}
    return frozenset(w.lower() for w in (*digits, *terms.addresses.spoken_numbers))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(an address cue and the space after it, a street read out number first, a German street and its number read
    out)."""
    terms = patient_data().addresses
    cues = "|".join(f"(?:{c})" for c in terms.cues)
    cue = re.compile(rf"\b(?:{cues})[ \t]*[:,-]?[ \t]*", re.IGNORECASE)
    number = rf"(?:{words(tuple(_number_words()))})"
    types = words(tuple(t.lower() for t in guardrail_data().phi.street_types if len(t) > 2))
    street = re.compile(
        rf"(?<![\w-]){number}(?:[ -]{number})*(?:[ ][A-Za-z])?"  # "twelve B koregaon park lane"
        rf"(?:[ ][a-zà-ÿ'’-]+){{1,{_MAX_NAME_WORDS}}}?[ ](?:{types})(?!\w)"
    )
    endings = words(terms.spoken_street_endings)
    german = re.compile(rf"(?<![\w-])[a-zäöüß]+(?:{endings})[ ]{number}(?:[ -]?{number})*(?!\w)")
    return cue, street, german


def find_spoken_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each address read out in `text`: a street read out number first right after an address cue,
    or a German street with its number in words, with the tail that follows it."""
    cue, street, german = _patterns()
    found = [
        (m.start(), _tail_end(text, m.end()))
        for announced in cue.finditer(text)
        if (m := street.match(text, announced.end()))
    ]
    return found + [(m.start(), _tail_end(text, m.end())) for m in german.finditer(text)]


_TAIL_WORD = re.compile(r"[ ]([\w'’-]+)")
_NOT_LETTERS = frozenset({"I", "a"})  # one letter that is a word: the speaker's "I", an article


def _tail_end(text: str, end: int) -> int:
    """Where the tail of an address read out ends: after its last number, letter, code, town or unknown word; after
    the word that follows "in" ("... zwölf in freiburg verdacht auf ...": the town said last)."""
    terms = patient_data().addresses
    tail = frozenset(w.lower() for w in terms.spoken_tail_words)
    town_before = frozenset(w.lower() for w in terms.spoken_town_before)
    last = end
    pos = end
    while match := _TAIL_WORD.match(text, pos):
        word = match.group(1)
        low = word.lower()
        if low in town_before:
            town = _TAIL_WORD.match(text, match.end())
            return (
                town.end() if town and (town.group(1).lower() in city_names() or not everyday(town.group(1))) else last
            )
        if word in _NOT_LETTERS or not (
            low in tail
            or low in _number_words()
            or len(word) == 1
            or (word.isupper() and len(word) <= 4)
            or low in city_names()
            or not everyday(word)
        ):
            break
        pos = match.end()
        if low not in tail:  # "... ottawa in" ends at the town, not at the small word after it
            last = pos
    return last
