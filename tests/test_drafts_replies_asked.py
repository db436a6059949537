"""A reply asked for over a pasted review or comment is written whatever order the two come in (issue 10, set 35):
the ask before the words to answer, the words in single quotes with the asker's own story after them, or "the reply"
named and then "draft something kind instead". A comment that says our own post is wrong gets the fuller picture
and the correction, not a thank-you for positive comments."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import Drafter, requested_kind
from tests.drafting import turn


@pytest.fixture(scope="module")
def drafter(kb):
    return Drafter(kb)


@pytest.mark.parametrize(
    "text",
    [
        # the ask first, the words to answer pasted after it, the site named instead of the word "review"
        "Can you draft a reply for our physio clinic's Facebook page? This went up under our Easter hours post:\n\n"
        "'Rang four times about my dad's appointment and nobody rang back. Is this how you treat people?'",
        "Can you write a reply to this for our Google page? The owner is cross, keep it calm.\n\n"
        '"Paid for a full check-up and was in and out in ten minutes, felt completely rushed. - Sam"',
        # the comment first, in single quotes, then the asker's own story, then the ask
        "I posted a reel on bottle feeding and got this comment:\n\n'Shameful that a health visitor tells new mums "
        "formula is just as good. My cousin was made to feel awful for trying to breastfeed.'\n\nTo be fair the reel "
        "was short and left out a lot, and I said 'just as good' without any nuance at all. Honestly I'm torn about "
        "it. Can you write a reply? I don't want to delete it.",
        # the reply named, then "draft something ... instead"
        'Our clinic got this:\n\n"Three rounds of treatment and a five minute call at the end. We felt like '
        'a number. - J & K"\n\nOur director wants to reply that the odds were in the consent forms. Please draft '
        "something kinder instead.",
    ],
)
def test_a_reply_is_asked_for_whether_the_words_to_answer_come_before_or_after_the_ask(drafter, text):
    assert requested_kind(text, drafter.data) == "review_reply"


@pytest.mark.parametrize(
    "text",
    [
        "Can you write an auto-reply for Messenger? People send things like 'doc is this spotting normal at 8 weeks?'",
        "Can you draft a pinned reply for the comments, people keep asking 'are you open on bank holidays?'",
    ],
)
def test_an_automatic_or_pinned_reply_is_no_reply_to_a_review(drafter, text):
    assert requested_kind(text, drafter.data) != "review_reply"


def test_a_comment_saying_our_post_is_wrong_gets_the_fuller_picture_and_the_correction(drafter):
    text = (
        "I posted a reel on bottle feeding and got this comment:\n\n'Irresponsible telling new mums formula is just "
        "as good. My cousin was made to feel awful for trying to breastfeed.'\n\nTo be fair the reel was short and "
        "left out a lot, and I said 'just as good' without any nuance at all. Can you write a reply? I don't want "
        "to delete it."
    )
    [draft] = drafter.drafts(turn(text, ["instagram"]), None, Asker(country="United Kingdom", code="GB"))
    assert draft.kind == "review_reply"
    assert "[the fuller, accurate point" in draft.text and "updated the post" in draft.text
    assert "sorry to hear about that experience" in draft.text  # the comment tells of a cousin's experience
    assert "positive comments" not in draft.text and "practice manager" not in draft.text
    assert any("correct the post itself" in n for n in draft.notes)


def test_a_comment_that_disputes_a_post_without_a_story_gets_no_apology(drafter):
    text = (
        "Someone commented under our post on knee injections: 'This is misleading, steroid shots are not a long "
        "term fix.' Can you write a reply?"
    )
    [draft] = drafter.drafts(turn(text, ["facebook"]), None, Asker(country=None))
    assert "[the fuller, accurate point" in draft.text
    assert "sorry" not in draft.text.lower()


def test_the_note_under_a_fee_complaint_reply_claims_only_what_the_reply_leaves_out(drafter):
    """A fee complaint's replies speak of costs in general; the note under them said they "mention no ... costs".
    What it says now holds: nothing of the reviewer's own bill (the amount) is in any version."""
    text = (
        "Someone left this on our Facebook page: 'This dentist is a scammer and a crook, charged me $400 for nothing, "
        "avoid!!!' Can you draft a response? We're in Houston."
    )
    [draft] = drafter.drafts(turn(text, ["facebook"]), None, Asker(country="United States", code="US"))
    versions = [draft.text, *draft.alternatives]
    assert draft.kind == "review_reply" and not any("400" in v for v in versions)
    spoken_of = " ".join(versions).lower()
    [note] = [n for n in draft.notes if n.startswith("It never confirms")]
    assert "cost" not in spoken_of or "costs" not in note, note
    assert "bill" in note


def test_a_complaint_that_paid_much_and_still_cannot_walk_is_about_the_outcome_not_the_fee(drafter):
    """No word of the sentiment list was in it, so it had read as "mixed feelings (3 stars)"; then its price made
    it a fee complaint. A poor result is what it is about."""
    text = (
        "Under our latest ad someone commented: \"Paid £9,800 for my hip at this place last year and I still can't "
        "walk the dog, and nobody would see me after the check. Don't waste your money.\" Can you draft a reply?"
    )
    [draft] = drafter.drafts(turn(text, ["facebook"]), None, Asker(country="United Kingdom", code="GB"))
    assert draft.kind == "review_reply" and "disappointment with a result" in draft.title


def test_a_comment_calling_the_clinician_a_mouthpiece_of_big_food_gets_one_calm_line(drafter):
    text = (
        'Can you help me respond to this comment on my reel?\n\n"Dietitians are literally trained by Big Sugar. '
        'Your balanced-plate garbage is why everyone is sick."'
    )
    [draft] = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert draft.text.startswith("Thanks for sharing your view") and "practice manager" not in draft.text
    assert not draft.title.startswith('Reply to the comment: “"')


@pytest.mark.parametrize(
    ("text", "drafted"),
    [
        # an example of what people write: what to do with such messages, no reply to send now
        (
            "I get DMs every week from followers saying things like 'I don't want to be here anymore'. What is my "
            "responsibility?",
            False,
        ),
        ("What do we do if someone messages something like 'I can't go on anymore' at the weekend?", False),
        # a message that came in: the reply to send now
        ("A client messaged our page last night saying she 'can't do this anymore'. What do I reply?", True),
    ],
)
def test_a_quote_given_as_an_example_gets_no_crisis_reply_to_send_now(drafter, text, drafted):
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker(country="United Kingdom", code="GB"))
    assert any(d.title.startswith("Reply now") for d in drafts) is drafted
