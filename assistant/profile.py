"""The clinic profile: who the clinic is, so every answer and plan can be tailored to it."""
from __future__ import annotations

import zoneinfo
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .knowledge.models import PLATFORM_IDS

PracticeType = Literal["solo", "group", "hospital_department"]


class ClinicProfile(BaseModel):
    """A validated description of the clinic. `specialty` holds a specialty id (see resolve_profile)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(default="My clinic", min_length=1, max_length=120)
    specialty: str = Field(default="general_practice", min_length=2, max_length=60)
    practice_type: PracticeType = "solo"
    country: str = Field(default="US", min_length=2, max_length=2)  # ISO 3166 alpha-2; "UK" accepted as GB
    region: str = Field(default="", max_length=80)
    city: str = Field(default="", max_length=80)
    timezone: str = "America/New_York"
    audiences: list[str] = Field(default_factory=list, max_length=12)
    goals: list[str] = Field(default_factory=list, max_length=12)
    platforms: list[str] = Field(default_factory=lambda: ["facebook", "instagram"], max_length=len(PLATFORM_IDS))
    hours_per_week: float = Field(default=2.0, ge=0.25, le=60)
    tone: str = Field(default="warm, clear and professional", max_length=120)
    phone: str = Field(default="", max_length=40)  # the practice's public number, for calls to action
    booking_url: str = Field(default="", max_length=200)  # the public booking page, for calls to action
    address: str = Field(default="", max_length=200)  # the practice's own address: never masked as patient data
    staff: list[str] = Field(default_factory=list, max_length=40)  # team members' names: never masked either
    languages: list[str] = Field(default_factory=lambda: ["en"], min_length=1, max_length=6)

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        value = value.upper()
        return "GB" if value == "UK" else value

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}; use an IANA name such as Europe/Rome") from None
        return value

    @field_validator("platforms")
    @classmethod
    def _platforms(cls, value: list[str]) -> list[str]:
        unknown = [p for p in value if p not in PLATFORM_IDS]
        if unknown:
            raise ValueError(f"unknown platform(s) {unknown}; known: {', '.join(PLATFORM_IDS)}")
        return list(dict.fromkeys(value))

    @field_validator("audiences", "goals", "languages")
    @classmethod
    def _short_items(cls, value: list[str]) -> list[str]:
        items = [v.strip() for v in value if v.strip()]
        if any(len(v) > 120 for v in items):
            raise ValueError("each item is at most 120 characters")
        return items


# Default time zone by country, used when a profile is created with only a country.
DEFAULT_TIMEZONES = {"US": "America/New_York", "GB": "Europe/London", "IE": "Europe/Dublin", "IT": "Europe/Rome",
                     "DE": "Europe/Berlin", "FR": "Europe/Paris", "ES": "Europe/Madrid", "NL": "Europe/Amsterdam",
                     "CA": "America/Toronto", "AU": "Australia/Sydney"}


def resolve_profile(profile: ClinicProfile, kb) -> ClinicProfile:
    """Return the profile with its specialty resolved to an id through the knowledge base's aliases.

    Raises KnowledgeError (with the closest known specialties) for an unknown specialty.
    """
    spec = kb.specialty(profile.specialty)
    return profile if spec.id == profile.specialty else profile.model_copy(update={"specialty": spec.id})
