"""Guardrails used by chat and planners: patient-data masking, the content checker, scope and injection.

Importing this package is cheap: Presidio (which pulls in spaCy and torch) loads on the first
detect_phi/mask_phi call, and each data file is read and compiled once on first use.
"""

from .checker import KINDS, Finding, check_text, load_rules
from .injection import leaks_canary, looks_like_injection, make_canary, redact_canary, sanitize_output
from .phi import LABELS, MaskResult, PhiSpan, detect_phi, mask_phi
from .scope import classify_scope, emergency_message

__all__ = [
    "KINDS",
    "LABELS",
    "Finding",
    "MaskResult",
    "PhiSpan",
    "check_text",
    "classify_scope",
    "detect_phi",
    "emergency_message",
    "leaks_canary",
    "load_rules",
    "looks_like_injection",
    "make_canary",
    "mask_phi",
    "redact_canary",
    "sanitize_output",
]
