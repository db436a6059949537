"""Every YAML data file of the knowledge base, the model that validates it, and the one rule for where it is read.

The rule: a file is read from the knowledge directory in use when that directory has its own copy, otherwise
from the project's `knowledge/` (so a small or custom knowledge base still routes, words answers and plans the
same way). Protective files are the exception: they are always the project's, because the rules that keep
patients safe must not change with whatever knowledge directory a clinic points the assistant at.

Files are validated once and cached until they change on disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic

from pydantic import BaseModel

from ..errors import KnowledgeError
from .base import PROJECT_KNOWLEDGE, M, Strict, list_in, read_yaml, validate
from .countries import Countries
from .models import Hashtag, Observance, Platform
from .schemas.announcements import AnnouncementData
from .schemas.chat import ChatData, IntentData
from .schemas.drafts import DraftData
from .schemas.glossary import Glossary
from .schemas.guardrails import GuardrailData, NameScorerWeights, PatientData, PersonNames
from .schemas.notices import NoticeData
from .schemas.planning import PlanningData
from .schemas.replies import ReplyData
from .schemas.rules import RuleBook


class TopicEntry(Strict):
    id: str
    label: str


@dataclass(frozen=True)
class DataFile(Generic[M]):
    """A file under data/ validated as a whole against `model`."""

    name: str
    model: type[M]
    protective: bool = False  # always the project's copy (see the module docstring)


@dataclass(frozen=True)
class ListFile(Generic[M]):
    """A file under data/ holding a top-level `key:` list whose entries are validated one by one."""

    name: str
    key: str
    model: type[M]
    label: str = "id"  # the field that names an entry in error messages


TOPICS = ListFile("topics.yaml", "topics", TopicEntry)
PLATFORMS = ListFile("platforms.yaml", "platforms", Platform)
AWARENESS = ListFile("awareness.yaml", "observances", Observance)
HASHTAGS = ListFile("hashtags.yaml", "hashtags", Hashtag, label="tag")
COUNTRIES = DataFile("countries.yaml", Countries)
INTENTS = DataFile("intents.yaml", IntentData)
CHAT = DataFile("chat.yaml", ChatData)
DRAFTS = DataFile("drafts.yaml", DraftData)
ANNOUNCEMENTS = DataFile("announcements.yaml", AnnouncementData)
NOTICES = DataFile("notices.yaml", NoticeData)
PLANNING = DataFile("planning.yaml", PlanningData)
REVIEW_REPLIES = DataFile("review_replies.yaml", ReplyData)
COMPLIANCE_RULES = DataFile("compliance_rules.yaml", RuleBook, protective=True)
GUARDRAILS = DataFile("guardrails.yaml", GuardrailData, protective=True)
PERSON_NAMES = DataFile("person_names.yaml", PersonNames, protective=True)
PATIENT_DATA = DataFile("patient_data.yaml", PatientData, protective=True)
NAME_SCORER = DataFile("name_scorer.yaml", NameScorerWeights, protective=True)

DATA_FILES: dict[str, DataFile[Any] | ListFile[Any]] = {
    f.name: f
    for f in (
        TOPICS,
        PLATFORMS,
        AWARENESS,
        HASHTAGS,
        COUNTRIES,
        INTENTS,
        CHAT,
        DRAFTS,
        ANNOUNCEMENTS,
        NOTICES,
        PLANNING,
        REVIEW_REPLIES,
        COMPLIANCE_RULES,
        GUARDRAILS,
        PERSON_NAMES,
        PATIENT_DATA,
        NAME_SCORER,
    )
}


GLOSSARY_DIR = "glossary"  # data/glossary/<language>.yaml: one language's words glossed into English


def glossary_paths(knowledge_root: str | Path | None = None) -> dict[str, Path]:
    """Language code -> its glossary file: the knowledge directory's own `data/glossary/` when it has one, else the
    project's (the same rule as every data file, taken for the folder as a whole)."""
    own = Path(knowledge_root) / "data" / GLOSSARY_DIR if knowledge_root is not None else None
    folder = own if own is not None and own.is_dir() else PROJECT_KNOWLEDGE / "data" / GLOSSARY_DIR
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}


def read_glossary(path: str | Path) -> Glossary:
    """One glossary file, validated; a file whose `language` is not its own name is an error."""
    path = Path(path)
    glossary = read_data_file(path, Glossary)
    if glossary.language != path.stem:
        raise KnowledgeError(f"{path}: language {glossary.language!r} is not the file's name ({path.stem})")
    return glossary


def load_glossaries(knowledge_root: str | Path | None = None) -> dict[str, Glossary]:
    """Every glossary, validated (`read_glossary`), by language code."""
    return {code: read_glossary(path) for code, path in glossary_paths(knowledge_root).items()}


def path_of(file: DataFile[Any] | ListFile[Any], knowledge_root: str | Path | None = None) -> Path:
    """Where `file` is read from for this knowledge directory (None: the project's knowledge)."""
    protective = isinstance(file, DataFile) and file.protective
    if knowledge_root is not None and not protective:
        own = Path(knowledge_root) / "data" / file.name
        if own.is_file():
            return own
    return PROJECT_KNOWLEDGE / "data" / file.name


def load(file: DataFile[M], knowledge_root: str | Path | None = None) -> M:
    """The validated contents of a whole-file data file."""
    return read_data_file(path_of(file, knowledge_root), file.model)


def load_items(file: ListFile[M], knowledge_root: str | Path | None = None) -> tuple[M, ...]:
    """The validated entries of a list data file; an error names the entry (`data/platforms.yaml[x]`)."""
    return read_list_file(path_of(file, knowledge_root), file)


def read_list_file(path: str | Path, file: ListFile[M]) -> tuple[M, ...]:
    """The validated entries of a file at `path` read as the list file `file` (cached)."""
    path = Path(path)
    return _cached(path, _stamp(path), file, None)


def read_data_file(path: str | Path, model: type[M]) -> M:
    """Read one YAML file under a knowledge `data/` folder and validate it against `model` (cached)."""
    path = Path(path)
    return _cached(path, _stamp(path), None, model)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        raise KnowledgeError(f"{path}: data file is missing; restore it from the repository") from None
    return info.st_mtime_ns, info.st_size


@lru_cache(maxsize=64)
def _cached(path: Path, stamp: tuple[int, int], file: ListFile[Any] | None, model: type[BaseModel] | None) -> Any:
    """Parse and validate once per file version (the stamp changes when the file does)."""
    root = path.parent.parent
    if file is None:
        assert model is not None
        return validate(model, read_yaml(path, root), f"data/{path.name}")
    items = []
    for i, item in enumerate(list_in(path, root, file.key)):
        name = item.get(file.label, i) if isinstance(item, dict) else i
        items.append(validate(file.model, item, f"data/{path.name}[{name}]"))
    return tuple(items)
