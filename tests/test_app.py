"""The Streamlit app, driven headlessly with AppTest: every page, saved work, failures and hostile input.

One search index is built per session (real model, real Chroma) and shared; each test gets its own
SQLite database, so a "new session with the same database" is a fresh AppTest pointed at the same file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from assistant.profile import ClinicProfile
from assistant.storage import Store
from tests.conftest import FIXTURE_KNOWLEDGE, ROOT
from tests.openai_server import OpenAICompatibleServer, closed_port_url

APP = str(ROOT / "app.py")
PAGES = ("chat", "plan", "ideas", "reviews", "saved", "profile", "knowledge", "settings")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def index_dir(indexed):
    """The data directory of the session's shared search index (tests/conftest.py)."""
    return indexed.settings.data_dir


@pytest.fixture
def db(monkeypatch, tmp_path, index_dir):
    """A fresh database for this test, the shared index, the offline provider."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(index_dir))
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("ASSISTANT_PROVIDER", "offline")
    store = Store(f"sqlite:///{tmp_path / 'app.db'}")
    store.save_profile("My clinic", ClinicProfile().model_dump())  # past the first run (its own tests start empty)
    return store


@pytest.fixture
def downloads(monkeypatch):
    """The bytes handed to every st.download_button, by file name (recorded where Streamlit stores them)."""
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        files[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return files


def open_app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180).run()
    if page and page != "chat":
        at.switch_page(f"assistant/ui/pages/{page}.py").run()
    assert_healthy(at)
    return at


def assert_healthy(at: AppTest) -> None:
    """No exception and no unexpected-error message (app.py turns crashes into that message)."""
    assert not at.exception, [e.value for e in at.exception]
    crashed = [e.value for e in at.error if "went wrong on our side" in e.value]
    assert not crashed, crashed


def click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click().run()
    assert_healthy(at)
    return at


def texts(at: AppTest) -> list[str]:
    """Every text body on the page (markdown, captions, alerts, code)."""
    kinds = ("markdown", "caption", "success", "error", "warning", "info", "code", "text")
    return [str(e.value) for kind in kinds for e in getattr(at, kind)]


def assert_no_raw_html(at: AppTest) -> None:
    """No element may render HTML: no st.html and no Markdown with unsafe_allow_html."""
    assert not at.html
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "allow_html"):
            assert not proto.allow_html, getattr(node, "value", node)


def picker(at: AppTest):
    """The conversation selectbox (its key changes with the list of conversations)."""
    return next(s for s in at.selectbox if str(s.key).startswith("conversation_pick:"))


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert_healthy(at)
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_without_an_error(db, page):
    at = open_app(page)
    assert at.title and not at.error
    assert at.sidebar.text_input(key="profile_1_name").value == "My clinic"


def test_a_chat_turn_streams_an_answer_with_numbered_sources(db):
    at = ask(open_app(), "How do I answer a 1-star review on Google?")
    user, assistant = at.chat_message
    assert user.name == "user" and assistant.name == "assistant"
    answer = " ".join(m.value for m in assistant.markdown)
    assert "[1]" in answer
    sources = [e.label for e in at.expander if e.label.startswith("[")]
    assert sources and sources[0].startswith("[1] ") and " › " in sources[0]
    # Offline is the normal case: the page does not talk about providers unless a language model answers.
    assert not any("offline" in c.value or "Answering with" in c.value for c in at.caption)
    (conv,) = db.list_conversations()
    stored = db.get_messages(conv["id"])
    assert [m["role"] for m in stored] == ["user", "assistant"]
    assert stored[1]["meta"]["sources"][0]["n"] == 1 and stored[1]["meta"]["sources"][0]["links"]


def test_patient_data_in_a_question_is_saved_titled_and_exported_masked_with_one_notice(db, downloads):
    question = "My patient John Smith (DOB 12/03/1980, tel 07700 900123) wants to be in our video. Consent?"
    ask(open_app(), question)
    (conv,) = db.list_conversations()
    stored = db.get_messages(conv["id"])
    open_app()  # a new session renders the export from what was stored
    exported = downloads["conversation.md"].decode("utf-8")
    for secret in ("John Smith", "12/03/1980", "07700 900123"):
        assert secret not in conv["title"] and secret not in stored[0]["content"] and secret not in exported
    assert "[NAME]" in stored[0]["content"] and "[NAME]" in conv["title"]
    notices = [w for w in stored[1]["meta"]["warnings"] if "placeholders" in w["message"]]
    assert len(notices) == 1 and "left this computer" not in notices[0]["message"]


def test_a_new_conversation_offers_starter_questions_that_ask_when_clicked(db):
    at = open_app()
    starter = next(b for b in at.button if b.label.startswith("How do I start on"))
    starter.click().run()
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert db.get_messages(db.list_conversations()[0]["id"])[0]["content"] == starter.label


def test_the_conversation_survives_a_new_session_and_can_be_exported(db, downloads):
    ask(open_app(), "Which platforms should a dermatology clinic use?")
    at = open_app()
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert "dermatology clinic" in at.chat_message[0].markdown[0].value
    exported = downloads["conversation.md"].decode("utf-8")
    assert "## You" in exported and "Which platforms should a dermatology clinic use?" in exported
    assert "## Assistant" in exported and "**Sources**" in exported


def test_new_starts_an_empty_conversation_and_the_old_one_can_be_reopened(db):
    at = ask(open_app(), "How often should we post on Instagram?")
    click(at, "New")
    assert not at.chat_message
    first = db.list_conversations()[0]
    picker(at).set_value(first["id"]).run()
    assert [m.name for m in at.chat_message] == ["user", "assistant"]


class SlowClock:
    """A clock for the store on which each write happens two minutes after the previous one."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def time(self) -> float:
        self.now += 120
        return self.now


