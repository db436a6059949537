"""Storage faults made real (damaged files, a full disk, a read-only folder, a deleted folder, a server that is
down or read-only) come out as a StorageError naming the place, the cause and what to do; saved work is kept.

Tests run as root, for whom chmod does not make a file read-only, so: a read-only mount of a small tmpfs and an
immutable file (chattr +i) for "read-only", a tmpfs of a few hundred KiB for "full" (a real ENOSPC), random bytes
and a file cut in half for "damaged".
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from assistant.errors import StorageError
from assistant.storage import Store
from tests.postgres import PostgresServer, server_binaries


@contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A real, small file system at `folder` (needs the right to mount, as root in CI)."""
    folder.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def remount(folder: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(folder)], check=True, capture_output=True)


def fault(call) -> StorageError:
    with pytest.raises(StorageError) as caught:
        call()
    return caught.value


def test_a_full_disk_is_reported_as_full_and_earlier_work_is_kept(tmp_path):
    with tmpfs(tmp_path / "disk", "320k") as disk:
        store = Store(f"sqlite:///{disk / 'data' / 'assistant.db'}")
        cid = store.create_conversation(None, "Saved")
        store.add_message(cid, "user", "kept")
        error = None
        for _ in range(400):  # 400 x 2 KB is more than the disk holds
            try:
                store.add_message(cid, "user", "x" * 2000)
            except StorageError as exc:
                error = exc
                break
        assert error is not None and error.cause == "full"
        assert str(disk / "data" / "assistant.db") in str(error) and "Free some space" in str(error)
        saved = len(store.get_messages(cid))
        assert store.get_messages(cid)[0]["content"] == "kept"
        remount(disk, "size=4m")  # space freed: the same store writes again without a restart
        store.add_message(cid, "user", "after")
        assert len(store.get_messages(cid)) == saved + 1


def test_a_read_only_data_folder_is_reported_as_read_only(tmp_path):
    with tmpfs(tmp_path / "disk", "4m") as disk:
        path = disk / "data" / "assistant.db"
        store = Store(f"sqlite:///{path}")
        cid = store.create_conversation(None, "Saved")
        remount(disk, "ro")
        error = fault(lambda: store.add_message(cid, "user", "not saved"))
        assert error.cause == "read-only" and str(path) in str(error) and "writable" in str(error)
        assert fault(lambda: Store(f"sqlite:///{path}")).cause == "read-only"
        remount(disk, "rw")
        store.add_message(cid, "user", "saved once writable")
        assert [m["content"] for m in store.get_messages(cid)] == ["saved once writable"]


def test_an_immutable_database_file_is_reported_as_read_only(tmp_path):
    path = tmp_path / "data" / "assistant.db"
    store = Store(f"sqlite:///{path}")
    cid = store.create_conversation(None, "Saved")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("this file system cannot mark a file immutable")
    try:
        error = fault(lambda: store.add_message(cid, "user", "not saved"))
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    assert error.cause == "read-only" and str(path) in str(error)
    assert store.get_conversation(cid)["title"] == "Saved"


@pytest.mark.parametrize("damage", ["random bytes", "cut in half"])
def test_a_damaged_database_file_is_reported_as_damaged(tmp_path, damage):
    path = tmp_path / "data" / "assistant.db"
    store = Store(f"sqlite:///{path}")
    cid = store.create_conversation(None, "Saved")
    for _ in range(200):
        store.add_message(cid, "user", "y" * 1000)
    if damage == "random bytes":
        path.write_bytes(os.urandom(path.stat().st_size))
    else:
        with path.open("r+b") as file:
            file.truncate(path.stat().st_size // 2)
    error = fault(lambda: Store(f"sqlite:///{path}").get_messages(cid))
    assert error.cause == "damaged" and str(path) in str(error) and "backup" in str(error)
    assert fault(lambda: store.add_message(cid, "user", "more")).cause == "damaged"  # the running store says so too


def test_a_data_folder_deleted_while_the_app_runs_is_made_again_by_the_next_write(tmp_path):
    folder = tmp_path / "data"
    store = Store(f"sqlite:///{folder / 'assistant.db'}")
    store.save_profile("Before", {})
    shutil.rmtree(folder)
    cid = store.create_conversation(None, "After the folder was deleted")
    store.add_message(cid, "user", "saved")
    assert (folder / "assistant.db").is_file()
    assert [m["content"] for m in Store(f"sqlite:///{folder / 'assistant.db'}").get_messages(cid)] == ["saved"]


def test_a_data_folder_that_cannot_be_made_is_reported_as_missing(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    path = tmp_path / "a-file" / "data" / "assistant.db"
    error = fault(lambda: Store(f"sqlite:///{path}"))
    assert error.cause == "missing" and str(path) in str(error)


def test_a_sqlite_file_of_another_program_is_reported_as_damaged(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE alembic_version (version_num TEXT)")
        db.execute("INSERT INTO alembic_version VALUES ('0002')")
    assert fault(lambda: Store(f"sqlite:///{path}")).cause == "damaged"


@pytest.mark.server
def test_an_unreachable_server_is_reported_with_its_address(pg_server):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens on it once the socket closes
    error = fault(lambda: Store(f"postgresql+psycopg://postgres@127.0.0.1:{port}/assistant"))
    assert error.cause == "unreachable" and f"127.0.0.1:{port}" in str(error) and "running" in str(error)


@pytest.mark.server
def test_a_missing_server_database_is_reported_as_missing(pg_server):
    error = fault(lambda: Store(pg_server.url("no_such_database")))
    assert error.cause == "missing" and "no_such_database" in str(error) and "createdb" in str(error)


@pytest.mark.server
def test_a_read_only_server_database_refuses_writes_and_still_reads(pg_server):
    url = pg_server.new_database()
    store = Store(url)
    cid = store.create_conversation(None, "Saved")
    name = url.rsplit("/", 1)[1]
    pg_server.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    store.engine.dispose()  # new sessions pick up the setting
    error = fault(lambda: store.add_message(cid, "user", "not saved"))
    assert error.cause == "read-only" and name in str(error)
    assert store.get_conversation(cid)["title"] == "Saved"


@pytest.mark.server
def test_an_unknown_server_login_is_reported_as_refused(pg_server):
    error = fault(lambda: Store(pg_server.url().replace("postgres@", "nobody@")))
    assert error.cause == "refused" and "user name and password" in str(error)


@pytest.mark.server
def test_a_server_that_goes_down_is_reported_and_the_same_store_works_again_once_it_is_back(tmp_path):
    binaries = server_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL is not installed")
    server = PostgresServer(binaries, Path(tempfile.mkdtemp(prefix="assistant-pg-down-")))
    try:
        server.start()
        store = Store(server.new_database())
        cid = store.create_conversation(None, "Saved")
        server.stop()
        error = fault(lambda: store.add_message(cid, "user", "while the server is down"))
        assert error.cause == "unreachable" and f"127.0.0.1:{server.port}" in str(error)
        server.start(initialise=False)
        store.add_message(cid, "user", "after the restart")
        assert [m["content"] for m in store.get_messages(cid)] == ["after the restart"]
    finally:
        server.remove()
