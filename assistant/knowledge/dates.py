"""Resolve an observance's recurring date rule to concrete dates for a given year."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TypeVar

from .models import WEEKDAYS, DateRule

_T = TypeVar("_T")


def _need(value: _T | None, field: str, rule: DateRule) -> _T:
    """Return a field the rule's kind requires; the model validator guarantees it, this makes it explicit."""
    if value is None:
        raise ValueError(f"date rule {rule.kind!r} needs {field!r}")
    return value


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
    if kind == "weekday_before":
        anchor, _ = resolve(_need(rule.anchor, "anchor", rule), year)
        back = (anchor.weekday() - _weekday_index(_need(rule.weekday, "weekday", rule))) % 7 or 7
        start = anchor - dt.timedelta(days=back)
        return start, start + dt.timedelta(days=(rule.length_days or 1) - 1)
    month = _need(rule.month, "month", rule)
    if kind == "fixed":
        day = dt.date(year, month, min(_need(rule.day, "day", rule), calendar.monthrange(year, month)[1]))
        return day, day
    if kind == "nth_weekday":
        day = _nth_weekday(year, month, _need(rule.weekday, "weekday", rule), _need(rule.n, "n", rule))
        return day, day
    if kind == "last_weekday":
        day = _last_weekday(year, month, _need(rule.weekday, "weekday", rule))
        return day, day
    if kind == "last_day":
        day = dt.date(year, month, calendar.monthrange(year, month)[1])
        return day, day
    if kind == "month":
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if kind == "week":
        start = dt.date(year, month, _need(rule.day, "day", rule))
        return start, start + dt.timedelta(days=_need(rule.length_days, "length_days", rule) - 1)
    if kind == "week_from_nth_weekday":
        start = _nth_weekday(year, month, _need(rule.weekday, "weekday", rule), _need(rule.n, "n", rule))
        return start, start + dt.timedelta(days=_need(rule.length_days, "length_days", rule) - 1)
    raise ValueError(f"unknown date rule kind {kind!r}")  # unreachable: the model validates kind
