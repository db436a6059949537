"""The clinic profile from the web form, and the first questions offered for it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..profile import ClinicProfile, profile_from_fields

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase


# Questions offered to someone who opens a new conversation; {platform} and {specialty} come from the profile.
STARTER_TEMPLATES = (
    "How do I start on {platform}?",
    "Draft my first editorial plan for {platforms_text}.",
    "Which hashtags should a {specialty} practice use on {platform}?",
    "How do I answer a 1-star review without breaking patient privacy?",
    "Can I post a patient's before-and-after photo?",
    "Give me video ideas for {specialty} on {video_platform}.",
)


def split_items(text: str) -> list[str]:
    """'families, new parents;seniors' -> ['families', 'new parents', 'seniors'] (commas, semicolons, lines)."""
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]


def profile_from_form(
    values: dict[str, Any], kb: KnowledgeBase, previous: ClinicProfile | None = None
) -> ClinicProfile:
    """Validate sidebar values into a ClinicProfile with its specialty resolved; raises InputError."""
    data = dict(values)
    typed = str(data.pop("specialty_text", "") or "").strip()
    if typed:
        data["specialty"] = typed
    for key in ("audiences", "goals", "languages", "staff"):
        if isinstance(data.get(key), str):
            data[key] = split_items(data[key])
    return profile_from_fields(kb, data, previous)  # KnowledgeError names the closest specialties


def starter_questions(profile: ClinicProfile, kb: KnowledgeBase) -> list[str]:
    """Ready-made first questions that fit the clinic's specialty and platforms."""
    platforms = [kb.platforms[p].name for p in profile.platforms if p in kb.platforms] or ["Instagram"]
    video = next(
        (kb.platforms[p].name for p in profile.platforms if p in kb.platforms and kb.platforms[p].takes_video),
        "Instagram",
    )
    try:
        specialty = kb.specialty(profile.specialty).name.lower()
    except Exception:  # noqa: BLE001 - an unknown specialty only makes the wording generic
        specialty = "medical"
    fields = {
        "platform": platforms[0],
        "platforms_text": " and ".join(platforms[:2]),
        "specialty": specialty,
        "video_platform": video,
    }
    return [t.format(**fields) for t in STARTER_TEMPLATES]
