"""Saved work: clinic profiles, conversations and plans in SQLite (WAL mode).

Every write is one transaction on its own short-lived connection, so a crash mid-write rolls back only
that write and never what was saved before; several app processes can share the file.
"""
from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import ConfigError

# Each entry upgrades the schema by one version; applied in order at start-up, never edited once shipped.
MIGRATIONS: tuple[str, ...] = (
    """
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
    """,
    """
    CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    """
    CREATE TABLE items (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('ideas', 'draft', 'reply')),
                        title TEXT NOT NULL, data TEXT NOT NULL,
                        profile_id INTEGER REFERENCES profiles(id) ON DELETE SET NULL, owner TEXT,
                        created_at REAL NOT NULL, updated_at REAL NOT NULL);
    CREATE INDEX items_by_update ON items(updated_at DESC, id DESC);
    """,
)
ITEM_KINDS = ("ideas", "draft", "reply")
_ITEM_COLUMNS = "id, kind, title, profile_id, owner, created_at, updated_at"


def sqlite_path(url: str) -> Path:
    """Path of a `sqlite:///...` URL; other databases are not supported yet."""
    if not url.startswith("sqlite:///"):
        raise ConfigError(f"ASSISTANT_DATABASE_URL={url!r}: only sqlite:///path URLs are supported in this version")
    return Path(url.removeprefix("sqlite:///"))


class Store:
    """Profiles, conversations, messages and plans. Rows come back as plain dicts."""

    def __init__(self, url: str) -> None:
        self.path = sqlite_path(url)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            self._migrate(db)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=10000")
        try:
            yield db
        finally:
            db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _migrate(self, db: sqlite3.Connection) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in filter(str.strip, script.split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version={number}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        with self._connect() as db:
            return db.execute("PRAGMA user_version").fetchone()[0]

    # --- profiles ---------------------------------------------------------------------------------
    def save_profile(self, name: str, data: dict[str, Any]) -> int:
        """Insert or replace the profile called `name`; returns its id."""
        with self._write() as db:
            db.execute("INSERT INTO profiles(name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE "
                       "SET data=excluded.data, updated_at=excluded.updated_at", (name, json.dumps(data), time.time()))
            return db.execute("SELECT id FROM profiles WHERE name=?", (name,)).fetchone()[0]

    def list_profiles(self) -> list[dict[str, Any]]:
        with self._connect() as db:
            rows = db.execute("SELECT id, name, data, updated_at FROM profiles ORDER BY name").fetchall()
        return [{**dict(r), "data": json.loads(r["data"])} for r in rows]

    def get_profile(self, profile_id: int) -> dict[str, Any] | None:
        return next((p for p in self.list_profiles() if p["id"] == profile_id), None)

    def delete_profile(self, profile_id: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM profiles WHERE id=?", (profile_id,))

    # --- conversations ----------------------------------------------------------------------------
    def create_conversation(self, profile_id: int | None, title: str) -> int:
        now = time.time()
        with self._write() as db:
            cur = db.execute("INSERT INTO conversations(profile_id, title, created_at, updated_at) VALUES (?,?,?,?)",
                             (profile_id, title[:200] or "Conversation", now, now))
            return int(cur.lastrowid)

    def add_message(self, conversation_id: int, role: str, content: str, meta: dict[str, Any] | None = None) -> int:
        now = time.time()
        with self._write() as db:
            cur = db.execute("INSERT INTO messages(conversation_id, role, content, meta, created_at) "
                             "VALUES (?,?,?,?,?)",
                             (conversation_id, role, content, json.dumps(meta or {}), now))
            db.execute("UPDATE conversations SET updated_at=? WHERE id=?", (now, conversation_id))
            return int(cur.lastrowid)

    def list_conversations(self, profile_id: int | None = None) -> list[dict[str, Any]]:
        query = "SELECT id, profile_id, title, created_at, updated_at FROM conversations"
        args: tuple = ()
        if profile_id is not None:
            query, args = query + " WHERE profile_id=?", (profile_id,)
        with self._connect() as db:
            return [dict(r) for r in db.execute(query + " ORDER BY updated_at DESC, id DESC", args)]

    def get_messages(self, conversation_id: int) -> list[dict[str, Any]]:
        with self._connect() as db:
            rows = db.execute("SELECT id, role, content, meta, created_at FROM messages WHERE conversation_id=? "
                              "ORDER BY id", (conversation_id,)).fetchall()
        return [{**dict(r), "meta": json.loads(r["meta"])} for r in rows]

    def delete_conversation(self, conversation_id: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM conversations WHERE id=?", (conversation_id,))

    # --- plans ------------------------------------------------------------------------------------
    def save_plan(self, profile_id: int | None, title: str, params: dict[str, Any], posts: list[dict[str, Any]],
                  plan_id: int | None = None) -> int:
        """Insert a plan, or replace the params and posts of plan `plan_id`; returns the id."""
        now = time.time()
        with self._write() as db:
            if plan_id is None:
                cur = db.execute("INSERT INTO plans(profile_id, title, params, posts, created_at, updated_at) "
                                 "VALUES (?,?,?,?,?,?)",
                                 (profile_id, title, json.dumps(params, default=str), json.dumps(posts, default=str),
                                  now, now))
                return int(cur.lastrowid)
            db.execute("UPDATE plans SET title=?, params=?, posts=?, updated_at=? WHERE id=?",
                       (title, json.dumps(params, default=str), json.dumps(posts, default=str), now, plan_id))
            return plan_id

    def list_plans(self, profile_id: int | None = None) -> list[dict[str, Any]]:
        query = "SELECT id, profile_id, title, created_at, updated_at FROM plans"
        args: tuple = ()
        if profile_id is not None:
            query, args = query + " WHERE profile_id=?", (profile_id,)
        with self._connect() as db:
            return [dict(r) for r in db.execute(query + " ORDER BY updated_at DESC, id DESC", args)]

    def get_plan(self, plan_id: int) -> dict[str, Any] | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM plans WHERE id=?", (plan_id,)).fetchone()
        if row is None:
            return None
        return {**dict(row), "params": json.loads(row["params"]), "posts": json.loads(row["posts"])}

    # --- saved items (hashtag/video ideas, chat drafts, review replies) ------------------------------
    def save_item(self, kind: str, title: str, data: dict[str, Any], *, profile_id: int | None = None,
                  owner: str | None = None, item_id: int | None = None) -> int:
        """Insert an item, or replace the title and data of item `item_id`; returns the id."""
        if kind not in ITEM_KINDS:
            raise ValueError(f"unknown kind of saved item {kind!r}; use one of {', '.join(ITEM_KINDS)}")
        now, text = time.time(), json.dumps(data, default=str, ensure_ascii=False)  # searchable as typed
        with self._write() as db:
            if item_id is not None:
                cur = db.execute("UPDATE items SET title=?, data=?, updated_at=? WHERE id=?",
                                 (title[:200] or kind, text, now, item_id))
                if cur.rowcount:
                    return item_id
            cur = db.execute("INSERT INTO items(kind, title, data, profile_id, owner, created_at, updated_at) "
                             "VALUES (?,?,?,?,?,?,?)", (kind, title[:200] or kind, text, profile_id, owner, now, now))
            return int(cur.lastrowid)

    def list_items(self, kind: str | None = None, *, profile_id: int | None = None, owner: str | None = None,
                   query: str | None = None) -> list[dict[str, Any]]:
        """Saved items, newest first; `query` matches the title or the data, ignoring case."""
        where, args = [], []
        for column, value in (("kind", kind), ("profile_id", profile_id), ("owner", owner)):
            if value is not None:
                where.append(f"{column}=?")
                args.append(value)
        if query and query.strip():
            escaped = query.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            pattern = f"%{escaped}%"
            where.append("(lower(title) LIKE ? ESCAPE '\\' OR lower(data) LIKE ? ESCAPE '\\')")
            args += [pattern, pattern]
        sql = f"SELECT {_ITEM_COLUMNS} FROM items" + (" WHERE " + " AND ".join(where) if where else "")
        with self._connect() as db:
            return [dict(r) for r in db.execute(sql + " ORDER BY updated_at DESC, id DESC", args)]

    def get_item(self, item_id: int) -> dict[str, Any] | None:
        with self._connect() as db:
            row = db.execute(f"SELECT {_ITEM_COLUMNS}, data FROM items WHERE id=?", (item_id,)).fetchone()
        return None if row is None else {**dict(row), "data": json.loads(row["data"])}

    def delete_item(self, item_id: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM items WHERE id=?", (item_id,))

    # --- small app state (last selected profile, open conversation) -----------------------------
    def set_state(self, key: str, value: Any) -> None:
        with self._write() as db:
            db.execute("INSERT INTO app_state(key, value) VALUES (?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                       (key, json.dumps(value)))

    def get_state(self, key: str, default: Any = None) -> Any:
        with self._connect() as db:
            row = db.execute("SELECT value FROM app_state WHERE key=?", (key,)).fetchone()
        return default if row is None else json.loads(row["value"])
