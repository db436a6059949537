"""The clinic's own name, place, address, phone and staff, from its profile: never patient data.

"Dr James Okafor wants to post about back pain" must stay readable when Dr Okafor works at the clinic, and so
must the clinic's own number in "call us on 0113 496 0321". A patient who only shares a surname with a staff
member ("Olivia Okafor") is still masked: every word of a name must belong to one staff member.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ._data import guardrail_data
from .addresses import address_words
from .names import fold, name_lists

if TYPE_CHECKING:
    from ..profile import ClinicProfile
    from .phi import PhiSpan

# A word of a person's name: letters, with apostrophes and hyphens inside ("O'Halloran", "Müller-Lüdenscheidt").
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")
# What marks a handle rather than a written name: a stop, an underscore or a digit inside it.
_HANDLE_MARK = re.compile(r"[._\d]")


@dataclass(frozen=True)
class ClinicTerms:
    """What a clinic's profile says about the clinic itself: never patient data."""

    staff: tuple[frozenset[str], ...]  # each staff member's name as folded words
    phrases: tuple[str, ...]  # the clinic's name, city, region and address, lower case
    phone: str  # the clinic's phone, digits only
    place_words: frozenset[str] = frozenset()  # every word and number of the clinic's address, city and region
    domain: str = ""  # the clinic's web domain (from its booking page): its own e-mail addresses use it
    surnames: frozenset[str] = frozenset()  # the last word of each staff member's name, folded
    name_hosts: frozenset[str] = frozenset()  # the clinic's name run together, whole or its first words
    name_words: frozenset[str] = frozenset()  # the words of the clinic's name and city, folded
    # The surnames of staff the profile gives a professional title (Dr, Dott.).
    doctor_surnames: frozenset[str] = frozenset()
    # Each staff member as an initial and a surname, folded ("j okafor" for Dr James Okafor), as a schedule writes them.
    initialled: frozenset[str] = frozenset()

    def covers(self, span: PhiSpan) -> bool:
        """True when `span` is the clinic's own name, place, address, phone or a staff member's name."""
        if span.kind == "PHONE":
            digits = "".join(c for c in span.text if c.isdigit())
            same = self.phone.endswith(digits) or digits.endswith(self.phone)
            return bool(self.phone) and len(digits) >= 7 and same
        words = {fold(w) for w in re.findall(r"[^\W\d_]+", span.text)} - {""}
        if span.kind == "NAME" and words and any(words <= staff for staff in self.staff):
            return True
        if span.kind == "NAME" and (self._staff_surname_and_noun(span.text) or self._doctors_genitive(span.text)):
            return True
        if span.kind == "NAME" and " ".join(fold(w) for w in _NAME_WORD.findall(span.text)) in self.initialled:
            return True  # "S. Thompson" in the clinic's schedule is Sarah Thompson of the staff
        if span.kind == "NAME" and self._staff_handle(span.text):
            return True  # "@dr.anna.weber.derma" in the team's bios is Dr. Anna Weber's own account
        host = span.text.rpartition("@")[2].lower()
        if span.kind == "EMAIL" and self.domain and (host == self.domain or host.endswith("." + self.domain)):
            return True
        if span.kind == "EMAIL" and host.split(".", 1)[0] in self.name_hosts:
            return True  # an address at a domain named after the clinic: "careers@brightsidedental.com"
        if span.kind == "EMAIL" and self._own_role_mailbox(span.text):
            return True
        if span.kind == "ADDRESS" and address_words(span.text) <= self.place_words:
            return True  # the clinic's address however it is split or shortened ("22 Wellington Street, LS1 4DL")
        low = " ".join(span.text.lower().split())
        return any(low in phrase for phrase in self.phrases)

    def lay_titled_namesake(self, text: str, span: PhiSpan) -> bool:
        """Whether `span` is a titled doctor's surname alone after a lay courtesy title ("il sig. <surname>", "Mr
        <surname>"): the clinic calls its doctor "Dott."/"Dr", so this is a patient who shares the surname."""
        if span.kind != "NAME" or not (fold(span.text) in self.doctor_surnames or self._doctors_genitive(span.text)):
            return False
        return _lay_title_before().search(text, max(0, span.start - 14), span.start) is not None

    def _own_role_mailbox(self, address: str) -> bool:
        """A role mailbox ("careers@", "bewerbung@") at a domain that starts with the clinic's name run together or
        is made of its name's and city's words ("<harbourlane>physio.co.uk", "<studio><ferrara>.it",
        "<praxis>-<am>-<markt>-<freiburg>.de", "<hautarzt>-<lindenplatz>.de" for "Hautarztpraxis am Lindenplatz"): the
        clinic's own, however it shortened its name for the web."""
        local, _, host = address.lower().rpartition("@")
        label = fold(host.split(".", 1)[0].replace("-", ""))
        if not label or not all(part in _role_mailboxes() for part in re.split(r"[._-]+", local) if part):
            return False
        return any(label.startswith(h) for h in self.name_hosts) or _made_of(label, self.name_words)

    def _staff_handle(self, text: str) -> bool:
        """A social-media handle that holds every word of one staff member's name, whatever else it holds
        ("physio_jamesokafor", "giuliaconti.studioferrara" for Giulia Conti): the colleague's own account, which
        a team post gives so readers can follow them (fortieth masking set). A handle has no space, and a stop, an
        underscore or a digit inside, or is written all in lower case."""
        if any(c.isspace() for c in text) or not (_HANDLE_MARK.search(text) or text.islower()):
            return False
        letters = fold("".join(c for c in text if c.isalpha()))
        return any(len(staff) > 1 and all(w in letters for w in staff) for staff in self.staff)

    def _doctors_genitive(self, text: str) -> bool:
        """A titled staff member's surname with the German genitive "s" ("Dr. Webers Notiz" for Dr. Anna Weber)."""
        return text.endswith("s") and " " not in text and fold(text[:-1]) in self.doctor_surnames

    def _staff_surname_and_noun(self, text: str) -> bool:
        """A staff member's surname, no given name, and one capitalised word the name lists do not hold: a German
        noun after a titled colleague ("hat Dr. Weber Pralinen gebracht"), not a second name. Not a surname in capitals
        before the given name, as an export writes a patient's name ("<SURNAME> <Given>"), whoever shares it."""
        parts = _NAME_WORD.findall(text)
        if len(parts) != 2 or not self.surnames or (len(parts[0]) > 1 and parts[0].isupper()):
            return False
        lists = name_lists()
        first, second = fold(parts[0]), fold(parts[1])
        return (
            first in self.surnames
            and first not in lists.given
            and second not in lists.given
            and second not in lists.surnames
        )


