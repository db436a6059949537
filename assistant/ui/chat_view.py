"""Pieces of the chat page: the conversation bar, the history, starter questions and one streamed turn."""

from __future__ import annotations

import datetime as dt
import zlib
from typing import Any

import streamlit as st

from .. import inputs
from ..errors import AssistantError, InputError, StorageError
from ..webapp import answers, conversations, profile_form
from . import render, resources, saved
from .login import current_owner
from .resources import show_error

NEW = 0


def _state_key(pid: int) -> str:
    # The conversation last open is remembered per user, so a new session never opens someone else's.
    owner = current_owner()
    return f"conversation:{pid}" if owner is None else f"{owner}:open_conversation:{pid}"


def _conversations(store, pid: int) -> list[dict[str, Any]]:
    """This profile's conversations that the current user may see (all of them when there are no logins)."""
    return store.list_conversations(pid, owner=current_owner())


def open_conversation(store, pid: int) -> int | None:
    """The conversation shown to this session: chosen here, else the one last open for this profile."""
    key = f"conversation_id:{current_owner()}:{pid}"
    if key not in st.session_state:
        last = store.get_state(_state_key(pid))
        known = {c["id"] for c in _conversations(store, pid)}
        st.session_state[key] = last if last in known else None
    return st.session_state[key]


def set_conversation(store, pid: int, conv_id: int | None) -> None:
    st.session_state[f"conversation_id:{current_owner()}:{pid}"] = conv_id
    store.set_state(_state_key(pid), conv_id)


def _label(conv: dict[str, Any]) -> str:
    # Built from fields that never change, so an open conversation keeps its label as messages are added.
    when = dt.datetime.fromtimestamp(conv["created_at"]).strftime("%d %b %H:%M")
    return f"{conv['title']} · {when} · #{conv['id']}"


def _picked(store, pid: int, key: str) -> None:
    """Selectbox callback: only a choice the user makes switches the conversation."""
    set_conversation(store, pid, st.session_state[key] or None)


def conversation_bar(store, pid: int, conv_id: int | None) -> None:
    """Pick an earlier conversation, start a new one, or export this one as Markdown; first, a question not saved."""
    offer_back(pid)  # first: a successful Try again creates the conversation this bar then lists
    messages = store.get_messages(conv_id) if conv_id else []
    convs = {c["id"]: c for c in _conversations(store, pid)}
    left, mid, right = st.columns([4, 1, 1], vertical_alignment="bottom")
    options = [NEW, *convs]
    # A new key whenever the list changes (a question moves a conversation to the top): the browser may
    # identify the choice by position, which would then point at another conversation.
    key = f"conversation_pick:{pid}:{conv_id}:{zlib.crc32(repr(options).encode())}"
    left.selectbox(
        "Conversation",
        options,
        index=options.index(conv_id) if conv_id in convs else 0,
        format_func=lambda i: _label(convs[i]) if i in convs else "New conversation",
        key=key,
        on_change=_picked,
        args=(store, pid, key),
    )
    mid.button(
        "New",
        icon=":material/add:",
        disabled=conv_id is None,
        width="stretch",
        on_click=set_conversation,
        args=(store, pid, None),
    )
    title = convs[conv_id]["title"] if conv_id in convs else "Conversation"
    right.download_button(
        "Export",
        conversations.conversation_markdown(title, messages),
        file_name="conversation.md",
        mime="text/markdown",
        icon=":material/download:",
        disabled=not messages,
        width="stretch",
        on_click="ignore",
    )


def show_message(message: dict[str, Any]) -> None:
    """One stored message with, for answers, its sources, checks and notices."""
    with st.chat_message(message["role"]):
        content = message["content"]
        if message["role"] != "assistant":
            render.markdown(content)
            return
        meta = message.get("meta") or {}
        show_answer(meta, content)


