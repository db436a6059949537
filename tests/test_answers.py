"""Offline answers on the real knowledge base: expert cards, drafts first, honest about what is not covered."""

from __future__ import annotations

import re

import pytest

from assistant.profile import ClinicProfile, resolve_profile

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def services(indexed):
    """The real knowledge base with its search index (built once per session, tests/conftest.py)."""
    return indexed


def ask(services, question, specialty=None, country=None, history=()):
    profile = None
    if specialty or country:
        fields = {"specialty": specialty or "general_practice", **({"country": country} if country else {})}
        profile = resolve_profile(ClinicProfile(**fields), services.kb)
    return services.chat.answer(question, profile, history)


def flat(text: str) -> str:
    return " ".join(text.split()).lower()


def test_a_one_star_review_gets_the_expert_card_never_confirming_a_patient(services):
    answer = ask(services, "How do I answer a 1-star review?", specialty="dentistry")
    assert answer.card_id and answer.card_id.startswith("negative-reviews") and answer.model == "cards"
    body = flat(" ".join([answer.lead, *answer.steps, *answer.watch_out]))
    assert re.search(r"(?:never|not|n't) confirm", body) and "patient" in body
    assert answer.text.startswith(answer.lead) and answer.covered


def test_every_citation_is_a_real_section_quoted_whole_with_that_sections_own_source(services):
    answer = ask(services, "Is it OK to post a patient's X-ray on Instagram?")
    assert answer.sources
    for c in answer.sources:
        guide = services.kb.guide(c.doc_id)
        assert c.heading in guide.headings and c.passage == guide.section(c.heading)
        assert c.url == str(guide.source_for(c.heading).url)
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text.split("### Sources")[0])}
    assert numbers == {c.n for c in answer.sources}


def test_without_a_profile_or_a_named_specialty_no_specialty_is_assumed(services):
    answer = ask(services, "Is social media worth it for a small practice?")
    assert answer.specialty is None and "General practice" not in answer.text


def test_a_uk_asker_never_gets_an_answer_written_for_another_countrys_rules(services):
    from assistant.matching import card_regions

    regions = card_regions(services.kb)
    for question in (
        "Can we use patient testimonials on our website? We're a GP surgery in Leeds.",
        "UK aesthetics clinic: can we advertise anti-wrinkle injections on Instagram?",
    ):
        answer = ask(services, question)
        assert answer.country == "GB" and regions.get(answer.card_id, {"GB"}) >= {"GB"}, answer.card_id


def test_a_card_about_one_countrys_code_is_left_out_for_askers_elsewhere_and_kept_for_its_own(services):
    """The ADA Code card sits in a theme for every dentist but answers for the US (and the countries its variants
    cover): a dentist in Cork gets no ADA Code, no Texas board and no US penalties; a dentist in Texas keeps it."""
    cork = ask(services, "I'm a dentist in Cork. Can we post our dentists' qualifications and photos on Facebook?")
    assert cork.card_id != "dentists-rules-ada-code-advertising"
    assert not re.search(r"ADA Code|Texas|\$10,000", cork.text.split("### Sources")[0]), cork.card_id
    texas = ask(services, "Dental practice in Austin, Texas: what does the ADA Code say about our Instagram ads?")
    assert texas.card_id == "dentists-rules-ada-code-advertising"
    anywhere = ask(services, "What does the ADA Code say about dental advertising on social media?")
    assert anywhere.card_id == "dentists-rules-ada-code-advertising"  # naming no country keeps it


def test_a_card_resting_on_one_states_law_gives_way_to_the_next_card_for_a_clinic_in_another_state(services):
    """Washington's health data law is no answer for a dermatology group in Florida: the pixel question is answered
    from HIPAA by the card that comes next, not left unanswered; a Seattle clinic, or an asker who names no
    state, keeps the Washington card."""
    florida = ask(
        services,
        "Skin clinic with three sites in Florida. Our marketer wants to (1) add the Meta pixel to our site incl the"
        " booking page to retarget people who read our eczema or Mohs pages and (2) send our patient email list to"
        " Facebook for a custom audience. Are either of these ok?",
    )
    cards = [p.card_id for p in florida.parts]
    assert len(cards) == 2 and not any(c.startswith("washington-") for c in cards), cards
    assert "Washington" not in florida.text.split("### Sources")[0]
    assert cards[0].startswith("tracking-pixels-"), cards  # the general card on pixels answers the first part
    seattle = ask(services, "Can we keep the Meta pixel on our website if we have patients in Washington state?")
    assert seattle.card_id == "washington-health-data-pixels-and-ads"


