"""Hashtags for a narrower field than a specialty ("a paediatric dentist"): a tag for the field itself, then the
bank's tags that both specialties share (children's oral-health campaigns for paediatric dentistry)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..planners.hashtags import camel_tag
from ..retrieval import tokenize

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase


def narrowing_word(kb: KnowledgeBase, text: str, specialty: str) -> tuple[str, str] | None:
    """A word naming another specialty that narrows this one, said just before this one's name ("paediatric"
    dentist, "perinatal" mental health): (word, that specialty). A word elsewhere ("a peer support service") names
    nothing about the field."""
    spec = kb.specialty(specialty)
    own = {w for n in (spec.name, *spec.aliases) for w in tokenize(n)}
    words = tokenize(text)
    for word, following in zip(words, words[1:], strict=False):
        if len(word) < 6 or word in own or following not in own:
            continue
        for other in kb.specialties.values():
            names = (w for n in (other.name, *other.aliases) for w in tokenize(n))
            if other.id != specialty and any(n.startswith(word) for n in names):
                return word, other.id
    return None


def narrower_tags(kb: KnowledgeBase, specialty: str, word: str, other: str, fallback: list[str]) -> list[str]:
    """A specialty tag for the narrower field (#PaediatricDentistry), then tags both specialties share."""
    body = kb.specialty(specialty).hashtags.specialty[0].lstrip("#")
    shared = [
        h.tag
        for h in kb.hashtags
        if not h.risky and specialty in h.specialties and other in h.specialties and h.category != "community"
    ]
    tags = [t for t in (camel_tag(f"{word} {body}"), *shared, *fallback) if t]
    return list(dict.fromkeys(tags))[: len(fallback) or 5]
