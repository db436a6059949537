"""Bring a database to the newest schema with the Alembic migrations shipped in `migrations/` (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from ..errors import StorageError
from .faults import storage_error

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The releases before Alembic numbered their schema with SQLite's PRAGMA user_version; the same schema is this
# revision, so such a database is stamped with it and upgraded from there, keeping every row.
LEGACY_REVISIONS = {1: "0001", 2: "0002"}
_PG_LOCK = 4_127_501  # pg_advisory_xact_lock key: replicas starting together migrate one at a time


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of the app knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def current_revision(connection: Connection) -> str | None:
    """The schema revision recorded in the database (None for a new or pre-Alembic database)."""
    return MigrationContext.configure(connection).get_current_revision()


def migrate(writer: Engine, where: str) -> tuple[str | None, str]:
    """Upgrade to the newest schema in one transaction; returns the revision before and after."""
    with writer.begin() as connection:  # a crash mid-migration leaves the previous schema, whole
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
        config = _config(connection)
        before = current_revision(connection) or _legacy_revision(connection, where)
        known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
        if before is not None and before not in known:
            raise _newer(where)
        if before is not None and current_revision(connection) is None:
            command.stamp(config, before)
        command.upgrade(config, "head")
        return before, current_revision(connection) or ""


def _legacy_revision(connection: Connection, where: str) -> str | None:
    if connection.dialect.name != "sqlite":
        return None
    version = connection.exec_driver_sql("PRAGMA user_version").scalar() or 0
    if version == 0:
        return None
    if version not in LEGACY_REVISIONS:
        raise _newer(where)
    return LEGACY_REVISIONS[version]


def _newer(where: str) -> StorageError:
    return storage_error("newer", where)
