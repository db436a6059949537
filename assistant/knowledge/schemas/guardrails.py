"""Schema of knowledge/data/guardrails.yaml: the words behind patient-data masking, scope and injection checks."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..base import Regex, Strict
from ..models import Source


class NationalId(Strict):
    """One national identifier: its shape, the words that announce it, and the check a bare number must pass."""

    name: str = Field(min_length=3)
    countries: tuple[str, ...] = Field(min_length=1)
    shape: Regex
    cues: tuple[Regex, ...] = Field(min_length=1)
    check: Literal[
        "none", "ssn", "luhn", "verhoeff", "nhs", "steuer_id", "medicare_au", "kvnr", "pan", "nino", "tfn"
    ] = "none"
    bare: bool = False  # also masked with no cue word, when the shape matches and the check passes


class PhiTerms(Strict):
    name_cues: tuple[Regex, ...] = Field(min_length=1)
    # A firm's tax or registration number or a prescriber's provider number: the number after it is no patient's.
    business_number_labels: tuple[Regex, ...] = ()
    patient_words: Regex = "(?!)"  # the people a clinic serves: "patients", "clients", "pts", "pazienti"
    # A form's label for the patient's name at a line's start ("Pt:", "Pz:", "Paziente:"): the name after its colon.
    form_name_labels: Regex = "(?!)"
    surname_field_labels: Regex = "(?!)"  # a form's label for the surname alone: "Surname:", "Cognome:"
    given_field_labels: Regex = "(?!)"  # a form's label for the given names alone: "Given names:", "Vorname"
    initials_cues: tuple[Regex, ...] = Field(min_length=1)
    greeting_cues: tuple[Regex, ...] = Field(min_length=1)
    # A photo or a video of someone ("foto di Leonardo"): a listed given name after it, not a place or a public figure.
    photo_of_cues: tuple[Regex, ...] = ()
    acting_cues: tuple[Regex, ...] = ()  # after a given name: "Travis says", "Siobhan rang"
    family_after_possessive: tuple[Regex, ...] = ()  # after a possessive name: "Lupe's mom"
    staff_before: tuple[Regex, ...] = ()  # a colleague's role by a first name: "our hygienist Priya"
    place_before: tuple[str, ...] = ()  # words before a place that is also a first name: "in Sydney", "a Roma"
    place_after: tuple[str, ...] = ()  # words after a listed city that make it a place: "Sydney cosmetic surgeon"
    care_after_possessive: tuple[Regex, ...] = ()  # care after a possessive given name: "Ruby's eczema"
    honorifics_after: tuple[str, ...] = ()  # a courtesy word after a name: "Priyanka ji", "gurpreet bhai"
    lower_titles: tuple[str, ...] = ()  # titles written in lower case before a listed surname: "mrs haworth"
    # A writer speaking of themselves or their own ("my", "i'm", "meine"): a pasted thread's line that opens with a
    # handle and gives a patient's data in these words was written by the patient or a relative (handles.py).
    first_person: Regex = "(?!)"
    # A social network's profile link before the handle it ends in ("instagram.com/", "linkedin.com/in/").
    profile_link: Regex = "(?!)"
    # A full name given in lower case in a transcript ("hi this is <given> <surname> calling"): the cues before it and
    # the words that end it (spoken_names.py).
    spoken_name_cues: tuple[Regex, ...] = ()
    spoken_name_ends: tuple[str, ...] = ()
    titles: tuple[str, ...] = Field(min_length=1)
    not_names: tuple[str, ...] = ()
    eponyms: tuple[str, ...] = ()
    street_types: tuple[str, ...] = Field(min_length=1)
    street_prefixes: tuple[str, ...] = Field(min_length=1)
    national_ids: tuple[NationalId, ...] = Field(min_length=1)
    # Labels of other numbers ("ticket", "order no."): right before a number a few words after an ID's cue, they say
    # it is not the ID, unless it passes the ID's check.
    other_number_labels: tuple[Regex, ...] = ()
    bank_account: Regex = "(?!)"  # an IBAN: its groups of digits are no national number
    # A letter of a script other than Latin ("Олена", "陈慧玲"): a name written beside its Latin spelling.
    other_script_letter: Regex = "(?!)"
    # A relative's word in another script before a name written in it ("माँ", "वडील"), and the small words after a
    # name that end it ("की", "यांना"): other_scripts.py.
    other_script_relatives: Regex = "(?!)"
    other_script_name_ends: Regex = "(?!)"
    # A label or relative's word in Japanese or Chinese before a name in ideographs ("氏名", "妻の"): these scripts
    # leave no space after a name, so the name is the run of ideographs after the word (other_scripts.py).
    other_script_ideograph_cues: Regex = "(?!)"
    # "I" introducing a message's writer in another script ("أنا", "मैं"), and what may follow that name: the end of
    # its clause (a comma, a full stop, "हूँ").
    other_script_self_intros: Regex = "(?!)"
    other_script_clause_ends: Regex = "(?!)"
    # The small word inside a name that joins its parts ("بن", son of): it may not open or end a name.
    other_script_name_joiners: Regex = "(?!)"


class ScopeTerms(Strict):
    emergency: tuple[Regex, ...] = Field(min_length=1)
    individual_medical: tuple[Regex, ...] = Field(min_length=1)
    communication: tuple[Regex, ...] = Field(min_length=1)


class InjectionTerms(Strict):
    patterns: tuple[Regex, ...] = Field(min_length=1)


class EmergencyNumber(Strict):
    number: str = Field(pattern=r"^\d{2,5}$")  # "10177", South Africa's ambulance
    crisis: str = ""


class EmergencyTerms(Strict):
    numbers: dict[str, EmergencyNumber]
    eu_members: tuple[str, ...]
    sources: tuple[Source, ...] = Field(min_length=1)


class NormaliseTerms(Strict):
    confusables: dict[str, str]
    number_words: dict[str, int] = Field(min_length=1)
    scales: dict[str, int] = Field(min_length=1)

    @model_validator(mode="after")
    def _single_letters(self) -> NormaliseTerms:
        bad = [k for k, v in self.confusables.items() if len(k) != 1 or len(v) != 1 or not v.isascii()]
        if bad:
            raise ValueError(f"confusables map one letter to one ASCII letter; check {bad}")
        return self


class PlantedTerms(Strict):
    promotion: tuple[Regex, ...] = Field(min_length=1)
    instruction: tuple[Regex, ...] = Field(min_length=1)
    warnings: tuple[Regex, ...] = Field(min_length=1)


class GuardrailData(Strict):
    phi: PhiTerms
    normalise: NormaliseTerms
    planted: PlantedTerms
    scope: ScopeTerms
    injection: InjectionTerms
    emergency: EmergencyTerms


# --- knowledge/data/patient_data.yaml: identifiers other than names and national numbers ---------------


class AddressTerms(Strict):
    unit_words: tuple[str, ...] = Field(min_length=1)
    unit_codes: tuple[Regex, ...] = ()  # a flat written as a code before the rest of the address ("B-204, ...")
    cues: tuple[Regex, ...] = Field(min_length=1)
    own_cues: tuple[Regex, ...] = ()  # the clinic giving its own address: "our office is at ..."
    # A patient's relative writing for the family ("my father", "I am her daughter"): "our address" is then theirs.
    family_writer: Regex = "(?!)"
    event_cues: tuple[Regex, ...] = ()  # the clinic at a public event: "we'll be at the health expo, <venue>"
    own_mail_header: tuple[Regex, ...] = ()  # "To:" of a forwarded e-mail: a role mailbox there is the clinic's
    own_mailboxes: tuple[str, ...] = ()  # role mailboxes ("info", "hello", "reception"), never a person's
    regions: tuple[str, ...] = Field(min_length=1)
    postcodes: tuple[Regex, ...] = Field(min_length=1)
    region_postcodes: tuple[Regex, ...] = ()
    postcode_before_town: Regex
    standalone_postcodes: tuple[Regex, ...] = ()
    year_words: tuple[str, ...] = ()
    # Street words that are also everyday place words ("Mount", "Hill"): a street only before a comma and a town.
    street_types_before_town: tuple[str, ...] = ()
    # A street word that is the whole street's name after a house number ("3/14 Esplanade, <town>").
    lone_street_names: tuple[str, ...] = ()
    # Lower-case words that may follow the town after a street ("..., <town> for Mrs ...", "..., <town> next Wed").
    town_then_words: tuple[str, ...] = ()
    # A person's street with no house number: right after their name ("<name> of <street>") or after their home.
    street_after_name: Regex = "(?!)"
    home_street_before: Regex = "(?!)"
    # An address read out in a dictation ("lives at fourteen calder road headingley leeds ..."): the words for a house
    # number beyond the digits (spoken_digits), German street endings, and the lower-case words its tail may hold.
    spoken_numbers: tuple[str, ...] = ()
    spoken_street_endings: tuple[str, ...] = ()
    spoken_tail_words: tuple[str, ...] = ()
    spoken_town_before: tuple[str, ...] = ()  # "in" before the town said last: the address ends after the town


class RecordTerms(Strict):
    cues: tuple[Regex, ...] = Field(min_length=1)
    weak_cues: tuple[Regex, ...] = ()
    gap_words: tuple[str, ...] = ()
    value: Regex
    min_digits: int = Field(ge=1, le=10)
    weak_min_digits: int = Field(ge=1, le=12)
    bare_code: Regex | None = None
    bare_code_not_prefixes: tuple[str, ...] = ()
    not_record_labels: Regex | None = None  # a ticket's or a job card's label: the code after it is no record's
    # A number with no label, in a message about a patient ("4471923 needs a recall"); see records.py.
    unlabelled_min_digits: int = Field(default=5, ge=4, le=12)
    unlabelled_max_digits: int = Field(default=12, ge=5, le=16)
    patient_context: tuple[Regex, ...] = ()  # words that show a message is about a patient ("recall", "chart")
    quantity_before: tuple[Regex, ...] = ()  # words before a number that make it an amount ("over", "$")
    quantity_after: tuple[Regex, ...] = ()  # words after a number that make it an amount ("followers", "steps")
    # After a labelled number: the supplier that sent it or its delivery ("invoice 2291 from <company>"): the clinic's
    # own purchase, no patient's number.
    supplier_cues: tuple[Regex, ...] = ()  # the labels of a purchase: invoice, order
    supplier_after: Regex | None = None
    supplier_before: Regex | None = None  # the supplier's company right before the label: "<firm> Ltd, Invoice No."
    # A thanks for a delivery or an order, up to a purchase's label: "thank-you to <firm> for order PO-5581".
    supplier_thanks: Regex | None = None


class BirthTerms(Strict):
    cues: tuple[Regex, ...] = Field(min_length=1)
    cues_after: tuple[Regex, ...] = ()  # written after the date: "03/14/1987 (DOB)"
    month_year_cues: tuple[Regex, ...] = ()  # before a month and year alone: "geb. 11/2020"
    year_cues: tuple[Regex, ...] = ()  # before a year of birth alone: "(born 1939)", "Year of Birth: 1988"
    months: tuple[str, ...] = Field(min_length=12)
    weekdays: tuple[str, ...] = ()  # "Thu Mar 6" in a calendar: a date, not a name
    spoken_days: tuple[Regex, ...] = ()  # "the third of march", "am achten September"
    spoken_years: tuple[Regex, ...] = ()  # "fifty two", "neunzehnhundertvierzig"
    # A year read out with its century ("nineteen forty eight", "zweitausendzehn"): alone after a year cue too.
    spoken_full_years: tuple[Regex, ...] = ()
    spoken_months: tuple[Regex, ...] = ()  # a month read out by its number: "the fourth of the seventh"
    # A birthday celebrated by the team is a colleague's: the birthday cues, and a request for a team post.
    birthday_cues: tuple[Regex, ...] = ()
    team_post: Regex | None = None
    # The clinic's own birthday ("our 10th birthday on 1 September"): words right before a birthday cue.
    own_birthday_before: Regex | None = None


class PhoneTerms(Strict):
    regions: tuple[str, ...] = Field(min_length=1)
    cues: tuple[Regex, ...] = Field(min_length=1)
    extensions: tuple[Regex, ...] = ()  # an extension after a number: "ext 417", "x 22", "Durchwahl 12"
    # A number read out digit by digit (a voicemail's transcript): each language's words for the digits 0-9, in order,
    # and the words that repeat the next digit ("double oh" is two): {2: [double], 3: [triple]}.
    spoken_digits: dict[str, tuple[str, ...]] = {}  # "zero|oh|nought": the spellings of one digit
    spoken_repeats: dict[int, tuple[Regex, ...]] = {}
    # An identifier read out after one of these labels, letters among its digits, these words between its groups.
    spoken_id_labels: tuple[Regex, ...] = ()
    spoken_id_separators: tuple[str, ...] = ()
    spoken_plus: tuple[str, ...] = ()  # "plus" before a number read out with its country code
    toll_free: Regex | None = None  # a business's free or shared-cost number, matched on its digits alone
    # A fax number's label, and the labels of the office lines beside it on a letterhead's line ("Tel ... Fax ...").
    fax_labels: tuple[Regex, ...] = ()
    office_line_labels: tuple[Regex, ...] = ()

    @model_validator(mode="after")
    def _known_regions(self) -> PhoneTerms:
        bad = [r for r in self.regions if len(r) != 2 or not r.isupper()]
        if bad:
            raise ValueError(f"phone regions are two-letter country codes such as GB; check {bad}")
        short = [lang for lang, digits in self.spoken_digits.items() if len(digits) != 10]
        if short:
            raise ValueError(f"spoken_digits needs the words for 0 to 9, in order; check {short}")
        return self


class TableTerms(Strict):
    """Column names of a pasted export ("last,first,dob"): the cells under them are patient data."""

    name_columns: tuple[str, ...] = Field(min_length=1)
    # A cell that is no patient's: a clinician's own row, a role in brackets, a free or blocked slot (see the file).
    not_patient_cell: Regex | None = None
    birth_columns: tuple[str, ...] = Field(min_length=1)
    record_columns: tuple[str, ...] = Field(min_length=1)
    national_id_columns: tuple[str, ...] = ()
    phone_columns: tuple[str, ...] = ()  # a patient's phone, in a table that has a name, birth or record column
    address_columns: tuple[str, ...] = ()  # a patient's address and its parts, under the same condition
    other_columns: tuple[str, ...] = ()  # columns that are no patient data ("time", "type"): a header holds them too
    # A JSON payload's fields (a booking system's webhook): a name column that names anyone ("name") counts only
    # inside an object for a patient (`json_patient_objects`); the other name and birth-date columns count anywhere.
    json_generic_name_keys: tuple[str, ...] = ()
    json_generic_record_keys: tuple[str, ...] = ()
    json_patient_objects: tuple[str, ...] = ()
    # Fields of a JSON payload that number the booking or the message, not the patient ("booking_id").
    json_not_record_keys: tuple[str, ...] = ()


class VcardTerms(Strict):
    """A contact card's properties that hold a person's name, address and birthday ("N", "ADR", "BDAY")."""

    name_properties: tuple[str, ...] = ()
    address_properties: tuple[str, ...] = ()
    birth_properties: tuple[str, ...] = ()


class OcrTerms(Strict):
    """The look-alikes an OCR engine confuses: letters read for digits in a number, digits read for letters in a
    word; how many misread words make a message a scan read by OCR."""

    as_digits: dict[str, str] = {}
    as_capitals: dict[str, str] = {}
    as_small: dict[str, str] = {}
    min_tokens: int = Field(default=3, ge=1)

    @model_validator(mode="after")
    def _single_characters(self) -> OcrTerms:
        pairs = [*self.as_digits.items(), *self.as_capitals.items(), *self.as_small.items()]
        bad = [f"{k}: {v}" for k, v in pairs if len(k) != 1 or len(v) != 1]
        if bad:
            raise ValueError(f"OCR look-alikes map one character to one character; check {bad}")
        return self


class PatientData(Strict):
    addresses: AddressTerms
    records: RecordTerms
    births: BirthTerms
    phones: PhoneTerms
    tables: TableTerms
    vcard: VcardTerms = VcardTerms()
    ocr: OcrTerms = OcrTerms()


# --- knowledge/data/person_names.yaml: the name lists behind name detection ---------------------------


class NameList(Strict):
    file: str = Field(pattern=r"^names/[a-z_]+\.txt$")
    title: str = Field(min_length=10)
    url: str = Field(pattern=r"^https://")
    licence: str = Field(min_length=5)
    note: str = ""


class ModelFile(Strict):
    path: str = Field(pattern=r"^ner/[a-z_]+/[a-z0-9_/]+\.(?:json|onnx)$")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class NameModel(Strict):
    """A named-entity model shipped in the repository, run offline; its files are checked against their hashes."""

    title: str = Field(min_length=10)
    url: str = Field(pattern=r"^https://")
    licence: str = Field(min_length=5)
    note: str = ""
    files: dict[Literal["model", "tokenizer", "config"], ModelFile]
    name_labels: tuple[str, ...] = Field(min_length=1)  # the model's labels that mark part of a person's name
    threshold: float = Field(gt=0, lt=1)  # least confidence for a word to count as part of a name


class NameContext(Strict):
    """Words around a name that show who it is (assistant/guardrails/name_context.py); "{role}" stands for the
    colleagues' roles of guardrails.yaml (phi.staff_before)."""

    staff_after_name: tuple[Regex, ...] = Field(min_length=1)
    staff_before_name: tuple[Regex, ...] = Field(min_length=1)
    staff_sentence: tuple[Regex, ...] = Field(min_length=1)
    news_before_name: tuple[Regex, ...] = Field(min_length=1)
    news_after_name: tuple[Regex, ...] = Field(min_length=1)
    news_sentence: tuple[Regex, ...] = Field(min_length=1)
    place_after_name: tuple[Regex, ...] = Field(min_length=1)
    clinician_after_name: tuple[Regex, ...] = Field(min_length=1)
    clinician_before_name: tuple[Regex, ...] = Field(min_length=1)
    # "Her name is" after the message introduces a new colleague: that colleague's name (see the data file).
    staff_name_cue: Regex | None = None
    # The start of the sentence after an introduction that says who the person is ("She's our new ...").
    staff_next_sentence: Regex | None = None
    new_staff_before: Regex | None = None
    # A name made up for an example, in quotes after "fictional", "made-up" (see the data file).
    made_up_before_name: Regex | None = None
    pet_before_name: Regex | None = None  # an animal's word and "called": the name is a pet's
    # A clinician's degrees after a name and a comma ("Rajiv Menon, DDS, MD"): a signature, not a patient.
    postnominals_after_name: Regex | None = None
    # A school named after a person ("Scuola ... Don <name>") and a saint's word before a name ("St. <name>'s").
    institution_before_name: Regex | None = None
    saint_before_name: Regex | None = None
    # A school's or a nursery's official named by the job after or before the name ("<name>, Principal").
    signer_role_after: Regex | None = None
    signer_role_before: Regex | None = None
    person_in_brackets: Regex
    # In brackets after a name: a child named by its parent or a pupil ("Kalle (Sohn von Frau Oguz)"), whatever word.
    person_in_brackets_strong: Regex | None = None
    group_after_from: Regex
    introduced_before: Regex
    # A greeting before the introduction: a lower-case word the lists do not know is a name after it ("hey its bec,").
    greeted_before: Regex | None = None
    introduced_after: Regex
    # "I'm <name> from the desk": a writer of the clinic's own (see the data file).
    self_introduced_staff: Regex | None = None
    # Before a name in capitals that introduces its writer ("THIS IS BEV ...", "SMS from MAUREEN ...").
    shouted_name_before: Regex | None = None
    reviewer_before: Regex
    person_actions: Regex
    pair_verbs: Regex
    relative_before_name: Regex
    from_place_actions: Regex
    modal_names: tuple[str, ...] = ()
    # After a doctor's title: a sentence that shows a public doctor (media, an audience), not a patient.
    public_doctor_sentence: tuple[Regex, ...] = ()
    doctor_titles: tuple[str, ...] = ()
    letter_closing: Regex | None = None
    colleague_letter: Regex | None = None  # a referral between clinicians: its doctor signing is no patient
    # The small words of a line in Title Case ("Bring Joy To Your Smile"), compared in lower case.
    title_case_glue: tuple[str, ...] = ()
    # Words that name an office or a department ("Leitung", "Ufficio"), compared in lower case.
    office_words: tuple[str, ...] = ()
    # What a patient writes or leaves: a name from another practice in such a sentence may be a patient's.
    patient_writes: Regex | None = None
    # Right after a name: an appointment time ("Ivy 1pm"), or an age in brackets ("anvi (6 yrs)"): a patient.
    time_after_name: Regex | None = None
    age_in_brackets: Regex | None = None
    # Given names written short with a full stop ("Mohd. Irfan"): the next capitalised word is a name.
    given_name_abbreviations: tuple[str, ...] = ()
    # A family named by its surname ("the Lindqvist family", "Familie Brandt", "familie petersen"): group s, t or u.
    surname_of_family: Regex | None = None
    syllable_prefixes_not_names: tuple[str, ...] = ()
    # Labels at the start of a chat log's lines that are not a person's name ("Us:", "Reception:", "Subject:").
    speakers_not_names: tuple[str, ...] = ()
    # A form's labels for a patient's name, birth date, identity number or address: a message with one of them at a
    # line's start is a form, and its other labels are fields, not people writing in a chat.
    form_field_labels: Regex | None = None
    # Where an initial and a surname are a patient in a schedule or a list ("8:40 S. Abdi", "for T. Nguyen").
    initials_list_before: Regex | None = None
    # Words that go before a nickname and are part of it ("Big Ray", "little Benny"), in lower case.
    nickname_words_before: tuple[str, ...] = ()
    # Words for a parent's children before the brackets that name them ("my two kids (<given> and <given>)").
    children_before_brackets: Regex | None = None
    # Before the author of a saying: a word for a quote, the saying in quotes, a dash (see the data file).
    quote_author_before: Regex | None = None
    # A saying's line in a list of quotes after a heading that offers them (see the data file).
    quote_list_line: Regex | None = None
    quote_list_heading: Regex | None = None
    quote_list_not_after: Regex | None = None
    # A study's authors cited in a post ("Villa, Connell and Abati (2015)", "Pereira Gray et al."): a name inside
    # a match of one of these is a researcher's, not a patient's.
    cited_authors: tuple[Regex, ...] = ()
    # A colleague's role right before a name in a staff rota's row ("Reception:", "Hygiene:", "NP", "Sister").
    rota_roles: Regex | None = None
    # A clinician's post written as a title before a full name ("NP <name>", "RN <name>"), matched as written.
    # Anonymised notes: the cue, and the words before a given name at a bullet's start (guardrails/notes.py).
    anonymise_cue: Regex | None = None
    notes_name_before: Regex | None = None
    # A clinician's jotted note typed up for the team (guardrails/jotted.py): the cue that the message holds one, the
    # words before a lower-case given name that call the person, and what follows one at a clause's start.
    jotted_note_cue: Regex | None = None
    jotted_call_before: Regex | None = None
    jotted_after: Regex | None = None
    # A clinician's own notes in bullets or timed lines ("notes from today", "handover", "appunti"): the cue.
    bullet_note_cue: Regex | None = None
    # Which of two people a call was about, in a staff chat (guardrails/alternatives.py).
    alternative_which: Regex | None = None
    alternative_or: Regex | None = None
    alternative_relative: Regex | None = None
    award_after_name: Regex | None = None  # after an award's title: " of the Year"
    clinician_role_titles: tuple[str, ...] = ()
    # A clinic's job in words before a full name ("dental nurse <name>", "hygienists <name> and <name>").
    colleague_role_before: Regex | None = None
    # A message that says it is a supplier's e-mail, and the sales roles its contacts sign with (see the data file).
    supplier_cue: Regex | None = None
    sales_roles: Regex | None = None
    # A business's word that ends a firm's name after a person's name and "from" ("<given> from <firm> Pharma").
    firm_last_word: Regex | None = None
    # A team meeting's minutes named, and the labels of their attendance lines ("Present:", "Presenti:").
    minutes_cue: Regex | None = None
    # An invoice named, and the words that make a message about one a patient's (see the data file).
    invoice_cue: Regex | None = None
    # A privacy notice's controller and data protection officer, as its labels name them.
    privacy_officers: Regex | None = None
    # A list of organisations: sponsors, partners, accepted insurers, and supporters thanked (see the data file).
    organisation_list_cue: Regex | None = None
    organisation_thanks: Regex | None = None
    organisation_thanks_after: Regex | None = None
    recipe_cue: Regex | None = None  # a recipe pasted for a post
    ingredient_quantity: Regex | None = None  # "200 g", "2 tsp", "serves 4"
    kitchen_measure: Regex | None = None  # "1 tbsp", "1 cup": two such lines are a recipe with no word for one
    recipe_bullet: Regex | None = None  # the bullet that opens an ingredient list's line
    contact_roles: Regex | None = None  # a non-patient's role as a label: "rep:", "Head coach:"
    not_a_purchase: Regex | None = None
    attendance_labels: Regex | None = None


