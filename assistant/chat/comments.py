"""A reply to a pasted comment or DM that asks about the writer's own health ("I've had sciatica for 3 months, what
exercises should I do?"). The reply gives one general fact from the matching topic's authored copy, gives no
advice for this person, offers an appointment, and names the urgent signs where the copy does. It never confirms
that the writer is a patient. The wording is data (knowledge/data/drafts.yaml, `extras.comment_reply`)."""

from __future__ import annotations

import re

from ..knowledge.copy import PostCopy, fill
from ..knowledge.schemas.drafts import CommentReplyData
from .models import Draft

_FLAGS = re.IGNORECASE | re.DOTALL
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_SOURCE = re.compile(r"\s*\((?:source|sources):[^)]*\)")
_LINKS = {"booking": "{booking}", "phone": "{phone}"}  # filled from the clinic's values afterwards


def asks_for_reply(text: str, comment: str, data: CommentReplyData) -> bool:
    """Whether the message asks for a reply to `comment`, a pasted comment or message about someone's own health."""
    if not comment or not any(re.search(p, text, _FLAGS) for p in data.requests):
        return False
    if data.complaint and re.search(data.complaint, comment, _FLAGS):
        return False  # "charged me double, scammers!!": a complaint about fees, answered as a review is
    if spreads_myth(comment, data) or is_hostile(comment, data) or disputes_post(comment, data):
        return True
    if data.price and re.search(data.price, comment, _FLAGS):
        return False  # "how much for braces?": the reply to a price question (never "how much does pharma pay you")
    return all(re.search(p, comment, _FLAGS) for p in data.asks[:1]) or any(
        re.search(p, comment, _FLAGS) for p in data.asks[1:]
    )


def described_question(text: str, data: CommentReplyData) -> str:
    """The health question a message tells rather than pastes ("asked under our post whether her knee pain means she
    tore something"), as a question; "" when it tells none."""
    found = next((m for p in data.described if (m := re.search(p, text, _FLAGS))), None)
    return f"{found.group(1).strip()}?" if found else ""


def is_hostile(comment: str, data: CommentReplyData) -> bool:
    """Whether a comment insults or accuses the clinician ("you're just shilling for pharma") rather than asking
    anything or complaining about fees; an insult that also repeats a myth gets the calm line, not an argument."""
    if not (data.hostile and data.hostile_reply) or not re.search(data.hostile, comment, _FLAGS):
        return False
    return not (data.complaint and re.search(data.complaint, comment, _FLAGS))


def hostile_reply(comment: str, data: CommentReplyData, values: dict[str, str], platform: str | None) -> Draft:
    """One calm public line under an insulting or accusing comment, or none (the notes say so)."""
    return Draft(
        card=data.hostile_card,
        kind="review_reply",
        platform=platform,
        title=_title(comment),
        text=" ".join(fill(data.hostile_reply, values).split()),
        notes=list(data.hostile_notes),
    )


def disputes_post(comment: str, data: CommentReplyData) -> bool:
    """Whether a comment says a post of ours is wrong or unsafe ("irresponsible telling mums it's just as safe")."""
    return bool(data.disputed and data.disputed_reply and re.search(data.disputed, comment, _FLAGS))


def disputed_reply(comment: str, data: CommentReplyData, values: dict[str, str], platform: str | None) -> Draft:
    """The reply to a comment that disputes our post: thanks, sorry for any harm it tells of, the fuller picture to
    add with its source, and the correction of the post if it needs one."""
    sorry = data.disputed_sorry if data.personal and re.search(data.personal, comment, _FLAGS) else ""
    return Draft(
        card=data.disputed_card,
        kind="review_reply",
        platform=platform,
        title=_title(comment),
        text=" ".join(fill(data.disputed_reply.format(sorry=sorry, **_LINKS), values).split()),
        notes=list(data.disputed_notes),
        alerts=1,  # the fuller point is the clinic's to add
    )


def _title(comment: str) -> str:
    quoted = " ".join(comment.split()).strip("\"“”'‘’ ")
    return f"Reply to the comment: “{quoted[:70]}{'…' if len(quoted) > 70 else ''}”"


def spreads_myth(comment: str, data: CommentReplyData) -> bool:
    """Whether a comment spreads a health myth or accuses the clinic of harming people for profit."""
    return bool(data.myth and data.myth_reply and re.search(data.myth, comment, _FLAGS))


def facts_from(copy: PostCopy | None, data: CommentReplyData) -> tuple[str, str]:
    """(a general fact, the urgent signs) from the topic's warm copy; empty strings where the copy has none."""
    if copy is None:
        return "", ""
    sentences = [_SOURCE.sub("", s).strip() for s in _SENTENCE.split(" ".join(copy.warm.body.split()))]
    urgent = next((s for s in sentences if re.search(data.urgent, s, re.IGNORECASE)), "")
    fact = next((s for s in sentences if s != urgent and not s.lower().startswith(("you ", "if "))), "")
    return fact, urgent


def comment_reply(
    comment: str,
    copy: PostCopy | None,
    data: CommentReplyData,
    values: dict[str, str],
    emergency: str,
    platform: str | None,
) -> Draft:
    """The reply to post under the comment (or send to the message), filled in for the clinic."""
    fact, urgent = facts_from(copy, data)
    slots = {**values, "emergency": emergency or "your local emergency number"}
    if is_hostile(comment, data):  # "you're all scammers": one calm line or none, never an argument
        return hostile_reply(comment, data, values, platform)
    title = _title(comment)
    if spreads_myth(comment, data):  # a myth: corrected once, calmly, with the fact and a source to add
        text = data.myth_reply.format(fact=fact or "[one plain, sourced fact that corrects the claim]", **_LINKS)
        notes = list(data.myth_notes)
        if copy is None:
            notes.insert(0, "Add the fact that corrects the claim and its source before posting.")
        return Draft(
            kind="review_reply", platform=platform, title=title, text=" ".join(fill(text, slots).split()), notes=notes
        )
    if disputes_post(comment, data):  # "irresponsible telling mums it's just as safe": the fuller picture, once
        return disputed_reply(comment, data, values, platform)
    text = data.reply.format(
        fact=fact or data.no_fact,
        # The urgent signs only where the subject has them ("numbness around your bottom"), or when nothing is
        # known about the subject; bleeding gums get no emergency line.
        urgent=urgent or (data.urgent_default.format(emergency=slots["emergency"]) if copy is None else ""),
        booking="{booking}",
        phone="{phone}",
    )
    notes = list(data.notes)
    if copy is None:
        notes.insert(0, "Add one general, sourced fact about the subject before posting, or keep the reply as it is.")
    return Draft(
        kind="review_reply",
        platform=platform,
        title=title,
        text=" ".join(fill(text, slots).split()),
        notes=notes,
        guide=data.health_card,
    )
