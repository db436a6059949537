"""Logins, core side: password hashing, the address check, the login throttle, and the `users` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from assistant import auth
from assistant.errors import ConfigError, InputError
from assistant.storage import Store
from tests.cli import one_error_line
from tests.conftest import ROOT

OIDC = {
    "redirect_uri": "https://assistant.clinic.example/oauth2callback",
    "cookie_secret": "a long random secret",
    "client_id": "assistant",
    "client_secret": "s3cret",
    "server_metadata_url": "https://login.clinic.example/.well-known/openid-configuration",
}


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'app.db'}")


class FakeClock:
    """A clock the test moves by hand, so the lockout is checked without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- passwords -------------------------------------------------------------------------------------
def test_a_password_hash_verifies_only_the_same_password():
    hashed = auth.hash_password("correct horse battery", rounds=4)
    assert hashed != "correct horse battery" and hashed.startswith("$2")
    assert auth.verify_password("correct horse battery", hashed)
    assert not auth.verify_password("correct horse batterY", hashed)
    assert auth.hash_password("correct horse battery", rounds=4) != hashed  # salted


def test_verify_refuses_malformed_hashes_and_overlong_passwords_instead_of_crashing():
    assert not auth.verify_password("whatever1", "not a hash")
    hashed = auth.hash_password("x" * 72, rounds=4)
    assert not auth.verify_password("x" * 73, hashed)  # bcrypt would otherwise ignore the 73rd character


@pytest.mark.parametrize(
    "password, problem", [("short", "too short"), ("é" * 40, "too long"), ("\udcff" * 9, "cannot be saved")]
)
def test_unusable_passwords_are_refused_with_a_reason(password, problem):
    with pytest.raises(InputError, match=problem):
        auth.hash_password(password)


@pytest.mark.parametrize("name, expected", [("Anna", "anna"), (" dr.rossi@clinic.it ", "dr.rossi@clinic.it")])
def test_usernames_are_lowercased(name, expected):
    assert auth.normalize_username(name) == expected


@pytest.mark.parametrize("name", ["", "two words", "-dash", "a" * 65, "anna;drop"])
def test_unusable_usernames_are_refused(name):
    with pytest.raises(InputError, match="not a valid username"):
        auth.normalize_username(name)


