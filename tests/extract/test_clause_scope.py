"""Where a governing clause's reach stops (``extract.clause_scope``)."""

from __future__ import annotations

import pytest

from extract.clause_scope import finite_conjunct_partner, is_completed_adverbial
from extract.pipeline import Extractor


def word(extractor: Extractor, sentence: str, text: str) -> tuple[str, ...]:
    doc = extractor.nlp(sentence)
    token = next(t for t in doc if t.text == text)
    partner = finite_conjunct_partner(token)
    return (partner.text,) if partner is not None else ()


def test_a_finite_verb_is_no_conjunct_of_an_infinitive(extractor: Extractor) -> None:
    assert word(extractor, "Peru refused to meet Chile and expelled its envoy.", "expelled") == ("refused",)
    assert word(extractor, "Peru met Chile and expelled its envoy.", "expelled") == ()  # two finite verbs
    assert word(extractor, "Peru refused to meet Chile and to recall its envoy.", "recall") == ()


@pytest.mark.parametrize(
    ("sentence", "verb", "completed"),
    [
        ("After Chile expelled the envoy, Peru vowed to retaliate.", "expelled", True),
        ("Peru will respond because Chile had expelled its envoy.", "expelled", True),
        ("Since Chile closed the border, trade has fallen.", "closed", True),
        ("Bolivia will protest once Chile expels the envoy.", "expels", False),  # present: not yet done
        ("Peru might retaliate if Chile expelled its envoy.", "expelled", False),  # a condition
        ("Peru left before Chile could expel its envoy.", "expel", False),  # a modal: not done
    ],
)
def test_a_completed_adverbial_clause(extractor: Extractor, sentence: str, verb: str, completed: bool) -> None:
    doc = extractor.nlp(sentence)
    token = next(t for t in doc if t.text == verb)
    assert is_completed_adverbial(token) is completed
