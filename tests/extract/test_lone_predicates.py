"""An object predicate with no object is the object (extract/lone_predicates.py)."""

from __future__ import annotations

from extract.lone_predicates import lone_object_predicates
from extract.pipeline import Extractor
from graph.model import Article
from tests.extract.extracting import code_of


def codes(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    events = extractor.extract(Article("lone", text, None, "2024-03-14")).events
    return {(e.subject.country or "", code_of(e), e.object.country or "") for e in events}


def test_a_call_to_a_named_leader_on_a_day_is_a_telephone_call(extractor: Extractor) -> None:
    assert ("FRA", "041", "UKR") in codes(extractor, "Macron called Zelensky on Sunday.")


def test_the_lone_predicate_is_taken_only_without_a_direct_object(extractor: Extractor) -> None:
    calls = [
        next(t for t in extractor.nlp(text) if t.lemma_ == "call")
        for text in ("Macron called Zelensky on Sunday.", "Iran called the strike a crime.")
    ]
    assert [t.text for t in lone_object_predicates(calls[0])] == ["Zelensky"]
    assert lone_object_predicates(calls[1]) == []
