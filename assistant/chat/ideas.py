"""A numbered list of post or video ideas for a specialty ("10 post ideas for an ENT clinic"), taken across its
content pillars (education, prevention, myth vs fact, behind the scenes, awareness days) from the curated topics
and their authored hooks, with a question patients find awkward to ask turned into a post."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..knowledge.base import compiled
from ..knowledge.copy import fill
from ..knowledge.models import Specialty, Topic
from ..knowledge.schemas.drafts import DraftData, DraftKind
from .models import Draft

_NUMBERS = {"three": 3, "five": 5, "ten": 10, "twelve": 12, "twenty": 20}
_COUNT = re.compile(r"\b(\d{1,2}|three|five|ten|twelve|twenty)\b(?=.{0,30}\bideas?\b)", re.IGNORECASE | re.DOTALL)
_FORMATS = {"reel": "Reel", "short": "Short video", "carousel": "Carousel", "photo": "Photo post"}
_FORMATS |= {"article": "Article", "text_post": "Text post", "update": "Update", "long_video": "Long video"}
DEFAULT_COUNT, MAX_COUNT = 10, 20


def wants_ideas(text: str, data: DraftData) -> bool:
    """Whether a message asks for a list of ideas rather than one finished post."""
    return any(compiled(p, re.IGNORECASE | re.DOTALL).search(text) for p in data.ideas)


def idea_count(text: str) -> int:
    """How many ideas the message asks for (10 when it does not say), at most 20."""
    found = _COUNT.search(text)
    if not found:
        return DEFAULT_COUNT
    word = found.group(1).lower()
    return max(1, min(MAX_COUNT, _NUMBERS.get(word) or int(word)))


def idea_list(
    spec: Specialty,
    copy: dict,
    data: DraftData,
    text: str,
    platform: str,
    values: dict[str, str],
    first: Sequence[Topic] = (),
    nearest: bool = False,
) -> Draft:
    """The ideas, those on the subject asked (`first`) leading, then one pillar after another so the list mixes
    them, each with its format and opening line. `nearest`: the specialty is the one nearest to the asker's field,
    which the title says."""
    count = idea_count(text)
    video = bool(re.search(data.video_ideas, text, re.IGNORECASE))
    chosen = _mixed(spec, count - 1 if count > 3 else count, first)
    lines = [_line(n, t, spec, copy, video, values) for n, t in enumerate(chosen, 1)]
    awkward = next((f.question for f in spec.faqs if f.embarrassing), None)
    if awkward and count > 3:
        how = "answered on camera" if video else "answered in a post"
        lines.append(f"{len(lines) + 1}. A question patients find awkward to ask, {how}: \u201c{awkward}\u201d")
    kind: DraftKind = "video_script" if video else "caption"
    noun = "video" if video else "post"
    return Draft(
        kind=kind,
        platform=platform,
        title=f"{len(lines)} {noun} ideas: {spec.name.split(' (')[0]}" + (data.nearest_field_note if nearest else ""),
        text="\n".join(lines),
        notes=list(data.idea_notes),
    )


def _mixed(spec: Specialty, count: int, first: Sequence[Topic] = ()) -> list[Topic]:
    """The `first` topics, then topics taken one pillar at a time, in the specialty's pillar order, until there are
    enough."""
    chosen: list[Topic] = list(first[:count])
    by_pillar = {p.id: [t for t in spec.topics if t.pillar == p.id and t not in chosen] for p in spec.pillars}
    while len(chosen) < count and any(by_pillar.values()):
        for topics in by_pillar.values():
            if topics and len(chosen) < count:
                chosen.append(topics.pop(0))
    return chosen


def _line(n: int, topic: Topic, spec: Specialty, copy: dict, video: bool, values: dict[str, str]) -> str:
    pillar = next((p.name for p in spec.pillars if p.id == topic.pillar), topic.pillar)
    formats = [f for f in topic.formats if (f in ("reel", "short", "long_video")) == video] or list(topic.formats)
    kind = _FORMATS.get(formats[0], formats[0]) if formats else ("Reel" if video else "Post")
    line = f"{n}. {topic.title} ({kind}; {pillar})"
    authored = copy.get(topic.title)
    if authored is not None:
        line += f"\n   Opening line: \u201c{fill(authored.warm.hook, values)}\u201d"
    return line
