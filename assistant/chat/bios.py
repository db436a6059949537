"""Bios and profile descriptions, fitted to who asks: a practice ("our Manchester family dental practice, NHS and
private"), or a clinician's own account ("for me, I'm a GP who explains everyday health"). Every version fits the
platform's limit; the pieces are data (knowledge/data/drafts.yaml)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from ..guardrails.checker import check_text
from ..knowledge.models import Platform, Specialty
from ..knowledge.schemas.drafts import DraftData, LinkedInProfileData
from ..retrieval import tokenize
from .details import Details
from .models import Draft
from .wording import first_upper, role_in_sentence, with_article

_PROFILE_NOTE = (
    "Add the clinic's name, city and booking link to your profile (Settings or the profile form) and every draft "
    "fills them in."
)


def write_bio(
    data: DraftData,
    spec: Specialty,
    platform: Platform,
    values: dict[str, str],
    details: Details,
    *,
    known: bool = True,
    own_services: bool = True,
) -> Draft | None:
    """The bio (or, on Google, the business description) for this platform, with other versions. `known`: the
    specialty was given (in the message or the saved profile); when it was not, `spec` is only a default and the
    draft says what the message says ("a podiatry clinic") with its services left to fill in, never another
    specialty's services. `own_services`: the specialty's usual services describe the practice (not so for "a
    GP-run skin cancer clinic": see `names_other_field`)."""
    services_known = known and own_services
    if platform.id == "google_business":
        return _description(data, spec, platform, values, details, known, services_known)
    profile = data.extras.linkedin_profile
    if platform.id == "linkedin" and details.personal and profile is not None:
        return linkedin_profile(
            profile, spec, values, details, _title(data, spec, _name(spec, details, known, data.role_fields), details)
        )
    limit = platform.limits.bio_chars or 150
    details, left_out = _without_promises(details)
    slots = _slots(data, spec, values, details, known, services_known)
    if details.personal:
        bios = [_fit_priority(t, slots, limit, data.short_disclaimer) for t in data.personal_bio_templates]
    else:
        bios = [_fit_bio(t, slots, limit) for t in data.bio_templates]
    bios = list(dict.fromkeys(b for b in bios if b))
    if not bios:
        return None
    notes = list(data.bio_notes.get(platform.id, ()))
    if details.trainee and data.trainee_note:
        notes.insert(0, data.trainee_note)
    if "[" in "".join(bios):
        notes.insert(0, "Fill in the parts in [brackets] before you use it.")
    if not values.get("booking"):
        notes.append(_PROFILE_NOTE)
    notes[:0] = left_out
    return Draft(
        kind="bio",
        platform=platform.id,
        title=f"{platform.name} bio ({limit} characters at most)",
        text=bios[0],
        alternatives=bios[1:],
        notes=notes,
    )


def _without_promises(details: Details) -> tuple[Details, list[str]]:
    """The details without the listed items that break a claims rule ("painless technique"), and a note for each
    saying what was left out and why: a bio is advertising, and a promise in it misleads like one in an ad."""
    notes: list[str] = []
    listed, offers = _kept(details.listed, notes), _kept(details.offers, notes)
    return dataclasses.replace(details, listed=listed, offers=offers), list(dict.fromkeys(notes))


def _kept(items: tuple[str, ...], notes: list[str]) -> tuple[str, ...]:
    """The items without those a claims rule flags, each left out noted; () when one is left of a list, which is no
    list of services any more (the field's own services stand in)."""
    kept = []
    for item in items:
        risky = next((f for f in check_text(item, kind="post") if f.severity == "high"), None)
        if risky is None:
            kept.append(item)
        else:
            notes.append(f"Left out of the bio: \u201c{item}\u201d. {risky.message} {risky.fix}")
    return tuple(kept) if len(kept) > 1 or len(kept) == len(items) else ()


def _slots(
    data: DraftData,
    spec: Specialty,
    values: dict[str, str],
    details: Details,
    known: bool = True,
    services_known: bool = True,
) -> dict[str, str]:
    name = _name(spec, details, known, data.role_fields)
    city = values.get("city") or ""
    default_services = data.services.get(spec.id, name) if known and services_known else _UNKNOWN_SERVICES
    services = first_upper(details.focus) if details.focus else default_services
    if details.doing and not details.focus and not details.personal:  # "..., posts about menopause": what it does
        services = first_upper(details.doing)
    elif details.listed and not details.focus and not details.personal:  # "family dentistry, Invisalign, open Sat"
        services = " · ".join(first_upper(item) for item in details.listed)
    elif details.offers and not details.focus and not details.personal:  # "we do sports injuries and back pain"
        services = " · ".join(first_upper(item) for item in details.offers)
    if details.funding:
        services = f"{services} · {details.funding}"
    delivery = first_upper(details.delivery) if details.delivery.lower() not in details.focus.lower() else ""
    if delivery and not details.personal:
        services = f"{services} · {delivery}"
    # "a registered nutritionist, not a dietitian": the tips are the role's own field, never the specialty's wider name
    field = data.role_fields.get(details.role.split()[-1].lower(), "") if details.role else ""
    tips = f"evidence-based {(field or name).lower()} tips" if known or field else "evidence-based health tips"
    doing = details.doing or (f"· {details.focus}" if details.focus else f"· {tips}")
    if delivery and details.personal and not details.doing:
        doing = f"{doing} · {delivery}"
    sentence = doing.lstrip("· ")
    sees_patients = bool(values.get("booking") or details.focus or details.sees_patients)
    return {
        "name": values.get("clinic") or _kind_as_name(details.practice, name),
        "specialty": name,
        "specialty_lower": name.lower(),
        "city": city or "[your town]",
        "in_city": f" in {city}" if city else "",
        "services": services,
        "booking": values.get("booking") or "[booking link]",
        "title": _title(data, spec, name, details) if known or details.role or details.trainee else name,
        "doing": doing,
        "booking_line": f"Book: {values.get('booking') or '[booking link]'}" if sees_patients else "",
        "doing_sentence": first_upper(sentence) + ".",
    }


_UNKNOWN_SERVICES = "[your main services]"
_PLACES = r"clinic|practice|surgery|office|centre|center|group|team"
_PLACE_WORDS = re.compile(rf"\s+(?:{_PLACES})$", re.IGNORECASE)  # "physio clinic": the field is "physio"
_GENERIC_WORDS = re.compile(rf"\b(?:{_PLACES}|hospital|private)\b", re.IGNORECASE)  # words that tell nothing


# Words that say how a practice is run or whom it is for in general, not which field it works in ("GP-run",
# "family", "NHS"): they never make a practice another field's.
_RUN_BY = re.compile(r"\b(?:run|led|based|family|private|local|independent|community|small|nhs|general|new)\b", re.I)


def names_other_field(practice: str, spec: Specialty, specialties: Iterable[Specialty]) -> bool:
    """Whether what the message calls the practice names another field's work than the specialty's: "a GP-run skin
    cancer clinic" is general practice doing a dermatology clinic's work, so a GP's usual services ("check-ups,
    vaccines") would describe the wrong clinic; "a family practice", "a physio clinic" or "a sports physio clinic" (the
    specialty's own audiences include sports clubs) names nothing else."""

    def words(name: str) -> set[str]:
        return set(tokenize(_RUN_BY.sub(" ", _GENERIC_WORDS.sub(" ", name))))

    own = {w for n in (spec.id.replace("_", " "), spec.name, *spec.aliases, *spec.audiences) for w in words(n)}
    said = words(practice) - own
    others = {w for s in specialties if s.id != spec.id for n in (s.name, *s.aliases) for w in words(n)}
    return bool(said & others)


def _kind_as_name(practice: str, specialty: str) -> str:
    """What the message calls the practice, as the bio's name when it tells the reader something ("Pediatric
    dental practice", "Community pharmacy"); a blank to fill in when it is only a place word ("my practice",
    "private practice", "Hospital") or repeats the specialty ("physio clinic · Physiotherapy")."""
    telling = _GENERIC_WORDS.sub("", practice).strip().lower()
    if not telling or telling in specialty.lower():
        return "[Clinic name]"
    return first_upper(practice)


def _plain_name(spec: Specialty) -> str:
    return spec.name.split(" (")[0].split(" / ")[0]


def _name(spec: Specialty, details: Details, known: bool, fields: dict[str, str]) -> str:
    """The specialty's name, or, when none was given, the field the message names ("podiatry clinic" ->
    "Podiatry") or the field of the role it gives (`fields`: "chiropractor" -> "Chiropractic"), else a blank to
    fill in."""
    if known:
        return _plain_name(spec)
    field = _PLACE_WORDS.sub("", details.practice.strip()) if details.practice else ""
    if field and field.lower() != details.practice.strip().lower():
        return first_upper(field)
    # "I'm a chiropractor in Austin": the field of the role they give themselves, when no field we hold fits
    field = fields.get(details.role.lower(), "") if details.role and not details.trainee else ""
    return first_upper(field) if field else "[your specialty]"


def _title(data: DraftData, spec: Specialty, name: str, details: Details) -> str:
    """The clinician's title: the role they give themselves ("paediatric nurse"), else the specialty's; a trainee
    says what they are ("Dermatology resident"), never the specialist's title, which would claim a credential they
    do not hold."""
    if details.role and not details.trainee:
        role = re.sub(r"\bphysio$", "physiotherapist", details.role, flags=re.IGNORECASE)  # the protected title
        return first_upper(role)
    if not details.trainee:
        return data.titles.get(spec.id, name)
    if details.trainee.endswith("student") or details.trainee in ("junior doctor", "foundation doctor"):
        return first_upper(details.trainee)
    return f"{name} {details.trainee}"


def _description(
    data: DraftData,
    spec: Specialty,
    platform: Platform,
    values: dict[str, str],
    details: Details,
    known: bool,
    services_known: bool = True,
) -> Draft:
    slots = _slots(data, spec, values, details, known, services_known)
    city = values.get("city") or ""
    funding = {"NHS and private": ", offering NHS and private care", "NHS": ", offering NHS care"}.get(
        details.funding, ", offering private care" if details.funding.lower() == "private" else ""
    )
    services = data.services.get(spec.id, slots["specialty_lower"]) if services_known else _UNKNOWN_SERVICES
    if details.listed:  # what the message lists ("diabetic foot care, custom orthotics"): the practice's own words
        services = _join(list(details.listed))
    text = data.description_template.format(
        name=values.get("clinic") or "[Practice name]",
        practice=details.practice or f"{slots['specialty_lower']} practice",
        in_city=f" in {city}" if city else " in [town]",
        funding=funding,
        services_lower=services[:1].lower()
        + services[1:]
        + (f", with a focus on {details.focus}" if details.focus else ""),
    )
    limit = platform.limits.bio_chars or 750
    notes = ["Fill in the parts in [brackets] before you use it."] if "[" in text else []
    return Draft(
        kind="bio",
        platform=platform.id,
        title=f"{platform.name} description ({limit} characters at most)",
        text=text[:limit],
        notes=[*notes, *data.bio_notes.get(platform.id, ())],
    )


def _fit_bio(template: tuple[str, ...], slots: dict[str, str], limit: int) -> str:
    """A practice bio: parts dropped from the middle first (name and booking stay) until it fits."""
    parts = [p.format(**slots) for p in template]
    while parts:
        text = "\n".join(parts)
        if len(text) <= limit:
            return text
        parts.pop(-2 if len(parts) > 2 else -1)
    return ""


def _fit_priority(template: tuple[str, ...], slots: dict[str, str], limit: int, short: str = "") -> str:
    """A clinician's bio: parts kept in order of priority while they fit, shown in the template's order. A
    disclaimer too long for a tight limit (TikTok's 80 characters) becomes the short one: it is never dropped."""
    kept: list[str] = []
    for part in (p.format(**slots) for p in template):
        if part and short and "advice" in part and len("\n".join([*kept, part])) > limit:
            part = short
        if part and len("\n".join([*kept, part])) <= limit:
            kept.append(part)
    return "\n".join(kept) if kept and len(kept[0]) <= limit else ""


_OPTIONAL = frozenset({"where", "years_clause"})  # clauses that may be empty inside a sentence
_SLOT = re.compile(r"\{(\w+)\}")


def linkedin_profile(
    data: LinkedInProfileData, spec: Specialty, values: dict[str, str], details: Details, title: str
) -> Draft:
    """A clinician's LinkedIn headline and first-person About section, from what the message says about them."""
    city = values.get("city") or details.city
    place = f" at a {details.workplace}" if details.workplace else ""
    focus = details.interests or details.focus
    field = _plain_name(spec).lower()
    slots = {
        "role": title,
        "a_role": with_article(role_in_sentence(title)),
        "where": f"{place} in {city}" if city else place,
        "focus": focus,
        "years_clause": f", with {details.years} years of experience" if details.years else "",
        "owner_line": "Clinic owner" if details.owner else "",
        "owner_sentence": (
            f"I own and run a {field} clinic{f' in {city}' if city else ''}, where [what the clinic offers and whom "
            "it helps]. To book, visit [booking link]."
            if details.owner
            else ""
        ),
        "focus_or_field": focus or field,
        "open_to": details.open_to,
    }

    def usable(template: str) -> str:
        used = set(_SLOT.findall(template)) - _OPTIONAL
        return template.format(**slots) if all(slots.get(u) for u in used) else ""

    parts = [p for p in (usable(t) for t in data.headline) if p]
    parts = [first_upper(p) for p in parts]
    while len(" | ".join(parts)) > data.headline_limit and len(parts) > 1:
        parts.pop()
    headline = " | ".join(parts)[: data.headline_limit]
    about = "\n\n".join(p for p in (usable(t) for t in data.about) if p)
    notes = ["Fill in the parts in [brackets] before you use it."] if "[" in about else []
    return Draft(
        kind="bio",
        platform="linkedin",
        title=f"LinkedIn headline ({data.headline_limit} characters at most) and About section",
        text=f"Headline: {headline}\n\nAbout:\n{about}",
        notes=[*notes, *data.notes],
    )


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
