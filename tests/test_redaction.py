"""Secrets in a model server's URL or in a key never reach the Settings table, a notice, the log or the database."""

from __future__ import annotations

import logging

import pytest

from assistant.config import load_settings, redact
from assistant.errors import ProviderError
from assistant.providers import get_provider
from assistant.storage import Store
from assistant.webapp.answers import answer_meta
from tests.openai_server import OpenAICompatibleServer, closed_port_url

PASSWORD = "s3cret-Passw0rd"
TOKEN = "tok-9f8e7d6c5b4a"


def _secret_url(base_url: str) -> str:
    """The test server's URL with a password and a query-string token in it, as an operator might paste it."""
    scheme, rest = base_url.split("://", 1)
    return f"{scheme}://clinic:{PASSWORD}@{rest}?api_key={TOKEN}"


def _settings(tmp_path, **overrides):
    base = {"data_dir": tmp_path / "data", "llm_timeout_s": 2.0, "llm_max_retries": 0}
    return load_settings(env={}, secrets_path=tmp_path / "none.toml", **{**base, **overrides})


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("https://user:pa55word@llm.example/v1", "https://user:***@llm.example/v1"),
        ("https://ghp_abcdef123456@llm.example/v1", "https://***@llm.example/v1"),
        ("http://10.0.0.5:8000/v1?api_key=abc123&model=x", "http://10.0.0.5:8000/v1?api_key=***&model=x"),
        ("wss://h/x?access_token=abc&sig=zz", "wss://h/x?access_token=***&sig=***"),
        ("postgresql+psycopg://app:db-pass@db:5432/assistant", "postgresql+psycopg://app:***@db:5432/assistant"),
        ("key sk-proj-abcdefghijklmnopqrstuv in a message", "key sk-proj-*** in a message"),
        ("Authorization: Bearer abcdefghijklmnop", "Authorization: Bearer ***"),
    ],
)
def test_passwords_tokens_and_keys_are_masked(text, shown):
    assert redact(text) == shown


@pytest.mark.parametrize(
    "text",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42",
        "http://127.0.0.1:11434",
        "Write to hello@clinic.example about the 2 p.m. slot",
        "https://www.cdc.gov/sunsafety/index.html#skin",
    ],
)
def test_ordinary_urls_and_text_are_left_alone(text):
    assert redact(text) == text


def test_the_settings_table_shows_no_password_key_or_token(tmp_path):
    settings = _settings(
        tmp_path,
        openai_base_url=_secret_url("https://llm.example/v1"),
        openai_api_key="sk-abc-123456",
        database_url="sqlite:///x.db?password=hunter22",
    )
    shown = " ".join(settings.redacted().values())
    for secret in (PASSWORD, TOKEN, "sk-abc-123456", "hunter22"):
        assert secret not in shown
    assert settings.redacted()["openai_base_url"] == "https://clinic:***@llm.example/v1?api_key=***"
    assert settings.redacted()["openai_api_key"] == "set"


def test_a_key_known_from_settings_is_masked_wherever_it_appears(tmp_path):
    _settings(tmp_path, anthropic_api_key="ant-key-0123456789")
    assert redact("the server said: invalid key ant-key-0123456789 (401)") == "the server said: invalid key *** (401)"


def test_every_log_record_is_redacted_whoever_logs_it(tmp_path, caplog):
    _settings(tmp_path)  # loading settings switches log redaction on for the process
    with caplog.at_level(logging.INFO):
        logging.getLogger("httpx").info("HTTP Request: POST %s", _secret_url("http://h/v1"))
    assert PASSWORD not in caplog.text and TOKEN not in caplog.text and "clinic:***@h/v1" in caplog.text


@pytest.mark.parametrize("mode", ["http500", "refused"])
def test_a_provider_error_never_carries_the_urls_password_or_token(tmp_path, mode):
    # The real LangChain/OpenAI client against the local server: the error becomes the fallback notice, so it must
    # name the server without its secrets.
    with OpenAICompatibleServer(mode="http500") as server:
        url = _secret_url(closed_port_url() if mode == "refused" else server.base_url)
        provider = get_provider("openai", _settings(tmp_path, openai_base_url=url, model="m"))
        with pytest.raises(ProviderError) as caught:
            list(provider.stream([{"role": "user", "content": "hi"}]))
    message = str(caught.value)
    assert PASSWORD not in message and TOKEN not in message
    assert "clinic:***@127.0.0.1" in message or mode == "http500"
    assert PASSWORD not in provider.endpoint and "clinic:***@" in provider.endpoint


@pytest.mark.slow
def test_the_fallback_notice_the_log_and_the_saved_message_carry_no_secret(fixture_kb, embedder, tmp_path, caplog):
    from assistant.chat.engine import ChatEngine
    from assistant.chunking import chunk_guides
    from assistant.index import open_index
    from assistant.retrieval import Retriever

    url = _secret_url(closed_port_url())
    settings = _settings(tmp_path, provider="openai", openai_base_url=url, model="local-model")
    retriever = Retriever(open_index(settings, embedder), chunk_guides(fixture_kb.guides), embedder)
    retriever.ensure_index()
    engine = ChatEngine(fixture_kb, retriever, get_provider("openai", settings), settings)
    with caplog.at_level(logging.WARNING):
        answer = engine.answer("How should we reply to a negative review on Google?")
    assert answer.fallback_notice and "cannot reach openai" in answer.fallback_notice
    store = Store(settings.sqlite_url)
    conversation = store.create_conversation(None, "Reviews")
    store.add_message(conversation, "assistant", answer.text, answer_meta(answer, fixture_kb))
    saved = store.get_messages(conversation)[0]
    for where in (answer.fallback_notice, answer.text, str(saved["meta"]), saved["content"], caplog.text):
        assert PASSWORD not in where and TOKEN not in where
    assert "clinic:***@127.0.0.1" in saved["meta"]["fallback_notice"]
