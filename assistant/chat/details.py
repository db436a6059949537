"""What a request to write says about the clinic or the clinician ("a physio in Bristol, mostly sports injuries",
"our Manchester family dental practice, NHS and private", "for me, I'm a GP who explains everyday health"), so a
draft names them instead of leaving "our clinic in your area". A saved profile wins where it has a value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..guardrails.name_context import named_as_a_pet
from ..knowledge.countries import Countries

# "called Northside Physio", "Clinic name is Eastside Spine & Motion", not "my son called Jack" (nor a pet's name:
# `details_in` asks the masking's own list of animals)
_NAMED = re.compile(
    r"(?<!\bson )(?<!\bdaughter )(?<!\bbaby )(?<!\bkid )(?<!\bband )(?<!\bteam )"
    r"\b(?:called|named|(?i:(?:clinic|practice|business)(?:'s)? name is|(?:clinic|practice) name:))\s+"
    r"([A-Z][\w'’&-]*(?:\s+(?:&|and|of|[A-Z][\w'’&-]*)){0,4})"
)
_PLACE = r"(?:practice|clinic|surgery|centre|center|office|studio|pharmacy|hospital)"
_NOT_NAME = (  # words that start no name of a place: "..., and I have clinic schedules" is no practice
    r"(?:for|about|on|of|to|at|in|with|from|our|my|the|a|an|your|their|bio|post|caption|script|reel|plan|and|or|but|i|"
    r"we|have|has|had|is|are|was|also|then|so|"
    r"best|top|leading|greatest|finest|number)"  # "we want to say we're 'the best clinic'": a claim, never a name
)
_PRACTICE = re.compile(
    # The words before the place describe it ("our hospital pharmacy"); "a bio for our hospital" is not a name.
    rf"(?:\b(?:a|an|our|my|the)\s+|[-–:,]\s+)((?:(?!{_NOT_NAME}\b)[\w-]+\s+){{0,3}}?{_PLACE}(?:\s+{_PLACE})?)\b"
    r"(?!\s+(?:manager|nurse|team|account|page))",
    re.I,
)
# The asker's own place ("our pharmacy in Swansea", "we're a small physio clinic", "a dental office in Austin"): its
# kind word stands in for a missing phone number ("call the pharmacy", never "call the practice" for a pharmacy).
_OWN_KIND = rf"(?:{_PLACE[3:-1]}|unit|department)"  # also "our midwife-led unit", "our OT department"
_REGION = (
    r"(?:north|south|east|west|central|rural|northern|southern|eastern|western|upstate|downstate)"  # "in northern BC"
)
_OWN_PLACE = re.compile(
    rf"\b(?:our|my|we'?re an?|we are an?|i (?:run|own|manage|work at) an?)\s+(?:[\w'’-]+\s+){{0,3}}?({_OWN_KIND})\b"
    rf"(?!\s+(?:manager|nurse|team|account|page|owner)\b)|\b(?:an?|the)\s+(?:[\w'’-]+\s+){{0,2}}?({_PLACE})\s+in\s+(?:{_REGION}\s+)?(?-i:[A-Z])",
    re.I,
)
_FUNDING = re.compile(r"\b(NHS and private|private and NHS|NHS|private|mixed NHS and private)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!])\s+")
# How a message introduces its own list of services: "We do ingrown toenails, ..." -> "ingrown toenails, ...".
_LEAD_IN = re.compile(
    r"^(?:and\s+)?(?:we|i)\s+(?:also\s+)?(?:do|offer|provide|treat|see|cover|speciali[sz]e in|focus on)\s+"
    r"|^(?:our\s+)?(?:services|treatments)\s+(?:include|are)\s+",
    re.I,
)
_FOCUS = re.compile(
    r"\b(?:mostly|mainly|mostly treating|specialising in|specializing in|focus(?:ing|ed)? on|especially|"
    r"(?:my |our |main )?focus is(?: on)?|special interest in|(?:i|we) (?:mainly |mostly )?(?:work with|help)"
    r"(?!\s+(?:a|an|the|my|our|some|other|lots?)\b))\s+"
    r"([^.;!?\n]{3,60})",
    re.I,
)
# How the clinician sees patients, when not in person only: "virtual appointments", "online sessions".
_DELIVERY = re.compile(
    r"\b((?:virtual|online|video|telehealth)\s+(?:appointments?|sessions?|consultations?|consults?|clinics?|care)"
    r"|virtual(?:ly)? across [A-Z][\w-]+)",
    re.I,
)
# "..., we do sports injuries and women's health.": what the clinic does, said at the start of a clause, to the
# end of the sentence. A list with ", and" is skipped: it mixes other things in ("We do sedation, speak Spanish,
# and take Medicaid").
_OFFERS = re.compile(
    r"(?:^|[,;.!?]\s*|\band\s+)(?:we|i)\s+(?:mostly\s+|mainly\s+|also\s+)?(?:do|treat|offer|see|provide)\b"
    r"(?!\s+(?:not|have|has|a|an|it|this|that|so|you|our|my|the|social|posts?|videos?|content|any|some|lots?|well)\b)"
    r"\s+((?:(?!,\s*and\b)[^.;!?\n]){3,100})(?=[.;!?\n]|$)",
    re.I,
)
# "who posts about new research" -> "posting about new research": what the clinician's account does.
_DOING = re.compile(
    # ("And write me an Instagram bio": a request to us, not what the account does)
    r"(?:\b(?:who|that)|,|\band)\s+(posts?|explains?|talks?|shares?|makes?|writes?|covers?|teaches?)\s+(?!(?:me|us)\b)"
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
# said outright: the clinician's own profile ("make me sound ...", a LinkedIn "headline", which only a person has)
_OWN = re.compile(
    r"\b(?:for me|my own|about me|make me (?:sound|look)|my (?:linkedin|profile|headline))\b|\bheadline\b", re.I
)
_TEAM = re.compile(rf"\b{_PLACE}s?\b|\bour\b|\bwe\b|\bteam\b", re.I)
_PATIENTS = re.compile(r"\b(patients?|clients?|book\w*|appointments?|treat\w*|sessions?)\b", re.I)
_FILLER = re.compile(r"\s+(?:stuff|things|bits|and so on|and more|etc\.?)\b.*$", re.I)
# A clinician in training: their bio must say so, never claim the consultant's title ("Dermatology resident").
_TRAINEE = re.compile(
    r"\b(resident|registrar|trainee|junior doctor|foundation doctor|intern|(?:medical|dental|nursing) student)\b",
    re.I,
)


# The clinician's own role as they say it ("I'm an interventional cardiologist", "for me, a paediatric nurse",
# "for me: orthopaedic physio"): up to three words before a role noun.
_ROLE_NOUN = (
    r"(?:nurse|midwife|pharmacist|podiatrist|chiropodist|optometrist|optician|dietitian|dietician|nutritionist|"
    r"hygienist|therapist|psychotherapist|psychologist|counsell?or|doctor|GP|physician|surgeon|dentist|"
    r"orthodontist|[a-z]+ologist|[a-z]+iatrist|[a-z]+ician|physio(?:therapist)?|chiropractor|osteopath|paramedic|"
    r"practitioner|audiologist|sonographer|radiographer|health visitor|consultant|resident|registrar)"
)
_ROLE = re.compile(
    r"(?:\bfor me\b[,:]?\s*|\bI'?m\s+|\bI am\s+|^|[,:]\s*)(?:an?\s+)?((?:[A-Za-z-]+\s+){0,3}?" + _ROLE_NOUN + r")s?\b"
    # "opening my own physio clinic": a practice, not the clinician's role
    r"(?!\s+(?:clinic|practice|office|cent(?:re|er)|surgery|business)s?\b)",
    re.I,
)
# Words that make the words before a role noun a practice being described ("opening my own physio ..."), not a role.
# Not "running": "a running physio" is a role ("running my own physio clinic" has "own").
_NOT_A_ROLE = re.compile(r"\b(?:own|opening|starting|launching|setting|open|start)\b", re.I)
_NOT_ROLE_WORDS = re.compile(
    r"\b(write|draft|make|bio|post|caption|headline|linkedin|tiktok|instagram|for|our|my|a|an)\b", re.I
)
_YEARS = re.compile(r"\b(\d{1,2})\+?\s*(?:years?|yrs)\b", re.I)
# What a clinician wants a profile to bring: "using LinkedIn more seriously for speaking invites and maybe advisory
# work with med device startups".
_OPEN_TO = re.compile(
    r"\bfor\s+((?:more\s+)?(?:speaking|advisory|consult\w*|collaborat\w*|research|media|board|mentor\w*|teaching|"
    r"partnership|referral)\b[^.!?\n]{0,90}?)(?=[.!?\n]|$|\s+(?:but|so)\b)",
    re.I,
)


def _open_to(text: str) -> str:
    found = _OPEN_TO.search(text)
    return re.sub(r"\b(?:maybe|possibly|perhaps|some)\s+", "", found.group(1)).strip(" ,") if found else ""


_OWNER = re.compile(r"\b(?:clinic|practice|surgery)\s+owner\b|\bown (?:a|my|the) (?:clinic|practice)\b", re.I)
_WHERE = re.compile(
    r"\bat (?:an? |the )?((?:[\w'’-]+\s+){0,4}?(?:hospital|clinic|practice|university|trust|centre|center|"
    r"health system|medical school))\b",
    re.I,
)
_INTEREST = re.compile(r"\b(?:interested in|interests? (?:in|include)|passionate about)\s+([^.;!?\n]{3,80})", re.I)
_GERUND_DOING = re.compile(
    r"\b(?:doing|sharing|posting|making|giving|creating)\s+((?:[\w-]+\s+){0,2}?(?:tips|advice|videos|content|posts|"
    r"education)\b[^.;!?\n,]{0,50})",
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
    role: str = ""  # the clinician's own role as they say it ("paediatric nurse", "interventional cardiologist")
    workplace: str = ""  # "teaching hospital"
    years: str = ""  # "12" (years of experience)
    owner: bool = False  # they own the clinic
    interests: str = ""  # "structural heart and med ed", "running injuries"
    listed: tuple[str, ...] = ()  # the bare items of a list after a colon or question ("Invisalign, open Saturdays")
    offers: tuple[str, ...] = ()  # what the clinic says it does: "we do sports injuries and women's health"
    place: str = ""  # the asker's own kind of place in one word ("pharmacy", "clinic", "office")
    delivery: str = ""  # how patients are seen when not only in person: "virtual appointments", "online sessions"
    open_to: str = (
        ""  # what a clinician's profile is for: "speaking invites and advisory work with med device startups"
    )

    def values(self) -> dict[str, str]:
        """Slot values for the authored copy ({clinic}, {city}, and {phone} as "the pharmacy" when the message names
        its place but no number); empty ones left out."""
        phone = f"the {self.place.lower()}" if self.place else ""
        return {k: v for k, v in {"clinic": self.clinic, "city": self.city, "phone": phone}.items() if v}


def details_in(text: str, countries: Countries | None) -> Details:
    """The clinic's details a message gives."""
    city = countries.city_in(text) if countries else None
    named = next((m for m in _NAMED.finditer(text) if not named_as_a_pet(text[: m.start(1)])), None)
    practice = _PRACTICE.search(text)
    kind = practice.group(1) if practice else ""
    if city and kind.lower().startswith(city.lower()):  # "our Manchester GP practice"
        kind = kind[len(city) :].strip()
    funding = _FUNDING.search(text)
    focus = _FOCUS.search(text)
    delivery = _DELIVERY.search(text)
    doing = _DOING.search(text)
    doing_text = ""
    if doing:
        verb = re.sub(r"(?<=ch)es$|s$", "", doing.group(1).lower())
        what = _FILLER.sub("", doing.group(2)).strip()
        doing_text = f"{_GERUND.get(verb, verb + 'ing')} {what}"
    if not doing_text and (gerund := _GERUND_DOING.search(text)):
        doing_text = f"sharing {_FILLER.sub('', gerund.group(1)).strip()}"
    fund = funding.group(1) if funding else ""
    role = _role_in(text)
    return Details(
        city=city or "",
        clinic=named.group(1).strip() if named else "",
        practice=kind,
        funding=("NHS and private" if "nhs" in fund.lower() and "private" in fund.lower() else fund),
        focus=_focus(text, focus, delivery),
        doing=doing_text,
        personal=bool(_OWN.search(text)) or (bool(_PERSONAL.search(text)) and not _TEAM.search(text)),
        sees_patients=bool(_PATIENTS.search(text)),
        trainee=trainee.group(1).lower() if (trainee := _TRAINEE.search(text)) else "",
        role=role,
        workplace=where.group(1) if (where := _WHERE.search(text)) else "",
        years=years.group(1) if (years := _YEARS.search(text)) else "",
        owner=bool(_OWNER.search(text)),
        interests=_interests(text, role, city or ""),
        listed=_listed(text, kind, city or "", fund),
        offers=_offers(text),
        place=next((g for g in own.groups() if g), "") if (own := _OWN_PLACE.search(text)) else "",
        delivery=delivery.group(1) if delivery else "",
        open_to=_open_to(text),
    )


