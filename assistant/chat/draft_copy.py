"""Drafts made from authored copy or general templates: carousels, captions in a voice, a caption without selling."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..guardrails.checker import check_text
from ..knowledge.copy import PostCopy, fill
from ..knowledge.schemas.drafts import DraftData, GeneralCarousel, MythDrafts, NoSellingData
from .draft_inputs import (
    _pasted_comment,
    _with_tags,
)
from .draft_topics import QUOTED_CHAR, TopicFinder, subject_after_colon, without_question
from .models import Draft, DraftKind
from .wording import first_upper

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

_CAROUSEL = re.compile(r"\b(carousel|slides?|slide[- ]by[- ]slide|swipe)\b", re.IGNORECASE)


def _carousel(copy: PostCopy, platform, topic: str, tags: list[str], values: dict[str, str]) -> Draft:
    """A carousel slide by slide, then the caption that goes with it."""
    slides = [f"Slide {n}: {fill(text, values)}" for n, text in enumerate(_fact_first(copy.slides), 1)]
    caption = _with_tags(fill(f"{copy.warm.hook}\n\n{copy.cta}", values), tags)
    return Draft(
        kind="caption",
        platform=platform.id,
        title=f"{platform.name} carousel: {topic}",
        text="\n".join(slides) + f"\n\nCaption:\n{caption}",
        hashtags=tags,
        notes=[
            "Name the source of the facts on the last slide or in the caption (for example the national "
            "health service or the professional body whose guidance you follow).",
            f"Alt text: {fill(copy.alt_text, values)}",
        ],
    )


_SLIDES = re.compile(r"\b(\d{1,2})[- ]?(?:posts?|slides?|pages?|cards?)\b", re.IGNORECASE)


def _general_carousel(data: GeneralCarousel, subject: str, text: str, platform, values: dict[str, str]) -> Draft | None:
    """A carousel outline on a subject with no authored copy: as many slides as asked (5 unless said, 3 to 10)."""
    if not subject:
        return None
    count = min(max(int(found.group(1)) if (found := _SLIDES.search(text)) else 5, 3), 10)
    slots = {"subject": subject, "Subject": first_upper(subject)}
    slots |= {"booking": "{booking}", "phone": "{phone}"}
    points = list(data.points[: count - 2])  # never the same slide twice: fewer slides than asked instead
    slides = [data.cover, *points, data.last]
    lines = [f"Slide {n}: {fill(s.format(**slots), values)}" for n, s in enumerate(slides, 1)]
    caption = fill(data.caption.format(**slots), values)
    return Draft(
        kind="caption",
        platform=platform.id,
        title=f"{platform.name} carousel: {subject}",
        text="\n".join(lines) + f"\n\nCaption:\n{caption}",
        notes=[
            "There is no ready-made copy on this subject: add your key point where it says [your key point], from a "
            "source you trust.",
            "Name the source of the facts on the last slide or in the caption.",
        ],
    )


def _fact_first(slides: tuple[str, ...]) -> list[str]:
    """A myth-busting carousel opens with the fact, then names the myth once (a repeated myth is what sticks)."""
    if len(slides) < 2 or not slides[0].lower().startswith("myth"):
        return list(slides)
    fact = slides[1] if slides[1].lower().startswith("fact") else f"Fact: {slides[1][:1].lower()}{slides[1][1:]}"
    return [fact, slides[0], *slides[2:]]


def _caption_text(copy: PostCopy, platform: str, values: dict[str, str], tone: str = "warm") -> str:
    if platform == "linkedin" and copy.linkedin and tone == "professional":
        return fill(copy.linkedin, values)
    if platform == "google_business" and copy.google_business:
        return fill(copy.google_business, values)
    if platform == "x" and copy.x:
        return fill(copy.x, values)
    chosen = getattr(copy, tone)
    return fill(f"{chosen.hook}\n\n{chosen.body}\n\n{copy.cta}", values)


def _without_selling(draft: Draft, rule: NoSellingData) -> Draft:
    """The caption with its closing booking or offer paragraph replaced by a call to action that sells nothing; the
    body is left as written."""

    def plain(text: str) -> str:
        paragraphs = text.split("\n\n")
        tags = paragraphs.pop() if paragraphs and paragraphs[-1].startswith("#") else None
        if paragraphs and re.search(rule.cta, paragraphs[-1], re.IGNORECASE):  # the closing line, not the body
            paragraphs[-1] = rule.closing
        return "\n\n".join([*paragraphs, *([tags] if tags else [])])

    changed = {"text": plain(draft.text), "alternatives": [plain(a) for a in draft.alternatives]}
    notes = [*draft.notes, rule.note] if rule.note and changed["text"] != draft.text else draft.notes
    return draft.model_copy(update={**changed, "notes": notes})


def general_draft(
    kb: KnowledgeBase,
    data: DraftData,
    topics: TopicFinder,
    turn,
    platform: str,
    values: dict[str, str],
    kind: DraftKind,
) -> Draft | None:
    """A caption or script on the subject asked when no authored copy covers it, the facts left to add."""
    extras = data.extras
    subject = topics.subject_phrase(turn.masked)
    if kind == "caption" and extras.general_carousel and _CAROUSEL.search(turn.masked):
        quoted = _pasted_comment(turn.masked)
        if quoted and _breaks_a_rule(quoted):  # "we normally write 'flawless smile guaranteed'": never the title
            quoted = ""
        title = quoted or subject  # "...: 'What a dietitian can (and can't) do for you'"
        if not _carried(title, extras, quoted=title == quoted):  # a slide per line: a topic in a few words
            return None
        return _general_carousel(extras.general_carousel, title, turn.masked, kb.platform(platform), values)
    # "a TikTok script: 'things I'd never do as an orthodontist'": the title quoted; or written after the colon
    quoted = _pasted_comment(turn.masked)
    subject = subject or ("" if _breaks_a_rule(quoted) else quoted) or subject_after_colon(turn.masked)
    if extras.myths and kind in ("caption", "video_script") and (myths := myths_named(turn.masked, extras.myths)):
        about = subject if _carried(subject, extras, quoted=False) else ""
        return _myth_draft(extras.myths, myths, about, kind, kb.platform(platform), values)
    return _subject_draft(kb, data, topics, turn, subject, platform, values, kind)


def _subject_draft(
    kb: KnowledgeBase,
    data: DraftData,
    topics: TopicFinder,
    turn,
    subject: str,
    platform: str,
    values: dict[str, str],
    kind: DraftKind,
) -> Draft | None:
    """A caption or script on `subject`, with the asker's own point in the marked place when they gave one."""
    extras = data.extras
    if not subject or not (extras.general_script if kind == "video_script" else extras.general_caption):
        return None
    quoted = _pasted_comment(turn.masked)
    if quoted and quoted in subject:  # "a YouTube video: 'what to expect after rhinoplasty'": the title quoted
        subject = quoted
    if subject == quoted:  # "...: 'braces vs aligners for teens, which is better?'": the subject, not the question
        subject = quoted = without_question(quoted)
    subject, point = _subject_and_point(subject, turn.masked, extras)
    if point and not _carried(subject, extras, quoted=subject == quoted):
        # "posting tiktoks about ACL rehab ... a caption for a video where i explain why you shouldn't go back at 6
        # months": the point is the explanation, the subject what another cue names
        later = (topics.subject_phrase(turn.masked, (cue,)) for cue in data.subject_cues)
        subject = quoted = next((s for s in later if s and _carried(s, extras, quoted=False)), subject)
    if not _carried(subject, extras, quoted=subject == quoted):
        return None
    if getattr(turn, "english", "") and not all(topics.glossed_whole(s, turn.question) for s in (subject, point) if s):
        return None  # asked in another language, and the gloss left words of the subject or the point untranslated
    slots = {
        "subject": subject,
        "Subject": first_upper(subject),
        "booking": "{booking}",
        "phone": "{phone}",
    }
    more: list[str] = []
    if kind == "video_script":
        text = "\n".join(fill(line.format(**slots), values) for line in extras.general_script)
        title = f"Script: {subject}"
    else:
        text = fill(extras.general_caption.format(**slots), values)
        title = f"{kb.platform(platform).name} caption: {subject}"
        more = [fill(t.format(**slots), values) for t in extras.general_caption_more]
    note = extras.general_note
    # A point that breaks a claims rule ("boosting immunity with adjustments") is never written into the post: the
    # draft keeps its placeholder and says what was left out and why.
    risky = next((f for f in check_text(point, kind="post") if f.severity == "high"), None) if point else None
    if point and risky is None:  # the asker's own point ("ingrown toenails - don't cut them at home"), in its place
        text, more = _with_point(text, point, extras.key_point), [_with_point(m, point, extras.key_point) for m in more]
        note = extras.general_point_note or note
    notes = [note] if note else []
    if risky is not None:
        notes.append(f"Left out of the post: \u201c{risky.span}\u201d. {risky.message} {risky.fix}")
    return Draft(
        kind=kind,
        platform=platform,
        title=title,
        text=text,
        alternatives=more if kind == "caption" else [],
        notes=notes,
        alerts=len(notes),  # no checked post on it, and what was left out: said first, under the title
    )


