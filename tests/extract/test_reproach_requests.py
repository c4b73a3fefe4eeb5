"""A demand or appeal coordinated with the summons of an envoy, or with an act of reducing relations
with a state, is addressed to that state (extract/reproach_requests.py)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import Article
from tests.extract.extracting import code_of


def events(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    found = extractor.extract(Article("summons", text, None, "2024-05-02")).events
    return {(e.subject.id, code_of(e)[:2], e.object.id) for e in found}


@pytest.mark.parametrize(
    ("sentence", "expected", "reproach_root"),
    [
        # a summons (114, root 11)
        ("Kenya summoned Uganda's ambassador and demanded an apology.", ("country:KEN", "10", "country:UGA"), "11"),
        ("Peru summoned the Chilean envoy on Monday and demanded an explanation for the arrests.",
         ("country:PER", "10", "country:CHL"), "11"),
        # an act of reducing relations (16)
        ("Chile recalled its ambassador from Lima and demanded an explanation.", ("country:CHL", "10", "country:PER"),
         "16"),
        ("Kenya expelled two Ugandan diplomats and demanded an apology.", ("country:KEN", "10", "country:UGA"), "16"),
        ("Turkey suspended all trade with Israel and called for a ceasefire.", ("country:TUR", "02", "country:ISR"),
         "16"),
        # the request asks the holder for the prisoners: the state the sanctions press
        ("Britain imposed sanctions on Belarus and demanded the release of political prisoners.",
         ("country:GBR", "10", "country:BLR"), "16"),
    ],
)
def test_a_request_made_while_reproaching_a_state_goes_to_that_state(
    extractor: Extractor, sentence: str, expected: tuple[str, str, str], reproach_root: str,
) -> None:
    found = events(extractor, sentence)
    assert expected in found, found
    assert (expected[0], reproach_root, expected[2]) in found  # the reproach itself stays


def test_a_request_with_a_subject_of_its_own_is_not_the_summoning_state_s(extractor: Extractor) -> None:
    found = events(extractor, "Kenya summoned the Ugandan envoy, and Tanzania demanded an apology.")
    assert not any(root == "10" for _, root, _ in found), found


def test_a_demand_without_a_summons_takes_no_addressee_from_another_verb(extractor: Extractor) -> None:
    found = events(extractor, "Kenya criticised Uganda's ambassador and demanded an apology.")
    assert not any(root == "10" for _, root, _ in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile called Peru's decision illegitimate and demanded an explanation.",  # "call" as criticism (111)
        "Chile called the Peruvian president a liar and demanded an apology.",
    ],
)
def test_call_in_another_sense_than_summoning_summons_no_one(extractor: Extractor, sentence: str) -> None:
    found = events(extractor, sentence)
    # the criticism is read (of Peru, or of its president on that date, Dina Boluarte)
    assert found & {("country:CHL", "11", "country:PER"), ("country:CHL", "11", "person:dina-boluarte")}, found
    assert not any(root == "10" for _, root, _ in found), found


def test_calling_in_an_envoy_is_a_summons(extractor: Extractor) -> None:
    found = events(extractor, "Poland called in the Belarusian envoy and demanded an apology.")
    assert ("country:POL", "10", "country:BLR") in found, found


def test_a_request_beside_a_reported_summons_goes_to_the_envoy_s_state(extractor: Extractor) -> None:
    # the parser hangs "demanded" on "said": the request still comes with the summons it reports
    found = events(extractor, "Spain said it had summoned the Argentine ambassador and demanded an apology.")
    assert ("country:ESP", "10", "country:ARG") in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Spain said it had recalled its ambassador from Caracas, and Italy demanded an explanation.",
        "Kenya expelled two Ugandan diplomats, and Tanzania called for calm.",
    ],
)
def test_a_request_of_another_subject_takes_no_addressee_from_the_act(extractor: Extractor, sentence: str) -> None:
    found = events(extractor, sentence)
    assert not any(root in ("02", "10") for _, root, _ in found), found
