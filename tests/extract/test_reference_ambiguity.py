"""References back with two equally salient referents (extract/reference_ambiguity.py)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from extract.reference_ambiguity import rival_pairs, rival_referents
from graph.model import Actor, ActorType, Article
from tests.extract.extracting import state_actor


def org(name: str) -> Actor:
    return Actor(f"org:{name}", name, ActorType.ORGANIZATION, None, None)


def states_only(actor: Actor) -> Actor | None:
    return actor if actor.type is ActorType.COUNTRY else None


def test_two_states_in_the_latest_sentence_that_names_any_are_rivals() -> None:
    sentences = [(), (state_actor("NOR"), state_actor("SWE")), (state_actor("FIN"),)]
    assert rival_referents(sentences, states_only)
    sentences = [(org("eu"),), (state_actor("NOR"), state_actor("SWE"))]
    assert rival_referents(sentences, states_only)


def test_states_in_the_references_own_sentence_are_no_rivalry() -> None:
    # the clause tells them apart ("cut ties with Qatar, accusing the Gulf state")
    sentences = [(state_actor("SAU"), state_actor("QAT")), (state_actor("NOR"), state_actor("SWE"))]
    assert not rival_referents(sentences, states_only)


def test_one_state_in_the_latest_sentence_is_no_rivalry() -> None:
    # the latest sentence naming a state names one (an organisation does not fit "the country")
    sentences = [(), (org("nato"), state_actor("NOR")), (state_actor("FIN"), state_actor("SWE"))]
    assert not rival_referents(sentences, states_only)
    # one state named twice is one referent
    assert not rival_referents([(), (state_actor("NOR"), state_actor("NOR"))], states_only)
    assert not rival_referents([], states_only)


def test_two_disjoint_pairs_in_one_sentence_are_rivals() -> None:
    dyads = [((state_actor("PER"), state_actor("CHL")), (state_actor("BOL"), state_actor("PRY")))]
    assert rival_pairs(dyads, states_only)


def test_pairs_sharing_a_state_or_in_different_sentences_are_no_rivalry() -> None:
    sharing = [((state_actor("PER"), state_actor("CHL")), (state_actor("PER"), state_actor("BOL")))]
    assert not rival_pairs(sharing, states_only)
    apart = [((state_actor("PER"), state_actor("CHL")),), ((state_actor("BOL"), state_actor("PRY")),)]
    assert not rival_pairs(apart, states_only)


def pairs(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    events = extractor.extract(Article("ambiguity", text, None, "2024-05-02")).events
    return {(e.subject.id, e.object.id) for e in events}


@pytest.mark.parametrize(
    ("text", "sentence_subjects"),
    [
        # subject and object of the sentence before "the country" are both states
        ("Norway accused Russia of jamming signals on Monday. The country also criticised Finland.",
         {"country:NOR", "country:RUS"}),
        ("Chile thanked Peru for its help on Monday. The nation also praised Bolivia.",
         {"country:CHL", "country:PER"}),
        # two pairs put together in the sentence before "the two countries"
        ("Peru and Chile held talks on Monday, while Bolivia and Paraguay traded accusations. "
         "The two countries signed a trade deal with Brazil.",
         {"country:PER", "country:CHL", "country:BOL", "country:PRY"}),
    ],
)
def test_an_ambiguous_reference_gives_no_actor(
    extractor: Extractor, text: str, sentence_subjects: set[str],
) -> None:
    extraction = extractor.extract(Article("ambiguity", text, None, "2024-05-02"))
    last = text.split(". ")[-1]
    guessed = [e for e in extraction.events if last[:20] in e.evidence[0].sentence]
    assert not guessed, [(e.subject.id, e.object.id) for e in guessed]
    assert any(d.reason.value == "unresolved_reference" for d in extraction.drops)


def test_a_single_referent_is_still_resolved(extractor: Extractor) -> None:
    assert ("country:NOR", "country:FIN") in pairs(
        extractor, "Norway recalled its ambassador on Monday. The country also criticised Finland.")
    assert ("country:PER", "country:BRA") in pairs(
        extractor, "Peru and Chile held talks on Monday. The two countries later criticised Brazil.")
