"""Saved work is kept across restarts and crashes, the same on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from assistant.errors import ConfigError, StorageError
from assistant.storage import Store
from assistant.storage.migrate import head_revision
from assistant.storage.schema import metadata

# The schema exactly as the releases before Alembic created it (PRAGMA user_version 1, then 2).
LEGACY_V1 = """
    CREATE TABLE profiles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data TEXT NOT NULL,
                           updated_at REAL NOT NULL);
    CREATE TABLE conversations (id INTEGER PRIMARY KEY, profile_id INTEGER REFERENCES profiles(id) ON DELETE SET NULL,
                                title TEXT NOT NULL, created_at REAL NOT NULL, updated_at REAL NOT NULL);
    CREATE TABLE messages (id INTEGER PRIMARY KEY,
                           conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                           role TEXT NOT NULL CHECK (role IN ('user', 'assistant')), content TEXT NOT NULL,
                           meta TEXT NOT NULL DEFAULT '{}', created_at REAL NOT NULL);
    CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
    CREATE TABLE plans (id INTEGER PRIMARY KEY, profile_id INTEGER REFERENCES profiles(id) ON DELETE SET NULL,
                        title TEXT NOT NULL, params TEXT NOT NULL, posts TEXT NOT NULL,
                        created_at REAL NOT NULL, updated_at REAL NOT NULL);
    PRAGMA user_version=1;
"""
LEGACY_V2 = LEGACY_V1 + "CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL); PRAGMA user_version=2;"
LEGACY_ROWS = """
    INSERT INTO profiles VALUES (1, 'Smile Dental', '{"specialty": "dentistry"}', 1700000000.5);
    INSERT INTO conversations VALUES (7, 1, 'Instagram start', 1700000001.0, 1700000002.0);
    INSERT INTO messages VALUES (3, 7, 'user', 'How do I start?', '{}', 1700000001.0);
    INSERT INTO messages VALUES (4, 7, 'assistant', 'Start with a Business account [1].', '{"sources": [1]}',
                                 1700000002.0);
    INSERT INTO plans VALUES (2, 1, 'May plan', '{"weeks": 4}', '[{"topic": "Flossing"}]', 1700000003.0, 1700000004.0);
"""


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.server)])
def url(request, tmp_path):
    """An empty database: a SQLite file in a folder not made yet, or a new database on the test PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'assistant.db'}"
    return request.getfixturevalue("pg_server").new_database()


@pytest.fixture()
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'db' / 'assistant.db'}"


def test_a_new_database_gets_the_newest_schema_exactly_as_the_store_uses_it(url):
    store = Store(url)
    assert store.schema_revision == head_revision() and store.schema_version == int(head_revision())
    with store.engine.connect() as db:
        differences = compare_metadata(MigrationContext.configure(db), metadata)
    assert differences == []


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
    assert set(messages[0]) == {"id", "role", "content", "meta", "created_at"}
    assert messages[1]["meta"] == {"sources": [{"n": 1}]}
    assert reopened.get_plan(plan_id)["posts"][0]["topic"] == "Flossing"
    assert set(reopened.list_plans()[0]) == {"id", "profile_id", "title", "created_at", "updated_at"}


def test_saving_a_profile_again_under_the_same_name_updates_it(url):
    store = Store(url)
    first = store.save_profile("Clinic", {"city": "Rome"})
    second = store.save_profile("Clinic", {"city": "Milan"})
    assert first == second and store.get_profile(first)["data"] == {"city": "Milan"}
    assert store.get_profile(first + 1) is None


def test_profiles_are_listed_by_name_in_the_same_order_on_every_backend(url):
    store = Store(url)
    for name in ("beta Clinic", "Alpha", "Zeta", "alpha"):
        store.save_profile(name, {})
    assert [p["name"] for p in store.list_profiles()] == ["Alpha", "Zeta", "alpha", "beta Clinic"]


def test_an_edited_plan_replaces_its_posts_and_a_plan_deleted_meanwhile_is_saved_anew(url):
    store = Store(url)
    plan_id = store.save_plan(None, "Plan", {}, [{"topic": "a"}])
    assert store.save_plan(None, "Plan v2", {}, [{"topic": "b"}, {"topic": "c"}], plan_id=plan_id) == plan_id
    assert [p["topic"] for p in store.get_plan(plan_id)["posts"]] == ["b", "c"]
    assert store.get_plan(plan_id)["title"] == "Plan v2"
    again = store.save_plan(None, "Plan", {}, [{"topic": "d"}], plan_id=plan_id + 100)
    assert again != plan_id + 100 and store.get_plan(again)["posts"] == [{"topic": "d"}]


