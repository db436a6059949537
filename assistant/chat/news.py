"""Practice news posts on request: a welcome for a new colleague, new opening hours, a closure, a vaccination
clinic, a move, a new service, an event. The posts are authored (knowledge/data/announcements.yaml) and filled
from the message and the clinic profile; a detail the message does not give stays a bracketed placeholder such as
[day], for the clinic to fill in before posting, and the draft says so."""

from __future__ import annotations

import re

from ..knowledge.base import compiled
from ..knowledge.copy import fill
from ..knowledge.models import Platform
from ..knowledge.schemas.announcements import SLOTS, AnnouncementData, NewsKind
from .models import Draft
from .wording import first_upper, with_article

_MASKED_NAME = "[NAME]"  # how masking shows a person's name; a colleague's name is filled in by the clinic
# A titled name, first name and surname ("Dr Liam O'Connor") or one of them ("Dr Lopez").
_TITLE_NAME = re.compile(
    r"\b(Dr|Doctor|Prof|Mr|Mrs|Ms|Miss|Mx)\.?\s+(\[NAME\](?:\s+\[NAME\])?|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
# The role written after the name: "Dr Amira Haddad, consultant rheumatologist, has joined".
_APPOSITION = re.compile(
    r"\s*,\s*((?:an?\s+)?(?:[a-z][\w'’-]*\s+){0,3}?(?:[a-z][\w'’-]*|GP))\s*"
    r"(?=,|\s+(?:to|at|has|have|who|is|will|joins?|joined)\b)"
)
_DAYS = re.compile(
    r"\b((?:mon|tues|wednes|thurs|fri|satur|sun)day)s?(?:\s+(morning|afternoon|evening)s?)?\b|\b(weekend)s?\b",
    re.IGNORECASE,
)
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DATE = re.compile(
    rf"\b(?:the )?(?:end|start|beginning|middle) of (?:{_MONTHS})[a-z]*\b|"
    r"\b(?:the )?(?:end|start|beginning|middle) of (?:next|this) (?:month|year)\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})[a-z]*\b|\b(?:{_MONTHS})[a-z]*\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b(?:christmas (?:day|eve)|boxing day|new year'?s (?:day|eve)|good friday|easter (?:monday|sunday|weekend)"
    r"|(?:the )?(?:bank|public) holiday(?: monday)?|christmas|easter|diwali|eid)\b"
    r"|\b(?:next |this )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|(?:(?<=\buntil )|(?<=\btill )|(?<=\bfrom ))(?:january|february|march|april|june|july|august|september|october"
    r"|november|december)\b",  # "full until March": the month alone
    re.IGNORECASE,
)
# "a part-time (20 hrs/wk) social media & marketing coordinator": the hours before the role are not the role
_HOURS_FIRST = r"(?:(?:part|full)[- ]time\s+)?(?:\([^()]{0,30}\)\s+)?"
_ROLE_WORDS = r"([\w'’&/ -]{3,40}?)"
_JOB_ROLE = re.compile(
    r"\b(?:job|vacancy|recruitment|hiring)\s+(?:ad|advert|advertisement|post|posting|listing|description|notice)s?"
    rf"\s+(?:for|of)\s+(?:an?\s+|our\s+|the\s+)?(?:new\s+)?{_HOURS_FIRST}{_ROLE_WORDS}"
    r"(?=\s+(?:at|in|for|to|on|who|with|from)\b|[,.;:!?()]|$)",
    re.IGNORECASE,
)
_ADVERT = r"(?:ad|advert|advertisement|post|posting|listing|description|notice)s?\b"
_HIRING = re.compile(  # "hiring a receptionist", "to recruit (1) a salaried GP, 3-4 days, and (2) ..."
    r"\b(?:hiring|recruiting|looking for|recruit|hire)\s+(?:\(?\d\)\s+)?(?:an?\s+)?(?:new\s+)?"
    rf"{_HOURS_FIRST}(?!{_ADVERT}){_ROLE_WORDS}"  # "a hiring post for ...": the post is no role
    r"(?=\s+(?:at|in|for|to|on|who|with|from)\b|[,.;:!?()]|$)",
    re.IGNORECASE,
)
# The role named after the request: "We need a part-time receptionist, 3 days a week".
# ... and "Our clinic (family medicine, 2 doctors) needs a full-time clinic assistant".
_NEEDED = re.compile(
    r"(?:\b(?:we need|we're after|we are after|we are looking for|seeking)"
    r"|(?:\b(?:clinic|practice|surgery|pharmacy|team|office)|\))\s+needs)\s+(?:an?\s+)(?:new\s+)?"
    rf"{_HOURS_FIRST}(?!{_ADVERT}){_ROLE_WORDS}"
    r"(?=\s+(?:at|in|for|to|on|who|with|from)\b|[,.;:!?()]|$)",
    re.IGNORECASE,
)
# The role before the word for the job: "a short post for Facebook and LinkedIn for a practice nurse job".
_ROLE_THEN_JOB = re.compile(
    rf"\b(?:for|about|advertising)\s+(?:an?|the|our)\s+(?:new\s+)?{_HOURS_FIRST}{_ROLE_WORDS}"
    r"\s+(?:job|role|position|vacancy|post)\b",
    re.IGNORECASE,
)
# The role after a colon: "a job post for Instagram + LinkedIn: medical assistant, full-time".
_ROLE_AFTER_COLON = re.compile(
    rf"\b(?:job|vacancy|hiring|recruitment)\s+{_ADVERT}[^:\n]{{0,60}}:\s*(?:an?\s+)?(?!we\b|i\b|our\b)"
    r"([\w'’ -]{3,40}?)(?=[,.;(]|$)",
    re.IGNORECASE,
)
_PLATFORM_WORDS = re.compile(
    r"\b(instagram|facebook|linkedin|tiktok|youtube|twitter|x|threads|google|social media|website)\b", re.IGNORECASE
)
_JOB_NOUN = re.compile(
    r"\b(?:coordinator|manager|assistant|specialist|officer|executive|lead|designer|creator|editor|marketer|"
    r"strategist|administrator|intern)s?$",
    re.IGNORECASE,
)
_DAY = r"(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
_WEEKDAYS = re.compile(rf"\b{_DAY}\s*(?:-|–|to)\s*{_DAY}\b", re.IGNORECASE)  # "Monday to Friday", "Mon-Fri"
_PAY = re.compile(
    r"[£$€]\s?\d[\d,.]*(?:k)?(?:\s*(?:-|–|to)\s*[£$€]?\s?\d[\d,.]*(?:k)?)?"
    r"((?:\s*(?:/|per|an?)\s*(?:hr|hour|year|yr|annum|month|session)){1,2})?",
    re.IGNORECASE,
)
_PAY_WINDOW = 40  # "pay", "salary" ... and up to 30 characters: only so far before an amount is looked at
_PAY_WORDS = re.compile(r"\b(?:pay|paying|salary|wage|rate)\b[^.\n]{0,30}$", re.IGNORECASE)
_OFFER = re.compile(  # "We offer: flexible hours, CPD allowance $1,500, free parking." -> the list
    r"\b(?:we (?:can )?offer|benefits(?: include)?|perks(?: include)?)\s*:?\s+(.+?)(?=\.(?:\s|$)|[\n!?]|$)",
    re.IGNORECASE,
)
# What a job request says the role needs or offers, said in passing ("Senior Physio, 2+ yrs MSK experience, salary
# €48k-€55k, CPD budget €1,500, rotating day off midweek"): the comma-separated pieces naming experience or
# registration, and those naming a benefit.
_NEEDS = re.compile(
    r"\b\d+\s*\+?\s*(?:yrs?|years?)(?:'|’)?\s+(?:of\s+)?(?:[\w/&-]+\s+){0,3}?(?:experience|exp)\b"
    r"|\b(?:at least|minimum( of)?)\s+\d+\s*(?:yrs?|years?)\b[^,.;\n]{0,40}"
    r"|\b(?:[A-Z]{2,5}|fully|must be)\s*[- ]?registered\b[^,.;\n]{0,30}",
)
_PERKS = re.compile(
    r"\b(?:cpd|pension|parking|(?<!a )bonus(?:es)?|sign[- ]on|relocation|days? off|annual leave|holidays?|"
    r"health insurance|indemnity|"
    r"training budget|study leave|flexible (?:hours|working)|(?:four|4)[- ]day week|paid (?:training|courses?))\b",
    re.IGNORECASE,
)
_MOST_LISTED = 6  # benefits or requirements said in passing that a post lists, at most
_PIECES = re.compile(r"[^,.;:?!\n()]+(?:[.,]\d[^,.;:?!\n()]*)*")  # "CPD budget €1,500" stays one piece
_HOURS = re.compile(
    r"\b(?:full[- ]time|part[- ]time|\d{1,2}\s*sessions?(?:\s*(?:a|per)\s*week)?|"
    r"\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?\s*hours?\s*(?:a|per)\s*week|"
    r"\d(?:\s*(?:-|–|to)\s*\d)?\s*days?\s*(?:a|per)\s*week|\d\s*(?:-|–|to)\s*\d\s*days(?=\s*[,.;)]))\b",
    re.IGNORECASE,
)
_PLACE_ONLY = re.compile(
    r"(?:(?:our|my|the|a|this)\s+)?(?:[\w'’-]+\s+)?(?:practice|clinic|surgery|office|team|centre|center|pharmacy)",
    re.IGNORECASE,
)
_SECOND_ROLE = re.compile(r"\(2\)|(?<!\S)2\)")  # the second of numbered roles
# "... a salaried GP (6 sessions) and a part-time receptionist (20 hrs)": the second role of two, after "and a"
_NOT_A_ROLE = re.compile(r"\b(?:version|post|copy|caption|ad|advert|story|reel|one)s?\b", re.IGNORECASE)
_AND_ROLE = re.compile(
    rf"\s+and\s+(?:an?|one)\s+(?:new\s+)?{_HOURS_FIRST}{_ROLE_WORDS}(?=\s*[,.;:!?()]|\s+(?:at|in|for|to|on|who|with|from)\b|$)",
    re.I,
)
# A name as written, "O'Connor", "McKenzie", "Mary-Jane" and "D'Souza" included.
_NAME_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*"
_PREPOSITION = re.compile(r"\b(on|over|from|until|by|at|in|between|during|for)\s+$", re.IGNORECASE)
_NEW_PLACE = re.compile(
    r"\bnew\s+((?:[\w'’-]+\s+){0,4}?(?:clinic|practice|surgery|centre|center|office|pharmacy))\b", re.IGNORECASE
)
# "opening my own private counselling practice": the practice, as the asker's own
_OWN_PLACE = re.compile(
    r"\b(my|our)\s+(?:very\s+)?own\s+((?:[\w'’-]+\s+){0,4}?(?:clinic|practice|surgery|centre|center|office|pharmacy))\b",
    re.IGNORECASE,
)
# "We're opening a paediatric clinic in Kilimani": the place, as the practice's own
_A_PLACE = re.compile(
    r"\b(?:opening|launching)\s+an?\s+((?:[\w'’-]+\s+){0,3}?(?:clinic|practice|surgery|centre|center|office|pharmacy))\b",
    re.IGNORECASE,
)
# "opening a second location in Calgary (Seton)": the place, with the town and area the message gives
_ANOTHER_PLACE = re.compile(
    r"\b(second|third|fourth|2nd|3rd|another)\s+(location|site|branch|clinic|practice|office|surgery)\b"
    r"(?:\s+(?:in|at)\s+((?-i:[A-Z])[\w'’-]+(?:\s+(?:(?-i:[A-Z])[\w'’-]+|\((?-i:[A-Z])[^()\n]{1,30}\))){0,3}))?",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"it", "this", "that", "them", "these", "those", "the news", "this news", "that news"})
