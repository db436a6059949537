"""A local Ollama server (OLLAMA_BASE_URL, default http://127.0.0.1:11434)."""

from __future__ import annotations

from .base import ChatModelProvider, build_chat_model

DEFAULT_MODEL = "llama3.1"


def create(settings) -> ChatModelProvider:
    model = settings.model or DEFAULT_MODEL
    chat = build_chat_model("ollama", model, settings, base_url=settings.ollama_base_url)
    # Ollama runs on the clinic's own machine or LAN; patient data is still masked before it is sent,
    # because "local" servers are often shared or logged.
    return ChatModelProvider(name="ollama", model=model, chat_model=chat, endpoint=settings.ollama_base_url)
