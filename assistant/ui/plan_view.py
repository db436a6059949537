"""Pieces of the plan page: inputs, autosave, the editable table, mix chart, checks and downloads.

The calendar and the post preview are in `calendar_view.py`. A plan is saved the moment it is made and
after every change; the page reopens the last plan, so a reload loses nothing.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd
import streamlit as st

from .. import plan_rows
from ..errors import AssistantError
from . import render, saved
from .plan_calendar import platform_name

if TYPE_CHECKING:
    from ..exports import ExportFormat
    from ..planners.calendar import Plan, Post

_LOCKED = [c for c in plan_rows.COLUMNS if c not in plan_rows.EDITABLE]


def _next_monday(today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    return today + dt.timedelta(days=7 - today.weekday())


def show_plan(plan, plan_id: int | None) -> None:
    """Make `plan` the one on the page, with a fresh editor (edits are kept relative to this base)."""
    st.session_state.plan, st.session_state.plan_id = plan, plan_id
    st.session_state.plan_version = st.session_state.get("plan_version", 0) + 1


def _last_key(pid: int) -> str:
    return saved.state_key(f"last_plan:{pid}")


def restore_last(store, pid: int) -> None:
    """Reopen the plan last worked on for this profile, once per browser session."""
    if st.session_state.get("plan_restored") == pid:
        return
    st.session_state.plan_restored = pid
    last = store.get_state(_last_key(pid))
    if last is None or store.get_plan(last) is None or st.session_state.get("plan") is not None:
        return
    try:
        show_plan(plan_rows.plan_from_saved(store.get_plan(last)), last)
    except Exception:  # noqa: BLE001 - an unreadable saved plan: start from the inputs instead
        st.session_state.plan = None


def inputs(kb, profile, expanded: bool) -> dict | None:
    """The calendar's inputs; returns them when 'Generate' was pressed."""
    with st.expander("Make a new plan", expanded=expanded, icon=":material/event_note:"), st.form("plan_inputs"):
        platforms = st.multiselect(
            "Platforms",
            list(kb.platforms),
            default=profile.platforms or ["instagram"],
            format_func=lambda p: kb.platforms[p].name,
            key="plan_platforms",
        )
        cols = st.columns(3)
        start = cols[0].date_input("Start date", value=_next_monday(), format="YYYY-MM-DD")
        weeks = cols[1].number_input("Weeks", 1, 52, 8, help="1 to 52")
        per_week = cols[2].number_input("Posts per week (all platforms)", 1, 21, 3, help="1 to 21")
        seed = 0
        if not st.form_submit_button("Generate plan", type="primary", icon=":material/event_note:"):
            return None
    return {"platforms": platforms, "start": start, "weeks": int(weeks), "posts_per_week": int(per_week), "seed": seed}


def generate(store, kb, profile, pid: int, params: dict) -> None:
    """Plan the calendar, save it at once and put it on the page, or show why it cannot be planned."""
    from ..planners.calendar import plan_calendar

    try:
        plan = plan_calendar(
            kb,
            profile,
            params["platforms"],
            params["start"],
            params["weeks"],
            params["posts_per_week"],
            seed=params["seed"],
        )
    except AssistantError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    title = plan_title(plan, profile.name)
    plan_id = autosave(store, pid, plan, title, None)
    show_plan(plan, plan_id)


def plan_title(plan, clinic: str) -> str:
    """'My clinic: Instagram, Facebook 03 May – 27 Jun 2027' in plain words."""
    end = plan.start + dt.timedelta(days=7 * plan.weeks - 1)
    names = ", ".join(platform_name(plan, p) for p in plan.platforms)
    return f"{clinic}: {names} {plan.start:%d %b} – {end:%d %b %Y}"


def autosave(store, pid: int, plan, title: str, plan_id: int | None) -> int:
    """Save the plan (insert or update) and remember it as the last one; records what was saved and when."""
    params, posts = plan_rows.plan_to_saved(plan)
    plan_id = store.save_plan(pid, title.strip() or "Plan", params, posts, plan_id=plan_id)
    store.set_state(_last_key(pid), plan_id)
    st.session_state.plan_saved = (plan_id, title, repr(posts), time.time())
    return plan_id


def keep_saved(store, pid: int, plan, title: str) -> None:
    """Autosave: save when the plan or its title differs from what was last saved; show the saved state."""
    plan_id = st.session_state.get("plan_id")
    last = st.session_state.get("plan_saved")
    _, posts = plan_rows.plan_to_saved(plan)
    if last is None or last[0] != plan_id or last[1] != title or last[2] != repr(posts):
        try:
            plan_id = autosave(store, pid, plan, title, plan_id)
            st.session_state.plan_id = plan_id
        except Exception as exc:  # noqa: BLE001 - the page says it is not saved rather than claiming it is
            st.warning(
                f"Not saved yet ({type(exc).__name__}); your changes stay on this page. Try again.",
                icon=":material/cloud_off:",
            )
            return
    saved.badge(st.session_state.plan_saved[3])


