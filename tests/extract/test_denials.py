"""Denials of a charge (extract/denials.py): denying, dismissing or rejecting an accusation,
allegation, charge or claim is CAMEO 016 aimed at the charge's maker, and nothing else at that verb."""

from __future__ import annotations

from extract.pipeline import Extractor
from graph.model import Article
from tests.extract.extracting import coded_triples


def coded(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return coded_triples(extractor.extract(Article("denials", text, None, "2024-03-14")))


def test_denying_an_owned_accusation_is_a_denial_aimed_at_the_accuser(extractor: Extractor) -> None:
    assert ("country:EGY", "016", "country:ETH") in coded(extractor, "Egypt denied Ethiopia's accusations of sabotage.")


def test_a_demonym_names_the_maker_of_the_charge(extractor: Extractor) -> None:
    assert ("country:BRA", "016", "country:ARG") in coded(extractor, "Brazil denied the Argentine accusation.")


def test_a_source_preposition_names_the_maker_of_the_charge(extractor: Extractor) -> None:
    assert ("country:RUS", "016", "country:UKR") in coded(extractor, "Moscow rejected the charges made by Kyiv.")


def test_dismissing_an_allegation_is_a_denial_and_no_rejection(extractor: Extractor) -> None:
    found = coded(extractor, "Nepal dismissed China's allegations as baseless.")
    assert ("country:NPL", "016", "country:CHN") in found
    assert not any(code.startswith("12") for _, code, _ in found)


def test_rejecting_a_proposal_stays_a_rejection(extractor: Extractor) -> None:
    found = coded(extractor, "Turkey rejected Greece's proposal for talks.")
    assert ("country:TUR", "120", "country:GRC") in found
    assert not any(code == "016" for _, code, _ in found)


def test_a_charge_with_no_maker_gives_no_denial(extractor: Extractor) -> None:
    found = coded(extractor, "Moscow denied the accusation on Tuesday.")
    assert not any(code == "016" for _, code, _ in found)


def test_rejecting_a_claim_of_title_stays_a_rejection(extractor: Extractor) -> None:
    found = coded(extractor, "Chile rejected Bolivia's claim to a corridor to the sea.")
    assert ("country:CHL", "120", "country:BOL") in found
    assert not any(code == "016" for _, code, _ in found)


def test_dismissing_a_claim_that_is_an_assertion_is_a_denial(extractor: Extractor) -> None:
    assert ("country:VNM", "016", "country:CHN") in coded(extractor, "Vietnam dismissed China's claims as false.")
