"""Authored drafts that are not about a health topic: a pinned "no medical advice here" notice, a service notice
(phones or systems down), a review-request message and a before-and-after caption, and the advice given instead of
a reply to comments that break the page's house rules. The text is data (knowledge/data/notices.yaml), filled from
the message and the clinic; a detail nobody gave stays a bracketed placeholder, and the draft says so."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..knowledge.base import compiled
from ..knowledge.copy import fill
from ..knowledge.schemas.notices import Notice, NoticeData
from .models import Draft
from .wording import first_upper

_FLAGS = re.IGNORECASE | re.DOTALL
_ITEM = re.compile(r"(- |\d{1,2}\. )")
_CHANNEL = {"google_business": "google_business", "linkedin": "linkedin"}  # other platforms get `social`
_BLANKS = {
    "emergency": "[emergency number]",
    "what": "[what is not working]",
    "treatment": "[treatment]",
    "crisis_lines": "[your country's crisis line and emergency number]",
}


def _any(patterns: Sequence[str], text: str) -> bool:
    return any(compiled(p, _FLAGS).search(text) for p in patterns)


def _first_group(patterns: Sequence[str], text: str) -> str:
    for pattern in patterns:
        if found := re.search(pattern, text, _FLAGS):
            return " ".join(found.group(1).split())
    return ""


def _lower(text: str) -> str:
    """Lower case for the middle of a sentence, keeping acronyms ("IT systems", "MRI scanner"), unless the whole
    message part is shouted in capitals."""
    if text.isupper():
        return text.lower()
    return " ".join(w if len(w) > 1 and w.isupper() else w.lower() for w in text.split())


class NoticeWriter:
    """Recognises a request for an authored notice (or a situation that needs advice) and writes it."""

    def __init__(self, data: NoticeData) -> None:
        self.data = data

    def notice_for(self, text: str) -> Notice | None:
        """The notice a request to write asks for, or None (then it is some other kind of draft)."""
        if not _any(self.data.write, text):
            return None
        return next((n for n in self.data.notices if _any(n.cues, text)), None)

    def reply_for(self, text: str) -> Notice | None:
        """The authored reply for a comment or message the user wants answered (a health question), or None."""
        return next((n for n in self.data.replies if _any(n.cues, text)), None)

    def details(self, text: str, rules: str | None) -> dict[str, str]:
        """What the message says that a notice's slots need: what is not working, for how long, the treatment."""
        found = {
            "what": _lower(_first_group(self.data.what, text)),
            "when": _lower(_first_group(self.data.when, text)),
            "treatment": _lower(_first_group(self.data.treatment, text)),
            "emergency": self.data.emergency.get(rules or "", ""),
        }
        return {k: v for k, v in found.items() if v}

    def drafts(
        self,
        notice: Notice,
        text: str,
        platforms: dict[str, str],
        values: dict[str, str],
        rules: str | None,
        places: dict[str, str] | None = None,
    ) -> list[Draft]:
        """The notice for each platform asked for (a message: its text and e-mail versions; a document: one text),
        filled in. `places`: code -> name of the countries the message names, for the crisis lines."""
        slots = {"clinic": "[practice name]", **values, **self.details(text, rules)}
        if notice.crisis_when and re.search(notice.crisis_when, text, re.IGNORECASE):
            slots["crisis_support"] = crisis_support(self.data.crisis_support, rules)
        if "document" in notice.texts:
            slots["crisis_lines"] = crisis_lines(places or {}, rules)
            return [self._draft(notice, None, "", self._fill(notice.texts["document"], slots), [])]
        if notice.kind == "message":
            channels = [c for c in ("sms", "email") if c in notice.texts]
            texts = [self._fill(notice.texts[c], slots) for c in channels]
            return [self._draft(notice, None, "text message", texts[0], texts[1:])]
        drafts: list[Draft] = []
        names: list[list[str]] = []
        for platform, name in platforms.items():  # platform id -> its name, in the order the message names them
            channel = _CHANNEL.get(platform, "social")
            template = notice.texts.get(channel) or notice.texts.get("social") or next(iter(notice.texts.values()))
            filled = self._fill(template, slots)
            same = next((n for n, d in enumerate(drafts) if d.text == filled), None)
            if same is not None:  # X and Facebook get the same words: one notice titled for both, never printed twice
                names[same].append(name)
                where = f"{', '.join(names[same][:-1])} and {names[same][-1]}"
                drafts[same] = drafts[same].model_copy(update={"title": f"{notice.title} ({where})"})
                continue
            drafts.append(self._draft(notice, platform, name, filled, []))
            names.append([name])
        return drafts

    def advice(self, text: str) -> Draft | None:
        """Steps instead of a reply, when the message describes comments that break the house rules; else None."""
        found = next(
            (
                a
                for a in self.data.advice
                if all(re.search(c, text, _FLAGS) for c in a.cues)
                and not (a.unless and re.search(a.unless, text, _FLAGS))
            ),
            None,
        )
        if found is None:
            return None
        steps = [*found.steps, *(step for cue, step in found.extra.items() if re.search(cue, text, _FLAGS))]
        policy = next((n for n in self.data.notices if n.id == "comment_policy"), None)
        return Draft(
            kind="review_reply",
            title=found.title,
            text="\n".join(f"- {s}" for s in steps),
            alternatives=[self._fill(policy.texts["social"], {})] if policy else [],
            notes=["The other version is a house-rules post to pin on the page, with the clinic's details filled in."]
            if policy
            else [],
            card=found.card,
        )

    @staticmethod
    def _fill(template: str, slots: dict[str, str]) -> str:
        paragraphs = [_unwrap(p) for p in template.strip().split("\n\n")]
        text = "\n\n".join(paragraphs).replace(" {when}", "{when}")  # "a problem with our phones" needs no time
        text = re.sub(r"\{when\}", lambda m: f" {slots['when']}" if slots.get("when") else "", text)
        text = re.sub(
            r" ?\{crisis_support\}", lambda m: f" {slots['crisis_support']}" if "crisis_support" in slots else "", text
        )
        text = re.sub(
            r"\{(emergency|what|treatment|crisis_lines)\}", lambda m: slots.get(m.group(1)) or _BLANKS[m.group(1)], text
        )
        text = fill(text, slots)
        return "\n".join(first_upper(line) for line in text.split("\n"))

    @staticmethod
    def _draft(notice: Notice, platform: str | None, where: str, text: str, alternatives: list[str]) -> Draft:
        notes = list(notice.notes)
        if "[" in text:
            notes.insert(0, "Fill in the parts in [brackets] before you send or post it.")
        return Draft(
            kind=notice.kind,
            platform=platform,
            title=f"{notice.title} ({where})" if where else notice.title,
            text=text,
            alternatives=alternatives,
            notes=notes,
            guide=notice.guide,
        )


