"""Patient data typed by a doctor is found and masked offline, without masking ordinary words."""

from __future__ import annotations

import sys

import pytest

from assistant.guardrails import phi
from assistant.guardrails.phi import KINDS, LABELS, detect_phi, mask_phi


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Write to john.smith@example.com today", "EMAIL", "john.smith@example.com"),
        ("Email dr.rossi+clinic@studio-rossi.it please", "EMAIL", "dr.rossi+clinic@studio-rossi.it"),
        ("Call (555) 123-4567 after lunch", "PHONE", "(555) 123-4567"),
        ("Her mobile is 07700 900123.", "PHONE", "07700 900123"),
        ("Office +44 20 7946 0958 or email", "PHONE", "+44 20 7946 0958"),
        ("Chiamami al +39 333 123 4567 grazie", "PHONE", "+39 333 123 4567"),
        ("Studio: 06 6988 1234, Roma", "PHONE", "06 6988 1234"),
        ("Berlin office +49 30 12345678.", "PHONE", "+49 30 12345678"),
        ("Patient DOB 03/04/1985, seen twice", "DATE_OF_BIRTH", "03/04/1985"),
        ("She was born on 3 April 1985 in Leeds", "DATE_OF_BIRTH", "3 April 1985"),
        ("date of birth: 1985-04-03", "DATE_OF_BIRTH", "1985-04-03"),
        ("MRN 1234567 needs a follow-up", "RECORD_NUMBER", "1234567"),
        ("record no. ABC-123456 was updated", "RECORD_NUMBER", "ABC-123456"),
        ("patient ID 998877 missed the slot", "RECORD_NUMBER", "998877"),
        ("NHS number 943 476 5919 on the form", "NATIONAL_ID", "943 476 5919"),
        ("He lives at 12 Baker Street now", "ADDRESS", "12 Baker Street"),
        ("Send it to 221B Baker St. please", "ADDRESS", "221B Baker St."),
        ("Abita in Via Roma 10, Milano", "ADDRESS", "Via Roma 10, Milano"),  # the town with the street
        ("London NW1 6XE is the postcode", "ADDRESS", "NW1 6XE"),
        ("my patient John Smith asked about braces", "NAME", "John Smith"),
        ("patient Anna Bianchi called twice", "NAME", "Anna Bianchi"),
        ("Mrs. Rossi said the filling hurts", "NAME", "Rossi"),
        ("I told Mr Smith-Jones and Ms O'Brien", "NAME", "Smith-Jones"),
        ("Dr. Bianchi referred her", "NAME", "Bianchi"),
        ("the reviewer Jane D. is angry", "NAME", "Jane D."),
    ],
)
def test_each_kind_of_patient_data_is_detected_with_its_exact_span(text, kind, value):
    spans = detect_phi(text)
    assert (kind, value) in [(s.kind, s.text) for s in spans], spans
    for s in spans:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "text",
    [
        "Doctor Google is not a substitute for a check-up.",
        "Don't trust Dr. Google with your symptoms.",
        "World Health Day 7 April: our theme this year is access to care.",
        "Mr. Men books in the waiting room keep kids busy.",
        "Appointments on 03/04/2026 are full; in 2023 we treated 1,200 patients, a 95% satisfaction rate.",
        "Patient Care Week starts Monday; our Patient Portal is open 9-17.",
        "Happy birthday to our receptionist!",
        "Brush twice a day for 2 minutes and floss once.",
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert detect_phi(text) == []
    assert mask_phi(text).text == text


def test_mask_replaces_every_item_with_a_placeholder_and_lists_the_kinds():
    text = (
        "My patient John Smith, DOB 03/04/1985, MRN 1234567, lives at 12 Baker Street; "
        "call (555) 123-4567 or john.smith@example.com"
    )
    result = mask_phi(text)
    for secret in ("John Smith", "03/04/1985", "1234567", "12 Baker Street", "(555) 123-4567", "john.smith@"):
        assert secret not in result.text
    assert result.text.startswith("My patient [NAME], DOB [DATE_OF_BIRTH], MRN [RECORD_NUMBER], lives at [ADDRESS]")
    assert result.kinds == [k for k in KINDS if k != "NATIONAL_ID"]  # in the fixed order
    assert set(LABELS) == set(KINDS)


def test_spans_are_sorted_and_never_overlap():
    text = "Mrs. Rossi, NHS number 943 476 5919, phone 020 7946 0958, born on 12 May 1960, Via Roma 10."
    spans = detect_phi(text)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    assert {s.kind for s in spans} == {"NAME", "NATIONAL_ID", "PHONE", "DATE_OF_BIRTH", "ADDRESS"}


def test_a_date_is_a_date_of_birth_only_with_birth_context():
    assert detect_phi("The open day is on 3 April 1985.") == []
    assert [s.kind for s in detect_phi("Her birthday is 3 April 1985.")] == ["DATE_OF_BIRTH"]


def test_extra_names_are_masked_in_any_case_and_their_parts_when_capitalised():
    text = "Thanks JANE DOE. Jane, we are happy to help; jane is a common word here."
    result = mask_phi(text, extra_names=["Jane Doe"])
    assert result.text == "Thanks [NAME]. [NAME], we are happy to help; jane is a common word here."
    assert mask_phi("We are happy to help.", extra_names=["Happy Customer"]).text == "We are happy to help."
    assert mask_phi("Nothing to hide", extra_names=["", "  "]).spans == ()


def test_empty_text_has_no_spans_and_non_text_is_rejected():
    assert detect_phi("") == [] and detect_phi("  \n") == []
    assert mask_phi("").text == ""
    with pytest.raises(TypeError):
        detect_phi(None)


def test_presidio_runs_with_the_no_op_engine_and_loads_no_spacy_model():
    from presidio_analyzer.nlp_engine import NoOpNlpEngine

    detect_phi("patient Anna Bianchi")  # builds the engine under the session's network block
    engine = phi._analyzer()
    assert isinstance(engine.nlp_engine, NoOpNlpEngine)
    assert engine is phi._analyzer()  # built once per process
    assert not [m for m in sys.modules if m.startswith(("en_core_web", "it_core_news"))]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Maria Garcia's review was lovely", "Maria Garcia"),
        ("Tom Baker came in yesterday", "Tom Baker"),
        ("pt J.S. asked about whitening", "J.S."),
        ("my patient john smith left a review", "john smith"),
        ("patients John and Mary Lee want a reel", "John"),
        ("patients John and Mary Lee want a reel", "Mary Lee"),
        ("Can we thank Michael and Sarah Johnson?", "Michael"),
        ("April Johnson's daughter called", "April Johnson"),
    ],
)
def test_names_without_a_capitalised_cue_are_found(text, value):
    assert ("NAME", value) in [(s.kind, s.text) for s in detect_phi(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Travis says we lost his retainer", "Travis"),  # a given name acting
        ("Siobhan rang this morning about the marathon post", "Siobhan"),
        ("Lupe's mom called about the before/after photo", "Lupe"),  # a name owning a relative
        ("Noor's husband commented under our post", "Noor"),
        ("A thank-you note for the Castellanos family, please", "Castellanos"),
        ("We got a Yelp review from a Grace about her filling", "Grace"),  # one of many
        ("Can you help me reply to Kyle about the wait?", "Kyle"),
        ('Caption: "Happy birthday Eli! Thanks for being so brave"', "Eli"),  # wishes in a post
        ('"Well done to Harry for getting back on the pitch"', "Harry"),
        ("Ginevra e sua figlia Bianca vorrebbero fare un video", "Bianca"),  # Italian and German relatives
        ("die Mutter von Finn schreibt uns per DM", "Finn"),
        ("Mum Anna from Elm Street sent a photo", "Anna"),
    ],
)
def test_first_names_shown_to_be_people_by_the_words_around_them_are_found(text, value):
    assert ("NAME", value) in [(s.kind, s.text) for s in detect_phi(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Come rispondere a una recensione a 5 stelle?",  # an article after a reply cue is not a name
        "Google says our hours are wrong",  # not a given name
        "The Royal family visited the hospital",  # not a listed surname
    ],
)
def test_words_around_a_capitalised_word_do_not_make_it_a_name_on_their_own(text):
    assert [s for s in detect_phi(text) if s.kind == "NAME"] == []


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Sydney cosmetic surgeon. An influencer wants a free tummy tuck. Allowed?", []),  # a city before a trade
        ("Austin dental practice: can we post before and after photos?", []),
        ("Leeds-based physio here, how often should we post?", []),
        ("Sydney has a cavity and her mum Tara called", ["Sydney", "Tara"]),  # the same word as a patient's name
        ("Can you text Sydney Miller back about her crown?", ["Sydney Miller"]),
    ],
)
def test_a_city_before_a_clinician_or_practice_word_is_a_place_not_a_patient(text, masked):
    """The country of an asker ("Sydney cosmetic surgeon") must survive masking: its rules pick the answer."""
    assert [s.text for s in detect_phi(text) if s.kind == "NAME"] == masked