def test_asking_in_a_reopened_older_conversation_stays_in_it(db, monkeypatch):
    monkeypatch.setattr("assistant.storage.time", SlowClock())  # timestamps change between every write
    at = ask(open_app(), "How often should we post on Instagram?")
    older = db.list_conversations()[0]["id"]
    click(at, "New")
    ask(at, "Do we need a TikTok account?")
    picker(at).set_value(older).run()
    ask(at, "And on Facebook?")  # the older conversation becomes the most recent one: the list reorders
    ask(at, "What about LinkedIn?")
    assert len(at.chat_message) == 6
    assert [len(db.get_messages(c["id"])) for c in db.list_conversations()] == [6, 2]


@pytest.mark.parametrize("fault", ["http500", "closed_port"])
def test_a_failing_provider_shows_the_fallback_notice_and_keeps_the_question(db, monkeypatch, fault):
    with OpenAICompatibleServer(mode="http500") as server:
        url = server.base_url if fault == "http500" else closed_port_url()
        monkeypatch.setenv("ASSISTANT_PROVIDER", "openai")
        monkeypatch.setenv("OPENAI_BASE_URL", url)
        at = ask(open_app(), "How do I answer a negative review?")
        tried = len(server.requests)
    assert (tried > 0) == (fault == "http500")
    notices = [w.value for w in at.warning if "could not answer" in w.value]
    assert notices, [w.value for w in at.warning]
    assert at.chat_message[0].markdown[0].value == "How do I answer a negative review?"
    assert any(e.label.startswith("[1]") for e in at.expander)  # the offline answer still cites sources
    stored = db.get_messages(db.list_conversations()[0]["id"])
    assert stored[0]["content"] == "How do I answer a negative review?"
    assert stored[1]["meta"]["fallback_notice"]


def test_a_provider_without_its_key_says_how_to_fix_it_and_answers_offline(db, monkeypatch):
    monkeypatch.setenv("ASSISTANT_PROVIDER", "anthropic")
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    at = ask(open_app(), "How do I start on Instagram?")
    assert any("ANTHROPIC_API_KEY" in w.value for w in at.warning)
    assert not any("language model" in c.value for c in at.caption)  # answered offline, from the guides
    assert any(e.label.startswith("[1]") for e in at.expander)


