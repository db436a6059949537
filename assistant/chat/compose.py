"""The offline answer's content: an answer card fitted to the asker, or whole guide sections when no card fits.

A card is an expert's answer to one question (knowledge/answers/). Its `[n]` markers are renumbered into the
answer's own numbering, and every number becomes a citation of the guide section behind it, linked to that
section's own source. When no card matches with confidence, the answer is the best one or two WHOLE sections
under a one-line lead that says what they cover: never sentences collected from different sections.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from ..errors import KnowledgeError
from ..guardrails.scope import with_local_number
from ..knowledge.cards import MARKER, AnswerCard, CardItem, CardVariant, markers
from ..knowledge.schemas.chat import NearbyCard, SpecialtyIdeas, VariantFit, VerdictWords
from ..matching import CardMatch, stands_alone
from ..question_split import asks, pieces_of, questions_in, tidy
from ..retrieval import tokenize
from .models import Answer, Citation, Part, Section, TopicIdeas
from .specialty_topics import topic_ideas

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..knowledge.countries import Countries
    from ..profile import ClinicProfile

MAX_SECTIONS = 2
SECOND_SECTION_SHARE = 0.85  # a second section is shown when it scores at least this share of the first
# A card's verdict ("No.", "Yes, if ...:") answers the card's own question. It is kept only when the asker asked a
# yes/no question and the match is sure of the card: at least this confident, or ahead of the runner-up card by
# this margin. Below both, the card may answer a neighbouring question, and a "No." that fits the card's question
# misleads (chosen on the judged losses of eval/holdout.jsonl: a mismatched verdict came with a low confidence and
# a runner-up within a hair's breadth).
VERDICT_CONFIDENCE = 0.6
VERDICT_MARGIN = 0.03
# A question that is not a yes/no question: it starts with a question word or asks us to do something.
_OPEN_QUESTION = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|hi|hello|hey|also|but|please)\W+)*(?:how|what|what's|whats|which|when|where|why|who|"
    r"write|draft|make|give|tell|help|show|list|explain|work out)\b",
    re.IGNORECASE,
)
# A verdict opening a lead: "No." / "Yes:" (a full sentence follows), "Not on its own: ..." / "Yes, if ...: ..."
# (a condition, then the answer after the colon), or "Yes, reply ..." / "No, it is ..." (the answer follows).
_VERDICT_SENTENCE = re.compile(r"^(?:Yes|No)[.!:]\s+(?=\S)")
# The words a conditional verdict goes on with ("Yes, if ...", "No, unless ...", "Yes, with ...").
_CONDITIONS = r"if|unless|with|where|when|while|as long as|provided|once|only if"
_VERDICT_CONDITION = re.compile(
    rf"^(?:Not\b|(?:Yes|No),?\s+(?:{_CONDITIONS}|for|in|on|only|under|within|and|not|but)\b)[^.:;]{{0,140}}:\s+(?=\S)"
)
_VERDICT_WORD = re.compile(r"^(?:Yes|No|You can),\s+(?=\S)")  # "You can, but ...": a permission given
_CONDITION_FIRST = re.compile(rf"(?:{_CONDITIONS})\b")
_MID_SENTENCE_NAME = re.compile(r"(?<=[a-z,;] )([A-Z][A-Za-z]+)")  # "... treats Google as ...": a name
MAX_HEADING_WORDS = 16  # a longer part of a question is headed by its card's theme instead
# A lead that allows ("Yes, if ...", "In many places yes, ...", "Only with ...") and one that forbids or defers
# ("No, not ...", "Not without ...", "Check the Medical Council's statement ... first"): a country variant whose lead
# forbids what the card's lead allows cannot be followed by the card's steps for doing it.
_ALLOWS = re.compile(r"^(?:[^.:;]{0,60}\byes\b|Only (?:with|if)\b|Often\b|Usually\b)", re.IGNORECASE)
_FORBIDS = re.compile(r"^(?:No\b|Not\b|Never\b|Do not\b|Don't\b|Check\b)")


@dataclass(frozen=True)
class Asker:
    """What the answer is fitted to: the rule set of the asker's country, their specialty, the platforms named, and
    which of these the question itself states (the rest come from the saved profile, whose country is a default)."""

    country: str | None = None  # the rule set: US, GB, EU, AU, CA, IN, NZ
    specialty: str | None = None
    platforms: tuple[str, ...] = ()  # only ever the platforms the question names
    code: str | None = None  # the country itself (IE), when known: its own variant wins over its rule set's
    country_stated: bool = False  # the question names the country
    specialty_stated: bool = False  # the question names the specialty


def _country_fit(allowed: Sequence[str], asker: Asker, fit: VariantFit) -> float:
    """How well a variant's countries fit the asker: their own country (IE) best, then their rule set (EU); 0 when
    neither (an Irish asker gets an IE variant, else the EU one; a New Zealander neither an EU nor an AU one)."""
    if asker.code and asker.code in allowed:
        weight = fit.own_country
    elif asker.country in allowed:
        weight = fit.rule_set
    else:
        return 0.0
    return weight + (fit.stated if asker.country_stated else 0.0)


class Numbering:
    """Numbers guide sections in order of first citation; each number is a Citation of one section."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._order: dict[tuple[str, str], int] = {}
        self.citations: list[Citation] = []

    def cite(self, guide_id: str, heading: str, passage: str | None = None) -> int:
        key = (guide_id, heading)
        if key not in self._order:
            guide = self.kb.guide(guide_id)
            source = guide.source_for(heading)
            n = len(self.citations) + 1
            self._order[key] = n
            self.citations.append(
                Citation(
                    n=n,
                    doc_id=guide_id,
                    title=guide.meta.title,
                    heading=heading,
                    url=str(source.url),
                    passage=passage or guide.section(heading),
                )
            )
        return self._order[key]


