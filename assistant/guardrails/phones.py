"""Phone numbers after a phone cue, and the regions whose formats are read as phone numbers.

Presidio's phone recognizer (python-phonenumbers) accepts a number only when a region's rules do. A number
written right after "ph", "tel" or "rang from" is a phone number even in a grouping or a region the parser
does not accept ("ph 9881 204 776"), so it is masked on the cue. Cues and regions are in
knowledge/data/patient_data.yaml (`phones`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import patient_data

_NUMBER = r"(?P<v>(?:\+|00)?\(?\d[\d ().\-/]{5,22}\d)(?![\w/.-]\d|\w)"


def phone_regions() -> tuple[str, ...]:
    """Regions (ISO country codes) whose national phone formats are parsed, in order."""
    return patient_data().phones.regions


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    cues = "|".join(f"(?:{c})" for c in patient_data().phones.cues)
    return re.compile(rf"(?<!\w)(?:{cues})[^\w\n+(]{{0,3}}{_NUMBER}", re.IGNORECASE)


def find_cued_phones(text: str) -> list[tuple[int, int]]:
    """(start, end) of each number of 7 to 15 digits written right after a phone cue."""
    found = []
    for match in _pattern().finditer(text):
        if 7 <= sum(c.isdigit() for c in match.group("v")) <= 15:
            found.append(match.span("v"))
    return found


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    cues = "|".join(f"(?:{c})" for c in patient_data().phones.cues)
    return re.compile(rf"(?:{cues})(?!\w)", re.IGNORECASE)


def is_phone_cue(text: str, start: int) -> bool:
    """True when a phone cue ("Mobile", "tel") starts at `start`."""
    return _cue().match(text, start) is not None
