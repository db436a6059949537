"""Lines of a notice the clinic pastes that read like patient data and are not: a price list's treatment ("Botox bei
Hyperhidrose: ab 350 €"), a holiday in an opening-hours list ("<festival> (Tue): closed"), a talk's speaker in a
conference programme ('Friday 2:00  Keynote: "<talk>" – <speaker>') and the minutes of a time read as a house number
("Sunday 9:00 Plenary  Dr. <name> Oration" is no "00 Plenary Dr.")."""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import patient_data, words
from .names import fold, name_lists
from .spans import PhiSpan

# A price after a treatment's name and a colon: "ab 350 €", "from $95", "€ 120", "95 €", "₹48,500".
_PRICE_AFTER = re.compile(
    r"[ \t]*:[ \t]*(?:(?:ab|from|da|dès|desde|bis|up to)[ \t]+)?(?:[$£€₹][ ]?\d|\d[\d.,]*[ ]?(?:€|eur|euro|\$|£|₹|rs))",
    re.IGNORECASE,
)
# A talk's title in quotes and a dash at a programme's line, after a time or a word for a talk.
_TALK_BEFORE = re.compile(
    r"(?:\b(?:keynote|plenary|lecture|talk|session|workshop|webinar|masterclass|panel|symposium|vortrag|relazione)\b"
    r"|\d{1,2}[:.]\d{2})[^\n\"“„«]{0,40}[\"“„«][^\"”“»\n]{3,120}[\"”“»][ \t]*[–—-][ \t]*$",
    re.IGNORECASE,
)
_TALK_REACH = 220  # characters before a speaker's name in which the talk's time or word and its title are looked for
_TIME_MINUTES = re.compile(r"\d{1,2}[:.]$")


@lru_cache(maxsize=1)
def _day_in_brackets() -> re.Pattern[str]:
    """Brackets opening with a weekday, then a colon, right after a name: a day of an opening-hours list ("<holiday>
    (Mon): closed"); a holiday's name has a word the name lists lack, a patient's list of days keeps its names."""
    days = words(patient_data().births.weekdays)
    return re.compile(
        rf"(?:['’]s(?:[ ][A-Z][\w'’-]*){{1,2}})?[ ]\((?:{days})\.?(?![\w'’-])[^()\n]{{0,20}}\)[ \t]*:", re.IGNORECASE
    )


def _unlisted_word(name: str) -> bool:
    """Whether a word of `name` is neither a listed given name nor a listed surname: a treatment, not a person."""
    lists = name_lists()
    return any(fold(w) not in lists.given and fold(w) not in lists.surnames for w in re.findall(r"[^\W\d_]+", name))


def _not_a_person(text: str, s: PhiSpan) -> bool:
    if s.kind == "ADDRESS":
        return _TIME_MINUTES.search(text, max(0, s.start - 3), s.start) is not None
    if s.kind != "NAME":
        return False
    if _PRICE_AFTER.match(text, s.end) and _unlisted_word(s.text):
        return True
    line = max(text.rfind("\n", 0, s.start) + 1, s.start - _TALK_REACH)
    holiday = _day_in_brackets().match(text, s.end) is not None and _unlisted_word(s.text)
    return holiday or _TALK_BEFORE.search(text, line, s.start) is not None


def without_notice_lines(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less a treatment in a price list, a holiday in an opening-hours list, a programme's speaker and an
    "address" that starts at the minutes of a time."""
    return [s for s in spans if not _not_a_person(text, s)]
