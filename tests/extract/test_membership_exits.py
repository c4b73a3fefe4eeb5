"""Leaving an organisation of states is reducing relations with it (CAMEO root 16), not a military
retreat, and "left" or "quit" with anything else is no exit (extract/membership_exits.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.membership_exits import LeavingPhrase, MembershipExitsError, load_exit_words
from extract.ontology import load_ontology
from extract.pipeline import Extractor
from graph.model import DropReason, Modality, Polarity
from tests.extract.extracting import coded_triples, runner

run = runner("exit", "2024-03-14")


def coded(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return coded_triples(run(extractor, text))


@pytest.mark.parametrize("text", [
    "Chile left the Andean Community in 1976.",
    "Chile quit the Andean Community in 1976.",
    "Chile withdrew from the Andean Community in 1976.",
    "Chile pulled out of the Andean Community in 1976.",
])
def test_a_state_leaving_an_organisation_of_states_reduces_relations_with_it(extractor: Extractor, text: str) -> None:
    found = coded(extractor, text)
    assert {(s, code[:2]) for s, code, _ in found} == {("country:CHL", "16")}, found
    assert all(not o.startswith("country:") for _, _, o in found)


def test_each_of_several_leaving_states_exits(extractor: Extractor) -> None:
    found = coded(extractor, "Ecuador and Peru withdrew from the Organization of American States on Monday.")
    assert {s for s, code, _ in found if code.startswith("16")} == {"country:ECU", "country:PER"}
    assert not any(code == "0874" for _, code, _ in found)


def test_an_exit_still_to_come_is_intended_and_one_denied_is_negated(extractor: Extractor) -> None:
    future = run(extractor, "Uruguay will leave the Organization of American States next year.").events
    denied = run(extractor, "Uruguay did not leave the Organization of American States.").events
    assert [(e.relation.name, e.modality) for e in future] == [("REDUCE_RELATIONS", Modality.INTENDED)]
    assert [(e.relation.name, e.polarity) for e in denied] == [("REDUCE_RELATIONS", Polarity.NEGATED)]


def test_the_other_reading_of_the_verb_is_counted_as_a_duplicate(extractor: Extractor) -> None:
    extraction = run(extractor, "Chile withdrew from the Andean Community in 1976.")
    assert any(d.reason is DropReason.DUPLICATE and d.relation == "WITHDRAW" for d in extraction.drops)


@pytest.mark.parametrize("text", [
    "The Chilean delegation left Lima on Friday.",  # a place is left, no membership
    "Chile quit the talks with Peru on Friday.",  # talks are no organisation (their own code stays)
    "The Chilean minister left the Andean Community summit early.",  # a meeting of it, not it
])
def test_leaving_anything_but_an_organisation_of_states_is_no_exit(extractor: Extractor, text: str) -> None:
    assert not any(code == "160" for _, code, _ in coded(extractor, text))


def test_withdrawing_forces_from_a_place_stays_a_military_withdrawal(extractor: Extractor) -> None:
    found = coded(extractor, "Israel withdrew its troops from Gaza in 2005.")
    assert ("country:ISR", "0874", "country:PSE") in found
    assert not any(code == "160" for _, code, _ in found)


def test_the_data_file_is_read_and_a_bad_one_is_refused_naming_it(tmp_path: Path) -> None:
    relations = load_ontology().relations
    shipped = load_exit_words(Path("extract/data/membership_exits.toml"), relations)
    assert shipped.relation == "REDUCE_RELATIONS" and "quit" in shipped.leaving_verbs
    assert LeavingPhrase("pull", "out", "of") in shipped.leaving_phrases
    bad = tmp_path / "membership_exits.toml"
    bad.write_text('[words]\nrelation = ["LEAVE"]\nleaving_verbs = ["quit"]\nleaving_phrases = []\n'
                   'organisation_code_prefixes = ["IGO"]\n', encoding="utf-8")
    with pytest.raises(MembershipExitsError, match=r"membership_exits\.toml: 'relation' must name one relation"):
        load_exit_words(bad, relations)
    bad.write_text('[words]\nrelation = ["REDUCE_RELATIONS"]\nleaving_verbs = []\nleaving_phrases = ["leave"]\n'
                   'organisation_code_prefixes = ["IGO"]\n', encoding="utf-8")
    with pytest.raises(MembershipExitsError, match=r"leaving_phrases: 'leave' is not"):
        load_exit_words(bad, relations)


@pytest.mark.parametrize(("text", "expected"), [
    ("The African Union suspended Mali from the bloc after the coup.", ("org:african-union", "160", "country:MLI")),
    ("Niger was suspended by ECOWAS on Sunday.", ("org:ecowas", "160", "country:NER")),
    ("Mali was suspended from the African Union in June.", ("org:african-union", "160", "country:MLI")),
])
def test_an_organisation_of_states_suspending_a_member_reduces_relations_with_it(
        extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert coded(extractor, text) == {expected}


@pytest.mark.parametrize("text", [
    "Germany suspended Russia from the talks.",  # a state suspending, no organisation of states
    "Spain suspended the match against Italy.",  # no member suspended
])
def test_suspending_is_no_member_suspension_without_an_organisation_and_a_member(
        extractor: Extractor, text: str) -> None:
    assert not any(code == "160" for _, code, _ in coded(extractor, text))


def test_suspending_an_act_keeps_the_verbs_own_reading(extractor: Extractor) -> None:
    aid = run(extractor, "The United States suspended military aid to Egypt.")
    assert [e.relation.name for e in aid.events] == ["REDUCE_AID"]

