"""One conversational turn made ready to answer: guarded (patient data masked, scope and injection checked),
routed, and grounded in retrieved passages with a verdict on whether the knowledge base covers it.

Both answer paths (offline and language model) start from the same Turn, so they see the same masked
text, the same passages and the same warnings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import InputError
from ..guardrails import LABELS, classify_scope, looks_like_injection, mask_phi
from ..guardrails.injection import passage_looks_like_injection
from ..guardrails.phi import PLACEHOLDER as _PLACEHOLDER
from ..guardrails.scope import Scope
from ..knowledge.schemas.chat import ChatData, Intent, IntentData
from ..retrieval import tokenize
from .conversation import retrieval_query
from .extract import split_units, terms
from .gloss import Glosser
from .intents import MentionFinder, Router
from .language import detect_language

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..profile import ClinicProfile

RETRIEVE_K = 6


def _passage_words(title: str, heading: str, text: str) -> frozenset[str]:
    """The content words of a passage, remembered: the same guide sections come back on many questions."""
    return _words_of(f"{title} {heading} {text}")


@lru_cache(maxsize=2048)
def _words_of(text: str) -> frozenset[str]:
    return frozenset(tokenize(text))


@dataclass
class Turn:
    """Everything the answer paths need about one question."""

    question: str  # as typed (stays in this process)
    masked: str  # what may leave the process or be logged
    history: list[dict[str, str]]  # masked, most recent turns only
    masked_kinds: list[str]
    scope: Scope
    language: str
    intent: Intent
    query: str
    specialty: str | None  # named in the question, else the saved profile's; None when neither says
    platforms: list[str]
    country: str | None = None  # the country the question names, else the profile's (ISO code)
    platforms_named: bool = False  # the platforms come from the question (or the one it follows up)
    country_named: bool = False  # the country comes from the question (or an earlier one), not the profile
    specialty_named: bool = False  # the specialty comes from the question, not the profile
    # The asker's profession: a specialty id, "" for a field no specialty covers (an occupational therapist), None
    # when neither the question nor the profile says. A card written for other professions does not answer them.
    profession: str | None = None
    nearest_field: str | None = None  # for a profession no specialty covers, the specialty nearest to it
    expansion: dict[str, float] = field(default_factory=dict)  # topic words -> weight (intents.yaml `expansions`)
    passages: list = field(default_factory=list)
    similarity: float = 0.0
    covered: bool = False
    off_topic: bool = False  # about practice management, not communication (taxes, software, salaries)
    injection: bool = False
    tainted: set[str] = field(default_factory=set)  # doc_ids of passages with instruction-like text
    warnings: list[dict] = field(default_factory=list)
    # The masked text glossed into English word by word when it is written in a language with a glossary (else
    # ""): what cards, guides and drafts are matched on (gloss.py)
    english: str = ""

    def in_english(self) -> Turn:
        """This turn as the drafts read it: the English gloss in place of the masked text, when there is one."""
        return replace(self, masked=self.english) if self.english else self

    @property
    def tokens(self) -> frozenset[str]:
        return frozenset(terms(self.query))

    @property
    def weights(self) -> dict[str, float]:
        """Question words (weight 1) and expansion words (weight 0.5), for choosing sentences."""
        out = {t: w for word, w in self.expansion.items() for t in terms(word)}
        out.update({t: 1.0 for t in terms(self.query)})
        return out


class TurnBuilder:
    """Builds Turns; holds the compiled tables so each question pays only for its own work."""

    def __init__(
        self,
        kb: KnowledgeBase,
        retriever,
        data: ChatData,
        intents: IntentData,
        router: Router,
        finder: MentionFinder,
        glosser: Glosser | None = None,
    ) -> None:
        self.kb, self.retriever, self.data, self.intents = kb, retriever, data, intents
        self.router, self.finder = router, finder
        self.glosser = glosser or Glosser({})
        self.platform_names = {p.id: p.name for p in kb.platforms.values()}

    def build(
        self, question: str, profile: ClinicProfile | None, history: list[dict[str, str]], platforms: Sequence[str] = ()
    ) -> Turn:
        """Mask, classify, route and retrieve for one question. `profile` is the saved clinic profile or None."""
        masked = mask_phi(question, clinic=profile)  # the clinic's own name, address and staff stay readable
        recent = history[-self.data.prompt.history_turns :] if self.data.prompt.history_turns else []
        masked_history = [{"role": t["role"], "content": mask_phi(t["content"], clinic=profile).text} for t in recent]
        kinds = list(dict.fromkeys(LABELS.get(s.kind, s.kind.lower()) for s in masked.spans))
        scope = classify_scope(question)
        language = detect_language(masked.text, self.data.languages)
        english = self.glosser.english(masked.text, language)  # the masked text itself when English
        glossed = english if english != masked.text else ""
        intent = self.router.route(english, masked_history)
        query, mentions = retrieval_query(english, masked_history, self.router, self.finder, self.platform_names)
        if scope == "individual_medical":  # R22: answer how to handle such questions, never the question itself
            query, intent = self.intents.individual_medical_query, "compliance"
        named = mentions.profession  # the first profession named is the asker's
        specialty = named if named and named in self.kb.specialties else None
        countries = self.kb.countries
        named_country = (
            countries.named_in(
                " ".join([masked.text, glossed, *(t["content"] for t in masked_history if t["role"] == "user")])
            )
            if countries
            else None
        )
        turn = Turn(
            question=question,
            masked=masked.text,
            history=masked_history,
            masked_kinds=kinds,
            scope=scope,
            language=language,
            intent=intent,
            query=" ".join(_PLACEHOLDER.sub(" ", query).split()) or masked.text,
            # A profession named in the question is the asker's, even one with no specialty data (an osteopath):
            # the profile's specialty (a general practice by default) is then not theirs.
            specialty=specialty or (profile.specialty if profile and named is None else None),
            platforms=mentions.platform_ids or list(profile.platforms if profile else platforms),
            country=named_country or (profile.country if profile else None) or self._writers_country(language),
            platforms_named=bool(mentions.platforms),
            country_named=named_country is not None,
            specialty_named=specialty is not None,
            profession=named if named is not None else (profile.specialty if profile else None),
            nearest_field=mentions.nearest_field,
            injection=looks_like_injection(question),
            english=glossed,
        )
        if scope != "individual_medical":
            turn.expansion = self.router.expansion(turn.query)
        # Naming a platform makes a question about social media; naming a specialty does not ("taxes for my
        # dental practice"), so only platforms lower the similarity a question needs.
        self._retrieve(turn, domain=bool(mentions.platforms))
        self._warn(turn)
        return turn

    def _retrieve(self, turn: Turn, domain: bool) -> None:
        specialty = turn.specialty if turn.specialty in self.kb.specialties else None
        try:
            # Coverage is judged on the question alone: expansion words would make any question look on topic.
            turn.passages, similarity = self.retriever.search_and_closest(
                " ".join([turn.query, *turn.expansion]),
                turn.query,
                k=RETRIEVE_K,
                specialty=specialty,
                platforms=turn.platforms,
            )
        except InputError:  # nothing searchable in the question (only punctuation, only masked data)
            turn.passages, similarity = [], 0.0
        turn.similarity = float(similarity)
        turn.passages = [self._defused(turn, p) for p in turn.passages]
        in_domain = domain or self.router.has_domain_terms(turn.query)
        turn.off_topic = not in_domain and self.router.has_off_topic_terms(turn.query)
        turn.covered = not turn.off_topic and self._covers(turn, in_domain)

    @staticmethod
    def _defused(turn: Turn, passage):
        """The passage without sentences that read as instructions to the assistant (OWASP LLM01/LLM08)."""
        if not passage_looks_like_injection(passage.text):
            return passage
        turn.tainted.add(passage.doc_id)
        kept = [u.text for u in split_units(passage.text) if not passage_looks_like_injection(f"{u.lead} {u.text}")]
        return passage.model_copy(update={"text": "\n\n".join(kept)})

    def _writers_country(self, language: str) -> str | None:
        """The country a language the assistant cannot read is written in, when it is mostly one ("pl": Poland), so
        the answer holds that country's rules and says which it does not cover, never another country's."""
        unread = self.data.languages.unread.get(language)
        return unread.country if unread else None

    def _covers(self, turn: Turn, domain: bool) -> bool:
        """Covered when a passage shares a content word with the question and it is similar enough."""
        if not turn.passages or turn.scope == "individual_medical":
            return bool(turn.passages)
        words = set().union(*(_passage_words(p.title, p.heading, p.text) for p in turn.passages))
        if not turn.tokens & words:
            return False
        c = self.data.coverage
        needed = c.min_similarity_in_domain if domain else c.min_similarity
        if turn.language != "en":
            needed = min(needed, c.min_similarity_other_language)
        return turn.similarity >= needed

    def _warn(self, turn: Turn) -> None:
        text = self.data.answer
        if turn.masked_kinds:
            turn.warnings.append({"rule": "PHI", "message": text.phrase("masked", kinds=", ".join(turn.masked_kinds))})
        if turn.injection:
            turn.warnings.append({"rule": "LLM01", "message": text.phrase("injection")})
        for doc_id in sorted(turn.tainted) if turn.covered else ():
            turn.warnings.append({"rule": "LLM08", "message": text.phrase("passage_injection", doc_id=doc_id)})
