"""An answer as stored beside its message, so it renders the same after a restart: sources with links, findings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..chat.models import finding_dict
from ..config import redact

if TYPE_CHECKING:
    from ..guardrails.checker import Finding
    from ..knowledge import KnowledgeBase


def finding_dicts(findings: Iterable[Finding | dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings (checker models, or dicts read back from storage) as plain dicts for storage and display."""
    return [finding_dict(f) for f in findings or []]


def _as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, dict):
        return dict(obj)
    return obj.model_dump() if hasattr(obj, "model_dump") else dict(vars(obj))


def source_links(kb: KnowledgeBase, doc_id: str, heading: str = "") -> list[dict[str, str]]:
    """The source behind a cited section (title, url): the section's own source, not the guide's first one."""
    try:
        guide = kb.guide(doc_id)
    except Exception:  # noqa: BLE001 - a citation without a guide just has no extra links
        return []
    source = guide.source_for(heading)
    return [{"title": source.title, "url": str(source.url)}]


def answer_meta(answer: Any, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """What is stored beside an assistant message so it renders the same after a restart."""
    sources = [_as_dict(s) for s in answer.sources]
    for s in sources:
        s["links"] = source_links(kb, s.get("doc_id", ""), s.get("heading", "")) if kb is not None else []
    # A model server's URL or key can reach a notice through an error message: never store it (redact).
    warnings = [{**w, "message": redact(str(w.get("message", "")))} for w in answer.warnings or []]
    notice = redact(answer.fallback_notice) if answer.fallback_notice else answer.fallback_notice
    return {
        "sources": sources,
        "warnings": warnings,
        "findings": finding_dicts(answer.findings),
        "provider": answer.provider,
        "intent": answer.intent,
        "fallback_notice": notice,
        "masked": list(answer.masked or []),
        "drafts": [d.public() for d in answer.drafts],
        "body": answer.body,
        "card_id": answer.card_id,
    }
