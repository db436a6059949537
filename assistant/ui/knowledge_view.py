"""Pieces of the Knowledge page: browse guides by category (with their dates), and search passages."""

from __future__ import annotations

import streamlit as st

from .. import inputs
from ..errors import AssistantError
from . import render

CATEGORY_NAMES = {
    "strategy": "Strategy",
    "conversations": "Conversations and reviews",
    "compliance": "Compliance and privacy",
    "platforms": "Platforms",
}


def browse(kb) -> None:
    """Guides in tabs by category; each opens to its summary, full text and sources."""
    categories = sorted(
        {g.meta.category for g in kb.guides}, key=lambda c: list(CATEGORY_NAMES).index(c) if c in CATEGORY_NAMES else 99
    )
    tabs = st.tabs(
        [f"{CATEGORY_NAMES.get(c, c.title())} ({sum(g.meta.category == c for g in kb.guides)})" for c in categories]
    )
    for tab, category in zip(tabs, categories, strict=False):
        with tab:
            for guide in sorted((g for g in kb.guides if g.meta.category == category), key=lambda g: g.meta.title):
                with st.expander(guide.meta.title):
                    where = f" · applies to {', '.join(guide.meta.countries)}" if guide.meta.countries else ""
                    st.caption(f"{guide.meta.summary} · updated {guide.meta.updated:%d %B %Y}{where}")
                    render.markdown(guide.body)
                    st.markdown("**Sources**")
                    for s in guide.meta.sources:
                        render.link(s.title, str(s.url), f" ({s.year})" if s.year else "")


def search_results(svc, profile, query: str) -> None:
    """Top passages for a query (hybrid search, preferring the clinic's specialty and platforms)."""
    try:
        query = inputs.check_length(query, svc.settings.max_input_chars, "search")
        specialty = profile.specialty if profile.specialty in svc.kb.specialties else None
        passages = svc.retriever.search(query, k=8, specialty=specialty, platforms=profile.platforms)
    except AssistantError as exc:
        st.error(str(exc))
        return
    if not passages:
        st.info("Nothing in the guides matches; try other words.")
        return
    st.markdown(f"**{len(passages)} passages**")
    for rank, p in enumerate(passages, start=1):
        with st.expander(f"{rank}. {p.title} › {p.heading}", expanded=rank == 1):
            render.markdown(p.text)
            for s in p.sources:
                render.link(s.get("title", "source"), s["url"])
