"""Agents that take their state from where they act (extract/event_location.py): CAMEO codes a
domestic actor with no stated nationality with the country where the event takes place."""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from pathlib import Path

import pytest

from extract.actors import ActorResolver
from extract.block_index import BlockTokens
from extract.event_location import AgentLocator, LocationWordsError, load_location_words
from extract.gazetteer import DATA_DIR
from extract.knowledge_dir import KnowledgeError
from extract.pair_reference import ReferenceResolver
from extract.pipeline import Extractor, Knowledge
from graph.model import Actor, DropReason, Extraction
from tests.extract.extracting import runner, triples

DATE = "2024-05-02"


run = runner("event-location-test", DATE)


def actors(extraction: Extraction) -> list[Actor]:
    return [a for e in extraction.events for a in (e.subject, e.object)]


def unqualified_drops(extraction: Extraction) -> int:
    return Counter(d.reason for d in extraction.drops)[DropReason.UNQUALIFIED_AGENT]


# -- the word file ---------------------------------------------------------------------------------
def test_the_word_file_loads_with_multiword_prepositions() -> None:
    words = load_location_words(DATA_DIR / "event_location.toml")
    assert ("in", "front", "of") in words.locative_prepositions and ("outside",) in words.locative_prepositions
    assert ("on",) not in words.locative_prepositions  # direction, not place
    assert words.local_agents["protesters"].sector == "OPP"
    assert "troops" not in words.local_agents and "migrants" not in words.local_agents


def test_a_malformed_word_file_is_a_one_line_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "event_location.toml"
    path.write_text('locative_prepositions = ["in"]\nlocal_agents = [{ term = "people" }]\n', encoding="utf-8")
    with pytest.raises(LocationWordsError, match=r"event_location\.toml"):
        load_location_words(path)


def test_a_knowledge_directory_with_a_malformed_word_file_is_named(tmp_path: Path) -> None:
    copy = Path(shutil.copytree(DATA_DIR, tmp_path / "knowledge"))
    (copy / "event_location.toml").write_text("local_agents = []\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"event_location\.toml"):
        Knowledge.load(copy)


def test_local_agent_sectors_agree_with_the_role_lists() -> None:
    words = load_location_words(DATA_DIR / "event_location.toml")
    with (DATA_DIR / "roles.tsv").open(encoding="utf-8") as handle:
        roles = {row["term"]: row["sector"] for row in csv.DictReader(handle, delimiter="\t")}
    shared = set(words.local_agents) & set(roles)
    assert shared  # the check below compares something
    assert {t: words.local_agents[t].sector for t in shared} == {t: roles[t] for t in shared}


# -- rule 1: a place postmodifying the agent -------------------------------------------------------
def test_an_agent_in_a_place_inside_a_named_place_takes_its_state(extractor: Extractor) -> None:
    result = run(extractor, "Police in the northern city of Kano arrested 30 traders.")
    # the traders are where the police are: both Nigerian
    assert triples(result) == {("group:nga-cop", "ARREST", "group:nga-bus")}


def test_students_in_a_capital_described_by_its_state_take_that_state(extractor: Extractor) -> None:
    result = run(extractor, "Students in the Kenyan capital protested against Uganda.")
    assert triples(result) == {("group:ken-edu", "PROTEST_AGAINST", "country:UGA")}


# -- rule 2: the place of the clause ---------------------------------------------------------------
def test_a_crowd_counted_by_a_number_takes_the_state_of_the_place_it_marches_in(extractor: Extractor) -> None:
    result = run(extractor, "Thousands of people marched in Bukavu to protest against Uganda.")
    # the place says where they march, not what they march against: no protest against Congo
    assert triples(result) == {("group:cod-cvl", "PROTEST_AGAINST", "country:UGA")}


def test_the_place_that_locates_a_crowd_is_not_the_target_of_its_act(extractor: Extractor) -> None:
    result = run(extractor, "Hundreds of people marched in Lusaka.")
    assert result.events == ()
    assert Counter(d.reason for d in result.drops)[DropReason.NO_OBJECT] == 1


def test_a_fronted_place_locates_the_whole_clause(extractor: Extractor) -> None:
    result = run(extractor, "In Caracas, thousands of demonstrators protested against the government.")
    assert triples(result) == {("group:ven-opp", "PROTEST_AGAINST", "country:VEN")}


def test_police_and_the_people_they_act_on_share_the_place(extractor: Extractor) -> None:
    result = run(extractor, "Police detained activists in Moscow.")
    assert triples(result) == {("group:rus-cop", "ARREST", "group:rus-opp")}


def test_an_agent_with_a_state_of_its_own_keeps_it(extractor: Extractor) -> None:
    result = run(extractor, "Kenyan protesters rallied in Kampala against Russia.")
    assert triples(result) == {("group:ken-opp", "PROTEST_AGAINST", "country:RUS")}


def test_places_of_two_states_leave_the_agent_unqualified(extractor: Extractor) -> None:
    result = run(extractor, "Students protested in Nairobi and Kampala against Russia.")
    assert result.events == ()
    assert unqualified_drops(result) == 1


# -- rule 3: a mission stands in its host state ----------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Protesters stormed the Dutch embassy in Khartoum.", ("group:sdn-opp", "PROTEST_VIOLENTLY", "country:NLD")),
    ("A crowd stormed the Belgian embassy in Kinshasa.", ("group:cod-cvl", "PROTEST_VIOLENTLY", "country:BEL")),
    ("Hundreds of protesters rallied outside the Turkish embassy in Athens.",
     ("group:grc-opp", "PROTEST_AGAINST", "country:TUR")),
    ("Protesters gathered in front of the British embassy in Dublin.",
     ("group:irl-opp", "PROTEST_AGAINST", "country:GBR")),
])
def test_protesters_at_a_mission_are_of_its_host_and_protest_against_its_sender(
        extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert triples(run(extractor, text)) == {expected}, text


def test_a_mission_with_no_host_named_gives_no_state(extractor: Extractor) -> None:
    # the embassy stands for the United States, never where its protesters are from
    result = run(extractor, "Hundreds of protesters gathered outside the US embassy.")
    assert result.events == ()
    assert unqualified_drops(result) == 1


# -- rule 4: the people an act is done to are where it is aimed ----------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Sudanese warplanes bombed Juba, killing civilians.", "group:ssd-cvl"),
    ("Syrian jets bombed a hospital in Idlib, wounding civilians.", "group:syr-cvl"),
])
def test_the_people_an_act_is_done_to_are_of_the_place_it_is_aimed_at(extractor: Extractor, text: str,
                                                                       expected: str) -> None:
    assert expected in {e.object.id for e in run(extractor, text).events}, text


