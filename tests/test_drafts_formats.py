"""Writing asked for by its form, not as a post (drafts.yaml `extras.formats`): a Facebook ad's fields, a text to
patients, an email inviting lapsed patients back, an Instagram story sequence, a website About page and a photo
consent form had got advice and no draft at all."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from assistant.chat.draft_formats import format_draft
from assistant.guardrails.checker import check_text
from tests.drafting import turn


@pytest.mark.parametrize(
    ("text", "title", "words"),
    [
        (
            "Could you write a Facebook ad for our laser hair removal packages? Need primary text and a headline",
            "Facebook ad: Laser hair removal packages",
            ["Primary text:", "Headline:", "Description:", "Button:"],
        ),
        (
            "pls draft a text message to all our patients about the new evening physio sessions",
            "Text message: Evening physio sessions",
            ["Reply STOP"],
        ),
        (
            "Can you draft an email to clients who haven't booked in over 18 months, inviting them back for a review?",
            "Email to patients you haven't seen in a while",
            ["Subject line:", "review", "To stop these emails"],
        ),
        (
            "Write me a 4-frame Instagram story about our new hearing aid fitting service",
            "Instagram story sequence: Hearing aid fitting service",
            ["Frame 1", "poll sticker", "question sticker", "link sticker"],
        ),
        (
            "I need an about us page for our website, can you write it?",
            "Website About page",
            ["Qualifications:", "Registered with", "Fees:"],
        ),
        (
            "Our trial results were just published in Thorax. Can you write a LinkedIn post about the paper?",
            "Post about your paper",
            ["What we found:", "What it does not show yet:", "declared"],
        ),
        (
            "Can you plan a podcast episode outline for us: 'Knee replacement, the first six weeks'?",
            "Podcast episode outline: Knee replacement, the first six weeks",
            ["Welcome and disclaimer", "In an emergency"],
        ),
        (
            "I'm live-tweeting the stroke session at ESOC tomorrow, can you give me a template thread?",
            "Thread for live posting from a meeting",
            ["1/", "95% confidence interval"],
        ),
        (
            "Could you draft a release form for filming patients for our TikTok?",
            "Consent form: photos, video and words on social media",
            ["Paid advertising", "withdraw", "will not affect your care"],
        ),
    ],
)
def test_a_form_asked_for_by_name_is_written_from_its_template(drafter, text, title, words):
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.title == title
    assert all(w in draft.text for w in words)
    assert (draft.card or draft.guide) and draft.notes


def test_a_form_names_what_the_practice_has_not_given_as_a_place_to_fill(drafter):
    """Kept on file and filled in once: "[practice name]" and "[phone number]", never "our clinic" or "call the
    clinic" taken from "our flu clinic"."""
    (draft,) = drafter.drafts(turn("Write a text message for patients about our flu clinic"), None, Asker())
    assert draft.text.startswith("[practice name]: Flu clinic.")
    assert "[phone number]" in draft.text and "call the clinic" not in draft.text


def test_a_form_carries_the_practices_own_details(drafter):
    text = "Our clinic name is Riverside Dental, in Leeds. Write a Facebook ad for our children's check-ups"
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert "Headline: Children's check-ups in Leeds" in draft.text
    assert "Riverside Dental" in draft.text


def test_the_about_page_names_the_askers_profession(drafter):
    (draft,) = drafter.drafts(turn("Write the about me page for my website"), None, Asker(specialty="podiatry"))
    assert draft.kind == "bio" and "[your profession]" not in draft.text


@pytest.mark.parametrize(
    "text",
    [
        "Is it OK to write a Facebook ad that says we are the best dentist in town?",
        "What should an about page on a therapist's website say?",
        "Do we need a consent form for photos of hands only?",
    ],
)
def test_a_question_about_a_form_gets_no_form(drafter, text):
    assert not [d for d in drafter.drafts(turn(text), None, Asker()) if d.card and "Consent form" in d.title]
    assert not [d for d in drafter.drafts(turn(text), None, Asker()) if d.title.startswith(("Facebook ad", "Website"))]


def test_a_subject_that_is_a_sentence_of_the_askers_is_a_place_to_fill(drafter):
    text = "Write a Facebook ad for when we have gaps in the diary and need people to come in"
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.title == "Facebook ad: [the service]"


def test_no_form_breaks_an_advertising_rule(drafter):
    """Every template, filled, passes the checker an ad must pass: no promises, superlatives or health claims."""
    values = {"clinic": "Riverside Dental", "city": "Leeds", "booking": "riverside.example", "phone": "0113 496 0000"}
    for form in drafter.data.extras.formats:
        draft = format_draft(form, "an ad for our skin checks", values, "Dentist")
        assert not [f for f in check_text(draft.text, "ad") if f.severity == "high"], form.id


def test_an_ad_for_a_job_is_not_a_service_ad(drafter):
    text = "We're recruiting nurses. Please write the Facebook ad copy with a headline."
    assert not [d for d in drafter.drafts(turn(text), None, Asker()) if d.title.startswith("Facebook ad")]


def test_a_website_bio_asked_with_an_instagram_bio_keeps_the_instagram_bio(drafter):
    text = "Can you write a short bio for my website and a 150-character version for Instagram? I'm a psychologist."
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert drafts and drafts[0].title.startswith("Instagram bio")


def test_a_post_about_a_paper_opens_with_what_it_is_about(drafter):
    text = "Our new paper on falls in care homes is out in Age and Ageing. Could you write a LinkedIn post about it?"
    (draft,) = drafter.drafts(turn(text, ["linkedin"]), None, Asker())
    assert draft.text.startswith("Falls in care homes: our paper is out in [journal].")
