"""A coordinated subject is no antecedent of a singular pronoun (extract/coordinated_antecedents.py)."""

from __future__ import annotations

import pytest

from extract.actors import ActorResolver
from extract.block_index import BlockTokens
from extract.coordinated_antecedents import has_coordinated_subject, may_coordinate
from extract.mentions import Mention
from extract.pipeline import Extractor
from graph.model import ActorType, Article

DATE = "2024-05-02"


def pairs(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    events = extractor.extract(Article("coordinated", text, None, DATE)).events
    return {(e.subject.id, e.object.id) for e in events}


def is_state(mention: Mention) -> bool:
    return mention.actor.type is ActorType.COUNTRY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya and Uganda criticised Sudan.", True),
        ("Kenya, Uganda and Tanzania criticised Sudan.", True),
        ("Kenya criticised Sudan and Chad.", False),  # the coordination is the object
        ("Kenya or Uganda will host the talks.", False),  # "or" leaves one of them the actor
        ("Kenya's president criticised Sudan.", False),
    ],
)
def test_has_coordinated_subject(extractor: Extractor, text: str, expected: bool) -> None:
    knowledge = extractor.knowledge
    resolver = ActorResolver(knowledge.gazetteer, extractor.index, knowledge.lexicon, DATE, knowledge.binding_words)
    doc = extractor.nlp(text)
    tokens = BlockTokens.of(doc)
    mentions = resolver.resolve_block(doc, tokens)
    sentence = next(iter(doc.sents))
    assert has_coordinated_subject(sentence, mentions, is_state) is expected
    # a coordinated subject needs a coordinator among the sentence's words (the gate never hides one)
    assert may_coordinate(sentence, tokens.lowers) or not expected


@pytest.mark.parametrize(
    ("text", "coordinator"),
    [("Kenya and Uganda met. Chad left.", [True, False]), ("Kenya & Uganda met.", [True]),
     ("Kenya or Uganda will host the talks. Chad AND Sudan agreed.", [False, True])],
)
def test_may_coordinate_reads_each_sentences_own_words(
    extractor: Extractor, text: str, coordinator: list[bool],
) -> None:
    doc = extractor.nlp(text)
    lowers = BlockTokens.of(doc).lowers
    assert [may_coordinate(sentence, lowers) for sentence in doc.sents] == coordinator


def test_it_after_a_coordinated_state_subject_is_not_its_first_member(extractor: Extractor) -> None:
    found = pairs(extractor, "Kenya and Uganda criticised Sudan on Monday. It also accused Chad of meddling.")
    assert ("country:KEN", "country:TCD") not in found
    assert ("country:KEN", "country:SDN") in found  # the coordinated subject itself still acts


def test_it_after_a_single_state_subject_is_resolved(extractor: Extractor) -> None:
    found = pairs(extractor, "Kenya criticised Sudan on Monday. It also accused Chad of meddling.")
    assert ("country:KEN", "country:TCD") in found


def test_he_after_two_coordinated_persons_is_not_guessed(extractor: Extractor) -> None:
    found = pairs(extractor, "Lula and Milei met in Asuncion on Monday. He criticised Venezuela.")
    assert not any(obj == "country:VEN" for _, obj in found)


def test_he_after_a_single_person_subject_is_resolved(extractor: Extractor) -> None:
    found = pairs(extractor, "Lula met Milei in Asuncion on Monday. He criticised Venezuela.")
    assert ("person:luiz-inacio-lula-da-silva", "country:VEN") in found
