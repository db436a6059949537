"""End to end in a real browser: `streamlit run app.py` on 127.0.0.1 driven by headless Chromium.

A doctor's paths: the first-run setup, asking, planning on the calendar (moving a post, previewing it),
reloading and finding everything again, ideas added to the plan, a review reply, a phone's viewport, and an
axe-core accessibility check of every page. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.server import streamlit_server
from tests.conftest import ROOT
from tests.netblock import offline_env

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_QUESTION = "Is it OK to post a patient's X-ray? <script>alert(1)</script>"
TIMEOUT_MS = 120_000
FIRST_LOAD_MS = 400_000  # the chat engine's first build in a fresh app process, on a busy 2-core machine

pytestmark = [pytest.mark.e2e, pytest.mark.server, pytest.mark.slow]


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def e2e_data(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("e2e-data")


@pytest.fixture(scope="module")
def app_store(e2e_data):
    """The app's own database, to check what was really saved."""
    from assistant.storage import Store

    return Store(f"sqlite:///{e2e_data / 'app.db'}")


@pytest.fixture(scope="module")
def app_url(e2e_data, indexed):
    """The app served by a real `streamlit run`, with the session's prebuilt index and an empty database."""
    _require_chromium()
    data = e2e_data
    env = {
        "ASSISTANT_DATA_DIR": str(indexed.settings.data_dir),
        "ASSISTANT_DATABASE_URL": f"sqlite:///{data / 'app.db'}",
    }
    with serve_app(data / "streamlit.log", "127.0.0.1", env) as url:
        yield url


@contextmanager
def serve_app(log: Path, address: str, env: dict[str, str]) -> Iterator[str]:
    """`streamlit run app.py` on `address` and a free port, offline, with `env` added; yields its loopback URL."""
    with streamlit_server(log, offline_env(**env), address) as server:
        yield server.url


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


def _new_page(browser, **options):
    """A fresh context and page whose every wait allows TIMEOUT_MS, not Playwright's 30 s default: on a busy 2-core
    machine the first page's widgets can take longer to be drawn while the embedding model warms up beside them."""
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


def _settled(page) -> None:
    """Wait until the app's script run has finished (Streamlit marks leftovers of a run as stale)."""
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=TIMEOUT_MS)
    page.wait_for_timeout(300)


def _shot(page, name: str, focus=None) -> None:
    _settled(page)
    if focus is not None:
        focus.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=focus is None)


