"""A request's subject finds the finished post on it in any specialty, and nothing about another subject comes with
the draft: no other topic's captions to make up a number, no card about setting up an account, and what was asked
but not made is said under the title, not after a long plan."""

from __future__ import annotations

import re

import pytest

from assistant.chat.compose import Asker, Composer
from assistant.chat.markdown import draft_markdown
from assistant.knowledge.schemas.chat import AnswerText
from assistant.matching import CardMatch
from tests.drafting import turn

_PLACEHOLDER = re.compile(r"\[[^\]\n]{2,}\]")


@pytest.mark.parametrize(
    "text,specialty,title_word,said",
    [
        # a dentist asking about flu jabs: the GP copy's flu vaccine post, not a fill-in template
        ("Write a Facebook caption about flu jabs for the winter", "dentistry", "flu", "flu"),
        # "the ER" is the emergency department: the post on where to go for what
        ("Can you write a reel script on urgent care versus the ER?", "dermatology", "urgent care", "urgent"),
        # "skin cancer" is the subject, not the dermatologist asking
        ("Draft an Instagram post on skin cancer screening, please", "dermatology", "skin", "skin"),
        # no specialty known: the podiatry subject finds the physio post on it
        ("A caption about heel pain for our foot clinic", None, "heel", "heel"),
        # a title the message names as such, wherever the cue words stand ("for parents called ...")
        (
            "Could you write the text for a 7-slide Instagram carousel for parents called something like "
            "'Is my toddler a late talker?' Reassuring, please.",
            "speech_language_therapy",
            "late talk",
            "talk",
        ),
        # whom the post is for ("your kid's", "for parents ... in kids") is not what it is about
        (
            "Can you write a 30 sec TikTok script for our ortho practice? Topic: 'What actually happens at your "
            "kid's first orthodontic visit'. Dr. Lee will be on camera.",
            "orthodontics",
            "orthodontic",
            "orthodontic",
        ),
        (
            "Can you write a Facebook post for parents about myopia in kids? Friendly please",
            "ophthalmology",
            "sight",
            "sight",
        ),
        # "vs" between two of the field's own words is part of the subject, not a word to drop
        (
            "Need a TikTok script, ~45 sec, me talking to camera: clear aligners vs braces, which is better?",
            "orthodontics",
            "aligner",
            "aligner",
        ),
        # "comparing" names the subject as "about" does
        (
            "Write me 3 Instagram captions comparing clear aligners and traditional braces",
            "orthodontics",
            "aligner",
            "aligner",
        ),
        # "safer" is "safe": the post on safe sleep, not one on making a bathroom safer
        (
            "I lead a small health visiting team. Could you write a caption on safer sleep for new parents?",
            None,
            "safe sleep",
            "on their back",
        ),
        # heatstroke is what heatwave advice prevents: never the post on falls prevention for older people
        ("Can you write a 45-second video script on preventing heatstroke in older people?", None, "heatwave", "heat"),
        # "promoting" names the subject: not the carousel it will go on
        (
            "Independent pharmacy. Can you write an Instagram caption promoting Pharmacy First? Keep it short, "
            "we'll put it on a carousel with the 7 conditions.",
            "pharmacy",
            "pharmacy first",
            "sore throat",
        ),
        # a pharmacy's own topics hold the NHS scheme it runs: never the post on taking old medicines back
        (
            "Independent pharmacy in Stockport. Can you write us a Facebook post explaining Pharmacy First? Friendly.",
            "pharmacy",
            "pharmacy first",
            "seven common conditions",
        ),
    ],
)
def test_the_subject_finds_the_finished_post_on_it_in_any_specialty(drafter, text, specialty, title_word, said):
    drafts = drafter.drafts(turn(text), None, Asker(specialty=specialty))
    assert drafts, text
    draft = drafts[0]
    assert title_word in draft.title.lower()
    assert said in draft.text.lower()
    assert not _PLACEHOLDER.search(draft.text)  # a finished post: no fact left to add


def test_another_specialtys_topic_without_a_finished_post_is_not_used(drafter):
    found = drafter.topics.best_topic(drafter.subject("a caption about heel pain"), None)
    assert found is not None and found[1].title in drafter.kb.copy[found[0]]


def test_a_subject_nothing_covers_still_gets_a_general_draft_on_it(drafter):
    (draft,) = drafter.drafts(turn("Write a caption about dengue prevention in the monsoon"), None, Asker())
    assert "dengue" in draft.text.lower()


@pytest.mark.parametrize(
    "text", ["Write a caption about snakebite first aid", "Write 3 captions about snakebite first aid"]
)
def test_a_word_no_topic_knows_keeps_the_draft_on_its_subject(drafter, text):
    # "first aid" shares two words with the post on the first month of hearing aids; "snakebite" is the subject
    drafts = drafter.drafts(turn(text), None, Asker())
    assert drafts and all("snakebite" in d.title.lower() and "hearing" not in d.text.lower() for d in drafts)


def test_more_captions_than_posts_on_the_subject_are_never_another_subjects(drafter, kb):
    text = "Write 3 Instagram captions about heel pain"
    drafts = drafter.drafts(turn(text), None, Asker())
    assert drafts and all("heel" in d.title.lower() for d in drafts)
    if len(drafts) < 3:  # fewer than asked: said first, under the title
        assert drafts[0].alerts >= 1 and "You asked for 3" in drafts[0].notes[0]


