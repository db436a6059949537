"""Providers go through their real LangChain clients; failures become one actionable message."""

from __future__ import annotations

import pytest

from assistant.config import load_settings
from assistant.errors import ProviderError
from assistant.providers import available, get_provider
from tests.openai_server import OpenAICompatibleServer, closed_port_url


def _settings(**overrides):
    base = {"llm_timeout_s": 3.0, "llm_max_retries": 0}
    return load_settings(env={}, secrets_path=None, **{**base, **overrides})


def test_the_openai_provider_streams_tokens_from_a_compatible_server():
    with OpenAICompatibleServer(reply="Use a Business account [1] and post twice a week [2].") as server:
        provider = get_provider("openai", _settings(openai_base_url=server.base_url, model="local-model"))
        chunks = list(provider.stream([{"role": "system", "content": "rules"}, {"role": "user", "content": "hi"}]))
    assert len(chunks) > 3  # streamed, not one block
    assert "".join(chunks) == "Use a Business account [1] and post twice a week [2]."
    sent = server.requests[0]
    assert sent["stream"] is True and sent["model"] == "local-model"
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]


@pytest.mark.parametrize(
    "mode, expected", [("http500", "failed"), ("malformed", "failed"), ("slow", "did not answer in time")]
)
def test_server_faults_raise_a_provider_error_that_says_what_happened(mode, expected):
    with OpenAICompatibleServer(mode=mode, delay_s=6) as server:
        provider = get_provider("openai", _settings(openai_base_url=server.base_url, llm_timeout_s=1.0))
        with pytest.raises(ProviderError, match=expected):
            list(provider.stream([{"role": "user", "content": "hi"}]))


def test_a_refused_connection_says_the_server_cannot_be_reached():
    url = closed_port_url()
    provider = get_provider("openai", _settings(openai_base_url=url))
    with pytest.raises(ProviderError, match=f"cannot reach openai at {url}"):
        list(provider.stream([{"role": "user", "content": "hi"}]))


def test_a_missing_key_names_the_variable_to_set():
    with pytest.raises(ProviderError, match="ANTHROPIC_API_KEY"):
        get_provider("anthropic", _settings())
    with pytest.raises(ProviderError, match="OPENAI_API_KEY"):
        get_provider("openai", _settings())


def test_an_unknown_provider_lists_the_known_ones():
    with pytest.raises(ProviderError, match="offline, openai, anthropic, ollama"):
        get_provider("gemini-ultra", _settings())


def test_the_registry_offers_offline_and_the_three_remote_providers():
    assert set(available()) == {"offline", "openai", "anthropic", "ollama"}
    assert get_provider("offline", _settings()).name == "offline"


def test_ollama_and_anthropic_build_real_clients_without_network():
    assert get_provider("ollama", _settings(model="llama3.1")).model == "llama3.1"
    assert get_provider("anthropic", _settings(anthropic_api_key="sk-test")).name == "anthropic"


def test_a_stream_cut_mid_answer_is_an_error_not_half_an_answer():
    with OpenAICompatibleServer(reply="one two three four five six", mode="cut") as server:
        provider = get_provider("openai", _settings(openai_base_url=server.base_url))
        with pytest.raises(ProviderError, match="stopped before finishing|failed"):
            list(provider.stream([{"role": "user", "content": "hi"}]))
