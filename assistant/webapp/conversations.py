"""Conversations on the web page: what is saved (masked), titles, history for the engine, export, streaming filter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass


def without_sources_block(text: str) -> str:
    """The answer without its trailing "### Sources" list: the page shows sources as expanders instead."""
    from ..chat.data import chat_data

    heading = chat_data().answer.phrase("sources")
    head, sep, _ = text.rpartition(f"\n{heading}\n")
    return head.rstrip() if sep else text


def masked_for_storage(question: str, profile: Any = None) -> str:
    """The question as it may be saved, shown in titles and exported: patient data replaced by placeholders."""
    from ..guardrails import mask_phi

    return mask_phi(question, clinic=profile).text


def conversation_title(question: str, limit: int = 60) -> str:
    """A short one-line title from the first question."""
    line = " ".join(question.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


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