_VACCINES = re.compile(r"\b(flu|covid(?:-19)?|rsv|shingles|pneumococcal|travel)\b", re.IGNORECASE)
_UNTIL = (  # what is offered ends before whom it is for, a bracket, a clause or when ("... next month")
    r"(.+?)(?=\s+(?:for|in|at|on|from|to)\s+(?:my|our|the|your|a|an)\b|\s*\(|[,.;!?\n]|$"
    r"|\s+(?:next|this|later this)\s+(?:week|month|year|spring|summer|autumn|fall|winter)\b)"
)
# "We now fit and adjust over-the-counter hearing aids": what is done now, said as a service ("fitting and adjusting
# over-the-counter hearing aids"), for "We now offer {service}".
_DONE = r"(?:fit|adjust|stock|supply|supplies|perform|repair)s?"
_DONE_NOW = re.compile(
    rf"\b(?:now|also)\s+({_DONE}(?:\s+(?:and|&)\s+{_DONE})?)\s+(?:a |an |the )?" + _UNTIL,
    re.IGNORECASE,
)
_SERVICE = (  # the strongest cue first: "announcing that we now offer X" is about X
    re.compile(
        r"\b(?:now|also) (?:offers?|offering|provides?|providing|do|doing|runs?|running|have)\s+(?:a |an |the )?"
        + _UNTIL,
        re.IGNORECASE,
    ),
    re.compile(  # "we start offering egg freezing next month"
        r"\b(?:start|started|starting|begin|began|beginning|will be)\s+(?:offering|providing|running)\s+"
        r"(?:a |an |the )?" + _UNTIL,
        re.IGNORECASE,
    ),
    re.compile(  # "Starting small-group antenatal classes: 4 weeks, Tuesday evenings": the classes
        r"\b(?:start|starting|begin|beginning)\s+(?:a |an |our |my |new )?((?:[\w'’-]+\s+){0,3}?"
        r"(?:classes|class|courses?|groups?|programmes?|programs?))\b",
        re.IGNORECASE,
    ),
    re.compile(  # "announcing that I am launching a return-to-work programme": what is launched, not who
        r"\b(?:launch(?:ing|ed)?|introducing|adding|added)\s+(?:that\s+)?(?:a |an |the |our |my )?(?:new )?" + _UNTIL,
        re.IGNORECASE,
    ),
    re.compile(
        # "announcing our hospital's new pediatric ER wing": the wing, not whose it is
        r"\b(?:announc(?:e|ing)|news(?: that| about)?)\s+(?:that\s+)?(?:a |an |the |our |we )?(?:[\w-]+['’]s\s+)?"
        r"(?:new )?" + _UNTIL,
        re.IGNORECASE,
    ),
    # "a caption for our new Saturday morning sports injury clinic": what is new, after what the post is for
    re.compile(r"\b(?:for|about|on)\s+(?:our|the|a|an)\s+new\s+" + _UNTIL, re.IGNORECASE),
)
_EVENT_WORDS = (  # what the event is ("information evening"), after up to three words saying what about
    r"(?:open day|open evening|health talk|free talk|patient talk|webinar|workshop|q&a|live session|fundraiser|"
    r"coffee morning|(?:information|info|open|patient|parents?'?|carers?'?)\s+(?:evening|night|morning|afternoon|"
    r"session|event|day)s?|event)"
)
_NOT_ABOUT = r"(?!(?:to|for|at|in|on|a|an|the|our|my|your|their|and|with|about|of|new|free|announc\w*|promot\w*)\b)"
_EVENT = re.compile(
    r"\b(?:an? |our )?(?:new )?((?:free )?(?:"
    + _NOT_ABOUT
    + r"[\w-]+ ){0,3}?"
    + _EVENT_WORDS
    + r"(?:\s+about\s+[^,.;!?\n]{3,40}?(?=\s+(?:on|at|in|from|this|next)\b|[,.;!?\n]|$))?)",
    re.IGNORECASE,
)


