"""National identifiers of the supported countries (SSN, NHS and NI numbers, codice fiscale, Steuer-ID, KVNR,
Medicare, TFN, health cards, SIN, Aadhaar, PAN).

The shapes and cue words are in knowledge/data/guardrails.yaml (`phi.national_ids`). A number right after its
cue word ("SSN 123-45-6789", "Aadhaar: 2345 6789 0124"), or a few words after it on the same line, is masked
whatever its digits: a typo in a patient's number is still that patient's number. A few words after the cue, a
number labelled as another kind ("..., ticket 046 454 287") is masked only when it passes the check. A number with
no cue is masked only when the scheme's checksum or rules accept it, so order numbers, amounts and phone numbers
are not taken for identifiers; for a scheme whose numbers are not masked bare (an NHS number), only in a message
that names the scheme somewhere ("we use the NHS no as the record ref ... ref 401 023 2137"), and never when the
scheme has no check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ._data import NationalId, guardrail_data

# How far (characters) a cue may stand before the number: "SSN is", "NHS no.:", "Medicare card number".
# The cue may end its line and the number open the next, as a card's OCR prints the label above the number
# ("Versichertennummer" then "K123456785", "MEDICARE" then "5951 12345 1"; forty-first masking set).
_CUE_GAP = r"[^\w\n]{0,4}(?:(?:is|was|number|no|nr|#|n\.|card)\b[^\w\n]{0,4}){0,3}(?:\n[ \t]*)?"
# A cue a few words before the number, on the same line ("his SIN on it (130 692 544)", "tessera sanitaria di
# <name>: 8038...", "Steuer-ID von <name> wurde kopiert: 47 ..."): a number of the scheme's shape there is the
# patient's, whatever its check digit, as right after the cue (a mistyped number is still someone's number).
_NEAR_GAP = r"[^\n]{0,60}?"

# The dihedral group D5 multiplication table and permutation table of the Verhoeff scheme (Aadhaar).
_D5 = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4]]
for _ in range(6):
    _P.append([_P[1][d] for d in _P[-1]])


def _digits(value: str) -> list[int]:
    return [int(c) for c in value if c.isdigit()]


def ssn_valid(value: str) -> bool:
    """US SSN rules: no area 000, 666 or 900-999, no group 00, no serial 0000."""
    d = "".join(str(x) for x in _digits(value))
    return len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"


def luhn_valid(value: str) -> bool:
    """The Luhn checksum (Canadian SIN, payment cards)."""
    total = 0
    for i, d in enumerate(reversed(_digits(value))):
        total += d if i % 2 == 0 else (2 * d - 9 if d > 4 else 2 * d)
    return total % 10 == 0


def verhoeff_valid(value: str) -> bool:
    """The Verhoeff checksum (Indian Aadhaar)."""
    c = 0
    for i, d in enumerate(reversed(_digits(value))):
        c = _D5[c][_P[i % 8][d]]
    return c == 0


def nhs_valid(value: str) -> bool:
    """The NHS number's modulus-11 check digit."""
    d = _digits(value)
    if len(d) != 10:
        return False
    check = 11 - sum(x * w for x, w in zip(d[:9], range(10, 1, -1), strict=True)) % 11
    return (0 if check == 11 else check) == d[9]


def steuer_id_valid(value: str) -> bool:
    """The German Steuer-ID: 11 digits, no leading zero, ISO 7064 MOD 11,10 check digit."""
    d = _digits(value)
    if len(d) != 11 or d[0] == 0:
        return False
    product = 10
    for x in d[:10]:
        total = (x + product) % 10 or 10
        product = (2 * total) % 11
    return (11 - product) % 10 == d[10]


def medicare_au_valid(value: str) -> bool:
    """The Australian Medicare number: first digit 2-6, weighted check digit in the ninth place."""
    d = _digits(value)
    return (
        len(d) in (10, 11)
        and 2 <= d[0] <= 6
        and sum(x * w for x, w in zip(d[:8], (1, 3, 7, 9, 1, 3, 7, 9), strict=True)) % 10 == d[8]
    )


def kvnr_valid(value: str) -> bool:
    """The German health insurance number (KVNR): a letter and nine digits, the last a check digit.

    The letter becomes its place in the alphabet (two digits); the ten digits before the check digit are
    weighted 1, 2, 1, 2... and the digit sums of the products added, modulo 10.
    """
    value = "".join(c for c in value if c.isalnum()).upper()
    if len(value) != 10 or not ("A" <= value[0] <= "Z") or not value[1:].isdigit():
        return False
    d = [int(c) for c in f"{ord(value[0]) - 64:02d}{value[1:9]}"]
    total = sum(sum(divmod(x * (1 + i % 2), 10)) for i, x in enumerate(d))
    return total % 10 == int(value[9])


