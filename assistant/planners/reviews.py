"""Review reply drafts that never confirm a patient relationship; guidance instead of a reply for threats.

Why: in the US even confirming that a reviewer is a patient can be a HIPAA disclosure, and practices
have paid settlements for replies that named patients or described their care (rules R1-R5 in
knowledge/data/compliance_rules.yaml).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from ..errors import InputError
from ..guardrails.scope import emergency_entry
from ..knowledge import registry
from ..knowledge.base import compiled
from ..knowledge.schemas.replies import CrisisReply, ReplyData, Sentiment, Situation, ThreatKind, Tone
from . import compliance

MAX_REVIEW_CHARS = 10_000
_PHONE = re.compile(r"^\+?[0-9 ().\-]{6,25}$")


class ReplyDraft(BaseModel):
    reply: str  # empty when kind is "guidance"
    findings: list[dict]
    kind: Literal["reply", "guidance", "crisis"]  # crisis: someone may be at risk, `reply` goes out at once
    guidance: list[str]
    sentiment: Sentiment | None
    threats: list[str]
    guide: str
    alternatives: list[str] = []  # other replies for the same situation (the page offers three in all)
    situation: str = ""  # what the review is about, in plain words ("Long waits")
    situation_id: str = ""  # ...and as its id in review_replies.yaml ("wait-time"), for the card that follows
    language: str = ""  # the ISO 639-1 code of the replies when not English ("es"): the review's own language
    english: list[str] = []  # ...and what the reply and its alternatives say, in English, in the same order


def load_reply_data(path: Path | None = None) -> ReplyData:
    """Templates, phrases and threat rules from knowledge/data/review_replies.yaml (or the file at `path`)."""
    if path is None:
        return registry.load(registry.REVIEW_REPLIES)
    return registry.read_data_file(path, ReplyData)


def _validate(text: str, rating, clinic_phone) -> str:
    text = (text or "").strip()
    if not text:
        raise InputError("paste the text of the review to answer")
    if len(text) > MAX_REVIEW_CHARS:
        raise InputError(f"the review is longer than {MAX_REVIEW_CHARS:,} characters; paste only the review")
    if rating is not None and (isinstance(rating, bool) or rating not in range(1, 6)):
        raise InputError(f"rating must be a whole number from 1 to 5 (got {rating!r})")
    if clinic_phone is not None and not _PHONE.match(clinic_phone.strip()):
        raise InputError(f"clinic phone {clinic_phone!r} does not look like a phone number (digits, spaces, + - ( ))")
    return text


def detect_threats(text: str, data: ReplyData) -> list[str]:
    """Kinds of threat in a review (extortion, legal, violence...), in the data's order."""
    return [
        kind
        for kind, rule in data.threats.items()
        if isinstance(rule, ThreatKind) and any(compiled(p, re.I | re.S).search(text) for p in rule.patterns)
    ]


def _sentiment(text: str, rating: int | None, data: ReplyData) -> Sentiment:
    if rating is not None:
        return "negative" if rating <= 2 else "mixed" if rating == 3 else "positive"
    low = text.lower()
    negated = _negated(low, data.negations, data.sentiment.get("positive", ()))
    score = {
        k: sum(bool(compiled(_whole(w)).search(negated if k == "positive" else low)) for w in words)
        for k, words in data.sentiment.items()
    }
    score["negative"] += negated.count(_NEGATED)
    if score["negative"] == score["positive"]:
        return "mixed"
    return max(score, key=lambda k: score[k])


def _whole(word: str) -> str:
    """The pattern of a sentiment word as a whole word; an emoji ("😍") has no word edges to match."""
    return rf"\b{re.escape(word)}\b" if word[:1].isalnum() else re.escape(word)


_NEGATED = "\x00"  # a positive word after a negation, taken out of the positive count and counted as negative


