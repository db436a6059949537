"""Extractive building blocks: split guide passages into sentences, list items and templates, and rank them.

Every line of an offline answer is one of these units, quoted from a retrieved passage: ranking decides
what to show, never what to say.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..retrieval import tokenize

UnitKind = Literal["sentence", "item", "template"]
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+")
_BOLD_LABEL = re.compile(r"^\*\*[^*]{2,80}\*\*:?$")
# A sentence ends at . ! ? followed by a capital, a quote or markup; common abbreviations and initials don't end one.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)"
                           r"(?<!\bSt\.)(?<!\bvs\.)(?<!\b[A-Z]\.)|(?<=[.!?][\"”’)]))\s+(?=[A-Z0-9\"“*(\[])")
MIN_WORDS = 6
# "See “Patient consent” for the checklist": a pointer to another guide, not guidance to quote.
_CROSS_REFERENCE = re.compile(r"^\(?see\b|\bsee (?:the )?“", re.IGNORECASE)
MAX_WORDS = 70


@dataclass(frozen=True)
class Unit:
    """A quotable piece of a passage."""

    text: str
    kind: UnitKind
    lead: str  # the line introducing a list ("Do:") or a template's label; "" if none
    block: int  # units of one list share a block number
    position: int
    tokens: frozenset[str]

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_example(self) -> bool:
        """A quoted example wording (good or bad), meaningful only next to its lead-in."""
        return self.text.lstrip("*_ ").startswith(('"', "“", "'"))


def _root(word: str) -> str:
    """A little more stemming than retrieval's, for matching phrasings: waiting/wait, replied/reply."""
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 5 and word.endswith("ied"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    return word


def terms(text: str) -> list[str]:
    """Content words for scoring: retrieval's tokens with -ing and -ed endings removed."""
    return [_root(t) for t in tokenize(text)]


def _sentences(paragraph: str) -> list[str]:
    flat = " ".join(paragraph.split())
    return [s.strip() for s in _SENTENCE_END.split(flat) if s.strip()]


def _unit(text: str, kind: UnitKind, lead: str, block: int, position: int) -> Unit:
    return Unit(text, kind, lead, block, position, frozenset(terms(f"{lead} {text}" if kind != "sentence" else text)))


def _paragraph_units(lines: list[str], lead: str, block: int, start: int) -> tuple[list[Unit], str]:
    """Units of one paragraph, and the lead-in it leaves for a list that follows."""
    units: list[Unit] = []
    if _BOLD_LABEL.match(lines[0].strip()) and len(lines) > 1:  # "**Wait-time complaint**" + the wording
        body = " ".join(line.strip() for line in lines[1:])
        return [_unit(body, "template", lines[0].strip().strip("*: "), block, start)], ""
    if all(_BULLET.match(line) for line in lines if line.strip()):
        for i, line in enumerate(line for line in lines if line.strip()):
            units.append(_unit(_BULLET.sub("", line).strip(), "item", lead, block, start + i))
        return units, ""
    sentences = _sentences(" ".join(lines))
    for i, sentence in enumerate(sentences):
        units.append(_unit(sentence, "sentence", "", block, start + i))
    next_lead = sentences[-1] if sentences and sentences[-1].endswith(":") else ""
    return units, next_lead


def split_units(text: str) -> list[Unit]:
    """Sentences, list items (with their lead-in line) and templates of a passage, in order."""
    units: list[Unit] = []
    lead = ""
    for block, paragraph in enumerate(re.split(r"\n\s*\n", text)):
        lines = [line for line in paragraph.splitlines() if line.strip() and not line.lstrip().startswith("|")]
        if not lines or lines[0].lstrip().startswith("#"):  # headings, and tables (cells make no sentences)
            continue
        found, lead = _paragraph_units(lines, lead, block, len(units))
        units.extend(found)
    return units


class Scorer:
    """Scores units by the inverse-document-frequency weight of the question words they contain."""

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for tokens in documents:
            df.update(set(tokens))
            n += 1
        self._idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self._unknown = math.log(1 + max(n, 1))

    def idf(self, token: str) -> float:
        return self._idf.get(token, self._unknown)

    def coverage(self, question: dict[str, float], tokens: frozenset[str]) -> float:
        """Share (0-1) of the question's weight (word weight x rarity) that `tokens` contains."""
        total = sum(w * self.idf(t) for t, w in question.items())
        return sum(w * self.idf(t) for t, w in question.items() if t in tokens) / total if total else 0.0


def usable_sentence(unit: Unit) -> bool:
    """A sentence that can stand alone in a direct answer."""
    return (unit.kind == "sentence" and MIN_WORDS <= unit.words <= MAX_WORDS and not unit.text.endswith((":", "?"))
            and not unit.is_example and not _CROSS_REFERENCE.search(unit.text))


@dataclass(frozen=True)
class Ranked:
    unit: Unit
    source: int  # 0-based index of the passage it comes from
    score: float


def _prior(rank: float, decay: float) -> float:
    return max(0.2, 1.0 - decay * rank)


def rank_units(units_by_passage: Sequence[Sequence[Unit]], headings: Sequence[frozenset[str]],
               question: dict[str, float], scorer: Scorer, cues: re.Pattern[str] | None = None,
               ranks: Sequence[float] | None = None, rank_decay: float = 0.15, base: float = 0.2) -> list[Ranked]:
    """All units, best first: question coverage, raised when the section heading matches, discounted by the
    rank of their passage (`ranks`, default: list order). `base` keeps sentences of a highly ranked passage
    in the running when they share no word with the question: the retriever matched it by meaning. Small
    bonuses go to a section's opening sentences (they state its point) and to sentences that state a rule
    or recommendation (`cues`)."""
    ranked = []
    for p, units in enumerate(units_by_passage):
        rank = ranks[p] if ranks is not None else p
        prior = _prior(rank, rank_decay) * (1.0 + 0.3 * scorer.coverage(question, headings[p]))
        for u in units:
            bonus = 1.1 if u.kind == "sentence" and u.position < 2 else 1.0
            bonus *= 1.15 if cues is not None and cues.search(u.text) else 1.0
            ranked.append(Ranked(u, p, (base + scorer.coverage(question, u.tokens)) * prior * bonus))
    return sorted(ranked, key=lambda r: (-r.score, r.source, r.unit.position))


def similar(a: frozenset[str], b: frozenset[str], threshold: float = 0.5) -> bool:
    """True for near-duplicates (guides repeat key rules in other words): Jaccard overlap of their words."""
    return bool(a and b) and len(a & b) / len(a | b) >= threshold


def pick_sentences(ranked: Sequence[Ranked], limit: int = 3, per_passage: int = 2, floor: float = 0.45) -> list[Ranked]:
    """The best stand-alone sentences, at most `per_passage` from one passage, in reading order."""
    chosen: list[Ranked] = []
    best = next((r.score for r in ranked if usable_sentence(r.unit)), 0.0)
    for r in ranked:
        if len(chosen) == limit or r.score < best * floor or r.score <= 0:
            break
        if (usable_sentence(r.unit) and sum(c.source == r.source for c in chosen) < per_passage
                and not any(similar(r.unit.tokens, c.unit.tokens) for c in chosen)):
            chosen.append(r)
    return sorted(chosen, key=lambda r: (r.source, r.unit.position))


def actionable(items: Sequence[Unit], verbs: frozenset[str]) -> float:
    """Share of list items that start with an action verb ("Reply within a few days", "Do not argue")."""
    firsts = [re.sub(r"^[*_\s]+", "", u.text).split(" ", 1)[0].strip(",:;").lower() for u in items]
    return sum(f in verbs for f in firsts) / len(items) if items else 0.0


def pick_list(ranked: Sequence[Ranked], headings: Sequence[frozenset[str]], question: dict[str, float],
              scorer: Scorer, skip: set[tuple[int, int]], ranks: Sequence[float] | None = None,
              verbs: frozenset[str] = frozenset(), max_items: int = 6, min_coverage: float = 0.3,
              max_rank: int = 1) -> tuple[int, str, list[Unit], float] | None:
    """The list that best covers the question: (passage index, lead-in, items, score).

    A list is judged with its section heading ("Do and don't list for review replies" + "Do:" + items);
    lists of actions (items starting with one of `verbs`) are preferred over lists of facts.
    Only lists from passages ranked up to `max_rank` that cover at least `min_coverage` of the question
    qualify: a loosely related checklist is worse than none.
    """
    blocks: dict[tuple[int, int], list[Unit]] = {}
    for r in ranked:
        if r.unit.kind == "item":
            blocks.setdefault((r.source, r.unit.block), []).append(r.unit)
    best, best_score = None, 0.0
    for (source, block), items in blocks.items():
        rank = ranks[source] if ranks is not None else source
        if len(items) < 2 or (source, block) in skip or rank > max_rank:
            continue
        tokens = headings[source].union(*(u.tokens for u in items))
        coverage = scorer.coverage(question, tokens)
        score = coverage * _prior(rank, 0.15) * (1.0 + 0.5 * actionable(items, verbs))
        if coverage >= min_coverage and score > best_score:
            best, best_score = (source, block), score
    if best is None:
        return None
    items = sorted(blocks[best], key=lambda u: u.position)[:max_items]
    return best[0], items[0].lead, items, best_score


def pick_template(ranked: Sequence[Ranked]) -> Ranked | None:
    """The best-scoring template wording (a reply to copy), if any shares words with the question."""
    return next((r for r in ranked if r.unit.kind == "template" and r.score > 0), None)
