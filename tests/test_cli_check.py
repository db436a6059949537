"""`python -m assistant check` as a user runs it: a real process, findings as data, bad input as a clear error."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.cli import one_error_line
from tests.conftest import ROOT
from tests.netblock import offline_env


@pytest.fixture(scope="module")
def env():
    return offline_env()


def run_check(env, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "check", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def test_json_output_lists_findings_with_the_contract_fields_and_exits_zero(env):
    result = run_check(env, "We're sorry your root canal went badly", "--kind", "reply", "--json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["ok"] is False
    rules = [f["rule"] for f in data["findings"]]
    assert {"R1", "R3", "R4"} <= set(rules)
    first = data["findings"][0]
    assert set(first) >= {"rule", "severity", "span", "start", "end", "message", "fix"}
    assert "We're sorry your root canal went badly"[first["start"] : first["end"]] == first["span"]


def test_compliant_reply_is_ok(env):
    text = (
        "Thank you for your feedback. We take all comments seriously. To protect privacy we never discuss "
        "anyone's care online; please call our office at 555-0100."
    )
    result = run_check(env, text, "--kind", "reply", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"ok": True, "kind": "reply", "findings": []}


def test_human_output_names_each_rule_with_why_and_fix(env):
    result = run_check(env, "Botox with guaranteed results!", "--kind", "ad")
    out = result.stdout.decode()
    assert result.returncode == 0
    # People read the rules' plain names; the codes stay in --json for scripts.
    assert "[high] No prescription-only medicine names in ads (in the UK, in posts too):" in out
    assert "[high] No promises of results:" in out
    assert "R20" not in out and "R10" not in out
    assert out.count("  why: ") == out.count("  fix: ") >= 2


def test_platform_limits_are_checked_when_a_platform_is_named(env):
    text = "Sun safety tips for the summer #a #b #c #d #e #f #g"
    data = json.loads(run_check(env, text, "--kind", "post", "--platform", "instagram", "--json").stdout)
    assert [f["rule"] for f in data["findings"]][:1] == ["hashtags"] and "at most 5" in data["findings"][0]["message"]
    assert not json.loads(run_check(env, text, "--kind", "post", "--json").stdout)["findings"]
    long_x = json.loads(run_check(env, "x" * 300, "--platform", "x", "--json").stdout)
    assert any(f["rule"] == "length" and "280" in f["message"] for f in long_x["findings"])


def test_dash_reads_the_text_from_standard_input(env):
    result = run_check(env, "-", "--json", stdin=b"Our new therapy cures migraines, 100% of the time.")
    assert result.returncode == 0
    assert "R10" in {f["rule"] for f in json.loads(result.stdout)["findings"]}


def test_a_pasted_export_read_from_standard_input_is_flagged_cell_by_cell(env):
    export = b"Name;DOB;Phone\nGagnon Sophie;1985-02-11;613-555-0193\nHollis Grant;1990-03-04;613-555-0101\n"
    result = run_check(env, "-", "--json", stdin=export)
    flagged = {f["span"] for f in json.loads(result.stdout)["findings"] if f["rule"] == "R2"}
    assert {"Gagnon Sophie", "1985-02-11", "Hollis Grant", "1990-03-04"} <= flagged


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["   "], None, "nothing to check"),
        (["-"], b"", "nothing to check"),
        (["-"], b"a" * 1_000_000, "longer than 100,000 characters"),
        (["-"], b"\xff\xfe not utf-8", "not valid UTF-8"),
        (["hello", "--kind", "tweet"], None, "invalid choice: 'tweet'"),
    ],
)
def test_bad_input_is_one_clear_error_line_with_status_2(env, args, stdin, message):
    assert message in one_error_line(run_check(env, *args, stdin=stdin))


def test_an_unknown_country_is_refused_and_a_known_one_adds_its_rules(env):
    bad = run_check(env, "hello", "--country", "ZZ")
    assert bad.returncode == 2 and b"unknown country code" in bad.stderr
    uk = json.loads(run_check(env, "Botox now available at our clinic", "--country", "GB", "--json").stdout)
    assert [f["rule"] for f in uk["findings"]] == ["R20"]