def test_a_place_near_another_is_not_inside_it(extractor: Extractor) -> None:
    # the towns are Kenyan; the state they lie near says nothing of whose they are
    result = run(extractor, "Al-Shabaab militants attacked Kenyan towns near Somalia, killing civilians.")
    assert "group:som-cvl" not in {e.object.id for e in result.events}
    assert "group:ken-cvl" in {e.object.id for e in result.events}


def test_a_coordinated_verbs_object_does_not_locate_the_people_of_the_first(extractor: Extractor) -> None:
    # "killed" and "blamed" may be parsed as one coordination: the state blamed is not where people died
    found = block_actor(extractor, "Chad said villagers were killed and blamed Sudan for the raid.", "villagers")
    assert found is None or found.country != "SDN"


# -- what never gives a state ----------------------------------------------------------------------
def block_actor(extractor: Extractor, text: str, word: str) -> Actor | None:
    """The actor the word of ``text`` resolves to after the block's actors, references and places."""
    knowledge = extractor.knowledge
    doc = extractor.nlp(text)
    tokens = BlockTokens.of(doc)
    resolver = ActorResolver(knowledge.gazetteer, extractor.index, knowledge.lexicon, DATE, knowledge.binding_words)
    mentions = resolver.resolve_block(doc, tokens)
    references = ReferenceResolver(knowledge.lexicon, knowledge.gazetteer, knowledge.group_words, knowledge.epithets,
                                   knowledge.organisation_names)
    references.resolve_block(doc, mentions, tokens)
    AgentLocator(knowledge.location_words, knowledge.gazetteer, knowledge.lexicon, knowledge.ontology).locate(
        doc, doc, mentions)
    (token,) = [t for t in doc if t.text == word]
    mention = mentions.get(token.i)
    return mention.actor if mention is not None else None


