"""The answer engine: one pipeline for every question, offline or with a language model.

input limits -> scope (emergency line first; no individual medical advice) -> patient data masked ->
injection signs -> intent and retrieval with conversation memory -> answer (offline extractive, or a model
streamed through a guard, falling back to offline on any failure) -> citations checked -> output sanitized
-> compliance checker. A failure never loses the question: the Answer carries it with the offline answer.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Generator, Iterator, Sequence
from typing import TYPE_CHECKING

from ..errors import InputError, ProviderError
from ..guardrails import check_text, emergency_message, make_canary, sanitize_output
from ..inputs import input_problem
from ..providers.base import explain_failure
from .citations import cited_sources, sources_markdown
from .compose import Composer, model_passages, structure_from_text
from .conversation import normalize_history
from .data import chat_data, glossaries, intent_data
from .gloss import Glosser
from .intents import MentionFinder, router
from .language import language_name, language_note
from .llm import CanaryLeak, StreamGuard, TooLong, guarded_stream
from .markdown import answer_markdown, body_markdown, draft_markdown, part_markdown
from .models import Answer, finding_dict
from .prompts import build_messages
from .turn import Turn, TurnBuilder

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..profile import ClinicProfile

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())
LLM_PASSAGES = 5


class AnswerStream:
    """Iterate to receive the answer's text as it is produced; then `.result` is the Answer.

    When a model fails or leaks its instructions mid-answer, the stream continues with a notice and the
    offline answer, and `result.text` holds only the answer to show (render it once streaming ends).
    """

    def __init__(self, chunks: Generator[str, None, Answer]) -> None:
        self._chunks = chunks
        self._result: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._result is not None:
            raise StopIteration
        try:
            return next(self._chunks)
        except StopIteration as done:  # the pipeline returns its Answer when it ends
            self._result = done.value
            raise

    @property
    def result(self) -> Answer:
        """The Answer; reading it before the stream is consumed consumes the rest."""
        for _ in self:
            pass
        if self._result is None:  # the pipeline always returns one; a bare `return` would be a bug
            raise RuntimeError("the answer stream ended without an answer")
        return self._result


def card_matcher(kb: KnowledgeBase, embedder, cache_dir=None, finder: MentionFinder | None = None):
    """The card matcher for a knowledge base: its cards, their countries, and the platforms questions name (found by
    `finder`, the chat's own when an engine builds it)."""
    from ..matching import Calibration, CardMatcher, PlatformNames, card_regions

    finder = finder or MentionFinder(kb, intent_data(kb.root))
    names = {p.id: p.name for p in kb.platforms.values()}
    fixed = chat_data(kb.root).card_calibration
    calibration = Calibration(fixed.a, fixed.b, fixed.c) if fixed is not None else None
    return CardMatcher(
        kb.cards, embedder, cache_dir, card_regions(kb), PlatformNames(finder.platforms_in, names), calibration
    )


class ChatEngine:
    """Answers questions for a clinic profile. Dependencies are passed in (tests pass fakes)."""

    def __init__(self, kb: KnowledgeBase, retriever, provider, settings, matcher=None, drafter=None) -> None:
        self.kb, self.retriever, self.provider, self.settings = kb, retriever, provider, settings
        self.data = chat_data(kb.root)
        intents = intent_data(kb.root)
        routes = router(kb.root)
        mentions = MentionFinder(kb, intents)
        glosser = Glosser(glossaries(kb.root))
        self.turns = TurnBuilder(kb, retriever, self.data, intents, routes, mentions, glosser)
        if matcher is None and kb.cards:  # callers that build their own engine get the cards matched too
            matcher = card_matcher(kb, retriever.embedder, getattr(settings, "cache_dir", None), mentions)
        if drafter is None:
            from .drafts import Drafter

            drafter = Drafter(kb)
        self.composer = Composer(
            kb,
            matcher,
            self.data.answer,
            drafter,
            self.data.verdicts,
            self.data.specialty_ideas,
            self.data.nearby_card,
            self.data.variant_fit,
        )

    @property
    def uses_model(self) -> bool:
        return getattr(self.provider, "name", "offline") != "offline"

    def answer(
        self,
        question: str,
        profile: ClinicProfile | None = None,
        history: Sequence[dict] = (),
        platforms: Sequence[str] = (),
    ) -> Answer:
        """The complete Answer (streaming consumed internally).

        `profile` is the clinic profile the user saved, or None: with neither a profile nor a specialty named in
        the question, the answer is not fitted to any specialty. `platforms` apply when there is no profile.
        """
        return self.stream(question, profile, history, platforms).result

    def stream(
        self,
        question: str,
        profile: ClinicProfile | None = None,
        history: Sequence[dict] = (),
        platforms: Sequence[str] = (),
    ) -> AnswerStream:
        """An AnswerStream: text chunks as they come, then `.result`."""
        return AnswerStream(self._run(question, profile, history, platforms))

    # --- pipeline -----------------------------------------------------------------------------------

    def _input_problem(self, question) -> Answer | None:
        text = self.data.answer
        if not isinstance(question, str):
            return Answer(
                text=text.phrase("not_text"),
                intent="none",
                covered=False,
                warnings=[{"rule": "input", "message": text.phrase("not_text")}],
            )
        problem = input_problem(question, self.settings.max_input_chars)  # the one input-length check
        if problem is None:
            return None
        message = text.phrase(problem, length=len(question), limit=self.settings.max_input_chars)
        return Answer(
            text=message,
            intent="none",
            covered=False,
            question=question,
            warnings=[{"rule": "LLM10" if problem == "too_long" else "input", "message": message}],
        )

    def _run(self, question, profile: ClinicProfile | None, history, platforms=()) -> Generator[str, None, Answer]:
        started = time.perf_counter()
        problem = self._input_problem(question)
        if problem is None:
            try:
                history = normalize_history(history)
            except InputError as exc:
                problem = Answer(
                    text=str(exc),
                    intent="none",
                    covered=False,
                    question=question,
                    warnings=[{"rule": "input", "message": str(exc)}],
                )
        if problem is not None:
            problem.provider = self.provider.name
            yield problem.text
            return problem
        turn = self.turns.build(question, profile, history, platforms)
        prefix = self._prefix(turn, profile)
        if prefix:
            yield prefix
        if self.uses_model and turn.covered and (turn.passages or self.composer.cards_for(turn)):
            answer = yield from self._with_model(turn, profile, prefix)
        else:
            answer = self._offline(turn, profile, prefix)
            # Paragraph by paragraph, so the page fills in as a streamed answer does (the text is ready).
            yield from re.split(r"(?<=\n\n)", answer.text[len(prefix) :])
        self._check(answer, turn)
        log.info(
            "answered intent=%s provider=%s covered=%s in %.0f ms",
            answer.intent,
            answer.provider,
            answer.covered,
            1000 * (time.perf_counter() - started),
        )
        log.debug("question (masked): %s", turn.masked)
        return answer

    def _prefix(self, turn: Turn, profile: ClinicProfile | None) -> str:
        """Lines that come before any answer: the emergency line, the scope note."""
        lines = []
        if turn.scope == "emergency":
            lines.append(f"**{emergency_message(getattr(profile, 'country', None))}**")
        elif turn.scope == "individual_medical":
            lines.append(self.data.answer.phrase("individual_medical"))
        return "\n\n".join(lines) + "\n\n" if lines else ""

    def _offline(self, turn: Turn, profile: ClinicProfile | None, prefix: str, notice: str = "") -> Answer:
        answer = self.composer.compose(turn, profile)
        note = language_note(turn.language, self.data.languages)
        answer.notices = [n for n in (notice, note, *answer.notices) if n]
        answer.text = sanitize_output(answer_markdown(answer, self.data.answer, prefix))
        notices = "".join(f"_{n}_\n\n" for n in answer.notices)
        answer.body = sanitize_output(prefix + notices + body_markdown(answer, self.data.answer))
        return answer

    def _with_model(self, turn: Turn, profile: ClinicProfile | None, prefix: str) -> Generator[str, None, Answer]:
        # The offline answer is the model's context (the matched card, its sections) and its fallback; its
        # drafts come first, as they do offline.
        offline = self.composer.compose(turn, profile)
        passages = model_passages(offline, turn.passages, self.kb, LLM_PASSAGES)
        expert = "\n\n".join(part_markdown(p, self.data.answer) for p in offline.parts)
        head = "".join(draft_markdown(d, self.data.answer) + "\n\n" for d in offline.drafts)
        if head:
            yield head
        canary = make_canary()
        messages = build_messages(
            turn,
            profile,
            self.kb,
            passages,
            canary,
            language_name(turn.language, self.data.languages),
            self.data,
            expert,
        )
        instructions = messages[0]["content"].split(self.data.prompt.profile_marker)[0]
        guard = StreamGuard(
            canary, range(1, len(passages) + 1), max_chars=self.settings.llm_max_tokens * 8, instructions=instructions
        )
        try:
            yield from guarded_stream(self.provider.stream(messages), guard)
        except CanaryLeak:
            notice = self.data.answer.phrase("canary")
            return (yield from self._replace(turn, profile, prefix, "LLM07", notice, bool(guard.text or head)))
        except TooLong:
            pass  # keep what was released: the cap is a limit, not a failure
        except Exception as exc:  # noqa: BLE001 - any provider failure falls back; ProviderError says how to fix
            reason = str(exc) if isinstance(exc, ProviderError) else explain_failure(self.provider.name, "", exc)
            notice = self.data.answer.phrase("fallback", provider=self.provider.name, reason=reason)
            return (
                yield from self._replace(
                    turn, profile, prefix, "provider", notice, bool(guard.text or head), fallback=True
                )
            )
        return (yield from self._model_answer(turn, passages, prefix, head, guard, offline))

    def _model_answer(
        self, turn: Turn, passages, prefix: str, head: str, guard: StreamGuard, offline: Answer
    ) -> Generator[str, None, Answer]:
        warnings = list(turn.warnings)
        warnings += [
            {"rule": "citation", "message": self.data.answer.phrase("citation_removed", n=n)} for n in guard.removed
        ]
        sources = cited_sources(passages, guard.used)
        if not sources:
            sources = cited_sources(passages, range(1, len(passages) + 1))
            warnings.append({"rule": "citation", "message": self.data.answer.phrase("uncited")})
        tail = "\n\n" + sources_markdown(sources, self.data.answer.phrase("sources"))
        yield tail
        lead, steps, watch = structure_from_text(guard.text)
        return offline.model_copy(
            update={
                "text": prefix + head + guard.text + tail,
                "body": prefix + guard.text,
                "sources": sources,
                "warnings": warnings,
                "provider": self.provider.name,
                "covered": True,
                "model": getattr(self.provider, "model", ""),
                "lead": lead,
                "steps": steps,
                "watch_out": watch,
                "parts": [],
                "sections": [],
                "ideas": None,  # the model's text is the answer; the offline card's extras are its context
                "notices": [],  # the offline notices are about the card's fit; the model answered the question
            }
        )

    def _replace(
        self,
        turn: Turn,
        profile: ClinicProfile | None,
        prefix: str,
        rule: str,
        notice: str,
        streamed: bool,
        fallback: bool = False,
    ) -> Generator[str, None, Answer]:
        """Switch to the offline answer after a model failure or leak, telling the user why."""
        answer = self._offline(turn, profile, prefix, notice=notice)
        answer.warnings.append({"rule": rule, "message": notice})
        answer.fallback_notice = notice if fallback else None
        log.warning("model answer replaced (%s): %s", rule, notice)
        yield ("\n\n---\n\n" if streamed else "") + answer.text[len(prefix) :]
        return answer

    def _check(self, answer: Answer, turn: Turn) -> None:
        """Run the compliance checker on what could be posted or was written by a model; findings become warnings.

        The offline answer's own text is reviewed guidance that quotes risky words to warn about them ("avoid
        'guaranteed'"), checked when it is written (tests); flagging it again would only alarm. Drafts are always
        checked as posts, and a model's answer as an answer."""
        drafts = [f for d in answer.drafts for f in check_text(d.text, kind="post", country=turn.country)]
        if answer.provider == "offline":
            answer.findings = drafts
        else:
            body = answer.text.split(self.data.answer.phrase("sources"))[0]
            answer.findings = drafts + check_text(body, kind="answer")
        answer.warnings += [
            {"rule": f.rule, "message": f"{f.message} (\u201c{f.span}\u201d)"}
            for f in answer.findings
            if finding_dict(f).get("severity") in ("high", "medium")
        ]
