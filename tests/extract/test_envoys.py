"""Diplomatic acts done through envoys and missions (extract/envoys.py): expelling another state's
envoys, recalling one's own, summoning another state's, and protests at a named state's embassy."""

from __future__ import annotations

import pytest

from extract.envoys import is_envoy
from extract.patterns import Context
from extract.pipeline import Extractor
from graph.model import DropReason, Extraction
from tests.extract.extracting import runner, triples

DATE = "2024-03-11"


run = runner("envoys-test", DATE)


def codes(extraction: Extraction) -> set[str]:
    return {e.relation.cameo for e in extraction.events}


# -- envoy nouns --------------------------------------------------------------------------------
def test_envoy_nouns_come_from_the_lexicon_including_multiword_ones(extractor: Extractor) -> None:
    ctx = Context(extractor.knowledge.ontology, extractor.knowledge.lexicon, {}, extractor.knowledge.reporter_acts)
    doc = extractor.nlp("The ambassador, two diplomats, the high commissioner and the minister met the consul.")
    found = {t.text for t in doc if is_envoy(t, ctx)}
    assert found == {"ambassador", "diplomats", "commissioner", "consul"}


# -- expulsion ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, subject, expelled", [
    ("Chad ordered the Sudanese ambassador to leave the country within 48 hours.", "country:TCD", "country:SDN"),
    ("Bolivia gave the Peruvian envoy 72 hours to leave.", "country:BOL", "country:PER"),
    ("Ecuador asked the Mexican ambassador to leave.", "country:ECU", "country:MEX"),
    ("Algeria declared two French diplomats persona non grata.", "country:DZA", "country:FRA"),
    # the parser reads the person and the predicate as one noun phrase in these
    ("Peru declared Mexico's ambassador persona non grata on Tuesday.", "country:PER", "country:MEX"),
    ("Moldova declared a Russian diplomat persona non grata.", "country:MDA", "country:RUS"),
    ("Poland declared the Belarusian consul persona non grata on Friday.", "country:POL", "country:BLR"),
    ("Chad ordered French troops to leave the country.", "country:TCD", "group:fra-mil"),
    # kept out of the country: an envoy away from his post told not to come back
    ("Chad told the Sudanese ambassador, who was visiting Khartoum, not to return.", "country:TCD", "country:SDN"),
])
def test_an_order_or_deadline_to_leave_expels_the_envoys_state(extractor: Extractor, text: str, subject: str,
                                                                  expelled: str) -> None:
    result = run(extractor, text)
    # the expulsion only: no appeal ("asked"), no aid ("gave") beside it
    assert triples(result) == {(subject, "EXPEL", expelled)}, text
    assert codes(result) == {"166"}, text


def test_a_negated_or_requested_expulsion_is_qualified_as_such(extractor: Extractor) -> None:
    negated = run(extractor, "Chad did not order the Sudanese ambassador to leave.")
    assert [(e.relation.name, e.polarity.value) for e in negated.events] == [("EXPEL", "negated")]
    requested = run(extractor, "The African Union urged Chad to order the Sudanese ambassador to leave.")
    assert "EXPEL" not in {e.relation.name for e in requested.events}  # the appeal is the event


def test_the_verb_the_expulsion_replaces_is_dropped_as_part_of_it(extractor: Extractor) -> None:
    result = run(extractor, "Ecuador asked the Mexican ambassador to leave.")
    assert [(d.reason, d.relation) for d in result.drops] == [(DropReason.DUPLICATE, "APPEAL")]


@pytest.mark.parametrize("text", [
    "Chad ordered its troops to leave Niger.",  # its own troops: a withdrawal, not an expulsion
    "Kenya allowed the Somali ambassador to leave.",  # letting someone leave expels no one
    "Ecuador asked the Mexican ambassador to stay.",  # no leaving
    "The UN asked Russian troops to leave Ukraine.",  # a third state's land: an appeal, not an expulsion
    "Ecuador asked the Mexican ambassador to leave the meeting.",  # a meeting, not the country
    "Ecuador told the Mexican ambassador to return.",  # coming back, not kept out
])
def test_no_expulsion_without_another_states_envoy_made_to_leave(extractor: Extractor, text: str) -> None:
    assert not [e for e in run(extractor, text).events if e.relation.name == "EXPEL"], text


