"""The plan as calendar events (FullCalendar's event objects), and the edits a calendar makes to a plan.

Free of Streamlit so the page logic is unit-tested: posts, public holidays and awareness days become events;
a drag or an edit control moves one post; an idea becomes a post; one post is written again.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from ..errors import InputError

_DATA = Path(__file__).parent / "data" / "calendar.yaml"
_TIME_DEFAULT = "10:00"


class CalendarStyle(BaseModel):
    """Colours of the calendar (data/calendar.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    platform_colours: dict[str, str]
    default_colour: str
    holiday_colour: str
    awareness_colour: str


@lru_cache(maxsize=1)
def calendar_style() -> CalendarStyle:
    """The validated calendar colours."""
    return CalendarStyle.model_validate(yaml.safe_load(_DATA.read_text(encoding="utf-8")))


def platform_name(plan, platform: str) -> str:
    """'Google Business Profile', not 'google_business'."""
    return plan.platform_names.get(platform) or platform.replace("_", " ").title()


def post_events(plan, style: CalendarStyle | None = None) -> list[dict[str, Any]]:
    """One coloured, movable event per post; its id is the post's position in the plan."""
    style = style or calendar_style()
    events = []
    for i, post in enumerate(plan.posts):
        colour = style.platform_colours.get(post.platform, style.default_colour)
        events.append(
            {
                "id": str(i),
                "title": f"{platform_name(plan, post.platform)}: {post.topic}",
                "start": f"{post.date.isoformat()}T{post.time}:00",
                "allDay": False,
                "backgroundColor": colour,
                "borderColor": colour,
                "textColor": "#FFFFFF",
                "extendedProps": {"kind": "post"},
            }
        )
    return events


def day_events(
    holidays: dict[dt.date, str], observances: list[tuple[str, dt.date, dt.date]], style: CalendarStyle | None = None
) -> list[dict[str, Any]]:
    """Public holidays and awareness days as all-day labels that cannot be moved."""
    style = style or calendar_style()
    events = [
        {
            "id": f"holiday-{day.isoformat()}",
            "title": f"Public holiday: {name}",
            "start": day.isoformat(),
            "allDay": True,
            "editable": False,
            "backgroundColor": style.holiday_colour,
            "borderColor": style.holiday_colour,
            "textColor": "#1F2A33",
            "extendedProps": {"kind": "holiday"},
        }
        for day, name in sorted(holidays.items())
    ]
    for name, first, last in observances:
        events.append(
            {
                "id": f"awareness-{first.isoformat()}-{name}",
                "title": f"Awareness: {name}",
                "start": first.isoformat(),
                "end": (last + dt.timedelta(days=1)).isoformat(),
                "allDay": True,
                "editable": False,
                "backgroundColor": style.awareness_colour,
                "borderColor": style.awareness_colour,
                "textColor": "#1F2A33",
                "extendedProps": {"kind": "awareness"},
            }
        )
    return events


def plan_days(plan, kb, country: str, region: str = "") -> tuple[dict[dt.date, str], list[tuple]]:
    """(public holidays, awareness days as (name, first, last)) over the plan's weeks."""
    from ..planners.closures import public_holidays
    from ..planners.schedule import observances_in

    end = plan.start + dt.timedelta(days=7 * plan.weeks - 1)
    holidays = public_holidays(country, region, plan.start, end)
    try:
        spec = kb.specialty(plan.specialty)
        found = observances_in(kb, spec, country, plan.start, end)
    except Exception:  # noqa: BLE001 - a specialty no longer in the knowledge base: holidays only
        found = []
    # Days and weeks only: an awareness month would cover the whole grid and hide the posts.
    shown = [(obs.name, first, last) for obs, first, last in found if (last - first).days < 8]
    return holidays, shown


def moved_event(value: Any) -> tuple[int, dt.date, str] | None:
    """(post index, new date, new time) from the calendar's value after a drag, else None."""
    if not isinstance(value, dict) or value.get("callback") != "eventChange":
        return None
    event = (value.get("eventChange") or {}).get("event") or {}
    start = str(event.get("start") or "")
    try:
        index, day = int(str(event.get("id"))), dt.date.fromisoformat(start[:10])
    except (TypeError, ValueError):
        return None
    time = start[11:16] if len(start) >= 16 else ""
    return index, day, time


def clicked_post(value: Any) -> int | None:
    """The index of the post clicked in the calendar, else None."""
    if not isinstance(value, dict) or value.get("callback") != "eventClick":
        return None
    event = (value.get("eventClick") or {}).get("event") or {}
    try:
        return int(str(event.get("id")))
    except (TypeError, ValueError):
        return None


def move_post(plan, index: int, day: dt.date, time: str = ""):
    """A copy of `plan` with post `index` on `day` (and at `time` when given); raises InputError outside it."""
    if not 0 <= index < len(plan.posts):
        raise InputError("that post is no longer in the plan; reload the page")
    end = plan.start + dt.timedelta(days=7 * plan.weeks - 1)
    if not plan.start <= day <= end:
        raise InputError(f"the plan runs from {plan.start:%d %b %Y} to {end:%d %b %Y}; choose a day in between")
    post = plan.posts[index]
    update = {"date": day, "week": (day - plan.start).days // 7 + 1, "time": time or post.time}
    posts = list(plan.posts)
    posts[index] = post.model_copy(update=update)
    return plan.model_copy(update={"posts": posts})


def add_idea(plan, kb, idea, platform: str, closed: frozenset[dt.date] = frozenset()):
    """A copy of `plan` with a video idea as a post on `platform`, on the first coming weekday of the plan that
    is not a public holiday (`closed`) and has no post on that platform; raises InputError when none is free."""
    from ..planners import compliance
    from ..planners.calendar import Post
    from ..planners.captions import message_text

    plat = kb.platform(platform)
    taken = {p.date for p in plan.posts if p.platform == plat.id}
    end = plan.start + dt.timedelta(days=7 * plan.weeks - 1)
    today = max(plan.start, dt.date.today() + dt.timedelta(days=1))
    days = (today + dt.timedelta(days=n) for n in range((end - today).days + 1))
    day = next((d for d in days if d not in taken and d not in closed and d.weekday() < 5), None)
    if day is None:
        raise InputError("every day of this plan already has a post on " + plat.name + "; extend the plan first")
    fmt_id = idea.formats.get(plat.id) or next((f.id for f in plat.formats if f.kind == "video"), plat.formats[0].id)
    fmt = next(f for f in plat.formats if f.id == fmt_id)
    caption = f"{idea.hook}\n\n{idea.cta}"
    times = [p.time for p in plan.posts if p.platform == plat.id] or [_TIME_DEFAULT]
    post = Post(
        date=day,
        time=times[0],
        platform=plat.id,
        pillar=idea.pillar,
        format=fmt.id,
        topic=idea.title,
        caption=caption,
        hashtags=[],
        sources=[],
        week=(day - plan.start).days // 7 + 1,
        format_name=fmt.name,
        minutes=0,
        script="\n".join(idea.outline),
        brief=idea.compliance_note,
        warnings=compliance.check(message_text(caption, []), kind="caption"),
    )
    names = {**plan.platform_names, plat.id: plat.name}
    platforms = list(dict.fromkeys([*plan.platforms, plat.id]))
    posts = sorted([*plan.posts, post], key=lambda p: (p.date, p.time))
    return plan.model_copy(update={"posts": posts, "platform_names": names, "platforms": platforms})


def rewrite_post(plan, index: int, kb, profile, attempt: int = 1):
    """A copy of `plan` where post `index` gets another topic and caption (same day, time and platform), taken
    from the plan the same inputs give with another variation; raises InputError when none is left."""
    from ..planners.calendar import plan_calendar

    old = plan.posts[index]
    used = {p.topic for p in plan.posts}
    for seed in range(plan.seed + attempt, plan.seed + attempt + 5):
        other = plan_calendar(
            kb, profile, plan.platforms, plan.start, plan.weeks, max(1, round(len(plan.posts) / plan.weeks)), seed=seed
        )
        fresh = [p for p in other.posts if p.platform == old.platform and p.topic not in used]
        if fresh:
            new = min(fresh, key=lambda p: abs((p.date - old.date).days))
            posts = list(plan.posts)
            posts[index] = new.model_copy(update={"date": old.date, "time": old.time, "week": old.week})
            return plan.model_copy(update={"posts": posts})
    raise InputError("no other topic is left for this platform in this plan; edit the caption in the table instead")
