"""A subject "they" opening a main clause continues a coordinated subject before it
(extract/plural_subject.py)."""

from __future__ import annotations

import pytest

from extract.mentions import BlockMentions
from extract.pipeline import Extractor
from extract.plural_subject import continues_plural_subject
from graph.model import Article


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    events = extractor.extract(Article("plural-subject", text, None, "2024-05-02")).events
    return {(e.subject.id, e.relation.name, e.object.id) for e in events}


@pytest.mark.parametrize(
    ("sentence", "continues"),
    [
        ("They also urged Chad to act.", True),
        ("On Monday they criticised Japan.", True),
        ("They were attacked by rebels.", False),  # passive
        ("They are neighbours.", False),  # a copula
        ("Officials said they would respond.", False),  # not the main clause's subject
    ],
)
def test_continues_plural_subject(extractor: Extractor, sentence: str, continues: bool) -> None:
    doc = extractor.nlp(sentence)
    pronoun = next(t for t in doc if t.lower_ == "they")
    assert continues_plural_subject(pronoun, BlockMentions()) is continues


def test_they_after_two_coordinated_states_acts_as_both(extractor: Extractor) -> None:
    text = "Senegal and Gambia signed a bridge accord on Monday. They later urged Guinea to reopen its border."
    found = triples(extractor, text)
    assert ("country:SEN", "APPEAL", "country:GIN") in found
    assert ("country:GMB", "APPEAL", "country:GIN") in found


def test_they_after_a_subject_and_object_is_not_the_pair(extractor: Extractor) -> None:
    text = "Senegal accused Gambia of smuggling on Monday. They later urged Guinea to reopen its border."
    assert not any(relation == "APPEAL" for _, relation, _ in triples(extractor, text))


def test_they_after_a_sentence_with_another_subject_is_left_alone(extractor: Extractor) -> None:
    text = ("Senegal and Gambia signed a bridge accord on Monday. Rebels attacked a border post. "
            "They later urged Guinea to reopen its border.")
    assert not any(relation == "APPEAL" for _, relation, _ in triples(extractor, text))