def test_a_caution_about_us_penalties_is_shown_to_us_askers_and_to_askers_who_name_no_country(services):
    question = "How do I reply to a 1-star Google review? We're a dental practice in {}."
    penalty = "penalties of $10,000 to $50,000"
    assert penalty in ask(services, question.format("Denver")).text
    assert penalty not in ask(services, question.format("Auckland")).text
    assert penalty in ask(services, "How do I reply to a 1-star Google review?").text


def test_an_irish_asker_gets_no_other_members_rules_and_is_told_what_the_guides_leave_out(services):
    """Ireland has EU-wide guidance (GDPR) but no guide of its own: no Italian, French, Spanish or German law as
    its answer, no section from those guides, and a notice that its own professional code is not covered."""
    kb = services.kb
    own = {g.id for g in kb.guides if set(g.meta.countries) & {"IT", "FR", "ES", "DE", "IN"}}
    answer = ask(services, "GP practice in Dublin: can we share patient testimonials on Instagram?")
    assert answer.country == "EU"
    assert not {c.doc_id for c in answer.sources} & own, [c.doc_id for c in answer.sources]
    assert any("Ireland" in n for n in answer.notices), answer.notices
    # An Italian asker keeps the Italian guidance, with no notice: Italy has a guide of its own.
    italian = ask(services, "Studio dentistico a Milano: can we share patient testimonials on Instagram?")
    assert any(c.doc_id == "italy-france-spain-advertising" for c in italian.sources), italian.card_id
    assert not any("own professional" in n for n in italian.notices)


def test_safety_steps_for_a_threatening_review_are_followed_by_the_threat_card_not_a_reply_template(services):
    """Whatever card the words match (a rude-staff reply), "do not reply publicly" is followed by the advice for
    a threat, and crude comments hidden under house rules by the advice on hiding comments."""
    threat = ask(
        services,
        "a review names one of my nurses and says they'll 'be waiting for her after work'. how should we handle this?",
    )
    assert threat.drafts and threat.drafts[0].title.startswith("Do not reply publicly")
    assert threat.card_id == "threatening-reviews-violence", threat.card_id
    crude = ask(services, "our ad for vasectomy consultations is getting crude jokes in the comments. hide or ignore?")
    assert crude.drafts and crude.card_id == "replying-to-comments-hide-or-delete", crude.card_id


def test_a_card_matched_without_confidence_says_which_question_it_answers(services):
    """A card matched below Composer.CLOSE_CARD whose wordings leave much of the question uncovered may answer a
    neighbouring question: the answer names the question the card was written for, so the reader is not misled; a
    confident match carries no such notice (nor does an unsure one whose wordings cover the question:
    `nearby_card.notice_at`)."""
    from assistant.chat.compose import Composer

    seen = set()
    for question in (
        "Is it ok to post pictures of our Christmas party?",
        "Should we post on Sundays?",
        "Our nurse wants to do a dance video, thoughts?",
        "what about the lighting for videos in a small room",
        "do patients care about the font on our posts",
        "what colour scheme works best for a dental clinic instagram grid",
    ):
        answer = ask(services, question)
        assert answer.card_id, question
        card = services.kb.card(answer.card_id).card
        close = [n for n in answer.notices if card.questions[0] in n]
        assert not close or answer.confidence < Composer.CLOSE_CARD, (question, answer.confidence, answer.notices)
        assert not close or close[0] in answer.text
        seen.add(bool(close))
    assert seen == {True, False}


@pytest.mark.parametrize(
    "question",
    [
        "what's the capital of France",
        "how do I fix my car's brakes",
        "explain quantum computing",
        "how do I bake sourdough bread at home",
        # near the domain (a clinic's business, not its communication): they sound like clinic guidance
        "how do I get a mortgage as a junior doctor",
        "recommend a good EMR for dentists",
        "which accounting software is best for doctors",
        "how do I set up a payroll system for my practice",
    ],
)
def test_out_of_scope_questions_are_declined_with_the_closest_topics(services, question):
    answer = ask(services, question)
    assert not answer.covered and answer.card_id is None and answer.sources == []
    assert "does not cover" in answer.text and "closest topics" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "what should our practice share during flu season",
        "how do I deal with a troll who keeps insulting my staff",
        "what do I do if a patient sends me a friend request",
        "can my receptionist run our instagram",
    ],
)
def test_communication_questions_without_platform_names_are_still_answered(services, question):
    answer = ask(services, question)
    assert answer.covered and answer.sources


def test_an_italian_question_gets_a_note_in_italian_that_the_guidance_is_in_english(services):
    answer = ask(services, "Devo essere su TikTok per il mio studio dentistico?")
    assert answer.language == "it" and "Nota: le indicazioni" in answer.text


def test_a_request_for_an_individual_diagnosis_gets_how_to_handle_it_publicly(services):
    answer = ask(
        services, "Is this mole cancerous? Here is a photo of my mole, what should I do?", specialty="dermatology"
    )
    assert answer.text.startswith("I can't give medical advice")


