"""The plan as a calendar (FullCalendar's free MIT views in our own component): month, week and list views,
platform colours, public holidays and awareness days, drag a post to another day, and a preview of the clicked
post."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ..errors import AssistantError
from . import plan_calendar, render
from .plan_calendar import platform_name

_OPTIONS = {
    "initialView": "dayGridMonth",
    "firstDay": 1,
    "timeZone": "UTC",
    "editable": True,
    "eventDurationEditable": False,
    "height": "auto",
    "dayMaxEvents": False,  # every post shown: a "+N more" pop-up would be clipped by the component frame
    "displayEventTime": True,
    "eventDisplay": "block",
    "headerToolbar": {"left": "prev,next today", "center": "title", "right": "dayGridMonth,timeGridWeek,listMonth"},
    "buttonText": {"today": "Today", "dayGridMonth": "Month", "timeGridWeek": "Week", "listMonth": "List"},
    "eventTimeFormat": {"hour": "2-digit", "minute": "2-digit", "hour12": False},
    "slotMinTime": "06:00:00",
    "slotMaxTime": "22:00:00",
    # Neither month-first nor am/pm: "Mon 7" over a week's days and 24-hour times read the same in every country.
    "slotLabelFormat": {"hour": "2-digit", "minute": "2-digit", "hour12": False},
    "views": {"timeGridWeek": {"dayHeaderFormat": {"weekday": "short", "day": "numeric"}}},
}
# Readable on a phone: smaller title and buttons; links keep the theme's text colour (AA contrast).
_CSS = """
.fc .fc-toolbar-title { font-size: 1.1rem; }
.fc .fc-button { padding: .25rem .5rem; font-size: .85rem; }
.fc .fc-button-primary { background-color: #2F6F8F; border-color: #2F6F8F; }
.fc a { color: #1F2A33; }
.fc .fc-daygrid-event { white-space: normal; font-size: .78rem; }
.fc .fc-event-time { font-weight: 600; }
.fc .fc-daygrid-block-event .fc-event-main-frame { display: block; }
@media (max-width: 500px) {
  .fc .fc-toolbar { flex-direction: column; gap: .25rem; }
  .fc .fc-daygrid-event { font-size: .68rem; }
  .fc .fc-daygrid-event .fc-event-title { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
}
"""


def calendar(plan, kb, profile, version: int) -> int | None:
    """Draw the calendar; apply a drag; return the index of the post clicked (if any)."""
    from .components.calendar import calendar as fullcalendar

    holidays, observances = plan_calendar.plan_days(plan, kb, profile.country, profile.region)
    events = plan_calendar.post_events(plan) + plan_calendar.day_events(holidays, observances)
    options = {**_OPTIONS, "initialDate": plan.start.isoformat()}
    value = fullcalendar(
        events=events,
        options=options,
        custom_css=_CSS,
        callbacks=["eventClick", "eventChange"],
        key=f"plan_calendar_{version}",
    )
    st.caption(
        "Drag a post to another day, or click it to see it as it will look; the List view shows whole titles. "
        "Holidays have no posts."
    )
    moved = plan_calendar.moved_event(value)
    if moved and st.session_state.get("calendar_done") != (version, repr(value)):
        st.session_state.calendar_done = (version, repr(value))
        index, day, time = moved
        _move(plan, index, day, time)
    return plan_calendar.clicked_post(value)


def _move(plan, index: int, day: dt.date, time: str = "") -> None:
    from .plan_view import show_plan

    try:
        new = plan_calendar.move_post(plan, index, day, time)
    except AssistantError as exc:
        st.session_state.plan_flash = ("error", str(exc))
        st.rerun()
    post = new.posts[index]
    st.session_state.plan_flash = ("ok", f"Moved “{post.topic}” to {day:%A %d %B}.")
    st.session_state.preview_post = index
    show_plan(new, st.session_state.get("plan_id"))
    st.rerun()


def flash() -> None:
    """The result of the last move or rewrite, shown once."""
    note = st.session_state.pop("plan_flash", None)
    if note:
        (st.success if note[0] == "ok" else st.error)(note[1], icon=":material/check:" if note[0] == "ok" else None)


def _label(plan, i: int) -> str:
    post = plan.posts[i]
    return f"{post.date:%a %d %b} {post.time} · {platform_name(plan, post.platform)} · {post.topic}"


def preview(plan, kb, profile, clicked: int | None) -> None:
    """The chosen post as it will look, with copy boxes, a move control and 'write another version'."""
    if not plan.posts:
        return
    options = list(range(len(plan.posts)))
    key = f"preview_pick_{st.session_state.get('plan_version', 0)}"
    if clicked is not None and clicked in options and st.session_state.get("preview_clicked") != (key, clicked):
        st.session_state.preview_clicked = (key, clicked)
        st.session_state[key] = clicked
    if st.session_state.get(key) not in options:
        st.session_state[key] = min(st.session_state.get("preview_post", 0), len(options) - 1)
    index = st.selectbox("Post to preview", options, format_func=lambda i: _label(plan, i), key=key)
    st.session_state.preview_post = index
    post = plan.posts[index]
    with st.container(border=True):
        st.markdown(
            f"**{render.safe(profile.name)}** · {platform_name(plan, post.platform)} · "
            f"{post.format_name or post.format}"
        )
        st.caption(f"{post.date:%A %d %B %Y} at {post.time}")
        if post.brief:
            st.caption(f":material/image: Image or video to make: {render.safe(post.brief)}")
        render.markdown(post.caption.replace("\n", "  \n"))
        if post.hashtags:
            st.markdown(" ".join(f":blue[{render.safe(t)}]" for t in post.hashtags))
        if post.warnings:
            render.findings(post.warnings, title="Before you post")
    st.caption("Copy the caption with its hashtags:")
    st.code("\n\n".join(x for x in (post.caption, " ".join(post.hashtags)) if x), language=None, wrap_lines=True)
    if post.alt_text:
        st.caption("Alt text for the image:")
        st.code(post.alt_text, language=None, wrap_lines=True)
    if post.script:
        with st.expander("Video script"):
            st.code(post.script, language=None, wrap_lines=True)
    _actions(plan, kb, profile, index)


def _actions(plan, kb, profile, index: int) -> None:
    post = plan.posts[index]
    end = plan.start + dt.timedelta(days=7 * plan.weeks - 1)
    cols = st.columns([2, 1, 2], vertical_alignment="bottom")
    day = cols[0].date_input(
        "Move this post to",
        value=post.date,
        min_value=plan.start,
        max_value=end,
        format="YYYY-MM-DD",
        key=f"move_day_{st.session_state.get('plan_version', 0)}_{index}",
    )
    if cols[1].button("Move", icon=":material/event_repeat:", key="move_post"):
        _move(plan, index, day)
    if cols[2].button(
        "Write another version",
        icon=":material/autorenew:",
        key="rewrite_post",
        help="A new topic and caption for this post only; the rest of the plan stays as it is.",
    ):
        _rewrite(plan, kb, profile, index)


def _rewrite(plan, kb, profile, index: int) -> None:
    from .plan_view import show_plan

    attempt = st.session_state.get("rewrite_attempt", 0) + 1
    st.session_state.rewrite_attempt = attempt
    try:
        new = plan_calendar.rewrite_post(plan, index, kb, profile, attempt)
    except AssistantError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    st.session_state.plan_flash = ("ok", f"New version: “{new.posts[index].topic}”. The rest of the plan is unchanged.")
    st.session_state.preview_post = index
    show_plan(new, st.session_state.get("plan_id"))
    st.rerun()
