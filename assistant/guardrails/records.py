"""Record numbers after their label: medical record, chart, patient, case and file numbers.

"Chart #BD-20417", "MRN 0048213", "patient ref HLP-00731", "La cartella n. 2023/0457", "Patientennummer 118904":
a clinic's own numbering has no fixed shape, so the label decides. Whatever follows it is masked when it holds
enough digits, except a year or a range of years ("files 2019-2024"). After a label that is also an everyday
word ("record 1500 steps") the number must look like a code. A code with the unmistakable shape of a record
number ("BD-20417") is masked without a label, unless its letters name a standard ("ISO-27001"). Labels and
shapes are in knowledge/data/patient_data.yaml (`records`).

With no label at all ("4471923 needs a recall"), a plain run of digits is a record number when the message is about
a patient and nothing makes the number an amount ("over 12000", "15000 followers"); phone numbers and dates are
found by their own shapes before (phi.py adds these numbers only where nothing else was found).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import patient_data

# A year or a span of years is not a record number ("case 2024", "records 2019-2024").
_YEARS = re.compile(r"(?:19|20)\d{2}(?:\s*[-/–]\s*(?:19|20)?\d{2})?")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    terms = patient_data().records
    strong = "|".join(f"(?:{c})" for c in terms.cues)
    weak = "|".join(f"(?:{c})" for c in terms.weak_cues) or r"(?!x)x"
    gap_word = "|".join(re.escape(w) for w in sorted(terms.gap_words, key=len, reverse=True))
    gap = rf"[^\w\n]{{0,3}}(?:(?:{gap_word})(?!\w)\.?[^\w\n]{{0,3}}){{0,2}}"
    return re.compile(
        rf"(?<![\w-])(?:(?P<strong>{strong})|(?P<weak>{weak})){gap}(?P<v>{terms.value})(?![\w%])", re.IGNORECASE
    )


def find_record_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each record number that follows a record label in `text`."""
    terms = patient_data().records
    found, purchases = [], []
    for match in _pattern().finditer(text):
        value = match.group("v")
        digits = sum(c.isdigit() for c in value)
        if digits < terms.min_digits or len(value) <= terms.min_digits or _YEARS.fullmatch(value):
            continue
        if _from_a_supplier(text, match):
            purchases.append(match.span("v"))
            continue
        if match.group("weak") and value.isdigit() and digits < terms.weak_min_digits:
            continue
        start = match.start("v")
        # The "#" written against the number is part of it ("chart #004417").
        found.append((start - 1 if text[start - 1 : start] == "#" else start, match.end("v")))
    bare, not_prefixes = _bare_pattern()
    for match in bare.finditer(text) if bare else ():
        prefix, _, digits = match.group().partition("-")
        if prefix not in not_prefixes and not _YEARS.fullmatch(digits) and match.span() not in purchases:
            found.append(match.span())
    return [span for span in found if not _after_other_label(text, span[0])]


_LABEL_REACH = 40  # characters before a number in which another kind of number's label ends


@lru_cache(maxsize=1)
def _other_label() -> re.Pattern[str] | None:
    labels = patient_data().records.not_record_labels
    if labels is None:
        return None
    return re.compile(
        rf"(?<!\w)(?:{labels})[^\w\n]{{0,3}}(?:(?:no|nr|n|number|nummer)\.?[^\w\n]{{0,3}})?$", re.IGNORECASE
    )


def _after_other_label(text: str, start: int) -> bool:
    """Whether the number at `start` follows a ticket's or a job card's label ("ticket CX-88412"): not a record's."""
    label = _other_label()
    if label is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return label.search(text, max(line_start, start - _LABEL_REACH), start) is not None


@lru_cache(maxsize=1)
def _supplier_patterns() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    terms = patient_data().records
    if not terms.supplier_cues or terms.supplier_after is None:
        return None
    cues = "|".join(f"(?:{c})" for c in terms.supplier_cues)
    return re.compile(rf"(?:{cues})", re.IGNORECASE), re.compile(terms.supplier_after, re.IGNORECASE)


def _from_a_supplier(text: str, match: re.Match[str]) -> bool:
    """Whether the labelled number in `match` is an invoice or an order the clinic received: its supplier or its
    delivery follows it ("invoice INV-2291 from <company>", "order #112-4459 (the toys) arrived crushed"), or its
    supplier's company stands right before the label."""
    patterns = _supplier_patterns()
    if patterns is None:
        return False
    cue, after = patterns
    label = match.group("strong") or match.group("weak") or ""
    if cue.search(label) is None:
        return False
    return after.match(text, match.end("v")) is not None or _supplier_before(text, match.start())


