"""A request for a short-video script gets one, on the subject asked; telling what one films asks for none."""

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
        "PGY2 resident. Saw a wild case last night and I want to make a TikTok explaining the medicine behind it. OK?",
        "I make short health education videos on TikTok about malaria myths. Can I take money from a drug company?",
        "We want to make a video series on knee pain, how often should we post?",
    ],
)
def test_saying_what_one_films_or_means_to_film_asks_for_no_script(drafter, text):
    assert requested_kind(text, drafter.data) is None


def test_a_script_whose_subject_follows_a_colon_is_written_from_the_topic_on_that_subject(drafter):
    text = (
        "Need a TikTok script, ~45 sec, me talking to camera: clear aligners vs braces, which is better? "
        "Audience is teens and their parents."
    )
    asker = Asker(specialty="orthodontics", country=None)
    [draft] = drafter.drafts(turn(text, ["tiktok"]), None, asker)
    assert draft.kind == "video_script"
    assert "braces" in draft.title.lower() and "aligners" in draft.title.lower()
    assert "[your key point" not in draft.text


def test_a_quoted_title_that_ends_in_a_question_gives_its_subject_not_a_word_inside_it(drafter):
    text = "Need a 30-45 sec TikTok script: 'braces vs clear aligners for teens, which is better?' I'm an orthodontist."
    [draft] = drafter.drafts(turn(text, ["tiktok"]), None, Asker(specialty="orthodontics"))
    assert draft.kind == "video_script"
    # the finished post comparing braces and aligners (no longer an outline on "teens" or on the question)
    title = draft.title.lower()
    assert "braces" in title and "aligners" in title and "teens" not in title and "which is better" not in title, title
    assert "[your key point" not in draft.text


@pytest.mark.parametrize(
    ("text", "specialty", "about", "not_about"),
    [
        (
            "Physio in Vancouver. Can you write a script for a 30 second Instagram reel: 3 desk stretches for neck "
            "pain, talking to office workers? I'll film it myself on my phone.",
            "physiotherapy",
            "stretch",
            "phone",
        ),
        (
            "Paediatrician in Pune. I want a 45-60 second Instagram Reel script, me talking to camera: dengue "
            "prevention at home + warning signs when to rush to hospital. Keep it simple for parents.",
            "pediatrics",
            "dengue",
            "hand, foot",
        ),
    ],
)
def test_a_subject_after_the_colon_outranks_a_cue_word_later_in_the_message(drafter, text, specialty, about, not_about):
    """ "... on my phone" and "simple for parents" come after the subject the colon gave: a script about the
    phone (a pacemaker script), or about what parents need to know (hand, foot and mouth), answers another request."""
    [draft] = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty=specialty))
    assert draft.kind == "video_script"
    assert about in draft.title.lower() and not_about not in draft.title.lower(), draft.title


@pytest.mark.parametrize(
    ("copy", "gone", "closing"),
    [
        (
            "SMALTO PERFETTO? No: SORRISO PERFETTO IN 2 ORE! Faccette -40% solo per i primi 15 pazienti. "
            "Igiene in OMAGGIO. Il miglior studio di Torino!",
            ["PERFETTO IN 2 ORE", "40%", "primi 15", "OMAGGIO", "miglior"],
            "I risultati variano da persona a persona.",
        ),
        (
            "Garantierte Ergebnisse! Schmerzfreie Laser-Haarentfernung, nur für die ersten 20 Kundinnen -25%. "
            "Die beste Praxis in Köln!",
            ["Garantierte", "Schmerzfreie", "25%", "ersten 20", "beste"],
            "Ergebnisse sind von Person zu Person verschieden.",
        ),
    ],
)
def test_ad_copy_pasted_in_italian_or_german_is_rewritten_in_that_language(drafter, copy, gone, closing):
    text = f"Our agency wrote this ad, can you rewrite it so it's compliant? '{copy}'"
    [draft] = drafter.drafts(turn(text), None, Asker())
    assert closing in draft.text
    assert "Results vary" not in draft.text
    assert not [w for w in gone if w.lower() in draft.text.lower()]


def test_a_holding_statement_after_a_cyber_attack_is_drafted_and_followed_by_the_breach_card(drafter):
    text = (
        "Comms lead at a community hospital. Ransomware hit us overnight, the patient portal is down and we don't "
        "know yet if data was taken. Need a holding statement for Facebook ASAP."
    )
    [draft] = drafter.drafts(turn(text, ["facebook"]), None, Asker(country="US"))
    assert draft.title.startswith("Holding statement")
    assert draft.guide == "crisis-communication-data-breach"
    assert "individual" in draft.text and "update" in draft.text
    assert any("whether patient data was taken" in n for n in draft.notes)
