"""Heavy objects shared by every browser session of one Streamlit process, and the per-session choices.

`st.cache_resource` keeps one Services per configuration (tests and replicas with another data directory
get their own), one embedding model per model path, and one chat engine per provider choice. The model is
loaded in a background thread so the first page paints while it loads.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import threading
from dataclasses import dataclass, field

import streamlit as st

from ..config import Settings, load_settings
from ..errors import AssistantError, ProviderError, StorageError
from ..services import Services

log = logging.getLogger("assistant.ui")


@dataclass
class IndexState:
    """Process-wide: whether the search index has been checked against the guides since start-up."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    ready: bool = False
    summary: str = ""
    messages: list[str] = field(default_factory=list)


def _key(settings: Settings) -> str:
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:16]


@st.cache_resource(show_spinner=False)
def _embedder(model_path: str):
    from ..embeddings import SentenceEmbedder

    return SentenceEmbedder(model_path)


@st.cache_resource(show_spinner=False)
def _services(key: str, _settings: Settings) -> Services:
    # Every configuration that points at the same model shares one loaded copy of it.
    return Services(_settings, embedder=_embedder(_settings.embedding_model_path))


@st.cache_resource(show_spinner=False)
def _index_state(key: str) -> IndexState:
    return IndexState()


@st.cache_resource(show_spinner=False)
def _warm_up(model_path: str) -> threading.Thread:
    thread = threading.Thread(target=_embedder(model_path).warm_up, name="warm-up-embedder", daemon=True)
    thread.start()
    return thread


def settings() -> Settings:
    """Settings from the environment and secrets.toml (cheap; read on every run so changes apply)."""
    return load_settings()


def services() -> Services:
    """The process-wide Services for the current configuration."""
    current = settings()
    return _services(_key(current), current)


def start_warm_up() -> None:
    """Load the embedding model in the background, once per process."""
    _warm_up(settings().embedding_model_path)


def ensure_index(svc: Services | None = None, rebuild: bool = False) -> IndexState:
    """Sync the search index with the guides once per process, drawing a progress bar while it works."""
    svc = svc or services()
    state = _index_state(_key(svc.settings))
    if state.ready and not rebuild:
        return state
    with state.lock:  # two first visitors at once: the second waits, then finds it ready
        if state.ready and not rebuild:
            return state
        bar = st.progress(0.0, text="Checking the search index of the guides…")

        def progress(done: int, total: int, message: str) -> None:
            if total:
                bar.progress(min(done / total, 1.0), text=f"Building the search index: {message} ({done}/{total})")

        try:
            report = svc.retriever.ensure_index(progress=progress, rebuild=rebuild)
            bar.progress(1.0, text="Preparing the answer cards (the first start only)…")
            svc.matcher  # noqa: B018 - the cards' question vectors, built once and cached on disk
        except AssistantError as exc:  # e.g. an unreachable Chroma server: say how to fix it, keep the page
            st.error(str(exc), icon=":material/error:")
            state.ready = False
            return state
        finally:
            bar.empty()
        state.summary, state.messages, state.ready = report.summary(), list(report.messages), True
    return state


def provider_choice(current: Settings | None = None) -> tuple[str, str]:
    """(provider, model) for this browser session: the Settings page override, else the configuration."""
    current = current or settings()
    override = st.session_state.get("provider_override")
    return override if override else (current.provider, current.model)


@st.cache_resource(show_spinner=False)
def _engine(key: str, provider: str, model: str, _svc: Services):
    from ..providers import get_provider

    chosen = dataclasses.replace(_svc.settings, provider=provider, model=model)
    notice = None
    try:
        llm = get_provider(provider, chosen)
    except ProviderError as exc:  # misconfigured (e.g. no key): answer offline and say why
        notice = f"{exc}. Answering from the knowledge base only (offline) until this is fixed."
        llm = get_provider("offline", chosen)
    return _svc.chat_engine(llm, chosen), notice


def chat_engine(svc: Services | None = None):
    """(ChatEngine, configuration notice or None) for this session's provider choice."""
    svc = svc or services()
    provider, model = provider_choice(svc.settings)
    return _engine(_key(svc.settings), provider, model, svc)


def provider_label(engine) -> str:
    """'offline (knowledge base only)' or 'openai · gpt-4o-mini' for the indicator."""
    llm = getattr(engine, "provider", None)
    name = getattr(llm, "name", "offline")
    if name == "offline":
        return "offline (answers from the knowledge base only)"
    return f"{name} · {getattr(llm, 'model', '')}".strip(" ·")


def show_error(exc: BaseException) -> None:
    """Show an error as a message: ours say what happened and how to fix it; anything else gets a generic line.

    A storage fault's own text names the database, the cause and what to do; nothing here claims that work was
    saved, since the fault may be exactly that it was not.
    """
    if isinstance(exc, StorageError):
        st.error(str(exc), icon=":material/database:")
    elif isinstance(exc, AssistantError):
        st.error(str(exc))
    else:
        log.error("unexpected error in a page", exc_info=exc)
        st.error(
            f"Something went wrong on our side ({type(exc).__name__}). Try again, and if it keeps happening "
            "restart the app."
        )
