"""Copy all saved work from one database to another (e.g. the SQLite file to a shared PostgreSQL server)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, func, insert, inspect, select, text

from ..errors import InputError, StorageError
from .schema import SAVED_WORK

if TYPE_CHECKING:
    from . import Store

BATCH = 500


def describe_counts(counts: dict[str, int]) -> str:
    """'3 profiles, 12 conversations, ...' for the tables that hold anything."""
    return ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items() if n) or "nothing"


def copy_saved_work(source: Store, target: Store) -> dict[str, int]:
    """Copy every row (ids kept) into an empty target in one transaction, then check the counts match.

    The target is opened with `Store(url, migrate=False)`: its schema is made only once it is known to be empty."""
    if _same_database(source, target):
        raise InputError(f"{target.location} is the database the app uses now; copy to another one")
    existing = _existing_counts(target)
    if any(existing.values()):
        raise InputError(
            f"{target.location} already holds saved work ({describe_counts(existing)}); copy only into "
            "an empty database, so nothing there is overwritten"
        )
    target.migrate()
    with source.connect() as reader, target.transaction("the copy would overwrite rows in the target") as writer:
        if source.backend == "postgresql":
            reader = reader.execution_options(isolation_level="REPEATABLE READ")  # one snapshot of every table
        expected = {}
        for table in SAVED_WORK:
            expected[table.name] = 0
            for batch in _batches(source, reader, table):
                writer.execute(insert(table), batch)
                expected[table.name] += len(batch)
        if target.backend == "postgresql":
            _restart_id_sequences(writer)
    copied = target.counts()
    if copied != expected:
        raise StorageError(
            f"The copy to {target.location} does not match: {describe_counts(expected)} were read but "
            f"{describe_counts(copied)} are there. Empty that database and run the copy again.",
            location=target.location,
            cause="failed",
        )
    return copied


def _existing_counts(target: Store) -> dict[str, int]:
    """Rows in the target's tables of saved work, counted before anything (even the schema) is written there."""
    with target.connect() as db:
        present = set(inspect(db).get_table_names())
        return {
            t.name: db.execute(select(func.count()).select_from(t)).scalar_one()
            for t in SAVED_WORK
            if t.name in present
        }


def _same_database(source: Store, target: Store) -> bool:
    if source.path is not None and target.path is not None:
        return source.path.resolve() == target.path.resolve()
    return source.url.set(password=None) == target.url.set(password=None)


def _batches(source: Store, reader: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    """The rows of `table` in primary-key order, a batch at a time; read faults are reported as the source's."""
    with source.guarded():
        result = reader.execution_options(yield_per=BATCH).execute(select(table).order_by(*table.primary_key))
        for batch in result.mappings().partitions():
            yield [dict(row) for row in batch]


def _restart_id_sequences(writer: Connection) -> None:
    """Rows were inserted with their ids, so PostgreSQL's id counters must continue after the largest one."""
    for table in SAVED_WORK:
        if "id" in table.c:
            top = writer.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
            writer.execute(
                text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :next, false)"),
                {"table": table.name, "next": top + 1},
            )