def choose_variant(
    card: AnswerCard, asker: Asker, fit: VariantFit | None = None, countries: Countries | None = None
) -> CardVariant | None:
    """The variant that fits the asker most specifically (knowledge/data/chat.yaml `variant_fit`; the first of
    equals), among those whose every condition fits, or None. A variant whose own words are about another country
    than the asker's ("The ADA Code applies ...", "the GDC says ...") ranks below every variant that is not; one
    that speaks only of another profession's regulator ("The GMC expects ..." for a dentist) is left out."""
    fit = fit or VariantFit()
    best, best_key = None, (False, 0.0)
    for variant in card.variants:
        when = variant.when
        country = _country_fit(when.country, asker, fit) if when.country else 0.0
        fits = (not when.country or country > 0) and (not when.specialty or asker.specialty in when.specialty)
        if when.platform:
            fits = fits and any(p in when.platform for p in asker.platforms)
        if not fits or fit.for_other_professions(" ".join(variant.texts()), asker.specialty):
            continue
        score = country
        if when.specialty:
            score += fit.specialty + (fit.stated if asker.specialty_stated else 0.0)
        if when.platform:
            score += fit.platform  # only ever a platform the question names
        key = (not _about_elsewhere(variant, asker, countries), score)
        if key > best_key:
            best, best_key = variant, key
    return best


def _about_elsewhere(variant: CardVariant, asker: Asker, countries: Countries | None) -> bool:
    """Whether a variant that names no country in its `when` is in fact about another country than the asker's:
    its own words name a place or regulator of another rule set (a dentists' note citing the ADA Code and Texas,
    for an Australian dentist). Unknown when the asker's country or the country list is."""
    if variant.when.country or countries is None or asker.country is None:
        return False
    named = countries.named_in(" ".join(variant.texts()))
    return named is not None and countries.rules_for(named) != asker.country


def _asked_questions(asked: str) -> list[str]:
    """The pieces of the asker's words that ask something ("I'm a GP. Is this a gimmick?" -> the second); the
    whole text when no piece does."""
    return [p for p in pieces_of(asked) if asks(p)] or [asked]


def _yes_no(question: str) -> bool:
    """A question a yes or a no answers: not one opening with a question word ("How ...", "Write ...")."""
    return not _OPEN_QUESTION.search(question)


def same_framing(asked: str, card: AnswerCard, wording: str, framing: VerdictWords) -> bool:
    """Whether a card's verdict means the same for the asker's question: not framed both ways at once ("real or a
    gimmick?"), nor the other way round ("Is it worth it?" against the card's "Is TikTok too silly?"), and not
    asking whether something is enough, or whether to take an offer, when neither the card's first question nor its
    matched wording does ("We have a photo box. Is that enough?", "A supplement brand will pay me. Should I take
    it?" against "Do influencer adverts need approval?")."""
    if framing.mixed(asked):  # "Is this a real thing or a gimmick?": a yes or a no would answer neither side
        return False
    # The card's side: the wording the asker matched, or, when that one is neutral ("tiktok for dentists?"), the
    # card's first question; a card's wordings may be framed both ways, and its lead answers the one it fits.
    theirs = framing.polarity(wording) or framing.polarity(card.questions[0])
    if framing.polarity(asked) * theirs < 0:
        return False
    return framing.asks_apart(asked) <= framing.asks_apart(wording) | framing.asks_apart(card.questions[0])


def verdict_fits(match: CardMatch, framing: VerdictWords | None = None) -> bool:
    """Whether a card's verdict may open the answer: a yes/no question, matched with confidence (see above), and,
    given the framing words, a question whose "yes" means what the card's "yes" means."""
    if match.asked:  # the yes/no questions among what was asked ("I'm a GP. Is this a gimmick? What do I post?")
        closed = [q for q in _asked_questions(match.asked) if _yes_no(q)]
        if not closed:
            return False
        if framing is not None and not all(same_framing(q, match.card.card, match.question, framing) for q in closed):
            return False
    return match.confidence >= VERDICT_CONFIDENCE or match.margin >= VERDICT_MARGIN


def without_verdict(lead: str) -> str:
    """The lead with its opening verdict taken off, so it states the rule and not an answer to another question
    ("No. Yelp's guidelines say ..." -> "Yelp's guidelines say ..."); a lead without one is returned as it is."""
    for pattern in (_VERDICT_SENTENCE, _VERDICT_CONDITION, _VERDICT_WORD):
        rest = pattern.sub("", lead, count=1)
        if rest != lead and len(rest.split()) >= 6:
            if pattern is _VERDICT_WORD and rest.startswith("but "):
                if lead.startswith("No"):
                    return lead  # "No, but you can ..." turns round without its "No"
                rest = rest[len("but ") :]  # "Yes, but only if ..." -> "It works only if ..."
            if pattern is _VERDICT_WORD and _CONDITION_FIRST.match(rest):
                # "Yes, if the patient signs ... [1]." has no main clause without its "Yes": it says what works;
                # "No, unless ..." would turn round without its "No", so it keeps it.
                return f"It works {rest}" if lead.startswith("Yes") else lead
            return rest[0].upper() + rest[1:]
    return lead


