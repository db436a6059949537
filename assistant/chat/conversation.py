"""Conversation memory: a history of {"role", "content"} turns, and follow-ups resolved against it.

"And for LinkedIn?" means nothing on its own; it means "How often should we post on LinkedIn?" after
"How often should we post on Instagram?". The retrieval query is rebuilt from the last full question.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import InputError
from .intents import MentionFinder, Mentions, Router, user_turns

ROLES = ("user", "assistant")


def normalize_history(history: Iterable[dict] | None) -> list[dict[str, str]]:
    """Validate a history: a list of {"role": "user"|"assistant", "content": str}; other roles are refused."""
    turns: list[dict[str, str]] = []
    for i, turn in enumerate(history or ()):
        if not isinstance(turn, dict) or turn.get("role") not in ROLES or not isinstance(turn.get("content"), str):
            raise InputError(f'history item {i} must be {{"role": "user" or "assistant", "content": text}}')
        turns.append({"role": turn["role"], "content": turn["content"]})
    return turns


def _replace_platforms(text: str, old: Mentions, new_platforms: list[str], names: dict[str, str]) -> str:
    """`text` with its first platform mention swapped for the new platform and the others dropped."""
    out, last = [], 0
    for i, mention in enumerate(old.platforms):
        out.append(text[last : mention.start])
        out.append(", ".join(names.get(p, p) for p in new_platforms) if i == 0 else "")
        last = mention.end
    out.append(text[last:])
    return " ".join("".join(out).split())


def retrieval_query(
    question: str, history: Iterable[dict], router: Router, finder: MentionFinder, platform_names: dict[str, str]
) -> tuple[str, Mentions]:
    """The text to search with, and the mentions that apply to this turn (inherited by a follow-up)."""
    mentions = finder.find(question)
    if not router.is_follow_up(question):
        return question, mentions
    base = next((t for t in reversed(user_turns(history)) if not router.is_follow_up(t)), None)
    if base is None:
        return question, mentions
    base_mentions = finder.find(base)
    if mentions.platforms and base_mentions.platforms:
        query = _replace_platforms(base, base_mentions, mentions.platform_ids, platform_names)
    else:
        query = f"{base} {question}"
    own = mentions if mentions.specialties or mentions.fields else base_mentions  # the profession named last
    merged = Mentions(mentions.platforms or base_mentions.platforms, own.specialties, own.fields)
    return query, merged