# --- the address the app serves on ----------------------------------------------------------------
@pytest.mark.parametrize("address", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2", "LOCALHOST"])
def test_loopback_addresses_need_no_login(address):
    auth.check_address(address, auth.AuthConfig())


@pytest.mark.parametrize("address", ["0.0.0.0", "::", "", None, "192.168.1.20", "clinic-server"])
def test_network_addresses_are_refused_without_logins_and_the_message_says_how_to_configure(address):
    with pytest.raises(ConfigError) as refused:
        auth.check_address(address, auth.AuthConfig())
    message = str(refused.value)
    assert "users add" in message and "[auth]" in message and "127.0.0.1" in message


@pytest.mark.parametrize("config", [auth.AuthConfig(local_accounts=1), auth.AuthConfig(oidc_providers=[""])])
def test_network_addresses_are_allowed_once_logins_are_configured(config):
    auth.check_address("0.0.0.0", config)


def test_single_sign_on_counts_only_when_the_auth_section_is_complete():
    assert auth.oidc_providers(OIDC) == [""]
    assert auth.oidc_providers({**OIDC, "cookie_secret": ""}) == []
    assert auth.oidc_providers({k: v for k, v in OIDC.items() if k != "client_secret"}) == []
    named = {
        "redirect_uri": OIDC["redirect_uri"],
        "cookie_secret": "x" * 32,
        "google": {k: OIDC[k] for k in auth.OIDC_PROVIDER_KEYS},
        "half": {"client_id": "x"},
    }
    assert auth.oidc_providers(named) == ["google"]
    assert auth.oidc_providers(None) == [] and auth.oidc_providers({}) == []


def test_the_auth_section_is_read_from_the_secrets_file(tmp_path):
    path = tmp_path / "secrets.toml"
    path.write_text('ASSISTANT_PROVIDER = "offline"\n[auth]\nredirect_uri = "https://x/oauth2callback"\n')
    assert auth.read_auth_section(path) == {"redirect_uri": "https://x/oauth2callback"}
    assert auth.read_auth_section(tmp_path / "missing.toml") == {}


def test_local_accounts_in_the_store_count_as_logins(store):
    assert not auth.auth_config({}, store).configured
    store.add_user("anna", auth.hash_password("long enough", rounds=4))
    assert auth.auth_config({}, store) == auth.AuthConfig(local_accounts=1)


def test_a_single_sign_on_user_is_known_by_email_else_subject():
    user = {"is_logged_in": True, "email": "Anna@Clinic.example", "sub": "123"}
    assert auth.oidc_owner(user) == "anna@clinic.example"
    assert auth.oidc_owner({"is_logged_in": True, "sub": "123"}) == "123"
    assert auth.oidc_owner({"email": "test@example.com"}) is None  # not logged in


# --- logging in ------------------------------------------------------------------------------------
def test_login_succeeds_with_the_right_password_only_and_failures_say_the_same_thing(store):
    store.add_user("anna", auth.hash_password("right password", rounds=4), clinic="Elm Street Dental")
    throttle, waits = auth.LoginThrottle(), []
    ok = auth.authenticate(store, throttle, " Anna ", "right password", sleep=waits.append)
    assert ok.username == "anna" and ok.clinic == "Elm Street Dental" and not waits
    wrong_password = auth.authenticate(store, throttle, "anna", "wrong password", sleep=waits.append)
    unknown_user = auth.authenticate(store, throttle, "nobody", "right password", sleep=waits.append)
    assert wrong_password.username is None and unknown_user.username is None
    assert wrong_password.message == unknown_user.message == auth.FAILED_LOGIN
    assert waits == [1.0, 1.0]  # every failure is slowed down


def test_repeated_failures_lock_the_name_even_for_the_right_password_until_the_lockout_ends(store):
    store.add_user("anna", auth.hash_password("right password", rounds=4))
    clock = FakeClock()
    throttle = auth.LoginThrottle(max_failures=3, lockout_s=300, clock=clock)
    results = [auth.authenticate(store, throttle, "anna", f"guess {i}", sleep=lambda s: None) for i in range(3)]
    assert [r.message for r in results] == [auth.FAILED_LOGIN, auth.FAILED_LOGIN, auth.LOCKED_OUT]
    assert auth.authenticate(store, throttle, "anna", "right password", sleep=lambda s: None).username is None
    assert auth.authenticate(store, throttle, "bob", "guess", sleep=lambda s: None).message == auth.FAILED_LOGIN
    clock.now += 301
    assert auth.authenticate(store, throttle, "anna", "right password", sleep=lambda s: None).username == "anna"


def test_the_throttle_forgets_the_oldest_names_instead_of_growing_without_bound():
    throttle = auth.LoginThrottle(max_failures=1, max_names=3)
    for name in ("a", "b", "c", "d"):
        throttle.failed(name)
    assert not throttle.locked("a") and throttle.locked("d")


# --- the users command -----------------------------------------------------------------------------
def users(data_dir, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir)}
    env.pop("ASSISTANT_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "assistant", "users", *args],
        cwd=ROOT,
        env=env,
        input=None if stdin is None else stdin.encode(),
        capture_output=True,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        timeout=120,
    )


def test_users_add_list_password_and_remove_through_the_command_line(tmp_path):
    added = users(
        tmp_path,
        "add",
        "Anna",
        "--clinic",
        "Elm Street Dental",
        "--password-stdin",
        stdin="first password\nignored line\n",
    )
    assert added.returncode == 0, added.stderr
    assert b"added anna" in added.stdout
    store = Store(f"sqlite:///{tmp_path / 'assistant.db'}")
    stored = store.get_user("anna")
    assert stored["clinic"] == "Elm Street Dental" and auth.verify_password("first password", stored["password_hash"])
    assert b"first password" not in (tmp_path / "assistant.db").read_bytes()

    listed = json.loads(users(tmp_path, "list", "--json").stdout)
    assert [(u["username"], u["clinic"]) for u in listed] == [("anna", "Elm Street Dental")]
    assert "password_hash" not in listed[0]
    assert users(tmp_path, "list").stdout.decode().startswith("anna\tElm Street Dental")

    assert users(tmp_path, "password", "anna", "--password-stdin", stdin="second password\n").returncode == 0
    assert auth.verify_password("second password", store.get_user("anna")["password_hash"])

    assert users(tmp_path, "remove", "ANNA").returncode == 0
    assert store.get_user("anna") is None and json.loads(users(tmp_path, "list", "--json").stdout) == []


