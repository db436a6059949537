"""Answer cards: one clinician question answered by an expert, in knowledge/answers/<area>/<theme>.yaml.

A card holds the ways people ask the question (matched at run time), a lead that answers it, steps, cautions,
variants by country, specialty or platform, and the guide sections behind each claim: `[n]` in the text points
at the card's n-th `cites` entry. The loader checks every cite against the guides' headings.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .base import Strict
from .models import ID_RE, PlatformId

# A card variant's country: a rule set, or a country with its own variants inside one (Ireland, in the EU: an Irish
# asker gets an IE variant, else the EU one).
CardCountry = Literal["US", "GB", "EU", "AU", "CA", "IN", "IE", "NZ"]
MARKER = re.compile(r"\[(\d{1,2})\]")
MIN_WORDS, MAX_WORDS = 120, 300  # a card reads as 120 to 300 words of plain language
MAX_VARIANT_WORDS = 360  # a variant may add a sentence to a full card


def _words(*parts: str) -> int:
    return len(MARKER.sub("", " ".join(parts)).split())


def markers(text: str) -> list[int]:
    """The citation numbers in a text, in order."""
    return [int(n) for n in MARKER.findall(text)]


def _country_codes(value: tuple[str, ...]) -> tuple[str, ...]:
    bad = [c for c in value if not re.fullmatch(r"[A-Z]{2}", c)]
    if bad:
        raise ValueError(f"country code(s) {bad} are not two capital letters (ISO 3166, or EU)")
    return value


class CardItem(Strict):
    """One step or caution. Written as a plain string, or as a mapping when it is not for every asker:
    `{text: ..., countries: [ZA]}` is shown only to askers of those countries (or of their rule sets: an Italian
    item is kept for a German asker, both being EU; an asker whose country is unknown sees it), and
    `follows: true` only when the item before it is shown ("Where that Act applies, ..." after the item naming the
    Act). The loader checks the codes against knowledge/data/countries.yaml."""

    text: str = Field(min_length=3)
    countries: tuple[str, ...] = ()
    follows: bool = False

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value

    @field_validator("countries")
    @classmethod
    def _codes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _country_codes(value)

    def __str__(self) -> str:
        return self.text


def _items(value: tuple[CardItem, ...] | None, field: str) -> tuple[CardItem, ...] | None:
    """The items, refusing `follows` on the first: it has no item before it to follow."""
    if value and value[0].follows:
        raise ValueError(f"the first item of '{field}' cannot have follows: true (there is no item before it)")
    return value


def texts_of(items: tuple[CardItem, ...] | None) -> tuple[str, ...]:
    """The plain texts of a card's steps or cautions."""
    return tuple(item.text for item in items or ())


class CardCite(Strict):
    guide: str = Field(pattern=ID_RE)
    section: str = Field(min_length=3)  # a `##` heading of that guide, exactly


class VariantWhen(Strict):
    country: tuple[CardCountry, ...] = ()
    specialty: tuple[str, ...] = ()
    platform: tuple[PlatformId, ...] = ()

    @model_validator(mode="after")
    def _something(self) -> VariantWhen:
        if not (self.country or self.specialty or self.platform):
            raise ValueError("a variant's 'when' names a country, a specialty or a platform")
        return self


class CardVariant(Strict):
    when: VariantWhen
    lead: str | None = Field(default=None, min_length=20)
    steps: tuple[CardItem, ...] | None = Field(default=None, min_length=3, max_length=7)
    watch_out: tuple[CardItem, ...] | None = Field(default=None, max_length=3)
    add: str | None = Field(default=None, min_length=10)  # a sentence shown after the steps
    # Countries for which this variant's lead says no ("In Germany, not for purely cosmetic work: ..."): their
    # askers get the lead without the card's steps for doing it. Only with a lead of its own and no steps.
    no_steps_for: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _changes_something(self) -> CardVariant:
        if self.lead is None and self.steps is None and self.watch_out is None and self.add is None:
            raise ValueError("a variant changes the lead, the steps, the watch-outs or adds a sentence")
        _items(self.steps, "steps")
        _items(self.watch_out, "watch_out")
        if self.no_steps_for and (self.lead is None or self.steps is not None):
            raise ValueError("'no_steps_for' needs a variant lead and no variant steps")
        return self

    def texts(self) -> list[str]:
        return [self.lead or "", self.add or "", *texts_of(self.steps), *texts_of(self.watch_out)]


