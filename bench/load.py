"""Load test of the server: N chat sessions at once against one `streamlit run app.py`, no browser.

Each session is a protocol-level client: it opens Streamlit's websocket (`/_stcore/stream`) and sends the
same messages a browser tab sends (the page load, a click on "New", each question typed into the chat box),
and reads the server's replies with Streamlit's own protobuf classes. The server does exactly the work it does
for a browser; the client only parses protobuf, so on a small machine the figures are the server's, not the
browsers'. A session asks K clinician questions (from eval/questions.jsonl, drawn per session) with a think
time between them; the answer time runs from sending the question to the end of the script run that showed
the answer. Afterwards every conversation is read back from the database: each question asked must be stored
with its answer. Server CPU comes from /proc. The server runs on a free loopback port with the offline provider,
a fresh temporary SQLite database and a temporary data directory (or --data-dir, to reuse its search index).

    python bench/load.py --sessions 1 5 10 20 40 --questions 5 --json bench/results/load.json
    python bench/load.py --think 0 ...    # no pause between questions: the server's throughput ceiling
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.load_client import open_tab  # noqa: E402 - needs the project root on the path
from bench.server import streamlit_server  # noqa: E402

QUESTIONS_FILE = ROOT / "eval" / "questions.jsonl"
WARM_UP_QUESTIONS = 5


class EvalQuestion(BaseModel):
    """One line of eval/questions.jsonl (only the question is used here)."""

    question: str


def load_questions(path: Path = QUESTIONS_FILE) -> list[str]:
    """The clinicians' questions the sessions ask."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [EvalQuestion.model_validate_json(line).question for line in lines]


# --- the server ----------------------------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process (all its threads) has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid: int) -> float:
    """Resident memory of a process in MiB, from /proc."""
    match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) / 1024 if match else 0.0


@contextmanager
def serve(data_dir: Path, database_url: str) -> Iterator[tuple[str, int]]:
    """`streamlit run app.py` on a free loopback port; yields (url, pid) and stops the server afterwards."""
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_DATABASE_URL": database_url,
        "ASSISTANT_PROVIDER": os.environ.get("ASSISTANT_PROVIDER", "offline"),
    }
    with streamlit_server(data_dir / "streamlit-load.log", env) as server:
        yield server.url, server.pid


# --- sessions and levels ------------------------------------------------------------------------------------


@dataclass
class SessionResult:
    asked: list[str] = field(default_factory=list)  # questions sent to the server (each must be saved)
    times: list[float] = field(default_factory=list)  # request -> run finished with the answer shown
    first_text: list[float] = field(default_factory=list)
    page_load_s: float | None = None
    conversation_id: int | None = None
    errors: list[str] = field(default_factory=list)


async def session(
    url: str, questions: list[str], think: float, rng: random.Random, timeout: float, result: SessionResult
) -> None:
    """One user: open the chat page, start a new conversation, ask the questions with pauses between them."""
    try:
        async with open_tab(url, timeout) as tab:
            await asyncio.sleep(rng.uniform(0, think))  # users arrive spread out, not all in one instant
            started = time.perf_counter()
            run = await tab.rerun()
            result.page_load_s = time.perf_counter() - started
            if run.new_button:  # the page reopened someone's last conversation: start our own
                run = await tab.click(run.new_button)
            for i, question in enumerate(questions):
                if i:
                    await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
                if run.chat_input is None:
                    raise RuntimeError("the page has no chat box")
                result.asked.append(question)
                started = time.perf_counter()
                run = await tab.ask(run.chat_input, question, users_before=i)
                elapsed = time.perf_counter() - started
                problem = run.answer_problem(question)
                if problem:
                    result.errors.append(f"question {i + 1}: {problem}")
                    continue
                result.times.append(elapsed)
                result.first_text.append(run.first_text_s or elapsed)
                result.conversation_id = run.conversation_id or result.conversation_id
    except Exception as exc:  # noqa: BLE001 - a failed session is counted, the others go on
        result.errors.append(f"{type(exc).__name__}: {str(exc)[:200]}")


def count_lost(database_url: str, results: list[SessionResult]) -> tuple[int, list[str]]:
    """Questions asked that are not in the database, in order, each followed by a stored answer."""
    from assistant.storage import Store  # the app's own reader of saved work

    store = Store(database_url)
    lost, notes = 0, []
    for n, result in enumerate(results):
        if not result.asked:
            continue
        if result.conversation_id is None:
            lost += len(result.asked)
            notes.append(f"session {n}: no conversation was shown, {len(result.asked)} question(s) unaccounted for")
            continue
        saved = [(m["role"], m["content"]) for m in store.get_messages(result.conversation_id)]
        pairs = list(zip(saved[0::2], saved[1::2]))
        for i, question in enumerate(result.asked):
            ok = (
                i < len(pairs)
                and pairs[i][0] == ("user", question)
                and pairs[i][1][0] == "assistant"
                and pairs[i][1][1].strip()
            )
            if not ok:
                lost += 1
                notes.append(
                    f"session {n}: question {i + 1} or its answer is missing from conversation {result.conversation_id}"
                )
        if len(saved) != 2 * len(result.asked):
            notes.append(f"session {n}: {len(saved)} messages saved for {len(result.asked)} questions")
    return lost, notes


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _ms(values: list[float], p: float) -> float | None:
    return round(1000 * percentile(values, p), 1) if values else None


async def _level(
    url: str, sessions: int, plan: list[list[str]], think: float, seed: int, timeout: float
) -> list[SessionResult]:
    results = [SessionResult() for _ in range(sessions)]
    await asyncio.gather(
        *(session(url, plan[n], think, random.Random(seed * 1000 + n), timeout, results[n]) for n in range(sessions))
    )
    return results


