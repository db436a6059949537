"""The short-video script a message asks for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..knowledge.copy import Script, fill
from ..knowledge.schemas.drafts import DraftData
from ..retrieval import tokenize
from .details import details_in
from .draft_copy import general_draft
from .draft_inputs import (
    _platform,
    _values,
    asker_field,
    topic_scope,
)
from .draft_myths import myth_series
from .draft_topics import TopicFinder, quoted_title
from .models import Draft

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..profile import ClinicProfile


def video_script_draft(
    kb: KnowledgeBase, data: DraftData, topics: TopicFinder, turn, profile: ClinicProfile | None, specialty
) -> Draft | None:
    """The short-video script a message asks for: authored, from the video ideas, else a general one."""
    field = asker_field(turn, profile, specialty)
    platform = _platform(turn, profile) if turn.platforms_named else "instagram"
    values = _values(profile, details_in(turn.masked, kb.countries))
    myths = myth_series(
        kb, data.extras.myths, topics, turn.masked, field, "video_script", kb.platform(platform), values
    )
    if myths is not None:  # "a reel busting 3 dental myths": the field's checked myths
        return myths
    spec_id, topic = topics.specialty_and_topic(turn, topic_scope(turn, specialty))
    if topic is None and (title := quoted_title(turn.masked)).endswith("?"):
        # "a Reel script 'Is my toddler's speech delayed?'": the question the video answers says what it is about
        # (in the asker's own field when known: "talking behind" is no dentist's toothbrush post)
        spec_id, topic = topics.best_topic(topics.subject(title), specialty, across=not specialty) or (spec_id, topic)
    if spec_id is None:
        values = _values(profile, details_in(turn.masked, kb.countries))
        return general_draft(
            kb,
            data,
            topics,
            turn,
            _platform(turn, profile) if turn.platforms_named else "instagram",
            values,
            "video_script",
        )
    platform = _platform(turn, profile) if turn.platforms_named else "instagram"
    copy = kb.copy.get(spec_id, {}).get(topic.title) if topic else None
    if copy is not None and copy.script is not None:
        values = _values(profile, details_in(turn.masked, kb.countries))
        return _script_from_copy(copy.script, copy.topic, platform, values)
    from ..planners.videos import video_ideas

    ideas = video_ideas(kb, spec_id, [platform], count=20)
    words = set(tokenize(topics.subject(turn.masked))) - set(data.extras.subject_stopwords)
    shared = {id(i): words & set(tokenize(f"{i.title} {i.hook}")) for i in ideas}
    idea = max(ideas, key=lambda i: len(shared[id(i)]))
    # No idea on this subject ("Pharmacy First" is not "Your first appointment": a common word shared is chance):
    # a general script on it
    best = shared[id(idea)]
    if words and (topic is None or not best or topics.weight(best) < data.extras.script_idea_min_weight):
        values = _values(profile, details_in(turn.masked, kb.countries))
        return general_draft(kb, data, topics, turn, platform, values, "video_script")
    beats = [f"{n}. {beat}" for n, beat in enumerate(idea.outline, 1)]
    text = "\n".join([f"0-3 s (hook, spoken and on screen): {idea.hook}", *beats, f"Last 5 s: {idea.cta}"])
    return Draft(
        kind="video_script",
        platform=platform,
        title=f"{idea.format} script: {idea.title}",
        text=text,
        notes=[idea.compliance_note] if idea.compliance_note else [],
    )


def _script_from_copy(s: Script, topic: str, platform: str, values: dict[str, str]) -> Draft:
    text = "\n".join(s.lines(values))
    return Draft(
        kind="video_script",
        platform=platform,
        title=f"{s.seconds}-second script: {topic}",
        text=text,
        notes=[f"Filming: {fill(s.filming, values)}"],
    )
