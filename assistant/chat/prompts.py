"""Messages for a language model: rules and clinic in the system prompt, passages and question as quoted data.

The system prompt is the only place instructions live. Passages and the user's question travel in clearly
delimited blocks that the prompt declares to be data (OWASP LLM01); a delimiter inside a passage is
defused so a passage cannot close its own block and "speak" as instructions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..knowledge.schemas.chat import ChatData

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..profile import ClinicProfile

_DELIMS = re.compile(r"<<<|>>>")


def _defuse(text: str) -> str:
    return _DELIMS.sub(lambda m: "‹‹‹" if m.group() == "<<<" else "›››", text)


def profile_summary(profile: ClinicProfile | None, kb: KnowledgeBase) -> str:
    """The clinic profile as short "- field: value" lines for the system prompt ("not given" without one)."""
    if profile is None:
        return "- (no clinic profile given: do not assume a specialty or a country)"
    spec = kb.specialties.get(profile.specialty)
    platforms = [kb.platforms[p].name if p in kb.platforms else p for p in profile.platforms]
    place = ", ".join(x for x in (profile.city, profile.region, profile.country) if x)
    rows = [
        ("Specialty", spec.name if spec else profile.specialty),
        ("Practice type", profile.practice_type.replace("_", " ")),
        ("Location", place),
        ("Audiences", "; ".join(profile.audiences)),
        ("Goals", "; ".join(profile.goals)),
        ("Platforms in use", ", ".join(platforms)),
        ("Time for social media", f"{profile.hours_per_week:g} hours a week"),
        ("Tone of voice", profile.tone),
        ("Languages", ", ".join(profile.languages)),
    ]
    return "\n".join(f"- {name}: {_defuse(value)}" for name, value in rows if value)


def system_prompt(profile: ClinicProfile | None, kb: KnowledgeBase, canary: str, language: str, data: ChatData) -> str:
    """Rules, answering instructions, the confidential canary and the clinic profile."""
    return data.prompt.system.format(language=language, canary=canary, profile=profile_summary(profile, kb))


def passages_block(passages: Sequence, data: ChatData) -> str:
    """Numbered passages, each quoted inside <<<PASSAGE n ...>>> ... <<<END PASSAGE n>>>."""
    if not passages:
        return f"{data.prompt.passages_intro}\n{data.prompt.no_passages}"
    blocks = [data.prompt.passages_intro]
    for n, p in enumerate(passages, 1):
        section = p.title if p.heading == p.title else f"{p.title} › {p.heading}"
        blocks.append(f"<<<PASSAGE {n} | {_defuse(section)} | {p.doc_id}>>>\n{_defuse(p.text)}\n<<<END PASSAGE {n}>>>")
    return "\n\n".join(blocks)


def user_message(question: str, passages: Sequence, data: ChatData, expert: str = "") -> str:
    """The last user message: the passages, an expert's answer to adapt (if a card matched), then the (masked)
    question, all as quoted data."""
    guide = (
        f"\n\n{data.prompt.expert_intro}\n<<<EXPERT ANSWER>>>\n{_defuse(expert)}\n<<<END EXPERT ANSWER>>>"
        if expert
        else ""
    )
    return (
        f"{passages_block(passages, data)}{guide}\n\n{data.prompt.question_intro}\n"
        f"<<<QUESTION>>>\n{_defuse(question)}\n<<<END QUESTION>>>"
    )


def build_messages(
    turn,
    profile: ClinicProfile | None,
    kb: KnowledgeBase,
    passages: Sequence,
    canary: str,
    language: str,
    data: ChatData,
    expert: str = "",
) -> list[dict[str, str]]:
    """System prompt, the recent (masked) history, then passages and question."""
    limit = data.prompt.history_chars
    history = [{"role": t["role"], "content": _defuse(t["content"][:limit])} for t in turn.history]
    return [
        {"role": "system", "content": system_prompt(profile, kb, canary, language, data)},
        *history,
        {"role": "user", "content": user_message(turn.masked, passages, data, expert)},
    ]
