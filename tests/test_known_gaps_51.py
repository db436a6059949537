"""Gaps found by the forty-fourth held-out set and left from round 50, closed in round 51: a plan that ignored the
topics the asker listed for it; "do me a month plan" read as no request to write. Every example here is invented;
none is a held-out question."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import requested_kind
from tests.drafting import turn


def _topics(plan_text: str) -> list[str]:
    return re.findall(r"^- .*?: (.+)$", plan_text, flags=re.MULTILINE)


def test_a_plan_takes_the_topics_the_asker_lists_in_their_order_and_in_turn(drafter):
    text = (
        "Write a 3-week Instagram plan for our dental practice, 2 posts a week. Topics: teeth whitening myths, "
        "a first visit for kids, bleeding gums. Keep it simple."
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="dentistry"))
    topics = _topics(draft.text)
    assert draft.kind == "plan" and len(topics) == 6
    assert topics[:4] == ["Teeth whitening myths", "A first visit for kids", "Bleeding gums", "Teeth whitening myths"]


def test_a_plan_with_no_field_takes_the_listed_topics_not_the_general_ones(drafter):
    text = "Make us a 2-week Facebook plan, 2 posts a week. Themes are: our new evening hours; flu jabs; parking."
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert _topics(draft.text) == ["Our new evening hours", "Flu jabs", "Parking", "Our new evening hours"]
    assert "general topics" not in draft.title


def test_one_topic_named_is_no_list_and_the_field_chooses_the_rest(drafter):
    text = "Write a 2-week Instagram plan for my physio clinic. Topic: back pain."
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="physiotherapy"))
    assert "Back pain" not in _topics(draft.text)


@pytest.mark.parametrize(
    "text",
    [
        "Can you do me a month plan for instagram for my physio clinic?",
        "could you do us a posting plan for next month pls",
    ],
)
def test_do_me_a_plan_asks_for_a_plan(drafter, text):
    assert requested_kind(text, drafter.data) == "plan"


# --- replies in the review's language ---------------------------------------------------------------------------

_ES_REVIEW = "Pésima atención, esperé dos horas en la sala y nadie me explicó nada. No lo recomiendo."


def test_a_review_in_spanish_gets_its_replies_in_spanish_with_the_number_and_a_spanish_sign_off():
    from assistant.planners.reviews import draft_reply, sign_off

    signoff = sign_off("Clínica Sol", "es")
    draft = draft_reply(_ES_REVIEW, 1, clinic_phone="96 123 45 67", signoff=signoff, language="es")
    assert draft.language == "es" and draft.sentiment == "negative" and len(draft.alternatives) == 2
    assert "llámenos al 96 123 45 67" in draft.reply and draft.reply.endswith("La dirección del centro, Clínica Sol")
    assert "Thank" not in draft.reply and "practice manager" not in draft.reply
    english = draft_reply(_ES_REVIEW, 1)  # no language given: the English replies, as before
    assert english.language == "" and english.reply.startswith(("Thank", "We"))


def test_a_language_with_no_replies_held_is_answered_in_english_and_my_clinic_is_no_name():
    from assistant.planners.reviews import draft_reply, sign_off

    assert draft_reply("Hyvä palvelu, kiitos!", 5, language="fi").language == ""
    assert sign_off("My clinic", "de") == "Ihr Praxismanagement" and sign_off("", None) == "The practice manager"


def test_a_reply_in_another_language_without_a_private_channel_is_refused():
    from pydantic import ValidationError

    from assistant.knowledge.schemas.replies import LocalReplies

    good = "Merci pour votre message, nous aimerions en parler : {contact}."
    with pytest.raises(ValidationError, match="private channel"):
        LocalReplies(
            name="French",
            contact={"with_phone": "appelez le {phone}", "without_phone": "contactez-nous"},
            signoff="La direction",
            negative=(good, "Merci, nous sommes désolés de lire ceci."),
            mixed=(good, good),
            positive=(good, good),
        )


def _glossed_turn(original: str, gloss: str, language: str):
    """A turn as the drafts see a message in another language: its English gloss in place of the masked text."""
    return SimpleNamespace(
        masked=gloss,
        english=gloss,
        question=original,
        language=language,
        platforms=[],
        platforms_named=False,
        country=None,
    )


def test_the_chat_replies_in_the_language_the_pasted_review_is_written_in(drafter):
    original = f"Hola, ¿me ayudas a contestar esta reseña de Google? '{_ES_REVIEW}'"
    gloss = (
        "Hello, can you help me reply to this Google review? 'Terrible attention, I waited two hours in the room "
        "and nobody explained anything to me. I do not recommend it.'"
    )
    (draft,) = drafter.drafts(_glossed_turn(original, gloss, "es"), None, Asker())
    assert draft.kind == "review_reply" and "in Spanish" in draft.title and "dirección del centro" in draft.text


def test_an_english_review_pasted_by_a_spanish_clinic_and_english_asked_for_stay_english(drafter):
    tourist = "Hola, ¿me ayudas a contestar esta reseña de Google? 'Terrible service, waited two hours, rude staff.'"
    gloss = "Hello, can you help me reply to this Google review? 'Terrible service, waited two hours, rude staff.'"
    (draft,) = drafter.drafts(_glossed_turn(tourist, gloss, "es"), None, Asker())
    assert "Spanish" not in draft.title and "Gracias" not in draft.text
    asked = f"Reply in English to this Google review please: '{_ES_REVIEW}'"
    (draft,) = drafter.drafts(turn(asked), None, Asker())
    assert "Spanish" not in draft.title and draft.text.startswith(("Thank", "We"))


def test_the_reply_command_writes_in_a_language_asked_and_refuses_one_it_does_not_hold(capsys):
    from assistant.cli import main

    assert main(["reply", _ES_REVIEW, "--rating", "1", "--language", "es"]) == 0
    assert "dirección del centro" in capsys.readouterr().out
    assert main(["reply", _ES_REVIEW, "--language", "xx"]) != 0
    assert "no replies are written in 'xx'" in capsys.readouterr().err


# --- notices, titles, myths, languages and the card after a reply ----------------------------------------------


def test_a_close_up_in_a_photo_is_no_closure(drafter):
    text = "Write a caption for our crowns post, it shows a close up of the crowns on a model for our clinic."
    assert drafter.news.kind_for(text) is None or drafter.news.kind_for(text).id != "closure"
    assert drafter.news.kind_for("Write a post: we close for the holidays from 24 December.").id == "closure"


def test_a_claim_the_asker_quotes_as_no_longer_allowed_titles_no_draft(drafter):
    text = "Need an IG carousel caption for the zirconia crowns we make. We used to put 'perfect smile guaranteed' lol"
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert all("guaranteed" not in d.title.lower() for d in drafts)


def test_a_myth_told_as_what_a_video_says_is_the_myth_busted(drafter):
    text = (
        "Physio. A viral reel is saying that cracking your knuckles gives you arthritis. Write me a caption busting it"
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="physiotherapy"))
    assert "cracking your knuckles gives you arthritis" in draft.title and "[The fact" in draft.text


def test_czech_is_read_as_czech_not_italian():
    from assistant.chat.data import chat_data
    from assistant.chat.language import detect_language

    text = (
        "Dobrý den, je mi 61 let, mám ordinaci v Plzni a syn mi založil Instagram. Prý potřebuju bio. "
        "Napište mi ho prosím."
    )
    assert detect_language(text, chat_data().languages) == "cs"


def test_a_review_that_may_be_a_competitors_is_followed_by_how_to_report_it(drafter):
    text = "Reply to this Google review pls: 'Awful. The practice across the road is much better, avoid this place.'"
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.kind == "review_reply" and draft.card == "fake-reviews-how-to-report"


# --- forms: a creator brief, a welcome email, a location page, a filming rule; saved replies ----------------------


@pytest.mark.parametrize(
    ("text", "title", "must"),
    [
        (
            "We're gifting a local yoga creator three months of physio. Draft the influencer brief for her please.",
            "Creator brief",
            "paid-partnership label",
        ),
        (
            "We're a 3-site physio group. Write the brief for a local running creator we're gifting 6 sessions to.",
            "Creator brief",
            "#ad",
        ),
        (
            "Can you write a welcome email for people who subscribe to our clinic newsletter? We're in Ottawa.",
            "Welcome email",
            "Unsubscribe",
        ),
        (
            "We have 6 physio clinics. Write a location page for our Northcote clinic that we can reuse for the rest.",
            "one location",
            "Getting here",
        ),
        (
            "Our nurses film TikToks on shift. Write a short paragraph for our policy on filming at work.",
            "filming at work",
            "No patients or clients",
        ),
    ],
)
def test_a_form_asked_by_name_is_written_from_its_template(drafter, text, title, must):
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert title in draft.title and must in draft.text and draft.card


def test_a_question_about_a_form_is_no_request_to_write_it(drafter):
    assert drafter.drafts(turn("Should we send a welcome email to new patients?"), None, Asker()) == []


def test_an_auto_reply_with_saved_replies_gives_the_auto_reply_then_the_saved_ones_not_a_reply_to_the_examples(
    drafter,
):
    text = (
        "We get loads of DMs like 'how much are veneers' and 'is this swelling normal?'. "
        "Write an auto-reply and some saved replies for the team."
    )
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    titles = [d.title for d in drafts]
    assert titles[0].startswith("Automatic reply") and any("health question" in t for t in titles)
    assert any("prices" in t for t in titles) and not any("veneers" in t for t in titles)


def test_can_you_reply_to_this_comment_asks_for_a_reply_and_a_price_question_gets_the_price_reply(drafter):
    text = "Can you reply to this comment: 'how much for a hearing test?'"
    (draft,) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert draft.kind == "review_reply" and "prices" in draft.title and "quote" in draft.text
    (health,) = drafter.drafts(turn("could you respond to this DM: 'is my rash contagious?'"), None, Asker())
    assert health.title.startswith("Reply to the comment") and "can't advise on yours" in health.text


def test_a_portuguese_review_is_answered_in_portuguese_and_the_english_shown_when_asked(drafter):
    review = "Cinco estrelas! A fisioterapeuta foi incansável e em três meses voltei a correr. Recomendo a todos!"
    original = f"Olá! Recebemos esta avaliação no Google, pode escrever uma resposta? '{review}'"
    gloss = (
        "Hello! We received this review on Google, can you write a reply? 'Five stars! The physiotherapist was "
        "tireless and in three months I was running again. I recommend to all!'"
    )
    (draft,) = drafter.drafts(_glossed_turn(original, gloss, "pt"), None, Asker())
    assert draft.title.endswith("in Portuguese") and not any(n.startswith("In English") for n in draft.notes)
    asked = (
        f"Practice manager in Miami. Can you write a reply to this review and give me the English too? '{_ES_REVIEW}'"
    )
    (draft,) = drafter.drafts(turn(asked), None, Asker())
    assert "in Spanish" in draft.title and draft.notes[0].startswith("In English, the first reply says: “")


# --- a profession no specialty covers, with a saved profile of another field ------------------------------------


def _osteopath_turn(text: str):
    asked = turn(text, ["instagram"])
    asked.profession, asked.nearest_field = "", "physiotherapy"  # as turn.py reads "I'm an osteopath"
    return asked


def test_an_osteopaths_caption_comes_from_the_nearest_field_with_the_osteopaths_own_hashtags(drafter):
    from assistant.profile import ClinicProfile

    text = "I'm an osteopath. Write me an Instagram caption about lower back pain at work"
    for profile in (None, ClinicProfile(specialty="general_practice")):
        (draft,) = drafter.drafts(_osteopath_turn(text), profile, Asker())
        assert "back pain" in draft.title.lower() and "period" not in draft.text.lower()
        assert "#Osteopathy" in draft.text and "#FamilyMedicine" not in draft.text


def test_an_osteopaths_plan_takes_the_nearest_fields_topics_and_an_art_therapists_the_general_ones(drafter, kb):
    from assistant.profile import ClinicProfile

    gp = ClinicProfile(specialty="general_practice")
    (plan,) = drafter.drafts(_osteopath_turn("I'm an osteopath. Write a 2-week Instagram plan"), gp, Asker())
    physio = {t.title for t in kb.specialty("physiotherapy").topics}
    assert _topics(plan.text) and set(_topics(plan.text)) <= physio
    assert "Physiotherapy" in plan.title and plan.title.endswith("topics, the nearest field we hold to yours")
    art = turn("I'm an art therapist. Write a 2-week Instagram plan", ["instagram"])
    art.profession, art.nearest_field = "", None
    (plan,) = drafter.drafts(art, gp, Asker())
    assert "general topics" in plan.title


@pytest.mark.parametrize(
    "text",
    [
        "We just became Medibank and nib providers! Write a Facebook post, my boss wants NO GAP FOR EVERYONE in it",
        "Write an Instagram post: our dental office is now in-network with Cigna and Aetna.",
    ],
)
def test_joining_an_insurers_network_is_news_that_promises_no_gap_to_nobody(drafter, text):
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert "provider for a health fund or insurer" in draft.title and "depends on your own policy" in draft.text
    assert "NO GAP" not in draft.text and any("no gap" in n for n in draft.notes)


def test_a_reply_asked_in_a_language_held_is_written_in_it_and_one_not_held_says_it_is_english(drafter):
    review = "'Terrible service, waited two hours, nobody explained anything.'"
    (spanish,) = drafter.drafts(
        turn(f"Can you write a reply in Spanish to this Google review: {review}"), None, Asker()
    )
    assert spanish.title.endswith("in Spanish") and not any("This reply is in English" in n for n in spanish.notes)
    (greek,) = drafter.drafts(turn(f"Can you write a reply in Greek to this Google review: {review}"), None, Asker())
    assert "Spanish" not in greek.title and any("This reply is in English" in n for n in greek.notes)