def test_a_1mb_question_gets_the_limit_message_and_reaches_nothing(db):
    at = ask(open_app(), "x" * 1_000_000)
    assert any("limit is 8,000" in e.value for e in at.error)
    assert not at.chat_message and not db.list_conversations()


def set_profile(at: AppTest, pid: int, **values) -> AppTest:
    for name, value in values.items():
        widget = next(w for w in at.sidebar if getattr(w, "key", None) == f"profile_{pid}_{name}")
        widget.set_value(value)
    return click(at, "Save profile")


def _profile_fields(at: AppTest) -> dict:
    pid = at.sidebar.selectbox(key="profile_select").value
    prefix = f"profile_{pid}_"
    return {str(w.key)[len(prefix) :]: w.value for w in at.sidebar if str(getattr(w, "key", "")).startswith(prefix)}


def test_profile_changes_persist_across_a_new_session(db):
    at = set_profile(
        open_app(),
        1,
        name="Derm Milano",
        specialty_text="derm",
        country="it",
        city="Milano",
        platforms=["instagram", "linkedin"],
        hours=3.5,
        address="Via Roma 1, Milano",
        staff="Dr Giulia Neri; Marco Bianchi",
    )
    assert not at.sidebar.error
    field = _profile_fields(open_app())
    assert field["name"] == "Derm Milano" and field["specialty"] == "dermatology"
    assert field["country"] == "IT" and field["timezone"] == "Europe/Rome"
    assert field["platforms"] == ["instagram", "linkedin"] and field["hours"] == 3.5
    (saved,) = db.list_profiles()  # a rename of a profile with no work attached replaces it
    assert saved["data"]["city"] == "Milano"
    assert saved["data"]["address"] == "Via Roma 1, Milano"  # the clinic's own address and team, kept as typed
    assert saved["data"]["staff"] == ["Dr Giulia Neri", "Marco Bianchi"]
    assert field["address"] == "Via Roma 1, Milano" and field["staff"] == "Dr Giulia Neri, Marco Bianchi"


def test_renaming_a_profile_with_conversations_keeps_the_old_one(db):
    at = ask(open_app(), "How often should we post?")
    at = set_profile(at, 1, name="Renamed clinic")
    assert sorted(p["name"] for p in db.list_profiles()) == ["My clinic", "Renamed clinic"]
    assert any("keeps its conversations" in i.value for i in at.sidebar.info)


def test_a_second_profile_is_restored_as_the_last_one_selected(db):
    at = open_app()
    at.sidebar.selectbox(key="profile_select").set_value(-1).run()
    set_profile(at, -1, name="Smile Dental", specialty_text="dentist")
    assert at.sidebar.selectbox(key="profile_select").value == 2
    at = open_app()
    assert at.sidebar.selectbox(key="profile_select").value == 2
    assert at.sidebar.text_input(key="profile_2_name").value == "Smile Dental"
    at.sidebar.selectbox(key="profile_select").set_value(1).run()
    assert open_app().sidebar.selectbox(key="profile_select").value == 1


def test_an_invalid_profile_is_explained_and_not_saved(db):
    at = set_profile(open_app(), 1, name="Clinic", timezone="Mars/Olympus", specialty_text="astrology")
    errors = [e.value for e in at.sidebar.error]
    assert errors and ("closest" in errors[0] or "time zone" in errors[0])
    assert db.list_profiles()[0]["name"] == "My clinic"


def test_hostile_text_in_a_question_and_a_profile_renders_as_text(db):
    at = set_profile(open_app(), 1, name=IMG, city=SCRIPT)
    at = ask(at, f"How do I reply to this review? {SCRIPT} {IMG}")
    assert_no_raw_html(at)
    # Drafts are shown in code boxes, which display their text literally (the clinic's name as typed is part
    # of a reply's sign-off); everything rendered as Markdown must show the tags escaped.
    shown = " ".join(
        str(e.value)
        for kind in ("markdown", "caption", "success", "error", "warning", "info", "text")
        for e in getattr(at, kind)
    )
    assert "&lt;script>alert(1)&lt;/script>" in shown and "&lt;img src=x onerror=alert(1)>" in shown
    assert "<script>" not in shown and "<img" not in shown
    assert db.list_profiles()[0]["name"] == IMG  # kept exactly as typed, only rendered safely


