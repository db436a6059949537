"""The offline guarantee: the test session cannot reach the network, and the product works anyway."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from assistant.config import load_settings
from tests.conftest import ROOT
from tests.netblock import NetworkBlocked, offline_env


def test_a_connection_to_a_public_address_fails_loudly():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(NetworkBlocked, match="8.8.8.8"):
        s.connect(("8.8.8.8", 53))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s, pytest.raises(RuntimeError, match="BLOCKED"):
        s.connect_ex(("1.1.1.1", 53))


def test_dns_lookups_and_create_connection_to_public_hosts_fail_loudly():
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("huggingface.co", 443)
    with pytest.raises(NetworkBlocked):
        socket.gethostbyname("pypi.org")
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("example.com", 80), timeout=1)


def test_loopback_connections_still_work():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with socket.create_connection(("localhost", port), timeout=2):
            conn, _ = server.accept()
            conn.close()


def test_no_api_key_is_set_and_the_provider_is_offline():
    assert "OPENAI_API_KEY" not in os.environ and "ANTHROPIC_API_KEY" not in os.environ
    settings = load_settings()
    assert settings.provider == "offline" and not settings.openai_api_key and not settings.anthropic_api_key
    assert str(settings.data_dir) == os.environ["ASSISTANT_DATA_DIR"]


def test_processes_started_by_the_tests_get_the_same_block():
    code = "import socket; socket.create_connection(('8.8.8.8', 53), timeout=2)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=offline_env(), cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0 and "NETWORK BLOCKED" in result.stderr


@pytest.mark.slow
def test_indexing_and_search_with_the_real_model_work_under_the_block(indexed):
    # The session's shared index was built in this process, under the network block installed by conftest.py.
    assert indexed.report.added == len(indexed.kb.guides)
    assert indexed.retriever.index.count() == len(indexed.retriever.chunks)
    passages = indexed.retriever.search("how do I reply to a negative review", k=3)
    assert len(passages) == 3 and all(p.sources for p in passages)
