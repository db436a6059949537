"""Hashtag sets in tiers, within each platform's maximum and recommendation."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..knowledge.dates import resolve
from ..knowledge.models import HASHTAG_RE
from .data import planning_data

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

# Filled in this order, one tag per tier first, then a second round: a relevant, specific tag is worth
# more than a generic one (Instagram's own advice: generic tags "don't help and may hurt").
TIER_ORDER = ("awareness", "topic", "specialty", "local", "community", "branded", "broad")
SECOND_ROUND = ("specialty", "topic", "community", "broad")
_MAX_TAG_CHARS = 40
_VOWELS = set("aeiouy")


class TagItem(BaseModel):
    tag: str
    tier: str


class HashtagSet(BaseModel):
    """Suggested hashtags, best first; `limit` is the platform's hard maximum."""

    hashtags: list[TagItem]
    limit: int
    recommended: tuple[int, int]
    notes: list[str]
    platform: str
    specialty: str

    @property
    def tags(self) -> list[str]:
        return [t.tag for t in self.hashtags]


_SMALL_WORDS = frozenset("a an as at be by do go in is it me my no of on or so to up us we".split())


def _word(word: str) -> str:
    if word.lower() in _SMALL_WORDS:
        return word[0].upper() + word[1:].lower()  # "skin of colour" -> SkinOfColour, not SkinOFColour
    if word.isupper() or len(word) <= 2 or not _VOWELS & set(word.lower()):
        return word.upper()  # acronyms such as SPF, HPV, UV stay readable
    return word[0].upper() + word[1:]


def camel_tag(text: str) -> str | None:
    """'sun safety' -> '#SunSafety'; None when no valid tag can be made."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^A-Za-z0-9]+", ascii_text.lstrip("#")) if w]
    tag = "#" + "".join(_word(w) for w in words)
    return tag if HASHTAG_RE.match(tag) and len(tag) <= _MAX_TAG_CHARS else None


def readable_tag(tag: str) -> str:
    """CamelCase a one-word tag from the data ('#acne' -> '#Acne'); mixed-case tags are kept."""
    body = tag.lstrip("#")
    return "#" + _word(body) if body.islower() else tag


def _match_topic(spec, topic):
    """The specialty's bank topic that best matches a topic title or free text (or None)."""
    if topic is None or not isinstance(topic, str):
        return topic
    words = {w for w in re.findall(r"[a-z0-9]+", topic.lower()) if len(w) > 3}
    best, score = None, 0
    for t in spec.topics:
        if t.title.lower() == topic.lower():
            return t
        text = " ".join((t.title, *t.keywords)).lower()
        overlap = sum(1 for w in words if w in text)
        if overlap > score:
            best, score = t, overlap
    return best


def _topic_tags(index, spec, topic) -> list[str]:
    """The topic itself (when short), curated topic tags it mentions, then its bank keywords
    (multi-word ones first: #SunSafety says more than #Summer)."""
    bank = _match_topic(spec, topic)
    keywords = sorted(bank.keywords if bank else (), key=lambda k: -len(k.split()))
    tags = [camel_tag(topic)] if isinstance(topic, str) and len(topic.split()) <= 3 else []
    text = " ".join([topic if isinstance(topic, str) else "", *keywords]).lower().replace(" ", "")
    tags += [tag for tag, body in index.topic_tags if body in text]
    tags += [camel_tag(k) for k in keywords]
    return [t for t in tags if t]


def _awareness_tags(kb: KnowledgeBase, spec, when: dt.date | None, country: str | None) -> list[str]:
    if when is None:
        return []
    tags = []
    for o in kb.observances_for(spec.id, country):
        for year in (when.year, when.year + 1):
            first, last = resolve(o.rule, year)
            if o.hashtag and first <= when + dt.timedelta(days=30) and last >= when:
                tags.append(o.hashtag)
    return tags


