"""Review replies: never confirm a patient relationship, disclose nothing, invite private contact;
threats get guidance instead of a reply."""

from __future__ import annotations

import pytest

from assistant.errors import InputError, KnowledgeError
from assistant.knowledge.base import PROJECT_KNOWLEDGE
from assistant.knowledge.schemas.replies import find_confirming
from assistant.planners import compliance
from assistant.planners.reviews import detect_threats, draft_reply, load_reply_data

DATA = load_reply_data()
REVIEWS = [
    ("Dr Jones was rude, I waited two hours and my root canal still hurts.", 1),
    ("Terrible front desk, they lost my insurance forms.", None),
    ("It was fine, parking was hard.", 3),
    ("Wonderful, kind staff. Highly recommend!", 5),
    ("Best dentist in town, thank you Maria!", None),
]


def _all_replies():
    for text, rating in REVIEWS:
        yield draft_reply(text, rating=rating, reviewer_name="Maria Rossi", clinic_phone="+39 02 1234 5678")


def test_replies_never_contain_phrases_that_confirm_a_patient_relationship():
    for draft in _all_replies():
        assert draft.kind == "reply"
        assert find_confirming(draft.reply, DATA.confirming_phrases) is None, draft.reply


def test_replies_repeat_nothing_from_the_review():
    for (text, _), draft in zip(REVIEWS, _all_replies()):
        for detail in ("Jones", "root canal", "insurance", "two hours", "Maria", "parking"):
            if detail in text:
                assert detail.lower() not in draft.reply.lower()


def test_negative_replies_invite_private_contact_with_the_practice_phone():
    draft = draft_reply("Awful experience, never again.", rating=1, clinic_phone="020 7946 0000")
    assert draft.sentiment == "negative"
    assert "020 7946 0000" in draft.reply and "privacy" in draft.reply.lower()


def test_positive_reviews_get_warm_thanks_that_confirms_nothing():
    draft = draft_reply("Lovely team, thank you for my implant!", rating=5)
    assert draft.sentiment == "positive" and draft.reply.lower().startswith(("thank", "we really"))
    assert "implant" not in draft.reply and find_confirming(draft.reply, DATA.confirming_phrases) is None


def test_sentiment_without_a_rating_comes_from_the_words():
    assert draft_reply("Rude and unprofessional, a horrible wait").sentiment == "negative"
    assert draft_reply("Friendly, caring and helpful people").sentiment == "positive"


def test_same_review_gets_the_same_draft_and_different_reviews_vary():
    assert draft_reply("Bad service.", rating=1).reply == draft_reply("Bad service.", rating=1).reply
    replies = {draft_reply(f"Bad service number {n}.", rating=1).reply for n in range(12)}
    assert len(replies) > 1


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Pay me $500 or I'll post this everywhere and leave 20 more reviews.", "extortion"),
        ("Refund my money or I will write more reviews", "extortion"),
        ("I will sue you and your clinic.", "legal"),
        ("My lawyer will be in touch.", "legal"),
        ("I am going to hurt the doctor when I see him.", "violence"),
    ],
)
def test_threats_get_guidance_instead_of_a_public_reply(text, kind):
    draft = draft_reply(text, rating=1)
    assert draft.kind == "guidance" and draft.reply == ""
    assert kind in draft.threats
    joined = " ".join(draft.guidance).lower()
    assert "do not reply publicly" in joined and "document" in joined and "legal counsel" in joined
    assert draft.guide == "threatening-reviews"


def test_violence_puts_the_police_first():
    draft = draft_reply("I'll burn down the clinic", rating=1)
    assert "police" in draft.guidance[0].lower()


def test_complaints_are_not_mistaken_for_threats():
    for text in (
        "I paid a lot and the wait was long.",
        "The doctor explained the legal consent form well.",
        "Would not recommend. Painful and slow.",
        "I'm not their counsellor, I don't know where they live.",
        "We do not know where she lives, only her first name.",
    ):
        assert detect_threats(text, DATA) == [], text
    assert detect_threats("I know where you live.", DATA) == ["violence"]


