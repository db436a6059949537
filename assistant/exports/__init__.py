"""Exports of a plan: scheduler CSVs (Hootsuite, Buffer), a generic CSV, iCalendar, Markdown and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .buffer import to_buffer
from .csv_generic import to_csv
from .hootsuite import to_hootsuite
from .ics import to_ics
from .markdown import to_markdown

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..planners.calendar import Plan


def to_json(plan: Plan) -> str:
    """The plan as JSON: {"posts": [...], "notes": [...], ...}."""
    return json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class ExportFormat:
    name: str
    render: Callable  # plan -> str, or plan -> {file name: text} when per_platform
    per_platform: bool  # one file per platform (scheduler rules)
    extension: str
    media_type: str
    label: str = ""  # what a person sees on a download button

    def file_name(self, stem: str) -> str:
        """A file name for this format: file_name("plan") -> "plan.ics"."""
        return f"{stem}{self.extension}"


# The one list of export formats: the command line's --format choices and the plan page's downloads come from it.
FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat("json", to_json, False, ".json", "application/json", "JSON"),
    "csv": ExportFormat("csv", to_csv, False, ".csv", "text/csv", "Plan CSV"),
    "hootsuite": ExportFormat("hootsuite", to_hootsuite, True, ".csv", "text/csv", "Hootsuite CSV"),
    "buffer": ExportFormat("buffer", to_buffer, True, ".csv", "text/csv", "Buffer CSV"),
    "ics": ExportFormat("ics", to_ics, False, ".ics", "text/calendar", "Calendar (.ics)"),
    "markdown": ExportFormat("markdown", to_markdown, False, ".md", "text/markdown", "Markdown"),
}


def export_formats(per_platform: bool | None = None) -> list[ExportFormat]:
    """The export formats in display order; only the per-platform (scheduler) ones or only the single-file ones
    when `per_platform` is given. For pages and commands that offer a choice of format."""
    return [f for f in FORMATS.values() if per_platform is None or f.per_platform == per_platform]


def fit_to_limits(plan: Plan, kb: KnowledgeBase) -> tuple[Plan, list[str]]:
    """The plan as it may be exported: hashtags over a platform's limit dropped, posts still too long left out;
    each change is a note for the person exporting (nothing over a limit is exported silently)."""
    from ..guardrails.limits import within_limits
    from ..knowledge.models import published_length

    posts, notes = [], []
    for post in plan.posts:
        platform = kb.platform(post.platform)
        caption, tags, changed = within_limits(post.caption, post.hashtags, platform)
        notes += [f"{post.date} {platform.name}: {n}" for n in changed]
        text = f"{caption}\n\n{' '.join(tags)}".strip()
        if published_length(text, platform.limits) > platform.limits.caption_chars:
            notes.append(
                f"{post.date} {platform.name}: left out, the post is longer than {platform.name}'s "
                f"{platform.limits.caption_chars:,} characters; shorten it in the table."
            )
            continue
        posts.append(post.model_copy(update={"caption": caption, "hashtags": tags}))
    return plan.model_copy(update={"posts": posts}), notes


__all__ = [
    "fit_to_limits",
    "FORMATS",
    "ExportFormat",
    "export_formats",
    "to_buffer",
    "to_csv",
    "to_hootsuite",
    "to_ics",
    "to_json",
    "to_markdown",
]
