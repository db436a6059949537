"""Anthropic's Claude models."""

from __future__ import annotations

from .base import ChatModelProvider, build_chat_model, require

DEFAULT_MODEL = "claude-sonnet-4-5"


def create(settings) -> ChatModelProvider:
    key = require(settings.anthropic_api_key, "ANTHROPIC_API_KEY", "anthropic")
    model = settings.model or DEFAULT_MODEL
    chat = build_chat_model("anthropic", model, settings, api_key=key)
    return ChatModelProvider(name="anthropic", model=model, chat_model=chat, endpoint="api.anthropic.com")
