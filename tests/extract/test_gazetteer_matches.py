"""Gazetteer names found in a block (extract/gazetteer_matches.py), with the real gazetteer and
parses; sentences invented for these tests."""

from __future__ import annotations

from extract.block_index import BlockTokens
from extract.gazetteer import SurfaceKind
from extract.gazetteer_matches import GazetteerMatcher
from extract.person_registry import PersonRegistry
from extract.pipeline import Extractor
from extract.unknown_actors import UnknownActors
from graph.model import Article


def matcher(extractor: Extractor) -> GazetteerMatcher:
    return GazetteerMatcher(extractor.knowledge.gazetteer, extractor.index, "2020-06-01",
                            PersonRegistry(UnknownActors()))


def test_states_and_demonyms_are_found_longest_first(extractor: Extractor) -> None:
    doc = extractor.nlp("Chilean diplomats met officials of the United States in Lima.")
    found = [(doc[start:end].text, s.kind, s.key)
             for start, end, s in matcher(extractor).matches(doc, BlockTokens.of(doc))]
    assert ("Chilean", SurfaceKind.DEMONYM, "CHL") in found
    assert ("United States", SurfaceKind.COUNTRY, "USA") in found
    assert ("Lima", SurfaceKind.CAPITAL, "PER") in found
    assert all(text != "States" for text, _, _ in found)  # inside the longer name


def test_a_name_written_in_lower_case_is_no_match(extractor: Extractor) -> None:
    doc = extractor.nlp("the ministers agreed to turkey and chile on the menu.")
    assert matcher(extractor).matches(doc, BlockTokens.of(doc)) == []


def test_the_state_inside_an_organisations_name(extractor: Extractor) -> None:
    doc = extractor.nlp("The Free Chile Movement marched.")
    assert matcher(extractor).country_inside(doc, 1, 4) == "CHL"
    assert matcher(extractor).country_inside(doc, 0, 1) is None


def test_a_state_inside_a_person_entity_cut_past_its_possessive_is_the_state(extractor: Extractor) -> None:
    """The recogniser sometimes labels "Sri Lanka's" a person: a PERSON entity that goes past the
    state's name only by words that are no names is a mis-cut, not a longer person's name."""
    text = "Subrahmanyam Jaishankar met Sri Lanka's president on Monday."
    events = extractor.extract(Article("miscut", text, None, "2024-05-02")).events
    # the state's president on that date (the office table knows him), never a person "Sri Lanka"
    assert "person:ranil-wickremesinghe" in {e.object.id for e in events}
    assert not any(e.object.id == "person:sri-lanka" for e in events)