def test_a_title_after_a_cue_is_not_masked_as_the_name():
    spans = [(s.kind, s.text) for s in detect_phi("patient Mr. Okonkwo complained on Facebook")]
    assert ("NAME", "Okonkwo") in spans and ("NAME", "Mr") not in spans


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Insurance form has his SSN 123-45-6789 on it", "123-45-6789"),
        ("the number 123-45-6789 was on the form", "123-45-6789"),  # a valid SSN shape needs no cue
        ("codice fiscale RMNGLI85M41F205X visibile", "RMNGLI85M41F205X"),
        ("Steuer-ID 86095742719 im Screenshot", "86095742719"),
        ("Medicare number 2123 45670 1 in the corner", "2123 45670 1"),
        ("SIN 046 454 286 on the desk", "046 454 286"),
        ("Aadhaar 4991 1866 5246 visible", "4991 1866 5246"),
    ],
)
def test_national_identifiers_of_the_supported_countries_are_masked(text, value):
    spans = detect_phi(text)
    assert value in [s.text for s in spans]
    assert value not in mask_phi(text).text


def test_bare_numbers_that_fail_the_identifier_checks_are_left_alone():
    # 000 is never an SSN area; 1,240 and a year are not identifiers.
    assert detect_phi("Order 000-12-3456 shipped; we saw 1,240 patients in 2025.") == []


