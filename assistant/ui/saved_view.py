"""The Saved work page: every plan, idea, chat draft and review reply, searchable, to reopen, copy or delete."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import streamlit as st

from . import ideas_view, plan_view, render, reviews_view, saved


def _when(stamp: float) -> str:
    return f"{dt.datetime.fromtimestamp(stamp):%d %b %Y %H:%M}"


def plans(store, pid: int, query: str) -> None:
    """Saved plans whose title matches; 'Open' takes the plan to the plan page."""
    rows = [p for p in store.list_plans(pid) if query.lower() in p["title"].lower()]
    st.subheader(f"Plans ({len(rows)})")
    for row in rows:
        cols = st.columns([5, 1], vertical_alignment="center")
        cols[0].markdown(f"{render.safe(row['title'])}  \n:gray[saved {_when(row['updated_at'])}]")
        if cols[1].button("Open", key=f"open_plan_{row['id']}", icon=":material/folder_open:"):
            plan_view.open_saved(store, row["id"])
            st.switch_page("assistant/ui/pages/plan.py")


def items(svc, pid: int, query: str) -> None:
    """Ideas, drafts and replies matching the search, newest first."""
    rows = svc.store.list_items(profile_id=pid, owner=saved.owner(), query=query or None)
    st.subheader(f"Ideas, drafts and replies ({len(rows)})")
    if not rows:
        st.caption(
            "Nothing matches." if query else "Ideas, chat drafts and review replies appear here as you make them."
        )
    for row in rows:
        label = f"{saved.KIND_NAMES.get(row['kind'], row['kind'])} · {row['title']} · {_when(row['updated_at'])}"
        with st.expander(label):
            item = svc.store.get_item(row["id"])
            if item is not None:
                show(svc, item)
                if st.button("Delete", key=f"delete_item_{row['id']}", icon=":material/delete:", type="tertiary"):
                    saved.confirm(
                        "This removes it from Saved work; it cannot be brought back.",
                        functools.partial(svc.store.delete_item, row["id"]),
                    )


def show(svc, item: dict[str, Any]) -> None:
    data = item["data"]
    if item["kind"] == "reply":
        reviews_view.show_reply(data)
    elif data.get("type") == "hashtags":
        ideas_view.show_hashtags(data)
    elif data.get("type") == "videos":
        ideas_view.show_videos(svc, data, None)
    else:
        render.drafts([data])
