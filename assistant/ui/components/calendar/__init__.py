"""FullCalendar (its MIT packages only) as a Streamlit component: events and options in; the clicked or moved
event back, in streamlit-calendar's payload shape ({"callback": "eventClick", "eventClick": {"event": ...}}).

The frontend is built once with npm (frontend/README.md) and committed in build/, so running the app or CI
needs no npm and nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import streamlit.components.v1 as components

from ....errors import ConfigError

BUILD = Path(__file__).parent / "build"
CALLBACKS = frozenset({"eventClick", "eventChange"})


@cache
def _declared() -> Any:
    """The component, declared once (on first use, inside a script run, so Streamlit registers it)."""
    if not (BUILD / "index.html").is_file() or not (BUILD / "calendar.js").is_file():
        raise ConfigError(
            f"the calendar's frontend build is missing from {BUILD}; "
            "rebuild it with `npm ci && npm run build` in its frontend folder"
        )
    return components.declare_component("plan_calendar", path=str(BUILD))


def calendar(
    events: Sequence[dict[str, Any]],
    options: dict[str, Any],
    custom_css: str = "",
    callbacks: Sequence[str] = ("eventClick", "eventChange"),
    key: str | None = None,
) -> dict[str, Any]:
    """Draw a FullCalendar month/week/list calendar; return the last click or move ({} before any)."""
    unknown = set(callbacks) - CALLBACKS
    if unknown:
        raise ValueError(f"unknown calendar callbacks {sorted(unknown)}; use {sorted(CALLBACKS)}")
    value = _declared()(
        events=list(events), options=options, custom_css=custom_css, callbacks=list(callbacks), key=key, default={}
    )
    return value if isinstance(value, dict) else {}
