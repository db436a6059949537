"""Resolve an observance's recurring date rule to concrete dates for a given year."""
from __future__ import annotations

import calendar
import datetime as dt

from .models import WEEKDAYS, DateRule


def _weekday_index(name: str) -> int:
    return WEEKDAYS.index(name)


def _nth_weekday(year: int, month: int, weekday: str, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (_weekday_index(weekday) - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: str) -> dt.date:
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - _weekday_index(weekday)) % 7)


def resolve(rule: DateRule, year: int) -> tuple[dt.date, dt.date]:
    """Return (first day, last day) of the observance in `year`; equal for a single day."""
    kind = rule.kind
    if kind == "fixed":
        day = dt.date(year, rule.month, min(rule.day, calendar.monthrange(year, rule.month)[1]))
        return day, day
    if kind == "nth_weekday":
        day = _nth_weekday(year, rule.month, rule.weekday, rule.n)
        return day, day
    if kind == "last_weekday":
        day = _last_weekday(year, rule.month, rule.weekday)
        return day, day
    if kind == "last_day":
        day = dt.date(year, rule.month, calendar.monthrange(year, rule.month)[1])
        return day, day
    if kind == "month":
        return dt.date(year, rule.month, 1), dt.date(year, rule.month, calendar.monthrange(year, rule.month)[1])
    if kind == "week":
        start = dt.date(year, rule.month, rule.day)
        return start, start + dt.timedelta(days=rule.length_days - 1)
    if kind == "week_from_nth_weekday":
        start = _nth_weekday(year, rule.month, rule.weekday, rule.n)
        return start, start + dt.timedelta(days=rule.length_days - 1)
    if kind == "weekday_before":
        anchor, _ = resolve(rule.anchor, year)
        back = (anchor.weekday() - _weekday_index(rule.weekday)) % 7 or 7
        start = anchor - dt.timedelta(days=back)
        return start, start + dt.timedelta(days=(rule.length_days or 1) - 1)
    raise ValueError(f"unknown date rule kind {kind!r}")  # unreachable: the model validates kind
