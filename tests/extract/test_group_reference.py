"""Numbered group references ("the three countries", "all four governments", "the three allies")."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.group_reference import GroupWordsError, group_size, latest_group, load_group_words
from extract.pair_reference import PairKind, group_referents
from extract.pipeline import Extractor
from graph.model import Article, DropReason, Extraction
from tests.extract.extracting import pairs_of, state_actor

DATE = "2024-05-02"


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article("group-reference-test", text, None, DATE))


def no_country(iso3: str) -> None:
    return None


# -- the pure parts -------------------------------------------------------------------------
def test_group_size_needs_a_definite_number_of_three_or_more(extractor: Extractor) -> None:
    words = extractor.knowledge.group_words
    doc = extractor.nlp("The three countries met. All four governments spoke. Three countries left. "
                        "The two leaders spoke. These 5 allies agreed. The twelve nations voted.")
    sizes = [(t.text, size) for t in doc if (size := group_size(t, words)) is not None]
    assert sizes == [("countries", 3), ("governments", 4), ("allies", 5), ("nations", 12)]


def test_the_latest_group_of_exactly_the_size_is_the_referent() -> None:
    trio = (state_actor("USA"), state_actor("GBR"), state_actor("AUS"))
    quartet = (state_actor("JPN"), state_actor("IND"), state_actor("AUS"), state_actor("USA"))
    recent_first = [quartet, trio]  # the quartet was named after the trio
    assert group_referents(PairKind.STATES, 3, recent_first, [], no_country) == trio
    assert group_referents(PairKind.STATES, 4, recent_first, [], no_country) == quartet
    assert group_referents(PairKind.STATES, 5, recent_first, [], no_country) is None


def test_a_clause_mate_in_the_group_leaves_it_too_small() -> None:
    trio = (state_actor("KEN"), state_actor("UGA"), state_actor("TZA"))
    assert group_referents(PairKind.STATES, 3, [trio], [state_actor("KEN")], no_country) is None


def test_a_group_of_one_state_twice_is_not_distinct() -> None:
    same = (state_actor("USA"), state_actor("USA"), state_actor("GBR"))
    assert latest_group(3, [same], lambda a: a, lambda a, b: a.id != b.id) is None


def test_group_words_reject_a_size_below_three(tmp_path: Path) -> None:
    path = tmp_path / "group_reference.toml"
    path.write_text('[sizes]\ntwo = 2\n[words]\ndefinite = ["the"]\n', encoding="utf-8")
    with pytest.raises(GroupWordsError, match=r"sizes\.two must be a whole number of at least 3"):
        load_group_words(path)


# -- the extractor ---------------------------------------------------------------------------
def test_each_member_of_a_coordinated_trio_is_an_object(extractor: Extractor) -> None:
    result = run(extractor, "Canada, Mexico and Brazil signed a trade pact in Ottawa. "
                            "Argentina criticised the three countries on Friday.")
    assert pairs_of(result, "CRITICIZE") == {
        ("country:ARG", "country:CAN"), ("country:ARG", "country:MEX"), ("country:ARG", "country:BRA")}
    assert {e.pairing for e in result.events if e.relation.name == "CRITICIZE"} == {"pair_reference"}


def test_all_four_governments_as_subject_act_each(extractor: Extractor) -> None:
    result = run(extractor, "Norway, Sweden, Denmark and Finland held talks in Oslo on Monday. "
                            "All four governments condemned Belarus.")
    assert pairs_of(result, "CRITICIZE") == {
        (f"country:{iso3}", "country:BLR") for iso3 in ("NOR", "SWE", "DNK", "FIN")}


def test_a_number_with_no_group_of_that_size_is_an_unresolved_reference(extractor: Extractor) -> None:
    result = run(extractor, "Chile, Peru and Bolivia held talks in Lima. The four nations accused Ecuador "
                            "of smuggling.")
    assert pairs_of(result, "ACCUSE") == set()
    assert any(d.reason is DropReason.UNRESOLVED_REFERENCE and d.relation == "ACCUSE" for d in result.drops)


def test_states_named_apart_are_no_group(extractor: Extractor) -> None:
    result = run(extractor, "Chile hosted Peru on Monday. Bolivia joined the talks later. "
                            "Ecuador praised the three countries.")
    assert pairs_of(result, "PRAISE") == set()


def test_a_pair_and_a_group_in_one_sentence_each_find_their_own(extractor: Extractor) -> None:
    result = run(extractor, "Russia, China and Iran held drills as the United States and Britain watched. "
                            "The two countries criticised the three nations.")
    assert pairs_of(result, "CRITICIZE") == {
        (f"country:{a}", f"country:{b}") for a in ("USA", "GBR") for b in ("RUS", "CHN", "IRN")}


def test_a_list_the_parser_hung_as_an_apposition_is_a_group(extractor: Extractor) -> None:
    lede = "The United States, Russia, and Switzerland hosted talks on Monday."
    assert any(t.dep_ == "appos" for t in extractor.nlp(lede)), "the parse this test is about"
    result = run(extractor, lede + " The three countries criticised Iran.")
    assert pairs_of(result, "CRITICIZE") == {(f"country:{a}", "country:IRN") for a in ("USA", "RUS", "CHE")}


def test_the_three_leaders_are_three_persons_of_three_states(extractor: Extractor) -> None:
    result = run(extractor, "Rishi Sunak met Fumio Kishida and Justin Trudeau in Tokyo. "
                            "Later Xi Jinping, Vladimir Putin and Narendra Modi met in Kazan. "
                            "The three leaders criticised Japan.")
    assert {(e.subject.country, e.object.id) for e in result.events if e.relation.name == "CRITICIZE"} == {
        ("CHN", "country:JPN"), ("RUS", "country:JPN"), ("IND", "country:JPN")}


def test_a_group_acting_on_each_other_pairs_every_member_both_ways(extractor: Extractor) -> None:
    result = run(extractor, "Armenia, Azerbaijan and Georgia held talks in Tbilisi. "
                            "The three countries accused each other of bad faith.")
    members = ("ARM", "AZE", "GEO")
    assert pairs_of(result, "ACCUSE") == {
        (f"country:{a}", f"country:{b}") for a in members for b in members if a != b}
