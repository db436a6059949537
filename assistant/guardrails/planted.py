"""Passages planted in a guide: advertisements and instructions aimed at the reader or the model (OWASP LLM08).

A guide is trusted text: whatever it says can become an answer's lead. A paragraph that sells something ("buy
fifty 5-star reviews from ...") or tells the model what to say is therefore left out of the index as a whole
and reported by the knowledge validator, instead of being quoted to doctors. A sentence that warns against the
same thing ("never buy reviews: the FTC fines it") is guidance, not a plant. Patterns are in
knowledge/data/guardrails.yaml (`planted`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._data import any_of, guardrail_data
from .injection import looks_like_injection

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
# Quoted words are examples being discussed ("ask about 20% off" shown as what not to send), not the guide's voice.
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')


@dataclass(frozen=True)
class PlantedPassage:
    """One paragraph left out of the index, and why (in plain words)."""

    text: str
    reason: str  # "advertisement" or "instruction to the reader or the model"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    terms = guardrail_data().planted
    return any_of(terms.promotion), any_of(terms.instruction), any_of(terms.warnings)


def planted_reason(paragraph: str, injection: bool = True) -> str | None:
    """Why `paragraph` reads as planted ("advertisement", "instruction ..."), or None when it is guidance.

    `injection=False` leaves out classic prompt injection ("ignore previous instructions"): answers already
    drop such sentences one by one and tell the user (chat/turn.py), keeping the rest of the passage.
    """
    promotion, instruction, warning = _patterns()
    if injection and looks_like_injection(paragraph):
        return "instruction to the reader or the model"
    for sentence in _SENTENCE.findall(_QUOTED.sub('""', paragraph)):
        if warning.search(sentence):
            continue
        if promotion.search(sentence):
            return "advertisement"
        if instruction.search(sentence):
            return "instruction to the reader or the model"
    return None


def find_planted(body: str) -> list[PlantedPassage]:
    """The planted paragraphs of a guide's Markdown body, in order."""
    found = []
    for paragraph in _PARAGRAPH_BREAK.split(body):
        reason = planted_reason(paragraph) if paragraph.strip() and not paragraph.lstrip().startswith("#") else None
        if reason:
            found.append(PlantedPassage(" ".join(paragraph.split()), reason))
    return found


def without_planted(body: str) -> str:
    """`body` without advertisements and instructions to the model (headings and other paragraphs as written)."""
    parts = _PARAGRAPH_BREAK.split(body)
    kept = [p for p in parts if not p.strip() or p.lstrip().startswith("#") or not planted_reason(p, injection=False)]
    return body if len(kept) == len(parts) else "\n\n".join(kept)
