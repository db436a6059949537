"""Platform starter guide: an ordered checklist, a first-30-days plan and its sources, for one clinic."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pydantic import BaseModel

from .data import planning_data
from .topics import fits_platform

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..profile import ClinicProfile

# Heading patterns of the platform guides' sections (first match wins).
_SETUP = re.compile(r"set ?up|setting up|step by step|claim|creat|getting started|company page", re.I)
_THIRTY = re.compile(r"30 days|thirty days|first month", re.I)
_AVOID = re.compile(r"avoid|mistake|don't|do not", re.I)
_VERIFY = re.compile(r"\bverif", re.I)
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_LIMIT_LABELS = (
    ("name_chars", "Name"),
    ("bio_chars", "Bio / description"),
    ("title_chars", "Video or post title"),
    ("caption_chars", "Post text"),
    ("caption_visible_chars", 'Text shown before "more"'),
)


class Step(BaseModel):
    title: str
    details: str


class StarterGuide(BaseModel):
    platform: str
    steps: list[Step]
    first_30_days: list[str]
    sources: list[dict]


def sections(markdown: str) -> list[tuple[str, str]]:
    """(heading, text) for each `##` or `###` section of a guide body."""
    parts = re.split(r"^#{2,3}\s+(.+?)\s*$", markdown, flags=re.M)
    return [(parts[i].strip(), parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2)]


def items(text: str) -> list[str]:
    """List items of a section (continuation lines joined); its paragraphs when it has no list."""
    found: list[str] = []
    for line in text.splitlines():
        match = _ITEM.match(line)
        if match:
            found.append(match.group(1).strip())
        elif found and line.startswith((" ", "\t")) and line.strip():
            found[-1] += " " + line.strip()
    if not found:
        found = [p.strip().replace("\n", " ") for p in re.split(r"\n\s*\n", text) if p.strip()]
    return [re.sub(r"\*\*(.+?)\*\*", r"\1", f) for f in found]


def intro(text: str) -> str:
    """The first paragraph of a section, when it comes before the section's list."""
    first = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0].strip()
    return "" if not first or _ITEM.match(first.splitlines()[0]) else first.replace("\n", " ")


def _section(secs, pattern) -> str:
    return next((text for heading, text in secs if pattern.search(heading)), "")


def _step(item: str) -> Step:
    """A guide's list item as a step: a lead-in before ':' or '.' becomes the title; a short item is the
    title on its own; a long one is titled by its first clause."""
    match = re.match(r"(.{3,90}?)(?::\s|\.\s)(.+)", item)
    if match:
        return Step(title=match.group(1).strip(), details=match.group(2).strip())
    if len(item) <= 140:
        return Step(title=item.rstrip("."), details="")
    clause = re.match(r"(.{20,100}?)[,;]\s", item)
    title = clause.group(1) if clause else item[:99].rsplit(" ", 1)[0] + "…"
    return Step(title=title, details=item)


def _profile_step(plat, text) -> Step:
    limits = [
        f"{label}: {getattr(plat.limits, key)} characters"
        for key, label in _LIMIT_LABELS
        if getattr(plat.limits, key) is not None
    ]
    return Step(title=text.profile_title, details="; ".join(limits) + ".")


def _cadence_step(data, plat, profile: ClinicProfile, text) -> Step:
    share = len(set(profile.platforms) | {plat.id})
    minutes = profile.hours_per_week * 60 / share
    plannable = [f for f in plat.formats if f.kind in data.plannable_kinds] or list(plat.formats)
    typical = sorted(data.minutes(f) for f in plannable)[len(plannable) // 2]
    fit = int(minutes // typical)
    cad = plat.cadence
    posts = max(1, min(fit, cad.max_per_week))
    detail = (
        f"With about {minutes / 60:.1f} h a week for {plat.name} and ~{typical} min per post, plan {posts} "
        f"post(s) a week. Benchmark: {cad.min_per_week}-{cad.max_per_week} a week ({cad.note})"
    )
    if fit < cad.min_per_week:
        detail += " Your time is below the benchmark: keep to a steady rhythm and batch the work."
    return Step(title=text.cadence_title, details=detail)


def _times_step(plat, profile: ClinicProfile, text) -> Step:
    windows = "; ".join(f"{', '.join(d.capitalize() for d in w.days)} at {', '.join(w.times)}" for w in plat.best_times)
    return Step(
        title=text.times_title, details=f"{windows} (your local time, {profile.timezone}). {plat.best_times_note}"
    )


def _first_posts(data, spec, plat, text) -> Step:
    fitting = [t for t in spec.topics if fits_platform(t, plat, data.format_hints)]
    chosen: list[str] = []
    pillars: set[str] = set()
    for topic in fitting:  # three topics from three different pillars
        if topic.pillar not in pillars and len(chosen) < 3:
            chosen.append(topic.title)
            pillars.add(topic.pillar)
    return Step(
        title=text.first_posts_title,
        details="A welcome post (who you are, what you treat, how to book), then: " + "; ".join(chosen) + ".",
    )


def _hashtag_step(plat, text) -> Step:
    rules = plat.hashtags
    details = rules.note
    if rules.max:
        details += (
            f" Recommended: {rules.recommended_min}-{rules.recommended_max} per post, never more than {rules.max}."
        )
    return Step(title=text.hashtags_title, details=details)


def _avoid_step(data, secs, spec, text) -> Step:
    avoid = items(_section(secs, _AVOID)) or list(text.avoid_default)
    avoid += [c.text for c in spec.cautions]
    return Step(title=text.avoid_title, details=" ".join(a if a.endswith(".") else a + "." for a in avoid))


def _sources(kb: KnowledgeBase, plat, guide) -> list[dict]:
    out = [{"doc_id": guide.id, "title": guide.meta.title}]
    for src in (*guide.meta.sources, *plat.sources, plat.best_times_source, plat.cadence.source, plat.hashtags.source):
        out.append({"title": src.title, "url": str(src.url), "year": src.year})
    unique = {s.get("url") or s.get("doc_id"): s for s in out}
    return list(unique.values())


def start_guide(kb: KnowledgeBase, platform: str, profile: ClinicProfile) -> StarterGuide:
    """An ordered checklist for starting on `platform`, fitted to the clinic's specialty and time."""
    plat, spec, data = kb.platform(platform), kb.specialty(profile.specialty), planning_data(kb)
    text = data.starter
    guide = kb.guide(plat.guide)
    secs = sections(guide.body)
    setup_text = _section(secs, _SETUP)
    setup, lead = items(setup_text), intro(setup_text)
    if not lead and setup:
        lead, setup = setup[0], setup[1:]
    steps = [Step(title=text.account_title, details=lead or plat.audience)]
    steps += [_step(s) for s in setup[:8]]
    verify = next((s for s in items(guide.body) if _VERIFY.search(s)), None)
    if not any(_VERIFY.search(s) for s in setup):
        steps.append(Step(title=text.verification_title, details=verify or text.verification_default))
    steps += [
        _profile_step(plat, text),
        _first_posts(data, spec, plat, text),
        _cadence_step(data, plat, profile, text),
        _times_step(plat, profile, text),
        _hashtag_step(plat, text),
        _avoid_step(data, secs, spec, text),
    ]
    first_30 = items(_section(secs, _THIRTY)) or list(text.first_30_days_default)
    return StarterGuide(platform=plat.id, steps=steps, first_30_days=first_30, sources=_sources(kb, plat, guide))
