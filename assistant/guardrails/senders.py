"""A supplier's e-mail pasted to be read or answered: its sender and the sales people who sign it are the clinic's
business contacts, not patients.

Only when the message says it is a supplier's ("What does this supplier email mean?", "Lieferantenmail", "mail del
fornitore"; person_names.yaml name_context.supplier_cue): then the name and address on its "From:" line, and a
name signed with a sales or account role ("<name>, Key Account Manager"), stay readable, and so do their other
mentions. A patient's e-mail keeps its sender masked, whatever role they sign with.

An invoice pasted with no word for a patient in the message is a supplier's too (name_context.invoice_cue,
not_a_purchase): then a name after a sales role's label ("Sales Rep: <name>", "Ansprechpartner Außendienst: Herr
<name>"), a line's label read as a name ("Kunde:", "Cliente:"), the firm named on the invoice's heading line and a
product on a priced line ("Kinesio <word> <word> x12 .... £95.40") stay readable.

In any message, a name right before "from" and a firm ("Thank <given> from <maker> for the samples", "sono <given> di
<maker>", "hier ist <name> von <firm> GmbH") is that firm's representative, not a patient: the firm is a listed maker
or named thing, or ends in a word for a business (name_context.firm_last_word). A patient word right before the name
keeps it masked ("my patient <given> from <maker>").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import guardrail_data, patient_data, person_names
from .names import fold
from .spans import PhiSpan, without_people

# The sender's line of a pasted e-mail: "From: <name> <address>", in the clinics' languages.
_FROM_LINE = re.compile(
    r"(?im)^[ \t]*(?:from|von|da|de|absender|mittente)[ \t]*:[ \t]*([^<>\n]{0,80}?)[ \t]*<([^<>\s]{3,120})>"
)
_REACH = 120  # characters of a line read before a name, at a heading's start and at a priced line's end
# A priced line of an invoice: a quantity ("x12") and, at the line's end, an amount with a currency.
_PRICED_LINE = re.compile(r"\bx ?\d{1,5}\b[^\n]{0,80}?(?:[$£€₹][ ]?[\d.,]+|[\d.,]+[ ]?(?:€|EUR|USD|GBP))[ \t]*$")
# Courtesy titles before a sales contact's name ("Herr <name>", "Sig. <name>").
_TITLES = "mrs?|ms|miss|mx|herrn?|frau|sig(?:\\.ra|nor[ae]?)?|dott(?:\\.ssa)?|mme|m|dr"


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a supplier's e-mail named as such, a sales or account role after a signed name)."""
    context = person_names().name_context
    cue = context.supplier_cue if context is not None and context.supplier_cue else "(?!)"
    role = context.sales_roles if context is not None and context.sales_roles else "(?!)"
    return re.compile(cue, re.IGNORECASE), re.compile(rf"(?:,[ \t]*|[ \t]*\n[ \t]*)(?:{role})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _invoice_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(an invoice named, a word for a patient or their birth that makes it a patient's, a sales role's label before a
    name on its line)."""
    context = person_names().name_context
    invoice = context.invoice_cue if context is not None and context.invoice_cue else "(?!)"
    patient = context.not_a_purchase if context is not None and context.not_a_purchase else "(?!)"
    role = context.sales_roles if context is not None and context.sales_roles else "(?!)"
    label = rf"(?:{role})[ \t]*:[ \t]*(?:(?:{_TITLES})\.?[ \t]+)?$"
    return re.compile(invoice, re.IGNORECASE), re.compile(patient, re.IGNORECASE), re.compile(label, re.IGNORECASE)


def _a_supplier(text: str) -> bool:
    """Whether the message is a supplier's e-mail or invoice: said so, or an invoice with no patient in it."""
    cue, _ = _cues()
    invoice, patient, _ = _invoice_cues()
    return bool(cue.search(text)) or (bool(invoice.search(text)) and patient.search(text) is None)


