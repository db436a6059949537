"""Check drafts (posts, captions, review replies, ads, answers) against the text-checkable rules R1-R25.

The rules live in knowledge/data/compliance_rules.yaml (patterns, severity, message, fix), validated by
RuleBook (assistant/knowledge/schemas/rules.py) and compiled once. A finding is advice for a human: it names
the rule, the words that triggered it, why they are a problem and what to write instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from ..errors import InputError
from ..knowledge import registry
from ..knowledge.schemas.rules import KINDS, Check, RuleBook, Severity, expand
from ._data import any_of, guardrail_data
from .births import find_birth_dates
from .names import find_listed_names
from .normalise import normalise
from .phi import name_patterns
from .tables import table_cells

__all__ = ["KINDS", "Finding", "RuleBook", "check_text", "expand", "load_rules"]

# Clause ends: a negation before one of these does not reach the words after it.
_CLAUSE_BREAK = re.compile(r"[.!?;:\n—–()]")
# Double quotes, or single quotes that are not apostrophes (no letter just outside them).
_QUOTED = re.compile(r'"[^"\n]{1,120}"|(?<![A-Za-z])\'[^\'\n]{1,120}\'(?![A-Za-z])')


class Finding(BaseModel):
    """One rule problem in a text: where it is, why it matters and how to fix it."""

    model_config = ConfigDict(frozen=True)
    rule: str  # the checklist code (R1-R25), for scripts; people see `name`
    severity: Severity
    start: int
    end: int
    span: str
    message: str
    fix: str
    name: str = ""  # the rule in plain words ("No promises of results")


@dataclass(frozen=True)
class _Compiled:
    check: Check
    pattern: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    only_if: re.Pattern[str] | None
    groups: tuple[tuple[str, re.Pattern[str]], ...]

    @property
    def required(self) -> re.Pattern[str]:
        """The check's pattern, for modes that cannot work without one."""
        if self.pattern is None:
            raise ValueError(f"guardrail check {self.check.id!r} ({self.check.mode}) needs at least one pattern")
        return self.pattern


@dataclass(frozen=True)
class _Negators:
    """Cues that negate up to the previous comma (`near`) and cues that reach across commas (`far`)."""

    near: re.Pattern[str]
    far: re.Pattern[str]
    window_words: int


@dataclass(frozen=True)
class _Book:
    checks: tuple[_Compiled, ...]
    negators: _Negators
    answer_negators: _Negators  # answers discuss rules by quoting what not to write
    quote_words: int
    rule_names: dict[str, str]


def load_rules() -> RuleBook:
    """The validated rule book from knowledge/data/compliance_rules.yaml (read once)."""
    return registry.load(registry.COMPLIANCE_RULES)


@lru_cache(maxsize=1)
def _book() -> _Book:
    book = load_rules()

    def rx(patterns: tuple[str, ...], where: str) -> re.Pattern[str] | None:
        return any_of([expand(p, book.vocab, where) for p in patterns]) if patterns else None

    compiled = tuple(
        _Compiled(
            c,
            rx(c.patterns, c.id),
            rx(c.unless, c.id),
            rx(c.only_if, c.id),
            # a group with no patterns has no clue to find (it used to crash the check)
            tuple((name, rx_) for name, group in c.groups.items() if (rx_ := rx(group, c.id)) is not None),
        )
        for c in book.checks
    )
    neg = book.negation
    far, answer_all = neg.verbal_cues, (*neg.cues, *neg.verbal_cues, *neg.answer_cues)
    return _Book(
        compiled,
        _Negators(_cue_regex((*neg.cues, *far)), _cue_regex(far), neg.window_words),
        _Negators(_cue_regex(answer_all), _cue_regex(answer_all), neg.window_words),
        neg.answer_quote_words,
        dict(book.rule_names),
    )


def _cue_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(cues) + r")(?!\w)|n't\b", re.IGNORECASE)


def _for_country(check: Check, country: str | None) -> bool:
    """A check runs for every clinic, or, when it names countries, for a clinic in one of them."""
    if not check.countries:
        return True
    if not country:
        return False
    code = "GB" if country.upper() == "UK" else country.upper()
    return code in check.countries or ("EU" in check.countries and code in _EU_MEMBERS)


_EU_MEMBERS = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())


def check_text(
    text: str, kind: str = "post", reviewer_name: str | None = None, country: str | None = None
) -> list[Finding]:
    """Findings for `text` written as a `kind` (post, caption, reply, ad, answer), sorted by position.
    `country` (ISO code) adds the checks written for that country's rules (e.g. Germany's before/after ban)."""
    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
    if not isinstance(text, str):
        raise InputError("the text to check must be a string")
    if not text.strip():
        return []
    clean, index = normalise(text)
    book = _book()
    findings = []
    for compiled in book.checks:
        check = compiled.check
        if kind not in check.kinds or not _for_country(check, country):
            continue
        for start, end in _spans(compiled, clean, kind, reviewer_name, book):
            o_start, o_end = _original(index, start, end)
            findings.append(
                Finding(
                    rule=check.rule,
                    severity=check.severity,
                    start=o_start,
                    end=o_end,
                    span=text[o_start:o_end],
                    message=check.message,
                    fix=check.fix,
                    name=book.rule_names.get(check.rule, check.rule),
                )
            )
    return _one_per_place(findings)


