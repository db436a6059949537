"""The parts of an offline answer fitted to the clinic: its specialty's topics, FAQs and cautions, platform
facts, and a compact summary from the planners for structured intents.

Everything here is quoted from the knowledge base's data files or computed by the planners from them.
"""
from __future__ import annotations

import datetime as dt
import re
import textwrap

from ..errors import AssistantError
from .data import AnswerText
from .extract import terms

_QUOTED = re.compile(r"[\"“]([^\"”]{25,2000})[\"”]")
_REVIEW_SAYS = re.compile(r"\breview(?:er)?\s+(?:says?|said|wrote|reads?)\s*:?\s*(.{25,2000})$",
                          re.IGNORECASE | re.DOTALL)
PLANNER_INTENTS = ("start_platform", "editorial_plan", "hashtags", "video_ideas", "review_reply")


def _overlap(question: frozenset[str], text: str) -> int:
    return len(question & set(terms(text)))


def topic_ideas(spec, question: frozenset[str], limit: int = 3) -> list[str]:
    """Topic titles from the specialty: those sharing words with the question, else one per pillar."""
    scored = sorted(((_overlap(question, f"{t.title} {' '.join(t.keywords)}"), i, t)
                     for i, t in enumerate(spec.topics)), key=lambda x: (-x[0], x[1]))
    chosen = [t for score, _, t in scored if score > 0][:limit]
    if not chosen:
        seen: set[str] = set()
        for t in spec.topics:
            if t.pillar not in seen:
                seen.add(t.pillar)
                chosen.append(t)
    return [f"“{t.title}”" + (f" ({', '.join(t.formats[:2])})" if t.formats else "") for t in chosen[:limit]]


def faq_ideas(spec, question: frozenset[str], limit: int = 2) -> list[str]:
    """Patient questions from the specialty: matching ones first, then those patients are embarrassed to ask."""
    ranked = sorted(enumerate(spec.faqs),
                    key=lambda x: (-_overlap(question, x[1].question), not x[1].embarrassing, x[0]))
    return [f"“{f.question}”" for _, f in ranked[:limit]]


def cautions(spec, rules: list[set[str]], question: frozenset[str], limit: int = 2) -> list[str]:
    """The specialty's cautions about the rules of the best passages (`rules`, best passage first), or
    failing that sharing words with the question."""
    def key(item):
        i, c = item
        return [-len(r & set(c.rules)) for r in rules] + [-_overlap(question, c.text), i]
    ranked = sorted(enumerate(spec.cautions), key=key)
    found = [c for _, c in ranked if any(r & set(c.rules) for r in rules) or _overlap(question, c.text)]
    return [f"{c.text} ({', '.join(c.rules)})" if c.rules else c.text for c in found][:limit]


def specialty_lines(kb, spec_id: str, intent: str, question: frozenset[str], rules: list[set[str]],
                    text: AnswerText) -> list[str]:
    """The "For your practice" section as Markdown lines ([] when the specialty is unknown here)."""
    spec = kb.specialties.get(spec_id)
    if spec is None:
        return []
    lines: list[str] = []
    if intent in ("strategy", "editorial_plan", "video_ideas", "start_platform"):
        lines.append(f"- {text.phrase('topic_ideas')} " + "; ".join(topic_ideas(spec, question)))
        lines.append(f"- {text.phrase('faq_ideas')} " + "; ".join(faq_ideas(spec, question)))
    if intent in ("compliance", "review_reply") or any(rules):
        found = cautions(spec, rules, question)
        if found:
            lines.append(f"- {text.phrase('cautions', specialty=spec.name)}")
            lines.extend(f"  - {c}" for c in found)
    return [text.phrase("tailored", specialty=spec.name), "", *lines] if lines else []


