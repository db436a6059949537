"""Guardrail data files under knowledge/data/: read once, validated, errors that name the file and field.

The guardrails always read the project's own data files, not ASSISTANT_KNOWLEDGE_DIR: the rules protect
patients whatever knowledge base a clinic points the assistant at.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, Field

from ..knowledge.loader import read_data_file
from ..knowledge.models import Source, Strict

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge"
M = TypeVar("M", bound=BaseModel)


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    return pattern


Regex = Annotated[str, Field(min_length=1), AfterValidator(_compiles)]


def any_of(patterns: tuple[str, ...] | list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One compiled alternation of several patterns (one scan of the text instead of many)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def words(items: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal words, longest first so "Mrs" wins over "Mr"."""
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=8)
def load_data_file(name: str, model: type[M], root: Path = KNOWLEDGE_DIR) -> M:
    """Read knowledge/data/<name> and validate it against `model` (cached: each file is read once)."""
    return read_data_file(root / "data" / name, model)


# --- knowledge/data/guardrails.yaml -------------------------------------------------------------------

class PhiTerms(Strict):
    name_cues: tuple[Regex, ...] = Field(min_length=1)
    titles: tuple[str, ...] = Field(min_length=1)
    not_names: tuple[str, ...] = ()
    street_types: tuple[str, ...] = Field(min_length=1)
    street_prefixes: tuple[str, ...] = Field(min_length=1)


class ScopeTerms(Strict):
    emergency: tuple[Regex, ...] = Field(min_length=1)
    individual_medical: tuple[Regex, ...] = Field(min_length=1)
    communication: tuple[Regex, ...] = Field(min_length=1)


class InjectionTerms(Strict):
    patterns: tuple[Regex, ...] = Field(min_length=1)


class EmergencyNumber(Strict):
    number: str = Field(pattern=r"^\d{2,4}$")
    crisis: str = ""


class EmergencyTerms(Strict):
    numbers: dict[str, EmergencyNumber]
    eu_members: tuple[str, ...]
    sources: tuple[Source, ...] = Field(min_length=1)


class GuardrailData(Strict):
    phi: PhiTerms
    scope: ScopeTerms
    injection: InjectionTerms
    emergency: EmergencyTerms


def guardrail_data() -> GuardrailData:
    """The validated contents of knowledge/data/guardrails.yaml."""
    return load_data_file("guardrails.yaml", GuardrailData)
