"""Drafts first: when the user asks us to write something, the answer starts with the thing itself.

A caption, a bio, a reply to a pasted review, a short-video script, a hashtag set or a plan, made by the
planners and the authored copy (knowledge/copy/) and fitted to the clinic (name, city, specialty, country,
tone). What counts as a request to write, and the bio pieces, are data (knowledge/data/drafts.yaml).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING

from ..knowledge import registry
from ..knowledge.copy import PostCopy, Script, fill
from ..knowledge.models import Topic
from ..knowledge.schemas.drafts import DraftData, GeneralCarousel, NoSellingData
from ..knowledge.schemas.replies import Tone
from ..retrieval import tokenize
from .audiences import audience_in, audience_posts
from .bios import write_bio
from .comments import asks_for_reply, comment_reply, spreads_myth
from .details import Details, details_in
from .ideas import idea_list, wants_ideas
from .models import Draft, DraftKind
from .news import NewsWriter
from .notices import NoticeWriter
from .occasions import awareness_caption, crisis_for, day_name, observance_in, when_it_falls
from .plan_span import plan_span, plan_start  # noqa: F401 - plan_start: re-exported for callers
from .rewrite import rewrite, wants_rewrite
from .tags import narrower_tags, narrowing_word

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..profile import ClinicProfile

DEFAULT_PLATFORM = "instagram"
_QUOTED = re.compile(
    r"[\"“”«»]([^\"“”«»]{20,})[\"“”«»]|(?:^|\s)[\'‘]([^\'‘’]{20,})[\'’](?=\s|[?.!,]|$)|:\s*\n+(.{20,})", re.DOTALL
)
_STARS = re.compile(r"\b([1-5]|one|two|three|four|five)[- ]?stars?\b", re.IGNORECASE)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
# Where the subject ends and the clinic's description starts: "about sunscreen | for my skin clinic", but "why you
# shouldn't take antibiotics for a cold" is all subject.
_SUBJECT_END = re.compile(
    r"\s+(?:for|in|at|from|on)\s+(?:my|our|a|an|the|your)\b(?=(?:\s+[\w'’-]+){0,4}?\s+(?:clinic|practice|surgery|"
    r"office|centre|center|pharmacy|hospital|page|account|feed|profile|team|patients|followers|audience|business|unit|"
    r"service|[a-z]+ists?|[a-z]+ians?|doctors?|dentists?|gps?|physios?|nurses?|midwi(?:fe|ves)|surgeons?)\b)"
    r"|\s+(?:for|in|at|from|on)\s+(?:my|our|your)\b|\s+in\s+[A-Z]|[,.;?!]",
    re.IGNORECASE,
)
_CAROUSEL = re.compile(r"\b(carousel|slides?|slide[- ]by[- ]slide|swipe)\b", re.IGNORECASE)
_GOOGLE = re.compile(r"\bgoogle\b(?!\s+(?:ads?|adwords|analytics|search|reviews?)\b)", re.IGNORECASE)
_REVIEW_SITE = re.compile(
    r"\b(reviews?|reviewer|google|yelp|trustpilot|healthgrades|zocdoc|rated|rating|stars?)\b", re.IGNORECASE
)
_DAY_TAG = re.compile(r"^#\w*(Day|Week|Month)$")  # an awareness day's hashtag ("#WorldSleepDay")
_ABOUT = ("about", "regarding", "covering", "on")  # cues of what a post is about, not whom it is for
_REVIEW_WORD = re.compile(r"\breviews?\b", re.IGNORECASE)
_REVIEWED = re.compile(r"\b(reviews?|comments?|posts?|messages?|dms?|tweets?)\b", re.IGNORECASE)
_PER_WEEK = re.compile(r"\b(\d)\s*(?:posts?|times)\s*(?:a|per)\s*week\b", re.IGNORECASE)
_DRAFT_WORDS = frozenset(
    tokenize(
        "write draft make create give caption post bio script reel short video tiktok "
        "hashtag plan calendar instagram facebook linkedin youtube clinic practice "
        "me us our my please about some good new"
    )
)


def requested_kind(text: str, data: DraftData) -> DraftKind | None:
    """The kind of draft a message asks for, or None for a question."""
    for kind in data.order:
        if any(re.search(p, text, re.IGNORECASE | re.DOTALL) for p in data.requests.get(kind, ())):
            return kind
    return None


def _platform(turn, profile: ClinicProfile | None) -> str:
    if turn.platforms_named and turn.platforms:
        return turn.platforms[0]
    if profile is not None and profile.platforms:
        return profile.platforms[0]
    return DEFAULT_PLATFORM


def _platforms(turn, profile: ClinicProfile | None) -> list[str]:
    """Every platform the message names, in its order ("for Facebook and Google"), else the one to write for."""
    named = list(dict.fromkeys(turn.platforms)) if turn.platforms_named and turn.platforms else []
    if _GOOGLE.search(turn.masked) and "google_business" not in named:  # "Google" alone: the Business Profile
        named.append("google_business")
    return named or [_platform(turn, profile)]


def _country_code(turn, profile: ClinicProfile | None) -> str | None:
    """The asker's country (ISO code): the one the message names, else the saved profile's."""
    return getattr(turn, "country", None) or (profile.country if profile is not None else None)


def _values(profile: ClinicProfile | None, details: Details | None = None) -> dict[str, str]:
    """Placeholder values ({clinic}, {city}, {booking}, {phone}): the saved profile's, then what the message says."""
    from ..planners.captions import profile_values

    saved = {k: v for k, v in (profile_values(profile) if profile is not None else {}).items() if v}
    return {**(details.values() if details else {}), **saved}


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

    # --- which topic ------------------------------------------------------------------------------------

    @cached_property
    def _topics(self) -> list[tuple[str, Topic, Counter[str]]]:
        """(specialty id, topic, its words) for every topic of every specialty."""
        return [
            (spec.id, topic, Counter(tokenize(f"{topic.title} {' '.join(topic.keywords)}")))
            for spec in self.kb.specialties.values()
            for topic in spec.topics
        ]

    @cached_property
    def _idf(self) -> dict[str, float]:
        counts = Counter(w for _, _, words in self._topics for w in set(words))
        n = len(self._topics)
        return {w: math.log(1 + n / c) for w, c in counts.items()}

    def subject(self, text: str) -> str:
        """The subject of a request: what follows 'about', 'on', 'for'... or the message without draft words."""
        # The first cue in the data's order that occurs wins ("a reel FOR Instagram ABOUT flu jabs": about).
        found = (_cue(cue, text) for cue in self.data.subject_cues)
        match = next((m for m in found if m), None)
        subject = match.group(1) if match else text
        # "about sunscreen for my skin clinic in Leeds": the subject ends where the clinic's description starts.
        subject = _SUBJECT_END.split(subject, maxsplit=1)[0] if match else subject
        return " ".join(
            w for w in tokenize(subject) if w not in _DRAFT_WORDS and w not in self._specialty_words and not w.isdigit()
        )

    @cached_property
    def _specialty_words(self) -> frozenset[str]:
        """Words that name a specialty ("paediatric dentist"): who is asking, not what the post is about."""
        return frozenset(
            w for spec in self.kb.specialties.values() for name in (spec.name, *spec.aliases) for w in tokenize(name)
        )

    def topic_for(self, subject: str, specialty: str | None):
        """(specialty id, topic) best matching a subject, within the specialty if known; None if nothing fits.
        A word matches its own forms ("floss", "flossing"); words that say how, not what ("properly"), do not count."""
        ranked = self.topics_for(subject, specialty)
        return ranked[0] if ranked else None

    def topics_for(self, subject: str, specialty: str | None) -> list:
        """Every (specialty id, topic) matching a subject, best first (ties in the knowledge base's order)."""
        stop = set(self.data.extras.subject_stopwords)
        words = {w for w in tokenize(subject) if w not in stop}
        scored = []
        for n, (spec_id, topic, topic_words) in enumerate(self._topics):
            if specialty and spec_id != specialty:
                continue
            title = set(tokenize(topic.title))  # a word in the title counts more than one in the keywords
            score = 0.0
            for w in words:
                same = [t for t in topic_words if _same_word(w, t)]
                if same:
                    score += max(self._idf.get(t, 0.0) * (1.5 if t in title else 1.0) for t in same)
            if score > 0:
                scored.append((-score, n, (spec_id, topic)))
        return [found for _, _, found in sorted(scored, key=lambda x: (x[0], x[1]))]

    # --- the drafts -------------------------------------------------------------------------------------

    def drafts(self, turn, profile: ClinicProfile | None, asker) -> list[Draft]:
        """The drafts the message asks for (usually one), or [] when it asks a question."""
        text = turn.masked
        details = details_in(text, self.kb.countries)
        kind = requested_kind(text, self.data)
        if kind != "review_reply" and self.data.rewrite and wants_rewrite(text, self.data.rewrite):
            if pasted := _pasted(text):
                named = turn.platforms[0] if turn.platforms_named and turn.platforms else None
                return [rewrite(pasted, self.data.rewrite, named)]
        if kind in (None, "review_reply") and (crisis := self.crisis_reply(turn, profile, kind)) is not None:
            return [crisis]  # a pasted message about suicide or self-harm: the crisis reply, before anything else
        if kind != "review_reply" and (notice := self.notices.notice_for(text)):
            names = {p: self.kb.platform(p).name for p in _platforms(turn, profile)}
            return self.notices.drafts(notice, text, names, _values(profile, details), asker.country)
        if kind in (None, "caption", "video_script") and wants_ideas(text, self.data):
            spec = self.kb.specialty(asker.specialty or (profile.specialty if profile else None) or "general_practice")
            copy = self.kb.copy.get(spec.id, {})
            return [idea_list(spec, copy, self.data, text, _platform(turn, profile), _values(profile, details))]
        if (comment := self.comment_reply(turn, profile, asker)) is not None:
            return [comment]  # "reply to this comment: 'what exercises should I do?'": general, then an appointment
        if kind in (None, "review_reply") and (advice := self.notices.advice(text)):
            return [advice]  # comments that break the house rules are hidden, not answered
        if kind is None and _REVIEWED.search(text) and self._threatening(self._review_text(text)):
            kind = "review_reply"  # "a review says they'll be waiting for her after work": safety steps, no reply
        if kind is None:
            return []
        if kind == "caption":
            return self.captions(turn, profile, asker.specialty, details)
        make = {
            "bio": self.bio,
            "review_reply": self.review_reply,
            "video_script": self.video_script,
            "hashtags": self.hashtags,
            "plan": self.plan,
        }[kind]
        draft = make(turn, profile, asker.specialty)
        return [draft] if draft else []

    def captions(self, turn, profile: ClinicProfile | None, specialty, details: Details) -> list[Draft]:
        """The captions a message asks for: as many as asked, for the audience it names, without selling if asked."""
        text = turn.masked
        if (audience := audience_in(text, self.data.extras.audiences)) is not None:
            platform = self.kb.platform(_platform(turn, profile))  # "posts to attract local employers": for them
            return audience_posts(audience, text, platform, _values(profile, details), self.caption_count(text))
        draft = self.caption(turn, profile, specialty)
        drafts = [draft] if draft else []
        news = self.news.kind_for(text)
        if draft and news is not None and draft.title.endswith(news.title.lower()):  # "for Instagram and LinkedIn"
            values = _values(profile, details)
            drafts += [self._news(turn, profile, news, p, values) for p in _platforms(turn, profile)[1:3]]
            return drafts
        if draft and (count := self.caption_count(text)) > 1:
            drafts = self.more_captions(draft, turn, profile, specialty, count)
        if (rule := self.data.extras.no_selling) and re.search(rule.asks, text, re.IGNORECASE):
            drafts = [_without_selling(d, rule) for d in drafts]  # "no selling please": no booking line
        return drafts

    def caption_count(self, text: str) -> int:
        """How many captions the message asks for ("3 captions", "a few posts"), at most the data's cap; else 1."""
        extras = self.data.extras
        words = "|".join(re.escape(w) for w in sorted(extras.count_words, key=len, reverse=True))
        found = re.search(rf"\b(\d{{1,2}}|{words})\s+(?:[\w'’-]+\s+){{0,3}}?(?:captions|posts)\b", text, re.I)
        if found is None:
            return 1
        word = found.group(1).lower()
        count = int(word) if word.isdigit() else extras.count_words.get(word, 1)
        return max(1, min(count, extras.max_captions))

    def more_captions(self, first: Draft, turn, profile: ClinicProfile | None, specialty, count: int) -> list[Draft]:
        """`count` different captions: the first, its other versions, then captions on the next topics that
        match the subject (the same topic never twice)."""
        drafts = [first.model_copy(update={"alternatives": []})]
        for n, other in enumerate(first.alternatives, 2):
            drafts.append(first.model_copy(update={"text": other, "alternatives": [], "title": f"{first.title} ({n})"}))
        general = bool(self.data.extras.general_note) and self.data.extras.general_note in first.notes
        if general or self.news.kind_for(turn.masked) is not None:  # a subject or day we have no copy on, practice
            return drafts[:count]  # news: no other topic's caption is added (it would be about something else)
        values = _values(profile, details_in(turn.masked, self.kb.countries))
        platform = self.kb.platform(first.platform or _platform(turn, profile))
        spec_id = specialty or (profile.specialty if profile else None)
        day = self.named_day(first.title)  # an awareness day's caption: more captions on the day's subject
        subject = f"{self.subject(turn.masked)} {first.title.split(':', 1)[-1]}"  # an awareness day: its name
        for found_spec, topic in self.topics_for(subject, spec_id):
            if len(drafts) >= count:
                break
            if any(topic.title in d.title for d in drafts):
                continue
            if (other_day := self.named_day(topic.title)) and other_day != day:
                continue  # another awareness day's post: never in place of the day (or subject) asked
            drafts.append(self._topic_caption(turn, profile, found_spec, topic, platform, values))
        return drafts[:count]

    def comment_reply(self, turn, profile: ClinicProfile | None, asker) -> Draft | None:
        """The reply to a pasted comment or DM asking about the writer's own health, or None."""
        from ..guardrails.scope import emergency_entry

        data = self.data.extras.comment_reply
        text = turn.masked
        comment = _pasted_comment(text)
        if data is None or _REVIEW_WORD.search(text) or not asks_for_reply(text, comment, data):
            return None
        specialty = asker.specialty or (profile.specialty if profile else None)
        myth = data.myth if spreads_myth(comment, data) else None
        about = re.sub(myth, " ", comment, flags=re.IGNORECASE) if myth else comment
        asked = f"{about} {self.subject(text)}"  # a myth: what it is about ("sunscreen"), not what it claims
        found = self.topic_for(asked, specialty)
        if found is not None and len({w for w in self._shared_words(asked, found[1]) if len(w) >= 4}) < 2:
            found = None  # a shared "GP" or "go" does not make a topic the answer: no fact rather than a wrong one
        copy = self.kb.copy.get(found[0], {}).get(found[1].title) if found else None
        entry = emergency_entry(_country_code(turn, profile))
        named = turn.platforms[0] if turn.platforms_named and turn.platforms else None
        values = _values(profile, details_in(text, self.kb.countries))
        return comment_reply(comment, copy, data, values, entry.number if entry else "", named)

    def _review_text(self, text: str) -> str:
        """The message as a description of the review: without the asker's own legal plans ("can we sue them?")."""
        if self.data.asker_intent is None:
            return text
        return re.sub(self.data.asker_intent, " ", text, flags=re.IGNORECASE).strip() or text

    def _threatening(self, text: str) -> bool:
        return bool(self._threats(text))

    @staticmethod
    def _threats(text: str) -> list[str]:
        from ..planners.reviews import detect_threats, load_reply_data

        return detect_threats(text, load_reply_data())

    def guidance_card(self, kind: DraftKind):
        """The card whose advice goes with a draft of this kind, or None."""
        card_id = self.guidance.get(kind)
        return next(c for c in self.kb.cards if c.id == card_id) if card_id else None

    def _shared_words(self, text: str, topic: Topic) -> set[str]:
        """The words of a text (or their forms) that a topic's title and keywords have."""
        stop = set(self.data.extras.subject_stopwords)
        topic_words = set(tokenize(f"{topic.title} {' '.join(topic.keywords)}"))
        return {w for w in tokenize(text) if w not in stop and any(_same_word(w, t) for t in topic_words)}

    def covers(self, subject: str, topic: Topic) -> bool:
        """Whether a topic is about the subject asked: it has at least half of the subject's words (or their forms),
        and at half, the words it misses are known to some topic. "dengue prevention during monsoon" is not about
        contact lens habits that prevent infections."""
        stop = set(self.data.extras.subject_stopwords)
        words = {w for w in tokenize(subject) if w not in stop}
        topic_words = set(tokenize(f"{topic.title} {' '.join(topic.keywords)}"))
        missed = [w for w in words if not any(_same_word(w, t) for t in topic_words)]
        if 2 * len(missed) > len(words):
            return False
        # At exactly half, a missed word no topic knows ("dengue") is what the subject is about: not covered.
        return 2 * len(missed) < len(words) or all(any(_same_word(w, t) for t in self._idf) for w in missed)

    def _specialty_and_topic(self, turn, specialty):
        subject = self.subject(turn.masked)
        found = self.topic_for(subject, specialty)
        if found is not None and not self.covers(subject, found[1]):
            found = None  # the nearest topic is about something else: never another subject's copy
        day = self.named_day(turn.masked)
        if found is not None and day and day.lower() not in found[1].title.lower():
            found = None  # "a script for World Hearing Day": never World Heart Day's
        if found is None and specialty:
            return specialty, None
        return found or (None, None)

    def caption(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        values = _values(profile, details_in(turn.masked, self.kb.countries))
        if (day := self.awareness(turn, profile, specialty, values)) is not None:
            return day  # "a caption for World Mental Health Day": the day's post, its date, a crisis line
        if (named := self.named_day(turn.masked)) is not None:  # a day our data has no post for: on that day
            return self._day_caption(turn, profile, named, "", values)
        news = self.news.kind_for(turn.masked)  # "a post welcoming our new hygienist": practice news, not a topic
        if news is not None:
            return self._news(turn, profile, news, _platform(turn, profile), values)
        spec_id, topic = self._specialty_and_topic(turn, specialty)
        platform = self.kb.platform(_platform(turn, profile))
        if topic is None:  # nothing authored on this subject: a general caption on it, never another subject's
            return self._general(turn, platform.id, values, "caption")
        return self._topic_caption(turn, profile, spec_id, topic, platform, values)

    def _news(self, turn, profile: ClinicProfile | None, news, platform: str, values: dict[str, str]) -> Draft:
        """Practice news (a welcome, a closure, a job advert) written for one platform."""
        from ..guardrails.scope import emergency_entry

        entry = emergency_entry(_country_code(turn, profile))
        news_values = {**values, "emergency": entry.number} if entry else values
        text = _titled_names_back(turn.masked, getattr(turn, "question", turn.masked))  # "Dr Lopez": a colleague
        return self.news.draft(news, text, self.kb.platform(platform), news_values)

    def _topic_caption(self, turn, profile: ClinicProfile | None, spec_id: str, topic, platform, values) -> Draft:
        """The caption on one topic of the knowledge base: its authored copy, else one the planner writes."""
        spec = self.kb.specialty(spec_id)
        copy = self.kb.copy.get(spec.id, {}).get(topic.title)
        tags = self._tags(spec.id, platform.id, topic, values.get("city"))
        if copy is not None and copy.slides and _CAROUSEL.search(turn.masked):
            return _carousel(copy, platform, topic.title, tags, values)
        if copy is not None:
            text, other = (
                _caption_text(copy, platform.id, values),
                _caption_text(copy, platform.id, values, "professional"),
            )
            notes = [f"Alt text: {fill(copy.alt_text, values)}", f"Image: {fill(copy.brief, values)}"]
            if other and self._formal(turn.masked, profile):  # the voice asked for comes first
                text, other = other, text
        else:
            from ..planners.captions import draft_caption
            from ..planners.data import planning_data

            text = draft_caption(planning_data(self.kb), spec, platform, topic.title, 0, hashtags=tags)
            other, notes = "", []
        return Draft(
            kind="caption",
            platform=platform.id,
            title=f"{platform.name} caption: {topic.title}",
            text=_with_tags(text, tags),
            hashtags=tags,
            alternatives=[_with_tags(other, tags)] if other else [],
            notes=notes,
        )

    def awareness(self, turn, profile: ClinicProfile | None, specialty, values: dict[str, str]) -> Draft | None:
        """The caption for an awareness day or month the message names, or None."""
        data = self.data.extras.awareness
        observance = observance_in(self.kb, turn.masked) if data is not None else None
        if data is None or observance is None:
            return None
        platform = self.kb.platform(_platform(turn, profile))
        spec_id = specialty or (profile.specialty if profile else None)
        spec_id = spec_id if spec_id in self.kb.specialties else "general_practice"
        tags = self._tags(spec_id, platform.id, None, values.get("city"))
        drafted = awareness_caption(self.kb, observance, platform, values, _country_code(turn, profile), tags, data)
        if drafted is None:  # a day in the data with no authored post: a caption on that day, with its date
            name = day_name(observance)
            return self._day_caption(turn, profile, name, when_it_falls(observance, data, dt.date.today()), values)
        return drafted

    def named_day(self, text: str) -> str | None:
        """The awareness day, week or month a message names ("World Hearing Day", "Movember"), as typed, or None."""
        pattern = self.data.extras.named_day
        found = re.search(pattern, text, re.IGNORECASE) if pattern else None
        if found is None:
            return None
        name = found.group(1)
        return " ".join(w if w[:1].isupper() else w.capitalize() for w in name.split())

    def _day_caption(self, turn, profile: ClinicProfile | None, day: str, when: str, values) -> Draft | None:
        """A caption for an awareness day with no authored post: on that day (never a neighbouring day's post),
        with its date when the data knows it and the crisis line for a mental-health day; facts left to add."""
        extras = self.data.extras
        if not extras.general_day_caption:
            return None
        platform = self.kb.platform(_platform(turn, profile))
        slots = {"day": day, "when": f"{when} " if when else "", "booking": "{booking}", "phone": "{phone}"}
        paragraphs = [fill(p.format(**slots), values) for p in extras.general_day_caption.split("\n\n")]
        if extras.awareness is not None and (crisis := crisis_for(day, extras.awareness, _country_code(turn, profile))):
            paragraphs.insert(-1, crisis)
        tag = _subject_tag(day)
        more = [
            fill(t.format(subject=day, Subject=day, booking="{booking}", phone="{phone}"), values)
            for t in extras.general_caption_more
        ]
        notes = [n for n in (extras.general_note, "" if when else extras.general_day_note) if n]
        return Draft(
            kind="caption",
            platform=platform.id,
            title=f"{platform.name} caption: {day}",
            text=_with_tags("\n\n".join(paragraphs), [tag] if tag else []),
            hashtags=[tag] if tag else [],
            alternatives=[_with_tags(m, [tag] if tag else []) for m in more],
            notes=notes,
        )

    def _formal(self, text: str, profile: ClinicProfile | None) -> bool:
        """Whether the message (or the saved profile's tone) asks for a formal, professional voice."""
        asked = self.data.formal_tone is not None and re.search(self.data.formal_tone, text, re.IGNORECASE)
        return bool(asked) or (profile is not None and "formal" in profile.tone.lower())

    def _tags(self, specialty: str, platform: str, topic, city: str | None) -> list[str]:
        from ..planners.hashtags import suggest_hashtags

        return suggest_hashtags(self.kb, specialty, platform, topic, city or None).tags

    def hashtags(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        from ..planners.hashtags import suggest_hashtags

        spec_id, topic = self._specialty_and_topic(turn, specialty)
        spec_id = spec_id or "general_practice"
        platform = _platform(turn, profile)
        city = _values(profile, details_in(turn.masked, self.kb.countries)).get("city")
        main = suggest_hashtags(self.kb, spec_id, platform, topic, city)
        other = suggest_hashtags(self.kb, spec_id, platform, None, city, exclude_tiers=("topic",))
        name = self.kb.platform(platform).name
        tags, title = main.tags, self.kb.specialty(spec_id).name
        day = self.named_day(turn.masked)
        if day:  # "hashtags for World Hearing Day": the day's own tag first, and no other day's tag
            known = observance_in(self.kb, turn.masked)
            own_tag = (known.hashtag if known is not None and known.hashtag else None) or _subject_tag(day)
            rest = [t for t in tags if t != own_tag and not _DAY_TAG.match(t)]
            tags = [own_tag, *rest][: max(len(tags), 1)] if own_tag else rest
            title = f"{title}, {day}"
        elif topic is None and (qualifier := narrowing_word(self.kb, turn.masked, spec_id)):  # "paediatric dentist"
            tags = narrower_tags(self.kb, spec_id, *qualifier, main.tags)
            title = f"{qualifier[0]} {title.split(' (')[0].lower()}".capitalize()
        if topic is None and (own := _subject_tag(self.subject_phrase(turn.masked, _ABOUT))) and own not in tags:
            tags = [own, *tags][: max(len(tags), 1)]  # "about ACL rehab": #ACLRehab, the subject's own tag, first
        alternatives = [" ".join(t) for t in (main.tags, other.tags) if t and t != tags][:1]
        # The branded-tag advice only when a branded tag is in the set shown; a local tag asked for when no city.
        branded = {t.tag for t in main.hashtags if t.tier == "branded"} & set(tags)
        notes = [n for n in main.notes[:2] if "branded" not in n or branded]
        if not city and platform in ("instagram", "tiktok", "facebook"):
            local = self.kb.specialty(spec_id).aliases[0].title().replace(" ", "")
            notes.append(f"Swap one tag for a local one, such as #[Town]{local}, so people nearby find you.")
        return Draft(
            kind="hashtags",
            platform=platform,
            title=f"Hashtags for {name} ({title})",
            text=" ".join(tags),
            hashtags=tags,
            alternatives=alternatives,
            notes=notes,
        )

    def bio(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        details = details_in(turn.masked, self.kb.countries)
        given = specialty or (profile.specialty if profile else None)
        spec = self.kb.specialty(given or "general_practice")
        platform = self.kb.platform(_platform(turn, profile))
        return write_bio(self.data, spec, platform, _values(profile, details), details, known=given is not None)

    def crisis_reply(self, turn, profile: ClinicProfile | None, kind: DraftKind | None) -> Draft | None:
        """The reply to send at once when the message pasted (or the one to answer) speaks of suicide or self-harm,
        with the emergency and crisis numbers for the clinic's country; None for any other message."""
        from ..planners.reviews import draft_reply, load_reply_data, speaks_of_self_harm

        message = _pasted(turn.masked) or (turn.masked if kind == "review_reply" else None)
        if not message or not speaks_of_self_harm(message, load_reply_data()):
            return None
        drafted = draft_reply(message[:2000], country=_country_code(turn, profile))
        return Draft(
            card=self.threat_cards.get("self_harm"),
            kind="review_reply",
            title="Reply now: this message speaks of suicide or self-harm",
            text=drafted.reply,
            notes=list(drafted.guidance),
        )

    def review_reply(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        from ..planners.reviews import draft_reply

        if (answer := self.notices.reply_for(turn.masked)) is not None:  # "a comment asking what dose to give"
            names = {p: self.kb.platform(p).name for p in _platforms(turn, profile)[:1]}
            code = _country_code(turn, profile)
            rules = self.kb.countries.rules_for(code) if self.kb.countries and code else None
            values = _values(profile, details_in(turn.masked, self.kb.countries))
            return self.notices.drafts(answer, turn.masked, names, values, rules)[0]
        review = _pasted(turn.masked) or self._review_text(turn.masked)
        stars = _STARS.search(turn.masked)
        rating = None if stars is None else _WORDS.get(stars.group(1).lower()) or int(stars.group(1))
        phone = profile.phone if profile is not None and profile.phone else None
        tone: Tone = "formal" if profile is not None and "formal" in profile.tone.lower() else "warm"
        try:
            drafted = draft_reply(review[:2000], rating, clinic_phone=phone, tone=tone, signoff=_sign_off(profile))
        except Exception:  # noqa: BLE001 - an unusable review text: no draft, the guidance still answers
            return None
        if drafted.kind == "guidance":  # threats, extortion: do not reply publicly
            threats = self._threats(review)
            return Draft(
                card=next((self.threat_cards[t] for t in threats if t in self.threat_cards), None),
                kind="review_reply",
                title="Do not reply publicly: deal with the threat first",
                text="\n".join(f"- {step}" for step in drafted.guidance),
                notes=[f"If you must say anything in public, say only: “{self.data.holding_line}”"]
                if self.data.holding_line
                else [],
            )
        what = "review" if _REVIEW_SITE.search(turn.masked) else "comment"
        title = f"Reply to the {what} ({drafted.situation.lower()})" if drafted.situation else f"Reply to the {what}"
        return Draft(
            card=self.data.extras.sentiment_cards.get(drafted.sentiment or ""),
            kind="review_reply",
            title=title,
            text=drafted.reply,
            alternatives=drafted.alternatives,
            notes=[
                "It never confirms that the reviewer is a patient and mentions no care, dates or costs.",
                *(
                    n.say
                    for n in self.data.review_notes
                    if drafted.sentiment != "positive" and (n.when is None or re.search(n.when, review, re.I))
                ),
            ],
        )

    def video_script(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        spec_id, topic = self._specialty_and_topic(turn, specialty)
        if spec_id is None:
            values = _values(profile, details_in(turn.masked, self.kb.countries))
            return self._general(
                turn, _platform(turn, profile) if turn.platforms_named else "instagram", values, "video_script"
            )
        platform = _platform(turn, profile) if turn.platforms_named else "instagram"
        copy = self.kb.copy.get(spec_id, {}).get(topic.title) if topic else None
        if copy is not None and copy.script is not None:
            values = _values(profile, details_in(turn.masked, self.kb.countries))
            return _script_from_copy(copy.script, copy.topic, platform, values)
        from ..planners.videos import video_ideas

        ideas = video_ideas(self.kb, spec_id, [platform], count=20)
        words = set(tokenize(self.subject(turn.masked))) - set(self.data.extras.subject_stopwords)
        overlap = {id(i): len(words & set(tokenize(f"{i.title} {i.hook}"))) for i in ideas}
        idea = max(ideas, key=lambda i: overlap[id(i)])
        if words and (topic is None or not overlap[id(idea)]):  # no idea on this subject: a general script on it
            values = _values(profile, details_in(turn.masked, self.kb.countries))
            return self._general(turn, platform, values, "video_script")
        beats = [f"{n}. {beat}" for n, beat in enumerate(idea.outline, 1)]
        text = "\n".join([f"0-3 s (hook, spoken and on screen): {idea.hook}", *beats, f"Last 5 s: {idea.cta}"])
        return Draft(
            kind="video_script",
            platform=platform,
            title=f"{idea.format} script: {idea.title}",
            text=text,
            notes=[idea.compliance_note] if idea.compliance_note else [],
        )

    def _general(self, turn, platform: str, values: dict[str, str], kind: DraftKind) -> Draft | None:
        """A caption or script on the subject asked when no authored copy covers it, the facts left to add."""
        extras = self.data.extras
        subject = self.subject_phrase(turn.masked)
        if kind == "caption" and extras.general_carousel and _CAROUSEL.search(turn.masked):
            title = _pasted_comment(turn.masked) or subject  # "...: 'What a dietitian can (and can't) do for you'"
            return _general_carousel(extras.general_carousel, title, turn.masked, self.kb.platform(platform), values)
        if not subject or not (extras.general_script if kind == "video_script" else extras.general_caption):
            return None
        slots = {
            "subject": subject,
            "Subject": subject[:1].upper() + subject[1:],
            "booking": "{booking}",
            "phone": "{phone}",
        }
        more: list[str] = []
        if kind == "video_script":
            text = "\n".join(fill(line.format(**slots), values) for line in extras.general_script)
            title = f"Script: {subject}"
        else:
            text = fill(extras.general_caption.format(**slots), values)
            title = f"{self.kb.platform(platform).name} caption: {subject}"
            more = [fill(t.format(**slots), values) for t in extras.general_caption_more]
        return Draft(
            kind=kind,
            platform=platform,
            title=title,
            text=text,
            alternatives=more if kind == "caption" else [],
            notes=[extras.general_note] if extras.general_note else [],
        )

    def subject_phrase(self, text: str, cues: tuple[str, ...] = ()) -> str:
        """The subject as the user wrote it ("how to floss"), without the words that say how ("properly")."""
        found = (_cue(c, text) for c in cues or self.data.subject_cues)
        match = next((m for m in found if m), None)
        if match is None:
            return ""
        phrase = _SUBJECT_END.split(match.group(1), maxsplit=1)[0]
        stop = set(self.data.extras.subject_stopwords)
        words = [w for w in phrase.split() if w.lower().strip("'\"") not in stop]
        return " ".join(words).strip(" '\"")

    def plan(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        from ..planners.calendar import plan_calendar
        from ..profile import ClinicProfile

        span = plan_span(turn.masked, dict(self.data.extras.seasons), dt.date.today())
        per_week = int(found.group(1)) if (found := _PER_WEEK.search(turn.masked)) else 7 if span.daily else 3
        platform = _platform(turn, profile)
        # No specialty in the message or the profile: the dates and formats of a plan, with general topics named as
        # such (drafts.yaml, extras.general_plan), never a GP's topics for a field our data does not hold.
        general = self.data.extras.general_plan if specialty is None and profile is None else None
        if profile is None:
            profile = ClinicProfile(specialty=specialty or "general_practice", platforms=[platform])
        plan = plan_calendar(self.kb, profile, [platform], span.start, min(span.weeks, 12), min(max(per_week, 1), 7))
        # The span asked, to the day: "a 7-day plan" has no eighth day, "a month from 1 November" ends on the 30th.
        posts = sorted((p for p in plan.posts if span.start <= p.date <= span.end), key=lambda p: p.date)
        if span.dated and posts and posts[0].date > span.start and not posts[0].awareness:
            posts[0] = posts[0].model_copy(update={"date": span.start})  # "opening on 6 April": a post that day
        plan = plan.model_copy(update={"posts": self._opening_first(turn.masked, posts)})
        if general is not None:
            topics = general.topics
            plan = plan.model_copy(
                update={
                    "posts": [
                        p.model_copy(update={"topic": topics[n % len(topics)], "awareness": None})
                        for n, p in enumerate(plan.posts)
                    ]
                }
            )
        lines, theme = _weeks(plan), _theme(turn.masked)
        specialty_name = self.kb.specialty(profile.specialty).name if profile.specialty in self.kb.specialties else ""
        specialty_name = "" if general is not None else specialty_name
        extra = self.plan_notes(f"{turn.masked} {specialty_name}", "\n".join(lines), _country_code(turn, profile))
        if general is not None:
            extra.insert(0, general.note)
        if span.weekday_named:  # "Monday 6 April" in a year when it is a Tuesday: the date wins, and we say so
            extra.insert(0, f"{span.start:%d %B %Y} is a {span.start:%A}, not a {span.weekday_named}: check the date.")
        about = theme or (general.title if general is not None else "")
        return Draft(
            kind="plan",
            platform=platform,
            title=span.title() + (f": {about}" if about else ""),
            text="\n".join(lines),
            notes=[
                "The whole plan, with every caption and the exports for Hootsuite, Buffer and calendars, "
                "is on the Editorial plan page.",
                *(
                    []
                    if general is not None
                    else [
                        "Awareness days depend on the month you start; the plan adds the ones in these weeks for your "
                        "specialty and skips your country's public holidays."
                    ]
                ),
                *extra,
            ],
        )

    def _opening_first(self, text: str, posts: list) -> list:
        """The posts with an event's own posts first (a clinic opening: the opening day, the team, how to book);
        the first post is the event's, and later awareness-day posts keep their topic."""
        opening = next((o for o in self.data.extras.plan_openings if re.search(o.asked, text, re.IGNORECASE)), None)
        if opening is None:
            return posts
        if not posts:
            return posts
        posts[0] = posts[0].model_copy(update={"topic": opening.topics[0], "awareness": None})  # the day itself
        free = iter(n for n, p in enumerate(posts) if n and not p.awareness)
        for topic, n in zip(opening.topics[1:], free, strict=False):
            posts[n] = posts[n].model_copy(update={"topic": topic})
        return posts

    def plan_notes(self, asked: str, posts: str, country: str | None) -> list[str]:
        """The notes a plan carries for what it covers: the crisis line for a mental-health theme or practice, consent
        for patient stories (drafts.yaml, extras.plan_notes)."""
        from ..guardrails.scope import emergency_entry

        entry = emergency_entry(country)
        notes = []
        for note in self.data.extras.plan_notes:
            if not (
                (note.asked and re.search(note.asked, asked, re.IGNORECASE))
                or (note.posts and re.search(note.posts, posts, re.IGNORECASE))
            ):
                continue
            if "{crisis}" in note.say and (entry is None or not entry.crisis):
                notes.append(note.unknown or note.say)
            else:
                notes.append(note.say.format(crisis=entry.crisis, number=entry.number) if entry else note.say)
        return notes


_THEME = re.compile(
    r"\b(?:around|themed on|on the theme of|focused on|focusing on)\s+([\w'’ -]{3,40}?)"
    r"(?=\s+(?:in|for|on|from|during)\b|[,.;?!]|$)",
    re.IGNORECASE,
)


def _theme(text: str) -> str:
    """The theme a plan is built around ("around back-to-school"), or ""."""
    found = _THEME.search(text)
    return found.group(1).strip() if found else ""


def _weeks(plan) -> list[str]:
    """The plan week by week: each post's day, platform, format and topic, and the awareness day it marks."""
    lines: list[str] = []
    for week in range(1, plan.weeks + 1):
        posts = [p for p in plan.posts if p.week == week]
        if not posts:
            continue
        lines.append(f"Week {week} (from {plan.start + dt.timedelta(days=7 * (week - 1)):%d %b})")
        for p in posts:
            day = f" · {p.awareness['name']}" if p.awareness else ""
            name = plan.platform_names.get(p.platform, p.platform)
            lines.append(f"- {p.date:%a %d %b} · {name} · {p.format_name}: {p.topic}{day}")
    return lines


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
    slots = {"subject": subject, "Subject": subject[:1].upper() + subject[1:]}
    slots |= {"booking": "{booking}", "phone": "{phone}"}
    points = [data.points[n % len(data.points)] for n in range(count - 2)]
    slides = [data.cover, *points, data.last]
    lines = [f"Slide {n}: {fill(s.format(**slots), values)}" for n, s in enumerate(slides, 1)]
    caption = fill(data.caption.format(**slots), values)
    return Draft(
        kind="caption",
        platform=platform.id,
        title=f"{platform.name} carousel: {subject}",
        text="\n".join(lines) + f"\n\nCaption:\n{caption}",
        notes=[
            "Our guides have no ready-made copy on this subject: fill in the [brackets] from a source you trust.",
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


def _with_tags(text: str, tags: list[str]) -> str:
    return f"{text}\n\n{' '.join(tags)}" if tags and text else text


def _pasted(text: str) -> str:
    match = _QUOTED.search(text)
    return next(g for g in match.groups() if g).strip() if match else ""


_TITLED = re.compile(r"\b(Dr|Doctor|Prof)(\.?\s+)([A-Z][\w'’-]+(?:\s+(?:O'|O’|Mc|Mac|de |van |von )?[A-Z][\w'’-]+)?)")
_TITLED_MASKED = re.compile(r"\b(Dr|Doctor|Prof)(\.?\s+)\[NAME\](?:\s+\[NAME\])?")  # "Dr [NAME] [NAME]": one name
_QUOTED_LAST = re.compile(r":\s*[\"“'‘](.{10,}?)[\"”'’]\s*[.?!]*\s*$", re.DOTALL)
# A comment pasted after a colon, then a short request with no quotes ("...: 'my mum's had a lump...'. Write the
# reply."): everything between the first and the last quote mark, apostrophes and all.
_QUOTED_THEN_ASK = re.compile(r":\s*[\"“'‘](.{10,})[\"”'’]\s*[.?!]*\s+[^\"“”'‘’:]{3,80}$", re.DOTALL)


def _titled_names_back(masked: str, typed: str) -> str:
    """The masked message with the names of titled clinicians ("Dr. Lopez") as typed: a practice announcing a
    colleague's arrival or departure names them. Only names after Dr or Prof come back, never a patient's."""
    names = iter(m.group(3) for m in _TITLED.finditer(typed))
    return _TITLED_MASKED.sub(lambda m: f"{m.group(1)}{m.group(2)}{next(names, '[NAME]')}", masked)


def _pasted_comment(text: str) -> str:
    """The comment or message pasted after a colon ("...: 'I've had sciatica, what should I do?'"), apostrophes
    and all, else whatever the usual quote finder sees."""
    found = _QUOTED_LAST.search(text) or _QUOTED_THEN_ASK.search(text)
    return found.group(1).strip() if found else _pasted(text)


def _subject_tag(phrase: str) -> str:
    """A hashtag for a short subject ("ACL rehab" -> "#ACLRehab"), or "" for a long or empty one."""
    words = [re.sub(r"[^\w]", "", w) for w in phrase.split()]
    words = [w for w in words if w]
    if not 1 <= len(words) <= 3:
        return ""
    return "#" + "".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words)


def _same_word(a: str, b: str) -> bool:
    """One word or a form of it: "floss" and "flossing", "vaccine" and "vaccines" (four letters at least)."""
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _cue(cue: str, text: str) -> re.Match[str] | None:
    """Where a subject cue introduces what a draft is about; "about 30 seconds" says how long, not what about."""
    return re.search(rf"\b{re.escape(cue)}\b\s+(?!\d)(.{{3,}})", text, re.IGNORECASE)


def _sign_off(profile: ClinicProfile | None) -> str:
    name = profile.name if profile is not None and profile.name != "My clinic" else ""
    return f"The practice manager, {name}" if name else "The practice manager"


def _script_from_copy(s: Script, topic: str, platform: str, values: dict[str, str]) -> Draft:
    text = "\n".join(s.lines(values))
    return Draft(
        kind="video_script",
        platform=platform,
        title=f"{s.seconds}-second script: {topic}",
        text=text,
        notes=[f"Filming: {fill(s.filming, values)}"],
    )
