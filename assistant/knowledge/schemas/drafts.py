"""Schema of knowledge/data/drafts.yaml: what counts as a request to write, and the pieces of a bio."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from ..base import Strict

DraftKind = Literal["caption", "bio", "review_reply", "video_script", "hashtags", "plan"]


class DraftData(Strict):
    order: tuple[DraftKind, ...]
    requests: dict[DraftKind, tuple[str, ...]]
    subject_cues: tuple[str, ...]
    guidance: dict[DraftKind, str] = {}  # draft kind -> the card whose guidance follows the draft
    bio_templates: tuple[tuple[str, ...], ...] = Field(min_length=3)
    services: dict[str, str]

    @field_validator("requests")
    @classmethod
    def _compiles(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for patterns in value.values():
            for pattern in patterns:
                re.compile(pattern, re.IGNORECASE)
        return value
