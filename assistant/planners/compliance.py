"""Run the content checker (assistant.guardrails) on planner output: captions and review replies.

Imported directly, never optionally: a plan or reply that silently skipped the compliance check would look
safe to a clinic when it was not checked at all.
"""

from __future__ import annotations

from ..guardrails import check_text

_KEEP = {"rule", "severity", "span", "message", "fix", "name"}


def check(text: str, kind: str, reviewer_name: str | None = None, country: str | None = None) -> list[dict]:
    """Findings for `text` as plain dicts (rule, severity, span, message, fix); `country` adds its own rules."""
    if not text.strip():
        return []
    extra = {"reviewer_name": reviewer_name} if reviewer_name else {}
    return [f.model_dump(include=_KEEP) for f in check_text(text, kind=kind, country=country, **extra)]
