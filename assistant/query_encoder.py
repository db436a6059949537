"""A faster way to embed one query with the same model, giving the very same vector.

Most of the time of embedding one short question goes to Python, not arithmetic: the transformers library walks
its modules, wrappers and signature checks on every call. A TorchScript trace of the transformer runs the same
operations in the same order without that bookkeeping (a quarter to a half less time per query on a busy 2-core
machine). The trace is made once, when the model loads, and kept only when it gives bit-for-bit the
vectors of the library's own path on probe texts of different lengths; otherwise (another kind of model, a torch
without tracing) queries take the library's path as before.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# The tensors a BERT-style tokenizer gives for one text, in the order the trace takes them.
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# Probe texts of very different lengths (a trace that fixed the length, or a truncated one, would fail on them).
_PROBES = (
    "How do I answer a one-star review on Google without confirming the reviewer is a patient?",
    "ok",
    "Instagram for a small dental practice in Leeds: how often should we post, and who should do it? " * 12,
)


@contextmanager
def _quiet_transformers() -> Iterator[None]:
    """The tracer reads every attribute of the model, and transformers logs a notice for some (its loss settings)
    that means nothing for embedding queries; it would be printed on every start of the command line."""
    from transformers.utils import logging as hf_logging

    previous = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    try:
        yield
    finally:
        hf_logging.set_verbosity(previous)


def _hidden_module(transformer: Any, names: tuple[str, ...]):
    """A module returning the transformer's last hidden state from positional tensors (traceable)."""
    import torch

    class Hidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = transformer

        def forward(self, *tensors: torch.Tensor) -> torch.Tensor:
            return self.model(**dict(zip(names, tensors, strict=True)), return_dict=True)["last_hidden_state"]

    return Hidden().eval()


class TracedQueryEncoder:
    """Embeds one text like `_forward_one` (preprocess, transformer, the model's later modules, normalize)."""

    def __init__(self, model: SentenceTransformer, traced: Any, names: tuple[str, ...]) -> None:
        self.model, self.traced, self.names = model, traced, names
        self.rest = list(model)[1:]  # pooling and the model's own normalization

    def __call__(self, text: str) -> np.ndarray:
        import torch

        with torch.inference_mode():
            features = self.model.preprocess([text])
            features["token_embeddings"] = self.traced(*(features[n] for n in self.names))
            for module in self.rest:
                features = module(features)
            vector = features["sentence_embedding"]
            return torch.nn.functional.normalize(vector, p=2, dim=1).cpu().numpy()[0]


def _names(model: SentenceTransformer) -> tuple[str, ...] | None:
    """The input tensors of a plain text transformer whose output is its last hidden state, else None."""
    first = model[0] if len(model) else None
    transformer = getattr(first, "model", None)
    config = getattr(first, "modality_config", None) or {}
    if transformer is None or config.get("text") != {"method": "forward", "method_output_name": "last_hidden_state"}:
        return None
    keys = set(model.preprocess(["probe"])) - {"modality"}
    names = tuple(n for n in _INPUTS if n in keys)
    return names if set(names) == keys and "input_ids" in names else None


def traced_encoder(model: SentenceTransformer, reference) -> TracedQueryEncoder | None:
    """A TracedQueryEncoder for `model` when it reproduces `reference(model, text)` exactly on every probe, else None.

    Call on one torch thread (as queries run): the check compares vectors computed the same way."""
    import torch

    try:
        names = _names(model)
        if names is None:
            return None
        example = model.preprocess([_PROBES[0]])
        with warnings.catch_warnings(), torch.inference_mode(), _quiet_transformers():
            warnings.simplefilter("ignore")  # tracer and deprecation notices: the check below decides
            traced = torch.jit.trace(
                _hidden_module(model[0].model, names), tuple(example[n] for n in names), check_trace=False
            )
        encoder = TracedQueryEncoder(model, traced, names)
        if all((encoder(text) == reference(model, text)).all() for text in _PROBES):
            return encoder
        log.info("the traced query encoder differs from the library's; queries take the library's path")
    except Exception as exc:  # noqa: BLE001 - any failure to trace only costs speed
        log.info("no traced query encoder (%s); queries take the library's path", exc)
    return None