@pytest.mark.parametrize(
    "args, stdin, problem",
    [
        (("add", "two words", "--password-stdin"), "long enough\n", "not a valid username"),
        (("add", "anna", "--password-stdin"), "short\n", "too short"),
        (("add", "anna", "--password-stdin"), "", "nothing was given"),
        (("add", "anna"), None, "use --password-stdin"),  # no terminal to prompt on
        (("remove", "nobody"), None, "no user called"),
        (("password", "nobody", "--password-stdin"), "long enough\n", "no user called"),
        (("list", "--colour"), None, "unrecognized arguments"),
        (("check", "--address", "0.0.0.0"), None, "users add"),
    ],
)
def test_bad_users_input_exits_2_with_one_error_line_and_saves_nothing(tmp_path, args, stdin, problem):
    result = users(tmp_path, *args, stdin=stdin)
    assert problem in one_error_line(result)
    assert json.loads(users(tmp_path, "list", "--json").stdout) == []


def test_adding_an_existing_user_is_refused_and_keeps_the_old_password(tmp_path):
    assert users(tmp_path, "add", "anna", "--password-stdin", stdin="first password\n").returncode == 0
    assert "already exists" in one_error_line(
        users(tmp_path, "add", "Anna", "--password-stdin", stdin="other password\n")
    )
    stored = Store(f"sqlite:///{tmp_path / 'assistant.db'}").get_user("anna")
    assert auth.verify_password("first password", stored["password_hash"])


def test_the_start_check_refuses_the_network_without_logins_and_allows_it_with_an_account(tmp_path):
    assert users(tmp_path, "check", "--address", "127.0.0.1").returncode == 0
    assert users(tmp_path, "check", "--address", "0.0.0.0").returncode == 2
    users(tmp_path, "add", "anna", "--password-stdin", stdin="long enough\n")
    assert users(tmp_path, "check", "--address", "0.0.0.0").returncode == 0


def test_start_script_and_streamlit_config_bind_to_loopback_and_check_before_serving():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    import tomllib

    assert tomllib.loads(config)["server"]["address"] == "127.0.0.1"
    script = (ROOT / "scripts" / "start.sh").read_text()
    assert "users check --address" in script and '--server.address "$address"' in script


def test_the_store_keeps_accounts_without_clear_passwords_and_lists_conversations_by_owner(store):
    store.add_user("ben", auth.hash_password("ben's password", rounds=4))
    store.add_user("anna", auth.hash_password("anna's password", rounds=4), clinic="Elm Street Dental")
    with pytest.raises(ValueError, match="already exists"):
        store.add_user("anna", "another hash")
    assert [u["username"] for u in store.list_users()] == ["anna", "ben"]
    assert all("password_hash" not in u for u in store.list_users())
    assert store.set_password("anna", "new hash") and not store.set_password("nobody", "hash")
    pid = store.save_profile("Elm Street Dental", {})
    mine = store.create_conversation(pid, "Anna's question", owner="anna")
    store.create_conversation(pid, "Ben's question", owner="ben")
    store.create_conversation(pid, "Before logins")
    assert [c["title"] for c in store.list_conversations(pid, owner="anna")] == ["Anna's question"]
    assert len(store.list_conversations(pid)) == 3  # no owner given: the single-user desktop sees everything
    assert store.get_conversation(mine)["owner"] == "anna" and store.get_conversation(9999) is None
    assert store.remove_user("ben") and not store.remove_user("ben")