def test_the_clinics_own_name_address_phone_and_staff_are_not_masked():
    from assistant.profile import ClinicProfile

    clinic = ClinicProfile(
        name="Harbour Lane Physiotherapy",
        city="Leeds",
        phone="0113 496 0321",
        address="22 Wellington Street, Leeds LS1 4DL",
        staff=["Sarah Thompson", "Dr James Okafor"],
    )
    text = "Dr James Okafor and Sarah Thompson, 22 Wellington Street, LS1 4DL, call 0113 496 0321"
    assert detect_phi(text, clinic=clinic) == []
    assert [s.text for s in detect_phi(text)]  # without the profile they would be masked
    patient = "Olivia Okafor called about her photo"  # shares a surname with a staff member: still a patient
    assert [s.text for s in detect_phi(patient, clinic=clinic)] == ["Olivia Okafor"]


def test_a_message_masked_again_is_masked_for_that_clinic_and_those_names():
    """mask_phi keeps its last results: the same text with another clinic or other names must not get them."""
    from assistant.profile import ClinicProfile

    text = "Sarah Thompson asked Dr James Okafor about Zed's knee"
    clinic = ClinicProfile(name="Harbour Lane Physiotherapy", staff=["Sarah Thompson", "Dr James Okafor"])
    bare = mask_phi(text)
    assert "Sarah Thompson" not in bare.text
    with_clinic = mask_phi(text, clinic=clinic)
    assert "Sarah Thompson" in with_clinic.text and "Zed" in with_clinic.text
    assert "Zed" not in mask_phi(text, ["Zed"], clinic=clinic).text
    assert mask_phi(text) == bare  # and the first result again
    with pytest.raises(TypeError):
        mask_phi(b"Sarah Thompson")  # type: ignore[arg-type]


def test_the_masking_evaluation_meets_its_targets():
    import yaml

    from eval.masking_eval import CLINICS, SET, evaluate, load_set

    figures, _ = evaluate(load_set(SET), yaml.safe_load(CLINICS.read_text(encoding="utf-8")))
    assert figures["messages"] >= 150
    assert figures["recall"] >= 0.95
    assert figures["message_false_positive_rate"] <= 0.05
    assert figures["span_false_positive_rate"] <= 0.05


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        ("masking_fresh", 0.98),
        ("masking_unseen", 0.98),
        ("masking_unseen3", 0.96),
        ("masking_unseen4", 0.96),
        ("masking_unseen5", 0.94),
        ("masking_unseen6", 0.96),
        ("masking_unseen7", 0.97),
    ],
)
def test_masking_keeps_its_level_on_the_later_development_sets(name, floor):
    """The eval/masking_fresh and masking_unseen3 to masking_unseen7 sets were written unseen, then used to develop
    the rules (unseen 5 and 6 in the seventh round, unseen 7 in the next): a floor at the level reached, so a change
    that loses them fails.
    The independent figure comes from sets that no one tuning the masker has read."""
    import yaml

    from eval.masking_eval import CLINICS, ROOT, evaluate, load_set

    figures, _ = evaluate(load_set(ROOT / "eval" / f"{name}.jsonl"), yaml.safe_load(CLINICS.read_text()))
    assert figures["messages"] >= 150
    assert figures["recall"] >= floor
    assert figures["message_false_positive_rate"] <= 0.05


