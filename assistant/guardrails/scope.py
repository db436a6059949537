"""Is a question in scope? The assistant helps with communication; it does not diagnose or prescribe.

A question asking for an individual diagnosis or dose is answered with how to handle such questions
publicly (R22); an emergency gets the emergency-services line first. A question about how to answer
patients who ask such things is ordinary communication and stays in scope.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from ..knowledge.schemas.guardrails import EmergencyNumber
from ._data import any_of, guardrail_data
from .checker import expand, load_rules
from .injection import INVISIBLE

Scope = Literal["ok", "individual_medical", "emergency"]
_GENERIC = (
    "If this is an emergency, call your local emergency number now "
    "(911 in the US and Canada, 999 in the UK, 112 anywhere in the EU)."
)
# The person an emergency is about: the last of these words before (or in) the emergency words.
_PERSON = re.compile(
    r"\b(?:i|i'm|im|me|my|myself|he|she|they|him|her|them|his|their|himself|herself|themselves|"
    r"someone|somebody|follower|patient|person|commenter|user|child|son|daughter)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = {"i", "i'm", "im", "me", "my", "myself"}
_NOT_ADVICE = "This assistant helps with communication and cannot give medical advice."


def classify_scope(question: str) -> Scope:
    """ "emergency", "individual_medical" or "ok" for a user's question."""
    text = _flatten(question or "")
    if not text:
        return "ok"
    emergency, individual, communication = _patterns()
    about_communication = communication.search(text) is not None
    danger = emergency.search(text)
    # Someone speaking of their own emergency gets the emergency line even inside a communication question.
    if danger and (not about_communication or _speaks_of_self(text, danger)):
        return "emergency"
    if about_communication:
        return "ok"
    return "individual_medical" if individual.search(text) else "ok"


def _speaks_of_self(text: str, danger: re.Match[str]) -> bool:
    people = _PERSON.findall(text[max(0, danger.start() - 60) : danger.end()])
    return bool(people) and people[-1].lower() in _FIRST_PERSON


def emergency_entry(country: str | None) -> EmergencyNumber | None:
    """The emergency and crisis numbers for a country (ISO code; an EU member without its own entry gets the EU's),
    or None when the country is not known."""
    terms = guardrail_data().emergency
    code = (country or "").strip().upper()
    code = "GB" if code == "UK" else code
    return terms.numbers.get(code) or (terms.numbers.get("EU") if code in terms.eu_members else None)


# The emergency numbers that guides, cards and copy list for a reader anywhere, in any order: "call 999, 911 or 112",
# "Call 999 / 112 / 911", "[999/911/112/000]", "911 in the US, 112 in the EU, 999 in the UK".
_NUMBER = r"(?:999|911|112|000)"
_PLACED = r"(?:911 in the US(?: and Canada)?|112 (?:anywhere )?in the EU|999 in the UK)"
_LISTED = re.compile(
    rf"\b(?:{_NUMBER}(?:(?:, | ?/ ?){_NUMBER})*(?:,? or | ?/ ?){_NUMBER}|{_PLACED}(?:(?:, |,? or ){_PLACED})+)\b"
)

_BRACKETED = re.compile(rf"\[\s*(?:{_LISTED.pattern})\s*\]")


def with_local_number(text: str, country: str | None) -> str:
    """The text with the emergency number of the asker's country where it lists several for a reader anywhere ("call
    999, 911 or 112" and "911 in the US, 112 in the EU, 999 in the UK" read "000" for a clinic in Perth; in a quoted
    reply, "000 (or your local emergency number)"); unchanged when the country is not known."""
    entry = emergency_entry(country)
    if entry is None:
        return text
    number = entry.number

    def local(found: re.Match[str]) -> str:
        # words to send to someone else (a quoted reply) may reach a reader anywhere: theirs is named as well
        before = found.string[: found.start()]
        quoted = before.count("“") > before.count("”") or before.count('"') % 2 == 1
        return f"{number} (or your local emergency number)" if quoted else number

    # "[999/911/112]" is a place to fill: filled, its brackets go too (a bracketed number reads as a citation marker)
    return _LISTED.sub(local, _BRACKETED.sub(local, text))


def emergency_message(country: str | None = None) -> str:
    """What to tell someone who may be in an emergency, with the number for their country when known."""
    entry = emergency_entry(country)
    if entry is None:
        return f"{_GENERIC} {_NOT_ADVICE}"
    crisis = f" For a mental-health crisis you can also {entry.crisis}." if entry.crisis else ""
    return f"If this is an emergency, call {entry.number} now.{crisis} {_NOT_ADVICE}"


def _flatten(text: str) -> str:
    text = unicodedata.normalize("NFKC", INVISIBLE.sub("", text)).replace("’", "'")
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    terms, vocab = guardrail_data().scope, load_rules().vocab

    def compile_all(patterns: tuple[str, ...], name: str) -> re.Pattern[str]:
        return any_of([expand(p, vocab, f"scope.{name}") for p in patterns])

    return (
        compile_all(terms.emergency, "emergency"),
        compile_all(terms.individual_medical, "individual_medical"),
        compile_all(terms.communication, "communication"),
    )