class PersonNames(Strict):
    lists: dict[Literal["given_names", "more_given_names", "surnames"], NameList]
    extra_given_names: tuple[str, ...] = ()
    common_words: tuple[str, ...] = ()
    function_words: tuple[str, ...] = ()
    not_surnames: tuple[str, ...] = ()
    name_particles: tuple[str, ...] = ()
    name_links: tuple[str, ...] = ()  # "bin", "al-": a found name runs on across them to a capitalised word
    public_figures: tuple[str, ...] = ()
    not_person_after: tuple[str, ...] = ()
    not_person_first: tuple[str, ...] = ()
    language_after: tuple[str, ...] = ()  # "interpreter": the word before it is a language ("Somali interpreter")
    named_things: tuple[str, ...] = ()  # names of schemes and programmes that read as a person's name
    makers: tuple[str, ...] = ()  # product makers and brands: a name starting with or after one is a product
    name_model: NameModel
    name_context: NameContext | None = None

    @model_validator(mode="after")
    def _full_names(self) -> PersonNames:
        short = [n for n in self.public_figures if len(n.split()) < 2]
        if short:
            raise ValueError(f"public figures are full names of two words or more; check {short[:3]}")
        return self


class NameScorerWeights(Strict):
    """knowledge/data/name_scorer.yaml: weights of the learned name decision (assistant/guardrails/name_scorer.py),
    a two-stage logistic regression, and where they came from (made by eval/train_name_scorer.py)."""

    made: str = Field(min_length=10)  # when and by what command
    training_data: tuple[str, ...] = Field(min_length=1)
    features: tuple[str, ...] = Field(min_length=1)  # named features, in the order of the weights
    model_features: tuple[str, ...] = Field(min_length=1)  # the name model's, after the hashed ones
    hash_buckets: int = Field(ge=1, le=4096)  # hashed word before, then hashed word after
    cheap_weights: tuple[float, ...]  # the first stage: named and hashed features, no name model
    cheap_threshold: float = Field(gt=0, lt=1)
    weights: tuple[float, ...]  # the second stage: named, hashed and model features
    threshold: float = Field(gt=0, lt=1)

    @model_validator(mode="after")
    def _sizes(self) -> NameScorerWeights:
        cheap = len(self.features) + 2 * self.hash_buckets
        if len(self.cheap_weights) != cheap or len(self.weights) != cheap + len(self.model_features):
            raise ValueError(
                f"expected {cheap} first-stage and {cheap + len(self.model_features)} second-stage weights;"
                " rebuild with python -m eval.train_name_scorer --write"
            )
        return self
