"""Schemas of knowledge/data/intents.yaml (how a question is routed) and chat.yaml (how an answer is worded)."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import ConfigDict, Field, field_validator

from ...errors import KnowledgeError
from ..base import Strict, check_patterns
from ..models import PLATFORM_IDS

# The intents a question can be routed to; the keywords that pick them are data (knowledge/data/intents.yaml).
Intent = Literal[
    "start_platform", "editorial_plan", "hashtags", "video_ideas", "review_reply", "compliance", "strategy"
]
INTENTS: tuple[Intent, ...] = get_args(Intent)


class IntentRule(Strict):
    keywords: dict[str, float] = Field(default_factory=dict)
    patterns: dict[str, float] = Field(default_factory=dict)

    _valid = field_validator("patterns")(lambda cls, v: check_patterns(v))


class FollowUp(Strict):
    max_words: int = Field(ge=1, le=30)
    patterns: tuple[str, ...] = Field(min_length=1)

    _valid = field_validator("patterns")(lambda cls, v: check_patterns(v))


class Expansion(Strict):
    pattern: str
    add: str = Field(min_length=2)
    weight: float = Field(default=0.5, gt=0, le=1)

    _valid = field_validator("pattern")(lambda cls, v: check_patterns((v,))[0])


class IntentData(Strict):
    priority: tuple[Intent, ...]
    intents: dict[Intent, IntentRule]
    follow_up: FollowUp
    ambiguous_aliases: tuple[str, ...] = ()
    platform_patterns: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    domain_terms: tuple[str, ...] = Field(min_length=1)
    off_topic_terms: tuple[str, ...] = ()  # practice management, not communication: never "covered" alone
    individual_medical_query: str = Field(min_length=10)
    expansions: tuple[Expansion, ...] = ()

    @field_validator("priority")
    @classmethod
    def _all_intents(cls, value: tuple[Intent, ...]) -> tuple[Intent, ...]:
        if sorted(value) != sorted(INTENTS):
            raise ValueError(f"priority must list exactly these intents: {', '.join(INTENTS)}")
        return value

    @field_validator("intents")
    @classmethod
    def _known_intents(cls, value: dict[Intent, IntentRule]) -> dict[Intent, IntentRule]:
        if sorted(value) != sorted(INTENTS):
            raise ValueError(f"intents must define exactly: {', '.join(INTENTS)}")
        return value

    @field_validator("platform_patterns")
    @classmethod
    def _platform_ids(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        unknown = [p for p in value if p not in PLATFORM_IDS]
        if unknown:
            raise ValueError(f"unknown platform id(s) {unknown}; known: {', '.join(PLATFORM_IDS)}")
        for patterns in value.values():
            check_patterns(patterns)
        return value


class Coverage(Strict):
    min_similarity: float = Field(ge=-1, le=1)
    min_similarity_in_domain: float = Field(ge=-1, le=1)
    min_similarity_other_language: float = Field(ge=-1, le=1)


class Language(Strict):
    name: str
    note: str = ""
    stopwords: frozenset[str] = Field(min_length=5)

    @field_validator("stopwords", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return frozenset(value.lower().split()) if isinstance(value, str) else value


class Languages(Strict):
    min_words: int = Field(ge=1)
    min_share: float = Field(gt=0, le=1)
    table: dict[str, Language] = Field(min_length=1)  # ISO 639-1 code -> language


class AnswerText(Strict):
    model_config = ConfigDict(extra="allow", frozen=True)  # phrases are looked up by name

    def phrase(self, name: str, **values: object) -> str:
        """The phrase called `name`, with {placeholders} filled in."""
        text = (self.model_extra or {}).get(name)
        if not isinstance(text, str):
            raise KnowledgeError(f"data/chat.yaml: field 'answer.{name}' is missing")
        return text.format(**values) if values else text


class PromptText(Strict):
    system: str = Field(min_length=50)
    profile_marker: str = Field(min_length=3)  # the line after which the system prompt holds the clinic profile
    passages_intro: str
    question_intro: str
    no_passages: str
    expert_intro: str = ""
    history_turns: int = Field(ge=0, le=50)
    history_chars: int = Field(ge=100)


class ChatData(Strict):
    coverage: Coverage
    languages: Languages
    answer: AnswerText
    prompt: PromptText