def test_a_refused_write_rolls_back_and_keeps_earlier_data(url):
    store = Store(url)
    cid = store.create_conversation(None, "Saved")
    store.add_message(cid, "user", "kept")
    with pytest.raises(ValueError, match="user or the assistant"):
        store.add_message(cid, "robot", "invalid role")
    store.delete_conversation(cid)
    with pytest.raises(ValueError, match="no longer exists"):
        store.add_message(cid, "user", "into a deleted conversation")
    assert store.get_messages(cid) == [] and store.list_conversations() == []


def test_deleting_a_profile_keeps_its_work_and_deleting_a_conversation_removes_its_messages(url):
    store = Store(url)
    pid = store.save_profile("Clinic", {})
    cid = store.create_conversation(pid, "Chat")
    store.add_message(cid, "user", "hello")
    plan_id = store.save_plan(pid, "Plan", {}, [])
    item_id = store.save_item("ideas", "Ideas", {"tags": ["#smile"]}, profile_id=pid)
    store.delete_profile(pid)
    assert store.get_conversation(cid)["profile_id"] is None
    assert store.get_plan(plan_id)["profile_id"] is None and store.get_item(item_id)["profile_id"] is None
    store.delete_conversation(cid)
    assert store.counts()["messages"] == 0


def test_conversations_belong_to_their_owner(url):
    store = Store(url)
    anna = store.create_conversation(None, "Anna's question", owner="anna")
    store.create_conversation(None, "Ben's question", owner="ben")
    shared = store.create_conversation(None, "Before logins")
    assert [c["id"] for c in store.list_conversations(owner="anna")] == [anna]
    assert len(store.list_conversations()) == 3
    row = store.get_conversation(anna)
    assert set(row) == {"id", "profile_id", "title", "owner", "created_at", "updated_at"} and row["owner"] == "anna"
    assert store.get_conversation(shared)["owner"] is None
    assert store.get_conversation(shared + 100) is None
    assert store.create_conversation(None, "") and store.list_conversations()[0]["title"] == "Conversation"


def test_conversations_are_listed_newest_activity_first(url, monkeypatch):
    clock = iter(range(1_800_000_000, 1_800_001_000, 60))
    monkeypatch.setattr("assistant.storage.time", SimpleNamespace(time=lambda: float(next(clock))))
    store = Store(url)
    older = store.create_conversation(None, "older")
    newer = store.create_conversation(None, "newer")
    assert [c["id"] for c in store.list_conversations()] == [newer, older]
    store.add_message(older, "user", "back to this one")
    assert [c["id"] for c in store.list_conversations()] == [older, newer]


def test_saved_items_are_kept_filtered_searched_and_replaced(url):
    store = Store(url)
    pid = store.save_profile("Clinic", {})
    ideas = store.save_item(
        "ideas", "Summer hashtags", {"tags": ["#SunSafety", "#Crème"]}, profile_id=pid, owner="anna"
    )
    draft = store.save_item("draft", "Flu caption", {"text": "Book your 100% free check"}, owner="ben")
    reply = store.save_item("reply", "Reply to a 1-star review", {"text": "Thank you"}, owner="anna")
    assert [i["id"] for i in store.list_items()] == [reply, draft, ideas]
    assert [i["id"] for i in store.list_items("ideas")] == [ideas]
    assert [i["id"] for i in store.list_items(owner="anna")] == [reply, ideas]
    assert [i["id"] for i in store.list_items(profile_id=pid)] == [ideas]
    assert [i["id"] for i in store.list_items(query="SUNSAFETY")] == [ideas]  # in the data, any case
    assert [i["id"] for i in store.list_items(query="flu CAP")] == [draft]  # in the title
    assert [i["id"] for i in store.list_items(query="Crème")] == [ideas]
    assert [i["id"] for i in store.list_items(query="100%")] == [draft]  # % is text, not a wildcard
    assert store.list_items(query="1_0") == []
    assert set(store.list_items()[0]) == {"id", "kind", "title", "profile_id", "owner", "created_at", "updated_at"}
    assert store.save_item("ideas", "Summer tags", {"tags": ["#Sun"]}, item_id=ideas) == ideas
    assert store.get_item(ideas)["data"] == {"tags": ["#Sun"]} and store.get_item(ideas)["owner"] == "anna"
    store.delete_item(draft)
    assert store.get_item(draft) is None and store.counts()["items"] == 2


def test_an_unknown_kind_of_item_is_refused(url):
    store = Store(url)
    with pytest.raises(ValueError, match="ideas, draft, reply"):
        store.save_item("note", "x", {})
    with pytest.raises(ValueError, match="ideas, draft, reply"):
        store.list_items("notes")
    assert store.counts()["items"] == 0


