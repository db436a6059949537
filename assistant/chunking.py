"""Split guides into retrieval chunks by Markdown heading, each carrying its document's title and metadata.

A chunk is the unit the index embeds and the retriever returns, so each one must stand on its own: it keeps
the guide title and its heading (`Section › Subsection` for `###`), and long sections are split on
paragraph boundaries so no chunk dilutes its embedding with several topics.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from .guardrails.planted import without_planted
from .knowledge.models import Guide

MAX_WORDS = 250  # long sections are split on paragraphs to stay near this size
MIN_WORDS = 12  # a shorter piece (e.g. a one-line lead-in before `###`) joins the next chunk
_HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


class Chunk(BaseModel):
    """One retrievable passage of a guide."""

    model_config = ConfigDict(frozen=True)

    chunk_id: str  # "<doc_id>#<n>"
    doc_id: str
    title: str
    heading: str
    text: str
    category: str
    topics: tuple[str, ...]
    platforms: tuple[str, ...]
    specialties: tuple[str, ...]
    sources: tuple[dict, ...]  # {"title", "url", "year"}
    content_hash: str  # sha256 of doc_id + heading + text
    doc_hash: str  # sha256 of everything the guide contributes to the index; changes => re-embed the guide


def _sha(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")  # separator, so ("ab", "c") and ("a", "bc") differ
    return digest.hexdigest()


def _sections(body: str, title: str) -> list[tuple[str, str]]:
    """(heading, text) pairs in document order; text before the first heading is headed by the title."""
    sections: list[tuple[str, list[str]]] = [(title, [])]
    parent = ""
    in_fence = False
    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match is None:
            sections[-1][1].append(line)
            continue
        level, text = len(match.group(1)), match.group(2).strip()
        if level == 1:
            continue  # an H1 repeats the guide title, which every chunk already carries
        if level == 2:
            parent = text
            sections.append((text, []))
        else:
            sections.append((f"{parent} › {text}" if parent else text, []))
    return [(heading, "\n".join(lines).strip()) for heading, lines in sections]


def _merge_short(sections: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold near-empty sections (a lead-in line before subsections) into the following section."""
    out: list[tuple[str, str]] = []
    carry = ""
    for i, (heading, text) in enumerate(sections):
        text = f"{carry}\n\n{text}".strip() if carry else text
        carry = ""
        if len(text.split()) < MIN_WORDS and i < len(sections) - 1:
            carry = text
        elif text:
            out.append((heading, text))
    return out


def _split_words(paragraph: str, max_words: int) -> list[str]:
    words = paragraph.split()
    return [" ".join(words[i : i + max_words]) for i in range(0, len(words), max_words)]


def split_long(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Split text on blank lines into pieces of at most ~max_words words (a longer paragraph is cut)."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    pieces: list[str] = []
    current: list[str] = []
    count = 0
    for para in paragraphs:
        n = len(para.split())
        if n > max_words:
            pieces.extend(["\n\n".join(current)] if current else [])
            pieces.extend(_split_words(para, max_words))
            current, count = [], 0
            continue
        if current and count + n > max_words:
            pieces.append("\n\n".join(current))
            current, count = [], 0
        current.append(para)
        count += n
    if current:
        pieces.append("\n\n".join(current))
    return [p.strip() for p in pieces if p.strip()]


def _doc_hash(guide: Guide, pieces: list[tuple[str, str]]) -> str:
    meta = guide.meta.model_dump(mode="json", exclude={"summary", "updated"})
    return _sha(json.dumps(meta, sort_keys=True), *(f"{h}\n{t}" for h, t in pieces))


def chunk_guide(guide: Guide, max_words: int = MAX_WORDS) -> list[Chunk]:
    """Chunks of one guide, in document order."""
    meta = guide.meta
    body = without_planted(guide.body)  # advertisements and instructions planted in a guide are never indexed
    pieces = [
        (heading, piece)
        for heading, text in _merge_short(_sections(body, meta.title))
        for piece in split_long(text, max_words)
    ]
    doc_hash = _doc_hash(guide, pieces)
    return [
        Chunk(
            chunk_id=f"{meta.id}#{n}",
            doc_id=meta.id,
            title=meta.title,
            heading=heading,
            text=text,
            category=meta.category,
            topics=meta.topics,
            platforms=meta.platforms,
            specialties=meta.specialties,
            sources=_section_sources(guide, heading),
            content_hash=_sha(meta.id, heading, text),
            doc_hash=doc_hash,
        )
        for n, (heading, text) in enumerate(pieces)
    ]


def _section_sources(guide: Guide, heading: str) -> tuple[dict, ...]:
    """The guide's sources with the section's own source first (citations link the first)."""
    own = guide.source_for(heading)
    ordered = [own, *(s for s in guide.meta.sources if s is not own)]
    return tuple({"title": s.title, "url": str(s.url), "year": s.year} for s in ordered)


def chunk_guides(guides: Iterable[Guide], max_words: int = MAX_WORDS) -> list[Chunk]:
    """Chunks of all guides, grouped by guide in the order given."""
    return [chunk for guide in guides for chunk in chunk_guide(guide, max_words)]


def embedding_text(chunk: Chunk) -> str:
    """The text the index embeds: title and heading give a short section the context it lacks alone."""
    head = chunk.title if chunk.heading == chunk.title else f"{chunk.title}: {chunk.heading}"
    return f"{head}\n\n{chunk.text}"
