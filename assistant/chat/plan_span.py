"""When a requested plan starts and how long it runs, read from the message in any form it is written.

"a 7-day plan for our clinic opening on Monday 6 April" starts on 6 April and runs seven days, a post a day;
"a month of posts for November. Start 1 November" runs from 1 to 30 November; "a 6-week plan starting in March"
starts on the first Monday of March; with nothing named, four weeks from next Monday.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {m.lower(): n for n, m in enumerate(calendar.month_name) if m}
_SHORT = {m.lower(): n for n, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
_MONTH_WORD = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
# "Monday 6 April", "6th of April", "April 6", "Mon 6 Apr": the weekday, when named, is checked against the date.
_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}\b"
    rf"|\b{_WEEKDAY}{_MONTH_WORD}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:-|–)?\s*(?:weeks?|days?|months?|posts?))",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r",?\s+(20\d\d)\b")
_MONTH = re.compile(
    rf"\b(?:in|for|from|during|starting|start(?:ing)? in|over|(?:the )?month is|month of)\s+"
    rf"(?:(?:early|mid|late)[- ]?\s*)?({'|'.join(_MONTHS)})\b"  # "Speech Pathology Week in late August"
    rf"|\b({'|'.join(_MONTHS)})\s+(?:plan|calendar|content|posts?)\b",
    re.IGNORECASE,
)
# "a plan for Aug-Oct", "September to November": the plan runs from the first month to the end of the last
_MONTH_RANGE = re.compile(
    rf"(?<![\d/.-])\b{_MONTH_WORD}\.?\s*(?:-|–|—|to|through|thru|until|till)\s*{_MONTH_WORD}\b(?![\d/.-])",
    re.IGNORECASE,
)
# "book 6-8 weeks before travel", "people come in 3 days before flying": a time in the message, not the plan's length
_IN_RANGE = r"(?<!\d-)(?<!\d–)(?<!\d to )"
_A_TIME = r"(?!\s+(?:before|after|ahead|ago|earlier|later|in advance|notice|beforehand|prior|out)\b)"
_WEEKS = re.compile(
    rf"\b{_IN_RANGE}(\d{{1,3}}|one|two|three|four|five|six|eight|ten|twelve)[- ]?weeks?\b{_A_TIME}", re.IGNORECASE
)
_DAYS = re.compile(
    rf"\b{_IN_RANGE}(\d{{1,3}}|seven|ten|fourteen|thirty)[- ]?days?\b(?![- ]?(?:a|per) week){_A_TIME}", re.IGNORECASE
)
# "a week of posts", not how often ("3x a week", "twice a week", "posts once a week")
_ONE_WEEK = re.compile(
    r"(?<!\dx )(?<![\dx] x )(?<!times )(?<!once )(?<!twice )(?<!post )(?<!posts )\b(?:a|one)[- ]week\b"
    r"|\bweek[- ]long\b|\bfirst week\b",
    re.IGNORECASE,
)
_FORTNIGHT = re.compile(r"\bfortnight\b", re.IGNORECASE)
# A week named by what it leads to ("one per day for the week before Ramadan"): read only when no other length is.
_THE_WEEK = re.compile(
    r"\b(?:for|during|over) the (?:whole |entire )?week\b|\bthe week (?:before|leading up to)\b", re.I
)
_MONTHS_LONG = re.compile(r"\b(a|one|two|three|six|\d{1,2})[- ]months?\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:a|one|1)[- ]year\b|\b(?:yearly|annual|year[- ]long)\b", re.IGNORECASE)
_NEXT_MONTH = re.compile(r"\bnext month\b|\bthe coming month\b", re.IGNORECASE)
_DAILY = re.compile(r"\b(daily|every day|each day|per day|day[- ]by[- ]day)\b", re.IGNORECASE)
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "ten": 10, "twelve": 12, "fourteen": 14, "thirty": 30,
}  # fmt: skip
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class PlanSpan:
    """The first and last day of a plan, and whether it was asked for in days (a post a day)."""

    start: dt.date
    days: int
    daily: bool = False
    weekday_named: str = ""  # "Monday", when the message named a weekday the date does not fall on
    dated: bool = False  # the message named the first day itself ("from 6 April"): the first post goes out on it
    asked: str = ""  # the length as typed ("99-day"), when it was cut to the longest plan or raised to one day
    impossible: tuple[str, int] | None = None  # ("31 February", 2027): a date that does not exist, so not used
    passed: str = ""  # "1 December": a date that passed lately, so the plan starts on it next year

    @property
    def weeks(self) -> int:
        return -(-self.days // 7)

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=self.days - 1)

    def title(self) -> str:
        """ "7-day plan from 06 April 2027", or "4-week plan from ..." when it runs whole weeks."""
        length = f"{self.weeks}-week" if self.days % 7 == 0 and not self.daily else f"{self.days}-day"
        return f"{length} plan from {self.start:%d %B %Y}"


def _month_number(word: str) -> int | None:
    key = word.lower()
    return _MONTHS.get(key) or _SHORT.get(key[:4] if key.startswith("sept") else key[:3])


def _first_monday(month: int, today: dt.date) -> dt.date:
    """The first Monday of the month's next occurrence from today (next Monday for the current month)."""
    if month == today.month:
        return today + dt.timedelta(days=7 - today.weekday())
    year = today.year if month > today.month else today.year + 1
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7)


