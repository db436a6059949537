"""Provider registry. A new provider is one module here with `create(settings)`, plus one line below."""

from __future__ import annotations

import importlib

from ..errors import ProviderError
from .base import ChatModelProvider, Provider, explain_failure

PROVIDERS: dict[str, str] = {
    "offline": "Offline (no model; answers from the knowledge base)",
    "openai": "OpenAI or an OpenAI-compatible server (vLLM, LM Studio, llama.cpp)",
    "anthropic": "Anthropic Claude",
    "ollama": "Ollama (local server)",
}


def available() -> dict[str, str]:
    return dict(PROVIDERS)


def get_provider(name: str, settings) -> Provider:
    """Build the named provider from settings; unknown names and missing keys raise ProviderError."""
    key = (name or "offline").strip().lower()
    if key not in PROVIDERS:
        raise ProviderError(f"unknown provider {name!r}; choose one of: {', '.join(PROVIDERS)}")
    module = importlib.import_module(f"{__name__}.{key}")
    return module.create(settings)


__all__ = ["PROVIDERS", "ChatModelProvider", "Provider", "available", "explain_failure", "get_provider"]
