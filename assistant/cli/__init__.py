"""`python -m assistant <command>`: each command is a small module in this package."""
from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import AssistantError

# Order is the order shown in --help. Each module has register(subparsers) and run(args) -> int.
COMMANDS = ("index", "search", "ask", "check", "plan", "hashtags", "videos", "start", "reply", "validate")


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments as one line, exit status 2, no usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m assistant", description="Healthcare social media assistant (offline by default).")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