def test_the_plan_page_builds_a_table_and_working_downloads(db, downloads):
    at = click(open_app("plan"), "Generate plan")
    (table,) = at.data_editor
    assert len(table.value) == 8 * 3 and {"date", "caption", "hashtags", "checks"} <= set(table.value.columns)
    assert set(table.value["platform"]) == {"Facebook", "Instagram"}  # names, not ids
    hootsuite = {k: v.decode() for k, v in downloads.items() if k.startswith("hootsuite-") and k.endswith(".csv")}
    assert set(hootsuite) == {"hootsuite-facebook.csv", "hootsuite-instagram.csv"}
    soon = dt.datetime.now() + dt.timedelta(minutes=10)
    for text in hootsuite.values():
        rows = list(csv.reader(io.StringIO(text)))
        assert rows and all(len(r) == 3 for r in rows)  # no header: every row is date-time, message, link
        for when, message, _ in rows:
            stamp = dt.datetime.strptime(when, "%m/%d/%Y %H:%M")
            assert stamp.minute % 5 == 0 and stamp > soon and message
    buffer = list(csv.reader(io.StringIO(downloads["buffer-instagram.csv"].decode())))
    assert buffer[0] == ["Text", "Image URL", "Tags", "Posting Time"]
    generic = list(csv.DictReader(io.StringIO(downloads["plan.csv"].decode())))
    assert len(generic) == 24
    from icalendar import Calendar

    events = Calendar.from_ical(downloads["plan.ics"]).walk("VEVENT")
    assert len(events) == 24 and len({str(e["UID"]) for e in events}) == 24
    assert downloads["plan.md"].decode().startswith("#")
    from assistant import exports

    for fmt in exports.export_formats(per_platform=False):  # the page offers every format in the registry
        assert fmt.file_name("plan") in downloads, fmt.name
    assert len(json.loads(downloads["plan.json"])["posts"]) == 24
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")  # the mix chart