def test_an_emergency_gets_the_emergency_line_before_anything_else(services):
    answer = ask(services, "I have crushing chest pain and can't breathe, what do I do?")
    assert answer.text.startswith("**If this is an emergency, call your local emergency number")  # no country known
    us = ask(services, "I have crushing chest pain and can't breathe, what do I do?", country="US")
    assert us.text.startswith("**If this is an emergency, call 911")


def test_a_follow_up_is_answered_as_the_question_it_follows(services):
    history = [
        {"role": "user", "content": "How often should a dentist post on Instagram?"},
        {"role": "assistant", "content": "Two to four feed posts a week [1]."},
    ]
    answer = ask(services, "and for LinkedIn?", specialty="dentistry", history=history)
    assert answer.covered and answer.card_id and answer.card_id.startswith("posting-frequency")


def test_a_caption_request_starts_with_the_authored_caption_for_the_clinic(services):
    profile = ClinicProfile(
        name="Northside Skin Clinic",
        specialty="dermatology",
        country="GB",
        city="Leeds",
        timezone="Europe/London",
        platforms=["instagram"],
        booking_url="example.com/book",
    )
    answer = services.chat.answer("Write me an Instagram caption about sunscreen", profile)
    (draft,) = answer.drafts
    copy = services.kb.copy["dermatology"]
    assert any(post.warm.hook in draft.text for post in copy.values())  # authored copy, not a template
    assert "example.com/book" in draft.text and answer.text.startswith("**Instagram caption")
    assert not re.search(r"\b(?:DM|message) us\b", draft.text, re.IGNORECASE)


def test_guidance_that_quotes_risky_words_to_warn_about_them_raises_no_alarm(services):
    answer = ask(services, "Which words should we avoid in our posts, like guaranteed or painless?")
    assert answer.card_id and ("guaranteed" in answer.text.lower() or "painless" in answer.text.lower())
    assert answer.findings == [] and not [w for w in answer.warnings if w["rule"].startswith("R")]


def test_a_clinic_in_another_province_gets_no_answer_resting_on_one_provinces_law(services):
    rule = services.kb.countries.local_rules[0]
    heading = rule.sections[0][1]
    away = services.chat.answer(
        "Our physiotherapy clinic in Calgary posts on Instagram. Do captions need to be in French?"
    )
    assert away.sources and all(s.heading != heading for s in away.sources)
    home = services.chat.answer(
        "Our physiotherapy clinic in Sherbrooke posts on Instagram. Do captions need to be in French?"
    )
    assert any(s.heading == heading for s in home.sources)


def test_a_second_part_pointing_back_at_the_first_is_answered_with_the_first_parts_card(services):
    """ "Who should sign off those replies?" asks about the replies of the first part, not about sign-off in general."""
    first = "We're an NHS trust. Should we answer the angry comments under a post about a patient who died in our care?"
    alone = services.chat.answer(first)
    both = services.chat.answer(f"{first} And who should sign off those replies?")
    assert alone.card_id and [p.card_id for p in both.parts] == [alone.card_id]


@pytest.mark.parametrize("country", [None, "US", "GB"])
def test_a_therapist_is_never_told_to_ask_clients_for_reviews(services, country):
    """Psychologists do not solicit testimonials from therapy clients (APA Ethics Code 5.05), whatever the country
    of the saved profile: the specialty's answer must not lose to a country's note."""
    answer = ask(
        services, "Is it OK to ask my clients to leave us a Google review?", "psychiatry_psychotherapy", country
    )
    assert answer.card_id == "asking-for-reviews-how-to-ask"
    assert flat(answer.lead).startswith("not from therapy clients")
    assert not any("send the same text to every patient" in flat(s) for s in answer.steps)
    dentist = ask(services, "Is it OK to ask patients to leave us a Google review?", "dentistry", country)
    assert flat(dentist.lead).startswith("yes, ask")


@pytest.mark.parametrize(
    "message,card",
    [
        (
            "Our new hygienist starts on Monday. Write an Instagram post to welcome him, his name is Tom Reilly.",
            "practice-launch-and-rebrand-introducing-a-clinician",
        ),
        (
            "Write a Facebook post saying we're moving premises at the end of March.",
            "practice-launch-and-rebrand-moving",
        ),
    ],
)
def test_practice_news_is_followed_by_the_advice_for_that_news_not_the_claim_check_for_any_caption(
    services, message, card
):
    """A welcome or a move worded unlike any card's question gets the card written for that news after its post,
    not the pre-publish claim check that follows any caption (knowledge/data/announcements.yaml, `guide`)."""
    answer = services.chat.answer(message)
    assert answer.drafts and answer.drafts[0].kind == "caption"
    assert answer.card_id == card, answer.card_id


