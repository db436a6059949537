"""A draft takes what the asker says, and only that: the focus and the way they see patients in a bio ("I work with
anxiety + burnout ..., virtual across Ontario"), the field named by its adjective ("pediatric practice here"), and
the subjects a hashtag request names ("for our flu shot + RSV season posts"), one spelling of a tag only; an
instruction after a subject ("focus on lower back pain, want people to book") is not a second subject."""

from __future__ import annotations

import pytest

from assistant.chat.compose import Asker
from assistant.chat.details import details_in
from assistant.chat.engine import intent_data
from assistant.chat.intents import MentionFinder
from tests.drafting import turn


@pytest.mark.parametrize(
    ("text", "focus", "delivery"),
    [
        (
            "I'm a Registered Psychotherapist in Toronto, I work with anxiety + burnout in young professionals, "
            "virtual across Ontario.",
            "anxiety + burnout in young professionals",
            "virtual across Ontario",
        ),
        (
            "registered dietitian, I do virtual appointments, focus is PCOS + gut health (IBS).",
            "PCOS + gut health (IBS)",
            "virtual appointments",
        ),
        (
            "Clinical psychologist. My focus is on trauma and sleep problems in veterans",
            "trauma and sleep problems in veterans",
            "",
        ),
        (
            "OT here, I help autistic teens with sensory overload and school routines and more",
            "autistic teens with sensory overload and school routines",
            "",
        ),
        (
            "Counsellor, special interest in perinatal anxiety, online sessions only",
            "perinatal anxiety",
            "online sessions",
        ),
    ],
)
def test_the_focus_and_the_way_patients_are_seen_are_read_whole(text, focus, delivery):
    details = details_in(text, None)
    assert details.focus == focus
    assert details.delivery == delivery


def test_a_clinic_that_works_with_an_agency_has_no_focus_from_it():
    assert details_in("I work with an agency and want a new Instagram bio.", None).focus == ""


@pytest.mark.parametrize(
    ("text", "said", "platform"),
    [
        (
            "Write my instagram bio (150 chars max). I'm a Registered Psychotherapist in Toronto, I work with anxiety "
            "+ burnout in young professionals, virtual across Ontario. want it warm not cheesy",
            ["anxiety + burnout in young professionals", "virtual across ontario"],
            "instagram",
        ),
        (
            "can you write me an instagram bio? I'm a registered dietitian, I do virtual appointments, focus is PCOS + "
            "gut health (IBS). want it to sound warm not salesy and include a link to book",
            ["pcos + gut health (ibs)", "virtual appointments", "book"],
            "instagram",
        ),
    ],
)
def test_a_bio_says_what_the_clinician_treats_and_how_they_see_patients(drafter, text, said, platform):
    (draft,) = drafter.drafts(turn(text, [platform]), None, Asker())
    assert draft.kind == "bio"
    assert all(s in draft.text.lower() for s in said)
    assert "tips" not in draft.text.lower()  # not the specialty's generic line in place of what they said
    assert len(draft.text) <= 150


def test_a_practice_bio_adds_how_patients_are_seen(drafter):
    text = "Write an Instagram bio for our physio clinic in Leeds, mostly sports injuries, we also do online sessions."
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="physiotherapy"))
    assert "sports injuries" in draft.text.lower() and "online sessions" in draft.text.lower()


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        ("pediatric practice here. can u give me hashtags", "pediatrics"),
        ("We're a paediatric practice in Leeds", "pediatrics"),
        ("our orthopedic practice wants to start on TikTok", "orthopedics_sports"),
        ("our ortho practice wants to start on TikTok", None),
        ("an orthopaedic clinic in Cork", "orthopedics_sports"),
    ],
)
def test_a_field_named_by_its_adjective_and_place_is_that_field(kb, text, specialty):
    found = MentionFinder(kb, intent_data(kb.root)).find(text)
    assert [m.id for m in found.specialties] == ([specialty] if specialty else [])  # "ortho": braces as often


def test_hashtags_for_posts_on_two_subjects_lead_with_a_tag_for_each(drafter):
    text = (
        "pediatric practice here. can u give me hashtags for our flu shot + RSV season posts on instagram and "
        "facebook? we post like 3x a week oct-feb"
    )
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="pediatrics"))
    assert draft.kind == "hashtags"
    assert draft.hashtags[:2] == ["#FluShot", "#RSV"]
    assert "#T1D" not in draft.hashtags  # a diabetes community's tag is not a children's clinic's


@pytest.mark.parametrize("specialty", ["pediatrics", "orthopedics_sports", "gynecology_obstetrics"])
def test_a_set_of_tags_never_spends_a_place_on_both_spellings(drafter, specialty):
    (draft,) = drafter.drafts(
        turn("hashtags for our instagram please", ["instagram"]), None, Asker(specialty=specialty)
    )
    plain = [t.lower().replace("ae", "e").replace("oe", "e") for t in draft.hashtags]
    assert len(plain) == len(set(plain)) and len(draft.hashtags) == 5


def test_an_instruction_after_the_subject_is_not_another_subject_to_post_about(drafter):
    text = (
        "Can you write 3 short instagram captions for my chiro clinic? focus on lower back pain, want people to "
        "book. keep em punchy"
    )
    drafts = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert len(drafts) == 3 and all(d.kind == "caption" for d in drafts)
    assert all("pain" in d.text.lower() for d in drafts)  # never a World Psoriasis Day post to make up the list


def test_a_list_of_subjects_before_an_instruction_is_still_one_post_each(drafter):
    text = (
        "Write 3 posts for our podiatry clinic about verrucas, diabetic foot checks and nail surgery, keep them short"
    )
    titles = [d.title.lower() for d in drafter.drafts(turn(text, ["instagram"]), None, Asker())]
    assert len(titles) == 3
    assert "verruca" in titles[0] and "diabetes" in titles[1] and "nail" in titles[2]


def test_a_clause_after_a_list_is_not_the_name_of_the_practice():
    text = (
        "Can you write my Instagram bio? I do prenatal care, high-risk pregnancies, PCOS, and I have clinic schedules."
    )
    details = details_in(text, None)
    assert details.practice == "" and details.listed == ("prenatal care", "high-risk pregnancies", "PCOS")


def test_a_post_pointed_at_is_no_subject_for_a_tag(drafter):
    text = "Can you give me hashtags for this post? It's a carousel: '5 signs your dry eyes aren't just tiredness'"
    (draft,) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="ophthalmology"))
    assert "#This" not in draft.hashtags and "#ThisPost" not in draft.hashtags


def test_a_service_post_is_tagged_with_the_service_not_the_word_service(drafter):
    (draft,) = drafter.drafts(
        turn("hashtags for our new dental implant service post? we're in Tampa", ["instagram"]),
        None,
        Asker(specialty="dentistry"),
    )
    assert draft.hashtags[0] == "#DentalImplant"


def test_a_claim_the_asker_wants_to_make_is_never_the_clinics_name(kb):
    """A wish to be called 'the best clinic of physio in Madrid' had made a bio open "Best clinic · Physiotherapy"."""
    details = details_in("Need a bio. I want to say we are 'the best clinic of physio in Madrid' haha", kb.countries)
    assert "best" not in details.practice.lower() and "best" not in details.clinic.lower()
    assert details_in("Need a bio for our physio clinic in Madrid", kb.countries).practice == "physio clinic"
