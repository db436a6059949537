"""`python -m assistant <command>`: each command is a small module in this package."""

from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import AssistantError

# Order is the order shown in --help. Each module has register(subparsers) and run(args) -> int.
COMMANDS = (
    "index",
    "search",
    "ask",
    "check",
    "plan",
    "hashtags",
    "videos",
    "start",
    "reply",
    "validate",
    "db",
    "users",
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments as one line, exit status 2, no usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m assistant", description="Healthcare social media assistant (offline by default).")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command: bad input is one `error:` line and status 2; anything unexpected is one line and status 1
    with the details in the log file; never a traceback."""
    _replace_unprintable()
    try:
        args = build_parser().parse_args(argv)
        return int(args.run(args) or 0)
    except AssistantError as exc:
        print(f"error: {_one_line(str(exc) or type(exc).__name__)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (`| head`) stopped early: not an error, and nothing more to print
        _silence_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 - the last resort: one plain line, the details in the log
        print(f"error: {unexpected(exc)}", file=sys.stderr)
        return 1


def _one_line(text: str) -> str:
    from ..config import redact

    return redact(" ".join(text.split()))


def unexpected(exc: BaseException) -> str:
    """Log an unexpected exception with its traceback (redacted) and return the line to show instead."""
    from ._log import log_exception

    where = log_exception(exc)
    if isinstance(exc, OSError) and exc.filename:
        what = f"{exc.filename}: {exc.strerror or type(exc).__name__}"
    else:
        what = f"an unexpected problem stopped the command ({type(exc).__name__})"
    return _one_line(f"{what}; details are in {where}" if where else what)


def _replace_unprintable() -> None:
    """Text the terminal cannot encode (or undecodable argv bytes) prints as "?" instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
