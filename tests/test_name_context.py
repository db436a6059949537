"""The words around a name show a patient named by an everyday word, or a colleague, a public figure, another
clinician or a place that is not a patient."""

from __future__ import annotations

import pytest

from assistant.guardrails.name_context import names_from_context, not_a_patient_by_context
from assistant.guardrails.phi import detect_phi
from assistant.profile import ClinicProfile


def _masked(text: str, clinic: ClinicProfile | None = None) -> list[str]:
    return [s.text for s in detect_phi(text, clinic=clinic) if s.kind == "NAME"]


def _never_everyday(word: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("River and Sage are back for their 6 month checkup tomorrow.", ["River", "Sage"]),
        ("rose and will both cancelled for thursday, can you draft a polite text", ["rose", "will"]),
        ("liam's handover: ivy (the psoriasis teen) 2pm cancelled", ["ivy"]),
        ("Hope (the little one with Down syndrome) drew us a picture!", ["Hope"]),
        ("thank you note for will from the hockey team who fixed our door", ["will"]),
        ("can u write a get well card for doreen from tuesdays pilates class", ["doreen"]),
        ("quick q - rose from our waiting room complained on Nextdoor", ["rose"]),
        ("front desk note: hope called again re her night guard", ["hope"]),
        ("faith hat angerufen wegen ihrer Warze", ["faith"]),
        ("my daughter hope had her first cleaning here", ["hope"]),
        ('voicemail: "hiya it\'s Bronwen again, I lost my exercise sheet"', ["Bronwen"]),
        ("DM: 'hiya its dawn from the pilates class, can i move my 1-1?'", ["dawn"]),
        ("Bhavesh from Baner left a comment on our Facebook ad.", ["Bhavesh"]),
        ('text from an unknown number: "its marcus can i move thurs to fri"', ["marcus"]),
        ("text: 'its Tadhg, cant make it today, back's gone again'", ["Tadhg"]),
        ("morag (hip replacement) moved to 3pm, dafydd cancelled, pls ring him back", ["dafydd"]),
        ("can we post the before/after of grace's whitening?", ["grace"]),
        ("Can we post a before/after of Summer's veneers?", ["Summer"]),
        ("Review on Google from 'Faith M.': 'the front desk lost my paperwork twice.'", ["Faith M."]),
        ("Recensione su MioDottore di 'Stavros K.': 'Bravissimi!' Risposta breve?", ["Stavros K."]),
        ("Bitte Rückruf an Herrn Schäfer wegen der Aknetherapie.", ["Schäfer"]),
    ],
)
def test_a_given_name_that_the_words_around_it_show_is_masked(text, names):
    masked = _masked(text)
    for name in names:
        assert name in masked, masked


@pytest.mark.parametrize(
    "text",
    [
        "I will from now on post weekly.",
        "There is no hope from the team, so we wrote it ourselves.",
        "The grace period is 30 days.",
        "Max dose is 4g a day.",
        "It's summer, so let's post about sunscreen.",
        "Joy and hope are what we bring to every visit.",
        "Rose and lavender oils are popular in our spa.",
        "We will be closed; patients will call to rebook.",
        "Greetings from Sydney! Can you write a holiday post?",
        "my son will call you back tomorrow",
        "Thanks from all of us at the practice.",
        "This summer's results were great, and last summer's photos too.",
        "We had patients, families and staff in the photos, will update soon.",
        "Feedback from 'Google U.' was odd.",
        "It's Parkinson's Awareness Month: a post idea?",
        'Reply to a 5-star review: "my kids love her".',
        "Write a warm post from the team, no photos of the baby.",
        "Handover from Saturday: nothing urgent otherwise.",
    ],
)
def test_everyday_words_around_the_new_rules_stay_readable(text):
    assert _masked(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Isla starts on reception Monday, can you write a welcome post?", "Isla"),
        ("Our new sports massage therapist is Isla, she starts Monday. Write a welcome post.", "Isla"),
        ("Please welcome Tavita to the team as our new hygienist!", "Tavita"),
        ("Post for Melanoma March. Quote Georgina Long maybe? Is that allowed?", "Georgina Long"),
        ("Is it ok to post about Mark Holland's announcement on pharmacare?", "Mark Holland"),
        ("Can we share a quote from Dr. Theresa Tam about flu season?", "Theresa Tam"),
        ('Can we say "il dentista dei VIP" since Gianni Morandi came in once?', "Gianni Morandi"),
        ("Referral letter from Dr. Ramirez at Dell Children's for the Brooks family.", "Ramirez"),
        ("Our practice wants 'Adelaide's most trusted foot clinic' as the tagline.", "Adelaide"),
        ("Bhavesh from Baner left a comment on our Facebook ad.", "Baner"),
    ],
)
def test_a_colleague_a_public_figure_another_clinician_or_a_place_stays_readable(text, name):
    assert name not in _masked(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My patient Isla starts her Invisalign on Monday with our hygienist.", "Isla"),
        ("Maria Lopez starts her braces on Monday, can we post a photo?", "Maria Lopez"),
        ("Can we quote Maria Lopez's review on our website?", "Maria Lopez"),
        ("Mrs. Ramirez rang about her daughter's retainer.", "Ramirez"),
        ("Tom Baker came in from Leeds for his implant.", "Tom Baker"),
    ],
)
def test_a_patient_near_a_staff_news_or_place_word_is_still_masked(text, name):
    assert name in _masked(text)