_SAYS_WHERE = re.compile(r"\b(?:in|at)\s+(?-i:[A-Z])\w+")  # "... office in Meridian": a place named


class NewsWriter:
    """Recognises a request for practice news and writes the post for one platform."""

    def __init__(self, data: AnnouncementData) -> None:
        self.data = data
        roles = sorted(data.roles, key=len, reverse=True)  # "dental nurse" before "nurse"
        any_role = "(?:" + "|".join(re.escape(r) for r in roles) + ")"
        self._role = re.compile(r"\b(" + "|".join(re.escape(r) for r in roles) + r")s?\b", re.IGNORECASE)
        self._cues = {  # a cue's {role} is any of the job titles ("we need a dental hygienist")
            kind.id: tuple(compiled(p.replace("{role}", any_role), re.IGNORECASE | re.DOTALL) for p in kind.cues)
            for kind in data.kinds
        }
        self._first_cues = {
            kind.id: tuple(compiled(p, re.IGNORECASE | re.DOTALL) for p in kind.first_cues) for kind in data.kinds
        }
        self._role_then_name = re.compile(
            r"\b(?:"
            + "|".join(re.escape(r) for r in roles)
            + r"),?\s+(\[NAME\]|"
            + _NAME_WORD
            + r"(?:\s+"
            + _NAME_WORD
            + r")?)"
        )

    def kind_for(self, text: str, code: str | None = None) -> NewsKind | None:
        """The kind of news a request to write is about, or None (then it is a post about a health topic). `code`:
        the asker's country, when known; a kind its rules bar is none of its news (`not_in`)."""
        kinds = [kind for kind in self.data.kinds if not (code and code in kind.not_in)]
        for kind in kinds:
            if any(cue.search(text) for cue in self._first_cues[kind.id]):
                return kind
        for kind in kinds:
            if any(cue.search(text) for cue in self._cues[kind.id]):
                return kind
            if (thing := kind.new_thing) is not None and thing.search(text):
                return kind
        return None

    def details(self, kind: NewsKind, text: str) -> dict[str, str]:
        """What the message says about the news: person, role, days, date, service; missing ones stay out."""
        found: dict[str, str] = {}
        found.update(self._who(text))
        days = [_days(m) for m in _DAYS.finditer(text)]
        if days:
            found["days"] = _join(list(dict.fromkeys(days)))
        named = _NAMED_EVENT.search(text) if kind.id in ("clinic_day", "event") else None
        dates = list(dict.fromkeys(m.group(0) for m in _DATE.finditer(text) if not _inside(m, named)))
        if span := _date_range(text):  # "from 24 Dec to 2 Jan": one span, not a list of days
            found["date"] = found["when"] = span
            occasion = next((d for d in dates if _OCCASION.fullmatch(d)), None)
            if occasion:  # "closed for Diwali 31 Oct to 3 Nov": the occasion stays with its span
                found["when"] = f"for {occasion}, {span}"
        elif dates:
            found.update(_dated(kind, text, dates))
        people = self._people(text)
        if len(people) > 1:
            found["successor"] = people[1]
        if (own := _KIND_DETAILS.get(kind.id)) is not None:
            found.update(own(text))
        if role := found.get("role"):
            found["a_role"] = with_article(role)
        if kind.id == "new_staff" and (about := _about_person(text, found.get("person", ""))):
            found["about_line"] = f" {about}"
        if named is not None:  # "a Back-to-School Sports Physical Saturday": the day's own name
            found["service"] = named.group(1)
        if kind.id == "special_hours":
            greeting = self.data.greetings.get(found.get("occasion", "").split(" ")[0].lower(), "")
            found["greeting"] = f"{greeting}\n\n" if greeting else ""
        if service := _service_in(kind, text, found.get("service", "")):
            found["service"] = service
        return found

    def draft(self, kind: NewsKind, text: str, platform: Platform, values: dict[str, str]) -> Draft:
        """The post for this platform, filled from the profile's values and the message's details."""
        template = {"linkedin": kind.linkedin, "google_business": kind.google_business}.get(platform.id, kind.social)
        if platform.id == "x":  # 280 characters: the news and the call to action
            paragraphs = template.strip().split("\n\n")
            template = f"{paragraphs[0]}\n\n{paragraphs[-1]}"
        details = self.details(kind, text)
        if _RELATIVE_DAY.match(details.get("date", "")):  # "this Saturday", not "on this Saturday"
            template = template.replace("on {date}", "{date}")
        city = values.get("city", "")
        # "our second location in Calgary", "our 2nd office in Meridian": the service already says where
        service = details.get("service", "")
        said_where = city and (city.lower() in service.lower() or _SAYS_WHERE.search(service) is not None)
        details["city_clause"] = f" in {city}" if city and not said_where else ""
        details["emergency"] = values.get("emergency") or "your local emergency number"
        paragraphs = [" ".join(p.split()) for p in template.strip().split("\n\n")]  # the YAML's wrapped lines
        body = "\n\n".join(first_upper(fill(_details(p, details), values)) for p in paragraphs)
        notes = list(kind.notes)
        if second := details.get("second_role"):  # "a salaried GP ... and a part-time receptionist": one advert each
            notes.insert(
                0, f"This advert is for the {details.get('role')}; ask for the {second}'s own, with its hours and pay."
            )
        if "[" in body:
            notes.insert(0, "Fill in the parts in [brackets] before posting.")
        draft = Draft(
            kind="caption",
            platform=platform.id,
            title=f"{platform.name} post: {kind.title.lower()}",
            text=body,
            notes=notes,
            card=kind.card,
            guide=kind.guide,
        )
        if (email := self.data.email) is not None and re.search(email.asked, text, re.IGNORECASE):
            return draft.model_copy(  # the same news, asked for as an email to the practice's patients
                update={
                    "platform": None,
                    "title": f"Email to patients: {kind.title.lower()}",
                    "text": f"{email.subject.format(title=kind.title)}\n\n{body}",
                    "notes": [*notes, *email.notes],
                }
            )
        return draft

    def with_replies(self, text: str) -> NewsKind | None:
        """The news a message asks for when it also asks for the replies to the comments that news will draw
        ("the announcement + 2-3 standard replies"), else None; the news kinds are only looked for after the cheap
        check that replies are asked for at all."""
        if not any(compiled(p, re.IGNORECASE).search(text) for p in self.data.replies_too):
            return None
        kind = self.kind_for(text)
        return kind if kind is not None and kind.comment_replies else None

    def replies(self, kind: NewsKind, values: dict[str, str]) -> Draft:
        """The standard replies to the comments this news will draw: one paragraph per situation, nothing about
        anyone's care."""
        text = "\n\n".join(
            f"{situation}:\n{' '.join(fill(reply, values).split())}"
            for situation, reply in kind.comment_replies.items()
        )
        notes = list(kind.reply_notes)
        if "[" in text:
            notes.insert(0, "Fill in the parts in [brackets] before posting.")
        return Draft(
            kind="review_reply",
            platform=None,
            title=f"Replies to comments on the post: {kind.title.lower()}",
            text=text,
            notes=notes,
        )

    def _who(self, text: str) -> dict[str, str]:
        """The person the news is about and their role, as the message gives them."""
        found: dict[str, str] = {}
        if person := self._person(text):
            found["person"] = person
        if role_written := self._role_after_name(text):
            found["role"] = role_written
        elif role := self._role.search(text):
            found["role"] = role.group(1) if role.group(1).isupper() else role.group(1).lower()
        return found

    def _role_after_name(self, text: str) -> str | None:
        """The role written after a titled name ("Dr Amira Haddad, consultant rheumatologist,"), if it names one."""
        titled = _TITLE_NAME.search(text)
        found = _APPOSITION.match(text, titled.end()) if titled else None
        if found is None:
            return None
        role = re.sub(r"^an?\s+", "", found.group(1))
        known = self._role.search(role) or re.search(r"(ist|ian|surgeon|GP)$", role)
        return role if known else None

    def _people(self, text: str) -> list[str]:
        """Every clinician the message names with a title ("Dr. Lopez ... Dr. Chen"), in order."""
        out = []
        for m in _TITLE_NAME.finditer(text):
            name = "[name]" if m.group(2).startswith(_MASKED_NAME) else m.group(2)
            out.append(f"{m.group(1)} {name}")
        return list(dict.fromkeys(out))

    def _person(self, text: str) -> str | None:
        titled = _TITLE_NAME.search(text)
        if titled:
            name = titled.group(2)
            return f"{titled.group(1)} [name]" if name.startswith(_MASKED_NAME) else f"{titled.group(1)} {name}"
        after_role = self._role_then_name.search(text) or _NAME_IS.search(text)
        if after_role:
            name = after_role.group(1)
            return "[name]" if name == _MASKED_NAME else name
        return "[name]" if _MASKED_NAME in text else None


