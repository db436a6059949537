"""The vector index: incremental sync, recovery from damage, and the guarantees around Chroma."""

from __future__ import annotations

import os

import pytest

from assistant import index as index_module
from assistant.chunking import chunk_guides, embedding_text
from assistant.config import load_settings
from assistant.errors import SearchIndexError
from assistant.index import open_index
from tests.fakes import CountingEmbedder, FakeEmbedder, make_guide


def _body(topic: str, sections: int = 3) -> str:
    return "\n\n".join(
        f"## {topic} part {n}\n\nAdvice number {n} about {topic} for a busy clinic team, "
        f"written so that the section stands on its own."
        for n in range(sections)
    )


def _guides(**overrides):
    bodies = {"reviews": _body("reviews"), "hashtags": _body("hashtags"), "consent": _body("consent", 4)}
    bodies.update(overrides)
    return [make_guide(gid, body) for gid, body in bodies.items() if body is not None]


@pytest.fixture
def counting():
    return CountingEmbedder(FakeEmbedder())


def test_first_sync_embeds_every_chunk_and_a_second_sync_embeds_nothing(settings, counting):
    chunks = chunk_guides(_guides())
    index = open_index(settings, counting)
    first = index.sync(chunks)
    assert (first.added, first.updated, first.removed, first.unchanged) == (3, 0, 0, 0)
    assert len(counting.documents) == len(chunks) == index.count() == 10
    second = open_index(settings, counting).sync(chunks)
    assert (second.added, second.updated, second.removed, second.unchanged) == (0, 0, 0, 3)
    assert len(counting.documents) == len(chunks)  # nothing re-embedded


def test_editing_one_guide_re_embeds_only_that_guide(settings, counting):
    index = open_index(settings, counting)
    index.sync(chunk_guides(_guides()))
    counting.documents.clear()
    edited = _body("hashtags").replace("Advice number 1", "Fresh advice number 1")
    report = index.sync(chunk_guides(_guides(hashtags=edited)))
    assert (report.updated, report.added, report.removed, report.unchanged) == (1, 0, 0, 2)
    assert len(counting.documents) == 3 and all("hashtags" in text for text in counting.documents)
    hits = index.query(FakeEmbedder().embed_query("Fresh advice number 1 about hashtags"), 1)
    assert hits[0].chunk_id == "hashtags#1"


def test_deleting_a_guide_removes_its_chunks(settings, counting):
    index = open_index(settings, counting)
    index.sync(chunk_guides(_guides()))
    counting.documents.clear()
    report = index.sync(chunk_guides(_guides(consent=None)))
    assert (report.removed, report.unchanged, report.chunks_embedded) == (1, 2, 0)
    assert index.count() == 6
    assert "consent" not in index.manifest()
    assert all(h.doc_id != "consent" for h in index.query(FakeEmbedder().embed_query("consent"), 10))


def test_a_guide_that_loses_sections_leaves_no_stale_chunks(settings, counting):
    index = open_index(settings, counting)
    index.sync(chunk_guides(_guides()))
    index.sync(chunk_guides(_guides(consent=_body("consent", 2))))
    assert index.manifest()["consent"][1] == {"consent#0", "consent#1"}
    assert index.count() == 8


def test_rebuild_embeds_everything_again(settings, counting):
    chunks = chunk_guides(_guides())
    index = open_index(settings, counting)
    index.sync(chunks)
    report = index.sync(chunks, rebuild=True)
    assert report.rebuilt and report.added == 3 and len(counting.documents) == 2 * len(chunks)
    assert index.count() == len(chunks)


def test_progress_reports_done_and_total_up_to_completion(settings):
    calls = []
    open_index(settings, FakeEmbedder()).sync(chunk_guides(_guides()), progress=lambda d, t, m: calls.append((d, t)))
    assert calls[0] == (0, 10) and calls[-1] == (10, 10)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_a_corrupted_index_directory_is_rebuilt_with_a_message(settings, counting):
    chunks = chunk_guides(_guides())
    open_index(settings, counting).sync(chunks)
    (settings.chroma_dir / "chroma.sqlite3").write_bytes(os.urandom(64 * 1024))
    index = open_index(settings, counting)
    report = index.sync(chunks)
    assert report.rebuilt and report.added == 3 and index.count() == len(chunks)
    assert any("could not be opened" in m and "rebuilt" in m for m in report.messages)
    assert index.query(FakeEmbedder().embed_query("reviews part 2"), 1)[0].chunk_id == "reviews#2"


def test_a_damaged_directory_holding_foreign_files_is_left_alone_with_a_clear_error(settings):
    settings.chroma_dir.mkdir(parents=True)
    (settings.chroma_dir / "chroma.sqlite3").write_bytes(b"not a database" * 100)
    keep = settings.chroma_dir / "my-notes.txt"
    keep.write_text("precious")
    with pytest.raises(SearchIndexError, match="my-notes.txt"):
        open_index(settings, FakeEmbedder())
    assert keep.read_text() == "precious"


def test_an_index_built_with_another_embedder_is_rebuilt(settings):
    chunks = chunk_guides(_guides())
    open_index(settings, FakeEmbedder(name="old-model")).sync(chunks)
    newer = CountingEmbedder(FakeEmbedder(name="new-model"))
    report = open_index(settings, newer).sync(chunks)
    assert report.rebuilt and len(newer.documents) == len(chunks)
    assert any("'old-model'" in m and "'new-model'" in m for m in report.messages)
    assert open_index(settings, newer).status()["embedder"] == "new-model"


def test_an_index_written_in_an_older_format_is_rebuilt(settings, monkeypatch):
    chunks = chunk_guides(_guides())
    monkeypatch.setattr(index_module, "SCHEMA_VERSION", "0")
    open_index(settings, FakeEmbedder()).sync(chunks)
    monkeypatch.setattr(index_module, "SCHEMA_VERSION", "1")
    report = open_index(settings, FakeEmbedder()).sync(chunks)
    assert report.rebuilt and report.added == 3
    assert any("schema '0'" in m for m in report.messages)


def test_collections_store_no_embedding_function_and_no_model_path(settings):
    index = open_index(settings, FakeEmbedder())
    collection = index._collection
    assert collection.configuration_json.get("embedding_function") is None
    assert collection.configuration_json["hnsw"]["space"] == "cosine"
    assert collection.metadata == {
        "hnsw:space": "cosine",
        "embedder": "fake-hash-64",
        "schema": index_module.SCHEMA_VERSION,
    }


def test_an_unreachable_chroma_server_is_reported_with_how_to_fix_it(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound but not listening: connections are refused
        server = load_settings(
            env={"ASSISTANT_DATA_DIR": str(tmp_path), "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(port)},
            secrets_path=tmp_path / "none.toml",
        )
        with pytest.raises(SearchIndexError, match="unset CHROMA_HOST"):
            open_index(server, FakeEmbedder())


def test_query_returns_cosine_similarities_best_first(settings):
    chunks = chunk_guides(_guides())
    index = open_index(settings, FakeEmbedder())
    index.sync(chunks)
    target = next(c for c in chunks if c.chunk_id == "consent#2")
    hits = index.query(FakeEmbedder().embed_query(embedding_text(target)), 4)
    assert hits[0].chunk_id == "consent#2" and hits[0].score == pytest.approx(1.0, abs=1e-4)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
