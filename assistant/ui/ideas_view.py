"""Pieces of the ideas page: hashtag sets per platform (copy-ready) and video ideas with hooks and outlines.

Each set of ideas is saved the moment it is made and shown again after a reload; a video idea can be added
to the open (or last) plan.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from .. import inputs, plan_rows
from ..errors import AssistantError
from . import render, saved

TIER_NAMES = {
    "broad": "Broad",
    "specialty": "Specialty",
    "topic": "Topic",
    "local": "Local",
    "community": "Community",
    "awareness": "Awareness",
    "branded": "Branded (suggestion)",
}


def _platforms(kb, profile, key: str, video_only: bool = False) -> list[str]:
    options = [p.id for p in kb.platforms.values() if not video_only or p.takes_video]
    default = [p for p in profile.platforms if p in options] or options[:1]
    return st.multiselect("Platforms", options, default=default, format_func=lambda p: kb.platforms[p].name, key=key)


def _shown(svc, pid: int, slot: str) -> dict[str, Any] | None:
    """The saved item this page shows (the one just made, or the last one after a reload)."""
    item = saved.last(svc.store, pid, slot)
    if item is None:
        return None
    saved.badge(item["updated_at"])
    return item


def hashtags(svc, profile, pid: int) -> None:
    """One copy-ready set per platform, with each tag's tier and the platform's rule."""
    kb = svc.kb
    with st.form("hashtag_form", border=False):
        platforms = _platforms(kb, profile, "tag_platforms")
        cols = st.columns(2)
        topic = cols[0].text_input("Topic (optional)", placeholder="e.g. sun safety, braces, back pain")
        city = cols[1].text_input("City (optional)", value=profile.city)
        submitted = st.form_submit_button("Suggest hashtags", type="primary")
    if submitted:
        try:
            topic_text = inputs.check_length(topic, 200, "topic") if topic.strip() else None
            city_text = inputs.check_length(city, 80, "city") if city.strip() else None
            sets = [_tag_set(kb, profile, p, topic_text, city_text) for p in platforms]
        except AssistantError as exc:
            st.error(str(exc))
            return
        title = "Hashtags" + (f" about {topic}" if topic else "") + ": " + ", ".join(s["name"] for s in sets)
        saved.save(svc.store, "ideas", title, {"type": "hashtags", "sets": sets}, pid, "hashtags")
    item = _shown(svc, pid, "hashtags")
    if item:
        show_hashtags(item["data"])
        saved.discard(svc.store, pid, "hashtags", item)


def _tag_set(kb, profile, platform: str, topic: str | None, city: str | None) -> dict[str, Any]:
    tag_set = _suggest(kb, profile, platform, topic, city)
    other = _suggest(kb, profile, platform, None, city, exclude=("topic", "local"))
    return {
        "platform": platform,
        "name": kb.platforms[platform].name,
        "tags": list(tag_set.tags),
        "tiers": [f"{t.tag} ({TIER_NAMES.get(t.tier, t.tier)})" for t in tag_set.hashtags],
        "limit": tag_set.limit,
        "recommended": list(tag_set.recommended),
        "other": list(other.tags) if other.tags != tag_set.tags else [],
        "notes": list(tag_set.notes),
    }


def show_hashtags(data: dict[str, Any]) -> None:
    """Saved hashtag sets: a copy box per platform."""
    for tag_set in data.get("sets", []):
        st.markdown(f"#### {render.safe(tag_set['name'])}")
        low, high = tag_set["recommended"]
        st.caption(f"{len(tag_set['tags'])} tags · platform maximum {tag_set['limit']} · recommended {low}–{high}")
        if tag_set["tags"]:
            st.code(" ".join(tag_set["tags"]), language=None)
            st.caption(" · ".join(tag_set["tiers"]))
            if tag_set.get("other"):
                with st.expander("Another set, to alternate between posts"):
                    st.code(" ".join(tag_set["other"]), language=None)
        for note in tag_set.get("notes", []):
            st.caption(render.safe(note))


def _suggest(kb, profile, platform: str, topic: str | None, city: str | None, exclude: tuple[str, ...] = ()):
    from ..planners.hashtags import suggest_hashtags

    return suggest_hashtags(
        kb, profile.specialty, platform, topic=topic, city=city, country=profile.country, exclude_tiers=exclude
    )


def videos(svc, profile, pid: int) -> None:
    """Video ideas: hook, outline, format, duration, call to action, a compliance note and 'Add to plan'."""
    from ..planners.videos import video_ideas

    with st.form("video_form", border=False):
        platforms = _platforms(svc.kb, profile, "video_platforms", video_only=True)
        count = st.slider("How many ideas", 1, 20, 10)
        submitted = st.form_submit_button("Suggest video ideas", type="primary")
    if submitted:
        try:
            ideas = video_ideas(svc.kb, profile.specialty, platforms or None, count=int(count))
        except AssistantError as exc:
            st.error(str(exc))
            return
        title = f"{len(ideas)} video ideas: " + ", ".join(i.title for i in ideas[:2])
        saved.save(
            svc.store, "ideas", title, {"type": "videos", "ideas": [i.model_dump() for i in ideas]}, pid, "videos"
        )
    flash = st.session_state.pop("idea_flash", None)
    if flash:
        (st.success if flash[0] == "ok" else st.error)(flash[1])
    item = _shown(svc, pid, "videos")
    if item:
        show_videos(svc, item["data"], pid)
        saved.discard(svc.store, pid, "videos", item)


def show_videos(svc, data: dict[str, Any], pid: int | None) -> None:
    """Saved video ideas, each with 'Add to plan' when a profile is given."""
    from ..planners.videos import VideoIdea

    kb = svc.kb
    for n, raw in enumerate(data.get("ideas", []), start=1):
        idea = VideoIdea.model_validate(raw)
        with st.expander(f"{n}. {idea.title}", expanded=n == 1):
            st.markdown(f"**Hook (first seconds):** {render.safe(idea.hook)}")
            st.markdown("**Outline**")
            render.markdown("\n".join(f"{i}. {beat}" for i, beat in enumerate(idea.outline, 1)))
            names = ", ".join(kb.platforms[p].name if p in kb.platforms else p for p in idea.platforms)
            st.caption(f"{idea.format} · about {idea.duration_s} s · {names} · theme: {idea.pillar}")
            st.markdown(f"**Call to action:** {render.safe(idea.cta)}")
            st.code(f"{idea.hook}\n\n{idea.cta}", language=None, wrap_lines=True)
            if idea.compliance_note:
                st.info(render.safe(idea.compliance_note), icon=":material/policy:")
            if pid is not None and idea.platforms:
                st.button(
                    "Add to plan",
                    key=f"add_idea_{n}",
                    icon=":material/playlist_add:",
                    on_click=_add_to_plan,
                    args=(svc, pid, idea),
                )


def _add_to_plan(svc, pid: int, idea) -> None:
    """Callback: add the idea to the open plan (or the last saved one) and save it."""
    from . import plan_calendar, plan_view
    from .sidebar import current

    plan, plan_id = st.session_state.get("plan"), st.session_state.get("plan_id")
    if plan is None:
        plan_id = svc.store.get_state(saved.state_key(f"last_plan:{pid}"))
        row = svc.store.get_plan(plan_id) if plan_id is not None else None
        if row is None:
            st.session_state.idea_flash = ("error", "Make a plan first (Editorial plan page), then add ideas to it.")
            return
        plan = plan_rows.plan_from_saved(row)
    try:
        profile, _ = current(svc)
        holidays, _ = plan_calendar.plan_days(plan, svc.kb, profile.country, profile.region)
        platform = idea.platforms[0]
        new = plan_calendar.add_idea(plan, svc.kb, idea, platform, frozenset(holidays))
        title = (svc.store.get_plan(plan_id) or {}).get("title") or plan_view.plan_title(new, profile.name)
        plan_id = plan_view.autosave(svc.store, pid, new, title, plan_id)
    except AssistantError as exc:
        st.session_state.idea_flash = ("error", str(exc))
        return
    plan_view.show_plan(new, plan_id)
    added = next(p for p in new.posts if p.topic == idea.title)
    st.session_state.idea_flash = (
        "ok",
        f"Added “{idea.title}” to your plan on {added.date:%A %d %B} ({kb_name(svc.kb, platform)}).",
    )


def kb_name(kb, platform: str) -> str:
    return kb.platforms[platform].name if platform in kb.platforms else platform
