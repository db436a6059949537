"""The hashtag set a message asks for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .details import details_in
from .draft_inputs import (
    _LIST,
    _asking,
    _platform,
    _subject_tag,
    _values,
    asker_field,
    listed_items,
    practice_field,
)
from .draft_topics import TopicFinder
from .models import Draft
from .occasions import observance_in
from .tags import narrower_tags, narrowing_word

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..profile import ClinicProfile

_DAY_TAG = re.compile(r"^#\w*(Day|Week|Month)$")  # an awareness day's hashtag ("#WorldSleepDay")
_ABOUT = ("about", "regarding", "covering", "on")  # cues of what a post is about, not whom it is for
# "hashtags for our flu shot + RSV season posts": what the posts are about, between "for" and the kind of post.
_FOR_POSTS = re.compile(
    r"\bfor\s+(?:our|my|the|a|an|some)?\s*([^.?!,;:\n]{3,40}?)\s+(?:posts?|reels?|videos?|campaign|content|series)\b",
    re.I,
)
# Words that point at the posts without saying what they are about ("for this post", "for our posts").
_POINTERS = re.compile(
    r"\b(?:this|that|these|those|it|its|them|which|each|every|all|next|last|new|your|our|my|the|a|an|some)\b", re.I
)
_AND = re.compile(r"\s*(?:\+|&|/|,|\band\b)\s*", re.I)
# Words around a subject that are not it: "RSV season" is RSV, "our new dental implant service" dental implants.
_AROUND = {"season", "seasons", "week", "month", "day", "awareness", "service", "services", "launch", "offer", "clinic"}


def subject_tags(phrase: str, stopwords: frozenset[str]) -> list[str]:
    """One tag per subject a phrase joins ("flu shot + RSV season" -> #FluShot #RSV), filler words left out."""
    tags = []
    for part in _AND.split(phrase):
        words = [w for w in part.split() if w.lower() not in stopwords and w.lower() not in _AROUND]
        if tag := _subject_tag(" ".join(words)):
            tags.append(tag)
    return list(dict.fromkeys(tags))


def hashtag_draft(
    kb: KnowledgeBase, topics: TopicFinder, turn, profile: ClinicProfile | None, specialty
) -> Draft | None:
    """The hashtag set a message asks for: the topic's, an awareness day's own tag first, or the subject's."""
    from ..planners.hashtags import suggest_hashtags

    spec_id, topic = topics.specialty_and_topic(turn, specialty, across=False)  # the asker's field's tags
    # A pharmacy or a podiatry clinic (no specialty in the data): its own tags, never a family doctor's, and no
    # other field's topic ("sensory play activities at home" for an OT page is no dentist's DIY-dentistry post).
    field = practice_field(turn.masked, topics.data, asker_field(turn, profile, specialty))
    field_tags = tuple(field.tags) if field is not None else ()
    if field is not None and spec_id != specialty:
        spec_id, topic = None, None
    spec_id = spec_id or "general_practice"
    platform = _platform(turn, profile)
    city = _values(profile, details_in(turn.masked, kb.countries)).get("city")
    main = suggest_hashtags(kb, spec_id, platform, topic, city, field_tags=field_tags)
    other = suggest_hashtags(kb, spec_id, platform, None, city, exclude_tiers=("topic",), field_tags=field_tags)
    name = kb.platform(platform).name
    tags, title = main.tags, field.name if field is not None else kb.specialty(spec_id).name
    day = topics.named_day(turn.masked)
    if day:  # "hashtags for World Hearing Day": the day's own tag first, and no other day's tag
        known = observance_in(kb, turn.masked)
        own_tag = (known.hashtag if known is not None and known.hashtag else None) or _subject_tag(day)
        rest = [t for t in tags if t != own_tag and not _DAY_TAG.match(t)]
        tags = [own_tag, *rest][: max(len(tags), 1)] if own_tag else rest
        title = f"{title}, {day}"
    elif field is None and topic is None and (qualifier := narrowing_word(kb, turn.masked, spec_id)):
        # "paediatric dentist"
        tags = narrower_tags(kb, spec_id, *qualifier, main.tags)
        title = f"{qualifier[0]} {title.split(' (')[0].lower()}".capitalize()
    if topic is None and not day:  # "about ACL rehab": #ACLRehab, the subject's own tags, first
        phrase = topics.subject_phrase(turn.masked, _ABOUT)
        if not phrase and (posts := _FOR_POSTS.search(turn.masked)):
            phrase = _POINTERS.sub("", posts.group(1)).strip()  # "for this post": no subject, only a pointer
        stop = frozenset(w.lower() for w in topics.data.extras.subject_stopwords)
        own = [t for t in subject_tags(phrase, stop)[:2] if t.lower() not in {x.lower() for x in tags}]
        tags = [*own, *tags][: max(len(tags), 1)]
    alternatives = [" ".join(t) for t in (main.tags, other.tags) if t and t != tags][:1]
    # The branded-tag advice only when a branded tag is in the set shown; a local tag asked for when no city.
    branded = {t.tag for t in main.hashtags if t.tier == "branded"} & set(tags)
    notes = [n for n in main.notes[:2] if "branded" not in n or branded]
    if not city and platform in ("instagram", "tiktok", "facebook"):
        local = field_tags[0].lstrip("#") if field_tags else kb.specialty(spec_id).aliases[0].title().replace(" ", "")
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


def listed_hashtag_drafts(
    kb: KnowledgeBase, topics: TopicFinder, turn, profile: ClinicProfile | None, specialty, limit: int
) -> list[Draft]:
    """One hashtag set for each kind of post a message lists ("hashtag sets for three kinds of posts: newborn tips,
    vaccine reminders and meet-the-team"), each as if asked alone; [] when the message lists none (drafts.yaml
    `hashtag_sets` says when several sets are asked for)."""
    asks = topics.data.extras.hashtag_sets
    found = _LIST.search(turn.masked) if asks and re.search(asks, turn.masked, re.IGNORECASE) else None
    items = listed_items(found.group(2)) if found else []
    if not 2 <= len(items) <= limit or any(len(i.split()) > 6 for i in items):
        return []
    drafts: list[Draft] = []
    for item in items:
        drafted = hashtag_draft(kb, topics, _asking(turn, f"hashtags for {item} posts"), profile, specialty)
        if drafted is not None:  # the notes on how many tags and which once, under the first set
            notes = [] if drafts else drafted.notes
            drafts.append(
                drafted.model_copy(update={"title": f"{drafted.title}: {item}", "alternatives": [], "notes": notes})
            )
    return drafts