def _spans(c: _Compiled, text: str, kind: str, reviewer_name: str | None, book: _Book) -> Iterator[tuple[int, int]]:
    mode = c.check.mode
    if mode == "reviewer_name":
        for pattern in name_patterns(reviewer_name or ""):
            yield from (m.span() for m in pattern.finditer(text))
    elif not _applies(c, text):
        return
    elif mode == "person_name":  # a full name with no cue ("Thank you Maria Rossi for trusting us")
        yield from _person_names(text)
    elif mode == "table_cells":  # a pasted export: the cells under its name, birth-date and record columns
        yield from ((start, end) for _, start, end in table_cells(text)[0])
    elif mode == "birth_date":  # a date after a birth cue ("born 14/03/1951", "DOB 2/2/70")
        yield from find_birth_dates(text)
    elif mode == "missing":
        if not c.required.search(text):
            yield len(text), len(text)  # nothing to underline: the fix is something to add at the end
    elif mode == "combination":
        yield from _combinations(c, text)
    else:
        negators = book.answer_negators if kind == "answer" else book.negators
        quoted = _short_quotes(text, book.quote_words) if kind == "answer" and c.check.negatable else ()
        for match in c.required.finditer(text):
            if c.check.negatable and (_negated(text, match.start(), negators) or _inside(match.span(), quoted)):
                continue
            yield match.span()


@lru_cache(maxsize=1)
def _name_terms() -> tuple[frozenset[str], frozenset[str]]:
    phi = guardrail_data().phi
    return frozenset(n.lower() for n in phi.not_names), frozenset(e.lower() for e in phi.eponyms)


def _person_names(text: str) -> list[tuple[int, int]]:
    """Listed full names, except a doctor a condition is named after ("James Parkinson")."""
    not_names, eponyms = _name_terms()
    spans = find_listed_names(text, not_names)
    return [(s, e) for s, e in spans if text[s:e].split()[-1].lower() not in eponyms]


def _applies(c: _Compiled, text: str) -> bool:
    """`only_if` and `unless`: whether a check looks at this text at all."""
    return (c.only_if is None or c.only_if.search(text) is not None) and (c.unless is None or not c.unless.search(text))


def _negated(text: str, start: int, negators: _Negators) -> bool:
    """True when a negation cue comes shortly before `start` in the same clause ("we never guarantee")."""
    clause = _CLAUSE_BREAK.split(text[max(0, start - 160) : start])[-1]
    before = " ".join(clause.split()[-negators.window_words :])
    return bool(negators.near.search(before.rsplit(",", 1)[-1]) or negators.far.search(before))


def _short_quotes(text: str, max_words: int) -> list[tuple[int, int]]:
    """Spans of double-quoted phrases of at most `max_words` words (a word mentioned, not used)."""
    return [m.span() for m in _QUOTED.finditer(text) if len(m.group().split()) <= max_words]


def _inside(span: tuple[int, int], spans: list[tuple[int, int]] | tuple) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def _combinations(c: _Compiled, text: str) -> Iterator[tuple[int, int]]:
    """Spans where at least `min_groups` different kinds of clue occur within `window` characters."""
    hits = sorted((m.start(), m.end(), name) for name, rx in c.groups for m in rx.finditer(text))
    starts = [h[0] for h in hits]
    covered = -1
    for i, (start, _, _) in enumerate(hits):
        if start < covered:
            continue
        near = hits[i : bisect_right(starts, start + c.check.window)]
        if len({h[2] for h in near}) >= c.check.min_groups:
            covered = max(h[1] for h in near)
            yield start, covered


def _original(index: list[int] | None, start: int, end: int) -> tuple[int, int]:
    if index is None:
        return start, end
    return index[start], (index[end - 1] + 1 if end > start else index[start])


def _one_per_place(findings: list[Finding]) -> list[Finding]:
    """Sort by position; drop a finding that overlaps an earlier one of the same rule (one problem, one note)."""
    kept: list[Finding] = []
    reach: dict[str, int] = {}  # per rule, where the kept findings so far end (an empty span covers one place)
    for f in sorted(findings, key=lambda f: (f.start, -(f.end - f.start), f.rule)):
        if f.start >= reach.get(f.rule, -1):
            kept.append(f)
            reach[f.rule] = max(f.end, f.start + 1)
    return kept
