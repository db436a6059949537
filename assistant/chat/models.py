"""What the chat engine returns: a structured Answer (lead, steps, cautions, drafts, sections) with numbered
citations, warnings and compliance findings. The web page, the Markdown output and `--json` all render
these fields; nothing parses the rendered text back.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..guardrails.checker import Finding
from ..knowledge.schemas.chat import Intent
from ..knowledge.schemas.drafts import DraftKind

AnswerIntent = Intent | Literal["none"]  # "none": no answer path ran (empty, refused or failed input)


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


class Draft(BaseModel):
    """Something the user asked us to write, ready to copy: a caption, a bio, a reply, a script, hashtags, a plan."""

    kind: DraftKind
    platform: str | None = None
    title: str = ""  # what it is, in plain words ("Instagram caption: sunscreen in winter")
    text: str
    hashtags: list[str] = Field(default_factory=list)
    alternatives: list[str] = Field(default_factory=list)  # other versions (tones, review-reply options)
    notes: list[str] = Field(default_factory=list)  # how to use it: limits, consent, where to send it
    # How many of the first notes say what the request asked that was not made (no 31 February, 300 posts): shown
    # right under the title, where they are read, not after a long plan.
    alerts: int = Field(default=0, ge=0)
    card: str | None = None  # the answer card whose advice must follow this draft, whatever the question matches
    guide: str | None = None  # the card whose advice follows it when no card fits the question well (else its kind's)

    def public(self) -> dict:
        return {
            "kind": self.kind,
            "platform": self.platform,
            "text": self.text,
            "hashtags": list(self.hashtags),
            "title": self.title,
            "alternatives": list(self.alternatives),
            "notes": list(self.notes),
            "alerts": self.alerts,
        }


class Section(BaseModel):
    """A whole guide section quoted as part of an answer, with its citation number."""

    title: str
    heading: str
    text: str
    n: int


class Part(BaseModel):
    """One answer card's part of an answer (two for a two-part question)."""

    card_id: str
    title: str  # the card's question as written first
    heading: str = ""  # the asker's own words for this part, when a message asks two questions (its heading)
    question: str  # the card's wording that matched
    lead: str
    steps: list[str] = Field(default_factory=list)
    watch_out: list[str] = Field(default_factory=list)
    note: str = ""  # a variant's added sentence
    variant: dict[str, Any] = Field(default_factory=dict)  # which variant applied ({"country": ["GB"]})
    confidence: float = 0.0


class TopicIdeas(BaseModel):
    """A few topic ideas from the asker's specialty file, shown after an answer about what to post."""

    specialty: str  # the specialty's id
    heading: str
    items: list[str] = Field(default_factory=list)


class Answer(BaseModel):
    """One answer. `text` is its Markdown rendering (already sanitized); `warnings` are {"rule", "message"} dicts.

    The structure: `lead` (the direct answer), `steps`, `watch_out`, `drafts` (first when the user asked us to
    write something), `parts` (one per answer card), `sections` (whole guide sections when no card fits),
    `sources` (numbered; [n] in the text points at them) and `notices` (what the user should know about how
    the answer was made, e.g. patient data masked).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    text: str
    body: str = ""  # the Markdown without the drafts and the Sources list (pages show those as widgets)
    lead: str = ""
    steps: list[str] = Field(default_factory=list)
    watch_out: list[str] = Field(default_factory=list)
    drafts: list[Draft] = Field(default_factory=list)
    parts: list[Part] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    related: list[dict[str, str]] = Field(default_factory=list)  # {"card_id", "question"} follow-ups
    ideas: TopicIdeas | None = None  # topic ideas for the asker's specialty (answers about what to post)
    notices: list[str] = Field(default_factory=list)
    card_id: str | None = None
    confidence: float = 0.0
    specialty: str | None = None  # the specialty the answer was fitted to, if any
    country: str | None = None
    sources: list[Citation] = Field(default_factory=list)
    warnings: list[dict] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    provider: str = "offline"
    intent: AnswerIntent = "strategy"
    fallback_notice: str | None = None
    masked: list[str] = Field(default_factory=list)  # kinds of patient data masked, e.g. ["name", "phone number"]
    question: str = ""  # what the user typed, kept so nothing is lost when a provider fails
    language: str = "en"
    covered: bool = True  # False when the knowledge base does not cover the question
    model: str = ""

    def public(self) -> dict:
        """The CLI/JSON shape: answer, sources, warnings, provider, intent (plus a few extra fields)."""
        return {
            "answer": self.text,
            "sources": [c.public() for c in self.sources],
            "warnings": [{"rule": w.get("rule", ""), "message": w.get("message", "")} for w in self.warnings],
            "provider": self.provider,
            "intent": self.intent,
            "fallback_notice": self.fallback_notice,
            "masked": list(self.masked),
            "language": self.language,
            "covered": self.covered,
            "findings": [finding_dict(f) for f in self.findings],
            "lead": self.lead,
            "steps": list(self.steps),
            "watch_out": list(self.watch_out),
            "drafts": [d.public() for d in self.drafts],
            "parts": [p.model_dump() for p in self.parts],
            "sections": [s.model_dump() for s in self.sections],
            "related": list(self.related),
            "notices": list(self.notices),
            "card_id": self.card_id,
            "confidence": round(self.confidence, 3),
            "specialty": self.specialty,
            "country": self.country,
            "ideas": self.ideas.model_dump() if self.ideas else None,
        }


def finding_dict(finding: Any) -> dict:
    """A compliance finding as a plain dict, whether it is a dataclass, a pydantic model or a dict."""
    if isinstance(finding, dict):
        return dict(finding)
    if hasattr(finding, "model_dump"):
        return finding.model_dump(mode="json")
    fields = ("rule", "severity", "start", "end", "span", "message", "fix")
    return {name: getattr(finding, name, None) for name in fields}