def _renumber(text: str, card: AnswerCard, numbering: Numbering) -> str:
    def one(match: re.Match[str]) -> str:
        cite = card.cites[int(match.group(1)) - 1]
        return f"[{numbering.cite(cite.guide, cite.section)}]"

    return MARKER.sub(one, text)


# How many of a part's own words the card must hold for that part to count as answered by it
_PART_ANSWERED = 0.6
# Words the asker pastes to be answered, in double quotes or opened by a single quote after a space or colon ("Comment:
# "... How many carbs should I eat per meal??""): the questions in them are the writer's, not the asker's.
_QUOTED_WORDS = re.compile(r"[\"“][^\"“”]{20,}[\"”]|(?:^|(?<=[\s:(]))['‘][^'‘’\n]{20,}['’](?=[\s.,!?)]|$)")


def _part_answered(asked: str, part: Part) -> bool:
    """Whether the card shown answers the part its matching found no card for: most of that part's words are in it
    ("... is it a problem that she runs our IG from her personal phone and login?" under the card on who owns the
    accounts, which says to keep logins off personal phones). Saying that part is unanswered would be wrong."""
    words = set(tokenize(asked))
    if len(words) < 3:
        return False
    said = set(tokenize(" ".join([part.lead, *part.steps, *part.watch_out, part.note])))
    return len(words & said) >= _PART_ANSWERED * len(words)


def card_part(
    match: CardMatch,
    asker: Asker,
    numbering: Numbering,
    framing: VerdictWords | None = None,
    fit: VariantFit | None = None,
) -> Part:
    """One card as part of an answer: its variant for the asker applied, its markers renumbered, the emergency
    numbers it lists for anywhere narrowed to the asker's."""
    card = match.card.card
    variant = choose_variant(card, asker, fit, numbering.kb.countries)

    def fix(texts: Sequence[str | CardItem]) -> list[str]:
        return [with_local_number(_renumber(str(t), card, numbering), asker.code or asker.country) for t in texts]

    lead = variant.lead if variant and variant.lead else card.lead
    if not verdict_fits(match, framing):
        lead = without_verdict(lead)
    steps = variant.steps if variant and variant.steps else card.steps
    if _steps_contradicted(card, variant, asker, numbering.kb):
        steps = ()
    watch = card.watch_out if variant is None or variant.watch_out is None else variant.watch_out
    steps = _for_asker_items(steps, card, asker, numbering.kb)
    watch = _for_asker_items(watch, card, asker, numbering.kb)
    return Part(
        card_id=card.id,
        title=card.questions[0],
        question=match.question,
        lead=fix([lead])[0],
        steps=fix(steps),
        watch_out=fix(watch),
        note=fix([variant.add])[0] if variant and variant.add else "",
        variant=variant.when.model_dump(mode="json", exclude_defaults=True) if variant else {},
        confidence=match.confidence,
    )


def overturns(allowed: str, variant_lead: str) -> bool:
    """Whether a variant's lead forbids or defers what the card's lead allows ("In many places yes, if ..." against
    "No, not about clinical care: Australia's National Law bans ...")."""
    return bool(_ALLOWS.match(allowed)) and bool(_FORBIDS.match(variant_lead))


def _steps_contradicted(card: AnswerCard, variant: CardVariant | None, asker: Asker, kb: KnowledgeBase) -> bool:
    """Whether the card's own steps would do what the answer's lead forbids: a variant for the asker's country says
    no (or "check first") and brings no steps of its own; or the asker's country is one the guides do not cover, the
    card's verdict is overturned for some covered country, and no guide of the asker's own country is cited, so
    the steps for doing it may be what that country bans (a Singapore clinic reposting reviews)."""
    if variant is not None and variant.lead:
        if variant.steps:
            return False
        return overturns(card.lead, variant.lead) or (asker.code is not None and asker.code in variant.no_steps_for)
    countries = kb.countries
    if variant is not None or countries is None or countries.uncovered_country(asker.code) is None:
        return False
    if any(_guide_countries(kb, cite.guide) & {asker.code} for cite in card.cites):
        return False
    return any(v.when.country and v.lead and overturns(card.lead, v.lead) for v in card.variants)


def _for_asker_items(
    items: Sequence[CardItem], card: AnswerCard, asker: Asker, kb: KnowledgeBase
) -> tuple[CardItem, ...]:
    """A card's steps or cautions without those scoped to other countries than the asker's (`countries`, see
    `_scoped_elsewhere`) or resting only on other countries' guides (`_cites_elsewhere`), nor one that follows an
    item left out (`follows`: "In the US, the My Health My Data Act can cover ..." gone, "Where that Act applies,
    ..." would dangle)."""
    countries = kb.countries
    kept: list[CardItem] = []
    dropped = False
    for item in items:
        dropped = (
            _scoped_elsewhere(item, asker, countries)
            or _cites_elsewhere(item.text, card, asker, kb)
            or (dropped and item.follows)
        )
        if not dropped:
            kept.append(item)
    return tuple(kept)


