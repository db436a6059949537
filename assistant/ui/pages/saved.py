"""Saved work: plans, ideas, chat drafts and review replies, saved as they were made; search, reopen, copy."""

import streamlit as st

from assistant.ui import resources, saved_view, sidebar

svc = resources.services()
profile, pid = sidebar.current(svc)
st.title("Saved work")
st.caption("Everything you make is saved as you make it. Search it here.")
query = st.text_input("Search saved work", placeholder="e.g. sunscreen, review, Instagram", key="saved_query")
saved_view.plans(svc.store, pid, query.strip())
saved_view.items(svc, pid, query.strip())
