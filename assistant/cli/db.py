"""`python -m assistant db migrate | stats [--json] | copy --to URL`: the database of saved work."""

from __future__ import annotations

import argparse
import json

from ..config import load_settings
from ..errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "db",
        help="the database of saved work: migrate, stats, copy",
        description="Saved profiles, conversations, plans and items live in ASSISTANT_DATABASE_URL "
        "(default: SQLite in the data folder).",
    )
    commands = parser.add_subparsers(dest="db_command", required=True, metavar="migrate|stats|copy")
    migrate = commands.add_parser("migrate", help="bring the database to the newest schema (the app does it at start)")
    migrate.set_defaults(run=run_migrate)
    stats = commands.add_parser("stats", help="what the database holds")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    stats.set_defaults(run=run_stats)
    copy = commands.add_parser(
        "copy",
        help="copy all saved work to another, empty database",
        description="Copy every profile, conversation, message, plan, saved item, user and app setting from the "
        "configured database to URL (which must hold no saved work), then check the counts match.",
    )
    copy.add_argument("--to", required=True, metavar="URL", help="e.g. postgresql+psycopg://user:pw@host/assistant")
    copy.set_defaults(run=run_copy)


def _store(migrate: bool = True):
    from ..storage import Store

    return Store(load_settings().sqlite_url, migrate=migrate)


def run_migrate(args: argparse.Namespace) -> int:
    store = _store(migrate=False)
    before, after = store.migrate()
    change = "already up to date" if before == after else f"upgraded from {before or 'empty'} to {after}"
    print(f"database: {store.location} ({store.backend}); schema {change}")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    store = _store()
    counts = store.counts()
    if args.json:
        print(json.dumps({"backend": store.backend, **counts, "schema": store.schema_revision}))
        return 0
    print(f"database: {store.location} ({store.backend}, schema {store.schema_revision})")
    for name, count in counts.items():
        print(f"  {name.replace('_', ' ')}: {count}")
    return 0


def run_copy(args: argparse.Namespace) -> int:
    from ..storage import Store
    from ..storage.transfer import copy_saved_work, describe_counts

    source = _store()
    target = Store(args.to, migrate=False)  # migrated by the copy, once it is known to hold no saved work
    try:
        copied = copy_saved_work(source, target)
    except ValueError as exc:  # a row refused by the target (it changed during the copy): nothing was written
        raise InputError(f"the copy to {target.location} was refused: {exc}; nothing was written") from None
    print(f"copied to {target.location}: {describe_counts(copied)} (counts checked)")
    return 0
