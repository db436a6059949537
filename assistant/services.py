"""One place that builds the heavy objects; everything else receives them.

Each property is built on first use and then reused, so the CLI pays only for what a command needs and
the Streamlit app (which caches one Services per process) builds each object once.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .config import Settings, load_settings

if TYPE_CHECKING:
    from .chat.engine import ChatEngine
    from .providers.base import Provider


class Services:
    def __init__(self, settings: Settings | None = None, **overrides) -> None:
        self.settings = settings or load_settings()
        self.__dict__.update(overrides)  # tests pass fakes: Services(embedder=FakeEmbedder(), ...)

    @cached_property
    def kb(self):
        from .knowledge import load_knowledge

        return load_knowledge(self.settings.knowledge_dir)

    @cached_property
    def embedder(self):
        from .embeddings import SentenceEmbedder

        return SentenceEmbedder(self.settings.embedding_model_path)

    @cached_property
    def chunks(self):
        from .chunking import chunk_guides

        return chunk_guides(self.kb.guides)

    @cached_property
    def index(self):
        from .index import open_index

        return open_index(self.settings, self.embedder)

    @cached_property
    def retriever(self):
        from .retrieval import Retriever

        return Retriever(self.index, self.chunks, self.embedder, specialties=self.kb.specialties)

    @cached_property
    def provider(self):
        from .providers import get_provider

        return get_provider(self.settings.provider, self.settings)

    @cached_property
    def store(self):
        from .storage import Store

        return Store(self.settings.sqlite_url)

    @cached_property
    def matcher(self):
        from .chat.engine import card_matcher

        return card_matcher(self.kb, self.embedder, self.settings.cache_dir)

    @cached_property
    def drafter(self):
        from .chat.drafts import Drafter

        return Drafter(self.kb)

    def chat_engine(self, provider: Provider | None = None, settings: Settings | None = None) -> ChatEngine:
        """The one place a chat engine is built (CLI and web app): this knowledge, index, matcher and drafter, with
        `provider` and `settings` when a page chose another language model than the configured one."""
        from .chat.engine import ChatEngine

        return ChatEngine(
            self.kb, self.retriever, provider or self.provider, settings or self.settings, self.matcher, self.drafter
        )

    @cached_property
    def chat(self) -> ChatEngine:
        return self.chat_engine()
