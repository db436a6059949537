"""Topic ideas for the asker's specialty, closing an answer about what to post, starting on a platform or how often.

The ideas are the specialty file's own topics (knowledge/data/specialties/<id>.yaml), never invented: those whose
keywords the question names first ("TikTok about ED and kidney stones" -> the kidney-stone topics), then one per
content pillar so the ideas differ, each with the format the asked platform offers for it ("Reel" on Instagram).
Which answers get them is data (knowledge/data/chat.yaml, `specialty_ideas`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..knowledge.models import Platform, Specialty, Topic
from ..knowledge.schemas.chat import SpecialtyIdeas


def _named(keyword: str, text: str) -> bool:
    return _keyword(keyword).search(text) is not None


@lru_cache(maxsize=4096)
def _keyword(keyword: str) -> re.Pattern[str]:
    """The keyword as a whole word, ignoring case, compiled once (a question reads every topic's keywords)."""
    return re.compile(rf"(?<!\w){re.escape(keyword)}(?!\w)", re.IGNORECASE)


def _format_on(topic: Topic, platform: Platform | None, settings: SpecialtyIdeas) -> str:
    """The name of the platform's format that suits the topic ("Reel"), or "" when none does or none was asked."""
    if platform is None:
        return ""
    for hint in topic.formats:
        same = next((f for f in platform.formats if f.id == hint), None)
        kind = settings.format_kinds.get(hint)
        same = same or next((f for f in platform.formats if kind and f.kind == kind), None)
        if same is not None:
            return same.name
    return ""


def topic_ideas(specialty: Specialty, question: str, platform: Platform | None, settings: SpecialtyIdeas) -> list[str]:
    """Up to `settings.count` topic titles from the specialty file, fitted to the question and the platform."""

    def score(i_topic: tuple[int, Topic]) -> tuple[int, int, int]:
        i, topic = i_topic
        named = sum(_named(k, question) for k in topic.keywords)
        return (-named, -bool(_format_on(topic, platform, settings)), i)

    ranked = [t for _, t in sorted(enumerate(specialty.topics), key=score)]
    chosen: list[Topic] = []
    pillars: set[str] = set()
    for topic in ranked:  # one per pillar first, so the ideas are not four variations of one theme
        if topic.pillar not in pillars and len(chosen) < settings.count:
            chosen.append(topic)
            pillars.add(topic.pillar)
    chosen += [t for t in ranked if t not in chosen][: settings.count - len(chosen)]
    out = []
    for topic in chosen:
        fmt = _format_on(topic, platform, settings)
        out.append(f"{topic.title} ({fmt})" if fmt else topic.title)
    return out
