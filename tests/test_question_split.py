"""Cutting a message into the questions it asks, with the context the asker gave kept for each."""

from __future__ import annotations

import pytest

from assistant.question_split import asks, split_question, tidy


@pytest.mark.parametrize(
    ("message", "questions"),
    [
        (
            "Is TikTok worth it for a dental practice, and who should run it?",
            ["Is TikTok worth it for a dental practice", "who should run it?"],
        ),
        (
            "Can a dentist in Chennai post prices on Instagram? And can we show before/after smile pics?",
            ["Can a dentist in Chennai post prices on Instagram?", "And can we show before/after smile pics?"],
        ),
        (
            "How often should I post on Instagram? Also, what should I do about negative reviews?",
            ["How often should I post on Instagram?", "Also, what should I do about negative reviews?"],
        ),
        (
            "Should our practice be on LinkedIn. How do we measure if social media is working",
            ["Should our practice be on LinkedIn", "How do we measure if social media is working"],
        ),
        (
            "is tiktok worth it for a therapist? also who should run it, me or my receptionist",
            ["is tiktok worth it for a therapist?", "also who should run it, me or my receptionist"],
        ),
        (
            "Can we post testimonials; what about before and after photos?",
            ["Can we post testimonials", "what about before and after photos?"],
        ),
    ],
)
def test_a_message_with_two_questions_is_cut_into_both(message, questions):
    split = split_question(message)
    assert list(split.questions) == questions and split.context == ""


@pytest.mark.parametrize(
    ("message", "context", "first"),
    [
        (
            "I'm a GP in Leeds. Should I use Facebook or Instagram, and how often should I post?",
            "I'm a GP in Leeds.",
            "Should I use Facebook or Instagram",
        ),
        (
            "My clinic in Frankfurt: can I advertise on Google Ads, and can I target people who searched for it?",
            "My clinic in Frankfurt.",
            "can I advertise on Google Ads",
        ),
        (
            "We got a 1-star review that's clearly fake. Can we sue them? How do we reply in the meantime?",
            "We got a 1-star review that's clearly fake.",
            "Can we sue them?",
        ),
    ],
)
def test_what_the_asker_says_about_themselves_is_context_kept_with_each_question(message, context, first):
    split = split_question(message)
    assert split.context == context and split.questions[0] == first and len(split.questions) == 2
    assert all(split.matched_text(q).startswith(context) for q in split.questions)


@pytest.mark.parametrize(
    "message",
    [
        "How do I find and use the right hashtags for my dental practice?",
        "How do I respond to negative and fake reviews?",
        "Can my staff and I film videos in the clinic?",
        "What should I post on Instagram and Facebook as a dermatologist?",
        "How do I balance social media and clinical work without burning out?",
        "Is it ethical for doctors to be on social media and promote themselves?",
        "What are the rules and guidelines for doctors on social media in the UK?",
        "Is it okay to use Canva templates and stock photos for our posts?",
        "I'm a physio in Leeds. What should I post on Instagram?",
        "Dr. Patel here. How do I reply to a bad review on Google?",
        "Write me an Instagram caption about sunscreen and hydration",
    ],
)
def test_a_single_question_with_and_in_it_is_not_cut(message):
    split = split_question(message)
    assert split.questions == (message,) and split.context == ""


def test_a_message_that_asks_nothing_or_only_one_short_follow_up_stays_whole():
    assert split_question("Thanks, that helps.").questions == ("Thanks, that helps.",)
    assert split_question("Should I post before and after photos? Why?").questions == (
        "Should I post before and after photos? Why?",
    )


def test_a_piece_asks_when_it_ends_with_a_question_mark_or_starts_with_a_question_word():
    assert asks("also, what do I put in the bio") and asks("the new clinic opens Monday?")
    assert not asks("We are a small dental practice in Bristol")


def test_an_instruction_for_a_draft_with_no_subject_asks_nothing():
    assert not asks("Should be inclusive.") and not asks("Must mention our late opening on Thursdays")
    assert not asks("Would be nice to keep it under 100 words.")
    assert asks("Should be inclusive?") and asks("should we be on TikTok") and asks("Should I mention prices")
    split = split_question(
        "Can you write a post for our midwife-led unit for World Breastfeeding Week? Should be inclusive."
    )
    assert split.questions == (
        "Can you write a post for our midwife-led unit for World Breastfeeding Week? Should be inclusive.",
    )


def test_a_question_piece_reads_as_a_heading():
    assert tidy("and also, can we show before/after smile pics") == "Can we show before/after smile pics?"
    assert tidy("how often should I post?") == "How often should I post?"


def test_the_questions_asked_besides_a_request_to_write_are_found():
    from assistant.question_split import questions_in

    assert questions_in("Write me an Instagram caption about sunscreen. Also, how often should I post?") == [
        "Also, how often should I post?"
    ]
    assert questions_in("Write me an Instagram caption about sunscreen for my clinic in Leeds") == []


def test_a_question_after_a_few_words_of_context_and_a_comma_is_a_question():
    split = split_question("As a therapist, should I have a business Instagram, and should I allow comments on it?")
    assert split.questions == ("As a therapist, should I have a business Instagram", "should I allow comments on it?")
    # a clause after a comma that asks nothing stays the context of the question that follows
    assert split_question("We got a review, which is fake. How do I report it?").questions == (
        "We got a review, which is fake. How do I report it?",
    )