def _cites_elsewhere(item: str, card: AnswerCard, asker: Asker, kb: KnowledgeBase) -> bool:
    """Whether a step names a place under other rules than the asker's and rests only on guides written for other
    countries ("Never geofence clinics: Washington bans it, and Nevada's law does too" for a clinic in Singapore).
    A step that names no place, or cites a general guide, is general advice and stays. Kept when the asker's
    country is unknown."""
    countries = kb.countries
    if countries is None or asker.code is None:
        return False
    named = countries.named_in(MARKER.sub("", item))
    if (
        named is None
        or named == asker.code
        or (asker.country is not None and countries.rules_for(named) == asker.country)
    ):
        return False
    cited = [card.cites[n - 1].guide for n in markers(item) if 0 < n <= len(card.cites)]
    if not cited:
        return False
    for guide in cited:
        codes = _guide_countries(kb, guide)
        if not codes or asker.code in codes or (asker.country is not None and asker.country in codes):
            return False
    return True


def _guide_countries(kb: KnowledgeBase, guide_id: str) -> set[str]:
    try:
        return set(kb.guide(guide_id).meta.countries)
    except KnowledgeError:
        return set()


def _glossed(turn) -> str:
    """The turn's English gloss when it was written in another language (turn.py), else ""."""
    return getattr(turn, "english", "")


def _scoped_elsewhere(item: CardItem, asker: Asker, countries: Countries | None) -> bool:
    """Whether a step or caution is scoped to places under other rules than the asker's (`countries: [ZA]` for a
    clinic in New Zealand; an Italian item stays for a German asker, both being EU). Kept when the asker's country
    is unknown."""
    if not item.countries or countries is None or asker.code is None or asker.code in item.countries:
        return False
    if asker.country is None:  # a country the guides do not cover: any other place's rules are not its own
        return True
    return all(countries.rules_for(code) != asker.country for code in item.countries)


def best_sections(
    passages: Sequence, numbering: Numbering, kb: KnowledgeBase, tainted: AbstractSet[str] = frozenset()
) -> list[Section]:
    """The top passage's whole section and, if nearly as good, a second one of the same guide (never two pieces of
    one section, nor sections of two unrelated guides: judged as "a collage").

    A passage from a guide with instruction-like text (`tainted`) keeps its defused text, not the whole section.
    """
    chosen: list[Section] = []
    seen: set[tuple[str, str]] = set()
    top_score = passages[0].score if passages else 0.0
    first_doc = ""
    for p in passages:
        key = (p.doc_id, p.heading)
        if key in seen or not p.text.strip():
            continue
        if chosen and (p.score < SECOND_SECTION_SHARE * top_score or len(chosen) == MAX_SECTIONS):
            break
        if chosen and p.doc_id != first_doc:  # two guides' sections read as a collage: one section
            continue
        first_doc = first_doc or p.doc_id
        seen.add(key)
        whole = p.doc_id not in tainted and _is_heading(kb, p)
        text = kb.guide(p.doc_id).section(p.heading) if whole else p.text
        n = numbering.cite(p.doc_id, p.heading, text)
        chosen.append(Section(title=p.title, heading=p.heading, text=text, n=n))
    return chosen


def _is_heading(kb: KnowledgeBase, passage) -> bool:
    try:
        return passage.heading in kb.guide(passage.doc_id).headings
    except Exception:  # noqa: BLE001 - a passage from an index of another knowledge base: use its own text
        return False


