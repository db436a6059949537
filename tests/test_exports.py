"""Exports parsed back and checked against each tool's format rules (schedulers-and-peers.md)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest

from assistant.errors import InputError
from assistant.exports import FORMATS, to_buffer, to_csv, to_hootsuite, to_ics, to_json, to_markdown
from assistant.exports._common import local_datetime
from assistant.exports.hootsuite import round_up_5
from assistant.planners.calendar import plan_calendar
from assistant.planners.captions import message_text
from assistant.profile import ClinicProfile

UTC = dt.UTC
BEFORE = dt.datetime(2027, 1, 1, tzinfo=UTC)


def _plan(
    kb,
    start=dt.date(2027, 5, 3),
    weeks=4,
    per_week=5,
    platforms=("instagram", "facebook", "youtube"),
    timezone="America/New_York",
    seed=0,
):
    profile = ClinicProfile(specialty="dermatology", timezone=timezone, hours_per_week=10)
    return plan_calendar(kb, profile, list(platforms), start, weeks, per_week, seed=seed)


@pytest.fixture(scope="module")
def plan(fixture_kb):
    return _plan(fixture_kb)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# --- Hootsuite -----------------------------------------------------------------------------------------


def test_hootsuite_writes_one_headerless_three_column_file_per_platform(plan):
    files = to_hootsuite(plan, now=BEFORE)
    assert set(files) == {"instagram", "facebook", "youtube"}
    for platform, text in files.items():
        rows = _rows(text)
        assert len(rows) == sum(p.platform == platform for p in plan.posts)
        for when, message, link in rows:  # exactly three columns; the first row is data, not a header
            dt.datetime.strptime(when, "%m/%d/%Y %H:%M")
            assert message and link == ""


def test_hootsuite_times_sit_on_five_minute_marks_and_messages_are_unique(plan):
    for text in to_hootsuite(plan, now=BEFORE).values():
        rows = _rows(text)
        assert all(int(when[-2:]) % 5 == 0 for when, _, _ in rows)
        assert len({m for _, m, _ in rows}) == len(rows)


def test_hootsuite_messages_are_caption_plus_hashtags(plan):
    rows = _rows(to_hootsuite(plan, now=BEFORE)["instagram"])
    first = next(p for p in plan.posts if p.platform == "instagram")
    assert rows[0][1] == message_text(first.caption, first.hashtags)


def test_hootsuite_leaves_out_posts_less_than_ten_minutes_ahead_and_says_so(plan):
    third = plan.posts[2]
    now = local_datetime(third.date, third.time, plan.timezone) - dt.timedelta(minutes=9)
    files = to_hootsuite(plan, now=now)
    earliest = now + dt.timedelta(minutes=10)
    too_soon = [p for p in plan.posts if local_datetime(p.date, p.time, plan.timezone) < earliest]
    assert len(too_soon) >= 3
    kept = sum(len(_rows(t)) for t in files.values())
    assert kept == len(plan.posts) - len(too_soon)
    assert files.notes and f"Left out {len(too_soon)} post(s)" in files.notes[0]
    for text in files.values():
        for when, _, _ in _rows(text):
            local = dt.datetime.strptime(when, "%m/%d/%Y %H:%M").replace(tzinfo=ZoneInfo(plan.timezone))
            assert local >= earliest


def test_hootsuite_splits_a_platform_over_350_rows_into_numbered_files(fixture_kb):
    big = _plan(fixture_kb, start=dt.date(2027, 1, 4), weeks=52, per_week=21, platforms=("instagram",))
    files = to_hootsuite(big, now=BEFORE)
    sizes = [len(_rows(t)) for t in files.values()]
    assert list(files) == [f"instagram-{n}" for n in range(1, len(files) + 1)]
    assert len(files) == 4 and max(sizes) <= 350
    assert sum(sizes) == len(big.posts) == 52 * 21  # nothing lost: every message is unique
    assert not files.notes


def test_hootsuite_other_date_formats_and_unknown_ones(plan):
    rows = _rows(to_hootsuite(plan, now=BEFORE, date_format="DD/MM/YYYY")["facebook"])
    dt.datetime.strptime(rows[0][0], "%d/%m/%Y %H:%M")
    with pytest.raises(InputError, match="MM/DD/YYYY"):
        to_hootsuite(plan, now=BEFORE, date_format="D.M.Y")


@pytest.mark.parametrize(("minute", "expected"), [(0, 0), (1, 5), (4, 5), (5, 5), (58, 60)])
def test_round_up_5_moves_to_the_next_five_minute_mark(minute, expected):
    when = dt.datetime(2027, 5, 3, 9, 0, tzinfo=UTC) + dt.timedelta(minutes=minute, seconds=30 if minute else 0)
    assert round_up_5(when) == dt.datetime(2027, 5, 3, 9, 0, tzinfo=UTC) + dt.timedelta(minutes=expected)


# --- Buffer ------------------------------------------------------------------------------------------


def test_buffer_has_the_exact_header_and_its_time_format(plan):
    files = to_buffer(plan, now=BEFORE)
    assert set(files) == {"instagram", "facebook", "youtube"}
    for platform, text in files.items():
        assert text.splitlines()[0] == "Text,Image URL,Tags,Posting Time"
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == sum(p.platform == platform for p in plan.posts)
        for row, post in zip(rows, [p for p in plan.posts if p.platform == platform]):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", row["Posting Time"])
            assert row["Posting Time"] == f"{post.date.isoformat()} {post.time}"
            assert row["Text"] and row["Tags"] == ""


def test_buffer_leaves_out_posts_already_past(plan):
    files = to_buffer(plan, now=dt.datetime(2030, 1, 1, tzinfo=UTC))
    assert dict(files) == {} and files.notes


# --- generic CSV, JSON, Markdown ------------------------------------------------------------------------


def test_generic_csv_has_every_field_of_every_post(plan):
    rows = list(csv.DictReader(io.StringIO(to_csv(plan))))
    assert len(rows) == len(plan.posts)
    for row, post in zip(rows, plan.posts):
        assert row["date"] == post.date.isoformat() and row["platform"] == post.platform
        assert row["caption"] == post.caption and row["hashtags"].split() == post.hashtags
        assert row["topic"] == post.topic and row["format"] == post.format
        assert row["utc"].endswith("Z")
        assert ("R7" in row["warnings"]) == any(w["rule"] == "R7" for w in post.warnings)


def test_json_keeps_the_issue_shape(plan):
    data = json.loads(to_json(plan))
    keys = {
        "date",
        "time",
        "platform",
        "pillar",
        "format",
        "topic",
        "caption",
        "hashtags",
        "awareness",
        "sources",
        "warnings",
    }
    assert len(data["posts"]) == len(plan.posts)
    assert all(keys <= set(p) for p in data["posts"])
    aware = [p["awareness"] for p in data["posts"] if p["awareness"]]
    assert aware and all({"name", "date"} <= set(a) for a in aware)


def test_markdown_groups_posts_by_week_and_shows_each_topic(plan):
    text = to_markdown(plan)
    assert [int(n) for n in re.findall(r"^## Week (\d+)", text, re.M)] == list(range(1, plan.weeks + 1))
    assert all(p.topic in text for p in plan.posts)
    assert text.count("### ") == len(plan.posts)


def test_formats_registry_lists_every_export(plan):
    assert set(FORMATS) == {"json", "csv", "hootsuite", "buffer", "ics", "markdown"}
    assert FORMATS["hootsuite"].per_platform and not FORMATS["ics"].per_platform


# --- iCalendar ---------------------------------------------------------------------------------------


def test_ics_has_one_event_per_post_in_the_clinics_time_zone(plan):
    cal = icalendar.Calendar.from_ical(to_ics(plan))
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(plan.posts)
    for event, post in zip(events, plan.posts):
        start = event.decoded("dtstart")
        assert str(start.tzinfo) == plan.timezone or event["dtstart"].params["TZID"] == plan.timezone
        assert start.strftime("%Y-%m-%d %H:%M") == f"{post.date.isoformat()} {post.time}"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == [plan.timezone]


def test_ics_uids_are_unique_and_stable_across_runs(fixture_kb, plan):
    first = [e["uid"] for e in icalendar.Calendar.from_ical(to_ics(plan, now=BEFORE)).walk("VEVENT")]
    again = _plan(fixture_kb)
    second = [
        e["uid"]
        for e in icalendar.Calendar.from_ical(to_ics(again, now=dt.datetime(2027, 2, 1, tzinfo=UTC))).walk("VEVENT")
    ]
    assert first == second and len(set(first)) == len(first)
    other_seed = [e["uid"] for e in icalendar.Calendar.from_ical(to_ics(_plan(fixture_kb, seed=9))).walk("VEVENT")]
    assert set(other_seed) != set(first)


def test_a_plan_across_the_march_dst_change_in_rome_keeps_nine_oclock(fixture_kb):
    plan = _plan(
        fixture_kb, start=dt.date(2027, 3, 22), weeks=2, per_week=1, platforms=("facebook",), timezone="Europe/Rome"
    )
    starts = [e.decoded("dtstart") for e in icalendar.Calendar.from_ical(to_ics(plan)).walk("VEVENT")]
    assert [s.strftime("%H:%M") for s in starts] == ["09:00", "09:00"]
    assert [s.utcoffset() for s in starts] == [dt.timedelta(hours=1), dt.timedelta(hours=2)]
    utc = [s.astimezone(UTC).hour for s in starts]
    assert utc == [8, 7]
    buffer_times = [row["Posting Time"] for row in csv.DictReader(io.StringIO(to_buffer(plan, now=BEFORE)["facebook"]))]
    assert [t[-5:] for t in buffer_times] == ["09:00", "09:00"]


def test_a_wall_time_skipped_by_the_clocks_moves_to_just_after_the_change():
    moved = local_datetime(dt.date(2027, 3, 28), "02:30", "Europe/Rome")
    assert moved.strftime("%H:%M") == "03:30" and moved.utcoffset() == dt.timedelta(hours=2)
    assert local_datetime(dt.date(2027, 10, 31), "09:00", "Europe/Rome").utcoffset() == dt.timedelta(hours=1)


def test_generic_csv_defuses_cells_a_spreadsheet_would_run_as_formulas(plan):
    post = plan.posts[0].model_copy(update={"topic": '=HYPERLINK("http://x")', "caption": "@SUM(A1)"})
    rows = list(csv.DictReader(io.StringIO(to_csv(plan.model_copy(update={"posts": [post]})))))
    assert rows[0]["topic"].startswith("'=") and rows[0]["caption"].startswith("'@")


def test_an_instagram_caption_edited_to_eight_hashtags_is_flagged_and_exported_with_five(kb):
    from assistant.exports import fit_to_limits
    from assistant.plan_rows import apply_rows, plan_rows

    plan = plan_calendar(
        kb, ClinicProfile(specialty="dermatology", platforms=["instagram"]), ["instagram"], dt.date(2027, 5, 3), 1, 2
    )
    rows = plan_rows(plan)
    rows[0]["hashtags"] = "#a1 #b2 #c3 #d4 #e5 #f6 #g7 #h8"
    edited = apply_rows(plan, rows, kb)
    assert any(w["rule"] == "hashtags" for w in edited.posts[0].warnings)  # flagged in the table
    assert "Too many hashtags for Instagram" in plan_rows(edited)[0]["checks"]
    fitted, notes = fit_to_limits(edited, kb)
    assert len(fitted.posts[0].hashtags) == 5 and notes and "at most 5" in notes[0]
    buffer = to_buffer(fitted)["instagram"]
    row = next(csv.DictReader(io.StringIO(buffer)))
    assert len(re.findall(r"#\w+", row["Text"])) <= 5


def test_a_post_too_long_for_its_platform_is_left_out_of_exports_with_a_note(kb):
    from assistant.exports import fit_to_limits

    plan = plan_calendar(kb, ClinicProfile(specialty="dermatology", platforms=["x"]), ["x"], dt.date(2027, 5, 3), 1, 2)
    long_post = plan.posts[0].model_copy(update={"caption": "word " * 100})
    fitted, notes = fit_to_limits(plan.model_copy(update={"posts": [long_post, *plan.posts[1:]]}), kb)
    assert len(fitted.posts) == len(plan.posts) - 1 and any("left out" in n and "280" in n for n in notes)
