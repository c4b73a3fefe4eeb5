""""its" in the object of a harming act, and a mission's host (extract/possessor_binding.py,
extract/role_mentions.py)."""

from __future__ import annotations

import pytest

from extract.ontology import load_lexicon
from extract.pipeline import Extractor
from extract.possessor_binding import BindingWords, harmed_verb, other_party
from graph.model import Article
from tests.extract.extracting import state_actor

LEXICON = load_lexicon()


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Peru said Chile had shelled its border post.", "shelled"),
        ("Oslo accused Moscow of jamming its radio signals.", "jamming"),
        ("Chile shelled its own border post.", None),  # "its own": the doer's
        ("Chile blockaded its neighbour.", None),  # a relation to the possessor
        ("Chile praised its border guards.", None),  # no harming act
        ("Chile shelled the post with its artillery.", None),  # an instrument, not the object
        ("Peru said Chile had fired rockets at its towns.", "fired"),  # aimed at
        ("Peru said a Chilean jet had violated its airspace.", "violated"),  # a space it owns
        ("Peru said Chile had violated its own ceasefire.", None),
        ("Chile violated its pledges.", None),  # not a space: one's own pledges
        ("Bogota said Managua had expelled its ambassador.", "expelled"),  # a state expels others' envoys
        ("Managua recalled its ambassador.", None),  # and recalls its own
        ("Managua expelled its own ambassador.", None),
    ],
)
def test_harmed_verb(extractor: Extractor, text: str, verb: str | None) -> None:
    pronoun = next(t for t in extractor.nlp(text) if t.lower_ == "its")
    found = harmed_verb(pronoun, BindingWords.of(LEXICON))
    assert (found.text if found is not None else None) == verb


def test_other_party() -> None:
    assert other_party(state_actor("CHL"), [state_actor("PER"), state_actor("CHL")]) == state_actor("PER")
    assert other_party(state_actor("CHL"), [state_actor("CHL")]) is None
    assert other_party(state_actor("CHL"), [state_actor("PER"), state_actor("BOL"), state_actor("CHL")]) is None


def pairs(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    events = extractor.extract(Article("binding", text, None, "2024-05-02")).events
    return {(e.subject.id, e.object.id) for e in events}


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("Norway said Russia had struck its border radar.",
         ("country:RUS", "country:NOR"), ("country:RUS", "group:rus-cvl")),
        ("Peru accused Chile of shelling its border post.",
         ("country:CHL", "country:PER"), ("country:CHL", "group:chl-cvl")),
        ("Colombia said Nicaragua had expelled its ambassador.",
         ("country:NIC", "country:COL"), ("country:NIC", "group:nic-cvl")),
        # the doer of a coordinated verb is the first verb's subject, not the state named last
        ("The United States imposed sanctions on Russia and seized its tankers.",
         ("country:USA", "group:rus-bus"), ("country:USA", "group:usa-bus")),
        # a mission's "in" names its host, not its owner
        ("Peru said Chile had attacked its embassy in La Paz.",
         ("country:CHL", "country:PER"), ("country:CHL", "country:BOL")),
    ],
)
def test_its_in_a_harmed_object_is_the_other_party(
    extractor: Extractor, text: str, wanted: tuple[str, str], unwanted: tuple[str, str],
) -> None:
    found = pairs(extractor, text)
    assert wanted in found
    assert unwanted not in found


def test_two_other_parties_leave_its_unresolved(extractor: Extractor) -> None:
    found = pairs(extractor, "Peru and Bolivia said Chile had shelled its border post.")
    assert not any(subject == "country:CHL" for subject, _ in found)


def test_a_mission_opened_is_a_relation_with_its_host(extractor: Extractor) -> None:
    # only a harmed mission is its owner's; reopening one deals with the state it stands in
    assert ("country:PER", "country:BOL") in pairs(extractor, "Peru reopened its embassy in La Paz on Monday.")


def test_its_airspace_violated_is_the_other_party(extractor: Extractor) -> None:
    found = pairs(extractor, "Peru said Chile had violated its airspace with a drone.")
    assert ("country:CHL", "country:PER") in found
    assert ("country:CHL", "group:chl-cvl") not in found
