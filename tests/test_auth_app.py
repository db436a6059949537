"""Logins in the Streamlit app, driven headlessly with AppTest: the gate, logging out, private conversations.

Each test gets its own SQLite database; "a new browser session" is a fresh AppTest on the same file.
"""

from __future__ import annotations

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from assistant.auth import FAILED_LOGIN, hash_password
from assistant.profile import ClinicProfile
from assistant.storage import Store
from tests.conftest import FIXTURE_KNOWLEDGE, ROOT

APP = str(ROOT / "app.py")
OIDC = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a long random test secret",
    "client_id": "assistant",
    "client_secret": "s3cret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory, embedder):
    """A data directory whose search index was built once (the chat page checks it on every run), small knowledge."""
    from assistant.config import load_settings
    from assistant.services import Services

    data = tmp_path_factory.mktemp("auth-app-data")
    env = {"ASSISTANT_DATA_DIR": str(data), "ASSISTANT_KNOWLEDGE_DIR": str(FIXTURE_KNOWLEDGE)}
    settings = load_settings(env=env, secrets_path=data / "none.toml")
    services = Services(settings, embedder=embedder)
    services.retriever.ensure_index()
    services.matcher  # noqa: B018 - the answer cards' vectors, cached for the app's first run
    return data


@pytest.fixture
def db(monkeypatch, tmp_path, index_dir) -> Store:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(index_dir))
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("ASSISTANT_PROVIDER", "offline")
    monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(FIXTURE_KNOWLEDGE))  # the small one: quick to index
    store = Store(f"sqlite:///{tmp_path / 'app.db'}")
    store.save_profile("Elm Street Dental", ClinicProfile().model_dump())  # past the first run (tested elsewhere)
    return store


@pytest.fixture
def accounts(db) -> Store:
    db.add_user("anna", hash_password("anna's password", rounds=4), clinic="Elm Street Dental")
    db.add_user("ben", hash_password("ben's password", rounds=4))
    return db


@pytest.fixture
def address():
    """Set the address the app believes it serves on; put the previous one back afterwards."""
    before = st_config.get_option("server.address")
    yield lambda value: st_config.set_option("server.address", value)
    st_config.set_option("server.address", before)


