"""Threats told as a prediction of consequences (extract/consequence_threats.py), on invented sentences."""

from __future__ import annotations

import pytest

from extract.consequence_threats import predicts_consequences
from extract.pipeline import Extractor
from tests.extract.extracting import runner, triples

run = runner("consequence-test", "2024-02-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hanoi said Beijing would pay a heavy price for the incursion.", ("country:VNM", "THREATEN", "country:CHN")),
        ("The Kenyan government said Somalia would face serious consequences.",
         ("country:KEN", "THREATEN", "country:SOM")),
        ("Athens stated that Ankara will bear all the consequences.", ("country:GRC", "THREATEN", "country:TUR")),
    ],
)
def test_a_stated_prediction_of_consequences_threatens_the_clauses_subject(
    extractor: Extractor, text: str, expected: tuple[str, str, str],
) -> None:
    assert expected in triples(run(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "Hanoi said Beijing would not pay any price.",  # negated
        "Hanoi said it would pay any price to defend its islands.",  # the speaker's own
        "Hanoi said Beijing faced a famine.",  # a plight, and not future
        "Hanoi said Beijing paid a heavy price in the war.",  # past, a report
    ],
)
def test_no_threat_without_a_future_affirmed_consequence_for_another_state(extractor: Extractor, text: str) -> None:
    assert not any(relation == "THREATEN" for _, relation, _ in triples(run(extractor, text)))


def test_the_clause_must_have_a_consequence_noun_and_a_future_modal(extractor: Extractor) -> None:
    threats = extractor.knowledge.ontology.speech_acts.threats
    doc = extractor.nlp("Chile said Peru would face consequences and Peru will face a famine.")
    face = [t for t in doc if t.lemma_ == "face"]
    assert [predicts_consequences(t, threats) for t in face] == [True, False]
