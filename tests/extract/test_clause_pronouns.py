"""Pronouns whose clause fixes their antecedent (extract/clause_pronouns.py), and causative verbs
whose object acts in their infinitive ("prompting Seoul to cut ties": Seoul cuts them)."""

from __future__ import annotations

import pytest

from extract.clause_pronouns import adjunct_object, relative_clause_subject, relative_possessor
from extract.mentions import Mention, MentionKind
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, Article

RUSSIA = Actor("country:RUS", "Russia", ActorType.COUNTRY, "RUS")
KENYANS = Actor("group:ken-gov", "Kenyan diplomats", ActorType.GROUP, "KEN")
UKRAINE = Actor("country:UKR", "Ukraine", ActorType.COUNTRY, "UKR")
PUTIN = Actor("person:vladimir-putin", "Vladimir Putin", ActorType.PERSON, "RUS")


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    events = extractor.extract(Article("clause-pronouns", text, None, "2024-05-02")).events
    return {(e.subject.id, e.relation.name, e.object.id) for e in events}


def named(doc_word_index: int, actor: Actor) -> dict[int, Mention]:
    return {doc_word_index: Mention(doc_word_index, doc_word_index + 1, actor, MentionKind.NAME)}


def test_a_relative_clauses_subject_it_is_the_main_subject(extractor: Extractor) -> None:
    doc = extractor.nlp("Russia accused Ukraine, which it invaded in 2022, of lying.")
    pronoun = next(t for t in doc if t.lower_ == "it")
    mentions = {**named(0, RUSSIA), **named(2, UKRAINE)}
    assert relative_clause_subject(pronoun, mentions) == mentions[0]
    assert relative_clause_subject(pronoun, named(0, RUSSIA)) is None  # the clause's noun must name an actor


def test_a_person_main_subject_is_not_what_it_stands_for(extractor: Extractor) -> None:
    doc = extractor.nlp("Putin criticised Ukraine, which it invaded in 2022.")
    pronoun = next(t for t in doc if t.lower_ == "it")
    assert relative_clause_subject(pronoun, {**named(0, PUTIN), **named(2, UKRAINE)}) is None


def test_an_it_outside_a_relative_clause_is_left_to_the_other_rules(extractor: Extractor) -> None:
    doc = extractor.nlp("Russia said it would attack Ukraine.")
    pronoun = next(t for t in doc if t.lower_ == "it")
    assert relative_clause_subject(pronoun, named(0, RUSSIA)) is None


def test_whose_stands_for_the_noun_its_clause_modifies(extractor: Extractor) -> None:
    doc = extractor.nlp("Kenya hosted Russia, whose government has lent Nairobi millions.")
    whose = next(t for t in doc if t.lower_ == "whose")
    russia = next(t.i for t in doc if t.text == "Russia")
    assert relative_possessor(whose, named(russia, RUSSIA)) == named(russia, RUSSIA)[russia]


@pytest.mark.parametrize(
    ("sentence", "agrees"),
    [
        ("Ethiopia expelled two Kenyan diplomats, accusing them of spying.", True),
        ("Ethiopia expelled a Kenyan diplomat, accusing them of spying.", False),  # number disagrees
        ("Ethiopia expelled two Kenyan diplomats and accused them of spying.", False),  # no participle
    ],
)
def test_a_participles_object_pronoun_is_the_main_object(extractor: Extractor, sentence: str, agrees: bool) -> None:
    doc = extractor.nlp(sentence)
    pronoun = next(t for t in doc if t.lower_ == "them")
    diplomats = next(t.i for t in doc if t.lower_.startswith("diplomat"))
    found = adjunct_object(pronoun, named(diplomats, KENYANS))
    assert (found is not None) is agrees


def test_an_accusing_participle_accuses_the_main_object(extractor: Extractor) -> None:
    got = triples(extractor, "Ethiopia expelled two Kenyan diplomats, accusing them of meddling in its affairs.")
    assert ("country:ETH", "ACCUSE", "country:KEN") in got
    assert not any(s == "country:KEN" for s, _, _ in got)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Somalia cut ties with Kenya, accusing it of meddling in Jubaland.", True),
        ("Ethiopia imposed sanctions on Eritrea, urging it to withdraw its troops.", True),
        ("China signed a trade deal with Laos, calling it a model of cooperation.", False),  # it: the deal
    ],
)
def test_an_object_pronoun_after_a_thing_is_the_actor_named_on_it(extractor: Extractor, sentence: str,
                                                                    found: bool) -> None:
    doc = extractor.nlp(sentence)
    pronoun = next(t for t in doc if t.lower_ == "it")
    party = next(t.i for t in doc if t.text in ("Kenya", "Eritrea", "Laos"))
    result = adjunct_object(pronoun, named(party, UKRAINE))
    assert (result is not None and result.actor is UKRAINE) is found


def test_a_relative_clause_pronoun_gives_the_main_subject_its_act(extractor: Extractor) -> None:
    got = triples(extractor, "Russia accused Ukraine, which it invaded in 2022, of attacking a nuclear plant.")
    assert ("country:RUS", "ATTACK", "country:UKR") in got
    assert ("country:RUS", "ACCUSE", "country:UKR") in got


@pytest.mark.parametrize(
    ("sentence", "prompted"),
    [
        ("Chile sanctioned two Peruvian firms, prompting Lima to criticise Santiago.", ("country:PER", "country:CHL")),
        ("Belarus jailed a Latvian journalist, leading Riga to criticise Minsk.", ("country:LVA", "country:BLR")),
        ("The raid caused Jordan to condemn Israel.", ("country:JOR", "country:ISR")),
    ],
)
def test_a_causatives_object_acts_in_its_infinitive(
    extractor: Extractor, sentence: str, prompted: tuple[str, str],
) -> None:
    got = triples(extractor, sentence)
    assert any((s, o) == prompted for s, _, o in got), got
    subject, obj = prompted
    assert not any((s, o) == (obj, obj) for s, _, o in got)
    assert not any(s != subject and o == obj and r == "CRITICIZE" for s, r, o in got), got


def test_a_relative_clause_on_a_thing_is_left_alone(extractor: Extractor) -> None:
    doc = extractor.nlp("Russia lifted the ban on imports of Moldovan wine that it imposed in 2013.")
    pronoun = next(t for t in doc if t.lower_ == "it")
    assert relative_clause_subject(pronoun, named(0, RUSSIA)) is None
