"""Validated models for everything under knowledge/: guides, platforms, observances, specialties, hashtags.

These models are the schema of the knowledge base. Loading a file that does not fit them fails with a
message naming the file and the field (see base.py; registry.py lists the data files).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, HttpUrl, field_validator, model_validator

from .base import PROJECT_KNOWLEDGE, Strict, list_in

# The platforms the assistant knows are the entries of knowledge/data/platforms.yaml (in that order): adding
# a platform is a data change plus its guide (knowledge/README.md, "Adding a platform").
PLATFORMS_FILE = PROJECT_KNOWLEDGE / "data" / "platforms.yaml"
PLATFORM_IDS: tuple[str, ...] = tuple(
    str(item["id"]) for item in list_in(PLATFORMS_FILE, PROJECT_KNOWLEDGE, "platforms") if isinstance(item, dict)
)
Category = Literal["strategy", "conversations", "compliance", "platforms"]
Scope = Literal["international", "US", "UK", "EU", "AU"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

HASHTAG_RE = re.compile(r"^#[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*$")
ID_RE = r"^[a-z0-9][a-z0-9_-]*$"


def _known_platform(value: str) -> str:
    if value not in PLATFORM_IDS:
        raise ValueError(f"unknown platform {value!r}; known: {', '.join(PLATFORM_IDS)}")
    return value


PlatformId = Annotated[str, AfterValidator(_known_platform)]  # an id from data/platforms.yaml


class Source(Strict):
    title: str = Field(min_length=3)
    url: HttpUrl
    year: int | None = Field(default=None, ge=1990, le=2030)  # None = no date on the page ("n.d.")
    # In a guide: the `##` headings this source supports. A section's own source is the first one naming it;
    # a section no source names is supported by the guide's first source.
    sections: tuple[str, ...] = ()


def _check_hashtag(tag: str) -> str:
    if not HASHTAG_RE.match(tag):
        raise ValueError(f"invalid hashtag {tag!r}: use '#' then letters, digits or underscores, no spaces")
    return tag


# --- guides ---------------------------------------------------------------------------------------


class GuideMeta(Strict):
    id: str = Field(pattern=ID_RE)
    title: str = Field(min_length=5)
    summary: str = Field(min_length=20, max_length=400)
    category: Category
    topics: tuple[str, ...] = Field(min_length=1)
    platforms: tuple[str, ...] = Field(min_length=1)  # platform ids or "all"
    specialties: tuple[str, ...] = Field(min_length=1)  # specialty ids or "all"
    seed_mistakes: tuple[int, ...] = ()  # which of the six mistakes (guides/strategy/six-common-mistakes.md) it covers
    countries: tuple[str, ...] = ()  # ISO codes (or "EU") a country-specific guide applies to; () = everywhere
    sources: tuple[Source, ...] = Field(min_length=1)
    updated: dt.date

    @field_validator("platforms")
    @classmethod
    def _known_platforms(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [p for p in value if p != "all" and p not in PLATFORM_IDS]
        if unknown:
            raise ValueError(f"unknown platform(s) {unknown}; use 'all' or one of {list(PLATFORM_IDS)}")
        return value

    @field_validator("seed_mistakes")
    @classmethod
    def _mistake_numbers(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(n not in range(1, 7) for n in value):
            raise ValueError("seed_mistakes holds numbers 1 to 6")
        return value


class Guide(Strict):
    meta: GuideMeta
    body: str  # Markdown without the front matter
    path: str  # relative to the knowledge directory

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def word_count(self) -> int:
        return len(self.body.split())

    @property
    def headings(self) -> tuple[str, ...]:
        """The `##` section headings, in order."""
        return tuple(m.group(1).strip() for m in re.finditer(r"^## (.+)$", self.body, re.MULTILINE))

    def section(self, heading: str) -> str:
        """The text of one `##` section (without its heading); "" when there is no such section."""
        return self._sections.get(heading.strip(), "")

    @cached_property
    def _sections(self) -> dict[str, str]:
        """Every `##` section's text by heading, split once (answers look sections up on every question)."""
        parts = re.split(r"^## (.+?)[ \t]*$\n?", self.body, flags=re.MULTILINE)
        found: dict[str, str] = {}
        for heading, text in zip(parts[1::2], parts[2::2], strict=True):
            found.setdefault(heading.strip(), text.strip())
        return found

    def source_for(self, heading: str) -> Source:
        """The source behind one section: the first naming it, else the first the section's text credits in an
        inline attribution ("(Rival IQ, 2023)"), else the guide's first source. A claim from a section about
        LinkedIn is not linked to the survey another section quotes."""
        named = next((s for s in self.meta.sources if heading in s.sections), None)
        return named or self._credited(self.section(heading)) or self.meta.sources[0]

    def _credited(self, text: str) -> Source | None:
        """The first of the guide's sources that an "(Organisation, year)" attribution in `text` names."""
        for found in _ATTRIBUTION.finditer(text):
            name, year = _words(found.group(1)), int(found.group(2))
            for source in self.meta.sources:
                if _words(re.split(r":| - | — ", source.title)[0])[: len(name)] == name and source.year in (None, year):
                    return source
        return None


