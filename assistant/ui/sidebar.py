"""The clinic profile in the sidebar: choose, edit, validate and save; the last choice is restored."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ..errors import AssistantError
from ..profile import ClinicProfile
from ..webapp import profile_form
from . import render

NEW = -1
PRACTICE_TYPES = {"solo": "Solo practice", "group": "Group practice", "hospital_department": "Hospital department"}
_TEXT_FIELDS = (
    "name",
    "specialty_text",
    "country",
    "region",
    "city",
    "timezone",
    "audiences",
    "goals",
    "tone",
    "languages",
    "address",
    "staff",
)


def _field(pid: int, name: str) -> str:
    return f"profile_{pid}_{name}"


def _load(row: dict[str, Any] | None) -> ClinicProfile:
    if row is None:
        return ClinicProfile(name="New clinic")
    try:
        return ClinicProfile(**row["data"])
    except Exception:  # noqa: BLE001 - an old or hand-edited row: start from defaults rather than fail
        return ClinicProfile(name=row["name"])


def _form_values(pid: int) -> dict[str, Any]:
    state = st.session_state
    values = {name: state.get(_field(pid, name), "") for name in _TEXT_FIELDS}
    values.update(
        specialty=state.get(_field(pid, "specialty")),
        practice_type=state.get(_field(pid, "practice")),
        platforms=list(state.get(_field(pid, "platforms")) or []),
        hours_per_week=state.get(_field(pid, "hours")),
    )
    return values


def _fill(pid: int, profile: ClinicProfile) -> None:
    """Put a profile's values into its form's widget state (after a save: normalized values show)."""
    state = st.session_state
    for name in ("name", "country", "region", "city", "timezone", "tone", "address"):
        state[_field(pid, name)] = getattr(profile, name)
    for name in ("audiences", "goals", "languages", "staff"):
        state[_field(pid, name)] = ", ".join(getattr(profile, name))
    state[_field(pid, "specialty")], state[_field(pid, "specialty_text")] = profile.specialty, ""
    state[_field(pid, "practice")], state[_field(pid, "platforms")] = profile.practice_type, profile.platforms
    state[_field(pid, "hours")] = float(profile.hours_per_week)


def _save(svc, pid: int, previous: ClinicProfile) -> None:
    """Form callback: validate, save, select the saved profile; errors are kept to show in the form."""
    st.session_state.pop("profile_error", None)
    try:
        profile = profile_form.profile_from_form(_form_values(pid), svc.kb, previous)
        new_id = svc.store.save_profile(profile.name, profile.model_dump())
    except AssistantError as exc:
        st.session_state["profile_error"] = (pid, str(exc))
        return
    if pid != NEW and new_id != pid:
        _renamed(svc.store, pid, profile.name)
    for key in [k for k in st.session_state if str(k).startswith(f"profile_{NEW}_")]:
        del st.session_state[key]  # the "new profile" form starts empty next time
    _fill(new_id, profile)
    svc.store.set_state("profile_id", new_id)
    st.session_state.profile_id = new_id
    st.session_state.profile_select = new_id
    st.session_state["profile_saved"] = profile.name


def _renamed(store, old_id: int, new_name: str) -> None:
    """A profile saved under a new name: drop the old one if no work hangs on it, else keep both."""
    if store.list_conversations(old_id) or store.list_plans(old_id):
        st.session_state["profile_note"] = (
            f"Saved as a new profile “{new_name}”; the previous one keeps its conversations and plans."
        )
    else:
        store.delete_profile(old_id)


def _select(svc) -> None:
    chosen = st.session_state.profile_select
    if chosen != NEW:
        st.session_state.profile_id = chosen
        svc.store.set_state("profile_id", chosen)


def _delete(svc, pid: int) -> None:
    svc.store.delete_profile(pid)
    st.session_state.pop("profile_id", None)
    st.session_state.pop("profile_select", None)


def _form(svc, pid: int, profile: ClinicProfile) -> None:
    kb = svc.kb
    if _field(pid, "name") not in st.session_state:
        _fill(pid, profile)  # widget state set once, so widgets take no default value (no Streamlit warning)
    names = {s.id: s.name for s in sorted(kb.specialties.values(), key=lambda s: s.name)}
    if st.session_state.get(_field(pid, "specialty")) not in names:
        st.session_state[_field(pid, "specialty")] = next(iter(names))
    with st.form(f"profile_form_{pid}", border=False):
        st.text_input("Clinic name", key=_field(pid, "name"), max_chars=120)
        st.selectbox("Specialty", list(names), format_func=lambda s: names[s], key=_field(pid, "specialty"))
        st.text_input(
            "…or type it",
            key=_field(pid, "specialty_text"),
            placeholder="e.g. derm, OB-GYN, physio, GP",
            help="Common names and abbreviations are understood.",
        )
        st.selectbox(
            "Practice type", list(PRACTICE_TYPES), format_func=lambda t: PRACTICE_TYPES[t], key=_field(pid, "practice")
        )
        cols = st.columns(2)
        cols[0].text_input("Country", key=_field(pid, "country"), help="Two-letter code: US, GB (or UK), IT, DE…")
        cols[1].text_input("City", key=_field(pid, "city"))
        st.text_input("Region / state", key=_field(pid, "region"))
        st.text_input(
            "Time zone",
            key=_field(pid, "timezone"),
            help="IANA name such as Europe/Rome; follows the country if you leave the default.",
        )
        st.text_input("Audiences", key=_field(pid, "audiences"), placeholder="e.g. new parents, athletes, seniors")
        st.text_input("Goals", key=_field(pid, "goals"), placeholder="e.g. new patients, fewer calls, trust")
        st.multiselect(
            "Platforms", list(kb.platforms), format_func=lambda p: kb.platforms[p].name, key=_field(pid, "platforms")
        )
        st.number_input("Hours per week for social media", 0.25, 60.0, step=0.25, key=_field(pid, "hours"))
        st.text_input("Tone of voice", key=_field(pid, "tone"))
        st.text_input("Languages", key=_field(pid, "languages"), help="Comma-separated, e.g. en, es")
        st.text_input(
            "Clinic address (optional)",
            key=_field(pid, "address"),
            max_chars=200,
            help="Your practice's own address: left as it is in posts, never hidden as patient data.",
        )
        st.text_input(
            "Team members (optional)",
            key=_field(pid, "staff"),
            placeholder="e.g. Dr Amy Patel, Tom Reed",
            help="Comma-separated names of your team: not hidden as patient data when you mention them.",
        )
        st.form_submit_button("Save profile", type="primary", on_click=_save, args=(svc, pid, profile))


def current(svc) -> tuple[ClinicProfile, int]:
    """(profile, id) of the selected saved profile; creates a default one on the very first run."""
    store = svc.store
    rows = {p["id"]: p for p in store.list_profiles()}
    if not rows:
        profile = ClinicProfile()
        rows = {store.save_profile(profile.name, profile.model_dump()): None}
        rows = {p["id"]: p for p in store.list_profiles()}
    pid = st.session_state.get("profile_id")
    if pid not in rows:
        last = store.get_state("profile_id")
        pid = last if last in rows else next(iter(rows))
        st.session_state.profile_id = pid
    return _load(rows[pid]), int(str(pid))


def render_sidebar(svc) -> tuple[ClinicProfile, int]:
    """Draw the profile picker and form; return the selected saved profile and its id."""
    profile, pid = current(svc)
    rows = {p["id"]: p["name"] for p in svc.store.list_profiles()}
    if st.session_state.get("profile_select") not in (*rows, NEW):
        st.session_state.profile_select = pid
    with st.sidebar:
        st.subheader("Clinic profile")
        st.selectbox(
            "Profile",
            [*rows, NEW],
            key="profile_select",
            on_change=_select,
            args=(svc,),
            format_func=lambda i: rows.get(i, "＋ New profile"),
        )
        editing = st.session_state.profile_select
        shown = profile if editing == pid else _load(None)
        saved = st.session_state.pop("profile_saved", None)
        if saved:
            st.success("Profile saved: " + render.safe(saved), icon=":material/check:")
        if profile.specialty not in svc.kb.specialties:
            st.warning(
                render.safe(
                    f"The specialty “{profile.specialty}” is not in the knowledge base; choose one "
                    "under Edit profile and save."
                ),
                icon=":material/warning:",
            )
        note = st.session_state.pop("profile_note", None)
        if note:
            st.info(render.safe(note), icon=":material/info:")
        error = st.session_state.get("profile_error")
        if error and error[0] == editing:
            st.error(render.safe(error[1]), icon=":material/error:")
        with st.expander("Edit profile", expanded=editing == NEW or bool(error)):
            _form(svc, editing, shown)
            if editing != NEW and len(rows) > 1:
                st.button("Delete this profile", on_click=_delete, args=(svc, editing), type="tertiary")
    return profile, pid
