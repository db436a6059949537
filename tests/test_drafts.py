"""Drafts first: a request to write gets the thing itself, fitted to the clinic and within the platform's limits."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import Drafter, requested_kind
from assistant.planners.reviews import load_reply_data
from assistant.profile import ClinicProfile

LEEDS = ClinicProfile(
    name="Northside Skin Clinic",
    specialty="dermatology",
    country="GB",
    city="Leeds",
    timezone="Europe/London",
    platforms=["instagram"],
    booking_url="example.com/book",
    phone="0113 496 0000",
)


@pytest.fixture(scope="module")
def drafter(kb):
    return Drafter(kb)


def turn(text: str, platforms=(), named=False):
    return SimpleNamespace(masked=text, platforms=list(platforms), platforms_named=named)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Write me an Instagram caption about sunscreen", "caption"),
        ("can you draft a post about flu jabs for facebook", "caption"),
        ("What should go in my Instagram bio? I'm a physio in Bristol", "bio"),
        ("Give me hashtags for a paediatric dentist", "hashtags"),
        ("hashtags for a physio clinic in Leeds", "hashtags"),
        # a caption asked for with its hashtags is the caption, which carries them
        ("Write me a caption and hashtags for an Instagram post about dental implants", "caption"),
        ("can you write an insta post + 5 hashtags for our flu clinic", "caption"),
        ("give me 10 hashtags for my post about knee pain", "hashtags"),
        ("opening my own practice in june. need an instagram bio, max 150 characters", "bio"),
        ("Script for a 30 second reel about flu jabs", "video_script"),
        ("Draft an 8-week Instagram plan for my dental practice", "plan"),
        ('We got this review: "Waited two hours and nobody said sorry." What do I write back?', "review_reply"),
        ("Can you write a reply to a 1-star review about billing?", "review_reply"),
        ("A patient left a 1-star Google review saying we misdiagnosed her. Can you write a reply?", "review_reply"),
        (
            'Got this on Google yesterday: "1 star. Went in for a crown and got hit with $480 out of pocket. Total '
            'scam. - Brandon K." We DID give him a written estimate. Can you write the reply for me?',
            "review_reply",
        ),
    ],
)
def test_requests_to_write_are_recognised(drafter, text, kind):
    assert requested_kind(text, drafter.data) == kind


def test_a_plan_asked_about_past_a_view_reported_is_a_question_not_a_request(drafter):
    """A student describing the photo and caption she plans, then what a friend says, then "Is it?", asks for a
    verdict: she got a caption on "gratitude to donors"."""
    data = drafter.data
    plan = "I want to post a photo from the lab with a caption about thanking donors."
    assert requested_kind(f"{plan} My friend says that's fine. Is it?", data) is None
    assert requested_kind(f"{plan} Is it?", data) is None
    assert requested_kind(f"{plan} My friend says that's fine. Can you write it?", data) == "caption"


@pytest.mark.parametrize(
    "text",
    [
        "How do I answer a 1-star review?",
        "Which hashtags are risky for a clinic?",
        "Is TikTok worth it for a GP?",
        "How often should we post on Instagram?",
        "Should I have a separate personal account?",
        "Every post we put up gets angry comments about the new phone system. What would you do?",
    ],
)
def test_questions_are_not_taken_for_requests_to_write(drafter, text):
    assert requested_kind(text, drafter.data) is None


@pytest.mark.parametrize(
    "text",
    [
        "Can we use an AI tool to write our practice's health posts? Is that allowed for a dentist?",
        "Should I let our receptionist write posts for the practice page?",
        "Is it okay to use ChatGPT to draft captions for our clinic?",
        "Two things. Can we check candidates' profiles before hiring? And can we make our team create posts about us?",
        # whether the asker may make the post themselves, or a question about the sentence before ("Is that allowed?")
        "Is it OK for a physio to make a video of our exercise class if faces are blurred?",
        "We'd like to make an Instagram reel of our hygienist flossing a patient's teeth. Is that allowed?",
        "We paid a local mum to make Instagram posts about our clinic. Do we need to disclose it?",
        "Should we make a TikTok about our new laser, or stick to Instagram?",
        "Two questions. (1) How often should we post? (2) Is it legal to write posts about a patient's recovery?",
        "A nurse on our team wants to make a funny video about night shifts. Could that get her in trouble?",
        # whether the asker may do it, asked as a question, is no request to write it
        "Two doubts: 1) Can I make a sponsored post on Instagram showing the price of a session? 2) And my bio?",
        "Can we post the thank-you card a patient gave us on Facebook?",
        # ...also as a clause after another question
        "Two things: how do I keep it to an hour a week, and is it OK to just have ChatGPT write all the posts?",
    ],
)
def test_asking_whether_a_post_may_be_made_is_not_a_request_to_write(drafter, text):
    assert requested_kind(text, drafter.data) is None


def test_a_request_after_a_question_about_whether_to_post_is_still_a_request(drafter):
    text = "Is it OK to post about flu season in October? Write me a caption about flu jabs."
    assert requested_kind(text, drafter.data) == "caption"
    assert requested_kind("Write a caption about flu jabs. Should be friendly.", drafter.data) == "caption"


def test_a_request_beside_a_permission_question_is_still_a_request(drafter):
    assert requested_kind("Can we use AI for our posts? Also write me a caption about flu jabs.", drafter.data)
    assert requested_kind("Can I ask you to write a caption about sunscreen?", drafter.data) == "caption"
    assert requested_kind("Can I get a caption for our new physio's welcome?", drafter.data) == "caption"
    assert requested_kind("Can you make a post about flu jabs for our page?", drafter.data) == "caption"


def test_a_caption_about_a_subject_finds_the_specialtys_topic_and_fits_the_platform(drafter, kb):
    (draft,) = drafter.drafts(
        turn("Write me an Instagram caption about sunscreen"), LEEDS, Asker(specialty="dermatology")
    )
    assert draft.kind == "caption" and draft.platform == "instagram" and "sunscreen" in draft.title.lower()
    limits = kb.platform("instagram")
    assert len(draft.text) <= limits.limits.caption_chars and len(draft.hashtags) <= limits.hashtags.max
    assert all(tag in draft.text for tag in draft.hashtags)


def test_without_a_specialty_the_subject_picks_the_specialty(drafter):
    (draft,) = drafter.drafts(turn("write a caption about sunscreen"), None, Asker())
    assert "sun" in draft.title.lower()


def test_bios_fit_every_platforms_limit_and_use_the_clinics_details(drafter, kb):
    for platform in kb.platforms.values():
        if not platform.limits.bio_chars:
            continue
        profile = LEEDS.model_copy(update={"platforms": [platform.id]})
        (draft,) = drafter.drafts(turn("write our bio"), profile, Asker(specialty="dermatology"))
        assert len([draft.text, *draft.alternatives]) >= (1 if platform.id == "google_business" else 3), platform.id
        assert all(len(b) <= platform.limits.bio_chars for b in [draft.text, *draft.alternatives]), platform.id
    (instagram,) = drafter.drafts(turn("write our instagram bio"), LEEDS, Asker(specialty="dermatology"))
    assert "Leeds" in instagram.text


def test_a_review_reply_never_confirms_a_patient_and_signs_off_with_the_practice(drafter):
    review = 'Someone wrote: "Dr Patel was rude and I waited two hours for my appointment." What do I write back?'
    (draft,) = drafter.drafts(turn(review), LEEDS, Asker())
    phrases = load_reply_data().confirming_phrases
    for text in [draft.text, *draft.alternatives]:
        assert "Northside Skin Clinic" in text and "0113 496 0000" in text
        assert "Patel" not in text and not any(p in text.lower() for p in phrases)
    assert len(draft.alternatives) == 2


def test_a_threatening_review_gets_steps_not_a_public_reply(drafter):
    text = 'Review: "Refund me or I will post 20 more bad reviews and see you in court." How should I reply?'
    (draft,) = drafter.drafts(turn(text), LEEDS, Asker())
    assert (
        draft.kind == "review_reply" and draft.title.startswith("Do not reply publicly") and draft.text.startswith("- ")
    )


def test_a_plan_request_drafts_the_first_weeks_and_points_to_the_plan_page(drafter):
    (draft,) = drafter.drafts(
        turn("Draft an 8-week Instagram plan for my dental practice"), None, Asker(specialty="dentistry")
    )
    assert draft.kind == "plan" and draft.title.startswith("8-week plan") and "Editorial plan" in draft.notes[0]


def test_a_script_request_has_a_hook_numbered_beats_and_a_closing_call_to_action(drafter):
    (draft,) = drafter.drafts(
        turn("script for a 30 second reel about flu jabs"), None, Asker(specialty="general_practice")
    )
    lines = draft.text.splitlines()
    assert lines[0].startswith("0-3 s") and lines[1].startswith("1. ") and lines[-1].startswith("Last 5 s")


def test_a_script_on_a_myth_finds_the_myths_post_through_the_words_that_only_phrase_it(drafter):
    # "isn't", "the answer" and "most" say how the subject is put, not what it is: the physio's bed-rest myth
    (draft,) = drafter.drafts(
        turn("Can you write a reel script on why rest isn't the answer for most back pain?"),
        None,
        Asker(specialty="physiotherapy"),
    )
    assert "[your key point" not in draft.text and "rest completely when your back hurts" in draft.title


# --- practice news: a welcome, new hours, a closure, a new service, a move (knowledge/data/announcements.yaml) ----


def test_a_welcome_post_names_the_colleague_and_role_from_the_message_and_the_clinic_from_the_profile(drafter):
    draft = drafter.caption(turn("Write an Instagram caption welcoming our new hygienist Sam"), LEEDS, None)
    assert draft is not None and draft.platform == "instagram" and "welcome" in draft.title
    assert "Sam" in draft.text and "hygienist" in draft.text and "Northside Skin Clinic" in draft.text
    assert "0113 496 0000" in draft.text and "[" not in draft.text  # nothing left to fill in
    assert not draft.text.startswith(("our", "Our clinic"))


def test_a_masked_name_and_a_missing_detail_become_placeholders_the_draft_asks_to_fill(drafter):
    draft = drafter.caption(turn("Draft a post: [NAME] joins our team next month"), None, None)
    assert draft is not None and "[name]" in draft.text and "[role]" in draft.text
    assert draft.notes[0] == "Fill in the parts in [brackets] before posting."
    assert "{" not in draft.text  # every slot filled, from the message, the profile or plain words


def test_new_hours_on_google_take_the_days_from_the_message_and_carry_no_hashtags(drafter):
    text = "Draft a Google Business Profile update announcing we now open on Saturdays and Thursday evenings"
    draft = drafter.caption(turn(text, ["google_business"], named=True), LEEDS, None)
    assert draft is not None and draft.platform == "google_business"
    assert "Saturdays and Thursday evenings" in draft.text and "#" not in draft.text and not draft.hashtags


def test_a_closure_names_every_day_and_points_to_out_of_hours_care(drafter):
    draft = drafter.caption(turn("Write a Facebook post: we're closed on Christmas Day and Boxing Day"), LEEDS, None)
    assert draft is not None and "Christmas Day and Boxing Day" in draft.text and "out-of-hours" in draft.text


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "Draft a Facebook post saying we're closed on Monday for the bank holiday",
            "closed on Monday for the bank holiday",
        ),
        ("Write an Instagram post: we're closed on 25 December for Christmas", "closed on 25 December for Christmas"),
    ],
)
def test_a_holiday_given_as_the_reason_for_a_closure_is_not_a_second_closed_day(drafter, text, when):
    draft = drafter.caption(turn(text), LEEDS, None)
    assert draft is not None and when in draft.text, draft and draft.text


def test_a_new_service_is_named_once_without_the_announcing_words(drafter):
    draft = drafter.caption(
        turn("Write a LinkedIn post announcing we now offer sports massage", ["linkedin"], True), LEEDS, None
    )
    assert draft is not None and draft.platform == "linkedin"
    assert draft.text.startswith("Now at Northside Skin Clinic in Leeds: a new sports massage.")
    assert draft.text.count("sports massage") == 1


@pytest.mark.parametrize(
    "text, kit",
    [
        ("Write a caption for a photo of our new dental implant scanner.", "dental implant scanner"),
        ("We just got a new fractional laser. Write an Instagram caption for a photo of it.", "fractional laser"),
    ],
)
def test_new_equipment_is_announced_by_what_it_is(drafter, text, kit):
    draft = drafter.caption(turn(text), LEEDS, None)
    assert draft is not None and draft.text.startswith(f"New at Northside Skin Clinic: {kit}.")


@pytest.mark.parametrize(
    "text",
    [
        "Write a caption: parents ask about chiro for colic and honestly our pediatric adjustments are growing fast",
        "Write an Instagram caption about skin, but not the usual 'erase years from your face, zero downtime!' stuff",
    ],
)
def test_a_sentence_of_the_askers_is_never_repeated_as_the_subject_of_a_frame(drafter, text):
    draft = drafter.caption(turn(text), LEEDS, None)
    assert draft is None or ("honestly" not in draft.text and "zero downtime" not in draft.text), draft.text


def test_a_practice_going_private_gets_the_news_the_date_and_where_nhs_care_can_still_be_found(drafter):
    text = (
        "Practice manager at a dental practice in Leeds. From 1 March we're ending our NHS contract and going fully "
        "private. Can you write a Facebook post to announce it?"
    )
    draft = drafter.caption(turn(text, ["facebook"], True), LEEDS, None)
    assert draft is not None and draft.text.startswith("Some important news from Northside Skin Clinic: from 1 March")
    assert "keep NHS care" in draft.text and "[your membership plan or private fees" in draft.text
    assert ": it." not in draft.text and any("Write to every patient" in n for n in draft.notes)


def test_news_announced_as_it_is_never_news_called_it(drafter):
    draft = drafter.caption(turn("We have some news. Can you write a post to announce it?"), LEEDS, None)
    assert draft is not None and ": it." not in draft.text


def test_a_post_about_a_health_topic_is_not_taken_for_practice_news(drafter):
    draft = drafter.caption(turn("Write a caption about flu jabs"), None, "general_practice")
    assert draft is not None and "vaccination clinic" not in draft.title and "post:" not in draft.title


def test_a_complaining_comment_gets_a_reply_to_the_comment_that_does_not_thank_for_praise(drafter):
    text = "Someone commented 'nobody ever answers the phone at this practice' on our Facebook post. Write a reply."
    assert requested_kind(text, drafter.data) == "review_reply"
    draft = drafter.review_reply(turn(text), LEEDS, None)
    assert draft is not None and draft.title.startswith("Reply to the comment")
    assert "positive" not in draft.text.lower() and "patient" not in draft.text.lower()
    # the advice after it is about comments under a post, not about replying to reviews
    assert draft.card == drafter.data.extras.comment_card and draft.card.startswith("replying-to-comments")


def test_a_news_post_with_an_unknown_placeholder_is_refused_by_the_schema():
    from pydantic import ValidationError

    from assistant.knowledge.schemas.announcements import NewsKind

    with pytest.raises(ValidationError, match="unknown placeholders"):
        NewsKind(
            id="x",
            title="x",
            cues=("x",),
            social="Welcome {doctor_name} to the team, everyone please!",
            linkedin="Welcome to the team",
            google_business="Welcome to the team",
        )


# --- the message fills the draft: city, specialty, focus, NHS or private, a clinician's own account ----------------


def test_a_bio_takes_the_city_the_title_and_the_focus_from_the_message_when_no_profile_is_saved(drafter, kb):
    text = "What should go in my Instagram bio? I'm a physio in Bristol, mostly sports injuries and back pain."
    (draft,) = drafter.drafts(turn(text, ["instagram"], True), None, Asker(specialty="physiotherapy"))
    assert draft.kind == "bio" and len(draft.text) <= kb.platform("instagram").limits.bio_chars
    assert "Physiotherapist in Bristol" in draft.text and "sports injuries and back pain" in draft.text
    assert "your town" not in draft.text.lower() and "our clinic" not in draft.text.lower()
    assert "Book:" in draft.text and any("booking link first" in n for n in draft.notes)


def test_a_practice_bio_names_the_clinic_and_city_the_message_gives(drafter):
    text = "Write an Instagram bio for our dental practice called Bright Smiles in Leeds"
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="dentistry"))
    assert draft.text.startswith("Bright Smiles") and "Leeds" in draft.text and "[your town]" not in draft.text
    (gp,) = drafter.drafts(turn("bio for our Manchester GP practice"), None, Asker(specialty="general_practice"))
    assert gp.text.startswith("GP practice") and "Manchester" in gp.text


def test_a_bio_takes_the_clinic_name_given_and_the_field_of_a_role_we_hold_no_specialty_for(drafter):
    text = "Write me an IG bio? I'm a chiropractor in Austin TX. Clinic name is Eastside Spine & Motion."
    (draft,) = drafter.drafts(turn(text, ["instagram"], True), None, Asker())
    assert draft.text.startswith("Eastside Spine & Motion · Chiropractic in Austin")
    assert "[your specialty]" not in draft.text and "[Clinic name]" not in draft.text


def test_a_question_about_what_someone_wants_a_bio_to_say_gets_no_bio_draft(drafter):
    text = (
        "Dentist in Dublin. My marketing guy wants the Instagram bio to say 'Dublin's leading cosmetic dentist', and "
        "posts saying 'painless'. Is any of that OK in Ireland?"
    )
    assert drafter.drafts(turn(text, ["instagram"], True), None, Asker(specialty="dentistry")) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Write an Instagram bio for my practice in Denver", "[Clinic name]"),
        ("Instagram bio for our private practice in Leeds", "[Clinic name]"),
        ("Write me an Instagram bio for my physio clinic in Leeds.", "[Clinic name]"),
        ("Write an Instagram bio for my pediatric dental practice in Austin", "Pediatric dental practice"),
    ],
)
def test_a_bio_names_the_practice_by_its_kind_only_when_the_kind_tells_the_reader_something(drafter, text, name):
    (draft,) = drafter.drafts(turn(text, ["instagram"], True), None, Asker(specialty="physiotherapy"))
    assert draft.text.startswith(name + " · ")


@pytest.mark.parametrize(
    "text, services",
    [
        (
            "Write me an Instagram bio for my physio clinic in Leeds. We do sports injuries and back pain.",
            "Sports injuries and back pain",
        ),
        (
            "Instagram bio for our OT clinic in Austin. We do sensory processing, fine motor, feeding. Thanks",
            "Sensory processing · Fine motor · Feeding",
        ),
        (
            "Write an Instagram bio for our practice in Denver, we treat anxiety and OCD with ERP.",
            "Anxiety and OCD with ERP",
        ),
    ],
)
def test_a_bio_lists_what_the_message_says_the_clinic_does(drafter, kb, text, services):
    (draft,) = drafter.drafts(turn(text, ["instagram"], True), None, Asker(specialty="physiotherapy"))
    assert services in draft.text and len(draft.text) <= kb.platform("instagram").limits.bio_chars


def test_a_list_of_other_things_is_not_taken_for_the_clinics_services(drafter):
    text = "Write an Instagram bio for my dental practice in Austin. We do sedation, speak Spanish, and take Medicaid."
    (draft,) = drafter.drafts(turn(text, ["instagram"], True), None, Asker(specialty="dentistry"))
    assert "Sedation" not in draft.text and "Speak Spanish" not in draft.text


def test_a_saved_profile_wins_over_a_city_in_the_message(drafter):
    text = "What should go in my Instagram bio? I'm a physio in Bristol"
    (draft,) = drafter.drafts(turn(text), LEEDS, Asker(specialty="physiotherapy"))
    assert "Leeds" in draft.text and "Bristol" not in draft.text


def test_a_clinicians_own_bio_names_the_title_and_what_the_account_does_within_the_limit(drafter, kb):
    text = "write a tiktok bio for me, I'm a GP who explains everyday health stuff"
    (tiktok,) = drafter.drafts(turn(text, ["tiktok"], True), None, Asker(specialty="general_practice"))
    assert tiktok.text.startswith("GP explaining everyday health") and "stuff" not in tiktok.text
    assert "not personal medical advice" in tiktok.text.lower()
    assert all(len(b) <= kb.platform("tiktok").limits.bio_chars for b in [tiktok.text, *tiktok.alternatives])
    (x,) = drafter.drafts(
        turn("X bio for an oncologist who posts about new research", ["x"], True), None, Asker(specialty="oncology")
    )
    assert x.text.startswith("Oncologist posting about new research") and "Book" not in x.text
    assert any("registration" in n for n in x.notes) and any("conflicts of interest" in n for n in x.notes)


def test_a_google_description_names_the_kind_of_practice_the_city_and_nhs_and_private_care(drafter, kb):
    text = "Write our Google Business Profile description - family dental practice in Manchester, NHS and private."
    (draft,) = drafter.drafts(turn(text, ["google_business"], True), None, Asker(specialty="dentistry"))
    assert "family dental practice in Manchester, offering NHS and private care" in draft.text
    assert len(draft.text) <= kb.platform("google_business").limits.bio_chars
    assert "http" not in draft.text and "best" not in draft.text.lower() and "painless" not in draft.text.lower()


# --- the kind asked for: ideas, a carousel, notices, a review request, a before-and-after caption ----------------


def test_post_ideas_are_a_numbered_list_mixing_the_specialtys_pillars(drafter, kb):
    (draft,) = drafter.drafts(
        turn("give me 10 post ideas for an ENT clinic, I'm all out"), None, Asker(specialty="ent")
    )
    numbered = [line for line in draft.text.splitlines() if line[:1].isdigit()]
    assert draft.kind == "caption" and [int(line.split(".")[0]) for line in numbered] == list(range(1, 11))
    pillars = {p.name for p in kb.specialty("ent").pillars if f"; {p.name})" in draft.text}
    assert len(pillars) >= 5 and "awkward" in numbered[-1]


def test_asking_what_to_film_gets_a_list_of_video_ideas(drafter):
    text = "Speech therapist, mostly toddlers. I want to do reels but not with my little clients. What can I film?"
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="speech_therapy"))
    assert draft.kind == "video_script" and draft.title.startswith("10 video ideas")
    assert "no identifiable patients" in " ".join(draft.notes)
    rules = "Med student starting rotations. What can I film and what will get me in trouble with my school?"
    assert drafter.drafts(turn(rules), None, Asker()) == []  # what is allowed, not what to film


def test_video_ideas_are_a_list_of_videos_and_a_count_is_respected(drafter):
    (draft,) = drafter.drafts(turn("5 video ideas for a dermatologist"), None, Asker(specialty="dermatology"))
    assert draft.kind == "video_script" and sum(line[:1].isdigit() for line in draft.text.splitlines()) == 5


def test_asking_what_to_post_about_a_subject_gets_ideas_on_it_first(drafter, kb):
    text = "I'm a speech therapist. What should I post about stuttering for parents?"
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="speech_language_therapy"))
    first = draft.text.splitlines()[0]
    assert first.startswith("1. ") and "stammer" in first.lower()
    ideas = "Give me 5 post ideas about stuttering"
    (listed,) = drafter.drafts(turn(ideas), None, Asker(specialty="speech_language_therapy"))
    assert "stammer" in listed.text.splitlines()[0].lower()
    # a word another field's name holds ("gut" in "gut doctor") is still the dietitian's subject
    (gut,) = drafter.drafts(
        turn("Solo dietitian. What should I post about gut health?"), None, Asker(specialty="nutrition_dietetics")
    )
    assert "fibre" in gut.text.splitlines()[0].lower()
    # a subject outside the sentence asking for ideas is no ask: the same list as with no subject at all
    refused = (
        "I refuse to do another 'top 3 stretches for back pain'. Give me 5 post ideas that are actually different?"
    )
    (mixed,) = drafter.drafts(turn(refused), None, Asker(specialty="physiotherapy"))
    (plain,) = drafter.drafts(turn("Give me 5 post ideas"), None, Asker(specialty="physiotherapy"))
    assert mixed.text == plain.text
    # a subject the field has no topic on, or no subject, is a question on what to post: the card answers it
    for question in ("What should I post about on Instagram as a physio?", "what should we post about our prices?"):
        assert drafter.drafts(turn(question), None, Asker(specialty="physiotherapy")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Is it a good idea to post before/after photos?",
        "Give me some ideas for handling negative reviews",
        "What should actually go in a staff social media policy? Need something for our team of six by Friday.",
        "How should we ask patients for Google reviews?",
        "Our website is down, what should I do first?",
    ],
)
def test_questions_near_a_notice_or_an_idea_list_get_no_draft(drafter, text):
    assert drafter.drafts(turn(text), None, Asker()) == []


def test_a_hacked_account_notice_tells_followers_to_ignore_messages_and_never_asks_for_details(drafter):
    (draft,) = drafter.drafts(turn("Our Instagram got hacked, write a post telling followers"), LEEDS, Asker())
    assert "ignore" in draft.text and "never ask for payment, passwords or health details" in draft.text
    assert "0113 496 0000" in draft.text and any("two-factor" in n for n in draft.notes)


def test_a_carousel_request_gets_the_slides_one_by_one_then_the_caption(drafter):
    text = "Make me a myth vs fact carousel about 'baby teeth don't matter because they fall out anyway'"
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="dentistry"))
    slides = [line for line in draft.text.splitlines() if line.startswith("Slide ")]
    assert draft.kind == "caption" and "carousel" in draft.title and 5 <= len(slides) <= 8
    assert "Caption:" in draft.text and any("source" in n for n in draft.notes)
    assert slides[0].startswith("Slide 1: Fact:") and slides[1].startswith("Slide 2: Myth:")


def test_a_pinned_notice_says_no_advice_here_gives_a_route_and_the_countrys_emergency_number(drafter):
    text = "write a pinned post for our facebook page explaining we can't answer medical questions in comments"
    (draft,) = drafter.drafts(turn(text, ["facebook"], True), LEEDS, Asker(country="GB"))
    assert draft.kind == "caption" and draft.platform == "facebook" and "Pinned" in draft.title
    assert "general health information" in draft.text and "999" in draft.text and "0113 496 0000" in draft.text
    assert "don't post or send us personal health details" in draft.text


def test_a_phone_outage_gets_a_notice_for_each_platform_named_with_another_way_to_reach_the_clinic(drafter):
    text = "Our phone lines are down all morning, write something for Facebook and Google"
    drafts = drafter.drafts(turn(text, ["facebook", "google_business"], True), None, Asker(country="US"))
    assert [d.platform for d in drafts] == ["facebook", "google_business"]
    for draft in drafts:
        assert "phone lines all morning" in draft.text and "911" in draft.text and "online" in draft.text
        assert "facebook is down" not in draft.text.lower() and "{" not in draft.text
    assert any("Google Business Profile" in n for n in drafts[0].notes)


def test_a_review_request_is_a_short_message_with_an_opt_out_and_no_incentive(drafter):
    text = "write me a text message we can send patients asking for a google review"
    (draft,) = drafter.drafts(turn(text), LEEDS, Asker())
    assert draft.kind == "message" and draft.platform is None and len(draft.text) <= 320
    assert "Northside Skin Clinic" in draft.text and "STOP" in draft.text and "honest" in draft.text
    assert not any(w in draft.text.lower() for w in ("discount", "prize", "treatment", "5 star", "five star"))
    assert any("every patient" in n for n in draft.notes) and draft.alternatives[0].startswith("Subject:")


@pytest.mark.parametrize(
    "text",
    [
        # what someone else advises, asked about: no request to write
        "Psychologist in private practice. My coach says I need more Google reviews and that I should email clients"
        " after their last session asking for a 5 star review. It feels wrong. Is it actually allowed?",
        # a message that only describes questions arriving in DMs, and the asker's own fear of being sued
        "GP with a growing Instagram. I get 20 DMs a day about meds and 'is this mole ok' with photos, a few from my"
        " own patients. How do I handle this without being rude or getting sued?",
    ],
)
def test_a_question_about_requests_or_messages_gets_no_draft(drafter, text):
    assert drafter.drafts(turn(text), LEEDS, Asker()) == []


def test_threats_and_a_posted_address_get_the_safety_card_not_the_steps_for_hiding_rude_comments(drafter):
    """A paediatrician whose video drew abusive comments and whose children's school was posted needs the police and
    the harassment card, not advice on house rules; so does a manager asking what to write back to fair complaints
    (the steps would say "don't reply")."""
    scared = (
        "My vaccine video went viral with antivaxxers: hundreds of abusive comments and someone posted my kids' school."
        " I'm scared. What do I do?"
    )
    assert drafter.drafts(turn(scared), LEEDS, Asker()) == []
    fair = (
        "Lots of abusive comments about our receptionists on Facebook. What do we actually write back to the fair ones?"
    )
    assert drafter.drafts(turn(fair), LEEDS, Asker()) == []
    rude = "People keep leaving crude jokes in the comments under our smear test post. Hide them or reply?"
    (steps,) = drafter.drafts(turn(rude), LEEDS, Asker())
    assert steps.title.startswith("Hide them under your house rules")


def test_a_before_and_after_caption_names_the_treatment_and_the_consent_and_promises_nothing(drafter):
    text = "Write a caption for a teeth whitening before/after we have written consent for"
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="dentistry"))
    assert draft.text.startswith("Teeth whitening: one person's result, shared with their written consent")
    assert not any(w in draft.text.lower() for w in ("permanent", "guarantee", "painless"))
    assert any("ads" in n for n in draft.notes)


def test_a_clinic_where_results_photos_are_banned_gets_no_before_and_after_caption_but_its_rules(drafter):
    """Singapore's regulations ban before-and-after and after-only photos in a clinic's posts: the caption asked for
    comes without one, and the Singapore card follows it; elsewhere the before-and-after caption stands."""
    text = "Write an Instagram caption for our new pico laser with a before/after of a patient (she agreed)"
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(code="SG"))
    assert draft.card == "singapore-claims-and-photos"
    assert "one person's result" not in draft.text and "pico laser" in draft.text.lower()
    (elsewhere,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(country="AU", code="AU"))
    assert "one person's result" in elsewhere.text and elsewhere.card is None


def test_a_plan_lists_every_week_asked_for(drafter):
    (draft,) = drafter.drafts(
        turn("Draft an 8-week Instagram plan for my dental practice"), None, Asker(specialty="dentistry")
    )
    assert [f"Week {n} " in draft.text for n in range(1, 9)] == [True] * 8


def test_hashtags_for_a_paediatric_dentist_lead_with_the_narrower_field_and_children_s_tags(drafter, kb):
    (draft,) = drafter.drafts(turn("give me hashtags for a paediatric dentist"), None, Asker(specialty="dentistry"))
    assert draft.hashtags[0] == "#PaediatricDentistry" and len(draft.hashtags) <= kb.platform("instagram").hashtags.max
    assert "#ChildrensDentalHealthMonth" in draft.hashtags and "#DIYdentist" not in draft.hashtags
    assert not any("branded" in n for n in draft.notes)


# --- reviews and comments that need something other than a courtesy reply -----------------------------------------


def test_a_review_threatening_a_nurse_gets_safety_steps_first_and_no_public_reply_without_being_asked_to_write(
    drafter,
):
    text = (
        "a review names one of my nurses and says they'll 'be waiting for her after work'. how should we handle this?"
    )
    (draft,) = drafter.drafts(turn(text), LEEDS, Asker())
    steps = draft.text.splitlines()
    assert draft.kind == "review_reply" and "police" in steps[0] and "colleague" in steps[1]
    assert any("report" in s.lower() for s in steps) and any("screenshot" in s for s in steps)
    assert "patient" not in draft.notes[0].split(":", 1)[1]  # the only public line confirms nothing


@pytest.mark.parametrize(
    "text",
    [
        "A former patient left a 1-star review and on Facebook he wrote that 'someone should teach her a lesson' and "
        "mentioned the street where I park. Do I respond?",
        "a patient posted the road where she lives in a comment under our post, what do we do",
    ],
)
def test_a_threat_told_by_the_one_it_is_aimed_at_gets_the_safety_steps(drafter, text):
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert draft.kind == "review_reply" and "police" in draft.text.splitlines()[0]


def test_a_street_named_as_a_place_is_no_threat(drafter):
    text = "We don't know where they live. A review says we are on the road where I park. Can you write a reply?"
    (draft,) = drafter.drafts(turn(text), None, Asker())
    assert "police" not in draft.text


def test_crude_comments_under_an_ad_are_hidden_under_house_rules_not_answered(drafter):
    text = "urologist here - our ad for vasectomy consultations is getting crude jokes in the comments. hide or ignore?"
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="urology"))
    assert draft.kind == "review_reply" and draft.title.startswith("Hide")
    assert "house rules" in draft.text and "log" in draft.text and "target people by a health condition" in draft.text
    assert draft.alternatives and "We hide comments" in draft.alternatives[0]


def test_a_notice_with_an_unknown_placeholder_or_channel_is_refused_by_the_schema():
    from pydantic import ValidationError

    from assistant.knowledge.schemas.notices import Notice

    with pytest.raises(ValidationError, match="unknown placeholders"):
        Notice(id="x", title="x", kind="caption", cues=("x",), texts={"social": "Call {doctor} today"})
    with pytest.raises(ValidationError, match="unknown channel"):
        Notice(id="x", title="x", kind="caption", cues=("x",), texts={"fax": "Call us"})


def test_pasted_copy_that_promises_too_much_is_rewritten_and_passes_the_compliance_checker(drafter):
    from assistant.guardrails.checker import check_text

    promise = "Guaranteed results! Our revolutionary laser permanently removes hair with zero risk"
    text = f"rewrite this for our clinic site: '{promise}'"
    (draft,) = drafter.drafts(turn(text), None, Asker(specialty="dermatology"))
    assert draft.title.startswith("Rewritten") and "long-term hair reduction" in draft.text
    assert not any(w in draft.text.lower() for w in ("guarantee", "revolutionary", "permanent", "zero risk"))
    assert "risks" in draft.text and "before you decide" in draft.text
    assert not [f for f in check_text(draft.text, "ad") if f.severity == "high"]


def test_every_card_a_draft_points_to_exists(kb):
    """A draft's follow-up card is named in data (drafts.yaml, notices.yaml): a renamed card must fail here, not
    silently drop the safety advice that should follow the draft."""
    from assistant.knowledge import registry

    drafts = registry.load(registry.DRAFTS, kb.root)
    notices = registry.load(registry.NOTICES, kb.root)
    news = registry.load(registry.ANNOUNCEMENTS, kb.root)
    named = [*drafts.guidance.values(), *drafts.threat_cards.values(), *(a.card for a in notices.advice if a.card)]
    named += [n.guide for n in notices.notices if n.guide] + [c for n in notices.notices for c in n.not_in.values()]
    named += [c for k in news.kinds for c in (k.card, k.guide) if c]
    named += [
        *drafts.extras.sentiment_cards.values(),
        *drafts.extras.asker_cards.values(),
        *drafts.extras.situation_cards.values(),
        *([drafts.extras.comment_card] if drafts.extras.comment_card else []),
        *(c for r in [drafts.extras.comment_reply] if r for c in (r.hostile_card, r.disputed_card, r.health_card) if c),
        *(c for f in drafts.extras.formats for c in (f.card, f.guide) if c),
    ]
    assert named and not [c for c in named if c not in {card.id for card in kb.cards}]


# --- replies that must not advise, bios that must not over-claim, complaints about care ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Draft a response to a comment asking what dose of ibuprofen to give a toddler",
        "Someone commented asking if they can take antibiotics with alcohol. What should we say?",
        "A mum messaged our page asking how much Calpol her 2 year old can have. Write a reply.",
    ],
)
def test_a_reply_to_a_health_question_gives_no_advice_and_points_to_a_pharmacist_or_the_phone(drafter, text):
    (draft,) = drafter.drafts(turn(text), LEEDS, Asker())
    assert draft.kind == "review_reply" and draft.title.startswith("Reply to a health question")
    assert "pharmacist" in draft.text and "0113 496 0000" in draft.text and "999" in draft.text  # GB's number
    assert "mg" not in draft.text and "patient" not in draft.text.lower()
    assert "review" not in draft.text.lower() and "positive" not in draft.text.lower()


def test_a_reply_to_a_review_that_mentions_a_dose_is_still_a_review_reply(drafter):
    text = 'Review: "They gave me the wrong dose and nobody listened." What do I write back?'
    (draft,) = drafter.drafts(turn(text), LEEDS, Asker())
    assert draft.title.startswith("Reply to the review") and "pharmacist" not in draft.text


def test_a_review_about_a_missed_diagnosis_is_a_complaint_not_mixed_feelings(drafter):
    text = 'A parent posted "Dr Smith misdiagnosed my son and we ended up in A&E" on Google. Draft a reply.'
    (draft,) = drafter.drafts(turn(text), LEEDS, Asker())
    assert draft.title.startswith("Reply to the review") and "mixed" not in draft.title.lower()
    for reply in (draft.text, *draft.alternatives):
        assert "Smith" not in reply and "positive" not in reply.lower() and "son" not in reply.split()
    # what to do offline, and that a private call may be better than a public reply after a serious complication
    assert any("complaints log" in n for n in draft.notes) and any("private call" in n for n in draft.notes)


def test_a_reply_to_a_plain_wait_time_review_gets_the_offline_steps_but_no_serious_harm_note(drafter):
    (draft,) = drafter.drafts(turn('Review: "Waited an hour past my slot." What do I write back?'), LEEDS, Asker())
    assert any("complaints log" in n for n in draft.notes) and not any("private call" in n for n in draft.notes)
    (praise,) = drafter.drafts(turn("Write a reply to a 5-star review thanking them"), LEEDS, Asker())
    assert not any("complaints log" in n for n in praise.notes)


@pytest.mark.parametrize(
    ("text", "title", "wrong"),
    [
        ("Write a TikTok bio for me, I'm a dermatology resident", "Dermatology resident", "Dermatologist"),
        ("What should my Instagram bio say? I'm a medical student", "Medical student", "GP"),
    ],
)
def test_a_trainees_bio_says_they_are_in_training_and_never_claims_the_specialists_title(drafter, text, title, wrong):
    specialty = "dermatology" if "dermatology" in text else None
    platform = "tiktok" if "TikTok" in text else "instagram"
    (draft,) = drafter.drafts(turn(text, [platform], named=True), None, Asker(specialty=specialty))
    assert draft.platform == platform
    for bio in (draft.text, *draft.alternatives):
        assert title in bio and wrong not in bio.replace(title, "")
    assert any("in training" in note for note in draft.notes)
    limit = 80 if "TikTok" in text else 150
    assert all(len(bio) <= limit for bio in (draft.text, *draft.alternatives))
    assert "advice" in draft.text  # the disclaimer survives even TikTok's 80 characters


def test_a_caption_asked_for_in_a_formal_voice_puts_the_professional_version_first(drafter):
    plain = drafter.caption(turn("Write me an Instagram caption about sunscreen"), None, "dermatology")
    formal = drafter.caption(
        turn("Write me an Instagram caption about sunscreen, in a more formal tone"), None, "dermatology"
    )
    assert plain is not None and formal is not None and plain.alternatives
    assert formal.text == plain.alternatives[0] and formal.alternatives == [plain.text]


def test_a_video_description_is_written_as_text_for_the_platform_not_as_a_script(drafter):
    text = "Write a YouTube video description for a video on knee osteoarthritis exercises"
    assert requested_kind(text, drafter.data) == "caption"
    assert requested_kind("Write a 30-second Reel about flu jabs", drafter.data) == "video_script"


def test_a_clinic_asking_whether_to_sue_a_fake_reviewer_gets_a_reply_not_the_steps_for_being_threatened(drafter):
    text = "We got a 1-star review that's clearly fake. Can we sue them? How do we reply in the meantime?"
    (draft,) = drafter.drafts(turn(text), LEEDS, Asker())
    assert draft.title.startswith("Reply to the review") and "Northside Skin Clinic" in draft.text
    assert any("flagging tool" in note for note in draft.notes)  # a review that looks fake is reported, not argued
    threatened = 'Review: "I will sue you and see you in court." What do we write back?'
    (steps,) = drafter.drafts(turn(threatened), LEEDS, Asker())
    assert steps.title.startswith("Do not reply publicly")


@pytest.mark.parametrize(
    "text",
    [
        "How should I answer health questions in my DMs without getting sued? Followers send me photos of moles.",
        "Could I be sued for answering comments asking about doses? People post them under my videos.",
    ],
)
def test_the_askers_own_fear_of_being_sued_is_no_threat_in_a_message(drafter, text):
    """A nurse practitioner asking how to answer DMs "without getting sued" got the steps for a review that
    threatens legal action; nobody threatened anything."""
    assert not any(d.title.startswith("Do not reply publicly") for d in drafter.drafts(turn(text), LEEDS, Asker()))


@pytest.mark.parametrize(
    "text",
    [
        "Write a reply to this DM: 'honestly I don't see the point anymore, thinking about ending things'",
        "someone commented 'nobody would miss me if I was gone' under our reel. what do we write back?",
        'Can you reply to this review: "After the last visit I just want to die, I can\'t go on"',
    ],
)
def test_a_pasted_message_about_suicide_gets_the_crisis_reply_with_the_clinics_numbers_and_the_crisis_card(
    drafter, text
):
    (draft,) = drafter.drafts(turn(text), LEEDS, Asker())
    assert draft.kind == "review_reply" and draft.title.startswith("Reply now")
    assert "999" in draft.text and "116 123" in draft.text  # the Leeds clinic's emergency and crisis lines
    assert "feedback" not in draft.text.lower() and not draft.alternatives
    assert any("clinician" in note for note in draft.notes)
    assert draft.card == "emergencies-in-messages-suicide"


def test_a_caption_for_suicide_prevention_day_is_not_taken_for_a_message_in_crisis(drafter):
    drafts = drafter.drafts(turn("Write an Instagram caption for Suicide Prevention Day"), LEEDS, Asker())
    assert not any(d.title.startswith("Reply now") for d in drafts)


def test_a_field_named_narrowly_gives_its_subjects_tags_and_a_generic_place_word_does_not(drafter):
    """ "a pelvic floor physio post": the subject is given only inside the field's longer name."""
    narrow = drafter.hashtags(turn("Give me hashtags for a pelvic floor physio post"), None, "physiotherapy")
    plain = drafter.hashtags(turn("Give me hashtags for a physio clinic"), None, "physiotherapy")
    assert narrow is not None and plain is not None
    assert "#PelvicHealth" in narrow.hashtags and "#PelvicHealth" not in plain.hashtags
    pelvic = turn("Write an Instagram caption for a pelvic floor physio post")
    (caption,) = drafter.drafts(pelvic, None, Asker(specialty="physiotherapy"))  # as the chat reads the asker
    assert "pelvic" in caption.text.lower() and "[your key point" not in caption.text  # the topic's post
