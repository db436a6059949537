"""Schema of knowledge/data/drafts.yaml: what counts as a request to write, and the pieces of a bio."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from ..base import Regex, Strict

# "message": a text message or e-mail to send patients (a review request), which no platform post kind fits.
DraftKind = Literal["caption", "bio", "review_reply", "video_script", "hashtags", "plan", "message"]


class Replacement(Strict):
    pattern: Regex  # a case-insensitive regular expression
    with_: str = Field(alias="with")  # what replaces it ("" removes it)
    # A detail that identifies a patient (a bed number, an age), not a promise: taking it out does not call for the
    # typical-results lines a rewritten promise gets.
    identifies: bool = False


class Addition(Strict):
    pattern: Regex  # when the original text matches this...
    say: str = Field(min_length=10)  # ...this sentence is added


class ReviewNote(Strict):
    """A note shown with a drafted review reply: always, or when the review matches `when`, or when the asker's own
    words around it match `asker` ("I was thinking to explain that actually his wife came first")."""

    when: Regex | None = None  # case-insensitive regular expressions
    asker: Regex | None = None
    say: str = Field(min_length=20)
    english_only: bool = False  # said only under a reply written in English (no replies held in the language asked)


class RewriteLanguage(Strict):
    """The promises to take out of copy written in another language, and the closing sentences in it."""

    replace: tuple[Replacement, ...] = Field(min_length=1)
    closing: tuple[str, ...] = Field(min_length=1)


class RewriteWhere(Strict):
    """Promises taken out only where a country's law bans them: a prescription-only medicine named in an ad (Botox
    in Australia and the UK) is advertised as the consultation instead."""

    countries: tuple[str, ...] = Field(min_length=1)  # ISO 3166 alpha-2 codes
    why: str = Field(min_length=10)  # the note that says why they were taken out
    replace: tuple[Replacement, ...] = Field(min_length=1)


class RewriteData(Strict):
    """How pasted copy that promises too much is rewritten (see knowledge/data/drafts.yaml, `rewrite`)."""

    requests: tuple[Regex, ...] = Field(min_length=1)
    replace: tuple[Replacement, ...] = Field(min_length=1)
    add: tuple[Addition, ...] = ()
    closing: tuple[str, ...] = ()
    # Copy in another language (ISO 639-1 code, as data/chat.yaml detects it) is rewritten in that language.
    languages: dict[str, RewriteLanguage] = Field(default_factory=dict)
    where: tuple[RewriteWhere, ...] = ()  # ...and what only some countries' laws ban


class CommentReplyData(Strict):
    """A reply to a pasted comment or message that asks about the writer's own health (knowledge/data/drafts.yaml)."""

    requests: tuple[Regex, ...] = Field(min_length=1)  # the user asks for a reply to a comment, DM or question
    asks: tuple[Regex, ...] = Field(min_length=1)  # the pasted words ask about someone's own health
    # A health question told rather than pasted ("a woman asked under our post whether her knee pain means she tore
    # something"): group 1 is the question, answered as if pasted.
    described: tuple[Regex, ...] = ()
    urgent: Regex  # a sentence of the topic's copy that says when to get urgent help
    reply: str = Field(min_length=60)  # {fact} {urgent} {booking} {phone} {emergency}
    urgent_default: str = Field(min_length=20)  # when the topic's copy names no urgent signs
    no_fact: str = Field(min_length=20)  # when no topic's copy fits the comment
    # A comment about the writer's own medicines ("is it normal that my tablets make me dizzy?"): a topic's fact about
    # a medicine is never an answer to a question about theirs, so the reply borrows none.
    own_medicine: Regex | None = None
    notes: tuple[str, ...] = ()
    # A comment spreading a health myth ("sunscreen causes cancer, you're poisoning people"): a calm correction.
    myth: Regex | None = None  # what such a comment says
    myth_reply: str = ""  # {fact} {booking} {phone}
    myth_notes: tuple[str, ...] = ()
    # A comment that accuses the practice over money ("charged me double, scammers!!"): a complaint, answered as one.
    complaint: Regex | None = None
    # A comment that asks what something costs ("how much for braces?"): the reply to a price question
    # (notices.yaml replies), never a reply about the writer's health.
    price: Regex | None = None
    # A comment that insults or accuses the clinician rather than asking anything ("you're all scammers", "shilling
    # for pharma"): one calm line or none (the harassment-and-trolls guidance), never a review reply.
    hostile: Regex | None = None
    hostile_reply: str = ""  # {booking} {phone}
    hostile_notes: tuple[str, ...] = ()
    hostile_card: str | None = None  # the card whose advice follows the reply
    health_card: str | None = None  # the one after a reply about the writer's own health, unless a card fits well
    # A comment that says a post of ours is wrong or unsafe ("irresponsible telling first-time mums home birth is just
    # as safe"): thanked, the fuller picture given with its source, the post corrected if it needs it; never argued.
    disputed: Regex | None = None
    disputed_reply: str = ""  # {sorry} {booking} {phone}
    personal: Regex | None = None  # the comment tells of harm to the writer or their family ("my sister nearly lost")
    disputed_sorry: str = ""  # ...and the reply says sorry for it first
    disputed_notes: tuple[str, ...] = ()
    disputed_card: str | None = None  # the card whose advice follows the reply