_ATTRIBUTION = re.compile(r"\(([A-Z][^()]{1,80}?),?\s+((?:19|20)\d\d)[a-z]?\)")


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9 ]", " ", text.lower()).split()


# --- platforms ------------------------------------------------------------------------------------


class TextLimits(Strict):
    caption_chars: int = Field(gt=0)  # what a scheduler can post in one caption
    link_chars: int | None = Field(default=None, gt=0)  # a link counts as this many characters (X: 23)
    caption_visible_chars: int | None = Field(default=None, gt=0)  # shown before "more"
    bio_chars: int | None = Field(default=None, gt=0)
    title_chars: int | None = Field(default=None, gt=0)
    name_chars: int | None = Field(default=None, gt=0)


_LINK = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")


def published_length(text: str, limits: TextLimits) -> int:
    """The length a platform counts: on X every link counts as 23 characters whatever its length."""
    if limits.link_chars is None:
        return len(text)
    return len(_LINK.sub("x" * limits.link_chars, text))


class HashtagRules(Strict):
    max: int = Field(ge=0)  # hard limit (or the count above which the platform ignores them)
    recommended_min: int = Field(ge=0)
    recommended_max: int = Field(ge=0)
    note: str
    source: Source

    @model_validator(mode="after")
    def _ordered(self) -> HashtagRules:
        if not self.recommended_min <= self.recommended_max <= self.max:
            raise ValueError("need recommended_min <= recommended_max <= max")
        return self


class Format(Strict):
    id: str = Field(pattern=ID_RE)  # e.g. reel, carousel, short, long_video, article, text_post
    name: str
    kind: Literal["video", "image", "carousel", "text", "article", "story", "live", "update"]
    aspect_ratio: str | None = Field(default=None, pattern=r"^\d+(\.\d+)?:\d+(\.\d+)?$")
    max_seconds: int | None = Field(default=None, gt=0)
    recommended_seconds: int | None = Field(default=None, gt=0)
    note: str = ""

    @model_validator(mode="after")
    def _durations(self) -> Format:
        if self.kind in ("video", "live") and self.max_seconds is None:
            raise ValueError(f"video format {self.id!r} needs max_seconds")
        if self.recommended_seconds and self.max_seconds and self.recommended_seconds > self.max_seconds:
            raise ValueError(f"format {self.id!r}: recommended_seconds exceeds max_seconds")
        return self


