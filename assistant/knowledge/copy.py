"""Ready-to-post copy for the specialties' topics (knowledge/copy/<specialty>.yaml), written like a clinic's
best copywriter would: a hook, a plain-language body in two tones, one call to action that never asks for
health details by message, alt text, an image brief, and for many topics carousel slides and a short-video
script. Placeholders {clinic}, {city}, {booking} and {phone} are filled from the clinic profile.
"""

from __future__ import annotations

import re

from pydantic import Field, field_validator, model_validator

from .base import Strict

PLACEHOLDERS = frozenset({"clinic", "city", "booking", "phone"})
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_ON_PHONE = re.compile(r"\b(us|team|line|nurse|desk) on \{phone\}")  # "call us on {phone}" with no number
# A call to action sends people to a phone line, a booking page, a portal or a visit: never to a DM with
# their health details (privacy: health data does not belong in social media messages).
_DM_INVITE = re.compile(
    r"\b(dm|direct message|message us|send us (a|your) (message|question|photo)|inbox us|"
    r"tell us (about )?your (symptoms|condition))\b",
    re.IGNORECASE,
)


def _words(text: str) -> int:
    return len(text.split())


def _words_between(low: int, high: int):
    """A validator: the text has low to high words."""

    def check(cls, value: str) -> str:
        if not low <= _words(value) <= high:
            raise ValueError(f"the body has {_words(value)} words; write {low} to {high}")
        return value

    return check


def _placeholders(text: str) -> str:
    unknown = set(_PLACEHOLDER.findall(text)) - PLACEHOLDERS
    if unknown:
        raise ValueError(f"unknown placeholder(s) {sorted(unknown)}; use {sorted(PLACEHOLDERS)}")
    if "#" in text:
        raise ValueError("hashtags are chosen per platform, not written into the copy")
    return text


class Tone(Strict):
    hook: str = Field(min_length=10, max_length=150)  # the first line a patient would stop for
    body: str = Field(min_length=50)

    _check = field_validator("hook", "body")(lambda cls, v: _placeholders(v))
    _length = field_validator("body")(_words_between(50, 150))


class Beat(Strict):
    say: str = Field(min_length=5)
    on_screen: str = Field(min_length=2, max_length=80)


class Script(Strict):
    hook: str = Field(min_length=5)  # 0-3 s, spoken and on screen
    beats: tuple[Beat, ...] = Field(min_length=3, max_length=5)
    cta: str = Field(min_length=5)  # the last 5 s
    filming: str = Field(min_length=20)  # who appears, consent, nothing identifying in the background
    seconds: int = Field(ge=30, le=60)

    def lines(self, values: dict[str, str]) -> list[str]:
        """The script as numbered lines with the clinic's details filled in: hook, beats, call to action."""
        beats = [f"{n}. {fill(b.say, values)} (on screen: {b.on_screen})" for n, b in enumerate(self.beats, 1)]
        return [
            f"0-3 s (hook, spoken and on screen): {fill(self.hook, values)}",
            *beats,
            f"Last 5 s: {fill(self.cta, values)}",
        ]

    @field_validator("filming")
    @classmethod
    def _consent(cls, value: str) -> str:
        if "consent" not in value.lower():
            raise ValueError("filming notes say whose consent is needed")
        return value


class PostCopy(Strict):
    topic: str = Field(min_length=8)  # a topic title of the specialty's topic bank, exactly
    warm: Tone
    professional: Tone
    cta: str = Field(min_length=10)
    alt_text: str = Field(min_length=15, max_length=250)
    brief: str = Field(min_length=15)  # the image or shot to make
    slides: tuple[str, ...] = ()  # carousel: 5 to 8 slides, at most 25 words each
    script: Script | None = None
    linkedin: str | None = None  # the professional register, for LinkedIn
    google_business: str | None = Field(default=None, max_length=1500)  # an update: no hashtags
    x: str | None = Field(default=None, max_length=280)

    _check = field_validator("cta", "linkedin", "google_business", "x")(
        lambda cls, v: v if v is None else _placeholders(v)
    )

    @field_validator("cta")
    @classmethod
    def _no_dm(cls, value: str) -> str:
        if _DM_INVITE.search(value):
            raise ValueError(
                "the call to action must point to a phone line, booking page, portal or visit, "
                "never invite health details by direct message"
            )
        return value

    @model_validator(mode="after")
    def _slides(self) -> PostCopy:
        if self.slides and not 5 <= len(self.slides) <= 8:
            raise ValueError(f"{len(self.slides)} slides; a carousel has 5 to 8")
        long = [i + 1 for i, s in enumerate(self.slides) if _words(s) > 25]
        if long:
            raise ValueError(f"slide(s) {long} have more than 25 words")
        return self


class CopyFile(Strict):
    specialty: str
    posts: tuple[PostCopy, ...] = Field(min_length=1)


def fill(text: str, values: dict[str, str]) -> str:
    """The text with {clinic}, {city}, {booking} and {phone} filled in (plain words where a value is missing)."""
    defaults = {"clinic": "our clinic", "city": "your area", "booking": "our website", "phone": "the practice"}
    if not any(c.isdigit() for c in values.get("phone") or ""):  # no number: "call us", never "call us on the practice"
        text = _ON_PHONE.sub(r"\1", text)
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1)) or defaults.get(m.group(1), m.group(0)), text)


class DayCopy(Strict):
    """A post about an awareness day itself, for specialties whose topic bank has nothing about it."""

    id: str  # the observance id in data/awareness.yaml
    hook: str = Field(min_length=10, max_length=150)  # names the day
    body: str = Field(min_length=30)
    cta: str = Field(min_length=10)
    alt_text: str = Field(min_length=15, max_length=250)
    brief: str = Field(min_length=15)

    _check = field_validator("hook", "body", "cta")(lambda cls, v: _placeholders(v))
    _dm = field_validator("cta")(lambda cls, v: PostCopy._no_dm(v))
    _length = field_validator("body")(_words_between(30, 120))


class DayCopyFile(Strict):
    days: tuple[DayCopy, ...] = Field(min_length=1)
