"""The source policy: which domains a knowledge-base citation may use, and which it must never use.

`knowledge/sources-policy.yaml` lists refused domain patterns (content farms, mirrors, staging hosts,
character counters, follower sellers, placeholder domains), each with a reason, and the reviewed domains
allowed as primary or secondary sources. Every answer shows its sources to clinicians, so a refused domain
anywhere in the knowledge base is an error that names the file, the URL and the reason.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, Field

from ..errors import KnowledgeError
from .base import Strict, read_yaml, validate
from .models import Source

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

POLICY_FILE = "sources-policy.yaml"
_URL = re.compile(r"https?://[^\s\"'<>)\]}]+")


class Refused(Strict):
    pattern: str = Field(min_length=2)  # "docslib.org" also matches subdomains; "*" wildcards allowed
    reason: str = Field(min_length=5)


class Allowed(Strict):
    domain: str = Field(min_length=3)  # matches the domain and its subdomains
    class_: Literal["primary", "secondary"] = Field(alias="class")
    note: str = ""


class Pending(Strict):
    file: str  # relative to the knowledge directory
    reason: str = Field(min_length=5)


class SourcesPolicy(Strict):
    refused: tuple[Refused, ...] = Field(min_length=1)
    allowed: tuple[Allowed, ...] = Field(min_length=1)
    # Files being re-sourced by someone else: their refused URLs are reported but do not stop loading.
    # The whole-knowledge-base test ignores this list, so it keeps failing until the file is fixed.
    pending: tuple[Pending, ...] = ()

    def refusal(self, url: str) -> Refused | None:
        host = _host(url)
        return next((r for r in self.refused if _matches(host, r.pattern)), None)

    def allowance(self, url: str) -> Allowed | None:
        host = _host(url)
        return next((a for a in self.allowed if _matches(host, a.domain)), None)


@dataclass(frozen=True)
class Citation:
    where: str  # file relative to the knowledge directory, with the entry id when there is one
    url: str

    @property
    def file(self) -> str:
        return self.where.split("[", 1)[0]


def _host(url: str) -> str:
    # a trailing dot is kept ("issuu.com."): the policy refuses such malformed hosts
    return (urlsplit(url).hostname or "").lower()


def _matches(host: str, pattern: str) -> bool:
    pattern = pattern.lower()
    if any(c in pattern for c in "*?["):
        return fnmatch.fnmatchcase(host, pattern)
    bare = host[4:] if host.startswith("www.") else host
    return bare == pattern or bare.endswith("." + pattern)


def load_policy(root: str | Path) -> SourcesPolicy | None:
    """The policy file under the knowledge directory, or None when the directory has none."""
    path = Path(root) / POLICY_FILE
    if not path.is_file():
        return None
    return validate(SourcesPolicy, read_yaml(path, Path(root)), POLICY_FILE)


def citations(kb: KnowledgeBase) -> Iterator[Citation]:
    """Every source URL in a loaded knowledge base, with the file (and entry) that cites it."""
    for g in kb.guides:
        for s in g.meta.sources:
            yield Citation(g.path, str(s.url))
    groups = (
        ("data/platforms.yaml", kb.platforms.values(), "id"),
        ("data/awareness.yaml", kb.observances.values(), "id"),
        ("data/hashtags.yaml", kb.hashtags, "tag"),
    )
    for path, items, key in groups:
        for item in items:
            for s in _sources_in(item):
                yield Citation(f"{path}[{getattr(item, key)}]", str(s.url))
    for spec in kb.specialties.values():
        for s in _sources_in(spec):
            yield Citation(f"data/specialties/{spec.id}.yaml", str(s.url))
    yield from _answer_card_urls(Path(kb.root))


def _sources_in(obj) -> Iterator[Source]:
    """Every Source nested anywhere in a model (specialties have none today, but may gain them)."""
    if isinstance(obj, Source):
        yield obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _sources_in(getattr(obj, name))
    elif isinstance(obj, (tuple, list)):
        for item in obj:
            yield from _sources_in(item)


def _answer_card_urls(root: Path) -> Iterator[Citation]:
    """URLs written anywhere in answer cards (knowledge/answers/**/*.yaml), if there are any."""
    for path in sorted((root / "answers").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for url in _URL.findall(text):
            yield Citation(path.relative_to(root).as_posix(), url.rstrip(".,;:"))


def refused_citations(kb: KnowledgeBase, policy: SourcesPolicy) -> list[tuple[Citation, Refused]]:
    return [(c, r) for c in citations(kb) if (r := policy.refusal(c.url))]


def unreviewed_citations(kb: KnowledgeBase, policy: SourcesPolicy) -> list[Citation]:
    """Citations whose domain is on neither list: a reviewer has to class them before they ship."""
    return [c for c in citations(kb) if not policy.refusal(c.url) and not policy.allowance(c.url)]


def check_sources(kb: KnowledgeBase, policy: SourcesPolicy | None = None) -> list[str]:
    """Fail on a refused domain, naming the file, the URL and the reason.

    Refused URLs in a `pending` file (being fixed by someone else) come back as warnings instead.
    """
    policy = policy or load_policy(kb.root)
    if policy is None:
        return []
    pending = {p.file for p in policy.pending}
    errors: list[str] = []
    warnings: list[str] = []
    for cite, rule in refused_citations(kb, policy):
        line = f"{cite.where}: refused source {cite.url} ({rule.pattern}: {rule.reason})"
        (warnings if cite.file in pending else errors).append(line)
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise KnowledgeError(errors[0] + more + "; see knowledge/sources-policy.yaml")
    return warnings


def source_class(policy: SourcesPolicy, url: str) -> str:
    """'junk' for a refused domain, 'primary' or 'secondary' for a reviewed one, else 'unreviewed'."""
    if policy.refusal(url):
        return "junk"
    allowed = policy.allowance(url)
    return allowed.class_ if allowed else "unreviewed"