# The colleague's name given on its own: "We have a new physio joining. ... Her name is Kate Murphy".
_NAME_IS = re.compile(r"\b(?i:her|his|their) (?i:name) is (\[NAME\]|" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")?)")


# A named occasion among the dates ("Diwali", "Easter weekend"), not a weekday, a month or a day-and-month date.
_OCCASION = re.compile(
    r"christmas(?: day| eve)?|boxing day|new year'?s (?:day|eve)|good friday|easter(?: monday| sunday| weekend)?"
    r"|diwali|eid",
    re.IGNORECASE,
)


# What a price offer is on: "our teeth whitening promo", "a 20% discount on Invisalign", "an intro offer for new
# patients' check-ups".
_ON_OFFER = re.compile(
    r"\b(?:our|my|a|an|the)\s+((?:(?!(?:new|special|summer|winter|spring|autumn|october|christmas)\b)[\w'’-]+\s+){0,3}?"
    r"[\w'’-]+)\s+(?:promo|promotion|special offer|offer|deal)\b"
    r"|\b(?:discount|\d{1,2}\s?% off)\s+(?:on|for)\s+(?:our\s+|the\s+|a\s+|an\s+)?((?:[\w'’-]+\s+){0,2}?[\w'’-]+)"
    r"(?=\s+(?:in|for|this|until|from|on|at|to|with|when)\b|\s*[,.;:!?(]|\s*$)",
    re.IGNORECASE,
)


