"""A plain CSV of the whole plan with every field, for spreadsheets and other tools."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._common import UTC, csv_text, post_datetime

if TYPE_CHECKING:
    from ..planners.calendar import Plan

HEADER = [
    "week",
    "date",
    "time",
    "timezone",
    "utc",
    "platform",
    "pillar",
    "format",
    "topic",
    "caption",
    "hashtags",
    "awareness",
    "awareness_date",
    "minutes",
    "sources",
    "warnings",
    "alt_text",
    "brief",
    "slides",
    "script",
]


def _cell(value: str) -> str:
    """Spreadsheets run a cell that starts with = + - @ as a formula (CSV injection); quote it as text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _source(src: dict) -> str:
    return f"{src['title']} ({src['url']})" if src.get("url") else f"{src['title']} [{src.get('doc_id', '')}]"


def _warning(w: dict) -> str:
    return f"{w.get('name') or w.get('rule', '?')} ({w.get('severity', '?')}): {w.get('message', '')}"


def to_csv(plan: Plan) -> str:
    """Every post with every field; lists joined with ' | ' (hashtags with spaces)."""
    rows = []
    for post in plan.posts:
        aware = post.awareness or {}
        utc = post_datetime(plan, post).astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
        rows.append(
            [
                str(post.week),
                post.date.isoformat(),
                post.time,
                plan.timezone,
                utc,
                post.platform,
                post.pillar,
                post.format,
                post.topic,
                post.caption,
                " ".join(post.hashtags),
                aware.get("name", ""),
                aware.get("date", ""),
                str(post.minutes),
                " | ".join(_source(s) for s in post.sources),
                " | ".join(_warning(w) for w in post.warnings),
                post.alt_text,
                post.brief,
                " | ".join(post.slides),
                post.script or "",
            ]
        )
    return csv_text([[_cell(v) for v in row] for row in rows], HEADER)
