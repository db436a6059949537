"""Route a question to an intent, and find the platforms and specialties it mentions.

Keyword and pattern tables live in knowledge/data/intents.yaml: a clinic manager's phrasing ("1 star",
"content calender") is content to tune, not code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..knowledge import registry
from ..knowledge.schemas.chat import Intent, IntentData

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

_SPACES = re.compile(r"[\s_/&.-]+")
_UNHELD = ""  # the id of a field no specialty covers: it holds its words in a scan (Mentions.fields)


@dataclass(frozen=True)
class Mention:
    id: str
    start: int
    end: int


@dataclass(frozen=True)
class Mentions:
    """Platforms and specialties named in a text, in order of appearance."""

    platforms: tuple[Mention, ...] = ()
    specialties: tuple[Mention, ...] = ()
    fields: tuple[Mention, ...] = ()  # professions no specialty covers (occupational therapist, podiatrist)
    nearest: tuple[Mention, ...] = ()  # such professions by the specialty nearest to them (osteopath: physiotherapy)

    @property
    def platform_ids(self) -> list[str]:
        return list(dict.fromkeys(m.id for m in self.platforms))

    @property
    def specialty_ids(self) -> list[str]:
        return list(dict.fromkeys(m.id for m in self.specialties))

    @property
    def _first_profession(self) -> Mention | None:
        return min((*self.specialties, *self.fields), key=lambda m: m.start, default=None)

    @property
    def profession(self) -> str | None:
        """The asker's profession, the first one named: a specialty id, "" for a field no specialty covers ("I'm a
        podiatrist and want referrals from physios" names no specialty of the asker's), None when none is named."""
        first = self._first_profession
        return None if first is None else first.id

    @property
    def nearest_field(self) -> str | None:
        """The specialty nearest to the asker's profession when no specialty covers it (an osteopath's topics are
        closest to a physiotherapist's), else None."""
        first = self._first_profession
        if first is None or first.id != _UNHELD:
            return None
        return next((m.id for m in self.nearest if m.start == first.start), None)


def _phrase_pattern(phrase: str) -> str:
    """A whole-word regex for a phrase (plural allowed); spaces, hyphens and slashes match one another."""
    parts = [re.escape(p) for p in _SPACES.split(phrase.strip().lower()) if p]
    return r"(?<![\w#])" + r"[\s_/&.-]*".join(parts) + r"(?:e?s)?(?![\w])"


class Router:
    """Compiled intent tables. Build once per data file (`router()`)."""

    def __init__(self, data: IntentData) -> None:
        self.data = data
        self._rules = {
            name: [(re.compile(_phrase_pattern(k), re.IGNORECASE), w) for k, w in rule.keywords.items()]
            + [(re.compile(p, re.IGNORECASE), w) for p, w in rule.patterns.items()]
            for name, rule in data.intents.items()
        }
        self._follow_up = [re.compile(p, re.IGNORECASE) for p in data.follow_up.patterns]
        self._domain = re.compile("|".join(_phrase_pattern(t) for t in data.domain_terms), re.IGNORECASE)
        self._disclaimer = re.compile(data.domain_disclaimer, re.IGNORECASE)
        self._off_topic = (
            re.compile("|".join(_phrase_pattern(t) for t in data.off_topic_terms), re.IGNORECASE)
            if data.off_topic_terms
            else None
        )
        self._expansions = [(re.compile(e.pattern, re.IGNORECASE), e.add, e.weight) for e in data.expansions]

    def scores(self, text: str) -> dict[Intent, float]:
        """Intent -> summed weight of the keywords and patterns found in `text`."""
        return {name: sum(w for rx, w in rules if rx.search(text)) for name, rules in self._rules.items()}

    def best(self, text: str) -> tuple[Intent, float]:
        """The winning intent and its score (ties go to the intent listed first in `priority`)."""
        scores = self.scores(text)
        order = {name: i for i, name in enumerate(self.data.priority)}
        name = max(scores, key=lambda n: (scores[n], -order[n]))
        return name, scores[name]

    def is_follow_up(self, text: str) -> bool:
        """True for a short continuation of the previous question ("and for LinkedIn?")."""
        words = text.split()
        return 0 < len(words) <= self.data.follow_up.max_words and any(
            rx.search(text.strip()) for rx in self._follow_up
        )

    def has_domain_terms(self, text: str) -> bool:
        """Whether the text speaks of social media or marketing, not counting where it sets them aside ("Not
        social media but ...")."""
        return bool(self._domain.search(self._disclaimer.sub(" ", text)))

    def has_off_topic_terms(self, text: str) -> bool:
        """Practice-management subjects (software, salaries, taxes) the guidance does not cover."""
        return bool(self._off_topic and self._off_topic.search(text))

    def expansion(self, text: str) -> dict[str, float]:
        """Topic words (with their weights) for the phrasings found in `text` (intents.yaml `expansions`)."""
        found: dict[str, float] = {}
        for rx, add, weight in self._expansions:
            if rx.search(text):
                for word in add.split():
                    found[word] = max(weight, found.get(word, 0.0))
        return found

    def route(self, question: str, history: Sequence[dict] = ()) -> Intent:
        """The intent of `question`; a follow-up without its own signal keeps the previous question's."""
        name, score = self.best(question)
        if score > 0:
            return name
        if self.is_follow_up(question):
            for turn in reversed(user_turns(history)):
                prev, prev_score = self.best(turn)
                if prev_score > 0:
                    return prev
                if not self.is_follow_up(turn):
                    break
        return "strategy"


