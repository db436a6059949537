"""A chat turn as the drafter reads it, for the draft tests."""

from __future__ import annotations

from types import SimpleNamespace


def turn(text: str, platforms=(), country=None) -> SimpleNamespace:
    """A turn with `text` as both the masked text and the question; platforms count as named when given."""
    return SimpleNamespace(
        masked=text, question=text, platforms=list(platforms), platforms_named=bool(platforms), country=country
    )
