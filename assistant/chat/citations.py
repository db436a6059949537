"""Citations: [n] markers in an answer mapped to the passages it was given.

A model can cite a source that does not exist ([9] when it saw five passages); such markers are removed
and reported, so every [n] a clinic sees leads to real guidance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .models import Citation

# [3], [1, 2], [1][2]; not [text](link) and not footnote-like [^1].
_MARKER = re.compile(r"\s?\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\](?!\()")


def citation_from(n: int, passage) -> Citation:
    """A Citation numbered n for a retrieved Passage (its first source's URL, if any)."""
    url = str(passage.sources[0].get("url", "")) if passage.sources else ""
    return Citation(
        n=n, doc_id=passage.doc_id, title=passage.title, heading=passage.heading, url=url, passage=passage.text
    )


def clean_citations(text: str, valid: Iterable[int]) -> tuple[str, list[int], list[int]]:
    """(text without markers to unknown numbers, numbers cited in order of first use, numbers removed)."""
    valid = set(valid)
    used: list[int] = []
    removed: list[int] = []

    def fix(match: re.Match[str]) -> str:
        numbers = [int(x) for x in re.split(r"\s*[,;]\s*", match.group(1))]
        keep = [n for n in numbers if n in valid]
        removed.extend(n for n in numbers if n not in valid and n not in removed)
        used.extend(n for n in keep if n not in used)
        if not keep:
            return ""
        lead = " " if match.group(0).startswith((" ", "\t")) else ""
        return lead + "".join(f"[{n}]" for n in keep)

    return _MARKER.sub(fix, text), used, removed


def cited_sources(passages: Sequence, numbers: Iterable[int]) -> list[Citation]:
    """Citations for the given 1-based passage numbers, in ascending order."""
    return [citation_from(n, passages[n - 1]) for n in sorted(set(numbers)) if 1 <= n <= len(passages)]


def sources_markdown(citations: Sequence[Citation], heading: str) -> str:
    """The "Sources" block: one numbered line per citation, title › heading and the link."""
    if not citations:
        return ""
    lines = [heading, ""]
    for c in citations:
        section = c.title if c.heading == c.title else f"{c.title} › {c.heading}"
        link = f" — {c.url}" if c.url else ""
        lines.append(f"[{c.n}] {section} ({c.doc_id}){link}  ")
    return "\n".join(lines).rstrip()