def _service_in(kind: NewsKind, text: str, found: str) -> str:
    """What the news is about: the new place, the vaccine, the new equipment, the event, or what is offered now;
    `found`: what the kind's own details already read (a service change's new service)."""
    if kind.id == "opening" and (more := _ANOTHER_PLACE.search(text)):
        where = f" in {more.group(3)}" if more.group(3) else ""
        return f"our {more.group(1).lower()} {more.group(2).lower()}{where}"
    if kind.id == "opening" and (place := _NEW_PLACE.search(text)):
        return f"our new {place.group(1)}"
    if kind.id == "opening" and (own := _OWN_PLACE.search(text)):
        return f"{own.group(1).lower()} {own.group(2)}"
    if kind.id == "opening" and (place := _A_PLACE.search(text)):
        return f"our {place.group(1)}"
    if kind.id == "clinic_day" and (walk := _WALK_IN.search(text)):  # "walk-in flu vaccinations"
        return walk.group(0)[:1].lower() + walk.group(0)[1:]
    if kind.id == "vaccination" and (vaccine := _VACCINES.search(text)):
        name = vaccine.group(1)
        return f"{name.upper() if name.lower().startswith('covid') else name.lower()} vaccination"
    if kind.new_thing is not None and (thing := kind.new_thing.search(text)):
        return thing.group(1)
    if kind.id == "offer" and (offered := _ON_OFFER.search(text)):
        return offered.group(1) or offered.group(2)
    if kind.id == "event" and (event := _EVENT.search(text)):
        return "our " + event.group(1).strip()
    if not found and (done := _DONE_NOW.search(text)):
        return f"{_doing(done.group(1))} {done.group(2).strip()}"
    if not found and (service := next((m for m in (p.search(text) for p in _SERVICE) if m), None)):
        what = service.group(1).strip()
        return "" if what.lower() in _PRONOUNS else what  # "announce it": the message says elsewhere what "it" is
    return found


def _doing(verbs: str) -> str:
    """ "fit and adjust" -> "fitting and adjusting", "stocks" -> "stocking"."""
    stems = (re.sub(r"(?<!s)s$", "", re.sub(r"ies$", "y", w)) for w in verbs.lower().split())
    return " ".join(w if w in ("and", "&") else w + ("ting" if w == "fit" else "ing") for w in stems)


def _dated(kind: NewsKind, text: str, dates: list[str]) -> dict[str, str]:
    """The date and "when" of news with dates but no span. "Closed on Monday for the bank holiday" is the day with the
    holiday as its reason, not two dates; a move keeps its own day, not a closure's."""
    reason = next((d for d in dates[1:] if re.search(rf"\bfor\s+{re.escape(d)}", text, re.IGNORECASE)), None)
    if kind.id in ("moving", "hours_reduced"):  # "from 1st Sept ... closing Wednesday afternoons": its own day
        date, reason = dates[0], None
    else:
        date = _join([d for d in dates if d != reason])
    first = _DATE.search(text)
    before = _PREPOSITION.search(text[: first.start()]) if first else None
    when = f"{before.group(1).lower() if before else 'on'} {date}"
    return {"date": date, "when": f"{when} for {reason}" if reason else when}


# The hours a message gives ("Ramadan timings: Sat-Thu 10am-4pm and 9pm-1am, closed Friday", "hours change to 8-5
# weekdays and 8-12 Saturdays"), to the end of the sentence or a clause that turns to something else.
_TURN = r"(?!\.\s|,\s*and\s+(?:we|we're|our)\b)"  # where the hours end: a sentence's end, ", and we ..."
_TIMETABLE = re.compile(
    r"\b(?:timings?|hours|opening times|schedule)\b(?:\s*[:\-–?]\s*|\s+(?:are|will be|change to|changing to|change|"
    rf"are changing to|become|from)\b\s*:?\s*)((?:{_TURN}[^\n?!])*?\d(?:{_TURN}[^\n?!])*?)"
    r"(?=\.\s|\.$|,\s*and\s+(?:we|we're|our)\b|[\n?!]|$)",
    re.IGNORECASE,
)
# Without the word "hours": "we'll be closed on the first two days of Eid, then open 10am-6pm for the rest".
# Hours written "open 9-1" count too; a bare "1-2" is no hours ("closed June 1-2", "give 2-3 tips").
_OPEN_CLOSED = re.compile(
    r"\b((?:we(?:'ll| will) be |we are |we're )?(?:closed|open)\b[^.!?\n]*?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|h\b)|"
    r"\bopen\s+(?:from\s+)?\d{1,2}(?:[:.]\d{2})?\s*[-–]\s*\d{1,2}(?:[:.]\d{2})?\b)[^.!?\n]*)",
    re.IGNORECASE,
)
_WE_WILL_BE = re.compile(r"^(?:we(?:'ll| will) be|we are|we're)\s+", re.IGNORECASE)
_SEASON = re.compile(
    r"\b(ramadan|eid(?: al[- ](?:fitr|adha))?|christmas|the festive season|festive|the holidays|summer|diwali|easter|"
    r"new year|school holidays|onam|pongal|navratri|hari raya|chinese new year|lunar new year)\b",
    re.IGNORECASE,
)
# "moving to new rooms in Umhlanga", "relocating to Ballsbridge": the new place's area, to go with the address.
_NEW_AREA = re.compile(
    r"\b(?:moving|move|relocating|relocate)\s+(?:to\s+)?(?:our\s+|new\s+|bigger\s+)*"
    r"(?:(?:rooms|premises|building|site|location|address|clinic|practice|surgery|offices?)\s+)?(?:in|at|to)\s+"
    r"((?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,3})",
    re.IGNORECASE,
)


