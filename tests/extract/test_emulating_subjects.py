"""The doer of the "in V-ing" adjunct of a verb of following or joining (extract/patterns.py,
lexicon.toml ``emulating_verbs``), on invented sentences."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import Modality, Polarity
from tests.extract.extracting import runner, triples

run = runner("emulation-test", "2024-02-01")


@pytest.mark.parametrize(
    ("text", "doer", "followed", "relation", "target"),
    [
        ("Ireland joined Spain in recognising the State of Palestine.", "country:IRL", "country:ESP", "RECOGNIZE",
         "country:PSE"),
        ("Slovakia followed Hungary in criticising Ukraine.", "country:SVK", "country:HUN", "CRITICIZE",
         "country:UKR"),
    ],
)
def test_the_subject_does_the_act_as_the_followed_party_did(
    extractor: Extractor, text: str, doer: str, followed: str, relation: str, target: str,
) -> None:
    found = triples(run(extractor, text))
    assert (doer, relation, target) in found
    assert (followed, relation, target) in found


def test_a_refused_joining_says_nothing_of_the_joined_partys_act(extractor: Extractor) -> None:
    events = run(extractor, "Slovakia refused to join Hungary in criticising Ukraine.").events
    criticisms = [e for e in events if e.relation.name == "CRITICIZE"]
    assert [e.subject.id for e in criticisms] == ["country:SVK"]
    assert criticisms[0].polarity is Polarity.NEGATED


def test_an_expected_joining_is_an_intention_of_the_subject_only(extractor: Extractor) -> None:
    events = run(extractor, "Romania is expected to join Bulgaria in condemning Russia.").events
    criticisms = [e for e in events if e.relation.name == "CRITICIZE"]
    assert [(e.subject.id, e.modality) for e in criticisms] == [("country:ROU", Modality.INTENDED)]