class AwarenessCaptionData(Strict):
    """What a caption for a named awareness day adds to the day's authored post: when it falls, a crisis line."""

    when_month: str = Field(min_length=10)  # {name} {month}
    when_day: str = Field(min_length=10)  # {name} {date}
    when_span: str = Field(min_length=10)  # {name} {start} {end}
    post_on_the_day: str = Field(min_length=10)  # {when}: the note for a day's post that opens "Today is ..."
    crisis_days: Regex  # observances (id or name) where a crisis line belongs in the post
    crisis: str = Field(min_length=20)  # {crisis} {number}
    crisis_unknown: str = Field(min_length=20)
    # Days of grief and remembrance (baby loss): the post carries the day's own hashtag only, never the clinic's
    # specialty or service tags, which on a post to bereaved parents read as selling (#IVF on Baby Loss Week).
    remembrance_days: Regex = "(?!)"


class LinkedInProfileData(Strict):
    """A clinician's LinkedIn headline and About section, from what the message says about them."""

    headline: tuple[str, ...] = Field(min_length=1)  # parts joined with " | ", kept while within the limit
    headline_limit: int = Field(default=220, ge=50)
    about: tuple[str, ...] = Field(min_length=3)  # paragraphs; one whose slot is empty is left out
    notes: tuple[str, ...] = ()


class NoSellingData(Strict):
    """A caption asked for without selling ("no selling please"): its booking line is replaced by a closing."""

    asks: Regex  # the message asks for no promotion
    cta: Regex  # a closing paragraph that books, sells or offers
    closing: str = Field(min_length=10)  # the call to action that sells nothing
    note: str = ""  # shown with the caption


class GeneralPlanData(Strict):
    """A plan when the practice's field is not known: general topics, with the services left to fill in."""

    title: str = Field(min_length=5)  # added to the plan's title ("general topics ...")
    topics: tuple[str, ...] = Field(min_length=4)  # used in order, again from the start for a longer plan
    note: str = Field(min_length=20)


class PlanNote(Strict):
    """A note for a plan: when the request (`asked`) or the plan's posts (`posts`) match, case-insensitive.
    {crisis} and {number}: the asker's country's crisis line and emergency number (then `unknown` is used when the
    country is not known)."""

    asked: Regex | None = None
    posts: Regex | None = None
    say: str = Field(min_length=20)
    unknown: str = ""


class PlanOpening(Strict):
    """The first posts of a plan asked for around an event (`asked`, case-insensitive: a clinic opening), in order;
    the plan's other posts follow."""

    asked: Regex
    topics: tuple[str, ...] = Field(min_length=1, max_length=7)


class AudiencePosts(Strict):
    """Posts written for the audience a request names ("to attract local employers"), not for patients: `asks`
    finds the audience, `service` (group 1) what the posts offer them; each post may use {service}, {clinic},
    {city}, {booking} and {phone}."""

    id: str
    name: str  # "employers": in the title
    asks: Regex
    service: Regex
    service_default: str = Field(min_length=3)  # when the message names no service: "[the service you offer]"
    posts: tuple[str, ...] = Field(min_length=2, max_length=5)
    notes: tuple[str, ...] = ()


class GeneralCarousel(Strict):
    """A carousel outline on a subject no authored copy covers: a cover slide, points to fill, a closing slide and
    the caption; {subject}, {Subject}, {booking} and {phone} are filled in."""

    cover: str = Field(min_length=5)
    points: tuple[str, ...] = Field(min_length=3, max_length=8)
    last: str = Field(min_length=10)
    caption: str = Field(min_length=20)


