"""The chat engine's data (knowledge/data/intents.yaml, chat.yaml and glossary/), read through the knowledge registry.

The schemas live in `assistant.knowledge.schemas.chat`; where a file is read from (a knowledge directory's
own copy, else the project's) is the registry's one rule.
"""

from __future__ import annotations

from pathlib import Path

from ..knowledge import registry
from ..knowledge.schemas.chat import ChatData, IntentData
from ..knowledge.schemas.glossary import Glossary


def intent_data(knowledge_root: Path | None = None) -> IntentData:
    """The validated contents of data/intents.yaml."""
    return registry.load(registry.INTENTS, knowledge_root)


def chat_data(knowledge_root: Path | None = None) -> ChatData:
    """The validated contents of data/chat.yaml."""
    return registry.load(registry.CHAT, knowledge_root)


def glossaries(knowledge_root: Path | None = None) -> dict[str, Glossary]:
    """The validated glossaries under data/glossary/, by language code."""
    return registry.load_glossaries(knowledge_root)
