"""Answer-engine benchmark: offline latency, --jsonl throughput, LLM overhead, answer quality, coverage calibration.

Run: `python bench/bench_answer.py [--jsonl-n 40] [--no-write] [--data-dir DIR]`. Prints a table and
(unless --no-write) replaces the "## Answering" section of docs/benchmarks.md, leaving the others alone.
Targets (issue 4): offline answer p50 <= 60 ms warm on 2 cores; overhead before the first token with an LLM
provider <= 40 ms. Everything runs offline; the LLM is tests/openai_server.py on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench_retrieval import machine, percentile  # noqa: E402  (same machine description in every section)
from report import DOC, write_section  # noqa: E402

EVAL = ROOT / "eval"
P50_TARGET_MS, OVERHEAD_TARGET_MS = 60, 40


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build(data_dir: Path):
    """Services over the real knowledge base with a synced index in `data_dir` (offline provider)."""
    from assistant.config import load_settings
    from assistant.services import Services

    services = Services(load_settings(data_dir=data_dir, provider="offline"))
    services.retriever.ensure_index()
    return services


def profile_for(kb, specialty: str | None):
    from assistant.profile import ClinicProfile

    return ClinicProfile(specialty=kb.specialty(specialty).id if specialty else "general_practice")


def offline_latency(services, questions: list[dict]) -> dict:
    """Warm per-question latency of engine.answer (one untimed pass first)."""
    engine, kb = services.chat, services.kb
    for q in questions[:10]:
        engine.answer(q["question"], profile_for(kb, q.get("specialty")))
    times = []
    for q in questions:
        profile = profile_for(kb, q.get("specialty"))
        start = time.perf_counter()
        engine.answer(q["question"], profile)
        times.append((time.perf_counter() - start) * 1000)
    return {"n": len(times), "p50": statistics.median(times), "p95": percentile(times, 95)}


def jsonl_throughput(data_dir: Path, questions: list[dict], n: int) -> dict:
    """Answers per second of `ask --jsonl` in a new process, with and without its start-up."""
    from assistant.chat.engine import log  # noqa: F401 - ensures the package imports before timing children

    def run(count: int) -> float:
        lines = "".join(
            json.dumps({"question": q["question"], "specialty": q.get("specialty")}) + "\n"
            for q in (questions * (count // len(questions) + 1))[:count]
        )
        env = {
            "ASSISTANT_DATA_DIR": str(data_dir),
            "ASSISTANT_PROVIDER": "offline",
            "PATH": "/usr/bin:/bin",
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
        }
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "assistant", "ask", "--jsonl"],
            cwd=ROOT,
            env=env,
            input=lines.encode(),
            capture_output=True,
            timeout=1800,
        )
        elapsed = time.perf_counter() - start
        answered = sum(1 for line in done.stdout.decode().splitlines() if '"answer"' in line)
        if done.returncode != 0 or answered != count:
            raise SystemExit(f"ask --jsonl failed ({answered}/{count} answered): {done.stderr.decode()[-500:]}")
        return elapsed

    one, many = run(1), run(n)
    return {"n": n, "total_s": many, "rate": n / many, "steady_rate": (n - 1) / max(many - one, 1e-9), "startup_s": one}


class _Arrivals(list):
    """A request list that also records when each request arrived (perf_counter)."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def append(self, item) -> None:
        self.times.append(time.perf_counter())
        super().append(item)


def llm_overhead(services, questions: list[dict], runs: int = 20) -> dict:
    """Time from engine.stream() to the request reaching a local OpenAI-compatible server."""
    from assistant.chat.engine import ChatEngine
    from assistant.config import load_settings
    from assistant.providers import get_provider
    from tests.openai_server import OpenAICompatibleServer

    reply = "Thank the reviewer, keep the reply generic and invite them to call the practice [1]. " * 3
    waits, firsts = [], []
    with OpenAICompatibleServer(reply=reply) as server:
        server.requests = _Arrivals()
        settings = load_settings(openai_base_url=server.base_url, provider="openai", llm_max_retries=0)
        engine = ChatEngine(
            services.kb,
            services.retriever,
            get_provider("openai", settings),
            settings,
            services.matcher,
            services.drafter,
        )
        for i in range(runs + 2):
            q = questions[i % len(questions)]
            start = time.perf_counter()
            stream = engine.stream(q["question"], profile_for(services.kb, q.get("specialty")))
            first = next(iter(stream))
            got_first = time.perf_counter()
            for _ in stream:
                pass
            if i >= 2 and first and stream.result.provider == "openai":  # the first two runs warm the client
                waits.append((server.requests.times[-1] - start) * 1000)
                firsts.append((got_first - start) * 1000)
    return {
        "n": len(waits),
        "p50": statistics.median(waits),
        "p95": percentile(waits, 95),
        "first_text_p50": statistics.median(firsts),
    }


def covered_point(point: list[str], text: str) -> bool:
    return any(alt.lower() in text for alt in point)


def quality(services, items: list[dict]) -> dict:
    """Share of expected key points (keyword groups, eval/answer_points.jsonl) found in offline answers."""
    found = total = 0
    misses = []
    for item in items:
        answer = services.chat.answer(item["question"], profile_for(services.kb, item.get("specialty")))
        body = " ".join(answer.text.split("### Sources")[0].split()).lower()
        for point in item["points"]:
            total += 1
            if covered_point(point, body):
                found += 1
            else:
                misses.append(f"{item['question'][:50]!r}: {point[0]!r}")
    return {"items": len(items), "points": total, "share": found / total, "misses": misses}


