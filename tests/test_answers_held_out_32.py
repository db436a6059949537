"""Classes found in the thirty-second held-out set (eval/holdout32.jsonl), each with its own invented example."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chat.drafts import requested_kind
from assistant.knowledge import registry
from assistant.planners.reviews import draft_reply
from tests.drafting import turn
from tests.test_answers import ask

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@pytest.fixture(scope="module")
def drafts_data():
    return registry.load(registry.DRAFTS, KNOWLEDGE)


def test_what_people_are_divided_on_is_not_what_the_post_is_about(drafter):
    """A paediatric office asked for "an IG caption for our peds office back-to-school shot reminder ... parents are
    divided on vaccines": the subject was read as "vaccines rn and I don't want a comment war" and no post was
    written."""
    text = "Need a caption for our family clinic flu shot reminder. Folks round here are split on vaccines this year."
    assert drafter.topics.subject_phrase(text) == "flu shot"


def test_on_still_names_the_subject_of_a_post(drafter):
    assert drafter.topics.subject_phrase("Write a post on hay fever for our pharmacy page") == "hay fever"


def test_a_caption_for_a_back_to_school_shot_reminder_is_the_back_to_school_post(drafter):
    text = "Need an IG caption for our kids clinic back-to-school shot reminder. Parents are kinda divided on vaccines."
    drafts = drafter.drafts(turn(text), None, _asker("pediatrics"))
    assert drafts and drafts[0].title.endswith("Back-to-school checklist: vaccines, vision and sleep routines")


@pytest.mark.parametrize(
    "text, service",
    [
        (
            "Write a Facebook post for our laser hair removal promo: 6 sessions $600 (normally $900)",
            "laser hair removal",
        ),
        ("Can you write an Instagram post about a 15% discount on sports massages in May?", "sports massages"),
    ],
)
def test_a_price_offer_is_an_offer_post_with_what_is_offered(drafter, text, service):
    """ "Write an insta caption for our teeth whitening promo: $399 (normally $549)" got no draft at all."""
    kind = drafter.news.kind_for(text)
    assert kind is not None and kind.id == "offer"
    assert drafter.news.details(kind, text)["service"] == service


def test_an_offer_post_says_what_it_includes_and_promises_nothing(drafter):
    text = "Write a caption for our teeth whitening promo: $350 for October only"
    drafts = drafter.drafts(turn(text), None, _asker("dentistry"))
    assert drafts and drafts[0].text.startswith("Teeth whitening at")
    assert "everything it includes" in drafts[0].text
    assert any("countdown" in note for note in drafts[0].notes)


def test_a_closure_with_no_replacement_found_is_the_closing_post(drafter):
    """A retiring family doctor's clinic closing with "We haven't found a replacement doctor" got the post announcing a
    successor ("Your care continues as usual")."""
    text = "Dr. Ng is retiring and the surgery closes on 30 June; we have not found a replacement. Please write a post."
    kind = drafter.news.kind_for(text)
    assert kind is not None and kind.id == "practice_closing"


def test_a_clinician_leaving_with_a_replacement_is_still_a_staff_change(drafter):
    kind = drafter.news.kind_for("Dr. Ng is retiring in June and Dr. Patel will replace her. Can you write a post?")
    assert kind is not None and kind.id == "staff_change"


def test_a_new_nurse_clinic_is_no_new_team_member(drafter):
    kind = drafter.news.kind_for("Write a Facebook post about our new practice nurse clinic for wound care")
    assert kind is None or kind.id != "new_staff"


def test_a_new_nurse_is_still_a_new_team_member(drafter):
    kind = drafter.news.kind_for("Write a Facebook post welcoming our new practice nurse, Aroha")
    assert kind is not None and kind.id == "new_staff"


def test_a_stall_at_a_show_is_an_event(drafter):
    kind = drafter.news.kind_for(
        "Can you write a post? We have a stall at the county show on Saturday doing free eye checks"
    )
    assert kind is not None and kind.id == "event"


def test_a_stall_at_a_show_is_the_event_whatever_new_service_it_tells_of(drafter):
    kind = drafter.news.kind_for(
        "Write a post: we'll have a stand at the Bega field day on Sunday with free skin checks and info about our"
        " new diabetes education clinic"
    )
    assert kind is not None and kind.id == "event"


def test_a_new_clinic_with_no_stall_is_still_the_new_service(drafter):
    kind = drafter.news.kind_for("Write a post about our new diabetes education clinic starting in March")
    assert kind is not None and kind.id == "new_service"


@pytest.mark.slow
def test_a_psychiatrist_asked_on_air_about_a_celebritys_health_gets_the_public_figures_card(indexed):
    answer = ask(
        indexed,
        "NHS consultant psychiatrist. After a singer's very public collapse, a radio station wants me to explain on"
        " air what might be going on with her, and reporters keep tagging me on X. Where's the line?",
        country="GB",
    )
    assert answer.card_id == "sensitive-topics-public-figures"


@pytest.mark.slow
def test_a_south_african_referral_reward_gets_the_card_on_offers(indexed):
    answer = ask(
        indexed,
        "Dietitian in Cape Town: can we give clients R100 off when they refer a friend, and free consults to a"
        " gym owner who promotes us on Instagram? Is that allowed by the HPCSA?",
        country="ZA",
    )
    assert answer.card_id == "south-africa-best-claims-and-offers"


def test_a_whatsapp_greeting_message_is_the_automatic_reply(drafter):
    notice = drafter.notices.notice_for("We just set up WhatsApp Business. Please write our greeting message.")
    assert notice is not None and notice.id == "auto_reply"


def test_a_broadcast_asked_for_second_in_a_list_is_still_a_post(drafts_data):
    text = (
        "Please write us (1) a short welcome line for the website and (2) a WhatsApp broadcast message with our hours"
    )
    assert requested_kind(text, drafts_data) == "caption"


def test_help_me_reply_to_a_pasted_review_asks_for_the_reply(drafts_data):
    """ "Can you help me reply to this? ... 'Absolute cowboys ...' - Mike" got no reply."""
    text = 'Could you help me reply to this?\n\n"Rude at reception and then a two hour wait, never again." - Jo P.'
    assert requested_kind(text, drafts_data) == "review_reply"


def test_help_me_reply_to_a_review_in_single_quotes_asks_for_the_reply(drafts_data):
    text = "Can you help me reply to this? 'Booked online and nobody had my booking when I arrived. Useless.' - Sam K"
    assert requested_kind(text, drafts_data) == "review_reply"


def test_help_me_reply_with_nothing_pasted_asks_for_no_reply(drafts_data):
    assert requested_kind("Can you help me reply to patients faster on Instagram?", drafts_data) != "review_reply"


def test_a_reviewer_who_cannot_lift_their_arm_is_not_writing_about_the_building():
    """ "now I can't lift my arm" was answered as a review about cleanliness and facilities (the lift)."""
    drafted = draft_reply("Absolute joke, I still can't lift my arm and nobody cares.", 1)
    assert drafted.situation != "Cleanliness and facilities"


def test_a_broken_lift_is_still_about_the_building():
    drafted = draft_reply("The lift was broken again and my mum had to climb three floors. Not good enough.", 2)
    assert drafted.situation == "Cleanliness and facilities"


def _asker(specialty: str | None, code: str | None = None):
    from assistant.chat.compose import Asker

    return Asker(country=code, specialty=specialty, platforms=("instagram",), code=code)


def test_what_a_later_numbered_item_tells_is_not_the_first_parts_context():
    """A hospital's "1) What do we do in the next 24 hours? 2) Our social media policy is from 2014 and HR wants to
    ban staff from ever mentioning the hospital online. Good idea?" matched its first part on the second's story (the
    employer-limits card answered "what do we do today")."""
    from assistant.question_split import split_question

    text = (
        "Practice manager here. A receptionist filmed a patient in our waiting room and posted it. 1) What do we do "
        "today? 2) Our HR lead wants to ban staff from ever naming the clinic online. Good idea?"
    )
    split = split_question(text)
    first, second = split.questions
    assert "HR lead" not in split.matched_text(first) and "receptionist filmed" in split.matched_text(first)
    assert "HR lead" in split.matched_text(second) and "receptionist filmed" in split.matched_text(second)


def test_a_description_asked_with_posts_gets_both(drafter):
    """ "Can you write our Google Business Profile description plus 3 short GBP posts for our first month?" got the
    description alone."""
    text = (
        "New podiatry clinic opening in Leeds. Services: ingrown toenails, orthotics, diabetic foot checks. Can you "
        "write our Google Business Profile description and two short posts for launch week?"
    )
    drafts = drafter.drafts(turn(text, ["google_business"]), None, _asker("podiatry"))
    assert [d.kind for d in drafts][:2] == ["bio", "caption"]


def test_a_description_alone_gets_no_posts(drafter):
    text = "Can you write our Google Business Profile description? We're a podiatry clinic in Leeds."
    drafts = drafter.drafts(turn(text, ["google_business"]), None, _asker("podiatry"))
    assert [d.kind for d in drafts] == ["bio"]


def test_services_listed_before_the_question_are_the_descriptions_services(drafter):
    text = (
        "New podiatry clinic opening in Leeds. Services: ingrown toenails, orthotics, diabetic foot checks. Can you "
        "write our Google Business Profile description?"
    )
    (draft,) = drafter.drafts(turn(text, ["google_business"]), None, _asker("podiatry"))
    assert "ingrown toenails, orthotics and diabetic foot checks" in draft.text


def test_how_long_the_asker_has_been_posting_asks_for_no_plan(drafts_data):
    """A physio "8 months posting content to Instagram ... which metrics should I look at?" got a 12-week plan."""
    text = "I've been 6 months posting content on Instagram and have 900 followers. Which numbers should I look at?"
    assert requested_kind(text, drafts_data) != "plan"


def test_weeks_of_posts_still_ask_for_a_plan(drafts_data):
    assert requested_kind("Can you give me 4 weeks of posts for our physio clinic?", drafts_data) == "plan"


def test_a_pronoun_after_about_is_no_subject(drafter):
    """ "... a warm Facebook post? I'm not NHS so I don't want people confused about that." was a caption on "that"."""
    text = "Can you write a warm Facebook post for our baby massage course? Nobody should be confused about it."
    assert "baby massage course" in drafter.topics.subject_phrase(text)


def test_classes_we_are_starting_are_the_new_service(drafter):
    text = "Starting small-group pilates classes for back pain: 6 weeks, Monday evenings. Can you write a post?"
    kind = drafter.news.kind_for(text)
    assert kind is not None and kind.id == "new_service"
    assert drafter.news.details(kind, text)["service"] == "small-group pilates classes"


def test_numbered_questions_after_a_colon_are_no_pasted_comment(drafter):
    """A Dutch practice's "Two questions:\\n1) Can we put an AI chatbot in our Instagram DMs ...? 2) May our secretary
    write our posts with ChatGPT?" got a reply to "the comment" made of its own first question."""
    text = (
        "We are a small therapy practice. Two questions:\n1) Can we put a chatbot in our Instagram DM inbox that "
        "answers questions about waiting times?\n2) May our secretary write our Instagram posts with ChatGPT?"
    )
    assert not [d for d in drafter.drafts(turn(text), None, _asker(None)) if d.kind == "review_reply"]