# -- recall -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, subject, hosts", [
    ("Morocco recalled its ambassador from Algeria.", "country:MAR", {"country:DZA"}),
    ("Chile recalled its ambassadors from Venezuela and Cuba.", "country:CHL", {"country:VEN", "country:CUB"}),
    ("Peru withdrew its ambassador to Mexico.", "country:PER", {"country:MEX"}),
    ("Egypt summoned its ambassador in Ethiopia home for consultations.", "country:EGY", {"country:ETH"}),
    ("Canada pulled its diplomats out of Haiti.", "country:CAN", {"country:HTI"}),
    ("Iran called back its ambassador from Azerbaijan.", "country:IRN", {"country:AZE"}),
    ("Chile's ambassador was recalled from Caracas.", "country:CHL", {"country:VEN"}),
    # the staff of a mission are its diplomats
    ("Ecuador withdrew its diplomatic staff from Bolivia and Cuba.", "country:ECU", {"country:BOL", "country:CUB"}),
    ("Norway pulled its embassy staff out of Sudan.", "country:NOR", {"country:SDN"}),
])
def test_recalling_ones_own_envoy_reduces_relations_with_the_host(extractor: Extractor, text: str, subject: str,
                                                                    hosts: set[str]) -> None:
    result = run(extractor, text)
    # the recalled envoy is the subject's own: never an object, never expelled
    assert triples(result) == {(subject, "REDUCE_DIPLOMATIC_RELATIONS", host) for host in hosts}, text
    assert codes(result) == {"161"}


def test_a_recall_naming_no_host_state_is_dropped_with_its_reason(extractor: Extractor) -> None:
    result = run(extractor, "Peru recalled its ambassador for consultations.")
    assert not result.events
    assert DropReason.NO_HOST_STATE in {d.reason for d in result.drops}


def test_recalling_something_else_is_no_diplomatic_act(extractor: Extractor) -> None:
    result = run(extractor, "The Peruvian minister recalled his visit to Mexico.")
    assert not [e for e in result.events if e.relation.cameo in ("161", "166")]


# -- summons ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, subject, obj", [
    ("Poland summoned the Belarusian ambassador over the border incident.", "country:POL", "country:BLR"),
    ("South Korea summoned Japan's envoy to protest.", "country:KOR", "country:JPN"),
    ("Norway's foreign ministry summoned the Russian chargé d'affaires.", "country:NOR", "country:RUS"),
    ("Britain called in the Iranian ambassador.", "country:GBR", "country:IRN"),
    ("The Polish foreign minister summoned the Belarusian chargé d'affaires.", "country:POL", "country:BLR"),
])
def test_summoning_another_states_envoy_is_an_official_complaint(extractor: Extractor, text: str,
                                                                  subject: str, obj: str) -> None:
    result = run(extractor, text)
    complaints = {(f"country:{e.subject.country}", e.object.id) for e in result.events if e.relation.cameo == "114"}
    assert complaints == {(subject, obj)}, triples(result)


def test_a_court_summoning_a_diplomat_is_no_diplomatic_complaint(extractor: Extractor) -> None:
    result = run(extractor, "A Kenyan court summoned the former Ugandan ambassador to testify.")
    assert not [e for e in result.events if e.relation.cameo == "114"]


# -- embassies ----------------------------------------------------------------------------------
def test_a_protest_outside_a_named_states_embassy_is_against_that_state(extractor: Extractor) -> None:
    result = run(extractor, "Kenyan protesters rallied outside the Ugandan embassy in Nairobi.")
    assert triples(result) == {("group:ken-opp", "PROTEST_AGAINST", "country:UGA")}


@pytest.mark.parametrize("text, subject, obj", [
    ("Protesters in Lima gathered outside the Chilean embassy.", "group:per-opp", "country:CHL"),
    ("Kenyan demonstrators gathered in front of the Ugandan embassy.", "group:ken-opp", "country:UGA"),
])
def test_protesters_gathering_at_a_named_states_mission_protest_against_it(extractor: Extractor, text: str,
                                                                           subject: str, obj: str) -> None:
    assert triples(run(extractor, text)) == {(subject, "PROTEST_AGAINST", obj)}


def test_others_gathering_at_a_mission_do_not_protest(extractor: Extractor) -> None:
    assert not run(extractor, "Kenyan diplomats gathered at the Ugandan embassy.").events


