"""Import layering: every import goes down the layers, and only the pages (assistant/ui/) import streamlit.

Imports are read with `ast` (lazy imports inside functions included), so an upward arrow fails here before it
becomes an import cycle or a validator that needs the whole app.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "assistant"
# Lowest first. A unit (a top-level module or subpackage of `assistant`) may import its own layer or lower ones.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "errors",
        "config",
        "inputs",
        "providers",
        "storage",
        "embeddings",
        "query_encoder",
        "auth",
        "bm25",
        "question_split",
    ),  # foundations: no domain knowledge
    ("knowledge",),  # the knowledge base: every data file, its schema and its loader
    ("profile",),  # the clinic
    ("guardrails",),  # masking, scope, injection, planted passages and the content checker
    ("chunking", "index", "retrieval", "matching", "card_calibration"),  # search over the guides and the cards
    ("planners",),  # calendars, captions, hashtags, videos, review replies
    ("chat", "exports", "plan_rows"),  # the answer engine; plan files
    ("services", "webapp"),  # where the heavy objects are built and shared; what the pages need, without Streamlit
    ("cli", "__main__"),  # `python -m assistant ...`
    ("ui",),  # Streamlit pages
)
LEVEL = {unit: level for level, units in enumerate(LAYERS) for unit in units}


def _module_parts(path: Path, root: Path) -> list[str]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Absolute names of the modules a file imports (relative imports resolved against its package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = list(path.relative_to(root).with_suffix("").parts)[:-1]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                if node.module:
                    names.add(".".join([*base, node.module]))
                else:
                    names.update(".".join([*base, alias.name]) for alias in node.names)
            elif node.module:
                names.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in (
                "import_module",
                "__import__",
            )
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(str(node.args[0].value))
    return names


def _unit(module: str) -> str | None:
    """The layer unit of an `assistant...` module name ("assistant.chat.engine" -> "chat"); None outside."""
    parts = module.split(".")
    if parts[0] != "assistant":
        return None
    return parts[1] if len(parts) > 1 else "assistant"


def _upward_imports(paths: list[Path], root: Path = ROOT) -> list[str]:
    offenders = []
    for path in paths:
        here = _unit(".".join(_module_parts(path, root)))
        for name in sorted(_imported_modules(path, root)):
            there = _unit(name)
            if there is None or there == here or there == "assistant" or here == "assistant":
                continue  # outside the package, the same unit, or the package's own __init__ (environment only)
            if LEVEL[there] > LEVEL[here]:
                offenders.append(f"{path.relative_to(root)} ({here}) imports {name} ({there})")
    return offenders


def test_every_unit_of_the_package_has_a_layer():
    units = {p.stem for p in PACKAGE.glob("*.py")} | {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    missing = units - {"__init__"} - set(LEVEL)
    assert not missing, f"add these to LAYERS in tests/test_layers.py: {sorted(missing)}"


def test_imports_only_go_down_the_layers():
    offenders = _upward_imports(sorted(PACKAGE.rglob("*.py")))
    assert not offenders, "upward imports (move the code down, or pass it in):\n" + "\n".join(offenders)


def test_the_layer_check_would_catch_an_upward_import(tmp_path):
    fake = tmp_path / "assistant" / "knowledge"
    fake.mkdir(parents=True)
    sample = fake / "validator.py"
    sample.write_text("def f():\n    from ..chat.data import chat_data\n    import assistant.ui.render\n")
    found = _upward_imports([sample], tmp_path)
    assert len(found) == 2 and "assistant.chat.data (chat)" in found[0] and "assistant.ui.render (ui)" in found[1]


def test_core_and_services_never_import_streamlit():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if (PACKAGE / "ui") in path.parents:
            continue
        bad = {n for n in _imported_modules(path) if n == "streamlit" or n.startswith("streamlit.")}
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert not offenders, "streamlit imported outside assistant/ui/: " + "; ".join(offenders)


def test_the_layer_check_would_catch_a_streamlit_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    import streamlit as st\n    from streamlit.runtime import x\n")
    assert {"streamlit", "streamlit.runtime"} <= _imported_modules(sample, tmp_path)
