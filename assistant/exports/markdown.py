"""A readable plan in Markdown, grouped by week."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..planners.calendar import Plan


def _day(date: dt.date) -> str:
    return f"{date:%a} {date.day} {date:%b}"


def _post(post, names: dict[str, str]) -> list[str]:
    lines = [
        f"### {_day(post.date)}, {post.time} · {names.get(post.platform, post.platform)} · {post.format_name}",
        "",
        f"**Topic:** {post.topic}  ",
        f"**Pillar:** {post.pillar}  ",
    ]
    if post.awareness:
        lines.append(f"**Awareness:** {post.awareness['name']} ({post.awareness['date']})  ")
    lines += ["", *[f"> {line}" if line else ">" for line in post.caption.splitlines()], ""]
    if post.hashtags:
        lines.append(f"**Hashtags:** {' '.join(post.hashtags)}  ")
    if post.alt_text:
        lines.append(f"**Alt text:** {post.alt_text}  ")
    if post.brief:
        lines.append(f"**Image:** {post.brief}  ")
    if post.slides:
        lines += ["", "**Carousel slides:**", "", *[f"{n}. {s}" for n, s in enumerate(post.slides, 1)], ""]
    if post.script:
        lines += ["", "**Video script:**", "", *[f"- {line}" for line in post.script.splitlines()], ""]
    lines += [f"**Check ({w.get('name') or w.get('rule')}):** {w.get('message')}  " for w in post.warnings]
    sources = [f"[{s['title']}]({s['url']})" if s.get("url") else s["title"] for s in post.sources]
    if sources:
        lines.append(f"**Sources:** {'; '.join(sources)}")
    return lines + [""]


def to_markdown(plan: Plan) -> str:
    """Title, notes, then one section per week with each post's caption, hashtags, checks and sources."""
    names = plan.platform_names
    shown = ", ".join(names.get(p, p) for p in plan.platforms)
    end = plan.start + dt.timedelta(days=7 * plan.weeks - 1)
    lines = [
        f"# Editorial plan: {plan.specialty_name}",
        "",
        f"{plan.start:%d %b %Y} to {end:%d %b %Y} · {plan.weeks} week(s) · {shown} · times in {plan.timezone}",
        "",
        "## Notes",
        "",
        *[f"- {n}" for n in plan.notes],
        "",
    ]
    for week, posts in groupby(plan.posts, key=lambda p: p.week):
        first = plan.start + dt.timedelta(days=7 * (week - 1))
        lines += [f"## Week {week} · {_day(first)} to {_day(first + dt.timedelta(days=6))}", ""]
        for post in posts:
            lines += _post(post, names)
    return "\n".join(lines).rstrip() + "\n"
