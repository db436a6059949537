"""Import layering: core and services never import streamlit (only assistant/ui/ may)."""
from __future__ import annotations

import ast

from tests.conftest import ROOT


def _imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            names.add(str(node.args[0].value))
    return names


def test_core_and_services_never_import_streamlit():
    package = ROOT / "assistant"
    offenders = []
    for path in sorted(package.rglob("*.py")):
        if (package / "ui") in path.parents:
            continue
        bad = {n for n in _imported_modules(path) if n == "streamlit" or n.startswith("streamlit.")}
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert not offenders, "streamlit imported outside assistant/ui/: " + "; ".join(offenders)


def test_the_layer_check_would_catch_a_streamlit_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    import streamlit as st\n    from streamlit.runtime import x\n")
    assert {"streamlit", "streamlit.runtime"} <= _imported_modules(sample)
