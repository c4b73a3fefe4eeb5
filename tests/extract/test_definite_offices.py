"""A definite office noun with no state ("the foreign minister", "the ministry") refers back to the
one state's office named before with the same words; two candidate states or none leave it open."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import runner, triples

run = runner("definite-offices", "2024-03-14")


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile's foreign minister arrived in Lima on Monday. The foreign minister criticised Bolivia over the dispute.",
     ("country:CHL", "CRITICIZE", "country:BOL")),
    ("Poland's defence ministry said its jets had been scrambled. The ministry accused Belarus of provocations.",
     ("country:POL", "ACCUSE", "country:BLR")),
    ("The Moroccan interior ministry said on Friday it had tightened patrols. The ministry criticised Algeria.",
     ("country:MAR", "CRITICIZE", "country:DZA")),
])
def test_the_bare_office_takes_the_state_named_with_it_before(extractor: Extractor, text: str,
                                                               expected: tuple[str, str, str]) -> None:
    assert expected in triples(run(extractor, text))


@pytest.mark.parametrize("text", [
    # two states' foreign ministers named before: English leaves the reference open
    "Chile's foreign minister met Peru's foreign minister in Lima. The foreign minister criticised Bolivia.",
    # nothing named before
    "The foreign minister criticised Bolivia over the dispute.",
])
def test_the_bare_office_stays_open_without_one_antecedent(extractor: Extractor, text: str) -> None:
    assert not [t for t in triples(run(extractor, text)) if t[2] == "country:BOL"]


def test_another_office_named_before_is_no_antecedent_but_its_state_is_in_focus(extractor: Extractor) -> None:
    # "the foreign minister" is not the defence minister: it is the foreign minister of the state
    # the sentence before is about
    found = triples(run(extractor, "Chile's defence minister arrived in Lima on Monday. "
                                   "The foreign minister criticised Bolivia."))
    assert [t for t in found if t[2] == "country:BOL"] == [("country:CHL", "CRITICIZE", "country:BOL")]


def test_a_government_office_takes_the_state_subject_of_the_sentence_before(extractor: Extractor) -> None:
    found = triples(run(extractor, "Kenya said on Monday it would reopen the border with Somalia. "
                                   "The ministry accused Somalia of harbouring militants."))
    assert ("country:KEN", "ACCUSE", "country:SOM") in found
    unfocused = triples(run(extractor, "The talks in Geneva ended without a deal. "
                                       "The ministry accused Somalia of harbouring militants."))
    assert not [t for t in unfocused if t[1] == "ACCUSE"]


def test_the_dateline_fixes_a_government_office_when_its_state_is_the_only_one_in_play(extractor: Extractor) -> None:
    text = "LIMA (Reuters) - The interior ministry accused Peruvian opposition leaders of planning riots."
    assert ("country:PER", "ACCUSE", "group:per-opp") in triples(run(extractor, text))


@pytest.mark.parametrize("text", [
    # another state in the office's sentence
    "LIMA (Reuters) - The foreign ministry criticised Bolivia over the border closure.",
    # another state named before it
    "LIMA (Reuters) - Chile's army said it closed two crossings. The defence ministry accused Bolivia of smuggling.",
    "LIMA (Reuters) - Chile's army closed two crossings. The interior ministry accused Peruvian traders of smuggling.",
])
def test_the_dateline_leaves_the_office_open_when_another_state_is_in_play(extractor: Extractor, text: str) -> None:
    assert not [t for t in triples(run(extractor, text)) if t[0] == "country:PER"]
