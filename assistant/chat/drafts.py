"""Drafts first: when the user asks us to write something, the answer starts with the thing itself.

A caption, a bio, a reply to a pasted review, a short-video script, a hashtag set or a plan, made by the
planners and the authored copy (knowledge/copy/) and fitted to the clinic (name, city, specialty, country,
tone). What counts as a request to write, and the bio pieces, are data (knowledge/data/drafts.yaml).

The work is shared by concern: the subject and topic (draft_topics), captions (draft_captions), replies
(draft_replies), plans (draft_plans), hashtags (draft_hashtags), video scripts (draft_scripts); this module decides
which draft a message asks for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import KnowledgeError
from ..guardrails.scope import with_local_number
from ..knowledge import registry
from ..knowledge.base import compiled
from ..knowledge.models import Specialty, Topic
from ..knowledge.schemas.drafts import DraftData, FormatData
from ..knowledge.schemas.notices import Notice
from .bios import names_other_field, write_bio
from .data import chat_data
from .details import Details, details_in
from .draft_captions import CaptionWriter
from .draft_formats import asked_format, format_draft, refused_notes
from .draft_hashtags import hashtag_draft, listed_hashtag_drafts
from .draft_inputs import _country_code, _pasted, _platform, _platforms, _values, asker_field, names_unheld_profession
from .draft_newsletter import asks_for_newsletter
from .draft_plans import PlanWriter
from .draft_replies import ReplyWriter
from .draft_scripts import video_script_draft
from .draft_topics import HASHTAGS_TOO, TopicFinder
from .ideas import idea_list, wants_ideas
from .language import detect_language
from .models import Draft, DraftKind
from .news import NewsWriter
from .notices import NoticeWriter
from .rewrite import rewrite, wants_rewrite
from .wording import first_upper, sentences

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..profile import ClinicProfile

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_REVIEWED = re.compile(
    r"\b(reviews?|comments?|commented|posts?|messages?|messaged|dms?|dm'?e?d|tweets?)\b", re.IGNORECASE
)


def requested_kind(text: str, data: DraftData) -> DraftKind | None:
    """The kind of draft a message asks for, or None for a question. A sentence asking whether the asker, or others
    for them (staff, an agency, an AI tool), may write or post asks for no draft (drafts.yaml `permission`), and
    nor does a sentence that a question after it asks about ("... to make TikTok videos. Is that allowed?")."""
    return requested(text, data)[0]


def requested(text: str, data: DraftData) -> tuple[DraftKind | None, FormatData | None]:
    """The kind of draft a message asks for (see `requested_kind`), and the form of writing it names (drafts.yaml
    `extras.formats`) in the sentences that ask for a draft, if any: both read from one pass over its sentences."""
    text = _requesting(text, data)
    form = asked_format(text, data.extras.formats)
    if asks_for_newsletter(text, data.extras.newsletter):
        return "caption", form  # an email newsletter issue: written as one post
    if form is not None:
        return form.kind, form  # "a Facebook ad: primary text, headline and description": written from its template
    for kind in data.order:
        if any(compiled(p, re.IGNORECASE | re.DOTALL).search(text) for p in data.requests.get(kind, ())):
            if kind == "hashtags" and data.caption_with_hashtags and re.search(data.caption_with_hashtags, text, re.I):
                return "caption", None
            return kind, None
    return None, None


def _requesting(text: str, data: DraftData) -> str:
    if data.permission or data.permission_of_before:
        return " ".join(_requesting_sentences(_SENTENCE_END.split(text), data))
    return text


def _requesting_sentences(sentences: list[str], data: DraftData) -> list[str]:
    """The sentences of a message that may ask for a draft: not those asking whether something may be done."""

    def matches(patterns, sentence: str) -> bool:
        return any(compiled(p, re.IGNORECASE).search(sentence) for p in patterns)

    kept: list[str] = []
    for sentence in sentences:
        if matches(data.permission_of_before, sentence):
            # "I want to post X. My friend says that's fine. Is it?": the question is about X, past the view reported
            while kept and data.reported_view and re.search(data.reported_view, kept[-1], re.IGNORECASE):
                kept.pop()
            kept = kept[:-1]
        elif not matches(data.permission, sentence):
            kept.append(sentence)
    return kept


class Drafter:
    """Builds the drafts a message asks for. Build once; the topic index is made on first use."""

    def __init__(self, kb: KnowledgeBase, data: DraftData | None = None) -> None:
        self.kb = kb
        self.data = data or registry.load(registry.DRAFTS, kb.root)
        cards = {c.id for c in kb.cards}
        self.guidance = {kind: card for kind, card in self.data.guidance.items() if card in cards}
        self.threat_cards = {kind: card for kind, card in self.data.threat_cards.items() if card in cards}
        self.news = NewsWriter(registry.load(registry.ANNOUNCEMENTS, kb.root))
        self.notices = NoticeWriter(registry.load(registry.NOTICES, kb.root))
        self.topics = TopicFinder(kb, self.data)
        # Pasted ad copy is short and shouts ("SORRISO PERFETTO IN 1 GIORNO!"): fewer stop words tell its language.
        languages = chat_data(kb.root).languages
        self.copy_languages = languages.model_copy(update={"min_share": languages.min_share / 2})
        self.replies = ReplyWriter(kb, self.data, self.topics, self.notices, self.threat_cards, languages)
        self.writer = CaptionWriter(kb, self.data, self.topics, self.news)
        self.plans = PlanWriter(kb, self.data)

    # --- which topic ------------------------------------------------------------------------------------

    def subject(self, text: str) -> str:
        """The subject of a request: what follows 'about', 'on', 'for'... or the message without draft words."""
        return self.topics.subject(text)

    def topic_for(self, subject: str, specialty: str | None):
        """(specialty id, topic) best matching a subject, within the specialty if known; None if nothing fits."""
        return self.topics.topic_for(subject, specialty)

    def topics_for(self, subject: str, specialty: str | None) -> list:
        """Every (specialty id, topic) matching a subject, best first."""
        return self.topics.topics_for(subject, specialty)

    def covers(self, subject: str, topic: Topic) -> bool:
        """Whether a topic is about the subject asked."""
        return self.topics.covers(subject, topic)

    def subject_phrase(self, text: str, cues: tuple[str, ...] = ()) -> str:
        """The subject as the user wrote it ("how to floss"), without the words that say how ("properly")."""
        return self.topics.subject_phrase(text, cues)

    def named_day(self, text: str) -> str | None:
        """The awareness day, week or month a message names, as typed, or None."""
        return self.topics.named_day(text)

    # --- the drafts -------------------------------------------------------------------------------------

    def drafts(self, turn, profile: ClinicProfile | None, asker) -> list[Draft]:
        """The drafts the message asks for (usually one), or [] when it asks a question; a draft for a platform
        we hold no data on says which platform it was written for instead."""
        drafts = self._drafts(turn, profile, asker)
        country = _country_code(turn, profile)
        drafts = [local_number(d, country) for d in drafts]
        limits = self.data.extras.limits
        other = re.search(limits.other_platforms, turn.masked, re.IGNORECASE) if limits and drafts else None
        if other is None or limits is None or (turn.platforms_named and turn.platforms):
            return drafts
        held = self.kb.platforms.get(drafts[0].platform or "")
        used = held.name if held is not None else "a general post"
        note = limits.other_platform.format(name=first_upper(other.group(1)), used=used)
        first = drafts[0].model_copy(update={"notes": [note, *drafts[0].notes], "alerts": drafts[0].alerts + 1})
        return [first, *drafts[1:]]

    def _drafts(self, turn, profile: ClinicProfile | None, asker) -> list[Draft]:
        text = turn.masked
        details = details_in(text, self.kb.countries)
        kind, form, news = self._asked(text)
        if kind != "review_reply" and self.data.rewrite and wants_rewrite(text, self.data.rewrite):
            if pasted := _pasted(text):
                named = turn.platforms[0] if turn.platforms_named and turn.platforms else None
                language = detect_language(pasted, self.copy_languages)
                return [rewrite(pasted, self.data.rewrite, named, language, asker.code)]
        if kind in (None, "review_reply") and (crisis := self.crisis_reply(turn, profile, kind)) is not None:
            return [crisis]  # a pasted message about suicide or self-harm: the crisis reply, before anything else
        if (notice := self._notice_asked(text, kind, form)) is not None:
            return self._notice(notice, kind, turn, profile, asker, details)
        if kind is not None and form is not None:  # "a Facebook ad: primary text, headline ...": its template
            return [
                format_draft(form, text, _values(profile, details), self._title(turn, asker, profile, details.role))
            ]
        asked = kind in (None, "caption", "video_script") and wants_ideas(text, self.data)
        if (asked or (kind is None and self._asks_ideas_on(text))) and (spec := self._idea_field(turn, asker, profile)):
            on = self._topics_on(text, spec.id)
            if asked or on:
                copy = self.kb.copy.get(spec.id, {})
                values = _values(profile, details)
                nearest = _in_unheld_field(turn, asker)
                return [idea_list(spec, copy, self.data, text, _platform(turn, profile), values, on, nearest)]
        if (comment := self.comment_reply(turn, profile, asker)) is not None:
            return [comment]  # "reply to this comment: 'what exercises should I do?'": general, then an appointment
        if kind in (None, "review_reply") and (advice := self.notices.advice(text)):
            return [advice]  # comments that break the house rules are hidden, not answered
        if kind is None and _REVIEWED.search(text) and self.replies.threatening(self.replies.review_text(text)):
            kind = "review_reply"  # "a review says they'll be waiting for her after work": safety steps, no reply
        return self._made(kind, news, turn, profile, asker, details) if kind is not None else []

    def _notice_asked(self, text: str, kind: DraftKind | None, form) -> Notice | None:
        """The notice the message asks for, or None: a form more specific than any notice comes first ("a paragraph
        for our policy about ChatGPT"), and a reply asked for is a reply whatever notice its words recall, unless the
        notice is itself the replies asked for ("an auto-reply + 3 saved replies")."""
        if form is not None and form.before_notices:
            return None
        notice = self.notices.notice_for(text)
        return None if notice is None or (kind == "review_reply" and not notice.over_replies) else notice

    def _notice(
        self, notice: Notice, kind, turn, profile: ClinicProfile | None, asker, details: Details
    ) -> list[Draft]:
        """The notice for each platform asked for, then the saved replies when the message asks for them too; in a
        country whose rules forbid what the notice is for, a caption without it (if one was asked) and that
        country's card."""
        text, values = turn.masked, _values(profile, details)
        if instead := notice.not_in.get(asker.code or ""):
            drafts = self.captions(turn, profile, asker.specialty, details) if kind == "caption" else []
            return [d.model_copy(update={"card": instead}) for d in drafts[:1]]
        names = {p: self.kb.platform(p).name for p in _platforms(turn, profile)}
        codes = self.kb.countries.all_named_in(text) if self.kb.countries else []
        places = {c: self.kb.countries.name_of(c) or c for c in codes} if self.kb.countries else {}
        drafts = self.notices.drafts(notice, text, names, values, asker.country, places)
        if notice.saved_replies and re.search(notice.saved_replies, text, re.IGNORECASE):
            drafts += [self.notices.drafts(r, text, names, values, asker.country)[0] for r in self.notices.data.replies]
        return drafts

    def _idea_field(self, turn, asker, profile: ClinicProfile | None) -> Specialty | None:
        """The field whose topics make a list of ideas: the asker's, else the saved profile's, else general practice;
        for a profession no specialty covers, the specialty nearest to it or none (an osteopath gets no family
        doctor's topics from a default profile). None when the knowledge base holds none of them (a reduced one), so
        the message is answered without a list instead of failing."""
        if _in_unheld_field(turn, asker):
            names: tuple[str | None, ...] = (getattr(turn, "nearest_field", None),)
        else:
            names = (asker.specialty, profile.specialty if profile else None, "general_practice")
        for name in names:
            if name:
                try:
                    return self.kb.specialty(name)
                except KnowledgeError:
                    continue  # a field this knowledge base does not hold
        return None

    def _title(self, turn, asker, profile: ClinicProfile | None, role: str = "") -> str | None:
        """The asker's profession as a practice page names it ("Registered dietitian"), or None when unknown. The
        role the message gives wins when the field's title does not name it: a psychologist is no "Psychotherapist"
        because both are filed under one field."""
        field = asker_field(turn, profile, asker.specialty)
        title = self.data.titles.get(field) if field else None
        if role and len(role.split()) <= 3 and (title is None or not _same_role(role, title)):
            return first_upper(role)
        return title

    def _asks_ideas_on(self, text: str) -> bool:
        """Whether a question asks what to post about a subject ("What should I post about stuttering?")."""
        return self.data.ideas_on is not None and compiled(self.data.ideas_on, re.IGNORECASE).search(text) is not None

    def _topics_on(self, text: str, spec_id: str) -> list[Topic]:
        """The field's topics about the subject the sentence asking for ideas names after a cue ("ideas about
        stuttering"), best first; [] when it names none. A subject elsewhere in the message is no ask: "I refuse to
        do another 'top 3 stretches for back pain'. Give me ideas that are actually different?"."""
        asking = next((s for s in sentences(text) if wants_ideas(s, self.data) or self._asks_ideas_on(s)), "")
        # in the topics' words, without the draft's own or the field's name ("ideas for short videos", "what should I
        # post as a physio": no subject)
        phrase = self.topics.named_subject(self.topics.subject_phrase(asking)) if asking else ""
        subject = " ".join(self.topics.about_words(phrase, spec_id))
        if not subject.strip():
            return []
        return [t for _, t in self.topics.topics_for(subject, spec_id) if self.topics.fits(subject, t)]

    def _made(self, kind: DraftKind, news, turn, profile: ClinicProfile | None, asker, details: Details) -> list[Draft]:
        """The drafts of the kind asked for: captions (and the replies to the comments the news will draw), a bio
        (and the posts asked for after it: "our Google description plus 3 short posts"), or one reply, script, set
        of hashtags or plan."""
        if kind == "caption":
            drafts = _with_refused(self.captions(turn, profile, asker.specialty, details), turn.masked)
            return [*drafts, self.news.replies(news, _values(profile, details))] if news and drafts else drafts
        if kind == "hashtags" and (sets := self.hashtag_sets(turn, profile, asker.specialty)):
            return sets  # "hashtag sets for three kinds of posts: newborn tips, ...": one set for each
        make = {
            "bio": self.bio,
            "review_reply": self.review_reply,
            "video_script": self.video_script,
            "hashtags": self.hashtags,
            "plan": self.plan,
        }[kind]
        draft = make(turn, profile, asker.specialty)
        if draft is None:
            return []
        if kind == "bio" and (too := self.data.posts_too) and re.search(too, turn.masked, re.IGNORECASE):
            return _with_refused([draft, *self.captions(turn, profile, asker.specialty, details)], turn.masked)
        if (
            kind == "video_script"
            and compiled(HASHTAGS_TOO, re.IGNORECASE).search(turn.masked)
            and (tags := self.hashtags(turn, profile, asker.specialty))
        ):
            return _with_refused([draft, tags], turn.masked)  # "a reel script on the ABCDEs of melanoma + 5 hashtags"
        return [draft] if kind == "review_reply" else _with_refused([draft], turn.masked)

    def _asked(self, text: str):
        """The kind of draft asked for, the form of writing it names (or None), and the practice news whose comment
        replies are asked for too, if any: "the announcement + 2-3 standard replies for the angry comments" is the
        post, then the replies."""
        kind, form = requested(text, self.data)
        if (news := self.news.with_replies(text)) is None:
            return kind, form, None
        return ("caption" if kind == "review_reply" else kind), form, news

    def guidance_card(self, kind: DraftKind):
        """The card whose advice goes with a draft of this kind, or None."""
        card_id = self.guidance.get(kind)
        return next(c for c in self.kb.cards if c.id == card_id) if card_id else None

    # --- each kind, written by its own module ---------------------------------------------------------

    def captions(self, turn, profile: ClinicProfile | None, specialty, details: Details) -> list[Draft]:
        """The captions a message asks for: as many as asked, for the audience it names, without selling if asked."""
        return self.writer.captions(turn, profile, specialty, details)

    def caption_count(self, text: str) -> int:
        """How many captions the message asks for, at most the data's cap; else 1."""
        return self.writer.caption_count(text)

    def more_captions(self, first: Draft, turn, profile: ClinicProfile | None, specialty, count: int) -> list[Draft]:
        """`count` different captions: the first, its other versions, then captions on the next topics."""
        return self.writer.more_captions(first, turn, profile, specialty, count)

    def caption(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        """One caption on the subject, day or news the message names."""
        return self.writer.caption(turn, profile, specialty)

    def awareness(self, turn, profile: ClinicProfile | None, specialty, values: dict[str, str]) -> Draft | None:
        """The caption for an awareness day or month the message names, or None."""
        return self.writer.awareness(turn, profile, specialty, values)

    def comment_reply(self, turn, profile: ClinicProfile | None, asker) -> Draft | None:
        """The reply to a pasted comment or DM asking about the writer's own health, or None."""
        return self.replies.comment_reply(turn, profile, asker)

    def crisis_reply(self, turn, profile: ClinicProfile | None, kind: DraftKind | None) -> Draft | None:
        """The reply to send at once when the message speaks of suicide or self-harm; None for any other."""
        return self.replies.crisis_reply(turn, profile, kind)

    def review_reply(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        """The reply to a pasted review or comment, or the safety steps for a threatening one."""
        return self.replies.review_reply(turn, profile, specialty)

    def hashtags(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        """The hashtag set a message asks for."""
        return hashtag_draft(self.kb, self.topics, turn, profile, specialty)

    def hashtag_sets(self, turn, profile: ClinicProfile | None, specialty) -> list[Draft]:
        """One hashtag set for each kind of post the message lists, or []."""
        return listed_hashtag_drafts(self.kb, self.topics, turn, profile, specialty, self.data.extras.max_captions)

    def video_script(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        """The short-video script a message asks for."""
        return video_script_draft(self.kb, self.data, self.topics, turn, profile, specialty)

    def plan(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        """The content plan a message asks for."""
        return self.plans.plan(turn, profile, specialty)

    def plan_notes(self, asked: str, posts: str, country: str | None) -> list[str]:
        """The notes a plan carries for what it covers."""
        return self.plans.plan_notes(asked, posts, country)

    def bio(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        details = details_in(turn.masked, self.kb.countries)
        given = asker_field(turn, profile, specialty)
        spec = self.kb.specialty(given or "general_practice")
        platform = self.kb.platform(_platform(turn, profile))
        own = not names_other_field(details.practice, spec, self.kb.specialties.values())
        values = _values(profile, details)
        return write_bio(self.data, spec, platform, values, details, known=given is not None, own_services=own)


def _in_unheld_field(turn, asker) -> bool:
    """Whether the asker named a profession no specialty covers (an osteopath, a doula) and no specialty of ours."""
    return not asker.specialty and names_unheld_profession(turn)


def _same_role(role: str, title: str) -> bool:
    """Whether a role and a title name one profession: "physio" and "Physiotherapist", "registered dietitian" and
    "Registered dietitian"."""
    role, title = role.lower(), title.lower()
    return role in title or title in role


def local_number(draft: Draft, country: str | None) -> Draft:
    """The draft with the asker's own emergency number where the copy lists several ("call 999, 911 or 112" is
    "call 000" for a clinic in Perth; a banner reading "Call 999 / 112 / 911" reads "Call 000")."""
    text = with_local_number(draft.text, country)
    others = [with_local_number(a, country) for a in draft.alternatives]
    notes = [with_local_number(n, country) for n in draft.notes]
    if text == draft.text and others == draft.alternatives and notes == draft.notes:
        return draft
    return draft.model_copy(update={"text": text, "alternatives": others, "notes": notes})


def _with_refused(drafts: list[Draft], text: str) -> list[Draft]:
    """The drafts, the first noting each phrase the asker suggested for it that breaks a rule ("Owner wants to say
    'one of the best physios in Yorkshire'"): the writing leaves it out, and the asker learns why. A form of writing
    notes them itself."""
    tags_only = bool(drafts) and drafts[0].kind == "hashtags"  # the quoted words are the asker's own caption's
    notes = refused_notes(
        text, "Take this out of your caption before posting" if tags_only else "Left out, as you suggested it"
    )
    if not drafts or not notes or any(n in drafts[0].notes for n in notes):
        return drafts
    return [drafts[0].model_copy(update={"notes": [*notes, *drafts[0].notes]}), *drafts[1:]]
