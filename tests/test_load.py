"""The load driver (bench/load.py): sessions at once against a real `streamlit run`, nothing lost afterwards."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.netblock import offline_env

LOAD = ROOT / "bench" / "load.py"


def _load_module():
    spec = importlib.util.spec_from_file_location("bench_load", LOAD)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_the_loss_check_counts_a_question_saved_without_its_answer(tmp_path):
    from assistant.storage import Store

    load = _load_module()
    url = f"sqlite:///{tmp_path / 'app.db'}"
    store = Store(url)
    answered = store.create_conversation(None, "answered")
    store.add_message(answered, "user", "How often should we post?")
    store.add_message(answered, "assistant", "Twice a week.")
    half = store.create_conversation(None, "half")
    store.add_message(half, "user", "Do I need TikTok?")
    sessions = [
        load.SessionResult(asked=["How often should we post?"], conversation_id=answered),
        load.SessionResult(asked=["Do I need TikTok?"], conversation_id=half),
        load.SessionResult(asked=["Which hashtags?"], conversation_id=None),
    ]

    lost, notes = load.count_lost(url, sessions)

    assert lost == 2
    assert any("session 1" in note for note in notes) and any("session 2" in note for note in notes)


@pytest.mark.slow
@pytest.mark.server
def test_two_sessions_asking_two_questions_each_get_answers_and_lose_nothing(tmp_path, indexed):
    out = tmp_path / "load.json"
    data_dir = str(indexed.settings.data_dir)  # the session's index, so the server does not build its own
    proc = subprocess.run(
        [
            sys.executable,
            str(LOAD),
            "--sessions",
            "2",
            "--questions",
            "2",
            "--think",
            "0.2",
            "--json",
            str(out),
            "--data-dir",
            data_dir,
        ],
        cwd=ROOT,
        env=offline_env(),
        capture_output=True,
        text=True,
        timeout=840,
    )

    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    report = json.loads(out.read_text())
    assert report["warm_up_errors"] == []
    (level,) = report["levels"]
    assert level["errors"] == [] and level["lost"] == 0 and level["lost_notes"] == []
    assert level["asked"] == 4 and level["answers"] == 4
    assert level["server_cpu_s"] > 0
