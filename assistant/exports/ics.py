"""iCalendar (.ics) export: one event per post, with a stable UID so importing again updates events.

DTSTART carries the clinic's time zone (TZID plus a VTIMEZONE), so 09:00 stays 09:00 local across
daylight-saving changes in Google Calendar, Outlook and Apple Calendar.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

from icalendar import Calendar, Event

from ._common import UTC, message, post_datetime

if TYPE_CHECKING:
    from ..planners.calendar import Plan

PRODID = "-//Healthcare social media assistant//Editorial plan//EN"
EVENT_MINUTES = 30


def post_uid(plan: Plan, post) -> str:
    """Same platform, date, topic and seed -> same UID, in every run."""
    key = f"{post.platform}|{post.date.isoformat()}|{post.topic}|{plan.seed}"
    return hashlib.sha256(key.encode()).hexdigest()[:32] + "@hcsm-assistant"


def _description(post) -> str:
    lines = [message(post), "", f"Pillar: {post.pillar}", f"Format: {post.format_name}"]
    if post.awareness:
        lines.append(f"Awareness: {post.awareness['name']} ({post.awareness['date']})")
    lines += [f"Check: {w.get('rule')}: {w.get('message')}" for w in post.warnings]
    lines += [f"Source: {s['title']}" + (f" {s['url']}" if s.get("url") else "") for s in post.sources]
    return "\n".join(lines)


def to_ics(plan: Plan, now: dt.datetime | None = None) -> str:
    """The plan as an RFC 5545 calendar."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Social media plan ({plan.specialty_name})")
    stamp = (now or dt.datetime.now(UTC)).astimezone(UTC)
    used: dict[str, int] = {}
    for post in plan.posts:
        uid = post_uid(plan, post)
        used[uid] = used.get(uid, 0) + 1
        start = post_datetime(plan, post)
        event = Event()
        event.add("uid", uid if used[uid] == 1 else uid.replace("@", f"-{used[uid]}@"))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=EVENT_MINUTES))
        event.add("summary", f"[{post.platform}] {post.format_name}: {post.topic}")
        event.add("description", _description(post))
        event.add("categories", [post.platform, post.pillar])
        cal.add_component(event)
    if plan.posts:  # VTIMEZONE rules only for the plan's span (a year either side), not 1970-2038
        first, last = plan.posts[0].date, plan.posts[-1].date
        cal.add_missing_timezones(
            first_date=first.replace(day=1) - dt.timedelta(days=366), last_date=last + dt.timedelta(days=366)
        )
    return cal.to_ical().decode("utf-8")