def test_a_broken_name_list_fails_with_a_clear_error(tmp_path):
    from assistant.errors import KnowledgeError
    from assistant.guardrails._data import NameList, read_name_file

    (tmp_path / "data" / "names").mkdir(parents=True)
    (tmp_path / "data" / "names" / "bad.txt").write_text("Smith\njones\n", encoding="ascii")
    entry = NameList(
        file="names/bad.txt", title="A test list of names", url="https://example.org", licence="public domain"
    )
    with pytest.raises(KnowledgeError, match="lower-case names"):
        read_name_file(entry, tmp_path)


def test_masked_text_is_what_gets_stored_and_exported(tmp_path):
    from assistant.storage import Store
    from assistant.webapp import conversations

    question = "My patient John Smith (DOB 12/03/1980, tel 07700 900123) wants a video"
    saved = conversations.masked_for_storage(question)
    store = Store(f"sqlite:///{tmp_path / 'a.db'}")
    conv = store.create_conversation(None, conversations.conversation_title(saved))
    store.add_message(conv, "user", saved)
    exported = conversations.conversation_markdown(conversations.conversation_title(saved), store.get_messages(conv))
    for secret in ("John Smith", "12/03/1980", "07700 900123"):
        assert secret not in saved and secret not in exported
    assert "[NAME]" in exported and "[PHONE]" in exported


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Olusegun Adebayo came in for a filling and posted about it.", "Olusegun Adebayo"),
        ("Lalitha Subramanian asked us to remove her photo from the reel.", "Lalitha Subramanian"),
        ("Pieter van der Berg came in today.", "Pieter van der Berg"),  # particles inside the name
        ("Siobhán Ní Bhriain wrote to us about her braces.", "Siobhán Ní Bhriain"),  # list and model spans joined
    ],
)
def test_names_the_lists_do_not_know_are_found_by_the_name_model(text, value):
    assert [s.text for s in detect_phi(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "A post for Marie Curie's birthday about women in science.",  # a public figure
        "Should we share the Ed Sheeran concert photos?",  # a word after the name makes it a thing
        "Join the Emily Parker Foundation fun run this Sunday.",
        "Write a post for Santa Lucia in December.",  # a saint's day, not a person
    ],
)
def test_public_figures_and_names_of_things_are_not_masked_without_a_cue(text):
    assert detect_phi(text) == []


def test_a_patient_is_masked_even_next_to_a_thing_word_or_with_a_famous_name_after_a_cue():
    assert [s.text for s in detect_phi("Can we share Julia Bennett's marathon story?")] == ["Julia Bennett"]
    assert [s.text for s in detect_phi("my patient Tom Hanks wants a video")] == ["Tom Hanks"]
    # Part of a public figure's name ("Anandi Gopal Joshi") is not that figure.
    assert [s.text for s in detect_phi("Gopal Joshi came in for a check-up")] == ["Gopal Joshi"]


def test_the_model_needs_two_capitalised_words_that_are_not_an_acronym_or_an_organisation():
    from assistant.guardrails.names import names_from_model

    assert names_from_model("Ask Priya at the desk", [(4, 9)], frozenset()) == []  # one word: staff or a word
    assert names_from_model("L'OMCeO Pisa wrote", [(2, 12)], frozenset()) == []  # an acronym
    assert names_from_model("Chase Bank called", [(0, 10)], frozenset()) == []  # ends an organisation
    assert names_from_model("thanks to maria rossi", [(10, 21)], frozenset()) == []  # lower case: cue rules only
    assert names_from_model("Maria Rossi's crown", [(0, 11)], frozenset()) == [(0, 11)]


def test_public_figures_must_be_full_names():
    from pydantic import ValidationError

    from assistant.guardrails._data import person_names

    data = person_names().model_dump()
    data["public_figures"] = ["Gandhi"]
    with pytest.raises(ValidationError, match="two words or more"):
        type(person_names()).model_validate(data)