def month_range(text: str, today: dt.date) -> tuple[dt.date, int, str] | None:
    """A plan asked for a run of months ("Aug-Oct", "September to November"): its first day (the first Monday of
    the first month), its length in whole weeks to the end of the last month, and the months as asked."""
    found = _MONTH_RANGE.search(text)
    if found is None:
        return None
    first, last = _month_number(found.group(1)), _month_number(found.group(2))
    if first is None or last is None or first == last:
        return None
    start = _first_monday(first, today)
    end_year = start.year if last > first else start.year + 1
    end = dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
    weeks = -(-((end - start).days + 1) // 7)
    return start, 7 * weeks, f"{calendar.month_name[first]} to {calendar.month_name[last]}"


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower(), 1)


def _length(word: str, unit: str) -> str:
    """ "99 days", "a month", "0 days": a length as asked, in plain words."""
    count = 1 if word.lower() in ("a", "one") else _number(word)
    return f"a {unit}" if count == 1 else f"{count} {unit}s"


def named_date(text: str, today: dt.date) -> tuple[dt.date, str] | None:
    """The first date the message names (its next occurrence from today), and the weekday typed with it when the
    date does not fall on that weekday ("Monday 6 April" in a year when 6 April is a Tuesday), else ""."""
    for found in _DATE.finditer(text):
        day_name, day, month, day_name2, month2, day2 = found.groups()
        weekday, month_word, number = (day_name, month, day) if day else (day_name2, month2, day2)
        key = month_word.lower()
        month_no = _MONTHS.get(key) or _SHORT.get(key[:4] if key.startswith("sept") else key[:3])
        if not month_no:
            continue
        typed = _YEAR_AFTER.match(text, found.end())  # "6 December 2027": that year, when it is still to come
        years = (int(typed.group(1)), today.year, today.year + 1) if typed else (today.year, today.year + 1)
        for year in years:
            try:
                date = dt.date(year, month_no, int(number))
            except ValueError:
                date = None
            if date is not None and date >= today:
                break
        else:
            continue
        wrong = ""
        if weekday and _WEEKDAYS.index(weekday[:3].lower()) != date.weekday():
            wrong = calendar.day_name[_WEEKDAYS.index(weekday[:3].lower())]
        return date, wrong
    return None


