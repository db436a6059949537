"""The one strict base model and the one way to read a knowledge file.

Every file under knowledge/ is read here: UTF-8, invisible characters stripped, HTML refused, YAML parsed
safely, and validated against a pydantic model. Any problem fails with a KnowledgeError that names the file
and the field, so whoever edits the knowledge base can fix it without reading code.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from ..errors import KnowledgeError

PROJECT_KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
M = TypeVar("M", bound=BaseModel)

# The C loader is several times faster; fall back where libyaml is missing.
_YamlLoader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Zero-width and bidirectional control characters can hide instructions from a human reviewer
# (OWASP LLM08); they carry no meaning in our guidance, so they are removed on load.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
# Knowledge text is rendered in the app and quoted to models: no markup that a browser would run.
_HTML_TAG = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|style|img|svg|a|div|span|form|input|link|meta)\b|"
    r"<!--|javascript:|\bon[a-z]+\s*=\s*[\"']",
    re.IGNORECASE,
)


class Strict(BaseModel):
    """Base of every knowledge model: unknown fields are errors, so a typo in a data file is caught at load time."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    return pattern


Regex = Annotated[str, Field(min_length=1), AfterValidator(_compiles)]  # a regular expression that compiles


@lru_cache(maxsize=4096)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A data file's pattern, compiled once. The data hold over a thousand patterns, more than the 512 that `re`
    keeps compiled, so calling `re.search(pattern, ...)` with them recompiles some on every message."""
    return re.compile(pattern, flags)


def check_patterns(patterns: Any) -> Any:
    """Raise ValueError naming the first pattern that does not compile (case-insensitive), else return them."""
    for pattern in patterns:
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    return patterns


def clean_text(text: str, where: str) -> str:
    """Strip invisible characters and reject HTML or script in knowledge text."""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    match = _HTML_TAG.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise KnowledgeError(
            f"{where}: line {line}: HTML or script is not allowed in knowledge files "
            f"(found {match.group(0)!r}); write plain Markdown"
        )
    return text


def where(path: Path, root: Path) -> str:
    """How a message names a file: relative to its knowledge directory when it is inside one."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(path: Path, root: Path) -> str:
    """A knowledge file's text, cleaned (see clean_text)."""
    rel = where(path, root)
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeError(f"{rel}: not valid UTF-8 (byte {exc.start})") from None
    return clean_text(raw, rel)


def read_yaml(path: Path, root: Path) -> Any:
    """A knowledge YAML file, parsed safely (no Python objects)."""
    try:
        return yaml.load(read_text(path, root), Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{where(path, root)}: invalid YAML: {exc}") from None


def validate(model: type[M], data: Any, place: str) -> M:
    """`data` validated against `model`; the error names the place and the first bad field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or "(top level)"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise KnowledgeError(f"{place}: field '{loc}': {first['msg']}{more}") from None


def list_in(path: Path, root: Path, key: str) -> list[Any]:
    """The top-level `key:` list of a YAML file."""
    data = read_yaml(path, root)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise KnowledgeError(f"{where(path, root)}: expected a top-level '{key}:' list")
    return data[key]