def test_users_are_added_listed_without_their_hash_and_removed(url):
    store = Store(url)
    store.add_user("ben", "hash-b", clinic="Smile Dental")
    store.add_user("anna", "hash-a")
    with pytest.raises(ValueError, match="already exists"):
        store.add_user("anna", "other")
    assert [u["username"] for u in store.list_users()] == ["anna", "ben"]
    assert set(store.list_users()[0]) == {"id", "username", "clinic", "created_at"}
    assert store.get_user("ben")["password_hash"] == "hash-b" and store.get_user("ben")["clinic"] == "Smile Dental"
    assert store.set_password("anna", "new-hash") and store.get_user("anna")["password_hash"] == "new-hash"
    assert not store.set_password("nobody", "x")
    assert store.remove_user("ben") and not store.remove_user("ben")
    assert store.get_user("ben") is None and store.get_user("nobody") is None


def test_small_app_state_is_kept_per_key(url):
    store = Store(url)
    assert store.get_state("anna:open_conversation", "none") == "none"
    store.set_state("anna:open_conversation", 3)
    store.set_state("ben:open_conversation", {"id": 4})
    store.set_state("anna:open_conversation", 5)
    assert store.get_state("anna:open_conversation") == 5 and store.get_state("ben:open_conversation") == {"id": 4}


def test_text_that_a_database_would_refuse_is_stored_readably(url):
    store = Store(url)
    cid = store.create_conversation(None, "nul\x00title")
    store.add_message(cid, "user", "before\x00after \udcff end")
    assert store.get_messages(cid)[0]["content"] == "before\ufffdafter ? end"
    assert store.get_conversation(cid)["title"] == "nul\ufffdtitle"


def test_concurrent_writers_lose_nothing(url):
    store = Store(url)
    cid = store.create_conversation(None, "busy")
    failures: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(15):
                store.add_message(cid, "user", f"{n}-{i}")
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sorted(m["content"] for m in store.get_messages(cid)) == sorted(
        f"{n}-{i}" for n in range(4) for i in range(15)
    )


def test_a_new_sqlite_database_is_in_wal_mode(sqlite_url):
    store = Store(sqlite_url)
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("legacy", [LEGACY_V1, LEGACY_V2], ids=["user_version-1", "user_version-2"])
def test_a_database_of_the_releases_before_alembic_is_upgraded_in_place_keeping_every_row(sqlite_url, legacy):
    store_path = Path(sqlite_url.removeprefix("sqlite:///"))
    store_path.parent.mkdir(parents=True)
    with sqlite3.connect(store_path) as db:
        db.executescript(legacy + LEGACY_ROWS)
    store = Store(sqlite_url)
    assert store.schema_revision == head_revision()
    assert store.list_profiles() == [
        {"id": 1, "name": "Smile Dental", "data": {"specialty": "dentistry"}, "updated_at": 1700000000.5}
    ]
    assert store.list_conversations() == [
        {
            "id": 7,
            "profile_id": 1,
            "title": "Instagram start",
            "owner": None,
            "created_at": 1700000001.0,
            "updated_at": 1700000002.0,
        }
    ]
    assert [(m["id"], m["content"], m["meta"]) for m in store.get_messages(7)] == [
        (3, "How do I start?", {}),
        (4, "Start with a Business account [1].", {"sources": [1]}),
    ]
    assert store.get_plan(2)["posts"] == [{"topic": "Flossing"}]
    store.set_state("profile_id", 1)
    store.save_item("draft", "New", {}, owner="anna")
    assert store.create_conversation(1, "After the upgrade", owner="anna") == 8
    store.delete_profile(1)  # the old foreign keys still hold
    assert store.get_conversation(7)["profile_id"] is None
    assert Store(sqlite_url).schema_revision == head_revision()  # the next start has nothing to do


def test_a_database_from_a_newer_release_is_not_touched(sqlite_url):
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.executescript(LEGACY_V2 + "PRAGMA user_version=9;")
    with pytest.raises(StorageError, match="newer version") as caught:
        Store(sqlite_url)
    assert caught.value.cause == "newer" and str(path) in str(caught.value)


def test_a_process_killed_mid_transaction_loses_nothing_already_saved(sqlite_url):
    store = Store(sqlite_url)
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
    assert [m["content"] for m in Store(sqlite_url).get_messages(cid)] == ["kept"]


@pytest.mark.parametrize("bad", ["mysql://db.example/assistant", "not a url", "sqlite://", "postgresql://host"])
def test_an_unsupported_database_url_is_refused_with_a_clear_message(bad):
    with pytest.raises(ConfigError, match="sqlite:///path/to/assistant.db or postgresql"):
        Store(bad)


def test_plain_postgresql_urls_use_the_installed_driver():
    store = Store("postgres://someone:secret@db.clinic.lan/assistant", migrate=False)
    assert store.backend == "postgresql" and store.url.drivername == "postgresql+psycopg"
    assert "secret" not in store.location and "db.clinic.lan:5432" in store.location