def test_an_edited_caption_is_checked_again_and_flagged(db):
    at = click(open_app("plan"), "Generate plan")
    key = f"plan_editor_{at.session_state['plan_version']}"
    at.session_state[key] = {
        "edited_rows": {0: {"caption": "Guaranteed painless results from the best clinic!"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    flagged = [e.label for e in at.expander if e.label.startswith("Row 1:")]
    assert flagged and "No promises of results" in flagged[0] and "R10" not in flagged[0]
    assert "Facebook" in flagged[0]  # the platform's name, not its id
    # Exporting a plan with unresolved findings asks first: downloads stay off until the doctor confirms.
    assert any("something to fix" in w.value for w in at.warning)
    assert all(b.disabled for b in at.download_button)
    at.checkbox(key="export_anyway").check().run()
    assert not any(b.disabled for b in at.download_button)
    saved = db.get_plan(db.list_plans()[0]["id"])  # the edit was saved as it was made
    assert saved["posts"][0]["caption"] == "Guaranteed painless results from the best clinic!"


def test_a_generated_plan_is_saved_at_once_and_reopens_in_a_new_session(db):
    at = click(open_app("plan"), "Generate plan")
    (saved,) = db.list_plans()  # saved without pressing anything
    assert len(db.get_plan(saved["id"])["posts"]) == 24
    assert any("Saved" in c.value for c in at.caption)
    at = open_app("plan")  # a reload: the last plan is back, with no click
    assert len(at.data_editor[0].value) == 24
    assert at.text_input(key=f"plan_title_{saved['id']}").value == saved["title"]
    assert "instagram" not in saved["title"] and "Instagram" in saved["title"]


def test_invalid_plan_inputs_are_explained(db):
    at = open_app("plan")
    at.multiselect(key="plan_platforms").set_value([])
    at = click(at, "Generate plan")
    assert any("platform" in e.value for e in at.error) and not at.data_editor


def test_the_ideas_page_gives_copy_ready_hashtags_within_limits_and_video_ideas(db, kb):
    at = click(open_app("ideas"), "Suggest hashtags")
    sets = [c.value.split() for c in at.code]
    assert len(sets) == 2  # the default profile uses Facebook and Instagram
    assert all(t.startswith("#") for s in sets for t in s)
    assert max(len(s) for s in sets) <= max(kb.platforms[p].hashtags.max for p in ("facebook", "instagram"))
    at = click(at, "Suggest video ideas")
    ideas = [e for e in at.expander if re.match(r"^\d+\. ", e.label)]
    assert len(ideas) == 10
    assert any("Hook" in m.value for m in ideas[0].markdown)


def test_the_reviews_page_drafts_a_safe_reply_and_checks_a_draft(db):
    at = open_app("reviews")
    at.text_area(key="review_text").set_value("Waited two hours and Dr. Rossi was rude. Never again!")
    at.selectbox(key="review_rating").set_value(1)
    at = click(at, "Draft a reply")
    replies = [c.value for c in at.code]
    assert len(replies) == 3 and len(set(replies)) == 3  # three different replies to choose from
    assert all(r and "Rossi" not in r and "practice manager" in r for r in replies)
    at.text_area(key="draft_text").set_value("Guaranteed painless results from the best dentist in town!")
    at = click(at, "Check it")
    shown = " ".join(texts(at))
    # Rules are named in plain words, never by their checklist codes.
    assert "No promises of results" in shown and "No unprovable superlatives" in shown
    assert "R10" not in shown and "R13" not in shown


def test_a_1mb_review_gets_the_limit_message(db):
    at = open_app("reviews")
    at.text_area(key="review_text").set_value("y" * 1_000_000)
    at = click(at, "Draft a reply")
    assert any("limit is 8,000" in e.value for e in at.error) and not at.code


def test_the_knowledge_page_lists_dated_guides_by_category_and_searches_without_scores(db, kb):
    at = open_app("knowledge")
    assert len(at.tabs) == len({g.meta.category for g in kb.guides})
    titles = {e.label for e in at.expander}
    assert {g.meta.title for g in kb.guides} <= titles
    assert any("updated" in c.value and "2026" in c.value for c in at.caption)  # each guide shows its date
    at.text_input(key="knowledge_query").set_value("before and after photos").run()
    hits = [e.label for e in at.expander if e.label.startswith("1. ")]
    assert hits and "before" in hits[0].lower() and "score" not in hits[0]


def test_settings_test_the_connection_and_never_show_secrets(db, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-do-not-show-123")
    monkeypatch.setenv("OPENAI_BASE_URL", closed_port_url())
    at = click(open_app("settings"), "Test the connection")
    assert any("needs no connection" in s.value for s in at.success)
    at.selectbox(key="provider_choice").set_value("openai")
    at = click(at, "Apply to this session")
    at = click(at, "Test the connection")
    assert any("cannot reach" in e.value for e in at.error)
    assert "sk-test-do-not-show-123" not in repr(at._tree)
    at.switch_page("assistant/ui/pages/chat.py").run()
    assert any("openai" in c.value for c in at.caption)  # the session override reaches the chat


def test_a_first_visit_builds_the_missing_index_and_a_rebuild_works(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "fresh"))
    monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(FIXTURE_KNOWLEDGE))
    at = click(AppTest.from_file(APP, default_timeout=180).run(), "Skip for now")  # a fresh database: first run
    at.switch_page("assistant/ui/pages/knowledge.py").run()
    at.text_input(key="knowledge_query").set_value("negative review").run()
    assert [e.label for e in at.expander if e.label.startswith("1. ")]
    at.switch_page("assistant/ui/pages/settings.py").run()
    sections = next(m for m in at.metric if m.label == "Sections")
    assert int(sections.value) > 0
    at = click(at, "Rebuild the index")
    assert any("Index rebuilt" in s.value for s in at.success)


def test_the_first_visit_asks_who_you_are_and_every_page_follows_the_answer(monkeypatch, tmp_path, index_dir):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(index_dir))
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{tmp_path / 'first.db'}")
    at = AppTest.from_file(APP, default_timeout=180).run()
    assert_healthy(at)
    assert at.title[0].value == "Welcome" and not at.chat_input  # the setup comes before any page
    at.text_input(key="first_name").set_value("Leeds Skin Clinic")
    at.selectbox(key="first_specialty").set_value("dermatology")
    at.selectbox(key="first_country").set_value("GB")
    at.text_input(key="first_city").set_value("Leeds")
    at.multiselect(key="first_platforms").set_value(["instagram", "tiktok"])
    at.select_slider(key="first_hours").set_value(3.0)
    at = click(at, "Save and start")
    (row,) = Store(f"sqlite:///{tmp_path / 'first.db'}").list_profiles()
    data = row["data"]
    assert (row["name"], data["specialty"], data["country"], data["city"]) == (
        "Leeds Skin Clinic",
        "dermatology",
        "GB",
        "Leeds",
    )
    assert data["timezone"] == "Europe/London" and data["platforms"] == ["instagram", "tiktok"]
    assert data["hours_per_week"] == 3.0
    starters = [b.label for b in at.button if b.label.endswith("?") or b.label.endswith(".")]
    assert any("dermatology" in s for s in starters) and any("Instagram" in s for s in starters)
    at.switch_page("assistant/ui/pages/plan.py").run()
    assert at.multiselect(key="plan_platforms").value == ["instagram", "tiktok"]


def test_skipping_the_first_run_starts_with_a_default_profile(monkeypatch, tmp_path, index_dir):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(index_dir))
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{tmp_path / 'skip.db'}")
    at = click(AppTest.from_file(APP, default_timeout=180).run(), "Skip for now")
    assert at.chat_input and [p["name"] for p in Store(f"sqlite:///{tmp_path / 'skip.db'}").list_profiles()] == [
        "My clinic"
    ]


