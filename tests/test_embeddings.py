"""The packaged embedding model, loaded from a local path."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from assistant.config import load_settings
from assistant.embeddings import Embedder, SentenceEmbedder
from assistant.errors import ConfigError
from tests.fakes import FakeEmbedder


def test_a_missing_model_directory_is_a_config_error_that_says_what_to_set(tmp_path):
    with pytest.raises(ConfigError, match="ASSISTANT_EMBEDDING_MODEL"):
        SentenceEmbedder(tmp_path / "no-such-model")


def test_the_model_name_comes_from_its_files_not_from_where_it_is_installed(tmp_path):
    packaged = load_settings(env={}).embedding_model_path
    moved = tmp_path / "moved" / "model"
    moved.mkdir(parents=True)
    for item in Path(packaged).iterdir():
        (moved / item.name).symlink_to(item)
    original, relocated = SentenceEmbedder(packaged), SentenceEmbedder(moved)
    assert original.name == relocated.name and original.dim == 384
    assert str(packaged) not in original.name and "/" not in original.name


def test_both_embedders_satisfy_the_protocol():
    assert isinstance(FakeEmbedder(), Embedder)
    assert isinstance(SentenceEmbedder(load_settings(env={}).embedding_model_path), Embedder)


@pytest.mark.slow
def test_vectors_are_normalized_and_similar_texts_are_closer(embedder):
    review, reply, hashtags = embedder.embed_documents(
        ["answering a bad review", "how to reply to a negative review", "hashtags for instagram"]
    )
    assert len(review) == embedder.dim == 384
    assert math.isclose(sum(v * v for v in review), 1.0, rel_tol=1e-4)
    dot = lambda a, b: sum(x * y for x, y in zip(a, b, strict=True))  # noqa: E731
    assert dot(review, reply) > dot(review, hashtags)
    assert embedder.embed_query("answering a bad review") == pytest.approx(review, abs=1e-5)


@pytest.mark.slow
def test_document_embedding_reports_progress_after_each_batch(embedder, monkeypatch):
    monkeypatch.setattr(embedder, "batch_size", 2)
    calls = []
    embedder.embed_documents([f"text {n}" for n in range(5)], progress=lambda d, t, m: calls.append((d, t)))
    assert calls == [(2, 5), (4, 5), (5, 5)]


@pytest.mark.slow
def test_a_query_vector_is_exactly_what_the_library_encode_returns(embedder):
    """The query path skips encode()'s per-call bookkeeping; the numbers must not change by a single bit (both on
    one thread, as queries run: another thread count sums in another order)."""
    from assistant.embeddings import _single_thread

    model = embedder._load()
    for text in ("how do I answer a bad review?", "Instagram or Facebook for a small dental practice " * 20, "é ✓"):
        with _single_thread():
            vector = model.encode([text], normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        assert embedder._encode_query(text) == tuple(vector[0].tolist())


@pytest.mark.slow
def test_queries_embedded_side_by_side_are_the_vectors_each_gets_alone(embedder):
    """embed_queries hands all but the first text to a helper thread: every vector, in the order asked and with
    a repeated text, is the one its own encode gives; the helper runs torch on one thread, the caller's count is
    left as it was."""
    import threading
    from functools import lru_cache

    import torch

    fresh = SentenceEmbedder(embedder.path)  # its own cache: every text below is encoded by embed_queries
    texts = ["can I post a patient's x-ray?", "how often should a dentist post", "can I post a patient's x-ray?"]
    texts += [f"what should a {who} post on Instagram in week {n}?" for who in ("dentist", "physio") for n in (1, 2)]
    before = torch.get_num_threads()
    workers: set[str] = set()
    encode = fresh._encode_query

    def watched(text: str) -> tuple[float, ...]:
        workers.add(threading.current_thread().name)
        return encode(text)

    fresh._query_vector = lru_cache(maxsize=64)(watched)
    vectors = fresh.embed_queries(texts)

    assert [tuple(v) for v in vectors] == [embedder._encode_query(t) for t in texts]
    assert len(workers) == 2 and any(name.startswith("query-helper") for name in workers)
    assert fresh._helper_pool().submit(torch.get_num_threads).result() == 1
    assert torch.get_num_threads() == before
