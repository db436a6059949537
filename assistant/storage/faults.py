"""Database faults in plain words: which place, what is wrong, what to do (instead of driver errors)."""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from ..errors import StorageError

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_CAUSES = {
    3: "read-only",
    5: "busy",
    6: "busy",
    8: "read-only",
    10: "disk",
    11: "damaged",
    13: "full",
    14: "missing",
    26: "damaged",
}
_SQLITE_READONLY_DBMOVED = 1032  # the file was deleted or moved while open
# PostgreSQL SQLSTATE classes and codes.
_PG_CAUSES = {
    "25006": "read-only",
    "3D000": "missing",
    "53100": "full",
    "XX001": "damaged",
    "XX002": "damaged",
    "28000": "refused",
    "28P01": "refused",
    "57P01": "unreachable",
    "57P02": "unreachable",
    "57P03": "unreachable",
    "53300": "busy",
    "08": "unreachable",
}
# Failures while connecting carry no SQLSTATE, only the server's words.
_PG_TEXT = (
    (re.compile(r'role ".*" does not exist'), "refused"),
    (re.compile(r'database ".*" does not exist'), "missing"),
    (re.compile("password authentication failed|no password supplied"), "refused"),
)

_KEPT = ("read-only", "full", "unreachable", "refused", "busy", "newer")
_ADVICE = {
    "read-only": "{where} is read-only, so nothing can be saved. Make it (and its folder) writable for the app, "
    "then try again.",
    "missing": "{where} is missing and could not be created. Check that the folder exists and that "
    "ASSISTANT_DATA_DIR / ASSISTANT_DATABASE_URL point to the right place.",
    "read-only on server": "{where} accepts only reads (a read-only copy, or read-only mode is on), so nothing "
    "can be saved. Point ASSISTANT_DATABASE_URL at the main server, or turn read-only off.",
    "full on server": "the disk of the PostgreSQL server holding {where} is full. Free some space there, then try "
    "again.",
    "missing on server": "{where} does not exist. Create it (for example with createdb), or correct the database "
    "name in ASSISTANT_DATABASE_URL.",
    "full": "the disk holding {where} is full. Free some space, then try again.",
    "damaged": "{where} is damaged (it is not a readable database of this app). Restore it from your backup, "
    "or move it aside so the app starts a new, empty one.",
    "unreachable": "the {where} cannot be reached. Check that the server is running and that "
    "ASSISTANT_DATABASE_URL names the right host and port.",
    "refused": "the {where} refused the app's login. Check the user name and password in ASSISTANT_DATABASE_URL.",
    "busy": "{where} is busy with another program. Try again in a moment.",
    "disk": "the disk holding {where} could not be read or written. Check the disk, then try again.",
    "newer": "{where} was set up by a newer version of this app. Update the app before using this database.",
    "failed": "{where} could not be read or written ({detail}). Try again; if it keeps failing, restore the "
    "database from your backup.",
}


def storage_error(cause: str, where: str, detail: str = "", *, server: bool = False) -> StorageError:
    """A StorageError whose message says what happened to `where` and what to do."""
    advice = _ADVICE.get(f"{cause} on server" if server else cause) or _ADVICE.get(cause) or _ADVICE["failed"]
    text = advice.format(where=where, detail=detail or "unknown cause")
    kept = " Work saved earlier is kept." if cause in _KEPT else ""
    return StorageError(f"Saved work is unavailable: {text}{kept}", location=where, cause=cause)


def translate(exc: BaseException, where: str, path: Path | None) -> StorageError | None:
    """The StorageError for a database or file-system failure; None for anything else (a bug to surface)."""
    if isinstance(exc, OSError):
        return storage_error(_os_cause(exc, path), where, exc.strerror or str(exc))
    if not isinstance(exc, SQLAlchemyError):
        return None
    original: BaseException = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    detail = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    if isinstance(exc, PoolTimeout):
        cause = "busy"  # every pooled connection is in use: the server is slow or too many requests at once
    elif isinstance(original, sqlite3.Error):
        cause = _sqlite_cause(original, path)
    elif path is None:
        cause = _pg_cause(original, detail)
    else:
        cause = "failed"
    return storage_error(cause, where, detail, server=path is None)


def _sqlite_cause(exc: sqlite3.Error, path: Path | None) -> str:
    code = getattr(exc, "sqlite_errorcode", None) or 0
    if code == _SQLITE_READONLY_DBMOVED:
        return "missing"
    cause = _SQLITE_CAUSES.get(code & 0xFF)
    if cause is None and "no such table" in str(exc):
        cause = "damaged"  # a SQLite file, but not this app's
    if cause in (None, "missing", "disk", "read-only") and path is not None:
        cause = _file_cause(path) or cause
    return cause or "failed"


def _file_cause(path: Path) -> str | None:
    """What the file system says about the database file: gone, unwritable, a folder, or out of space."""
    folder = path.parent
    if not folder.is_dir():
        return "missing"
    if path.is_dir():
        return "damaged"
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return "read-only"  # os.access sees read-only mounts and immutable files, even for root
    try:
        if shutil.disk_usage(folder).free < 64 * 1024:
            return "full"
    except OSError:
        return None
    return None


def _os_cause(exc: OSError, path: Path | None) -> str:
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "read-only"
    if exc.errno == errno.ENOSPC:
        return "full"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EEXIST):
        return "missing"
    return (_file_cause(path) if path is not None else None) or "disk"


def _pg_cause(exc: BaseException, detail: str) -> str:
    state = getattr(exc, "sqlstate", None) or ""
    cause = _PG_CAUSES.get(state) or _PG_CAUSES.get(state[:2])
    if cause:
        return cause
    lowered = detail.lower()
    for pattern, text_cause in _PG_TEXT:
        if pattern.search(lowered):
            return text_cause
    # Any other failure to talk to the server (refused connection, unknown host, timeout, dropped connection).
    return "unreachable" if type(exc).__name__ in ("OperationalError", "InterfaceError") else "failed"