def _typed_dates(text: str):
    """(weekday typed or None, day, month number, the date as typed) for every date the message names."""
    for found in _DATE.finditer(text):
        day_name, day, month, day_name2, month2, day2 = found.groups()
        weekday, month_word, number = (day_name, month, day) if day else (day_name2, month2, day2)
        key = month_word.lower()
        month_no = _MONTHS.get(key) or _SHORT.get(key[:4] if key.startswith("sept") else key[:3])
        if month_no:
            yield weekday, int(number), month_no, f"{int(number)} {calendar.month_name[month_no]}"


def impossible_date(text: str, today: dt.date) -> tuple[str, int] | None:
    """The first date named that does not exist in the year it would next fall ("31 February", 2027), or None."""
    for _, day, month, typed in _typed_dates(text):
        year = today.year if (month, day) >= (today.month, today.day) else today.year + 1
        try:
            dt.date(year, month, day)
        except ValueError:
            return typed, year
    return None


def passed_date(text: str, today: dt.date, recent_days: int) -> str:
    """The first date named, as typed ("1 December"), when it fell in the last `recent_days` days (so a plan from it
    starts next year), else ""."""
    for _, day, month, typed in _typed_dates(text):
        try:
            this_year = dt.date(today.year, month, day)
        except ValueError:
            continue
        return typed if 0 < (today - this_year).days <= recent_days else ""
    return ""


def plan_start(text: str, seasons: dict[str, int], today: dt.date) -> dt.date:
    """The day a plan starts: the date the message names; else the first Monday of the month (or season) it names,
    the next one from today; else next Monday."""
    if found := named_date(text, today):
        return found[0]
    if months := month_range(text, today):
        return months[0]
    month = None
    if found_month := _MONTH.search(text):
        month = _MONTHS[(found_month.group(1) or found_month.group(2)).lower()]
    elif _NEXT_MONTH.search(text):
        month = today.month % 12 + 1
    elif seasons and (season := re.search(rf"\b({'|'.join(map(re.escape, seasons))})\b", text, re.IGNORECASE)):
        month = seasons[season.group(1).lower()]  # the season words are the data's (drafts.yaml, extras.seasons)
    return _first_monday(month if month is not None else today.month, today)


def plan_span(
    text: str, seasons: dict[str, int], today: dt.date, max_days: int = 84, recent_days: int = 60
) -> PlanSpan:
    """When a requested plan starts and how many days it runs (at most `max_days`), and what was asked but not
    made: a length cut or raised, a date that does not exist, a date that passed lately."""
    start = plan_start(text, seasons, today)
    found = named_date(text, today)
    wrong = found[1] if found else ""
    daily = False
    asked = ""
    if weeks := _WEEKS.search(text):
        days, asked = 7 * _number(weeks.group(1)), _length(weeks.group(1), "week")
    elif found_days := _DAYS.search(text):
        days, daily, asked = _number(found_days.group(1)), True, _length(found_days.group(1), "day")
    elif _ONE_WEEK.search(text):
        days = 7
    elif _FORTNIGHT.search(text):
        days = 14
    elif months := _MONTHS_LONG.search(text):
        word, asked = months.group(1).lower(), _length(months.group(1), "month")
        count = 1 if word == "a" else _number(word)
        # "a month of posts for November, from 1 November": the whole calendar month
        whole = count == 1 and start.day == 1
        days = calendar.monthrange(start.year, start.month)[1] if whole else 28 * count
    elif _YEAR.search(text):
        days, asked = 365, "a year"
    elif (months_run := month_range(text, today)) and not found:
        days, asked = months_run[1], months_run[2]
    elif _THE_WEEK.search(text):
        days = 7
    else:
        days = 28
    daily = daily or bool(_DAILY.search(text))
    kept = min(max(days, 1), max_days)
    return PlanSpan(
        start=start,
        days=kept,
        daily=daily,
        weekday_named=wrong,
        dated=found is not None,
        asked=asked if kept != days else "",
        impossible=None if found else impossible_date(text, today),
        passed=passed_date(text, today, recent_days) if found else "",
    )
