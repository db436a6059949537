"""`python -m assistant.knowledge [DIR]`: validate the knowledge base and print its counts.

`python -m assistant.knowledge --file PATH` validates one file on its own (a guide, a specialty,
platforms.yaml, awareness.yaml or hashtags.yaml) without the cross-checks.

`python -m assistant.knowledge --stale DAYS [DIR]` lists every guide and data entry whose `updated` date is
more than DAYS days old, or missing, one line each: "path: id updated YYYY-MM-DD (N days)".
"""
from __future__ import annotations

import sys
from pathlib import Path

import frontmatter

from ..errors import KnowledgeError
from ..guardrails.planted import find_planted
from . import freshness, loader, models, sources_policy


def _extra_models() -> dict:
    """Data files read by the guardrails and planners, with the models that validate them."""
    from ..chat.data import ChatData, IntentData
    from ..guardrails._data import GuardrailData, PersonNames
    from ..guardrails.checker import RuleBook
    from ..planners.data import PlanningData
    from ..planners.reviews import ReplyData
    return {"intents.yaml": IntentData, "chat.yaml": ChatData, "planning.yaml": PlanningData,
            "review_replies.yaml": ReplyData,
            "compliance_rules.yaml": RuleBook, "guardrails.yaml": GuardrailData, "person_names.yaml": PersonNames}


def _validate_file(path: Path) -> str:
    root = path.parent
    while root != root.parent and not (root / "data").is_dir():
        root = root.parent
    if path.suffix == ".md":
        meta = loader._validate(models.GuideMeta, frontmatter.loads(loader._read(path, root)).metadata, path.name)
        words = len(frontmatter.loads(path.read_text()).content.split())
        return f"{path.name}: ok ({meta.id}, {words} words)"
    if path.parent.name == "specialties":
        spec = loader._validate(models.Specialty, loader._yaml(path, root), path.name)
        return f"{path.name}: ok ({len(spec.topics)} topics, {len(spec.faqs)} faqs, {len(spec.video_ideas)} videos)"
    extra = _extra_models()
    if path.name in extra:
        from ..planners.data import read_yaml_model
        read_yaml_model(path, extra[path.name])
        return f"{path.name}: ok"
    kinds = {"platforms.yaml": ("platforms", models.Platform), "awareness.yaml": ("observances", models.Observance),
             "hashtags.yaml": ("hashtags", models.Hashtag)}
    if path.name not in kinds:
        raise KnowledgeError(f"{path.name}: not a knowledge file this command knows how to validate")
    key, model = kinds[path.name]
    items = loader._list_in(path, root, key)
    for i, item in enumerate(items):
        loader._validate(model, item, f"{path.name}[{item.get('id', item.get('tag', i))}]")
    return f"{path.name}: ok ({len(items)} {key})"


def _stale(argv: list[str]) -> int:
    if not argv or not argv[0].isdigit():
        print("usage: python -m assistant.knowledge --stale DAYS [DIR]", file=sys.stderr)
        return 2
    root = Path(argv[1]) if len(argv) > 1 else _default_root()
    kb = loader.load_knowledge(root)
    for entry in freshness.stale(kb, int(argv[0])):
        print(entry.line(_today()))
    return 0


def _today():
    import datetime as dt
    return dt.date.today()


def _default_root() -> Path:
    return Path(__file__).resolve().parents[2] / "knowledge"


def main(argv: list[str]) -> int:
    try:
        if argv[:1] == ["--file"]:
            for p in argv[1:]:
                print(_validate_file(Path(p)))
            return 0
        if argv[:1] == ["--stale"]:
            return _stale(argv[1:])
        root = Path(argv[0]) if argv else _default_root()
        kb = loader.load_knowledge(root)
        for warning in sources_policy.check_sources(kb):  # refused URLs in files someone else is fixing
            print(f"warning: {warning}", file=sys.stderr)
        for name in _extra_models():  # the guardrails' and planners' own data files
            if (root / "data" / name).is_file():
                _validate_file(root / "data" / name)
    except KnowledgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    planted = [(g, p) for g in kb.guides for p in find_planted(g.body)]
    for guide, passage in planted:  # kept out of answers already (chunking, chat/turn.py); the file needs fixing
        print(f"error: guide {guide.meta.id}: a passage reads as an {passage.reason} and is kept out of "
              f"answers; remove it from the guide: {passage.text[:160]!r}", file=sys.stderr)
    if planted:
        return 1
    words = sum(g.word_count for g in kb.guides)
    topics = sum(len(s.topics) for s in kb.specialties.values())
    print(f"guides={len(kb.guides)} words={words} specialties={len(kb.specialties)} topics={topics} "
          f"observances={len(kb.observances)} hashtags={len(kb.hashtags)} platforms={len(kb.platforms)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