def show_answer(meta: dict[str, Any], content: str) -> None:
    """An answer from its stored parts: drafts to copy first, then the answer, its notices and sources."""
    render.drafts(meta.get("drafts") or [])
    render.markdown(meta["body"] if "body" in meta else conversations.without_sources_block(content))
    render.assistant_extras(meta)
    if meta.get("provider") and meta["provider"] != "offline":
        st.caption(f"Answered with the {meta['provider']} language model")


def save_drafts(store, pid: int, drafts: list[dict[str, Any]]) -> None:
    """Every draft an answer wrote is also kept in Saved work, searchable with the rest."""
    for d in drafts:
        data = {k: d.get(k) for k in ("title", "text", "alternatives", "notes")}
        saved.save(store, "draft", str(d.get("title") or "Draft"), data, pid, "draft")


def starters(profile, kb, box) -> str | None:
    """Suggested first questions as buttons inside `box`; returns the one clicked (if any)."""
    clicked = None
    with box.container():
        st.markdown("**Try one of these:**")
        cols = st.columns(2)
        for i, question in enumerate(profile_form.starter_questions(profile, kb)):
            if cols[i % 2].button(question, key=f"starter_{i}", width="stretch"):
                clicked = question
    return clicked


TYPED = "chat_typed"  # the chat box's key: what was just typed can be read before the page draws the box
RESCUED = "chat_rescued"  # a question typed in a run that failed before the chat page could take it
_TAKEN = "chat_taken"  # the question this run's chat page took in hand (its own faults keep it themselves)


def keep_typed_question() -> None:
    """After a fault stopped this run before the chat page drew: keep what was just typed and show it back.

    The chat box's value lives only for the run it was sent in, so a run that fails earlier (the database cannot
    even be read) would lose it. It is kept in the session and offered back by the chat page once the fault is
    fixed; Try again runs the page again without reloading (a reload starts a new session).
    """
    typed = st.session_state.get(TYPED)
    if isinstance(typed, str) and typed.strip() and st.session_state.get(_TAKEN) != typed:
        st.session_state[RESCUED] = {"owner": current_owner(), "question": typed}
    kept = st.session_state.get(RESCUED)
    if not isinstance(kept, dict):
        return
    with st.container(border=True):
        st.warning("Your question is kept on this page", icon=":material/edit_note:")
        st.code(kept["question"], language=None, wrap_lines=True)
        st.caption("It will be offered back in the chat once this is fixed.")
        st.button("Try again", icon=":material/refresh:", key="retry_page", type="primary")


def adopt_kept_question(pid: int, profile, conv_id: int | None) -> None:
    """A question kept by `keep_typed_question` joins this page's unsaved question, to be offered back."""
    st.session_state.pop(_TAKEN, None)
    kept = st.session_state.get(RESCUED)
    if not isinstance(kept, dict) or kept.get("owner") != current_owner():
        st.session_state.pop(RESCUED, None)  # typed by someone who has since logged out: not theirs to see
    elif pending_question(pid) is None:  # one question offered back at a time; the next waits its turn
        _keep(pid, kept["question"], profile, conv_id, question_saved=False)
        st.session_state.pop(RESCUED, None)


def _pending_key(pid: int) -> str:
    return f"unsaved_question:{current_owner()}:{pid}"


def pending_question(pid: int) -> dict[str, Any] | None:
    """The question this session typed whose save (or whose answer's save) failed, kept to be offered back."""
    pending = st.session_state.get(_pending_key(pid))
    return pending if isinstance(pending, dict) else None


def _keep(pid: int, question: str, profile, conv_id: int | None, question_saved: bool) -> None:
    st.session_state[_pending_key(pid)] = {
        "question": question,
        "profile": profile,
        "conv_id": conv_id,
        "question_saved": question_saved,
    }


def _forget(pid: int) -> None:
    st.session_state.pop(_pending_key(pid), None)


