"""Pieces of the plan page: inputs, the editable table, week view, mix chart, checks, downloads, saving."""
from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from .. import plan_rows
from ..errors import AssistantError
from . import render

_LOCKED = [c for c in plan_rows.COLUMNS if c not in plan_rows.EDITABLE]


def _next_monday(today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    return today + dt.timedelta(days=7 - today.weekday())


def _show_plan(plan, plan_id: int | None) -> None:
    """Make `plan` the one on the page, with a fresh editor (edits are kept relative to this base)."""
    st.session_state.plan, st.session_state.plan_id = plan, plan_id
    st.session_state.plan_version = st.session_state.get("plan_version", 0) + 1


def inputs(kb, profile) -> dict | None:
    """The calendar's inputs; returns them when 'Generate' was pressed."""
    with st.form("plan_inputs"):
        platforms = st.multiselect("Platforms", list(kb.platforms), default=profile.platforms or ["instagram"],
                                   format_func=lambda p: kb.platforms[p].name, key="plan_platforms")
        cols = st.columns(4)
        start = cols[0].date_input("Start date", value=_next_monday(), format="YYYY-MM-DD")
        weeks = cols[1].number_input("Weeks", 1, 52, 4, help="1 to 52")
        per_week = cols[2].number_input("Posts per week (all platforms)", 1, 21, 3, help="1 to 21")
        seed = cols[3].number_input("Variation", 0, 9999, 0, help="Change it for another plan from the same inputs")
        if not st.form_submit_button("Generate plan", type="primary", icon=":material/event_note:"):
            return None
    return {"platforms": platforms, "start": start, "weeks": int(weeks), "posts_per_week": int(per_week),
            "seed": int(seed)}


def generate(kb, profile, params: dict) -> None:
    """Plan the calendar and put it on the page, or show why it cannot be planned."""
    from ..planners.calendar import plan_calendar
    try:
        plan = plan_calendar(kb, profile, params["platforms"], params["start"], params["weeks"],
                             params["posts_per_week"], seed=params["seed"])
    except AssistantError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    _show_plan(plan, None)


def editor(plan, kb):
    """The plan as an editable table; returns the plan with the edits applied (or the last valid one)."""
    df = pd.DataFrame(plan_rows.plan_rows(plan), columns=plan_rows.COLUMNS)
    df["date"] = pd.to_datetime(df["date"]).dt.date
    config = {"platform": "Platform", "pillar": "Pillar", "format": "Format", "awareness": "Awareness day",
              "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD", required=True),
              "time": st.column_config.TextColumn("Time", validate=r"^([01]\d|2[0-3]):[0-5]\d$", required=True),
              "topic": st.column_config.TextColumn("Topic", width="medium"),
              "caption": st.column_config.TextColumn("Caption", width="large", required=True),
              "hashtags": st.column_config.TextColumn("Hashtags", width="medium"),
              "checks": st.column_config.TextColumn("Checks", help="Rules the content checker flagged")}
    st.caption(f"{len(plan.posts)} posts · times are local ({plan.timezone}) · edit dates, times, topics, "
               "captions and hashtags in the table; edited captions are checked again.")
    edited = st.data_editor(df, key=f"plan_editor_{st.session_state.get('plan_version', 0)}", hide_index=True,
                            disabled=_LOCKED, column_config=config, num_rows="fixed")
    try:
        return plan_rows.apply_rows(plan, edited.to_dict("records"), kb)
    except AssistantError as exc:
        st.error(f"{exc}. The downloads use the last valid version.", icon=":material/error:")
        return plan


def notes(plan) -> None:
    for note in plan.notes:
        st.info(render.safe(note), icon=":material/tips_and_updates:")


def week_view(plan, kb) -> None:
    """Seven columns, Monday first, with the week's posts as cards."""
    week = st.number_input("Week", 1, plan.weeks, 1, key="plan_week") if plan.weeks > 1 else 1
    for column, (day, posts) in zip(st.columns(7), plan_rows.week_days(plan, int(week)), strict=False):
        with column:
            st.markdown(f"**{day:%a %d %b}**")
            for post in posts:
                with st.container(border=True):
                    name = kb.platforms[post.platform].name if post.platform in kb.platforms else post.platform
                    st.caption(f"{post.time} · {name} · {post.format_name or post.format}")
                    render.markdown(post.topic)
                    if post.awareness:
                        st.caption(f":material/event: {post.awareness.get('name', '')}")
                    if post.warnings:
                        st.caption(f":material/warning: {plan_rows.checks_label(post.warnings)}")


def mix_chart(plan) -> None:
    """Bars of posts by pillar and by format, coloured by platform."""
    data = pd.DataFrame(plan_rows.mix_rows(plan))
    if data.empty:
        return
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("sum(posts):Q", title="Posts"), y=alt.Y("value:N", title=None, sort="-x"),
        color=alt.Color("platform:N", title="Platform"), tooltip=["value", "platform", "posts"],
    ).properties(width=520).facet(row=alt.Row("dimension:N", title=None)).resolve_scale(y="independent")
    st.altair_chart(chart)


