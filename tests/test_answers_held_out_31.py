"""Classes found in the thirty-first held-out set (eval/holdout31.jsonl), each with its own invented example."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chat.compose import Asker
from assistant.chat.drafts import requested_kind
from assistant.guardrails.phi import mask_phi
from assistant.knowledge import registry
from tests.drafting import turn
from tests.test_answers import ask

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@pytest.fixture(scope="module")
def drafts_data():
    return registry.load(registry.DRAFTS, KNOWLEDGE)


def test_a_card_about_one_of_its_guides_countries_answers_for_that_country_only(kb):
    """The Italy, France and Spain guide's card on Spanish clinic ads answered an Italian doctor's question about a
    discount promotion with Spain's code (and its college numbers and autonomous communities)."""
    from assistant.matching import card_regions

    regions = card_regions(kb)
    assert regions["italy-france-spain-spain-clinic-ads"] == {"ES"}
    assert regions["italy-france-spain-testimonials"] == {"ES", "FR", "IT"}  # names all three: answers for all


@pytest.mark.slow
def test_an_italian_asker_gets_no_card_written_for_spain_or_france(indexed):
    answer = ask(indexed, "Sono un dentista a Torino: posso pubblicare su Instagram uno sconto del 20% sulle faccette?")
    assert answer.card_id not in ("italy-france-spain-spain-clinic-ads", "italy-france-spain-france-doctors")


@pytest.mark.parametrize(
    "text, kind",
    [
        # "do" a post
        (
            "Could you do a Facebook post with our Easter opening hours? Closed Good Friday, open 9-12 Saturday.",
            "caption",
        ),
        # a Dutch "Kun je een Instagram-post schrijven voor onze nieuwe tandarts?" glossed word by word
        ("can you a instagram-post write for our new dentist?", "caption"),
        # the Google field named before the profile
        ("Could you write the 'about' description for our Google Business Profile? Physio clinic in Derby.", "bio"),
    ],
)
def test_a_request_worded_another_way_still_asks_for_its_draft(drafts_data, text, kind):
    assert requested_kind(text, drafts_data) == kind


def test_a_report_of_someone_writing_posts_with_ai_asks_for_no_draft(drafts_data):
    """Before: "Our manager has started using ChatGPT to write all our posts ... do we have to say it's AI?" got
    three captions about "videos" whose key point was "it's AI"."""
    text = "Our receptionist has started using ChatGPT to write our Instagram captions. Any issues with that?"
    assert requested_kind(text, drafts_data) is None
    assert requested_kind("We use ChatGPT a lot. Can you write a caption about hay fever?", drafts_data) == "caption"


def test_holiday_hours_written_as_9_to_1_are_the_holiday_hours_post(drafter):
    """Before: the closure notice, listing "Christmas, 27 Dec, 1 Jan and 19th Dec" (the last a prescription
    deadline) as the days closed, and none of the opening hours."""
    text = (
        "Can you do a Facebook post with our Easter opening hours? Closed Good Friday and Easter Monday, open 9-12 on "
        "Saturday, normal hours otherwise. Please remind people that repeat requests close on 28 March."
    )
    (draft, *_) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "Easter opening hours" in draft.text and "Open 9-12 on Saturday" in draft.text
    assert "28 March" not in draft.text


def test_a_span_of_days_is_still_a_closure(drafter):
    text = "Can you write a Facebook post? We're closed 24-26 December for Christmas."
    (draft, *_) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "closed" in draft.text and "opening hours" not in draft.text


def test_moving_to_mixed_billing_is_a_fee_change_not_a_move(drafter):
    text = "Please write a Facebook post: from 1 July we're moving to mixed billing and adults will pay a $30 gap."
    (draft, *_) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "fees" in draft.text and "new address" not in draft.text


def test_a_service_we_start_offering_is_named_without_when(drafter):
    text = "We start offering laser hair removal next month. Can you draft an announcement post for Instagram?"
    (draft, *_) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert "laser hair removal." in draft.text and "next month" not in draft.text.split("\n")[0]


@pytest.mark.parametrize(
    "text, subject",
    [
        ("Could you write a TikTok script explaining NHS 111 to people who don't know when to call it?", "NHS 111"),
        ("Write a reel script busting three flossing myths: 'it makes gums bleed' and 'once a week is enough'", None),
    ],
)
def test_a_scripts_subject_stops_before_whom_it_is_for_and_the_examples(drafter, text, subject):
    subject_phrase = drafter.topics.subject_phrase(text)
    if subject:
        assert subject_phrase == subject
    else:
        assert subject_phrase == "flossing myths"


def test_a_script_on_a_subject_with_no_video_idea_is_a_script_on_that_subject(drafter):
    """Before: "a TikTok script explaining Pharmacy First" got the "Your first appointment" video (one shared
    word, "first")."""
    text = "Could you write a TikTok script explaining Talking First, our new counselling drop-in?"
    (draft, *_) = drafter.drafts(turn(text, ["tiktok"]), None, Asker(specialty="general_practice"))
    assert draft.kind == "video_script" and "Talking First" in draft.title


def test_a_rare_word_shared_with_a_video_idea_still_makes_it_the_script(drafter):
    assert drafter.topics.weight({"first"}) < drafter.data.extras.script_idea_min_weight
    assert drafter.topics.weight({"cough"}) >= drafter.data.extras.script_idea_min_weight