def test_a_further_caption_may_be_a_post_that_talks_about_the_subject(drafter):
    drafts = drafter.drafts(turn("Write 5 captions about sunscreen"), None, Asker(specialty="dermatology"))
    assert len(drafts) == 5 and all("sunscreen" in f"{d.title} {d.text}".lower() for d in drafts)


def test_a_plan_from_a_date_that_does_not_exist_says_so_first_naming_the_month_meant(drafter, kb):
    text = "Write a 7-day plan starting 31 February for our dental clinic"
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="dentistry"))
    assert draft.alerts >= 1 and "There is no 31 February" in draft.notes[0]
    assert re.search(r"February \d{4} has 28 days", draft.notes[0])  # the year meant, with its length
    words = AnswerText.model_validate({"draft_heading": "**{title}**", "draft_alternative": "v{n}"})
    shown = draft_markdown(draft, words)
    assert shown.index("There is no 31 February") < shown.index(draft.text.splitlines()[0])


def test_a_card_on_setting_up_an_account_never_follows_a_draft(kb, drafter):
    composer = Composer(kb, None, None, drafter)
    setup = next(c for c in kb.cards if c.theme == "start-instagram")
    advice = next(c for c in kb.cards if c.theme == "health-claims")
    assert not composer._follows_draft(CardMatch(setup, 1.0, setup.card.questions[0], 0.95))
    assert composer._follows_draft(CardMatch(advice, 1.0, advice.card.questions[0], 0.95))


def test_checked_versions_that_read_the_same_are_one_post_not_the_same_post_printed_twice(drafter):
    # Several posts asked for X, where the checked versions shortened to X's length can read the same: every draft
    # shown is a different text, and the note under the title counts the posts actually shown.
    text = "Write three short posts for X about the winter flu jab"
    drafts = drafter.drafts(turn(text, ["x"], "GB"), None, Asker(country="GB", code="GB"))
    texts = [" ".join(d.text.split()) for d in drafts]
    assert drafts and len(texts) == len(set(texts))
    if len(drafts) < 3:
        assert f"there are {len(drafts)} checked" in drafts[0].notes[0]


def test_one_caption_on_a_subject_with_no_finished_post_is_one_outline_and_three_asked_are_three(drafter):
    (one,) = drafter.drafts(turn("Write a caption about snakebite first aid"), None, Asker())
    assert one.alternatives == [] and "[your key point" in one.text  # one outline to fill in, not three
    three = drafter.drafts(turn("Write 3 captions about snakebite first aid"), None, Asker())
    assert len(three) == 3 and len({d.text for d in three}) == 3


@pytest.mark.parametrize(
    "subject,never",
    [
        ("parents' carousels", "parenthood"),  # whom a post is for is not what it is about
        ("breast augmentation", "reconstruction"),  # at half, the word the topic misses must be one a topic knows
    ],
)
def test_a_topic_sharing_only_the_audience_or_half_the_subject_is_not_about_it(drafter, subject, never):
    found = drafter.topics.best_topic(subject, None)
    assert found is None or never not in found[1].title.lower()


def test_a_reply_to_a_pasted_question_takes_its_fact_from_the_question_asked(drafter):
    text = (
        "SLP on Instagram. Parents DM me videos of their toddler asking 'is this a speech delay?' What do I say back?"
    )
    reply = drafter.drafts(turn(text), None, Asker())[0]
    assert "talk" in reply.text.lower()  # the post on late talkers, not the one on questions to ask at an assessment


def test_a_title_quoted_straight_after_the_request_is_the_subject(drafter):
    text = (
        "I'm a paediatrician. Parents panic about fever constantly. Can you write me a 45-60 second Instagram reel "
        "script, 'Fever myths', me talking to camera, with on-screen text?"
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="pediatrics"))
    assert draft.kind == "video_script" and "fever" in draft.title.lower() and "myth" in draft.title.lower()
    assert "[your key point" not in draft.text and "constantly" not in draft.text


def test_a_subject_said_without_a_cue_finds_the_topic_whose_title_it_names(drafter):
    """ "Hay fever season is here. Could you write a short post reminding people we can help": no "about", but the
    message says the head of the pharmacy's hay fever topic in full; it had got no draft at all."""
    text = "Hay fever season is here at last. Could you write a short Instagram post reminding people we can help?"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="pharmacy"))
    assert drafts and "hay fever" in drafts[0].title.lower() and not _PLACEHOLDER.search(drafts[0].text)


def test_a_topic_named_in_passing_is_no_subject_when_a_cue_names_another(drafter):
    text = "We ran hay fever season posts last spring. Could you write a short Instagram post about our new car park?"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="pharmacy"))
    assert not any("hay fever" in d.title.lower() for d in drafts)


def test_a_topic_written_on_request_is_never_proposed(drafter, kb):
    """England's Pharmacy First is written for a pharmacy that asks for it, but had been proposed among a Cardiff
    pharmacy's post ideas and a pharmacist's video ideas whose country was not said."""
    spec = kb.specialty("pharmacy")
    on_request = {t.title for t in spec.topics_on_request}
    assert on_request and not on_request & {t.title for t in spec.topics}
    text = "Give me 10 video ideas for our pharmacy's TikTok"
    drafts = drafter.drafts(turn(text, ["tiktok"]), None, Asker(specialty="pharmacy"))
    assert drafts and not any(title in d.text for d in drafts for title in on_request)
