"""Schema of knowledge/data/notices.yaml: authored drafts for requests that are not a health topic (a pinned
"no medical advice here" notice, a service notice, a review-request message, a before-and-after caption) and the
advice given instead of a reply to comments that break the page's house rules."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import Field, field_validator

from ..base import Regex, Strict
from .drafts import DraftKind

# {crisis_lines}: the crisis and emergency lines of every country the message names (else the asker's), from
# guardrails.yaml; never typed into a notice by hand.
SLOTS = frozenset(
    {"clinic", "city", "booking", "phone", "emergency", "what", "when", "treatment", "crisis_lines", "crisis_support"}
)
_SLOT = re.compile(r"\{(\w+)\}")
# `document`: one text whatever the platform (a staff policy, a line for every video description).
CHANNELS = frozenset({"social", "google_business", "linkedin", "sms", "email", "document"})


class Notice(Strict):
    """One authored draft: how a request for it is recognised, and its text for each channel."""

    id: str
    title: str
    kind: DraftKind
    cues: tuple[Regex, ...] = Field(min_length=1)  # case-insensitive regular expressions; any one recognises it
    texts: dict[str, str] = Field(min_length=1)  # channel -> text: social, google_business, linkedin, sms, email
    notes: tuple[str, ...] = ()
    guide: str | None = None  # the answer card whose advice follows the draft when no card fits the question well
    # When the message speaks of a crisis ("worrying messages late at night", "what to do in a crisis"): the
    # notice's {crisis_support} is the asker's crisis line, one sentence; else it is left out.
    crisis_when: Regex | None = None
    # Countries whose own rules forbid what this draft is for, each with the card that answers there instead: a
    # Singapore clinic asking for a before-and-after caption is told that the regulations ban result photos, and
    # gets a caption without one if a caption was asked for.
    not_in: dict[str, str] = {}
    # Written even when the message asks for replies ("an auto-reply + 3 saved replies for our staff"): the replies
    # it asks for are the saved kind, never a reply to the messages it quotes as examples.
    over_replies: bool = False
    # The message also asks for saved replies: the authored replies (`replies`: a health question, a price
    # question) follow the notice, each for the staff to keep.
    saved_replies: Regex | None = None

    @field_validator("texts")
    @classmethod
    def _channels_and_slots(cls, value: dict[str, str]) -> dict[str, str]:
        if unknown := set(value) - CHANNELS:
            raise ValueError(f"unknown channel(s) {sorted(unknown)}; use {sorted(CHANNELS)}")
        for text in value.values():
            if unknown := set(_SLOT.findall(text)) - SLOTS:
                raise ValueError(f"unknown placeholders {sorted(unknown)}; use {sorted(SLOTS)}")
        return value


class Advice(Strict):
    """Steps given instead of a public reply (comments that break house rules): no request to write needed."""

    id: str
    title: str
    cues: tuple[Regex, ...] = Field(min_length=1)  # all of them must match
    steps: tuple[str, ...] = Field(min_length=3)
    extra: dict[str, str] = {}  # a further step when this cue (a regular expression) matches too
    card: str | None = None  # the answer card whose advice follows these steps
    # A message these steps do not answer although the cues match: someone's safety at risk (an address posted, a
    # threat), or a request for what to write back; the answer cards answer it instead.
    unless: Regex | None = None


class NoticeData(Strict):
    updated: dt.date
    write: tuple[Regex, ...] = Field(min_length=1)  # what makes a message a request to write (any one)
    notices: tuple[Notice, ...] = Field(min_length=1)
    advice: tuple[Advice, ...] = ()
    replies: tuple[Notice, ...] = ()  # replies to a comment or message asking about someone's own health
    emergency: dict[str, str]  # rule set (GB, US, EU, AU, CA, IN) -> the emergency number to name
    # The sentence a notice's {crisis_support} becomes ({crisis}: the asker's country's crisis line, from guardrails)
    crisis_support: str = Field(min_length=20)
    what: tuple[Regex, ...] = ()  # patterns whose first group names what is not working ("phone lines")
    when: tuple[Regex, ...] = ()  # patterns whose first group says for how long ("all morning")
    treatment: tuple[Regex, ...] = ()  # patterns whose first group names a treatment ("teeth whitening")
