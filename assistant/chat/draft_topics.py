"""Which topic of the knowledge base a request is about: its subject, the best matching topics, a named day."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING

from ..knowledge.models import Topic
from ..knowledge.schemas.drafts import DraftData
from ..retrieval import tokenize
from .wording import sentences

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase

# Hashtags asked for after another draft: "a reel script on X + 5 hashtags", "and some hashtags for it".
HASHTAGS_TOO = (
    r"\s*(?:\+|&|\band\b|\bplus\b|\bwith\b|\balso\b)\s*(?:\d+|some|a few|a couple of|the)?\s*"
    r"(?:relevant |good )?(?:#\s*)?hashtags?\b"
)
_SUBJECT_END = re.compile(
    r"\s+(?:for|in|at|from|on)\s+(?:my|our|a|an|the|your)\b(?=(?:\s+[\w'’-]+){0,4}?\s+(?:clinic|practice|surgery|"
    r"office|centre|center|pharmacy|hospital|page|account|feed|profile|team|patients|followers|audience|business|unit|"
    r"service|[a-z]+ists?|[a-z]+ians?|doctors?|dentists?|gps?|physios?|nurses?|midwi(?:fe|ves)|surgeons?)\b)"
    r"|\s+(?:for|in|at|from|on)\s+(?:my|our|your)\b|\s+in\s+(?-i:[A-Z])|[,.;?!]|\s*\((?=[^)]*,)"
    # "explaining Pharmacy First to people who don't know ...": whom it is for
    r"|\s+(?:to|for)\s+(?:people|patients|parents|families|anyone|everyone|those|women|men|kids|children)\s+who\b"
    # "explaining cataract surgery to nervous older patients": whom it is explained to
    r"|\s+to\s+(?:(?:nervous|anxious|worried|scared|older|elderly|younger|young|new|first-time|expectant|busy)\s+){1,3}"
    r"(?:people|patients|parents|families|adults|women|men|kids|children|teens|mums|moms|dads|seniors)\b"
    r"|\s+now\s+(?:that|there|there's|there’s|we|we're|we’re|you|it's|it’s)\b"  # "... now there's a self-test"
    # "3 myths about CPAP that stop people using it": what the myths do, not what they are about
    r"|\s+(?:that|which)\s+(?:stops?|keeps?|puts?|makes?|scares?|prevents?|holds?)\s+(?:people|patients|men|women|"
    r"them|you|parents|kids|children)\b"
    # "the ABCDEs of melanoma for skin cancer awareness month": the occasion it is for, not the subject
    r"|\s+(?:for|during|on)\s+(?:(?:national|world|international|global|the)\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:awareness\s+)?(?:day|week|month)\b"
    # "... + 5 hashtags", "and some hashtags": another draft asked for after it
    rf"|{HASHTAGS_TOO}",
    re.IGNORECASE,
)
_DRAFT_WORDS = frozenset(
    tokenize(
        "write draft make create give caption post bio script reel short video tiktok "
        "hashtag plan calendar instagram facebook linkedin youtube clinic practice "
        "me us our my please about some good new"
    )
)


_LETTERS = re.compile(r"[^\W\d_]+")


class TopicFinder:
    """Finds the subject of a request and the topics on it. Build once; the topic index is made on first use."""

    def __init__(self, kb: KnowledgeBase, data: DraftData) -> None:
        self.kb = kb
        self.data = data

    @cached_property
    def _topics(self) -> list[tuple[str, Topic, Counter[str]]]:
        """(specialty id, topic, its words) for every topic of every specialty, those written on request too."""
        return [
            (spec.id, topic, Counter(tokenize(f"{topic.title} {' '.join(topic.keywords)}")))
            for spec in self.kb.specialties.values()
            for topic in spec.all_topics
        ]

    @cached_property
    def _english(self) -> frozenset[str]:
        """Every word the guides and the cards use, lower case: English, and the brand names clinicians write."""
        cards = (" ".join([*c.card.questions, c.card.lead, *(s.text for s in c.card.steps)]) for c in self.kb.cards)
        texts = [*(guide.body for guide in self.kb.guides), *cards]
        return frozenset(w.lower() for text in texts for w in _LETTERS.findall(text))

    def glossed_whole(self, subject: str, original: str) -> bool:
        """Whether a subject glossed from another language holds no word the glossary left as the asker wrote it
        and English does not know: "who book entro fine month" (Italian "chi prenota entro fine mese") is no title
        for a post, "a post on flat feet for Instagram" is."""
        kept = {w.lower() for w in _LETTERS.findall(original)}
        words = [w.lower() for w in _LETTERS.findall(subject) if len(w) > 2]
        return all(w not in kept or w in self._english for w in words)

    @cached_property
    def _idf(self) -> dict[str, float]:
        # A topic two specialties share (copy_from: podiatry's ingrown toenail post is general practice's) counts
        # once, so sharing a post never makes its words look commoner than they are.
        unique = {topic.title: words for _, topic, words in self._topics if topic.copy_from is None}
        counts = Counter(w for words in unique.values() for w in set(words))
        n = len(unique)
        return {w: math.log(1 + n / c) for w, c in counts.items()}

    def subject(self, text: str) -> str:
        """The subject of a request: what follows 'about', 'on', 'for'... or the message without draft words."""
        # The first cue in the data's order that occurs wins ("a reel FOR Instagram ABOUT flu jabs": about).
        match = self.first_cue(text)
        titled = _TITLE.search(text)  # "a TikTok script: 'Why your knee hurts going downstairs'"
        if titled and match and not _title_first(text, match):
            titled = None
        if titled or _colon_first(text, match):  # "a reel script: dengue at home ... Keep it simple for parents"
            match = None
        subject = match.group(1) if match else without_question(titled.group(1)) if titled else ""
        subject = subject or subject_after_colon(text) or text
        # "about sunscreen for my skin clinic in Leeds": the subject ends where the clinic's description starts.
        subject = _cut(match, subject) if match else subject
        words = [w for w in tokenize(subject) if w not in _DRAFT_WORDS and not w.isdigit()]
        # A specialty's name says who is asking ("caption for my paediatric dental practice"), unless the subject has
        # words of its own beside it: "skin cancer screening" is about skin cancer, not the dermatologist asking.
        stop = self._unmatched
        own = [w for w in words if w not in self._specialty_words and w not in stop]
        if not own:
            words = [w for w in words if w not in self._specialty_words]
        return self._synonyms(words)

    def _synonyms(self, words: list[str]) -> str:
        synonyms = self.data.extras.subject_synonyms
        return " ".join(synonyms.get(w, w) for w in words)  # "flu jab": the topics say "flu vaccine"

    def named_subject(self, phrase: str) -> str:
        """A subject named as such ("mouthguards for fall sports" in a list of topics), in the topics' words: no cue
        is looked for in it ("for" starts no subject here)."""
        return self._synonyms([w for w in tokenize(phrase) if w not in _DRAFT_WORDS and not w.isdigit()])

    @cached_property
    def _unmatched(self) -> frozenset[str]:
        """Words no topic is matched on: how, not what ("properly"), and what any subject may say ("see a doctor")."""
        extras = self.data.extras
        return frozenset(tokenize(" ".join((*extras.subject_stopwords, *extras.subject_generic))))

    @cached_property
    def _audience(self) -> frozenset[str]:
        """Words that say whom a post is for ("kids", "parents"), as tokenized."""
        return frozenset(tokenize(" ".join(self.data.extras.subject_audience)))

    @cached_property
    def _specialty_words(self) -> frozenset[str]:
        """Words that name a specialty ("paediatric dentist"): who is asking, not what the post is about."""
        return frozenset(
            w for spec in self.kb.specialties.values() for name in (spec.name, *spec.aliases) for w in tokenize(name)
        )

    def topic_for(self, subject: str, specialty: str | None):
        """(specialty id, topic) best matching a subject, within the specialty if known; None if nothing fits.
        A word matches its own forms ("floss", "flossing"); words that say how, not what ("properly"), do not count."""
        ranked = self.topics_for(subject, specialty)
        return ranked[0] if ranked else None

    def weight(self, words: set[str]) -> float:
        """How much shared words say about a subject: each word's rarity among the topics, summed (a word no
        topic uses counts as the rarest)."""
        return sum(self._idf.get(w, self._rarest) for w in words)

    @cached_property
    def _rarest(self) -> float:
        return max(self._idf.values(), default=0.0)

    def topics_for(self, subject: str, specialty: str | None) -> list:
        """Every (specialty id, topic) matching a subject, best first (ties in the knowledge base's order)."""
        stop = self._unmatched
        words = {w for w in tokenize(subject) if w not in stop}
        scored = []
        for n, (spec_id, topic, topic_words) in enumerate(self._topics):
            if specialty and spec_id != specialty:
                continue
            title = set(tokenize(topic.title))  # a word in the title counts more than one in the keywords
            score = 0.0
            for w in words:
                same = [t for t in topic_words if same_word(w, t)]
                if same:
                    score += max(self._idf.get(t, 0.0) * (1.5 if t in title else 1.0) for t in same)
            if score > 0:
                scored.append((-score, n, (spec_id, topic)))
        return [found for _, _, found in sorted(scored, key=lambda x: (x[0], x[1]))]

    # --- the drafts -------------------------------------------------------------------------------------

    def shared_words(self, text: str, topic: Topic) -> set[str]:
        """The words of a text (or their forms) that a topic's title and keywords have."""
        stop = set(self.data.extras.subject_stopwords)
        topic_words = set(tokenize(f"{topic.title} {' '.join(topic.keywords)}"))
        return {w for w in tokenize(text) if w not in stop and any(same_word(w, t) for t in topic_words)}

    def says_all(self, subject: str, topic: Topic) -> bool:
        """Whether a topic's title and keywords have every word of the subject (or a form of it)."""
        return self.shared_words(subject, topic) >= set(tokenize(subject)) - set(self.data.extras.subject_stopwords)

    def covers(self, subject: str, topic: Topic) -> bool:
        """Whether a topic is about the subject asked: it has at least half of the subject's words (or their forms),
        more than whom the post is for, and at half, the words it misses are known to some topic. "dengue prevention
        during monsoon" is not about contact lens habits that prevent infections, "breast augmentation" not about
        breast reconstruction, "parents' carousels" not about routes to parenthood."""
        stop = self._unmatched
        words = {w for w in tokenize(subject) if w not in stop}
        topic_words = set(tokenize(f"{topic.title} {' '.join(topic.keywords)}"))
        audience = self._audience
        missed = [w for w in words if not any(same_word(w, t) for t in topic_words)]
        if words - audience:  # whom a post is for, unsaid, misses nothing when the subject says what about
            if not (words - set(missed)) - audience:
                return False  # ... but is not enough to say what a post is about
            words -= audience & set(missed)
            missed = [w for w in missed if w not in audience]
        if 2 * len(missed) > len(words):
            return False
        # At half, a word the topic misses must be one some topic knows. A word known only as another word's
        # derivative ("talker" from "talk") is not known: "late talkers" is not a topic about eating late.
        if 2 * len(missed) == len(words):
            return all(self._topics_know(w) for w in missed)
        # Below half, a missed word no topic knows and the guides and posts never use ("snakebite") is what the
        # subject is about, unless the topic has more than two of its other words: "snakebite first aid" is no post
        # on hearing aids. A word the guides use ("serious", "traditional") only says more about the subject.
        unknown = [w for w in missed if len(w) > 3 and not self._topics_know(w) and w not in self._vocabulary]
        return not unknown or len(words) - len(missed) > 2

    def _topics_know(self, word: str) -> bool:
        """Whether some topic has a word, or an inflection of it."""
        return any(same_word(word, t, _INFLECTIONS, False) for t in self._idf)

    @cached_property
    def _vocabulary(self) -> frozenset[str]:
        """Every word of the guides and of the finished posts' main text."""
        posts = (f"{c.warm.hook} {c.warm.body}" for spec in self.kb.copy.values() for c in spec.values())
        return frozenset(w for text in (*(g.body for g in self.kb.guides), *posts) for w in tokenize(text))

    def telling(self, word: str) -> bool:
        """Whether a word says what a post is about: not a generic word ("common") nor a field's name ("dental")."""
        words = tokenize(word)
        return bool(words) and all(w not in self._unmatched and w not in self._specialty_words for w in words)

    def about_words(self, phrase: str, specialty: str | None) -> list[str]:
        """The words of a phrase that say what a post is about: neither generic ("common") nor the asker's own
        field's name ("physio" from a physio); another field's word stays ("gut" from a dietitian)."""
        spec = self.kb.specialties.get(specialty or "")
        own = {w for n in (spec.name, *spec.aliases) for w in tokenize(n)} if spec else set()
        return [w for w in tokenize(phrase) if w not in self._unmatched and w not in own]

    def key_word(self, subject: str) -> str | None:
        """The subject's most telling word that some topic knows ("heel" in "heel pain"; never "vs"), or None."""
        stop = self._unmatched
        words = [w for w in dict.fromkeys(tokenize(subject)) if w not in stop and len(w) > 2 and w in self._idf]
        known = [w for w in words if w not in self._audience] or words
        return max(known, key=lambda w: self._idf[w]) if known else None

    def fits(self, subject: str, topic: Topic, spec_id: str | None = None) -> bool:
        """Whether a topic is about the subject: it covers the subject and has its most telling word in its title or
        keywords; so "heel pain" is never "knee pain on the stairs" (both about pain), nor "the first week after
        rhinoplasty" the first weeks after a hip replacement.
        Given `spec_id` (a further caption on a subject already found), a topic whose finished post uses that word
        fits too: a summer sun plan is one more post about sunscreen."""
        key = self.key_word(subject)
        copy = self.kb.copy.get(spec_id, {}).get(topic.title) if spec_id else None
        if copy is not None and key is not None:
            said = tokenize(f"{topic.title} {' '.join(topic.keywords)} {copy.warm.hook} {copy.warm.body}")
            return any(same_word(key, t) for t in said)
        if not self.covers(subject, topic):
            return False
        topic_words = set(tokenize(f"{topic.title} {' '.join(topic.keywords)}"))
        return key is None or any(same_word(key, t) for t in topic_words)

    def best_topic(self, subject: str, specialty: str | None, day: str | None = None, across: bool = True):
        """(specialty id, topic) about the subject: the asker's specialty first, then (`across`) any specialty whose
        topic has a finished post (knowledge/copy/) on it ("urgent care vs the ER" for a family doctor); None if none
        fits."""
        scopes: list[str | None] = [specialty, None] if specialty and across else [specialty]
        named = self.named_specialties(subject)  # "things I'd never do as a dietitian": a dietitian's topics only
        for scope in scopes:
            for spec_id, topic in self.topics_for(subject, scope):
                if day and day.lower() not in topic.title.lower():
                    continue  # "a script for World Hearing Day": never World Heart Day's
                if scope is None and topic.title not in self.kb.copy.get(spec_id, {}):
                    continue  # another specialty's topic helps only with its finished post
                if scope is None and named and spec_id not in named:
                    continue  # the subject names a profession: never another profession's post
                if self.fits(subject, topic):
                    return spec_id, topic
        return None

    def narrowing_subject(self, text: str, specialty: str) -> str:
        """What a longer name of the asker's field adds to a shorter one ("pelvic floor" in "a pelvic floor physio
        post"): a subject the message gives only as part of the field's name; "" when it gives none. One word is not
        enough: it is mostly the place or the role ("dental clinic", "orthopaedic surgeon")."""
        words = f" {' '.join(tokenize(text))} "
        names = sorted({a for a, s in self._aliases if s == specialty}, key=len, reverse=True)
        said = next((a for a in names if f" {a} " in words), None)  # the longest name the message uses
        shorter = next((b for b in names if said and b != said and f" {b} " in f" {said} "), None)
        if said is None or shorter is None:
            return ""
        added = f" {said} ".replace(f" {shorter} ", " ").split()
        return " ".join(added) if len(added) > 1 else ""

    @cached_property
    def _aliases(self) -> list[tuple[str, str]]:
        """(a specialty's name or alias as words, its id) for every name and alias."""
        return [
            (" ".join(tokenize(name)), spec.id)
            for spec in self.kb.specialties.values()
            for name in (spec.name, *spec.aliases)
            if tokenize(name)
        ]

    def named_specialties(self, subject: str) -> set[str]:
        """The specialties whose name or alias the subject says in full ("as a dietitian")."""
        said = f" {' '.join(tokenize(subject))} "
        return {spec_id for alias, spec_id in self._aliases if f" {alias} " in said}

    def specialty_and_topic(self, turn, specialty, across: bool = True):
        """(specialty id, topic) a draft is written from; (the asker's specialty, None) or (None, None) if none is
        about the subject. `across`: another specialty's finished post may serve (a caption), or not (hashtags,
        which are the asker's field's)."""
        subject = self.subject(turn.masked)
        # The nearest topic about something else never gives its copy: a topic must be about the subject asked.
        found = self.best_topic(subject, specialty, self.named_day(turn.masked), across)
        if found is None and specialty and (narrow := self.narrowing_subject(turn.masked, specialty)):
            found = self.best_topic(narrow, specialty, None, across=False)  # "a pelvic floor physio post"
        if found is None and specialty:
            found = self._part_topic(turn.masked, specialty)
        uncued = found is None and subject == self._uncued(turn.masked)
        if uncued and specialty:
            found = self._named_topic(turn.masked, specialty)
        if uncued and found is None:
            found = self._story_topic(turn.masked, specialty, across)
        if found is None and specialty:
            return specialty, None
        return found or (None, None)

    def _part_topic(self, text: str, specialty: str):
        """(specialty, topic) for one part of a subject the asker split with a dash or colon when the whole names no
        topic: "for the start of summer - sun protection reminder" is the sun protection post. In the asker's own
        field only ("the start" alone is a dental habit's)."""
        phrase, split = self.subject_phrase(text), self.data.extras.point_after
        parts = re.split(split, phrase) if phrase and split else []
        found = (self.best_topic(self.subject(part), specialty, None, across=False) for part in parts[:3])
        return next((f for f in found if f), None) if len(parts) > 1 else None

    def _story_topic(self, text: str, specialty: str | None, across: bool):
        """(specialty, topic) the story before a request with no subject is about: "There are measles cases at the
        local school. Can you do a Facebook post?" is the measles post. A sentence must say a topic's head in full
        (a single word only when few topics use it: "measles", never "consent"), the asker's field first, then
        (`across`) any field's finished post; None when no sentence does."""
        told = sentences(text)[:_STORY_SENTENCES]
        scopes = [specialty, None] if specialty and across else [specialty]
        found = (self._named_topic(s, scope, single=True) for scope in scopes for s in told)
        return next((f for f in found if f), None) if len(told) > 1 else None

    def _uncued(self, text: str) -> str:
        """The subject of a message that names none with a cue, a colon or a quoted title: the message itself."""
        return self.subject(text) if self.first_cue(text) is None and not _TITLE.search(text) else ""

    def _named_topic(self, text: str, specialty: str | None, single: bool = False):
        """(specialty, topic) of the asker's field whose title's head ("Hay fever season" in "Hay fever season: get
        ready before the pollen peaks") the message says in full, when it names its subject with no cue ("Spring's
        arrived and hay fever season is kicking off. Could you write a short Facebook post reminding people we can
        help"); the topic with the longest such head, else None. `single`: a head of one rare word counts too; with
        no `specialty`, any field's topic that has a finished post."""
        said = set(tokenize(text))
        best, most = None, 0 if single else 1
        for spec_id, topic, head in self._heads:
            if spec_id != specialty and (specialty or topic.title not in self.kb.copy.get(spec_id, {})):
                continue
            if len(head) == 1 and self._idf.get(head[0], 0.0) < _RARE_HEAD:
                continue  # "Your consent: ..." is no story's subject
            if len(head) == 1 and head[0] not in said:
                continue  # one word said exactly: "hand over her records" never names handwriting
            if most < len(head) <= _HEAD_WORDS and all(any(same_word(w, t) for t in said) for w in head):
                best, most = (spec_id, topic), len(head)
        return best

    @cached_property
    def _heads(self) -> list[tuple[str, Topic, list[str]]]:
        """(specialty id, topic, the words of its title's head: "Hay fever season" of "Hay fever season: get ready
        ..."), read once for every topic."""
        stop = self._unmatched
        return [
            (spec_id, topic, [w for w in tokenize(topic.title.split(":")[0]) if w not in stop])
            for spec_id, topic, _ in self._topics
        ]

    def named_day(self, text: str) -> str | None:
        """The awareness day, week or month a message names ("World Hearing Day", "Movember"), as typed, or None."""
        pattern = self.data.extras.named_day
        found = re.search(pattern, text, re.IGNORECASE) if pattern else None
        if found is None:
            return None
        name = found.group(1)
        return " ".join(w if w[:1].isupper() else w.capitalize() for w in name.split())

    def first_cue(self, text: str, cues: tuple[str, ...] = ()) -> re.Match[str] | None:
        """Where the first of the cues (else the data's subject cues, strongest first) introduces the subject."""
        after = self.data.extras.not_a_cue_after
        found = (_cue(c, text, after.get(c.lower(), ())) for c in cues or self.data.subject_cues)
        return next((m for m in found if m), None)

    def subject_phrase(self, text: str, cues: tuple[str, ...] = ()) -> str:
        """The subject as the user wrote it ("how to floss"), without the words that say how ("properly")."""
        match = self.first_cue(text, cues)
        if match is None or (not cues and (_colon_first(text, match) or _title_first(text, match))):
            return ""
        phrase = _cut(match, match.group(1))
        phrase = _LOOKS_LIKE.sub(r"\1", phrase.strip())  # "what the first week after X looks like": the first week
        phrase = _ASIDE.sub("", phrase) or phrase  # "lip filler before/afters (different clients)": an aside
        stop = set(self.data.extras.subject_stopwords)
        words = [w for w in phrase.split() if w.lower().strip("'\"") not in stop]
        phrase = " ".join(words).strip(" '\"")
        # "3 (ways) to", "two sunscreen myths": how many is no part of the subject
        return _HOW_MANY.sub(lambda m: "how to " if m.group(1) else "", phrase)


_STORY_SENTENCES = 4  # a story before a request is told in a few sentences; a long message is not searched through
_RARE_HEAD = 6.0  # idf of a word a handful of topics use ("measles", "tinnitus"); "consent", "posture" are commoner
_HEAD_WORDS = 4  # a title's head said in full names a topic when it has two to four words
_HOW_MANY = re.compile(r"^(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:(to)\s+)?", re.IGNORECASE)


def _cut(match: re.Match[str], subject: str) -> str:
    """The subject after a cue, cut where it stops being the subject: before the myths' quoted examples ("debunking
    two sunscreen myths: 'you don't need it when it's cloudy' ..."), before the clinic's description or whom it is
    for (`_SUBJECT_END`), and without whose post it is (`_OUR_PRACTICES`) or whom it urges (`_WHOM_TO`)."""
    if _DEBUNKING.match(match.group(0)):
        subject = subject.split(":", 1)[0]
    return _WHOM_TO.sub("", _OUR_PRACTICES.sub("", _SUBJECT_END.split(subject, maxsplit=1)[0]))


# Whose post, before what it is about: "for our peds office back-to-school shot reminder" is about back-to-school shots.
_OUR_PRACTICES = re.compile(
    r"^(?:my|our)\s+(?:[\w'’/-]+\s+){0,3}?(?:clinic|practice|surgery|office|centre|center|pharmacy)(?:'s|’s)?\s+(?=\w)",
    re.IGNORECASE,
)


_DEBUNKING = re.compile(r"(?:busting|debunking)\b", re.IGNORECASE)

# Whom a post urges, before what it is about: "encouraging over-50s to get their bowel screening" is about bowel
# screening.
_WHOM_TO = re.compile(
    r"^(?:[\w'’-]+\s+){1,3}?to\s+(?:get|have|book|try|take|keep up|go for|come in for|come for)\s+"
    r"(?:(?:their|your|a|an|the|his|her)\s+)?",
    re.IGNORECASE,
)

# A closing aside in brackets after the subject: "lip filler before/afters (different clients)".
_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")

# "what the first two weeks after a tummy tuck actually look like" is about the first two weeks after a tummy tuck.
_LOOKS_LIKE = re.compile(
    r"^what\s+((?:the|a|an|your|my|our)\s+.+?)\s+(?:really\s+|actually\s+)?(?:looks?|feels?)\s+like$", re.IGNORECASE
)


# What a word's own forms add to it: "floss" and "flossing", "talk" and "talker"; never "late" and "later" or
# "hear" and "heart", which are other words. A longer ending makes a compound ("physio", "physiotherapy").
_ENDINGS = frozenset({"s", "es", "ed", "d", "ing", "er", "ers", "ly", "y", "ies", "al", "ic", "ion"})
_INFLECTIONS = frozenset({"s", "es", "ed", "d", "ing"})  # the same word, not a word made from it


def same_word(a: str, b: str, endings: frozenset[str] = _ENDINGS, compounds: bool = True) -> bool:
    """One word or a form of it: "floss" and "flossing", "vaccine" and "vaccines" (four letters at least)."""
    short, long = sorted((a, b), key=len)
    if a == b or len(short) < 4 or not long.startswith(short):
        return a == b
    rest = long[len(short) :]
    return rest in endings or (compounds and len(rest) >= 4)


# What a number after a cue counts when it says how long or how many, not what about ("about 30 seconds", "about 80
# words"); "explaining 3 simple ways to ..." is a subject.
_UNITS = (
    r"\s*-?\s*(?:s|secs?|seconds?|mins?|minutes?|words?|char\w*|hashtags?|posts?|captions?|slides?|%|percent)\b|[,.;]"
)


# A title quoted after a colon: "Need a 45-second TikTok script: 'Why your knee hurts going downstairs'".
# A title the message names: "carousel for parents called something like 'Is my toddler a late talker?'", or puts
# straight after what it asks for: "a 45-60 second Instagram reel script, 'Fever myths', me talking to camera".
_TITLE = re.compile(
    r"(?::|\b(?:called|titled|entitled|named)(?:\s+something\s+like)?|\b(?:script|caption|post|reel|video|carousel)s?,)"
    r"\s*[\"“'‘]([^\"“”\n]{5,100}?)[\"”'’](?!\w)",
    re.IGNORECASE,
)  # "I'd" inside is no closing quote

# Who is asking, not what about: "a caption for our derm practice in Phoenix for early summer" is about summer.
_PRACTICE = re.compile(
    r"(?:my|our|the|a|an)\s+(?:(?!(?:for|about|on|during|with|to|at)\s)[\w'’/-]+\s+){0,4}?"
    r"(?:clinic|practice|surgery|office|centre|center|pharmacy|"
    r"account|acct|page|feed|profile|team)\b(?:\s+in\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)?(?=\s*(?:[,.;:?!(]|$|\s+(?:for|aimed|targeting|targeted|geared)\b))",
    re.IGNORECASE,
)


# A subject given after a colon with no cue word, in the sentence that asks for the draft: "Need a TikTok script,
# ~45 sec, me talking to camera: clear aligners vs braces, which is better?"
_AFTER_COLON = re.compile(
    r"\b(?:script|caption|post|reel|tiktok|video|carousel)s?\b[^.?!:\n]{0,60}:\s*(?![\s\"“'‘])([^\n:\"“]{5,80}?)(?=\s*[,.;?!\n]|$)",
    re.IGNORECASE,
)


# Practice news after the colon, not a topic: "Write an Instagram post: our chiro clinic is moving across town ...".
_NEWS_AFTER_COLON = re.compile(r"\s*(?:our|we|we're|we've|my|i|i'm|us)\b", re.IGNORECASE)


def _colon_first(text: str, cued: re.Match[str] | None) -> bool:
    """Whether the request names its subject after a colon before a cue word does: "a 30 second reel: 3 desk
    stretches for neck pain ... I'll film it on my phone" is about the stretches, not the phone."""
    found = _AFTER_COLON.search(text)  # not a quoted title ("a script: 'braces vs aligners for teens?'")
    if found is None or cued is None or _NEWS_AFTER_COLON.match(found.group(1)):
        return False
    return found.start(1) <= cued.start()


def _title_first(text: str, cued: re.Match[str]) -> bool:
    """Whether a quoted title, not the cue word, gives the subject: a title after a colon that holds the cue word or
    comes before it ("a script: 'braces vs aligners for teens, which is better?'" is about braces and aligners, not
    about teens; "a reel script: 'a day at our office' ... happy to be on camera" is not about cameras), or a title
    the message names as such wherever it stands ("a carousel for parents called 'Is my toddler a late talker?'")."""
    titled = _TITLE.search(text)
    if titled is not None:  # "We make videos for our patients. Write a script for the first one: 'What happens at ...'"
        asked = max(text.rfind(end, 0, titled.start()) for end in (". ", "? ", "! ", "\n")) + 1
        if cued.start() < asked and _ASKED_TITLE.search(text[asked : titled.start() + 1]):
            return True  # the cue word is in an earlier sentence, not in the request that names the title
    return titled is not None and (titled.start(1) <= cued.start() or not titled.group(0).startswith(":"))


# The request itself ends at the colon before a quoted title: "Write a 45-second script for the first one: '...'".
_ASKED_TITLE = re.compile(
    r"\b(?:write|draft|make|create|give me)\b[^.?!:\n]{0,60}"
    r"\b(?:script|caption|post|reel|video|carousel)s?\b[^.?!:\n]{0,40}:$",
    re.IGNORECASE,
)


# The question a quoted title ends with, after its subject: "braces vs clear aligners for teens, which is better?"
_QUESTION_TAIL = re.compile(r",\s*(?:which|what|how|why|who|is|are|does|do|should|can|or)\b[^,]*\?\s*$", re.IGNORECASE)


def without_question(title: str) -> str:
    """A quoted title without the question it ends with, when a subject comes before it; else the title."""
    found = _QUESTION_TAIL.search(title)
    head = title[: found.start()].strip() if found else ""
    return head if len(head.split()) >= 2 else title


def subject_after_colon(text: str) -> str:
    """The subject written after a colon in a request with no subject cue ("...: clear aligners vs braces"), or ""."""
    found = _AFTER_COLON.search(text)
    return found.group(1).strip() if found else ""


def _cue(cue: str, text: str, not_after: tuple[str, ...] = ()) -> re.Match[str] | None:
    """Where a subject cue introduces what a draft is about; "about 30 seconds" says how long, not what about,
    "for our derm practice" says who asks, "divided on vaccines" (a word of `not_after` before the cue) what people
    argue about, and "end with something about booking" how the draft ends: the next place the cue occurs is tried
    instead."""
    pattern = re.compile(
        rf"(?<!['’])\b{re.escape(cue)}\b\s+(?!\d+(?:\s*[-–—]\s*\d+)?(?:{_UNITS}|\s*$))(.{{3,}})", re.IGNORECASE
    )
    # (never a contraction's ending: "we're selling" says nothing about "re")
    for start in itertools.islice(re.finditer(rf"(?<!['’])\b{re.escape(cue)}\b", text, re.IGNORECASE), _MOST_TRIED):
        before = _LAST_WORD.search(text[max(0, start.start() - 40) : start.start()]) if not_after else None
        if (
            before
            and before.group(1).lower() in not_after
            or _CLOSING.search(text[max(0, start.start() - 60) : start.start()])
        ):
            continue
        found = pattern.match(text, start.start())
        if found and not _PRACTICE.match(found.group(1)) and not _NOT_SUBJECT.match(found.group(1)):
            return found
    return None


_LAST_WORD = re.compile(r"([\w'’-]+)\W*$")
# How the draft should end, not what it is about: "end with something about booking without sounding salesy".
_CLOSING = re.compile(
    r"\b(?:end|ends|ending|finish|finishing|close|closing|wrap up|sign off)\s+(?:it\s+|off\s+)?with\s+"
    r"(?:something|a (?:line|bit|note|word|sentence|sentence or two|call to action|cta))\s*$",
    re.IGNORECASE,
)
_MOST_TRIED = 12  # places a cue is tried at: a subject is named early, and each try reads to the message's end


# Where or when, not what about: "on Instagram and Facebook", "for a reel for parents", "on 1 March", "on Monday",
# "for my assistant"; nor a pronoun ending a clause ("confused about that.").
_NOT_SUBJECT = re.compile(
    r"(?:(?:an?|the|my|our)\s+)?"  # "for an insta reel"
    r"(?:instagram|insta|ig|facebook|fb|tiktok|linkedin|youtube|twitter|threads|whatsapp|google|social media|socials)"
    r"\b|(?:an?\s+)?(?:reels?|shorts?|stor(?:y|ies)|carousels?|videos?|posts?)\s*(?:\bfor\b|[,.;:!?]|$)"
    r"|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|(?:my|our)\s+(?:assistant|receptionist|boss|manager|colleagues?)\b"
    r"|(?:that|this|it|them|those|these)\s*(?:[.,;:!?]|$)"  # "I don't want people confused about that."
    r"|(?:the\s+)?screen\b(?!\s+time)"  # "a caption on screen": where words are shown
    # "a nurse injector on the Gold Coast": where the asker works, not what the post is about
    r"|the\s+(?:(?-i:[A-Z])[\w'’-]*\s+){0,3}(?-i:Coast|Island|Isle|Islands|Side|Peninsula|Shore|Strip|Valley|Heights|Riviera)\b",
    re.IGNORECASE,
)


# A title the asker quotes for the post or video, apostrophes inside words kept ("a 60-second Reel script 'Is my
# toddler's speech delayed?'"): a few words, straight after the kind of draft or a colon.
# One character of quoted words: anything but a quote mark or a line break, or an apostrophe inside a word ("it's").
QUOTED_CHAR = r"(?:[^\"“”'‘’\n]|(?<=\w)['’](?=\w))"
_TITLE_AFTER_KIND = re.compile(
    r"\b(?:script|reel|video|short|tiktok|post|caption|carousel|called|titled)\s*:?\s+[\"“'‘]"
    rf"({QUOTED_CHAR}{{5,80}}?)[\"”'’](?=\s|[?.!,]|$)",
    re.IGNORECASE,
)


def quoted_title(text: str) -> str:
    """The title quoted after the kind of draft asked for ("script 'Is my toddler's speech delayed?'"), or ""."""
    found = _TITLE_AFTER_KIND.search(text)
    return found.group(1).strip() if found else ""
