"""Exports of a plan: scheduler CSVs (Hootsuite, Buffer), a generic CSV, iCalendar, Markdown and JSON."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from .buffer import to_buffer
from .csv_generic import to_csv
from .hootsuite import to_hootsuite
from .ics import to_ics
from .markdown import to_markdown


def to_json(plan) -> str:
    """The plan as JSON: {"posts": [...], "notes": [...], ...}."""
    return json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class ExportFormat:
    name: str
    render: Callable  # plan -> str, or plan -> {file name: text} when per_platform
    per_platform: bool  # one file per platform (scheduler rules)
    extension: str
    media_type: str


FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat("json", to_json, False, ".json", "application/json"),
    "csv": ExportFormat("csv", to_csv, False, ".csv", "text/csv"),
    "hootsuite": ExportFormat("hootsuite", to_hootsuite, True, ".csv", "text/csv"),
    "buffer": ExportFormat("buffer", to_buffer, True, ".csv", "text/csv"),
    "ics": ExportFormat("ics", to_ics, False, ".ics", "text/calendar"),
    "markdown": ExportFormat("markdown", to_markdown, False, ".md", "text/markdown"),
}

__all__ = ["FORMATS", "ExportFormat", "to_buffer", "to_csv", "to_hootsuite", "to_ics", "to_json", "to_markdown"]