def test_a_uk_dentist_asking_about_testimonials_gets_the_gdcs_rules_not_the_gmcs(services):
    answer = ask(services, "I'm a dentist in Leeds. Are patient testimonials allowed on our practice Instagram?")
    assert answer.card_id == "testimonials-can-we-post"
    assert "GDC" in answer.lead and "GMC" not in answer.text
    assert any(c.heading == "Dentists: GDC advertising rules for practice posts" for c in answer.sources)
    doctor = ask(services, "I'm a private GP in Leeds. Are patient testimonials allowed on our practice Instagram?")
    assert "GDC" not in doctor.text


def test_a_clinician_describing_dark_messages_gets_the_distress_messages_card_not_threat_steps(services):
    text = (
        "I'm a counsellor with a growing Instagram (anxiety, grief content). Lately I get DMs from followers late at "
        "night, some of them quite dark, one person last week said they didn't see the point anymore. I'm not their "
        "counsellor, I don't know where they live. I panic every time. What should I be doing?"
    )
    answer = ask(services, text)
    assert answer.card_id and answer.card_id.startswith("emergencies-in-messages")
    assert not any(d.kind == "review_reply" for d in answer.drafts) and "police" not in answer.text.lower()


def test_a_reviewed_therapist_who_wants_to_explain_is_told_not_to_and_the_request_is_not_taken_for_a_question(
    services,
):
    # A psychologist in Buenos Aires asked for a reply in Spanish and thought of explaining who came first: she got
    # a reply, Spain's medical code, then an auto-reply card matched on "Can you write the reply in Spanish?".
    answer = ask(
        services,
        "Soy psicóloga en Buenos Aires. A man left a 1-star Google review: 'She made my wife leave me. 6 sessions of "
        "couples therapy and she took her side the whole time, unprofessional.' I want to answer because it's "
        "damaging. Can you write the reply in Spanish? I was thinking to explain that actually his wife came first "
        "individually and he joined late.",
    )
    assert answer.drafts and answer.drafts[0].kind == "review_reply"
    notes = " ".join(answer.drafts[0].notes)
    # ...and, now that replies are held in Spanish, the reply is written in it (round 51), not in English with a note
    assert "Do not explain or correct" in notes and "This reply is in English" not in notes
    assert answer.drafts[0].title.endswith("in Spanish")
    assert answer.card_id and answer.card_id.startswith("negative-reviews"), answer.card_id
    assert "Argentina" in answer.text and "Spain" not in answer.text


def test_a_reply_asked_for_plainly_carries_no_note_about_explaining_or_languages(services):
    answer = ask(services, "Can you write a reply to this Google review: 'Rude receptionist, waited an hour.'")
    assert answer.drafts and answer.drafts[0].kind == "review_reply"
    notes = " ".join(answer.drafts[0].notes)
    assert "Do not explain" not in notes and "in English" not in notes


@pytest.mark.parametrize(
    ("question", "law", "source"),
    [
        (
            "Our aesthetic clinic in Cork wants to run a Botox special offer on Instagram. OK?",
            "Regulation 9",
            "irishstatutebook.ie",
        ),
        (
            "Aesthetic clinic in Lisbon: can we run a discount on botox injections on Facebook?",
            "EU law",
            "eur-lex.europa.eu",
        ),
        ("Physio clinic in Porto: can we post a discount on Botox?", "EU law", "eur-lex.europa.eu"),
        (
            "GP practice in Galway. We want to start a weight-loss service with GLP-1 injections and post about it on "
            "Facebook. What can we say?",
            "Regulation 9",
            "irishstatutebook.ie",
        ),
    ],
)
def test_a_prescription_medicine_offer_in_the_eu_gets_a_no_from_the_eu_ban_not_the_uks_or_googles_rules(
    services, question, law, source
):
    # An Irish clinic asking about a Botox discount got a nearby card on website price pages, and EU askers the
    # card for elsewhere, which said the guides do not cover EU law and listed Google's certification rules.
    answer = ask(services, question)
    assert law in answer.lead and "consultation" in answer.lead, answer.lead  # the law, and what to promote instead
    assert not answer.lead.startswith("Yes"), answer.lead
    assert any(source in (s.url or "") for s in answer.sources), [s.url for s in answer.sources]
    assert "do not cover US or EU" not in answer.text and "in the UK" not in answer.lead


def test_a_uk_dentist_asking_about_a_bad_review_reads_the_gdc_not_the_gmc(services):
    answer = ask(services, "I'm a dentist in Manchester - how do I answer a negative Google review?")
    assert answer.card_id == "negative-reviews-how-to-reply"
    assert "GDC" in answer.text and "GMC" not in answer.text
    doctor = ask(services, "I'm a GP in Manchester - how do I answer a negative Google review?")
    assert "GMC" in doctor.text
