"""Knowledge: the guides the answers are built from, by category with their sources, and a search."""

import streamlit as st

from assistant.ui import knowledge_view, resources, sidebar

svc = resources.services()
profile, _ = sidebar.current(svc)
st.title("Knowledge base")
st.caption("Every answer is built from these guides and cites them. Guidance, not legal advice.")

query = st.text_input(
    "Search the guides", placeholder="e.g. before and after photos, answering a bad review", key="knowledge_query"
)
if query:
    resources.ensure_index(svc)
    knowledge_view.search_results(svc, profile, query)

knowledge_view.browse(svc.kb)
