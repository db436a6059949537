"""The subject a request names drives the draft: a word's look-alike ("late" in "later", "need") never picks
another subject's copy, and a bio keeps the focus and the kind of practice the message gives."""

from __future__ import annotations

from assistant.chat.compose import Asker
from assistant.chat.details import details_in
from assistant.chat.draft_topics import same_word
from tests.drafting import turn


def test_a_word_matches_its_own_forms_but_not_another_word_that_starts_the_same():
    assert same_word("floss", "flossing") and same_word("vaccine", "vaccines") and same_word("talk", "talker")
    assert not same_word("late", "later") and not same_word("hear", "heart")


def test_a_script_on_a_subject_no_copy_covers_stays_on_that_subject(drafter):
    text = "Write a 30-second reel script for our speech therapy team about late talkers."
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.kind == "video_script" and "late talkers" in draft.text.lower()
    assert "pill" not in draft.text.lower() and "eat" not in draft.text.lower().split()


def test_a_dm_about_a_childs_ear_pain_gets_no_fact_from_an_unrelated_topic(drafter):
    text = (
        "Reply to this DM for us: 'my daughter is 4 and says her ear hurts since this morning, "
        "does she need antibiotics?' We're an ENT practice."
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="ent"))
    assert draft.kind == "review_reply" and "sinus" not in draft.text.lower()
    assert "book an appointment" in draft.text


def test_the_place_a_bio_is_for_is_never_read_from_the_request_words():
    assert details_in("Write an X bio for our hospital pharmacy department.", None).practice == "hospital pharmacy"
    assert details_in("a TikTok bio for my dental clinic in Leeds", None).practice == "dental clinic"


def test_a_bio_keeps_the_focus_the_message_gives(drafter):
    text = "Write an Instagram bio for me: Dr Sam Lee, GP in Galway, posts about menopause and sleep."
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="general_practice"))
    assert draft.kind == "bio" and "menopause" in draft.text.lower()
