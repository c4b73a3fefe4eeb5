"""Taking territory coded as CAMEO codes it (extract/territory.py, data/territory.toml): capturing,
seizing, taking or taking control of a place is 192 "Occupy territory" against the party it was taken
from, else the state it lies in; the same verbs with a person or a thing as object keep their codes.
Every sentence here is invented; "Vostrovka" and "Dzhelanka" are made-up names no gazetteer knows."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.ontology import load_ontology
from extract.pipeline import Extractor
from extract.territory_words import TerritoryWordsError, load_territory_words
from graph.model import DropReason
from tests.extract.extracting import runner, triples

DATE = "2024-06-03"
DATA = Path(__file__).resolve().parents[2] / "extract" / "data"


run = runner("territory-test", DATE)


# -- the relation -------------------------------------------------------------------------------
def test_occupy_is_cameo_192_with_its_quad_class_and_goldstein_and_the_code_maps_to_it() -> None:
    ontology = load_ontology()
    occupy = ontology.relation("OCCUPY")
    assert (occupy.cameo, occupy.quad_class, occupy.goldstein) == ("192", 4, -9.5)
    assert ontology.relation_for_code("192").name == "OCCUPY"
    assert {t.relation for t in ontology.triggers_for("VERB", "occupy")} == {"OCCUPY"}


# -- a place taken ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, subject, obj", [
    # a settlement noun naming a known place: the state it lies in
    ("Russian forces captured the city of Mariupol.", "group:rus-mil", "country:UKR"),
    ("Russian forces took over the city of Kharkiv.", "group:rus-mil", "country:UKR"),
    ("Russian forces seized control of Kherson on Monday.", "group:rus-mil", "country:UKR"),
    ("Russian forces took control of Mariupol.", "group:rus-mil", "country:UKR"),
    # a known place as the object itself, even where the recogniser does not tag it
    ("French troops took Timbuktu.", "group:fra-mil", "country:MLI"),
    # the passive: the agent takes
    ("The city of Mariupol was captured by Russian troops.", "group:rus-mil", "country:UKR"),
    # an unknown place located by "in"
    ("Russian forces captured the town of Vostrovka in eastern Ukraine.", "group:rus-mil", "country:UKR"),
    # the party it was taken from, named or not a state
    ("Ukrainian forces captured the village of Vostrovka from Russia.", "group:ukr-mil", "country:RUS"),
    ("Ukrainian troops retook the port of Kherson from Russian forces.", "group:ukr-mil", "group:rus-mil"),
    # a position or territory noun qualified by a demonym stands for that state
    ("Azerbaijani forces overran Armenian positions.", "group:aze-mil", "country:ARM"),
    ("Russian troops captured Ukrainian villages.", "group:rus-mil", "country:UKR"),
    # an organisation's positions are the organisation's
    ("Israeli forces captured Hamas positions.", "group:isr-mil", "org:hamas"),
    # rebels taking a town of their own state occupy it
    ("Libyan rebels captured the city of Sirte.", "group:lby-reb", "country:LBY"),
])
def test_taking_a_place_occupies_territory(extractor: Extractor, text: str, subject: str, obj: str) -> None:
    result = run(extractor, text)
    assert triples(result) == {(subject, "OCCUPY", obj)}, text
    assert {e.relation.cameo for e in result.events} == {"192"}


def test_the_arrest_the_capture_of_a_place_would_have_been_is_dropped_as_part_of_it(extractor: Extractor) -> None:
    result = run(extractor, "Russian forces captured the city of Mariupol.")
    assert "ARREST" not in {e.relation.name for e in result.events}
    assert any(d.reason is DropReason.DUPLICATE and d.relation == "ARREST" for d in result.drops)


def test_the_place_taken_is_kept_as_an_attribute(extractor: Extractor) -> None:
    result = run(extractor, "Ukrainian forces captured the village of Vostrovka from Russia.")
    (event,) = result.events
    assert ("place", "Vostrovka") in event.attributes


def test_each_coordinated_place_is_taken_from_its_own_state(extractor: Extractor) -> None:
    result = run(extractor, "Rebels from Libya captured the city of Sirte and the town of Timbuktu.")
    assert {obj for _, relation, obj in triples(result) if relation == "OCCUPY"} >= {"country:LBY", "country:MLI"}


def test_names_coordinated_after_one_territory_noun_are_all_looked_up(extractor: Extractor) -> None:
    known = run(extractor, "Russian forces captured the towns of Vostrovka and Kherson.")
    assert triples(known) == {("group:rus-mil", "OCCUPY", "country:UKR")}
    unknown = run(extractor, "Russian forces captured the towns of Vostrovka and Dzhelanka.")
    assert [d.detail for d in unknown.drops if d.reason is DropReason.UNKNOWN_PLACE] == ["Vostrovka and Dzhelanka"]


@pytest.mark.parametrize("text, subject, obj", [
    ("Russia's seizure of Kherson drew condemnation.", "country:RUS", "country:UKR"),
    ("Russia's capture of the city of Mariupol was confirmed.", "country:RUS", "country:UKR"),
    ("Israel's occupation of Palestinian territories continued.", "country:ISR", "country:PSE"),
])
def test_the_nouns_of_taking_a_place_occupy_it_too(extractor: Extractor, text: str, subject: str, obj: str) -> None:
    assert triples(run(extractor, text)) == {(subject, "OCCUPY", obj)}, text


def test_the_seizure_of_a_thing_stays_a_seizure(extractor: Extractor) -> None:
    result = run(extractor, "Iran's seizure of a Greek oil tanker angered Athens.")
    assert "OCCUPY" not in {e.relation.name for e in result.events}
    assert "COERCE" in {e.relation.name for e in result.events}


# -- what is not an occupation ------------------------------------------------------------------
@pytest.mark.parametrize("text, relation", [
    ("Ukrainian forces captured three Russian soldiers.", "ARREST"),  # a person taken: an arrest
    ("Iran seized a Greek oil tanker.", "COERCE"),  # a thing taken: a seizure of property
])
def test_the_same_verbs_with_a_person_or_thing_as_object_keep_their_codes(
    extractor: Extractor, text: str, relation: str
) -> None:
    result = run(extractor, text)
    assert {e.relation.name for e in result.events} == {relation}, text


def test_taking_a_position_in_a_debate_is_no_occupation(extractor: Extractor) -> None:
    result = run(extractor, "Russia took the position that the treaty was void.")
    assert "OCCUPY" not in {e.relation.name for e in result.events}
    assert not any(d.relation == "OCCUPY" for d in result.drops)


def test_a_business_taking_over_a_port_occupies_nothing(extractor: Extractor) -> None:
    result = run(extractor, "A Chinese shipping company took over the port of Kherson last year.")
    assert not result.events  # a purchase or a lease, no use of force (CAMEO root 19)
    assert [(d.reason, d.relation) for d in result.drops if d.relation == "OCCUPY"] == [
        (DropReason.NOT_AN_EVENT, "OCCUPY")]


@pytest.mark.parametrize("text, place", [
    ("Russian troops seized the town of Vostrovka.", "Vostrovka"),
    ("The village of Dzhelanka was captured by Russian troops.", "Dzhelanka"),
    ("Azerbaijani forces recaptured the town.", "town"),
])
def test_territory_in_no_known_state_is_dropped_naming_the_place(extractor: Extractor, text: str,
                                                                 place: str) -> None:
    result = run(extractor, text)
    assert not result.events, text  # no arrest of a person called so, no seizure of property
    unknown = [d for d in result.drops if d.reason is DropReason.UNKNOWN_PLACE]
    assert [(d.relation, d.detail) for d in unknown] == [("OCCUPY", place)]


def test_a_state_retaking_its_own_place_is_no_occupation_of_its_own_people(extractor: Extractor) -> None:
    result = run(extractor, "Ukrainian troops recaptured the city of Kharkiv.")
    assert not result.events  # not "Ukraine's army occupies Ukrainian civilians"
    assert any(d.reason is DropReason.SELF_LOOP and d.detail == "own territory: Kharkiv" for d in result.drops)


def test_an_irregular_past_form_is_read_as_its_verb(extractor: Extractor) -> None:
    result = run(extractor, "Ukrainian troops retook the village of Vostrovka from Russia.")
    assert triples(result) == {("group:ukr-mil", "OCCUPY", "country:RUS")}


# -- qualified as the ordinary patterns qualify --------------------------------------------------
def test_a_threatened_occupation_is_a_threat_to_occupy(extractor: Extractor) -> None:
    result = run(extractor, "Russia threatened to seize the city of Kharkiv.")
    (event,) = result.events
    assert (event.subject.id, event.relation.name, event.object.id) == ("country:RUS", "THREATEN", "country:UKR")
    attributes = dict(event.attributes)
    assert (attributes["cameo"], attributes["requested"]) == ("1382", "OCCUPY")  # threaten to occupy territory


def test_a_negated_occupation_is_negated(extractor: Extractor) -> None:
    result = run(extractor, "Russian forces did not capture the city of Kharkiv.")
    assert [(e.relation.name, e.polarity.value) for e in result.events] == [("OCCUPY", "negated")]


# -- bombardment verbs and qualified targets ----------------------------------------------------
@pytest.mark.parametrize("text, subject, obj", [
    ("Azerbaijani drones pounded Armenian positions.", "group:aze-mil", "country:ARM"),
    ("Russian jets strafed Ukrainian trenches.", "group:rus-mil", "country:UKR"),
    ("Russian artillery pounded Ukrainian towns in the Donbas.", "group:rus-mil", "country:UKR"),
    ("Ukrainian drones attacked Russian territory.", "group:ukr-mil", "country:RUS"),
])
def test_bombardment_of_a_states_positions_or_territory_attacks_it(extractor: Extractor, text: str,
                                                                     subject: str, obj: str) -> None:
    assert triples(run(extractor, text)) == {(subject, "ATTACK", obj)}, text


# -- the word file ------------------------------------------------------------------------------
def test_the_word_file_loads_with_the_closed_classes() -> None:
    words = load_territory_words(DATA / "territory.toml")
    assert {"capture", "seize", "take", "retake", "recapture", "overrun"} <= words.taking_verbs
    assert words.lemma("retook", "retook") == "retake"
    assert words.is_territory("village") and words.is_territory("position")
    assert not words.is_territory("position", "take")  # "took a position": a stance
    assert not words.is_territory("soldier")


def test_a_malformed_word_file_is_a_one_line_error_naming_it(tmp_path: Path) -> None:
    text = (DATA / "territory.toml").read_text(encoding="utf-8")
    broken = tmp_path / "territory.toml"
    broken.write_text(text.replace('position_taking_verbs = ["capture"', 'position_taking_verbs = ["besiege"'),
                      encoding="utf-8")
    with pytest.raises(TerritoryWordsError, match=r"territory\.toml: position_taking_verbs \['besiege'\]"):
        load_territory_words(broken)
    missing = tmp_path / "missing.toml"
    missing.write_text(text.replace("taking_particles", "particles"), encoding="utf-8")
    with pytest.raises(TerritoryWordsError, match=r"missing\.toml: taking_particles"):
        load_territory_words(missing)
