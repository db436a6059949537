"""What a request to write says: the platform, the country, the clinic's placeholder values, pasted text."""

from __future__ import annotations

import re
from copy import copy as _shallow
from typing import TYPE_CHECKING

from .details import Details
from .wording import first_upper

if TYPE_CHECKING:
    from ..knowledge.schemas.drafts import DraftData, PracticeField
    from ..profile import ClinicProfile

DEFAULT_PLATFORM = "instagram"
# Quoted text, or text pasted on the lines after a colon; not the asker's own numbered or bulleted questions after
# one ("Two questions:\n1) Can we put a chatbot on our website ...?\n2) ..."); lines that open with a quote mark
# are the quoted text alone, not the asker's request under it.
_QUOTED = re.compile(
    r"[\"“”«»]([^\"“”«»]{20,})[\"“”«»]|(?:^|\s)[\'‘]((?:[^\'‘’]|(?<=\w)[\'’](?=\w)){20,})[\'’](?=\s|[?.!,]|$)"
    r"|:\s*\n+(?![ \t]*(?:\(?\d{1,2}[.)]|[-•*][ \t]|[\"“«]))(.{20,})",
    re.DOTALL,
)
_GOOGLE = re.compile(r"\bgoogle\b(?!\s+(?:ads?|adwords|analytics|search|reviews?)\b)", re.IGNORECASE)


def _platform(turn, profile: ClinicProfile | None) -> str:
    if turn.platforms_named and turn.platforms:
        return turn.platforms[0]
    if profile is not None and profile.platforms:
        return profile.platforms[0]
    return DEFAULT_PLATFORM


def _platforms(turn, profile: ClinicProfile | None) -> list[str]:
    """Every platform the message names, in its order ("for Facebook and Google"), else the one to write for."""
    named = list(dict.fromkeys(turn.platforms)) if turn.platforms_named and turn.platforms else []
    if _GOOGLE.search(turn.masked) and "google_business" not in named:  # "Google" alone: the Business Profile
        named.append("google_business")
    return named or [_platform(turn, profile)]


def practice_field(text: str, data: DraftData, specialty: str | None) -> PracticeField | None:
    """The kind of practice the asker says they are when the data has no specialty for it ("our pharmacy in
    Swansea"), or None; a known specialty wins (drafts.yaml `extras.fields`)."""
    if specialty:
        return None
    # "Chiropractor, I post 3 reels a week": the field named first is the asker's, read as "I'm a chiropractor"
    start = _FIELD_FIRST.match(text)
    said = f"I'm a {start.group(1)}" if start else ""
    return next(
        (
            f
            for f in data.extras.fields
            if re.search(f.asks, text, re.IGNORECASE) or (said and re.search(f.asks, said, re.IGNORECASE))
        ),
        None,
    )


_FIELD_FIRST = re.compile(r"\W*([A-Za-z][\w-]*)(?:,|\s+here\b|\s+-\s)")  # one word, then a comma or "here"


def names_unheld_profession(turn) -> bool:
    """Whether the message names a profession no specialty covers (an osteopath, a doula): turn.py reads its
    profession as ""."""
    return getattr(turn, "profession", None) == ""


def asker_field(turn, profile: ClinicProfile | None, specialty: str | None) -> str | None:
    """The asker's specialty: the one the message names, else the saved profile's, unless the message names a
    profession no specialty covers (an osteopath with a family practice profile writes as an osteopath)."""
    if specialty or profile is None or names_unheld_profession(turn):
        return specialty or None
    return profile.specialty


def topic_scope(turn, specialty: str | None) -> str | None:
    """The specialty whose posts a draft looks in first: the asker's, else, for a profession no specialty covers, the
    nearest one (an osteopath's back-pain post is the physiotherapists', never a gynaecologist's on period pain)."""
    return specialty or getattr(turn, "nearest_field", None)


def _country_code(turn, profile: ClinicProfile | None) -> str | None:
    """The asker's country (ISO code): the one the message names, else the saved profile's."""
    return getattr(turn, "country", None) or (profile.country if profile is not None else None)


def _values(profile: ClinicProfile | None, details: Details | None = None) -> dict[str, str]:
    """Placeholder values ({clinic}, {city}, {booking}, {phone}): the saved profile's, then what the message says."""
    from ..planners.captions import profile_values

    saved = {k: v for k, v in (profile_values(profile) if profile is not None else {}).items() if v}
    return {**(details.values() if details else {}), **saved}


def _post_values(profile: ClinicProfile | None, details: Details | None = None) -> dict[str, str]:
    """The values for a post: as `_values`, and with no name given, the asker's own word for the place ("our
    pharmacy", "our surgery"), never "our clinic" for a pharmacy nor the whole description ("our derm practice")."""
    values = _values(profile, details)
    if "clinic" not in values and details is not None and details.place:
        values["clinic"] = f"our {details.place.lower()}"
    return values


def _with_tags(text: str, tags: list[str]) -> str:
    return f"{text}\n\n{' '.join(tags)}" if tags and text else text


def _pasted(text: str) -> str:
    match = _QUOTED.search(text)
    return next(g for g in match.groups() if g).strip() if match else ""


