"""A joint act's "between" phrase on the clause whose subject the event noun is
(extract/joint_parties.py)."""

from __future__ import annotations

from extract.joint_parties import between_objects
from extract.pipeline import Extractor
from graph.model import Article


def pairs(extractor: Extractor, text: str) -> set[frozenset[str]]:
    events = extractor.extract(Article("joint", text, None, "2024-03-14")).events
    return {frozenset({e.subject.country or "", e.object.country or ""}) for e in events
            if e.relation.cameo.startswith("04")}


def test_talks_held_between_two_states_are_their_meeting(extractor: Extractor) -> None:
    assert frozenset({"NPL", "BTN"}) in pairs(extractor, "Talks were held between Nepal and Bhutan in Thimphu.")


def test_a_meeting_that_took_place_between_two_states_is_their_meeting(extractor: Extractor) -> None:
    assert frozenset({"LVA", "EST"}) in pairs(extractor, "A meeting took place between Latvia and Estonia in Riga.")


def test_a_between_phrase_past_an_object_names_the_object_s_parties(extractor: Extractor) -> None:
    doc = extractor.nlp("The talks produced a deal between Serbia and Albania.")
    talks = next(t for t in doc if t.lemma_ == "talk")
    assert between_objects(talks) == []


def codes(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    events = extractor.extract(Article("joint", text, None, "2024-03-14")).events
    return {(e.subject.country or "", e.relation.cameo, e.object.country or "") for e in events}


def test_a_phone_call_received_from_a_leader_is_their_call(extractor: Extractor) -> None:
    found = codes(extractor, "Oman's sultan received a phone call from the Qatari emir.")
    assert ("QAT", "041", "OMN") in found
    assert not any(code == "043" for _, code, _ in found)


def test_a_call_received_with_no_content_is_a_telephone_call(extractor: Extractor) -> None:
    assert ("UGA", "041", "KEN") in codes(extractor, "Kenya received a call on Tuesday from the Ugandan president.")


def test_a_call_received_for_something_stays_an_appeal(extractor: Extractor) -> None:
    found = codes(extractor, "Egypt received a call from France for restraint.")
    assert ("FRA", "020", "EGY") in found
    assert not any(code == "041" for _, code, _ in found)