@pytest.mark.parametrize(
    ("text", "rating", "phone"),
    [
        ("", None, None),
        ("   ", None, None),
        ("ok", 0, None),
        ("ok", 6, None),
        ("ok", None, "call me maybe"),
        ("x" * 10_001, None, None),
    ],
)
def test_bad_input_is_refused_with_a_clear_error(text, rating, phone):
    with pytest.raises(InputError):
        draft_reply(text, rating=rating, clinic_phone=phone)


def test_a_template_that_would_confirm_a_patient_is_rejected_at_load(tmp_path):
    source = (PROJECT_KNOWLEDGE / "data" / "review_replies.yaml").read_text(encoding="utf-8")
    bad = source.replace(
        "Thank you for taking the time to leave this lovely message.", "Thank you for choosing us for your treatment."
    )
    path = tmp_path / "review_replies.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="review_replies.yaml.*confirm a patient"):
        load_reply_data(path)


def test_every_reply_template_passes_the_content_checker():
    for sentiment, templates in DATA.templates.items():
        for template in templates:
            for contact in (DATA.contact["without_phone"], DATA.contact["with_phone"].format(phone="+1 555 0100")):
                reply = template.format(contact=contact)
                findings = compliance.check(reply, kind="reply", reviewer_name="Maria Rossi")
                assert not [f for f in findings if f.get("severity") in ("high", "medium")], (sentiment, findings)


@pytest.mark.parametrize(
    ("message", "country", "numbers"),
    [
        ("honestly I don't see the point anymore, I've been thinking about ending things", "US", ["911", "988"]),
        ("Everyone would be better off without me. Goodbye everyone.", "AU", ["000", "13 11 14"]),
        ("I can't do this anymore, I want to die", "GB", ["999", "116 123"]),
        ("I keep thinking about killing myself", "IE", ["112", "116 123"]),
        ("nobody would miss me if I was gone", "IN", ["112", "14416"]),
        ("I've been self-harming again since the last appointment", None, ["911", "999", "112", "000"]),
    ],
)
def test_a_message_about_suicide_or_self_harm_gets_the_crisis_reply_with_the_countrys_numbers(
    message, country, numbers
):
    draft = draft_reply(message, country=country)
    assert draft.kind == "crisis" and draft.threats == ["self_harm"]
    assert all(n in draft.reply for n in numbers), draft.reply
    assert "emergency department" in draft.reply and not draft.alternatives
    assert any("clinician" in step for step in draft.guidance)
    # never a review template: nothing about feedback, and nothing that confirms a patient relationship
    assert "feedback" not in draft.reply.lower()
    assert not any(p in draft.reply.lower() for p in load_reply_data().confirming_phrases)


@pytest.mark.parametrize(
    "review",
    [
        "Loved your Suicide Prevention Day post, thank you for sharing the helpline",
        "I wanted to die of embarrassment when the receptionist read my name out, so rude",
        "The new prices are killing me, two stars",
    ],
)
def test_words_near_the_crisis_phrases_get_an_ordinary_reply(review):
    assert draft_reply(review).kind == "reply"


def test_the_reply_command_prints_the_crisis_reply_first():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "assistant", "reply", "I want to end my life", "--country", "CA"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("This message speaks of suicide or self-harm") and "988" in done.stdout


@pytest.mark.parametrize(
    "text",
    [
        "Paid $900 for a crown and it still hurts a month later, and they charged me extra for the x-ray.",
        "Spent £2,000 on my shoulder op here, the wound got infected and then they billed me for the dressing.",
    ],
)
def test_a_poor_result_that_was_paid_for_is_answered_as_the_result_with_the_fee_in_passing(text):
    """The fee had been the first complaint named, and "still hurts" came second or not at all."""
    draft = draft_reply(text)
    assert draft.situation.startswith("Disappointment with a result") and "Fees and costs" in draft.situation


def test_a_fee_complaint_alone_is_still_about_the_fee():
    assert draft_reply("They charged me twice for one appointment and never refunded it.").situation.startswith(
        "Fees and costs"
    )
