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


Tone = Literal["warm", "formal"]
Sentiment = Literal["negative", "mixed", "positive"]


class ReplyText(_Strict):
    """One reply in two tones; {contact} is how to reach the practice privately."""

    warm: str = Field(min_length=40)
    formal: str = Field(min_length=40)


class Situation(_Strict):
    """A kind of review clinics meet (wait times, billing, rudeness, praise for a named nurse...)."""

    id: str
    label: str
    sentiment: Sentiment
    cues: tuple[str, ...] = ()  # regular expressions (case-insensitive) that point to this situation
    replies: tuple[ReplyText, ...] = Field(min_length=3)


class ReplyData(_Strict):
    contact: dict[Literal["with_phone", "without_phone"], str]
    templates: dict[Sentiment, tuple[str, ...]]
    situations: tuple[Situation, ...] = ()
    confirming_phrases: tuple[str, ...] = Field(min_length=5)
    sentiment: dict[Literal["negative", "positive"], tuple[str, ...]]
    threats: dict[str, ThreatKind | tuple[str, ...]]
    reply_guidance: tuple[str, ...]
    guides: dict[Literal["reply", "guidance"], str]

    @model_validator(mode="after")
    def _templates_never_confirm(self) -> ReplyData:
        texts = [(f"templates.{kind}", t) for kind, templates in self.templates.items() for t in templates]
        texts += [(f"situations.{s.id}", t) for s in self.situations for r in s.replies for t in (r.warm, r.formal)]
        for where, template in texts:
            hit = find_confirming(template, self.confirming_phrases)
            if hit:
                raise ValueError(f"{where}: {hit!r} would confirm a patient relationship")
            if "{contact}" not in template:
                raise ValueError(f"{where}: every reply offers a private channel ({{contact}})")
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
    alternatives: list[str] = []  # other replies for the same situation (the page offers three in all)
    situation: str = ""  # what the review is about, in plain words ("Long waits")


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
                clinic_phone: str | None = None, *, data: ReplyData | None = None, tone: Tone = "warm",
                signoff: str = "") -> ReplyDraft:
    """A calm, generic public reply to a review (and two alternatives), or guidance when the review threatens.
    `signoff` ends each reply ("The practice manager, Northside Clinic")."""
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
    situation = _situation(text, sentiment, data)
    texts = [getattr(r, tone) for r in situation.replies] if situation else list(data.templates[sentiment])
    # The same review always gets the same draft; different reviews get different wordings.
    choice = hashlib.sha256(text.encode()).digest()[0] % len(texts)
    contact = (data.contact["with_phone"].format(phone=clinic_phone.strip()) if clinic_phone
               else data.contact["without_phone"])
    ordered = [t.format(contact=contact) for t in texts[choice:] + texts[:choice]]
    sign = f"\n{signoff}" if signoff else ""
    reply, alternatives = ordered[0] + sign, [t + sign for t in ordered[1:3]]
    # The reviewer's name is never used in a reply (R2); it is passed on so the checker can flag it.
    findings = compliance.check(reply, kind="reply", reviewer_name=reviewer_name)
    return ReplyDraft(reply=reply, findings=findings, kind="reply", guidance=list(data.reply_guidance),
                      sentiment=sentiment, threats=[], guide=data.guides["reply"], alternatives=alternatives,
                      situation=situation.label if situation else "")


def _situation(text: str, sentiment: str, data: ReplyData) -> Situation | None:
    """The situation whose cues the review matches most (of its sentiment); else the sentiment's general one."""
    fitting = [s for s in data.situations if s.sentiment == sentiment]
    scored = [(sum(bool(re.search(c, text, re.I)) for c in s.cues), -i, s) for i, s in enumerate(fitting)]
    best = max(scored, key=lambda x: x[:2], default=None)
    if best and best[0] > 0:
        return best[2]
    return next((s for s in fitting if not s.cues), None)
