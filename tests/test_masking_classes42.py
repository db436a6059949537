"""Classes of misses and wrong masks fixed after the forty-second blind masking set (docs/privacy.md).

Each test uses wordings of its own, not the set's messages; a guard beside each keeps what must stay masked or
readable.
"""

from __future__ import annotations

from tests.masking import masked as _masked

# --- a date of birth after the word for "born" in the languages patients write in --------------------------------


def test_a_birth_date_after_a_cue_in_other_languages_is_masked():
    assert "03.10.1968" in _masked("Çevir: 'Annemin doğum tarihi 03.10.1968, randevu istiyoruz.'", "DATE_OF_BIRTH")
    assert "1979.04.21" in _masked("Fordítsd le: 'Születési ideje 1979.04.21, köszönöm.'", "DATE_OF_BIRTH")
    assert "07.02.2011" in _masked("Traducere: 'Fiul meu s-a născut pe 07.02.2011.'", "DATE_OF_BIRTH")
    assert "8.9.1964" in _masked("Käännä: 'Isäni syntymäaika on 8.9.1964.'", "DATE_OF_BIRTH")
    assert "11. 6. 1958" in _masked("Přelož: 'Otec, nar. 11. 6. 1958, potřebuje termín.'", "DATE_OF_BIRTH")
    assert "2 lipca 1987" in _masked("Tłumaczenie: 'Urodziłam się 2 lipca 1987 r.'", "DATE_OF_BIRTH")
    assert "1979年2月14日" in _masked("翻訳して: '生年月日は1979年2月14日です。'", "DATE_OF_BIRTH")


def test_an_appointment_date_in_those_languages_stays_readable():
    assert _masked("Çevir: 'Randevum 03.10.2026 tarihinde, teşekkürler.'", "DATE_OF_BIRTH") == []


# --- a name in another script after a label, a relative's word or "I" --------------------------------------------


def test_a_name_in_another_script_after_a_label_or_a_relative_is_masked():
    assert "윤서진" in _masked("Translate: '성명: 윤서진 / 전화: 010-2233-4455'", "NAME")
    assert "홍길동" in _masked("Translate: '보호자: 아버지 홍길동'", "NAME")
    assert "ليلى الحربي" in _masked("Translate: 'مرحبا، زوجتي ليلى الحربي عندها موعد غدا.'", "NAME")
    assert "Ольга Смирнова" in _masked("Translate: 'Добрый день, это Ольга Смирнова. Перезвоните.'", "NAME")
    assert "राहुल मेहरा" in _masked("Translate: 'नमस्ते, मेरा नाम राहुल मेहरा है।'", "NAME")
    assert "கீதா சுந்தரம்" in _masked("Translate: 'வணக்கம், நான் கீதா சுந்தரம்.'", "NAME")


def test_an_arabic_name_with_its_joining_word_is_masked_whole():
    found = _masked("Translate: 'أنا عمر بن خالد، أريد موعدا.'", "NAME")
    assert "عمر بن خالد" in found


def test_a_name_in_ideographs_after_a_label_and_its_reading_are_masked():
    found = _masked("Translate: '氏名 高橋直子（たかはし なおこ）　電話 090-1111-2222'", "NAME")
    assert "高橋直子" in found and "たかはし なおこ" in found
    assert "木村花" in _masked("Translate: '夫の木村健が予約しました。よろしくお願いします。木村花'", "NAME")


def test_a_relative_sharing_the_surname_in_that_script_is_masked():
    found = _masked("Translate: 'Це Ірина Бондар, мама. Софія Бондар, 6 років, кашляє.'", "NAME")
    assert "Софія Бондар" in found


def test_words_after_i_that_are_no_name_stay_readable():
    assert _masked("नमस्ते, मैं पुणे में एक क्लिनिक चलाता हूँ। क्या यह विज्ञापन ठीक है?") == []
    assert _masked("السلام عليكم، أنا طبيبة أسنان في جدة وأريد منشورا عن التنظيف.") == []
    assert _masked("Здравствуйте! Говорят, что за это штрафуют. Что делать?") == []


# --- the clinic's own business numbers ------------------------------------------------------------------------------


def test_the_clinics_own_business_numbers_stay_readable():
    assert _masked("Our EIN is 81-2746503, please add it to the receipt footer.") == []
    assert _masked("Footer: 'Seaview Physio Ltd, Company no. 08812345, sort code 20-45-77, account 40918273.'") == []
    assert _masked("Add to the invoice: GST/HST No. 71234 9876 RT0001.") == []
    assert _masked("Quotation footer: GSTIN 29AAGCS1234K1Z2, PAN AAGCS1234K.") == []


def test_a_patients_tax_or_account_number_stays_masked():
    assert "BQWPK4821M" in _masked("Patient Sunil Rao's PAN is BQWPK4821M for the tax receipt.")
    assert "330-58214" in _masked("Mr Hale says he was billed twice, account no. 330-58214.")


# --- places, prizes and projects named after people -----------------------------------------------------------------