def answer_turn(svc, engine, profile, pid: int, conv_id: int | None, question: str, history: list[dict]) -> None:
    """Save the question, stream the answer into the page, then save the answer with its sources."""
    st.session_state[_TAKEN] = question
    try:
        question = inputs.check_length(question, svc.settings.max_input_chars, "question")
    except InputError as exc:
        st.error(str(exc), icon=":material/block:")
        return
    _run_turn(svc, engine, profile, pid, conv_id, question, history, question_saved=False)


def _run_turn(
    svc, engine, profile, pid: int, conv_id: int | None, question: str, history: list[dict], question_saved: bool
) -> bool:
    """One question and its answer; True when both were saved. A storage fault keeps the question in the session."""
    masked = conversations.masked_for_storage(question, profile)  # patient data never reaches the database
    if not question_saved:
        try:
            if conv_id is None:
                conv_id = svc.store.create_conversation(
                    pid, conversations.conversation_title(masked), owner=current_owner()
                )
                set_conversation(svc.store, pid, conv_id)
            svc.store.add_message(conv_id, "user", masked)  # saved before the engine runs: never lost
        except StorageError as exc:
            _keep(pid, question, profile, conv_id, question_saved=False)
            show_message({"role": "user", "content": masked})
            st.error(
                f"Your question was not saved. {exc} Your question is kept on this page: use Try again "
                "once this is fixed.",
                icon=":material/database:",
            )
            return False
    show_message({"role": "user", "content": masked})
    with st.chat_message("assistant"):
        slot = st.empty()
        try:
            stream = engine.stream(question, profile, conversations.history_for_engine(history))
            with slot.container():
                st.write_stream(conversations.neutralize_images(stream))
            answer = stream.result
        except AssistantError as exc:
            _forget(pid)  # the question itself is saved in the conversation
            slot.error(f"{exc}. Your question is saved; try again.", icon=":material/error:")
            return False
        except Exception as exc:  # noqa: BLE001 - the page must survive; details go to the server log
            _forget(pid)
            show_error(exc)
            return False
        meta = answers.answer_meta(answer, svc.kb)
        with slot.container():
            show_answer(meta, answer.text)
        try:
            svc.store.add_message(conv_id, "assistant", answer.text, meta)
        except StorageError as exc:
            _keep(pid, question, profile, conv_id, question_saved=True)
            st.error(
                f"This answer was not saved (your question was). {exc} Use Try again to ask once more when "
                "this is fixed.",
                icon=":material/database:",
            )
            return False
        _forget(pid)
        try:
            save_drafts(svc.store, pid, meta.get("drafts") or [])
        except StorageError as exc:
            st.error(
                f"The answer is saved, but its drafts were not added to Saved work. {exc}", icon=":material/database:"
            )
    return True


def offer_back(pid: int) -> None:
    """The question whose save failed, shown with Try again (which asks it again) and Discard."""
    pending = pending_question(pid)
    if pending is None:
        return
    svc = resources.services()
    engine, _ = resources.chat_engine(svc)
    with st.container(border=True):
        st.warning("Your question was not saved", icon=":material/edit_note:")
        st.code(pending["question"], language=None, wrap_lines=True)
        left, right = st.columns(2)
        again = left.button(
            "Try again", icon=":material/refresh:", key=f"retry_question:{pid}", type="primary", width="stretch"
        )
        right.button(
            "Discard",
            icon=":material/delete:",
            key=f"discard_question:{pid}",
            width="stretch",
            on_click=_forget,
            args=(pid,),
        )
        if not again:
            return
        conv_id = pending["conv_id"]
        history = svc.store.get_messages(conv_id) if conv_id else []
        if pending["question_saved"] and history and history[-1]["role"] == "user":
            history = history[:-1]  # the saved question itself; the engine is given it separately
        if _run_turn(
            svc,
            engine,
            pending["profile"],
            pid,
            conv_id,
            pending["question"],
            history,
            question_saved=pending["question_saved"],
        ):
            st.rerun()  # draw the conversation again with the question and its answer in their places
