"""Streaming a language model's answer safely: model output is untrusted text (OWASP LLM05, LLM07).

Tokens are released in pieces that end at whitespace outside any open markup, so every piece can be
sanitized and have its citations checked on its own, and the rendered stream equals the final answer.
The whole output so far is checked for the system prompt's canary before anything is released; a tail is
held back so the canary cannot slip out a piece at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..guardrails import leaks_canary, sanitize_output
from .citations import clean_citations

MAX_PENDING = 600  # characters held back at most while waiting for markup to close


SHINGLE_WORDS = 10  # this many consecutive words of the instructions in the output count as a leak
_WORDS = re.compile(r"[a-z0-9]+")


class CanaryLeak(Exception):
    """The model repeated the system prompt's canary or its instructions: its answer must not be shown."""


class TooLong(Exception):
    """The model kept writing past the output cap."""


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORDS.findall(text.lower())
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _closed(segment: str, ticks_before: int) -> bool:
    """True when cutting after `segment` splits no link, image, citation, tag or code span."""
    if segment.count("[") != segment.count("]"):
        return False
    link = segment.rfind("](")
    if link != -1 and ")" not in segment[link:]:
        return False
    tag = segment.rfind("<")
    if tag != -1 and ">" not in segment[tag:] and tag + 1 < len(segment) and not segment[tag + 1].isspace():
        return False
    return (ticks_before + segment.count("`")) % 2 == 0


class StreamGuard:
    """Turns raw model chunks into safe pieces; collects the citation numbers used and removed."""

    def __init__(self, canary: str, valid: Iterable[int], max_chars: int = 20000, instructions: str = "") -> None:
        self.canary = canary
        self.valid = set(valid)
        self.hold = max(2 * len(canary), 80)
        self.shingles = _shingles(instructions)
        self.ticks = 0  # backticks released so far (inside a code span when odd)
        self.max_chars = max_chars
        self.raw = ""
        self.released = 0  # index into raw up to which text has been released
        self.text = ""  # the processed text released so far
        self.used: list[int] = []
        self.removed: list[int] = []

    def _cut(self, limit: int) -> int:
        """The furthest whitespace position <= limit where the pending text can be cut.

        Past MAX_PENDING characters the text is cut at any whitespace: splitting markup only costs its
        formatting, because each piece is sanitized on its own (a split image link renders as text).
        """
        pending = self.raw[self.released : limit]
        force = len(pending) > MAX_PENDING
        for i in range(len(pending) - 1, 0, -1):
            if pending[i].isspace() and (force or _closed(pending[:i], self.ticks)):
                return self.released + i
        return self.released

    def _release(self, end: int) -> str:
        piece = self.raw[self.released : end]
        self.released = end
        self.ticks += piece.count("`")
        cleaned, used, removed = clean_citations(piece, self.valid)
        self.used.extend(n for n in used if n not in self.used)
        self.removed.extend(n for n in removed if n not in self.removed)
        out = sanitize_output(cleaned)
        self.text += out
        return out

    def feed(self, chunk: str) -> str:
        """Add a raw chunk; return the text that is now safe to show ("" if none yet)."""
        self.raw += chunk
        if leaks_canary(self.raw, self.canary) or self._repeats_instructions():
            raise CanaryLeak
        if len(self.raw) > self.max_chars:
            raise TooLong
        end = self._cut(len(self.raw) - self.hold)
        return self._release(end) if end > self.released else ""

    def _repeats_instructions(self) -> bool:
        """True when the latest output repeats a run of the system prompt's instructions word for word."""
        return bool(self.shingles) and not self.shingles.isdisjoint(_shingles(self.raw[-(self.hold + 400) :]))

    def finish(self) -> str:
        """Release whatever is left once the model has finished."""
        if leaks_canary(self.raw, self.canary) or self._repeats_instructions():
            raise CanaryLeak
        return self._release(len(self.raw)) if len(self.raw) > self.released else ""


def guarded_stream(chunks: Iterable[str], guard: StreamGuard) -> Iterator[str]:
    """Yield safe pieces of a provider's stream; raises CanaryLeak, TooLong or the provider's error."""
    for chunk in chunks:
        piece = guard.feed(chunk)
        if piece:
            yield piece
    rest = guard.finish()
    if rest:
        yield rest