@pytest.mark.parametrize("verb", ["stormed", "stoned", "pelted", "ransacked"])
def test_protesters_storming_an_embassy_protest_violently_against_its_state(extractor: Extractor, verb: str) -> None:
    result = run(extractor, f"Protesters in Belgrade {verb} the Croatian embassy.")
    assert triples(result) == {("group:srb-opp", "PROTEST_VIOLENTLY", "country:HRV")}
    assert codes(result) == {"145"}


def test_the_embassy_of_a_state_is_that_states_not_the_hosts(extractor: Extractor) -> None:
    result = run(extractor, "Serbian protesters attacked the embassy of Croatia in Belgrade.")
    assert triples(result) == {("group:srb-opp", "PROTEST_VIOLENTLY", "country:HRV")}


def test_protesters_of_no_state_storming_an_embassy_are_dropped(extractor: Extractor) -> None:
    result = run(extractor, "Protesters stormed the Danish embassy.")
    assert not result.events
    assert [(d.reason, d.relation) for d in result.drops] == [(DropReason.UNQUALIFIED_AGENT, "PROTEST_VIOLENTLY")]


def test_troops_storming_an_embassy_are_no_protest(extractor: Extractor) -> None:
    result = run(extractor, "Serbian troops stormed the Croatian embassy.")
    assert not [e for e in result.events if e.relation.cameo.startswith("14")]


# -- the new relations' own triggers ---------------------------------------------------------------
def test_a_formal_protest_to_a_state_is_an_official_complaint(extractor: Extractor) -> None:
    result = run(extractor, "Bolivia lodged a formal protest with Chile over the border closure.")
    assert ("country:BOL", "COMPLAIN_OFFICIALLY", "country:CHL") in triples(result)


def test_the_recall_noun_takes_the_host_after_from(extractor: Extractor) -> None:
    result = run(extractor, "Morocco's recall of its ambassador from Algiers angered Algeria.")
    assert ("country:MAR", "REDUCE_DIPLOMATIC_RELATIONS", "country:DZA") in triples(result)
    assert not [e for e in result.events if e.object.id == "country:MAR"]


@pytest.mark.parametrize("text", [
    "Peru expelled Bolivia's ambassador and recalled its envoy from La Paz.",
    # the parser hangs "recalled" on "leave": the envoy told to leave does not recall anyone
    "Peru ordered Bolivia's ambassador to leave the country and recalled its envoy from La Paz.",
])
def test_an_expulsion_and_a_recall_in_one_sentence_are_both_found(extractor: Extractor, text: str) -> None:
    assert triples(run(extractor, text)) == {
        ("country:PER", "EXPEL", "country:BOL"), ("country:PER", "REDUCE_DIPLOMATIC_RELATIONS", "country:BOL"),
    }


def test_a_summons_in_the_passive_without_by_is_the_host_states(extractor: Extractor) -> None:
    for text in ("The Russian ambassador was summoned to the foreign ministry in Warsaw.",
                 "Russia's ambassador to Poland was summoned on Friday."):
        result = run(extractor, text)
        found = {(e.subject.country, e.relation.cameo, e.object.country) for e in result.events}
        assert ("POL", "114", "RUS") in found and not any(cameo == "161" for _, cameo, _ in found), text


def test_an_envoy_summoned_home_is_recalled_by_its_own_state(extractor: Extractor) -> None:
    result = run(extractor, "The Russian ambassador to Poland was summoned home.")
    assert {(e.subject.country, e.relation.cameo, e.object.country) for e in result.events} == {("RUS", "161", "POL")}


def test_envoys_ordered_to_leave_a_state_in_the_passive_are_expelled_by_it(extractor: Extractor) -> None:
    for text in ("Two Russian diplomats were ordered out of Britain today.",
                 "Two Russian diplomats were ordered to leave Britain.",
                 "Two Russian diplomats were told to leave Britain within a week."):
        result = run(extractor, text)
        assert {(e.subject.country, e.relation.cameo, e.object.country) for e in result.events} == {
            ("GBR", "166", "RUS")}, text


def test_a_passive_order_to_leave_another_state_or_a_room_expels_nobody(extractor: Extractor) -> None:
    for text in ("Two Russian diplomats were ordered by Poland to leave Britain.",
                 "Two Russian diplomats were ordered out of the meeting."):
        result = run(extractor, text)
        assert not [e for e in result.events if e.relation.cameo == "166"], text
