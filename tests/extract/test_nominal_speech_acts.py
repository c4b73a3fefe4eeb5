"""Parties of speech acts told as nouns (extract/nominal_speech_acts.py), on invented sentences with
the real model: whom an asking noun is addressed to, who does an act asked for, verbs of responding
that lend no agent, and a government's protest named by its possessor or "by" phrase."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from extract.nominal_speech_acts import (
    act_doers,
    answers_the_act,
    asked_parties,
    manner_reaction_verb,
    named_agent_tokens,
)
from extract.pipeline import Extractor
from graph.model import Article


def _pairs(extractor: Extractor, text: str) -> set[tuple[str | None, str, str | None]]:
    events = extractor.extract(Article("nominal", text, None, "2024-03-14")).events
    return {(e.subject.country, e.relation.cameo[:2], e.object.country)
            for e in events if e.polarity.value == "affirmed"}


def _token(extractor: Extractor, text: str, word: str) -> Token:
    doc = extractor.nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(("text", "pair"), [
    ("Kyiv's request for air defence from Berlin was discussed on Monday.", ("UKR", "02", "DEU")),
    ("Somalia's request for aid from Qatar was approved.", ("SOM", "02", "QAT")),
    ("Tokyo's demand for an apology from Beijing went unanswered.", ("JPN", "10", "CHN")),
    ("Chad's request to France for troops was turned down.", ("TCD", "02", "FRA")),
    ("Baghdad's demand for the withdrawal of Turkish troops was ignored.", ("IRQ", "10", "TUR")),
    ("Armenia renewed its demand for the withdrawal of Azerbaijani troops.", ("ARM", "10", "AZE")),
])
def test_an_asking_noun_is_addressed_to_the_holder_or_doer_of_what_it_asks(
        extractor: Extractor, text: str, pair: tuple[str, str, str]) -> None:
    assert pair in _pairs(extractor, text)


def test_a_request_for_a_thing_that_is_no_act_names_no_addressee(extractor: Extractor) -> None:
    noun = _token(extractor, "Kyiv's request for German tanks was discussed.", "request")
    assert asked_parties(noun, extractor.knowledge.lexicon, lambda t: t.lemma_ == "aid") == []


def test_a_noun_of_leaving_takes_its_doer_from_of(extractor: Extractor) -> None:
    lexicon = extractor.knowledge.lexicon
    withdrawal = _token(extractor, "They demanded the withdrawal of Turkish troops.", "withdrawal")
    assert [t.text for t in act_doers(withdrawal, lexicon)] == ["troops"]
    release = _token(extractor, "They demanded the release of Turkish journalists.", "release")
    assert act_doers(release, lexicon) == []  # the journalists are released, they do nothing


@pytest.mark.parametrize(("text", "absent"), [
    ("Kenya ignored the criticism of Uganda.", ("KEN", "11", "UGA")),
    ("Germany's ambassador responded to criticism of the Polish plan.", ("DEU", "11", "POL")),
])
def test_a_responding_verb_lends_its_subject_to_no_act_it_answers(
        extractor: Extractor, text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in _pairs(extractor, text)


def test_a_light_verb_still_lends_its_subject(extractor: Extractor) -> None:
    assert ("ITA", "11", "SVN") in _pairs(extractor, "Italy voiced criticism of Slovenia on Monday.")
    lexicon = extractor.knowledge.lexicon
    assert answers_the_act(_token(extractor, "Kenya ignored the criticism.", "ignored"), lexicon)
    assert not answers_the_act(_token(extractor, "Kenya voiced criticism.", "voiced"), lexicon)


@pytest.mark.parametrize(("text", "pair"), [
    ("Norway's protest to Russia over the fishing ban was ignored.", ("NOR", "11", "RUS")),
    ("South Korea's protest to Japan over the textbook was lodged on Friday.", ("KOR", "11", "JPN")),
    ("Ukraine lodged a formal complaint to Hungary over the language law.", ("UKR", "11", "HUN")),
])
def test_a_governments_protest_named_by_its_possessor_is_an_official_complaint(
        extractor: Extractor, text: str, pair: tuple[str, str, str]) -> None:
    pairs = _pairs(extractor, text)
    assert pair in pairs
    assert (pair[0], "14", pair[2]) not in pairs


def test_a_protest_by_a_people_stays_a_demonstration(extractor: Extractor) -> None:
    assert ("FRA", "11", "ESP") not in _pairs(extractor, "A protest by farmers in France blocked roads to Spain.")
    noun = _token(extractor, "A protest by Japan was delivered.", "protest")
    assert [t.text for t in named_agent_tokens(noun)] == ["Japan"]


@pytest.mark.parametrize(("text", "pair"), [
    ("Moscow dismissed criticism from Finland.", ("FIN", "11", "RUS")),
    ("Iran ignored threats from Israel.", ("ISR", "13", "IRN")),
])
def test_a_reaction_from_a_party_answered_by_another_is_aimed_at_who_answers(
        extractor: Extractor, text: str, pair: tuple[str, str, str]) -> None:
    assert pair in _pairs(extractor, text)


def test_a_spoken_act_rejected_was_made_but_one_never_made_stays_negated(extractor: Extractor) -> None:
    assert ("UKR", "11", "RUS") in _pairs(extractor, "The accusation by Kyiv against Moscow was rejected.")
    assert ("PER", "11", "BOL") not in _pairs(extractor, "Peru did not issue a condemnation of Bolivia.")
    # a material act refused stays undone: no aid was given
    assert ("JPN", "07", "PER") not in _pairs(extractor, "Peru rejected aid from Japan.")


@pytest.mark.parametrize(("text", "pair"), [
    ("Hungary recalled its ambassador in protest at Ukraine's language law.", ("HUN", "11", "UKR")),
    ("Ghana closed its embassy in condemnation of the Malian junta's crackdown.", ("GHA", "11", "MLI")),
])
def test_a_reaction_told_in_a_manner_adjunct_is_the_verbs_subjects(
        extractor: Extractor, text: str, pair: tuple[str, str, str]) -> None:
    pairs = _pairs(extractor, text)
    assert pair in pairs
    assert (pair[0], "14", pair[2]) not in pairs  # a government's protest is no demonstration


def test_a_manner_adjunct_hung_on_the_clause_of_its_target_is_the_clause_aboves(extractor: Extractor) -> None:
    # no state protests at its own act: the parser hung the adjunct on "return", whose subject is Chile
    text = "Peru demanded that Chile return the boats, in protest at Chile's seizure of Peruvian vessels."
    assert ("PER", "11", "CHL") in _pairs(extractor, text)


def test_a_crowds_protest_in_a_manner_adjunct_is_no_governments(extractor: Extractor) -> None:
    text = "Thousands marched in Athens in protest at the Turkish overflights."
    assert ("GRC", "11", "TUR") not in _pairs(extractor, text)
    assert manner_reaction_verb(_token(extractor, "Kenya recalled its envoy in protest.", "protest"),
                                frozenset({"14"})) is not None
    assert manner_reaction_verb(_token(extractor, "The protest grew.", "protest"), frozenset({"14"})) is None


def test_a_reaction_conjoined_in_a_manner_adjunct_is_the_verbs_subjects_too(extractor: Extractor) -> None:
    text = "Peru closed the border in rejection and condemnation of the Bolivian decision."
    assert ("PER", "11", "BOL") in _pairs(extractor, text)