# "We're doing a Back-to-School Sports Physical Saturday on Aug 9": an event the message names in capitals.
_RELATIVE_DAY = re.compile(r"(?:this|next|tomorrow|today|tonight)\b", re.IGNORECASE)
_WALK_IN = re.compile(
    r"\b(?:walk-?in|drop-?in)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:vaccin\w*|jabs?|shots?|boosters?|immuni[sz]ations?|checks?|screenings?)\b",
    re.IGNORECASE,
)
_NAMED_EVENT = re.compile(
    r"\b(?:doing|running|hosting|holding|having|organi[sz]ing|putting on|planning)\s+(?:a|an|our)\s+(?:free\s+)?"
    r"((?-i:[A-Z])[\w'’&-]*(?:[\s-]+(?:(?-i:[A-Z&])[\w'’&-]*|and|of|for)){1,7})",
    re.IGNORECASE,
)
_TIME_RANGE = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s*(?:-|–|to)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b", re.IGNORECASE
)
_PRICE = re.compile(r"(?:[$£€₹]|\bR|\bA\$|\bC\$)\s?\d+(?:[.,]\d{2})?\b|\b\d+\s?(?:dollars|pounds|euros|rupees)\b")
_FREE = re.compile(r"\bfree\b(?!\s+(?:of|from|to)\b)", re.IGNORECASE)
_WALK_INS = re.compile(r"\b(?:walk-?ins?|drop-?ins?)\s+(?:are\s+)?welcome\b", re.IGNORECASE)


# What the message says of the new colleague: "He's a sports physio, did his masters at UQ, ... loves running."
_ABOUT_PERSON = re.compile(r"\b(?:He|She|They)(?:['’]s| is| are| has| have)\s+([^.!?\n]{10,220})")


def _about_person(text: str, person: str) -> str:
    """The sentence the message gives about the new colleague, with their name for "He's" ("Liam is a sports
    physio, did his masters at UQ ..."); "" when it gives none or no name."""
    found = _ABOUT_PERSON.search(text)
    if found is None or not person or person.startswith("["):
        return ""
    said = found.group(0)
    first = (
        person if person.split()[0] in ("Dr", "Doctor", "Prof", "Mr", "Mrs", "Ms", "Miss", "Mx") else person.split()[0]
    )
    verb = re.match(r"(?:He|She|They)(['’]s| is| are| has| have)", said)
    verb_text = (
        {"'s": " is", "’s": " is", " is": " is", " are": " is", " has": " has", " have": " has"}[verb.group(1)]
        if verb
        else " is"
    )
    return f"{first}{verb_text} {found.group(1).strip()}."


def _inside(found: re.Match[str], named: re.Match[str] | None) -> bool:
    return named is not None and named.start(1) <= found.start() and found.end() <= named.end(1)


def _day_details(text: str) -> dict[str, str]:
    """A clinic day's times, walk-ins and cost as the message gives them ("9am-1pm", "$35"); never "free" unless
    it says so."""
    found: dict[str, str] = {}
    if times := _TIME_RANGE.search(text):
        walk_ins = ", walk-ins welcome" if _WALK_INS.search(text) else ""
        found["time_clause"] = f", {times.group(0)}, at [place]{walk_ins}"
    if price := _PRICE.search(text):
        found["cost_line"] = f"It costs {price.group(0)}."
    elif _FREE.search(text):
        found["cost_line"] = "It is free and everyone is welcome."
    return found


def _hours_details(text: str) -> dict[str, str]:
    """The occasion, the hours (one line each) and the new place's area a message gives; missing ones left out."""
    found: dict[str, str] = {}
    if season := _SEASON.search(text):
        word = season.group(1)
        found["occasion"] = word if word[:1].isupper() or word.lower().startswith("the ") else _season_name(word)
    # Hours given after "timings:" or "hours are" split at every comma; a sentence that says when the practice is
    # closed and open ("closed 25, 26 Dec and 1 Jan, open normal hours other days") only where it turns.
    listed = _TIMETABLE.search(text)
    hours = listed or _OPEN_CLOSED.search(text)
    if hours is not None:
        cut = r",\s*(?:then\s+)?|;\s*" if listed else r",\s*(?:then\s+)?(?=(?:open|closed?|shut)\b)|;\s*"
        parts = [_WE_WILL_BE.sub("", p).strip() for p in re.split(cut, hours.group(1), flags=re.IGNORECASE)]
        parts = [p for p in parts if p]
        found["timetable"] = "\n".join(first_upper(p) for p in parts)
        found["timetable_clause"] = ", and our opening hours become " + ", ".join(parts)
    if area := _NEW_AREA.search(text):
        found["new_place"] = f"[new address], {area.group(1)}"
    return found


# What a new practice offers, as the message lists it: "Mention: kids & seniors eye exams, dry eye clinic, frames",
# "We do sports injuries, back pain and pilates classes."
_OFFERED = re.compile(
    r"(?:\b(?:mention|include|services?(?: include| are)?|offering)\s*:\s*|\b(?:we|I)(?:'ll| will)?\s+"
    r"(?:do|offer|provide|treat|see|have|specialise in|specialize in)\s+(?!(?:a|an|the|it|this|that|you|not)\b))"
    r"([^.!?\n]{3,300})",
    re.IGNORECASE,
)
_HOURS_ITEM = re.compile(r"\b(?:hours|open|opening|till|until|late|evenings?|weekends?|\d\s*(?:am|pm))\b", re.I)
# "free with Alberta Health": what a public scheme covers is not free; say who pays
_FREE_WITH = re.compile(r"\bfree (?:with|under|through|on)\s+", re.IGNORECASE)


def _opening_details(text: str) -> dict[str, str]:
    """The services and hours a new practice's message lists; a listed item about hours goes with the hours."""
    found = _OFFERED.search(text)
    if found is None:
        return {}
    items = [i.strip() for i in re.split(r",\s*(?:and\s+)?|;\s*|\s+and\s+(?=[^,]*$)", found.group(1)) if i.strip()]
    hours = [i for i in items if _HOURS_ITEM.search(i)]
    services = [_FREE_WITH.sub("covered by ", i) for i in items if i not in hours]
    out = {"services": _join(services)} if services else {}
    if hours:
        out["opening_hours"] = "[days and times], with " + _join(hours)
    return out


def _season_name(word: str) -> str:
    """ "ramadan" -> "Ramadan"; "summer" and "festive" stay lower case ("the festive season")."""
    low = word.lower()
    if low in ("summer", "school holidays"):
        return low
    if low == "festive":
        return "the festive season"
    return " ".join(w.capitalize() for w in low.split())


def _date_range(text: str) -> str:
    """ "from 24 Dec to 2 Jan" or "between 24 and 26 December", as the message writes it; "" when none."""
    dates = [m for m in _DATE.finditer(text) if re.match(r"\d|\w+\s+\d", m.group(0))]  # day-and-month dates only
    for first, last in zip(dates, dates[1:], strict=False):
        between = text[first.end() : last.start()].strip().lower()
        before = text[: first.start()].rstrip().lower()
        spans = between in ("to", "until", "till", "-", "–")  # "closed for Diwali 31 Oct to 3 Nov": always a span
        if spans or between == "and" and before.endswith(("from", "between", "closed")):
            joiner = "and" if before.endswith("between") else "to"
            lead = "between" if joiner == "and" else "from"
            return f"{lead} {first.group(0)} {joiner} {last.group(0)}"
    return ""