def test_saved_items_are_listed_newest_first_searched_replaced_and_deleted(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'items.db'}")
    pid = store.save_profile("Clinic", {})
    first = store.save_item("ideas", "Hashtags: Instagram", {"tags": ["#SunSafety"]}, profile_id=pid)
    second = store.save_item("reply", "Reply to: long wait", {"options": ["Thank you, Zoë"]}, owner="ann")
    assert [r["id"] for r in store.list_items()] == [second, first]
    assert [r["id"] for r in store.list_items(query="sunsafety")] == [first]  # in the data, any case
    assert [r["id"] for r in store.list_items(query="zoë")] == [second]
    assert [r["id"] for r in store.list_items(query="100%")] == []  # % is a character, not a wildcard
    assert [r["id"] for r in store.list_items("reply", owner="ann")] == [second]
    assert store.list_items(profile_id=pid)[0]["id"] == first
    assert store.save_item("ideas", "Renamed", {"tags": []}, item_id=first) == first
    assert store.get_item(first)["title"] == "Renamed" and store.get_item(first)["data"] == {"tags": []}
    store.delete_item(first)
    assert store.get_item(first) is None and len(store.list_items()) == 1
    with pytest.raises(ValueError, match="saved item is one of"):
        store.save_item("plan", "x", {})


def test_a_review_reply_is_saved_masked_and_back_after_a_reload(db):
    at = open_app("reviews")
    at.text_area(key="review_text").set_value("Waited two hours, my patient John Smith says. Call 07700 900123")
    at.selectbox(key="review_rating").set_value(1)
    at = click(at, "Draft a reply")
    (item,) = db.list_items("reply")
    stored = db.get_item(item["id"])["data"]
    assert len(stored["options"]) == 3 and "John Smith" not in repr(stored) and "07700" not in repr(stored)
    at = open_app("reviews")  # a reload: the three replies are still there
    assert [c.value for c in at.code] == stored["options"]
    assert any("Saved" in c.value for c in at.caption)


