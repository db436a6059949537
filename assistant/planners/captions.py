"""Caption drafts built from the topic, the specialty and a call to action, within the platform's limit."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..profile import ClinicProfile


def team_phrase(spec) -> str:
    """'our dermatology team' (acronyms such as ENT keep their capitals)."""
    name = " ".join(w if w.isupper() else w.lower() for w in spec.name.split())
    return f"our {name} team"


def message_text(caption: str, hashtags: list[str]) -> str:
    """The text a scheduler publishes: caption, a blank line, then the hashtags."""
    return f"{caption}\n\n{' '.join(hashtags)}" if hashtags else caption


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)].rsplit(" ", 1)[0].rstrip(" ,.;:-")
    return cut + "…"


def variants(data, platform) -> int:
    """How many different captions one topic can get on this platform (pieces cycle independently)."""
    pieces = data.captions
    ctas = pieces.ctas.get(platform.id) or pieces.ctas["default"]
    return math.lcm(len(pieces.openers), len(pieces.bodies), len(ctas))


def draft_caption(data, spec, platform, topic: str, variant: int, observance=None, hashtags: Sequence[str] = ()) -> str:
    """A caption for one post; optional parts are dropped, in order, until it fits the platform.

    `variant` picks the opener, body and call to action; each cycles on its own, so consecutive posts differ
    in every part (keep the list lengths coprime, e.g. 7 openers and 5 bodies, for the most combinations)."""
    pieces = data.captions
    team = team_phrase(spec)
    ctas = pieces.ctas.get(platform.id) or pieces.ctas["default"]
    opener = pieces.openers[variant % len(pieces.openers)].format(topic=topic.rstrip(". "))
    body = pieces.bodies[variant % len(pieces.bodies)].format(team=team, team_cap=team[0].upper() + team[1:])
    cta = ctas[variant % len(ctas)]
    aware = ""
    name = observance.name.split(" (")[0] if observance is not None else ""
    if name and name.lower() not in topic.lower():
        aware = pieces.awareness.format(observance=name)
    # Most to least important: the topic, the disclaimer (compliance R22), the call to action,
    # the awareness link, the body.
    parts = {"opener": opener, "aware": aware, "body": body, "cta": cta, "disclaimer": pieces.disclaimer}
    budget = platform.limits.caption_chars - (len(" ".join(hashtags)) + 2 if hashtags else 0)
    for drop in ("body", "aware", "cta", "disclaimer"):
        text = _join(parts)
        if len(text) <= budget:
            return text
        parts[drop] = ""
    return _shorten(_join(parts), budget)


def _join(parts: dict[str, str]) -> str:
    head = " ".join(p for p in (parts["opener"], parts["aware"]) if p)
    blocks = [head, parts["body"], " ".join(p for p in (parts["cta"], parts["disclaimer"]) if p)]
    return "\n\n".join(b for b in blocks if b)


def profile_values(profile: ClinicProfile) -> dict[str, str]:
    """Placeholder values for authored copy: {clinic}, {city}, {booking}, {phone} ("" when not set)."""
    name = "" if profile.name == "My clinic" else profile.name
    return {"clinic": name, "city": profile.city, "booking": profile.booking_url, "phone": profile.phone}


def tone_order(profile: ClinicProfile) -> tuple[str, str]:
    """The authored tones, the clinic's first: 'formal' or a professional tone without 'warm' picks professional."""
    tone = profile.tone.lower()
    formal = "formal" in tone or ("professional" in tone and "warm" not in tone and "friendly" not in tone)
    return ("professional", "warm") if formal else ("warm", "professional")


def copy_captions(copy, platform, values: dict[str, str], tones: tuple[str, ...], observance=None) -> list[str]:
    """Finished captions for one topic on one platform, best first: the platform's own adaptation (LinkedIn's
    register, a Google Business update, X within 280 characters), then each tone. A post tied to an awareness
    day names the day first."""
    from ..knowledge.copy import fill
    from ..knowledge.models import published_length

    own = {"linkedin": copy.linkedin, "google_business": copy.google_business, "x": copy.x}.get(platform.id)
    texts = [own] if own else []
    for name in tones:
        tone = getattr(copy, name)
        texts.append(f"{tone.hook}\n\n{tone.body}\n\n{copy.cta}")
    # A topic used again on the same kind of platform: its short versions are finished posts too.
    texts += [t for t in (copy.x, copy.google_business) if t and t != own]
    out = []
    for text in texts:
        text = fill(text, values)
        day = observance.name.split(" (")[0] if observance is not None else ""
        if day and day.lower() not in text.lower():
            text = f"{day}. {text}"
        if published_length(text, platform.limits) <= platform.limits.caption_chars:
            out.append(text)
    return out