class Composer:
    """The offline answer to a prepared turn, as a structured Answer (the engine renders and checks it)."""

    HIGH_CONFIDENCE = 0.85  # a card may answer a question the guide passages alone would not call covered
    DRAFT_CARD = 0.6  # a matched card follows a draft only this confident; else the draft kind's own card
    COUNTRY_DRAFT_CARD = 0.5  # ...and a card written for the asker's country this confident
    # Below this confidence the card is said to answer the nearest question it knows, named: on the development
    # questions (eval/holdout.jsonl, reviewed by hand) 22 of the 47 cards matched below 0.6 answered a
    # neighbouring question, against 11 of 127 above it.
    CLOSE_CARD = 0.6
    # How far below the best card on a message's English gloss the asker's own country's card, found on the words as
    # written, may score and still answer: further below, the country's card matched the message's language, not
    # its question (chosen on the 25 such replacements in held-out sets 1-33: of the 9 more than 0.15 below, read by
    # hand, most answered worse, such as a German hospital's viral complaint answered with the Impressum and a Bari
    # dentist's fake reviews with Italy's advertising law; the replacements judged blind afterwards, changed answers
    # of round 41, won 6 and lost 2).
    OWN_CARD_SHORTFALL = 0.15

    def __init__(
        self,
        kb: KnowledgeBase,
        matcher,
        words,
        drafter=None,
        verdicts: VerdictWords | None = None,
        ideas: SpecialtyIdeas | None = None,
        nearby: NearbyCard | None = None,
        fit: VariantFit | None = None,
    ) -> None:
        self.kb, self.matcher, self.words, self.drafter = kb, matcher, words, drafter
        self.nearby = nearby  # when a card answers a nearby question instead (knowledge/data/chat.yaml)
        self.verdicts = verdicts  # the words that frame a yes/no question (knowledge/data/chat.yaml)
        self.fit = fit  # how specifically a card variant fits the asker (same file)
        self.ideas = ideas  # which answers end with topic ideas for the asker's specialty (same file)

    def asker(self, turn) -> Asker:
        countries = self.kb.countries
        rules = countries.rules_for(turn.country) if countries else None
        return Asker(
            country=rules,
            specialty=turn.specialty if turn.specialty in self.kb.specialties else None,
            platforms=tuple(turn.platforms) if turn.platforms_named else (),
            code=turn.country.upper() if turn.country else None,
            country_stated=getattr(turn, "country_named", False),
            specialty_stated=getattr(turn, "specialty_named", False),
        )

    def cards_for(self, turn) -> list[CardMatch]:
        """The card(s) answering the turn, or none; a card alone never makes an off-topic question covered."""
        if self.matcher is None or turn.off_topic:
            return []
        country = self.asker(turn).country
        matches = self.matcher.answer_cards(
            turn.query,
            country,
            turn.country,
            self.nearby,
            getattr(turn, "profession", None),
            self._elsewhere_cards(turn.query),
        )
        if _glossed(turn):
            matches = self._own_country_card(turn, country, matches)
        if turn.covered:
            return [] if self._nearby(matches, turn) else matches
        return [m for m in matches if m.confidence >= self.HIGH_CONFIDENCE] if len(matches) == 1 else []

    def _own_country_card(self, turn, country: str | None, matches: list[CardMatch]) -> list[CardMatch]:
        """For a message in another language, matched on its English gloss: the asker's own country's card found on
        the words as written wins over general cards found on the gloss. Country cards carry wordings in their
        country's language, general cards only English ones, so each is best found on its own language's words.
        Not a country card that only answers a nearby question (below `CLOSE_CARD`) over a general card found
        confidently on the gloss: a Brazilian paediatrician moving patients' WhatsApp messages to a business account
        is answered on WhatsApp, not on before-and-after photos because the message names the medical council. Nor
        one that scores far below the best card on the gloss itself (`OWN_CARD_SHORTFALL`). A country's card found on
        the gloss stands: replacing it with a surer one found on the words as written lost 6 to 12 when judged blind
        (the words as written find a country's general card, the gloss its specific one)."""
        assert self.matcher is not None
        if any(self.matcher.written_for(m.card.id) for m in matches):
            return matches
        own = self.matcher.answer_cards(turn.masked, country, turn.country, self.nearby, turn.profession)
        if not own or not self.matcher.written_for(own[0].card.id):
            return matches
        if matches and own[0].confidence < self.CLOSE_CARD <= matches[0].confidence:
            return matches
        shortfall = self.matcher.shortfall(turn.query, own[0].card.id, country, turn.country, turn.profession)
        return matches if matches and shortfall > self.OWN_CARD_SHORTFALL else own

    def _elsewhere_cards(self, asked: str) -> frozenset[str]:
        """The cards left out before matching because their lead rests only on rules of one region and the asker
        names another place in that country (knowledge/data/countries.yaml, `local_rules`): Quebec's language law is
        no answer for a caption from a Toronto clinic, and a Florida clinic's pixel question is answered from HIPAA,
        by the card that comes next, not from Washington's health data law."""
        if not self._local_cards or self.kb.countries is None:
            return frozenset()
        away = self.kb.countries.away_sections(asked)
        return frozenset(card_id for card_id, cited in self._local_cards if cited <= away) if away else frozenset()

    @cached_property
    def _local_cards(self) -> tuple[tuple[str, frozenset[tuple[str, str]]], ...]:
        """(card id, the sections its lead cites) for the matcher's cards whose lead cites only sections that hold
        in one region."""
        countries = self.kb.countries
        if countries is None or not countries.local_rules or self.matcher is None:
            return ()
        local = {section for rule in countries.local_rules for section in rule.sections}
        leads = (
            (c.id, frozenset((x.guide, x.section) for x in (c.card.cites[n - 1] for n in markers(c.card.lead))))
            for c in self.matcher.cards
        )
        return tuple((card_id, cited) for card_id, cited in leads if cited and cited <= local)

    def _nearby(self, matches: Sequence[CardMatch], turn) -> bool:
        """Whether the one card matched answers a nearby question, so the whole sections answer better: the
        question's distinctive words are mostly absent from every wording of the card, at a modest confidence. Not
        for a message in another language: the words its gloss leaves as written (compounds, idioms) are absent from
        every card, and the sections are no closer to what was asked. Nor for a card written for the asker's country
        (a French pharmacist's question answered by the French code of medical ethics, not by Instagram basics)."""
        if self.nearby is None or len(matches) != 1 or _glossed(turn):
            return False
        if self.matcher is not None and self.matcher.written_for(matches[0].card.id):
            return False  # a card written for the asker's country won on the country, which the words do not show
        if not self.for_asker(turn.passages, turn.country, turn.query):
            return False
        return self.nearby.abstains(matches[0].uncovered, matches[0].confidence)

    def compose(self, turn, profile: ClinicProfile | None) -> Answer:
        asker = self.asker(turn)
        numbering = Numbering(self.kb)
        drafts = (
            self.drafter.drafts(turn.in_english() if _glossed(turn) else turn, profile, asker) if self.drafter else []
        )
        matches = self.cards_for(turn)
        # A request to write is worded unlike any card's question: unless a card fits it very well, the advice
        # after the draft is the card made for that kind of draft.
        # A draft that names its card (safety steps for a threatening review) is always followed by that card.
        own = self._named_card(drafts[0].card) if drafts and drafts[0].card else None
        if own is not None:
            matches = [CardMatch(own, 0.0, own.card.questions[0], 0.0)]
        elif drafts and self.drafter is not None and not (matches and self._follows_draft(matches[0])):
            named_guide = self._named_card(drafts[0].guide) if drafts[0].guide else None
            guide = named_guide or self.drafter.guidance_card(drafts[0].kind)
            # A question asked besides the request ("Write a caption about flu. Also, how often should I post?")
            # is answered after the draft; else the advice that goes with that kind of draft.
            besides = self._asked_besides(turn)
            matches = besides or ([CardMatch(guide, 0.0, guide.card.questions[0], 0.0)] if guide else matches)
        answer = Answer(
            text="",
            intent=turn.intent,
            question=turn.question,
            language=turn.language,
            masked=turn.masked_kinds,
            warnings=list(turn.warnings),
            drafts=drafts,
            specialty=asker.specialty,
            country=asker.country,
            model="cards",
        )
        notices: list[str] = []
        if matches:
            answer.parts = [card_part(m, asker, numbering, self.verdicts, self.fit) for m in matches]
            self._no_verdict_for_uncovered(answer.parts, matches, turn.country)
            first = answer.parts[0]
            answer.lead, answer.steps, answer.watch_out = first.lead, first.steps, first.watch_out
            answer.card_id, answer.confidence = first.card_id, first.confidence
            answer.related = self._related(matches, asker)
            if len(answer.parts) > 1:
                self._one_reply(answer, matches, quoted=not _glossed(turn))
            # Not after a draft, nor under an answer that says it answers a nearby question.
            if not drafts and min(m.confidence for m in matches) >= self.CLOSE_CARD:
                answer.ideas = self._topic_ideas(turn, asker, matches, answer.parts)
            if len(matches) == 1 and not drafts and self._close_card(matches[0]):
                notices.append(self.words.phrase("close_card", question=matches[0].card.card.questions[0]))
            # One part of a two-part message has no card; not said under a draft, which answers the request part
            # (the other part is then the request's details: "... I do late talkers, stuttering. 150 limit right?")
            unanswered = matches[0].unanswered if len(matches) == 1 and not drafts else ""
            if unanswered and not _part_answered(unanswered, first):
                notices.append(self._part_not_covered(unanswered, quoted=not _glossed(turn)))
        elif turn.covered and (passages := self.for_asker(turn.passages, turn.country, turn.query)):
            answer.sections = best_sections(passages, numbering, self.kb, turn.tainted)
            what = " and ".join(f"“{s.heading}” ({s.title})" for s in answer.sections)
            answer.lead = self.words.phrase("closest_sections", what=what)
            answer.model = "sections"
        elif drafts:
            answer.model = "drafts"
        else:
            answer.covered, answer.model = False, "none"
            titles = list(dict.fromkeys(p.title for p in turn.passages))[:4] or [
                g.meta.title for g in self.kb.guides[:4]
            ]
            answer.lead = "\n".join(
                [self.words.phrase("not_covered"), "", self.words.phrase("closest"), *(f"- {t}" for t in titles)]
            )
        answer.sources = numbering.citations
        gap = self.country_gap(turn.country, answer.sources)
        answer.notices = [*notices, gap] if gap else notices
        return answer

    def _close_card(self, match: CardMatch) -> bool:
        """Whether the one card answering is said to answer a nearby question: matched below `CLOSE_CARD`, and with
        enough of the question's distinctive words missing from its wordings (knowledge/data/chat.yaml,
        `nearby_card.notice_at`): a card whose wordings cover the question answers it, confidence or not."""
        if match.confidence >= self.CLOSE_CARD:
            return False
        return self.nearby is None or self.nearby.notices(match.uncovered, match.confidence)

    def _topic_ideas(
        self, turn, asker: Asker, matches: Sequence[CardMatch], parts: Sequence[Part]
    ) -> TopicIdeas | None:
        """Topic ideas from the asker's specialty file, for an answer about what to post (the data says which
        cards), when the question or the saved profile names a specialty and no card variant already fits it."""
        if self.ideas is None or asker.specialty is None or any(p.variant.get("specialty") for p in parts):
            return None
        if not any(self.ideas.applies_to(m.card.theme, m.card.id) for m in matches):
            return None
        specialty = self.kb.specialties[asker.specialty]
        platform = self.kb.platforms.get(asker.platforms[0]) if asker.platforms else None
        items = topic_ideas(specialty, turn.query, platform, self.ideas)
        heading = self.words.phrase("specialty_ideas", specialty=_plain_name(specialty.name))
        return TopicIdeas(specialty=specialty.id, heading=heading, items=items) if items else None

    def _follows_draft(self, match: CardMatch) -> bool:
        """Whether a card matched on the request's own words follows its draft: confident (a card written for the
        asker's country at `COUNTRY_DRAFT_CARD`: a Brazilian dentist's caption is followed by the CFO's rules, not
        the general checklist), and not a card about setting up an account or choosing a platform
        (knowledge/data/drafts.yaml, not_after_drafts)."""
        unrelated = self.drafter.data.not_after_drafts if self.drafter is not None else ()
        own = self.matcher is not None and bool(self.matcher.written_for(match.card.id))
        least = self.COUNTRY_DRAFT_CARD if own else self.DRAFT_CARD
        return match.confidence >= least and match.card.theme not in unrelated

    def _asked_besides(self, turn) -> list[CardMatch]:
        """The card answering a question the message asks besides its request to write, when confident."""
        from .drafts import requested_kind

        pasted = [m.group(0) for m in _QUOTED_WORDS.finditer(turn.query)]
        # a question inside a pasted comment is the commenter's, not the asker's
        pieces = [q for q in questions_in(turn.query) if not any(q.strip() in quote for quote in pasted)]
        data = self.drafter.data
        others = [
            q
            for q in pieces
            if q != turn.query.strip()
            and requested_kind(q, data) is None
            and not (data.asks_to_write and re.search(data.asks_to_write, q, re.IGNORECASE))
        ]
        if not others or self.matcher is None:
            return []
        found = self.matcher.best(
            others[0], self.asker(turn).country, turn.country, profession=getattr(turn, "profession", None)
        )
        found = replace(found, asked=others[0]) if found is not None else None
        return [found] if found is not None and stands_alone(found) else []

    def _part_not_covered(self, unanswered: str, quoted: bool) -> str:
        """The notice that one part of the message goes unanswered, quoting that part unless it was asked in another
        language (its words here are the English gloss the cards were matched on, not the asker's)."""
        if not quoted:
            return self.words.phrase("part_not_covered_unquoted")
        return self.words.phrase("part_not_covered", question=tidy(unanswered))

    def _one_reply(self, answer: Answer, matches: Sequence[CardMatch], quoted: bool = True) -> None:
        """A two-part answer reads as one reply: each part headed by the asker's own question (`quoted`; else, for a
        message in another language, by the card's theme), and one lead that answers both, the second introduced as
        such (its "Yes," answers the second question, not the first)."""
        for part, match in zip(answer.parts, matches):
            asked = tidy(match.asked) if match.asked and quoted else ""
            part.heading = asked if 0 < len(asked.split()) <= MAX_HEADING_WORDS else match.card.theme_title
        first, *rest = answer.parts
        leads = [first.lead] + [self.words.phrase("second_part", lead=self._continuing(p.lead)) for p in rest]
        answer.lead = " ".join(leads)

    def _continuing(self, lead: str) -> str:
        """A lead that continues "On your second question, ...": its first word in lower case ("No: ..." -> "no:
        ..."), unless it is a name the cards write capitalised mid-sentence ("Google", "Meta's", "HIPAA")."""
        first = re.match(r"[A-Za-z]+", lead)
        if first is None or first.group() in self._names or first.group().isupper():
            return lead
        return lead[0].lower() + lead[1:]

    @cached_property
    def _names(self) -> frozenset[str]:
        """Words the cards' leads write capitalised after another word in a sentence and never in lower case: names
        ("Google", "Meta"), not words of a quoted title ("The", "Advice")."""
        leads = [lead for c in self.kb.cards for lead in (c.card.lead, *(v.lead for v in c.card.variants)) if lead]
        lower = {w for lead in leads for w in re.findall(r"\b[a-z]+\b", lead)}
        capital = {m.group(1) for lead in leads for m in _MID_SENTENCE_NAME.finditer(lead)}
        return frozenset(w for w in capital if w.lower() not in lower)

    def country_gap(self, country: str | None, sources: Sequence[Citation]) -> str:
        """A plain notice when the answer rests on rules and the asker's own country has no guide of its own (an
        Irish GP is given the EU-wide rules, not the Medical Council's code): said, not glossed over."""
        countries = self.kb.countries
        name = countries.name_of(country) if countries else None
        rules = countries.rules_for(country) if countries else None
        uncovered = countries.uncovered_country(country) if countries else None
        if uncovered is not None and sources:  # no rule set: say so, and whom to ask, unless its own guide is cited
            if any(self._guide_for(c.doc_id, country) for c in sources):
                return ""
            regulator = uncovered.regulator or self.words.phrase("any_regulator")
            return self.words.phrase("country_uncovered", country=uncovered.name, regulator=regulator)
        if not name or not rules:
            return ""
        compliance = [g for g in self.kb.guides if g.meta.category == "compliance"]
        if any(country in g.meta.countries for g in compliance):
            return ""
        cited = {c.doc_id for c in sources}
        if not any(g.id in cited for g in compliance):
            return ""
        if country == rules:  # a rule set of its own with no guide (New Zealand): the answer is the general one
            return self.words.phrase("country_not_covered", country=name)
        return self.words.phrase("country_gap", country=name, rules=rules)

    def _named_card(self, card_id: str):
        """The card a draft names, or None when this knowledge base lacks it (then the usual match stands)."""
        try:
            return self.kb.card(card_id)
        except KnowledgeError:
            return None

    def for_asker(self, passages: Sequence, country: str | None, asked: str = "") -> list:
        """The passages without those from another country's rules: an Irish GP gets no Indian or German
        advertising law as the closest guidance. Guides for a whole rule set (EU) count for its members. Given the
        asker's words, nor those of one region when they name another place in its country (see `_elsewhere_cards`)."""
        countries = self.kb.countries
        rules = countries.rules_for(country) if countries and country else None
        if rules is None:  # a country the guides do not cover gets no other country's rules either
            uncovered = countries is not None and countries.uncovered_country(country) is not None
            if not uncovered:
                return list(passages)
            return [p for p in passages if not self._country_guide(p.doc_id) or self._guide_for(p.doc_id, country)]

        def fits(doc_id: str) -> bool:
            try:
                codes = self.kb.guide(doc_id).meta.countries
            except KnowledgeError:  # a passage from an index of another knowledge base
                return True
            return not codes or country in codes or rules in codes

        kept = [p for p in passages if fits(p.doc_id)]
        if not asked or countries is None:
            return kept
        away = countries.away_sections(asked)
        return [p for p in kept if (p.doc_id, p.heading) not in away]

    def _no_verdict_for_uncovered(self, parts: list[Part], matches: Sequence[CardMatch], country: str | None) -> None:
        """A country the guides hold no rules for (Singapore) gets no "Yes" or "No" from a card written for other
        countries: the rule is stated, the verdict is its regulator's. A card that cites its own guide keeps it."""
        countries = self.kb.countries
        if countries is None or countries.uncovered_country(country) is None:
            return
        for part, match in zip(parts, matches, strict=True):
            if not any(self._guide_for(cite.guide, country) for cite in match.card.card.cites):
                part.lead = without_verdict(part.lead)

    def _known_guide(self, doc_id: str) -> bool:
        try:
            self.kb.guide(doc_id)
        except KnowledgeError:  # a passage from an index of another knowledge base
            return False
        return True

    def _guide_for(self, doc_id: str, country: str | None) -> bool:
        """True when the guide is written for this country (South Africa's HPCSA guide for a Johannesburg asker)."""
        return self._known_guide(doc_id) and country in self.kb.guide(doc_id).meta.countries

    def _country_guide(self, doc_id: str) -> bool:
        try:
            return bool(self.kb.guide(doc_id).meta.countries)
        except KnowledgeError:  # a passage from an index of another knowledge base
            return False

    def _related(self, matches: Sequence[CardMatch], asker: Asker) -> list[dict[str, str]]:
        """Follow-up questions from the matched cards' `related`, without a card written for another country than
        the asker's when theirs is known ("Can a US med spa say Botox ...?" under an answer for a pharmacy in Cork)."""
        shown = {m.card.id for m in matches}
        out: list[dict[str, str]] = []
        for m in matches:
            for card_id in m.card.card.related:
                if self._elsewhere(card_id, asker):
                    continue
                if card_id not in shown and len(out) < 3:
                    shown.add(card_id)
                    out.append({"card_id": card_id, "question": self.kb.card(card_id).card.questions[0]})
        return out

    def _elsewhere(self, card_id: str, asker: Asker) -> bool:
        """Whether a card is written for other countries than the asker's, whose country is known."""
        written_for = getattr(self.matcher, "written_for", None)
        if asker.code is None or written_for is None:
            return False
        places = written_for(card_id)
        return bool(places) and asker.code not in places and asker.country not in places


