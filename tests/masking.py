"""What the masker finds in a message, for the masking tests."""

from __future__ import annotations

from assistant.guardrails.phi import detect_phi
from assistant.profile import ClinicProfile


def masked(text: str, kind: str | None = None, clinic: ClinicProfile | None = None) -> list[str]:
    """The texts of the spans masked in `text`, of one kind when `kind` is given."""
    return [s.text for s in detect_phi(text, clinic=clinic) if kind is None or s.kind == kind]