class AnswerCard(Strict):
    id: str = Field(pattern=ID_RE)
    questions: tuple[str, ...] = Field(min_length=6, max_length=16)
    lead: str = Field(min_length=20)
    steps: tuple[CardItem, ...] = Field(min_length=3, max_length=7)
    watch_out: tuple[CardItem, ...] = Field(default=(), max_length=3)
    variants: tuple[CardVariant, ...] = ()
    related: tuple[str, ...] = ()
    # The specialties the card is written for (a psychologists' code is no answer for an occupational therapist);
    # empty: every profession. The theme's `specialties` apply when the card names none.
    specialties: tuple[str, ...] = ()
    # The rule sets the card's answer is written for (the ADA Code: US) when its theme holds cards for everyone:
    # askers who name another country never get it, those who name none still may. Empty: the theme's `countries`.
    countries: tuple[CardCountry, ...] = ()
    # Countries whose own rules overturn this card's answer, each with its own card that answers there instead:
    # `{ZA: south-africa-testimonials}` (the HPCSA bans the testimonials this card allows with consent). The
    # loader checks that the country is known and that the card named cites a guide of that country. A card named
    # here that is written for some professions (`specialties`) answers only askers of those professions there
    # (Brazil's dental and psychology councils' card, not the medical council's askers).
    overruled_in: dict[str, str] = Field(default_factory=dict)
    cites: tuple[CardCite, ...] = Field(min_length=1)
    updated: dt.date

    @field_validator("questions")
    @classmethod
    def _distinct(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        folded = [" ".join(q.lower().split()) for q in value]
        if len(set(folded)) != len(folded):
            raise ValueError("the same question is listed twice")
        if any(len(q) < 6 for q in folded):
            raise ValueError("a question is shorter than 6 characters")
        return value

    @field_validator("overruled_in")
    @classmethod
    def _overruled(cls, value: dict[str, str]) -> dict[str, str]:
        _country_codes(tuple(value))
        bad = [card_id for card_id in value.values() if not re.fullmatch(ID_RE, card_id)]
        if bad:
            raise ValueError(f"card id(s) {bad} are not ids (lower-case words joined by hyphens)")
        return value

    @model_validator(mode="after")
    def _citations_and_length(self) -> AnswerCard:
        _items(self.steps, "steps")
        _items(self.watch_out, "watch_out")
        texts = [self.lead, *texts_of(self.steps), *texts_of(self.watch_out)] + [
            t for v in self.variants for t in v.texts()
        ]
        used = {n for t in texts for n in markers(t)}
        out_of_range = sorted(n for n in used if not 1 <= n <= len(self.cites))
        if out_of_range:
            raise ValueError(f"citation marker(s) {out_of_range} but only {len(self.cites)} cites")
        unused = sorted(set(range(1, len(self.cites) + 1)) - used)
        if unused:
            raise ValueError(f"cites {unused} are never referred to by a [n] marker")
        if not markers(self.lead):
            raise ValueError("the lead needs a citation marker [n]")
        words = _words(self.lead, *texts_of(self.steps), *texts_of(self.watch_out))
        if not MIN_WORDS <= words <= MAX_WORDS:
            raise ValueError(f"the card reads {words} words; write {MIN_WORDS} to {MAX_WORDS}")
        for v in self.variants:
            if _words(*self.resolved(v)) > MAX_VARIANT_WORDS:
                raise ValueError(f"with variant {v.when.model_dump(exclude_defaults=True)} the card is too long")
        return self

    def resolved(self, variant: CardVariant | None) -> tuple[str, ...]:
        """All the text of the card with a variant applied: lead, steps, added sentence, watch-outs."""
        if variant is None:
            return (self.lead, *texts_of(self.steps), *texts_of(self.watch_out))
        return (
            variant.lead or self.lead,
            *texts_of(variant.steps or self.steps),
            variant.add or "",
            *texts_of(self.watch_out if variant.watch_out is None else variant.watch_out),
        )

    def items(self) -> tuple[CardItem, ...]:
        """Every step and caution of the card and its variants."""
        out = [*self.steps, *self.watch_out]
        for v in self.variants:
            out += [*(v.steps or ()), *(v.watch_out or ())]
        return tuple(out)


class CardFile(Strict):
    """One theme's file: `theme` equals the file name, `title` names the theme in plain words."""

    theme: str = Field(pattern=ID_RE)
    title: str = Field(min_length=3)
    countries: tuple[CardCountry, ...] = ()  # a theme about one country's rules (UK GMC, AHPRA): only its askers
    specialties: tuple[str, ...] = ()  # a theme for some professions only (therapists' codes): its cards' scope
    cards: tuple[AnswerCard, ...] = Field(min_length=1)


class Card(Strict):
    """A loaded card with where it came from (theme and area are the file's)."""

    card: AnswerCard
    theme: str
    theme_title: str
    area: str
    path: str
    countries: tuple[CardCountry, ...] = ()  # the card's own countries, else its theme's
    specialties: tuple[str, ...] = ()  # the theme's specialties

    @property
    def id(self) -> str:
        return self.card.id

    @property
    def scope(self) -> tuple[str, ...]:
        """The specialties the card answers for: its own, else its theme's; empty for every profession."""
        return self.card.specialties or self.specialties