def _negated(low: str, negations: tuple[str, ...], positives: tuple[str, ...]) -> str:
    """`low` with each positive word in the three words after a negation ("would not recommend", "wasn't helpful")
    replaced by `_NEGATED`; not in "can't recommend them highly enough", which is praise."""
    if not negations or not positives:
        return low
    # a whole word ("not"), or a contraction's ending ("n't" of "wasn't"), written with either apostrophe
    whole = "|".join(re.escape(n) for n in negations if n[:1].isalpha() and "'" not in n) or "(?!)"
    endings = "|".join(re.escape(n).replace("'", "['’]") for n in negations if "'" in n) or "(?!)"
    governed = compiled(rf"(?:(?<![\w'’])(?:{whole})|(?:{endings}))\b((?:[ \t]+[\w'’]+){{1,3}})(?=([ \t]+[\w'’]+)?)")
    positive = compiled(rf"\b(?:{'|'.join(re.escape(p) for p in positives)})\b")

    def turned(m: re.Match[str]) -> str:
        if "enough" in m.group(1) + (m.group(2) or ""):  # "can't recommend them highly enough": praise
            return m.group(0)
        return m.group(0).replace(m.group(1), positive.sub(_NEGATED, m.group(1)))

    return governed.sub(turned, low)


def draft_reply(
    text: str,
    rating: int | None = None,
    reviewer_name: str | None = None,
    clinic_phone: str | None = None,
    *,
    data: ReplyData | None = None,
    tone: Tone = "warm",
    signoff: str = "",
    country: str | None = None,
    language: str | None = None,
) -> ReplyDraft:
    """A calm, generic public reply to a review (and two alternatives), or guidance when the review threatens,
    or, when it speaks of suicide or self-harm, the crisis reply with the numbers for `country` (ISO code).
    `signoff` ends each reply ("The practice manager, Northside Clinic"). A review in a `language` (ISO 639-1) the
    data holds replies in gets its general replies in that language, by sentiment (the situations are English)."""
    text = _validate(text, rating, clinic_phone)
    data = data or load_reply_data()
    if data.crisis is not None and speaks_of_self_harm(text, data):
        return _crisis_reply(data.crisis, country, data.guides["guidance"])
    threats = detect_threats(text, data)
    if threats:
        # detect_threats returns only the kinds whose entry is a ThreatKind (not the "always" steps)
        rules = [r for kind in threats if isinstance(r := data.threats[kind], ThreatKind)]
        always = data.threats["always"]  # the steps for every threat: a plain list in the data
        steps = [s for r in rules if r.urgent for s in r.steps] + (list(always) if isinstance(always, tuple) else [])
        steps += [s for r in rules if not r.urgent for s in r.steps]
        return ReplyDraft(
            reply="",
            findings=[],
            kind="guidance",
            guidance=steps,
            sentiment="negative",
            threats=threats,
            guide=data.guides["guidance"],
        )
    sentiment = _sentiment(text, rating, data)
    local = data.languages.get(language or "")
    situations = [] if local is not None else _situations(text, sentiment, data)
    situation = situations[0] if situations else None
    if local is not None:  # a review in Spanish: the general replies in Spanish
        texts = list(getattr(local, sentiment))
    else:
        texts = [getattr(r, tone) for r in situation.replies] if situation else list(data.templates[sentiment])
    others = [s for s in situations[1:] if _also_matches(s, text)]
    if local is None and sentiment == "mixed" and not (situation and situation.cues):
        # A mixed review that complains about something ("lovely dentist, but the bill was double the quote"):
        # the complaint is named in general words, as in a negative review about it, never the generic reply alone.
        others = [s for s in _situations(text, "negative", data) if _also_matches(s, text)]
    others = others[:2]
    if others:  # the other kinds of complaint the review makes, each named in general words after the opening
        texts = [_with_also(t, [getattr(s.also, tone) for s in others]) for t in texts]
    # The same review always gets the same draft; different reviews get different wordings.
    choice = hashlib.sha256(text.encode()).digest()[0] % len(texts)
    contact = _contact(local.contact if local is not None else data.contact, clinic_phone)
    ordered = [t.format(contact=contact) for t in texts[choice:] + texts[:choice]]
    sign = f"\n{signoff}" if signoff else ""
    reply, alternatives = ordered[0] + sign, [t + sign for t in ordered[1:3]]
    # What the replies in another language say, in the same order (with the English way to get in touch)
    source = list(data.translated_from.get(sentiment, ())) if local is not None else []
    english = [t.format(contact=_contact(data.contact, clinic_phone)) for t in source[choice:] + source[:choice]][:3]
    # The reviewer's name is never used in a reply (R2); it is passed on so the checker can flag it.
    findings = compliance.check(reply, kind="reply", reviewer_name=reviewer_name)
    return ReplyDraft(
        reply=reply,
        findings=findings,
        kind="reply",
        guidance=list(data.reply_guidance),
        sentiment=sentiment,
        threats=[],
        guide=data.guides["reply"],
        alternatives=alternatives,
        situation="; ".join(s.label for s in [situation, *others] if s) if situation else "",
        situation_id=situation.id if situation else "",
        language=(language or "") if local is not None else "",
        english=english,
    )


