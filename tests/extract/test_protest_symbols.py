"""Protest acts aimed through symbols: burning or defacing a state's flag or its leader's effigy,
carrying placards against a party (CAMEO 141)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from extract.protest_symbols import ProtestSymbolsError, load_symbol_words
from graph.model import Article, DropReason, Extraction

DATE = "2024-05-02"


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article("protest-symbols-test", text, None, DATE))


def triples(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(e.subject.country or e.subject.id, e.relation.name, e.object.id) for e in extraction.events}


@pytest.mark.parametrize(("text", "expected"), [
    ("Students in Lima burned Chilean and Bolivian flags on Sunday.",
     {("PER", "PROTEST_AGAINST", "country:CHL"), ("PER", "PROTEST_AGAINST", "country:BOL")}),
    ("Demonstrators in Nairobi trampled on a Ugandan flag.", {("KEN", "PROTEST_AGAINST", "country:UGA")}),
    ("Protesters in Hanoi defaced a portrait of the Chinese president.", {("VNM", "PROTEST_AGAINST", "country:CHN")}),
    ("Crowds in Kabul tore down a picture of the Pakistani prime minister.",
     {("AFG", "PROTEST_AGAINST", "country:PAK")}),
    ("Turkish flags were burned by students in Athens.", {("GRC", "PROTEST_AGAINST", "country:TUR")}),
    ("Students in Seoul stomped on pictures of the North Korean leader.", {("KOR", "PROTEST_AGAINST", "country:PRK")}),
    ("Students in Rabat burned pictures of the Algerian president and Spanish flags.",
     {("MAR", "PROTEST_AGAINST", "country:DZA"), ("MAR", "PROTEST_AGAINST", "country:ESP")}),
])
def test_desecrating_a_states_symbol_is_a_protest_against_that_state(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]],
) -> None:
    assert triples(run(extractor, text)) == expected


def test_burning_an_effigy_is_not_an_attack(extractor: Extractor) -> None:
    result = run(extractor, "Villagers in Mali burned an effigy of the French president.")
    assert {e.relation.name for e in result.events} == {"PROTEST_AGAINST"}
    assert {e.object.id for e in result.events} == {"country:FRA"}


@pytest.mark.parametrize(("text", "target"), [
    ("Marchers in Bamako carried placards denouncing France.", "country:FRA"),
    ("Protesters in Nicosia waved banners against Turkey.", "country:TUR"),
])
def test_signs_against_a_party_are_a_protest_against_it(extractor: Extractor, text: str, target: str) -> None:
    result = run(extractor, text)
    assert {(e.relation.name, e.object.id) for e in result.events} == {("PROTEST_AGAINST", target)}
    assert all(e.subject.country == "MLI" or e.subject.country == "CYP" for e in result.events)


def test_a_states_police_tearing_down_a_flag_are_not_protesting(extractor: Extractor) -> None:
    result = run(extractor, "Police in Lahore tore down Indian flags.")
    assert not [e for e in result.events if e.relation.name == "PROTEST_AGAINST"]


def test_protesters_of_no_state_are_a_countable_drop(extractor: Extractor) -> None:
    result = run(extractor, "Protesters burned Israeli flags.")
    assert result.events == ()
    # the act's own drop, and the dictionary's candidate at the same verb superseded by it
    reasons = {d.reason for d in result.drops if d.relation == "PROTEST_AGAINST"}
    assert reasons == {DropReason.UNQUALIFIED_AGENT, DropReason.DUPLICATE}


def test_a_flag_with_no_owner_is_no_protest_act(extractor: Extractor) -> None:
    result = run(extractor, "Students in Lima burned flags and tyres.")
    assert not [e for e in result.events if e.relation.name == "PROTEST_AGAINST"]


def test_symbol_words_name_a_missing_list(tmp_path: Path) -> None:
    path = tmp_path / "protest_symbols.toml"
    path.write_text('[words]\nsymbol_nouns = ["flag"]\n', encoding="utf-8")
    with pytest.raises(ProtestSymbolsError, match="desecrating_verbs must be a non-empty list of words"):
        load_symbol_words(path)


def test_a_slogan_against_a_leader_is_aimed_at_the_leader(extractor: Extractor) -> None:
    result = run(extractor, "Protesters in Yerevan chanted slogans against the Azerbaijani president.")
    assert [(e.subject.country, e.relation.name, e.object.type.value, e.object.country) for e in result.events] == [
        ("ARM", "PROTEST_AGAINST", "PERSON", "AZE")]
