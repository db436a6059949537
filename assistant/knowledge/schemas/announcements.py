"""Schema of knowledge/data/announcements.yaml: practice news posts the chat writes on request."""

from __future__ import annotations

import datetime as dt
import functools
import re

from pydantic import Field, field_validator

from ..base import Regex, Strict

SLOTS = frozenset(
    {"clinic", "city", "booking", "phone", "person", "role", "days", "service", "date", "successor", "emergency"}
    | {"city_clause", "when", "pay", "hours", "offer", "destination", "years_clause", "old_way", "new_way"}
    | {"occasion", "timetable", "timetable_clause", "new_place", "greeting", "time_clause", "cost_line", "about_line"}
    | {"a_role", "services", "opening_hours", "need", "how_long", "hours_line", "missing_line", "amount", "cause"}
)
_SLOT = re.compile(r"\{(\w+)\}")


@functools.cache
def _new_thing(names: str) -> re.Pattern[str]:
    # "our new dental implant scanner", or one "we have just bought": the thing, with up to three words before it
    bought = r"(?:just|recently)\s+(?:bought|got|purchased|installed|acquired|invested in)\s+(?:an?|our|the)(?:\s+new)?"
    return re.compile(rf"\b(?:new|{bought})\s+((?:[\w'’-]+\s+){{0,3}}?(?:{names}))s?\b", re.IGNORECASE)


class NewsKind(Strict):
    """One kind of practice news: how a request for it is recognised, and the post for each kind of platform."""

    id: str
    title: str
    cues: tuple[Regex, ...] = Field(min_length=1)  # case-insensitive regular expressions
    # Cues that name this news outright ("a stall at the show"): tried for every kind before any kind's own cues,
    # so the stall's event is the news even though the message names "the new practice nurse clinic" too.
    first_cues: tuple[Regex, ...] = ()
    social: str = Field(min_length=40)
    linkedin: str = Field(min_length=20)
    google_business: str = Field(min_length=20)
    notes: tuple[str, ...] = ()
    # Things a "new ..." names for this kind ("our new dental implant scanner": scanner; "we have just bought a 3D
    # scanner"): "new" or "just bought a" and up to three words before one of them is a cue, and the words with the
    # thing are what the post announces.
    things: tuple[str, ...] = ()
    # Countries whose rules bar this kind of post (Italy's "information, not promotion" for a price offer): their
    # askers get no such post, and the card answering the message says why.
    not_in: tuple[str, ...] = ()
    card: str | None = None  # the answer card whose advice follows this post, whatever else the message matches
    guide: str | None = None  # the card whose advice follows this post when no card fits the message itself well
    # Standard replies to the comments this news will draw (situation -> reply), written as a second draft when the
    # message asks for replies too ("the announcement + 2-3 standard replies for the angry comments").
    comment_replies: dict[str, str] = {}
    reply_notes: tuple[str, ...] = ()

    @property
    def new_thing(self) -> re.Pattern[str] | None:
        """ "new" (or "just bought a") and up to three words before one of `things`, the words and the thing as
        group 1; None without."""
        if not self.things:
            return None
        names = "|".join(re.escape(t) for t in sorted(self.things, key=len, reverse=True))
        return _new_thing(names)

    @field_validator("social", "linkedin", "google_business")
    @classmethod
    def _known_slots(cls, value: str) -> str:
        unknown = set(_SLOT.findall(value)) - SLOTS
        if unknown:
            raise ValueError(f"unknown placeholders {sorted(unknown)}; use {sorted(SLOTS)}")
        return value

    @field_validator("comment_replies")
    @classmethod
    def _known_reply_slots(cls, value: dict[str, str]) -> dict[str, str]:
        for reply in value.values():
            cls._known_slots(reply)
        return value


class NewsEmail(Strict):
    """Practice news asked for as an email to the practice's patients ("the email we send to current patient
    families"): the post's own words under a subject line, with the note on who may be emailed."""

    asked: Regex  # the request for an email rather than a post
    subject: str  # the subject line; {title}: the news kind's title
    notes: tuple[str, ...] = ()


class AnnouncementData(Strict):
    updated: dt.date
    kinds: tuple[NewsKind, ...] = Field(min_length=1)
    roles: tuple[str, ...] = Field(min_length=1)  # job titles a welcome post names ("hygienist", "GP")
    # A request for news that also asks for replies to the comments it will draw ("... + 3 standard replies").
    replies_too: tuple[Regex, ...] = ()
    # The greeting a holiday-hours post opens with, by occasion in lower case ("eid": "Eid Mubarak ..."); {clinic}.
    greetings: dict[str, str] = {}
    email: NewsEmail | None = None
