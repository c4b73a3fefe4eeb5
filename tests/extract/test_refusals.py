"""Phrasal verbs of refusing (extract/refusals.py): "ruled out talks with X", "turned down X's
offer" reject the party whose offer, request or proposal is refused, coded with the OEDA patterns
of "decline"; a refused act of the refuser's own names no other party."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import code_of, runner

run = runner("refusal", "2024-03-14")


def rejections(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    return {(e.subject.id, code_of(e), e.object.id, e.polarity.value)
            for e in run(extractor, text).events if code_of(e)[:2] == "12"}


def test_ruling_out_talks_rejects_a_meeting_with_the_other_side(extractor: Extractor) -> None:
    assert rejections(extractor, "Nepal ruled out talks with India.") == {
        ("country:NPL", "125", "country:IND", "affirmed")}


def test_turning_down_an_offer_rejects_the_party_that_made_it(extractor: Extractor) -> None:
    found = rejections(extractor, "Kenya turned down Somalia's offer of help.")
    assert {(s, o) for s, _, o, _ in found} == {("country:KEN", "country:SOM")}


def test_in_the_passive_the_by_agent_refuses(extractor: Extractor) -> None:
    found = rejections(extractor, "Ghana's request was turned down by Togo.")
    assert {(s, o) for s, _, o, _ in found} == {("country:TGO", "country:GHA")}


def test_a_negated_refusal_is_a_negated_rejection(extractor: Extractor) -> None:
    found = rejections(extractor, "Nepal has never ruled out talks with India.")
    assert {(s, o, p) for s, _, o, p in found} == {("country:NPL", "country:IND", "negated")}


def test_ruling_out_an_own_operation_rejects_no_place(extractor: Extractor) -> None:
    assert not rejections(extractor, "Turkey ruled out a military operation in Syria.")


def test_turning_down_a_thing_rejects_no_one(extractor: Extractor) -> None:
    assert not rejections(extractor, "The government turned down the volume of the radio.")


def test_refusing_to_accept_a_proposal_rejects_its_maker(extractor: Extractor) -> None:
    found = rejections(extractor, "Latvia refused to accept Belarus's proposal on the border.")
    assert {(s, o, p) for s, _, o, p in found} == {("country:LVA", "country:BLR", "affirmed")}


def test_saying_no_to_a_request_rejects_its_maker(extractor: Extractor) -> None:
    found = rejections(extractor, "Peru said no to Bolivia's request for access to the sea.")
    assert {(s, o) for s, _, o, _ in found} == {("country:PER", "country:BOL")}


def test_saying_no_to_people_is_no_rejection_of_a_state(extractor: Extractor) -> None:
    assert not rejections(extractor, "The minister said no to reporters.")



@pytest.mark.parametrize(("text", "refuser", "refused"), [
    ("Serbia refused to permit Kosovo officials to enter the country.", "SRB", "XKX"),
    ("Hungary refused to allow Ukrainian grain into its market.", "HUN", "UKR"),
    ("Egypt refused to let Sudanese trucks cross the border on Monday.", "EGY", "SDN"),
])
def test_refusing_to_let_a_party_act_rejects_that_party(
        extractor: Extractor, text: str, refuser: str, refused: str) -> None:
    found = rejections(extractor, text)
    assert {(subject, obj, polarity) for subject, _, obj, polarity in found} == {
        (f"country:{refuser}", f"country:{refused}", "affirmed")}, found
