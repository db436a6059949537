"""An email newsletter issue: subject line, greeting, the main piece from the finished post on the issue's topic (else
a marked place for it), the practice's news as the asker gives it, how to book, and the footer every marketing email
needs (knowledge/data/drafts.yaml `extras.newsletter`; the email-newsletters card follows it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..knowledge.copy import fill
from ..knowledge.schemas.drafts import NewsletterData
from .draft_topics import TopicFinder
from .models import Draft
from .wording import first_upper

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase


def asks_for_newsletter(text: str, data: NewsletterData | None) -> bool:
    return data is not None and any(re.search(p, text, re.IGNORECASE | re.DOTALL) for p in data.asks)


def newsletter(
    kb: KnowledgeBase, data: NewsletterData, topics: TopicFinder, turn, spec_id: str | None, values: dict[str, str]
) -> Draft:
    """The issue asked for. Its news is the asker's own words only when they wrote in English: a word-by-word gloss
    of another language is no text to send, so the place for the news is marked instead."""
    text = turn.masked
    named = re.search(data.topic, text, re.IGNORECASE)
    found = topics.best_topic(topics.subject(named.group(1)), spec_id) if named else None
    copy = kb.copy.get(found[0], {}).get(found[1].title) if found else None
    glossed = bool(getattr(turn, "english", ""))
    news = re.search(data.news, text, re.IGNORECASE)
    parts = [
        data.subject_line.format(topic=found[1].title) if found else data.subject_missing,
        data.opening_first if re.search(data.first_issue, text, re.IGNORECASE) else data.opening,
        f"{copy.warm.hook}\n\n{copy.warm.body}" if copy else data.main_missing,
        f"{data.news_lead}\n- {first_upper(news.group(1).strip())}" if news and not glossed else data.news_missing,
        data.close,
        data.sign_off,
        f"---\n{data.footer}",
    ]
    about = found[1].title if found else "this month's issue"
    return Draft(
        kind="caption",
        platform=None,
        title=f"Email newsletter: {about}",
        text=fill("\n\n".join(parts), values),
        notes=list(data.notes),
        card=data.card,
    )