def test_hashtag_and_video_ideas_are_saved_restored_and_searchable(db):
    at = click(open_app("ideas"), "Suggest hashtags")
    at = click(at, "Suggest video ideas")
    kinds = [db.get_item(r["id"])["data"]["type"] for r in db.list_items("ideas")]
    assert sorted(kinds) == ["hashtags", "videos"]
    at = open_app("ideas")
    assert any(e.label.startswith("1. ") for e in at.expander) and at.code
    at = open_app("saved")
    at.text_input(key="saved_query").set_value("video ideas").run()
    assert [e.label for e in at.expander if e.label.startswith("Ideas · ")]


def test_a_video_idea_added_to_the_plan_lands_on_a_free_weekday_and_is_saved(db):
    at = click(open_app("plan"), "Generate plan")
    before = len(db.get_plan(db.list_plans()[0]["id"])["posts"])
    at.switch_page("assistant/ui/pages/ideas.py").run()
    at = click(at, "Suggest video ideas")
    title = next(e.label for e in at.expander if e.label.startswith("1. "))[3:]
    next(b for b in at.button if b.key == "add_idea_1").click().run()
    assert any("Added" in s.value for s in at.success)
    posts = db.get_plan(db.list_plans()[0]["id"])["posts"]
    assert len(posts) == before + 1
    added = next(p for p in posts if p["topic"] == title)
    assert dt.date.fromisoformat(added["date"]).weekday() < 5


# --- the calendar's logic (assistant/ui/plan_calendar.py) ------------------------------------------------


@pytest.fixture(scope="module")
def leeds_plan(kb):
    from assistant.planners.calendar import plan_calendar

    profile = ClinicProfile(name="Leeds Skin", specialty="dermatology", country="GB", timezone="Europe/London")
    return profile, plan_calendar(kb, profile, ["instagram", "facebook"], dt.date(2027, 5, 3), 8, 3)


def test_calendar_events_carry_platform_colours_names_holidays_and_awareness_days(kb, leeds_plan):
    from assistant.ui import plan_calendar as pc

    profile, plan = leeds_plan
    events = pc.post_events(plan)
    assert len(events) == len(plan.posts) and events[0]["title"].split(":")[0] in {"Instagram", "Facebook"}
    assert len({e["backgroundColor"] for e in events}) == 2
    holidays, observances = pc.plan_days(plan, kb, "GB")
    days = pc.day_events(holidays, observances)
    assert any(e["title"] == "Public holiday: Spring Bank Holiday" for e in days)  # 31 May 2027
    assert any(e["title"].startswith("Awareness: ") for e in days)
    assert all(e["editable"] is False for e in days)


def test_a_dragged_post_moves_to_the_new_day_and_nothing_else_changes(leeds_plan):
    from assistant.errors import InputError
    from assistant.ui import plan_calendar as pc

    _, plan = leeds_plan
    value = {"callback": "eventChange", "eventChange": {"event": {"id": "2", "start": "2027-05-20T18:30:00Z"}}}
    index, day, time = pc.moved_event(value)
    moved = pc.move_post(plan, index, day, time)
    assert (moved.posts[2].date, moved.posts[2].time, moved.posts[2].week) == (dt.date(2027, 5, 20), "18:30", 3)
    assert moved.posts[:2] == plan.posts[:2] and moved.posts[3:] == plan.posts[3:]
    assert (
        pc.moved_event({"callback": "eventClick"}) is None
        and pc.clicked_post({"callback": "eventClick", "eventClick": {"event": {"id": "4"}}}) == 4
    )
    with pytest.raises(InputError, match="plan runs from"):
        pc.move_post(plan, 0, dt.date(2028, 1, 1))


def test_writing_one_post_again_changes_only_that_post(kb, leeds_plan):
    from assistant.ui import plan_calendar as pc

    profile, plan = leeds_plan
    new = pc.rewrite_post(plan, 3, kb, profile)
    assert new.posts[3].topic != plan.posts[3].topic and new.posts[3].topic not in {p.topic for p in plan.posts}
    assert (new.posts[3].date, new.posts[3].time, new.posts[3].platform) == (
        plan.posts[3].date,
        plan.posts[3].time,
        plan.posts[3].platform,
    )
    assert [p for i, p in enumerate(new.posts) if i != 3] == [p for i, p in enumerate(plan.posts) if i != 3]