def test_a_first_name_the_lists_do_not_know_is_masked_after_a_greeting_when_the_model_reads_it_as_a_name():
    assert [s.text for s in detect_phi("Thanks Ngozi, we loved your review!")] == ["Ngozi"]
    assert [s.text for s in detect_phi("Dear Oluwaseun, we are sorry about the wait.")] == ["Oluwaseun"]
    for text in ("Hi Team, what should we post?", "Dear Parents, flu jabs are here", "Hi, I'm Mike from the desk."):
        assert detect_phi(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a lone first name the model reads as a person and the lists know as a given name
        ("Ursula aus dem Wartezimmer hat ein Foto von uns gepostet. Dürfen wir teilen?", ["Ursula"]),
        # a first word the model marks, with the listed surname it left out
        ("Medicare question was in a DM from Tahlia Rigby, do I need to report that?", ["Tahlia Rigby"]),
        # lower case: a given name and a surname, a name after a cue, a name before an action
        ("gurpreet dhillon dob 1984-07-23 keeps asking in comments", ["gurpreet dhillon", "1984-07-23"]),
        ("patient gurleen kaur bhatia complained about the delivery", ["gurleen kaur bhatia"]),
        ('sofia ha commentato "finalmente un dentista che non fa male"', ["sofia"]),
        # titles with a particle, Italian titles in lower case, an initial and a surname after a cue
        ("Patientennummer folgt, Herr von Bülow beschwert sich auf Google", ["von Bülow"]),
        ("La signora Zanetti dice che non le è arrivata la fattura", ["Zanetti"]),
        ("Il sig. Esposito ci ha scritto su WhatsApp", ["Esposito"]),
        ("Paziente R. Colombo ha chiesto di non essere più menzionata", ["R. Colombo"]),
    ],
)
def test_names_found_by_the_model_and_the_lists_together(text, values):
    assert [s.text for s in detect_phi(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "Our hygienist Priya wants to film a flossing reel",
        "Thanks to Sarah the hygienist for the lovely review reply",
        "Odontoiatra a Roma: can I post before and after photos of implants on Facebook?",
        "Mark your calendars: free skin checks on Saturday",
    ],
)
def test_a_lone_first_name_beside_a_colleagues_role_or_a_place_word_is_left_readable(text):
    assert detect_phi(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("born in Leeds on 4 May 1990, she wants her x-rays", "DATE_OF_BIRTH", "4 May 1990"),
        ("nata a Napoli il 12/03/1980, chiede le lastre", "DATE_OF_BIRTH", "12/03/1980"),
        ("her DOB, 03/14/1987, is on the form", "DATE_OF_BIRTH", "03/14/1987"),
        ("03/14/1987 (DOB) is on the form", "DATE_OF_BIRTH", "03/14/1987"),
        ("DOB 1987/03/14 on file", "DATE_OF_BIRTH", "1987/03/14"),
        ("dob 14-Mar-1987 on file", "DATE_OF_BIRTH", "14-Mar-1987"),
        ("DOB 14 March 87 on file", "DATE_OF_BIRTH", "14 March 87"),
        ("D.O.B.: 3/14 please", "DATE_OF_BIRTH", "3/14"),
        ("sie ist am 12.04.1979 geboren", "DATE_OF_BIRTH", "12.04.1979"),
        ("UR number 4456721 at the front desk", "RECORD_NUMBER", "4456721"),
        ("MRN 000123456789 needs a follow-up", "RECORD_NUMBER", "000123456789"),
        ("acct # 88231 is overdue", "RECORD_NUMBER", "88231"),
        ("ID paziente 44812 in agenda", "RECORD_NUMBER", "44812"),
    ],
)
def test_more_birth_date_and_record_number_forms(text, kind, value):
    assert [(s.kind, s.text) for s in detect_phi(text)] == [(kind, value)]


@pytest.mark.parametrize("text", ["appointment 03/04/2026 birthday party for the team", "born in 3/4 of cases"])
def test_a_date_near_a_birth_word_is_not_always_a_date_of_birth(text):
    assert detect_phi(text) == []


# The fourth round (issue 14): kinds of miss found in the development sets, each fixed by a general rule or data.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Khalil and Jordan Reyes booked a family cleaning", "Khalil"),  # given names of the SSA list
        ("Ffion and Megan Lloyd both have Osgood-Schlatter", "Ffion"),  # Welsh, from the project's extra names
        ("Can I write back to Friedrich? He asked about his eczema.", "Friedrich"),  # German, lone with the model
        ('Antwort auf die Rezension von "Heike S." bitte', "Heike S."),  # a reviewer's given name and initial
        ("Ravi ji ka message aaya hai, reschedule please", "Ravi"),  # a courtesy word after the name
        ("Deepika ji wants her appointment moved", "Deepika"),
        ("harpreet bhai ne 1 star diya", "harpreet"),
        ("a thank-you card for mrs haworth please", "haworth"),  # a title in lower case and a listed surname
        ("Herr Dr. Ingrid Maier möchte eine Rezension schreiben", "Ingrid Maier"),  # a second title is not the name
        ("Wiremu Ngata DMed us a photo of his mole", "Wiremu Ngata"),  # a given name and an unknown word acting
        ("anna maria rossi ha scritto sotto il post", "anna maria rossi"),  # a lower-case name acting
        ("bill carmody from the market keeps tagging us", "bill carmody"),  # an everyday given name and a surname
        ("Mark from Tuesday's yoga class left a review", "Mark"),  # introduced by where he comes from
        ("Can we use Grace's new crown photos in a post?", "Grace"),  # care after a possessive given name
        ("the Okafor family (Dale, Amber and the kids) came in", "Dale"),  # a family's names in brackets
        ("please reschedule Hemi Tane to Monday", "Hemi Tane"),  # asked to do something for a named person
        ('reply to hunter: "best dentist ever"', "hunter"),  # a lower-case name addressed before a colon
        ("Patients: A. Rossi, B. Verdi and C. Neri", "C. Neri"),  # a list of initials after a cue
    ],
)
def test_more_names_shown_by_the_lists_or_the_words_around_them_are_found(text, value):
    assert ("NAME", value) in [(s.kind, s.text) for s in detect_phi(text)]


