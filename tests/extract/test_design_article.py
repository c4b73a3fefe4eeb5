"""Acceptance checks on the article the product was designed around (kept in ../shared).

The same kinds of checks are applied to the bundled examples in test_examples.py, so nothing
here is special to this text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.model import ActorType, Article, Extraction, Polarity

ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "hungary-russia-nato.txt"


@pytest.fixture(scope="module")
def extraction(extractor: Extractor) -> Extraction:
    if not ARTICLE.is_file():
        pytest.skip(f"design article not found at {ARTICLE}")
    return extractor.extract(Article("hungary-russia-nato", ARTICLE.read_text(encoding="utf-8"), None, "2023-10-19"))


def _has(extraction: Extraction, subject: str, relation: str, obj: str, reciprocal: bool = False) -> bool:
    for event in extraction.events:
        names = (event.subject.name, event.object.name)
        affirmed = event.relation.name == relation and event.polarity is Polarity.AFFIRMED
        if affirmed and (names == (subject, obj) or (reciprocal and names == (obj, subject))):
            return True
    return False


def test_the_two_design_triples(extraction: Extraction) -> None:
    assert _has(extraction, "Viktor Orbán", "MEET", "Vladimir Putin", reciprocal=True)
    buys = [
        e for e in extraction.events
        if (e.subject.name, e.relation.name, e.object.name) == ("Hungary", "BUY_FROM", "Russia")
    ]
    assert buys and buys[0].polarity is Polarity.AFFIRMED
    assert ("commodity", "oil") in buys[0].attributes


def test_actor_countries(extraction: Extraction) -> None:
    actors = {a.name: a for e in extraction.events for a in (e.subject, e.object, e.attributed_to) if a}
    assert actors["Viktor Orbán"].country == "HUN"
    assert actors["Vladimir Putin"].country == "RUS"
    assert actors["Péter Szijjártó"].country == "HUN"
    assert actors["David Pressman"].country == "USA"


def test_no_capital_pronoun_or_self_loop_actors(extraction: Extraction) -> None:
    capitals = {"Budapest", "Moscow", "Washington", "Beijing", "Kyiv"}
    pronouns = {"he", "she", "it", "they", "we", "its", "his", "their"}
    for event in extraction.events:
        for actor in (event.subject, event.object):
            assert actor.name not in capitals
            assert actor.name.lower() not in pronouns
            assert actor.type is not ActorType.PERSON or actor.country is not None or actor.name.count(" ")
        assert event.subject.id != event.object.id


def test_no_affirmed_reduction_of_russian_oil(extraction: Extraction) -> None:
    for event in extraction.events:
        if event.subject.name == "Hungary" and event.object.name == "Russia":
            assert not (event.relation.name == "BUY_FROM" and event.polarity is Polarity.NEGATED)
            assert event.relation.name not in ("REDUCE_RELATIONS",) or event.polarity is Polarity.NEGATED


def test_most_other_events(extraction: Extraction) -> None:
    assert _has(extraction, "Péter Szijjártó", "VISIT", "Russia")
    assert _has(extraction, "European Union", "SANCTION", "Russia")
    assert _has(extraction, "International Criminal Court", "ACCUSE", "Vladimir Putin")
    assert _has(extraction, "Russia", "ATTACK", "Ukraine")
    assert _has(extraction, "Viktor Orbán", "OPPOSE", "Ukraine")
    visit = next(e for e in extraction.events if e.relation.name == "VISIT")
    assert ("place", "Moscow") in visit.attributes
    meeting = next(e for e in extraction.events if e.relation.name == "MEET" and e.subject.type is ActorType.PERSON)
    assert len(meeting.evidence) >= 3
