"""Server mode for real: a `chroma run` process on loopback, indexed and searched through HttpClient."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.chunking import chunk_guides
from assistant.config import load_settings
from assistant.index import open_index
from assistant.retrieval import Retriever
from tests.fakes import CountingEmbedder

pytestmark = [pytest.mark.server, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _chroma_executable() -> str:
    local = Path(sys.executable).parent / "chroma"  # the venv's own CLI, never a global one
    found = str(local) if local.exists() else shutil.which("chroma")
    if not found:
        pytest.fail("the `chroma` command is missing: pip install -r requirements.txt")
    return found


def _wait_for_heartbeat(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"chroma exited early with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"chroma did not answer at {url} within {timeout} s")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    port = _free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    log = (path.parent / "chroma-server.log").open("wb")
    proc = subprocess.Popen(
        [_chroma_executable(), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_heartbeat(f"http://127.0.0.1:{port}", proc)
        yield port
    finally:
        proc.terminate()  # stop exactly the process we started, by its PID
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
        log.close()


def _server_settings(tmp_path, port: int):
    return load_settings(
        env={
            "ASSISTANT_DATA_DIR": str(tmp_path),
            "CHROMA_HOST": "127.0.0.1",
            "CHROMA_PORT": str(port),
            "ASSISTANT_COLLECTION": f"guidance-{tmp_path.name}",
        },
        secrets_path=tmp_path / "none.toml",
    )


def test_indexing_and_search_go_through_a_chroma_server(chroma_server, fixture_kb, embedder, tmp_path):
    settings = _server_settings(tmp_path, chroma_server)
    counting = CountingEmbedder(embedder)
    index = open_index(settings, counting)
    assert index.status()["mode"] == "server" and index.local_dir is None
    retriever = Retriever(index, chunk_guides(fixture_kb.guides), counting)
    first = retriever.ensure_index()
    assert first.added == len(fixture_kb.guides) and index.count() == len(retriever.chunks)
    assert not settings.chroma_dir.exists()  # nothing was written locally
    passages = retriever.search("how should we set up an Instagram account", k=3, mode="dense")
    assert passages[0].doc_id == "platform-instagram"

    embedded = len(counting.documents)
    again = Retriever(open_index(settings, counting), retriever.chunks, counting).ensure_index()
    assert again.unchanged == len(fixture_kb.guides) and len(counting.documents) == embedded


def test_a_server_collection_from_another_embedder_is_rebuilt(chroma_server, fixture_kb, embedder, tmp_path):
    from tests.fakes import FakeEmbedder

    settings = _server_settings(tmp_path, chroma_server)
    chunks = chunk_guides(fixture_kb.guides)
    open_index(settings, FakeEmbedder()).sync(chunks)
    report = open_index(settings, embedder).sync(chunks)
    assert report.rebuilt and report.added == len(fixture_kb.guides)
    assert any("fake-hash-64" in m for m in report.messages)