def run_level(
    url: str,
    pid: int,
    database_url: str,
    sessions: int,
    questions: int,
    think: float,
    seed: int,
    timeout: float = 120.0,
) -> dict:
    """N sessions at once, K questions each; returns the figures for one row of the table."""
    bank = load_questions()
    rng = random.Random(seed)
    plan = [rng.sample(bank, questions) for _ in range(sessions)]
    load_before = os.getloadavg()[0]
    server_before, client_before, wall_before = cpu_seconds(pid), time.process_time(), time.perf_counter()
    results = asyncio.run(_level(url, sessions, plan, think, seed, timeout))
    wall = time.perf_counter() - wall_before
    server_cpu, client_cpu = cpu_seconds(pid) - server_before, time.process_time() - client_before
    lost, notes = count_lost(database_url, results)
    times = [t for r in results for t in r.times]
    first = [t for r in results for t in r.first_text]
    loads = [r.page_load_s for r in results if r.page_load_s is not None]
    return {
        "sessions": sessions,
        "questions_per_session": questions,
        "think_s": think,
        "asked": sum(len(r.asked) for r in results),
        "answers": len(times),
        "errors": [f"session {n}: {e}" for n, r in enumerate(results) for e in r.errors],
        "lost": lost,
        "lost_notes": notes,
        "p50_ms": _ms(times, 50),
        "p95_ms": _ms(times, 95),
        "max_ms": _ms(times, 100),
        "first_text_p50_ms": _ms(first, 50),
        "first_text_p95_ms": _ms(first, 95),
        "page_load_p95_ms": _ms(loads, 95),
        "wall_s": round(wall, 1),
        "answers_per_s": round(len(times) / wall, 2),
        "server_cpu_s": round(server_cpu, 2),
        "server_cpu_per_answer_ms": round(1000 * server_cpu / len(times), 1) if times else None,
        "server_cpu_share_of_wall": round(server_cpu / wall, 2),
        "client_cpu_s": round(client_cpu, 2),
        "client_cpu_share": round(client_cpu / (client_cpu + server_cpu), 3) if server_cpu + client_cpu else None,
        "server_rss_mib": round(rss_mib(pid), 1),
        "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
    }


# --- the command ------------------------------------------------------------------------------------------------


def machine() -> dict:
    """The machine line published with the figures."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024**2
    import streamlit

    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
    }


def _row(r: dict) -> str:
    ms = [f"{r[k] / 1000:.2f} s" if r[k] is not None else "—" for k in ("p50_ms", "p95_ms", "max_ms")]
    cpu = f"{r['server_cpu_per_answer_ms']:.0f} ms" if r["server_cpu_per_answer_ms"] is not None else "—"
    share = f"{100 * r['client_cpu_share']:.0f}%" if r["client_cpu_share"] is not None else "—"
    return (
        f"| {r['sessions']} | {r['answers']} | {' | '.join(ms)} | {len(r['errors'])} | {r['lost']} | {cpu} | {share} |"
    )


def _table(levels: list[dict]) -> str:
    """The levels as the Markdown table published in docs/benchmarks.md."""
    head = "| sessions | answers | p50 | p95 | max | errors | lost | server CPU per answer | client CPU share |"
    return "\n".join([head, "|---|---|---|---|---|---|---|---|---|", *map(_row, levels)])


def _clinic_set_up(database_url: str) -> None:
    """Save a clinic profile first, as a clinic that has used the app has: sessions open the chat, not the first run."""
    from assistant.profile import ClinicProfile
    from assistant.storage import Store

    Store(database_url).save_profile("Load test clinic", ClinicProfile().model_dump())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 5, 10, 20, 40], help="levels to run")
    parser.add_argument("--questions", type=int, default=5, help="questions per session (K)")
    parser.add_argument(
        "--think",
        type=float,
        default=5.0,
        help="mean pause between a session's questions, seconds (drawn from 0.5x to 1.5x; 0 = none)",
    )
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for one answer")
    parser.add_argument("--data-dir", type=Path, help="data directory whose index to reuse; else a temporary one")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    if min(args.sessions) < 1 or args.questions < 1:
        parser.error("--sessions and --questions must be at least 1")
    if args.questions > len(load_questions()):
        parser.error(f"--questions must be at most {len(load_questions())} (the questions in {QUESTIONS_FILE.name})")
    temp = Path(tempfile.mkdtemp(prefix="load-"))
    data_dir = args.data_dir or temp  # the index is kept in --data-dir; the database is always a fresh one
    database_url = f"sqlite:///{temp / 'load.db'}"
    _clinic_set_up(database_url)
    when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    try:
        with serve(data_dir, database_url) as (url, pid):
            started = time.perf_counter()
            # The first visit builds the index (when missing) and loads the model, and the first answers compile the
            # checker's patterns: measured apart, not counted.
            warm = run_level(url, pid, database_url, 1, WARM_UP_QUESTIONS, 0.0, args.seed, timeout=900.0)
            warm_up_s = time.perf_counter() - started
            print(f"warm-up: {warm_up_s:.1f} s (index and model ready); server pid {pid}", flush=True)
            levels = []
            for n in args.sessions:
                levels.append(
                    run_level(url, pid, database_url, n, args.questions, args.think, args.seed + n, args.timeout)
                )
                print(_row(levels[-1]), flush=True)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    report = {
        "started": when,
        "machine": machine(),
        "warm_up_s": round(warm_up_s, 1),
        "warm_up_errors": warm["errors"] + warm["lost_notes"],
        "levels": levels,
    }
    print(_table(levels))
    for level in levels:
        for line in level["errors"] + level["lost_notes"]:
            print(f"{level['sessions']} sessions: {line}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    failed = warm["errors"] or warm["lost"] or any(level["errors"] or level["lost"] for level in levels)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
