"""Classes of misses and wrong masks fixed after the thirty-sixth blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

from tests.masking import masked as _masked

_FAX = (
    "Can you summarise this fax for the team?\n\n"
    "FROM: Westgate County Infirmary - Hand Unit   TEL: 0161 496 0231   FAX: 0161 496 0239\n"
    "Patient: Orla Featherstone   DOB 14/09/1977   mob 07700 900563\n"
    "Splint for 4/52. Any concerns, contact Mr Tobias Wrenfield (Registrar)."
)


def test_a_fax_headers_telephone_and_fax_numbers_are_the_senders_not_a_patients():
    found = _masked(_FAX, "PHONE")
    assert "0161 496 0231" not in found
    assert "0161 496 0239" not in found


def test_a_patients_mobile_below_a_fax_header_stays_masked():
    found = _masked(_FAX)
    assert "07700 900563" in found
    assert "Orla Featherstone" in found
    assert "14/09/1977" in found


def test_a_mobile_labelled_on_a_letterhead_line_stays_masked():
    text = "Patient: Hamish Drummond   Tel 0131 496 0872   Fax 0131 496 0873   mob 07700 900418"
    assert "07700 900418" in _masked(text, "PHONE")


def test_a_hospitals_name_and_a_doctor_with_his_grade_in_brackets_stay_readable():
    found = _masked(_FAX, "NAME")
    assert not any("Infirmary" in f for f in found)
    assert "Tobias Wrenfield" not in found


_REVIEWS = (
    "Which of these should go on our homepage?\n\n"
    "Reviewer | Date | Stars | Comment\n"
    "Philippa Ormerod | 11 Mar 2024 | 5 | Lovely calm surgery\n"
    "Desmond Achterberg | 02 Mar 2024 | 4 | Quick and friendly"
)


def test_a_review_exports_dates_under_its_date_column_are_no_birth_dates():
    assert _masked(_REVIEWS, "DATE_OF_BIRTH") == []


def test_a_review_exports_reviewer_names_stay_masked():
    found = _masked(_REVIEWS, "NAME")
    assert "Philippa Ormerod" in found
    assert "Desmond Achterberg" in found


def test_a_birth_date_after_a_name_in_a_list_without_columns_stays_masked():
    text = "Recall list:\nPhilippa Ormerod, 11/03/1961\nDesmond Achterberg, 02/03/1958"
    found = _masked(text, "DATE_OF_BIRTH")
    assert "11/03/1961" in found
    assert "02/03/1958" in found


def test_an_exports_short_insurance_number_columns_are_masked_in_every_row():
    text = (
        "Make a list of tomorrow's times from this:\n\n"
        "Name;Geb.-Datum;Vers.-Nr.;Termin\n"
        "Kessler, Annelie;03.05.1966;K480213657;09:00\n"
        "Brandauer, Veit;21.10.1979;M300918244;09:30\n\n"
        "Client,Ins Member ID,Appt\n"
        '"Hargreave, Tilly",QXA552019834,10:15\n'
    )
    found = _masked(text)
    for number in ("K480213657", "M300918244", "QXA552019834"):
        assert number in found


def test_famous_people_named_as_examples_of_a_group_stay_readable():
    text = (
        "Write a post on hydration for our running club. Say that pros like Eliud Kipchoge and Sifan Hassan "
        "carry water on long runs."
    )
    assert _masked(text, "NAME") == []


def test_famous_people_named_as_sportspeople_after_their_names_stay_readable():
    text = "Schreib einen Post zum Thema Sonnenschutz, gern mit Timo Boll oder Laura Dahlmeier als Sportler."
    assert _masked(text, "NAME") == []


def test_a_listed_public_figure_whose_given_name_is_an_everyday_word_stays_readable():
    text = "Write a sun-safety post: say that Ash Barty and Gemma Lowther trained in hats."
    assert not any("Barty" in name for name in _masked(text, "NAME"))


def test_a_patient_cued_beside_a_group_of_athletes_stays_masked():
    text = "My patient Rowena Blackett runs with athletes like her brother and needs a rehab plan."
    assert "Rowena Blackett" in _masked(text, "NAME")


def test_children_a_parent_names_in_brackets_are_masked_with_their_other_mentions():
    text = (
        "Hello, can my two kids be seen after school for their sore knees (Dawn and May)? "
        "Dawn's 12 and May is 8. Thanks, Priya Venkataraman"
    )
    found = _masked(text, "NAME")
    assert found.count("Dawn") == 2
    assert found.count("May") == 2


def test_a_word_for_children_before_brackets_is_no_nickname():
    text = "Salve, vorrei un controllo per i miei figli (Tommaso e Greta), se possibile di pomeriggio."
    found = _masked(text, "NAME")
    assert "figli" not in found
    assert any("Tommaso" in f for f in found)


def test_a_month_in_brackets_without_a_word_for_children_stays_readable():
    text = "Our two open days (May and June) need a poster. Will you make one?"
    assert _masked(text, "NAME") == []


_COMMENTS = (
    "Replies for the comments under our flossing reel?\n\n"
    "siobhan.okeefe91 do you do payment plans?\n"
    "  ↳ marcus_delahunty @siobhan.okeefe91 they do!\n"
    "leedsdentalnews great tips 👏\n"
    "My cousin is u/rafferty_quinlan on Reddit."
)


def test_a_commenters_handle_holding_a_name_is_masked_wherever_it_stands():
    found = _masked(_COMMENTS, "NAME")
    assert found.count("siobhan.okeefe91") == 2
    assert "marcus_delahunty" in found
    assert "rafferty_quinlan" in found


def test_a_brands_handle_a_file_name_and_a_domain_stay_readable():
    text = _COMMENTS + "\nSee patient_data.yaml, version 2.4.1 and www.leedsdental.co.uk for the template."
    found = _masked(text, "NAME")
    assert not any(w in f for f in found for w in ("leedsdentalnews", "patient_data", "leedsdental", "2.4.1"))


def test_a_booking_links_segment_made_of_the_patients_name_is_masked():
    text = (
        'Shorten this reminder: "Hi Ottilie, your check-up is Fri 10:40 with Dr Hale. '
        'Confirm: https://smiles.example/confirm/ottilie-brandstrom or reply Y."'
    )
    assert "ottilie-brandstrom" in _masked(text, "NAME")


def test_a_links_segment_with_no_masked_name_stays_readable():
    text = "Hi Maeve, add the link https://smiles.example/blog/whitening-myths-busted to the post."
    assert not any("whitening" in f for f in _masked(text))


def test_a_products_short_dotted_name_is_no_handle():
    text = "Invoice summary: IPS e.max CAD blocks - 2 boxes; i.e. the usual order from the supplier."
    assert _masked(text, "NAME") == []


def test_a_talk_title_in_title_case_quotes_holds_no_name():
    text = (
        "Locandina per la serata:\n"
        '"Gestione Della Carie Nel Bambino" — Dott.ssa Marta Fiorini\n'
        '"Impianti Con Carico Immediato" — Dott. Paolo Ghedini'
    )
    assert not any(f.startswith(("Della", "Con")) for f in _masked(text, "NAME"))


def test_a_patient_whose_surname_opens_with_a_particle_stays_masked():
    text = "Richiamare la paziente Della Rovere Marina per il preventivo."
    assert any("Rovere" in f for f in _masked(text, "NAME"))


def test_a_hospital_named_after_a_person_and_a_feast_day_stay_readable():
    text = "Flyer notes: speaker from the K.L. Mehra Eye Hospital; closed on Mariä Himmelfahrt."
    assert _masked(text, "NAME") == []


def test_a_car_park_named_after_a_person_stays_readable():
    text = "Post 'Dove siamo': parcheggio consigliato: Parcheggio Carlo Alberto. Am besten im Parkhaus Anna Weiss."
    assert _masked(text, "NAME") == []


def test_lower_case_surnames_opening_the_lines_of_a_clinicians_notes_are_masked():
    text = (
        "quick notes from clinic today, make them a task list for Priti:\n"
        "- okonkwo (knee, wk 4) progress to lunges\n"
        "- ring mrs. fairweather re: invoice\n"
        "- van den bosch owes $40\n"
        "9.30 t. szymańska wants a new sheet\n"
        "- richiamare bianchi per il saldo\n"
        "- restock gloves and order more ultrasound gel"
    )
    found = _masked(text, "NAME")
    for name in ("okonkwo", "fairweather", "van den bosch", "t. szymańska", "bianchi"):
        assert any(name in f for f in found), name
    assert not any(w in f for f in found for w in ("restock", "gloves", "order", "ultrasound"))


def test_a_to_do_list_of_tasks_in_notes_stays_readable():
    text = (
        "my notes for the team meeting, tidy them up:\n"
        "- update the website hours\n"
        "- schedule instagram posts for june\n"
        "- call the landlord about the boiler\n"
        "- review the cancellation policy"
    )
    assert _masked(text, "NAME") == []


def test_a_quoted_export_cell_with_a_surname_and_a_given_name_stays_masked():
    text = (
        "Recall-Liste, bitte als Brief:\n\nNachname, Vorname;Geb.-Datum\n"
        '"O\'Halloran, Aisling";04.03.1980\n"Della Valle, Bruna";09.09.1971'
    )
    found = _masked(text, "NAME")
    assert any("Halloran" in f for f in found)
    assert any("Della Valle" in f for f in found)


def test_a_birth_date_read_out_in_this_century_and_a_vietnamese_birth_cue_are_masked():
    spoken = "Voicemail: it's about my daughter, her date of birth is June second, two thousand and nine. Call me back."
    assert any("two thousand and nine" in f for f in _masked(spoken, "DATE_OF_BIRTH"))
    written = "Tin nhắn: bố tôi là Trần Văn Phúc, sinh ngày 17/02/1948, cần hẹn khám mắt."
    assert "17/02/1948" in _masked(written, "DATE_OF_BIRTH")


def test_the_clinics_new_address_in_a_moving_announcement_stays_readable():
    text = "Write a post: we're moving from our old spot on Mill Road to 45 Harcourt Street, Unit 3, on 1 July!"
    assert _masked(text, "ADDRESS") == []


def test_a_patients_address_after_moving_stays_masked():
    text = "Update the chart: my patient Ivy Calloway has moved to 45 Harcourt Street, Unit 3."
    assert any("Harcourt" in f for f in _masked(text, "ADDRESS"))


def test_relatives_by_marriage_in_italian_and_a_parent_in_tamil_words_are_cues_for_a_name():
    italian = "Ho portato anche mia cognata Loredana per la pulizia, e il dottore è stato gentilissimo."
    assert "Loredana" in _masked(italian, "NAME")
    tamil = "Doctor, appa Ramanathan has cataract review tomorrow, can he take his BP tablet?"
    assert "Ramanathan" in _masked(tamil, "NAME")


def test_a_senders_nickname_signing_off_under_the_full_name_is_masked():
    text = (
        "What do I say to this?\n\n"
        "[04.03.25, 09:12] Dominika Wróblewska: Hallo, kann ich den Termin auf Freitag legen?\n"
        "[04.03.25, 09:13] Dominika Wróblewska: LG Domi"
    )
    assert "Domi" in _masked(text, "NAME")


def test_an_everyday_word_signing_off_like_a_patients_name_stays_readable():
    text = "Hi Sandra Pellow, your new glasses are in. Any questions just ring.\nCheers, Sales"
    assert "Sales" not in _masked(text, "NAME")


def test_a_korean_given_name_with_a_four_letter_first_syllable_is_masked():
    text = "Yelp review: I brought my dad Yong-ho for his crown. Sook-ja Park is 81 and diabetic too."
    assert any("Sook-ja Park" in f for f in _masked(text, "NAME"))


def test_an_english_word_with_a_hyphen_before_a_surname_like_word_stays_readable():
    text = "Post ideas: Self-care Week tips and Post-op Care sheets for the waiting room."
    assert _masked(text, "NAME") == []