def test_the_clinics_own_staff_stay_readable_with_the_new_rules():
    clinic = ClinicProfile(name="Harbour Lane Physio", staff=["Isla Morgan"])
    assert _masked("Isla Morgan starts on reception Monday; will from the hockey team is booked", clinic) == ["will"]


def test_the_context_checks_read_their_words_from_data():
    text = "Isla starts on reception Monday"
    assert not_a_patient_by_context(text, 0, 4, _never_everyday)
    assert not not_a_patient_by_context("Isla called about her knee", 0, 4, _never_everyday)
    assert names_from_context("River and Sage are back", frozenset(), _never_everyday) == [(0, 5), (10, 14)]


def test_an_8000_character_hostile_input_of_the_new_cues_is_masked_whole():
    hostile = ("it's ivy (the the the teen) will from the the hockey team. River and Sage are " * 110)[:8000]
    found = {s.text for s in detect_phi(hostile)}
    assert found >= {"ivy", "will", "River", "Sage"}, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Welcoming Dr. Priyanka Nair, our new locum, to the practice from June!", "Priyanka Nair"),
        ("Dr Hamish Blake talked about sunscreen on his podcast and patients keep asking", "Hamish Blake"),
        ("Prof. Lena Vogt posted about vitamin D and her followers are sharing it", "Lena Vogt"),
        ("Watched Declan Rice talking about knee injuries on Sky Sports, could we use that?", "Declan Rice"),
        ('Can we write "as seen with Dr Zara" on the flyer?', "Zara"),
        ("Posters for Ayushman Bharat cover at reception: what wording?", "Ayushman Bharat"),
    ],
)
def test_a_colleague_in_apposition_and_a_doctor_or_player_in_the_media_stay_readable(text, name):
    assert name not in _masked(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mrs Ferreira posted about her results and followers keep asking", "Ferreira"),
        ("can we share the photo of bill's veneers from last week?", "bill"),
        ('Google review from "Sue T.": lovely staff', "Sue T."),
        ('Recensione di "Fede R.": tutto perfetto', "Fede R."),
        ("ishaan (4 yrs) had his first check-up, mum wants to post it", "ishaan"),
        ("Mr and Mrs Ó Ceallaigh booked a joint session", "Ó Ceallaigh"),
        ("patient Rhodri ap Iorwerth asked for a Welsh leaflet", "Rhodri ap Iorwerth"),
        ("Feedback from Grace about the parking, how do we reply?", "Grace"),
        ("die Nachricht kam von frau hakkarainen wegen der Rechnung", "hakkarainen"),
        ("der kleine jonte hat Angst vor dem Bohrer", "jonte"),
    ],
)
def test_a_patient_shown_by_a_possessive_a_signature_an_age_a_particle_or_a_title_is_masked(text, name):
    assert name in _masked(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Say hello to our new dietitian Ms. Anneliese Brandt, who joins in May", "Anneliese Brandt"),
        ("Unsere neue Helferin: Katrin Vogelsang, ab März bei uns im Team", "Katrin Vogelsang"),
        ("diamo il benvenuto alla nuova assistente Dott.ssa Chiara Galletti", "Chiara Galletti"),
        ("Any pun ideas with Daisy and Iris for a spring post?", "Daisy"),
        ("Rosh Hashanah closure hours for the practice, please", "Rosh Hashanah"),
        ("post pour la Journée Marie Curie des femmes scientifiques", "Marie Curie"),
    ],
)
def test_a_new_colleague_with_a_title_a_pun_and_an_observance_stay_readable(text, name):
    """Classes of wrong masks, not strings: a role (in the clinic's languages) and a courtesy title before a new
    colleague's name, names played with as words, a closure or an observance named after someone."""
    assert name not in _masked(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my patient Daisy Fairweather wants a pun on her name for the birthday post", "Daisy Fairweather"),
        ("patient Mrs. Kowalczyk said the new hygienist was lovely", "Kowalczyk"),
        ("Katrin Vogelsang hat die Rechnung nicht bezahlt, Patientin seit 2019", "Katrin Vogelsang"),
    ],
)
def test_a_patient_beside_the_new_staff_pun_and_observance_words_is_still_masked(text, name):
    assert name in _masked(text)


