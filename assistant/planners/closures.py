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
    """Move each slot that falls on a holiday to the next weekday that is not one and has no post on the same
    platform yet (a holiday Monday's post goes to Tuesday, or to Wednesday when Tuesday has one); returns what was
    skipped."""
    skipped = []
    taken = {(slot.date, slot.platform) for slot in slots if slot.date not in closed}
    for slot in sorted(slots, key=lambda s: s.date):
        if slot.date in closed:
            skipped.append(f"{closed[slot.date]} ({slot.date:%d %b})")
            day = slot.date + dt.timedelta(days=1)
            while day in closed or day.weekday() >= 5 or (day, slot.platform) in taken:
                day += dt.timedelta(days=1)
            slot.date = day
            taken.add((day, slot.platform))
    return list(dict.fromkeys(skipped))