def _accessible(page, name: str) -> None:
    """axe-core (the copy shipped in axe-playwright-python) finds no serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    _settled(page)
    results = Axe().run(page)
    bad = [
        {"rule": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["html"][:200] for n in v["nodes"]][:5]}
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(bad, indent=1))
    assert not bad, f"{name}: {bad}"


def _past_first_run(page) -> None:
    """Skip the first-run setup when this test is the first to open the app."""
    page.locator("h1").first.wait_for(timeout=FIRST_LOAD_MS)
    _settled(page)
    # The welcome form or the chat, whichever this run draws: the heading can be drawn before the form's buttons.
    skip = page.get_by_role("button", name="Skip for now")
    skip.or_(page.get_by_placeholder("Ask about social media for your clinic…")).first.wait_for(timeout=FIRST_LOAD_MS)
    if skip.count():
        skip.click()
    # The chat box is drawn after the conversation: the page's first run is (nearly) over.
    page.get_by_placeholder("Ask about social media for your clinic…").wait_for(timeout=FIRST_LOAD_MS)
    _settled(page)


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
    page.wait_for_function(
        """([n]) => {
      const m = document.querySelectorAll('[data-testid="stChatMessage"]');
      return m.length === n && m[n - 1].innerText.includes('Sources')
        && !document.querySelector('[data-stale="true"]');
    }""",
        arg=[count],
        timeout=TIMEOUT_MS,
    )


def _choose(page, label: str, option) -> None:
    """Pick an option of a selectbox, and see it picked. Retried: the list closes when the page scrolls under it
    (the chat keeps itself scrolled to the newest message) or when a finishing script run redraws the widget, and a
    click on an option the list is still scrolling into view can land on nothing, leaving the list open."""
    from playwright.sync_api import expect

    for _ in range(6):
        _settled(page)
        box = page.get_by_role("combobox", name=label)
        box.scroll_into_view_if_needed()
        page.wait_for_timeout(500)  # let the chat's own scrolling finish first
        box.click()
        box.press("ArrowDown")  # opens the list
        try:
            page.get_by_role("option", name=option).click(timeout=3000)
            expect(box).to_have_attribute("aria-expanded", "false", timeout=3000)
            expect(box).to_have_value(option, timeout=3000)
            return
        except Exception:  # noqa: BLE001 - the list closed before the click, or the click was lost: try again
            page.keyboard.press("Escape")
    _shot(page, f"failed-choose-{label.lower()}")
    raise AssertionError(f"could not pick {option!r} in the {label!r} selectbox")


def _open_new_plan_form(page) -> None:
    """The plan inputs fold away once a plan is open: unfold them. Whether the fold is open is read from the
    expander itself (Streamlit makes a closed expander's content inert), not from the button being visible: a
    button not drawn yet looked folded, and clicking the heading then closed an open form mid-render."""
    _settled(page)
    page.get_by_role("heading", name="Editorial plan").wait_for(timeout=TIMEOUT_MS)
    _settled(page)
    form = page.get_by_test_id("stExpander").filter(has_text="Make a new plan")
    for _ in range(3):
        if form.get_by_test_id("stExpanderDetails").get_attribute("inert", timeout=TIMEOUT_MS) is None:
            break
        form.get_by_text("Make a new plan").click()
        _settled(page)
    page.get_by_role("button", name="Generate plan").wait_for(timeout=TIMEOUT_MS)


def _parse_hootsuite(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


CALENDAR_FRAME = 'iframe[title="assistant.ui.components.calendar.plan_calendar"]'


def _calendar(page):
    return page.frame_locator(CALENDAR_FRAME)


def _calendar_fits_and_has_no_licence_notice(page) -> None:
    """The calendar's frame is as tall as what it draws, and neither it nor the page shows a licence notice
    (FullCalendar's premium plugins write "Your license key is invalid" under every view without a paid key)."""
    page.wait_for_function(
        """([css]) => {
      const frame = document.querySelector(css);
      const body = frame && frame.contentDocument && frame.contentDocument.body;
      const drawn = body && body.querySelector('.fc-view');
      return drawn && Math.abs(frame.getBoundingClientRect().height - body.scrollHeight) <= 2;
    }""",
        arg=[CALENDAR_FRAME],
        timeout=TIMEOUT_MS,
    )
    inside = _calendar(page).locator("body").inner_text()
    for shown in (inside, page.locator("body").inner_text()):
        assert not re.search(r"licen[cs]e key", shown, re.IGNORECASE), shown[:2000]
    assert _calendar(page).locator('.fc-license-message, a[href*="LicenseKey"]').count() == 0


def _drag(page, source, target) -> None:
    """Drag with the mouse in small steps, as a hand does (FullCalendar follows pointer moves)."""
    source.scroll_into_view_if_needed()
    start, end = source.bounding_box(), target.bounding_box()
    page.mouse.move(start["x"] + 10, start["y"] + 8)
    page.mouse.down()
    page.mouse.move(start["x"] + 20, start["y"] + 20, steps=5)
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=15)
    page.mouse.up()


def _last_plan(store) -> dict:
    return store.get_plan(store.list_plans()[0]["id"])


def test_a_new_doctor_sets_up_plans_moves_a_post_and_finds_everything_after_a_reload(app_url, app_store, browser):
    context, page = _new_page(browser, viewport={"width": 1400, "height": 1000})
    try:
        page.goto(app_url, timeout=TIMEOUT_MS)
        # First run: five questions in the main area, before any page.
        page.get_by_role("button", name="Save and start").wait_for(timeout=TIMEOUT_MS)
        _settled(page)
        page.get_by_role("textbox", name="Clinic or practice name").fill("Leeds Skin Clinic")
        _choose(page, "Specialty", "Dermatology")
        _choose(page, "Country", "United Kingdom")
        page.get_by_role("textbox", name="City").fill("Leeds")
        _shot(page, "10-first-run")
        _accessible(page, "first-run")
        page.get_by_role("button", name="Save and start").click()

        # The chat's suggestions follow the profile.
        page.get_by_text("Try one of these:").wait_for(timeout=FIRST_LOAD_MS)
        _settled(page)
        starter = page.get_by_role("button", name=re.compile(r"dermatology practice use on Facebook"))
        assert starter.count() == 1
        _shot(page, "11-chat-suggestions")
        _accessible(page, "chat")
        page.get_by_role("button", name="How do I start on Facebook?").click()
        _wait_messages(page, 2)
        shown = page.get_by_test_id("stMainBlockContainer").inner_text()
        assert not re.search(r"score \d|R\d{1,2}\b|Answering with", shown)  # no developer detail
        _shot(page, "12-chat-answer", page.get_by_test_id("stChatMessage").nth(1))
        _accessible(page, "chat-answer")

        # Planning: saved at once, on a month calendar with platform colours and holidays.
        page.get_by_role("link", name="Editorial plan").click()
        _open_new_plan_form(page)
        page.get_by_role("button", name="Generate plan").click()
        _calendar(page).locator(".fc-event").first.wait_for(timeout=TIMEOUT_MS)
        page.get_by_text(re.compile(r"Saved · \d\d:\d\d")).wait_for(timeout=TIMEOUT_MS)
        plan = _last_plan(app_store)
        assert len(plan["posts"]) == 24 and "Facebook, Instagram" in plan["title"]
        _shot(page, "13-plan-calendar")
        _accessible(page, "plan")
        assert _calendar(page).locator(".fc-event", has_text="Public holiday: Christmas Day").count() or not any(
            p["date"].endswith("-12-25") for p in plan["posts"]
        )
        # Only FullCalendar's free views: week and list work, month comes back, each without a licence notice
        # and in a frame as tall as the view (streamlit-calendar bundled the premium plugins, which showed one).
        _calendar_fits_and_has_no_licence_notice(page)
        for view, event in (("Week", ".fc-timegrid-event"), ("List", ".fc-list-event"), ("Month", ".fc-daygrid-event")):
            _calendar(page).get_by_role("button", name=view, exact=True).click()
            _calendar(page).locator(event).first.wait_for(timeout=TIMEOUT_MS)
            _calendar_fits_and_has_no_licence_notice(page)
            if view != "Month":
                _shot(page, f"13-plan-calendar-{view.lower()}", page.locator(CALENDAR_FRAME))

        # Click a post: its preview; drag it to the next day: saved there.
        first = plan["posts"][1]  # not the one the preview starts with
        name = "Facebook" if first["platform"] == "facebook" else "Instagram"
        event = _calendar(page).locator(".fc-daygrid-event", has_text=f"{name}: {first['topic'][:25]}").first
        event.click()
        _settled(page)
        preview = page.get_by_text(first["caption"].split("\n")[0][:40]).first
        preview.wait_for(timeout=TIMEOUT_MS)
        _shot(page, "14-plan-preview", preview)
        target_day = dt.date.fromisoformat(first["date"]) + dt.timedelta(days=1)
        _drag(page, event, _calendar(page).locator(f'td[data-date="{target_day.isoformat()}"]'))
        page.get_by_text(re.compile(r"^Moved “")).wait_for(timeout=TIMEOUT_MS)
        moved = next(p for p in _last_plan(app_store)["posts"] if p["topic"] == first["topic"])
        assert moved["date"] == target_day.isoformat() and moved["time"] == first["time"]
        _shot(page, "15-plan-after-drag")

        # A reload: the plan is back, moved post included, with nothing pressed.
        page.reload()
        _calendar(page).locator(".fc-event").first.wait_for(timeout=TIMEOUT_MS)
        _settled(page)
        assert page.get_by_role("textbox", name="Plan title").input_value() == plan["title"]
        assert (
            _calendar(page)
            .locator(f'td[data-date="{target_day.isoformat()}"] .fc-event', has_text=first["topic"][:25])
            .count()
            == 1
        )

        # An idea goes into the plan.
        page.get_by_role("link", name="Hashtags & videos").click()
        page.get_by_role("tab", name="Video ideas").click()
        page.get_by_role("button", name="Suggest video ideas").click()
        page.get_by_role("button", name="Add to plan").first.wait_for(timeout=TIMEOUT_MS)
        _settled(page)
        page.get_by_role("button", name="Add to plan").first.click()
        page.get_by_text(re.compile(r"^Added “")).wait_for(timeout=TIMEOUT_MS)
        assert len(_last_plan(app_store)["posts"]) == 25
        _shot(page, "16-ideas-added-to-plan")
        _accessible(page, "ideas")

        # A review reply: three options, still there after a reload; discarding asks first.
        page.get_by_role("link", name="Reviews & checks").click()
        page.get_by_role("textbox", name="The review").fill(
            "Waited two hours past my appointment and nobody said sorry. Never again."
        )
        _choose(page, "Star rating", re.compile(r"^★$"))
        page.get_by_role("button", name="Draft a reply").click()
        page.get_by_text("Option 3").wait_for(timeout=TIMEOUT_MS)
        options = page.get_by_test_id("stCode").all_inner_texts()
        assert len(options) == 3 and len(set(options)) == 3
        page.reload()
        page.get_by_text("Option 3").wait_for(timeout=TIMEOUT_MS)
        _settled(page)
        assert page.get_by_test_id("stCode").all_inner_texts() == options
        _shot(page, "17-review-reply-after-reload")
        _accessible(page, "reviews")
        page.get_by_role("button", name="Discard").click()
        dialog = page.get_by_role("dialog")
        dialog.wait_for(timeout=TIMEOUT_MS)
        assert app_store.list_items("reply")  # nothing is gone before the answer
        dialog.get_by_role("button", name="Discard").click()
        page.get_by_text("Option 3").wait_for(state="detached", timeout=TIMEOUT_MS)
        assert not app_store.list_items("reply")

        # Saved work: searchable; then the other pages pass the accessibility check too.
        page.get_by_role("link", name="Saved work").click()
        page.get_by_role("textbox", name="Search saved work").fill("video")
        page.get_by_role("textbox", name="Search saved work").press("Enter")
        page.get_by_text(re.compile(r"^Ideas · \d+ video ideas")).first.wait_for(timeout=TIMEOUT_MS)
        _shot(page, "18-saved-work-search")
        _accessible(page, "saved-work")
        for link, heading, name in (
            ("Clinic profile", "Clinic profile", "profile"),
            ("Knowledge", "Knowledge base", "knowledge"),
            ("Settings", "Settings", "settings"),
        ):
            page.get_by_role("link", name=link).click()
            page.locator("h1", has_text=heading).wait_for(timeout=TIMEOUT_MS)
            _shot(page, f"19-{name}")
            _accessible(page, name)
    except Exception:
        _shot(page, "99-failure-first-run")
        raise
    finally:
        context.close()


def test_on_a_phone_the_chat_profile_and_calendar_fit_the_screen(app_url, browser):
    context, page = _new_page(
        browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    try:
        page.goto(app_url, timeout=TIMEOUT_MS)
        _past_first_run(page)
        for path, name, ready in (
            ("", "chat", lambda: page.get_by_placeholder("Ask about social media for your clinic…")),
            ("/profile", "profile", lambda: page.get_by_role("button", name="Save profile")),
            ("/plan", "plan", lambda: page.get_by_role("textbox", name="Plan title")),
        ):
            page.goto(app_url + path, timeout=TIMEOUT_MS)
            if name == "plan":
                _open_new_plan_form(page)
                page.get_by_role("button", name="Generate plan").click()
            ready().wait_for(timeout=TIMEOUT_MS)
            _settled(page)
            wide = page.evaluate("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            assert wide <= 390, f"{name} is {wide} px wide on a 390 px screen"
            _shot(page, f"20-phone-{name}")
            _accessible(page, f"phone-{name}")
        _calendar(page).locator(".fc-event").first.wait_for(timeout=TIMEOUT_MS)
        _calendar_fits_and_has_no_licence_notice(page)
        _shot(page, "21-phone-calendar", page.locator(CALENDAR_FRAME))
    except Exception:
        _shot(page, "99-failure-phone")
        raise
    finally:
        context.close()


def test_a_doctor_asks_plans_downloads_and_finds_the_conversation_after_a_reload(app_url, browser):
    context, page = _new_page(browser, accept_downloads=True, viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(app_url, timeout=TIMEOUT_MS)
        _past_first_run(page)
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
        _open_new_plan_form(page)
        page.get_by_role("button", name="Generate plan").click()
        button = page.get_by_role("button", name=re.compile(r"Hootsuite CSV · Instagram"))
        button.wait_for(timeout=TIMEOUT_MS)
        _settled(page)
        page.get_by_role("tab", name="Table (bulk edits)").click()
        page.get_by_test_id("stDataFrame").first.wait_for(timeout=TIMEOUT_MS)
        _shot(page, "03-plan-table", page.get_by_test_id("stDataFrame").first)
        _shot(page, "04-plan-downloads", button)
        with page.expect_download(timeout=TIMEOUT_MS) as download:
            button.click()
        rows = _parse_hootsuite(Path(download.value.path()))
        assert rows and all(len(r) == 3 for r in rows)  # no header row: date-time, message, link
        order = "%d/%m/%Y %H:%M" if page.get_by_text("dates as DD/MM/YYYY").count() else "%m/%d/%Y %H:%M"
        for when, message, _ in rows:
            stamp = dt.datetime.strptime(when, order)  # the order the page says (the clinic's country's default)
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
