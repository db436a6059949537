"""`python -m assistant validate [DIR]`: validate the knowledge base and print its counts.

`--file PATH ...` validates files on their own (a guide, a specialty, post copy, an answer-card file or any
data file) without the cross-checks. `--stale DAYS` lists every guide and data entry whose `updated` date is
more than DAYS days old, or missing, one line each: "path: id updated YYYY-MM-DD (N days)".
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import frontmatter

from ..errors import KnowledgeError
from ..guardrails.planted import find_planted
from ..knowledge import freshness, registry, sources_policy
from ..knowledge.base import PROJECT_KNOWLEDGE, read_text, read_yaml, validate
from ..knowledge.cards import CardFile
from ..knowledge.copy import CopyFile
from ..knowledge.loader import KnowledgeBase, load_knowledge
from ..knowledge.models import GuideMeta, Specialty


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check the knowledge base (every guide and data file) and print its counts",
        description="Validate the knowledge base; a mistake is reported with the file and the field.",
    )
    parser.add_argument("dir", nargs="?", type=Path, default=None, help="knowledge directory (default: the project's)")
    parser.add_argument("--file", nargs="+", type=Path, metavar="PATH", help="validate these files on their own")
    parser.add_argument("--stale", type=int, metavar="DAYS", help="list entries not checked in the last DAYS days")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = args.dir or PROJECT_KNOWLEDGE
    try:
        if args.file:
            for path in args.file:
                print(validate_file(path))
            return 0
        kb = load_knowledge(root)
        if args.stale is not None:
            for entry in freshness.stale(kb, args.stale):
                print(entry.line(dt.date.today()))
            return 0
        for warning in sources_policy.check_sources(kb):  # refused URLs in files someone else is fixing
            print(f"warning: {warning}", file=sys.stderr)
        for file in registry.DATA_FILES.values():  # the chat's, planners' and guardrails' data files too
            if isinstance(file, registry.DataFile):
                own = Path(root) / "data" / file.name
                registry.read_data_file(own if own.is_file() else registry.path_of(file), file.model)
        registry.load_glossaries(root)
    except KnowledgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    planted = [(g, p) for g in kb.guides for p in find_planted(g.body)]
    for guide, passage in planted:  # kept out of answers already (chunking, chat/turn.py); the file needs fixing
        print(
            f"error: guide {guide.meta.id}: a passage reads as an {passage.reason} and is kept out of "
            f"answers; remove it from the guide: {passage.text[:160]!r}",
            file=sys.stderr,
        )
    if planted:
        return 1
    print(_counts(kb))
    return 0


def _counts(kb: KnowledgeBase) -> str:
    words = sum(g.word_count for g in kb.guides)
    topics = sum(len(s.all_topics) for s in kb.specialties.values())
    return (
        f"guides={len(kb.guides)} words={words} specialties={len(kb.specialties)} topics={topics} "
        f"observances={len(kb.observances)} hashtags={len(kb.hashtags)} platforms={len(kb.platforms)} "
        f"cards={len(kb.cards)}"
    )


def _knowledge_root(path: Path) -> Path:
    """The knowledge directory a file is in: the nearest parent that has a data/ folder."""
    root = path.resolve().parent
    while root != root.parent and not (root / "data").is_dir():
        root = root.parent
    return root


def validate_file(path: Path) -> str:
    """Validate one knowledge file on its own; a one-line summary, or a KnowledgeError naming the field."""
    if not path.is_file():
        raise KnowledgeError(f"{path}: no such file")
    root = _knowledge_root(path)
    name = path.name
    if path.suffix == ".md":
        post = frontmatter.loads(read_text(path, root))
        meta = validate(GuideMeta, post.metadata, name)
        return f"{name}: ok ({meta.id}, {len(post.content.split())} words)"
    if path.parent.name == "specialties":
        spec = validate(Specialty, read_yaml(path, root), name)
        return f"{name}: ok ({len(spec.topics)} topics, {len(spec.faqs)} faqs, {len(spec.video_ideas)} videos)"
    if path.parent.name == "copy":
        return f"{name}: ok ({len(validate(CopyFile, read_yaml(path, root), name).posts)} posts)"
    if path.parent.parent.name == "answers":
        return f"{name}: ok ({len(validate(CardFile, read_yaml(path, root), name).cards)} cards)"
    if path.parent.name == registry.GLOSSARY_DIR:
        glossary = registry.read_glossary(path)
        return f"{name}: ok ({len(glossary.phrases)} phrases, {len(glossary.words)} words)"
    file = registry.DATA_FILES.get(name)
    if file is None:
        raise KnowledgeError(f"{name}: not a knowledge file this command knows how to validate")
    if isinstance(file, registry.ListFile):
        return f"{name}: ok ({len(registry.read_list_file(path, file))} {file.key})"
    registry.read_data_file(path, file.model)
    return f"{name}: ok"
