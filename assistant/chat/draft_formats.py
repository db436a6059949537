"""Writing asked for by its form rather than as a post: a Facebook ad's primary text, headline and description, a text
message to patients, an email inviting lapsed patients back, an Instagram story sequence, a website About page, a
photo consent form (knowledge/data/drafts.yaml `extras.formats`). Each is a template with the practice's details and
the subject the message names filled in, and marked places for what only the practice knows; its notes say the rule
that applies and its card follows it."""

from __future__ import annotations

import re

from ..guardrails.checker import check_text
from ..knowledge.base import compiled
from ..knowledge.copy import fill
from ..knowledge.schemas.drafts import FormatData
from .draft_topics import QUOTED_CHAR
from .models import Draft
from .wording import first_upper

_LEADING = re.compile(r"^(?:(?:our|my|the|a|an|new|brand[- ]new|upcoming|current)\s+)+", re.IGNORECASE)
_TRAILING = re.compile(r"(?:\s+(?:pls|plz|please|thanks|thank you|asap|today|tomorrow))+$", re.IGNORECASE)
_MOST_WORDS = 6  # a subject longer than this is a sentence of the asker's, not a service's name
_MOST_TITLE_WORDS = 12  # ...and a title the asker quotes ("'Egg freezing: what no one tells you'")
_QUOTES = "'\"‘“"
# A detail the practice has not given is a marked place to fill, not the plain words a post uses ("our clinic"): a form
# is filled in once and kept.
_MARKED = {"clinic": "[practice name]", "city": "[town]", "booking": "[booking link]", "phone": "[phone number]"}
# Words the asker quotes for the writing to use ("hook like 'Tired all the time? Low libido?'"), at most a sentence.
_ASKED_WORDS = re.compile(rf"(?:^|(?<=[\s:(]))['‘\"“]({QUOTED_CHAR}{{4,120}}?)['’\"”](?=[\s.,!?)]|$)")
_NOT_SUBJECT = re.compile(r"\b(?:i|i'm|we|we're|us|me|you|patients?|people|them|it|this|that|these)\b", re.IGNORECASE)


def asked_format(text: str, formats: tuple[FormatData, ...]) -> FormatData | None:
    """The first form of writing the message asks for, or None."""
    return next((f for f in formats if _asks(f, text)), None)


def _asks(form: FormatData, text: str) -> bool:
    if form.unless is not None and compiled(form.unless, re.IGNORECASE).search(text):
        return False
    return any(compiled(p, re.IGNORECASE).search(text) for p in form.asks)


def format_draft(form: FormatData, text: str, values: dict[str, str], title: str | None) -> Draft:
    """The draft of `form` for the message: its subject (what the ad, text or sequence is about) where the message
    names one in a few words, else the marked place; `title` is the asker's profession, if known."""
    subject = _subject(form, text)
    # "call the pharmacy" reads well in a post; a form kept on file marks the number to fill in
    given = {k: v for k, v in values.items() if v and (k != "phone" or any(c.isdigit() for c in v))}
    values = {**_MARKED, **given}
    slots = {
        "subject": subject or form.subject_missing,
        "Subject": first_upper(subject) if subject else form.subject_missing,
        "title": title or form.title_missing,
        "clinic": "{clinic}",
        "city": "{city}",
        "booking": "{booking}",
        "phone": "{phone}",
    }
    refused = refused_notes(text)
    return Draft(
        kind=form.kind,
        platform=form.platform,
        title=fill(form.title.format(**slots), values),
        text=fill(form.text.format(**slots), values),
        notes=[*refused, *form.notes],
        alerts=len(refused),
        card=form.card,
        guide=form.guide,
    )


def refused_notes(text: str, lead: str = "Left out, as you suggested it") -> list[str]:
    """A note for each phrase the asker quotes for the writing to use that breaks a rule ("a hook like 'Tired all the
    time? Low libido?'", "something like 'feel 25 again'"): it is left out, and the asker learns why."""
    notes = []
    for found in _ASKED_WORDS.finditer(text):
        words = found.group(1).strip()
        rules = list(dict.fromkeys(f.name for f in check_text(words, "ad") if f.severity in ("high", "medium")))
        if rules:
            names = "; ".join(r[:1].lower() + r[1:] for r in rules)
            notes.append(f"{lead}: “{words}” ({names}).")
    return notes


def _subject(form: FormatData, text: str) -> str:
    """What the message says the writing is about ("an ad for our teeth whitening offer": "teeth whitening
    offer"), or "" when it names nothing short enough to stand in every line."""
    found = compiled(form.subject, re.IGNORECASE).search(text) if form.subject else None
    # the first group that took part: a pattern may name the subject in more than one way (a quoted title, or words)
    group = next((i for i in range(1, found.re.groups + 1) if found.group(i)), 0) if found else 0
    if found is None or not group:
        return ""
    if found.start(group) > 0 and text[found.start(group) - 1] in _QUOTES:  # a title the asker quotes stands as written
        title = found.group(group).strip()
        return title if len(title.split()) <= _MOST_TITLE_WORDS else ""
    subject = _TRAILING.sub("", _LEADING.sub("", found.group(group).strip(" '\"‘’“”"))).strip()
    if not subject or len(subject.split()) > _MOST_WORDS or _NOT_SUBJECT.search(subject):
        return ""
    return subject
