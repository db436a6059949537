"""Which database holds saved work, and how to connect to it: SQLite (embedded) or PostgreSQL (shared)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import NullPool

from ..errors import ConfigError

BACKENDS = ("sqlite", "postgresql")
# Connections that will write begin with BEGIN IMMEDIATE on SQLite: the write lock is taken at the start, so two
# writers queue (busy timeout) instead of one failing half-way when it upgrades a read lock.
WRITE = {"assistant_write": True}
HELP = "use sqlite:///path/to/assistant.db or postgresql+psycopg://user:password@host:5432/database"


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL of `url`; plain postgresql:// and postgres:// URLs use the psycopg driver."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise ConfigError(f"{_safe(url)!r} is not a database URL: {HELP}") from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "postgres":
        backend = "postgresql"
    if backend not in BACKENDS or driver not in ("", "psycopg", "pysqlite"):
        raise ConfigError(f"the database URL {_safe(url)!r} is not supported: {HELP}")
    if backend == "postgresql":
        if not parsed.database:
            raise ConfigError(f"the database URL {_safe(url)!r} names no database: {HELP}")
        return parsed.set(drivername="postgresql+psycopg")
    if not parsed.database or parsed.database == ":memory:":
        raise ConfigError(f"the database URL {_safe(url)!r} names no database file: {HELP}")
    return parsed.set(drivername="sqlite+pysqlite")


def _safe(url: str) -> str:
    try:
        return make_url(url.strip()).render_as_string(hide_password=True)
    except ArgumentError:
        return "<not a URL>"


def sqlite_file(url: URL) -> Path | None:
    """The database file of a SQLite URL (None for a server database)."""
    return Path(url.database or "").expanduser() if url.get_backend_name() == "sqlite" else None


def describe(url: URL) -> str:
    """Where the data lives, in words a user can act on (never the password)."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    return f"database {url.database!r} on the PostgreSQL server {url.host or 'localhost'}:{url.port or 5432}"


def open_engine(url: URL) -> Engine:
    """An engine with the settings each backend needs for safe concurrent use by several app processes."""
    path = sqlite_file(url)
    if path is None:
        # pre_ping: a pooled connection that a server restart closed is replaced instead of failing a request
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args={"connect_timeout": 5})
    # No pool: every operation opens the file afresh, as the app did before, so a deleted or replaced file is
    # noticed at once (an open handle would keep writing into a deleted file).
    engine = create_engine(url.set(database=str(path)), poolclass=NullPool, connect_args={"timeout": 10})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # the driver's own BEGIN handling is off; _sqlite_begin emits it
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer; survives a crash
    finally:
        cursor.close()


def _sqlite_begin(connection: Any) -> None:
    write = connection.get_execution_options().get("assistant_write")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
