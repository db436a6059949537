"""Guardrail data files under knowledge/data/, read through the knowledge registry; regex helpers.

The guardrails always read the project's own data files, not ASSISTANT_KNOWLEDGE_DIR: the rules protect
patients whatever knowledge base a clinic points the assistant at (the registry marks these files protective).
The schemas live in `assistant.knowledge.schemas` (guardrails.py, rules.py).
"""

from __future__ import annotations

import re

from ..knowledge import registry
from ..knowledge.base import M, Regex
from ..knowledge.schemas.guardrails import GuardrailData

__all__ = ["Regex", "any_of", "guardrail_data", "load_data_file", "words"]


def any_of(patterns: tuple[str, ...] | list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One compiled alternation of several patterns (one scan of the text instead of many)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def words(items: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal words, longest first so "Mrs" wins over "Mr"."""
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


def load_data_file(name: str, model: type[M]) -> M:
    """Read knowledge/data/<name> (always the project's copy) and validate it against `model` (read once)."""
    return registry.load(registry.DataFile(name, model, protective=True))


def guardrail_data() -> GuardrailData:
    """The validated contents of knowledge/data/guardrails.yaml."""
    return registry.load(registry.GUARDRAILS)
