"""Argument helpers shared by the command modules."""

from __future__ import annotations


def argv_text(value: str) -> str:
    """argv text; undecodable bytes (lone surrogates) become U+FFFD instead of failing later."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
