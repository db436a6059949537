"""Schema of knowledge/data/review_replies.yaml: reply templates that never confirm a patient relationship.

Why the validator refuses a confirming template: in the US even confirming that a reviewer is a patient can
be a HIPAA disclosure, so a template that does would be an unsafe default for every clinic that uses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field, model_validator

from ..base import Regex, Strict, compiled

Tone = Literal["warm", "formal"]
Sentiment = Literal["negative", "mixed", "positive"]


class ThreatKind(Strict):
    patterns: tuple[str, ...] = Field(min_length=1)
    steps: tuple[str, ...] = Field(min_length=1)
    urgent: bool = False  # its steps come before the general ones (safety first)


class CrisisReply(Strict):
    """A message that speaks of suicide or self-harm gets this reply at once (emergency and crisis numbers for the
    asker's country), never a review template or silence. {emergency} and {crisis} are filled from the emergency
    numbers in guardrails.yaml, or the `unknown_*` wording when the country is not known."""

    patterns: tuple[Regex, ...] = Field(min_length=1)  # case-insensitive
    reply: str = Field(min_length=40)
    crisis_sentence: str  # with {crisis}: the country's crisis line
    unknown_emergency: str
    unknown_crisis: str
    steps: tuple[str, ...] = Field(min_length=1)


class ReplyText(Strict):
    """One reply in two tones; {contact} is how to reach the practice privately."""

    warm: str = Field(min_length=40)
    formal: str = Field(min_length=40)


class AlsoText(ReplyText):
    """A sentence naming a kind of complaint, used when the review's `cues` (regular expressions) are met."""

    warm: str = Field(min_length=20)
    formal: str = Field(min_length=20)
    cues: tuple[Regex, ...] = Field(min_length=1)


class Situation(Strict):
    """A kind of review clinics meet (wait times, billing, rudeness, praise for a named nurse...)."""

    id: str
    label: str
    sentiment: Sentiment
    cues: tuple[str, ...] = ()  # regular expressions (case-insensitive) that point to this situation
    # Regular expressions (case-insensitive) that rule the situation out even when its cues match: "I was ten
    # minutes late" is no complaint about waiting.
    not_when: tuple[Regex, ...] = ()
    # The review says something graver that comes first ("paid £14,500 ... I still can't walk": the result, then the
    # fee named in passing): the situation follows every other one the review matches.
    second_when: tuple[Regex, ...] = ()
    replies: tuple[ReplyText, ...] = Field(min_length=3)
    # A sentence that names this kind of complaint in general words, added to the reply of a review whose main
    # complaint is another ("we waited two hours and the receptionist was rude": the wait, then the manner).
    also: AlsoText | None = None


def find_confirming(text: str, phrases: Iterable[str]) -> str | None:
    """The first phrase in `text` that would confirm a patient relationship, or None."""
    low = text.lower()
    return next((p for p in phrases if compiled(rf"\b{re.escape(p)}\b").search(low)), None)


class LocalReplies(Strict):
    """The general replies in another language, for a review written in it ("Pésima atención..."): by sentiment, in
    one tone, with the language's own way to ask for private contact and to sign off."""

    name: str = Field(min_length=3)  # the language's English name ("Spanish"), for the draft's title
    contact: dict[Literal["with_phone", "without_phone"], str]
    signoff: str = Field(min_length=3)  # "La dirección de la clínica"
    negative: tuple[str, ...] = Field(min_length=2)
    mixed: tuple[str, ...] = Field(min_length=2)
    positive: tuple[str, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_private_channel_each(self) -> LocalReplies:
        for kind in ("negative", "mixed", "positive"):
            for text in getattr(self, kind):
                if text.count("{contact}") != 1:
                    raise ValueError(f"{self.name} {kind}: every reply offers a private channel once ({{contact}})")
        if "{phone}" not in self.contact["with_phone"]:
            raise ValueError(f"{self.name} contact.with_phone: name the practice's number ({{phone}})")
        return self


class ReplyData(Strict):
    contact: dict[Literal["with_phone", "without_phone"], str]
    templates: dict[Sentiment, tuple[str, ...]]
    situations: tuple[Situation, ...] = ()
    confirming_phrases: tuple[str, ...] = Field(min_length=5)
    sentiment: dict[Literal["negative", "positive"], tuple[str, ...]]
    # Words that turn a positive word within the three words after them into a complaint ("would not recommend",
    # "NO LO RECOMIENDO" glossed "not the recommend"): that word counts as negative.
    negations: tuple[str, ...] = ()
    threats: dict[str, ThreatKind | tuple[str, ...]]
    crisis: CrisisReply | None = None
    reply_guidance: tuple[str, ...]
    guides: dict[Literal["reply", "guidance"], str]
    signoff: str = "The practice manager"
    # A review in one of these languages (ISO 639-1) gets its replies in that language.
    languages: dict[str, LocalReplies] = {}
    english_asked: Regex | None = None  # "reply in English": English replies, whatever the review's language
    # The English the replies in other languages translate, by sentiment and in the same order; shown beside them
    # when the request wants the English too (`english_too`: "give me the English too so I know what we're saying").
    translated_from: dict[Sentiment, tuple[str, ...]] = {}
    english_too: Regex | None = None

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
        for code, local in self.languages.items():
            for kind, english in self.translated_from.items():
                if len(getattr(local, kind)) != len(english):
                    raise ValueError(f"languages.{code}.{kind}: one reply for each of translated_from.{kind}")
        if not isinstance(self.threats.get("always"), tuple):
            raise ValueError("threats.always: list the steps shown for every threat")
        return self