@pytest.mark.parametrize(
    "text",
    [
        "We keep patient numbers for WhatsApp reminders.",  # everyday words the Census list holds as names
        "can we write 'patients love our friendly team' on insta",
        "a patient DMed the clinic about her results",  # an acronym turned verb after a cue
        "client DMing my personal instagram between sessions",
        "Auguri di Natale per i pazienti sui social",  # a feast that is also a given name
        "Meta keeps rejecting our before/after ad",  # a company
        "Niente pazienti nella foto, solo lo scanner.",  # Italian and German words that are listed names
        "die Mutter möchte eine Bewertung schreiben",
        "a team photo with Jasmine, our new front desk coordinator",  # a colleague, several words before the role
        "who painted the Mona Lisa",  # a painting named like a person
        "our ms fatigue group meets on Fridays",  # "ms" in lower case is not a title
        "Sarah from our front desk wants to run the TikTok",  # a colleague
        "How do we reply when Dawn from the Chamber of Commerce tags us?",  # an organisation's contact
        "Namaste ji, how should we greet patients on WhatsApp?",
        "Chase from the Bank of Montreal wants to sponsor our run",  # a city left out of the larger name list
    ],
)
def test_ordinary_words_next_to_the_new_rules_stay_readable(text):
    assert [s for s in detect_phi(text) if s.kind == "NAME"] == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("hosp no K4439812 on the discharge letter", "RECORD_NUMBER", "K4439812"),
        ("Fallnr. 2024-11873 bitte anschreiben", "RECORD_NUMBER", "2024-11873"),
        ("Scheda P-22014 da aggiornare", "RECORD_NUMBER", "P-22014"),
        ("A00918273 is the chart for the lady who complained", "RECORD_NUMBER", "A00918273"),  # bare hospital number
        ("Abita in Via dell'Orso 12, 20121 Milano", "ADDRESS", "Via dell'Orso 12, 20121 Milano"),  # elided particle
        ("nuovo indirizzo via Roma 5, 00184 Roma. Grazie", "ADDRESS", "via Roma 5, 00184 Roma"),  # lower case
        ("a voicemail from +44 7700 900461 about her crown", "PHONE", "+44 7700 900461"),  # a reserved UK range
        ("OPD no. 45521 wale patient ka message", "RECORD_NUMBER", "45521"),  # Indian hospital registration
        ("CR No. 2024-1234 wale uncle", "RECORD_NUMBER", "2024-1234"),
        ("Pat.-ID 4471 bitte anschreiben", "RECORD_NUMBER", "4471"),
        ("Krankenakte 123456 liegt vor", "RECORD_NUMBER", "123456"),
        ("bday 12/4/1990, can we send a card", "DATE_OF_BIRTH", "12/4/1990"),
        ("DOB March 1985 on the form", "DATE_OF_BIRTH", "March 1985"),  # month and year after a sure cue
        ("Eircode D02 X285 on the letter", "ADDRESS", "D02 X285"),  # Irish postcode
        ("lives at 14 kirkstall road, leeds", "ADDRESS", "14 kirkstall road"),  # lower case after a cue
        # the number first, and the town that ends its clause
        ("1420, rue Sainte-Catherine, Montréal", "ADDRESS", "1420, rue Sainte-Catherine, Montréal"),
    ],
)
def test_more_record_address_and_phone_forms(text, kind, value):
    assert (kind, value) in [(s.kind, s.text) for s in detect_phi(text)]


@pytest.mark.parametrize(
    "text",
    [
        "N95 2020 stock for the clinic",  # not an Eircode: no letter in its last part
        "We post 3 road safety tips a week",  # a number and "road" with no address cue
        "Order 12/4/1990 sale prices",  # a date with no birth cue
    ],
)
def test_shapes_next_to_the_new_address_and_date_rules_stay_readable(text):
    assert detect_phi(text) == []


