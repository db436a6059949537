"""Settings: technical choices (language model for this browser session, connection test, search index),
kept in an "Advanced" section so the everyday pages stay in plain words."""

import streamlit as st

from assistant import providers
from assistant.ui import resources, settings_view

svc = resources.services()
st.title("Settings")
st.markdown(
    "Your clinic's details are on the **Clinic profile** page. The app works offline: it needs no key and no internet."
)

with st.expander("Advanced: language model and search index", icon=":material/tune:"):
    st.subheader("Language model")
    st.caption(
        "Offline needs no key and no internet. A model makes answers more fluent; keys stay in the "
        "environment or .streamlit/secrets.toml and are never shown here."
    )
    provider, model = settings_view.provider_form(svc.settings, providers.available())
    if st.button("Test the connection", icon=":material/network_check:"):
        settings_view.connection_test(svc.settings, provider, model)
    settings_view.configuration_table(svc.settings)
    st.subheader("Search index")
    settings_view.index_panel(svc)
