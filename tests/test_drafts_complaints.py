"""Write requests still answered wrongly (issue 10, development items): a comment or review that accuses the practice
over money gets a calm reply about fees, a caption asked for without selling ends without a booking line, and a plan
for a field our data does not hold gets general topics named as such, never a GP's."""

from __future__ import annotations

import re

import pytest

from assistant.chat.compose import Asker
from assistant.knowledge.schemas.replies import find_confirming
from assistant.planners.reviews import draft_reply, load_reply_data
from tests.drafting import turn


def general_replies(sentiment: str) -> set[str]:
    """Every wording of the sentiment's general reply (the situation without cues), in both tones."""
    data = load_reply_data()
    return {
        getattr(r, tone)
        for s in data.situations
        if s.sentiment == sentiment and not s.cues
        for r in s.replies
        for tone in ("warm", "formal")
    }


def assert_calm_fee_reply(text: str) -> None:
    data = load_reply_data()
    low = text.lower()
    assert re.search(r"\b(fees?|costs?)\b", low), text  # names the kind of complaint, in general words
    assert find_confirming(text, data.confirming_phrases) is None, text  # never confirms a patient
    assert "phone" in low and "practice manager" in low, text  # the private channel
    assert not re.search(r"\b(scam|double|twice|charged you)\b", low), text  # repeats nothing they said


# --- a comment or review that accuses the practice over money ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Someone commented on our Facebook post: "charged me double, scammers!!" How should we reply?',
        'Reply to this comment: "You charged me twice for the same appointment, total scammers!!"',
    ],
)
def test_a_comment_accusing_the_practice_over_money_gets_a_calm_reply_about_fees(drafter, text):
    drafts = drafter.drafts(turn(text), None, Asker())
    assert len(drafts) == 1 and drafts[0].kind == "review_reply", drafts
    draft = drafts[0]
    assert "fees" in draft.title.lower(), draft.title
    assert_calm_fee_reply(draft.text)
    assert "evidence" not in draft.text.lower()  # not the correction of a health myth


def test_an_accusation_without_a_rating_is_negative_and_about_fees():
    drafted = draft_reply("charged me double, scammers!!")
    assert drafted.sentiment == "negative" and drafted.situation == "Fees and costs"
    assert_calm_fee_reply(drafted.reply)


@pytest.mark.parametrize(
    "review",
    [
        "They charged a cancellation fee when I was only 10 minutes late",
        "I was 10 minutes late and they refused to see me and still charged me. Ridiculous.",
    ],
)
def test_a_reviewer_who_was_late_gets_no_sentence_about_waiting(review):
    drafted = draft_reply(review, rating=1)
    assert drafted.situation == "Fees and costs", drafted.situation
    for text in [drafted.reply, *drafted.alternatives]:
        assert not re.search(r"\b(waiting|delays?|running to time)\b", text, re.I), text
    # the practice running late is still a complaint about waiting
    assert "Long waits" in draft_reply("I was on time but they were 4 mins late, then 40", rating=1).situation
    assert "Long waits" in draft_reply("I was 5 minutes late, then waited an hour anyway", rating=1).situation


def test_a_mixed_review_about_a_bill_names_the_billing_complaint_not_the_generic_reply_alone():
    review = "The dentist was lovely but the bill was way more than I was quoted. Not sure I'll be back."
    drafted = draft_reply(review, rating=3)
    assert drafted.sentiment == "mixed" and "Fees and costs" in drafted.situation
    assert drafted.reply.split("\n")[0] not in general_replies("mixed")
    assert_calm_fee_reply(drafted.reply)
    for other in drafted.alternatives:
        assert re.search(r"\bfees?\b", other.lower()), other
    assert draft_reply("Lovely team, though the parking is tricky.", rating=3).situation == "Mixed feelings (3 stars)"


def test_a_mixed_review_reply_through_the_chat_names_the_bill(drafter):
    text = 'How do I reply to this 3-star review: "Nice staff but the bill had extra charges nobody mentioned."'
    draft = drafter.drafts(turn(text), None, Asker())[0]
    assert draft.kind == "review_reply" and "fees" in draft.title.lower()
    assert_calm_fee_reply(draft.text)


# --- a caption asked for without selling ------------------------------------------------------------------------


_BOOKING = re.compile(r"\b(book|booking|call the practice|call us)\b", re.IGNORECASE)


@pytest.mark.parametrize(
    "text",
    ["Write a Movember post, no selling please", "Write a Movember post for Instagram, not salesy"],
)
def test_a_movember_post_with_no_selling_has_no_booking_line(drafter, text):
    draft = drafter.drafts(turn(text), None, Asker())[0]
    assert draft.kind == "caption" and "Movember" in draft.text
    for version in [draft.text, *draft.alternatives]:
        assert not _BOOKING.search(version), version
        assert "Share this" in version
    assert any("No booking line" in n for n in draft.notes)


def test_without_no_selling_the_movember_post_keeps_its_booking_line(drafter):
    draft = drafter.drafts(turn("Write a Movember post"), None, Asker())[0]
    assert _BOOKING.search(draft.text) and not any("No booking line" in n for n in draft.notes)


def test_no_selling_keeps_the_body_of_authored_copy(drafter):
    text = "Write an Instagram caption about sunscreen for my dermatology clinic"
    plain = drafter.drafts(turn(text), None, Asker(specialty="dermatology"))[0]
    soft = drafter.drafts(turn(f"{text}, nothing promotional"), None, Asker(specialty="dermatology"))[0]
    assert _BOOKING.search(plain.text) and not _BOOKING.search(soft.text)
    assert plain.text.split("\n\n")[:2] == soft.text.split("\n\n")[:2]  # hook and body as written
    assert soft.hashtags == plain.hashtags and soft.text.endswith(" ".join(plain.hashtags))


# --- a plan for a field our data does not hold ------------------------------------------------------------------


def test_a_plan_for_a_field_we_do_not_hold_uses_general_topics_named_as_such(drafter, kb):
    text = "Make a 4-week Instagram plan for my osteopathy practice"
    draft = drafter.drafts(turn(text), None, Asker())[0]
    assert draft.kind == "plan" and "general topics" in draft.title
    gp_topics = [t.title for t in kb.specialty("general_practice").topics]
    assert not [t for t in gp_topics if t in draft.text], draft.text
    assert not re.search(r"\b(GP|flu|prescriptions?|practice nurse|blood)\b", draft.text), draft.text
    assert "[Your main service]" in draft.text  # the services are left to fill in
    assert any("general topics" in n for n in draft.notes)
    assert not any("for your specialty" in n for n in draft.notes)


def test_a_plan_for_a_known_specialty_still_uses_its_topics(drafter, kb):
    text = "Make a 4-week Instagram plan for my dental practice"
    draft = drafter.drafts(turn(text), None, Asker(specialty="dentistry"))[0]
    assert "general topics" not in draft.title and "[Your main service]" not in draft.text
    dental = [t.title for t in kb.specialty("dentistry").topics]
    assert any(t in draft.text for t in dental), draft.text