def test_the_larger_given_name_list_leaves_out_everyday_words_and_is_read_with_its_provenance():
    from assistant.guardrails._data import person_names
    from assistant.guardrails.names import name_lists

    entry = person_names().lists["more_given_names"]
    assert "public domain" in entry.licence.lower() and entry.url.startswith("https://")
    given = name_lists().given
    assert {"aaliyah", "dimitri", "priyanka", "sienna", "ffion", "barbel"} <= given
    assert not {"hope", "love", "meta", "clinic", "doctor"} & (given - name_lists().common)


def test_masking_an_8000_character_hostile_input_finishes_and_masks_what_it_should():
    """Repeated cue words, titles and separators must not make the new rules' patterns backtrack for long."""
    parts = ("Mark from the ", "mrs ", "ji ", "#", "indirizzo via ", "Ravi ", "anna maria ", "Fallnr. ", "A. ")
    hostile = "".join(p * (900 // len(p)) for p in parts)[:7980] + " MRN 1234567"
    spans = detect_phi(hostile)
    assert ("RECORD_NUMBER", "1234567") in [(s.kind, s.text) for s in spans]
    assert all(hostile[s.start : s.end] == s.text for s in spans)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A word joined by "and" to a name found, also across a relative ("and her husband ...").
        ("Amaka and Chidi Okonkwo booked the family slot", "Amaka"),
        ("Wiremu and Sarah Walker both left reviews", "Wiremu"),
        ("Benedikt und seine Frau Ilse Hartmann-Kühn kommen am Freitag", "Benedikt"),
        ("Danke an Hanne und ihren Mann Gerhard Vogt für die Blumen", "Hanne"),
        ("callum and his mum Rhian Pritchard wrote a review", "callum"),
        # After a name and its phone number, the next entry of the list.
        ("Text Mia Thornton 0412 345 678, and Lourdes (no mobile) about the recall", "Lourdes"),
        # A word alone before a phone number in a list whose entries are names and numbers.
        ("SMS list: Keira Doyle 0491 570 156, Thandi 0491 570 159", "Thandi"),
    ],
)
def test_names_shown_by_a_list_of_names_are_found(text, value):
    assert value in [s.text for s in detect_phi(text) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Please send flowers: Mr Adeyemi's wife Bukola is in hospital", "Bukola"),
        ("Mrs. Raghavan's husband Venkatesh wants a copy of the invoice", "Venkatesh"),
        ("Die Mutter schrieb: meinem Sohn Malte geht es besser", "Malte"),
        ("La mamma dice: la mia bimba Ginevra adora la dentista", "Ginevra"),
        ("review says: meri maa Savitri Bai ka ilaaj bahut accha hua", "Savitri Bai"),
        ("Form received. Name: Dwayne R. Okafor-Bell, please file it", "Dwayne R. Okafor-Bell"),
        ("Pat. Gülşen Aksoy bittet um einen Rückruf", "Gülşen Aksoy"),
        ("pt M.-C. Gagnon wants her photo removed", "M.-C. Gagnon"),
        ("la dott.ssa Bellandi è una nostra paziente", "Bellandi"),
        ("Herr Kılıç hat angerufen", "Kılıç"),
        ("Imogen, one of our Pilates regulars, wants to film a reel", "Imogen"),
        ("Ottilie is one of our oldest patients and turns 100 today", "Ottilie"),
        ('comment: "Tamsin told me you were brilliant"', "Tamsin"),
        ("love the new waiting room, cheers Bethany", "Bethany"),
        # A listed given name and a capitalised word that is neither a listed surname nor an everyday word.
        ("Flowers from Rosalind Trevithick arrived this morning, write a card", "Rosalind Trevithick"),
    ],
)
def test_names_shown_by_a_relative_a_form_field_or_a_title_are_found(text, value):
    assert value in [s.text for s in detect_phi(text) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("A caption for Valentine's Day with a toothbrush giveaway?", []),
        ("Patient's dad emailed about parking, how do I reply?", []),
        ("A Halloween post with a Willy Wonka reference?", []),
        ("Our fees are lower than clinics on the Sunshine Coast", []),
        ("Our new NP Fatima starts Monday, welcome post idea?", []),
        ("Mrs. Iyer's husband is in Ruby Hall after a fall", ["Iyer"]),
        ("a team photo with Mike Alvarez and Brianna, our new front desk coordinator", ["Mike Alvarez"]),
        ("Kann man schreiben, dass Patienten Adressänderungen melden sollen?", []),
        # An everyday word before "and" and a name is not a name.
        ("Meet at Victoria Station and bring Emma Rossi's form", ["Emma Rossi"]),
        # A phone cue before a number in a list of names is not a name.
        ("call list: Keira Doyle 0491 570 156, Mobile 0491 570 159", ["Keira Doyle"]),
    ],
)
def test_words_near_the_list_relative_and_title_rules_stay_readable(text, masked):
    assert [s.text for s in detect_phi(text) if s.kind == "NAME"] == masked


