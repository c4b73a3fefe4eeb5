"""A state named as the setting of an act is not its doer (extract/setting_places.py).

Sentences written for these tests. Rules under test:
- when word order completes a clause without a subject, a state or capital after "in"/"at"/"near"
  is where things happen, not who condemned, demanded or attacked: no event from it;
- a state named before the verb in any other way is still found by word order.
"""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import runner, triples

run = runner("setting-places", "2024-06-10")


@pytest.mark.parametrize(("sentence", "setting"), [
    ("The statement, issued in Abu Dhabi, condemned the Indian incursion.", "country:ARE"),
    ("A declaration by the bloc, whose ministers gathered in Nairobi, criticised the Ugandan raids.", "country:KEN"),
    ("The communique, released at a summit in Doha, condemned the Israeli strike.", "country:QAT"),
])
def test_a_setting_is_not_the_subject_word_order_finds(extractor: Extractor, sentence: str, setting: str) -> None:
    found = triples(run(extractor, sentence))
    assert not any(subject == setting for subject, _, _ in found), found


def test_a_named_state_before_the_verb_still_acts(extractor: Extractor) -> None:
    found = triples(run(extractor, "Kenya, in a statement on Monday, condemned the Ugandan raids."))
    assert ("country:KEN", "CRITICIZE", "country:UGA") in found, found
