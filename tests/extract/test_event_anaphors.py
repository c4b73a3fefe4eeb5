"""Which earlier acts a definite event noun may name: number, the reactor's side, a doer the noun
names itself, and the victims of an empathetic comment (extract/event_anaphors.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from extract.event_anaphors import empathy_event_noun, names_its_doer, names_one_act, others_acts
from extract.event_memory import EventMemory, RememberedEvent
from extract.event_reference import REFERENCE_PAIRING
from extract.patterns import Context
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, DropReason, Extraction
from tests.extract.extracting import code_of, runner

run = runner("event-anaphors-test", "2024-03-14")


def noun(extractor: Extractor, text: str, word: str) -> Token:
    return next(t for t in extractor.nlp(text) if t.lower_ == word)


def reactions(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(e.subject.id, code_of(e), e.object.id) for e in extraction.events if e.pairing == REFERENCE_PAIRING}


def dropped(extraction: Extraction) -> set[tuple[str, DropReason]]:
    return {(d.trigger, d.reason) for d in extraction.drops}


@pytest.mark.parametrize(("text", "word", "one"), [
    ("Kyiv condemned the move.", "move", True),
    ("Kyiv condemned the moves.", "moves", False),
    ("Sudan rejected these measures.", "measures", False),
])
def test_a_singular_noun_names_one_act(extractor: Extractor, text: str, word: str, one: bool) -> None:
    assert names_one_act(noun(extractor, text, word)) is one


@pytest.mark.parametrize(("text", "word", "named"), [
    ("Paris condemned Moscow's decision.", "decision", True),
    ("Finland welcomed the decision of the court.", "decision", True),
    ("Greece condemned the move by Ankara.", "move", True),
    ("The move, announced by Ankara on Monday, was condemned by Athens.", "move", True),
    ("Paris condemned the decision to expel its diplomats.", "decision", False),
    ("Seoul condemned the move on Monday.", "move", False),
])
def test_a_noun_naming_its_own_doer(extractor: Extractor, text: str, word: str, named: bool) -> None:
    assert names_its_doer(noun(extractor, text, word)) is named


def test_the_reactors_own_acts_are_left_out_but_a_joint_act_stays() -> None:
    rus, est, fin = (Actor(f"country:{c}", c, ActorType.COUNTRY, country=c) for c in ("RUS", "EST", "FIN"))
    own = RememberedEvent("EXPEL", "expel", rus, est, False, 0)
    other = RememberedEvent("EXPEL", "expel", est, rus, False, 1)
    joint = RememberedEvent("SIGN_AGREEMENT", "sign", rus, fin, True, 1)
    kept = others_acts(EventMemory((own, other, joint)), (rus,)).events
    assert kept == (other, joint)


def test_condolences_after_an_attack_are_aimed_at_its_victim(extractor: Extractor) -> None:
    result = run(extractor, "Russian missiles struck Kharkiv on Monday. Poland offered condolences after the attack.")
    assert reactions(result) == {("country:POL", "018", "country:UKR")}


def test_a_singular_anaphor_names_the_latest_act_not_an_earlier_one(extractor: Extractor) -> None:
    text = ("Russia expelled two Estonian diplomats on Monday. Estonia expelled a Russian diplomat on Tuesday. "
            "Latvia condemned the move.")
    assert reactions(run(extractor, text)) == {("country:LVA", "111", "country:EST")}


def test_a_plural_anaphor_over_acts_of_different_doers_is_unresolved(extractor: Extractor) -> None:
    text = ("Egypt imposed a blockade on Sudan on Friday. Sudan imposed a blockade on Egypt on Saturday. "
            "Chad rejected the measures.")
    result = run(extractor, text)
    assert not reactions(result)
    assert ("reject", DropReason.UNRESOLVED_REFERENCE) in dropped(result)


def test_a_reactor_reacts_to_the_other_sides_act_not_its_own(extractor: Extractor) -> None:
    text = ("Estonia expelled a Russian diplomat on Monday. Russia expelled two Estonian diplomats on Tuesday. "
            "Tallinn condemned the expulsions.")
    assert reactions(run(extractor, text)) == {("country:EST", "111", "country:RUS")}
    # its own act alone: a self-loop, dropped with its reason
    own = run(extractor, "Estonia expelled a Russian diplomat on Monday. Tallinn condemned the expulsion.")
    assert not reactions(own)
    assert ("condemn", DropReason.SELF_LOOP) in dropped(own)


def test_a_passive_reaction_to_a_move_that_names_its_doer(extractor: Extractor) -> None:
    result = run(extractor, "The decision, taken by Hanoi last week, was welcomed by Manila.")
    assert reactions(result) == {("country:PHL", "051", "country:VNM")}
    # brokering a deal is not being a party to it
    brokered = run(extractor, "The deal, brokered by Thailand, was welcomed by Laos.")
    assert not any("THA" in (e.subject.country, e.object.country) for e in brokered.events)


def test_an_empathetic_comment_is_aimed_at_the_victim_not_the_doer(extractor: Extractor) -> None:
    result = run(extractor, "Russian missiles struck Kharkiv on Monday. Poland expressed sympathy over the attack.")
    assert reactions(result) == {("country:POL", "018", "country:UKR")}
    alone = run(extractor, "Poland expressed sympathy over the attack.")
    assert not reactions(alone)


def test_an_empathetic_comment_over_attacks_of_different_doers_is_unresolved(extractor: Extractor) -> None:
    text = ("Al-Shabaab fighters attacked a Kenyan army base on Tuesday. Kenyan troops attacked Somalia on Wednesday. "
            "Uganda expressed sympathy over the attack.")
    result = run(extractor, text)
    assert not reactions(result)
    assert ("express", DropReason.UNRESOLVED_REFERENCE) in dropped(result)


def test_only_a_condolence_noun_with_its_preposition_names_the_event(extractor: Extractor) -> None:
    doc = extractor.nlp("Poland expressed sympathy over the attack. Poland expressed concern over the attack.")
    first, second = (next(t for t in s if t.lower_ == "expressed") for s in doc.sents)
    ctx = Context(extractor.knowledge.ontology, extractor.knowledge.lexicon, {}, extractor.knowledge.reporter_acts)
    found = empathy_event_noun(first, ctx)
    assert found is not None and found.lower_ == "attack"
    assert empathy_event_noun(second, ctx) is None


def test_a_defended_move_is_not_another_states_recent_act(extractor: Extractor) -> None:
    text = ("Russian troops rescued a Syrian pilot on Monday. Russia cancelled a visit to Turkey. "
            "Turkey defended the action.")
    result = run(extractor, text)
    assert not [e for e in result.events if e.subject.country == "TUR" and e.relation.name == "SUPPORT"]


def test_an_act_told_as_promised_is_no_move_made(extractor: Extractor) -> None:
    promised = run(extractor, "Sweden promised to cooperate with Turkey against militants. "
                              "Washington welcomed the decision.")
    assert not reactions(promised)
    done = run(extractor, "Sweden suspended arms sales to Turkey on Monday. Washington welcomed the decision.")
    assert reactions(done) == {("country:USA", "051", "country:SWE")}


def test_a_governments_protest_of_an_act_is_an_official_complaint_to_its_doer(extractor: Extractor) -> None:
    result = run(extractor, "Moscow expelled a Latvian diplomat on Monday. Riga protested the expulsion.")
    assert reactions(result) == {("country:LVA", "114", "country:RUS")}
    alone = run(extractor, "Riga protested the expulsion.")
    assert not alone.events


def test_an_evaluative_predicate_of_a_referring_noun_judges_the_referred_act(extractor: Extractor) -> None:
    result = run(extractor, "Venezuela closed its border with Colombia on Monday. Bogota said the move was illegal.")
    assert reactions(result) == {("country:COL", "111", "country:VEN")}
    alone = run(extractor, "Bogota said the move was illegal.")
    assert not alone.events
    assert ("illegal", DropReason.NOT_AN_ACTOR) in dropped(alone)


def test_a_singular_anaphor_after_acts_of_different_doers_in_one_sentence_is_unresolved(extractor: Extractor) -> None:
    result = run(extractor, "Hungary blocked new EU sanctions on Russia. Poland criticised the decision.")
    assert not reactions(result)
    assert ("criticise", DropReason.UNRESOLVED_REFERENCE) in dropped(result)
