"""Streamlit entry point: `streamlit run app.py`. Pages live in assistant/ui/pages/."""

import streamlit as st

from assistant.ui import chat_view, login, onboarding, resources
from assistant.ui.sidebar import render_sidebar

st.set_page_config(page_title="Clinic social media assistant", page_icon=":material/medical_services:", layout="wide")

PAGES = [
    st.Page("assistant/ui/pages/chat.py", title="Chat", icon=":material/chat:", default=True),
    st.Page("assistant/ui/pages/plan.py", title="Editorial plan", icon=":material/calendar_month:"),
    st.Page("assistant/ui/pages/ideas.py", title="Hashtags & videos", icon=":material/lightbulb:"),
    st.Page("assistant/ui/pages/reviews.py", title="Reviews & checks", icon=":material/reviews:"),
    st.Page("assistant/ui/pages/saved.py", title="Saved work", icon=":material/inventory_2:"),
    st.Page("assistant/ui/pages/profile.py", title="Clinic profile", icon=":material/badge:"),
    st.Page("assistant/ui/pages/knowledge.py", title="Knowledge", icon=":material/menu_book:"),
    st.Page("assistant/ui/pages/settings.py", title="Settings", icon=":material/settings:"),
]

try:
    services = resources.services()
    login.gate(services)  # serves beyond this computer only with logins; asks for one when they are set up
except Exception as exc:  # noqa: BLE001 - a broken configuration is shown as a message, never a traceback
    resources.show_error(exc)
    chat_view.keep_typed_question()  # a question sent just as the fault struck is not lost
    st.stop()
page = st.navigation(PAGES)
try:
    resources.start_warm_up()  # the embedding model loads in the background while this page paints
    if onboarding.needed(services.store):  # the very first visit: who you are, before any page
        onboarding.first_run(services)
        st.stop()
    render_sidebar(services)
except Exception as exc:  # noqa: BLE001 - a broken configuration is shown as a message, never a traceback
    resources.show_error(exc)
    chat_view.keep_typed_question()  # a question sent just as the fault struck is not lost
    st.stop()
try:
    page.run()
except Exception as exc:  # noqa: BLE001 - the page shows what went wrong as a message; details go to the log
    resources.show_error(exc)
    chat_view.keep_typed_question()