def platform_lines(kb, platform_ids: list[str], intent: str, text: AnswerText) -> list[str]:
    """Cadence or hashtag facts for the platforms in question, from data/platforms.yaml."""
    lines = []
    for pid in platform_ids[:2]:
        plat = kb.platforms.get(pid)
        if plat is None:
            continue
        if intent in ("editorial_plan", "start_platform"):
            c = plat.cadence
            lines.append("- " + text.phrase("platform_cadence", platform=plat.name, low=c.min_per_week,
                                            high=c.max_per_week, note=c.note))
        elif intent == "hashtags":
            lines.append("- " + text.phrase("platform_hashtags", platform=plat.name, note=plat.hashtags.note))
    return lines


def quoted_review(question: str) -> str | None:
    """The review a user pasted into the question (in quotes, or after "review says:"), if any."""
    quoted = max(_QUOTED.findall(question), key=len, default=None)
    if quoted and len(quoted.split()) >= 4:
        return quoted.strip()
    match = _REVIEW_SAYS.search(question)
    return match.group(1).strip().strip("\"“”") if match else None


def _short(text: str, width: int = 180) -> str:
    return textwrap.shorten(" ".join(text.split()), width, placeholder=" …")


def _start(kb, profile, platforms, question):
    from ..planners.starter import start_guide
    guide = start_guide(kb, platforms[0], profile)
    return [f"{i}. **{s.title}** — {_short(s.details, 140)}" for i, s in enumerate(guide.steps[:6], 1)]


def _calendar(kb, profile, platforms, question):
    from ..planners.calendar import plan_calendar
    today = dt.date.today()
    start = today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)  # next Monday
    plan = plan_calendar(kb, profile, platforms[:3], start, weeks=2, posts_per_week=3)
    names = plan.platform_names
    return [f"- {p.date:%a %d %b} {p.time} · {names.get(p.platform, p.platform)} · {p.format_name}: {p.topic}"
            for p in plan.posts[:8]]


def _hashtags(kb, profile, platforms, question):
    from ..planners.hashtags import suggest_hashtags
    found = suggest_hashtags(kb, profile.specialty, platforms[0], city=profile.city or None, country=profile.country)
    notes = [f"- {n}" for n in found.notes[:2]]
    return [" ".join(found.tags), *notes] if found.tags else notes


def _videos(kb, profile, platforms, question):
    from ..planners.videos import video_ideas
    ideas = video_ideas(kb, profile.specialty, platforms or None, count=3)
    return [f"{i}. **{v.title}** — {v.hook} ({v.format}, about {v.duration_s} s)" for i, v in enumerate(ideas, 1)]


def _review(kb, profile, platforms, question):
    review = quoted_review(question)
    if review is None:
        return []
    from ..planners.reviews import draft_reply
    draft = draft_reply(review)
    if draft.kind == "reply":
        return ["> " + line for line in draft.reply.splitlines()]
    return [f"- {step}" for step in draft.guidance[:6]]


_PLANNERS = {"start_platform": _start, "editorial_plan": _calendar, "hashtags": _hashtags, "video_ideas": _videos,
             "review_reply": _review}


def planner_lines(kb, intent: str, profile, platforms: list[str], question: str, text: AnswerText) -> list[str]:
    """A compact planner summary for a structured intent, with a pointer to the full output ([] if none)."""
    planner = _PLANNERS.get(intent)
    if planner is None or (intent in ("start_platform", "hashtags") and not platforms):
        return []
    try:
        body = planner(kb, profile, platforms, question)
    except (ImportError, AssistantError, ValueError):
        return []  # a planner that is missing or cannot serve this profile leaves the rest of the answer intact
    if not body:
        return []
    first = kb.platforms.get(platforms[0]) if platforms else None
    values = {"platform": first.id if first else "instagram", "specialty": profile.specialty,
              "platforms": ",".join(platforms) or "instagram", "start": dt.date.today().isoformat()}
    title = text.planner_titles[intent].format(platform=first.name if first else "")
    return [text.phrase("planner", title=title), "", *body, "", text.pointers[intent].format(**values)]
