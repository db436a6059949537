"""What every part of the caption writer shares: the knowledge, the draft data, the topic finder, the practice news
writer, the asker's kind of practice and the hashtags a caption carries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..knowledge.schemas.drafts import DraftData
from .draft_inputs import asker_field, practice_field
from .draft_topics import TopicFinder
from .news import NewsWriter

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..profile import ClinicProfile


class CaptionBase:
    """The state and helpers the caption writer's parts (counts, awareness days, topics) share."""

    def __init__(self, kb: KnowledgeBase, data: DraftData, topics: TopicFinder, news: NewsWriter) -> None:
        self.kb = kb
        self.data = data
        self.topics = topics
        self.news = news

    def _field(self, turn, profile: ClinicProfile | None, specialty):
        """The asker's kind of practice when the data has no specialty for it (a pharmacy), else None."""
        return practice_field(turn.masked, self.data, asker_field(turn, profile, specialty))

    def _tags(
        self, specialty: str, platform: str, topic, city: str | None, field=None, excluded: tuple[str, ...] = ()
    ) -> list[str]:
        from ..planners.hashtags import suggest_hashtags

        own = tuple(field.tags) if field is not None else ()
        return suggest_hashtags(
            self.kb, specialty, platform, topic, city or None, field_tags=own, exclude_tiers=excluded
        ).tags
