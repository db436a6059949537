"""Captions: as many as asked, on a topic, an awareness day, practice news or a subject with no authored copy."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..knowledge.copy import fill
from ..retrieval import tokenize
from .audiences import audience_in, audience_posts
from .details import Details, details_in
from .draft_copy import _CAROUSEL, _caption_text, _carousel, _without_selling, general_draft
from .draft_counts import CaptionCounts, _distinct, _one_per_text
from .draft_days import DayCaptions
from .draft_inputs import (
    _LIST,
    _asking,
    _country_code,
    _platform,
    _platforms,
    _post_values,
    _subject_tag,
    _titled_names_back,
    _with_tags,
    asker_field,
    listed_items,
    numbered_items,
    topic_scope,
    until_instruction,
)
from .draft_myths import myth_series
from .draft_newsletter import asks_for_newsletter, newsletter
from .models import Draft

if TYPE_CHECKING:
    from ..profile import ClinicProfile


class CaptionWriter(CaptionCounts, DayCaptions):
    """Writes the captions a message asks for (how many: draft_counts; awareness days: draft_days)."""

    def captions(self, turn, profile: ClinicProfile | None, specialty, details: Details) -> list[Draft]:
        """The captions a message asks for: as many as asked, for the audience it names, without selling if asked."""
        text = turn.masked
        if (audience := audience_in(text, self.data.extras.audiences)) is not None:
            platform = self.kb.platform(_platform(turn, profile))  # "posts to attract local employers": for them
            return audience_posts(audience, text, platform, _post_values(profile, details), self.caption_count(text))
        if len(listed := self.listed(turn, profile, specialty)) > 1:
            return listed  # "3 posts: verrucas, diabetic foot checks and nail surgery": one post on each
        draft = self.caption(turn, profile, specialty)
        drafts = [draft] if draft else []
        news = self.news.kind_for(text)
        if draft and news is not None and draft.title.endswith(news.title.lower()):  # "for Instagram and LinkedIn"
            values = _post_values(profile, details)
            drafts = _one_per_text(
                drafts + [self._news(turn, profile, news, p, values) for p in _platforms(turn, profile)[1:3]]
            )
            if len(drafts) == 1 and (note := self.count_note(text, 1)):  # "3 posts about our flu clinic": one
                drafts[0] = drafts[0].model_copy(update={"notes": [note, *drafts[0].notes], "alerts": 1})
            return drafts
        if draft and (count := self.caption_count(text)) > 1:
            drafts = self.more_captions(draft, turn, profile, specialty, count)
            # Two checked versions can read the same once filled in: a post printed twice is one post.
            drafts = _distinct(drafts)
        elif draft and self._general(draft):  # one caption asked, on a subject no finished post covers: one
            drafts = [draft.model_copy(update={"alternatives": []})]  # outline to fill in, not three of them
        if len(drafts) > 1 and (note := self._one_for_both(text, drafts)):  # two audiences, no copy for either
            first = drafts[0].model_copy(update={"notes": [note, *drafts[0].notes], "alerts": drafts[0].alerts + 1})
            drafts = [first]
        elif drafts and (note := self.count_note(text, len(drafts))):  # "300 posts", "0 posts": what was made
            drafts[0] = drafts[0].model_copy(update={"notes": [note, *drafts[0].notes], "alerts": drafts[0].alerts + 1})
        if (rule := self.data.extras.no_selling) and re.search(rule.asks, text, re.IGNORECASE):
            drafts = [_without_selling(d, rule) for d in drafts]  # "no selling please": no booking line
        return drafts

    def listed(self, turn, profile: ClinicProfile | None, specialty) -> list[Draft]:
        """One caption on each subject of a list the message asks several posts about ("3 posts: verrucas, diabetic
        foot checks and nail surgery"), each written as if asked alone; [] when the message lists no subjects."""
        asked, limits = self._asked_count(turn.masked), self.data.extras.limits
        found = _LIST.search(turn.masked) if asked and asked[0] > 1 else None
        each = list(_ONE_EACH.finditer(turn.masked)) if asked and asked[0] > 1 else []
        numbered = numbered_items(turn.masked) if asked and asked[0] > 1 else None
        audiences = limits.two_audiences if limits else None  # "one for over-65s, one for parents": audiences
        if (found is None and len(each) < 2 and numbered is None) or (
            audiences and re.search(audiences, turn.masked, re.IGNORECASE)
        ):
            return []
        if numbered is not None:  # "4 GBP posts: 1) free consult offer 2) Invisalign Teen 3) ...": one post each
            items, start, end = numbered
            head, tail, most_will_do = turn.masked[:start], turn.masked[end:], True
        elif len(each) >= 2:  # "One about how often to get an eye test, one about who gets free NHS sight tests"
            items = until_instruction([i for m in each if (i := m.group(1).strip(" '\""))])
            head, tail, most_will_do = turn.masked[: each[0].start()], turn.masked[each[-1].end() :], True
        else:
            assert found is not None
            # "focus on lower back pain, want people to book": the list ends where the instructions start
            items = listed_items(found.group(2))
            head, tail, most_will_do = turn.masked[: found.start()], turn.masked[found.end() :], found.group(1) == ":"
        longest = 8 if len(each) >= 2 or numbered else 6  # "one about how often to get an eye test": a few words
        if not 2 <= len(items) <= self.data.extras.max_captions or any(len(i.split()) > longest for i in items):
            return []
        drafts = []
        for item in items:
            one = f"{head} about {item}.{tail}"
            drafted = self.caption(_asking(turn, one), profile, specialty)
            if drafted is not None:
                drafts.append(drafted.model_copy(update={"alternatives": []}))
        # "about the flu jab, who's eligible and how to book" is one subject in three parts: a list is taken only when
        # its subjects have finished posts (all of them after "about"; most after a colon or when each post is named,
        # "one about ..., one about ...", the rest written general).
        general = self.data.extras.general_note
        finished = sum(1 for d in drafts if not general or general not in d.notes)
        if finished < len(items) and (not most_will_do or 2 * finished < len(items)):
            return []
        return _distinct(drafts)

    def _general(self, draft: Draft) -> bool:
        """Whether a caption is the general outline written when no finished post covers its subject."""
        general = self.data.extras.general_note
        return bool(general) and general in draft.notes

    def more_captions(self, first: Draft, turn, profile: ClinicProfile | None, specialty, count: int) -> list[Draft]:
        """`count` different captions: the first, its other versions, then captions on the next topics that
        match the subject (the same topic never twice)."""
        drafts = [first.model_copy(update={"alternatives": []})]
        for n, other in enumerate(first.alternatives, 2):
            drafts.append(first.model_copy(update={"text": other, "alternatives": [], "title": f"{first.title} ({n})"}))
        if (
            self._general(first) or self.news.kind_for(turn.masked) is not None
        ):  # a subject or day we have no copy on, practice
            return drafts[:count]  # news: no other topic's caption is added (it would be about something else)
        values = _post_values(profile, details_in(turn.masked, self.kb.countries))
        platform = self.kb.platform(first.platform or _platform(turn, profile))
        spec_id = asker_field(turn, profile, specialty)
        day = self.topics.named_day(first.title)  # an awareness day's caption: more captions on the day's subject
        unknown_day = day is not None and not any(day.lower() in o.name.lower() for o in self.kb.observances.values())
        asked = self.topics.subject(turn.masked)
        subject = f"{asked} {first.title.split(':', 1)[-1]}"  # an awareness day: its name
        for found_spec, topic in self.topics.topics_for(subject, spec_id):
            if len(drafts) >= count:
                break
            if any(topic.title in d.title for d in drafts):
                continue
            if (other_day := self.topics.named_day(topic.title)) and other_day != day:
                continue  # another awareness day's post: never in place of the day (or subject) asked
            if day is None and asked and not self.topics.fits(asked, topic, found_spec):
                continue  # "3 captions about heel pain": never a caption on knee pain to make up the number
            if unknown_day and day and (on := self._day_subject(day)) and not self.topics.says_all(on, topic):
                continue  # Mouth Cancer Action Month (not in the data): the mouth cancer check, never mouthguards
            field = self._field(turn, profile, specialty)
            drafts.append(self._topic_caption(turn, profile, found_spec, topic, platform, values, field))
        return drafts[:count]

    def caption(self, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        values = _post_values(profile, details_in(turn.masked, self.kb.countries))
        if asks_for_newsletter(turn.masked, letter := self.data.extras.newsletter) and letter is not None:
            field = asker_field(turn, profile, specialty)
            return newsletter(self.kb, letter, self.topics, turn, field, values)  # its news is part of the issue
        if (day := self.awareness(turn, profile, specialty, values)) is not None:
            return day  # "a caption for World Mental Health Day": the day's post, its date, a crisis line
        if (named := self.topics.named_day(turn.masked)) is not None:  # a day our data has no post for: on that day
            return self._day_subject_caption(turn, profile, specialty, named, values) or self._day_caption(
                turn, profile, named, "", values
            )
        # "a post welcoming our new hygienist": practice news, not a topic
        news = self.news.kind_for(turn.masked, _country_code(turn, profile))
        if news is not None:
            posted = self._news(turn, profile, news, _platform(turn, profile), values)
            return self._service_facts(posted, news, turn, specialty, values)
        platform = self.kb.platform(_platform(turn, profile))
        field = asker_field(turn, profile, specialty)
        myths = myth_series(
            self.kb, self.data.extras.myths, self.topics, turn.masked, field, "caption", platform, values
        )
        if myths is not None:  # "a carousel '5 myths about low back pain'": the field's checked myths on it
            return self._myth_tags(myths, field, platform.id, values) if field else myths
        spec_id, topic = self.topics.specialty_and_topic(turn, topic_scope(turn, specialty))
        if topic is None:  # nothing authored on this subject: a general caption on it, never another subject's
            drafted = general_draft(self.kb, self.data, self.topics, turn, platform.id, values, "caption")
            return self._general_tags(drafted, turn, profile, specialty)
        return self._topic_caption(
            turn, profile, spec_id, topic, platform, values, self._field(turn, profile, specialty)
        )

    def _myth_tags(self, draft: Draft, field: str, platform: str, values: dict[str, str]) -> Draft:
        """A myth-busting caption with the field's hashtags (a carousel carries them in its caption's place)."""
        if draft.kind != "caption" or "Caption:" in draft.text:
            return draft
        tags = self._tags(field, platform, None, values.get("city"))
        return draft.model_copy(update={"text": _with_tags(draft.text, tags), "hashtags": tags}) if tags else draft

    def _day_subject_caption(self, turn, profile: ClinicProfile | None, specialty, day: str, values) -> Draft | None:
        """A day our data has no post for, named after a subject the asker's field has a finished post on ("Mouth
        Cancer Action Month" for a dentist: the mouth cancer check at every examination): that post, opened with the
        day's name, with the note to check the day's date. None when no such post is about the day's subject."""
        extras = self.data.extras
        spec_id = asker_field(turn, profile, specialty)
        subject = self._day_subject(day)
        # One word (National Infertility Awareness Week: infertility) names a whole field, whose first post would be
        # an arbitrary one; two name a subject (mouth cancer).
        if spec_id not in self.kb.specialties or len(tokenize(subject)) < 2 or not extras.day_topic_lead:
            return None
        found = self.topics.best_topic(subject, spec_id, None, across=False)
        if found is None or found[1].title not in self.kb.copy.get(found[0], {}):
            return None
        platform = self.kb.platform(_platform(turn, profile))
        field = self._field(turn, profile, specialty)
        draft = self._topic_caption(turn, profile, found[0], found[1], platform, values, field)
        lead = extras.day_topic_lead.format(day=day)
        return draft.model_copy(
            update={
                "title": f"{platform.name} caption: {day}: {found[1].title}",
                "text": f"{lead} {draft.text}",
                "alternatives": [f"{lead} {a}" for a in draft.alternatives],
                "notes": [*draft.notes, extras.general_day_note] if extras.general_day_note else draft.notes,
            }
        )

    def _day_subject(self, day: str) -> str:
        """What a day's name says it is about: "oral health" for World Oral Health Day."""
        return " ".join(w for w in day.split() if w.lower() not in self.data.extras.day_name_words)

    def _service_facts(self, draft: Draft, news, turn, specialty, values: dict[str, str]) -> Draft:
        """A new service we hold a finished post on ("we now do Pharmacy First consultations"): the announcement says
        what the service is, from that post, after its opening line; any other news as written."""
        if news.id != "new_service" or draft.platform == "x":
            return draft
        service = self.news.details(news, turn.masked).get("service", "")
        # The service by its own name in a topic's title ("Pharmacy First" consultations): never a neighbour that only
        # shares a word ("consultation").
        name = re.sub(r"\s+(?:consultations?|services?|clinics?|appointments?|sessions?)$", "", service.lower()).strip()
        ranked = self.topics.topics_for(name, None) if len(name.split()) >= 2 else []
        found = next(
            (f for f in ranked if name in f[1].title.lower() and f[1].title in self.kb.copy.get(f[0], {})), None
        )
        copy = self.kb.copy.get(found[0], {}).get(found[1].title) if found else None
        if copy is None or found is None:
            return draft
        first, _, rest = draft.text.partition("\n\n")
        text = f"{first}\n\n{fill(copy.warm.body, values)}\n\n{rest}" if rest else draft.text
        note = f"What the service is comes from our finished post '{found[1].title}': check it fits what you offer."
        return draft.model_copy(update={"text": text, "notes": [*draft.notes, note]})

    def _general_tags(self, draft: Draft | None, turn, profile: ClinicProfile | None, specialty) -> Draft | None:
        """A general caption with the subject's own tag and, when the asker names a field the data has no
        specialty for (a podiatry clinic), that field's tags; never a specialty's nobody named."""
        if draft is None or draft.kind != "caption" or draft.title.split(":", 1)[0].endswith("carousel"):
            return draft
        field = self._field(turn, profile, specialty)
        subject = draft.title.split(": ", 1)[-1]
        tags = list(dict.fromkeys(t for t in [_subject_tag(subject), *(field.tags[:3] if field else ())] if t))
        if not tags:
            return draft
        return draft.model_copy(
            update={
                "text": _with_tags(draft.text, tags),
                "hashtags": tags,
                "alternatives": [_with_tags(a, tags) for a in draft.alternatives],
            }
        )

    def _asked_point(self, text: str) -> str:
        """A point the message asks the post to make ("Mention we take them back for free"), or ""."""
        pattern = self.data.extras.point_asked
        found = re.search(pattern, text, re.IGNORECASE) if pattern else None
        return found.group(1).strip(" .!") if found else ""

    def _news(self, turn, profile: ClinicProfile | None, news, platform: str, values: dict[str, str]) -> Draft:
        """Practice news (a welcome, a closure, a job advert) written for one platform."""
        from ..guardrails.scope import emergency_entry

        entry = emergency_entry(_country_code(turn, profile))
        news_values = {**values, "emergency": entry.number} if entry else values
        text = _titled_names_back(turn.masked, getattr(turn, "question", turn.masked))  # "Dr Lopez": a colleague
        return self.news.draft(news, text, self.kb.platform(platform), news_values)

    def _topic_caption(
        self, turn, profile: ClinicProfile | None, spec_id: str, topic, platform, values, field=None
    ) -> Draft:
        """The caption on one topic of the knowledge base: its authored copy, else one the planner writes; with the
        asker's own field's tags when the copy is borrowed from another specialty (`field`)."""
        spec = self.kb.specialty(spec_id)
        copy = self.kb.copy.get(spec.id, {}).get(topic.title)
        tags = self._tags(spec.id, platform.id, topic, values.get("city"), field)
        if copy is not None and copy.slides and _CAROUSEL.search(turn.masked):
            return _carousel(copy, platform, topic.title, tags, values)
        if copy is not None:
            text, other = (
                _caption_text(copy, platform.id, values),
                _caption_text(copy, platform.id, values, "professional"),
            )
            notes = [f"Alt text: {fill(copy.alt_text, values)}", f"Image: {fill(copy.brief, values)}"]
            other = "" if other == text else other  # one platform version (X, Google) in both tones: one post
            if other and self._formal(turn.masked, profile):  # the voice asked for comes first
                text, other = other, text
        else:
            from ..planners.captions import draft_caption
            from ..planners.data import planning_data

            text = draft_caption(planning_data(self.kb), spec, platform, topic.title, 0, hashtags=tags)
            other, notes = "", []
        if asked := self._asked_point(turn.masked):  # "Mention we take them back for free": said before the call
            text = _with_asked(text, asked)
        return Draft(
            kind="caption",
            platform=platform.id,
            title=f"{platform.name} caption: {topic.title}",
            text=_with_tags(text, tags),
            hashtags=tags,
            alternatives=[_with_tags(other, tags)] if other else [],
            notes=notes,
        )

    def _formal(self, text: str, profile: ClinicProfile | None) -> bool:
        """Whether the message (or the saved profile's tone) asks for a formal, professional voice."""
        asked = self.data.formal_tone is not None and re.search(self.data.formal_tone, text, re.IGNORECASE)
        return bool(asked) or (profile is not None and "formal" in profile.tone.lower())


# The subjects listed after a colon or "about" ("3 posts for my clinic: verruca treatment, diabetic foot checks, and
# nail surgery"), up to the end of the sentence; at least one comma or "and" between them.
# Each post named in turn: "one about how often to get an eye test, one about who gets free NHS sight tests".
_ONE_EACH = re.compile(
    r"\b(?:one|another|the (?:first|second|third|fourth|fifth|other|last)(?: one)?)\s+(?:about|on|covering)\s+"
    r"([^,.;:?!\n]{3,}?)(?=\s*(?:[,.;?!\n]|\b(?:and|&) (?:one|another|the)\b|$))",
    re.IGNORECASE,
)


def _with_asked(text: str, point: str) -> str:
    """The caption with the asker's point as its own sentence before the closing call to action."""
    paragraphs = text.split("\n\n")
    sentence = f"{point[:1].upper()}{point[1:]}."
    if len(paragraphs) < 2 or point.lower() in text.lower():
        return text
    return "\n\n".join([*paragraphs[:-1], sentence, paragraphs[-1]])