@pytest.mark.parametrize(
    "text",
    [
        "Hallo, ich bin Hausärztin in Leipzig und habe eine Frage zu Google-Bewertungen.",
        "Guten Tag, ich bin Kieferorthopäde in Graz. Darf ich Vorher-Nachher-Bilder posten?",
    ],
)
def test_a_german_writer_giving_their_profession_is_not_masked_as_a_name(text):
    assert mask_phi(text).text == text


def test_a_german_writer_giving_their_name_is_still_masked():
    assert "[NAME]" in mask_phi("Hallo, ich bin Annegret Vollmer, Patientin bei Ihnen.").text


def test_hashtags_for_a_field_named_by_its_abbreviation_are_that_fields_and_no_other_fields_topic(drafter):
    """Before: "our paediatric OT page ... sensory play and handwriting activities at home" got a dentistry set
    (#DiyDentistry, #OralHealth): "OT" was not read as occupational therapy, and a dentist's topic matched."""
    text = "Give me 12 hashtags for our paediatric OT page: sensory play and handwriting activities for home."
    (draft, *_) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert "#OccupationalTherapy" in draft.hashtags
    assert not {"#DiyDentistry", "#OralHealth", "#Dentistry"} & set(draft.hashtags)


def test_a_post_urging_people_to_get_something_is_about_that_thing(drafter):
    """Before: the subject was "wāhine to get their cervical screening now there's the self-test swab option",
    no finished post matched it, and a general caption repeated it in every line."""
    text = "Could you write a post encouraging over-50s to get their bowel screening now that kits come by post?"
    assert drafter.topics.subject_phrase(text) == "bowel screening"


def test_equipment_we_have_just_bought_is_the_new_thing_announced(drafter):
    text = "We have just bought a 3D implant scanner. Can you write a Facebook post announcing it?"
    (draft, *_) = drafter.drafts(turn(text, ["facebook"]), None, Asker())
    assert "3D implant scanner" in draft.text and "[service]" not in draft.text


@pytest.mark.slow
def test_a_card_written_for_the_askers_country_is_not_swapped_for_general_sections(indexed):
    """The nearby-question check (the question's words mostly absent from the card's wordings) sent a French
    pharmacist to Instagram basics; the French code's card won on the country, which the words do not show."""
    answer = ask(
        indexed,
        "I'm a pharmacien titulaire in Lille and we're opening an Instagram for the officine. Which kinds of posts "
        "are legal for us?",
    )
    assert answer.card_id == "italy-france-spain-france-doctors"


@pytest.mark.parametrize(
    "text",
    [
        "Please write an Instagram post: we're closed June 1-2 for staff training.",
        "Instagram caption for Ramadan: timings (Sat-Thu 10am-4pm, closed Friday) and give 2-3 tips for fasting.",
    ],
)
def test_a_bare_range_of_numbers_is_no_opening_hours(drafter, text):
    (draft, *_) = drafter.drafts(turn(text, ["instagram"]), None, Asker())
    assert "2-3 tips" not in draft.text and "hours become closed" not in draft.text


def test_a_quoted_video_title_after_a_colon_stays_the_subject(drafter):
    text = "Can you write me a script for a 45 sec reel: '3 stretches for runners with tight calves'."
    (draft, *_) = drafter.drafts(turn(text, ["instagram"]), None, Asker(specialty="physiotherapy"))
    assert "stretches for runners with tight calves" in draft.title


def test_myths_to_debunk_are_the_subject_not_the_myths_quoted(drafter):
    text = "Write a TikTok script debunking two flossing myths: 'bleeding means stop' and 'once a week is fine'."
    assert drafter.topics.subject_phrase(text) == "flossing myths"


def test_a_glossed_request_whose_point_kept_foreign_words_gets_no_general_caption(drafter):
    """Before: an Italian whitening promotion got a caption whose key point read "-30% for who book entro fine
    month" (the glossary lacked "entro")."""
    original = (
        "A giugno una promo sullo sbiancamento: -20% per chi prenota entro il 15. Mi scrivi un post per Instagram?"
    )
    glossed = turn(
        "to june a promo on the whitening : -20% for who book entro the 15. can you write a post for instagram?",
        ["instagram"],
    )
    glossed.english, glossed.question = glossed.masked, original
    # (a price offer's post, its service left to fill in, may be written: never one around the untranslated words)
    assert not [d for d in drafter.drafts(glossed, None, Asker()) if d.kind == "caption" and "entro" in d.text]


@pytest.mark.slow
def test_a_german_doctor_asking_about_a_jameda_review_gets_the_jameda_card(indexed):
    """A German GP's question about a false review on Jameda got the German testimonials card: the Jameda card was a
    general card, so the asker's own country's card matched on her German words won over it, and the glossary made
    "Jameda" a bare "review site"."""
    answer = ask(
        indexed,
        "Guten Tag, ich bin Zahnärztin in Hamburg. Seit gestern steht auf Jameda eine Bewertung von jemandem, der nie "
        "bei uns war. Kann ich die löschen lassen?",
    )
    assert answer.card_id == "defamatory-reviews-jameda"


@pytest.mark.slow
def test_a_review_site_question_outside_the_eu_gets_no_jameda_card(indexed):
    answer = ask(
        indexed, "I'm a dentist in Ohio. Someone who was never my patient left a fake review. Can I get it removed?"
    )
    assert answer.card_id != "defamatory-reviews-jameda"
