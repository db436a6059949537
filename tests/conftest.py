"""Test session guard rails: no network beyond this machine, no API keys, a throwaway data directory.

The product promises to work offline; blocking every non-loopback connection and DNS lookup for the whole
session turns any accidental download or telemetry call into a loud failure instead of a hidden dependency.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.netblock import install
from tests.postgres import pg_server  # noqa: F401 - session fixture: a real PostgreSQL server, started on first use

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_KNOWLEDGE = ROOT / "tests" / "fixtures" / "knowledge"

# Installed at import time (not in a fixture) so nothing imported during collection escapes the block.
install()
for _key in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "CHROMA_HOST", "CHROMA_PORT", "ASSISTANT_EMBEDDING_MODEL"):
    os.environ.pop(_key, None)
os.environ["ASSISTANT_PROVIDER"] = "offline"
_DATA_DIR = tempfile.mkdtemp(prefix="assistant-test-data-")
os.environ["ASSISTANT_DATA_DIR"] = _DATA_DIR
# The answer cards' question vectors are keyed by their content and model: one copy serves every test's data dir.
os.environ["ASSISTANT_CACHE_DIR"] = os.path.join(_DATA_DIR, "shared-cache")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def pytest_configure(config) -> None:
    for name, text in (
        ("slow", "uses the real model or the whole knowledge base"),
        ("e2e", "drives the app in a real browser"),
        ("server", "starts a real server process"),
    ):
        config.addinivalue_line("markers", f"{name}: {text}")


def pytest_unconfigure(config) -> None:
    shutil.rmtree(_DATA_DIR, ignore_errors=True)


@pytest.fixture(scope="session")
def kb():
    """The real knowledge base under knowledge/."""
    from assistant.knowledge import load_knowledge

    return load_knowledge(ROOT / "knowledge")


@pytest.fixture(scope="module")
def drafter(kb):
    """The drafter over the real knowledge base."""
    from assistant.chat.drafts import Drafter

    return Drafter(kb)


@pytest.fixture(scope="session")
def fixture_kb():
    """The tiny knowledge base under tests/fixtures/knowledge/."""
    from assistant.knowledge import load_knowledge

    return load_knowledge(FIXTURE_KNOWLEDGE)


@pytest.fixture(scope="session")
def embedder():
    """The real packaged sentence-transformers model, loaded once per session."""
    from assistant.config import load_settings
    from assistant.embeddings import SentenceEmbedder

    model = SentenceEmbedder(load_settings(env={}).embedding_model_path)
    model.warm_up()
    return model


@pytest.fixture
def settings(tmp_path):
    """Settings with a fresh data directory, no keys and no Chroma server."""
    from assistant.config import load_settings

    return load_settings(env={"ASSISTANT_DATA_DIR": str(tmp_path / "data")}, secrets_path=tmp_path / "none.toml")


@pytest.fixture(scope="session")
def indexed(tmp_path_factory, embedder):
    """Services over the real knowledge base whose search index and card vectors were built once, with the real model.

    Shared by every module that needs the full index (building it takes most of a minute on two cores): use
    it read-only. `indexed.settings.data_dir` is the data directory holding the index; `indexed.report` is
    how the build went (every guide added, under the session's network block).
    """
    from assistant.config import load_settings
    from assistant.services import Services

    data = tmp_path_factory.mktemp("indexed-data")
    env = {"ASSISTANT_DATA_DIR": str(data), "ASSISTANT_CACHE_DIR": os.environ["ASSISTANT_CACHE_DIR"]}
    settings = load_settings(env=env, secrets_path=data / "none.toml")
    services = Services(settings, embedder=embedder)
    services.report = services.retriever.ensure_index()
    services.matcher  # noqa: B018 - the answer cards' question vectors, into the session's shared cache (as `index`)
    return services