def test_a_name_offered_as_the_alternative_to_a_public_figure_is_one_too():
    assert _masked("who has the better serve, Ingrid Halvorsen or Serena Williams?") == []
    assert _masked("Ingrid Halvorsen and Serena Williams at the gym") == ["Ingrid Halvorsen"]
    assert "Ingrid Halvorsen" in _masked("patient Ingrid Halvorsen or Serena Williams, who is better")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Benvenuto al nuovo fisioterapista: il dottore Matteo Guidotti entra nel team a marzo", "Matteo Guidotti"),
        ("Neuer Physiotherapeut: Lukas Brennecke verstärkt ab Mai unser Team", "Lukas Brennecke"),
        ("Possiamo citare Federica Pellegrini in un post sul nuoto?", "Federica Pellegrini"),
        ("Can we cite Florentyna Abernathy-Voss in our post about sleep?", "Florentyna Abernathy-Voss"),
        ("Bitte keine Marken wie Bepanthen nennen", "Bepanthen"),
        ("no brands such as Colgate or Oral-B in the caption", "Colgate"),
        ("the receptionist dressed up as Rumpelstiltskin Featherbottom for the party", "Rumpelstiltskin Featherbottom"),
        ("a beard Tom Selleck style for the Movember post", "Tom Selleck"),
        ("shout-out to the Krispy Kreme crew who sponsored the fun run", "Krispy Kreme"),
        ("our nurse trained at Royal Perth before joining us", "Royal Perth"),
    ],
)
def test_a_colleague_joining_a_cited_figure_a_brand_or_a_costume_stay_readable(text, name):
    """Round 12 classes: joining the team in the clinics' languages, an article and a written-out title before a new
    colleague; citing someone; brands listed after "brands like"; dressing up as a character; a name used as a
    style; a crew or a brand named after someone; an institution whose name starts with "Royal"."""
    assert name not in _masked(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("patient Matteo Guidotti entra nel team di calcio, can we post it", "Matteo Guidotti"),
        ("my patient Tom Selleck style of moustache", "Tom Selleck"),
        ("Can we cite Maria Lopez's review on our page?", "Maria Lopez"),
        ("Rappelez mon fils Océane Girard demain", "Océane Girard"),
    ],
)
def test_a_patient_beside_the_round_12_words_is_still_masked(text, name):
    assert any(name in m for m in _masked(text))


