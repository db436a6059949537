"""SQLite storage keeps saved work across restarts and loses nothing on a crash mid-write."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from assistant.errors import ConfigError
from assistant.storage import MIGRATIONS, Store


@pytest.fixture()
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'db' / 'assistant.db'}"


def test_a_new_database_is_migrated_to_the_latest_schema_in_wal_mode(url):
    store = Store(url)
    assert store.schema_version == len(MIGRATIONS)
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_old_database_is_upgraded_at_start_up_without_losing_rows(url):
    path = url.removeprefix("sqlite:///")
    Store(url).save_profile("Clinic A", {"specialty": "dentistry"})
    with sqlite3.connect(path) as db:  # pretend it was written by the first release
        db.execute("DROP TABLE app_state")
        db.execute("DROP TABLE users")
        db.execute("DROP INDEX conversations_by_owner")
        db.execute("ALTER TABLE conversations DROP COLUMN owner")
        db.execute("PRAGMA user_version=1")
    store = Store(url)
    assert store.schema_version == len(MIGRATIONS)
    assert store.list_profiles()[0]["data"] == {"specialty": "dentistry"}
    store.set_state("last_profile", 1)
    assert store.get_state("last_profile") == 1


def test_profiles_conversations_and_plans_survive_a_restart(url):
    store = Store(url)
    pid = store.save_profile("Smile Dental", {"specialty": "dentistry", "city": "Leeds"})
    cid = store.create_conversation(pid, "How do I start on Instagram?")
    store.add_message(cid, "user", "How do I start on Instagram?")
    store.add_message(cid, "assistant", "Start with a Business account [1].", {"sources": [{"n": 1}]})
    plan_id = store.save_plan(pid, "May plan", {"weeks": 4}, [{"date": "2026-05-04", "topic": "Flossing"}])

    reopened = Store(url)
    assert [p["name"] for p in reopened.list_profiles()] == ["Smile Dental"]
    messages = reopened.get_messages(cid)
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert messages[1]["meta"] == {"sources": [{"n": 1}]}
    assert reopened.get_plan(plan_id)["posts"][0]["topic"] == "Flossing"


def test_saving_a_profile_again_under_the_same_name_updates_it(url):
    store = Store(url)
    first = store.save_profile("Clinic", {"city": "Rome"})
    second = store.save_profile("Clinic", {"city": "Milan"})
    assert first == second and store.get_profile(first)["data"] == {"city": "Milan"}


def test_an_edited_plan_replaces_its_posts(url):
    store = Store(url)
    plan_id = store.save_plan(None, "Plan", {}, [{"topic": "a"}])
    store.save_plan(None, "Plan", {}, [{"topic": "b"}, {"topic": "c"}], plan_id=plan_id)
    assert [p["topic"] for p in store.get_plan(plan_id)["posts"]] == ["b", "c"]


def test_a_failed_write_rolls_back_and_keeps_earlier_data(url):
    store = Store(url)
    cid = store.create_conversation(None, "Saved")
    store.add_message(cid, "user", "kept")
    with pytest.raises(sqlite3.IntegrityError):
        store.add_message(cid, "robot", "invalid role")
    assert [m["content"] for m in store.get_messages(cid)] == ["kept"]


def test_a_process_killed_mid_transaction_loses_nothing_already_saved(url):
    store = Store(url)
    cid = store.create_conversation(None, "Saved")
    store.add_message(cid, "user", "kept")
    script = textwrap.dedent(f"""
        import os, sqlite3
        db = sqlite3.connect({str(store.path)!r}, isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO messages(conversation_id, role, content, created_at) VALUES ({cid}, 'user', 'half', 0)")
        db.execute("DELETE FROM messages WHERE content='kept'")
        os._exit(9)  # crash before COMMIT
    """)
    assert subprocess.run([sys.executable, "-c", script]).returncode == 9
    assert [m["content"] for m in Store(url).get_messages(cid)] == ["kept"]


def test_a_non_sqlite_database_url_is_refused_with_a_clear_message():
    with pytest.raises(ConfigError, match="only sqlite:///"):
        Store("postgresql://db.example/assistant")