# A myth quoted in the message: opened after a space, colon, comma or bracket and closed before one, apostrophes
# inside words kept ("'it's caused by nerves'").
_QUOTED_MYTH = re.compile(rf"(?:^|(?<=[\s:,;(]))[\"“'‘]({QUOTED_CHAR}{{3,100}}?)[\"”'’](?=[\s,.;:!?)]|$)")
_MYTH_WORD = re.compile(r"\bmyths?\b", re.IGNORECASE)


def myths_named(text: str, data: MythDrafts) -> list[str]:
    """The myths a myth-busting request names, as they will be written: quoted ones in quotes ("“it's caused by
    nerves”"), one named as "the myth that ..." as a clause ("that blue light glasses protect your eyes"); [] when
    the message names none or asks for no myth-busting. A quoted title ("'3 myths about ACL tears'") is no myth."""
    asked = re.search(data.asked, text, re.IGNORECASE)
    if asked is None:
        return []
    after = text[asked.start() :]
    quoted = [f"“{m.group(1).strip()}”" for m in _QUOTED_MYTH.finditer(after) if not _MYTH_WORD.search(m.group(1))]
    if not quoted and (named := re.search(data.named, text, re.IGNORECASE)):
        quoted = [f"that {named.group(1).strip()}"]
    if not quoted and data.said and (said := re.search(data.said, text, re.IGNORECASE)):
        quoted = [f"that {said.group(1).strip()}"]  # "a viral video that says sunscreen causes cancer"
    return list(dict.fromkeys(quoted))[: data.max_myths]