@pytest.mark.parametrize(
    ("text", "nickname"),
    [
        ("Giuseppina Amato (Pina) asked for her x-rays", "Pina"),
        ("Bartholomew Okonjo (Bart) needs a recall", "Bart"),
        ("Rebecca Lindqvist (goes by Becks) left a review", "Becks"),
        ("Kit (Kitteridge Osei) wants the before/after photo removed", "Kit"),
    ],
)
def test_a_nickname_in_brackets_beside_a_name_is_masked(text, nickname):
    assert nickname in _masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sarah Jones (Saturday) and Mark Evans (Market stall) both rescheduled",
        "Harriet Cole (HR) approved the rota",
        "Priya Nair (the patient) is happy to be named",
    ],
)
def test_words_in_brackets_that_are_not_nicknames_stay_readable(text):
    masked = " ".join(_masked(text))
    for word in ("Saturday", "Market", "HR", "the patient"):
        assert word not in masked


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("can our poster say 'as endorsed by Jessica Ennisford' if she only retweeted us?", "Jessica Ennisford"),
        ("Reel idea: 'Glow like Marisa Tomelli' with an SPF tip", "Marisa Tomelli"),
        ("Caption: 'Wie Franz Obermeyer sagen würde: Sonnenschutz ist Pflicht!' ok?", "Franz Obermeyer"),
        ("Draft a post cheering on the Leeds Rhinos after the final, maybe tag Kallum Watkinson?", "Kallum Watkinson"),
    ],
)
def test_a_name_lent_to_a_claim_or_quote_or_beside_a_sports_team_is_a_public_figure(text, name):
    assert name not in _masked(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my patient Kendra Lusk posted about her retainer on our page, can we reply?", "Kendra Lusk"),
        ("Kendra Lusk posted about her visit to our clinic, angry, how do we reply?", "Kendra Lusk"),
        # Someone posting about their own care may be a patient: no cue is needed to mask them.
        ("Maria Rossi posted about her knee replacement on Facebook, can we share it?", "Maria Rossi"),
        ("Kendra Lusk posted about her retainer lol can we riff on that trend", "Kendra Lusk"),
        ("pt Marisa Tomelli wants to smile like her sister, veneers?", "Marisa Tomelli"),
    ],
)
def test_a_patient_cue_or_a_post_about_the_clinic_still_masks_the_name(text, name):
    assert name in _masked(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A new colleague introduced before "her name is": the welcome post needs her name.
        (
            "We have a new physio joining next week. Can you write a welcome post for Facebook? Her name is Kate "
            "Murphy and she specialises in women's health.",
            [],
        ),
        ("Our new hygienist starts Monday! His name is Tomasz Nowak, please write an intro post", []),
        # ... but a new patient, or a patient mentioned in between, keeps "her name is" a patient cue.
        ("We have a new patient joining the practice, her name is Kate Murphy", ["Kate Murphy"]),
        ("New physio starting soon. Also a patient called, her name is Jane Doherty", ["Jane Doherty"]),
        ("Her name is Kate Murphy and she wants her x-ray on Instagram", ["Kate Murphy"]),
        # A titled name with its field after a comma: the clinician writing a bio, unless a patient is spoken of.
        (
            "Can you write me an Instagram bio for my practice? Dr. Maya Okafor, board-certified dermatologist, "
            "Houston, medical + cosmetic derm",
            [],
        ),
        ("Dr. Paul Smithers, cardiologist, called about his results (my patient)", ["Paul Smithers"]),
        # A signature: the place of work or the department after the comma.
        ("Kind regards,\nDr Mark Ellison, Paddington Family Practice\n\nwrite a thank-you to Dr Ellison", []),
        ("Dr. Raymond Chiu, Cardiology\n\nwrite a post about heart month", []),
        ("Wir begrüßen Dr. Felix Brandt als neuen Weiterbildungsassistenten. Schreib einen Post", []),
    ],
)
def test_a_new_colleague_or_a_clinician_by_their_field_is_not_a_patient(text, names):
    assert _masked(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A name made up for an example, in quotes after a word that says so.
        ('Write a sample review from a made-up patient called "Sam" for staff training', []),
        ('Schreib eine fiktive Bewertung von einem erfundenen Patienten "Max Mustermann"', []),
        ('Please reply to the review from "Sam Price", the patient who was made to wait', ["Sam Price"]),
        # Single quotes, as most people type them.
        ("write a sample complaint from a fictional patient 'John Smith' so the team can practise", []),
        ("una recensione di un paziente inventato, tipo 'Mario Rossi', per la formazione", []),
        ("Please reply to the review from 'Sam Price', the patient who was made to wait", ["Sam Price"]),
        # The famous namesake set apart: the patient, with her title, stays masked.
        ("Ms. Biles came in today (no relation to Simone Biles haha). Write a caption", ["Biles"]),
        ("Can we mention Brady Tkachuk in a hockey post without implying endorsement?", []),
    ],
)
def test_made_up_names_covering_colleagues_and_famous_namesakes(text, names):
    assert _masked(text) == names
