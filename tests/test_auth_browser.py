"""Logins end to end: a real `streamlit run app.py` driven by headless Chromium.

Two people log in from two browsers (separate cookie jars) and each sees only their own conversation, also
after a reload; and a server started on every network address without logins refuses to open.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from assistant.auth import hash_password
from assistant.profile import ClinicProfile
from assistant.storage import Store
from tests.conftest import FIXTURE_KNOWLEDGE
from tests.test_e2e_browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    TIMEOUT_MS,
    _require_chromium,
    _settled,
    _shot,
    _wait_messages,
    serve_app,
)

pytestmark = [pytest.mark.e2e, pytest.mark.server, pytest.mark.slow]

ANNA_QUESTION = "How often should our dental clinic post on Instagram?"
BEN_QUESTION = "How should we answer a negative review on Google?"


@contextmanager
def serve(data: Path, address: str) -> Iterator[str]:
    """`streamlit run app.py` on `address` and a free port, with the data directory given; its loopback URL."""
    env = {
        "ASSISTANT_DATA_DIR": str(data),
        "ASSISTANT_DATABASE_URL": f"sqlite:///{data / 'app.db'}",
        "ASSISTANT_KNOWLEDGE_DIR": str(FIXTURE_KNOWLEDGE),  # the small one: quick to index
    }
    with serve_app(data / f"streamlit-{address}.log", address, env) as url:
        yield url


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, embedder) -> Path:
    """A data directory with a prebuilt index; each test adds its own database file."""
    _require_chromium()
    from assistant.config import load_settings
    from assistant.services import Services

    data = tmp_path_factory.mktemp("auth-e2e-data")
    env = {"ASSISTANT_DATA_DIR": str(data), "ASSISTANT_KNOWLEDGE_DIR": str(FIXTURE_KNOWLEDGE)}
    settings = load_settings(env=env, secrets_path=data / "none.toml")
    services = Services(settings, embedder=embedder)
    services.retriever.ensure_index()
    services.matcher  # noqa: B018 - the answer cards' vectors, cached for the app's first run
    return data


@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def log_in(page, url: str, username: str, password: str) -> None:
    page.goto(url, timeout=TIMEOUT_MS)
    page.get_by_role("heading", name="Log in").wait_for(timeout=TIMEOUT_MS)
    _settled(page)
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Ask the assistant").wait_for(timeout=TIMEOUT_MS)


def ask(page, question: str) -> None:
    _settled(page)
    box = page.get_by_placeholder("Ask about social media for your clinic…")
    box.fill(question)
    box.press("Enter")
    _wait_messages(page, 2)


def test_two_users_in_two_browsers_each_see_only_their_own_conversation(data_dir, browser):
    store = Store(f"sqlite:///{data_dir / 'app.db'}")
    store.add_user("anna", hash_password("anna's password", rounds=4))
    store.add_user("ben", hash_password("ben's password", rounds=4))
    store.save_profile("Elm Street Dental", ClinicProfile().model_dump())  # past the first run (tested elsewhere)
    with serve(data_dir, "127.0.0.1") as url:
        contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(2)]
        anna, ben = (context.new_page() for context in contexts)
        try:
            log_in(anna, url, "anna", "anna's password")
            ask(anna, ANNA_QUESTION)
            log_in(ben, url, "ben", "ben's password")
            _settled(ben)
            assert ANNA_QUESTION not in ben.inner_text("body")  # a new session opens nothing of Anna's
            ask(ben, BEN_QUESTION)
            for page in (anna, ben):
                page.reload()  # a new browser session: a local login is asked for again
                page.get_by_role("heading", name="Log in").wait_for(timeout=TIMEOUT_MS)
            log_in(anna, url, "anna", "anna's password")
            log_in(ben, url, "ben", "ben's password")
            for page, own, other in ((anna, ANNA_QUESTION, BEN_QUESTION), (ben, BEN_QUESTION, ANNA_QUESTION)):
                _wait_messages(page, 2)
                body = page.inner_text("body")
                assert own in body and other not in body
            _shot(anna, "auth-01-anna-sees-her-conversation")
            _shot(ben, "auth-02-ben-sees-his-conversation")
            owners = sorted(c["owner"] for c in store.list_conversations())
            assert owners == ["anna", "ben"]
        finally:
            for context in contexts:
                context.close()


def test_a_server_on_every_network_address_without_logins_refuses_to_open(browser, tmp_path):
    with serve(tmp_path, "0.0.0.0") as url:  # an empty data directory: no accounts
        context = browser.new_context()
        page = context.new_page()
        try:
            page.goto(url, timeout=TIMEOUT_MS)
            refusal = page.get_by_text("The app will not open")
            refusal.wait_for(timeout=TIMEOUT_MS)
            assert "users add" in refusal.inner_text()
            _settled(page)
            assert page.get_by_placeholder("Ask about social media for your clinic…").count() == 0
            assert page.get_by_role("heading", name="Ask the assistant").count() == 0
            _shot(page, "auth-03-network-without-logins-refused")
        finally:
            context.close()