def _myth_draft(data: MythDrafts, myths: list[str], subject: str, kind: DraftKind, platform, values) -> Draft:
    """A myth-busting script or caption for the myths named: the fact to add before each one, then the close."""
    subject = re.split(r"\s*:|\s[\"“'‘]", subject, maxsplit=1)[0]  # "hay fever: 'you grow out of it'": the subject
    about = _MYTH_WORD.sub("", re.sub(r"\b(?:the|two|three|four|five|\d+)\s+(?=\w*\s*myths?\b)", "", subject))
    about = re.sub(r"^\s*(?:about|on|around|of)\s+|\s+(?:about|on|around|of)\s*$", "", " ".join(about.split()))
    several = len(myths) > 1 and about and "that" not in about.split()
    script = kind == "video_script"
    slots = {"subject": about or "this", "Subject": first_upper(about or "this"), "count": str(len(myths))}
    slots |= {"booking": "{booking}", "phone": "{phone}"}
    hook = (data.script_hook if script else data.caption_hook) if several else None
    first = (
        hook.format(**slots)
        if hook
        else (data.script_hook_one if script else data.caption_hook_one).format(myth=myths[0], **slots)
    )
    line = data.script_line if script else data.caption_line
    lines = [first, *(line.format(n=n, myth=myth, **slots) for n, myth in enumerate(myths, 1))]
    lines.append((data.script_last if script else data.caption_last).format(**slots))
    text = fill(("\n" if script else "\n\n").join(lines), values)
    title = f"myths about {about}" if several else f"the myth {myths[0]}" if myths[0].startswith("that ") else "a myth"
    heading = "Script" if script else f"{platform.name} caption"
    return Draft(kind=kind, platform=platform.id, title=f"{heading}: {title}", text=text, notes=[data.note], alerts=1)


def _breaks_a_rule(text: str) -> bool:
    """Whether a phrase breaks a claims rule ("flawless smile guaranteed"), so that it names no draft: the asker
    quoted it as what they may no longer say."""
    return bool(text) and any(f.severity == "high" for f in check_text(text, kind="post"))


def _carried(subject: str, extras, quoted: bool) -> bool:
    """Whether the general drafts can carry `subject` in every line: a topic in a few words (drafts.yaml
    `general_subject_max_words`, `general_subject_not`). A title the asker quotes may speak in the first person
    ("'things I'd never do as a dietitian'"), but not exclaim or ask (`general_quoted_not`)."""
    if len(subject.split()) > extras.general_subject_max_words:
        return False
    if quoted:
        return not (extras.general_quoted_not and re.search(extras.general_quoted_not, subject))
    # ("hay fever: 'you grow out of it'": words inside the myths it quotes are the myths', not the subject's)
    unquoted = _QUOTED_PASSAGE.sub(" ", subject)
    return not (extras.general_subject_not and re.search(extras.general_subject_not, unquoted, re.IGNORECASE))


_QUOTED_PASSAGE = re.compile(r"(?<!\w)['‘\"“][^'’\"”\n]+(?:['’\"”](?!\w)|$)")  # its closing quote may be cut off


def _subject_and_point(subject: str, text: str, extras) -> tuple[str, str]:
    """(the subject, the point the asker wants made about it, or "") (drafts.yaml `point_after`, `point_asked`)."""
    head, *tail = re.split(extras.point_after, subject, maxsplit=1) if extras.point_after else [subject]
    point = tail[0].strip(" .!") if tail and len(tail[0].split()) >= 2 else ""
    if not point and extras.point_asked and (asked := re.search(extras.point_asked, text, re.IGNORECASE)):
        point = asked.group(1).strip(" .!")
    return (head.strip() if point and tail else subject), point


def _with_point(text: str, point: str, key_point: str | None) -> str:
    return re.sub(key_point, point[:1].lower() + point[1:], text) if key_point else text
