"""Every command, run as a user runs it, answers bad input with one `error:` line and status 2, never a traceback.

Each case is a real `python -m assistant ...` process over the fixture knowledge base; none of them gets as far
as loading the embedding model, because bad input is refused first.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from tests.cli import one_error_line
from tests.conftest import FIXTURE_KNOWLEDGE, ROOT
from tests.netblock import offline_env

PLAN = ["plan", "--specialty", "derm", "--platforms", "instagram", "--weeks", "1", "--posts-per-week", "2"]
PLAN_2030 = [*PLAN, "--start", "2030-05-06"]
LONG = "x" * 9000  # over the 8,000-character input limit


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return offline_env(
        ASSISTANT_DATA_DIR=str(tmp_path_factory.mktemp("robust")), ASSISTANT_KNOWLEDGE_DIR=str(FIXTURE_KNOWLEDGE)
    )


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> dict[str, str]:
    """{folder}: an existing folder; {file}: an existing file; {bad_dir}: a path under a file (never writable)."""
    root = tmp_path_factory.mktemp("out")
    existing = root / "existing.md"
    existing.write_text("kept\n", encoding="utf-8")
    return {
        "{folder}": str(root),
        "{file}": str(existing),
        "{bad_dir}": str(existing / "sub" / "plan.md"),
        "{proc}": "/proc/no-such-folder/plan.md",
    }


def run_cli(env, args: list[str], places: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    argv = [places.get(a, a) if places else a for a in args]
    return subprocess.run(
        [sys.executable, "-m", "assistant", *argv], cwd=ROOT, env=env, capture_output=True, timeout=120
    )


CASES = [
    # plan: dates out of the calendar's range, outputs that cannot be written, unknown names
    ([*PLAN, "--start", "0001-01-01"], "out of range"),
    ([*PLAN, "--start", "9999-12-25"], "out of range"),
    ([*PLAN, "--start", "2101-01-01"], "out of range"),
    ([*PLAN, "--start", "2030-02-30"], "not a real date"),
    ([*PLAN_2030, "--out", "{folder}"], "is a folder"),
    ([*PLAN_2030, "--format", "ics", "--out", "{bad_dir}"], "cannot write"),
    ([*PLAN_2030, "--out", "{proc}"], "cannot write"),
    ([*PLAN_2030, "--format", "hootsuite", "--out", "{file}"], "is a file"),
    ([*PLAN_2030, "--format", "buffer", "--out", "{proc}"], "cannot write"),
    ([*PLAN_2030, "--format", "pdf"], "invalid choice"),
    ([*PLAN_2030, "--country", "ZZ"], "unknown country code 'ZZ'"),
    ([*PLAN_2030, "--timezone", "Mars/Olympus"], "time zone"),
    ([*PLAN_2030, "--city", "x" * 200], "at most 80 characters"),
    (
        [
            "plan",
            "--specialty",
            "astrology",
            "--platforms",
            "instagram",
            "--weeks",
            "1",
            "--posts-per-week",
            "1",
            "--start",
            "2030-05-06",
        ],
        "unknown specialty",
    ),
    (
        [
            "plan",
            "--specialty",
            "derm",
            "--platforms",
            "myspace",
            "--weeks",
            "1",
            "--posts-per-week",
            "1",
            "--start",
            "2030-05-06",
        ],
        "unknown platform",
    ),
    # hashtags, videos, start
    (["hashtags", "--specialty", "derm", "--platform", "instagram", "--country", "ZZ"], "unknown country code"),
    (["hashtags", "--specialty", "derm", "--platform", "myspace"], "unknown platform"),
    (["hashtags", "--specialty", "astrology", "--platform", "instagram"], "unknown specialty"),
    (["hashtags", "--specialty", "derm", "--platform", "instagram", "--topic", "x" * 300], "at most 200"),
    (["videos", "--specialty", "derm", "--platform", "myspace"], "unknown platform"),
    (["videos", "--specialty", "derm", "--count", "0"], "from 1 to 50"),
    (["start", "--specialty", "derm", "--platform", "instagram", "--country", "ZZ"], "unknown country code"),
    (["start", "--specialty", "derm", "--platform", "myspace"], "unknown platform"),
    (["start", "--specialty", "derm", "--platform", "instagram", "--timezone", "Nowhere/City"], "time zone"),
    # reply, check: empty and oversized text
    (["reply", "   "], "review"),
    (["reply", "x" * 10_001], "longer than"),
    (["reply", "Great team", "--phone", "1" * 50], "at most 40"),
    (["check", ""], "nothing to check"),
    (["check", "Hello", "--country", "ZZ"], "unknown country code"),
    (["check", "Hello", "--platform", "myspace"], "unknown platform"),
    # search, ask: empty and oversized questions, unknown names, all refused before any model loads
    (["search", "   "], "empty"),
    (["search", LONG], "limit is 8,000"),
    (["ask", "   "], "give a question"),
    (["ask", LONG], "limit is 8,000"),
    (["ask", "reviews", "--country", "ZZ"], "unknown country code 'ZZ'"),
    (["ask", "reviews", "--specialty", "astrology"], "unknown specialty"),
    (["ask", "reviews", "--provider", "gemini"], "unknown provider"),
    # any command: unknown options and commands
    (["index", "--fast"], "unrecognized arguments"),
    (["publish"], "invalid choice"),
]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=[" ".join(a)[:60] for a, _ in CASES])
def test_bad_input_is_one_error_line_with_status_2_and_no_traceback(env, places, args, expected):
    result = run_cli(env, args, places)
    assert expected in one_error_line(result)
    assert result.stdout == b""


def test_a_refused_out_leaves_an_existing_file_as_it_was(env, places):
    one_error_line(run_cli(env, [*PLAN, "--start", "9999-12-25", "--out", "{file}"], places))
    one_error_line(run_cli(env, [*PLAN_2030, "--format", "hootsuite", "--out", "{file}"], places))
    assert Path(places["{file}"]).read_text(encoding="utf-8") == "kept\n"


def test_a_plan_is_written_whole_to_the_file_named_and_the_folder_keeps_no_temporary_file(env, tmp_path):
    out = tmp_path / "plans" / "may.ics"
    result = run_cli(env, [*PLAN_2030, "--format", "ics", "--out", str(out)])
    assert result.returncode == 0, result.stderr.decode()
    assert out.read_text(encoding="utf-8").rstrip().endswith("END:VCALENDAR")
    assert [p.name for p in out.parent.iterdir()] == ["may.ics"]


def test_scheduler_files_are_named_with_the_formats_extension(env, tmp_path):
    result = run_cli(
        env, [*PLAN_2030, "--platforms", "instagram,facebook", "--format", "buffer", "--out", str(tmp_path / "buffer")]
    )
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "buffer").iterdir()) == ["facebook.csv", "instagram.csv"]


def test_an_unexpected_failure_is_one_line_with_status_1_and_the_redacted_details_go_to_the_log(
    monkeypatch, capsys, tmp_path
):
    # A fault injected where no input can cause one: the last-resort guard must still keep the traceback (and the
    # secret in its message) off the terminal, and keep the details, redacted, in the log file.
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(FIXTURE_KNOWLEDGE))

    def broken(*args, **kwargs):
        raise RuntimeError("planner crashed talking to https://admin:hunter2-secret@db.example/x")

    monkeypatch.setattr("assistant.planners.calendar.plan_calendar", broken)
    code = main([*PLAN_2030, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "RuntimeError" in lines[0]
    assert "Traceback" not in err and "hunter2" not in err
    log = (tmp_path / "logs" / "assistant-cli.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "planner crashed" in log and "https://admin:***@db.example/x" in log
    assert "hunter2" not in log
    assert not logging.getLogger("assistant.cli").handlers  # the file is closed again


def test_output_cut_short_by_the_reader_is_not_an_error(env):
    # `plan ... | head -1`: the reader stops early; the command must end quietly, without a traceback.
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "assistant",
            *PLAN,
            "--start",
            "2030-05-06",
            "--weeks",
            "52",
            "--posts-per-week",
            "21",
            "--format",
            "csv",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read() if proc.stderr else b""
    assert proc.wait(timeout=120) == 0 and b"Traceback" not in stderr and b"Exception" not in stderr
