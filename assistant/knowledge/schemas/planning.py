"""Schema of knowledge/data/planning.yaml: the planners' production estimates, caption pieces and templates."""

from __future__ import annotations

from pydantic import Field

from ..base import Strict
from ..models import Format


class Captions(Strict):
    openers: tuple[str, ...] = Field(min_length=1)
    bodies: tuple[str, ...] = Field(min_length=1)
    awareness: str
    disclaimer: str
    ctas: dict[str, tuple[str, ...]]  # platform id or "default" -> calls to action


class PlanWarning(Strict):
    rule: str
    severity: str
    message: str


class VideoTemplate(Strict):
    title: str
    hook: str
    outline: tuple[str, ...] = Field(min_length=3, max_length=6)
    cta: str


class VideoData(Strict):
    durations: dict[str, int]
    required_kinds: tuple[str, ...]
    templates: dict[str, VideoTemplate]
    procedure_words: tuple[str, ...]
    compliance: dict[str, str]


class StarterData(Strict):
    account_title: str
    profile_title: str
    verification_title: str
    verification_default: str
    first_posts_title: str
    cadence_title: str
    times_title: str
    hashtags_title: str
    avoid_title: str
    avoid_default: tuple[str, ...]
    first_30_days_default: tuple[str, ...]


class PlanningData(Strict):
    minutes_per_format: dict[str, int]
    minutes_per_kind: dict[str, int]
    format_hints: dict[str, str]
    plannable_kinds: tuple[str, ...]
    seasonal_keywords: dict[str, tuple[int, ...]]
    # Words tied to a date in the calendar, not to a season: never shifted for the southern hemisphere.
    calendar_keywords: dict[str, tuple[int, ...]] = {}
    southern_hemisphere: tuple[str, ...]
    platform_tag_patterns: dict[str, str]
    awareness_pillar_keywords: tuple[str, ...]
    awareness_topic: str  # topic text for an observance no bank topic is about; {name} = its name
    captions: Captions
    consent_keywords: tuple[str, ...]
    consent_warning: PlanWarning
    pillar_guides: dict[str, str]
    default_guides: tuple[str, ...]
    capacity: dict[str, str]
    video: VideoData
    starter: StarterData

    def minutes(self, fmt: Format) -> int:
        """Estimated production minutes for a knowledge `Format`."""
        return self.minutes_per_format.get(fmt.id, self.minutes_per_kind.get(fmt.kind, 30))
