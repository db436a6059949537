"""A span of patient data found in a message: its kind, where it is and its text (the finders' shared result)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PhiSpan:
    kind: str  # one of KINDS
    start: int
    end: int
    text: str
