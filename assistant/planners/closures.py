"""Public holidays in the clinic's country (and region where it has its own), from the `holidays` library:
a plan posts nothing on them, since a clinic's routine post on Christmas Day reads as if nobody is minding
the account, and patients are not looking for it."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _calendar(country: str, region: str, years: tuple[int, ...]) -> dict[dt.date, str]:
    try:
        probe = holidays.country_holidays(country)
    except NotImplementedError:  # a country the library does not know: no holidays to avoid
        return {}
    aliases = {k.lower(): v for k, v in (getattr(probe, "subdivisions_aliases", None) or {}).items()}
    codes = {c.upper(): c for c in getattr(probe, "subdivisions", ())}
    subdiv = codes.get(region.upper()) or aliases.get(region.lower()) if region else None
    return dict(holidays.country_holidays(country, subdiv=subdiv, years=list(years)))


def public_holidays(country: str | None, region: str | None, start: dt.date, end: dt.date) -> dict[dt.date, str]:
    """Date -> holiday name between start and end (inclusive) for the country (ISO code) and region."""
    if not country:
        return {}
    code = "GB" if country.upper() == "UK" else country.upper()
    found = _calendar(code, (region or "").strip(), tuple(range(start.year, end.year + 1)))
    return {d: name for d, name in found.items() if start <= d <= end}


def move_off_holidays(slots, closed: dict[dt.date, str]) -> list[str]:
    """Move each slot that falls on a holiday to a free weekday of the same week, later first (a holiday Monday's
    post goes to Tuesday, or to Wednesday when Tuesday has one; Christmas Friday's to Thursday), so a week never gets
    more posts than asked; to the next free weekday after it only when the whole week is taken. A day is free when it
    is no holiday and has no post on the same platform yet, and never earlier than the plan's first post. Returns
    what was skipped."""
    skipped = []
    taken = {(slot.date, slot.platform) for slot in slots if slot.date not in closed}
    first = min((slot.date for slot in slots), default=None)
    for slot in sorted(slots, key=lambda s: s.date):
        if slot.date in closed:
            skipped.append(f"{closed[slot.date]} ({slot.date:%d %b})")
            slot.date = _free_day(slot.date, slot.platform, closed, taken, first or slot.date)
            taken.add((slot.date, slot.platform))
    return list(dict.fromkeys(skipped))


def _free_day(day: dt.date, platform: str, closed: dict[dt.date, str], taken: set, first: dt.date) -> dt.date:
    """The free weekday for a post moved off the holiday `day` (see move_off_holidays)."""
    monday = day - dt.timedelta(days=day.weekday())
    week = [monday + dt.timedelta(days=i) for i in range(5)]
    later = [d for d in week if d > day]
    earlier = [d for d in reversed(week) if first <= d < day]
    for option in (*later, *earlier):
        if option not in closed and (option, platform) not in taken:
            return option
    option = day + dt.timedelta(days=1)
    while option in closed or option.weekday() >= 5 or (option, platform) in taken:
        option += dt.timedelta(days=1)
    return option
