"""An email newsletter issue: subject line, greeting, the main piece from the finished post on each topic the asker
names (else a marked place for it), the practice's news as the asker gives it, how to book, and the footer every
marketing email needs (knowledge/data/drafts.yaml `extras.newsletter`; the email-newsletters card follows it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..knowledge.copy import PostCopy, fill
from ..knowledge.schemas.drafts import NewsletterData
from .draft_topics import TopicFinder
from .models import Draft
from .wording import first_upper, sentences

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

_LISTED = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+(?=[\w-]+\s+[\w-]+)")  # "checkups, mouthguards and candy tips"
_SHORT_PIECE = 3  # sentences of a post's body in an issue with several pieces
_THIS_ISSUE = "this month's issue"


def asks_for_newsletter(text: str, data: NewsletterData | None) -> bool:
    return data is not None and any(re.search(p, text, re.IGNORECASE | re.DOTALL) for p in data.asks)


def newsletter(
    kb: KnowledgeBase, data: NewsletterData, topics: TopicFinder, turn, spec_id: str | None, values: dict[str, str]
) -> Draft:
    """The issue asked for. Its news is the asker's own words only when they wrote in English: a word-by-word gloss
    of another language is no text to send, so the place for the news is marked instead."""
    text = turn.masked
    named = re.search(data.topic, text, re.IGNORECASE)
    listed = [s.strip() for s in _LISTED.split(named.group(1)) if s.strip()] if named else []
    items = [s for s in listed if re.search(data.news_item, s, re.IGNORECASE)]  # "new evening hours": news
    subjects = [s for s in listed if s not in items][: data.most_topics]
    found = [(s, topics.best_topic(topics.named_subject(s), spec_id)) for s in subjects]
    posts = [(s, f, kb.copy.get(f[0], {}).get(f[1].title) if f else None) for s, f in found]
    glossed = bool(getattr(turn, "english", ""))
    news = re.search(data.news, text, re.IGNORECASE)
    first = next((f[1].title for _, f, c in posts if f and c), None)
    parts = [
        data.subject_line.format(topic=first) if first else data.subject_missing,
        data.opening_first if re.search(data.first_issue, text, re.IGNORECASE) else data.opening,
        *(_pieces(data, posts) or [data.main_missing]),
        _news(data, news.group(1).strip() if news and not glossed else "", [] if glossed else items),
        data.close,
        data.sign_off,
        f"---\n{data.footer}",
    ]
    return Draft(
        kind="caption",
        platform=None,
        title=f"Email newsletter: {first or _THIS_ISSUE}",
        text=fill("\n\n".join(parts), values),
        notes=list(data.notes),
        card=data.card,
    )


def _news(data: NewsletterData, told: str, items: list[str]) -> str:
    """What's new: the news the asker wrote, then each listed news item with its details marked; else a marked
    place for it."""
    lines = [f"- {first_upper(told)}"] if told else []
    lines += [data.news_item_line.format(Item=first_upper(i)) for i in items]
    return "\n".join([data.news_lead, *lines]) if lines else data.news_missing


def _pieces(data: NewsletterData, posts: list[tuple[str, tuple | None, PostCopy | None]]) -> list[str]:
    """One piece per topic: the whole post when it is the only one, else its title, hook and first sentences; a
    topic with no finished post is a marked place."""
    if len(posts) == 1 and (only := posts[0][2]) is not None:
        return [f"{only.warm.hook}\n\n{only.warm.body}"]
    pieces = []
    for subject, found, copy in posts:
        if copy is None or found is None:
            pieces.append(data.piece_missing.format(subject=subject, Subject=first_upper(subject)))
            continue
        body = " ".join(sentences(copy.warm.body)[:_SHORT_PIECE])
        pieces.append(f"**{found[1].title}**\n{copy.warm.hook} {body}")
    return pieces