def test_long_lists_of_names_and_numbers_are_masked_in_one_pass():
    """Every entry of a long list is masked, and repeated joiners do not make the list rules backtrack."""
    entries = ", ".join(f"Keira Doyle 0491 570 1{n:02d}, Thandi 0491 570 2{n:02d}" for n in range(60))
    hostile = entries + " " + "Amaka and " * 400 + "Chidi Okonkwo"
    spans = [s.text for s in detect_phi(hostile) if s.kind == "NAME"]
    assert spans.count("Thandi") == 60 and spans.count("Keira Doyle") == 60
    assert "Chidi Okonkwo" in spans


def test_the_learned_name_weights_are_checked_against_their_features():
    from pydantic import ValidationError

    from assistant.guardrails.name_scorer import FEATURES, MODEL_FEATURES, scorer_weights
    from assistant.knowledge.schemas.guardrails import NameScorerWeights

    weights = scorer_weights()
    assert weights.features == FEATURES and weights.model_features == MODEL_FEATURES
    data = weights.model_dump()
    data["weights"] = data["weights"][:-1]
    with pytest.raises(ValidationError, match="second-stage weights"):
        NameScorerWeights.model_validate(data)


def test_the_learned_decision_masks_a_name_only_when_its_weights_say_so():
    """The decision follows its data: with a threshold no word reaches, it finds nothing. It is not part of the
    app's masking (detect_phi's `learned` is off): it lost on held-out folds (docs/privacy.md)."""
    from assistant.guardrails.name_finders import everyday
    from assistant.guardrails.name_scorer import learned_names, scorer_weights
    from assistant.guardrails.ner import name_model

    text = "Maria Garcia came in"
    strict = scorer_weights().model_copy(update={"threshold": 0.999999, "cheap_threshold": 0.999999})
    assert learned_names(text, [], [], everyday, name_model(), strict) == []
    lenient = scorer_weights().model_copy(update={"threshold": 0.0, "cheap_threshold": 0.0})
    every = [text[a:b] for a, b in learned_names(text, [], [], everyday, name_model(), lenient)]
    assert {"Maria", "Garcia"} <= set(every)  # with a threshold every candidate reaches
    shipped = [text[a:b] for a, b in learned_names(text, [], [], everyday, name_model())]
    assert set(shipped) <= set(every) and "in" not in shipped


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Flyer for the flu clinic: our office is at 418 Barton Creek Blvd, walk-ins welcome", "418 Barton Creek Blvd"),
        ("Post per l'open day: siamo in Via Mazzini 41, vi aspettiamo!", "Via Mazzini 41"),
        ("Neuer Standort! Sie finden uns in der Kaiserstraße 12", "Kaiserstraße 12"),
        ("We've moved to 77 Harbour Road, update the bio please", "77 Harbour Road"),
    ],
)
def test_the_address_the_clinic_gives_as_its_own_stays_readable(text, address):
    assert address not in [s.text for s in detect_phi(text) if s.kind == "ADDRESS"]


@pytest.mark.parametrize(
    "text",
    [
        "patient lives at 418 Barton Creek Blvd, send the reminder there",
        "her address is Via Mazzini 41, Bologna: ok to mail the invoice?",
    ],
)
def test_a_patients_address_is_still_masked_beside_the_clinic_wording(text):
    assert any(s.kind == "ADDRESS" for s in detect_phi(text))


def test_the_clinics_role_mailbox_as_recipient_of_a_forwarded_email_stays_readable():
    text = "Fwd:\nFrom: kev.dorrington77@yahoo.co.uk\nTo: reception@harbourlane-physio.co.uk\nSubject: thanks\n\nTa."
    emails = [s.text for s in detect_phi(text) if s.kind == "EMAIL"]
    assert emails == ["kev.dorrington77@yahoo.co.uk"]
    # A person's mailbox on the "To:" line is still masked.
    assert any(s.kind == "EMAIL" for s in detect_phi("Fwd:\nFrom: reception@clinic.example\nTo: kev.d77@yahoo.co.uk"))
