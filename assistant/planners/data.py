"""The planners' data (knowledge/data/planning.yaml), read through the knowledge registry.

The schema lives in `assistant.knowledge.schemas.planning`; a knowledge directory's own copy wins over the
project's (the registry's one rule).
"""

from __future__ import annotations

from ..knowledge import registry
from ..knowledge.loader import KnowledgeBase
from ..knowledge.schemas.planning import PlanningData


def planning_data(kb: KnowledgeBase | None = None) -> PlanningData:
    """The planner data for this knowledge base (its own planning.yaml if it has one)."""
    return registry.load(registry.PLANNING, kb.root if kb is not None else None)
