"""A learned decision for words the rules leave: is this word part of a person's name?

The rules (names.py, phi.py) find names by what surrounds them. What they miss on new text are names with little
around them: "Will from the 3pm slot", "grace's whitening", a first name alone mid-sentence. Here each word the
rules left is scored from general features (in the given-name or surname lists and how common the surname is,
the name model's reading, capitals, place in the sentence, possessive, the words on each side, a list of names,
everyday words) by a small logistic regression whose weights are data: knowledge/data/name_scorer.yaml, with how
and from what they were made, rebuilt by `python -m eval.train_name_scorer`. Two stages keep an ordinary question
cheap: a first score without the name model; the model is run only on the words that pass it.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..errors import KnowledgeError
from ..knowledge import registry
from ..knowledge.schemas.guardrails import NameScorerWeights
from ._data import guardrail_data, person_names
from .names import fold, name_lists
from .ner import LoadedModel, name_probabilities

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*(?:-[^\W\d_]+)?")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n•\"“(]\s*|\s[-–—]\s*)$")
_JOINERS = frozenset({"and", "&", "e", "und", "et", "y", "or"})
_JOINED = re.compile(r"\s*(?:,|and|&|e|und|et|y)\s*", re.IGNORECASE)
_HASH_BUCKETS = 64  # for the word before and the word after
_CONTEXT = 160  # characters the name model reads on each side of a word it is asked about

# Named features in the order of the weights; hashed neighbour words follow them.
FEATURES: tuple[str, ...] = (
    "bias",
    "given_name",
    "surname",
    "surname_frequency",
    "given_name_is_word",
    "everyday_word",
    "function_word",
    "not_name_word",
    "capitalised",
    "lower_case",
    "sentence_start",
    "possessive",
    "short",
    "next_capitalised",
    "previous_capitalised",
    "next_listed",
    "previous_given",
    "beside_found_name",
    "joined_to_found_name",
    "message_has_found_name",
    "patient_cue_in_message",
    "action_after",
    "from_after",
    "digits_near",
    "at_or_hash_before",
)
MODEL_FEATURES: tuple[str, ...] = ("model_probability", "model_probability_capitalised")


@dataclass(frozen=True)
class Candidate:
    """A word the rules left, with its features (named and hashed, without the model's)."""

    start: int
    end: int
    features: np.ndarray


def scorer_weights() -> NameScorerWeights:
    """The validated contents of knowledge/data/name_scorer.yaml, checked against the features this code computes."""
    weights = registry.load(registry.NAME_SCORER)
    if (weights.features, weights.model_features, weights.hash_buckets) != (FEATURES, MODEL_FEATURES, _HASH_BUCKETS):
        raise KnowledgeError(
            "data/name_scorer.yaml: its features differ from the code's; rebuild it with"
            " python -m eval.train_name_scorer --write"
        )
    return weights


@lru_cache(maxsize=1)
def _surname_rank() -> dict[str, float]:
    """Each listed surname's frequency as a number from 1 (most frequent) to about 0 (the 60,000th)."""
    from ..knowledge.base import PROJECT_KNOWLEDGE

    path = PROJECT_KNOWLEDGE / "data" / person_names().lists["surnames"].file
    names = [n.strip() for n in path.read_text(encoding="ascii").splitlines() if n.strip() and n[0] != "#"]
    top = math.log(len(names) + 1)
    return {n: 1 - math.log(i + 1) / top for i, n in enumerate(names)}


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    terms = guardrail_data().phi
    cue = re.compile(r"\b(?:" + "|".join(f"(?:{c})" for c in terms.name_cues) + r")(?!\w)", re.IGNORECASE)
    acting = re.compile(r"\s*(?:" + "|".join(f"(?:{c})" for c in terms.acting_cues or ("(?!)",)) + r")(?!\w)", re.I)
    return cue, acting


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(n.lower() for n in guardrail_data().phi.not_names)


def _bucket(word: str) -> int:
    return zlib.crc32(word.lower().encode("utf-8")) % _HASH_BUCKETS


def candidates(
    text: str, found: Sequence[tuple[int, int]], taken: Sequence[tuple[int, int]], everyday: Callable[[str], bool]
) -> list[Candidate]:
    """Words of `text` outside `taken` (the spans of other kinds of patient data) that could be a name, with their
    features. `found` are the names the rules found; `everyday` tells a common word of the model's vocabulary.
    Function words and lower-case everyday words that no list holds as a name are never candidates."""
    lists = name_lists()
    ranks = _surname_rank()
    not_names = _not_names()
    cue, acting = _cues()
    has_cue = cue.search(text) is not None
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    # Character maps, so each word is checked in constant time however many spans were found.
    masked = bytearray(len(text) + 1)
    for s, e in taken:
        masked[s:e] = b"\x01" * (e - s)
    name_start, name_end = bytearray(len(text) + 1), bytearray(len(text) + 1)
    for s, e in found:
        name_start[s], name_end[e] = 1, 1
    out: list[Candidate] = []
    for k, (start, end, raw) in enumerate(words):
        possessive = raw.endswith(("'s", "’s"))
        word = raw[:-2] if possessive else raw
        end = start + len(word)
        if len(word) < 2 or word.isupper() or any(masked[start:end]):
            continue
        folded = fold(word)
        if not folded or folded in lists.function_words:
            continue
        parts = [fold(p) for p in word.split("-") if p]
        given = all(p in lists.given for p in parts)
        surname = all(p in lists.surnames for p in parts)
        if word.islower() and not given and not surname and everyday(word):
            continue  # an everyday word in lower case that no list holds as a name ("the", "recall")
        prev = words[k - 1][2] if k else ""
        nxt = words[k + 1][2] if k + 1 < len(words) else ""
        before = text[max(0, start - 3) : start]
        between_next = text[end : words[k + 1][0]] if k + 1 < len(words) else ""
        near = any(name_end[max(0, start - 6) : start + 1]) or any(name_start[end : end + 7])
        joined = any(
            _JOINED.fullmatch(text, e, start) for e in range(max(0, start - 8), start + 1) if name_end[e]
        ) or any(_JOINED.fullmatch(text, end, s) for s in range(end, min(len(text), end + 8) + 1) if name_start[s])
        named = [
            1.0,
            float(given),
            float(surname),
            max((ranks.get(p, 0.0) for p in parts), default=0.0),
            float(given and folded in lists.common),
            float(everyday(word)),
            float(folded in lists.function_words),
            float(word.lower() in not_names or word.lower() in _JOINERS),
            float(word[:1].isupper()),
            float(word.islower()),
            float(bool(_SENTENCE_END.search(text, max(0, start - 4), start)) or start == 0),
            float(possessive),
            float(len(word) <= 3),
            float(nxt[:1].isupper() and between_next == " "),
            float(prev[:1].isupper() and k > 0 and text[words[k - 1][1] : start] == " "),
            float(bool(nxt) and between_next == " " and fold(nxt) in lists.surnames),
            float(bool(prev) and fold(prev) in lists.given and text[words[k - 1][1] : start] == " "),
            float(bool(near)),
            float(joined),
            float(bool(found)),
            float(has_cue),
            float(acting.match(text, start + len(raw)) is not None),
            float(nxt.lower() == "from" and between_next == " "),
            float(any(c.isdigit() for c in text[max(0, start - 12) : start + len(raw) + 12])),
            float("@" in before or "#" in before),
        ]
        vector = np.zeros(len(FEATURES) + 2 * _HASH_BUCKETS)
        vector[: len(FEATURES)] = named
        vector[len(FEATURES) + _bucket(prev if k else "<start>")] = 1.0
        vector[len(FEATURES) + _HASH_BUCKETS + _bucket(nxt if nxt else "<end>")] = 1.0
        out.append(Candidate(start, end, vector))
    return out


def model_features(text: str, found: list[Candidate], model: LoadedModel) -> np.ndarray:
    """The name model's reading of each candidate word (its highest token probability), read in a window of
    text around the words asked about."""
    result = np.zeros((len(found), len(MODEL_FEATURES)))
    if not found:
        return result
    windows: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: c.start):
        lo = text.rfind(" ", 0, max(0, c.start - _CONTEXT)) + 1
        hi = text.find(" ", min(len(text), c.end + _CONTEXT))
        hi = len(text) if hi < 0 else hi
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    best = np.zeros(len(text) + 1)  # the highest probability read at each character
    for lo, hi in windows:
        for s, e, p in name_probabilities(text[lo:hi], model):
            best[lo + s : lo + e] = np.maximum(best[lo + s : lo + e], p)
    capitalised = FEATURES.index("capitalised")
    for i, c in enumerate(found):
        prob = float(best[c.start : c.end].max())
        result[i] = (prob, prob * c.features[capitalised])
    return result


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def learned_names(
    text: str,
    found: Sequence[tuple[int, int]],
    taken: Sequence[tuple[int, int]],
    everyday: Callable[[str], bool],
    model: LoadedModel,
    weights: NameScorerWeights | None = None,
) -> list[tuple[int, int]]:
    """Words the learned decision reads as part of a person's name, among those the rules left."""
    weights = weights or scorer_weights()
    found_words = candidates(text, found, taken, everyday)
    if not found_words:
        return []
    table = np.array([c.features for c in found_words])
    cheap = _sigmoid(table @ np.array(weights.cheap_weights))
    asked = [c for c, p in zip(found_words, cheap) if p >= weights.cheap_threshold]
    if not asked:
        return []
    full = np.hstack([np.array([c.features for c in asked]), model_features(text, asked, model)])
    scores = _sigmoid(full @ np.array(weights.weights))
    return [(c.start, c.end) for c, p in zip(asked, scores) if p >= weights.threshold]