def pan_valid(value: str) -> bool:
    """The Indian PAN: its fourth letter is one of the holder types (P person, C company, H family...)."""
    return len(value) == 10 and value[3].upper() in "ABCFGHJLPT"


def nino_valid(value: str) -> bool:
    """The UK National Insurance number: prefixes that are never issued (BG, GB, KN, NK, NT, TN, ZZ) fail."""
    letters = "".join(c for c in value if c.isalpha()).upper()
    return len(letters) == 3 and letters[:2] not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ")


def tfn_valid(value: str) -> bool:
    """The Australian tax file number: nine digits weighted 1, 4, 3, 7, 5, 8, 6, 9, 10, modulo 11."""
    d = _digits(value)
    return len(d) == 9 and sum(x * w for x, w in zip(d, (1, 4, 3, 7, 5, 8, 6, 9, 10), strict=True)) % 11 == 0


CHECKS: dict[str, Callable[[str], bool]] = {
    "none": lambda value: True,
    "ssn": ssn_valid,
    "luhn": luhn_valid,
    "verhoeff": verhoeff_valid,
    "nhs": nhs_valid,
    "steuer_id": steuer_id_valid,
    "medicare_au": medicare_au_valid,
    "kvnr": kvnr_valid,
    "pan": pan_valid,
    "nino": nino_valid,
    "tfn": tfn_valid,
}


def _labelled(text: str, start: int) -> bool:
    """Whether the words right before `start` label the number there as another kind ("ticket", "order no.")."""
    return bool(_other_label().search(text, max(0, start - 30), start))


@lru_cache(maxsize=1)
def _other_label() -> re.Pattern[str]:
    labels = "|".join(f"(?:{w})" for w in guardrail_data().phi.other_number_labels) or r"(?!)"
    return re.compile(rf"(?<![\w-])(?:{labels})s?{_CUE_GAP}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[NationalId, re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]], ...]:
    out = []
    for scheme in guardrail_data().phi.national_ids:
        cues = "|".join(f"(?:{c})" for c in scheme.cues)
        cued = re.compile(rf"(?<![\w-])(?:{cues}){_CUE_GAP}(?P<v>{scheme.shape})(?![\w-])", re.IGNORECASE)
        bare = re.compile(rf"(?<![\w+/.-])(?P<v>{scheme.shape})(?![\w/-]|\.\d)")
        near = re.compile(
            rf"(?<![\w-])(?:{cues})(?!\w){_NEAR_GAP}(?<![\w+/.-])(?P<v>{scheme.shape})(?![\w/-]|\.\d)", re.IGNORECASE
        )
        named = re.compile(rf"(?<![\w-])(?:{cues})(?!\w)", re.IGNORECASE)
        out.append((scheme, cued, bare, near, named))
    return tuple(out)


def find_national_ids(text: str) -> list[tuple[int, int]]:
    """(start, end) of each national identifier in `text`: right after a cue word or a few words after one on the
    same line; bare, when it passes its scheme's check."""
    found: set[tuple[int, int]] = set()
    for scheme, cued, bare, near, named in _compiled():
        check = CHECKS[scheme.check]
        found.update(m.span("v") for m in cued.finditer(text))
        found.update(
            m.span("v") for m in near.finditer(text) if check(m.group("v")) or not _labelled(text, m.start("v"))
        )
        if scheme.bare or (scheme.check != "none" and named.search(text)):
            found.update(m.span("v") for m in bare.finditer(text) if check(m.group("v")))
    accounts = [m.span() for m in _bank_account().finditer(text)]
    return sorted(
        s for s in found if not any(a <= s[0] and s[1] <= b for a, b in accounts) and not _firms_pan(text[s[0] : s[1]])
    )


_PAN = re.compile(r"[A-Z]{5}\d{4}[A-Z]")
_PERSONS_PAN = "PH"  # a PAN's fourth letter: P a person, H a family; C, F, T... a company, a firm, a trust


def _firms_pan(value: str) -> bool:
    """An Indian PAN whose holder is a company, a firm or a trust ("PAN AAKFS4412M" on a clinic's quotation;
    forty-second masking set): the business's own tax number, never a patient's, whatever cue stands before it."""
    return _PAN.fullmatch(value) is not None and value[3] not in _PERSONS_PAN


@lru_cache(maxsize=1)
def _bank_account() -> re.Pattern[str]:
    """An IBAN (guardrails.yaml phi.bank_account): the numbers inside it are the account's, not a person's ID."""
    return re.compile(guardrail_data().phi.bank_account)