def crisis_support(frame: str, code: str | None) -> str:
    """The notice's crisis sentence for the asker's country, or the blank to fill in when no line is known."""
    from ..guardrails.scope import emergency_entry

    entry = emergency_entry(code) if code else None
    return frame.format(crisis=entry.crisis) if entry is not None and entry.crisis else _BLANKS["crisis_lines"]


def crisis_lines(places: dict[str, str], rules: str | None) -> str:
    """The crisis line and emergency number of each country named (else the asker's), one sentence each, from the
    guardrails' list; "" when none is known, so the notice shows where to add it (a number is never guessed)."""
    from ..guardrails.scope import emergency_entry

    codes = [*places] or ([rules] if rules else [])
    lines = []
    for code in codes:
        entry = emergency_entry(code)
        if entry is None or not entry.crisis:
            continue
        where = f"{places[code]}: " if len(codes) > 1 and code in places else ""
        crisis = first_upper(entry.crisis) if where == "" else entry.crisis
        lines.append(f"{where}{crisis} any time, or {entry.number} in an emergency.")
    return " ".join(lines)


def _unwrap(paragraph: str) -> str:
    """One paragraph of YAML-wrapped lines as one line; a list ("- " or "1. ") keeps one item a line."""
    out: list[str] = []
    lines = paragraph.split("\n")
    for line in lines:
        if out and not _ITEM.match(line.lstrip()):
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line.strip())
    return "\n".join(out)
