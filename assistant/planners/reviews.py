"""Review reply drafts that never confirm a patient relationship; guidance instead of a reply for threats.

Why: in the US even confirming that a reviewer is a patient can be a HIPAA disclosure, and practices
have paid settlements for replies that named patients or described their care (compliance.md R1-R5).
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import InputError
from . import compliance
from .data import PROJECT_DATA, read_yaml_model

MAX_REVIEW_CHARS = 10_000
_PHONE = re.compile(r"^\+?[0-9 ().\-]{6,25}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ThreatKind(_Strict):
    patterns: tuple[str, ...] = Field(min_length=1)
    steps: tuple[str, ...] = Field(min_length=1)
    urgent: bool = False  # its steps come before the general ones (safety first)


class ReplyData(_Strict):
    contact: dict[Literal["with_phone", "without_phone"], str]
    templates: dict[Literal["negative", "mixed", "positive"], tuple[str, ...]]
    confirming_phrases: tuple[str, ...] = Field(min_length=5)
    sentiment: dict[Literal["negative", "positive"], tuple[str, ...]]
    threats: dict[str, ThreatKind | tuple[str, ...]]
    reply_guidance: tuple[str, ...]
    guides: dict[Literal["reply", "guidance"], str]

    @model_validator(mode="after")
    def _templates_never_confirm(self) -> ReplyData:
        for kind, templates in self.templates.items():
            for template in templates:
                hit = find_confirming(template, self.confirming_phrases)
                if hit:
                    raise ValueError(f"templates.{kind}: {hit!r} would confirm a patient relationship")
        if not isinstance(self.threats.get("always"), tuple):
            raise ValueError("threats.always: list the steps shown for every threat")
        return self


class ReplyDraft(BaseModel):
    reply: str  # empty when kind is "guidance"
    findings: list[dict]
    kind: Literal["reply", "guidance"]
    guidance: list[str]
    sentiment: Literal["negative", "mixed", "positive"] | None
    threats: list[str]
    guide: str


def find_confirming(text: str, phrases) -> str | None:
    """The first phrase in `text` that would confirm a patient relationship, or None."""
    low = text.lower()
    return next((p for p in phrases if re.search(rf"\b{re.escape(p)}\b", low)), None)


@lru_cache(maxsize=4)
def load_reply_data(path: Path = PROJECT_DATA / "review_replies.yaml") -> ReplyData:
    """Templates, phrases and threat rules from knowledge/data/review_replies.yaml."""
    return read_yaml_model(path, ReplyData)


def _validate(text: str, rating, clinic_phone) -> str:
    text = (text or "").strip()
    if not text:
        raise InputError("paste the text of the review to answer")
    if len(text) > MAX_REVIEW_CHARS:
        raise InputError(f"the review is longer than {MAX_REVIEW_CHARS:,} characters; paste only the review")
    if rating is not None and (isinstance(rating, bool) or rating not in range(1, 6)):
        raise InputError(f"rating must be a whole number from 1 to 5 (got {rating!r})")
    if clinic_phone is not None and not _PHONE.match(clinic_phone.strip()):
        raise InputError(f"clinic phone {clinic_phone!r} does not look like a phone number (digits, spaces, + - ( ))")
    return text


def detect_threats(text: str, data: ReplyData) -> list[str]:
    """Kinds of threat in a review (extortion, legal, violence...), in the data's order."""
    return [kind for kind, rule in data.threats.items() if isinstance(rule, ThreatKind)
            and any(re.search(p, text, re.I | re.S) for p in rule.patterns)]


def _sentiment(text: str, rating: int | None, data: ReplyData) -> str:
    if rating is not None:
        return "negative" if rating <= 2 else "mixed" if rating == 3 else "positive"
    low = text.lower()
    score = {k: sum(bool(re.search(rf"\b{re.escape(w)}\b", low)) for w in words)
             for k, words in data.sentiment.items()}
    if score["negative"] == score["positive"]:
        return "mixed"
    return max(score, key=score.get)


def draft_reply(text: str, rating: int | None = None, reviewer_name: str | None = None,
                clinic_phone: str | None = None, *, data: ReplyData | None = None) -> ReplyDraft:
    """A calm, generic public reply to a review, or guidance when the review threatens."""
    text = _validate(text, rating, clinic_phone)
    data = data or load_reply_data()
    threats = detect_threats(text, data)
    if threats:
        rules = [data.threats[kind] for kind in threats]
        steps = [s for r in rules if r.urgent for s in r.steps] + list(data.threats["always"])
        steps += [s for r in rules if not r.urgent for s in r.steps]
        return ReplyDraft(reply="", findings=[], kind="guidance", guidance=steps, sentiment="negative",
                          threats=threats, guide=data.guides["guidance"])
    sentiment = _sentiment(text, rating, data)
    templates = data.templates[sentiment]
    # The same review always gets the same draft; different reviews get different wordings.
    choice = hashlib.sha256(text.encode()).digest()[0] % len(templates)
    contact = (data.contact["with_phone"].format(phone=clinic_phone.strip()) if clinic_phone
               else data.contact["without_phone"])
    reply = templates[choice].format(contact=contact)
    # The reviewer's name is never used in a reply (R2); it is passed on so the checker can flag it.
    findings = compliance.check(reply, kind="reply", reviewer_name=reviewer_name)
    return ReplyDraft(reply=reply, findings=findings, kind="reply",
                      guidance=list(data.reply_guidance), sentiment=sentiment, threats=[], guide=data.guides["reply"])
