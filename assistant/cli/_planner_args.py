"""Argument types and helpers shared by the planner commands (plan, hashtags, videos, start, reply)."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ._args import argv_text

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

# Plans start within this range: wide enough for any real calendar, narrow enough that the holiday and
# awareness-day arithmetic (a year on either side) never leaves the calendar's years 1-9999.
EARLIEST_START = dt.date(2000, 1, 1)
LATEST_START = dt.date(2100, 12, 31)


def text(value: str) -> str:
    """argv text without surrounding spaces; undecodable bytes become U+FFFD."""
    return argv_text(value).strip()


def int_between(low: int, high: int):
    """An argparse type for a whole number in [low, high] whose error says what is accepted."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number from {low} to {high}, not {value!r}") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"must be a whole number from {low} to {high}, not {number}")
        return number

    return parse


def iso_date(value: str) -> dt.date:
    """YYYY-MM-DD that exists on the calendar (2026-02-30 is refused) and lies within the years plans cover."""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a real date; use YYYY-MM-DD, e.g. 2026-05-04") from None
    if not EARLIEST_START <= day <= LATEST_START:
        raise argparse.ArgumentTypeError(
            f"{value!r} is out of range; give a date from {EARLIEST_START} to {LATEST_START}"
        )
    return day


def short_text(limit: int):
    """An argparse type for text of at most `limit` characters (a topic, a city, a phone number)."""

    def parse(value: str) -> str:
        value = text(value)
        if len(value) > limit:
            raise argparse.ArgumentTypeError(f"must be at most {limit} characters, not {len(value):,}")
        return value

    return parse


def hours(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.25 <= number <= 60:
        raise argparse.ArgumentTypeError(f"must be a number of hours from 0.25 to 60, not {value!r}")
    return number


def platform_list(value: str) -> list[str]:
    names = [p.strip() for p in text(value).split(",") if p.strip()]
    if not names:
        raise argparse.ArgumentTypeError("list one or more platforms separated by commas, e.g. instagram,facebook")
    return names


def make_profile(kb: KnowledgeBase, **fields):
    """A resolved ClinicProfile from command-line options; a bad field becomes a one-line InputError."""
    from ..profile import profile_from_fields

    return profile_from_fields(kb, fields)


def load_kb():
    """The knowledge base only: planner commands never load the embedding model."""
    from ..services import Services

    return Services().kb


def prepare_stdout() -> None:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


_WRITE_PROBLEMS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EEXIST: "part of the path is a file, not a folder",
    errno.ENOENT: "the folder does not exist",
}


def write_problem(path: Path, exc: OSError) -> InputError:
    """An OSError while writing `path` as one line that names the path, the cause and what to do."""
    cause = _WRITE_PROBLEMS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return InputError(f"cannot write {path}: {cause}; choose another --out")


def write_file(path: Path, body: str) -> None:
    """Write text to `path` whole or not at all (a temporary file renamed into place): a failure never leaves a
    half-written file, nor damages one already there. Problems become an InputError."""
    if path.is_dir():
        raise InputError(f"--out {path} is a folder; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)  # the permissions a plain open() would give, not mkstemp's 0600
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(body)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise write_problem(path, exc) from None
