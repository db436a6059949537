"""Pieces of the Settings page: provider choice for this session, connection test, index status."""

from __future__ import annotations

import dataclasses
import time

import streamlit as st

from ..config import redact
from ..errors import AssistantError
from . import resources

TEST_PROMPT = [{"role": "user", "content": "Reply with the single word OK."}]


def provider_form(settings, available: dict[str, str]) -> tuple[str, str]:
    """Provider and model for this browser session; 'Apply' makes the chat use them."""
    provider, model = resources.provider_choice(settings)
    names = list(available)
    with st.form("provider_form"):
        chosen = st.selectbox(
            "Provider",
            names,
            index=names.index(provider) if provider in names else 0,
            format_func=lambda n: f"{n}: {available[n]}",
            key="provider_choice",
        )
        typed = st.text_input(
            "Model", value=model, placeholder="default for the provider, e.g. gpt-4o-mini", max_chars=200
        )
        if st.form_submit_button("Apply to this session", type="primary"):
            st.session_state.provider_override = (chosen, typed.strip())
            provider, model = chosen, typed.strip()
            st.success(f"Chat now answers with {chosen}" + (f" ({model})" if model else "") + ".")
    if st.session_state.get("provider_override") and st.button("Back to the configured provider"):
        del st.session_state["provider_override"]
        st.rerun()
    return provider, model


def connection_test(settings, provider: str, model: str) -> None:
    """Send a tiny prompt to the chosen provider; show the reply's start or the error that says how to fix it."""
    from ..providers import get_provider

    if provider == "offline":
        st.success("The offline provider needs no connection: answers come from the knowledge base.")
        return
    started = time.perf_counter()
    try:
        llm = get_provider(provider, dataclasses.replace(settings, provider=provider, model=model))
        reply = ""
        with st.spinner(f"Asking {provider}…"):
            for chunk in llm.stream(TEST_PROMPT):
                reply += chunk
                if len(reply) > 80:
                    break
    except AssistantError as exc:
        st.error(redact(str(exc)), icon=":material/error:")  # a server URL in the message loses its password
        return
    except Exception as exc:  # noqa: BLE001 - any SDK failure is shown as a message
        resources.show_error(exc)
        return
    st.success(
        f"{provider} ({llm.model}) answered in {time.perf_counter() - started:.1f} s: “{reply.strip()[:80]}”",
        icon=":material/check:",
    )


def configuration_table(settings) -> None:
    """The effective configuration with secrets shown only as set / not set."""
    with st.expander("Configuration (secrets are never shown)"):
        st.table({"setting": list(settings.redacted()), "value": list(settings.redacted().values())})


def index_panel(svc) -> None:
    """Index status, and a rebuild with a progress bar."""
    try:
        status = svc.index.status()
    except AssistantError as exc:
        st.error(str(exc))
        return
    cols = st.columns(4)
    cols[0].metric("Guides", status["documents"])
    cols[1].metric("Sections", status["chunks"])
    cols[2].metric("Mode", status["mode"])
    cols[3].metric("Guides in the knowledge base", len(svc.kb.guides))
    st.caption(f"Location: {status['location']}")
    if st.button(
        "Rebuild the index", icon=":material/refresh:", help="Embeds every guide again; takes about half a minute."
    ):
        state = resources.ensure_index(svc, rebuild=True)  # shows the error itself if it fails
        if not state.ready:
            return
        st.success(f"Index rebuilt: {state.summary}")
        for message in state.messages:
            st.info(message)
