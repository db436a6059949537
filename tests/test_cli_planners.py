"""The planner commands: exact options, JSON shapes, files written, and one-line errors with exit 2."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "knowledge"
PLAN = [
    "plan",
    "--specialty",
    "derm",
    "--platforms",
    "instagram,facebook",
    "--weeks",
    "2",
    "--posts-per-week",
    "3",
    "--start",
    "2030-05-06",
]  # far enough ahead for the 10-minute Hootsuite rule


@pytest.fixture(autouse=True)
def fixture_knowledge(monkeypatch):
    monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(FIXTURE))


def _run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_json_has_the_issue_shape(capsys):
    code, out, _ = _run(capsys, *PLAN, "--format", "json", "--country", "US", "--seed", "2", "--city", "Boston")
    assert code == 0
    posts = json.loads(out)["posts"]
    assert len(posts) == 6
    for post in posts:
        assert {
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
        } <= set(post)
        assert isinstance(post["hashtags"], list) and isinstance(post["warnings"], list)
    assert any(p["awareness"] and set(p["awareness"]) >= {"name", "date"} for p in posts)
    assert any(t.startswith("#Boston") for p in posts for t in p["hashtags"])


def test_plan_hootsuite_to_a_directory_writes_one_csv_per_platform(capsys, tmp_path):
    code, _, err = _run(capsys, *PLAN, "--format", "hootsuite", "--out", str(tmp_path / "hs"))
    assert code == 0 and "wrote 2 file(s)" in err
    files = sorted(p.name for p in (tmp_path / "hs").iterdir())
    assert files == ["facebook.csv", "instagram.csv"]
    rows = list(csv.reader(io.StringIO((tmp_path / "hs" / "instagram.csv").read_text(encoding="utf-8"))))
    assert rows and all(len(r) == 3 for r in rows)


def test_plan_hootsuite_without_out_prints_all_rows(capsys):
    code, out, _ = _run(capsys, *PLAN, "--format", "hootsuite")
    assert code == 0
    assert len(list(csv.reader(io.StringIO(out)))) == 6


def test_plan_buffer_on_stdout_has_one_header(capsys):
    code, out, _ = _run(capsys, *PLAN, "--format", "buffer")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["Text", "Image URL", "Tags", "Posting Time"] and len(rows) == 7


@pytest.mark.parametrize(
    ("fmt", "marker"), [("ics", "BEGIN:VCALENDAR"), ("markdown", "## Week 2"), ("csv", "week,date,time")]
)
def test_plan_writes_other_formats_to_a_file(capsys, tmp_path, fmt, marker):
    out = tmp_path / f"plan.{fmt}"
    code, stdout, _ = _run(capsys, *PLAN, "--format", fmt, "--out", str(out))
    assert code == 0 and stdout == ""
    assert marker in out.read_text(encoding="utf-8")


def test_plan_in_the_past_for_hootsuite_is_refused(capsys):
    argv = [a if a != "2030-05-06" else "2020-05-04" for a in PLAN]
    code, _, err = _run(capsys, *argv, "--format", "hootsuite")
    assert code == 2 and "later --start" in err


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("--weeks", "0"), "from 1 to 52"),
        (("--weeks", "60"), "from 1 to 52"),
        (("--posts-per-week", "22"), "from 1 to 21"),
        (("--platforms", "instagram,myspace"), "known: instagram"),
        (("--start", "2026-02-30"), "YYYY-MM-DD"),
        (("--specialty", "dermatolgy"), "closest known: dermatology"),
    ],
)
def test_invalid_plan_input_exits_2_with_one_line_saying_what_is_accepted(capsys, change, expected):
    argv = list(PLAN)
    argv[argv.index(change[0]) + 1] = change[1]
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and expected in err


def test_hashtags_json_shape(capsys):
    code, out, _ = _run(
        capsys,
        "hashtags",
        "--specialty",
        "derm",
        "--platform",
        "instagram",
        "--topic",
        "acne",
        "--city",
        "Boston",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and {"hashtags", "limit", "notes"} <= set(data)
    assert all(set(t) == {"tag", "tier"} for t in data["hashtags"]) and len(data["hashtags"]) <= data["limit"]


def test_videos_json_shape(capsys):
    code, out, _ = _run(
        capsys, "videos", "--specialty", "cardiology", "--platform", "youtube", "--count", "10", "--json"
    )
    ideas = json.loads(out)["ideas"]
    assert code == 0 and len(ideas) == 10
    for idea in ideas:
        assert {"title", "hook", "outline", "format", "duration_s", "platforms", "pillar", "compliance_note"} <= set(
            idea
        )


def test_start_json_shape(capsys):
    code, out, _ = _run(capsys, "start", "--platform", "instagram", "--specialty", "dermatologist", "--json")
    data = json.loads(out)
    assert code == 0 and {"steps", "first_30_days", "sources"} <= set(data)
    assert all(set(s) == {"title", "details"} for s in data["steps"])


def test_reply_json_shape_and_threat_guidance(capsys):
    code, out, _ = _run(capsys, "reply", "Rude staff and a long wait.", "--rating", "2", "--json")
    data = json.loads(out)
    assert code == 0 and {"reply", "findings"} <= set(data) and data["reply"]
    code, out, _ = _run(capsys, "reply", "Pay me or I'll post ten more reviews", "--json")
    assert json.loads(out)["kind"] == "guidance"


def test_reply_text_output_and_bad_rating(capsys):
    code, out, _ = _run(capsys, "reply", "Great team!", "--rating", "5")
    assert code == 0 and out.startswith(("Thank", "We really"))
    code, _, err = _run(capsys, "reply", "ok", "--rating", "9")
    assert code == 2 and "from 1 to 5" in err


def test_human_readable_outputs_work(capsys):
    assert _run(capsys, "hashtags", "--specialty", "derm", "--platform", "gbp")[0] == 0
    assert _run(capsys, "videos", "--specialty", "derm", "--count", "2")[0] == 0
    code, out, _ = _run(capsys, "start", "--platform", "facebook", "--specialty", "heart doctor")
    assert code == 0 and "First 30 days:" in out


def test_planner_commands_do_not_load_the_embedding_model():
    code = (
        "import sys; from assistant.cli import main; "
        "main(['plan','--specialty','derm','--platforms','instagram','--weeks','1','--posts-per-week','2',"
        "'--start','2030-05-06','--format','json']); "
        "print('LOADED' if 'sentence_transformers' in sys.modules or 'torch' in sys.modules else 'LIGHT')"
    )
    env = {**os.environ, "ASSISTANT_KNOWLEDGE_DIR": str(FIXTURE)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("LIGHT")


def test_hootsuite_dates_follow_the_clinics_country_unless_chosen(capsys):
    import re

    _, out_gb, err_gb = _run(capsys, *PLAN, "--country", "GB", "--format", "hootsuite")
    _, out_us, _ = _run(capsys, *PLAN, "--country", "US", "--format", "hootsuite")
    _, out_choice, _ = _run(
        capsys, *PLAN, "--country", "GB", "--format", "hootsuite", "--hootsuite-dates", "MM/DD/YYYY"
    )
    first = [re.match(r"(\d\d)/(\d\d)/2030", text.splitlines()[0]).groups() for text in (out_gb, out_us, out_choice)]
    assert first[0] == tuple(reversed(first[1])) == tuple(reversed(first[2]))  # day first for GB, month first for US
    assert "DD/MM/YYYY" in err_gb