def editor(plan, kb):
    """The plan as an editable table; returns the plan with the edits applied (or the last valid one)."""
    df = pd.DataFrame(plan_rows.plan_rows(plan), columns=plan_rows.COLUMNS)
    df["date"] = pd.to_datetime(df["date"]).dt.date
    df["platform"] = [platform_name(plan, p) for p in df["platform"]]
    config: dict[str, Any] = {
        "platform": "Platform",
        "pillar": "Theme",
        "format": "Format",
        "awareness": "Awareness day",
        "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD", required=True),
        "time": st.column_config.TextColumn("Time", validate=r"^([01]\d|2[0-3]):[0-5]\d$", required=True),
        "topic": st.column_config.TextColumn("Topic", width="medium"),
        "caption": st.column_config.TextColumn("Caption", width="large", required=True),
        "hashtags": st.column_config.TextColumn("Hashtags", width="medium"),
        "checks": st.column_config.TextColumn("Checks", help="What the content checker flagged"),
    }
    st.caption(
        f"{len(plan.posts)} posts · times are local ({plan.timezone}) · edit dates, times, topics, "
        "captions and hashtags here; edited captions are checked again. Every change is saved."
    )
    edited = st.data_editor(
        df,
        key=f"plan_editor_{st.session_state.get('plan_version', 0)}",
        hide_index=True,
        disabled=_LOCKED,
        column_config=config,
        num_rows="fixed",
    )
    try:
        return plan_rows.apply_rows(plan, [{str(k): v for k, v in r.items()} for r in edited.to_dict("records")], kb)
    except AssistantError as exc:
        st.error(f"{exc}. The saved plan and the downloads keep the last valid version.", icon=":material/error:")
        return plan


def notes(plan) -> None:
    """The plan's notes as one summary notice."""
    if plan.notes:
        st.info(
            "**About this plan**\n\n" + "\n".join(f"- {render.safe(n)}" for n in plan.notes),
            icon=":material/tips_and_updates:",
        )


def mix_chart(plan) -> None:
    """Bars of posts by theme and by format, coloured by platform."""
    data = pd.DataFrame(plan_rows.mix_rows(plan))
    if data.empty:
        return
    data["platform"] = [platform_name(plan, p) for p in data["platform"]]
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("sum(posts):Q", title="Posts"),
            y=alt.Y("value:N", title=None, sort="-x"),
            color=alt.Color("platform:N", title="Platform"),
            tooltip=["value", "platform", "posts"],
        )
        .properties(width=520)
        .facet(row=alt.Row("dimension:N", title=None))
        .resolve_scale(y="independent")
    )
    st.altair_chart(chart)


def flagged(plan: Plan) -> list[tuple[int, Post]]:
    """(row number, post) for every post the checker flagged."""
    return [(i, p) for i, p in enumerate(plan.posts, start=1) if p.warnings]


def checks(plan) -> None:
    """Findings per post, for the rows whose caption the checker flagged."""
    rows = flagged(plan)
    if not rows:
        st.success("No compliance findings in the captions.")
        return
    for i, post in rows:
        with st.expander(
            f"Row {i}: {post.date:%a %d %b} {platform_name(plan, post.platform)} — "
            f"{plan_rows.checks_label(post.warnings)}"
        ):
            render.findings(post.warnings, title="Findings")


def _buttons(fmt: ExportFormat, files: dict[str, str], names: dict[str, str], disabled: bool) -> None:
    """One download per platform file of a scheduler format, plus a .zip of them all when there are several."""
    label, prefix = fmt.label or fmt.name, fmt.name
    for name, text in files.items():
        platform, _, part = name.partition("-")  # "instagram" or "instagram-2" when split in parts
        shown = names.get(platform, platform) + (f" (part {part})" if part else "")
        st.download_button(
            f"{label} · {shown}",
            text.encode("utf-8"),
            file_name=fmt.file_name(f"{prefix}-{name}"),
            mime=fmt.media_type,
            on_click="ignore",
            icon=":material/download:",
            key=f"dl_{prefix}_{name}",
            disabled=disabled,
        )
    if len(files) > 1:
        archive = plan_rows.zip_files({fmt.file_name(f"{prefix}-{n}"): t for n, t in files.items()})
        st.download_button(
            f"{label} · all ({len(files)} files, .zip)",
            archive,
            file_name=f"{prefix}.zip",
            mime="application/zip",
            on_click="ignore",
            icon=":material/folder_zip:",
            key=f"dl_{prefix}_zip",
            disabled=disabled,
        )


