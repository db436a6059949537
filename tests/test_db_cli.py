"""`python -m assistant db migrate | stats --json | copy --to URL` as an IT person runs them: real processes,
a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.storage import Store
from tests.cli import one_error_line
from tests.conftest import ROOT
from tests.netblock import offline_env


def run_db(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "db", *args], cwd=ROOT, env=env, capture_output=True, timeout=120
    )


@pytest.fixture()
def env(tmp_path):
    return offline_env(ASSISTANT_DATA_DIR=str(tmp_path / "data"), ASSISTANT_DATABASE_URL="")


def sqlite_store(env: dict[str, str]) -> Store:
    return Store(f"sqlite:///{env['ASSISTANT_DATA_DIR']}/assistant.db")


def fill(store: Store) -> None:
    """Some of every kind of saved work."""
    pid = store.save_profile("Smile Dental", {"specialty": "dentistry", "city": "Leeds"})
    store.save_profile("Skin Clinic", {"specialty": "dermatology"})
    cid = store.create_conversation(pid, "Instagram start", owner="anna")
    store.add_message(cid, "user", "How do I start on Instagram?")
    store.add_message(cid, "assistant", "Start with a Business account [1].", {"sources": [{"n": 1}]})
    store.create_conversation(None, "Before logins")
    store.save_plan(pid, "May plan", {"weeks": 4}, [{"date": "2027-05-03", "topic": "Flossing"}])
    store.save_item("reply", "1-star reply", {"text": "Thank you for telling us"}, profile_id=pid, owner="anna")
    store.add_user("anna", "hash-a", clinic="Smile Dental")
    store.set_state("anna:open_conversation", cid)


def everything(store: Store) -> dict:
    """All saved work as the store's API returns it."""
    conversations = store.list_conversations()
    return {
        "profiles": store.list_profiles(),
        "conversations": conversations,
        "messages": {c["id"]: store.get_messages(c["id"]) for c in conversations},
        "plans": [store.get_plan(p["id"]) for p in store.list_plans()],
        "items": [store.get_item(i["id"]) for i in store.list_items()],
        "users": [store.get_user(u["username"]) for u in store.list_users()],
        "state": store.get_state("anna:open_conversation"),
    }


def test_migrate_creates_the_schema_once_and_then_has_nothing_to_do(env):
    first = run_db(env, "migrate")
    assert first.returncode == 0, first.stderr.decode()
    assert "upgraded from empty to" in first.stdout.decode() and "assistant.db (sqlite)" in first.stdout.decode()
    second = run_db(env, "migrate")
    assert second.returncode == 0 and "already up to date" in second.stdout.decode()


def test_stats_prints_the_json_contract_with_real_counts(env):
    fill(sqlite_store(env))
    result = run_db(env, "stats", "--json")
    assert result.returncode == 0, result.stderr.decode()
    stats = json.loads(result.stdout)
    assert stats["backend"] == "sqlite"
    assert (stats["profiles"], stats["conversations"], stats["plans"]) == (2, 2, 1)
    assert (stats["messages"], stats["items"], stats["users"]) == (2, 1, 1)


@pytest.mark.server
def test_copy_moves_all_saved_work_to_postgresql_with_ids_kept(env, pg_server):
    source = sqlite_store(env)
    fill(source)
    target_url = pg_server.new_database()
    result = run_db(env, "copy", "--to", target_url)
    assert result.returncode == 0, result.stderr.decode()
    assert "counts checked" in result.stdout.decode() and "2 profiles" in result.stdout.decode()

    target = Store(target_url)
    assert everything(target) == everything(source)
    stats = json.loads(run_db({**env, "ASSISTANT_DATABASE_URL": target_url}, "stats", "--json").stdout)
    assert stats["backend"] == "postgresql" and (stats["profiles"], stats["conversations"], stats["plans"]) == (2, 2, 1)
    # new rows continue after the copied ids instead of colliding with them
    assert (
        target.create_conversation(None, "New on the server") == max(c["id"] for c in source.list_conversations()) + 1
    )
    assert target.save_profile("Third clinic", {}) == 3


@pytest.mark.server
def test_copy_from_postgresql_back_to_a_new_sqlite_file(env, pg_server, tmp_path):
    server_url = pg_server.new_database()
    fill(Store(server_url))
    back = tmp_path / "back" / "assistant.db"
    result = run_db({**env, "ASSISTANT_DATABASE_URL": server_url}, "copy", "--to", f"sqlite:///{back}")
    assert result.returncode == 0, result.stderr.decode()
    assert everything(Store(f"sqlite:///{back}")) == everything(Store(server_url))


def test_copy_refuses_a_target_that_already_holds_saved_work_and_leaves_it_alone(env, tmp_path):
    fill(sqlite_store(env))
    other = Store(f"sqlite:///{tmp_path / 'other.db'}")
    other.save_profile("Their clinic", {"city": "Rome"})
    before = everything(other)
    line = one_error_line(run_db(env, "copy", "--to", f"sqlite:///{tmp_path / 'other.db'}"))
    assert "already holds saved work (1 profiles)" in line and str(tmp_path / "other.db") in line
    assert everything(other) == before


def test_copy_refuses_the_database_in_use(env):
    fill(sqlite_store(env))
    line = one_error_line(run_db(env, "copy", "--to", f"sqlite:///{env['ASSISTANT_DATA_DIR']}/../data/assistant.db"))
    assert "the database the app uses now" in line


@pytest.mark.parametrize(
    "args",
    [
        ["copy", "--to", "mysql://db/assistant"],
        ["copy", "--to", "nonsense"],
        ["copy"],
        ["stats", "--rows"],
        [],
        ["vacuum"],
    ],
)
def test_bad_input_gets_one_error_line(env, args):
    line = one_error_line(run_db(env, *args))
    assert line.startswith("error: ")


def test_an_unreachable_target_server_gets_one_error_line(env):
    line = one_error_line(run_db(env, "copy", "--to", "postgresql+psycopg://someone:secret@127.0.0.1:9/assistant"))
    assert "cannot be reached" in line and "127.0.0.1:9" in line and "secret" not in line


def test_a_damaged_database_file_gets_one_error_line_naming_it(env, tmp_path):
    path = tmp_path / "data" / "assistant.db"
    path.parent.mkdir()
    path.write_bytes(b"this is not a database" * 200)
    line = one_error_line(run_db(env, "stats", "--json"))
    assert "damaged" in line and str(path) in line


def test_an_unsupported_database_setting_gets_one_error_line(env):
    line = one_error_line(run_db({**env, "ASSISTANT_DATABASE_URL": "oracle://db/x"}, "stats"))
    assert "not supported" in line
