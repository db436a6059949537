"""Guardrail data files under knowledge/data/: read once, validated, errors that name the file and field.

The guardrails always read the project's own data files, not ASSISTANT_KNOWLEDGE_DIR: the rules protect
patients whatever knowledge base a clinic points the assistant at.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, Field, model_validator

from ..errors import KnowledgeError
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

class NationalId(Strict):
    """One national identifier: its shape, the words that announce it, and the check a bare number must pass."""

    name: str = Field(min_length=3)
    countries: tuple[str, ...] = Field(min_length=1)
    shape: Regex
    cues: tuple[Regex, ...] = Field(min_length=1)
    check: Literal["none", "ssn", "luhn", "verhoeff", "nhs", "steuer_id", "medicare_au"] = "none"
    bare: bool = False  # also masked with no cue word, when the shape matches and the check passes


class PhiTerms(Strict):
    name_cues: tuple[Regex, ...] = Field(min_length=1)
    initials_cues: tuple[Regex, ...] = Field(min_length=1)
    greeting_cues: tuple[Regex, ...] = Field(min_length=1)
    titles: tuple[str, ...] = Field(min_length=1)
    not_names: tuple[str, ...] = ()
    eponyms: tuple[str, ...] = ()
    street_types: tuple[str, ...] = Field(min_length=1)
    street_prefixes: tuple[str, ...] = Field(min_length=1)
    national_ids: tuple[NationalId, ...] = Field(min_length=1)


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


class NormaliseTerms(Strict):
    confusables: dict[str, str]
    number_words: dict[str, int] = Field(min_length=1)
    scales: dict[str, int] = Field(min_length=1)

    @model_validator(mode="after")
    def _single_letters(self) -> NormaliseTerms:
        bad = [k for k, v in self.confusables.items() if len(k) != 1 or len(v) != 1 or not v.isascii()]
        if bad:
            raise ValueError(f"confusables map one letter to one ASCII letter; check {bad}")
        return self


class PlantedTerms(Strict):
    promotion: tuple[Regex, ...] = Field(min_length=1)
    instruction: tuple[Regex, ...] = Field(min_length=1)
    warnings: tuple[Regex, ...] = Field(min_length=1)


class GuardrailData(Strict):
    phi: PhiTerms
    normalise: NormaliseTerms
    planted: PlantedTerms
    scope: ScopeTerms
    injection: InjectionTerms
    emergency: EmergencyTerms


def guardrail_data() -> GuardrailData:
    """The validated contents of knowledge/data/guardrails.yaml."""
    return load_data_file("guardrails.yaml", GuardrailData)


# --- knowledge/data/person_names.yaml -----------------------------------------------------------------

class NameList(Strict):
    file: str = Field(pattern=r"^names/[a-z_]+\.txt$")
    title: str = Field(min_length=10)
    url: str = Field(pattern=r"^https://")
    licence: str = Field(min_length=5)
    note: str = ""


class PersonNames(Strict):
    lists: dict[Literal["given_names", "surnames"], NameList]
    extra_given_names: tuple[str, ...] = ()
    common_words: tuple[str, ...] = ()
    function_words: tuple[str, ...] = ()
    not_surnames: tuple[str, ...] = ()


def read_name_file(entry: NameList, root: Path = KNOWLEDGE_DIR) -> frozenset[str]:
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
