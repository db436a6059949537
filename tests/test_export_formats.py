"""The FORMATS registry drives the choices: the command line's --format, file names and the page's downloads."""

from __future__ import annotations

from assistant.cli import build_parser
from assistant.exports import FORMATS, export_formats


def _plan_format_choices() -> list[str]:
    plan = build_parser()._subparsers._group_actions[0].choices["plan"]  # type: ignore[union-attr]
    return list(next(a for a in plan._actions if a.dest == "format").choices)


def test_the_plan_commands_format_choices_are_the_registry():
    assert _plan_format_choices() == list(FORMATS)


def test_formats_can_be_listed_all_or_by_kind_for_a_page():
    assert [f.name for f in export_formats()] == list(FORMATS)
    assert {f.name for f in export_formats(per_platform=True)} == {"hootsuite", "buffer"}
    single = export_formats(per_platform=False)
    assert {f.name for f in single} == {"json", "csv", "ics", "markdown"}
    assert all(f.label and f.media_type and f.extension.startswith(".") for f in export_formats())


def test_a_formats_file_name_uses_its_extension():
    assert FORMATS["markdown"].file_name("plan") == "plan.md"
    assert FORMATS["ics"].file_name("may") == "may.ics"
    assert FORMATS["hootsuite"].file_name("instagram") == "instagram.csv"
