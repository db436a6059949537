"""OpenAI, or any OpenAI-compatible server (vLLM, LM Studio, llama.cpp server) through OPENAI_BASE_URL."""

from __future__ import annotations

from .base import ChatModelProvider, build_chat_model, require

DEFAULT_MODEL = "gpt-4o-mini"


def create(settings) -> ChatModelProvider:
    base_url = settings.openai_base_url or None
    # Local servers usually accept any key; the SDK still insists on one being present.
    key = settings.openai_api_key or ("not-needed" if base_url else require("", "OPENAI_API_KEY", "openai"))
    model = settings.model or DEFAULT_MODEL
    chat = build_chat_model("openai", model, settings, base_url=base_url, api_key=key, stream_usage=False)
    return ChatModelProvider(name="openai", model=model, chat_model=chat, endpoint=base_url or "api.openai.com")