@pytest.mark.parametrize(
    ("message", "context", "questions"),
    [
        (
            "We run a physio clinic in Perth. (a) Should we use Reels? (b) Can we post a discount for students?",
            "We run a physio clinic in Perth.",
            ("Should we use Reels?", "Can we post a discount for students?"),
        ),
        (
            "a) is LinkedIn worth it for a radiologist b) how often should I post there?",
            "",
            ("is LinkedIn worth it for a radiologist", "how often should I post there?"),
        ),
        (
            "Question 1: can we film in the waiting room? Question 2: who signs off the videos? We're a GP surgery.",
            "We're a GP surgery.",
            ("can we film in the waiting room?", "who signs off the videos?"),
        ),
    ],
)
def test_lettered_and_labelled_questions_are_cut_at_their_labels_which_are_dropped(message, context, questions):
    split = split_question(message)
    assert split.context == context and split.questions == questions
    assert [tidy(q) for q in split.questions][1][0].isupper() and "(b)" not in tidy(split.questions[1])


def test_a_capital_letter_and_bracket_inside_a_question_is_no_list_label():
    assert len(split_question("Is vitamin A) safe to mention in a skincare post?").questions) == 1


def test_a_later_part_pointing_back_with_those_is_matched_after_the_first_part():
    split = split_question(
        "I'm a GP in Leeds. Can we answer comments about waiting times? Who should write those replies?"
    )
    first, second = split.questions
    assert split.points_back(second) and not split.points_back(first)
    assert split.matched_text(second) == f"I'm a GP in Leeds. {first} {second}"
    assert split.matched_text(first) == f"I'm a GP in Leeds. {first}"
    plain = split_question("Can we answer comments about waiting times? Who should run our account?")
    assert not plain.points_back(plain.questions[1])


def test_a_number_after_a_question_mark_starts_the_next_question_and_is_not_context():
    # "1. ...? 2. What about ...?": the "2." is the second question's number, not something the asker said.
    split = split_question(
        "1. Can our surgery give a coffee voucher for every review we get? 2. What about a free check-up for "
        "anyone who brings along a neighbour, advertised on Instagram?"
    )
    assert split.context == ""
    assert split.questions[0].startswith("Can our surgery") and split.questions[1].startswith("What about")


def test_a_list_item_that_tells_first_and_asks_after_a_comma_is_a_question():
    split = split_question(
        "Dentist in Co. Clare. Two q's: 1) can we post our opening hours on WhatsApp? 2) a parent keeps tagging "
        "us in her posts about her son, how do we ask her to stop"
    )
    assert split.context.startswith("Dentist in Co. Clare.")  # "Co." is no sentence end
    assert len(split.questions) == 2
    assert split.questions[1].startswith("a parent keeps tagging us") and "how do we ask her" in split.questions[1]


def test_a_list_item_that_asks_nothing_is_no_second_question():
    message = "Two things: 1) we are a GP practice, so busy lately. 2) how often should we post on Facebook?"
    assert split_question(message).questions == (message,)


def test_a_numbered_item_keeps_what_it_tells_before_its_question():
    split = split_question(
        "Psychiatrist in Geneva. Two things. 1) A patient found my private Instagram and sent a follow request. "
        "What is the right reaction? 2) Is advertising for doctors restricted here? What is allowed? We are two."
    )
    assert split.questions == (
        "What is the right reaction?",
        "Is advertising for doctors restricted here? What is allowed?",
    )
    # What the asker says anywhere is context for every part; an item's own account comes first in its part.
    assert split.context.startswith("Psychiatrist in Geneva. Two things.") and "We are two." in split.context
    assert split.matched_text(split.questions[0]).startswith("A patient found my private Instagram")
    assert split.matched_text(split.questions[1]).startswith("Psychiatrist in Geneva")


def test_a_short_question_after_what_a_numbered_item_tells_is_that_items_question():
    split = split_question(
        "Dentist in Leeds. 1) Someone who was never a patient left us a 1-star review. How do we get it removed? "
        "2) Our receptionist wants to give a free whitening to patients who leave a review. Good idea?"
    )
    assert split.questions[0] == "How do we get it removed?"
    assert split.questions[1] == (
        "Our receptionist wants to give a free whitening to patients who leave a review: good idea?"
    )
    assert split.matched_text(split.questions[1]).startswith("Our receptionist wants")


def test_numbered_items_that_only_tell_before_one_question_about_them_all_are_one_question_each():
    split = split_question(
        "Ortho practice in Ohio. Our agency wants to 1) run ads to parents who visited our braces page, using the "
        "pixel, 2) upload our patient email list for a lookalike audience. Is either of these a problem?"
    )
    assert len(split.questions) == 2
    assert split.questions[0].startswith("run ads to parents") and split.questions[0].endswith("?")
    assert split.questions[1].startswith("upload our patient email list")
    assert "Is either of these a problem?" in split.context


def test_a_question_after_a_list_that_asks_about_one_thing_keeps_the_message_whole():
    message = "GP practice. 1) A patient filmed our receptionist. 2) The clip is on YouTube. Can we ban filming?"
    assert split_question(message).questions == (message,)


def test_a_numbered_task_someone_set_the_asker_is_a_question_of_its_own():
    """ "The board has asked me (1) to show whether any of it is working and (2) how do I cut it down?" had kept only
    the second part, and the answer went to the nearest card to both (platform outages)."""
    message = (
        "Our practice manager asked me (1) to work out whether our Instagram brings in patients and (2) how "
        "can I do it in an hour a week?"
    )
    split = split_question(message)
    assert split.questions == (
        "to work out whether our Instagram brings in patients?",
        "how can I do it in an hour a week?",
    )
    told = split_question("My boss asked me (1) to the meeting and (2) how do I present our numbers?")
    assert len(told.questions) == 1  # "to the meeting" is no task
