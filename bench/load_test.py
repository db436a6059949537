"""Load test: N browser sessions chatting at once with one `streamlit run app.py` server, for a bounded time.

Each session is its own Chromium context (its own Streamlit websocket session and conversation). A session
asks a question, waits until the answer and its sources are on the page and the script run has finished,
then asks the next one, until the time is up. Reports p50/p95 answer time (Enter pressed -> answer
complete in the page) and the server's resident memory. Not part of the test run.

    python bench/load_test.py --sessions 4 --duration 60 [--data-dir DIR]

Without --data-dir, a temporary data directory is created and its search index built first (not timed).
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
QUESTIONS = (
    "How do I answer a 1-star review on Google?",
    "Do I need to be on TikTok?",
    "Is it OK to post a patient's X-ray?",
    "How often should we post on Instagram?",
    "Which hashtags should a dermatology practice use?",
    "Can we run Facebook ads for a weight-loss programme?",
    "How do I start on LinkedIn as a cardiologist?",
    "What should our staff social media policy say?",
)
# True once the newest chat message is a finished answer and no element of the previous run is left.
ANSWER_DONE = """([before]) => {
  const m = document.querySelectorAll('[data-testid="stChatMessage"]');
  if (m.length < before + 2) return false;
  return m[m.length - 1].innerText.includes('Answered by') && !document.querySelector('[data-stale="true"]');
}"""


def rss_mib(pid: int) -> float:
    """Resident memory of a process in MiB (Linux /proc)."""
    match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) / 1024 if match else 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def build_index(data_dir: Path) -> None:
    from assistant.config import load_settings
    from assistant.services import Services
    settings = load_settings(env={"ASSISTANT_DATA_DIR": str(data_dir)}, secrets_path=data_dir / "none.toml")
    Services(settings).retriever.ensure_index()


def start_server(data_dir: Path, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_PROVIDER": "offline",
           "ASSISTANT_DATABASE_URL": f"sqlite:///{data_dir / 'load.db'}"}
    out = log.open("w")
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
                             "--server.port", str(port), "--server.headless", "true",
                             "--server.fileWatcherType", "none"], cwd=ROOT, env=env, stdout=out, stderr=out)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit(f"the server did not start; see {log}")


async def session(browser, url: str, n: int, deadline: float, times: list[float], errors: list[str],
                  max_questions: int = 10_000) -> None:
    """One user: open the app, start a fresh conversation, ask questions until the deadline."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(url, timeout=120_000)
        await page.get_by_role("heading", name="Ask the assistant").wait_for(timeout=120_000)
        new = page.get_by_role("button", name="New")
        if await new.is_enabled():
            await new.click()
        await page.get_by_text("Try one of these:").wait_for(timeout=120_000)  # an empty conversation is open
        await page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")
        box = page.get_by_placeholder("Ask about social media for your clinic…")
        i = n
        while time.monotonic() < deadline and i - n < max_questions:
            before = await page.get_by_test_id("stChatMessage").count()
            await box.fill(QUESTIONS[i % len(QUESTIONS)])
            started = time.perf_counter()
            await box.press("Enter")
            await page.wait_for_function(ANSWER_DONE, arg=[before], timeout=120_000, polling=50)
            times.append(time.perf_counter() - started)
            i += 1
    except Exception as exc:  # noqa: BLE001 - a failed session is reported, the others go on
        errors.append(f"session {n}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
        shot = ROOT / "bench" / "results" / f"load-failure-{n}.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(shot))
    finally:
        await context.close()


async def sample_memory(pid: int, stop: asyncio.Event, samples: list[float]) -> None:
    while not stop.is_set():
        samples.append(rss_mib(pid))
        await asyncio.sleep(0.5)


async def run_load(url: str, pid: int, sessions: int, duration: float, max_questions: int = 10_000) -> dict:
    from playwright.async_api import async_playwright
    times: list[float] = []
    errors: list[str] = []
    memory: list[float] = []
    idle, cpu_before = rss_mib(pid), cpu_seconds(pid)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        stop = asyncio.Event()
        sampler = asyncio.create_task(sample_memory(pid, stop, memory))
        started = time.monotonic()
        await asyncio.gather(*(session(browser, url, n, started + duration, times, errors, max_questions)
                               for n in range(sessions)))
        elapsed = time.monotonic() - started
        stop.set()
        await sampler
        await browser.close()
    return {"sessions": sessions, "duration_s": round(elapsed, 1), "answers": len(times), "errors": errors,
            "p50_s": round(statistics.median(times), 3) if times else None,
            "p95_s": round(percentile(times, 95), 3) if times else None,
            "max_s": round(max(times), 3) if times else None,
            "answers_per_min": round(60 * len(times) / elapsed, 1),
            "server_cpu_s_per_answer": round((cpu_seconds(pid) - cpu_before) / max(len(times), 1), 3),
            "rss_idle_mib": round(idle, 1), "rss_peak_mib": round(max(memory, default=idle), 1),
            "rss_end_mib": round(rss_mib(pid), 1)}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of chatting (bounded)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--data-dir", type=Path, help="a data directory with a built index (else a temporary one)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "load.json")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium")
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="load-data-"))
    build_index(data_dir)
    log = data_dir / "streamlit-load.log"
    proc = start_server(data_dir, args.port, log)
    try:
        url = f"http://127.0.0.1:{args.port}"
        # The first visit loads the embedding model: measured apart, not counted.
        warm = asyncio.run(run_load(url, proc.pid, 1, 120, max_questions=1))
        result = asyncio.run(run_load(url, proc.pid, args.sessions, args.duration))
        result.update(warm_up_first_answer_s=warm["max_s"], when=dt.datetime.now().isoformat(timespec="seconds"),
                      cpus=os.cpu_count(), python=platform.python_version())
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
