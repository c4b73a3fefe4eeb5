"""A subject "it" opening a main clause continues the sentence before (extract/main_clause_it.py)."""

from __future__ import annotations

import pytest

from extract.main_clause_it import opens_main_clause
from extract.mentions import BlockMentions, Mention, MentionKind
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, Article


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    events = extractor.extract(Article("main-clause-it", text, None, "2024-05-02")).events
    return {(e.subject.id, e.relation.name, e.object.id) for e in events}


@pytest.mark.parametrize(
    ("sentence", "opens"),
    [
        ("It accused China of dangerous manoeuvres.", True),
        ("On Monday it criticised Japan.", True),
        ("It was unclear whether China would respond.", False),  # a copula's dummy subject
        ("It emerged that China had sent ships.", False),  # a dummy before an extraposed clause
        ("It seems that talks will resume.", False),
        ("It was attacked by rebels.", False),  # passive
        ("Officials said it would respond.", False),  # not the main clause's subject
    ],
)
def test_opens_main_clause(extractor: Extractor, sentence: str, opens: bool) -> None:
    doc = extractor.nlp(sentence)
    pronoun = next(t for t in doc if t.lower_ == "it")
    assert opens_main_clause(pronoun, BlockMentions()) is opens


def test_a_state_named_before_it_in_its_sentence_blocks_the_rule(extractor: Extractor) -> None:
    doc = extractor.nlp("After talks with Japan, it accused China of lying.")
    japan = next(t.i for t in doc if t.text == "Japan")
    mentions = BlockMentions()
    mentions[japan] = Mention(japan, japan + 1, Actor("country:JPN", "Japan", ActorType.COUNTRY, "JPN"),
                              MentionKind.NAME)
    pronoun = next(t for t in doc if t.lower_ == "it")
    assert not opens_main_clause(pronoun, mentions)


def test_it_refers_to_the_state_subject_of_the_sentence_before(extractor: Extractor) -> None:
    text = "The Netherlands summoned a diplomat on Monday. It accused Iran of plotting attacks on its soil."
    assert ("country:NLD", "ACCUSE", "country:IRN") in triples(extractor, text)


def test_it_does_not_refer_to_a_person_subject(extractor: Extractor) -> None:
    text = "President William Ruto visited Uganda on Monday. It accused Tanzania of dumping goods."
    assert not any(relation == "ACCUSE" for _, relation, _ in triples(extractor, text))