class MythSeries(Strict):
    """Several myths of the asker's field busted in one carousel, caption or script, each from the field's checked post
    on it (knowledge/copy/, topics titled "Myth: ..."), when the asker names none ("a carousel '5 myths about low back
    pain'"). {count}, {Count}, {subject}, {Subject}, {n}, {slide}, {booking} and {phone} are filled in."""

    about: Regex  # what the myths are about (group 1: "low back pain" in "5 myths about low back pain")
    before: Regex  # the words before "myths" (group 1: "fever" in "'Fever myths'")
    how_many: Regex  # how many are asked (group 1: "5" or "five")
    default_count: int = Field(default=5, ge=2, le=10)
    cover: str = Field(min_length=5)  # first slide, a subject named: {count} {subject}
    cover_field: str = Field(min_length=5)  # first slide, no subject named: {count}
    last: str = Field(min_length=10)  # last slide or line
    caption: str = Field(min_length=10)  # the caption under the carousel, or above the numbered myths
    script_hook: str = Field(min_length=10)
    script_line: str = Field(min_length=10)  # {n} {slide}
    script_last: str = Field(min_length=10)
    note: str = Field(min_length=10)
    fewer_note: str = Field(min_length=10)  # fewer checked myths than asked: {count} {asked}


class MythDrafts(Strict):
    """A myth-busting script or caption on a subject no authored copy covers, for the myths the asker names: each
    myth once, after the fact that replaces it (the fact is what people should remember), the fact left for the
    clinic to add with its source. {subject}, {Subject}, {count}, {n}, {myth}, {booking} and {phone} are filled in."""

    asked: Regex  # the message asks to bust myths ("debunking myths", "a myth-buster on ...")
    named: Regex  # a myth named without quotes (group 1: "the myth that you can't get pregnant while breastfeeding")
    # ...or told as what a video or post says (group 1: "a viral video that says sunscreen causes cancer")
    said: Regex | None = None
    script_hook: str = Field(min_length=10)  # several myths: {count} {subject}
    script_hook_one: str = Field(min_length=10)  # one myth: {myth}
    script_line: str = Field(min_length=10)  # one per myth: {n} {myth}
    script_last: str = Field(min_length=10)
    caption_hook: str = Field(min_length=10)
    caption_hook_one: str = Field(min_length=10)
    caption_line: str = Field(min_length=10)
    caption_last: str = Field(min_length=10)
    note: str = Field(min_length=10)
    max_myths: int = Field(default=5, ge=1, le=10)
    series: MythSeries | None = None


class DraftLimits(Strict):
    """The most a request to write gets, and the notes that say what was made instead of what was asked (a plan
    longer than the longest we make, a date that does not exist, 300 posts): never silently something else."""

    max_plan_weeks: int = Field(default=12, ge=1, le=52)
    max_posts_per_week: int = Field(default=7, ge=1, le=21)
    recent_past_days: int = Field(default=60, ge=0, le=300)  # a date this far back has "passed", not "next year"
    impossible_date: str = Field(min_length=20)  # {asked} {year} {start} {month} ("February 2027") {days} (in it)
    past_date: str = Field(min_length=20)  # {asked} {start}
    too_long: str = Field(min_length=20)  # {asked} {weeks} {days}
    too_short: str = Field(min_length=20)  # {asked} {days}
    per_week: str = Field(min_length=20)  # {asked} {used} {max}
    too_many: str = Field(min_length=20)  # {asked} {max}
    too_few: str = Field(min_length=20)  # {asked}
    fewer_on_subject: str = (
        ""  # {asked} {made}: fewer captions than asked, as no more finished posts are on the subject
    )
    one_on_subject: str = ""  # {asked}: one post made where more were asked, as only one is written for it
    # "one for over-65s, one for parents of young children": posts for two audiences (groups 1 and 2); with no copy
    # written for either, one post is given and the note says so, never the same post twice in two tones.
    two_audiences: Regex | None = None
    one_for_both: str = ""  # {first} {second}
    field_named: Regex  # the message names the practice's field ("my paediatric occupational therapy practice")
    # A plan asked with each post's hook or opening line ("include the idea, format and a caption hook for each
    # post"): each post's first line shows under it in the chat, however long the plan.
    hooks_asked: Regex | None = None
    # The topics the asker lists for a plan ("Topics: how to register with us, vaccines students should check, ..."),
    # group 1 the list: the posts take them in the asker's order, in turn.
    topics_listed: Regex | None = None
    no_field_title: str = Field(min_length=5)  # a plan when no field is named at all
    no_field_note: str = Field(min_length=20)
    other_platforms: Regex  # a platform we hold no data on (group 1: its name as typed)
    other_platform: str = Field(min_length=20)  # {name} {used}


