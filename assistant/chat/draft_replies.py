"""Replies: to a pasted comment asking about health, to a review, to a message about suicide or self-harm."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..knowledge.schemas.drafts import DraftData
from ..knowledge.schemas.replies import Tone
from .comments import asks_for_reply, comment_reply, described_question, hostile_reply, is_hostile, spreads_myth
from .details import details_in
from .draft_inputs import (
    _country_code,
    _pasted,
    _pasted_comment,
    _platforms,
    _values,
    asker_field,
)
from .draft_topics import TopicFinder
from .language import detect_language
from .models import Draft, DraftKind
from .notices import NoticeWriter
from .wording import count_of

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..knowledge.schemas.chat import Languages
    from ..profile import ClinicProfile

_STARS = re.compile(r"\b([1-5]|one|two|three|four|five)[- ]?stars?\b", re.IGNORECASE)
_REVIEW_SITE = re.compile(
    r"\b(reviews?|reviewer|google|yelp|trustpilot|healthgrades|zocdoc|rated|rating|stars?)\b", re.IGNORECASE
)
_REVIEW_WORD = re.compile(r"\breviews?\b", re.IGNORECASE)
_TOO_SHORT_TO_TELL = 6  # words: a shorter review is taken to be in the asker's language


class ReplyWriter:
    """Writes replies to pasted comments and reviews, and spots threats in them."""

    def __init__(
        self,
        kb: KnowledgeBase,
        data: DraftData,
        topics: TopicFinder,
        notices: NoticeWriter,
        threat_cards: dict[str, str],
        languages: Languages,
    ) -> None:
        self.kb = kb
        self.data = data
        self.topics = topics
        self.notices = notices
        self.threat_cards = threat_cards
        self.languages = languages

    def comment_reply(self, turn, profile: ClinicProfile | None, asker) -> Draft | None:
        """The reply to a pasted comment or DM asking about the writer's own health, or None."""
        from ..guardrails.scope import emergency_entry

        data = self.data.extras.comment_reply
        text = turn.masked
        comment = _pasted_comment(text) or (described_question(text, data) if data is not None else "")
        if data is None or _REVIEW_WORD.search(text) or not asks_for_reply(text, comment, data):
            return None
        specialty = asker_field(turn, profile, asker.specialty)
        myth = data.myth if spreads_myth(comment, data) else None
        about = re.sub(myth, " ", comment, flags=re.IGNORECASE) if myth else comment
        # The comment's own words first ("is this a speech delay?"), then with the request's subject; a myth: what it
        # is about ("sunscreen"), not what it claims.
        found = None
        subject = self.topics.subject(text)
        own_medicine = data.own_medicine is not None and re.search(data.own_medicine, comment, re.IGNORECASE)
        for asked in dict.fromkeys(() if own_medicine else (about, f"{about} {subject}")):
            found = self.topics.topic_for(asked, specialty)
            if found is not None and len({w for w in self.topics.shared_words(asked, found[1]) if len(w) >= 4}) < 2:
                found = None  # a shared "GP" or "go" does not make a topic the answer: no fact rather than a wrong one
            if found is not None and not any(self.topics.fits(t, found[1], found[0]) for t in (about, subject) if t):
                found = None  # "how many carbs per meal?" shares "eating" and "meal" with late eating, never "carbs"
            if found is not None:
                break
        copy = self.kb.copy.get(found[0], {}).get(found[1].title) if found else None
        entry = emergency_entry(_country_code(turn, profile))
        named = turn.platforms[0] if turn.platforms_named and turn.platforms else None
        values = _values(profile, details_in(text, self.kb.countries))
        return comment_reply(comment, copy, data, values, entry.number if entry else "", named)

    def reply_language(self, review: str, asked: str = "", asker_language: str = "en") -> str | None:
        """The language a reply is written in (ISO 639-1), when the replies are held in it: the review's own, or the
        asker's for a review too short to tell ("¡Excelentes!"); None for English, or when the request (`asked`)
        asks for English."""
        from ..planners.reviews import load_reply_data

        data = load_reply_data()
        if data.english_asked and re.search(data.english_asked, asked, re.IGNORECASE):
            return None
        named = (c for c, local in data.languages.items() if re.search(rf"\bin(?:to)? {local.name}\b", asked, re.I))
        if (code := next(named, None)) is not None:
            return code  # "write a reply in Spanish" to a review in English
        code = detect_language(review, self.languages)
        if code == "en" and len(review.split()) < _TOO_SHORT_TO_TELL:
            code = asker_language
        return code if code in data.languages else None

    @staticmethod
    def language_name(code: str) -> str:
        from ..planners.reviews import load_reply_data

        return load_reply_data().languages[code].name

    def review_text(self, text: str) -> str:
        """The message as a description of the review: without the asker's own legal plans ("can we sue them?")."""
        if self.data.asker_intent is None:
            return text
        return re.sub(self.data.asker_intent, " ", text, flags=re.IGNORECASE).strip() or text

    def threatening(self, text: str) -> bool:
        return bool(self.threats(text))

    @staticmethod
    def threats(text: str) -> list[str]:
        from ..planners.reviews import detect_threats, load_reply_data

        return detect_threats(text, load_reply_data())

    def crisis_reply(self, turn, profile: ClinicProfile | None, kind: DraftKind | None) -> Draft | None:
        """The reply to send at once when the message pasted (or the one to answer) speaks of suicide or self-harm,
        with the emergency and crisis numbers for the clinic's country; None for any other message."""
        from ..planners.reviews import draft_reply, load_reply_data, speaks_of_self_harm

        message = _pasted(turn.masked) or (turn.masked if kind == "review_reply" else None)
        if not message or not speaks_of_self_harm(message, load_reply_data()):
            return None
        example = self.data.extras.example_quote
        before = turn.masked[: max(turn.masked.find(message) - 1, 0)][-60:]
        if kind is None and example and re.search(example, before, re.IGNORECASE):
            return None  # "people saying things like '...'": what to do with such messages, not a reply now
        drafted = draft_reply(message[:2000], country=_country_code(turn, profile))
        return Draft(
            card=self.threat_cards.get("self_harm"),
            kind="review_reply",
            title="Reply now: this message speaks of suicide or self-harm",
            text=drafted.reply,
            notes=list(drafted.guidance),
        )

    def review_reply(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        from ..planners.reviews import draft_reply, load_reply_data, sign_off

        if (answer := self.notices.reply_for(turn.masked)) is not None:  # "a comment asking what dose to give"
            names = {p: self.kb.platform(p).name for p in _platforms(turn, profile)[:1]}
            code = _country_code(turn, profile)
            rules = self.kb.countries.rules_for(code) if self.kb.countries and code else None
            values = _values(profile, details_in(turn.masked, self.kb.countries))
            return self.notices.drafts(answer, turn.masked, names, values, rules)[0]
        review = _pasted(turn.masked) or self.review_text(turn.masked)
        told = self.review_text(turn.masked)
        if not self.threatening(review) and {"violence", "extortion"} & set(self.threats(told)):
            # "saying I 'deserve what's coming' and that they know where I park", "refund his $450 or he'll post
            # 1-star reviews 'from all my accounts'": the threat is told, and only a scrap of it quoted
            review = told
        hostile = self.data.extras.comment_reply
        if hostile is not None and is_hostile(review, hostile) and not self.threatening(review):
            named = turn.platforms[0] if turn.platforms_named and turn.platforms else None  # "you're all scammers":
            values = _values(profile, details_in(turn.masked, self.kb.countries))  # one calm line, not a review reply
            return hostile_reply(review, hostile, values, named)
        stars = _STARS.search(turn.masked)
        rating = None if stars is None else count_of(stars.group(1))
        phone = profile.phone if profile is not None and profile.phone else None
        tone: Tone = "formal" if profile is not None and "formal" in profile.tone.lower() else "warm"
        # A message in another language reaches the drafts as its English gloss: the language is the review's as
        # written (read for its language only, never kept), else the message's.
        written = _pasted(turn.question) if getattr(turn, "english", "") else ""
        language = self.reply_language(written or review, turn.masked, getattr(turn, "language", "en") or "en")
        signoff = sign_off(profile.name if profile is not None else "", language)
        try:
            drafted = draft_reply(
                review[:2000], rating, clinic_phone=phone, tone=tone, signoff=signoff, language=language
            )
        except Exception:  # noqa: BLE001 - an unusable review text: no draft, the guidance still answers
            return None
        if drafted.kind == "guidance":  # threats, extortion: do not reply publicly
            threats = self.threats(review)
            # a threat in a comment, a post or a message is reported as what it is, not as "the review"
            steps = drafted.guidance if _REVIEW_SITE.search(turn.masked) else [_as_comment(s) for s in drafted.guidance]
            return Draft(
                card=next((self.threat_cards[t] for t in threats if t in self.threat_cards), None),
                kind="review_reply",
                title="Do not reply publicly: deal with the threat first",
                text="\n".join(f"- {step}" for step in steps),
                notes=[f"If you must say anything in public, say only: “{self.data.holding_line}”"]
                if self.data.holding_line
                else [],
            )
        asked = turn.masked.replace(review, " ")  # the asker's own words around the review
        what = "review" if _REVIEW_SITE.search(turn.masked) else "comment"
        title = f"Reply to the {what} ({drafted.situation.lower()})" if drafted.situation else f"Reply to the {what}"
        english_notes: list[str] = []
        if drafted.language:
            title = f"Reply to the {what}, in {self.language_name(drafted.language)}"
            english_too = load_reply_data().english_too
            if drafted.english and english_too and re.search(english_too, turn.masked, re.IGNORECASE):
                english_notes = [f"In English, the first reply says: “{drafted.english[0]}”"]
        cards = self.data.extras.asker_cards  # "from a name we've never seen in our system": the fake-review card
        around = asked if asked.strip() else turn.masked  # the review not told apart: the whole message
        card = next((c for p, c in cards.items() if re.search(p, around, re.IGNORECASE)), None)
        card = card or self.data.extras.situation_cards.get(drafted.situation_id)
        card = card or self.data.extras.sentiment_cards.get(drafted.sentiment or "")
        if card is None and what == "comment":
            card = self.data.extras.comment_card
        return Draft(
            card=card,
            kind="review_reply",
            title=title,
            text=drafted.reply,
            alternatives=drafted.alternatives,
            notes=[
                *english_notes,
                *([self.data.reply_note] if self.data.reply_note else []),
                *(
                    n.say
                    for n in self.data.review_notes
                    if drafted.sentiment != "positive"
                    and not (n.english_only and drafted.language)
                    and (n.when is None or re.search(n.when, review, re.I))
                    and (n.asker is None or re.search(n.asker, f"{asked} {_after_quote(turn.masked)}", re.I))
                ),
            ],
        )


def _as_comment(step: str) -> str:
    return re.sub(r"\breviewer\b", "account", re.sub(r"\bthe review\b", "the comment or message", step))


def _after_quote(text: str) -> str:
    """What the asker writes after the last closing quote ("... NEVER AGAIN - Jessica M." we DID get signed consent.
    Can we say that in the reply?"): their own words, which a review read to the end of the message leaves out."""
    parts = re.split(r"[\"”]", text)
    return parts[-1] if len(parts) > 2 else ""
