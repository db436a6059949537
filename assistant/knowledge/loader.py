"""Read and validate the knowledge base: guides (Markdown + YAML front matter) and data files (YAML).

Any problem fails with a KnowledgeError that names the file and the field, so whoever edits the
knowledge base can fix it without reading code.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from ..errors import KnowledgeError
from . import registry
from .base import clean_text, read_text, read_yaml, validate
from .cards import AnswerCard, Card, CardFile
from .copy import CopyFile, DayCopy, DayCopyFile, PostCopy
from .countries import Countries
from .models import Guide, GuideMeta, Hashtag, Observance, Platform, Specialty
from .sources_policy import check_sources

__all__ = ["KnowledgeBase", "clean_text", "load_knowledge"]
ANSWERS_DIR = "answers"  # answer cards: answers/<area>/<theme>.yaml


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything under knowledge/, validated. Look-ups accept ids or aliases."""

    root: Path
    topics: dict[str, str]
    guides: tuple[Guide, ...]
    platforms: dict[str, Platform]
    observances: dict[str, Observance]
    specialties: dict[str, Specialty]
    hashtags: tuple[Hashtag, ...]
    cards: tuple[Card, ...] = ()
    countries: Countries | None = None  # data/countries.yaml: which country a question names
    copy: dict[str, dict[str, PostCopy]] = field(default_factory=dict)  # specialty id -> topic title -> copy
    awareness_copy: dict[str, DayCopy] = field(default_factory=dict)  # observance id -> a post about the day
    _aliases: dict[str, str] = field(default_factory=dict, repr=False)
    _platform_aliases: dict[str, str] = field(default_factory=dict, repr=False)

    def guide(self, guide_id: str) -> Guide:
        found = self._guides_by_id.get(guide_id)
        if found is None:
            raise KnowledgeError(f"unknown guide {guide_id!r}")
        return found

    def card(self, card_id: str) -> Card:
        found = self._cards_by_id.get(card_id)
        if found is None:
            raise KnowledgeError(f"unknown answer card {card_id!r}")
        return found

    # Look-ups by id, made on first use (an answer looks up a few dozen guides and cards; a scan of 600 cards each
    # time cost a millisecond or more per answer). The first of two with one id wins, as a scan finds it.
    @cached_property
    def _guides_by_id(self) -> dict[str, Guide]:
        return {g.id: g for g in reversed(self.guides)}

    @cached_property
    def _cards_by_id(self) -> dict[str, Card]:
        return {c.id: c for c in reversed(self.cards)}

    def specialty(self, name: str) -> Specialty:
        """Resolve a specialty id, name or alias ("derm", "OB-GYN"); unknown names suggest the closest."""
        key = _norm(name)
        if key in self._aliases:
            return self.specialties[self._aliases[key]]
        close = difflib.get_close_matches(key, list(self._aliases), n=3, cutoff=0.5)
        hint = ", ".join(dict.fromkeys(self._aliases[c] for c in close)) or ", ".join(sorted(self.specialties)[:5])
        raise KnowledgeError(f"unknown specialty {name!r}; closest known: {hint}")

    def platform(self, name: str) -> Platform:
        key = _norm(name)
        if key in self._platform_aliases:
            return self.platforms[self._platform_aliases[key]]
        raise KnowledgeError(f"unknown platform {name!r}; known: {', '.join(self.platforms)}")

    def observances_for(self, specialty_id: str, country: str | None = None) -> list[Observance]:
        """Observances that fit a specialty and are observed in the country (international always are)."""
        scopes = {"international"} | _scopes_for_country(country)
        return [
            o
            for o in self.observances.values()
            if o.scope in scopes and (specialty_id in o.specialties or "all" in o.specialties)
        ]


_EU = {
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
}


def _scopes_for_country(country: str | None) -> set[str]:
    code = (country or "").upper()
    if code in ("US", "USA"):
        return {"US"}
    if code in ("UK", "GB"):
        return {"UK"}
    if code == "AU":
        return {"AU"}
    return {"EU"} if code in _EU or code == "EU" else set()


def _norm(name: str) -> str:
    return re.sub(r"[\s_/&.-]+", " ", name.strip().lower())


