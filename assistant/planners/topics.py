"""Which topic each post takes: pillars in rotation, no repeats while the bank lasts, seasons and
awareness observances respected."""

from __future__ import annotations

import random
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

# Words that say what kind of observance it is rather than what it is about.
_GENERIC = {
    "world",
    "day",
    "days",
    "month",
    "week",
    "national",
    "international",
    "awareness",
    "global",
    "american",
    "european",
    "and",
    "the",
    "for",
    "of",
    "your",
    "day's",
}


def short_name(observance) -> str:
    """'Skin Cancer Awareness Month (Melanoma and ...)' -> 'Skin Cancer Awareness Month'."""
    return observance.name.split(" (")[0].strip()


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if len(w) > 2 and w not in _GENERIC}


_DAY_HEADED = re.compile(r"^[^:]*\b(Day|Week|Month)\s*:")  # "International Yoga Day: adapting poses"


def _names(observance, title: str) -> bool:
    """True when a topic title names the observance: its short name, or all of its (2+) distinctive words."""
    name = short_name(observance).lower()
    words = _words(name)
    return name in title.lower() or (len(words) >= 2 and words <= _words(title))


def focus_words(text: str) -> frozenset[str]:
    """The words of a request or a topic cut to their first five letters, so that forms meet ("diabetic" and
    "diabetes", "sports" and "sport"), for telling topics apart."""
    return frozenset(w.strip("'")[:5] for w in _words(text))


def _topic_words(topic) -> frozenset[str]:
    return focus_words(" ".join((topic.title, *topic.keywords)))


def _telling_words(topics: dict[str, frozenset[str]], focus: frozenset[str]) -> set[str]:
    """The focus words that tell topics apart: said by at least one topic and by at most a fifth of them ("sport",
    "heel"), never by most ("physio", "clinic")."""
    if not focus:
        return set()
    counts: dict[str, int] = {}
    for words in topics.values():
        for word in words & focus:
            counts[word] = counts.get(word, 0) + 1
    return {w for w, n in counts.items() if n <= max(1, len(topics) // 5)}


def fits_platform(topic, platform, hints: dict[str, str]) -> bool:
    """True when the platform has one of the formats the topic suggests (or the topic suggests none)."""
    if not topic.formats:
        return True
    ids = {f.id for f in platform.formats}
    kinds = {f.kind for f in platform.formats}
    return any(h in ids or hints.get(h) in kinds for h in topic.formats)


class TopicPicker:
    """Hands out topics from one specialty's bank in a seeded, repeat-free order."""

    def __init__(
        self,
        kb: KnowledgeBase,
        spec,
        data,
        rng: random.Random,
        country: str | None,
        focus: frozenset[str] = frozenset(),
    ) -> None:
        self.data = data
        # A topic that names an observance ("World Psoriasis Day: ...", "Men's Health Week: ...") is kept
        # for that observance.
        self.bound = {t.title: o.id for t in spec.topics for o in kb.observances.values() if _names(o, t.title)}
        # A topic headed by a day we hold no date for ("Father's Day: ...") is never a filler post on another date.
        self.bound |= {t.title: "" for t in spec.topics if t.title not in self.bound and _DAY_HEADED.match(t.title)}
        self.titles = {t.title: t for t in spec.topics}
        self.pillars = [p.id for p in spec.pillars]
        rng.shuffle(self.pillars)
        here = (country or "").upper()
        self.by_pillar = {
            pid: [
                t
                for t in spec.topics
                if t.pillar == pid and t.title not in self.bound and (not t.countries or here in t.countries)
            ]
            for pid in self.pillars
        }
        words = {t.title: _topic_words(t) for t in spec.topics} if focus else {}
        telling = _telling_words(words, focus)
        for topics in self.by_pillar.values():
            rng.shuffle(topics)
            # what the clinic says it focuses on ("a sports physio clinic", "heel pain, diabetic feet") comes first
            if telling:
                topics.sort(key=lambda t: -len(telling & words[t.title]))
        self.bank_size = sum(len(v) for v in self.by_pillar.values())
        self.used: set[str] = set()
        self.pointer = 0
        self.repeated = False
        self.south = (country or "").upper() in data.southern_hemisphere

    def _in_season(self, topic, month: int) -> bool:
        text = " ".join((topic.title, *topic.keywords)).lower()
        # A season moves with the hemisphere ("winter" is June in Sydney); a date in the calendar does not.
        months = _months_named(text, self.data.seasonal_keywords, self.south)
        months |= _months_named(text, self.data.calendar_keywords, False)
        return not months or month in months

    def _scan(self, platform, month: int, strict: int):
        for k in range(len(self.pillars)):
            pid = self.pillars[(self.pointer + k) % len(self.pillars)]
            for topic in self.by_pillar[pid]:
                if topic.title in self.used:
                    continue
                if strict >= 2 and not fits_platform(topic, platform, self.data.format_hints):
                    continue
                if strict >= 1 and not self._in_season(topic, month):
                    continue
                self.pointer = (self.pointer + k + 1) % len(self.pillars)
                return topic
        return None

    def next(self, platform, month: int):
        """The next topic in pillar rotation that suits the platform and the month."""
        # An in-season topic a second time (in its other tone) reads better than sun cream in December, so the
        # bank starts again before an out-of-season topic is taken.
        for strictness in ((2, 1), (2, 1), (0,)):
            for strict in strictness:
                topic = self._scan(platform, month, strict)
                if topic is not None:
                    self.used.add(topic.title)
                    return topic
            # Bank exhausted: start again; the second use of a topic gets its other tone or another wording.
            self.used = {t for t in self.used if t in self.bound}
            self.repeated = True
        raise RuntimeError("specialty has no topics")  # unreachable: the schema requires 30

    def for_observance(self, observance, month: int):
        """(topic, about_it): the bank topic made for this observance, else the one sharing most words with
        it (its name, then its note); else a topic of an awareness-like pillar to carry the post's pillar and
        format (about_it False: the post is then about the observance itself), else (None, False)."""
        for title, oid in self.bound.items():
            if oid == observance.id and title not in self.used:
                return self._take_bound(title), True
        free = [
            t
            for topics in self.by_pillar.values()
            for t in topics
            if t.title not in self.used and self._in_season(t, month)
        ]
        # Name words count double: "Skin Cancer Awareness Month" is about skin cancer first.
        name, note = _words(observance.name), _words(observance.note) - _words(observance.name)
        # A topic must share a word with the observance's name, or two with its note, to be "about" it.
        scored = [
            (2 * len(name & w) + len(note & w), -i, t)
            for i, t in enumerate(free)
            for w in [_words(" ".join((t.title, *t.keywords)))]
            if name & w or len(note & w) >= 2
        ]
        best = max(scored, key=lambda s: s[:2], default=None)
        if best is None or best[0] == 0:
            keys = self.data.awareness_pillar_keywords
            fallback = [t for t in free if any(k in t.pillar.lower() for k in keys)]
            return (fallback[0] if fallback else None), False  # not used up: only its pillar is borrowed
        self.used.add(best[2].title)
        return best[2], True

    def _take_bound(self, title: str):
        self.used.add(title)
        return self.titles[title]


def _months_named(text: str, table: dict[str, tuple[int, ...]], south: bool) -> set[int]:
    """The months of each word in `table` that `text` names, six months on for the southern hemisphere."""
    months: set[int] = set()
    for word, in_months in table.items():
        if re.search(rf"\b{re.escape(word)}\b", text):
            months.update(((m + 5) % 12) + 1 if south else m for m in in_months)
    return months