_PURCHASE_LABEL = re.compile(r"(?i:po|inv)[ -]?(?=\d)")  # a purchase order's or invoice's letters on its number
_THANKS_REACH = 200  # characters before a number in which a thanks for a delivery and the order's label stand


@lru_cache(maxsize=1)
def _supplier_thanks() -> re.Pattern[str] | None:
    thanks = patient_data().records.supplier_thanks
    return re.compile(thanks, re.IGNORECASE) if thanks else None


def thanked_for(text: str, start: int) -> bool:
    """Whether the number at `start` is an order or an invoice the clinic thanks its supplier for ("thank-you note to
    <firm> for order PO-55821", "... for the fast delivery of order #HS-77182"): a purchase, no patient's record.
    The number's own letters ("PO-", "INV ") count as its label."""
    thanks = _supplier_thanks()
    if thanks is None:
        return False
    if (m := _PURCHASE_LABEL.match(text, start)) is not None:
        window = text[max(0, start - _THANKS_REACH) : start] + m.group().rstrip(" -")
        return thanks.search(window) is not None
    return thanks.search(text, max(0, start - _THANKS_REACH), start) is not None


def _supplier_before(text: str, start: int) -> bool:
    """Whether the supplier's company stands right before an invoice's label on its line ("<firm> Associates, Invoice
    No. ..."; patient_data.yaml records.supplier_before)."""
    before = patient_data().records.supplier_before
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return before is not None and re.search(before, line, re.IGNORECASE) is not None


@lru_cache(maxsize=1)
def _bare_pattern() -> tuple[re.Pattern[str] | None, frozenset[str]]:
    terms = patient_data().records
    if not terms.bare_code:
        return None, frozenset()
    return re.compile(rf"(?<![\w/.-])(?:{terms.bare_code})(?![\w-])"), frozenset(terms.bare_code_not_prefixes)


# A plain number: digits alone, after "#" at most; not inside a longer code, a decimal, a date or a phone number.
_PLAIN = re.compile(r"(?<![\w.,/:+\-–#])#?(\d+)(?![\w%]|[.,/:\-–]\d)")
# A date written as digits only (20250314, 14032025): never a record number.
_DIGIT_DATE = re.compile(
    r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}"
)


@lru_cache(maxsize=1)
def _unlabelled_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    terms = patient_data().records
    context = "|".join(f"(?:{c})" for c in terms.patient_context) or "(?!)"
    before = "|".join(f"(?:{c})" for c in terms.quantity_before) or "(?!)"
    after = "|".join(f"(?:{c})" for c in terms.quantity_after) or "(?!)"
    return (
        re.compile(rf"(?<!\w)(?:{context})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?:^|(?<=\W))(?:{before})[ ]?$", re.IGNORECASE),
        re.compile(rf"[ ]?(?:{after})(?!\w)", re.IGNORECASE),
    )


def find_unlabelled_numbers(text: str, about_a_patient: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each plain run of digits with no label that reads as a record number: the message is about a
    patient (`about_a_patient`, when a name was found in it, or a cue word such as "patient" or "recall") and the
    number has the length of a record number and is not an amount or a date ("4471923 needs a recall")."""
    terms = patient_data().records
    context, before, after = _unlabelled_patterns()
    if not about_a_patient and context.search(text) is None:
        return []
    found = []
    amount_end = -1  # where the last number read as an amount or a fee item ends
    for match in _PLAIN.finditer(text):
        digits = match.group(1)
        if not terms.unlabelled_min_digits <= len(digits) <= terms.unlabelled_max_digits:
            continue
        if _DIGIT_DATE.fullmatch(digits) or _YEARS.fullmatch(digits):
            continue
        if (
            before.search(text, max(0, match.start() - _LABEL_REACH), match.start())
            or after.match(text, match.end())
            or (amount_end >= 0 and _LIST_GAP.fullmatch(text, amount_end, match.start()))
        ):
            amount_end = match.end()
            continue
        found.append(match.span(1))
    return found


_LABEL_REACH = 20  # characters before a number in which the word that makes it an amount or a fee item is read
# Between two numbers of one list ("item numbers: 31356, 30071"): the second is of the first's kind.
_LIST_GAP = re.compile(r"[ ]*(?:(?:,|;|/|&|and|und|e|et)[ ]*)?")