class PostingWindow(Strict):
    days: tuple[Weekday, ...] = Field(min_length=1)
    times: tuple[str, ...] = Field(min_length=1)  # local "HH:MM", 24-hour clock

    @field_validator("times")
    @classmethod
    def _hhmm(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for t in value:
            if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", t):
                raise ValueError(f"time {t!r} is not HH:MM (24-hour)")
        return value


class Cadence(Strict):
    min_per_week: int = Field(ge=0)
    max_per_week: int = Field(ge=1)
    note: str
    source: Source


class Platform(Strict):
    id: PlatformId
    name: str
    aliases: tuple[str, ...] = ()
    audience: str  # who is there, one or two sentences with figures
    limits: TextLimits
    hashtags: HashtagRules
    formats: tuple[Format, ...] = Field(min_length=1)
    best_times: tuple[PostingWindow, ...] = Field(min_length=1)
    best_times_note: str
    best_times_source: Source
    cadence: Cadence
    guide: str  # id of the platform guide
    sources: tuple[Source, ...] = Field(min_length=1)
    updated: dt.date | None = None  # when the entry was last checked against its sources

    @property
    def takes_video(self) -> bool:
        """Whether the platform publishes video: one of its formats is a video (the data decides, not code)."""
        return any(f.kind == "video" for f in self.formats)


# --- awareness observances ------------------------------------------------------------------------


class DateRule(Strict):
    """A recurring date. Kinds:
    - fixed: `month`, `day`                      (World Health Day: 4/7)
    - nth_weekday: `month`, `weekday`, `n` 1-4    (World Kidney Day: 2nd thu of March)
    - last_weekday: `month`, `weekday`
    - last_day: `month`                           (Rare Disease Day)
    - month: `month`                              (whole month)
    - week: `month`, `day`, `length_days`         (fixed start, e.g. 1-7 August)
    - week_from_nth_weekday: `month`, `weekday`, `n`, `length_days`  (starts on that weekday)
    - weekday_before: `weekday`, `anchor` (a fixed or nth/last rule); `length_days` optional
      (World Sleep Day: fri before 20 March; Men's Health Week: mon before 3rd sun of June, 7 days)
    """

    kind: Literal[
        "fixed", "nth_weekday", "last_weekday", "last_day", "month", "week", "week_from_nth_weekday", "weekday_before"
    ]
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    weekday: Weekday | None = None
    n: int | None = Field(default=None, ge=1, le=4)
    length_days: int | None = Field(default=None, ge=1, le=31)
    anchor: DateRule | None = None

    @model_validator(mode="after")
    def _fields_for_kind(self) -> DateRule:
        need = {
            "fixed": ("month", "day"),
            "nth_weekday": ("month", "weekday", "n"),
            "last_weekday": ("month", "weekday"),
            "last_day": ("month",),
            "month": ("month",),
            "week": ("month", "day", "length_days"),
            "week_from_nth_weekday": ("month", "weekday", "n", "length_days"),
            "weekday_before": ("weekday", "anchor"),
        }[self.kind]
        missing = [name for name in need if getattr(self, name) is None]
        if missing:
            raise ValueError(f"date rule kind {self.kind!r} needs {', '.join(missing)}")
        if self.day is not None and self.month is not None:
            dt.date(2028, self.month, self.day)  # raises for 31 April etc. (2028: leap year)
        return self


class Observance(Strict):
    id: str = Field(pattern=ID_RE)
    name: str
    rule: DateRule
    month: int = Field(ge=1, le=12)  # the month the observance starts in; rules must resolve inside it
    scope: Scope
    organiser: str = ""
    specialties: tuple[str, ...] = Field(min_length=1)  # specialty ids or "all"
    hashtag: str | None = None
    hashtag_status: Literal["observed", "convention"] | None = None
    verified: bool = True  # False where the organiser's date or the fact could not be confirmed
    note: str = ""
    source: Source
    updated: dt.date | None = None

    _tag = field_validator("hashtag")(lambda cls, v: v if v is None else _check_hashtag(v))


# --- hashtags -------------------------------------------------------------------------------------


class Hashtag(Strict):
    tag: str
    category: Literal["broad", "specialty", "community", "awareness", "topic"]
    platforms: tuple[str, ...] = ("all",)
    specialties: tuple[str, ...] = ("all",)
    status: Literal["observed", "convention"]
    risky: bool = False  # never suggested: misleading, banned/restricted, or promotes harm
    note: str = ""
    source: Source | None = None
    updated: dt.date | None = None

    _tag = field_validator("tag")(lambda cls, v: _check_hashtag(v))

    @model_validator(mode="after")
    def _observed_needs_source(self) -> Hashtag:
        if self.status == "observed" and self.source is None:
            raise ValueError(f"{self.tag}: status 'observed' needs a source")
        return self


# --- specialties ----------------------------------------------------------------------------------


class Pillar(Strict):
    id: str = Field(pattern=ID_RE)
    name: str
    description: str


class Topic(Strict):
    title: str = Field(min_length=8)
    pillar: str
    formats: tuple[str, ...] = ()  # hints: reel, carousel, short, long_video, article, text_post, photo
    keywords: tuple[str, ...] = ()  # used for topic hashtags and retrieval
    # Another specialty whose finished post on this same title serves this topic too (a podiatrist's ingrown toenail
    # post is the one general practice holds): one post, checked once, in one copy file.
    copy_from: str | None = Field(default=None, pattern=ID_RE)
    # The countries whose plans the topic belongs in (dengue where it is endemic, a scheme of one health service);
    # () for everywhere. A post asked for in the chat is written wherever the asker is.
    countries: tuple[Annotated[str, Field(pattern=r"^[A-Z]{2}$")], ...] = ()


class Faq(Strict):
    question: str = Field(min_length=8)
    embarrassing: bool = False  # a question patients are embarrassed to ask
    pillar: str | None = None


class VideoIdea(Strict):
    title: str
    kind: Literal[
        "faq",
        "embarrassing_question",
        "myth_vs_fact",
        "first_visit",
        "procedure_explainer",
        "team_intro",
        "tips",
        "day_in_the_life",
        "awareness",
    ]
    hook: str
    outline: tuple[str, ...] = Field(min_length=3, max_length=6)
    pillar: str
    cta: str
    needs_patient_consent: bool = False


class Caution(Strict):
    rules: tuple[str, ...] = ()  # R1..R25 ids from the compliance checklist
    text: str


class SpecialtyHashtags(Strict):
    broad: tuple[str, ...] = Field(min_length=2)
    specialty: tuple[str, ...] = Field(min_length=3)
    community: tuple[str, ...] = Field(min_length=1)

    @field_validator("broad", "specialty", "community")
    @classmethod
    def _valid(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_check_hashtag(t) for t in value)


class Specialty(Strict):
    id: str = Field(pattern=ID_RE)
    name: str
    aliases: tuple[str, ...] = Field(min_length=1)
    audiences: tuple[str, ...] = Field(min_length=2)
    goals: tuple[str, ...] = Field(min_length=2)
    pillars: tuple[Pillar, ...] = Field(min_length=4, max_length=6)
    topics: tuple[Topic, ...] = Field(min_length=30)
    # Topics written only when the asker names them (a service of one nation, such as England's Pharmacy First, for a
    # pharmacy that may be in Wales or abroad): never proposed in plans, idea lists or hashtag sets.
    topics_on_request: tuple[Topic, ...] = ()
    faqs: tuple[Faq, ...] = Field(min_length=10)
    video_ideas: tuple[VideoIdea, ...] = Field(min_length=10)
    hashtags: SpecialtyHashtags
    awareness: tuple[str, ...] = Field(min_length=1)  # observance ids
    cautions: tuple[Caution, ...] = Field(min_length=1)
    updated: dt.date | None = None

    @model_validator(mode="after")
    def _pillars_exist(self) -> Specialty:
        pillar_ids = {p.id for p in self.pillars}
        used = [t.pillar for t in self.all_topics] + [v.pillar for v in self.video_ideas]
        used += [f.pillar for f in self.faqs if f.pillar]
        unknown = sorted(set(used) - pillar_ids)
        if unknown:
            raise ValueError(f"unknown pillar id(s) {unknown}; defined: {sorted(pillar_ids)}")
        if not any(f.embarrassing for f in self.faqs):
            raise ValueError("faqs need at least one question patients are embarrassed to ask")
        titles = [t.title.lower() for t in self.all_topics]
        if len(titles) != len(set(titles)):
            raise ValueError("duplicate topic titles")
        return self

    @property
    def all_topics(self) -> tuple[Topic, ...]:
        """The topics proposed, then those written only on request."""
        return (*self.topics, *self.topics_on_request)