_DANGLING = re.compile(r"(?:\s+(?:and|or|with|in|for|of|the|a|an|to))+$", re.I)  # a phrase cut after "... and"


def _focus(text: str, found: re.Match[str] | None, delivery: re.Match[str] | None) -> str:
    """What the clinic or clinician mostly treats, in whole words, without how they see patients (kept apart):
    "anxiety + burnout in young professionals, virtual across Ontario" -> "anxiety + burnout in young professionals"."""
    if found is None:
        return ""
    end = found.end(1)
    if delivery is not None and found.start(1) < delivery.start() < end:
        end = delivery.start()
    elif end < len(text) and text[end].isalnum():  # cut inside a word: the whole words only
        end = found.start(1) + found.group(1).rfind(" ")
    focus = _FILLER.sub("", text[found.start(1) : end]).strip(" ,;-–")
    return _DANGLING.sub("", focus)


def _offers(text: str) -> tuple[str, ...]:
    """What the clinic says it does, item by item: "We do sensory processing, fine motor, feeding." -> three."""
    found = _OFFERS.search(text)
    items = [_FILLER.sub("", i).strip() for i in found.group(1).split(",")] if found else []
    return tuple(i for i in items if i)


def _role_in(text: str) -> str:
    """The role the clinician gives themselves, without the request's own words ("a TikTok bio for me, a ...")."""
    for found in _ROLE.finditer(text):
        words = [w for w in found.group(1).split() if not _NOT_ROLE_WORDS.fullmatch(w)]
        role = " ".join(words)
        if role and not role.lower().startswith(("our ", "the ")) and not _NOT_A_ROLE.search(role):
            return role[:1].lower() + role[1:] if role.split()[0].lower() != "gp" else role
    return ""


