"""Test doubles that download nothing and behave deterministically."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Sequence

from assistant.knowledge.models import Guide, GuideMeta


class FakeEmbedder:
    """Hashes each token into one of 64 dimensions: texts sharing words get similar vectors."""

    def __init__(self, name: str = "fake-hash-64", dim: int = 64) -> None:
        self.name = name
        self.dim = dim

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dim
        for token in re.findall(r"[a-z0-9]+", text.lower()):
            digest = hashlib.sha256(token.encode()).digest()
            vec[digest[0] % self.dim] += 1.0 if digest[1] % 2 else -1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


class CountingEmbedder:
    """Wraps an embedder and records every text it was asked to embed."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.documents: list[str] = []
        self.queries: list[str] = []

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.documents.extend(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        self.queries.append(text)
        return self.inner.embed_query(text)


def make_guide(guide_id: str, body: str, title: str | None = None, **meta) -> Guide:
    """A valid Guide built in memory, for chunking and index tests."""
    fields = {
        "id": guide_id,
        "title": title or f"Guide about {guide_id.replace('-', ' ')}",
        "summary": "A short guide used only by the test suite.",
        "category": "strategy",
        "topics": ("strategy",),
        "platforms": ("all",),
        "specialties": ("all",),
        "sources": ({"title": "Test source", "url": "https://example.org/source", "year": 2024},),
        "updated": dt.date(2026, 1, 1),
    }
    fields.update(meta)
    return Guide(meta=GuideMeta(**fields), body=body, path=f"guides/strategy/{guide_id}.md")
