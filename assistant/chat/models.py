"""What the chat engine returns: an Answer with numbered citations, warnings and compliance findings."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Citation(BaseModel):
    """A numbered source: [n] in the answer text points at this guide section."""

    n: int
    doc_id: str
    title: str
    heading: str
    url: str
    passage: str

    def public(self) -> dict:
        """The CLI/JSON shape: n, doc_id, title, heading, url."""
        return {"n": self.n, "doc_id": self.doc_id, "title": self.title, "heading": self.heading, "url": self.url}


class Answer(BaseModel):
    """One answer. `text` is Markdown (already sanitized); `warnings` are {"rule", "message"} dicts."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    text: str
    sources: list[Citation] = Field(default_factory=list)
    warnings: list[dict] = Field(default_factory=list)
    findings: list[Any] = Field(default_factory=list)  # guardrails.checker.Finding
    provider: str = "offline"
    intent: str = "strategy"
    fallback_notice: str | None = None
    masked: list[str] = Field(default_factory=list)  # kinds of patient data masked, e.g. ["name", "phone number"]
    question: str = ""  # what the user typed, kept so nothing is lost when a provider fails
    language: str = "en"
    covered: bool = True  # False when the knowledge base does not cover the question
    model: str = ""

    def public(self) -> dict:
        """The CLI/JSON shape: answer, sources, warnings, provider, intent (plus a few extra fields)."""
        return {"answer": self.text, "sources": [c.public() for c in self.sources],
                "warnings": [{"rule": w.get("rule", ""), "message": w.get("message", "")} for w in self.warnings],
                "provider": self.provider, "intent": self.intent, "fallback_notice": self.fallback_notice,
                "masked": list(self.masked), "language": self.language, "covered": self.covered,
                "findings": [finding_dict(f) for f in self.findings]}


def finding_dict(finding: Any) -> dict:
    """A compliance finding as a plain dict, whether it is a dataclass, a pydantic model or a dict."""
    if isinstance(finding, dict):
        return dict(finding)
    if hasattr(finding, "model_dump"):
        return finding.model_dump(mode="json")
    fields = ("rule", "severity", "start", "end", "span", "message", "fix")
    return {name: getattr(finding, name, None) for name in fields}
