"""Rendering helpers shared by the pages. Text from users, models and files goes through `safe` first.

Why: model output and pasted text are untrusted (OWASP LLM05). `st.markdown` escapes HTML as long as
`unsafe_allow_html` stays off (it does, everywhere); `safe` additionally drops remote images and
`javascript:` links that Markdown itself would render.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

_SEVERITY_ICON = {"high": ":material/error:", "medium": ":material/warning:", "low": ":material/info:"}


def safe(text: str) -> str:
    """Untrusted Markdown made safe to render (guardrails.injection.sanitize_output)."""
    from ..guardrails.injection import sanitize_output

    return sanitize_output(str(text or ""))


def markdown(text: str) -> None:
    """Render untrusted Markdown safely."""
    st.markdown(safe(text))


def sources(items: Iterable[dict[str, Any]]) -> None:
    """Numbered citations: one expander per source with title › heading, the passage and its links."""
    for s in items:
        where = " › ".join(x for x in (s.get("title"), s.get("heading")) if x) or s.get("doc_id", "source")
        with st.expander(f"[{s.get('n', '?')}] {where}"):
            if s.get("passage"):
                markdown(s["passage"])
            links = s.get("links") or ([{"title": s.get("title", "source"), "url": s["url"]}] if s.get("url") else [])
            for item in links:
                link(item.get("title") or item["url"], item["url"])


def link(title: str, url: str, suffix: str = "") -> None:
    """A bullet with an external link; the title is escaped so it cannot become markup."""
    label = "".join("\\" + c if c in "[]()*_`<>#!\\" else c for c in str(title))
    if not str(url).lower().startswith(("https://", "http://")):
        st.markdown(f"- {label}{suffix}")  # only web links are clickable
        return
    st.markdown(f"- [{label}]({url}){suffix}")


def findings(items: Iterable[dict[str, Any]], title: str = "Compliance checks") -> None:
    """The content checker's findings: the rule in plain words, severity, the words, why, and the fix."""
    items = list(items or [])
    if not items:
        return
    with st.container(border=True):
        st.markdown(f"**{title}** ({len(items)})")
        for f in items:
            icon = _SEVERITY_ICON.get(str(f.get("severity")), ":material/info:")
            span = f" — “{f['span']}”" if f.get("span") else ""
            markdown(f"{icon} **{f.get('name') or 'Check'}**{span}: {f.get('message', '')}")
            if f.get("fix"):
                markdown(f"↳ {f['fix']}")


def warnings(items: Iterable[dict[str, Any]]) -> None:
    """Engine warnings shown as cautions, in their own words (the codes are for logs and scripts)."""
    for w in items or []:
        icon = ":material/shield:" if w.get("rule") == "PHI" else ":material/warning:"
        (st.info if w.get("rule") == "PHI" else st.warning)(safe(w.get("message", "")), icon=icon)


def drafts(items: Iterable[dict[str, Any]]) -> None:
    """Drafts to copy: each in a code box (with its copy button), other versions and notes beneath."""
    for d in items or []:
        st.markdown(f"**{safe(d.get('title') or 'Draft')}**")
        notes, alerts = list(d.get("notes") or []), int(d.get("alerts") or 0)
        for note in notes[:alerts]:  # what was not made as asked, before the draft
            st.warning(safe(note))
        st.code(str(d.get("text", "")), language=None, wrap_lines=True)
        for n, other in enumerate(d.get("alternatives") or [], 2):
            with st.expander(f"Another version ({n})"):
                st.code(str(other), language=None, wrap_lines=True)
        for note in notes[alerts:]:
            st.caption(safe(note))


def assistant_extras(meta: dict[str, Any]) -> None:
    """Everything shown under an assistant answer: notices, masked data, findings, sources."""
    if meta.get("fallback_notice"):
        st.warning(safe(meta["fallback_notice"]), icon=":material/cloud_off:")
    # The engine repeats serious findings and the fallback notice as warnings; show each thing once.
    found = {f.get("rule") for f in meta.get("findings") or []}
    warnings(
        [
            w
            for w in meta.get("warnings") or []
            if w.get("rule") not in found and w.get("message") != meta.get("fallback_notice")
        ]
    )
    if meta.get("drafts"):  # findings concern text to publish: none under guidance or the app's own refusal
        findings(meta.get("findings") or [], title="Before you post")
    if meta.get("sources"):
        st.caption("Sources")
        sources(meta["sources"])