_DESTINATION = re.compile(  # "files are transferring to the CVS on Main St" -> "the CVS on Main St"
    r"(?i:\b(?:transferr\w*|transfers?|mov\w*|go(?:ing|es)?)\s+to)\s+"
    r"((?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z0-9][\w'’&.-]*|on|in|at|of|and))*)"
)
_YEARS = re.compile(r"\bafter\s+(\d{1,3}|[a-z]+(?:[- ][a-z]+)?)\s+years\b", re.IGNORECASE)


def _closing_details(text: str) -> dict[str, str]:
    """Where a closing practice's records go and how long it has been open, as the message gives them."""
    found: dict[str, str] = {}
    if (place := _DESTINATION.search(text)) and not _PLATFORM_WORDS.fullmatch(place.group(1)):
        words = re.split(r"[.!?]\s", place.group(1))[0].rstrip(".")  # "... on Main St. Can you": to the stop
        found["destination"] = re.sub(r"(?:\s+(?:on|in|at|of|and))+$", "", words).strip()
    elif re.search(r"\brecords?\s+custodian\b", text, re.IGNORECASE):  # "I've arranged a records custodian"
        found["destination"] = "our records custodian, [its name, phone number and email]"
    if years := _YEARS.search(text):
        found["years_clause"] = f" for {years.group(1)} years"
    return found


def _pay(text: str, role: str = "") -> str | None:
    """The pay a job request names: the amount said for the role ("GP pay is £11,000-£12,500 per session"), else one
    per hour or year, else one after "pay" or "salary", else the first."""
    amounts = list(_PAY.finditer(text))
    last = role.split()[-1] if role else ""
    for m in amounts:  # the role's own word just before the amount, "pay" or "is" between
        before = text[max(0, m.start() - _PAY_WINDOW) : m.start()]
        if last and re.search(rf"\b{re.escape(last)}\b[^.;,\n£$€]{{0,20}}$", before, re.IGNORECASE):
            return m.group(0).strip(" ,.")
    best = next((m for m in amounts if m.group(1)), None) or next(
        (m for m in amounts if _PAY_WORDS.search(text, max(0, m.start() - _PAY_WINDOW), m.start())), None
    )
    chosen = best or (amounts[0] if amounts else None)
    return chosen.group(0).strip(" ,.") if chosen else None


def _a_role(words: str) -> bool:
    """Whether the words after "a job post for" name a role: not a platform or a place ("LinkedIn", "our practice"),
    but a job that works on one ("social media & marketing coordinator")."""
    if _PLACE_ONLY.fullmatch(words):
        return False
    return not _PLATFORM_WORDS.search(words) or _JOB_NOUN.search(words) is not None


def _job_details(text: str) -> dict[str, str]:
    """The role, pay and hours a job advert request gives ("a front desk coordinator ... Pay is $20-23/hr")."""
    found: dict[str, str] = {}
    patterns = (_HIRING, _JOB_ROLE, _NEEDED, _ROLE_THEN_JOB, _ROLE_AFTER_COLON)
    roles = (m.group(1).strip() for p in patterns for m in p.finditer(text))
    # "a job post for LinkedIn", "a hiring post for our practice": no role
    if role := next((r for r in roles if _a_role(r)), None):
        found["role"] = role
    perks = [m for m in _PIECES.finditer(text) if _PERKS.search(m.group(0)) and len(m.group(0).split()) <= 8]
    # An amount inside a benefit ("CPD budget €1,500") is not the pay: benefits are blanked before it is looked for.
    unpaid = list(text)
    for m in perks:
        unpaid[m.start() : m.end()] = " " * (m.end() - m.start())
    if pay := _pay("".join(unpaid), found.get("role", "")):
        found["pay"] = pay
    if offer := _OFFER.search(text):
        found["offer"] = offer.group(1).strip(" ,;:")
    elif listed := list(dict.fromkeys(m.group(0).strip() for m in perks))[:_MOST_LISTED]:
        found["offer"] = ", ".join(listed)
    if needs := list(dict.fromkeys(m.group(0).strip() for m in _NEEDS.finditer(text)))[:_MOST_LISTED]:
        found["need"] = ", ".join(needs)
    # The first role's hours ("part-time", "3 days a week"), not a second role's ("(1) a salaried GP, 3-4 days, and
    # (2) a practice nurse, full or part time").
    first_role = _SECOND_ROLE.split(text, maxsplit=1)[0]
    second = _AND_ROLE.search(text, at + len(role)) if role and (at := text.find(role)) >= 0 else None
    if second is not None and _a_role(second.group(1)) and not _NOT_A_ROLE.search(second.group(1)):
        first_role = text[: second.start()]
        found["second_role"] = second.group(1).strip()
    hours = [m.group(0).strip() for m in _HOURS.finditer(first_role)]
    hours += [m.group(0).strip() for m in (_WEEKDAYS.search(first_role),) if m]
    hours = list(dict.fromkeys(hours))
    if hours:
        found["hours"] = ", ".join(hours)
    return found


_OLD_WAY = re.compile(
    r"\b(?:stop(?:s|ping)?|no longer (?:take|taking|accept|accepting|offer|offering)|end(?:ing)?)\s+"
    r"(?:taking\s+|accepting\s+)?"
    r"((?:[\w'’-]+\s+){0,4}(?:requests?|ordering|orders?|bookings?|appointments?|prescriptions?|calls?)"
    r"(?:\s+by\s+(?:phone|telephone|e-?mail|post))?)\b",
    re.IGNORECASE,
)
_NEW_WAY = re.compile(
    r"\b(?:new|use|using|through|via|switch(?:ing)? to|mov(?:e|ing) to|chang(?:e|ing) to|fills? in|filling in|with)\s+"
    r"(the\s+|our\s+|an?\s+(?=online))?(?:new\s+)?"
    r"((?:[\w'’-]+\s+){0,3}(?:app|portal|system|website|form|online (?:booking|ordering|form)))\b",
    re.IGNORECASE,
)


