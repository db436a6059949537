"""Reviews and checks: a privacy-safe reply to a review, and a compliance check for any draft."""

import streamlit as st

from assistant.ui import resources, reviews_view, sidebar

svc = resources.services()
profile, pid = sidebar.current(svc)
st.title("Reviews & compliance checks")

tab_reply, tab_check = st.tabs(["Reply to a review", "Check my draft"])
with tab_reply:
    reviews_view.reply(svc, profile, pid)
with tab_check:
    reviews_view.check(svc, profile)
