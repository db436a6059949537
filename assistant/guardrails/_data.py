"""Guardrail data files under knowledge/data/, read through the knowledge registry; regex helpers.

The guardrails always read the project's own data files, not ASSISTANT_KNOWLEDGE_DIR: the rules protect
patients whatever knowledge base a clinic points the assistant at (the registry marks these files protective).
The schemas live in `assistant.knowledge.schemas` (guardrails.py, rules.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import KnowledgeError
from ..knowledge import registry
from ..knowledge.base import PROJECT_KNOWLEDGE, M, Regex
from ..knowledge.schemas.guardrails import GuardrailData, NameList, NationalId, PatientData, PersonNames

__all__ = [
    "NameList",
    "NationalId",
    "PersonNames",
    "Regex",
    "any_of",
    "guardrail_data",
    "load_data_file",
    "patient_data",
    "person_names",
    "read_name_file",
    "words",
]


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


def patient_data() -> PatientData:
    """The validated contents of knowledge/data/patient_data.yaml (addresses, records, births, phones)."""
    return registry.load(registry.PATIENT_DATA)


def person_names() -> PersonNames:
    """The validated contents of knowledge/data/person_names.yaml (which name lists, their provenance)."""
    return registry.load(registry.PERSON_NAMES)


def read_name_file(entry: NameList, root: Path = PROJECT_KNOWLEDGE) -> frozenset[str]:
    """The names in one list file (lower case, one a line, "#" comments), with a clear error if it is broken."""
    path = root / "data" / entry.file
    try:
        lines = path.read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot read the name list ({exc}); restore it from the repository") from None
    names = frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
    bad = sorted(n for n in names if not n.isalpha() or not n.islower())[:3]
    if bad or len(names) < 100:
        raise KnowledgeError(f"{path}: expected lower-case names one a line; found {bad or len(names)}")
    return names
