"""A local search index damaged while a Retriever is open is rebuilt from its chunks on the next search."""

from __future__ import annotations

import os
import shutil

import pytest

from assistant.chunking import chunk_guides
from assistant.errors import SearchIndexError
from assistant.index import VectorIndex, open_index
from assistant.retrieval import Retriever
from tests.fakes import FakeEmbedder, make_guide


def _chunks():
    bodies = {
        topic: "\n\n".join(
            f"## {topic} part {n}\n\nAdvice number {n} about {topic} for a busy clinic team, "
            f"written so that the section stands on its own."
            for n in range(3)
        )
        for topic in ("reviews", "hashtags", "consent")
    }
    return chunk_guides([make_guide(gid, body) for gid, body in bodies.items()])


def _open_retriever(settings) -> Retriever:
    embedder = FakeEmbedder()
    retriever = Retriever(open_index(settings, embedder), _chunks(), embedder)
    retriever.ensure_index()
    assert retriever.search("reviews part 2", k=1, mode="dense")[0].chunk_id == "reviews#2"
    return retriever


def _garble_sqlite(settings) -> None:
    (settings.chroma_dir / "chroma.sqlite3").write_bytes(os.urandom(64 * 1024))


def _delete_segments(settings) -> None:
    for folder in settings.chroma_dir.iterdir():
        if folder.is_dir():
            shutil.rmtree(folder)


def _delete_everything(settings) -> None:
    shutil.rmtree(settings.chroma_dir)


@pytest.mark.parametrize("damage", [_garble_sqlite, _delete_segments, _delete_everything])
def test_a_local_index_damaged_while_open_is_rebuilt_and_the_search_answers(settings, damage):
    retriever = _open_retriever(settings)
    damage(settings)
    hits = retriever.search("reviews part 2", k=3, mode="dense")
    assert hits and hits[0].chunk_id == "reviews#2"
    assert retriever.index.count() == len(retriever.chunks)
    # hybrid search (the chat's mode) keeps working too, on the rebuilt index
    assert retriever.search("consent part 1", k=1)[0].chunk_id == "consent#1"


def test_the_rebuild_is_said_in_the_index_notes(settings):
    retriever = _open_retriever(settings)
    _garble_sqlite(settings)
    retriever.search("hashtags part 0", k=1, mode="dense")
    report = retriever.ensure_index()
    assert any("rebuilt" in m for m in report.messages)


def test_a_server_index_that_fails_gives_the_clear_error_without_a_rebuild(settings):
    """No local folder to rebuild from: the error says to check the server (the query is not retried forever)."""
    embedder = FakeEmbedder()
    local = open_index(settings, embedder)
    local.sync(_chunks())
    server_like = VectorIndex(local._client, local.name, embedder, "http://127.0.0.1:9", None).open()
    retriever = Retriever(server_like, _chunks(), embedder)
    retriever._synced = True
    _garble_sqlite(settings)
    with pytest.raises(SearchIndexError, match="Chroma server"):
        retriever.search("reviews part 2", k=1, mode="dense")
