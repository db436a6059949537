"""Shared by the exports: local date-times that stay right across daylight-saving changes, CSV text."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..errors import InputError
from ..planners.captions import message_text

if TYPE_CHECKING:
    from ..planners.calendar import Plan

UTC = dt.UTC


class SchedulerExport(dict):
    """CSV text by file name (a platform id, or `<platform>-<n>` when one file is not enough), plus notes
    about rows that were left out."""

    def __init__(self, files: dict[str, str], notes: list[str]) -> None:
        super().__init__(files)
        self.notes = notes


def local_datetime(date: dt.date, time: str, timezone: str) -> dt.datetime:
    """The aware local date-time; a wall time skipped by a spring-forward change moves to just after it."""
    tz = ZoneInfo(timezone)
    hour, minute = map(int, time.split(":"))
    naive = dt.datetime.combine(date, dt.time(hour, minute))
    aware = naive.replace(tzinfo=tz)
    # Round-trip through UTC: a wall time that does not exist comes back different.
    return aware.astimezone(UTC).astimezone(tz)


def post_datetime(plan: Plan, post) -> dt.datetime:
    """When a post goes out, as an aware date-time in the plan's time zone."""
    return local_datetime(post.date, post.time, plan.timezone)


def resolve_now(now: dt.datetime | None, timezone: str) -> dt.datetime:
    """`now` as an aware date-time (a naive one is read in the plan's time zone); default: the clock."""
    if now is None:
        return dt.datetime.now(UTC)
    if not isinstance(now, dt.datetime):
        raise InputError("now must be a date-time")
    return now if now.tzinfo else now.replace(tzinfo=ZoneInfo(timezone))


def message(post) -> str:
    """Caption plus hashtags, as it is published."""
    return message_text(post.caption, post.hashtags)


def csv_text(rows: list[list[str]], header: list[str] | None = None) -> str:
    """RFC 4180 CSV (comma, double quotes, CRLF), UTF-8 text."""
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def split_files(platform: str, rows: list[list[str]], max_rows: int) -> dict[str, list[list[str]]]:
    """One file per platform; numbered parts when a platform has more rows than one file may hold."""
    if len(rows) <= max_rows:
        return {platform: rows}
    chunks = [rows[i : i + max_rows] for i in range(0, len(rows), max_rows)]
    return {f"{platform}-{n}": chunk for n, chunk in enumerate(chunks, start=1)}
