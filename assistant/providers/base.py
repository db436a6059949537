"""The provider interface and the one LangChain-backed implementation all remote providers share."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from ..config import redact
from ..errors import ProviderError

# Metadata keys in which LangChain integrations report why generation stopped (OpenAI, Anthropic, Ollama).
FINISH_KEYS = ("finish_reason", "stop_reason", "done_reason", "done")


class Provider(Protocol):
    name: str
    model: str

    def stream(self, messages: list[dict[str, str]]) -> Iterator[str]:
        """Yield the reply's text as it is generated. Raises ProviderError with a fix-it message."""


@dataclass
class ChatModelProvider:
    """Wraps a LangChain chat model (built with init_chat_model) behind the Provider interface."""

    name: str
    model: str
    chat_model: Any
    endpoint: str = ""  # shown in error messages: where we tried to connect (redacted: no password or token)

    def __post_init__(self) -> None:
        self.endpoint = redact(self.endpoint)

    def stream(self, messages: list[dict[str, str]]) -> Iterator[str]:
        pairs = [(m["role"], m["content"]) for m in messages]
        integration = finished = False
        try:
            for chunk in self.chat_model.stream(pairs):
                meta = getattr(chunk, "response_metadata", None) or {}
                integration |= "model_provider" in meta  # real integrations label their chunks
                finished |= any(meta.get(k) for k in FINISH_KEYS)
                text = chunk.text
                if text:
                    yield text
        except ProviderError:
            raise
        except Exception as exc:  # SDK errors differ per vendor; translate them into one actionable message
            raise ProviderError(explain_failure(self.name, self.endpoint, exc)) from exc
        if integration and not finished:
            # A connection cut halfway ends an OpenAI-compatible stream quietly; half an answer must not
            # pass for a whole one.
            where = f" at {self.endpoint}" if self.endpoint else ""
            raise ProviderError(
                f"{self.name}{where} stopped before finishing the answer (the connection closed "
                "mid-stream); check the server's logs or try again"
            )


def explain_failure(provider: str, endpoint: str, exc: BaseException) -> str:
    """Turn an SDK exception into a one-line message that says how to fix it (with any secret redacted: the
    message reaches the fallback notice, the log and the saved conversation)."""
    kind = type(exc).__name__
    text = redact(str(exc).splitlines()[0])[:200] if str(exc).strip() else kind
    endpoint = redact(endpoint)
    where = f" at {endpoint}" if endpoint else ""
    if "Timeout" in kind or "timed out" in text.lower():
        return f"{provider}{where} did not answer in time; check the server or raise ASSISTANT_LLM_TIMEOUT"
    if "Connection" in kind or "refused" in text.lower() or "ConnectError" in kind:
        return f"cannot reach {provider}{where}; is the server running and the URL right?"
    if "Authentication" in kind or "401" in text or "PermissionDenied" in kind:
        return f"{provider} refused the API key; check the key in your environment or .streamlit/secrets.toml"
    if "NotFound" in kind or "404" in text:
        return f"{provider}{where} does not know the model; set ASSISTANT_MODEL to a model the server offers"
    return f"{provider}{where} failed ({kind}: {text})"


def require(value: str, setting: str, provider: str) -> str:
    """Return a required setting or raise a ProviderError that names the variable to set."""
    if not value:
        raise ProviderError(
            f"the {provider} provider needs {setting}: set it in the environment or in "
            f".streamlit/secrets.toml (see secrets.toml.example)"
        )
    return value


def build_chat_model(model_provider: str, model: str, settings, **kwargs: Any) -> Any:
    """init_chat_model with the shared timeout, retry and token caps (imports LangChain lazily)."""
    try:
        from langchain.chat_models import init_chat_model
    except ImportError:  # pragma: no cover - in requirements.txt
        raise ProviderError("LangChain is not installed: pip install -r requirements.txt") from None
    return init_chat_model(
        model,
        model_provider=model_provider,
        timeout=settings.llm_timeout_s,
        max_retries=settings.llm_max_retries,
        max_tokens=settings.llm_max_tokens,
        streaming=True,
        **kwargs,
    )
