"""Split guide passages into sentences, list items and templates (to drop instruction-like sentences from a
passage before anything quotes it), and the content words used to compare texts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..retrieval import tokenize

UnitKind = Literal["sentence", "item", "template"]
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+")
_BOLD_LABEL = re.compile(r"^\*\*[^*]{2,80}\*\*:?$")
# A sentence ends at . ! ? followed by a capital, a quote or markup; common abbreviations and initials don't end one.
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)"
    r"(?<!\bSt\.)(?<!\bvs\.)(?<!\b[A-Z]\.)|(?<=[.!?][\"”’)]))\s+(?=[A-Z0-9\"“*(\[])"
)
MIN_WORDS = 6
# "See “Patient consent” for the checklist": a pointer to another guide, not guidance to quote.
_CROSS_REFERENCE = re.compile(r"^\(?see\b|\bsee (?:the )?“", re.IGNORECASE)
MAX_WORDS = 70


@dataclass(frozen=True)
class Unit:
    """A quotable piece of a passage."""

    text: str
    kind: UnitKind
    lead: str  # the line introducing a list ("Do:") or a template's label; "" if none
    block: int  # units of one list share a block number
    position: int
    tokens: frozenset[str]

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_example(self) -> bool:
        """A quoted example wording (good or bad), meaningful only next to its lead-in."""
        return self.text.lstrip("*_ ").startswith(('"', "“", "'"))


def _root(word: str) -> str:
    """A little more stemming than retrieval's, for matching phrasings: waiting/wait, replied/reply."""
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 5 and word.endswith("ied"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    return word


def terms(text: str) -> list[str]:
    """Content words for scoring: retrieval's tokens with -ing and -ed endings removed."""
    return [_root(t) for t in tokenize(text)]


def _sentences(paragraph: str) -> list[str]:
    flat = " ".join(paragraph.split())
    return [s.strip() for s in _SENTENCE_END.split(flat) if s.strip()]


def _unit(text: str, kind: UnitKind, lead: str, block: int, position: int) -> Unit:
    return Unit(text, kind, lead, block, position, frozenset(terms(f"{lead} {text}" if kind != "sentence" else text)))


def _paragraph_units(lines: list[str], lead: str, block: int, start: int) -> tuple[list[Unit], str]:
    """Units of one paragraph, and the lead-in it leaves for a list that follows."""
    units: list[Unit] = []
    if _BOLD_LABEL.match(lines[0].strip()) and len(lines) > 1:  # "**Wait-time complaint**" + the wording
        body = " ".join(line.strip() for line in lines[1:])
        return [_unit(body, "template", lines[0].strip().strip("*: "), block, start)], ""
    if all(_BULLET.match(line) for line in lines if line.strip()):
        for i, line in enumerate(line for line in lines if line.strip()):
            units.append(_unit(_BULLET.sub("", line).strip(), "item", lead, block, start + i))
        return units, ""
    sentences = _sentences(" ".join(lines))
    for i, sentence in enumerate(sentences):
        units.append(_unit(sentence, "sentence", "", block, start + i))
    next_lead = sentences[-1] if sentences and sentences[-1].endswith(":") else ""
    return units, next_lead


def split_units(text: str) -> list[Unit]:
    """Sentences, list items (with their lead-in line) and templates of a passage, in order."""
    units: list[Unit] = []
    lead = ""
    for block, paragraph in enumerate(re.split(r"\n\s*\n", text)):
        lines = [line for line in paragraph.splitlines() if line.strip() and not line.lstrip().startswith("|")]
        if not lines or lines[0].lstrip().startswith("#"):  # headings, and tables (cells make no sentences)
            continue
        found, lead = _paragraph_units(lines, lead, block, len(units))
        units.extend(found)
    return units
