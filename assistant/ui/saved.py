"""Saved work other than plans (hashtag and video ideas, chat drafts, review replies): autosave, the "Saved"
state, restoring a page's last work after a reload, and discarding that asks first."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import streamlit as st

KIND_NAMES = {"ideas": "Ideas", "draft": "Chat draft", "reply": "Review reply"}


def owner() -> str | None:
    """The signed-in user (None while the app runs without logins): the same user the conversations follow."""
    from .login import current_owner

    return current_owner()


def state_key(name: str) -> str:
    """A per-user key for Store.set_state / get_state."""
    return f"{owner() or ''}:{name}"


def badge(saved_at: float) -> None:
    """The visible saved state, shown only after the store confirmed the write."""
    st.caption(f":material/cloud_done: Saved · {dt.datetime.fromtimestamp(saved_at):%H:%M:%S}")


def save(store, kind: str, title: str, data: dict[str, Any], pid: int | None, slot: str) -> int:
    """Save this page's work (a new item, or the page's current one again) and remember it for a reload."""
    key = state_key(f"{slot}:{pid}")
    item_id = store.save_item(kind, title, data, profile_id=pid, owner=owner(), item_id=None)
    store.set_state(key, item_id)
    st.session_state[f"saved_at:{slot}"] = time.time()
    return item_id


def last(store, pid: int | None, slot: str) -> dict[str, Any] | None:
    """The item this page showed last for this profile (None when there is none or it was discarded)."""
    item_id = store.get_state(state_key(f"{slot}:{pid}"))
    return store.get_item(item_id) if item_id is not None else None


def saved_badge(slot: str) -> None:
    when = st.session_state.get(f"saved_at:{slot}")
    if when:
        badge(when)


def forget(store, pid: int | None, slot: str) -> None:
    """The page starts empty next time (the item stays in Saved work)."""
    store.set_state(state_key(f"{slot}:{pid}"), None)
    st.session_state.pop(f"saved_at:{slot}", None)


@st.dialog("Discard this?")
def confirm(message: str, action: Callable[[], None]) -> None:
    """Ask before anything is thrown away."""
    st.write(message)
    left, right = st.columns(2)
    if left.button("Discard", type="primary", key="confirm_discard"):
        action()
        st.rerun()
    if right.button("Keep it", key="confirm_keep"):
        st.rerun()


def discard(store, pid: int | None, slot: str, item: dict[str, Any]) -> None:
    """'Discard' asks first, then removes the item from Saved work and from the page."""

    def drop() -> None:
        store.delete_item(item["id"])
        forget(store, pid, slot)

    if st.button("Discard", key=f"discard_{slot}", icon=":material/delete:", type="tertiary"):
        confirm("This removes it from Saved work; it cannot be brought back.", drop)
