"""Clinic profile: the questions that tailor every answer, plan and suggestion (also reachable on a phone)."""

import streamlit as st

from assistant.ui import onboarding, resources, sidebar

svc = resources.services()
profile, pid = sidebar.current(svc)
st.title("Clinic profile")
onboarding.profile_page(svc, profile, pid)
