"""Chunking guides by heading."""

from __future__ import annotations

from assistant.chunking import MAX_WORDS, chunk_guides, embedding_text, split_long
from tests.fakes import make_guide

BODY = """Intro paragraph that explains why this guide exists and who should read it before anything else.

## Reply within a day

Answer comments on weekdays within one working day; silence reads as indifference to patients.

## Templates

### Praise

Thank the person warmly without confirming they are a patient, and invite them back to the page.

### Complaints

Acknowledge the concern, say you cannot discuss anyone's care in public, and give a phone number.
"""


def test_each_heading_becomes_a_chunk_that_keeps_the_title_and_heading():
    chunks = chunk_guides([make_guide("replying", BODY, title="Replying to comments")])
    assert [c.heading for c in chunks] == [
        "Replying to comments",
        "Reply within a day",
        "Templates › Praise",
        "Templates › Complaints",
    ]
    assert all(c.title == "Replying to comments" for c in chunks)
    assert chunks[1].text.startswith("Answer comments on weekdays")
    assert "##" not in "".join(c.text for c in chunks)


def test_text_before_the_first_heading_is_its_own_chunk_headed_by_the_title():
    first = chunk_guides([make_guide("replying", BODY, title="Replying to comments")])[0]
    assert first.heading == "Replying to comments"
    assert first.text.startswith("Intro paragraph") and "Answer comments" not in first.text


def test_chunk_ids_number_the_chunks_and_carry_the_guide_metadata():
    guide = make_guide(
        "replying",
        BODY,
        category="conversations",
        platforms=("facebook",),
        specialties=("dentistry",),
        topics=("comments",),
    )
    chunks = chunk_guides([guide])
    assert [c.chunk_id for c in chunks] == [f"replying#{n}" for n in range(len(chunks))]
    assert {(c.doc_id, c.category, c.platforms, c.specialties, c.topics) for c in chunks} == {
        ("replying", "conversations", ("facebook",), ("dentistry",), ("comments",))
    }
    assert chunks[0].sources == ({"title": "Test source", "url": "https://example.org/source", "year": 2024},)


def test_a_long_section_is_split_on_paragraph_boundaries_below_the_word_limit():
    paragraphs = [f"Paragraph {n} " + " ".join(f"word{n}x{i}" for i in range(90)) for n in range(6)]
    body = "## Long section\n\n" + "\n\n".join(paragraphs)
    chunks = chunk_guides([make_guide("long", body)])
    assert len(chunks) >= 3
    assert all(len(c.text.split()) <= MAX_WORDS for c in chunks)
    assert all(c.heading == "Long section" for c in chunks)
    for c in chunks:  # no paragraph is cut in half
        assert all(p in paragraphs for p in c.text.split("\n\n"))


def test_a_single_paragraph_longer_than_the_limit_is_cut_into_pieces():
    pieces = split_long(" ".join(f"w{i}" for i in range(600)), max_words=250)
    assert [len(p.split()) for p in pieces] == [250, 250, 100]


def test_a_one_line_lead_in_joins_the_next_chunk_instead_of_standing_alone():
    body = "## Templates\n\nCopy these.\n\n### Praise\n\n" + "Thank the person warmly and invite them back. " * 3
    chunks = chunk_guides([make_guide("lead", body)])
    assert len(chunks) == 1
    assert chunks[0].heading == "Templates › Praise" and chunks[0].text.startswith("Copy these.")


def test_a_heading_inside_a_code_fence_does_not_start_a_chunk():
    body = (
        "## Example caption\n\nPaste this into the scheduler as it is, with the lines below.\n\n```\n"
        "## not a heading\nBook via the link in bio\n```\n"
    )
    chunks = chunk_guides([make_guide("fence", body)])
    assert [c.heading for c in chunks] == ["Example caption"]
    assert "## not a heading" in chunks[0].text


def test_content_hash_changes_only_for_the_edited_section_and_the_document_hash_follows():
    before = chunk_guides([make_guide("replying", BODY)])
    after = chunk_guides([make_guide("replying", BODY.replace("one working day", "two working days"))])
    changed = [a.chunk_id for a, b in zip(after, before, strict=True) if a.content_hash != b.content_hash]
    assert changed == ["replying#1"]
    assert {c.doc_hash for c in after} != {c.doc_hash for c in before}  # one hash per guide, and it follows
    again = chunk_guides([make_guide("replying", BODY)])
    assert [c.content_hash for c in again] == [c.content_hash for c in before]


def test_changing_guide_metadata_changes_the_document_hash():
    plain = chunk_guides([make_guide("g", BODY)])
    tagged = chunk_guides([make_guide("g", BODY, specialties=("dentistry",))])
    assert plain[0].doc_hash != tagged[0].doc_hash


def test_embedded_text_leads_with_the_title_and_heading():
    chunk = chunk_guides([make_guide("replying", BODY, title="Replying to comments")])[1]
    assert embedding_text(chunk).startswith("Replying to comments: Reply within a day\n\nAnswer comments")


def test_every_real_guide_splits_into_several_chunks_of_bounded_size(kb):
    chunks = chunk_guides(kb.guides)
    per_doc = {}
    for c in chunks:
        per_doc[c.doc_id] = per_doc.get(c.doc_id, 0) + 1
        assert 0 < len(c.text.split()) <= MAX_WORDS, c.chunk_id
    assert set(per_doc) == {g.id for g in kb.guides}
    assert min(per_doc.values()) >= 2
    assert len({c.chunk_id for c in chunks}) == len(chunks)