def _interests(text: str, role: str, city: str) -> str:
    """What the clinician focuses on: 'interested in ...', or a bare item of a list after a colon
    ("orthopaedic physio, 12 years, running injuries, Dublin clinic owner" -> "running injuries")."""
    if found := _INTEREST.search(text):
        return _FILLER.sub("", found.group(1)).strip()
    if ":" not in text:
        return ""
    items = [i.strip(" .") for i in text.split(":", 1)[1].split(",")]
    for item in items:
        low = item.lower()
        if not item or any(c.isdigit() for c in item) or _OWNER.search(item) or (role and role.lower() in low):
            continue
        capitalised = all(w[:1].isupper() for w in item.split())  # a name ("Dr. Lena Hoffmann"), not a focus
        if city and low == city.lower() or capitalised or _ROLE.fullmatch(item) or len(item.split()) > 6:
            continue
        return item
    return ""


def _listed(text: str, practice: str, city: str, funding: str) -> tuple[str, ...]:
    """What a practice lists about itself after a colon or a question mark, without its kind, city and funding
    ("Dental practice in Leeds, NHS and private, family dentistry, Invisalign, open Saturdays")."""
    cuts = sorted({text.find(":"), text.find("?")} - {-1}, reverse=True)
    bracketed = re.search(r"\(([^()]*,[^()]*)\)", text)  # "(home visits, antenatal, postnatal)"
    if not cuts:
        return _items(bracketed.group(1), practice, city, funding) if bracketed else ()
    # After the last colon or question mark, else the one before it: "Services: X, Y, Z. Can you write our
    # description?" lists its services before the question that ends it.
    return next((found for cut in cuts if (found := _items(text[cut + 1 :], practice, city, funding))), ())


