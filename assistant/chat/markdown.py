"""The Markdown rendering of a structured Answer (CLI output, stored messages, exports).

One function reads the Answer's fields and writes text; nothing ever parses this text back.
"""

from __future__ import annotations

from ..knowledge.schemas.chat import AnswerText
from .citations import sources_markdown
from .models import Answer, Draft, Part, Section


def draft_markdown(draft: Draft, words: AnswerText) -> str:
    lines = [words.phrase("draft_heading", title=draft.title or draft.kind.replace("_", " ")), ""]
    first, notes = draft.notes[: draft.alerts], draft.notes[draft.alerts :]  # what was not made as asked: first
    lines += [f"_{note}_" for note in first] + ([""] if first else [])
    lines += [f"> {line}" if line else ">" for line in draft.text.splitlines()]
    if draft.hashtags and not all(tag in draft.text for tag in draft.hashtags):
        lines += [">", "> " + " ".join(draft.hashtags)]
    for i, alternative in enumerate(draft.alternatives, 2):
        lines += ["", words.phrase("draft_alternative", n=i), ""]
        lines += [f"> {line}" if line else ">" for line in alternative.splitlines()]
    lines += [""] + [f"_{note}_" for note in notes] if notes else []
    return "\n".join(lines).rstrip()


def part_markdown(part: Part, words: AnswerText, title: str = "", lead: bool = True) -> str:
    """One card's part: its heading (when given), lead (unless the answer's own lead already says it), steps,
    added note and cautions."""
    blocks = [f"**{title}**" if title else "", part.lead if lead else ""]
    if part.steps:
        blocks.append(words.phrase("what_to_do") + "\n\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(part.steps, 1)))
    if part.note:
        blocks.append(part.note)
    if part.watch_out:
        blocks.append(words.phrase("watch_out") + "\n\n" + "\n".join(f"- {w}" for w in part.watch_out))
    return "\n\n".join(b for b in blocks if b)


def section_markdown(section: Section) -> str:
    return f"**{section.title}: {section.heading}** [{section.n}]\n\n{section.text}"


def answer_markdown(answer: Answer, words: AnswerText, prefix: str = "") -> str:
    """The whole answer as Markdown: notices, drafts, the answer itself, follow-ups, then the sources."""
    blocks = [prefix.strip(), *(f"_{notice}_" for notice in answer.notices)]
    blocks += [draft_markdown(d, words) for d in answer.drafts]
    blocks += [body_markdown(answer, words)]
    blocks.append(sources_markdown(answer.sources, words.phrase("sources")))
    return "\n\n".join(b for b in blocks if b)


def body_markdown(answer: Answer, words: AnswerText) -> str:
    """The answer itself: its card part(s) or guide sections, and the follow-up questions."""
    blocks = []
    if len(answer.parts) > 1:  # one reply: a lead that answers every part, then each part's steps under its heading
        blocks.append(answer.lead)
        blocks += [part_markdown(p, words, p.heading or p.title, lead=not answer.lead) for p in answer.parts]
    elif answer.parts:
        blocks.append(part_markdown(answer.parts[0], words))
    elif answer.lead:
        blocks.append(answer.lead)
    if answer.ideas and answer.ideas.items:
        blocks.append(answer.ideas.heading + "\n\n" + "\n".join(f"- {item}" for item in answer.ideas.items))
    blocks += [section_markdown(s) for s in answer.sections]
    if answer.related:
        blocks.append(words.phrase("related") + "\n\n" + "\n".join(f"- {r['question']}" for r in answer.related))
    return "\n\n".join(b for b in blocks if b)
