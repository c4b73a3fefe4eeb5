"""Actors from titles, place names and agent nouns (issue 9: the wrong actor).

Sentences written for these tests. Rules under test:
- a modifier that changes the office ("vice", "deputy", "acting", "former", "ex-": lexicon
  ``office_modifiers``) makes the title another office, not held by the unmodified office's holder;
  a name given beside the title wins, even a name whose first word is spelt like a pronoun;
- the name after "the <territory noun> of" (lexicon ``territory_nouns``) is a place, not an actor:
  it stands for the state the phrase names, else the candidate is dropped with a reason;
- "fighters" take the Phoenix agents' code for "fighter" (UAF), not the rebels' (REB);
- a demonym after "ethnic" (lexicon ``ethnicity_markers``) names an origin, not the state;
- a singular "it" does not refer back to coordinated speakers (number agreement).
"""

from __future__ import annotations

from extract.pipeline import Extractor
from graph.model import Extraction
from tests.extract.extracting import runner

DATE = "2024-06-10"


run = runner("test", DATE)


def dyads(extraction: Extraction) -> list[tuple[str, str, str]]:
    return [(e.subject.id, e.relation.name, e.object.id) for e in extraction.events]


# -- titles with a modifier -----------------------------------------------------------------
def test_a_deputy_title_is_not_the_holder_of_the_office(extractor: Extractor) -> None:
    result = run(extractor, "Russia's deputy foreign minister criticized Japan.")
    assert dyads(result) == [("country:RUS", "CRITICIZE", "country:JPN")]


def test_the_unmodified_title_is_still_its_holder(extractor: Extractor) -> None:
    result = run(extractor, "Russia's foreign minister criticized Japan.")
    assert dyads(result) == [("person:sergey-lavrov", "CRITICIZE", "country:JPN")]


def test_an_acting_title_is_another_office(extractor: Extractor) -> None:
    result = run(extractor, "Russia's acting foreign minister criticized Japan.")
    assert [e.subject.id for e in result.events] == ["country:RUS"]


def test_a_name_beside_a_modified_title_wins(extractor: Extractor) -> None:
    result = run(extractor, "Russian Deputy Prime Minister Arkady Zhelnin criticized Poland.")
    assert dyads(result) == [("person:arkady-zhelnin", "CRITICIZE", "country:POL")]
    person = result.events[0].subject
    assert person.country == "RUS"
    assert person.title != "prime minister"  # another office: "the prime minister" is not this person


def test_a_name_whose_first_word_is_spelt_like_a_pronoun(extractor: Extractor) -> None:
    result = run(extractor, "Chinese Vice Premier He Yong met Japanese officials in Tokyo.")
    assert dyads(result) == [("person:he-yong", "MEET", "country:JPN")]
    assert result.events[0].subject.cameo == "CHNGOV"


def test_a_pronoun_is_still_no_name(extractor: Extractor) -> None:
    result = run(extractor, "He met Japanese officials in Tokyo.")
    assert not any(a.id.startswith("person:he") for e in result.events for a in (e.subject, e.object))


# -- places named after a territory noun ----------------------------------------------------
def test_an_unknown_town_after_a_territory_noun_is_no_person(extractor: Extractor) -> None:
    result = run(extractor, "Russian troops withdrew from the village of Dolynka on Sunday.")
    assert not any("dolynka" in a.id for e in result.events for a in (e.subject, e.object))
    assert result.drops, "the candidate without an actor must be dropped with a reason"


def test_an_unknown_town_stands_for_the_state_its_phrase_names(extractor: Extractor) -> None:
    result = run(extractor, "Turkish troops shelled the Syrian town of Qamishka.")
    assert dyads(result) == [("group:tur-mil", "ATTACK", "country:SYR")]


def test_an_unknown_town_stands_for_the_state_the_sentence_places_it_in(extractor: Extractor) -> None:
    result = run(extractor, "Ugandan troops shelled the town of Mbarowa in eastern Kenya.")
    assert dyads(result) == [("group:uga-mil", "ATTACK", "country:KEN")]


def test_an_organisation_after_an_institution_noun_stays_an_actor(extractor: Extractor) -> None:
    result = run(extractor, "Kenyan police raided the headquarters of the Tana Renewal Front.")
    assert dyads(result) == [("group:ken-cop", "ATTACK", "org:tana-renewal-front")]


# -- fighters --------------------------------------------------------------------------------
def test_fighters_of_a_state_are_not_called_rebels(extractor: Extractor) -> None:
    result = run(extractor, "Syrian fighters attacked Turkish troops.")
    assert dyads(result) == [("group:syr-uaf", "ATTACK", "group:tur-mil")]
    assert result.events[0].subject.cameo == "SYRUAF"


def test_rebels_are_still_rebels(extractor: Extractor) -> None:
    result = run(extractor, "Syrian rebels attacked Turkish troops.")
    assert [e.subject.cameo for e in result.events] == ["SYRREB"]


def test_fighters_of_an_organisation_are_the_organisation(extractor: Extractor) -> None:
    result = run(extractor, "Hamas fighters attacked Israeli troops.")
    assert dyads(result) == [("org:hamas", "ATTACK", "group:isr-mil")]


# -- "it" after coordinated speakers ---------------------------------------------------------
def test_it_does_not_refer_back_to_coordinated_speakers(extractor: Extractor) -> None:
    result = run(extractor, "Romania and the European Union said it had been fired by Moldovan border guards.")
    assert not any(e.object.id in ("country:ROU", "org:eu") for e in result.events)


def test_it_after_coordinated_speakers_is_dropped_with_a_reason(extractor: Extractor) -> None:
    result = run(extractor, "Kenya and Uganda said it would be attacked by Somali rebels.")
    assert result.events == ()
    assert result.drops


def test_it_still_refers_back_to_a_single_speaker(extractor: Extractor) -> None:
    result = run(extractor, "Israel said it had been attacked by Hezbollah.")
    assert dyads(result) == [("org:hezbollah", "ATTACK", "country:ISR")]


# -- ethnic demonyms -------------------------------------------------------------------------
def test_ethnic_traders_are_not_the_states_business(extractor: Extractor) -> None:
    result = run(extractor, "Ethiopian police arrested ethnic Eritrean traders in Addis Ababa.")
    assert not any(a.country == "ERI" for e in result.events for a in (e.subject, e.object))


def test_ethnic_armenian_forces_are_not_armenias_military(extractor: Extractor) -> None:
    result = run(extractor, "Azerbaijani troops attacked ethnic Armenian forces on Tuesday.")
    assert not any(a.id in ("group:arm-mil", "country:ARM") for e in result.events for a in (e.subject, e.object))


def test_a_demonym_without_ethnic_still_names_the_state(extractor: Extractor) -> None:
    result = run(extractor, "Azerbaijani troops attacked Armenian forces on Tuesday.")
    assert dyads(result) == [("group:aze-mil", "ATTACK", "group:arm-mil")]
