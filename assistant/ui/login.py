"""The login gate: refuse to serve the network without logins, ask who is using this session, log out.

Local accounts are checked by `assistant.auth`; single sign-on is Streamlit's st.login (OpenID Connect,
configured in the [auth] section of .streamlit/secrets.toml). With neither set up, on 127.0.0.1, the app
is a single-user desktop app and nobody is asked to log in.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from .. import auth
from ..errors import ConfigError
from . import render

OWNER = "auth_owner"  # the signed-in user whose conversations this session shows; set on every run
LOCAL_USER = "auth_local_user"  # {"username", "clinic"} after a successful local login


@st.cache_resource(show_spinner=False)
def _throttle() -> auth.LoginThrottle:
    # One per server process: failed attempts from every browser count against the same name.
    return auth.LoginThrottle()


def _auth_section() -> dict[str, Any]:
    try:
        section = st.secrets.get("auth")
    except FileNotFoundError:  # no secrets.toml at all
        return {}
    if section is None:
        return {}
    return section.to_dict() if hasattr(section, "to_dict") else dict(section)


def current_owner() -> str | None:
    """Whose work this session sees: the logged-in user, or None when the app runs without logins."""
    return st.session_state.get(OWNER)


def _start_fresh(keep: dict[str, Any]) -> None:
    """Forget everything this browser session held (open conversation, forms) when the user changes."""
    st.session_state.clear()
    st.session_state.update(keep)


def _signed_in(svc, config: auth.AuthConfig) -> tuple[str, str] | None:
    """(owner, how they logged in) for this session, if someone is logged in and still allowed to."""
    local = st.session_state.get(LOCAL_USER)
    if local and svc.store.get_user(local["username"]) is not None:  # a removed account ends its sessions
        return local["username"], "local"
    if local:
        _start_fresh({})
    if config.oidc_providers:
        owner = auth.oidc_owner(st.user.to_dict())
        if owner:
            return owner, "oidc"
    return None


def _log_in_locally(svc) -> None:
    """Form callback: check the password; a failure shows one message that does not say which part was wrong."""
    username, password = st.session_state.get("login_username", ""), st.session_state.get("login_password", "")
    result = auth.authenticate(svc.store, _throttle(), username, password)
    if result.username is None:
        st.session_state["login_error"] = result.message
        return
    _start_fresh({LOCAL_USER: {"username": result.username, "clinic": result.clinic}})
    profile = next((p for p in svc.store.list_profiles() if result.clinic and p["name"] == result.clinic), None)
    if profile:  # start on the clinic's own profile; profiles stay shared within the clinic
        st.session_state["profile_id"] = profile["id"]


def _login_page(svc, config: auth.AuthConfig) -> None:
    st.title("Log in")
    st.caption("Your conversations are private to you; clinic profiles and plans are shared with your team.")
    if config.local_accounts:
        with st.form("login", clear_on_submit=True, border=True, width=420):
            st.text_input("Username", key="login_username", autocomplete="username")
            st.text_input("Password", type="password", key="login_password", autocomplete="current-password")
            st.form_submit_button("Log in", type="primary", on_click=_log_in_locally, args=(svc,))
        error = st.session_state.pop("login_error", None)
        if error:
            st.error(error, icon=":material/lock:")
    for provider in config.oidc_providers:
        label = f"Log in with {provider}" if provider else "Log in with your organisation's account"
        if st.button(label, key=f"login_oidc_{provider}", icon=":material/login:"):
            st.login(provider or None)


def _logout_button(kind: str, owner: str) -> None:
    with st.sidebar:
        st.caption("Logged in as " + render.safe(owner))
        if st.button("Log out", icon=":material/logout:", key="logout"):
            _start_fresh({})
            if kind == "oidc":
                st.logout()
            st.rerun()


def gate(svc) -> str | None:
    """Stop this run unless the session may go on; return the owner (None: no logins, this computer only)."""
    config = auth.auth_config(_auth_section(), svc.store)
    try:
        auth.check_address(st.get_option("server.address"), config)
    except ConfigError as exc:
        st.error("The app will not open: " + str(exc), icon=":material/lock:")
        st.stop()
    if not config.configured:
        st.session_state.pop(OWNER, None)
        return None
    signed_in = _signed_in(svc, config)
    if signed_in is None:
        st.session_state.pop(OWNER, None)
        _login_page(svc, config)
        st.stop()
    owner, kind = signed_in
    if st.session_state.get(OWNER) not in (None, owner):  # another user in this browser session: forget theirs
        _start_fresh({k: v for k, v in st.session_state.items() if k == LOCAL_USER})
    st.session_state[OWNER] = owner
    _logout_button(kind, owner)
    return owner
