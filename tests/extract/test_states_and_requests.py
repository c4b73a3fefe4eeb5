"""Standing states are not events; requests are coded as CAMEO codes them (sentences written here)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extract.evaluate import coded_cameo
from extract.pipeline import Extractor
from graph.model import DropReason, Modality
from tests.extract.extracting import runner, triples

run = runner("test", "2023-10-19")


@pytest.mark.parametrize(
    "text",
    [
        "China and Russia have close ties.",
        "Iran has long had close ties with Syria.",
        "Relations between India and Pakistan are tense.",
        "Ties between Japan and South Korea remain strong.",
        "Vietnam maintains good relations with Laos.",
    ],
)
def test_standing_relations_are_no_events(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    assert result.events == ()
    assert [(d.reason, d.detail) for d in result.drops] == [(DropReason.STANDING_STATE, "relation noun")]


def test_acts_on_relations_stay_events(extractor: Extractor) -> None:
    assert ("country:ISR", "DIPLOMATIC_COOPERATION", "country:ARE") in triples(
        run(extractor, "Israel and the United Arab Emirates established diplomatic relations.")
    )
    assert triples(run(extractor, "Turkey cut ties with Israel.")) == {
        ("country:TUR", "REDUCE_RELATIONS", "country:ISR")
    }
    assert triples(run(extractor, "Vietnam and China have had talks.")) == {("country:VNM", "MEET", "country:CHN")}


def test_an_act_asked_of_another_actor_is_the_appeal_only(extractor: Extractor) -> None:
    urged = run(extractor, "The United States urged Israel to withdraw from Gaza.")
    assert triples(urged) == {("country:USA", "APPEAL", "country:ISR")}
    assert any(d.relation == "WITHDRAW" and d.reason is DropReason.BLOCKED_BY_GOVERNOR for d in urged.drops)
    called = run(extractor, "The United Nations called on Israel to withdraw from Gaza.")
    assert triples(called) == {("org:un", "APPEAL", "country:ISR")}
    invited = run(extractor, "France invited Italy to visit Tunisia.")
    assert triples(invited) == {("country:FRA", "APPEAL", "country:ITA")}


def test_an_event_noun_in_the_act_asked_of_another_is_part_of_the_request(extractor: Extractor) -> None:
    urged = run(extractor, "France urged the EU to approve new sanctions against Iran.")
    assert triples(urged) == {("country:FRA", "APPEAL", "org:eu")}
    assert any(d.relation == "SANCTION" and d.reason is DropReason.BLOCKED_BY_GOVERNOR for d in urged.drops)
    # told, not asked: the sanctions are the EU's act
    approved = run(extractor, "The EU approved new sanctions against Iran.")
    assert triples(approved) == {("org:eu", "SANCTION", "country:IRN")}


def test_telling_another_actor_to_act_is_a_request_not_the_act(extractor: Extractor) -> None:
    told = run(extractor, "The EU told Serbia to recognise Kosovo.")
    assert not [e for e in told.events if e.relation.name == "RECOGNIZE"]
    assert any(d.relation == "RECOGNIZE" and d.reason is DropReason.BLOCKED_BY_GOVERNOR for d in told.drops)
    reported = run(extractor, "Germany told reporters that Serbia recognised Kosovo.")
    assert ("country:SRB", "RECOGNIZE", "country:XKX") in triples(reported)  # a that-clause reports speech


def test_an_act_the_subject_asks_for_is_its_appeal(extractor: Extractor) -> None:
    asked = run(extractor, "Chile asked to meet Bolivia.")
    assert triples(asked) == {("country:CHL", "APPEAL", "country:BOL")}
    event = asked.events[0]
    assert ("requested", "MEET") in event.attributes
    assert coded_cameo(event) == "020"


def test_offers_and_proposals_are_intents(extractor: Extractor) -> None:
    offered = run(extractor, "Germany offered aid to Ukraine.")
    assert {coded_cameo(e) for e in offered.events} == {"030"}
    proposed = run(extractor, "Japan proposed talks with China.")
    assert {coded_cameo(e) for e in proposed.events} == {"030"}


def test_an_intended_appeal_stays_an_appeal(extractor: Extractor) -> None:
    event = run(extractor, "The United States urged Israel to withdraw from Gaza.").events[0]
    assert coded_cameo(replace(event, modality=Modality.INTENDED)) == "020"