class PracticeField(Strict):
    """A kind of practice with no specialty of its own in the data (a community pharmacy, a podiatry clinic), named
    by the asker: its drafts carry its own hashtags, never those of the specialty whose copy they borrow."""

    name: str = Field(min_length=3)  # "Community pharmacy": in a hashtag set's title
    asks: Regex  # the message says the asker is one ("our pharmacy", "I'm a podiatrist")
    tags: tuple[str, ...] = Field(min_length=2)  # the field's own tags, most used first; the first names the field

    @field_validator("tags")
    @classmethod
    def _hashtags(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [t for t in value if not t.startswith("#") or " " in t]
        if bad:
            raise ValueError(f"tags must be written as hashtags (#Word): {bad}")
        return value


class NewsletterData(Strict):
    """An email newsletter issue asked for ("a monthly email newsletter for caregivers ... First issue topic: preventing
    falls at home this winter. Can you write it?"): subject line, a greeting, the main piece from the finished post
    on its topic (else a marked place for it), the practice's news as the asker gives it, how to book, and the footer
    every marketing email needs. {clinic}, {booking}, {phone} are filled in; {topic} and {hook} from the post."""

    asks: tuple[Regex, ...] = Field(min_length=1)
    topic: Regex  # the issue's topics named (group 1: "preventing falls at home this winter" after "topic:")
    most_topics: int = Field(default=3, ge=1, le=6)
    piece_missing: str = Field(min_length=10)  # a topic listed with no finished post: {subject} {Subject}
    news_item: Regex  # a listed topic that is the practice's own news ("new evening hours")
    news_item_line: str = Field(min_length=5)  # {Item}
    first_issue: Regex  # the first issue ("start a newsletter", "first issue")
    news: Regex  # the practice's news listed (group 1: what follows "news:")
    subject_line: str = Field(min_length=5)  # {topic}
    subject_missing: str = Field(min_length=5)
    opening: str = Field(min_length=10)
    opening_first: str = Field(min_length=10)
    main_missing: str = Field(min_length=10)
    news_lead: str = Field(min_length=3)
    news_missing: str = Field(min_length=10)
    close: str = Field(min_length=10)
    sign_off: str = Field(min_length=5)
    footer: str = Field(min_length=40)
    notes: tuple[str, ...] = ()
    card: str | None = None


class FormatData(Strict):
    """A piece of writing asked for by its form, not as a post: a Facebook ad's fields, a text to patients, an email
    inviting lapsed patients back, a story sequence, a website About page, a photo consent form. Written from a
    template: {clinic}, {city}, {booking} and {phone} are filled in, {subject} and {Subject} with what the message
    names (`subject`, group 1), else `subject_missing`, a marked place; {title} with the asker's profession
    (drafts.yaml `titles`), else `title_missing`."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    asks: tuple[Regex, ...] = Field(min_length=1)
    kind: DraftKind = "caption"
    platform: str | None = None  # a platform id the form belongs to ("facebook" for its ads), else none
    title: str = Field(min_length=5)  # "Facebook ad: {Subject}"
    subject: Regex | None = None
    subject_missing: str = Field(default="[the service]", min_length=3)
    title_missing: str = Field(default="[your profession]", min_length=3)
    text: str = Field(min_length=40)
    notes: tuple[str, ...] = ()
    unless: Regex | None = None  # ...but not when the message says this ("nurses aged 25-40": a job advert, not an ad)
    # A form more specific than any ready notice whose cues it shares: "a paragraph for our social media policy about
    # ChatGPT" is the AI policy, not the whole staff policy.
    before_notices: bool = False
    card: str | None = None  # the card that always follows the draft
    guide: str | None = None  # ...or the one that follows it when no card fits the message well


class DraftExtras(Strict):
    comment_reply: CommentReplyData | None = None
    awareness: AwarenessCaptionData | None = None
    linkedin_profile: LinkedInProfileData | None = None
    sentiment_cards: dict[str, str] = {}  # review sentiment -> the card that follows its reply ("positive")
    # The card that follows a reply when the asker's own words around the review say something it does not ("a name
    # we've never seen in our system": the fake-review card): pattern -> card id, the first that matches wins.
    asker_cards: dict[str, str] = {}
    # The card that follows a reply to a kind of review or comment with a card of its own (a false health claim in
    # a comment: the card on answering misinformation): review_replies.yaml situation id -> card id.
    situation_cards: dict[str, str] = {}
    # The card that follows a reply to a comment that is not praise: a comment under a post is no review, so the
    # advice on replying to reviews (ratings, review sites) does not fit it.
    comment_card: str | None = None
    subject_stopwords: tuple[str, ...] = ()  # words that say how, not what ("properly"): no topic is matched on them
    subject_generic: tuple[str, ...] = ()  # words any subject may use ("see a doctor"): no topic is matched on them
    # Words before a subject cue that make it no cue: parents "divided on vaccines" are not what a post is about.
    not_a_cue_after: dict[str, tuple[str, ...]] = {}
    # Words that say whom a post is for ("kids", "parents"): they rank topics but are never the subject's key word,
    # and a topic need not have them ("first orthodontic visit for kids" is the first orthodontic consultation).
    subject_audience: tuple[str, ...] = ()
    subject_synonyms: dict[str, str] = {}  # a request's word -> the word the topics use ("jab": "vaccine")
    general_script: tuple[str, ...] = ()  # a script on a subject no authored copy covers; {subject} {seconds}
    general_caption: str = ""  # a caption on a subject no authored copy covers; {subject}
    general_note: str = ""  # what to add to a general draft
    general_point_note: str = ""  # instead, when the asker's own point fills the place for the key point
    point_after: Regex | None = None  # what ends the subject and starts the asker's point ("toenails - don't ...")
    point_asked: Regex | None = None  # a point the message asks to make (group 1: "Mention we take them back")
    key_point: Regex | None = None  # the marked place in the general drafts that the asker's point fills
    general_caption_more: tuple[str, ...] = ()  # other general captions, for "3 captions" on such a subject
    myths: MythDrafts | None = None  # ...and for the myths the asker names, a myth-busting one
    newsletter: NewsletterData | None = None
    formats: tuple[FormatData, ...] = ()  # forms of writing asked for by name, first that matches wins
    # The words just before a quote that make it an example, not a message to answer ("people saying things like
    # '...'", "if someone DMs something like '...'"): no crisis reply is drafted for an example.
    example_quote: Regex | None = None
    # What a subject must be for the general drafts to carry it: a topic in a few words, not a sentence of the
    # asker's own or a claim they quote to avoid (the words that show one).
    general_subject_max_words: int = Field(default=8, ge=1)
    # How much the words a video idea shares with the subject must weigh (their rarity among the topics, summed)
    # for the idea to be the script: "first" alone does not make "Your first appointment" a script on Pharmacy First.
    script_idea_min_weight: float = Field(default=0.0, ge=0)
    general_subject_not: Regex | None = None
    general_quoted_not: Regex | None = None  # ...and what a subject quoted by the asker may not contain
    named_day: Regex | None = None  # an awareness day, week or month named in a message (group 1: its name)
    general_day_caption: str = ""  # a caption for a named day with no authored post; {day} {when} {booking} {phone}
    general_day_note: str = ""  # shown with it when the day's date is not in the data
    # Words of a day's name that say it is a day, not what it is about ("Mouth Cancer Action Month": mouth cancer),
    # and the line a finished post on that subject opens with on such a day ({day}).
    day_name_words: tuple[str, ...] = ()
    day_topic_lead: str = ""
    seasons: dict[str, int] = {}  # season word -> the month (1-12) a plan for it starts in ("winter": 12)
    count_words: dict[str, int] = {}  # number words before "captions" ("three": 3, "a few": 3)
    max_captions: int = Field(default=5, ge=1, le=10)  # the most captions one message gets
    # Several hashtag sets asked for, one per kind of post listed ("hashtag sets for three kinds of posts: ...")
    hashtag_sets: Regex | None = None
    plan_notes: tuple[PlanNote, ...] = ()  # notes a plan carries when the request or its posts call for them
    general_carousel: GeneralCarousel | None = None  # a carousel outline on a subject with no authored copy
    audiences: tuple[AudiencePosts, ...] = ()  # posts for a named audience other than patients (employers)
    plan_openings: tuple[PlanOpening, ...] = ()  # first posts of a plan around an event (a clinic opening)
    general_plan: GeneralPlanData | None = None  # a plan when no specialty is known: general topics, named so
    no_selling: NoSellingData | None = None  # captions asked for with no selling end without a booking line
    limits: DraftLimits | None = None  # the most a request gets, and what we say when we make less
    fields: tuple[PracticeField, ...] = ()  # kinds of practice with no specialty in the data, first match wins

    @field_validator("seasons")
    @classmethod
    def _season_months(cls, value: dict[str, int]) -> dict[str, int]:
        bad = {word: month for word, month in value.items() if not 1 <= month <= 12 or word != word.lower().strip()}
        if bad:
            raise ValueError(f"seasons need lower-case words and months 1 to 12: {bad}")
        return value


class DraftData(Strict):
    order: tuple[DraftKind, ...]
    requests: dict[DraftKind, tuple[Regex, ...]]
    subject_cues: tuple[str, ...]
    guidance: dict[DraftKind, str] = {}  # draft kind -> the card whose guidance follows the draft
    # Card themes that never follow a draft, however well they match the request's words (setting up an account)
    not_after_drafts: tuple[str, ...] = ()
    # A sentence asking the assistant to write ("Can you write the reply in Spanish?"): in a message that gets a
    # draft it is the request itself, never a question asked besides it.
    asks_to_write: Regex | None = None
    threat_cards: dict[str, str] = {}  # kind of threat in a review -> the card whose advice follows the safety steps
    bio_templates: tuple[tuple[str, ...], ...] = Field(min_length=3)
    services: dict[str, str]
    personal_bio_templates: tuple[tuple[str, ...], ...] = Field(min_length=2)
    titles: dict[str, str] = {}  # specialty id -> a clinician's professional title
    role_fields: dict[str, str] = {}  # a role we hold no specialty for -> its field ("chiropractor" -> "chiropractic")
    description_template: str = Field(min_length=80, max_length=600)  # a Google Business Profile description
    bio_notes: dict[str, tuple[str, ...]] = {}  # platform id -> notes shown with its bio
    ideas: tuple[Regex, ...] = ()  # patterns of a request for a list of ideas
    video_ideas: Regex = r"\bvideos?\b"  # an idea list of videos rather than posts
    # A question on what to post about a subject ("what should I post about stuttering?"): ideas on it, when the
    # asker's field has topics about it
    ideas_on: Regex | None = None
    idea_notes: tuple[str, ...] = ()
    # After the field's name in the title of ideas taken from the specialty nearest to the asker's own field.
    nearest_field_note: str = ""
    holding_line: str = ""  # the only public line under a threatening review, if any
    formal_tone: Regex | None = None  # a request for a formal caption: the professional version comes first
    # A sentence asking whether the asker may have someone or something else write or post ("Can I use ChatGPT to
    # write my posts?", "can I make my staff post about the office?"): a question about a practice, not a request.
    permission: tuple[Regex, ...] = ()
    # A question about the sentence before it ("Is that allowed?", "Do we need to say anything?"): neither asks for
    # a draft ("We want to make TikTok videos with patients. Is that allowed?").
    permission_of_before: tuple[Regex, ...] = ()
    # Someone's view reported between a plan and the question about it ("My friend says that's fine."): the question
    # after it is about the plan before it.
    reported_view: Regex | None = None
    # A caption asked for with its hashtags ("a caption and hashtags", "post + 5 hashtags"): the caption, which
    # carries them, rather than a list of hashtags alone.
    caption_with_hashtags: Regex | None = None
    # Posts asked for after a bio or profile description ("our Google description plus 3 short posts"): the posts
    # are written after it.
    posts_too: Regex | None = None
    asker_intent: Regex | None = None  # the asker's own legal plans ("can we sue them?"): no threat in the review
    short_disclaimer: str = ""  # "Not personal advice.": the disclaimer of a bio with a tight limit
    trainee_note: str = ""  # shown with the bio of a clinician in training
    reply_note: str = ""  # said under every drafted review reply: what it leaves out
    review_notes: tuple[ReviewNote, ...] = ()  # what to do after replying (the offline route), and when not to
    rewrite: RewriteData | None = None
    extras: DraftExtras = DraftExtras()
