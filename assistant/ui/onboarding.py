"""The guided first run, in the main area: who you are in under a minute, saved as the clinic profile.

Also the "Clinic profile" page, which shows the same short form for the selected profile (phones have no
room for the sidebar form), with every other field one click away.
"""

from __future__ import annotations

import time
from typing import Any

import streamlit as st

from ..errors import AssistantError
from ..profile import ClinicProfile
from ..webapp import profile_form
from . import saved

HOURS = (1.0, 2.0, 3.0, 5.0, 8.0)
TONES = {
    "warm, clear and professional": "Warm and clear",
    "formal and reassuring": "Formal",
    "friendly and upbeat": "Friendly and upbeat",
    "calm and plain-spoken": "Calm and plain",
}
_DEFAULT_COUNTRY = "US"


def needed(store) -> bool:
    """True on the very first run: no clinic profile saved yet."""
    return not store.list_profiles()


def _countries(kb) -> dict[str, str]:
    found = (
        {c.code: c.name for c in kb.countries.countries if len(c.code) == 2 and c.code != "EU"} if kb.countries else {}
    )
    return found or {_DEFAULT_COUNTRY: "United States"}


def fields(kb, profile: ClinicProfile, prefix: str) -> dict[str, Any]:
    """The few questions that tailor everything; returns the values as profile form values."""
    specialties = {s.id: s.name for s in sorted(kb.specialties.values(), key=lambda s: s.name)}
    countries = _countries(kb)
    st.text_input(
        "Clinic or practice name",
        value=profile.name,
        max_chars=120,
        key=f"{prefix}name",
        help="Used to sign replies and in plan titles.",
    )
    specialty = st.selectbox(
        "Specialty",
        list(specialties),
        format_func=lambda s: specialties[s],
        key=f"{prefix}specialty",
        index=list(specialties).index(profile.specialty) if profile.specialty in specialties else 0,
    )
    cols = st.columns(2)
    country = cols[0].selectbox(
        "Country",
        list(countries),
        format_func=lambda c: countries[c],
        key=f"{prefix}country",
        index=list(countries).index(profile.country) if profile.country in countries else 0,
    )
    city = cols[1].text_input("City", value=profile.city, max_chars=80, key=f"{prefix}city", placeholder="e.g. Leeds")
    platforms = st.multiselect(
        "Platforms you use or want to use",
        list(kb.platforms),
        default=profile.platforms,
        format_func=lambda p: kb.platforms[p].name,
        key=f"{prefix}platforms",
    )
    cols = st.columns(2)
    hours = cols[0].select_slider(
        "Hours a week for social media",
        HOURS,
        key=f"{prefix}hours",
        value=min(HOURS, key=lambda h: abs(h - profile.hours_per_week)),
        format_func=lambda h: f"{h:g} h",
    )
    tones = dict(TONES) if profile.tone in TONES else {profile.tone: profile.tone.capitalize(), **TONES}
    tone = cols[1].selectbox(
        "Tone of voice",
        list(tones),
        format_func=lambda t: tones[t],
        key=f"{prefix}tone",
        index=list(tones).index(profile.tone),
    )
    name = st.session_state.get(f"{prefix}name", profile.name)
    values = profile.model_dump()
    values.update(
        name=name, specialty=specialty, country=country, city=city, platforms=platforms, hours_per_week=hours, tone=tone
    )
    if country != profile.country:
        values["timezone"] = ""  # follows the new country
    return values


def _save(svc, values: dict[str, Any] | None, previous: ClinicProfile | None) -> bool:
    """Validate and save the answers (None: the defaults, as they are) and select the saved profile."""
    try:
        profile = ClinicProfile() if values is None else profile_form.profile_from_form(values, svc.kb, previous)
        pid = svc.store.save_profile(profile.name, profile.model_dump())
    except AssistantError as exc:
        st.error(str(exc), icon=":material/error:")
        return False
    svc.store.set_state("profile_id", pid)
    st.session_state.profile_id = pid
    st.session_state.profile_select = pid
    for key in [k for k in st.session_state if str(k).startswith(f"profile_{pid}_")]:
        del st.session_state[key]  # the sidebar form shows the saved values
    return True


def first_run(svc) -> None:
    """The welcome form shown instead of a page until a profile is saved (or the user skips)."""
    st.title("Welcome")
    st.markdown(
        "Five quick questions so every answer, plan and suggestion fits your practice. "
        "You can change them any time under **Clinic profile**."
    )
    with st.form("first_run"):
        values = fields(svc.kb, ClinicProfile(name="My clinic"), "first_")
        left, right = st.columns(2)
        start = left.form_submit_button("Save and start", type="primary", icon=":material/check:", width="stretch")
        skip = right.form_submit_button(
            "Skip for now",
            width="stretch",
            help="Starts with a general practice in the United States; change it later.",
        )
    if start and _save(svc, values, None):
        st.rerun()
    if skip and _save(svc, None, None):
        st.rerun()


def profile_page(svc, profile: ClinicProfile, pid: int) -> None:
    """Edit the selected profile in the main area (the same questions as the first run)."""
    with st.form(f"profile_page_{pid}"):
        values = fields(svc.kb, profile, f"page_{pid}_")
        done = st.form_submit_button("Save profile", type="primary", icon=":material/save:")
    if done:
        before = profile.name
        if _save(svc, values, profile):
            if values["name"] != before and not (svc.store.list_conversations(pid) or svc.store.list_plans(pid)):
                svc.store.delete_profile(pid)  # a rename with no work attached replaces the profile
            st.session_state.profile_page_saved = True
            st.rerun()
    if st.session_state.pop("profile_page_saved", False):
        saved.badge(time.time())
    st.caption(
        "More details (practice type, region, time zone, audiences, goals, languages, phone) are under "
        "“Edit profile” in the sidebar."
    )
