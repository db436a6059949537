"""Classes of answers fixed after the thirty-fifth held-out set (eval/holdout35.jsonl), each with an invented example
that failed before the fix: a card written for the asker's country follows a draft at a lower confidence than a
general card, so a Brazilian dentist's caption is followed by the dental council's rules, not the general checklist."""

from __future__ import annotations

import pytest

from tests.test_answers import ask


@pytest.mark.slow
def test_a_card_for_the_askers_country_follows_a_draft_it_is_fairly_sure_of(indexed):
    answer = ask(
        indexed,
        "Oi! Sou dentista em Recife, vou postar um carrossel sobre clareamento (caseiro x consultório, quanto tempo"
        " dura). Me ajuda com uma legenda pro Instagram e umas hashtags? Nada apelativo, o CRO fiscaliza.",
        country="BR",
    )
    assert answer.drafts and answer.card_id.startswith("brazil-cfo-cfp-"), answer.card_id
