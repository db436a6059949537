"""Schema of knowledge/data/compliance_rules.yaml: the text patterns behind the content checker (R1-R25).

A pattern may name a vocabulary list as `{name}`; `expand` turns it into one alternation, and the rule book
refuses an unknown name or a pattern that does not compile once expanded, so a typo fails at load time.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

from pydantic import Field, model_validator

from ..base import Regex, Strict

Kind = Literal["post", "caption", "reply", "ad", "answer"]
KINDS: tuple[str, ...] = get_args(Kind)
Severity = Literal["high", "medium", "low"]
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class Negation(Strict):
    window_words: int = Field(default=8, ge=1, le=30)
    cues: tuple[Regex, ...] = ()
    verbal_cues: tuple[Regex, ...] = Field(min_length=1)
    answer_cues: tuple[Regex, ...] = ()
    answer_quote_words: int = Field(default=6, ge=0, le=40)


class Check(Strict):
    id: str = Field(pattern=r"^R\d{1,2}-[a-z0-9-]+$")
    rule: str = Field(pattern=r"^R(?:[1-9]|1\d|2[0-5])$")
    severity: Severity
    kinds: tuple[Kind, ...] = Field(min_length=1)
    mode: Literal["match", "missing", "combination", "reviewer_name", "person_name", "table_cells", "birth_date"] = (
        "match"
    )
    patterns: tuple[Regex, ...] = ()
    groups: dict[str, tuple[Regex, ...]] = {}
    min_groups: int = Field(default=0, ge=0)
    window: int = Field(default=250, ge=20)
    unless: tuple[Regex, ...] = ()
    only_if: tuple[Regex, ...] = ()
    negatable: bool = False
    message: str = Field(min_length=20)
    fix: str = Field(min_length=10)
    countries: tuple[str, ...] = ()  # ISO codes or "EU": for those clinics only; () = every clinic

    @model_validator(mode="after")
    def _mode_needs(self) -> Check:
        if self.mode in ("match", "missing") and not self.patterns:
            raise ValueError(f"check {self.id}: mode '{self.mode}' needs patterns")
        if self.mode == "combination" and not (self.groups and 2 <= self.min_groups <= len(self.groups)):
            raise ValueError(f"check {self.id}: mode 'combination' needs groups and 2 <= min_groups <= len(groups)")
        if not self.id.startswith(f"{self.rule}-"):
            raise ValueError(f"check {self.id}: the id must start with its rule ({self.rule}-...)")
        return self


class RuleBook(Strict):
    negation: Negation
    rule_names: dict[str, str] = {}  # R1..R25 -> the rule in plain words
    vocab: dict[str, tuple[str, ...]] = {}
    checks: tuple[Check, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> RuleBook:
        ids = [c.id for c in self.checks]
        duplicate = {i for i in ids if ids.count(i) > 1}
        if duplicate:
            raise ValueError(f"duplicate check ids {sorted(duplicate)}")
        for check in self.checks:
            grouped = (p for group in check.groups.values() for p in group)
            for pattern in (*check.patterns, *check.unless, *check.only_if, *grouped):
                expand(pattern, self.vocab, check.id)  # unknown vocabulary names fail at load time
        return self


def expand(pattern: str, vocab: dict[str, tuple[str, ...]], where: str = "") -> str:
    """Replace each `{name}` with the alternation of `vocab[name]`, checking the result compiles."""

    def one(match: re.Match[str]) -> str:
        if match.group(1) not in vocab:
            raise ValueError(f"check {where}: unknown vocabulary {{{match.group(1)}}}; add it under 'vocab:'")
        return _alternation(vocab[match.group(1)])

    out = _PLACEHOLDER.sub(one, pattern)
    try:
        re.compile(out)
    except re.error as exc:
        raise ValueError(f"check {where}: pattern {pattern!r} does not compile after expansion: {exc}") from None
    return out


def _alternation(items: tuple[str, ...]) -> str:
    """`(?:a|b|...)` with items grouped by their first letter: Python's `re` tries alternatives one by one,
    so "r(?:oot canal|hinoplasty)" fails fast where "root canal|rhinoplasty|..." tries every word."""
    by_letter: dict[str, list[str]] = {}
    rest: list[str] = []
    for item in items:
        if item[:1].isascii() and item[:1].isalnum() and item[1:2] not in ("?", "*", "+", "{", "") and "|" not in item:
            by_letter.setdefault(item[0].lower(), []).append(item[1:])
        else:
            rest.append(item)
    grouped = [f"{letter}(?:{'|'.join(tails)})" for letter, tails in by_letter.items()]
    return "(?:" + "|".join(grouped + rest) + ")"
