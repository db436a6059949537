"""Schemas of knowledge/data/intents.yaml (how a question is routed) and chat.yaml (how an answer is worded)."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Literal, get_args

from pydantic import ConfigDict, Field, field_validator, model_validator

from ...errors import KnowledgeError
from ..base import Regex, Strict, check_patterns
from ..models import PLATFORM_IDS

# The intents a question can be routed to; the keywords that pick them are data (knowledge/data/intents.yaml).
Intent = Literal[
    "start_platform", "editorial_plan", "hashtags", "video_ideas", "review_reply", "compliance", "strategy"
]
INTENTS: tuple[Intent, ...] = get_args(Intent)


class IntentRule(Strict):
    keywords: dict[str, float] = Field(default_factory=dict)
    patterns: dict[str, float] = Field(default_factory=dict)

    _valid = field_validator("patterns")(lambda cls, v: check_patterns(v))


class FollowUp(Strict):
    max_words: int = Field(ge=1, le=30)
    patterns: tuple[str, ...] = Field(min_length=1)

    _valid = field_validator("patterns")(lambda cls, v: check_patterns(v))


class Expansion(Strict):
    pattern: str
    add: str = Field(min_length=2)
    weight: float = Field(default=0.5, gt=0, le=1)

    _valid = field_validator("pattern")(lambda cls, v: check_patterns((v,))[0])


class IntentData(Strict):
    priority: tuple[Intent, ...]
    intents: dict[Intent, IntentRule]
    follow_up: FollowUp
    ambiguous_aliases: tuple[str, ...] = ()
    # Fields no specialty file covers whose names contain a specialty's alias ("occupational therapy practice"
    # holds "therapy practice"): they hold their words, so no specialty is read from them.
    unheld_fields: tuple[str, ...] = ()
    # The specialty nearest to such a field, whose topics suit it ("osteopath: physiotherapy"); keys are unheld fields.
    nearest_fields: dict[str, str] = Field(default_factory=dict)
    platform_patterns: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    domain_terms: tuple[str, ...] = Field(min_length=1)
    off_topic_terms: tuple[str, ...] = ()  # practice management, not communication: never "covered" alone
    # Words that set the domain aside ("Not social media but ..."): the domain terms in them do not count.
    domain_disclaimer: Regex = "(?!)"
    individual_medical_query: str = Field(min_length=10)
    expansions: tuple[Expansion, ...] = ()

    @field_validator("priority")
    @classmethod
    def _all_intents(cls, value: tuple[Intent, ...]) -> tuple[Intent, ...]:
        if sorted(value) != sorted(INTENTS):
            raise ValueError(f"priority must list exactly these intents: {', '.join(INTENTS)}")
        return value

    @field_validator("intents")
    @classmethod
    def _known_intents(cls, value: dict[Intent, IntentRule]) -> dict[Intent, IntentRule]:
        if sorted(value) != sorted(INTENTS):
            raise ValueError(f"intents must define exactly: {', '.join(INTENTS)}")
        return value

    @model_validator(mode="after")
    def _nearest_of_unheld(self) -> IntentData:
        unknown = sorted(set(self.nearest_fields) - set(self.unheld_fields))
        if unknown:
            raise ValueError(f"nearest_fields names fields not in unheld_fields: {', '.join(unknown)}")
        return self

    @field_validator("platform_patterns")
    @classmethod
    def _platform_ids(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        unknown = [p for p in value if p not in PLATFORM_IDS]
        if unknown:
            raise ValueError(f"unknown platform id(s) {unknown}; known: {', '.join(PLATFORM_IDS)}")
        for patterns in value.values():
            check_patterns(patterns)
        return value


class Coverage(Strict):
    min_similarity: float = Field(ge=-1, le=1)
    min_similarity_in_domain: float = Field(ge=-1, le=1)
    min_similarity_other_language: float = Field(ge=-1, le=1)


class Language(Strict):
    name: str
    note: str = ""
    stopwords: frozenset[str] = Field(min_length=5)

    @field_validator("stopwords", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return frozenset(value.lower().split()) if isinstance(value, str) else value


class UnreadLanguage(Strict):
    """A language the assistant recognises but cannot read (no glossary): the answer says so in that language, and
    the country its writers usually practise in stands in when the message names none."""

    name: str
    note: str = Field(min_length=20)  # in the language itself, then in English
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    stopwords: frozenset[str] = frozenset()
    script: Regex | None = None  # one character of the language's own script ("[\\u0E00-\\u0E7F]" for Thai)

    @field_validator("stopwords", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return frozenset(value.lower().split()) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _recognisable(self) -> UnreadLanguage:
        if not self.script and len(self.stopwords) < 5:
            raise ValueError(f"{self.name}: give a script or at least five stop words to recognise it by")
        return self


class Languages(Strict):
    min_words: int = Field(ge=1)
    min_share: float = Field(gt=0, le=1)
    # A lower share is enough when the language has at least twice as many stop words in the text as English
    min_share_ahead: float | None = Field(default=None, gt=0, le=1)
    table: dict[str, Language] = Field(min_length=1)  # ISO 639-1 code -> language
    unread: dict[str, UnreadLanguage] = Field(default_factory=dict)  # recognised, not read (no glossary)
    min_script_share: float = Field(default=0.3, gt=0, le=1)  # share of letters in a language's own script


class AnswerText(Strict):
    model_config = ConfigDict(extra="allow", frozen=True)  # phrases are looked up by name

    def phrase(self, name: str, **values: object) -> str:
        """The phrase called `name`, with {placeholders} filled in."""
        text = (self.model_extra or {}).get(name)
        if not isinstance(text, str):
            raise KnowledgeError(f"data/chat.yaml: field 'answer.{name}' is missing")
        return text.format(**values) if values else text


class PromptText(Strict):
    system: str = Field(min_length=50)
    profile_marker: str = Field(min_length=3)  # the line after which the system prompt holds the clinic profile
    passages_intro: str
    question_intro: str
    no_passages: str
    expert_intro: str = ""
    history_turns: int = Field(ge=0, le=50)
    history_chars: int = Field(ge=100)


class VerdictWords(Strict):
    """Words that set what "yes" means in a yes/no question. "Is TikTok worth it?" (positive) and "Is TikTok too
    silly?" (negative) are the same topic with opposite answers; "Is our photo box enough?" (sufficiency) asks
    whether something suffices, which a card's "Yes, with written consent" does not answer; "Should I take it?"
    (decision) asks whether to accept an offer, which a card's "Yes: adverts need approval" does not answer. Matched
    as whole words, ignoring case."""

    positive: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    sufficiency: tuple[str, ...] = ()
    decision: tuple[str, ...] = ()

    def _has(self, words: tuple[str, ...], text: str) -> bool:
        return bool(words) and _any_word(words).search(text) is not None

    def polarity(self, question: str) -> int:
        """+1 for a question framed positively ("worth it", "a good idea"), -1 negatively ("silly", "a gimmick"),
        0 for neither or both."""
        return int(self._has(self.positive, question)) - int(self._has(self.negative, question))

    def mixed(self, question: str) -> bool:
        """Framed both ways at once: "Is this a real thing or a gimmick?"."""
        return self._has(self.positive, question) and self._has(self.negative, question)

    def asks_apart(self, question: str) -> frozenset[str]:
        """What the question asks that a verdict answers only for a card asked the same: "sufficiency" (is it
        enough?), "decision" (should I take it?)."""
        kinds = (("sufficiency", self.sufficiency), ("decision", self.decision))
        return frozenset(kind for kind, words in kinds if self._has(words, question))


FormatKind = Literal["video", "image", "carousel", "text", "article", "story", "live", "update"]


class SpecialtyIdeas(Strict):
    """Which answers end with topic ideas from the asker's specialty file (knowledge/data/specialties/), and how
    many. Chosen by the card taxonomy: the `themes` (knowledge/answers/<area>/<theme>.yaml) about what to post,
    starting on a platform, formats, video and how often, less the `not_cards` in them that are about rules or
    conduct ("What should doctors avoid on TikTok?"). A loader test checks every id exists."""

    count: int = Field(default=4, ge=1, le=6)
    themes: tuple[str, ...] = ()
    not_cards: tuple[str, ...] = ()
    # A topic's format hint (knowledge/data/specialties: reel, carousel, short, ...) as the kind of format a
    # platform offers (knowledge/data/platforms.yaml), so a TikTok asker is told "Video", an Instagram one "Reel".
    format_kinds: dict[str, FormatKind] = Field(default_factory=dict)

    def applies_to(self, theme: str, card_id: str) -> bool:
        return theme in self.themes and card_id not in self.not_cards


class NearbyCard(Strict):
    """When a matched card answers a nearby question instead of the one asked. A close runner-up whose wordings
    cover the question better answers instead (`switch_*`); failing that, P(nearby) = sigmoid(uncovered x
    share + confidence x the match's confidence + bias), where share is the part of the question's distinctive words
    (IDF-weighted over the cards' wordings) that no wording of the card uses. At or above `abstain_at` the card is
    set aside and the best whole sections answer. Disabled (never abstains) when `abstain_at` is 1."""

    uncovered: float = 0.0
    confidence: float = 0.0
    bias: float = 0.0
    abstain_at: float = Field(default=1.0, gt=0, le=1)
    # A card kept below the chat's close-card confidence is said to answer a nearby question only when P(nearby)
    # reaches this (0: always); below it the card's wordings cover the question, and the notice misleads.
    notice_at: float = Field(default=0.0, ge=0, le=1)
    # A better second card: among the cards scoring within `switch_within` of the top one, the one whose wordings
    # leave the least of the question uncovered answers instead, when it leaves at least `switch_gain` less.
    switch_within: float = Field(default=0.0, ge=0, le=0.2)
    switch_gain: float = Field(default=1.0, gt=0, le=1)

    def probability(self, share: float, confidence: float) -> float:
        """P(the card answers a nearby question), from the fitted weights."""
        return 1.0 / (1.0 + math.exp(-(self.uncovered * share + self.confidence * confidence + self.bias)))

    def abstains(self, share: float, confidence: float) -> bool:
        return self.abstain_at < 1 and self.probability(share, confidence) >= self.abstain_at

    def notices(self, share: float, confidence: float) -> bool:
        """Whether a card kept at a modest confidence is to be called the answer to a nearby question."""
        return self.probability(share, confidence) >= self.notice_at


class Regulator(Strict):
    """A professional regulator and the specialties whose clinicians it registers (the GMC: doctors), so that a card
    variant speaking only of regulators that do not register the asker ("The GMC expects ...") is not shown to a
    dentist or a physiotherapist."""

    names: tuple[str, ...] = Field(min_length=1)
    registers: tuple[str, ...] = Field(min_length=1)  # specialty ids


class VariantFit(Strict):
    """How specifically a card variant fits the asker: the sum, over the conditions in its `when`, of the
    condition's weight, plus `stated` for a country or specialty the question itself names (a platform is only
    ever one the question names). A country that comes only from the saved profile is a default (new profiles name
    the US), so a specialty beats it, a country named in the question beats a profile's specialty, a specialty
    named in the question beats a named country, and a variant fitting both beats either."""

    own_country: float = Field(default=0.75, gt=0)  # the asker's own country (IE)
    rule_set: float = Field(default=0.5, gt=0)  # their rule set (EU); must stay below own_country
    specialty: float = Field(default=1.0, gt=0)
    platform: float = Field(default=1.0, gt=0)
    stated: float = Field(default=1.0, ge=0)
    regulators: tuple[Regulator, ...] = ()
    # Words that make a sentence naming a regulator about every profession ("the GMC or your own regulator").
    any_regulator: tuple[str, ...] = ()

    def for_other_professions(self, text: str, specialty: str | None) -> bool:
        """Whether the text speaks only of regulators that do not register clinicians of this specialty: it names
        at least one known regulator, none of those registers the specialty, and it does not say the same goes
        for every regulator. False when the specialty is unknown."""
        if not specialty or (self.any_regulator and _any_word(self.any_regulator, possessive=True).search(text)):
            return False
        named = [r for r in self.regulators if _any_word(r.names, possessive=True).search(text)]
        return bool(named) and all(specialty not in r.registers for r in named)

    @model_validator(mode="after")
    def _own_country_first(self) -> VariantFit:
        if not self.rule_set < self.own_country < self.specialty < self.rule_set + self.stated:
            raise ValueError("variant_fit needs rule_set < own_country < specialty < rule_set + stated")
        return self


class DeclinedRefit(Strict):
    """A refit that was judged and lost to the kept calibration: how far it moved a probability, where it was fitted,
    and the judgement it lost."""

    drift: float = Field(gt=0, le=1)  # the largest change in probability it made (scripts/calibrate_cards.py --drift)
    at: str  # the commit it was fitted at
    judged: str  # the folder under eval/judgement/ holding the blind judgement


class CardCalibration(Strict):
    """The card matcher's confidence, P(top card is right) = sigmoid(a x top score + b x margin + c), fitted on the
    cards' own wordings (scripts/calibrate_cards.py) and kept here, so a card added for one question does not move
    every other answer's confidence across the chat's thresholds. Refitted on purpose, with the answers it changes
    judged; a test fails when the cards have drifted too far from it, or further than a refit that was judged and
    lost (`declined`)."""

    a: float = Field(gt=0)
    b: float = Field(ge=0)
    c: float
    wordings: int = Field(ge=1)  # how many card wordings it was fitted on
    fitted: str  # the commit or date it was fitted at
    declined: DeclinedRefit | None = None  # the last refit judged worse than keeping this one


class ChatData(Strict):
    coverage: Coverage
    languages: Languages
    answer: AnswerText
    prompt: PromptText
    verdicts: VerdictWords = VerdictWords()
    specialty_ideas: SpecialtyIdeas = SpecialtyIdeas()
    nearby_card: NearbyCard = NearbyCard()
    variant_fit: VariantFit = VariantFit()
    card_calibration: CardCalibration | None = None  # None: fitted on the cards each time they change


@lru_cache(maxsize=64)
def _any_word(words: tuple[str, ...], possessive: bool = False) -> re.Pattern[str]:
    """One pattern for "any of these words or phrases, as whole words, ignoring case", compiled once per list; with
    `possessive`, also followed by "'s" ("the GMC's")."""
    edge = r"\w" if possessive else r"[\w']"
    return re.compile(rf"(?<!{edge})(?:{'|'.join(re.escape(w) for w in words)})(?!{edge})", re.IGNORECASE)
