"""An official whose title names no state acts for the state the text is centred on
(extract/official_states.py); names and sentences invented for these tests."""

from __future__ import annotations

import pytest

from extract.mentions import Mention, MentionKind
from extract.official_states import OfficialStates
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, Event
from tests.extract.extracting import runner

run = runner("official-states", "2024-05-01")


def subject_states(events: tuple[Event, ...], person_id: str) -> set[str | None]:
    """The states ``person_id`` acts for as the subject of ``events``."""
    return {e.subject.country for e in events if e.subject.id == person_id}


@pytest.mark.parametrize("before", [
    "Malawi said on Monday it would cut fuel imports from Zambia. ",
    # a state owning the subject centres the text too
    "Malawi's energy ministry said on Monday it would cut fuel imports from Zambia. ",
    # the subject of the paragraph before centres a new paragraph
    "Malawi said on Monday it would cut fuel imports from Zambia.\n\n",
])
def test_a_minister_acts_for_the_state_subject_of_the_sentence_before(extractor: Extractor, before: str) -> None:
    result = run(extractor, before + "Energy Minister Tobias Lumbe accused Zambia of overcharging.")
    assert subject_states(result.events, "person:tobias-lumbe") == {"MWI"}


def test_the_state_carries_to_the_surname_later_in_the_block(extractor: Extractor) -> None:
    result = run(extractor, "Malawi said on Monday it would cut fuel imports from Zambia. "
                            "Energy Minister Tobias Lumbe accused Zambia of overcharging. "
                            "Lumbe also criticised Mozambique.")
    criticised = [e for e in result.events if e.object.id == "country:MOZ"]
    assert criticised and {e.subject.country for e in criticised} == {"MWI"}


def test_a_deputy_holds_a_home_office_and_a_former_holder_none(extractor: Extractor) -> None:
    deputy = run(extractor, "Malawi said on Monday it would cut fuel imports from Zambia. "
                            "Deputy Energy Minister Tobias Lumbe accused Zambia of overcharging.")
    assert subject_states(deputy.events, "person:tobias-lumbe") == {"MWI"}
    former = run(extractor, "Malawi said on Monday it would cut fuel imports from Zambia. "
                            "Former Energy Minister Tobias Lumbe accused Zambia of overcharging.")
    assert subject_states(former.events, "person:tobias-lumbe") <= {None}


@pytest.mark.parametrize("title", ["Government spokeswoman", "Foreign Ministry spokeswoman"])
def test_a_spokesperson_of_the_government_acts_for_the_state_in_focus(extractor: Extractor, title: str) -> None:
    result = run(extractor, "Malawi said on Monday it would cut fuel imports from Zambia. "
                            f"{title} Tobias Lumbe accused Zambia of overcharging.")
    assert subject_states(result.events, "person:tobias-lumbe") == {"MWI"}


def test_an_envoy_posted_abroad_takes_no_state_from_the_text(extractor: Extractor) -> None:
    result = run(extractor, "Malawi said on Monday it would cut fuel imports from Zambia. "
                            "Ambassador Tobias Lumbe accused Zambia of overcharging.")
    assert subject_states(result.events, "person:tobias-lumbe") <= {None}


def test_no_state_subject_before_leaves_a_minister_stateless(extractor: Extractor) -> None:
    result = run(extractor, "The talks on fuel prices ended on Monday without a deal. "
                            "Energy Minister Tobias Lumbe accused Zambia of overcharging.")
    assert subject_states(result.events, "person:tobias-lumbe") == {None}


def test_with_no_state_subject_before_a_head_of_state_takes_the_one_state_of_the_block(extractor: Extractor) -> None:
    doc = extractor.nlp("The storm passed. President Tobias Lumbe opened the new Malawi parliament on Monday.")
    lumbe = Actor("person:tobias-lumbe", "Tobias Lumbe", ActorType.PERSON, title="president")
    malawi = Actor("country:MWI", "Malawi", ActorType.COUNTRY, "MWI")
    mentions = [Mention(5, 7, lumbe, MentionKind.NAME), Mention(10, 11, malawi, MentionKind.NAME)]
    assert [doc[m.start : m.end].text for m in mentions] == ["Tobias Lumbe", "Malawi"]
    officials = OfficialStates(extractor.knowledge.lexicon.home_office_roles,
                               extractor.knowledge.gazetteer.knows_person, None)
    placed = officials.resolve(doc, mentions)
    assert (placed[0].actor.country, placed[0].actor.cameo) == ("MWI", "MWIGOV")
    assert placed[1] is mentions[1]


@pytest.mark.parametrize("text", [
    "President Tobias Lumbe met Zambian officials on Monday.",
    "President Tobias Lumbe met Zambia's foreign minister on Monday.",
    "President Tobias Lumbe arrived in Lusaka on Monday.",
])
def test_a_head_of_state_takes_no_state_from_the_other_party_of_its_act(extractor: Extractor, text: str) -> None:
    # the one state of the block is the one met or visited: the head of state is another state's
    assert subject_states(run(extractor, text).events, "person:tobias-lumbe") == {None}


def test_home_office_roles_are_roles_of_the_gazetteer(extractor: Extractor) -> None:
    roles = {role.role for role in extractor.knowledge.gazetteer.role_terms.terms.values()}
    assert extractor.knowledge.lexicon.home_office_roles <= roles
