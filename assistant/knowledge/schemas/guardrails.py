"""Schema of knowledge/data/guardrails.yaml: the words behind patient-data masking, scope and injection checks."""

from __future__ import annotations

from pydantic import Field

from ..base import Regex, Strict
from ..models import Source


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
