"""The offline answerer: a structured Markdown answer assembled from retrieved guidance, no model needed.

A direct answer (the passages' sentences that best cover the question), then concrete steps (the best
matching list or reply template), then what fits the clinic (its specialty's topics, FAQs and cautions,
platform facts, a planner summary), then numbered sources. Every sentence is quoted from a guide or a
knowledge data file; when the knowledge base does not cover a question, the answer says so and lists the
closest topics instead of guessing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .citations import citation_from
from .data import ChatData, IntentData
from .extract import (
    Scorer,
    Unit,
    pick_list,
    pick_sentences,
    pick_template,
    rank_units,
    similar,
    split_units,
    terms,
    usable_sentence,
)
from .models import Citation
from .tailor import planner_lines, platform_lines, specialty_lines
from .turn import Turn

MAX_CLOSEST = 4


@dataclass
class Composed:
    """An offline answer before the engine adds notices and the Sources list: body text and its citations."""

    text: str
    sources: list[Citation] = field(default_factory=list)
    covered: bool = True


class _Numbering:
    """Numbers passages in order of first citation, so the Sources list reads 1, 2, 3."""

    def __init__(self, passages) -> None:
        self.passages = passages
        self.order: list[int] = []

    def mark(self, index: int) -> str:
        if index not in self.order:
            self.order.append(index)
        return f"[{self.order.index(index) + 1}]"

    def citations(self) -> list[Citation]:
        return [citation_from(n, self.passages[i]) for n, i in enumerate(self.order, 1)]


class OfflineAnswerer:
    """Composes extractive answers. Build once: it indexes word weights over all guide chunks."""

    def __init__(self, kb, chunks, data: ChatData, intents: IntentData) -> None:
        self.kb, self.data, self.intents = kb, data, intents
        self.scorer = Scorer(terms(f"{c.title} {c.heading} {c.text}") for c in chunks)
        self._units: dict[str, list[Unit]] = {}
        self._by_doc: dict[str, list] = {}
        for chunk in chunks:
            self._by_doc.setdefault(chunk.doc_id, []).append(chunk)
        cues = "|".join(re.escape(c) for c in intents.guidance_cues)
        self.cues = re.compile(rf"\b(?:{cues})\b", re.IGNORECASE) if cues else None

    def _section_score(self, question: dict[str, float], chunk) -> float:
        """How well a section answers the question; its heading says what it is about, so it counts twice."""
        heading = frozenset(terms(chunk.heading))
        return self.scorer.coverage(question, heading | frozenset(terms(chunk.text))) * (
            0.5 + self.scorer.coverage(question, heading))

    def _with_siblings(self, passages: list, turn: Turn, question: dict[str, float],
                       limit: int = 4) -> tuple[list, list[float]]:
        """The passages with the best other sections of the top guide moved up behind it, and their ranks.

        A guide's key rule often sits in a section the retriever ranked low or left out (diversity keeps one
        guide from filling the list). The top guide's sections are cheap to consider: the best of them rank
        just after the top passage (rank 0.5). A guide defused for instruction-like text is not expanded.
        """
        if not passages or passages[0].doc_id in turn.tainted:
            return passages, list(range(len(passages)))
        top = passages[0]
        retrieved = {p.chunk_id: p for p in passages[1:] if p.doc_id == top.doc_id}
        scored = [(self._section_score(question, c), i, retrieved.get(c.chunk_id, c))
                  for i, c in enumerate(self._by_doc.get(top.doc_id, ())) if c.chunk_id != top.chunk_id]
        siblings = [c for score, _, c in sorted(scored, key=lambda x: (-x[0], x[1])) if score >= 0.1][:limit]
        moved = {c.chunk_id for c in siblings}
        rest = [p for p in passages[1:] if p.chunk_id not in moved]
        ranks = [0.0] + [0.5] * len(siblings) + [float(r) for r in range(1, len(rest) + 1)]
        return [top, *siblings, *rest], ranks

    def units(self, passage) -> list[Unit]:
        """The passage's sentences, list items and templates (cached per chunk)."""
        key = f"{passage.chunk_id}:{hash(passage.text)}"  # a defused passage is a different text
        if key not in self._units:
            self._units[key] = split_units(passage.text)
        return self._units[key]

    def compose(self, turn: Turn, profile) -> Composed:
        """The offline answer to a prepared turn."""
        if not turn.covered:
            return self.not_covered(turn)
        question = turn.weights
        passages, ranks = self._with_siblings([p for p in turn.passages if p.text.strip()], turn, question)
        if not passages:
            return self.not_covered(turn)
        numbering = _Numbering(passages)
        headings = [frozenset(terms(f"{p.title} {p.heading}")) for p in passages]
        ranked = rank_units([self.units(p) for p in passages], headings, question, self.scorer, self.cues, ranks)
        parts = [self._direct(ranked, numbering)]
        parts.append(self._steps(ranked, headings, ranks, question, turn.intent, numbering))
        parts.append("\n".join(self._tailored(turn, profile, passages)))
        return Composed("\n\n".join(p for p in parts if p.strip()), numbering.citations(), True)

    def _direct(self, ranked, numbering: _Numbering) -> str:
        chosen = pick_sentences(ranked)
        if not chosen:
            chosen = [r for r in ranked if r.unit.kind == "sentence"][:2]
        body = " ".join(f"{r.unit.text} {numbering.mark(r.source)}" for r in chosen)
        return f"{self.data.answer.phrase('direct')}: {body}" if body else ""

    def _steps(self, ranked, headings, ranks, question, intent: str, numbering: _Numbering) -> str:
        lines = self._lists(ranked, headings, ranks, question, numbering)
        template = pick_template(ranked) if intent == "review_reply" or "templat" in " ".join(question) else None
        if template:
            lines += ["", f"{template.unit.lead} {numbering.mark(template.source)}:", "", f"> {template.unit.text}"]
        if not lines:  # no list matched: the next best sentences become the steps
            lines = self._more_sentences(ranked, numbering)
        while lines and not lines[0]:
            lines.pop(0)
        return "\n".join([self.data.answer.phrase("steps"), "", *lines]) if lines else ""

    def _lists(self, ranked, headings, ranks, question, numbering: _Numbering) -> list[str]:
        """The best checklist, and a second one from the same guide when nearly as good ("Do:", "Don't:")."""
        lines: list[str] = []
        skip: set[tuple[int, int]] = set()
        first_score, first_doc = 0.0, None
        for _ in range(2):
            listed = pick_list(ranked, headings, question, self.scorer, skip=skip, ranks=ranks,
                               verbs=self.intents.action_verbs)
            if listed is None or listed[3] < 0.7 * first_score:
                break
            source, lead, items, score = listed
            if first_doc is not None and numbering.passages[source].doc_id != first_doc:
                break
            first_score, first_doc = first_score or score, first_doc or numbering.passages[source].doc_id
            lines += ([""] if lines else []) + ([f"{lead} {numbering.mark(source)}"] if lead else [])
            lines += [f"- {u.text}" + ("" if lead or i else f" {numbering.mark(source)}") for i, u in enumerate(items)]
            skip.add((source, items[0].block))
        return lines

    @staticmethod
    def _more_sentences(ranked, numbering: _Numbering, extra: int = 3) -> list[str]:
        """Up to `extra` further stand-alone sentences, none repeating the direct answer."""
        chosen = pick_sentences(ranked)
        lines = []
        for r in ranked:
            if len(lines) == extra:
                break
            if usable_sentence(r.unit) and not any(similar(r.unit.tokens, c.unit.tokens, 0.4) for c in chosen):
                chosen.append(r)
                lines.append(f"- {r.unit.text} {numbering.mark(r.source)}")
        return lines

    def _tailored(self, turn: Turn, profile, passages) -> list[str]:
        text = self.data.answer
        rules = [{r for t in p.topics for r in self.intents.topic_rules.get(t, ())} for p in passages[:3]]
        spec_profile = profile if turn.specialty == profile.specialty or turn.specialty not in self.kb.specialties \
            else profile.model_copy(update={"specialty": turn.specialty})
        lines = specialty_lines(self.kb, spec_profile.specialty, turn.intent, turn.tokens, rules, text)
        facts = platform_lines(self.kb, turn.platforms, turn.intent, text)
        if facts:
            lines = lines + ([""] if lines else []) + facts
        if turn.scope == "ok":
            # A starter checklist only for a platform the user named, not for one from the profile by default.
            platforms = turn.platforms if turn.intent != "start_platform" or turn.platforms_named else []
            planner = planner_lines(self.kb, turn.intent, spec_profile, platforms, turn.masked, text)
            lines = lines + ([""] if lines and planner else []) + planner
        return lines

    def not_covered(self, turn: Turn) -> Composed:
        """Say the knowledge base does not cover the question and list the closest guide titles."""
        text = self.data.answer
        titles = list(dict.fromkeys(p.title for p in turn.passages))[:MAX_CLOSEST]
        if not titles:
            titles = [g.meta.title for g in self.kb.guides[:MAX_CLOSEST]]
        lines = [text.phrase("not_covered"), "", text.phrase("closest"), *(f"- {t}" for t in titles)]
        return Composed("\n".join(lines), [], False)
