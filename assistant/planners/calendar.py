"""Editorial calendar: dated posts for a clinic across its platforms, with captions, hashtags and checks.

Capacity policy: the clinic's requested number of posts is kept. Formats are chosen to fit the stated
hours per week (lighter formats when time is short); if even the lightest formats do not fit, the plan
says so in its notes, with a sustainable weekly count and batching/repurposing advice.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..errors import InputError
from . import compliance
from .captions import copy_captions, draft_caption, message_text, profile_values, tone_order, variants
from .closures import move_off_holidays, public_holidays
from .data import planning_data
from .hashtags import suggest_hashtags
from .notes import plan_notes
from .schedule import Slot, observances_in, place_observances, week_slots, weekly_counts
from .topics import TopicPicker, focus_words, short_name

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..profile import ClinicProfile

MAX_WEEKS, MAX_POSTS_PER_WEEK = 52, 21


class Post(BaseModel):
    date: dt.date
    time: str  # HH:MM, local time in Plan.timezone
    platform: str
    pillar: str
    format: str
    topic: str
    caption: str
    hashtags: list[str]
    awareness: dict | None = None  # {"name", "date"} (+ "end" for a week or month, "hashtag")
    sources: list[dict]
    warnings: list[dict]
    week: int  # 1-based week of the plan
    format_name: str
    minutes: int  # estimated production time
    alt_text: str = ""  # for the image, from the authored copy
    brief: str = ""  # the image or shot to make
    slides: list[str] = []  # carousel slide text, when the topic has it
    script: str | None = None  # a 30-60 second video script, when the topic has one


class Plan(BaseModel):
    posts: list[Post]
    notes: list[str]
    specialty: str
    specialty_name: str
    timezone: str
    seed: int
    start: dt.date
    weeks: int
    platforms: list[str]
    platform_names: dict[str, str]


def _validate(weeks: int, posts_per_week: int, start) -> None:
    if not 1 <= weeks <= MAX_WEEKS:
        raise InputError(f"weeks must be between 1 and {MAX_WEEKS} (got {weeks})")
    if not 1 <= posts_per_week <= MAX_POSTS_PER_WEEK:
        raise InputError(f"posts per week must be between 1 and {MAX_POSTS_PER_WEEK} (got {posts_per_week})")
    if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
        raise InputError("start must be a date (YYYY-MM-DD)")


def _platforms(kb: KnowledgeBase, platforms) -> list:
    if not platforms:
        raise InputError(f"choose at least one platform: {', '.join(kb.platforms)}")
    found = {kb.platform(p).id: kb.platform(p) for p in platforms}  # raises for an unknown name
    return list(found.values())


def _slots(plats, start: dt.date, weeks: int, per_week: int, rng: random.Random) -> list[Slot]:
    slots: list[Slot] = []
    for week in range(weeks):
        counts = weekly_counts(plats, per_week, week)
        for plat in plats:
            slots += week_slots(plat, counts.get(plat.id, 0), week, start + dt.timedelta(days=7 * week), rng)
    return slots


def _choose_format(plat, topic, last: str | None, per_slot: float, data, unwritten: frozenset[str] = frozenset()):
    """Hinted formats first, not the one used last time on this platform, affordable in the time left. Formats of
    an `unwritten` kind (a carousel when the topic's copy has no slides, a video when it has no script) come last:
    a "Carousel" post with no slides leaves the clinic to write them."""
    plannable = [f for f in plat.formats if f.kind in data.plannable_kinds] or list(plat.formats)
    hinted = [f for h in topic.formats for f in plannable if f.id == h]
    hinted += [f for h in topic.formats for f in plannable if data.format_hints.get(h) == f.kind]
    order = list(dict.fromkeys(hinted + plannable))
    order = [f for f in order if f.id != last] + [f for f in order if f.id == last]
    order = [f for f in order if f.kind not in unwritten] + [f for f in order if f.kind in unwritten]
    affordable = [f for f in order if data.minutes(f) <= per_slot]
    return (affordable or sorted(order, key=data.minutes))[0], not affordable or affordable[0] is not order[0]


def _topics(slots: list[Slot], picker: TopicPicker, by_id: dict) -> list[tuple]:
    """(bank topic, topic text) per slot: observance slots first so they get the matching topics."""
    chosen: dict[int, tuple] = {}
    for i, slot in enumerate(slots):
        if slot.observance is not None:
            topic, about_it = picker.for_observance(slot.observance, slot.date.month)
            topic = topic or picker.next(by_id[slot.platform], slot.date.month)
            name = short_name(slot.observance)
            if not about_it:  # the post is about the day itself (its own authored copy, when written)
                text = picker.data.awareness_topic.format(name=name)
            elif name.lower() in topic.title.lower():
                text = topic.title
            else:
                text = f"{name} - {topic.title}"
            chosen[i] = (topic, text)
    for i, slot in enumerate(slots):
        if i not in chosen:
            topic = picker.next(by_id[slot.platform], slot.date.month)
            chosen[i] = (topic, topic.title)
    return [chosen[i] for i in range(len(slots))]


def _sources(kb: KnowledgeBase, data, plat, pillar, observance) -> list[dict]:
    guide_ids = {g.id for g in kb.guides}
    wanted = [plat.guide]
    wanted += [gid for key, gid in data.pillar_guides.items() if key in f"{pillar.id} {pillar.name}".lower()]
    wanted += [g for g in data.default_guides if g in guide_ids][:1]
    out = [{"doc_id": g, "title": kb.guide(g).meta.title} for g in dict.fromkeys(wanted) if g in guide_ids]
    if observance is not None:
        src = observance.source
        out.append({"title": src.title, "url": str(src.url), "year": src.year})
    return out


def _warnings(
    data, caption: str, hashtags: list[str], topic_text: str, pillar, country: str | None, platform
) -> list[dict]:
    from ..guardrails.limits import limit_findings

    warnings = [
        f.model_dump(include={"rule", "severity", "span", "message", "fix", "name"})
        for f in limit_findings(caption, platform, hashtags)
    ]
    warnings += compliance.check(message_text(caption, hashtags), kind="caption", country=country)
    about = f"{topic_text} {pillar.id} {pillar.name}".lower()
    if any(k in about for k in data.consent_keywords):
        warnings.append(data.consent_warning.model_dump())
    return warnings


def _awareness(slot: Slot) -> dict | None:
    if slot.observance is None or slot.span is None:
        return None
    first, last = slot.span
    out = {"name": slot.observance.name, "date": first.isoformat()}
    if last != first:
        out["end"] = last.isoformat()
    if slot.observance.hashtag:
        out["hashtag"] = slot.observance.hashtag
    return out


def _posts(
    kb: KnowledgeBase, data, spec, profile: ClinicProfile, by_id, slots, topics, budget: float, seed: int
) -> tuple[list[Post], bool]:
    """Posts week by week; each format is chosen to fit the time left in its week."""
    pillars = {p.id: p for p in spec.pillars}
    posts: list[Post] = []
    last: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()  # (platform id, message) already used
    lightened = False
    for week in sorted({s.week for s in slots}):
        idx = [i for i, s in enumerate(slots) if s.week == week]
        left = budget
        for n, i in enumerate(idx):
            slot, (topic, text) = slots[i], topics[i]
            plat = by_id[slot.platform]
            copy = _topic_copy(kb, data, spec, slot, text, topic)
            unwritten = frozenset() if copy is None else _unwritten(copy)
            fmt, light = _choose_format(plat, topic, last.get(plat.id), left / (len(idx) - n), data, unwritten)
            lightened |= light
            last[plat.id] = fmt.id
            left -= data.minutes(fmt)
            posts.append(
                _post(
                    kb, data, spec, profile, plat, pillars[topic.pillar], slot, text, topic, fmt, i + seed, seen, copy
                )
            )
    return posts, lightened


def _topic_copy(kb: KnowledgeBase, data, spec, slot: Slot, text: str, topic):
    """The topic's authored copy for this specialty, or None (also for a post about an awareness day itself)."""
    obs = slot.observance
    if obs is not None and text == data.awareness_topic.format(name=short_name(obs)):
        return None
    return kb.copy.get(spec.id, {}).get(topic.title)


def _unwritten(copy) -> frozenset[str]:
    """The format kinds a topic's copy leaves unwritten: carousel without slides, video without a script."""
    return frozenset({*(() if copy.slides else ("carousel",)), *(() if copy.script is not None else ("video",))})


def plan_calendar(
    kb: KnowledgeBase,
    profile: ClinicProfile,
    platforms,
    start: dt.date,
    weeks: int,
    posts_per_week: int,
    seed: int = 0,
    focus: str = "",
) -> Plan:
    """Plan `weeks` weeks of posts from `start` across `platforms` for the clinic in `profile`; topics about what
    `focus` names (the request, in the clinic's words) come first within each pillar."""
    _validate(weeks, posts_per_week, start)
    spec, plats, data = kb.specialty(profile.specialty), _platforms(kb, platforms), planning_data(kb)
    by_id = {p.id: p for p in plats}
    rng = random.Random(f"{seed}:{spec.id}")  # string seeds hash the same way in every process
    end = start + dt.timedelta(days=7 * weeks - 1)
    slots = _slots(plats, start, weeks, posts_per_week, rng)
    closed = public_holidays(profile.country, profile.region, start, end + dt.timedelta(days=7))
    # A post a day keeps its post on a public holiday: every day has one, so there is no free day to move it to.
    skipped = move_off_holidays(slots, closed) if posts_per_week < 7 else []
    # At most one awareness post a week (two from six posts up), so observances never crowd out the pillars.
    place_observances(
        slots, observances_in(kb, spec, profile.country, start, end), start, 1 if posts_per_week <= 5 else 2
    )
    order = {p.id: i for i, p in enumerate(plats)}
    slots.sort(key=lambda s: (s.date, s.time, order[s.platform]))
    picker = TopicPicker(kb, spec, data, rng, profile.country, focus_words(focus))
    topics = _topics(slots, picker, by_id)
    budget = profile.hours_per_week * 60
    posts, lightened = _posts(kb, data, spec, profile, by_id, slots, topics, budget, seed)
    notes = plan_notes(data, spec, profile, plats, posts, posts_per_week, budget, lightened, picker)
    if skipped:
        notes.append(
            "No posts on public holidays: "
            + ", ".join(skipped)
            + "; those posts move to another working day of the same week."
        )
    return Plan(
        posts=posts,
        notes=notes,
        specialty=spec.id,
        specialty_name=spec.name,
        timezone=profile.timezone,
        seed=seed,
        start=start,
        weeks=weeks,
        platforms=[p.id for p in plats],
        platform_names={p.id: p.name for p in plats},
    )


def _caption(data, spec, plat, text: str, index: int, obs, tags: list[str], seen: set[tuple[str, str]]) -> str:
    """The first caption variant whose published message is new on this platform (schedulers such as
    Hootsuite refuse duplicate messages, and followers notice them)."""
    for k in range(variants(data, plat)):
        caption = draft_caption(data, spec, plat, text, index + k, obs, tags)
        if (plat.id, message_text(caption, tags)) not in seen:
            break
    seen.add((plat.id, message_text(caption, tags)))
    return caption


def _authored(copy, plat, profile: ClinicProfile, obs, tags: list[str], seen: set) -> str | None:
    """The first authored caption for this topic not yet used on this platform (None: no copy, or all used)."""
    if copy is None:
        return None
    for caption in copy_captions(copy, plat, profile_values(profile), tone_order(profile), obs):
        if caption not in seen:  # no two posts of a plan share a caption, whatever their platforms
            seen.add(caption)
            return caption
    return None


def _day_caption(day_copy, plat, profile: ClinicProfile, seen: set) -> str | None:
    """The authored post about an awareness day itself, when the specialty's bank has no topic about it."""
    from ..knowledge.copy import fill

    if day_copy is None:
        return None
    caption = fill(f"{day_copy.hook}\n\n{day_copy.body}\n\n{day_copy.cta}", profile_values(profile))
    if caption in seen or len(caption) > plat.limits.caption_chars:
        return None
    seen.add(caption)
    return caption


def _script(copy, values: dict[str, str]) -> str | None:
    from ..knowledge.copy import fill

    if copy is None or copy.script is None:
        return None
    return "\n".join([*copy.script.lines(values), f"Filming: {fill(copy.script.filming, values)}"])


def _post(
    kb: KnowledgeBase,
    data,
    spec,
    profile: ClinicProfile,
    plat,
    pillar,
    slot: Slot,
    text: str,
    topic,
    fmt,
    index: int,
    seen: set[tuple[str, str]],
    copy,
) -> Post:
    from ..knowledge.copy import fill

    obs = slot.observance
    tags = suggest_hashtags(
        kb,
        spec.id,
        plat.id,
        topic=topic,
        city=profile.city or None,
        awareness=obs.hashtag if obs else None,
        exclude_tiers=("branded",),
    ).tags
    about_day = obs is not None and text == data.awareness_topic.format(name=short_name(obs))
    day_copy = kb.awareness_copy.get(obs.id) if obs is not None and about_day else None
    caption = (
        _authored(copy, plat, profile, obs, tags, seen)
        or _day_caption(day_copy, plat, profile, seen)
        or _caption(data, spec, plat, text, index, obs, tags, seen)
    )
    values = profile_values(profile)
    written = copy or day_copy
    return Post(
        date=slot.date,
        time=slot.time,
        platform=plat.id,
        pillar=pillar.name,
        format=fmt.id,
        topic=text,
        caption=caption,
        hashtags=tags,
        awareness=_awareness(slot),
        sources=_sources(kb, data, plat, pillar, obs),
        warnings=_warnings(data, caption, tags, text, pillar, profile.country, plat),
        week=slot.week + 1,
        format_name=fmt.name,
        minutes=data.minutes(fmt),
        alt_text=fill(written.alt_text, values) if written else "",
        brief=fill(written.brief, values) if written else "",
        # A topic's slides and script go with the formats that use them: a text or photo post lists neither.
        slides=[fill(t, values) for t in copy.slides] if copy and fmt.kind == "carousel" else [],
        script=_script(copy, values) if fmt.kind in ("video", "live") else None,
    )
