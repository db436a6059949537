"""How many captions a message asks for, the note when one answer gives fewer or more, and keeping the captions
of one answer distinct."""

from __future__ import annotations

import re

from .draft_caption_base import CaptionBase
from .models import Draft


class CaptionCounts(CaptionBase):
    """Counts captions asked for and says when the answer gives a different number."""

    def _one_for_both(self, text: str, drafts: list[Draft]) -> str:
        """The note when a message asks for a post for each of two audiences and the drafts are one topic's versions
        (the same post in two tones), or ""."""
        limits = self.data.extras.limits
        if limits is None or limits.two_audiences is None or not limits.one_for_both:
            return ""
        found = re.search(limits.two_audiences, text, re.IGNORECASE)
        base = drafts[0].title
        if found is None or not all(d.title == base or d.title.startswith(f"{base} (") for d in drafts):
            return ""
        return limits.one_for_both.format(first=found.group(1).strip(), second=found.group(2).strip())

    def _asked_count(self, text: str) -> tuple[int, str] | None:
        """(how many captions the message asks for, the words it used: "300 LinkedIn posts"), or None."""
        extras = self.data.extras
        words = "|".join(re.escape(w) for w in sorted(extras.count_words, key=len, reverse=True))
        found = re.search(
            rf"\b(\d{{1,5}}|{words})\s+{_NOT_A_COUNT}(?:[\w'’/+-]+\s+){{0,5}}?(?:captions?|posts?)\b", text, re.I
        )
        if found is None:
            return None
        word = found.group(1).lower()
        return (int(word) if word.isdigit() else extras.count_words.get(word, 1)), found.group(0)

    def caption_count(self, text: str) -> int:
        """How many captions the message asks for ("3 captions", "a few posts"), at most the data's cap; else 1."""
        asked = self._asked_count(text)
        return max(1, min(asked[0], self.data.extras.max_captions)) if asked else 1

    def count_note(self, text: str, made: int | None = None) -> str:
        """What the draft says when the number of captions asked is more than one answer gives, or none at all, or
        more than the finished posts on the subject (`made`: how many captions there are)."""
        limits, asked = self.data.extras.limits, self._asked_count(text)
        if limits is None or asked is None:
            return ""
        if asked[0] > self.data.extras.max_captions:
            return limits.too_many.format(asked=asked[1], max=self.data.extras.max_captions)
        if asked[0] < 1:
            return limits.too_few.format(asked=asked[1])
        if made == 1 and asked[0] > 1 and limits.one_on_subject:
            return limits.one_on_subject.format(asked=asked[1])
        if made is not None and 0 < made < asked[0] and limits.fewer_on_subject:
            return limits.fewer_on_subject.format(asked=asked[1], made=made)
        return ""


# A number of years, months or days is no number of posts ("6 yrs post training", "3 months post-op").
_NOT_A_COUNT = r"(?!(?:yrs?|years?|months?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?)\b)"


def _one_per_text(drafts: list[Draft]) -> list[Draft]:
    """Posts for several platforms with the same words are one post, titled for all of them ("Facebook and
    Instagram post"): the same text is never printed twice."""
    out: list[Draft] = []
    for draft in drafts:
        same = next((d for d in out if " ".join(d.text.split()) == " ".join(draft.text.split())), None)
        if same is None:
            out.append(draft)
            continue
        name, _, rest = draft.title.partition(" post")
        head, _, tail = same.title.partition(" post")
        if rest and tail and name not in head:
            out[out.index(same)] = same.model_copy(update={"title": f"{head} and {name} post{tail}"})
    return out


def _distinct(drafts: list[Draft]) -> list[Draft]:
    """The drafts without any whose text repeats an earlier one's."""
    seen: set[str] = set()
    out = []
    for draft in drafts:
        key = " ".join(draft.text.split())
        if key not in seen:
            seen.add(key)
            out.append(draft)
    return out
