"""A joint verb's object that is a third thing (extract/joint_objects.py).

Sentences written for these tests. Rules under test:
- coordinated subjects of a joint verb are paired with each other when its object is their joint act
  or its product ("signed a trade deal", "held talks"), or when it has none ("agreed");
- an object that names a body ("joined the group", "the alliance") or belongs to another party ("the
  group's statement was signed by X and Y") is a third thing: no pair between the subjects;
- a possessor pronoun ("their joint statement") is the subjects' own: they stay partners.
"""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from tests.extract.extracting import runner, triples

run = runner("joint-objects", "2024-06-10")


def between(sentence: str, extractor: Extractor, first: str, second: str) -> list[tuple[str, str, str]]:
    found = triples(run(extractor, sentence))
    return [t for t in found if {t[0], t[2]} == {first, second}]


@pytest.mark.parametrize("sentence", [
    "Chile and Peru signed a trade deal on Monday.",
    "Chile and Peru held talks in Lima.",
    "Chile and Peru signed their joint statement on Monday.",
    "Chile and Peru agreed to reopen the border.",
])
def test_a_joint_act_pairs_the_coordinated_subjects(extractor: Extractor, sentence: str) -> None:
    assert between(sentence, extractor, "country:CHL", "country:PER")


@pytest.mark.parametrize("sentence", [
    "Chile and Peru did not join the group.",
    "Chile and Peru joined the bloc last year.",
    "The group's statement was also signed by Chile and Peru.",
    "Chile and Peru signed the council's declaration on Monday.",
])
def test_a_third_thing_acted_on_pairs_no_subjects(extractor: Extractor, sentence: str) -> None:
    assert between(sentence, extractor, "country:CHL", "country:PER") == []


@pytest.mark.parametrize("sentence", [
    "Chile and Peru agreed to restore diplomatic ties with Bolivia.",
    "Chile and Peru agreed on Monday to resume talks with Bolivia.",
])
def test_a_complement_naming_another_partner_pairs_each_subject_with_it_not_with_each_other(
    extractor: Extractor, sentence: str,
) -> None:
    # patterns._complement_names_other_party: the subjects take up the act with Bolivia
    assert between(sentence, extractor, "country:CHL", "country:PER") == []
    found = triples(run(extractor, sentence))
    assert {s for s, _, o in found if o == "country:BOL"} == {"country:CHL", "country:PER"}, found


@pytest.mark.parametrize("sentence", [
    "Chile and Peru agreed to impose sanctions on Bolivia.",
    "Chile and Peru agreed to hold talks in Bolivia.",
])
def test_a_complement_aimed_at_another_party_or_held_in_a_place_leaves_the_subjects_partners(
    extractor: Extractor, sentence: str,
) -> None:
    assert between(sentence, extractor, "country:CHL", "country:PER")
