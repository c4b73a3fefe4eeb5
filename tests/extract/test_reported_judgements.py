"""Judgements reported in a clause (extract/reported_judgements.py) and naming verbs with a censure
word: a speaker who says another party's act is wrong criticises that party (CAMEO 111); a negated,
denied or merely descriptive judgement, or an act whose doer is not named, criticises no one."""

from __future__ import annotations

from extract.pipeline import Extractor
from tests.extract.extracting import code_of, runner

run = runner("judgement", "2024-03-14")


def criticisms(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(e.subject.id, code_of(e), e.object.id) for e in run(extractor, text).events if code_of(e)[:2] == "11"}


def test_a_clause_saying_another_states_act_is_illegal_criticises_that_state(extractor: Extractor) -> None:
    found = criticisms(extractor, "Egypt said Ethiopia's plan to fill the dam was illegal.")
    assert found == {("country:EGY", "111", "country:ETH")}


def test_a_quote_attributed_after_it_is_the_speakers_judgement(extractor: Extractor) -> None:
    found = criticisms(extractor, "\"Chile's decision is a mistake,\" Peru's foreign ministry said.")
    assert found == {("country:PER", "111", "country:CHL")}


def test_the_agent_of_the_predicate_is_the_party_judged(extractor: Extractor) -> None:
    found = criticisms(extractor, "\"This is a provocation by Azerbaijan,\" Armenia's foreign ministry said.")
    assert found == {("country:ARM", "111", "country:AZE")}


def test_a_clause_saying_another_state_broke_a_rule_criticises_it(extractor: Extractor) -> None:
    found = criticisms(extractor, "Seoul said Japan had violated World Trade Organization rules.")
    assert found == {("country:KOR", "111", "country:JPN")}
    assert not criticisms(extractor, "Seoul said Japan had not violated any rules.")
    assert not criticisms(extractor, "Seoul denied that Japan had violated the rules.")


def test_a_negated_judgement_criticises_no_one(extractor: Extractor) -> None:
    assert not criticisms(extractor, "Egypt said Ethiopia's plan to fill the dam was not illegal.")


def test_a_denied_judgement_criticises_no_one(extractor: Extractor) -> None:
    assert not criticisms(extractor, "Egypt denied that Ethiopia's plan was illegal.")


def test_a_place_the_act_happened_in_is_not_its_doer(extractor: Extractor) -> None:
    assert not criticisms(extractor, "Jordan said the situation in Gaza was unacceptable.")


def test_the_victim_of_the_act_is_not_its_doer(extractor: Extractor) -> None:
    assert not criticisms(extractor, "Germany said the detention of the Russian journalist was arbitrary.")


def test_a_word_that_charges_no_wrongdoing_is_no_criticism(extractor: Extractor) -> None:
    assert not criticisms(extractor, "Kenya said Uganda's decision was surprising.")


def test_a_naming_verb_with_a_censure_word_criticises(extractor: Extractor) -> None:
    found = criticisms(extractor, "Beijing called Manila's patrols a provocation.")
    assert found == {("country:CHN", "111", "country:PHL")}


def test_the_possessor_of_an_act_done_to_someone_is_its_patient(extractor: Extractor) -> None:
    assert not criticisms(extractor, "Germany said the Ukrainian journalists' detention was arbitrary.")


def test_the_agent_of_a_participle_on_the_act_is_its_doer(extractor: Extractor) -> None:
    found = criticisms(extractor, "The Kremlin said the sanctions imposed by Washington were illegal.")
    assert found == {("country:RUS", "111", "country:USA")}
