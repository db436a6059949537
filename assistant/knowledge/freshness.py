"""Freshness: which guides and data entries have not been checked against their sources recently."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase


@dataclass(frozen=True)
class Entry:
    path: str  # relative to the knowledge directory
    id: str
    updated: dt.date | None

    def line(self, today: dt.date) -> str:
        if self.updated is None:
            return f"{self.path}: {self.id} updated missing"
        return f"{self.path}: {self.id} updated {self.updated.isoformat()} ({(today - self.updated).days} days)"


def entries(kb: KnowledgeBase) -> list[Entry]:
    """Every guide and data entry with its `updated` date (None where the entry has none)."""
    out = [Entry(g.path, g.id, g.meta.updated) for g in kb.guides]
    out += [Entry("data/platforms.yaml", p.id, p.updated) for p in kb.platforms.values()]
    out += [Entry("data/awareness.yaml", o.id, o.updated) for o in kb.observances.values()]
    out += [Entry("data/hashtags.yaml", h.tag, h.updated) for h in kb.hashtags]
    out += [Entry(f"data/specialties/{s.id}.yaml", s.id, s.updated) for s in kb.specialties.values()]
    return out


def stale(kb: KnowledgeBase, days: int, today: dt.date | None = None) -> list[Entry]:
    """Entries whose `updated` is more than `days` days before `today`, or missing."""
    today = today or dt.date.today()
    return [e for e in entries(kb) if e.updated is None or (today - e.updated).days > days]
