"""Hootsuite Bulk Composer CSV: no header; date-time, message, link; one file per social profile.

Hootsuite's rules for bulk uploads: minutes on 0 or 5, each message at least 10 minutes in
the future, no duplicate messages, at most 350 rows per file. Rows that break a rule are left out and
listed in the export's notes rather than failing the whole export, so the rest can still be uploaded.
Times are the clinic's local times: set the Hootsuite account to the same time zone.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..errors import InputError
from ._common import SchedulerExport, csv_text, message, post_datetime, resolve_now, split_files

if TYPE_CHECKING:
    from ..planners.calendar import Plan

DATE_FORMATS = {"MM/DD/YYYY": "%m/%d/%Y %H:%M", "DD/MM/YYYY": "%d/%m/%Y %H:%M", "YYYY/MM/DD": "%Y/%m/%d %H:%M"}
MAX_ROWS = 350
LEAD = dt.timedelta(minutes=10)


def round_up_5(when: dt.datetime) -> dt.datetime:
    """The next 5-minute mark at or after `when` (seconds dropped)."""
    when = when.replace(second=0, microsecond=0)
    extra = (-when.minute) % 5
    return when + dt.timedelta(minutes=extra)


def to_hootsuite(plan: Plan, now: dt.datetime | None = None, date_format: str = "MM/DD/YYYY") -> SchedulerExport:
    """One headerless CSV per platform for Hootsuite's bulk upload."""
    if date_format not in DATE_FORMATS:
        raise InputError(f"unknown Hootsuite date format {date_format!r}; use one of {', '.join(DATE_FORMATS)}")
    pattern = DATE_FORMATS[date_format]
    earliest = resolve_now(now, plan.timezone) + LEAD
    rows: dict[str, list[list[str]]] = {}
    seen: set[tuple[str, str]] = set()
    late, duplicate = [], []
    for post in plan.posts:
        when = round_up_5(post_datetime(plan, post))
        text = message(post)
        if when < earliest:
            late.append(f"{post.date} {post.platform}")
        elif (post.platform, text) in seen:
            duplicate.append(f"{post.date} {post.platform}")
        else:
            seen.add((post.platform, text))
            rows.setdefault(post.platform, []).append([when.strftime(pattern), text, ""])
    notes = []
    if late:
        notes.append(
            f"Left out {len(late)} post(s) less than 10 minutes from now (Hootsuite rejects them): "
            f"{', '.join(late[:5])}{'...' if len(late) > 5 else ''}."
        )
    if duplicate:
        notes.append(f"Left out {len(duplicate)} duplicate message(s): {', '.join(duplicate[:5])}.")
    files = {}
    for platform, platform_rows in rows.items():
        for name, chunk in split_files(platform, platform_rows, MAX_ROWS).items():
            files[name] = csv_text(chunk)
    return SchedulerExport(files, notes)
