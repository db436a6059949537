"""`python -m assistant ask` as a user runs it: real processes, real model, offline, network blocked."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.cli import one_error_line
from tests.conftest import FIXTURE_KNOWLEDGE, ROOT
from tests.netblock import offline_env

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    # The fixture knowledge base keeps the index build short; the command does not depend on its size.
    return offline_env(
        ASSISTANT_DATA_DIR=str(tmp_path_factory.mktemp("ask")),
        ASSISTANT_KNOWLEDGE_DIR=str(FIXTURE_KNOWLEDGE),
        ASSISTANT_PROVIDER="offline",
    )


def run_ask(env, *args, stdin: str | bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "assistant", "ask", *args]
    return subprocess.run(
        argv,
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=timeout,
        input=stdin.encode() if isinstance(stdin, str) else stdin,
    )


def test_json_output_has_the_answer_sources_warnings_provider_and_intent(env):
    result = run_ask(env, "How should we reply to a negative review?", "--specialty", "derm", "--json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert {"answer", "sources", "warnings", "provider", "intent"} <= set(data)
    assert data["provider"] == "offline" and data["intent"] == "review_reply"
    assert data["lead"] and data["lead"] in data["answer"] and "### Sources" in data["answer"]
    assert data["card_id"] == "review-replies-one-star" and data["drafts"] == []  # advice asked, no draft
    assert data["sources"] and all(set(s) == {"n", "doc_id", "title", "heading", "url"} for s in data["sources"])
    assert [s["n"] for s in data["sources"]] == list(range(1, len(data["sources"]) + 1))
    assert "negative-reviews" in {s["doc_id"] for s in data["sources"]}
    assert all(set(w) == {"rule", "message"} for w in data["warnings"])


def test_jsonl_answers_each_line_and_reports_a_bad_line_without_stopping(env):
    lines = (
        "\n".join(
            [
                json.dumps({"question": "How should we reply to a negative review?", "specialty": "dermatology"}),
                "{this is not json",
                json.dumps(
                    {"question": "How do I set up a Facebook page for the practice?", "specialty": "cardiology"}
                ),
            ]
        )
        + "\n"
    )
    result = run_ask(env, "--jsonl", stdin=lines)
    assert result.returncode == 0, result.stderr.decode()
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(out) == 3
    assert out[0]["intent"] == "review_reply" and out[0]["sources"]
    assert "error" in out[1] and "line 2" in out[1]["error"] and "answer" not in out[1]
    assert out[2]["intent"] == "start_platform" and "platform-facebook" in {s["doc_id"] for s in out[2]["sources"]}


def test_jsonl_reports_a_line_without_a_question_or_with_an_unknown_specialty(env):
    lines = json.dumps({"q": "typo"}) + "\n" + json.dumps({"question": "hi there", "specialty": "astrology"}) + "\n"
    result = run_ask(env, "--jsonl", stdin=lines)
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert "expected an object" in out[0]["error"]
    assert "unknown specialty 'astrology'" in out[1]["error"]


def test_jsonl_fields_of_the_wrong_type_get_an_error_object_and_the_batch_goes_on(env):
    bad = [
        ({"question": "reviews", "specialty": 7}, "'specialty' must be text"),
        ({"question": 5}, "expected an object"),
        ({"question": "reviews", "country": ["GB"]}, "'country' must be text"),
        ({"question": "reviews", "country": "ZZ"}, "unknown country code 'ZZ'"),
        ({"question": "reviews", "platforms": [1, 2]}, "'platforms' must be a list"),
        ({"question": "reviews", "platforms": "myspace"}, "unknown platform 'myspace'"),
        ({"question": "reviews", "history": "earlier chat"}, "'history' must be a list"),
        ({"question": "reviews", "history": [{"role": "wizard", "content": 3}]}, "line 8"),
        ({"question": "x" * 9000}, "limit is 8,000"),
        ({"question": "   "}, "empty"),
        ([1, 2, 3], "expected an object"),
    ]
    lines = [json.dumps(item).encode() for item, _ in bad] + [b'{"question": "caf\xe9"}']
    lines.append(json.dumps({"question": "How should we reply to a negative review?", "specialty": 7.5}).encode())
    lines.append(json.dumps({"question": "How should we reply to a negative review?"}).encode())
    result = run_ask(env, "--jsonl", stdin=b"\n".join(lines) + b"\n")
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr.decode()
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o["line"] for o in out] == list(range(1, len(bad) + 4))
    for n, (_, expected) in enumerate(bad):
        assert expected in out[n]["error"] and "answer" not in out[n], out[n]
    assert "not valid UTF-8" in out[len(bad)]["error"]
    assert "'specialty' must be text" in out[len(bad) + 1]["error"]
    assert out[-1]["intent"] == "review_reply" and out[-1]["sources"]  # the batch went on to the end


@pytest.mark.parametrize(
    "args, expected",
    [
        ((), "give a question"),
        (("--jsonl", "a question"), "reads questions from stdin"),
        (("hello", "--json", "--jsonl"), "not allowed with"),
        (("hello", "--provider", "gemini"), "unknown provider 'gemini'"),
        (("hello", "--specialty", "astrology"), "unknown specialty 'astrology'"),
        (("hello", "--platform", "myspace"), "unknown platform 'myspace'"),
    ],
)
def test_bad_arguments_exit_2_withone_error_line(env, args, expected):
    assert expected in one_error_line(run_ask(env, *args))
