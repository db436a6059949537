"""Planner data (knowledge/data/planning.yaml): validated once, then cached.

The file is looked up next to the knowledge base in use first, so a custom knowledge directory can
override it, and falls back to the project's own copy.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..knowledge.loader import read_data_file

PROJECT_DATA = Path(__file__).resolve().parents[2] / "knowledge" / "data"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Captions(_Strict):
    openers: tuple[str, ...] = Field(min_length=1)
    bodies: tuple[str, ...] = Field(min_length=1)
    awareness: str
    disclaimer: str
    ctas: dict[str, tuple[str, ...]]  # platform id or "default" -> calls to action


class Warning_(_Strict):
    rule: str
    severity: str
    message: str


class VideoTemplate(_Strict):
    title: str
    hook: str
    outline: tuple[str, ...] = Field(min_length=3, max_length=6)
    cta: str


class VideoData(_Strict):
    durations: dict[str, int]
    required_kinds: tuple[str, ...]
    templates: dict[str, VideoTemplate]
    procedure_words: tuple[str, ...]
    compliance: dict[str, str]


class StarterData(_Strict):
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


class PlanningData(_Strict):
    minutes_per_format: dict[str, int]
    minutes_per_kind: dict[str, int]
    format_hints: dict[str, str]
    plannable_kinds: tuple[str, ...]
    seasonal_keywords: dict[str, tuple[int, ...]]
    southern_hemisphere: tuple[str, ...]
    platform_tag_patterns: dict[str, str]
    awareness_pillar_keywords: tuple[str, ...]
    awareness_topic: str  # topic text for an observance no bank topic is about; {name} = its name
    captions: Captions
    consent_keywords: tuple[str, ...]
    consent_warning: Warning_
    pillar_guides: dict[str, str]
    default_guides: tuple[str, ...]
    capacity: dict[str, str]
    video: VideoData
    starter: StarterData

    def minutes(self, fmt) -> int:
        """Estimated production minutes for a knowledge `Format`."""
        return self.minutes_per_format.get(fmt.id, self.minutes_per_kind.get(fmt.kind, 30))


def read_yaml_model(path: Path, model: type[BaseModel]):
    """Read a YAML data file and validate it; errors name the file and the field."""
    return read_data_file(path, model)

@lru_cache(maxsize=8)
def _load(path: Path) -> PlanningData:
    return read_yaml_model(path, PlanningData)


def planning_data(kb=None) -> PlanningData:
    """The planner data for this knowledge base (its own planning.yaml if it has one)."""
    if kb is not None:
        own = Path(kb.root) / "data" / "planning.yaml"
        if own.is_file():
            return _load(own)
    return _load(PROJECT_DATA / "planning.yaml")
