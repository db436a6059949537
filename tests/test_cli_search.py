"""`python -m assistant index` and `search` as a user runs them: real processes, real model, offline."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.cli import one_error_line
from tests.conftest import FIXTURE_KNOWLEDGE, ROOT
from tests.netblock import offline_env


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    # The tiny fixture knowledge base keeps the index build short; the commands do not depend on its size.
    return offline_env(
        ASSISTANT_DATA_DIR=str(tmp_path_factory.mktemp("cli")), ASSISTANT_KNOWLEDGE_DIR=str(FIXTURE_KNOWLEDGE)
    )


def run_cli(env, *args, timeout: float = 240) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "assistant", *args]
    return subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, timeout=timeout)


def test_search_builds_the_missing_index_and_prints_the_json_contract(env):
    result = run_cli(
        env, "search", "how do I answer a bad review without confirming they are a patient", "--json", "--k", "3"
    )
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert list(data) == ["passages"] and 1 <= len(data["passages"]) <= 3
    first = data["passages"][0]
    assert {"doc_id", "title", "heading", "text", "score", "sources"} <= set(first)
    assert "negative-reviews" in [p["doc_id"] for p in data["passages"]]
    assert all(s["url"].startswith("https://") for s in first["sources"])
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.slow
def test_the_index_command_reports_a_no_op_when_nothing_changed(env):
    run_cli(env, "index")
    result = run_cli(env, "index")
    assert result.returncode == 0, result.stderr.decode()
    assert "0 added, 0 updated, 0 removed" in result.stdout.decode()


@pytest.mark.slow
def test_undecodable_bytes_in_the_question_are_replaced_not_fatal(env):
    argv = [sys.executable.encode(), b"-m", b"assistant", b"search", b"negative review reply \xff\xfe\xc3", b"--json"]
    result = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, timeout=240)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert json.loads(result.stdout)["passages"]


@pytest.mark.slow
def test_plain_output_lists_numbered_passages_with_sources(env):
    result = run_cli(env, "search", "setting", "up", "a", "facebook", "page", "--k", "2")
    out = result.stdout.decode()
    assert result.returncode == 0 and out.startswith("1. ") and "source: " in out


@pytest.mark.slow
def test_an_unknown_specialty_is_one_error_line_naming_the_closest(env):
    line = one_error_line(run_cli(env, "search", "reviews", "--specialty", "dermatolgy"))
    assert "dermatology" in line


@pytest.mark.parametrize(
    "args, expected",
    [
        (("search", "reviews", "--k", "0"), "--k"),
        (("search", "reviews", "--k", "-2"), "--k"),
        (("search", "reviews", "--k", "lots"), "--k"),
        (("search",), "question"),
        (("search", "   "), "empty"),
        (("search", "reviews", "--mode", "psychic"), "--mode"),
        (("search", "reviews", "--frobnicate"), "unrecognized"),
    ],
)
def test_bad_arguments_exit_2_with_one_error_line_and_no_traceback(env, args, expected):
    assert expected in one_error_line(run_cli(env, *args, timeout=60))
