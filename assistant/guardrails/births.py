"""Dates of birth: a date right after a birth cue ("DOB 03/14/1986", "geb. 17.02.1988", "nata il 12/04/1936").

Other dates stay readable ("closed 25 December", "appointments on 03/04/2026"): only the cue makes a date a
birth date. Cues and month names are in knowledge/data/patient_data.yaml (`births`).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ._data import guardrail_data, patient_data, words


@lru_cache(maxsize=1)
def date_pattern() -> str:
    """A date as written in the supported languages (digits, or a day and a month name), as a regex source."""
    month = rf"(?:{words(patient_data().births.months)})"
    return (
        rf"(?:\d{{1,2}}\s?[/.-]\s?\d{{1,2}}\s?[/.-]\s?(?:\d{{4}}|\d{{2}})|"
        # The year first, its parts maybe spaced as a form prints them ("DOB -  1990 / 12 / 02"; twenty-seventh set).
        rf"\d{{4}}\s?[/.-]\s?\d{{1,2}}\s?[/.-]\s?\d{{1,2}}|"
        rf"\d{{1,2}}[-\s]{month}[-\s](?:\d{{4}}|\d{{2}})|"
        # Spanish and Portuguese put "de" before the month and the year ("15 de agosto de 2015"; thirty-ninth set).
        rf"\d{{1,2}}\s+de\s+{month}(?:\s+de\s+\d{{4}})?|"
        # "the" before an ordinal day belongs to the date ("born on the 2nd of June 1984"; twenty-eighth set).
        rf"(?:the\s+(?=\d{{1,2}}(?:st|nd|rd|th)\s))?"
        rf"\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?{month}\.?(?:,?\s+(?:\d{{4}}|['’]?\d{{2}}))?|"
        rf"{month}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:\d{{4}}|['’]?\d{{2}}))?|"
        # Korean, Japanese and Chinese write the year, the month and the day each with its sign ("1985년 3월 2일",
        # "1985年3月2日"; forty-first masking set).
        r"\d{4}\s?[년年]\s?\d{1,2}\s?[월月]\s?\d{1,2}\s?[일日])"
    )


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    terms = patient_data().births
    month = rf"(?:{words(terms.months)})"
    date = date_pattern()
    cues = "|".join(f"(?:{c})" for c in terms.cues)
    # A few words may stand between the cue and the date ("born in Leeds on 4 May 1990", "nata a Napoli il ..."),
    # and the cue may follow the date ("03/14/1987 (DOB)"). Each word is taken whole (possessive): split into
    # pieces, a cue repeated over 16,000 characters took 0.6 to 1.7 s to search; whole, under 0.1 s.
    between = r"(?:[^\w\n.!?]{0,3}[^\W\d]++){0,4}?"
    # A date written without separators, year first or last, after a cue ("DOB 19900312", "geb. 14021975").
    compact = (
        r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d"
    )
    # The date's format in brackets after the cue, as forms print it ("DOB (YYYY/MM/DD): 1988/10/04").
    form = r"(?:[ ]?\((?:[a-z]{1,4}[./ -]?){3}\))?"
    # An age may stand between the cue and the date, a slash or a bracket after it ("Age/DOB: 68 / 02 Jan 1958",
    # "Age / DOB: 71 yrs (04-09-1953)", "Alter/Geb.: 71 J. (...)"; thirty-fourth masking set).
    age = r"(?:\d{1,3}\s?(?:y(?:rs?|ears?)?|j(?:ahre)?|anni|ans)?\.?\s?[/(]\s*)?"
    # A date in Korean or Japanese ends at its day's sign, whatever follows ("1987年5月19日です").
    ends = r"(?:(?<=[日일])|(?!\w))"
    before = rf"(?<!\w)(?:{cues}){form}{between}\s*(?:(?:is|was|:|-|–|on|=|,)\s*)?{age}(?P<v>{date}|{compact}){ends}"
    cues_after = "|".join(f"(?:{c})" for c in terms.cues_after) or "(?!)"
    cues_short = "|".join(f"(?:{c})" for c in (*terms.cues_after, *terms.month_year_cues))
    after = rf"(?<![\w/.-])(?P<w>{date})\s*(?:[(,:-]\s*)?(?:{cues_after})(?!\w)"
    # Day and month, or month and year, right after an unmistakable cue ("DOB 3/14", "DOB March 1985").
    short = (
        rf"(?<!\w)(?:{cues_short}){form}\s*(?:[:-]\s*)?"
        rf"(?P<x>\d{{1,2}}/\d{{1,2}}|\d{{1,2}}/\d{{4}}|{month}\.?,?\s+\d{{4}})(?![/.\d])"
    )
    months_read = "|".join(f"(?:{m})" for m in terms.spoken_months)
    spoken = _spoken_pattern(terms.spoken_days, terms.spoken_years, rf"(?:{month}|the\s+(?:{months_read or '(?!)'}))")
    told = rf"(?<!\w)(?:{cues}){between}\s*(?:(?:is|was|:|-|–|on|=|,)\s*)?(?P<s>{spoken})(?!\w)" if spoken else "(?!)"
    # A date read out, then the cue ("die ist am siebzehnten März zweitausendzehn geboren"; forty-first masking set).
    told_after = rf"(?<!\w)(?P<t>{spoken})\s+(?:{cues_after})(?!\w)" if spoken else "(?!)"
    return re.compile(rf"{before}|{after}|{short}|{told}|{told_after}|{_year_pattern(month)}", re.IGNORECASE)


def _year_pattern(month: str) -> str:
    """A year of birth alone after a year cue, a month before it or the day after it ("(born 1939)", "Year of Birth:
    1988", "born in March '49", "born 1962, 3rd of May"): a regex source whose group `y` is the date."""
    cues = "|".join(f"(?:{c})" for c in patient_data().births.year_cues)
    if not cues:
        return "(?!)"
    year = r"(?:19|20)\d\d"
    day = rf"\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?{month}"
    # A year read out with its century ("born in nineteen forty eight"), the longest first.
    said = "|".join(f"(?:{y})" for y in patient_data().births.spoken_full_years) or "(?!)"
    when = rf"{month}\.?\s+(?:{year}|['’]\d{{2}})|{year}(?:,?\s+{day}(?![\w/]))?|{said}"
    return rf"(?<!\w)(?:{cues})\s*:?\s*(?P<y>{when})(?![\w/.-]\d|\w)"


def _spoken_pattern(days: tuple[str, ...], years: tuple[str, ...], month: str) -> str:
    """A date read out: "the third of march fifty two", "Feb the ninth, '55", "achten September neunzehnhundertvierzig"
    (a regex source, empty when the data names no spoken days)."""
    if not days:
        return ""
    day = "(?:" + "|".join(f"(?:{d})" for d in days) + ")"
    year = "(?:" + "|".join([r"\d{4}", r"['’]\d{2}", *(f"(?:{y})" for y in years)]) + ")"
    return (
        rf"(?:the\s+)?{day}\s+(?:of\s+)?{month}\.?(?:,?\s+{year})?|"
        rf"{month}\.?\s+(?:the\s+)?{day}(?:,?\s+{year})?"
    )


@lru_cache(maxsize=1)
def _any_cue() -> re.Pattern[str]:
    """Any birth cue, before or after a date: every date of birth has one, and most texts none, so the full search
    is skipped for them (the checker reads every caption of a plan)."""
    terms = patient_data().births
    return re.compile("|".join(f"(?:{c})" for c in (*terms.cues, *terms.cues_after, *terms.year_cues)), re.IGNORECASE)


# A file named by a patient's initials and a compact date, then more ("JT_19880412_backmole.jpg", "AK-19550703.pdf"):
# a practice's way of naming a patient's photo or scan. The date is a date of birth when it is at least
# _FILE_BIRTH_AGE years old (a photo's own date, "IMG_20240312", is recent, and has no initials before it).
_FILE_NAME_BIRTH = re.compile(
    r"(?<![\w.-])(?P<initials>[A-Z]{2,3})[_-](?P<date>(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01]))"
    r"(?:[_-][\w-]*)?\.(?i:jpe?g|png|heic|gif|tiff?|pdf|docx?|dcm|stl|mp4|mov)(?!\w)"
)
_FILE_BIRTH_AGE = 12


def file_names_with_birth_dates(text: str, today: date | None = None) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """((initials), (date of birth)) spans of each file named by a patient's initials and birth date."""
    year = (today or date.today()).year
    return [
        (m.span("initials"), m.span("date"))
        for m in _FILE_NAME_BIRTH.finditer(text)
        if int(m.group("y")) <= year - _FILE_BIRTH_AGE
    ]


# A birthday given by the age a person turns on it ("she ... turns 100 on March 12", "who turns 90 on the 3rd of
# May"): a person's word before it in the sentence, and no word of a business (a clinic's anniversary: "our
# practice turns 10 on 1 May").
_TURNS = re.compile(r"\bturn(?:s|ing) \d{1,3}(?: years? old)? on (?:the )?", re.IGNORECASE)
_TURNS_PERSON = re.compile(r"\b(?:she|he|who|his|her|patient|pt)\b", re.IGNORECASE)
_TURNS_BUSINESS = re.compile(
    r"\b(?:clinic|practice|studio|surgery|praxis|business|company|our (?:team|clinic|practice))\b", re.IGNORECASE
)


def _birthdays_by_age(text: str) -> list[tuple[int, int]]:
    found = []
    for m in _TURNS.finditer(text):
        day = re.compile(date_pattern(), re.IGNORECASE).match(text, m.end())
        if day is None or re.match(r"\w", text[day.end() : day.end() + 1]):
            continue
        before = re.split(r"[.!?\n]", text[max(0, m.start() - 80) : m.start()])[-1]
        if _TURNS_PERSON.search(before) and not _TURNS_BUSINESS.search(before):
            found.append(day.span())
    return found


def find_birth_dates(text: str) -> list[tuple[int, int]]:
    """(start, end) of each date of birth in `text`."""
    in_files = [birth for _, birth in file_names_with_birth_dates(text)] if "_" in text or "-" in text else []
    colleague = _colleagues_birthday(text)
    in_files += _birthdays_by_age(text) if "turn" in text.lower() and not colleague else []
    if not _any_cue().search(text):
        return in_files
    in_files += answers_to_birth_questions(text) if "\n" in text else []
    found = in_files + [
        m.span(next(g for g in ("v", "w", "x", "s", "t", "y") if m.group(g)))
        for m in _pattern().finditer(text)
        if not ((colleague or _own_birthday(text, m.start())) and _birthday_cue().match(m.group()))
        and not (m.group("y") and (_a_business_born(text, m.start()) or _asks_the_public(text, m)))
    ]
    return [(a, b) for a, b in found if not _HISTORICAL_YEAR.search(text, a, b)]


# A year before 1900 in a date of birth ("Born Feb 22, 1732"): a historical figure's, no living patient's (forty-first
# masking set).
_HISTORICAL_YEAR = re.compile(r"(?<!\d)1[0-8]\d\d(?!\d)")


# A message of a thread (a pasted SMS or WhatsApp chat) that is a date alone: its sender's number or name and a colon
# may open the line, a chat's time stamp in brackets before them ("+1 613-555-0199: Jan 9 1955", "[8:15] Ann: 3/4/61").
_SENDER = r"(?:\[[^\]\n]{1,30}\][ \t]*)?(?:[^:\n]{1,40}:[ \t]*)?"


@lru_cache(maxsize=1)
def _date_alone() -> re.Pattern[str]:
    return re.compile(rf"{_SENDER}(?P<d>{date_pattern()})[ \t.!]*", re.IGNORECASE)


def answers_to_birth_questions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each date given alone as the next message after one that asks for a date of birth ("Can you
    confirm Mark's date of birth?" then "07700 900734: 30/06/1962"; thirty-ninth masking set): the reply is the
    birth date, though no cue stands before it on its own line. The asking line holds a birth cue and no date."""
    found = []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    for (_, asked), (start, reply) in zip(lines, lines[1:]):
        if not _any_cue().search(asked) or _pattern().search(asked):
            continue
        alone = _date_alone().fullmatch(reply)
        if alone:
            found.append((start + alone.start("d"), start + alone.end("d")))
    return found


def _asks_the_public(text: str, m: re.Match[str]) -> bool:
    """Whether a year of birth alone speaks to the public, not of a patient: "Born in 1985? You are due a health
    check", "if you were born in 1960, ask about screening"."""
    if text[m.end() : m.end() + 3].lstrip().startswith("?"):
        return True
    return _YOU_BORN.search(text[max(0, m.start() - 30) : m.start()]) is not None


_YOU_BORN = re.compile(r"\b(?:you|anyone|everyone|people|those)\s+(?:who\s+)?(?:were|are|was)\s*$", re.IGNORECASE)


def _a_business_born(text: str, start: int) -> bool:
    """Whether a business's word stands before a year cue in its sentence ("our practice was born in 2009")."""
    return _TURNS_BUSINESS.search(re.split(r"[.!?\n]", text[max(0, start - 80) : start])[-1]) is not None


def _own_birthday(text: str, start: int) -> bool:
    """Whether the birthday cue at `start` is the clinic's own ("our 10th birthday on ..."; patient_data.yaml)."""
    before = patient_data().births.own_birthday_before
    return before is not None and re.search(before, text[max(0, start - 40) : start], re.IGNORECASE) is not None


@lru_cache(maxsize=1)
def _birthday_cue() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in patient_data().births.birthday_cues) or "(?!)", re.IGNORECASE)


def _colleagues_birthday(text: str) -> bool:
    """Whether the message is about a colleague's birthday: it asks for a team post and names no patient ("...'s
    birthday is 3 March, he's turning 28. Fun team post please!"). A date of birth after "DOB" or "born" stays a
    birth date whatever the message asks."""
    terms = patient_data().births
    if terms.team_post is None or not re.search(terms.team_post, text, re.IGNORECASE):
        return False
    patient = guardrail_data().phi.patient_words
    return re.search(rf"\b(?:{patient})\b", text, re.IGNORECASE) is None
