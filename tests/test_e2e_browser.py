"""End to end in a real browser: `streamlit run app.py` on 127.0.0.1 driven by headless Chromium.

A doctor's path: name the clinic, ask a question and get an answer with a citation, plan a calendar and
download the Hootsuite file, reload and find the conversation again. Screenshots go to test-artifacts/.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.netblock import offline_env

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_QUESTION = "Is it OK to post a patient's X-ray? <script>alert(1)</script>"
TIMEOUT_MS = 120_000

pytestmark = [pytest.mark.e2e, pytest.mark.server, pytest.mark.slow]


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"streamlit did not become healthy in {seconds} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, indexed):
    """The app served by a real `streamlit run`, with the session's prebuilt index and an empty database."""
    _require_chromium()
    data = tmp_path_factory.mktemp("e2e-data")
    port = _free_port()
    log = data / "streamlit.log"
    env = offline_env(ASSISTANT_DATA_DIR=str(indexed.settings.data_dir),
                      ASSISTANT_DATABASE_URL=f"sqlite:///{data / 'app.db'}")
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
                                 "--server.port", str(port), "--server.headless", "true",
                                 "--server.fileWatcherType", "none"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _settled(page) -> None:
    """Wait until the app's script run has finished (Streamlit marks leftovers of a run as stale)."""
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=TIMEOUT_MS)
    page.wait_for_timeout(300)


def _shot(page, name: str, focus=None) -> None:
    _settled(page)
    if focus is not None:
        focus.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _save_profile_name(page, name: str) -> None:
    # Interact only once the current script run has finished: a click on an element Streamlit is
    # re-rendering lands on a node that is about to be replaced, as a human's never would.
    _settled(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Edit profile").click()
    _settled(page)
    sidebar.get_by_label("Clinic name").fill(name)
    sidebar.get_by_role("button", name="Save profile").click()
    page.get_by_text("Profile saved: " + name).wait_for(timeout=TIMEOUT_MS)


def _ask(page, question: str) -> None:
    _settled(page)
    box = page.get_by_placeholder("Ask about social media for your clinic…")
    box.fill(question)
    box.press("Enter")


def _wait_messages(page, count: int) -> None:
    """Wait until the page shows `count` chat messages, the last one a finished answer."""
    page.wait_for_function("""([n]) => {
      const m = document.querySelectorAll('[data-testid="stChatMessage"]');
      return m.length === n && m[n - 1].innerText.includes('Sources')
        && !document.querySelector('[data-stale="true"]');
    }""", arg=[count], timeout=TIMEOUT_MS)


def _choose(page, label: str, option) -> None:
    """Pick an option of a selectbox. Retried: the list closes when the page scrolls under it (the chat
    keeps itself scrolled to the newest message) or when a finishing script run redraws the widget."""
    for _ in range(6):
        _settled(page)
        box = page.get_by_role("combobox", name=label)
        box.scroll_into_view_if_needed()
        page.wait_for_timeout(500)  # let the chat's own scrolling finish first
        box.click()
        box.press("ArrowDown")  # opens the list
        try:
            page.get_by_role("option", name=option).click(timeout=3000)
            return
        except Exception:  # noqa: BLE001 - the list closed before the click: try again
            page.keyboard.press("Escape")
    raise AssertionError(f"could not pick {option!r} in the {label!r} selectbox")


def _parse_hootsuite(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_a_doctor_asks_plans_downloads_and_finds_the_conversation_after_a_reload(app_url, browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(app_url, timeout=TIMEOUT_MS)
        page.get_by_role("heading", name="Ask the assistant").wait_for(timeout=TIMEOUT_MS)
        _save_profile_name(page, HOSTILE_NAME)

        _ask(page, HOSTILE_QUESTION)
        messages = page.get_by_test_id("stChatMessage")
        messages.nth(1).wait_for(timeout=TIMEOUT_MS)
        first_source = page.get_by_test_id("stExpander").filter(has_text=re.compile(r"\[1\] .+ › "))
        first_source.first.wait_for(timeout=TIMEOUT_MS)
        assert "[1]" in messages.nth(1).inner_text()
        assert HOSTILE_QUESTION in messages.nth(0).inner_text()  # shown as text, not run
        assert page.locator("img[src='x']").count() == 0 and not dialogs
        _shot(page, "01-chat-question-and-answer", messages.nth(0))
        first_source.first.click()  # open the citation: the passage and its links
        _shot(page, "02-chat-citation-opened", first_source.first)

        page.get_by_role("link", name="Editorial plan").click()
        page.get_by_role("button", name="Generate plan").click()
        button = page.get_by_role("button", name=re.compile(r"Hootsuite CSV · Instagram"))
        button.wait_for(timeout=TIMEOUT_MS)
        page.get_by_test_id("stDataFrame").first.wait_for(timeout=TIMEOUT_MS)
        _shot(page, "03-plan-table")
        _shot(page, "04-plan-downloads", button)
        with page.expect_download(timeout=TIMEOUT_MS) as download:
            button.click()
        rows = _parse_hootsuite(Path(download.value.path()))
        assert rows and all(len(r) == 3 for r in rows)  # no header row: date-time, message, link
        for when, message, _ in rows:
            stamp = dt.datetime.strptime(when, "%m/%d/%Y %H:%M")
            assert stamp.minute % 5 == 0 and message

        page.get_by_role("link", name="Chat").click()
        page.get_by_role("heading", name="Ask the assistant").wait_for(timeout=TIMEOUT_MS)
        page.reload()
        page.get_by_test_id("stChatMessage").nth(1).wait_for(timeout=TIMEOUT_MS)
        assert HOSTILE_QUESTION in page.get_by_test_id("stChatMessage").nth(0).inner_text()
        assert page.locator("img[src='x']").count() == 0 and not dialogs
        _shot(page, "05-conversation-after-reload", page.get_by_test_id("stChatMessage").nth(0))

        # A second conversation, then back to the first: asking there moves it to the top of the list.
        page.get_by_role("button", name="New").click()
        page.get_by_text("Try one of these:").wait_for(timeout=TIMEOUT_MS)  # the empty conversation is open
        _settled(page)
        _ask(page, "Do we need a TikTok account?")
        _wait_messages(page, 2)
        _choose(page, "Conversation", re.compile(r"^Is it OK to post"))
        _wait_messages(page, 2)
        _ask(page, "And what about LinkedIn?")
        _wait_messages(page, 4)
        _ask(page, "How often should we post there?")
        _wait_messages(page, 6)
        texts = page.get_by_test_id("stChatMessage").all_inner_texts()
        assert HOSTILE_QUESTION in texts[0] and "How often should we post there?" in texts[4]
    except Exception:
        _shot(page, "99-failure")
        raise
    finally:
        context.close()