def _line(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the line that holds `at`."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _business_name(text: str, span: PhiSpan) -> bool:
    """Whether a name in a supplier's invoice is its sales contact ("Sales Rep: <name>"), a line's label ("Kunde:"),
    the firm on the invoice's heading line or a product on a priced line."""
    invoice, _, role_label = _invoice_cues()
    start, end = _line(text, span.start)
    before = text[max(start, span.start - _REACH) : span.start]
    return (
        role_label.search(before) is not None
        or (span.start == start and text[span.end : span.end + 4].lstrip().startswith(":"))
        or invoice.search(text, start, min(end, start + _REACH)) is not None
        or _PRICED_LINE.search(text, max(span.end, end - _REACH), end) is not None
    )


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


# "from" and a firm after a name, in the clinics' languages; a particle the name was read over may open it ("<given>
# di <firm>" read as one name). The firm is up to four capitalised words.
_FROM_FIRM = re.compile(
    r"[ ]+(?:from|of|at|with|di|von|vom|de|du|da|della|del)[ ]+(?:the[ ]+)?"
    r"(?P<firm>[A-Z][\w'’&.-]*(?:[ ](?:[A-Z][\w'’&.-]*|&))*)"
)
_FIRM_WORDS = 3  # the most words of a firm's listed name


@lru_cache(maxsize=1)
def _firms() -> tuple[frozenset[tuple[str, ...]], re.Pattern[str]]:
    """(the listed makers' and named things' words, folded; a business's word that ends a firm's name)."""
    data = person_names()
    listed = frozenset(tuple(fold(w) for w in re.findall(r"[^\W\d_]+", m)) for m in (*data.makers, *data.named_things))
    last = data.name_context.firm_last_word if data.name_context is not None else None
    return listed, re.compile(rf"(?:{last or '(?!)'})$")


def _a_firm(firm: str) -> bool:
    """Whether capitalised words after "from" name a firm: they start with a listed maker or named thing, or end in
    a business's word."""
    listed, last = _firms()
    words = tuple(fold(w) for w in re.findall(r"[^\W\d_]+", firm))
    if any(words[:n] in listed for n in range(1, _FIRM_WORDS + 1)):
        return True
    return any(last.search(firm[: m.end()]) for m in re.finditer(r"[\w.]+", firm))


def _firms_representative(text: str, span: PhiSpan) -> bool:
    """Whether a name is a firm's representative: "from" and a firm right after it, or inside it after its first
    word ("<given> di <maker>" read as one name), and no patient word right before it."""
    if span.kind != "NAME" or _patient_word().search(text, max(0, span.start - 25), span.start):
        return False
    after = _FROM_FIRM.match(text, span.end)
    inside = _FROM_FIRM.search(span.text)
    return (after is not None and _a_firm(after.group("firm"))) or (
        inside is not None and _a_firm(inside.group("firm"))
    )


def without_supplier_senders(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` less the sender of a supplier's e-mail, the sales people who sign it and their other mentions, and the
    numbers of the clinic's orders and account with the supplier; in any message, less a firm's representative named
    with the firm ("<given> from <maker>") and their other mentions."""
    _, role_after = _cues()
    representatives = [s for s in spans if _firms_representative(text, s)]
    if representatives:
        spans = without_people(spans, representatives)
    if not _a_supplier(text):
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
    contacts += [s for s in spans if s.kind == "NAME" and _business_name(text, s)]
    # The number of an invoice or an order with a phone's shape too ("Rechnung Nr. 9021774 - 27.10.2026").
    contacts += [s for s in spans if s.kind in ("RECORD_NUMBER", "PHONE") and _purchase(text, s)]
    # A date after a field's label read as a name ("Lieferdatum: <date>") was taken for that person's birth date.
    labels = {_line(text, s.start)[0] for s in contacts if s.kind == "NAME" and _line(text, s.start)[0] == s.start}
    contacts += [s for s in spans if s.kind == "DATE_OF_BIRTH" and _line(text, s.start)[0] in labels]
    return without_people(spans, contacts)
