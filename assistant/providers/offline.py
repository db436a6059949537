"""The default provider: no model at all. The chat engine answers extractively from the knowledge base."""

from __future__ import annotations

from collections.abc import Iterator


class OfflineProvider:
    name = "offline"
    model = "extractive"

    def stream(self, messages: list[dict[str, str]]) -> Iterator[str]:  # pragma: no cover - never called
        raise NotImplementedError("the offline provider composes answers in assistant.chat.offline")


def create(settings) -> OfflineProvider:
    return OfflineProvider()
