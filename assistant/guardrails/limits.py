"""Platform limits on a post: how many hashtags and how many characters the platform takes.

Checked on generated posts, on posts edited in the plan table, in `check --platform`, and before every export:
an over-limit post is flagged with the limit in plain words and trimmed (hashtags) or left out (length), never
exported silently (an Instagram post with eight hashtags is rejected or loses its reach).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .checker import Finding

HASHTAG = re.compile(r"(?<![\w&#/])#[^\W_][\w]*", re.UNICODE)


def hashtags_in(text: str) -> list[str]:
    """The distinct hashtags written in a text, in order."""
    return list(dict.fromkeys(m.group(0) for m in HASHTAG.finditer(text)))


def limit_findings(text: str, platform, extra_tags: Sequence[str] = ()) -> list[Finding]:
    """Findings for a post (`text` plus hashtags kept apart from it) over the platform's limits."""
    tags = list(dict.fromkeys([*hashtags_in(text), *extra_tags]))
    published = f"{text}\n\n{' '.join(t for t in extra_tags if t not in text)}".strip()
    found = []
    most = platform.hashtags.max
    if len(tags) > most:
        what = "does not use hashtags" if most == 0 else f"takes at most {most} hashtag{'s' * (most != 1)}"
        found.append(
            Finding(
                rule="hashtags",
                severity="high",
                start=0,
                end=0,
                span=" ".join(tags[most:]),
                name=f"Too many hashtags for {platform.name}",
                message=f"{platform.name} {what}; this post has {len(tags)}. {platform.hashtags.note}",
                fix=f"Keep the {most} most specific hashtags." if most else "Remove the hashtags.",
            )
        )
    limit = platform.limits.caption_chars
    if len(published) > limit:
        found.append(
            Finding(
                rule="length",
                severity="high",
                start=limit,
                end=len(published),
                span="",
                name=f"Too long for {platform.name}",
                message=f"{platform.name} posts take {limit:,} characters; this one has {len(published):,}.",
                fix=f"Shorten it by {len(published) - limit:,} characters.",
            )
        )
    return found


def within_limits(caption: str, tags: Sequence[str], platform) -> tuple[str, list[str], list[str]]:
    """(caption, hashtags, notes) fitted to the platform: extra hashtags dropped (those written in the caption
    first kept), with a note for each change. A caption that is still too long is returned as is; callers
    leave it out of exports and say so."""
    notes = []
    most = platform.hashtags.max
    inline = hashtags_in(caption)
    room = max(most - len(inline), 0)
    kept = [t for t in tags if t not in inline][:room]
    if len(inline) + len([t for t in tags if t not in inline]) > most:
        notes.append(f"{platform.name} takes at most {most} hashtags: kept {', '.join(inline + kept) or 'none'}.")
        if len(inline) > most:
            for tag in inline[most:]:
                caption = re.sub(rf"\s*{re.escape(tag)}\b", "", caption)
    return caption, kept, notes
