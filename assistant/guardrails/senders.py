"""A supplier's e-mail pasted to be read or answered: its sender and the sales people who sign it are the clinic's
business contacts, not patients.

Only when the message says it is a supplier's ("What does this supplier email mean?", "Lieferantenmail", "mail del
fornitore"; person_names.yaml name_context.supplier_cue): then the name and address on its "From:" line, and a
name signed with a sales or account role ("<name>, Key Account Manager"), stay readable, and so do their other
mentions. A patient's e-mail keeps its sender masked, whatever role they sign with.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import guardrail_data, patient_data, person_names
from .spans import PhiSpan

# The sender's line of a pasted e-mail: "From: <name> <address>", in the clinics' languages.
_FROM_LINE = re.compile(
    r"(?im)^[ \t]*(?:from|von|da|de|absender|mittente)[ \t]*:[ \t]*([^<>\n]{0,80}?)[ \t]*<([^<>\s]{3,120})>"
)
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a supplier's e-mail named as such, a sales or account role after a signed name)."""
    context = person_names().name_context
    cue = context.supplier_cue if context is not None and context.supplier_cue else "(?!)"
    role = context.sales_roles if context is not None and context.sales_roles else "(?!)"
    return re.compile(cue, re.IGNORECASE), re.compile(rf"(?:,[ \t]*|[ \t]*\n[ \t]*)(?:{role})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _purchase_label() -> re.Pattern[str]:
    """An order's, an invoice's or the clinic's account's label, then up to 30 characters of the same line."""
    cues = "|".join(f"(?:{c})" for c in patient_data().records.supplier_cues) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{cues})(?!\w)[^\n]{{0,30}}$", re.IGNORECASE)


def _purchase(text: str, span: PhiSpan) -> bool:
    """Whether a number in a supplier's e-mail is the clinic's order, invoice or account with them ("Your order
    <code>", "Acct #<number>"): no patient's number."""
    label = _purchase_label().search(text, max(0, span.start - 60), span.start)
    return label is not None and _patient_word().search(label.group()) is None


@lru_cache(maxsize=1)
def _patient_word() -> re.Pattern[str]:
    """A word for a patient ("the order for patient <number>"): the number is the patient's."""
    return re.compile(rf"\b(?:{guardrail_data().phi.patient_words}|mrn|chart)\b", re.IGNORECASE)


def without_supplier_senders(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the sender of a supplier's e-mail, the sales people who sign it and their other mentions, and the
    numbers of the clinic's orders and account with the supplier."""
    cue, role_after = _cues()
    if not cue.search(text):
        return spans
    senders = [(m.span(1), m.span(2)) for m in _FROM_LINE.finditer(text)]
    contacts = [
        s
        for s in spans
        if (
            s.kind == "NAME"
            and (any(a <= s.start and s.end <= b for (a, b), _ in senders) or role_after.match(text, s.end))
        )
        or (s.kind == "EMAIL" and any(a <= s.start and s.end <= b for _, (a, b) in senders))
    ]
    contacts += [s for s in spans if s.kind == "RECORD_NUMBER" and _purchase(text, s)]
    words = {w for s in contacts if s.kind == "NAME" for w in _NAME_WORD.findall(s.text)}
    again = [s for s in spans if s.kind == "NAME" and words and set(_NAME_WORD.findall(s.text)) <= words]
    return [s for s in spans if s not in contacts and s not in again]
