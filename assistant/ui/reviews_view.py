"""Pieces of the reviews page: draft a reply to a review; check any post, ad or reply text."""

from __future__ import annotations

import streamlit as st

from .. import inputs
from ..errors import AssistantError
from ..knowledge.schemas.replies import Tone
from ..webapp import answers
from . import render, saved

KINDS = {
    "post": "Post",
    "caption": "Caption",
    "ad": "Ad",
    "reply": "Reply to a comment or review",
    "answer": "Answer to a question",
}


def reply(svc, profile, pid: int) -> None:
    """Paste a review and its rating; get three replies that never confirm the reviewer is a patient."""
    from ..planners.reviews import draft_reply, sign_off

    st.caption(
        "The draft never confirms that the reviewer is a patient and discloses nothing about care; "
        "it invites them to contact the practice privately."
    )
    with st.form("review_form"):
        text = st.text_area("The review", height=150, placeholder="Paste the review text here", key="review_text")
        cols = st.columns(2)
        rating = cols[0].selectbox(
            "Star rating",
            [None, 1, 2, 3, 4, 5],
            format_func=lambda r: "not given" if r is None else "★" * r,
            key="review_rating",
        )
        name = cols[1].text_input(
            "Reviewer's display name (optional)", help="Used only to make sure the reply does not repeat it."
        )
        submitted = st.form_submit_button("Draft a reply", type="primary")
    if submitted:
        tone: Tone = "formal" if "formal" in profile.tone.lower() else "warm"
        try:
            text = inputs.check_length(text, svc.settings.max_input_chars, "review")
            language = svc.drafter.replies.reply_language(text)  # a review in Spanish gets its replies in Spanish
            signoff = sign_off(profile.name, language)
            draft = draft_reply(
                text,
                rating=rating,
                reviewer_name=name.strip()[:120] or None,
                clinic_phone=profile.phone or None,
                tone=tone,
                signoff=signoff,
                country=profile.country,
                language=language,
            )
        except AssistantError as exc:
            st.error(str(exc), icon=":material/error:")
            return
        _save(svc.store, pid, draft, text, name.strip(), rating)
    item = saved.last(svc.store, pid, "reply")
    if item is not None:
        saved.badge(item["updated_at"])
        show_reply(item["data"])
        saved.discard(svc.store, pid, "reply", item)


def _save(store, pid: int, draft, review: str, reviewer: str, rating: int | None) -> None:
    """Save the replies with the review's start, patient data masked (nothing unmasked is stored)."""
    from ..guardrails.phi import mask_phi

    excerpt = mask_phi(review[:300], [reviewer] if reviewer else []).text
    data = {
        "review": excerpt,
        "rating": rating,
        "kind": draft.kind,
        "situation": draft.situation,
        "options": [draft.reply, *draft.alternatives] if draft.kind in ("reply", "crisis") else [],
        "guidance": list(draft.guidance),
        "findings": answers.finding_dicts(draft.findings),
    }
    title = f"Reply to: {' '.join(excerpt.split())[:80]}"
    saved.save(store, "reply", title, data, pid, "reply")


def show_reply(data: dict) -> None:
    """Saved replies: three options to copy, or the steps to take instead of replying."""
    if data.get("review"):
        st.caption(f"Review: “{render.safe(' '.join(data['review'].split())[:160])}”")
    if data.get("kind") == "crisis":
        st.error(
            "This message speaks of suicide or self-harm. Send this reply now, where it came in:",
            icon=":material/emergency:",
        )
        for option in data.get("options", []):
            st.code(option, language=None, wrap_lines=True)
        st.markdown("**Then**")
        for step in data.get("guidance", []):
            render.markdown(f"- {step}")
        return
    if data.get("kind") == "guidance":
        st.warning(
            "This review contains a threat or a demand. Do not answer it publicly; instead:",
            icon=":material/gpp_maybe:",
        )
        for step in data.get("guidance", []):
            render.markdown(f"- {step}")
        return
    situation = data.get("situation") or ""
    about = f" for a review about {situation.lower()}" if situation else ""
    st.markdown(f"**Three replies{about}** (pick one, copy it with the button on its right):")
    for n, option in enumerate(data.get("options", []), 1):
        st.caption(f"Option {n}")
        st.code(option, language=None, wrap_lines=True)
    render.findings(data.get("findings") or [], title="Before you post")
    if not data.get("findings"):
        st.success("The content checker found nothing to fix in these replies.", icon=":material/check:")
    with st.expander("Why the reply is written this way"):
        for point in data.get("guidance", []):
            render.markdown(f"- {point}")


def check(svc, profile) -> None:
    """Run the content checker on a draft and list what to fix."""
    from ..guardrails import check_text

    with st.form("check_form"):
        text = st.text_area(
            "Your draft", height=150, placeholder="Paste a post, caption, ad or reply", key="draft_text"
        )
        cols = st.columns(2)
        kind = cols[0].selectbox("What is it?", list(KINDS), format_func=lambda k: KINDS[k], key="draft_kind")
        platforms = [None, *svc.kb.platforms]
        platform = cols[1].selectbox(
            "Where will it go? (checks hashtag and length limits)",
            platforms,
            format_func=lambda p: "not chosen" if p is None else svc.kb.platforms[p].name,
            key="draft_platform",
        )
        submitted = st.form_submit_button("Check it", type="primary")
    if not submitted:
        return
    try:
        text = inputs.check_length(text, svc.settings.max_input_chars, "draft")
        found = answers.finding_dicts(check_text(text, kind=kind or "post", country=profile.country))
        if platform:
            from ..guardrails.limits import limit_findings

            found = answers.finding_dicts(limit_findings(text, svc.kb.platforms[platform])) + found
    except AssistantError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    if not found:
        st.success(
            "No problems found for the rules the checker can test on text. Patient consent for any "
            "photo or story still has to be on file.",
            icon=":material/check:",
        )
        return
    render.findings(found, title="What to fix")
