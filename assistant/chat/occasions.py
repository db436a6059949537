"""A caption for a named awareness day or month ("a caption for World Mental Health Day for our clinic"): the day's
authored post (knowledge/copy/awareness/days.yaml) with when it falls this year, its hashtag and, for a
mental-health day, the crisis line for the asker's country. The added sentences are data (drafts.yaml,
`extras.awareness`)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..knowledge.base import compiled
from ..knowledge.copy import fill
from ..knowledge.dates import resolve
from ..knowledge.models import Observance, Platform
from ..knowledge.schemas.drafts import AwarenessCaptionData
from .models import Draft

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

_ALSO_CALLED = re.compile(r"\(([^)]+)\)")
_MIN_NAME = 8  # shorter names ("Movember" aside) are too easily part of other words


def _names(observance: Observance) -> list[str]:
    main = _ALSO_CALLED.sub("", observance.name).strip()
    names = [main, *(n.strip() for n in _ALSO_CALLED.findall(observance.name))]
    # "Children's Dental Health Month" names "National Children's Dental Health Month" too
    return [*names, *(n[len("National ") :] for n in names if n.startswith("National "))]


def observance_in(kb: KnowledgeBase, text: str) -> Observance | None:
    """The awareness day or month the message names (the longest name found wins), or None."""
    low = " ".join(text.lower().replace("’", "'").split())
    best: tuple[int, Observance] | None = None
    for observance in kb.observances.values():
        for name in _names(observance):
            key = name.lower().replace("’", "'")
            if (
                len(key) >= _MIN_NAME
                and compiled(rf"\b{re.escape(key)}\b").search(low)
                and (best is None or len(key) > best[0])
            ):
                best = (len(key), observance)
    return best[1] if best else None


def when_it_falls(observance: Observance, data: AwarenessCaptionData, today: dt.date) -> str:
    """'World Mental Health Day falls on 10 October this year.': the next time it comes round from today."""
    name = _ALSO_CALLED.sub("", observance.name).strip()
    start, end = resolve(observance.rule, today.year)
    if end < today:
        start, end = resolve(observance.rule, today.year + 1)
    if observance.rule.kind == "month":
        return data.when_month.format(name=name, month=f"{start:%B}")
    if start == end:
        return data.when_day.format(name=name, date=f"{start.day} {start:%B}")
    return data.when_span.format(name=name, start=f"{start.day} {start:%B}", end=f"{end.day} {end:%B}")


_THIS_MONTH = re.compile(r"This month is\b")
_TODAY = re.compile(r"Today is\b")


def _dated(observance: Observance, data: AwarenessCaptionData, body: str, today: dt.date) -> tuple[str, str]:
    """(the post's body after when the day falls, a note on when to post it). A month's post that opens "This month
    is ..." names the month there instead ("May is Skin Cancer Awareness Month ..."), never "... runs through May.
    This month is ..."; a day's post that opens "Today is ..." is posted on the day, which the note gives, never
    "World Sight Day falls on 14 October this year. Today is World Sight Day ..."."""
    if observance.rule.kind == "month" and _THIS_MONTH.match(body):
        start, end = resolve(observance.rule, today.year)
        if end < today:
            start, _ = resolve(observance.rule, today.year + 1)
        return _THIS_MONTH.sub(f"{start:%B} is", body, count=1), ""
    when = when_it_falls(observance, data, today)
    if _TODAY.match(body):
        return body, data.post_on_the_day.format(when=when)
    return f"{when} {body}", ""


def day_name(observance: Observance) -> str:
    """The day's name without what it is also called: "World Mental Health Day"."""
    return _ALSO_CALLED.sub("", observance.name).strip()


def crisis_line(observance: Observance, data: AwarenessCaptionData, country: str | None) -> str:
    """The crisis line sentence for a mental-health day (empty for other days), for the asker's country."""
    return crisis_for(f"{observance.id} {observance.name}", data, country)


def crisis_for(name: str, data: AwarenessCaptionData, country: str | None) -> str:
    """The crisis line sentence when a day's name is about mental health ("Mental Health Awareness Week"), else ""."""
    from ..guardrails.scope import emergency_entry

    if not re.search(data.crisis_days, name, re.IGNORECASE):
        return ""
    entry = emergency_entry(country)
    if entry is None or not entry.crisis:
        return data.crisis_unknown
    return data.crisis.format(crisis=entry.crisis, number=entry.number)


def awareness_caption(
    kb: KnowledgeBase,
    observance: Observance,
    platform: Platform,
    values: dict[str, str],
    country: str | None,
    tags: list[str],
    data: AwarenessCaptionData,
    today: dt.date | None = None,
) -> Draft | None:
    """The caption for the day, or None when the day has no authored post."""
    copy = kb.awareness_copy.get(observance.id)
    if copy is None:
        return None
    crisis = crisis_line(observance, data, country)
    body, when = _dated(observance, data, " ".join(copy.body.split()), today or dt.date.today())
    paragraphs = [copy.hook, body, crisis, copy.cta]
    hashtags = list(dict.fromkeys([*([observance.hashtag] if observance.hashtag else []), *tags]))[: max(len(tags), 1)]
    text = "\n\n".join(fill(p, values) for p in paragraphs if p)
    notes = [
        *([when] if when else []),
        f"Alt text: {fill(copy.alt_text, values)}",
        f"Image: {fill(copy.brief, values)}",
    ]
    scope = {"UK": "GB"}.get(observance.scope, observance.scope)
    if scope != "international" and country and country != scope:
        notes.insert(0, f"{_ALSO_CALLED.sub('', observance.name).strip()} is a {observance.scope} observance.")
    return Draft(
        kind="caption",
        platform=platform.id,
        title=f"{platform.name} caption: {_ALSO_CALLED.sub('', observance.name).strip()}",
        text=f"{text}\n\n{' '.join(hashtags)}" if hashtags else text,
        hashtags=hashtags,
        notes=notes,
    )
