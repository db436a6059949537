"""Storage faults in the running web app, made real (a tmpfs remounted read-only, a disk filled up): the page names
the database and the cause, keeps the typed question and offers it back, and works again once the fault is fixed.

Uses the small fixture knowledge base (as tests/test_auth_app.py does) to stay quick.
"""

from __future__ import annotations

import errno
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.profile import ClinicProfile
from assistant.storage import Store
from tests.conftest import FIXTURE_KNOWLEDGE, ROOT
from tests.test_storage_faults import remount, tmpfs

APP = str(ROOT / "app.py")
FIRST = "How do I answer a bad review?"
SECOND = "What should we post about new patient hours this week?"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory, embedder):
    """A data directory whose search index over the small knowledge base was built once."""
    from assistant.config import load_settings
    from assistant.services import Services

    data = tmp_path_factory.mktemp("faults-app-data")
    env = {"ASSISTANT_DATA_DIR": str(data), "ASSISTANT_KNOWLEDGE_DIR": str(FIXTURE_KNOWLEDGE)}
    services = Services(load_settings(env=env, secrets_path=data / "none.toml"), embedder=embedder)
    services.retriever.ensure_index()
    services.matcher  # noqa: B018 - the answer cards' vectors, cached for the app's first run
    return data


@pytest.fixture
def disk(monkeypatch, tmp_path, index_dir):
    """A real 4 MiB file system holding this test's database; yields the database path."""
    with tmpfs(tmp_path / "disk", "4m") as mounted:
        path = mounted / "data" / "app.db"
        monkeypatch.setenv("ASSISTANT_DATA_DIR", str(index_dir))
        monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{path}")
        monkeypatch.setenv("ASSISTANT_PROVIDER", "offline")
        monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(FIXTURE_KNOWLEDGE))
        Store(f"sqlite:///{path}").save_profile("My clinic", ClinicProfile().model_dump())
        yield path


def healthy(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert not [e for e in errors if "went wrong on our side" in e or "your work is saved" in e.lower()], errors
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    return healthy(at)


def offered_back(at: AppTest) -> list[str]:
    """The question shown in the 'not saved' box (its copyable text)."""
    if not any(w.value == "Your question was not saved" for w in at.warning):
        return []
    return [c.value for c in at.code]


def stored_turns(path: Path) -> list[tuple[str, str]]:
    store = Store(f"sqlite:///{path}")
    return [(m["role"], m["content"]) for c in store.list_conversations() for m in store.get_messages(c["id"])]


def try_again(at: AppTest) -> AppTest:
    next(b for b in at.button if b.label == "Try again").click().run()
    return healthy(at)


def fill(folder: Path) -> Path:
    """Write a file until the disk is full (a real ENOSPC)."""
    filler = folder / "filler.bin"
    with filler.open("wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def immutable(path: Path, on: bool) -> None:
    """chattr +i: the database file cannot be written, even by root (chmod does not stop root)."""
    result = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True)
    if on and result.returncode != 0:
        pytest.skip(f"this file system cannot mark a file immutable: {result.stderr.decode().strip()}")


def test_a_read_only_database_is_named_the_question_kept_and_the_page_works_again_once_writable(disk):
    at = ask(AppTest.from_file(APP, default_timeout=180).run(), FIRST)
    assert [role for role, _ in stored_turns(disk)] == ["user", "assistant"]
    immutable(disk, True)
    try:
        ask(at, SECOND)
        message = next(e.value for e in at.error if "not saved" in e.value)
        assert str(disk) in message and "read-only" in message and "writable" in message
        assert offered_back(at) == [SECOND]
        assert SECOND not in [text for _, text in stored_turns(disk)]
        try_again(at)  # still read-only: the question stays offered, nothing else breaks
        assert offered_back(at) == [SECOND]
    finally:
        immutable(disk, False)
    try_again(at)
    assert not offered_back(at)
    assert [role for role, _ in stored_turns(disk)] == ["user", "assistant", "user", "assistant"]
    assert stored_turns(disk)[2] == ("user", SECOND)
    assert [m.name for m in at.chat_message] == ["user", "assistant", "user", "assistant"]
    ask(at, FIRST)  # and the page goes on as usual, without a restart
    assert len(stored_turns(disk)) == 6 and not offered_back(at)


def test_a_read_only_folder_is_named_with_its_cause_and_the_page_works_again_once_writable(disk):
    """A read-only mount stops even reading (SQLite's write-ahead log needs the folder): the page says so plainly."""
    at = ask(AppTest.from_file(APP, default_timeout=180).run(), FIRST)
    remount(disk.parent.parent, "ro")
    try:
        at.run()
        healthy(at)
        message = " ".join(e.value for e in at.error)
    finally:
        remount(disk.parent.parent, "rw")
    assert str(disk) in message and "read-only" in message and "writable" in message
    assert "went wrong" not in message
    ask(healthy(at.run()), SECOND)
    assert [text for _, text in stored_turns(disk)][-2] == SECOND


def test_a_question_sent_as_the_folder_turns_read_only_is_kept_and_offered_back_once_writable(disk):
    """The fault strikes before the chat page can even read the conversation: the question typed in that very run
    is shown back at once, survives Try again while the fault lasts, and is offered back in the chat afterwards."""
    at = ask(AppTest.from_file(APP, default_timeout=180).run(), FIRST)
    remount(disk.parent.parent, "ro")
    try:
        at.chat_input[0].set_value(SECOND).run()
        assert not at.exception, [e.value for e in at.exception]
        message = " ".join(e.value for e in at.error)
        assert str(disk) in message and "read-only" in message and "went wrong" not in message
        assert not at.chat_input  # the page stopped before the chat box: only the kept copy holds the question
        assert [c.value for c in at.code] == [SECOND]
        next(b for b in at.button if b.label == "Try again").click().run()  # still read-only: still kept
        assert [c.value for c in at.code] == [SECOND]
    finally:
        remount(disk.parent.parent, "rw")
    next(b for b in at.button if b.label == "Try again").click().run()
    healthy(at)
    assert offered_back(at) == [SECOND]
    assert SECOND not in [text for _, text in stored_turns(disk)]  # offered, not saved behind the user's back
    try_again(at)
    assert not offered_back(at)
    assert [text for _, text in stored_turns(disk)][-2:-1] == [SECOND]
    assert [m.name for m in at.chat_message] == ["user", "assistant", "user", "assistant"]


@contextmanager
def long_read(path: Path) -> Iterator[None]:
    """A read held open on the database, as a backup copying it would: new writes must then grow the write-ahead log
    (SQLite cannot start it over under a reader), so a full disk fails the next save rather than being absorbed."""
    reader = sqlite3.connect(path, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
        yield
    finally:
        reader.close()


def test_a_full_disk_names_the_database_keeps_the_question_and_works_again_once_space_is_freed(disk):
    at = ask(AppTest.from_file(APP, default_timeout=180).run(), FIRST)
    with long_read(disk):
        filler = fill(disk.parent.parent)
        try:
            ask(at, SECOND)
            message = next(e.value for e in at.error if "not saved" in e.value)
            assert str(disk) in message and "full" in message and "Free some space" in message
            assert offered_back(at) == [SECOND]
        finally:
            filler.unlink()
    try_again(at)
    assert not offered_back(at)
    turns = stored_turns(disk)
    assert [role for role, _ in turns] == ["user", "assistant", "user", "assistant"]
    assert [text for _, text in turns].count(SECOND) == 1  # saved once, whether the question or its answer failed
