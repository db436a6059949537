"""Person names found by a small named-entity model, for names the lists do not know ("Ximena Castillo said").

The model (Rampart, CC BY 4.0; see knowledge/data/person_names.yaml `name_model`) ships in the repository and
runs with ONNX Runtime on the CPU: nothing is downloaded, and its files are checked against their recorded
hashes before use, so a damaged or swapped file stops the masker with a clear error instead of masking less.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KnowledgeError
from ..knowledge.base import PROJECT_KNOWLEDGE
from ..knowledge.schemas.guardrails import NameModel
from ._data import person_names

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Between two capitalised words of one name: spaces, or up to three small words ("van der", "de la").
_BETWEEN = re.compile(r"[ \t]+(?:[^\W\d_]{1,4}[ \t]+){0,3}")
_CONTEXT = 160  # characters read on each side of a pair of capitalised words
_WINDOW = 400  # tokens per model call (the model reads at most 512, [CLS] and [SEP] included)
_OVERLAP = 48  # tokens shared by neighbouring windows, so a name on a boundary is seen whole
_LOCK = threading.Lock()


@dataclass(frozen=True)
class LoadedModel:
    """The model's ONNX session and tokenizer, with what is needed to read its output."""

    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer
    name_ids: frozenset[int]  # output classes that mark part of a person's name
    cls_id: int
    sep_id: int
    inputs: frozenset[str]
    threshold: float


def _checked(root: Path, path: str, sha256: str) -> Path:
    file = root / "data" / path
    try:
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
    except OSError as exc:
        raise KnowledgeError(f"{file}: cannot read the name model ({exc}); restore it from the repository") from None
    if digest != sha256:
        raise KnowledgeError(f"{file}: the name model file has changed (sha256 {digest[:12]}...); restore it")
    return file


def load_name_model(spec: NameModel, root: Path = PROJECT_KNOWLEDGE) -> LoadedModel:
    """The model described by `spec`, its files verified, ready to run on one CPU thread."""
    import onnxruntime  # type: ignore[import-untyped]  # ships no type information
    from tokenizers import Tokenizer

    files = {kind: _checked(root, f.path, f.sha256) for kind, f in spec.files.items()}
    labels = {int(k): v for k, v in json.loads(files["config"].read_text(encoding="utf-8"))["id2label"].items()}
    missing = set(spec.name_labels) - set(labels.values())
    if missing:
        raise KnowledgeError(f"{files['config']}: the model has no label {sorted(missing)}; check name_labels")
    tokenizer = Tokenizer.from_file(str(files["tokenizer"]))
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    if cls_id is None or sep_id is None:
        raise KnowledgeError(f"{files['tokenizer']}: the tokenizer lacks [CLS] or [SEP]; restore it")
    tokenizer.no_truncation()
    tokenizer.no_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # the app shares a small machine; one message is short
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(files["model"]), options, providers=["CPUExecutionProvider"])
    return LoadedModel(
        session,
        tokenizer,
        frozenset(i for i, label in labels.items() if label in spec.name_labels),
        cls_id,
        sep_id,
        frozenset(i.name for i in session.get_inputs()),
        spec.threshold,
    )


def name_model() -> LoadedModel:
    """The project's name model, loaded once per process (about 0.2 s)."""
    with _LOCK:  # Streamlit sessions run in threads: load it once
        return _project_model()


@lru_cache(maxsize=1)
def _project_model() -> LoadedModel:
    return load_name_model(person_names().name_model)


def model_name_spans(
    text: str, model: LoadedModel, candidates: Callable[[str], list[tuple[int, int]]] | None = None
) -> list[tuple[int, int]]:
    """Character spans the model marks as part of a person's name, read around each pair of capitalised words
    and each word `candidates` finds (a lone listed first name, a lower-case given name and surname), with some
    context on each side: a message with none of them costs nothing."""
    spans: list[tuple[int, int]] = []
    for start, end in _context_windows(text, candidates(text) if candidates else []):
        spans += [(start + s, start + e) for s, e in marked_spans(text[start:end], model)]
    return spans


def _context_windows(text: str, words: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Stretches of `text` around each pair of capitalised words ("Ximena Castillo", "Pieter van der Berg") and
    around each of `words`."""
    capitalised = [m for m in _WORD.finditer(text) if m.group()[0].isupper()]
    around = [
        (a.start(), b.end())
        for a, b in zip(capitalised, capitalised[1:])
        if _BETWEEN.fullmatch(text, a.end(), b.start())
    ]
    windows: list[tuple[int, int]] = []
    for a, b in sorted([*around, *words]):
        start = text.rfind(" ", 0, max(0, a - _CONTEXT)) + 1
        end = text.find(" ", min(len(text), b + _CONTEXT))
        end = len(text) if end < 0 else end
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def marked_spans(text: str, model: LoadedModel) -> list[tuple[int, int]]:
    """Runs of tokens the model marks as part of a name, over the whole of `text`."""
    offsets, probs = _token_probabilities(text, model)
    marked: set[int] = set()
    for i, readings in enumerate(probs):
        for row in readings:
            label = int(row.argmax())
            if label in model.name_ids and row[label] >= model.threshold:
                marked.add(i)
    spans: list[tuple[int, int]] = []
    for i in sorted(marked):
        s, e = offsets[i]
        if spans and not text[spans[-1][1] : s].strip():
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def name_probabilities(text: str, model: LoadedModel) -> list[tuple[int, int, float]]:
    """Each token of `text` as (start, end, probability that it is part of a person's name)."""
    offsets, probs = _token_probabilities(text, model)
    ids = sorted(model.name_ids)
    return [(s, e, max(float(row[ids].sum()) for row in readings)) for (s, e), readings in zip(offsets, probs)]


def _token_probabilities(text: str, model: LoadedModel) -> tuple[list[tuple[int, int]], list[list[Any]]]:
    """The tokens' character offsets and the model's class probabilities for each: one numpy row per window that
    read the token (two where neighbouring windows overlap)."""
    import numpy as np

    encoding = model.tokenizer.encode(text, add_special_tokens=False)
    ids, offsets = encoding.ids, encoding.offsets
    rows: dict[int, Any] = {}
    start = 0
    while start < len(ids):
        end = min(start + _WINDOW, len(ids))
        window = [model.cls_id, *ids[start:end], model.sep_id]
        feed = {"input_ids": np.array([window], dtype=np.int64)}
        if "attention_mask" in model.inputs:
            feed["attention_mask"] = np.ones((1, len(window)), dtype=np.int64)
        if "token_type_ids" in model.inputs:
            feed["token_type_ids"] = np.zeros((1, len(window)), dtype=np.int64)
        logits = np.asarray(model.session.run(None, feed)[0])[0, 1:-1]
        probs = np.exp(logits - logits.max(axis=-1, keepdims=True))
        probs /= probs.sum(axis=-1, keepdims=True)
        for i in range(len(probs)):
            rows.setdefault(start + i, []).append(probs[i])
        if end == len(ids):
            break
        start = end - _OVERLAP
    return list(offsets), [rows[i] for i in range(len(ids))]
