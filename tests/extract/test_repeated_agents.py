"""A bare agent noun repeated after a qualified one refers back to it (extract/repeated_agents.py)."""

from __future__ import annotations

from extract.pipeline import Extractor
from graph.model import Article


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    events = extractor.extract(Article("repeated-agents", text, None, "2024-05-02")).events
    return {(e.subject.id, e.relation.name, e.object.id) for e in events}


def test_bare_police_after_kenyan_police_are_the_kenyan_police(extractor: Extractor) -> None:
    text = "Kenyan police raided a warehouse on Monday. Police accused Somalia of sheltering the smugglers."
    assert ("group:ken-cop", "ACCUSE", "country:SOM") in triples(extractor, text)


def test_bare_state_media_after_a_states_state_media(extractor: Extractor) -> None:
    text = ("Iran launched a satellite on Friday, its state media reported. "
            "State media accused Israel of sabotage at a nuclear site.")
    assert any(s.endswith("IRN") or "irn" in s for s, relation, o in triples(extractor, text)
               if relation == "ACCUSE" and o == "country:ISR")


def test_two_states_named_with_the_noun_leave_it_no_actor(extractor: Extractor) -> None:
    text = "Russian officials met Ukrainian officials in Istanbul. Officials accused Poland of delays."
    assert not any(relation == "ACCUSE" for _, relation, _ in triples(extractor, text))


def test_the_noun_named_too_far_back_is_not_looked_for(extractor: Extractor) -> None:
    text = ("Kenyan police raided a warehouse on Monday. The raid lasted hours. Goods were seized. "
            "Traders were angry. Police accused Somalia of sheltering the smugglers.")
    assert not any(relation == "ACCUSE" for _, relation, _ in triples(extractor, text))
