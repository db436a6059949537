"""The traced query encoder gives exactly the library's vectors, or is not used."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import load_settings
from assistant.embeddings import SentenceEmbedder, _forward_one, _single_thread
from assistant.query_encoder import traced_encoder

ROOT = Path(__file__).parents[1]

TEXTS = [
    "How do I answer a 1-star review?",
    "?",
    "Can our receptionist run the practice Instagram, and who owns the account if she leaves? " * 20,  # truncated
    "Café naïve ünïcödé 😀 — Zahnarzt in München",
]


@pytest.fixture(scope="module")
def model():
    embedder = SentenceEmbedder(load_settings(env={}).embedding_model_path)
    loaded = embedder._load()
    loaded.eval()  # as the library's first encode leaves it
    return loaded


def test_the_traced_encoder_gives_bit_for_bit_the_librarys_query_vectors(model):
    with _single_thread():
        encoder = traced_encoder(model, _forward_one)
        assert encoder is not None
        for text in TEXTS:
            assert encoder(text).tolist() == _forward_one(model, text).tolist(), text


def test_an_encoder_that_differs_from_the_reference_is_not_used(model):
    def off_by_a_little(m, text):
        return _forward_one(m, text) + 1e-7

    with _single_thread():
        assert traced_encoder(model, off_by_a_little) is None


def test_queries_after_the_first_go_through_the_traced_encoder_with_the_same_vectors():
    embedder = SentenceEmbedder(load_settings(env={}).embedding_model_path)
    first = embedder.embed_query(TEXTS[0])  # the library's encode (the model loads in training mode)
    vectors = [embedder.embed_query(t) for t in TEXTS[1:]]
    assert embedder._traced is not None
    model = embedder._load()
    with _single_thread():
        assert [list(_forward_one(model, t).tolist()) for t in TEXTS[1:]] == vectors
        assert first == _forward_one(model, TEXTS[0]).tolist()


def test_making_the_traced_encoder_prints_nothing():
    """The tracer reads the model's attributes; transformers' notices about them must not reach the terminal on
    every start of the command line (a fresh process: transformers prints each notice once per process)."""
    import subprocess
    import sys

    script = (
        "from assistant.config import load_settings\n"
        "from assistant.embeddings import SentenceEmbedder\n"
        "e = SentenceEmbedder(load_settings(env={}).embedding_model_path)\n"
        "for q in ('first question', 'second question', 'third question'):\n"
        "    e.embed_query(q)\n"
        "print('done')\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "done"
    assert run.stderr == "", run.stderr