def checks(plan) -> None:
    """Findings per post, for the rows whose caption the checker flagged."""
    flagged = [(i, p) for i, p in enumerate(plan.posts, start=1) if p.warnings]
    if not flagged:
        st.success("No compliance findings in the captions.")
        return
    for i, post in flagged:
        with st.expander(f"Row {i}: {post.date} {plan.platform_names.get(post.platform, post.platform)} — "
                         f"{plan_rows.checks_label(post.warnings)}"):
            render.findings(post.warnings, title="Findings")


def _buttons(label: str, files: dict[str, str], prefix: str, names: dict[str, str]) -> None:
    for name, text in files.items():
        platform, _, part = name.partition("-")  # "instagram" or "instagram-2" when split in parts
        shown = names.get(platform, platform) + (f" (part {part})" if part else "")
        st.download_button(f"{label} · {shown}", text.encode("utf-8"), file_name=f"{prefix}-{name}.csv",
                           mime="text/csv", on_click="ignore", icon=":material/download:", key=f"dl_{prefix}_{name}")
    if len(files) > 1:
        archive = plan_rows.zip_files({f"{prefix}-{n}.csv": t for n, t in files.items()})
        st.download_button(f"{label} · all ({len(files)} files, .zip)", archive, file_name=f"{prefix}.zip",
                           mime="application/zip", on_click="ignore", icon=":material/folder_zip:",
                           key=f"dl_{prefix}_zip")


def downloads(plan, kb, country: str = "") -> None:
    """Download buttons for every export format; scheduler files are one per platform."""
    from .. import exports
    st.subheader("Download")
    plan, limit_notes = exports.fit_to_limits(plan, kb)
    if limit_notes:
        st.warning("Some posts were over a platform's limits; the downloads carry these changes:\n\n"
                   + "\n".join(f"- {n}" for n in limit_notes), icon=":material/rule:")
    order = st.radio("Hootsuite date order", ["DD/MM/YYYY", "MM/DD/YYYY"], horizontal=True, key="hootsuite_order",
                     index=1 if country.upper() in ("US", "CA", "") else 0,
                     help="Hootsuite reads the date in the order your account is set to: pick the same one.")
    try:
        hootsuite, buffer = exports.to_hootsuite(plan, date_format=order), exports.to_buffer(plan)
        others = {"csv": exports.to_csv(plan), "ics": exports.to_ics(plan), "md": exports.to_markdown(plan)}
    except AssistantError as exc:
        st.error(str(exc))
        return
    names = {p.id: p.name for p in kb.platforms.values()}
    left, right, rest = st.columns(3)
    with left:
        st.caption(f"Hootsuite bulk composer (no header, one file per social profile; dates as {order})")
        _buttons("Hootsuite CSV", hootsuite, "hootsuite", names)
    with right:
        st.caption("Buffer bulk upload (one file per channel)")
        _buttons("Buffer CSV", buffer, "buffer", names)
    with rest:
        st.caption("Spreadsheet, calendar and document")
        for ext, label, mime in (("csv", "Plan CSV", "text/csv"), ("ics", "Calendar (.ics)", "text/calendar"),
                                 ("md", "Markdown", "text/markdown")):
            st.download_button(label, others[ext].encode("utf-8"), file_name=f"plan.{ext}", mime=mime,
                               on_click="ignore", icon=":material/download:", key=f"dl_{ext}")
    for note in list(hootsuite.notes) + [n for n in buffer.notes if n not in hootsuite.notes]:
        st.warning(note)


def save_box(store, pid: int, profile, plan) -> None:
    """Save the plan (with edits) under a title; saving again updates the same saved plan."""
    plan_id = st.session_state.get("plan_id")
    flash = st.session_state.pop("plan_flash", None)
    if flash:
        st.success(flash, icon=":material/check:")
    with st.form("plan_save"):
        title = st.text_input("Plan title", value=plan_rows.plan_title(plan, profile.name), max_chars=200)
        cols = st.columns(2)
        update = cols[0].form_submit_button("Save" if plan_id is None else "Save changes", type="primary",
                                            icon=":material/save:")
        copy = cols[1].form_submit_button("Save as a new plan", disabled=plan_id is None)
    if update or copy:
        params, posts = plan_rows.plan_to_saved(plan)
        saved_id = store.save_plan(pid, title.strip() or "Plan", params, posts, plan_id=None if copy else plan_id)
        _show_plan(plan, saved_id)
        st.session_state.plan_flash = "Saved. Reopen it any time from “Saved plans” at the top of this page."
        st.rerun()


def saved_plans(store, pid: int) -> None:
    """Reopen a saved plan to view, edit or download it again."""
    plans = {p["id"]: p for p in store.list_plans(pid)}
    if not plans:
        return
    with st.expander(f"Saved plans ({len(plans)})"):
        chosen = st.selectbox("Saved plan", list(plans), format_func=lambda i: plans[i]["title"], key="plan_pick")
        if st.button("Open", icon=":material/folder_open:"):
            try:
                _show_plan(plan_rows.plan_from_saved(store.get_plan(chosen)), chosen)
            except Exception as exc:  # noqa: BLE001 - an unreadable saved plan is reported, others stay usable
                st.error(f"This saved plan cannot be opened ({type(exc).__name__}); generate a new one.")
