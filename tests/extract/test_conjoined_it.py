"""A subject "it" of a clause coordinated with the one before keeps that clause's subject (extract/conjoined_it.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from extract.conjoined_it import conjoined_clause_subject
from extract.mentions import BlockMentions, Mention, MentionKind
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, Article


def events(extractor: Extractor, text: str) -> set[tuple[str, str, str, str, str]]:
    found = extractor.extract(Article("conjoined-it", text, None, "2024-05-02")).events
    return {(e.subject.id, e.relation.name, e.object.id, e.polarity.value, e.modality.value) for e in found}


def named(extractor: Extractor, sentence: str, names: dict[str, str]) -> tuple[BlockMentions, Token]:
    """The sentence's names as mentions of states, and its "it"."""
    doc = extractor.nlp(sentence)
    mentions = BlockMentions()
    for token in doc:
        if token.text in names:
            code = names[token.text]
            mentions[token.i] = Mention(token.i, token.i + 1, Actor(f"country:{code}", token.text,
                                                                    ActorType.COUNTRY, code), MentionKind.NAME)
    return mentions, next(t for t in doc if t.lower_ == "it")


@pytest.mark.parametrize(
    ("sentence", "referent"),
    [
        ("Chile praised Peru, but it criticised Bolivia.", "CHL"),
        ("Chile did not praise Peru, and it criticised Bolivia.", "CHL"),
        ("Chile praised Peru, yet it criticised Bolivia.", "CHL"),
        ("Chile praised Peru, but it was criticised by Bolivia.", None),  # a passive subject
        ("Chile praised Peru, and it is unclear why.", None),  # a copula's dummy subject
        ("Chile praised Peru, or it criticised Bolivia.", None),  # not a coordinator of one topic
        ("Chile and Peru met, but it criticised Bolivia.", None),  # a plural subject before
    ],
)
def test_conjoined_clause_subject(extractor: Extractor, sentence: str, referent: str | None) -> None:
    mentions, pronoun = named(extractor, sentence, {"Chile": "CHL", "Peru": "PER", "Bolivia": "BOL"})
    found = conjoined_clause_subject(pronoun, mentions)
    assert (found.actor.country if found else None) == referent


def test_the_second_clause_is_asserted_whatever_the_first_clause_says(extractor: Extractor) -> None:
    found = events(extractor, "Kenya will not sanction Uganda, but it condemned Rwanda on Friday.")
    assert ("country:KEN", "CRITICIZE", "country:RWA", "affirmed", "asserted") in found
    assert ("country:KEN", "SANCTION", "country:UGA", "negated", "intended") in found


def test_the_subject_is_the_outer_clause_s_not_a_reported_clause_s(extractor: Extractor) -> None:
    found = events(extractor, "Egypt said Sudan attacked a border post, and it struck Khartoum in response.")
    assert ("country:EGY", "ATTACK", "country:SDN", "affirmed", "asserted") in found


def test_a_coordinated_subject_before_leaves_it_unresolved(extractor: Extractor) -> None:
    found = events(extractor, "Ghana and Togo met Benin, but it condemned Niger.")
    assert not any(relation == "CRITICIZE" for _, relation, *_ in found)