def load_guides(root: Path, vocabulary: dict[str, str]) -> tuple[Guide, ...]:
    guides: list[Guide] = []
    seen: dict[str, str] = {}
    for path in sorted((root / "guides").rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        try:
            post = frontmatter.loads(read_text(path, root))
        except yaml.YAMLError as exc:
            raise KnowledgeError(f"{rel}: invalid front matter: {exc}") from None
        meta: GuideMeta = validate(GuideMeta, post.metadata, rel)
        unknown = [t for t in meta.topics if t not in vocabulary]
        if unknown:
            raise KnowledgeError(f"{rel}: field 'topics': unknown topic(s) {unknown}; see data/topics.yaml")
        if meta.id in seen:
            raise KnowledgeError(f"{rel}: field 'id': {meta.id!r} is already used by {seen[meta.id]}")
        if not re.search(r"^#{1,3} ", post.content, re.MULTILINE):
            raise KnowledgeError(f"{rel}: the body needs Markdown headings (retrieval chunks by heading)")
        seen[meta.id] = rel
        guide = Guide(meta=meta, body=post.content.strip(), path=rel)
        headings = set(guide.headings)
        for source in meta.sources:
            unknown = [h for h in source.sections if h not in headings]
            if unknown:
                raise KnowledgeError(f"{rel}: field 'sources': {source.title!r} names unknown section(s) {unknown}")
        guides.append(guide)
    if not guides:
        raise KnowledgeError(f"{root}: no guides found under guides/")
    return tuple(guides)


def load_copy(root: Path) -> dict[str, dict[str, PostCopy]]:
    """Ready-to-post copy by specialty and topic title (knowledge/copy/<specialty>.yaml; none when absent)."""
    out: dict[str, dict[str, PostCopy]] = {}
    for path in sorted((root / "copy").glob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        doc: CopyFile = validate(CopyFile, read_yaml(path, root), rel)
        if doc.specialty != path.stem:
            raise KnowledgeError(f"{rel}: field 'specialty': {doc.specialty!r} must equal the file name")
        topics = out.setdefault(doc.specialty, {})
        for post in doc.posts:
            if post.topic in topics:
                raise KnowledgeError(f"{rel}: topic {post.topic!r} has copy twice")
            topics[post.topic] = post
    return out


def _shared_copy(
    copy: dict[str, dict[str, PostCopy]], specialties: dict[str, Specialty]
) -> dict[str, dict[str, PostCopy]]:
    """The copy with each topic that names `copy_from` given that specialty's finished post on the same title."""
    for spec in specialties.values():
        for topic in spec.all_topics:
            if topic.copy_from is None:
                continue
            where = f"data/specialties/{spec.id}.yaml: topic {topic.title!r}: field 'copy_from'"
            post = copy.get(topic.copy_from, {}).get(topic.title)
            if topic.copy_from == spec.id or post is None:
                raise KnowledgeError(f"{where}: copy/{topic.copy_from}.yaml has no post with this title")
            if topic.title in copy.get(spec.id, {}):
                raise KnowledgeError(f"{where}: copy/{spec.id}.yaml has its own post too; keep one")
            copy.setdefault(spec.id, {})[topic.title] = post
    return copy


def _day_copy(root: Path) -> dict[str, DayCopy]:
    path = root / "copy" / "awareness" / "days.yaml"
    if not path.is_file():
        return {}
    doc: DayCopyFile = validate(DayCopyFile, read_yaml(path, root), path.relative_to(root).as_posix())
    return {d.id: d for d in doc.days}


def load_cards(root: Path) -> tuple[Card, ...]:
    """Every answer card under answers/<area>/<theme>.yaml (none when the folder is absent)."""
    cards: list[Card] = []
    seen: dict[str, str] = {}
    for path in sorted((root / ANSWERS_DIR).glob("*/*.yaml")):
        rel = path.relative_to(root).as_posix()
        doc: CardFile = validate(CardFile, read_yaml(path, root), rel)
        if doc.theme != path.stem:
            raise KnowledgeError(f"{rel}: field 'theme': {doc.theme!r} must equal the file name {path.stem!r}")
        for card in doc.cards:
            if card.id in seen:
                raise KnowledgeError(f"{rel}: card {card.id!r} is already defined in {seen[card.id]}")
            seen[card.id] = rel
            cards.append(
                Card(
                    card=card,
                    theme=doc.theme,
                    theme_title=doc.title,
                    area=path.parent.name,
                    path=rel,
                    countries=card.countries or doc.countries,
                    specialties=doc.specialties,
                )
            )
    return tuple(cards)


def _by_id(items: tuple[Any, ...], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for obj in items:
        if obj.id in out:
            raise KnowledgeError(f"{where}: duplicate id {obj.id!r}")
        out[obj.id] = obj
    return out


def load_knowledge(root: str | Path) -> KnowledgeBase:
    """Load and cross-check the whole knowledge base under `root`."""
    root = Path(root)
    if not (root / "data").is_dir():
        raise KnowledgeError(f"{root}: not a knowledge directory (no data/ folder)")
    data = root / "data"
    topics = {t.id: t.label for t in registry.load_items(registry.TOPICS, root)}
    platforms: dict[str, Platform] = _by_id(registry.load_items(registry.PLATFORMS, root), "data/platforms.yaml")
    observances: dict[str, Observance] = _by_id(registry.load_items(registry.AWARENESS, root), "data/awareness.yaml")
    specialties: dict[str, Specialty] = {}
    for path in sorted((data / "specialties").glob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        spec = validate(Specialty, read_yaml(path, root), rel)
        if spec.id in specialties:
            raise KnowledgeError(f"{rel}: duplicate specialty id {spec.id!r}")
        specialties[spec.id] = spec
    hashtags: tuple[Hashtag, ...] = registry.load_items(registry.HASHTAGS, root)
    guides = load_guides(root, topics)
    kb = KnowledgeBase(
        root=root,
        topics=topics,
        guides=guides,
        platforms=platforms,
        observances=observances,
        specialties=specialties,
        hashtags=hashtags,
        cards=load_cards(root),
        countries=registry.load(registry.COUNTRIES, root),
        copy=_shared_copy(load_copy(root), specialties),
        awareness_copy=_day_copy(root),
        _aliases=_specialty_aliases(specialties),
        _platform_aliases=_platform_aliases(platforms),
    )
    _cross_check(kb)
    check_sources(kb)  # refused source domains fail the load (knowledge/sources-policy.yaml)
    return kb


def _specialty_aliases(specialties: dict[str, Specialty]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for spec in specialties.values():
        for name in (spec.id, spec.name, *spec.aliases):
            key = _norm(name)
            if aliases.get(key, spec.id) != spec.id:
                raise KnowledgeError(
                    f"data/specialties/{spec.id}.yaml: field 'aliases': {name!r} also names "
                    f"{aliases[key]!r}; an alias must resolve to exactly one specialty"
                )
            aliases[key] = spec.id
    return aliases


def _platform_aliases(platforms: dict[str, Platform]) -> dict[str, str]:
    return {_norm(n): p.id for p in platforms.values() for n in (p.id, p.name, *p.aliases)}


def _known_codes(countries: Countries | None) -> set[str] | None:
    """The codes an item's or a variant's scope may name: the countries countries.yaml knows, covered or not."""
    if countries is None:
        return None
    return {x.code for x in countries.countries} | {x.code for x in countries.uncovered}


def _unknown_scope(card: AnswerCard, known: set[str] | None) -> list[str]:
    """The country codes a card's items (`countries`) or variants (`no_steps_for`) name that countries.yaml does
    not know (`known`: its countries, covered or not; None without a countries file)."""
    if not known:
        return []
    named = {code for item in card.items() for code in item.countries}
    named |= {code for v in card.variants for code in v.no_steps_for}
    return sorted(named - known)


def _country_problem(kb: KnowledgeBase, card: AnswerCard, known: set[str] | None, ids: set[str]) -> str:
    """What is wrong with the countries a card names, or "": an item's or a variant's scope is a country
    countries.yaml knows (covered or not); so is each country of `overruled_in`, whose card answering there exists,
    is another card, and cites a guide of that country."""
    bad = _unknown_scope(card, known)
    if bad:
        return f"field 'countries' or 'no_steps_for': country code(s) {bad} are not in countries.yaml"
    for code, card_id in card.overruled_in.items():
        if known is not None and code not in known:
            return f"field 'overruled_in': country code {code!r} is not in countries.yaml"
        if card_id == card.id or card_id not in ids:
            return f"field 'overruled_in': {card_id!r} is not another card"
        if not any(code in kb.guide(cite.guide).meta.countries for cite in kb.card(card_id).card.cites):
            return f"field 'overruled_in': card {card_id!r} cites no guide of country {code!r}"
    return ""


def _check_cards(kb: KnowledgeBase) -> None:
    """Cards cite real guide sections, relate to real cards and vary by known specialties."""
    headings = {g.id: set(g.headings) for g in kb.guides}
    ids = {c.id for c in kb.cards}
    asked: dict[str, str] = {}
    known = _known_codes(kb.countries)
    for c in kb.cards:
        where = f"{c.path}[{c.id}]"
        for cite in c.card.cites:
            if cite.guide not in headings:
                raise KnowledgeError(f"{where}: field 'cites': no guide {cite.guide!r}")
            if cite.section not in headings[cite.guide]:
                raise KnowledgeError(f"{where}: field 'cites': guide {cite.guide!r} has no section {cite.section!r}")
        unknown = [r for r in c.card.related if r not in ids]
        if unknown:
            raise KnowledgeError(f"{where}: field 'related': unknown card(s) {unknown}")
        bad = [s for v in c.card.variants for s in v.when.specialty if s not in kb.specialties]
        if bad:
            raise KnowledgeError(f"{where}: field 'variants': unknown specialty id(s) {bad}")
        bad = [s for s in c.scope if s not in kb.specialties]
        if bad:
            raise KnowledgeError(f"{where}: field 'specialties': unknown specialty id(s) {bad}")
        listed = {c.code for c in kb.countries.countries} if kb.countries else set()
        bad = [code for v in c.card.variants for code in v.when.country if listed and code not in listed]
        if bad:  # IE and NZ are variant countries only as far as countries.yaml lists them (and their rule set)
            raise KnowledgeError(f"{where}: field 'variants': country code(s) {bad} are not in countries.yaml")
        if problem := _country_problem(kb, c.card, known, ids):
            raise KnowledgeError(f"{where}: {problem}")
        for q in c.card.questions:
            key = " ".join(q.lower().split())
            if asked.setdefault(key, c.id) != c.id:
                raise KnowledgeError(f"{where}: question {q!r} is also a question of card {asked[key]!r}")


def _check_copy(kb: KnowledgeBase) -> None:
    unknown_days = sorted(set(kb.awareness_copy) - set(kb.observances))
    if unknown_days:
        raise KnowledgeError(f"copy/awareness/days.yaml: unknown observance id(s) {unknown_days[:3]}")
    for spec_id, posts in kb.copy.items():
        if spec_id not in kb.specialties:
            raise KnowledgeError(f"copy/{spec_id}.yaml: no specialty {spec_id!r}")
        titles = {t.title for t in kb.specialties[spec_id].all_topics}
        unknown = sorted(set(posts) - titles)
        if unknown:
            raise KnowledgeError(f"copy/{spec_id}.yaml: topic(s) not in the specialty's topic bank: {unknown[:3]}")


def _cross_check(kb: KnowledgeBase) -> None:
    _check_cards(kb)
    _check_copy(kb)
    guide_ids = {g.id for g in kb.guides}
    known_specs = set(kb.specialties) | {"all"}
    for g in kb.guides:
        bad = [s for s in g.meta.specialties if s not in known_specs]
        if bad:
            raise KnowledgeError(f"{g.path}: field 'specialties': unknown {bad}")
    for p in kb.platforms.values():
        if p.guide not in guide_ids:
            raise KnowledgeError(f"data/platforms.yaml[{p.id}]: field 'guide': no guide {p.guide!r}")
    for o in kb.observances.values():
        bad = [s for s in o.specialties if s not in known_specs]
        if bad:
            raise KnowledgeError(f"data/awareness.yaml[{o.id}]: field 'specialties': unknown {bad}")
    for s in kb.specialties.values():
        bad = [a for a in s.awareness if a not in kb.observances]
        if bad:
            raise KnowledgeError(f"data/specialties/{s.id}.yaml: field 'awareness': unknown observance(s) {bad}")
    for h in kb.hashtags:
        bad = [s for s in h.specialties if s not in known_specs]
        if bad:
            raise KnowledgeError(f"data/hashtags.yaml[{h.tag}]: field 'specialties': unknown {bad}")
