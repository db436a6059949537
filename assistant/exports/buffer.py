"""Buffer bulk-upload CSV: header `Text,Image URL,Tags,Posting Time`, times as `YYYY-MM-DD HH:mm`.

Buffer takes one channel per upload, so there is one file per platform. Tags must already exist in
Buffer, so the column is left empty (hashtags are part of the text). Posts already in the past are left
out and listed in the notes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ._common import SchedulerExport, csv_text, message, post_datetime, resolve_now, split_files

if TYPE_CHECKING:
    from ..planners.calendar import Plan

HEADER = ["Text", "Image URL", "Tags", "Posting Time"]
TIME_FORMAT = "%Y-%m-%d %H:%M"
MAX_ROWS = 350


def to_buffer(plan: Plan, now: dt.datetime | None = None) -> SchedulerExport:
    """One CSV with Buffer's header per platform."""
    earliest = resolve_now(now, plan.timezone)
    rows: dict[str, list[list[str]]] = {}
    past = []
    for post in plan.posts:
        when = post_datetime(plan, post)
        if when < earliest:
            past.append(f"{post.date} {post.platform}")
            continue
        rows.setdefault(post.platform, []).append([message(post), "", "", when.strftime(TIME_FORMAT)])
    notes = [f"Left out {len(past)} post(s) already in the past: {', '.join(past[:5])}."] if past else []
    files = {}
    for platform, platform_rows in rows.items():
        for name, chunk in split_files(platform, platform_rows, MAX_ROWS).items():
            files[name] = csv_text(chunk, HEADER)
    return SchedulerExport(files, notes)
