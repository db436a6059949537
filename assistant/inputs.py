"""One bound on what people type or paste (OWASP LLM10: unbounded consumption), checked in one place."""

from __future__ import annotations

from typing import Literal

from .errors import InputError

# Long enough for a question with a pasted post or review; ASSISTANT_MAX_INPUT_CHARS changes it (config.py).
MAX_INPUT_CHARS = 8000

Problem = Literal["empty_input", "too_long"]


def input_problem(text: str, limit: int = MAX_INPUT_CHARS) -> Problem | None:
    """What is wrong with a typed text, if anything: empty (only spaces) or longer than `limit` characters."""
    if not text.strip():
        return "empty_input"
    if len(text.strip()) > limit:
        return "too_long"
    return None


def check_length(text: str, limit: int = MAX_INPUT_CHARS, what: str = "text") -> str:
    """Return the stripped text, or raise InputError when it is empty or longer than `limit` characters."""
    text = text or ""
    problem = input_problem(text, limit)
    if problem == "empty_input":
        raise InputError(f"the {what} is empty; type something first")
    if problem == "too_long":
        raise InputError(
            f"the {what} is {len(text.strip()):,} characters long; the limit is {limit:,}. Paste a "
            "shorter excerpt (the part you need help with) and try again."
        )
    return text.strip()