def _contact(contacts: Mapping[Literal["with_phone", "without_phone"], str], phone: str | None) -> str:
    """How a reply asks the reviewer to get in touch: by the practice's number when given."""
    return contacts["with_phone"].format(phone=phone.strip()) if phone else contacts["without_phone"]


def sign_off(clinic: str, language: str | None = None, data: ReplyData | None = None) -> str:
    """How a reply is signed: "The practice manager, Northside Clinic", in the review's language when the data holds
    replies in it ("La dirección de la clínica, Clínica Norte"); no clinic name for the default "My clinic"."""
    data = data or load_reply_data()
    local = data.languages.get(language or "")
    who = local.signoff if local is not None else data.signoff
    return f"{who}, {clinic}" if clinic and clinic != "My clinic" else who


def speaks_of_self_harm(text: str, data: ReplyData) -> bool:
    """Whether a review, comment or message speaks of suicide or self-harm (the data's crisis patterns)."""
    return data.crisis is not None and any(compiled(p, re.I).search(text) for p in data.crisis.patterns)


def _crisis_reply(crisis: CrisisReply, country: str | None, guide: str) -> ReplyDraft:
    """The reply for a message that speaks of suicide or self-harm, with the country's emergency and crisis lines."""
    entry = emergency_entry(country)
    emergency = entry.number if entry else crisis.unknown_emergency
    line = entry.crisis if entry and entry.crisis else crisis.unknown_crisis
    reply = crisis.reply.format(emergency=emergency, crisis_sentence=crisis.crisis_sentence.format(crisis=line))
    return ReplyDraft(
        reply=" ".join(reply.split()),
        findings=[],
        kind="crisis",
        guidance=list(crisis.steps),
        sentiment=None,
        threats=["self_harm"],
        guide=guide,
    )


def _situation(text: str, sentiment: Sentiment, data: ReplyData) -> Situation | None:
    """The situation whose cues the review matches most (of its sentiment); else the sentiment's general one."""
    found = _situations(text, sentiment, data)
    return found[0] if found else None


def _situations(text: str, sentiment: Sentiment, data: ReplyData) -> list[Situation]:
    """Every situation of the sentiment whose cues the review matches, most matched first (ties in the data's
    order); else the sentiment's general one alone."""
    fitting = [s for s in data.situations if s.sentiment == sentiment and not _ruled_out(s, text)]
    scored = [
        (not _second(s, text), sum(bool(compiled(c, re.I).search(text)) for c in s.cues), -i, s)
        for i, s in enumerate(fitting)
    ]
    matched = [s for _, n, _, s in sorted(scored, key=lambda x: x[:3], reverse=True) if n > 0]
    if matched:
        return matched
    return [s for s in fitting if not s.cues][:1]


def _second(situation: Situation, text: str) -> bool:
    """Whether the review says something graver that comes before the situation (its `second_when` patterns)."""
    return any(compiled(p, re.I).search(text) for p in situation.second_when)


def _ruled_out(situation: Situation, text: str) -> bool:
    """Whether the review says something that rules the situation out (its `not_when` patterns)."""
    return any(compiled(p, re.I).search(text) for p in situation.not_when)


def _also_matches(situation: Situation, text: str) -> bool:
    """Whether a review names the situation's complaint in passing (its `also` cues)."""
    return (
        situation.also is not None
        and not _ruled_out(situation, text)
        and any(re.search(c, text, re.I) for c in situation.also.cues)
    )


def _with_also(reply: str, sentences: list[str]) -> str:
    """The reply with sentences naming other complaints added after its opening sentence."""
    first, sep, rest = reply.partition(". ")
    if not sep:
        return " ".join([reply, *sentences])
    return " ".join([first + ".", *sentences, rest])