def router(knowledge_root: Path | None = None) -> Router:
    """The Router for the intents file of a knowledge directory (or the project's)."""
    return _router(registry.path_of(registry.INTENTS, knowledge_root))


@lru_cache(maxsize=4)
def _router(path: Path) -> Router:
    return Router(registry.read_data_file(path, IntentData))


def user_turns(history: Iterable[dict]) -> list[str]:
    """The contents of the user turns of a history, oldest first."""
    return [str(m.get("content", "")) for m in history or () if isinstance(m, dict) and m.get("role") == "user"]


def route_intent(question: str, history: Sequence[dict] = ()) -> Intent:
    """One of start_platform, editorial_plan, hashtags, video_ideas, review_reply, compliance, strategy."""
    return router().route(question, history)


class MentionFinder:
    """Finds platform and specialty names (ids, names, aliases from the knowledge base) in text."""

    def __init__(self, kb: KnowledgeBase, data: IntentData) -> None:
        ambiguous = {a.lower() for a in data.ambiguous_aliases}
        self._platforms = self._table(
            (
                (p.id, name)
                for p in kb.platforms.values()
                for name in (p.id, p.name, *p.aliases)
                if name.lower() not in ambiguous
            ),
            extra=data.platform_patterns,
        )
        held = ((s.id, name) for s in kb.specialties.values() for name in (s.id, s.name, *s.aliases))
        unheld = ((_UNHELD, name) for name in data.unheld_fields)
        self._specialties = self._table((*held, *unheld), short_upper=True)
        self._nearest = self._table(((field, name) for name, field in data.nearest_fields.items()), short_upper=True)

    @staticmethod
    def _table(
        names: Iterable[tuple[str, str]], extra: dict[str, tuple[str, ...]] | None = None, short_upper: bool = False
    ):
        table: list[tuple[re.Pattern[str], str]] = []
        for item_id, name in sorted(set(names), key=lambda x: -len(x[1])):  # longest first: "physical therapist"
            if short_upper and len(name) <= 3 and name.isalpha():  # "GP", "ENT": only as capitals, never the word "ent"
                table.append((re.compile(rf"(?<!\w){re.escape(name.upper())}(?!\w)"), item_id))
            else:
                table.append((re.compile(_phrase_pattern(name), re.IGNORECASE), item_id))
        for item_id, patterns in (extra or {}).items():
            table.extend((re.compile(p, re.IGNORECASE), item_id) for p in patterns)
        return table

    @staticmethod
    def _scan(text: str, table) -> tuple[Mention, ...]:
        found: list[Mention] = []
        for rx, item_id in table:
            for m in rx.finditer(text):
                if all(m.end() <= f.start or m.start() >= f.end for f in found):
                    found.append(Mention(item_id, m.start(), m.end()))
        return tuple(sorted(found, key=lambda f: f.start))

    def platforms_in(self, text: str) -> list[str]:
        """The ids of the platforms `text` names, in order of appearance."""
        return list(dict.fromkeys(m.id for m in self._scan(text, self._platforms)))

    def find(self, text: str) -> Mentions:
        """Platforms and specialties mentioned in `text`."""
        found = self._scan(text, self._specialties)
        specialties = tuple(m for m in found if m.id != _UNHELD)
        fields = tuple(m for m in found if m.id == _UNHELD)
        nearest = self._scan(text, self._nearest) if fields else ()
        return Mentions(self._scan(text, self._platforms), specialties, fields, nearest)
