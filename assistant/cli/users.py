"""`python -m assistant users add|remove|list|password|check`: local accounts for logging in to the app."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys

from ..errors import InputError
from ._planner_args import prepare_stdout, print_json, text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "users",
        help="local accounts for logging in to the app",
        description="Add, remove and list the people who can log in to the app. "
        "Once an account exists, the app asks everyone to log in.",
    )
    sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    add = sub.add_parser("add", help="add an account (asks for the password twice)")
    add.add_argument("name", type=text, help="username: letters, digits and . _ @ + - (an e-mail address works)")
    add.add_argument("--clinic", type=text, default="", help="the clinic profile this person starts on")
    add.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    add.set_defaults(run=run_add)
    password = sub.add_parser("password", help="set a new password for an account")
    password.add_argument("name", type=text)
    password.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first line of stdin"
    )
    password.set_defaults(run=run_password)
    remove = sub.add_parser("remove", help="remove an account (its conversations are kept)")
    remove.add_argument("name", type=text)
    remove.set_defaults(run=run_remove)
    listing = sub.add_parser("list", help="list the accounts")
    listing.add_argument("--json", action="store_true", help='print JSON: [{"username", "clinic", "created_at"}]')
    listing.set_defaults(run=run_list)
    check = sub.add_parser("check", help="refuse (exit 2) if serving on ADDRESS would need logins that are not set up")
    check.add_argument("--address", type=text, required=True, help="the address the app will listen on")
    check.set_defaults(run=run_check)


def _store():
    from ..config import load_settings
    from ..storage import Store

    return Store(load_settings().sqlite_url)


def _read_password(from_stdin: bool) -> str:
    """The new password: the first line of stdin, or typed twice at a prompt that does not echo."""
    from ..auth import validate_password

    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise InputError("--password-stdin: nothing was given on stdin")
        return validate_password(line.removesuffix("\n").removesuffix("\r"))
    if not sys.stdin.isatty():
        raise InputError("no terminal to type the password in: run this in a terminal or use --password-stdin")
    first = validate_password(getpass.getpass("Password: "))
    if getpass.getpass("Password again: ") != first:
        raise InputError("the two passwords differ; nothing was saved")
    return first


def run_add(args: argparse.Namespace) -> int:
    from ..auth import hash_password, normalize_username

    name = normalize_username(args.name)
    store = _store()
    if store.get_user(name) is not None:
        raise InputError(f"the user {name!r} already exists; use `users password {name}` to change the password")
    password_hash = hash_password(_read_password(args.password_stdin))
    try:
        store.add_user(name, password_hash, clinic=args.clinic)
    except ValueError as exc:  # added by someone else in the meantime
        raise InputError(str(exc)) from None
    print(f"added {name}" + (f" (clinic: {args.clinic})" if args.clinic else ""))
    return 0


def run_password(args: argparse.Namespace) -> int:
    from ..auth import hash_password, normalize_username

    name = normalize_username(args.name)
    store = _store()
    if store.get_user(name) is None:
        raise InputError(f"there is no user called {name!r} (see `users list`)")
    store.set_password(name, hash_password(_read_password(args.password_stdin)))
    print(f"new password set for {name}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from ..auth import normalize_username

    name = normalize_username(args.name)
    if not _store().remove_user(name):
        raise InputError(f"there is no user called {name!r} (see `users list`)")
    print(f"removed {name}; their conversations are kept")
    return 0


def run_list(args: argparse.Namespace) -> int:
    prepare_stdout()
    users = [
        {
            "username": u["username"],
            "clinic": u["clinic"],
            "created_at": dt.datetime.fromtimestamp(u["created_at"]).isoformat(timespec="seconds"),
        }
        for u in _store().list_users()
    ]
    if args.json:
        print_json(users)
    elif not users:
        print("no local accounts: without them (or single sign-on) the app serves this computer only")
    for user in [] if args.json else users:
        print(f"{user['username']}\t{user['clinic'] or '-'}\tadded {user['created_at'][:10]}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from ..auth import auth_config, check_address, read_auth_section

    check_address(args.address, auth_config(read_auth_section(), _store()))
    return 0
