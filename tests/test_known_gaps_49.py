"""Gaps left open after round 48, closed in round 49: a false health claim in a comment answered like any complaint;
a reply asked for with no verb to write after a pasted comment; a thank-you after a charity walk written as a welcome
to a new colleague; fewer opening hours written as a service closing for good; a research study's recruitment ad
written as a new service; "polish it" not read as a rewrite; a superlative the asker suggests written in without a
word; a script's quoted title lost to an earlier "for our patients"; "+ 5 hashtags" kept in a script's subject; an
"automatic reply" asked for in those words. Every example here is invented; none is a held-out question."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from assistant.chat.data import glossaries
from assistant.chat.gloss import Glosser
from assistant.guardrails import check_text
from tests.drafting import turn


def _first(drafter, text: str, platforms=("facebook",)):
    drafts = drafter.drafts(turn(text, list(platforms)), None, Asker())
    assert drafts, text
    return drafts


def test_a_false_health_claim_in_a_comment_gets_the_evidence_reply_and_the_misinformation_card(drafter):
    text = (
        "Under our flu jab post: 'Flu vaccines cause the flu, my whole family got it after. Do your research.' "
        "Lots of likes. Need a calm reply."
    )
    reply = _first(drafter, text)[0]
    assert reply.kind == "review_reply" and "false or misleading health claim" in reply.title
    assert "what the evidence" in reply.text.lower() and "[" in reply.text  # a marked place for the evidence
    assert reply.card == "replying-to-comments-misinformation"


def test_an_ordinary_complaint_in_a_comment_is_no_misinformation(drafter):
    text = "Comment on our page: 'Waited an hour past my time and nobody apologised. Never again.' Need a calm reply."
    reply = _first(drafter, text)[0]
    assert reply.kind == "review_reply" and "misleading" not in reply.title and "evidence" not in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Under my post on statins: 'Statins are a scam pushed by big pharma, keto cured my dad.' Reply or delete? "
        "If reply, write it.",
        "A comment on our page: 'Rude front desk and a forty minute wait.' Our receptionist replied: 'You were late "
        "for your appointment, check your texts.' Can you write what we post instead?",
    ],
)
def test_a_reply_asked_for_with_no_verb_to_write_one_after_a_pasted_comment_is_drafted(drafter, text):
    assert _first(drafter, text)[0].kind == "review_reply"


def test_thanks_after_a_charity_event_names_the_event_the_amount_and_the_charity(drafter):
    text = (
        "Our pharmacy team ran the Brighton fun run on Sunday for the Heart Research Foundation and raised £2,300. "
        "Some customers joined us in our team shirts. Can you write a post thanking everyone?"
    )
    post = _first(drafter, text)[0]
    assert "charity event" in post.title.lower() and "welcome" not in post.title.lower()
    assert "the Brighton fun run" in post.text and "£2,300 for the Heart Research Foundation" in post.text
    assert any("consent" in n for n in post.notes)


def test_an_invitation_to_a_charity_walk_to_come_is_no_thanks(drafter):
    post = _first(drafter, "Write a post inviting patients to join our charity walk next Saturday")[0]
    assert "thank-you" not in post.title.lower()


def test_fewer_opening_hours_are_a_change_of_hours_not_a_service_closing(drafter):
    text = "From 3 March our clinic is closing Friday afternoons because of a staff shortage. Write a Facebook post."
    post = _first(drafter, text)[0]
    assert "change to our opening hours" in post.title.lower()
    assert "from 3 March" in post.text and "Friday afternoons" in post.text and "now open" not in post.text


def test_new_hours_are_still_good_news(drafter):
    post = _first(drafter, "We're now open on Saturdays! Write a Facebook post.")[0]
    assert "now open" in post.text and "change to our opening hours" not in post.title.lower()


def test_a_research_study_gets_a_recruitment_ad_that_promises_nothing(drafter):
    text = "We are recruiting for a research study of a new asthma inhaler. Can you write a Facebook ad and a post?"
    ad = _first(drafter, text)[0]
    assert ad.title.startswith("Recruitment ad") and "voluntary" in ad.text
    assert not any(f.severity == "high" for f in check_text(ad.text, kind="ad"))


def test_polish_it_is_a_rewrite_and_a_promised_weight_loss_comes_out(drafter):
    text = "Instagram ad: 'Knee replacement assessment this month. Lose 20 kg before your op!' Please polish it."
    drafted = _first(drafter, text, ("instagram",))[0]
    assert drafted.title.startswith("Rewritten") and "20 kg" not in drafted.text


@pytest.mark.parametrize(
    "text, phrase",
    [
        (
            "Write a welcome post for our new dentist. The owner wants to call her "
            "'one of the best dentists in Bristol'.",
            "one of the best dentists in Bristol",
        ),
        ("Write our Instagram bio. We'd like 'Bristol's leading skin specialists' in it.", "Bristol's leading"),
    ],
)
def test_a_superlative_the_asker_suggests_is_left_out_with_a_note(drafter, text, phrase):
    drafts = _first(drafter, text, ("instagram",))
    assert any(n.startswith("Left out") and phrase in n for n in drafts[0].notes)
    assert phrase not in drafts[0].text


@pytest.mark.parametrize(
    "text",
    [
        "one of the best physios in Yorkshire",
        "Leeds' leading sports injury specialists",
        "one of the top GPs in town",
        "one of the best hygienists in Cork",
    ],
)
def test_ranking_the_practice_is_a_superlative(text):
    assert any(f.rule == "R13" for f in check_text(text, kind="post"))


@pytest.mark.parametrize(
    "text",
    [
        "Flossing is one of the best things you can do for your gums",
        "Back pain leading to a specialist referral is rare",
        "Smoking is the leading cause of gum disease",
    ],
)
def test_best_and_leading_that_rank_no_one_are_no_superlative(text):
    assert not any(f.rule == "R13" for f in check_text(text, kind="post"))


def test_a_quoted_title_after_the_request_is_the_scripts_subject(drafter):
    text = (
        "We make FAQ videos for our international patients. Write a 30-second video script for the first one: "
        "'What to expect at your hip replacement consultation'"
    )
    script = _first(drafter, text, ("instagram",))[0]
    assert script.kind == "video_script" and "hip replacement" in script.title and "patients" not in script.title


def test_a_script_with_hashtags_too_gets_both_and_neither_carries_the_other(drafter):
    text = "derm here, reel script on checking your moles for skin cancer awareness month + 5 hashtags please"
    drafts = _first(drafter, text, ("instagram",))
    assert [d.kind for d in drafts] == ["video_script", "hashtags"]
    assert "awareness month" not in drafts[0].title and "hashtag" not in drafts[0].title.lower()
    assert "moles" in drafts[0].title.lower()


def test_hashtags_for_a_cupping_post_are_acupunctures_and_its_cure_claim_is_named(drafter):
    text = "hashtags for a post about cupping? the caption says it 'cures migraines for good'"
    tags = _first(drafter, text, ("instagram",))[0]
    assert tags.kind == "hashtags" and "(Acupuncture)" in tags.title and "#FamilyMedicine" not in tags.text
    assert any(n.startswith("Take this out of your caption") and "cures migraines" in n for n in tags.notes)


def test_an_automatic_reply_asked_for_in_those_words_is_the_ready_auto_reply(drafter):
    reply = _first(drafter, "Can you write an automatic reply for our Facebook messages?")[0]
    assert reply.title.startswith("Automatic reply to messages")


@pytest.mark.parametrize(
    "language, text, english",
    [
        ("pt", "Pode escrever uma resposta automática para as mensagens privadas?", "automatic reply"),
        ("es", "¿Me puede escribir el texto del anuncio?", "the ad text"),
        ("nl", "Wat zetten we in de automatische reactie?", "automatic reply"),
        ("de", "Wir suchen eine Ergotherapeutin, Gehalt nach Erfahrung.", "salary"),
    ],
)
def test_words_the_forty_second_set_used_are_glossed(language, text, english):
    assert english in Glosser(glossaries()).english(text, language)