_TITLED = re.compile(r"\b(Dr|Doctor|Prof)(\.?\s+)([A-Z][\w'’-]+(?:\s+(?:O'|O’|Mc|Mac|de |van |von )?[A-Z][\w'’-]+)?)")
_TITLED_MASKED = re.compile(r"\b(Dr|Doctor|Prof)(\.?\s+)\[NAME\](?:\s+\[NAME\])?")  # "Dr [NAME] [NAME]": one name
_QUOTED_LAST = re.compile(r":\s*[\"“'‘](.{10,}?)[\"”'’]\s*[.?!]*\s*$", re.DOTALL)
# A comment pasted after a colon, then a short request with no quotes ("...: 'my mum's had a lump...'. Write the
# reply."): everything between the first and the last quote mark, apostrophes and all.
# The request after it may use apostrophes inside words ("We're a pharmacy in Wellington. Friendly but factual.").
_QUOTED_THEN_ASK = re.compile(
    r":\s*[\"“'‘](.{10,})[\"”'’]\s*[.?!]*\s+(?:[^\"“”'‘’:]|(?<=\w)['’](?=\w)){3,160}$", re.DOTALL
)


def _titled_names_back(masked: str, typed: str) -> str:
    """The masked message with the names of titled clinicians ("Dr. Lopez") as typed: a practice announcing a
    colleague's arrival or departure names them. Only names after Dr or Prof come back, never a patient's."""
    names = iter(m.group(3) for m in _TITLED.finditer(typed))
    return _TITLED_MASKED.sub(lambda m: f"{m.group(1)}{m.group(2)}{next(names, '[NAME]')}", masked)


def _pasted_comment(text: str) -> str:
    """The comment or message pasted after a colon ("...: 'I've had sciatica, what should I do?'"), apostrophes
    and all, else whatever the usual quote finder sees."""
    found = _QUOTED_LAST.search(text) or _QUOTED_THEN_ASK.search(text)
    return found.group(1).strip() if found else _pasted(text)


def _subject_tag(phrase: str) -> str:
    """A hashtag for a short subject ("ACL rehab" -> "#ACLRehab"), or "" for a long or empty one."""
    words = [re.sub(r"[^\w]", "", w) for w in phrase.split()]
    words = [w for w in words if w]
    if not 1 <= len(words) <= 3:
        return ""
    return "#" + "".join(w if w.isupper() else first_upper(w) for w in words)


# A list item that tells how to write, not what about: "want people to book", "keep em punchy", "include a CTA".
_INSTRUCTION = re.compile(
    r"(?:want|wants|wanting|need|needs|keep|make|include|including|add|use|please|pls|plus|with|without|no|not|"
    r"ideally|maybe|i|i'm|we|we're|it|they|should|must|tone|something|nothing|max|under|less|around)\b",
    re.IGNORECASE,
)
_LIST = re.compile(
    r"(:|\b(?:about|on|covering)\b)\s+([^.;:?!\n]{3,}?(?:,|\band\b|&)[^.;:?!\n]{3,}?)(?=\s*(?:[.;?!\n]|$))",
    re.IGNORECASE,
)


def _asking(turn, text: str):
    """The turn as if it asked `text` (one subject of a list), everything else the same."""
    one = _shallow(turn)
    one.masked = one.question = text
    return one


# One item of a numbered list written inline or line by line: "1) free consult offer 2) halloween 3) Invisalign Teen".
_NUMBERED = re.compile(r"(?:^|(?<=[\s(]))([1-9])[.)]\s+(.+?)(?=\s+[1-9][.)]\s|\n|$)", re.DOTALL)
_ITEM_END = re.compile(r"[.!?](?=\s|$)")


def numbered_items(text: str) -> tuple[list[str], int, int] | None:
    """(items, where the list starts, where it ends) of a list numbered 1, 2, 3 ... in a message; the last item ends
    with its sentence ("4) we're now open Saturdays 8-1. Keep them short"); None when no such list of two or more."""
    found = list(_NUMBERED.finditer(text))
    numbers = [int(m.group(1)) for m in found]
    if len(found) < 2 or numbers != list(range(1, len(found) + 1)):
        return None
    if any("?" in m.group(2) for m in found[:-1]):
        return None  # "1) is this allowed? 2) write the post": questions, not the subjects of posts
    last = found[-1]
    end = _ITEM_END.search(last.group(2))
    items = [m.group(2) for m in found[:-1]] + [last.group(2)[: end.start()] if end else last.group(2)]
    stop = last.start(2) + (end.start() if end else len(last.group(2)))
    return [i.strip(" ,;'\"") for i in items], found[0].start(), stop


def listed_items(listed: str) -> list[str]:
    """The items of a list as written ("verrucas, diabetic foot checks and nail surgery"), up to the first that
    tells how to write rather than what about ("want people to book")."""
    items = [i.strip(" '\"") for i in re.split(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s+&\s+)", listed)]
    return until_instruction([i for i in items if i])


def until_instruction(items: list[str]) -> list[str]:
    """The items before the first that tells how to write ("want people to book", "keep em punchy")."""
    cut = next((n for n, i in enumerate(items) if _INSTRUCTION.match(i)), len(items))
    return items[:cut]