def healthy(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    assert not [e.value for e in at.error if "went wrong on our side" in e.value]
    return at


def open_app(**secrets) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.secrets.update(secrets)
    return healthy(at.run())


def log_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    next(b for b in at.button if b.label == "Log in").click()
    return healthy(at.run())


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    return healthy(at)


def shown_conversation(at: AppTest) -> list[str]:
    return [m.markdown[0].value for m in at.chat_message if m.name == "user"]


def picker_options(at: AppTest) -> list[str]:
    pick = next(s for s in at.selectbox if str(s.key).startswith("conversation_pick:"))
    return [o for o in pick.options if o != "New conversation"]


def test_without_accounts_on_loopback_the_app_opens_with_no_login(db):
    at = open_app()
    assert at.title[0].value == "Ask the assistant" and "login_username" not in [t.key for t in at.text_input]
    assert not [b for b in at.button if b.label in ("Log in", "Log out")]


def test_with_accounts_nothing_opens_until_a_correct_login(accounts):
    at = open_app()
    assert at.title[0].value == "Log in"
    assert not at.chat_input and not at.sidebar.text_input  # no chat, no clinic profile before logging in
    log_in(at, "anna", "not anna's password")
    assert [e.value for e in at.error] == [FAILED_LOGIN] and at.title[0].value == "Log in"
    log_in(at, "nobody", "anna's password")
    assert [e.value for e in at.error] == [FAILED_LOGIN]  # the same words: no hint which names exist
    log_in(at, "Anna", "anna's password")
    assert at.title[0].value == "Ask the assistant"
    assert any("Logged in as anna" in c.value for c in at.sidebar.caption)
    assert "login_password" not in at.session_state  # the typed password is not kept in the session


def test_log_out_returns_to_the_login_page_and_forgets_the_session(accounts):
    at = ask(log_in(open_app(), "anna", "anna's password"), "How often should we post on Instagram?")
    next(b for b in at.sidebar.button if b.label == "Log out").click()
    healthy(at.run())
    assert at.title[0].value == "Log in" and not at.chat_message
    log_in(at, "ben", "ben's password")
    assert at.title[0].value == "Ask the assistant" and not at.chat_message


def test_each_user_sees_only_their_own_conversations_in_every_new_session(accounts):
    anna = ask(log_in(open_app(), "anna", "anna's password"), "How often should we post on Instagram?")
    ben = ask(log_in(open_app(), "ben", "ben's password"), "Do we need a TikTok account?")
    assert shown_conversation(anna) == ["How often should we post on Instagram?"]
    assert shown_conversation(ben) == ["Do we need a TikTok account?"]
    owners = {c["title"]: c["owner"] for c in accounts.list_conversations()}
    assert sorted(owners.values()) == ["anna", "ben"]

    anna_again, ben_again = (
        log_in(open_app(), *who) for who in (("anna", "anna's password"), ("ben", "ben's password"))
    )
    assert shown_conversation(anna_again) == ["How often should we post on Instagram?"]
    assert shown_conversation(ben_again) == ["Do we need a TikTok account?"]
    assert len(picker_options(anna_again)) == len(picker_options(ben_again)) == 1


def test_a_removed_account_is_logged_out_at_its_next_click(accounts):
    at = log_in(open_app(), "ben", "ben's password")
    accounts.remove_user("ben")
    healthy(at.run())
    assert at.title[0].value == "Log in"


def test_a_user_with_a_clinic_starts_on_that_clinic_profile(accounts):
    accounts.save_profile("My clinic", {"name": "My clinic"})
    accounts.save_profile("Elm Street Dental", {"name": "Elm Street Dental", "specialty": "dentistry"})
    at = log_in(open_app(), "anna", "anna's password")
    assert at.sidebar.selectbox(key="profile_select").value == accounts.list_profiles()[0]["id"]
    assert accounts.list_profiles()[0]["name"] == "Elm Street Dental"


def test_single_sign_on_offers_its_button_and_a_logged_in_user_gets_their_own_conversations(db):
    at = open_app(auth=OIDC)
    assert at.title[0].value == "Log in"
    assert [b.label for b in at.button] == ["Log in with your organisation's account"]
    at = AppTest.from_file(APP, default_timeout=180)
    at.secrets["auth"] = OIDC
    at.user = {"is_logged_in": True, "email": "Carla@Clinic.example", "sub": "1"}
    ask(healthy(at.run()), "How do I reply to a review?")
    assert [c["owner"] for c in db.list_conversations()] == ["carla@clinic.example"]
    next(b for b in at.sidebar.button if b.label == "Log out").click()
    healthy(at.run())
    assert at.title[0].value == "Log in" and not at.chat_message


def test_serving_the_network_without_logins_refuses_with_how_to_configure(db, address):
    address("0.0.0.0")
    at = open_app()
    (refusal,) = at.error
    assert "will not open" in refusal.value and "users add" in refusal.value and "[auth]" in refusal.value
    assert not at.title and not at.chat_input and not at.sidebar.text_input


def test_serving_the_network_with_an_account_asks_for_a_login(accounts, address):
    address("0.0.0.0")
    at = open_app()
    assert at.title[0].value == "Log in" and not at.error


def test_saved_review_replies_belong_to_the_user_who_made_them(accounts):
    """Saved work follows the logged-in user, like conversations: Ben does not get Anna's reply back."""
    from assistant.profile import ClinicProfile

    accounts.save_profile("My clinic", ClinicProfile().model_dump())  # past the first run: straight to the page
    anna = log_in(open_app(), "anna", "anna's password")
    anna.switch_page("assistant/ui/pages/reviews.py").run()
    anna.text_area(key="review_text").set_value("We waited two hours and nobody said sorry.")
    next(b for b in anna.button if b.label == "Draft a reply").click()
    anna = healthy(anna.run())
    (item,) = accounts.list_items("reply")
    assert item["owner"] == "anna"
    ben = log_in(open_app(), "ben", "ben's password")
    ben.switch_page("assistant/ui/pages/reviews.py").run()
    assert not healthy(ben).code  # no reply restored: Anna's is hers
    assert accounts.list_items("reply", owner="ben") == []
    anna = log_in(open_app(), "anna", "anna's password")
    anna.switch_page("assistant/ui/pages/reviews.py").run()
    assert len(healthy(anna).code) == 3  # hers comes back in her next session