def _change_details(text: str) -> dict[str, str]:
    """What stops and what replaces it ("stopping phone requests", "the new NHS App"), as the message says them."""
    found: dict[str, str] = {}
    if old := _OLD_WAY.search(text):
        found["old_way"] = old.group(1).strip()
    if new := _NEW_WAY.search(text):
        way = re.sub(r"^(?:an?|the)\s+", "", new.group(2).strip(), flags=re.IGNORECASE)  # "an online form"
        article = (new.group(1) or "the ").strip()
        found["new_way"] = f"{'the' if article.lower() in ('a', 'an') else article} {way}"
    return found


# Where a practice sees patients for a while, and for how long ("seeing patients out of the CWA hall on Main St from
# tomorrow for at least 2 weeks, reduced hours 9-1, no pathology collection").
_TEMPORARY_PLACE = re.compile(
    r"\b(?:seeing patients|see patients|working|running (?:our |the )?(?:clinics?|surgery|practice)|operating|"
    r"consulting|based|open)\s+(?:out of|at|from|in)\s+((?:the|a)\s+[^,.;:\n]{3,60}?)"
    r"(?=\s+(?:from|for|until|till|starting|while|during|with)\b|\s*[,.;:\n]|$)",
    re.IGNORECASE,
)
_START = re.compile(r"\bfrom\s+(tomorrow|today|(?:next |this )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)
_HOW_LONG = re.compile(
    r"\bfor\s+((?:at least |about |around |roughly |up to )?(?:\d+|a few|a couple of|two|three|four|six)\s+"
    r"(?:days|weeks|months))\b",
    re.IGNORECASE,
)
_REDUCED_HOURS = re.compile(
    r"\bhours?\b[^\d\n]{0,20}?(\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?\s*(?:-|–|to)\s*\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?)",
    re.IGNORECASE,
)
_NOT_OFFERED = re.compile(r"(?:^|[,;]|\band\b)\s*no\s+([a-z][\w -]{3,40}?)(?=\s*(?:[,.;!\n]|$))", re.IGNORECASE)


def _temporary_details(text: str) -> dict[str, str]:
    """Where the practice sees patients for now, from when, for how long, its hours there and what it cannot offer;
    missing ones left out."""
    found: dict[str, str] = {}
    if place := _TEMPORARY_PLACE.search(text):
        found["new_place"] = place.group(1).strip()
    if start := _START.search(text):
        found["date"] = start.group(1)
    if how_long := _HOW_LONG.search(text):
        found["how_long"] = f" for {how_long.group(1)}"
    if hours := _REDUCED_HOURS.search(text):
        found["hours_line"] = f"Hours: {hours.group(1).strip()}."
    if missing := _NOT_OFFERED.search(text):
        found["missing_line"] = f"Not available for now: {missing.group(1).strip()} ([where to go instead]).\n\n"
    return found


def _details(text: str, slots: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in slots:
            return slots[name]
        blank = {
            "when": "[date]",
            "successor": "[name of the new clinician]",
            "old_way": "[what stops]",
            "offer": "[training, leave, pension or benefits, and what the team is like to work with]",
            "need": "[the qualifications, registration and experience the role really requires]",
            "destination": "[the practice or pharmacy taking them over, with its address]",
            "years_clause": "",
            "occasion": "the holiday",
            "timetable": "[your hours for each day]",
            "timetable_clause": "",
            "new_place": "[new address]",
            "greeting": "",
            "time_clause": ", [time and place]",
            "about_line": "",
            "cost_line": "Everyone is welcome.",
            "a_role": "a [role]",
            "services": "[the services you offer, for example check-ups, screening and ongoing care]",
            "opening_hours": "[days and times]",
            "how_long": " [for how long]",
            "hours_line": "Hours: [your hours there].",
            "missing_line": "",
            "amount": "[amount]",
            "cause": "[the charity]",
        }
        return blank[name] if name in blank else ("[the new way]" if name == "new_way" else f"[{name}]")

    return _MESSAGE_SLOT.sub(one, text)


# The slots a message fills (the schema's, less those the clinic profile fills: its name, city, booking and phone).
_MESSAGE_SLOT = re.compile(rf"\{{({'|'.join(sorted(SLOTS - {'clinic', 'city', 'booking', 'phone'}))})\}}")


def _days(match: re.Match[str]) -> str:
    """'saturday' -> 'Saturdays', 'Thursday evening' -> 'Thursday evenings', 'weekend' -> 'weekends'."""
    day, part, weekend = match.groups()
    if weekend:
        return "weekends"
    return f"{day.capitalize()} {part.lower()}s" if part else f"{day.capitalize()}s"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# The details only one kind of news reads from the message.
def _thanks_details(text: str) -> dict[str, str]:
    """What a charity event raised and for whom ("raised $8,400", "for Children's Cancer Foundation")."""
    found: dict[str, str] = {}
    if amount := _RAISED.search(text):
        found["amount"] = amount.group(1).strip().rstrip(".,")
    if cause := _CAUSE.search(text):
        found["cause"] = cause.group(1)
    if event := _TOOK_PART.search(text):
        found["service"] = event.group(1)
    return found


_RAISED = re.compile(
    r"\braised\s+(?:over\s+|more than\s+|almost\s+|nearly\s+|about\s+)?"
    r"((?:[$£€₹]|R|RM|S\$|A\$|NZ\$|C\$)\s?\d[\d,.]*\s*(?:k|m)?\b|\d[\d,.]*\s*(?:k|m)?\s*(?:dollars|pounds|euros|rand|rupees|ringgit))",
)
# The event the team took part in: "sponsored the community charity walk", "ran the Great North Run".
_TOOK_PART = re.compile(
    r"\b(?:sponsored|took part in|did|ran|walked|joined|completed|entered)\s+(the\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:walk|run|fun run|marathon|half marathon|race|swim|ride|bike ride|cycle|fundraiser|bake sale|5k|10k|5km|10km|"
    r"challenge|trek|climb|dip))\b",
    re.IGNORECASE,
)
# The charity by its name: capitalised words ending in what a charity calls itself.
_CAUSE = re.compile(
    r"\bfor\s+((?:the\s+)?(?:[A-Z][\w'’&-]*\s+(?:(?:of|for|and|&)\s+)?){0,5}"
    r"(?:Foundation|Trust|Charity|Society|Association|Fund|Appeal|Hospice|Council|Research|Institute|Alliance|Network))\b"
)


_KIND_DETAILS = {
    "event_thanks": _thanks_details,
    "hours_reduced": _hours_details,
    "job": _job_details,
    "practice_closing": _closing_details,
    "service_change": _change_details,
    "clinic_day": _day_details,
    "special_hours": _hours_details,
    "moving": _hours_details,
    "opening": _opening_details,
    "temporary_location": _temporary_details,
}