def _plain_name(name: str) -> str:
    """A specialty's name inside a sentence: "Urology" -> "urology", "Ear, nose and throat (ENT)" keeps "ENT"."""
    return " ".join(w if w.isupper() or w.strip("()").isupper() else w.lower() for w in name.split())


def model_passages(answer: Answer, retrieved: Sequence, kb: KnowledgeBase, limit: int) -> list:
    """What a language model is given: the sections the offline answer cites (in its numbering), then the
    retrieved passages it did not cite, up to `limit` in all (never fewer than the cited ones)."""
    from ..retrieval import Passage

    out = []
    for c in answer.sources:
        guide = kb.guide(c.doc_id)
        source = guide.source_for(c.heading)
        out.append(
            Passage(
                doc_id=c.doc_id,
                title=c.title,
                heading=c.heading,
                text=c.passage,
                score=1.0,
                sources=[{"title": source.title, "url": str(source.url), "year": source.year}],
                chunk_id=f"{c.doc_id}#{c.heading}",
                category=guide.meta.category,
                topics=list(guide.meta.topics),
                platforms=list(guide.meta.platforms),
                specialties=list(guide.meta.specialties),
            )
        )
    cited = {(p.doc_id, p.heading) for p in out}
    extra = [p for p in retrieved if (p.doc_id, p.heading) not in cited and p.text.strip()]
    return out + extra[: max(limit - len(out), 0)]


_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+(.*)$")


def structure_from_text(text: str) -> tuple[str, list[str], list[str]]:
    """(lead, steps, watch-outs) of a model's answer: the first paragraph, the list items before a 'Watch out'
    line, and the ones after it. The model is asked for this shape; anything else stays in the text."""
    lead = ""
    steps: list[str] = []
    watch: list[str] = []
    in_watch = False
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.strip().splitlines()
        if not lines:
            continue
        if re.match(r"^\W*watch out", lines[0], re.IGNORECASE):
            in_watch = True
        items = [m.group(1).strip() for m in map(_LIST_ITEM.match, lines) if m]
        if items:
            (watch if in_watch else steps).extend(items)
        elif not lead and not in_watch:
            lead = " ".join(line.strip() for line in lines)
    return lead, steps, watch
