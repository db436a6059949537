"""What a request to write says about the clinic or the clinician ("a physio in Bristol, mostly sports injuries",
"our Manchester family dental practice, NHS and private", "for me, I'm a GP who explains everyday health"), so a
draft names them instead of leaving "our clinic in your area". A saved profile wins where it has a value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge.countries import Countries

_NAMED = re.compile(r"\b(?:called|named)\s+([A-Z][\w'’&-]*(?:\s+(?:&|and|of|[A-Z][\w'’&-]*)){0,4})")
_PLACE = r"(?:practice|clinic|surgery|centre|center|office|studio|pharmacy|hospital)"
_PRACTICE = re.compile(
    rf"(?:\b(?:a|an|our|my|the)\s+|[-–:,]\s+)((?:[\w-]+\s+){{0,3}}?{_PLACE})\b"
    r"(?!\s+(?:manager|nurse|team|account|page))",
    re.I,
)
_FUNDING = re.compile(r"\b(NHS and private|private and NHS|NHS|private|mixed NHS and private)\b", re.I)
_FOCUS = re.compile(
    r"\b(?:mostly|mainly|mostly treating|specialising in|specializing in|focus(?:ing|ed)? on|especially)\s+"
    r"([^.;!?\n]{3,60})",
    re.I,
)
# "who posts about new research" -> "posting about new research": what the clinician's account does.
_DOING = re.compile(
    r"\b(?:who|that)\s+(posts?|explains?|talks?|shares?|makes?|writes?|covers?|teaches?)\s+"
    r"(?:(?:videos?|content|posts?)\s+)?(?:about\s+|on\s+)?([^.;!?\n,]{3,60})",
    re.I,
)
_GERUND = {
    "post": "posting about",
    "explain": "explaining",
    "talk": "talking about",
    "share": "sharing",
    "make": "making videos about",
    "write": "writing about",
    "cover": "covering",
    "teach": "teaching",
}
_PERSONAL = re.compile(
    r"\b(?:for me|my own|personal|I'?m an?|I am an?|as an?|for an?\s+\w+\s+who)\b|\bfor an?\s+(?!\w+\s+" + _PLACE + ")",
    re.I,
)
_TEAM = re.compile(rf"\b{_PLACE}s?\b|\bour\b|\bwe\b|\bteam\b", re.I)
_PATIENTS = re.compile(r"\b(patients?|clients?|book\w*|appointments?|treat\w*|sessions?)\b", re.I)
_FILLER = re.compile(r"\s+(?:stuff|things|bits|and so on|etc\.?)\b.*$", re.I)
# A clinician in training: their bio must say so, never claim the consultant's title ("Dermatology resident").
_TRAINEE = re.compile(
    r"\b(resident|registrar|trainee|junior doctor|foundation doctor|intern|(?:medical|dental|nursing) student)\b",
    re.I,
)


@dataclass(frozen=True)
class Details:
    """What the message says; empty strings where it says nothing."""

    city: str = ""
    clinic: str = ""  # the clinic's name when given ("called Northside Physio")
    practice: str = ""  # what kind of place it is ("family dental practice")
    funding: str = ""  # "NHS and private", "NHS", "private"
    focus: str = ""  # what the clinic mostly treats ("sports injuries and back pain")
    doing: str = ""  # what a clinician's own account does ("explaining everyday health")
    personal: bool = False  # a clinician's own account, not a practice's
    sees_patients: bool = False  # the message speaks of patients, booking or appointments
    trainee: str = ""  # "resident", "registrar", "medical student": a clinician in training

    def values(self) -> dict[str, str]:
        """Slot values for the authored copy ({clinic}, {city}); empty ones left out."""
        return {k: v for k, v in {"clinic": self.clinic, "city": self.city}.items() if v}


def details_in(text: str, countries: Countries | None) -> Details:
    """The clinic's details a message gives."""
    city = countries.city_in(text) if countries else None
    named = _NAMED.search(text)
    practice = _PRACTICE.search(text)
    kind = practice.group(1) if practice else ""
    if city and kind.lower().startswith(city.lower()):  # "our Manchester GP practice"
        kind = kind[len(city) :].strip()
    funding = _FUNDING.search(text)
    focus = _FOCUS.search(text)
    doing = _DOING.search(text)
    doing_text = ""
    if doing:
        verb = re.sub(r"(?<=ch)es$|s$", "", doing.group(1).lower())
        what = _FILLER.sub("", doing.group(2)).strip()
        doing_text = f"{_GERUND.get(verb, verb + 'ing')} {what}"
    fund = funding.group(1) if funding else ""
    return Details(
        city=city or "",
        clinic=named.group(1).strip() if named else "",
        practice=kind,
        funding=("NHS and private" if "nhs" in fund.lower() and "private" in fund.lower() else fund),
        focus=_FILLER.sub("", focus.group(1)).strip() if focus else "",
        doing=doing_text,
        personal=bool(_PERSONAL.search(text)) and not _TEAM.search(text),
        sees_patients=bool(_PATIENTS.search(text)),
        trainee=trainee.group(1).lower() if (trainee := _TRAINEE.search(text)) else "",
    )
