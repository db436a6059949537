"""Where one message asks two questions: "Is TikTok worth it? Also, who should run it?".

A message is cut into sentences, and a sentence into clauses where a new question starts (", and can we ...",
"; what about ...", "...: can I ..."). A piece that asks something is a question; a piece that does not ("I'm a
GP in Leeds.", "We got a 1-star review that's clearly fake.") is context, and the context is kept with every
question, so each part is matched with what the asker said about themselves. A single question with "and" in it
("How do I find and use hashtags?", "Can my staff and I film?") is never cut: a cut needs a question word right
after the "and".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Words that open a question, and the little words a chat message puts before them ("also,", "and", "so").
QUESTION_WORDS = (
    r"how|what|what's|whats|which|when|where|why|who|whom|whose|should|shall|can|could|do|does|did|is|are|was|"
    r"were|would|will|may|might|must|have|has|any|anything|is there|are there"
)
# Only these start a second question after "and" ("... and can we ...", never "... and use hashtags").
CLAUSE_WORDS = r"how|what|which|when|where|why|who|should|can|could|do|does|is|are|would|will"
_FILLER = r"(?:(?:and|also|plus|but|so|then|oh|ok|okay|lastly|finally|second(?:ly)?|one more thing)\W+)*"
# Sentence ends: after ? or !, or a full stop that is not an abbreviation's ("Dr.", "e.g.", "St.").
_SENTENCE = re.compile(
    r"(?<=[?!])\s+|(?<!\b[A-Za-z])(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)(?<!\bProf)(?<!\bCo)(?<!\bNo)(?<!\betc)(?<!\bvs)"
    r"\.\s+(?=[A-Z\"'“])"
)
# Inside a sentence: a new question after ", and", "; ", " and also", ": ", " also" (followed by a question word).
_CLAUSE = re.compile(
    rf"(?:[,;]\s*|\s+)(?:and|also|and also|plus|but)\W+(?=(?:{CLAUSE_WORDS})\b)|;\s+(?=(?:{CLAUSE_WORDS})\b)|"
    rf":\s+(?=(?:{CLAUSE_WORDS})\b)",
    re.IGNORECASE,
)
# A number before a question in a list of them: "1) ...", "(2) ...", "Q1: ...", "Question 2: ...", a letter "(a) ..."
# or "b) ...", "First - ...", "Second, ...", a "2." that starts a line; and the colon after "Two questions:" / "Two
# things from a GP in Leeds:". A bare letter is one of a-d in lower case ("Vitamin A) ..." is no list).
_LABEL = r"\(\d\)|\d\)|Q\d\s*[:.)-]|question\s*\d\s*[:.)-]|\([a-d]\)|(?-i:[a-d]\))(?=\s)"
_NUMBERED = re.compile(
    rf"(?:[,;]?\s*\band\b)?(?:^|\s+)(?:{_LABEL}|"
    r"(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|lastly)\s*[-–—:,])\s*|(?:^|\n|(?<=[?!])\s)\s*\d\.\s+|"
    r"(?:(?<=questions)|(?<=things)|(?<=\bqs)):\s+",
    re.IGNORECASE,
)
_NUMBER_LEFT = re.compile(rf"^(?:{_LABEL})\s*", re.IGNORECASE)  # "Two things: 1) ..." after the cut
# In a numbered list, an item told before it is asked ("2) a patient sent me a friend request, how do I handle that")
# is a question, told and asked together.
_ASKED_AFTER_COMMA = re.compile(
    r",\s+(?=(?:how|what|which|when|where|why|who)\s+(?:do|does|did|should|can|could|would|will|is|are|to)\b|"
    r"(?:should|can|could|do|does|would|will|is|are)\s+(?:i|we|you|she|he|they|it|my|our)\b)",
    re.IGNORECASE,
)
# A numbered item that is a task the asker was set: "(1) to show whether any of it is actually working".
_TASK = re.compile(r"^(?:to\s+(?:show|prove|find out|work out|figure out|explain|decide)|whether)\b", re.IGNORECASE)
# A question after a few words of context and a comma: "As a therapist, should I have a business Instagram".
OPENED_BY = r"how|what|should|can|could|do|does|is|are|would"
_ASKS = re.compile(
    rf"\?\s*$|^\W*{_FILLER}(?:{QUESTION_WORDS})\b|^\W*{_FILLER}what about\b|^[^,?]{{1,40}},\s*(?:{OPENED_BY})\b",
    re.IGNORECASE,
)
# A request's instruction written without its subject ("Should be inclusive.", "Must mention our late hours.",
# "Would be nice to keep it short."): it opens with a question word but asks nothing unless it ends with "?".
_INSTRUCTION = re.compile(
    rf"^\W*{_FILLER}(?:should|must|would|could|can|needs? to|has to)\s+(?:also\s+|ideally\s+|really\s+)?"
    r"(?:be|not|mention|include|sound|feel|look|say|have|use|avoid|keep|cover|focus|highlight|explain|end|start|"
    r"stay|read|show|name|list|add)\b",
    re.IGNORECASE,
)
_LEADING_FILLER = re.compile(rf"^\W*{_FILLER}", re.IGNORECASE)
MIN_WORDS = 3  # a piece shorter than this ("and?", "why?") is not a question of its own
# What a question is about, when it says so at its start: "Is TikTok worth it" -> "TikTok", "Should we start a
# podcast" -> "a podcast". A later part's "it" or "them" means that ("..., and who should run it?").
_THING = (
    r"((?:(?:a|an|the|our|my|your|some)\s+)?(?!(?:it|this|that|these|those|there|worth|we|i|you)\b)"
    r"[\w'#@.+-]+(?:\s+(?:page|pages|account|accounts|channel|ads?|profile|business|newsletter|podcast|videos?|live|"
    r"reels?|stories|marketing|agency|posts?|group|groups|website|blog))?)"
)
_SUBJECT = re.compile(
    rf"^\W*{_FILLER}(?:(?:is|are|isn't|aren't)\s+{_THING}|(?:should|can|could|do|does|would|shall|must|may|might)\s+"
    rf"(?:i|we|you|my \w+|our \w+)\s+(?:really\s+|even\s+|actually\s+)?(?:start|use|try|get|make|run|join|set up|"
    rf"open|have|need|be on|go on|post on|launch|hire|create|bother with|invest in|pay for|do)\s+{_THING})",
    re.IGNORECASE,
)
# What a later part's "it" also stands for: the first part names one platform ("Is TikTok worth it"), but "who should
# run it?" may ask about running social media at all, which a card on that platform does not answer.
GENERIC_SUBJECT = "social media"
_PRONOUN = re.compile(r"\b(?:it|them)\b(?=\W*$|\s*,|\s+(?:up|on|for|out|off|over|running)\W*$)", re.IGNORECASE)
# A later part that points back at the first one's words with "those replies", "these posts", "such comments": it
# is not a question of its own ("who should approve those replies?" asks about replies to the first part's
# comments, not about "approval" in general), so it is matched with the first part's words before its own.
_POINTS_BACK = re.compile(r"\b(?:those|these|such)\s+(?!days\b|things\b)[a-z]+", re.IGNORECASE)


@dataclass(frozen=True)
class Split:
    """A message as context (what the asker says about themselves) and the questions it asks, in order."""

    context: str
    questions: tuple[str, ...]
    told: dict[str, str] = field(default_factory=dict)  # a numbered item's own account, by its question

    def matched_text(self, question: str) -> str:
        """What a part is matched as: what its numbered item tells, the context, then the question (its "it"
        resolved, see `resolved`); a later part that points back at the first ("who should approve those
        replies?") after the first part."""
        earlier = self.questions[0] if self.points_back(question) else ""
        own = self.told.get(question, "")
        return " ".join(t for t in (own, self.context_for(question), earlier, self.resolved(question)) if t)

    def context_for(self, question: str) -> str:
        """The context a part is matched with: all of it but what a later numbered item tells before it asks ("1) What
        do we do in the next 24 hours? 2) Our policy is from 2014 and HR wants to ban ... Good idea?": the policy is
        the second part's story, not the first's)."""
        later = self.questions[self.questions.index(question) + 1 :] if question in self.questions else ()
        context = self.context
        for told in (self.told.get(q, "") for q in later):
            context = context.replace(told, " ") if told else context
        return " ".join(context.split())

    def points_back(self, question: str) -> bool:
        """Whether a later part refers to the first part's words ("those replies", "these posts")."""
        return bool(self.questions) and question != self.questions[0] and bool(_POINTS_BACK.search(question))

    def generic(self, question: str) -> str | None:
        """A later part with its closing "it"/"them" read as social media in general ("who should run social
        media?"), or None when the part has no such pronoun to resolve."""
        if not self.questions or question == self.questions[0] or not subject_of(self.questions[0]):
            return None
        if not _PRONOUN.search(question):
            return None
        return f"{self.context} {_PRONOUN.sub(GENERIC_SUBJECT, question, count=1)}".strip()

    def resolved(self, question: str) -> str:
        """A later part with its closing "it"/"them" replaced by what the first part is about ("Is TikTok worth
        it, and who should run it?" -> "who should run TikTok?"); any other part as it is."""
        if not self.questions or question == self.questions[0]:
            return question
        thing = subject_of(self.questions[0])
        return _PRONOUN.sub(thing, question, count=1) if thing else question


def asks(piece: str) -> bool:
    """Whether a piece of a message asks something (ends with "?" or starts with a question word), unless it is an
    instruction with no subject and no "?" ("Should be inclusive.")."""
    if _INSTRUCTION.search(piece) and not piece.rstrip().endswith("?"):
        return False
    return bool(_ASKS.search(piece))


def pieces_of(text: str) -> list[str]:
    """The message cut into sentences, and sentences into clauses where a new question starts. Numbered questions
    ("1) ... 2) ...", "Q1: ... Q2: ...", "First - ... Second - ...") are cut at their numbers, which are dropped."""
    return [piece for block in _blocks(text) for piece in block]


def _blocks(text: str) -> list[list[str]]:
    """The pieces of the message, by numbered item (one block when nothing is numbered)."""
    blocks = [_NUMBER_LEFT.sub("", b.strip()) for b in _NUMBERED.split(text.strip()) if b]
    cut = []
    for block in blocks:
        found = [p.strip(" ,;:") for s in _SENTENCE.split(block) for p in _CLAUSE.split(s) if p and p.strip(" ,;:")]
        if len(blocks) > 1 and not any(_is_question(p) for p in found):  # an item of a list that asks late
            found = [p + "?" if _asked_late(p, n) and _is_question(p + "?") else p for n, p in enumerate(found)]
        cut.append(found)
    return cut


def _asked_late(piece: str, n: int) -> bool:
    """Whether a piece of a numbered item asks without a question's form: told, then asked after a comma, or an
    item that is a task set ("The board has asked me (1) to show whether any of it is working")."""
    return bool(_ASKED_AFTER_COMMA.search(piece)) or (n == 0 and _TASK.match(piece) is not None)


def _is_question(piece: str) -> bool:
    return asks(piece) and len(piece.split()) >= MIN_WORDS


def _item_asks(block: list[str], i: int) -> bool:
    """Whether piece `i` of a numbered item asks: a question, or a short one after what the item tells ("2) ... our
    office manager wants a gift card draw for reviewers. Good idea?")."""
    return _is_question(block[i]) or (i > 0 and asks(block[i]))


def questions_in(text: str) -> list[str]:
    """The pieces of a message that ask something ("Write a caption about flu. Also, how often should I post?"
    asks one question besides its request)."""
    return [p for p in pieces_of(text) if _is_question(p)]


def split_question(text: str) -> Split:
    """The message's context and its questions (one when it asks one thing, or when nothing in it asks). In a
    numbered list, each item that asks is one question, matched first with what the item says before it ("1) A
    patient found my private Instagram and sent a follow request. What is the right reaction? 2) ...")."""
    blocks = _blocks(text)
    asking = [b for b in blocks if any(_item_asks(b, i) for i in range(len(b)))]
    shared = _shared_question(blocks, asking)
    if shared is not None:
        return shared
    if len(blocks) > 1 and len(asking) >= 2:
        # Every statement is context for every part ("I'm an RD" in item 1 still tells item 2 who asks); what an
        # item tells before it asks is also its own, read first when its part is matched.
        said: list[str] = []
        questions: list[str] = []
        told: dict[str, str] = {}
        for block in blocks:
            asked = [i for i in range(len(block)) if _item_asks(block, i)]
            said += [p for i, p in enumerate(block) if i not in asked]
            if not asked:
                continue
            question = " ".join(block[i] for i in asked)
            if not any(_is_question(block[i]) for i in asked):  # "Good idea?" says what it asks with what precedes
                told_last = block[asked[0] - 1].strip().rstrip(".")
                question = f"{told_last}: {question[:1].lower()}{question[1:]}"
            questions.append(question)
            if asked[0]:
                told[question] = " ".join(_as_sentence(p) for p in block[: asked[0]])
        return Split(" ".join(_as_sentence(p) for p in said), tuple(questions), told)
    pieces = [piece for block in blocks for piece in block]
    questions = [p for p in pieces if _is_question(p)]
    if len(questions) < 2:
        return Split("", (text.strip(),))
    context = " ".join(_as_sentence(p) for p in pieces if p not in questions)
    return Split(context, tuple(questions))


# A question after a numbered list that asks about every item at once ("1) ... 2) ... Are either of these ok?").
_ABOUT_ALL = re.compile(
    r"\b(?:either|both|any|all|each|none) of (?:these|those|them|the two)\b|\b(?:these|those)\b", re.I
)


def _shared_question(blocks: list[list[str]], asking: list[list[str]]) -> Split | None:
    """Numbered items that only tell, and one question after the last that asks about them all ("wants to (1) put
    the Meta pixel on our booking page and (2) upload our patient list to Facebook. Are either of these ok?"): each
    item is a question of its own, the question after them and the rest of the message context."""
    if len(blocks) < 3 or len(asking) != 1 or asking[0] is not blocks[-1]:
        return None
    last = blocks[-1]
    asked = [i for i, p in enumerate(last) if _is_question(p)]
    if not asked or not asked[0] or not _ABOUT_ALL.search(last[asked[0]]):
        return None
    items = [*blocks[1:-1], last[: asked[0]]]
    if any(not item for item in items):
        return None
    questions = tuple(_as_sentence(" ".join(item)).rstrip(".") + "?" for item in items)
    said = [*blocks[0], *(p for i, p in enumerate(last) if i >= asked[0])]
    return Split(" ".join(_as_sentence(p) for p in said), questions)


def subject_of(question: str) -> str | None:
    """What a question says it is about at its start ("Is TikTok worth it" -> "TikTok"), or None."""
    match = _SUBJECT.match(question)
    return next((g for g in match.groups() if g), None) if match else None


def tidy(question: str) -> str:
    """A question piece as a heading: no leading "and"/"also", a capital letter, a question mark."""
    core = _LEADING_FILLER.sub("", question).strip(" ,;:")
    if not core:
        return question
    core = core[0].upper() + core[1:]
    return core if core.endswith(("?", "!")) else core.rstrip(".") + "?"


def _as_sentence(piece: str) -> str:
    return piece if piece.endswith((".", "!", "?")) else piece + "."