def _export_allowed(plan) -> bool:
    """Exporting a plan with unresolved findings asks first."""
    rows = flagged(plan)
    if not rows:
        return True
    st.warning(
        f"{len(rows)} post{'s' if len(rows) > 1 else ''} still "
        f"{'have' if len(rows) > 1 else 'has'} something to fix (see “Checks” above). Fix the caption in the "
        "table, or confirm to download as it is.",
        icon=":material/rule:",
    )
    return st.checkbox("I have read the checks; download anyway", key="export_anyway")


def downloads(plan, kb, country: str = "") -> None:
    """Download buttons for every export format; scheduler files are one per platform."""
    from .. import exports

    st.subheader("Download")
    allowed = _export_allowed(plan)
    plan, limit_notes = exports.fit_to_limits(plan, kb)
    if limit_notes:
        st.warning(
            "Some posts were over a platform's limits; the downloads carry these changes:\n\n"
            + "\n".join(f"- {n}" for n in limit_notes),
            icon=":material/rule:",
        )
    order = st.radio(
        "Hootsuite date order",
        ["DD/MM/YYYY", "MM/DD/YYYY"],
        horizontal=True,
        key="hootsuite_order",
        index=1 if country.upper() in ("US", "CA", "") else 0,
        help="Hootsuite reads the date in the order your account is set to: pick the same one.",
    )
    try:
        hootsuite, buffer = exports.to_hootsuite(plan, date_format=order), exports.to_buffer(plan)
        singles = [(fmt, fmt.render(plan)) for fmt in exports.export_formats(per_platform=False)]
    except AssistantError as exc:
        st.error(str(exc))
        return
    names = {p.id: p.name for p in kb.platforms.values()}
    left, right, rest = st.columns(3)
    with left:
        st.caption(f"Hootsuite bulk composer (one file per social profile; dates as {order})")
        _buttons(exports.FORMATS["hootsuite"], hootsuite, names, not allowed)
    with right:
        st.caption("Buffer bulk upload (one file per channel)")
        _buttons(exports.FORMATS["buffer"], buffer, names, not allowed)
    with rest:
        st.caption("Spreadsheet, calendar and document")
        for fmt, text in singles:  # every single-file format in the registry (exports.FORMATS)
            st.download_button(
                fmt.label or fmt.name,
                text.encode("utf-8"),
                file_name=fmt.file_name("plan"),
                mime=fmt.media_type,
                on_click="ignore",
                icon=":material/download:",
                key=f"dl_{fmt.name}",
                disabled=not allowed,
            )
    for note in list(hootsuite.notes) + [n for n in buffer.notes if n not in hootsuite.notes]:
        st.warning(note)


def title_box(plan, profile) -> str:
    """The plan's title, editable; saved with the plan."""
    plan_id = st.session_state.get("plan_id")
    key = f"plan_title_{plan_id}"
    if key not in st.session_state:
        last = st.session_state.get("plan_saved")
        st.session_state[key] = last[1] if last and last[0] == plan_id else plan_title(plan, profile.name)
    return st.text_input("Plan title", key=key, max_chars=200)


def saved_plans(store, pid: int) -> None:
    """Reopen a saved plan to view, edit or download it again."""
    plans = {p["id"]: p for p in store.list_plans(pid)}
    if len(plans) < 2 and st.session_state.get("plan_id") in plans:
        return
    if not plans:
        return
    with st.expander(f"Saved plans ({len(plans)})", icon=":material/folder_open:"):
        chosen = st.selectbox("Saved plan", list(plans), format_func=lambda i: plans[i]["title"], key="plan_pick")
        if st.button("Open", icon=":material/folder_open:"):
            open_saved(store, chosen)


def open_saved(store, plan_id: int) -> None:
    """Put a saved plan on the page (and remember it as the last one)."""
    try:
        row = store.get_plan(plan_id)
        plan = plan_rows.plan_from_saved(row)
    except Exception as exc:  # noqa: BLE001 - an unreadable saved plan is reported, others stay usable
        st.error(f"This saved plan cannot be opened ({type(exc).__name__}); generate a new one.")
        return
    params, posts = plan_rows.plan_to_saved(plan)
    st.session_state.plan_saved = (plan_id, row["title"], repr(posts), row["updated_at"])
    st.session_state.pop(f"plan_title_{plan_id}", None)
    if row.get("profile_id") is not None:
        store.set_state(_last_key(row["profile_id"]), plan_id)
    show_plan(plan, plan_id)
