"""Countries the guidance distinguishes (knowledge/data/countries.yaml) and finding one named in a question."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache, cached_property
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
    # Postal abbreviations of states or provinces ("TX", "WA"): they name the country only right after a place
    # name ("Kirkland WA", "Austin, TX"), as an address writes them; alone they are too often other words.
    regions: tuple[str, ...] = ()


class UncoveredCountry(Strict):
    """A country the guides do not cover: an asker from it gets the general answer, never another country's rules,
    and is told so, with the regulator to ask when it is known (`regulator`)."""

    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    cues: tuple[str, ...] = Field(min_length=1)
    cities: tuple[str, ...] = ()
    regulator: str | None = None


_GRAM = 3  # cues are indexed by their first three letters
_REMEMBERED = 4096  # texts whose cues a finder remembers
_REMEMBERED_CHARS = 2000  # ...each at most this long (a card's step, a question; not a pasted thread)
_LETTERS = {letter: re.compile(letter, re.IGNORECASE) for letter in string.ascii_lowercase}


@cache
def _ascii_twin(char: str) -> str:
    """The ASCII letter that `char` matches when case is ignored, as `re` decides it ("ſ" -> "s", the Kelvin sign
    -> "k"), else `char`: such a letter must count as that letter when looking for the cues a text may contain."""
    if char.isascii():
        return char
    return next((letter for letter, pattern in _LETTERS.items() if pattern.fullmatch(char)), char)


class _CueFinder:
    """Finds (code, cue) pairs in a text as one alternation would, longest cue first; ALL-CAPS cues ("US", "NHS",
    "FY2") are matched as written, the rest ignore case.

    With some 900 cues, scanning a text with the whole alternation costs milliseconds, and compiling a smaller
    alternation for each text costs more (about 10 ms: every text keeps a different set). A text is therefore
    scanned only for the cues it contains (as lower-case substrings, found through an index of their first three
    letters; a non-ASCII letter that `re` matches to an ASCII one counts as that letter), each with its own pattern,
    compiled once; the matches are then taken as the alternation takes them (leftmost first; at one position, the
    cue that comes first in the order), so the codes are the same. `pattern`, the whole alternation, is kept as the
    reference the tests compare with.
    """

    def __init__(self, cues: list[tuple[str, str]], after: str = r"(?<![\w.])", before: str = r"(?![\w])") -> None:
        """`after`/`before`: what must come before and after a cue (by default, not a letter or a dot; no letter)."""
        self._after, self._before = after, before
        cues = sorted(cues, key=lambda x: -len(x[1]))
        self.codes = [code for code, _ in cues]
        self._cues = [cue for _, cue in cues]
        self._lower = [cue.lower() if cue.isascii() else "" for cue in self._cues]  # "": always kept
        self._by_gram: dict[str, list[int]] = {}  # a cue's first three letters -> the cues that start with them
        self._always: list[int] = []  # cues shorter than that, checked in every text
        for index, cue in enumerate(self._lower):
            if len(cue) < _GRAM:
                self._always.append(index)
            else:
                self._by_gram.setdefault(cue[:_GRAM], []).append(index)
        self.pattern = re.compile("|".join(self._one(i) for i in range(len(cues)))) if cues else None
        self._single: dict[int, re.Pattern[str]] = {}
        self._seen: dict[str, tuple[tuple[str, int, int], ...]] = {}  # text -> what `found` found in it

    def _one(self, index: int) -> str:
        cue = self._cues[index]
        body = re.escape(cue)
        body = body if cue.upper() == cue and len(cue) <= 6 else f"(?i:{body})"
        return f"{self._after}({body}){self._before}"

    def _pattern(self, index: int) -> re.Pattern[str]:
        pattern = self._single.get(index)
        if pattern is None:
            pattern = self._single[index] = re.compile(self._one(index))
        return pattern

    def search(self, text: str) -> str | None:
        """The code of the first cue in `text`, or None."""
        return next(self.finditer(text), None)

    def finditer(self, text: str) -> Iterator[str]:
        """The codes of the cues in `text`, in order of appearance (lazily)."""
        return (code for code, _, _ in self.found(text))

    def _present(self, lowered: str) -> list[int]:
        """The cues that may occur in a lower-case text, in cue order: those starting with one of its three-letter
        runs, and the short ones. Looking up the text's runs is far cheaper than testing all 900 cues."""
        grams = {lowered[i : i + _GRAM] for i in range(len(lowered) - _GRAM + 1)}
        found = [i for gram in grams & self._by_gram.keys() for i in self._by_gram[gram]]
        return sorted([*self._always, *found])

    def found(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(code, start, end) of each cue in `text`, in order of appearance. The same texts come back answer after
        answer (a card's steps are checked for the countries they name), so the last few thousand are remembered."""
        if len(text) > _REMEMBERED_CHARS:  # a long message is not kept: 4,096 of them would hold megabytes
            return self._scan(text)
        known = self._seen.get(text)
        if known is None:
            if len(self._seen) >= _REMEMBERED:
                self._seen.clear()
            known = self._seen[text] = tuple(self._scan(text))
        return iter(known)

    def _scan(self, text: str) -> Iterator[tuple[str, int, int]]:
        if self.pattern is None:
            return
        lowered = (text if text.isascii() else "".join(map(_ascii_twin, text))).lower()
        matches = []  # (start, cue index, end) of every place each present cue matches, overlaps included
        for index in self._present(lowered):
            if self._lower[index] in lowered:
                pattern, pos = self._pattern(index), 0
                while (found := pattern.search(text, pos)) is not None:
                    matches.append((found.start(), index, found.end()))
                    pos = found.start() + 1
        matches.sort()
        end = 0
        for start, index, stop in matches:
            if start >= end:  # the first (leftmost, then earliest cue) match from where the last one ended
                end = stop
                yield self.codes[index], start, stop


class LocalRule(Strict):
    """Guide sections whose rules hold in one part of a country only (Quebec's language law), the places that show
    an asker is there, and the other regions of the country: an asker who names one of those, or a city of the
    country outside the region (a clinic in Toronto), is elsewhere."""

    country: str = Field(pattern=r"^[A-Z]{2}$")
    region: str
    places: tuple[str, ...] = Field(min_length=1)
    other_regions: tuple[str, ...] = Field(min_length=1)
    sections: tuple[tuple[str, str], ...] = Field(min_length=1)  # (guide id, section heading)


class _Local:
    """A local rule's two finders: its region's places, and places of its country outside the region."""

    def __init__(self, rule: LocalRule, cities: tuple[str, ...]) -> None:
        self.rule = rule
        inside = {p.lower() for p in rule.places}
        self.here = _CueFinder([("in", p) for p in rule.places])
        outside = [*rule.other_regions, *(c for c in cities if c.lower() not in inside)]
        self.away = _CueFinder([("out", p) for p in outside])

    def elsewhere(self, text: str) -> bool:
        return self.here.search(text) is None and self.away.search(text) is not None


# Words that show a language name is used as a language ("in Spanish", "Spanish-speaking", "bilingual English/
# Spanish"), not as a people ("a Spanish clinic"); a place noun after "in Spanish" keeps it a people ("in Spanish
# clinics").
_BEFORE_LANGUAGE = (
    r"\b(?:in|into|speaks?|speaking|spoken|fluent|translated?|translating|translation|bilingual|trilingual|subtitled|"
    r"dubbed|language)\s+(?:in\s+|into\s+|to\s+)?"
)
_NOT_A_LANGUAGE_AFTER = (
    r"(?!\s+(?:clinics?|hospitals?|practices?|cit(?:y|ies)|towns?|laws?|rules?|regulat\w*|market\w*|health\w*|"
    r"patients?|doctors?|dentists?|colleagues?)\b)"
)
_AFTER_LANGUAGE = r"[- ](?:speaking|speakers?|language|subtitles?|captions?|translations?|versions?|text|copy)\b"


class Countries(Strict):
    countries: tuple[Country, ...] = Field(min_length=1)
    uncovered: tuple[UncoveredCountry, ...] = ()
    local_rules: tuple[LocalRule, ...] = ()
    # Language names that are also a country's cue ("Spanish", "French"): used as a language ("write it in
    # Spanish", "French-speaking patients") they name no country; a psychologist in Buenos Aires asking for a
    # reply in Spanish is not in Spain.
    languages: tuple[str, ...] = ()

    @cached_property
    def _language_use(self) -> re.Pattern[str] | None:
        if not self.languages:
            return None
        one = "(?:" + "|".join(re.escape(name) for name in self.languages) + ")"
        several = rf"{one}(?:\s*(?:,|/|&|\+|\band\b|\bor\b)\s*{one}){{0,3}}"  # "in English + Spanish"
        return re.compile(
            rf"{_BEFORE_LANGUAGE}{several}\b{_NOT_A_LANGUAGE_AFTER}|\b{several}{_AFTER_LANGUAGE}", re.IGNORECASE
        )

    def _without_languages(self, text: str) -> str:
        """`text` with every language named as a language blanked out, same length (positions stay valid)."""
        if self._language_use is None:
            return text
        return self._language_use.sub(lambda m: " " * len(m.group()), text)

    def elsewhere(self, text: str, guide: str, section: str) -> bool:
        """Whether a guide section holds in one region only and the text places the asker elsewhere in its
        country: it names another region or city of that country ("Toronto") and none of the region's places
        ("Montreal"); naming only the country ("a clinic in Canada") is not elsewhere."""
        return (guide, section) in self.away_sections(text)

    def away_sections(self, text: str) -> frozenset[tuple[str, str]]:
        """The (guide, section) pairs that hold in a region the text places the asker outside (see `elsewhere`),
        each region's places read once."""
        return frozenset(s for local in self._locals if local.elsewhere(text) for s in local.rule.sections)

    @cached_property
    def _locals(self) -> tuple[_Local, ...]:
        cities = {c.code: c.cities for c in self.countries}
        return tuple(_Local(rule, cities.get(rule.country, ())) for rule in self.local_rules)

    @cached_property
    def _matchers(self) -> tuple[_CueFinder, _CueFinder, _CueFinder]:
        places: list[Country | UncoveredCountry] = [*self.countries, *self.uncovered]
        strong = _CueFinder([(c.code, cue) for c in places for cue in (*c.cues, *c.cities)])
        weak = _CueFinder([(c.code, cue) for c in self.countries for cue in c.weak_cues])
        return strong, self._regions, weak

    @cached_property
    def _regions(self) -> _CueFinder:
        """Postal abbreviations after a capitalised place name: "Spokane, WA", "Kirkland WA" (case as written)."""
        return _CueFinder(
            [(c.code, r) for c in self.countries for r in c.regions],
            after=r"\b[A-Z][a-z]+\.?,?\s+",
            before=r"(?![\w])(?!\s+[A-Z])",
        )

    def named_in(self, text: str) -> str | None:
        """The code of the first country a text names ("a GP in Leeds" -> GB), or None. A place, people or
        regulator named anywhere outranks a job or service word ("an FY2 in Sydney" -> AU, "our GP surgery" -> GB).
        A city followed by the region or country it is in names that one ("Perth, Scotland", "Birmingham, AL",
        "London, Ontario"): city names are shared between countries, the qualifier is not. A language named as a
        language ("write it in Spanish") names no country."""
        text = self._without_languages(text)
        for finder in self._matchers:
            found = finder.finditer(text)
            code = next(found, None)
            if code is not None and finder is self._matchers[0]:
                code = self._qualified(text) or code
            if code is not None:
                if code in self._groups:  # a member country named later outranks it ("the GDPR ... in Dublin": IE)
                    return next((c for c in found if c != code and self.rules_for(c) == code), code)
                return code
        return None

    def _qualified(self, text: str) -> str | None:
        """The country of the place written right after the first city a text names, when that is another
        country's ("Sydney, Nova Scotia" -> CA; "Birmingham, AL" -> US), or None."""
        strong = self._matchers[0]
        first = next(strong.found(text), None)
        if first is None or text[first[1] : first[2]].lower() not in self._city_names:
            return None
        code, start, end = first
        gap = re.match(r",?\s+", text[end:])
        if gap is None:
            return None
        after = next(strong.found(text[end + gap.end() :]), None)
        if after is not None and after[1] == 0 and after[0] != code:
            return after[0]
        region = next(self._regions.found(text[start:]), None)  # a region's match starts at the place before it
        if region is None or region[1] != 0 or region[0] == code:
            return None
        abbreviation = text[start : start + region[2]].split()[-1]
        own = next((c for c in self.countries if c.code == code), None)
        if own is not None and abbreviation in own.regions:  # "Perth WA": Western Australia's, not Washington's
            return None
        return region[0]

    @cached_property
    def _city_names(self) -> frozenset[str]:
        places: list[Country | UncoveredCountry] = [*self.countries, *self.uncovered]
        return frozenset(city.lower() for c in places for city in c.cities)

    def all_named_in(self, text: str) -> list[str]:
        """The codes of every country a text names by name, people or city, in the order first named ("I'm in
        Canada but half my viewers are in the US" -> CA, US); a language named as a language names none."""
        return list(dict.fromkeys(self._matchers[0].finditer(self._without_languages(text))))

    @cached_property
    def _groups(self) -> frozenset[str]:
        """Entries that stand for a group of listed countries (EU): their members share their rules."""
        return frozenset(c.rules for c in self.countries if c.code != c.rules)

    def city_in(self, text: str) -> str | None:
        """The first listed city a text names, as the data spells it ("a physio in bristol" -> "Bristol"), or None."""
        return self._cities.search(text)

    @cached_property
    def _cities(self) -> _CueFinder:
        return _CueFinder([(city, city) for c in self.countries for city in c.cities])

    def name_of(self, code: str | None) -> str | None:
        """The country's name for a code, or None when it is not listed."""
        places: list[Country | UncoveredCountry] = [*self.countries, *self.uncovered]
        return next((c.name for c in places if code and c.code == code.upper()), None)

    def uncovered_country(self, code: str | None) -> UncoveredCountry | None:
        """The entry of a country the guides do not cover, or None."""
        return next((c for c in self.uncovered if code and c.code == code.upper()), None)

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
