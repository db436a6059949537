"""Saved work: clinic profiles, conversations, plans, saved items and user accounts, through SQLAlchemy.

SQLite (WAL mode, the embedded default) or PostgreSQL (`ASSISTANT_DATABASE_URL`, shared by replicas). Every write
is one transaction, so a crash mid-write rolls back only that write and never what was saved before. Database
faults come out as a StorageError that names the place, the cause and what to do.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, CursorResult, Select, delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..errors import StorageError
from .database import WRITE, describe, open_engine, parse_url, sqlite_file
from .faults import translate
from .migrate import current_revision, migrate
from .schema import ITEM_KINDS, SAVED_WORK, app_state, conversations, items, messages, plans, profiles, users

log = logging.getLogger(__name__)
ROLES = ("user", "assistant")


def _text(value: str) -> str:
    """Text any backend can store: NUL characters (refused by PostgreSQL) and lone surrogates are replaced."""
    return value.encode("utf-8", "replace").decode("utf-8").replace("\x00", "\ufffd")


def _rows(result: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in result.mappings()]


def _new_id(result: CursorResult[Any]) -> int:
    """The primary key an INSERT just created (every table here has an integer id)."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("an INSERT reported no primary key")  # a programming error: every table has an id
    return int(key[0])


class Store:
    """Profiles, conversations, messages, plans, saved items, users and app state. Rows come back as plain dicts."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = parse_url(url)
        self.backend = self.url.get_backend_name()  # "sqlite" or "postgresql"
        self.path = sqlite_file(self.url)  # the SQLite file; None for a server database
        self.location = describe(self.url)
        self.engine = open_engine(self.url)
        self._writer = self.engine.execution_options(**WRITE)
        self._opened = False  # set once the database was there; it disappearing after that is worth a warning
        if migrate:
            self.migrate()

    def migrate(self) -> tuple[str | None, str]:
        """Bring the database to the newest schema; returns the schema revision before and after."""
        with self.guarded():
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            revisions = migrate(self._writer, self.location)
        self._opened = True
        return revisions

    @property
    def schema_revision(self) -> str | None:
        with self.connect() as db:
            return current_revision(db)

    @property
    def schema_version(self) -> int:
        """The schema revision as a number (revisions are numbered 0001, 0002, ...)."""
        return int(self.schema_revision or 0)

    # --- connections and faults -------------------------------------------------------------------
    @contextmanager
    def guarded(self) -> Iterator[None]:
        """Turn database and file-system failures into a StorageError naming this database."""
        try:
            yield
        except StorageError:
            raise
        except (SQLAlchemyError, OSError) as exc:
            error = translate(exc, self.location, self.path)
            if error is None:
                raise
            log.info("%s (%s)", error, exc)
            raise error from exc

    def _recreate_if_deleted(self) -> None:
        """A data folder deleted while the app runs is made again, with an empty database of the newest schema."""
        if self.path is not None and not self.path.exists():
            level = logging.WARNING if self._opened else logging.INFO
            log.log(level, "%s was missing: starting a new, empty database there", self.path)
            self.migrate()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reading."""
        with self.guarded():
            self._recreate_if_deleted()
            with self.engine.connect() as db:
                yield db

    @contextmanager
    def transaction(
        self, conflict: str = "this change refers to something that no longer exists"
    ) -> Iterator[Connection]:
        """One write transaction: committed whole at the end, or rolled back whole on any error."""
        with self.guarded():
            self._recreate_if_deleted()
            try:
                with self._writer.begin() as db:
                    yield db
            except IntegrityError as exc:
                raise ValueError(conflict) from exc

    def _upsert(self, table: Any, values: dict[str, Any], key: str, updates: tuple[str, ...]) -> Any:
        statement = (pg_insert if self.backend == "postgresql" else sqlite_insert)(table).values(**values)
        changed = {name: statement.excluded[name] for name in updates}
        return statement.on_conflict_do_update(index_elements=[table.c[key]], set_=changed)

    def counts(self) -> dict[str, int]:
        """How many rows each table of saved work holds."""
        with self.connect() as db:
            return {
                table.name: db.execute(select(func.count()).select_from(table)).scalar_one() for table in SAVED_WORK
            }

    # --- profiles ---------------------------------------------------------------------------------
    def save_profile(self, name: str, data: dict[str, Any]) -> int:
        """Insert or replace the profile called `name`; returns its id."""
        values = {"name": _text(name), "data": json.dumps(data), "updated_at": time.time()}
        statement = self._upsert(profiles, values, "name", ("data", "updated_at")).returning(profiles.c.id)
        with self.transaction() as db:
            return int(db.execute(statement).scalar_one())

    def list_profiles(self) -> list[dict[str, Any]]:
        with self.connect() as db:
            rows = _rows(db.execute(select(profiles)))
        return sorted(({**r, "data": json.loads(r["data"])} for r in rows), key=lambda r: r["name"])

    def get_profile(self, profile_id: int) -> dict[str, Any] | None:
        with self.connect() as db:
            rows = _rows(db.execute(select(profiles).where(profiles.c.id == profile_id)))
        return {**rows[0], "data": json.loads(rows[0]["data"])} if rows else None

    def delete_profile(self, profile_id: int) -> None:
        with self.transaction() as db:
            db.execute(delete(profiles).where(profiles.c.id == profile_id))

    # --- conversations ----------------------------------------------------------------------------
    def create_conversation(self, profile_id: int | None, title: str, owner: str | None = None) -> int:
        now = time.time()
        values = {
            "profile_id": profile_id,
            "title": _text(title[:200]) or "Conversation",
            "owner": _owner(owner),
            "created_at": now,
            "updated_at": now,
        }
        with self.transaction("that clinic profile no longer exists") as db:
            return _new_id(db.execute(conversations.insert().values(**values)))

    def add_message(self, conversation_id: int, role: str, content: str, meta: dict[str, Any] | None = None) -> int:
        if role not in ROLES:
            raise ValueError(f"a message is from the user or the assistant, not {role!r}")
        now = time.time()
        values = {
            "conversation_id": conversation_id,
            "role": role,
            "content": _text(content),
            "meta": json.dumps(meta or {}),
            "created_at": now,
        }
        with self.transaction("that conversation no longer exists (it was deleted)") as db:
            message_id = _new_id(db.execute(messages.insert().values(**values)))
            db.execute(update(conversations).where(conversations.c.id == conversation_id).values(updated_at=now))
            return int(message_id)

    def list_conversations(self, profile_id: int | None = None, owner: str | None = None) -> list[dict[str, Any]]:
        query = _newest_first(select(conversations), conversations)
        if profile_id is not None:
            query = query.where(conversations.c.profile_id == profile_id)
        if owner is not None:
            query = query.where(conversations.c.owner == owner)
        with self.connect() as db:
            return _rows(db.execute(query))

    def get_conversation(self, conversation_id: int) -> dict[str, Any] | None:
        with self.connect() as db:
            rows = _rows(db.execute(select(conversations).where(conversations.c.id == conversation_id)))
        return rows[0] if rows else None

    def get_messages(self, conversation_id: int) -> list[dict[str, Any]]:
        columns = (messages.c.id, messages.c.role, messages.c.content, messages.c.meta, messages.c.created_at)
        query = select(*columns).where(messages.c.conversation_id == conversation_id).order_by(messages.c.id)
        with self.connect() as db:
            rows = _rows(db.execute(query))
        return [{**r, "meta": json.loads(r["meta"])} for r in rows]

    def delete_conversation(self, conversation_id: int) -> None:
        with self.transaction() as db:
            db.execute(delete(conversations).where(conversations.c.id == conversation_id))

    # --- plans (shared by the clinic) -------------------------------------------------------------
    def save_plan(
        self,
        profile_id: int | None,
        title: str,
        params: dict[str, Any],
        posts: list[dict[str, Any]],
        plan_id: int | None = None,
    ) -> int:
        """Insert a plan, or replace the title, params and posts of plan `plan_id`; returns the id.

        A plan deleted meanwhile (in another tab) is saved again as a new plan, so the edit is not lost."""
        now = time.time()
        values = {
            "title": _text(title),
            "params": json.dumps(params, default=str),
            "posts": json.dumps(posts, default=str),
            "updated_at": now,
        }
        with self.transaction("that clinic profile no longer exists") as db:
            if plan_id is not None and db.execute(update(plans).where(plans.c.id == plan_id).values(**values)).rowcount:
                return plan_id
            inserted = db.execute(plans.insert().values(profile_id=profile_id, created_at=now, **values))
            return _new_id(inserted)

    def list_plans(self, profile_id: int | None = None) -> list[dict[str, Any]]:
        columns = (plans.c.id, plans.c.profile_id, plans.c.title, plans.c.created_at, plans.c.updated_at)
        query = _newest_first(select(*columns), plans)
        if profile_id is not None:
            query = query.where(plans.c.profile_id == profile_id)
        with self.connect() as db:
            return _rows(db.execute(query))

    def get_plan(self, plan_id: int) -> dict[str, Any] | None:
        with self.connect() as db:
            rows = _rows(db.execute(select(plans).where(plans.c.id == plan_id)))
        if not rows:
            return None
        return {**rows[0], "params": json.loads(rows[0]["params"]), "posts": json.loads(rows[0]["posts"])}

    # --- saved items: hashtag/video ideas, chat drafts, review replies ----------------------------
    def save_item(
        self,
        kind: str,
        title: str,
        data: dict[str, Any],
        *,
        profile_id: int | None = None,
        owner: str | None = None,
        item_id: int | None = None,
    ) -> int:
        """Insert an item, or replace the title and data of `item_id` (saved anew if it was deleted meanwhile)."""
        _check_kind(kind)
        now = time.time()
        values = {"title": _text(title), "data": json.dumps(data, default=str, ensure_ascii=False), "updated_at": now}
        with self.transaction("that clinic profile no longer exists") as db:
            if item_id is not None and db.execute(update(items).where(items.c.id == item_id).values(**values)).rowcount:
                return item_id
            new = {"kind": kind, "profile_id": profile_id, "owner": _owner(owner), "created_at": now, **values}
            return _new_id(db.execute(items.insert().values(**new)))

    def list_items(
        self,
        kind: str | None = None,
        *,
        profile_id: int | None = None,
        owner: str | None = None,
        query: str | None = None,
    ) -> list[dict[str, Any]]:
        """Items newest first; `query` matches a case-insensitive part of the title or of the saved content."""
        statement = _newest_first(select(*(c for c in items.c if c.name != "data")), items)
        if kind is not None:
            _check_kind(kind)
            statement = statement.where(items.c.kind == kind)
        if profile_id is not None:
            statement = statement.where(items.c.profile_id == profile_id)
        if owner is not None:
            statement = statement.where(items.c.owner == owner)
        if query:
            text = _text(query)
            statement = statement.where(
                or_(items.c.title.icontains(text, autoescape=True), items.c.data.icontains(text, autoescape=True))
            )
        with self.connect() as db:
            return _rows(db.execute(statement))

    def get_item(self, item_id: int) -> dict[str, Any] | None:
        with self.connect() as db:
            rows = _rows(db.execute(select(items).where(items.c.id == item_id)))
        return {**rows[0], "data": json.loads(rows[0]["data"])} if rows else None

    def delete_item(self, item_id: int) -> None:
        with self.transaction() as db:
            db.execute(delete(items).where(items.c.id == item_id))

    # --- local user accounts (the caller hashes passwords; only the hash is kept) -----------------
    def add_user(self, username: str, password_hash: str, *, clinic: str = "") -> int:
        values = {
            "username": _text(username),
            "password_hash": password_hash,
            "clinic": _text(clinic),
            "created_at": time.time(),
        }
        with self.transaction(f"a user called {username!r} already exists") as db:
            return _new_id(db.execute(users.insert().values(**values)))

    def get_user(self, username: str) -> dict[str, Any] | None:
        with self.connect() as db:
            rows = _rows(db.execute(select(users).where(users.c.username == _text(username))))
        return rows[0] if rows else None

    def list_users(self) -> list[dict[str, Any]]:
        with self.connect() as db:
            rows = _rows(db.execute(select(*(c for c in users.c if c.name != "password_hash"))))
        return sorted(rows, key=lambda r: r["username"])

    def remove_user(self, username: str) -> bool:
        with self.transaction() as db:
            return db.execute(delete(users).where(users.c.username == _text(username))).rowcount > 0

    def set_password(self, username: str, password_hash: str) -> bool:
        statement = update(users).where(users.c.username == _text(username)).values(password_hash=password_hash)
        with self.transaction() as db:
            return db.execute(statement).rowcount > 0

    # --- small app state (last selected profile, open conversation; per user: key "<user>:...") ---
    def set_state(self, key: str, value: Any) -> None:
        statement = self._upsert(app_state, {"key": _text(key), "value": json.dumps(value)}, "key", ("value",))
        with self.transaction() as db:
            db.execute(statement)

    def get_state(self, key: str, default: Any = None) -> Any:
        with self.connect() as db:
            value = db.execute(select(app_state.c.value).where(app_state.c.key == _text(key))).scalar_one_or_none()
        return default if value is None else json.loads(value)


def _newest_first(query: Select, table: Any) -> Select:
    return query.order_by(table.c.updated_at.desc(), table.c.id.desc())


def _owner(owner: str | None) -> str | None:
    return None if owner is None else _text(owner)


def _check_kind(kind: str) -> None:
    if kind not in ITEM_KINDS:
        raise ValueError(f"a saved item is one of {', '.join(ITEM_KINDS)}, not {kind!r}")
