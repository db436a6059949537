"""Hashtags and video ideas for the clinic's specialty, within each platform's current rules."""

import streamlit as st

from assistant.ui import ideas_view, resources, sidebar

svc = resources.services()
profile, pid = sidebar.current(svc)
st.title("Hashtags & video ideas")

tab_tags, tab_videos = st.tabs(["Hashtags", "Video ideas"])
with tab_tags:
    ideas_view.hashtags(svc, profile, pid)
with tab_videos:
    ideas_view.videos(svc, profile, pid)
