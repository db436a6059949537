"""Countries the guidance distinguishes (knowledge/data/countries.yaml) and finding one named in a question."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Literal

from pydantic import Field

from .base import Strict

RuleSet = Literal["US", "GB", "EU", "AU", "CA", "IN", "NZ"]


class Country(Strict):
    code: str = Field(pattern=r"^[A-Z]{2}$")  # ISO 3166 alpha-2, or EU
    name: str
    rules: RuleSet  # which answer-card variant applies
    cues: tuple[str, ...] = Field(min_length=1)
    # Words that point to the country only when nothing else in the text names one: job titles and health-service
    # words used mostly there ("GP surgery", "FY2", "Praxis"), which a place or regulator named elsewhere outranks.
    weak_cues: tuple[str, ...] = ()
    # Cities and towns: they name the country like a cue, and a draft names the clinic's city from them.
    cities: tuple[str, ...] = ()


def _pattern(cues: list[tuple[str, str]]) -> tuple[re.Pattern[str] | None, list[str]]:
    """One alternation of (code, cue) pairs, longest cue first; ALL-CAPS cues ("US", "NHS", "FY2") are matched as
    written, the rest ignore case."""

    def one(cue: str) -> str:
        body = re.escape(cue)
        return body if cue.upper() == cue and len(cue) <= 6 else f"(?i:{body})"

    if not cues:
        return None, []
    cues = sorted(cues, key=lambda x: -len(x[1]))
    pattern = re.compile("|".join(f"(?<![\\w.])({one(cue)})(?![\\w])" for _, cue in cues))
    return pattern, [code for code, _ in cues]


class Countries(Strict):
    countries: tuple[Country, ...] = Field(min_length=1)

    @cached_property
    def _matchers(self) -> tuple[tuple[re.Pattern[str] | None, list[str]], ...]:
        strong = _pattern([(c.code, cue) for c in self.countries for cue in (*c.cues, *c.cities)])
        weak = _pattern([(c.code, cue) for c in self.countries for cue in c.weak_cues])
        return strong, weak

    def named_in(self, text: str) -> str | None:
        """The code of the first country a text names ("a GP in Leeds" -> GB), or None. A place, people or
        regulator named anywhere outranks a job or service word ("an FY2 in Sydney" -> AU, "our GP surgery" -> GB)."""
        for pattern, codes in self._matchers:
            match = pattern.search(text) if pattern else None
            if pattern and match and match.lastindex:  # every alternative is one group: a match sets lastindex
                code = codes[match.lastindex - 1]
                if code in self._groups:  # a member country named later outranks it ("the GDPR ... in Dublin": IE)
                    later = (codes[m.lastindex - 1] for m in pattern.finditer(text, match.end()) if m.lastindex)
                    return next((c for c in later if c != code and self.rules_for(c) == code), code)
                return code
        return None

    @cached_property
    def _groups(self) -> frozenset[str]:
        """Entries that stand for a group of listed countries (EU): their members share their rules."""
        return frozenset(c.rules for c in self.countries if c.code != c.rules)

    def city_in(self, text: str) -> str | None:
        """The first listed city a text names, as the data spells it ("a physio in bristol" -> "Bristol"), or None."""
        pattern, names = self._cities
        match = pattern.search(text) if pattern else None
        return names[match.lastindex - 1] if match and match.lastindex else None

    @cached_property
    def _cities(self) -> tuple[re.Pattern[str] | None, list[str]]:
        return _pattern([(city, city) for c in self.countries for city in c.cities])

    def name_of(self, code: str | None) -> str | None:
        """The country's name for a code, or None when it is not listed."""
        return next((c.name for c in self.countries if code and c.code == code.upper()), None)

    def rules_for(self, code: str | None) -> RuleSet | None:
        """The rule set (answer-card variant) for a country code; EU members without an entry count as EU."""
        if not code:
            return None
        code = "GB" if code.upper() == "UK" else code.upper()
        for c in self.countries:
            if c.code == code:
                return c.rules
        return "EU" if code in EU_MEMBERS else None


EU_MEMBERS = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