def test_places_prizes_and_projects_named_after_people_stay_readable():
    assert _masked("Flyer: free checks at the Mary Seacole Museum and the Hatfield Branch Library on Saturday.") == []
    assert _masked("Post: our clinic was honoured by the Ada Lovelace Project this spring.") == []
    assert _masked("Directions: the bus stops outside the Sir Titus Salt building.") == []
    assert _masked("Post: 'Complimenti alla dottoressa, vincitrice del Premio Guido Fanconi 2025!'") == []
    assert _masked("Post: 'Siamo vicino all'Ospedale Maggiore Ettore Bellotti.'") == []


def test_a_patient_at_such_a_place_stays_masked():
    assert "Gwendolyn Price" in _masked("Patient Gwendolyn Price asked about the library talk, DOB 02/03/1950.", "NAME")


# --- a supplier's rep and the orders the clinic thanks its supplier for ---------------------------------------------


def test_a_suppliers_rep_and_a_thanked_order_stay_readable():
    assert (
        _masked(
            "Write a thank-you note to our Patterson Dental rep Marisol for the quick delivery of order #PD-4481920."
        )
        == []
    )
    assert _masked("Thank-you email to Coltene: order no. 7700123456 arrived today, say hi to their rep Anneke.") == []
    assert _masked("Draft a thank-you to Medline Ltd for order PO-77120, invoice INV 204551.") == []


def test_a_patients_invoice_stays_masked():
    assert "INV-55120" in _masked("Patient is asking why invoice INV-55120 was charged twice.")


# --- public speakers and authors ------------------------------------------------------------------------------------


def test_speakers_and_authors_stay_readable():
    assert _masked("Caption: our book club is reading 'Complications' by Atul Verhoeven this month.") == []
    assert (
        _masked("Summarise: 'Spine Day 2025. Speakers: Dr Hana Kolar (back pain), Prof. Ines Varga, Milo Brandt.'")
        == []
    )
    assert _masked("Post: 'Keynotes by Padma Shri Dr. Ravi Kanetkar and Dr. P. Iyengar.'") == []


def test_a_patient_at_a_talk_stays_masked():
    assert "Milo Brandt" in _masked("Patient Milo Brandt asked if the talk is free.", "NAME")


# --- medicines whose brand reads as a name --------------------------------------------------------------------------


def test_medicine_brands_that_read_as_names_stay_readable():
    assert _masked("Physio tip: 'No, Lyrica and Allegra won't fix a stiff neck. Movement will.'") == []
    assert _masked("Caption: 'Sneezing? Allegra and Aerius both work, ask us.'") == []


def test_a_patient_with_such_a_name_stays_masked():
    assert "Allegra Conti" in _masked("Allegra Conti, nata il 12/03/1980, chiede un appuntamento.", "NAME")


# --- names after cues in Polish, Czech, Finnish, Turkish, Tagalog ---------------------------------------------------


def test_names_after_cues_in_more_languages_are_masked():
    assert "Tomasz Lis" in _masked("Przetłumacz: 'Dzień dobry, tu Tomasz Lis. Proszę o termin.'", "NAME")
    assert "Kateřina Horáková" in _masked("Přelož: 'Píšu za paní Kateřina Horáková.'", "NAME")
    assert "Pekka Nieminen" in _masked("Käännä: 'Hei, mieheni Pekka Nieminen on kipeä.'", "NAME")
    assert "Selin" in _masked("Çevir: 'Merhaba, benim adım Selin, numaram 0532 111 2233.'", "NAME")
    assert "Jomar delos Reyes" in _masked("Translate: 'Magandang umaga, ako si Jomar delos Reyes.'", "NAME")
    assert "Bartek" in _masked("Przetłumacz: 'Proszę o kontakt. Pozdrawiam, Bartek'", "NAME")


# --- a date alone in a registration's field -------------------------------------------------------------------------


def test_a_date_in_a_registrations_field_is_masked():
    text = "Tidy this entry:\nNadia Ferreira\n0171 2233 445\n21.08.1987\nGartenweg 4, 79100 Freiburg"
    assert "21.08.1987" in _masked(text, "DATE_OF_BIRTH")
    assert "1983-05-30" in _masked(
        "Entry: 'Omar Haddad / 613-555-0190 / 1983-05-30 / 22 Bank St, Ottawa ON K1P 5N2'", "DATE_OF_BIRTH"
    )


def test_a_reviews_date_after_its_writer_stays_readable():
    text = "Reply to these reviews:\n\nPosted by Orla Brennan — Mar 3, 2025\nLovely staff."
    assert _masked(text, "DATE_OF_BIRTH") == []


# --- "our address" in a relative's letter ----------------------------------------------------------------------------


def test_our_address_in_a_relatives_letter_is_masked():
    text = (
        "Reply to this: 'I am writing about my mother, who was billed twice. Our address is 14 Elm Row, Hull HU5 2AB.'"
    )
    assert any("Elm Row" in s for s in _masked(text, "ADDRESS"))


def test_the_clinics_own_address_stays_readable():
    assert _masked("Put this on the flyer: our address is 14 Elm Row, Hull HU5 2AB.", "ADDRESS") == []
