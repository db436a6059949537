"""What the web pages need beyond the core services, kept free of Streamlit so it can be unit-tested.

Profiles from form values, input limits, starter questions, conversation export, and a streaming filter.
Plan-table helpers live in `assistant/plan_rows.py`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .chat.models import finding_dict
from .config import redact
from .inputs import check_length as check_length  # re-exported: the pages call app_service.check_length
from .profile import ClinicProfile, profile_from_fields

if TYPE_CHECKING:
    from .guardrails.checker import Finding
    from .knowledge import KnowledgeBase

# Questions offered to someone who opens a new conversation; {platform} and {specialty} come from the profile.
STARTER_TEMPLATES = (
    "How do I start on {platform}?",
    "Draft my first editorial plan for {platforms_text}.",
    "Which hashtags should a {specialty} practice use on {platform}?",
    "How do I answer a 1-star review without breaking patient privacy?",
    "Can I post a patient's before-and-after photo?",
    "Give me video ideas for {specialty} on {video_platform}.",
)
_VIDEO_PLATFORMS = ("instagram", "tiktok", "youtube", "facebook")


def split_items(text: str) -> list[str]:
    """'families, new parents;seniors' -> ['families', 'new parents', 'seniors'] (commas, semicolons, lines)."""
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]


def profile_from_form(
    values: dict[str, Any], kb: KnowledgeBase, previous: ClinicProfile | None = None
) -> ClinicProfile:
    """Validate sidebar values into a ClinicProfile with its specialty resolved; raises InputError."""
    data = dict(values)
    typed = str(data.pop("specialty_text", "") or "").strip()
    if typed:
        data["specialty"] = typed
    for key in ("audiences", "goals", "languages"):
        if isinstance(data.get(key), str):
            data[key] = split_items(data[key])
    return profile_from_fields(kb, data, previous)  # KnowledgeError names the closest specialties


def starter_questions(profile: ClinicProfile, kb: KnowledgeBase) -> list[str]:
    """Ready-made first questions that fit the clinic's specialty and platforms."""
    platforms = [kb.platforms[p].name for p in profile.platforms if p in kb.platforms] or ["Instagram"]
    video = next((kb.platforms[p].name for p in profile.platforms if p in _VIDEO_PLATFORMS and p in kb.platforms),
                 "Instagram")
    try:
        specialty = kb.specialty(profile.specialty).name.lower()
    except Exception:  # noqa: BLE001 - an unknown specialty only makes the wording generic
        specialty = "medical"
    fields = {"platform": platforms[0], "platforms_text": " and ".join(platforms[:2]), "specialty": specialty,
              "video_platform": video}
    return [t.format(**fields) for t in STARTER_TEMPLATES]


def without_sources_block(text: str) -> str:
    """The answer without its trailing "### Sources" list: the page shows sources as expanders instead."""
    from .chat.data import chat_data
    heading = chat_data().answer.phrase("sources")
    head, sep, _ = text.rpartition(f"\n{heading}\n")
    return head.rstrip() if sep else text


def masked_for_storage(question: str, profile: Any = None) -> str:
    """The question as it may be saved, shown in titles and exported: patient data replaced by placeholders."""
    from .guardrails import mask_phi

    return mask_phi(question, clinic=profile).text


def conversation_title(question: str, limit: int = 60) -> str:
    """A short one-line title from the first question."""
    line = " ".join(question.split())
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


def history_for_engine(messages: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    """Stored messages as the engine's history: role and content only."""
    return [{"role": m["role"], "content": m["content"]} for m in messages]


def _source_lines(meta: dict[str, Any]) -> list[str]:
    lines = []
    for s in meta.get("sources") or []:
        where = " › ".join(x for x in (s.get("title"), s.get("heading")) if x)
        url = f" — <{s['url']}>" if s.get("url") else ""
        lines.append(f"[{s.get('n', '?')}] {where}{url}")
    return lines


def conversation_markdown(title: str, messages: Iterable[dict[str, Any]], now: dt.datetime | None = None) -> str:
    """The conversation as a Markdown document: each turn, then its numbered sources and notices."""
    when = (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    out = [f"# {title}", "", f"_Exported {when}. Guidance, not legal advice._", ""]
    for m in messages:
        meta = m.get("meta") or {}
        out += ["## You" if m["role"] == "user" else "## Assistant", "", m["content"].strip(), ""]
        if meta.get("fallback_notice"):
            out += [f"> {meta['fallback_notice']}", ""]
        sources = _source_lines(meta)
        if sources:
            out += ["**Sources**", ""] + [f"- {line}" for line in sources] + [""]
        findings = meta.get("findings") or []
        if findings:
            out += ["**Compliance checks**", ""]
            out += [f"- {f.get('rule', '')}: {f.get('message', '')}" for f in findings] + [""]
    return "\n".join(out).rstrip() + "\n"


def neutralize_images(chunks: Iterable[str]) -> Iterator[str]:
    """Pass streamed Markdown through, turning image syntax `![..](..)` into plain text as it streams.

    Why: a model could emit an image pointing at a remote server (OWASP LLM05); rendering it would make the
    browser fetch it while the answer is still streaming, before the final sanitized text replaces it.
    A trailing "!" is held back until the next chunk shows whether a "[" follows.
    """
    held = ""
    for chunk in chunks:
        text = held + str(chunk)
        held = "!" if text.endswith("!") else ""
        text = text[:-1] if held else text
        if text:
            yield text.replace("![", "!\\[")
    if held:
        yield held


def finding_dicts(findings: Iterable[Finding | dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings (checker models, or dicts read back from storage) as plain dicts for storage and display."""
    return [finding_dict(f) for f in findings or []]


def _as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, dict):
        return dict(obj)
    return obj.model_dump() if hasattr(obj, "model_dump") else dict(vars(obj))


def source_links(kb: KnowledgeBase, doc_id: str, heading: str = "") -> list[dict[str, str]]:
    """The source behind a cited section (title, url): the section's own source, not the guide's first one."""
    try:
        guide = kb.guide(doc_id)
    except Exception:  # noqa: BLE001 - a citation without a guide just has no extra links
        return []
    source = guide.source_for(heading)
    return [{"title": source.title, "url": str(source.url)}]


def answer_meta(answer: Any, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """What is stored beside an assistant message so it renders the same after a restart."""
    sources = [_as_dict(s) for s in answer.sources]
    for s in sources:
        s["links"] = source_links(kb, s.get("doc_id", ""), s.get("heading", "")) if kb is not None else []
    # A model server's URL or key can reach a notice through an error message: never store it (redact).
    warnings = [{**w, "message": redact(str(w.get("message", "")))} for w in answer.warnings or []]
    notice = redact(answer.fallback_notice) if answer.fallback_notice else answer.fallback_notice
    return {"sources": sources, "warnings": warnings, "findings": finding_dicts(answer.findings),
            "provider": answer.provider, "intent": answer.intent, "fallback_notice": notice,
            "masked": list(answer.masked or []), "drafts": [d.public() for d in answer.drafts],
            "body": answer.body, "card_id": answer.card_id}