class _Index:
    """What a knowledge base says about tags, computed once per knowledge base (a plan asks per post)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        tags = [h for h in kb.hashtags if not h.risky]
        self.risky = {h.tag.lower() for h in kb.hashtags if h.risky}
        self.only_on = {h.tag.lower(): set(h.platforms) for h in kb.hashtags if "all" not in h.platforms}
        self.topic_tags = [(h.tag, h.tag.lstrip("#").lower()) for h in tags if h.category == "topic" and len(h.tag) > 4]
        # General community tags (#MeetTheTeam) with the words that make a topic about them.
        self.general = [
            (h.tag, {w.lower() for w in re.findall(r"[A-Z][a-z]+|[a-z]+", h.tag[1:]) if len(w) > 3})
            for h in tags
            if h.category == "community" and "all" in h.specialties
        ]
        self.by_specialty = {}
        for spec in kb.specialties.values():
            known = [h for h in tags if "all" in h.specialties or spec.id in h.specialties]
            own = [h for h in tags if spec.id in h.specialties]
            self.by_specialty[spec.id] = {
                "specialty": [*spec.hashtags.specialty] + [h.tag for h in known if h.category == "specialty"],
                "community": [*spec.hashtags.community] + [h.tag for h in own if h.category == "community"],
                "broad": [*spec.hashtags.broad] + [h.tag for h in known if h.category == "broad"],
            }
        patterns = planning_data(kb).platform_tag_patterns
        # Community tags named after one platform (#DermTwitter, #DentalTok) mean nothing elsewhere.
        self.foreign = {
            pid: re.compile(
                "|".join(f"(?:{p})" for other, p in patterns.items() if other != pid) or "$^", re.IGNORECASE
            )
            for pid in kb.platforms
        }

    def blocked(self, platform_id: str, tag: str) -> bool:
        low = tag.lower()
        return (
            low in self.risky
            or platform_id not in self.only_on.get(low, {platform_id})
            or bool(self.foreign[platform_id].search(tag))
        )


_INDEXES: dict[int, tuple[object, _Index]] = {}


def _index(kb: KnowledgeBase) -> _Index:
    cached = _INDEXES.get(id(kb))
    if cached is None or cached[0] is not kb:
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        cached = _INDEXES[id(kb)] = (kb, _Index(kb))
    return cached[1]


def _topic_words(topic) -> set[str]:
    if topic is None:
        return set()
    text = topic if isinstance(topic, str) else " ".join((topic.title, topic.pillar, *topic.keywords))
    return set(re.findall(r"[a-z]+", text.lower()))


def _candidates(
    kb: KnowledgeBase, index: _Index, spec, topic, city, brand, when, country, awareness, field_tags=()
) -> dict[str, list[str]]:
    body = (field_tags or spec.hashtags.specialty)[0].lstrip("#")
    local = [camel_tag(f"{city} {body}"), camel_tag(city)] if city else []
    pools = index.by_specialty[spec.id]
    words = _topic_words(topic)
    own = list(field_tags) if field_tags else list(pools["specialty"])
    return {
        "awareness": ([awareness] if awareness else []) + _awareness_tags(kb, spec, when, country),
        "topic": _topic_tags(index, spec, topic),
        "specialty": own,
        "local": [t for t in local if t],
        "community": ([] if field_tags else pools["community"])
        + [tag for tag, tag_words in index.general if tag_words & words],
        "branded": [t for t in [camel_tag(f"Ask {brand or body}")] if t and (brand or _names_field(spec, body))],
        "broad": list(pools["broad"]),
    }


def _names_field(spec, body: str) -> bool:
    """Whether a specialty's first tag names the field itself (#Dentistry: #AskDentistry), not a campaign
    (#MentalHealthAwareness, where "#AskMentalHealthAwareness" means nothing)."""
    parts = (p for n in (spec.name, *spec.aliases) for p in re.split(r"[/,()]|\band\b", n))
    return any(re.sub(r"[\s-]", "", p).lower().startswith(body.lower()) for p in parts)


def _spelling(tag: str) -> str:
    """A tag without its British or American spelling, so a set of five never spends a place on both #Pediatrics
    and #Paediatrics, or #Orthopedics and #Orthopaedics."""
    return re.sub(r"ae|oe", "e", tag.lower())


def _pick(candidates: dict[str, list[str]], target: int, blocked) -> list[TagItem]:
    seen: set[str] = set()
    pools = {tier: [readable_tag(t) for t in tags if not blocked(t)] for tier, tags in candidates.items()}
    chosen: list[TagItem] = []

    def take(tier: str) -> None:
        while pools[tier] and len(chosen) < target:
            tag = pools[tier].pop(0)
            if _spelling(tag) not in seen and HASHTAG_RE.match(tag):
                seen.add(_spelling(tag))
                chosen.append(TagItem(tag=tag, tier=tier))
                return

    for tier in TIER_ORDER:
        take(tier)
    while len(chosen) < target and any(pools[t] for t in SECOND_ROUND):
        for tier in SECOND_ROUND:
            take(tier)
    order = {tier: i for i, tier in enumerate(TIER_ORDER)}
    return sorted(chosen, key=lambda item: order[item.tier])


def suggest_hashtags(
    kb: KnowledgeBase,
    specialty: str,
    platform: str,
    topic=None,
    city: str | None = None,
    *,
    brand: str | None = None,
    when: dt.date | None = None,
    country: str | None = None,
    awareness: str | None = None,
    exclude_tiers: tuple[str, ...] = (),
    field_tags: tuple[str, ...] = (),
) -> HashtagSet:
    """Tiered hashtags for a specialty and platform, within the platform's rules. `field_tags`: the asker's own kind
    of practice when it has no specialty in the data (a pharmacy): they replace the specialty's own and community
    tags, and name the local and branded tags, so a pharmacy's post borrowing GP copy never says #FamilyMedicine."""
    spec, plat = kb.specialty(specialty), kb.platform(platform)
    rules = plat.hashtags
    target = min(rules.recommended_max, rules.max)
    notes = [rules.note]
    if target == 0:
        notes.append(f"{plat.name} posts do not need hashtags, so none are suggested.")
        return HashtagSet(
            hashtags=[],
            limit=rules.max,
            recommended=(rules.recommended_min, rules.recommended_max),
            notes=notes,
            platform=plat.id,
            specialty=spec.id,
        )
    index = _index(kb)
    candidates = _candidates(kb, index, spec, topic, city, brand, when, country, awareness, field_tags)
    for tier in exclude_tiers:
        candidates[tier] = []
    bank = (*spec.hashtags.broad, *spec.hashtags.specialty, *spec.hashtags.community)
    skipped = sorted({t for t in bank if t.lower() in index.risky})
    chosen = _pick(candidates, target, lambda tag: index.blocked(plat.id, tag))
    if skipped:
        notes.append(f"Left out tag(s) flagged as risky in the knowledge base: {', '.join(skipped)}.")
    if any(t.tier == "branded" for t in chosen):
        notes.append("The branded tag is a suggestion: check nobody else uses it, then use it on every post.")
    notes.append("Tags are written in CamelCase so screen readers read each word.")
    return HashtagSet(
        hashtags=chosen,
        limit=rules.max,
        recommended=(rules.recommended_min, rules.recommended_max),
        notes=notes,
        platform=plat.id,
        specialty=spec.id,
    )
