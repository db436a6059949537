"""Run the content checker (assistant.guardrails) on planner output when it is installed.

Imported lazily: the planners work without the checker, they just report no findings.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _checker():
    try:
        from ..guardrails import check_text
    except ImportError:
        try:
            from ..guardrails.checker import check_text
        except ImportError:
            return None
    return check_text


def checker_available() -> bool:
    """True when assistant.guardrails provides check_text."""
    return _checker() is not None


def _as_dict(finding: Any) -> dict:
    if isinstance(finding, dict):
        data = dict(finding)
    elif hasattr(finding, "model_dump"):
        data = finding.model_dump()
    else:
        data = {k: getattr(finding, k, None) for k in ("rule", "severity", "span", "message", "fix")}
    keep = ("rule", "severity", "span", "message", "fix")
    return {k: data.get(k) for k in keep if data.get(k) is not None}


def check(text: str, kind: str, reviewer_name: str | None = None) -> list[dict]:
    """Findings for `text` as plain dicts (rule, severity, span, message, fix); [] without a checker."""
    check_text = _checker()
    if check_text is None or not text.strip():
        return []
    extra = {"reviewer_name": reviewer_name} if reviewer_name else {}
    return [_as_dict(f) for f in check_text(text, kind=kind, **extra)]
