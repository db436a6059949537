"""Video ideas for a specialty: hook, outline, format and duration within each platform's limits."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..errors import InputError
from ..knowledge.models import Format, Platform
from .captions import team_phrase
from .data import planning_data

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

MAX_IDEAS = 50
_MYTH_PREFIX = re.compile(r"^myth\s*[:\-–]\s*", re.I)


class VideoIdea(BaseModel):
    title: str
    kind: str
    hook: str
    outline: list[str]
    format: str  # format names across the chosen platforms, e.g. "Reel / Short"
    formats: dict[str, str]  # platform id -> format id
    duration_s: int
    platforms: list[str]
    pillar: str
    cta: str
    compliance_note: str


def _video_platforms(kb: KnowledgeBase, platforms: Iterable[str] | None) -> list[Platform]:
    with_video = [p for p in kb.platforms.values() if p.takes_video]
    if platforms is None:
        return with_video
    chosen = list({kb.platform(p).id: kb.platform(p) for p in platforms}.values())
    chosen = [p for p in chosen if p in with_video]
    if not chosen:
        raise InputError(
            f"none of {list(platforms)} has a video format; choose from: {', '.join(p.id for p in with_video)}"
        )
    return chosen


def _generated(spec, data, kind: str) -> list[dict]:
    """Template ideas of one kind, built from the specialty's FAQs and topics."""
    tpl = data.video.templates.get(kind)
    if tpl is None:
        return []
    specialty = team_phrase(spec)[4:-5]  # "our dermatology team" -> "dermatology"
    first_pillar = spec.pillars[0].id
    if kind in ("faq", "embarrassing_question"):
        sources = [
            (f.question, f.pillar or first_pillar)
            for f in spec.faqs
            if f.embarrassing == (kind == "embarrassing_question")
        ]
    elif kind == "myth_vs_fact":
        sources = [
            (_MYTH_PREFIX.sub("", t.title), t.pillar)
            for t in spec.topics
            if _MYTH_PREFIX.match(t.title) or "myth" in t.pillar
        ]
    elif kind == "procedure_explainer":
        words = data.video.procedure_words
        sources = [(t.title, t.pillar) for t in spec.topics if any(w in t.title.lower() for w in words)]
    else:
        sources = [("", first_pillar)]
    return [
        {
            "title": tpl.title.format(question=text, topic=text, specialty=specialty),
            "hook": tpl.hook.format(question=text, topic=text, specialty=specialty),
            "outline": list(tpl.outline),
            "cta": tpl.cta,
            "kind": kind,
            "pillar": pillar,
            "needs_patient_consent": False,
        }
        for text, pillar in sources
    ]


def _ordered(spec, data) -> list[dict]:
    """Required kinds first (from the data, else from templates), then the rest, without duplicates."""
    own = [dict(v.model_dump(), outline=list(v.outline)) for v in spec.video_ideas]
    generated = {kind: _generated(spec, data, kind) for kind in data.video.templates}
    first = []
    for kind in data.video.required_kinds:
        pick = next((v for v in own if v["kind"] == kind), None) or next(iter(generated.get(kind, [])), None)
        if pick:
            first.append(pick)
    rest = chain(own, *zip(*[g for g in generated.values() if g]), *generated.values())
    seen, out = set(), []
    for idea in chain(first, rest):
        key = idea["title"].lower()
        if key not in seen:
            seen.add(key)
            out.append(idea)
    return out


def _format_for(plats: Iterable[Platform], target: int) -> tuple[dict[str, Format], int]:
    """Per platform: the shortest video format long enough for the target (else the longest one)."""
    chosen: dict[str, Format] = {}
    seconds = [target]
    for plat in plats:
        # every video format has max_seconds (the Format model requires it)
        videos = sorted(
            ((f.max_seconds, f) for f in plat.formats if f.kind == "video" and f.max_seconds), key=lambda pair: pair[0]
        )
        longest, fmt = next(((s, f) for s, f in videos if s >= target), videos[-1])
        chosen[plat.id] = fmt
        seconds.append(longest)
    return chosen, min(seconds)


def _note(data, idea: dict) -> str:
    notes = data.video.compliance
    text = " ".join([idea["title"], idea["hook"], *idea["outline"]]).lower()
    parts = []
    if idea.get("needs_patient_consent") or any(k in text for k in data.consent_keywords):
        parts.append(notes["consent"])
    if idea["kind"] in ("team_intro", "day_in_the_life") or "team" in text or "staff" in text:
        parts.append(notes["staff"])
    if idea["kind"] != "team_intro":
        parts.append(notes["general"])
    return " ".join(parts)


def video_ideas(kb: KnowledgeBase, specialty: str, platforms=None, count: int = 10) -> list[VideoIdea]:
    """`count` video ideas for the specialty, fitted to the platforms' video formats."""
    if not 1 <= count <= MAX_IDEAS:
        raise InputError(f"count must be between 1 and {MAX_IDEAS} (got {count})")
    spec, data = kb.specialty(specialty), planning_data(kb)
    plats = _video_platforms(kb, platforms)
    pillars = {p.id: p.name for p in spec.pillars}
    ideas = []
    for idea in _ordered(spec, data)[:count]:
        formats, duration = _format_for(plats, data.video.durations.get(idea["kind"], 45))
        ideas.append(
            VideoIdea(
                title=idea["title"],
                kind=idea["kind"],
                hook=idea["hook"],
                outline=idea["outline"],
                format=" / ".join(dict.fromkeys(f.name for f in formats.values())),
                formats={pid: f.id for pid, f in formats.items()},
                duration_s=duration,
                platforms=list(formats),
                pillar=pillars.get(idea["pillar"], idea["pillar"]),
                cta=idea["cta"],
                compliance_note=_note(data, idea),
            )
        )
    return ideas
