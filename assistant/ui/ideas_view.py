"""Pieces of the ideas page: hashtag sets per platform (copy-ready) and video ideas with hooks and outlines."""
from __future__ import annotations

import streamlit as st

from .. import app_service
from ..errors import AssistantError
from . import render

TIER_NAMES = {"broad": "Broad", "specialty": "Specialty", "topic": "Topic", "local": "Local",
              "community": "Community", "awareness": "Awareness", "branded": "Branded (suggestion)"}


def _platforms(kb, profile, key: str, video_only: bool = False) -> list[str]:
    options = [p.id for p in kb.platforms.values()
               if not video_only or any(f.kind == "video" for f in p.formats)]
    default = [p for p in profile.platforms if p in options] or options[:1]
    return st.multiselect("Platforms", options, default=default, format_func=lambda p: kb.platforms[p].name,
                          key=key)


def hashtags(svc, profile) -> None:
    """One copy-ready set per platform, with each tag's tier and the platform's rule."""
    kb = svc.kb
    with st.form("hashtag_form", border=False):
        platforms = _platforms(kb, profile, "tag_platforms")
        cols = st.columns(2)
        topic = cols[0].text_input("Topic (optional)", placeholder="e.g. sun safety, braces, back pain")
        city = cols[1].text_input("City (optional)", value=profile.city)
        submitted = st.form_submit_button("Suggest hashtags", type="primary")
    if not (submitted or st.session_state.get("tags_shown")):
        return
    st.session_state.tags_shown = True
    try:
        topic = app_service.check_length(topic, 200, "topic") if topic.strip() else None
        city = app_service.check_length(city, 80, "city") if city.strip() else None
        sets = [_suggest(kb, profile, p, topic, city) for p in platforms]
    except AssistantError as exc:
        st.error(str(exc))
        return
    for tag_set in sets:
        name = kb.platforms[tag_set.platform].name
        st.markdown(f"#### {name}")
        st.caption(f"{len(tag_set.hashtags)} tags · platform maximum {tag_set.limit} · recommended "
                   f"{tag_set.recommended[0]}–{tag_set.recommended[1]}")
        if tag_set.hashtags:
            st.code(" ".join(tag_set.tags), language=None)
            st.caption(" · ".join(f"{t.tag} ({TIER_NAMES.get(t.tier, t.tier)})" for t in tag_set.hashtags))
            other = _suggest(kb, profile, tag_set.platform, None, city, exclude=("topic", "local"))
            if other.tags and other.tags != tag_set.tags:
                with st.expander("Another set, to alternate between posts"):
                    st.code(" ".join(other.tags), language=None)
        for note in tag_set.notes:
            st.caption(render.safe(note))


def _suggest(kb, profile, platform: str, topic: str | None, city: str | None, exclude: tuple[str, ...] = ()):
    from ..planners.hashtags import suggest_hashtags
    return suggest_hashtags(kb, profile.specialty, platform, topic=topic, city=city, country=profile.country,
                            exclude_tiers=exclude)


def videos(svc, profile) -> None:
    """Video ideas: hook, outline, format, duration, call to action and a compliance note."""
    from ..planners.videos import video_ideas
    kb = svc.kb
    with st.form("video_form", border=False):
        platforms = _platforms(kb, profile, "video_platforms", video_only=True)
        count = st.slider("How many ideas", 1, 20, 10)
        submitted = st.form_submit_button("Suggest video ideas", type="primary")
    if not (submitted or st.session_state.get("videos_shown")):
        return
    st.session_state.videos_shown = True
    try:
        ideas = video_ideas(kb, profile.specialty, platforms or None, count=int(count))
    except AssistantError as exc:
        st.error(str(exc))
        return
    for n, idea in enumerate(ideas, start=1):
        with st.expander(f"{n}. {idea.title}", expanded=n == 1):
            st.markdown(f"**Hook (first seconds):** {render.safe(idea.hook)}")
            st.markdown("**Outline**")
            render.markdown("\n".join(f"{i}. {beat}" for i, beat in enumerate(idea.outline, 1)))
            names = ", ".join(kb.platforms[p].name if p in kb.platforms else p for p in idea.platforms)
            st.caption(f"{idea.format} · about {idea.duration_s} s · {names} · pillar: {idea.pillar}")
            st.markdown(f"**Call to action:** {render.safe(idea.cta)}")
            if idea.compliance_note:
                st.info(render.safe(idea.compliance_note), icon=":material/policy:")