def clinic_terms(clinic: ClinicProfile) -> ClinicTerms:
    """The clinic's own terms from its profile (cheap; built per call)."""
    titles = {t.lower().rstrip(".") for t in guardrail_data().phi.titles}
    staff = tuple(
        frozenset(fold(w) for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in titles) - {""}
        for name in clinic.staff
    )
    phrases = tuple(
        " ".join(p.lower().split()) for p in (clinic.name, clinic.city, clinic.region, clinic.address) if p.strip()
    )
    place = address_words(" ".join((clinic.address, clinic.city, clinic.region)))
    url = clinic.booking_url.strip()
    domain = (urlsplit(url if "//" in url else "//" + url).hostname or "").removeprefix("www.")
    surnames = frozenset(fold(words[-1]) for name in clinic.staff if (words := _NAME_WORD.findall(name)))
    lay = _lay_titles()
    doctors = frozenset(
        fold(words[-1])
        for name in clinic.staff
        if len(words := _NAME_WORD.findall(name)) > 1 and words[0].lower() in titles and words[0].lower() not in lay
    )
    phone = "".join(c for c in clinic.phone if c.isdigit())
    hosts = _name_hosts(clinic.name)
    named = frozenset(fold(w) for w in re.findall(r"[^\W\d_]{2,}", f"{clinic.name} {clinic.city}"))
    return ClinicTerms(
        staff, phrases, phone, place, domain, surnames, hosts, named, doctors, _initialled(clinic, titles)
    )


@lru_cache(maxsize=1)
def _role_mailboxes() -> frozenset[str]:
    """Mailboxes that are a role's, never a person's ("info", "careers"; patient_data.yaml own_mailboxes)."""
    from ._data import patient_data

    return frozenset(m.lower() for m in patient_data().addresses.own_mailboxes)


_SHORTENED = 4  # the fewest letters a word of the clinic's name is shortened to in its domain ("physio", "haut")


def _made_of(label: str, words: frozenset[str], least: int = 2) -> bool:
    """Whether `label` is `least` or more of `words` run together, each maybe shortened ("studioferrara" of
    "studio" and "ferrara", "hautarztlindenplatz" of "hautarzt[praxis]" and "lindenplatz")."""
    pieces = {w[:n] for w in words for n in range(min(_SHORTENED, len(w)), len(w) + 1)}
    ways = {0: 0}  # position in the label -> most pieces read up to it
    for at in range(len(label)):
        if at not in ways:
            continue
        for piece in pieces:
            if label.startswith(piece, at):
                ways[at + len(piece)] = max(ways.get(at + len(piece), 0), ways[at] + 1)
    return ways.get(len(label), 0) >= least


def _initialled(clinic: ClinicProfile, titles: set[str]) -> frozenset[str]:
    """Each staff member's first given name's initial and surname, folded ("Dr James Okafor" -> "j okafor")."""
    found = set()
    for name in clinic.staff:
        words = [w for w in _NAME_WORD.findall(name) if w.lower().rstrip(".") not in titles]
        if len(words) > 1:
            found.add(f"{fold(words[0])[:1]} {fold(words[-1])}")
    return frozenset(found)


@lru_cache(maxsize=1)
def _lay_titles() -> frozenset[str]:
    """Courtesy titles anyone is given ("mr", "sig", "frau"; guardrails.yaml lower_titles), lower case, no stop."""
    return frozenset(t.lower().rstrip(".") for t in guardrail_data().phi.lower_titles)


@lru_cache(maxsize=1)
def _lay_title_before() -> re.Pattern[str]:
    """A courtesy title right before a name ("il sig. ", "Mr ", "Frau ")."""
    alternation = "|".join(re.escape(t) for t in sorted(_lay_titles(), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})\.?[ ]+$", re.IGNORECASE)


def _name_hosts(name: str) -> frozenset[str]:
    """The host names a clinic's own domain is made of: its name's words run together, all of them or the first two or
    more ("Coastal Skin Clinic" -> "coastalskinclinic", "coastalskin"), folded. One word alone is too common a host."""
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", name)]
    return frozenset("".join(words[:n]) for n in range(2, len(words) + 1))