@pytest.mark.parametrize("text, word", [
    ("Troops advanced on Kyiv.", "Troops"),  # where the act is aimed, and troops are no local agent
    ("Soldiers attacked villages in Mali.", "Soldiers"),  # armed forces act across borders
    ("Officials met in Geneva and criticized Russia.", "Officials"),  # officials meet abroad
    ("Protesters advanced on Kyiv and Minsk.", "Protesters"),  # "on" names where the act is aimed
    ("Police fired at the Kremlin and the Ukrainian embassy.", "Police"),  # "fire at" names the target
    ("Protesters shelled Kharkiv and Belgorod.", "Protesters"),  # a place as direct object is the target
])
def test_a_target_place_or_a_non_local_agent_takes_no_state_from_a_place(extractor: Extractor, text: str,
                                                                          word: str) -> None:
    # the last three name two states: no sentence of one state places the agent either (rule 5)
    assert block_actor(extractor, text, word) is None, text


# -- rule 5: the one state of a sentence ---------------------------------------------------------------
@pytest.mark.parametrize("text, word, expected", [
    ("Rebels attacked villagers in Mali.", "Rebels", ("MLI", "REB")),
    ("Protesters advanced on Kyiv.", "Protesters", ("UKR", "OPP")),  # a target place of one state still sets the scene
    ("Rebels attacked an army base in northern Mali, killing 12 soldiers.", "Rebels", ("MLI", "REB")),
    ("Ugandan opposition leader Bobi Wine was arrested by police on Tuesday.", "police", ("UGA", "COP")),
    ("Gunmen killed five Pakistani soldiers.", "Gunmen", ("PAK", "UAF")),
    ("Kenyan police fired tear gas at protesters.", "protesters", ("KEN", "OPP")),
])
def test_an_agent_in_a_sentence_of_one_state_is_that_states(extractor: Extractor, text: str, word: str,
                                                             expected: tuple[str, str]) -> None:
    found = block_actor(extractor, text, word)
    assert found is not None and (found.country, found.sector) == expected, text


@pytest.mark.parametrize("text, word", [
    ("Police in Merida arrested Chinese smugglers.", "Police"),  # a group of people may be abroad: it sets no scene
    ("Germany condemned the arrest of the activist.", "activist"),  # the arrest's own clause names no state
    ("Gunmen kidnapped two American tourists.", "Gunmen"),  # tourists set no scene in their own state
    ("Two American tourists were kidnapped by gunmen.", "gunmen"),
    ("Protesters stormed the US embassy.", "Protesters"),  # nor does a mission in its own
    ("Attorney-General Muhammad Prasetyo urged foreign governments to respect Indonesia's laws.", "governments"),
    ("Armenia expelled the journalists.", "journalists"),  # the expelled are foreigners by nature
    ("Armenia annexed the border villages.", "villages"),  # a place noun may lie in any state
    ("NGO workers criticized Sudanese authorities.", "workers"),  # an unknown name owns them
    ("Troops killed five Pakistani soldiers.", "Troops"),  # armed forces act across borders
])
def test_an_agent_the_one_state_does_not_place_stays_unqualified(extractor: Extractor, text: str,
                                                                  word: str) -> None:
    assert block_actor(extractor, text, word) is None, text


def test_the_same_words_with_a_place_of_the_scene_do_take_its_state(extractor: Extractor) -> None:
    # the counterpart of the cases above: the locator does give states, to local agents at a place
    found = block_actor(extractor, "Protesters gathered in Kyiv.", "Protesters")
    assert found is not None and (found.country, found.sector) == ("UKR", "OPP")
    found = block_actor(extractor, "Police fired tear gas in Moscow.", "Police")
    assert found is not None and (found.country, found.sector) == ("RUS", "COP")


def test_a_dropped_act_of_an_unlocated_agent_is_still_counted(extractor: Extractor) -> None:
    result = run(extractor, "Soldiers attacked villages in Mali.")
    assert result.events == ()
    assert unqualified_drops(result) == 1


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('local_agents = []\n', "locative_prepositions"),
        ('locative_prepositions = ["in", 3]\nlocal_agents = []\n', "locative_prepositions"),
        ('locative_prepositions = ["in"]\n', "local_agents"),
        ('locative_prepositions = ["in"]\nlocal_agents = [{ term = "people" }]\n', "local_agents"),
    ],
)
def test_a_malformed_list_is_named_with_its_file(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "event_location.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LocationWordsError, match=rf"event_location\.toml: {key}"):
        load_location_words(path)
