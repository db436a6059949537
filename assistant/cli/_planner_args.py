"""Argument types and helpers shared by the planner commands (plan, hashtags, videos, start, reply)."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from pydantic import ValidationError

from ..errors import InputError
from ._args import argv_text


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
    """YYYY-MM-DD that exists on the calendar (2026-02-30 is refused)."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a real date; use YYYY-MM-DD, e.g. 2026-05-04") from None


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


def make_profile(kb, **fields):
    """A resolved ClinicProfile; a bad field becomes a one-line InputError."""
    from ..profile import DEFAULT_TIMEZONES, ClinicProfile, resolve_profile

    fields = {k: v for k, v in fields.items() if v is not None}
    country = (fields.get("country") or "US").upper()
    fields.setdefault("timezone", DEFAULT_TIMEZONES.get("GB" if country == "UK" else country, "UTC"))
    try:
        profile = ClinicProfile(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from None
    return resolve_profile(profile, kb)


def load_kb():
    """The knowledge base only: planner commands never load the embedding model."""
    from ..services import Services
    return Services().kb


def prepare_stdout() -> None:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))
