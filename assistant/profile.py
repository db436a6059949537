"""The clinic profile: who the clinic is, so every answer and plan can be tailored to it."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import InputError
from .knowledge.models import PLATFORM_IDS

if TYPE_CHECKING:
    from .knowledge import KnowledgeBase

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
DEFAULT_TIMEZONES = {
    "US": "America/New_York",
    "GB": "Europe/London",
    "IE": "Europe/Dublin",
    "IT": "Europe/Rome",
    "DE": "Europe/Berlin",
    "FR": "Europe/Paris",
    "ES": "Europe/Madrid",
    "NL": "Europe/Amsterdam",
    "CA": "America/Toronto",
    "AU": "Australia/Sydney",
    "IN": "Asia/Kolkata",
}


def default_timezone(country: str) -> str:
    """The main time zone of a country code ("UK" counts as GB); UTC for a country without one listed."""
    code = country.strip().upper()
    return DEFAULT_TIMEZONES.get("GB" if code == "UK" else code, "UTC")


def country_code(kb: KnowledgeBase, value: str) -> str:
    """A two-letter country code the guidance knows ("uk" -> "GB"); anything else is an InputError."""
    code = value.strip().upper() if isinstance(value, str) else ""
    code = "GB" if code == "UK" else code
    countries = getattr(kb, "countries", None)
    if not code or countries is None or countries.rules_for(code) is None:
        known = ", ".join(c.code for c in countries.countries) if countries is not None else "US, GB"
        raise InputError(f"unknown country code {value!r}; use a two-letter code such as {known}")
    return code


def validation_message(exc: ValidationError) -> str:
    """A pydantic error as short lines a clinic manager can act on: 'field: problem'."""
    lines = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "profile"
        msg = str(err["msg"]).removeprefix("Value error, ")
        lines.append(f"{field.replace('_', ' ')}: {msg}")
    return "; ".join(lines)


def _timezone(country: str, chosen: str, previous: ClinicProfile | None) -> str:
    """Keep a chosen time zone; follow the country when none was chosen or it was only the old country's default."""
    if not chosen or (previous and chosen == DEFAULT_TIMEZONES.get(previous.country) and country != previous.country):
        return DEFAULT_TIMEZONES.get(country, chosen or "UTC")
    return chosen


def profile_from_fields(
    kb: KnowledgeBase, fields: Mapping[str, Any], previous: ClinicProfile | None = None
) -> ClinicProfile:
    """The one way to build a ClinicProfile from loose fields (a web form, command-line options, a JSON line).

    Fields left out or None take the defaults; the specialty and platforms may be names or aliases ("derm",
    "gbp") and come back as ids; the country must be one the guidance knows; the time zone follows the country
    unless one was chosen. Raises InputError (field and problem in plain words) or KnowledgeError (unknown
    specialty or platform, with the closest known names)."""
    data = {k: v for k, v in fields.items() if v is not None}
    for key in ("specialty", "country", "timezone"):
        if key in data and not isinstance(data[key], str):
            raise InputError(f"{key}: must be text, not {type(data[key]).__name__}")
    platforms = data.get("platforms")
    if platforms is not None:
        if isinstance(platforms, str) or not all(isinstance(p, str) for p in platforms):
            raise InputError('platforms: must be a list of platform names, e.g. ["instagram", "facebook"]')
        data["platforms"] = [kb.platform(p).id for p in platforms]
    if str(data.get("specialty") or "").strip():
        data["specialty"] = kb.specialty(data["specialty"]).id
    else:
        data.pop("specialty", None)
    data["country"] = country_code(kb, data.get("country") or "US")
    data["timezone"] = _timezone(data["country"], str(data.get("timezone") or "").strip(), previous)
    try:
        return ClinicProfile(**data)
    except ValidationError as exc:
        raise InputError(validation_message(exc)) from None
    except TypeError as exc:  # a field of the wrong shape that pydantic could not even look at
        raise InputError(f"profile: {exc}") from None


def resolve_profile(profile: ClinicProfile, kb: KnowledgeBase) -> ClinicProfile:
    """Return the profile with its specialty resolved to an id through the knowledge base's aliases.

    Raises KnowledgeError (with the closest known specialties) for an unknown specialty.
    """
    spec = kb.specialty(profile.specialty)
    return profile if spec.id == profile.specialty else profile.model_copy(update={"specialty": spec.id})
