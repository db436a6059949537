"""The plan calendar's own Streamlit component (assistant/ui/components/calendar): its committed build holds
FullCalendar's free MIT code only, so no licence notice can appear, and it loads nothing from the network."""

from __future__ import annotations

import json
import re

import pytest

from assistant.errors import ConfigError
from assistant.ui.components import calendar as component

FRONTEND = component.BUILD.parent / "frontend"
FREE_PACKAGES = {"core", "daygrid", "timegrid", "list", "interaction"}
# Strings only FullCalendar's premium plugins (Scheduler, timeline, resources, adaptive) put in a bundle.
PREMIUM_MARKERS = (
    "license key",
    "schedulerLicenseKey",
    "fc-license-message",
    "premium-common",
    "resourceTimeline",
    "resourceTimeGrid",
    "resourceDayGrid",
    "resourceAreaWidth",
    "timelineMonth",
    "fc-timeline",
)


def test_the_built_bundle_has_the_free_views_and_no_premium_plugin_code():
    bundle = (component.BUILD / "calendar.js").read_text(encoding="utf-8")
    for view in ("dayGridMonth", "timeGridWeek", "listMonth"):  # the real FullCalendar build, not a stub
        assert view in bundle
    found = [marker for marker in PREMIUM_MARKERS if marker.lower() in bundle.lower()]
    assert not found, f"the calendar bundle holds premium FullCalendar code ({found}): rebuild without it"


def test_the_component_page_loads_only_its_own_files():
    page = (component.BUILD / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script[^>]+src="calendar\.js"', page)
    assert not re.search(r"(src|href)=\"(https?:)?//", page)  # offline: nothing from a CDN


def test_the_frontend_pins_exact_versions_of_fullcalendars_mit_packages_only():
    manifest = json.loads((FRONTEND / "package.json").read_text(encoding="utf-8"))
    pins = {**manifest["dependencies"], **manifest["devDependencies"]}
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in pins.values()), pins
    fullcalendar = {name.split("/")[1] for name in manifest["dependencies"] if name.startswith("@fullcalendar/")}
    assert fullcalendar == FREE_PACKAGES
    lock = json.loads((FRONTEND / "package-lock.json").read_text(encoding="utf-8"))
    locked = {path.split("node_modules/")[-1]: info for path, info in lock["packages"].items() if path}
    in_lock = {name.split("/")[1] for name in locked if name.startswith("@fullcalendar/")}
    assert in_lock == FREE_PACKAGES
    assert all(locked[f"@fullcalendar/{name}"]["license"] == "MIT" for name in FREE_PACKAGES)


def test_the_build_names_the_licence_of_everything_it_bundles():
    notices = (component.BUILD / "THIRD-PARTY-LICENSES.txt").read_text(encoding="utf-8")
    for name in FREE_PACKAGES:
        assert re.search(rf"^@fullcalendar/{name} \S+ \(MIT\)$", notices, re.MULTILINE)
    assert re.search(r"^streamlit-component-lib \S+ \(Apache-2\.0\)$", notices, re.MULTILINE)


def test_an_unknown_callback_is_refused_with_the_ones_there_are():
    with pytest.raises(ValueError, match="eventClick"):
        component.calendar([], {}, callbacks=["dateClick"])


def test_a_missing_build_says_how_to_rebuild_it(tmp_path, monkeypatch):
    monkeypatch.setattr(component, "BUILD", tmp_path)
    component._declared.cache_clear()
    try:
        with pytest.raises(ConfigError, match="npm ci && npm run build"):
            component.calendar([], {})
    finally:
        component._declared.cache_clear()
