"""A state's protest is an official complaint (CAMEO 114, root 11), not a demonstration (root 14)
(extract/official_protests.py); protests by civilians stay demonstrations, and a complaint lodged
with a body that is no state is about a third party."""

from __future__ import annotations

from extract.pipeline import Extractor
from tests.extract.extracting import coded_triples, runner

run = runner("protest", "2024-03-14")


def coded(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return coded_triples(run(extractor, text))


def test_a_state_protesting_to_another_complains_officially(extractor: Extractor) -> None:
    assert ("country:GRC", "114", "country:TUR") in coded(
        extractor, "Greece protested to Turkey over the violations of its airspace.")


def test_a_state_protesting_another_states_act_complains_officially(extractor: Extractor) -> None:
    assert ("country:PHL", "114", "country:CHN") in coded(
        extractor, "The Philippines protested China's construction on the reef.")


def test_a_protest_lodged_with_a_state_is_an_official_complaint(extractor: Extractor) -> None:
    assert ("country:VNM", "114", "country:CHN") in coded(
        extractor, "Vietnam lodged a protest with China over the fishing ban.")


def test_a_diplomatic_protest_filed_against_a_state_is_an_official_complaint(extractor: Extractor) -> None:
    assert ("country:PHL", "114", "country:CHN") in coded(
        extractor, "The Philippines filed a diplomatic protest against China over the harassment of its vessels.")


def test_students_protesting_demonstrate(extractor: Extractor) -> None:
    found = coded(extractor, "Thousands of Kenyan students protested against Uganda's decision.")
    assert {code[:2] for _, code, _ in found} == {"14"}


def test_a_street_protest_stays_a_demonstration(extractor: Extractor) -> None:
    found = coded(extractor, "Activists held a protest in Beijing on Tuesday.")
    assert all(code[:2] == "14" for _, code, _ in found)


def test_a_complaint_with_a_body_that_is_no_state_is_not_made_to_it(extractor: Extractor) -> None:
    found = coded(extractor, "Japan filed a complaint with the WTO over China's export curbs.")
    assert not any(code == "114" for _, code, _ in found)


def test_a_people_named_by_its_demonym_demonstrates(extractor: Extractor) -> None:
    found = coded(extractor, "Pakistanis protested against France over the cartoons.")
    assert found and {code[:2] for _, code, _ in found} == {"14"}


def test_a_government_body_protesting_complains_officially(extractor: Extractor) -> None:
    assert ("country:TUR", "114", "country:GRC") in coded(
        extractor, "The foreign ministry in Ankara protested to Greece.")
