"""Retrieval benchmarks: index build, no-op re-index, warm search latency, cold start, peak memory.

Run: `python bench/bench_retrieval.py [--no-write]`. Prints a Markdown table and (unless --no-write) replaces
the "## Retrieval" section of docs/benchmarks.md. Everything runs in a temporary data directory, so the
user's own index is left alone. Figures are wall-clock on whatever machine runs this; the table names it.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
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

from report import DOC, write_section  # noqa: E402

COLD_QUESTION = "how do I answer a negative review without confirming the reviewer is a patient"


def machine() -> str:
    """CPU count and model, RAM, OS and Python, from /proc where available."""
    cpu = "unknown CPU"
    ram = "unknown RAM"
    try:
        cpu = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M).group(1).strip()
        kb = int(re.search(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(), re.M).group(1))
        ram = f"{kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, AttributeError):
        pass
    return (
        f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, {ram}; "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


# Runs the CLI in a child process and reports that process's own peak memory. ru_maxrss cannot be used for
# children: Linux carries the high-water mark across fork+exec, so a child would report the parent's size.
# VmHWM in /proc/self/status belongs to the new program's address space only.
_CHILD = """import re, runpy, sys
sys.argv = ["assistant", *sys.argv[1:]]
try:
    runpy.run_module("assistant", run_name="__main__")
    status = 0
except SystemExit as exc:
    status = exc.code
hwm = re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1)
sys.stderr.write(f"MAXRSS_KB={hwm}\\n")
sys.exit(status)
"""


def _run_cli(env: dict[str, str], *args: str) -> tuple[float, float]:
    """(wall seconds, peak MB) of `python -m assistant ARGS` in a new process."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _CHILD, *args], cwd=ROOT, env=env, capture_output=True)
    elapsed = time.perf_counter() - started
    stderr = result.stderr.decode(errors="replace")
    if result.returncode != 0:
        raise SystemExit(f"`{' '.join(args)}` failed: {stderr[-500:]}")
    return elapsed, int(re.search(r"MAXRSS_KB=(\d+)", stderr).group(1)) / 1024


Row = tuple[str, str, str, bool]  # (measure, result, target, met)


def _p50_p95(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} / {percentile(values, 95):.1f} ms"


def _build_rows(services) -> list[Row]:
    """Model load, full build (wall and CPU) and no-op re-index, in this process."""
    started = time.perf_counter()
    services.embedder.warm_up()
    load_s = time.perf_counter() - started
    cpu = time.process_time()
    full = services.retriever.ensure_index(rebuild=True)
    full_cpu = time.process_time() - cpu  # CPU seconds over all threads: insensitive to other jobs' load
    noop = services.retriever.ensure_index()
    return [
        ("Knowledge base", f"{len(services.kb.guides)} guides, {len(services.chunks)} chunks", "", True),
        ("Model load (in process, incl. import)", f"{load_s:.1f} s", "", True),
        ("Full index build (embed + store all chunks)", f"{full.seconds:.1f} s", "≤ 30 s", full.seconds <= 30),
        ("Full index build, CPU time over all threads", f"{full_cpu:.1f} s", "", True),
        ("No-op re-index (sync, nothing changed)", f"{noop.seconds * 1000:.0f} ms", "≤ 1 s", noop.seconds <= 1),
    ]


def _search_rows(retriever, questions: list[str]) -> list[Row]:
    """Warm latency per mode over the eval questions, and CPU time per hybrid query."""
    for q in questions[:5]:
        retriever.search(q)  # warm caches (tokenizer, Chroma segment) before timing
    wall: dict[str, list[float]] = {"hybrid": [], "dense": [], "bm25": []}
    cpu: list[float] = []
    for mode, times in wall.items():
        for q in questions:
            t, c = time.perf_counter(), time.process_time()
            retriever.search(q, k=5, mode=mode)
            times.append((time.perf_counter() - t) * 1000)
            if mode == "hybrid":
                cpu.append((time.process_time() - c) * 1000)
    p50 = statistics.median(wall["hybrid"])
    return [
        (
            f"Hybrid search p50 / p95, warm ({len(questions)} eval questions)",
            _p50_p95(wall["hybrid"]),
            "p50 ≤ 30 ms",
            p50 <= 30,
        ),
        ("Hybrid search CPU time per query, median", f"{statistics.median(cpu):.1f} ms", "", True),
        ("Dense-only search p50 / p95, warm", _p50_p95(wall["dense"]), "", True),
        ("BM25-only search p50 / p95, warm", _p50_p95(wall["bm25"]), "", True),
    ]


def _process_rows(data_dir: Path) -> list[Row]:
    """What a user sees from the command line: cold start, no-op and first-run index, memory."""
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    cold, cold_mb = _run_cli(env, "search", COLD_QUESTION, "--json")
    noop_cli, _ = _run_cli(env, "index")
    first_run, first_mb = _run_cli({**env, "ASSISTANT_DATA_DIR": str(data_dir / "first-run")}, "index")
    return [
        ("No-op `python -m assistant index` (new process)", f"{noop_cli:.1f} s", "", True),
        (
            "First `python -m assistant index`, empty data dir (new process, incl. model load)",
            f"{first_run:.1f} s",
            "",
            True,
        ),
        ("Cold start to first result (`python -m assistant search --json`)", f"{cold:.1f} s", "", True),
        ("Peak memory, CLI search process (VmHWM)", f"{cold_mb:.0f} MB", "≤ 1.5 GB", cold_mb <= 1536),
        ("Peak memory, CLI first index build (VmHWM)", f"{first_mb:.0f} MB", "≤ 1.5 GB", first_mb <= 1536),
    ]


def measure(data_dir: Path) -> list[Row]:
    """All rows: in-process build and search, then fresh CLI processes."""
    from assistant.services import Services
    from eval.run_eval import load_questions

    services = Services()
    rows = _build_rows(services)
    questions = [q["question"] for q in load_questions(ROOT / "eval" / "questions.jsonl")]
    rows += _search_rows(services.retriever, questions)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("Peak memory, benchmark process (maxrss)", f"{peak_mb:.0f} MB", "≤ 1.5 GB", peak_mb <= 1536))
    return rows + _process_rows(data_dir)


def render(rows: list[Row], description: str, load: tuple[float, ...]) -> str:
    """The "## Retrieval" section: machine, table, and how to reproduce."""
    lines = [
        "## Retrieval",
        "",
        f"Machine: {description}.",
        f"Measured {time.strftime('%Y-%m-%d')} with `python bench/bench_retrieval.py` (fresh temporary data "
        f"directory; wall-clock, single run; load average at start {load[0]:.2f}, other jobs may share "
        "the CPUs).",
        "",
        "| measure | result | target | met |",
        "|---|---|---|---|",
    ]
    for name, value, target, met in rows:
        lines.append(f"| {name} | {value} | {target or '—'} | {('yes' if met else '**no**') if target else '—'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-retrieval-") as tmp:
        os.environ["ASSISTANT_DATA_DIR"] = tmp  # read by Services() and passed to the subprocesses
        os.environ.pop("CHROMA_HOST", None)
        rows = measure(Path(tmp))
    section = render(rows, machine(), load)
    print(section)
    if not args.no_write:
        write_section(section)
        print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