def test_a_comment_pasted_on_the_lines_after_a_colon_is_still_the_comment(drafter):
    text = (
        "Someone commented this under our knee post:\n\nmy knee clicks when I climb stairs, should I worry? thanks"
        "\n\nWhat do we reply?"
    )
    drafts = drafter.drafts(turn(text), None, _asker("physiotherapy"))
    assert drafts and drafts[0].kind == "review_reply"


def test_a_tool_the_asker_has_been_using_to_write_asks_for_nothing_to_be_written(drafts_data):
    """ "I've been using ChatGPT to write captions and my nurse made AI before-and-after images for a braces promo ...
    any issue?" got an offer post for the promo."""
    text = (
        "Dentist here. I've been using ChatGPT to write captions and my hygienist made some AI smile images for a "
        "whitening promo. Any issue?"
    )
    assert requested_kind(text, drafts_data) is None


@pytest.mark.parametrize("code, offered", [("IT", False), ("FR", False), ("AU", True)])
def test_no_price_offer_post_where_the_countrys_rules_bar_promotion(drafter, code, offered):
    """An Italian dentist asking for a post on a whitening promotion got the offer post, though Italian law allows no
    promotional element (the Italy card says so)."""
    asked = turn("Can you write an Instagram post for our teeth whitening promo: 30% off in May?", ["instagram"])
    asked.country = code
    drafts = drafter.drafts(asked, None, _asker("dentistry", code))
    assert any(d.title.endswith("a price offer") for d in drafts) is offered