def calibration(services, inside: list[dict], outside: list[dict]) -> dict:
    """How the coverage rule separates eval questions (in scope) from eval/out_of_scope.jsonl, by kind."""
    engine = services.chat

    def covered(q: dict) -> tuple[bool, float]:
        turn = engine.turns.build(q["question"], profile_for(services.kb, q.get("specialty")), [])
        return turn.covered, turn.similarity

    ins = [covered(q) for q in inside]
    result = {
        "in_n": len(ins),
        "in_covered": sum(c for c, _ in ins) / len(ins),
        "in_min_sim": min(s for _, s in ins),
        "in_missed": [q["question"] for q, (c, _) in zip(inside, ins, strict=True) if not c],
        "out": {},
    }
    for kind in dict.fromkeys(q.get("kind", "off-domain") for q in outside):
        group = [q for q in outside if q.get("kind", "off-domain") == kind]
        outs = [covered(q) for q in group]
        result["out"][kind] = {
            "n": len(outs),
            "declined": sum(not c for c, _ in outs) / len(outs),
            "max_sim": max(s for _, s in outs),
            "answered": [q["question"] for q, (c, _) in zip(group, outs, strict=True) if c],
        }
    return result


def render(r: dict) -> str:
    lat, thr, llm, qual, cal = r["latency"], r["jsonl"], r["llm"], r["quality"], r["calibration"]
    ok = lambda met: "yes" if met else "**no**"  # noqa: E731
    rows = [
        (
            "Offline answer p50 / p95, warm (126 eval questions, in process)",
            f"{lat['p50']:.1f} / {lat['p95']:.1f} ms",
            f"p50 ≤ {P50_TARGET_MS} ms",
            ok(lat["p50"] <= P50_TARGET_MS),
        ),
        (
            f"`ask --jsonl`, {thr['n']} questions, new process",
            f"{thr['total_s']:.1f} s, {thr['rate']:.1f} answers/s",
            "—",
            "—",
        ),
        (
            "`ask --jsonl` steady state (start-up excluded)",
            f"{thr['steady_rate']:.1f} answers/s (start-up {thr['startup_s']:.1f} s)",
            "—",
            "—",
        ),
        (
            "LLM overhead: `stream()` to request at the server, p50 / p95",
            f"{llm['p50']:.1f} / {llm['p95']:.1f} ms",
            f"≤ {OVERHEAD_TARGET_MS} ms",
            ok(llm["p50"] <= OVERHEAD_TARGET_MS),
        ),
        ("LLM: `stream()` to first text shown, p50 (local server)", f"{llm['first_text_p50']:.1f} ms", "—", "—"),
        (
            f"Offline answer quality: key points covered ({qual['items']} questions, {qual['points']} points)",
            f"{qual['share']:.0%}",
            "—",
            "—",
        ),
        (f"Coverage: in-scope eval questions answered ({cal['in_n']})", f"{cal['in_covered']:.0%}", "—", "—"),
    ]
    rows += [
        (f"Coverage: {kind} out-of-scope questions declined ({o['n']})", f"{o['declined']:.0%}", "—", "—")
        for kind, o in cal["out"].items()
    ]
    lines = [
        "## Answering",
        "",
        f"Machine: {r['machine']}.",
        f"Measured {r['date']} with `python bench/bench_answer.py` (real knowledge base, packaged embedding "
        "model, fresh temporary data directory; wall-clock).",
        "",
        "| measure | result | target | met |",
        "|---|---|---|---|",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    highest = ", ".join(f"{kind} {o['max_sim']:.3f}" for kind, o in cal["out"].items())
    lines += [
        "",
        f"Coverage rule: closest-passage similarity, lowest in scope {cal['in_min_sim']:.3f}, highest out of "
        f"scope {highest}. Similarity alone cannot separate near-domain questions, so a question with a "
        "practice-management subject (`off_topic_terms` in `knowledge/data/intents.yaml`) and no communication "
        "word is declined; thresholds in `knowledge/data/chat.yaml` (`coverage`). Chosen on these questions; "
        "a later held-out check (12 in-scope, 8 near-domain questions written afterwards) answered 11/12 and "
        "declined 8/8 (cases kept in tests/test_answers.py).",
    ]
    if cal["in_missed"]:
        lines.append(f"In-scope questions declined: {cal['in_missed']}.")
    for kind, o in cal["out"].items():
        if o["answered"]:
            lines.append(f"{kind.capitalize()} questions answered anyway: {o['answered']}.")
    if qual["misses"]:
        lines.append(f"Key points missed: {'; '.join(qual['misses'])}.")
    lines += ["", "Reproduce: `python bench/bench_answer.py` (`--no-write` to leave this file alone)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jsonl-n", type=int, default=40, help="questions for the --jsonl run (default 40)")
    parser.add_argument("--data-dir", type=Path, help="data directory to use (default: a new temporary one)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="bench-answer-"))
    inside, outside = read_jsonl(EVAL / "questions.jsonl"), read_jsonl(EVAL / "out_of_scope.jsonl")
    services = build(data_dir)
    results = {
        "machine": machine(),
        "date": dt.date.today().isoformat(),
        "latency": offline_latency(services, inside),
        "llm": llm_overhead(services, inside),
        "quality": quality(services, read_jsonl(EVAL / "answer_points.jsonl")),
        "calibration": calibration(services, inside, outside),
        "jsonl": jsonl_throughput(data_dir, inside, max(args.jsonl_n, 2)),
    }
    section = render(results)
    print(section)
    if not args.no_write:
        write_section(section)
        print(f"updated {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