# An item that speaks to us, not of the practice: "want that in there lol", "keep it professional", "pls"; "make
# custom insoles" is a service.
_ASIDE_TO_US = re.compile(
    r"^(?:want|wants|put|include|add)\b|^(?:keep|make) (?:it|them|this|that)\b|\b(?:lol|pls|plz|haha)\b", re.IGNORECASE
)


def _items(listed: str, practice: str, city: str, funding: str) -> tuple[str, ...]:
    """The two to five items of the list in `listed`, without the practice's kind, city and funding; () if none."""
    # The list is the first sentence with a comma in it ("We do X, Y and Z. Under 750 characters." -> "X, Y and Z").
    listed = next((s for s in _SENTENCE_END.split(listed.strip()) if "," in s), listed)
    items = [i.strip(" .!()") for i in listed.split(",")]  # "(Dr Camille Martin, orthodontie ..., Lyon 6e)"
    if items:
        items[0] = _LEAD_IN.sub("", items[0])
    if len(items) >= 3 and not _FUNDING.fullmatch(items[-1]):  # "X, Y and Z": the last "and" joins two items
        items[-1:] = [i.strip() for i in re.split(r"\s+(?:and|&)\s+", items[-1], maxsplit=1)]
    skip = {practice.lower(), city.lower(), funding.lower(), ""}
    out = []
    for item in items:
        low = item.lower()
        in_city = bool(city) and low.startswith(f"{city.lower()} ")  # "Lyon 6e": a district of the city
        if (
            low in skip
            or in_city
            or re.search(rf"\b{_PLACE}\b", low)
            or _FUNDING.fullmatch(item)
            or len(item.split()) > 5
            or _ASIDE_TO_US.search(item)
        ):
            continue
        out.append(item)
    return tuple(out) if 2 <= len(out) <= 5 else ()
