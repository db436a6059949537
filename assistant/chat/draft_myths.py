"""A myth-busting carousel, caption or script on several myths of the asker's field, made of the field's checked posts
on each myth (knowledge/copy/, topics titled "Myth: ..."): a physio asking for "a carousel '5 myths about low back
pain'" gets the bed-rest and scan myths busted in the physios' checked words, not a template with the facts to add."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..knowledge.copy import PostCopy, fill
from ..knowledge.schemas.drafts import MythDrafts, MythSeries
from ..retrieval import tokenize
from .draft_copy import _CAROUSEL, myths_named
from .draft_topics import TopicFinder, same_word
from .models import Draft, DraftKind
from .wording import count_of, first_upper, sentences

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

_MYTH = "Myth: "


def myth_series(
    kb: KnowledgeBase,
    data: MythDrafts | None,
    topics: TopicFinder,
    text: str,
    spec_id: str | None,
    kind: DraftKind,
    platform,
    values: dict[str, str],
) -> Draft | None:
    """Several myths busted from the field's checked posts, those about the subject asked first; None when the message
    names its own myths, asks for one, or the field has fewer than two checked myths on the subject."""
    if data is None or data.series is None or spec_id is None or kind not in ("caption", "video_script"):
        return None
    series = data.series
    if not re.search(data.asked, text, re.IGNORECASE) or myths_named(text, data):
        return None
    many = re.search(series.how_many, text, re.IGNORECASE)
    asked = count_of(many.group(1)) if many else None
    if asked == 1 or (asked is None and not re.search(r"\bmyths\b", text, re.IGNORECASE)):
        return None
    subject = _subject(series, topics, text)
    found = _myths_on(kb, topics, spec_id, subject)
    if len(found) < 2:
        return None
    count = min(asked or series.default_count, len(found))
    return _draft(series, found[:count], subject, asked, kind, platform, values, _CAROUSEL.search(text) is not None)


def _subject(series: MythSeries, topics: TopicFinder, text: str) -> str:
    """What the myths are about: after "myths about", else the words before "myths" that are neither a count, a
    generic word nor the field's name ("3 common dental myths": none, the field's own myths)."""
    if about := re.search(series.about, text, re.IGNORECASE):
        return about.group(1).strip(" '’‘\"")
    before = re.search(series.before, text, re.IGNORECASE)
    words = before.group(1).split() if before else []
    kept = [w for w in words if count_of(w) is None and topics.telling(w)]
    return " ".join(kept).lower() if kept == words[len(words) - len(kept) :] else ""


def _myths_on(kb: KnowledgeBase, topics: TopicFinder, spec_id: str, subject: str) -> list[tuple[str, PostCopy]]:
    """(myth, its checked post) of the field, about the subject when one is named: its most telling word, or two of
    its words, in the myth's title, keywords or short post."""
    copies = kb.copy.get(spec_id, {})
    myths = [
        (t, copies[t.title]) for t in kb.specialty(spec_id).topics if t.title.startswith(_MYTH) and t.title in copies
    ]
    if not subject:
        return [(t.title[len(_MYTH) :], c) for t, c in myths]
    key = topics.key_word(subject)
    words = {w for w in tokenize(subject) if len(w) > 2} - {"myth", "myths"}
    scored = []
    for n, (topic, copy) in enumerate(myths):
        said = set(tokenize(f"{topic.title} {' '.join(topic.keywords)} {copy.x or copy.warm.hook}"))
        shared = {w for w in words if any(same_word(w, s) for s in said)}
        if (key is not None and key in shared) or len(shared) >= 2:
            scored.append((0, -len(shared), n, topic.title[len(_MYTH) :], copy))
        elif key is not None and any(same_word(key, s) for s in tokenize(copy.warm.body)):
            # the myth's full post turns on the subject ("a base tan protects you" ends on sunscreen): after those
            # that name it
            scored.append((1, 0, n, topic.title[len(_MYTH) :], copy))
    return [(myth, copy) for *_, myth, copy in sorted(scored, key=lambda x: x[:3])]


def _slide(myth: str, copy: PostCopy) -> str:
    """One myth and its fact, from the short post (its booking line left for the end): "Myth: ... Fact: ..."."""
    short = copy.x or f"{copy.warm.hook} {copy.warm.body}"
    kept = [s for s in sentences(short) if "{" not in s]
    while len(kept) > 1 and kept[-1].endswith("?"):  # "Feeling fine but overdue?" led to the booking line
        kept.pop()
    told = " ".join(kept)
    if told.lower().startswith("myth"):
        return told
    return f"{_MYTH}{myth.rstrip('.')}. {told}"


def _draft(
    series: MythSeries,
    found: list[tuple[str, PostCopy]],
    subject: str,
    asked: int | None,
    kind: DraftKind,
    platform,
    values: dict[str, str],
    carousel: bool,
) -> Draft:
    count = len(found)
    slots = {"count": str(count), "Count": str(count), "subject": subject, "Subject": first_upper(subject)}
    slots |= {"booking": "{booking}", "phone": "{phone}"}
    cover = (series.cover if subject else series.cover_field).format(**slots)
    slides = [_slide(myth, copy) for myth, copy in found]
    title_about = f"{count} myths about {subject}" if subject else f"{count} myths"
    notes = [series.note]
    if asked and asked > count:
        notes.append(series.fewer_note.format(count=count, asked=asked))
    if kind == "video_script":
        lines = [series.script_hook.format(**slots) if subject else f"0-3 s (hook, spoken and on screen): {cover}."]
        lines += [series.script_line.format(n=n, slide=s) for n, s in enumerate(slides, 1)]
        lines.append(series.script_last.format(**slots))
        text, title = "\n".join(lines), f"Script: {title_about}"
    elif carousel:
        lines = [f"Slide {n}: {s}" for n, s in enumerate([cover, *slides, series.last.format(**slots)], 1)]
        caption = series.caption.format(**slots) if subject else f"{cover}: swipe through for the facts."
        text, title = "\n".join(lines) + f"\n\nCaption:\n{caption}", f"{platform.name} carousel: {title_about}"
    else:
        lines = [f"{cover}:", *(f"{n}. {s}" for n, s in enumerate(slides, 1)), series.last.format(**slots)]
        text, title = "\n\n".join(lines), f"{platform.name} caption: {title_about}"
    return Draft(kind=kind, platform=platform.id, title=title, text=fill(text, values), notes=notes)
