"""Event nouns read by their sense in the clause (extract/noun_senses.py): examined, failed, lapsed,
put off, only likely, conjectured, held arrangements and continuing activities (sentences written
here, not taken from any evaluation set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.gazetteer import DATA_DIR
from extract.noun_senses import NounSenseWordsError, load_noun_sense_words, verb_phrase
from extract.pipeline import Extractor
from graph.model import DropReason, Extraction, Modality
from tests.extract.extracting import runner, triples

run = runner("noun-senses", "2024-03-14")


def drops(extraction: Extraction, reason: DropReason) -> list[tuple[str, str]]:
    return [(d.trigger, d.detail) for d in extraction.drops if d.reason is reason]


def modalities(extraction: Extraction) -> set[tuple[str, str, str, Modality]]:
    return {(e.subject.id, e.relation.name, e.object.id, e.modality) for e in extraction.events}


@pytest.mark.parametrize(
    ("text", "trigger", "detail"),
    [
        ("Australia reviewed its military aid to Fiji.", "aid", "'aid' examined by 'review'"),
        ("Lawmakers in Canada scrutinised the sanctions on Nicaragua.", "sanction",
         "'sanction' examined by 'scrutinise'"),
        ("The Canadian sanctions on Nicaragua lapsed in May.", "sanction", "'sanction' lapsed: 'lapse'"),
        ("The aid to Malawi from Denmark ran out in the spring.", "aid", "'aid' lapsed: 'run out'"),
    ],
)
def test_an_examined_or_lapsed_event_noun_is_no_event(extractor: Extractor, text: str, trigger: str,
                                                      detail: str) -> None:
    extraction = run(extractor, text)
    assert not extraction.events
    assert (trigger, detail) in drops(extraction, DropReason.NOT_AN_EVENT)


@pytest.mark.parametrize(
    ("text", "trigger", "detail"),
    [
        ("Ghana's president met Togo's president in Accra. The two governments signed agreements covering "
         "investment.", "investment", "'investment' is the topic of 'cover'"),
        ("Chile and Peru signed a deal on trade.", "trade", "'trade' is the topic of 'deal on'"),
    ],
)
def test_an_event_noun_that_is_a_topic_is_no_event(extractor: Extractor, text: str, trigger: str,
                                                    detail: str) -> None:
    extraction = run(extractor, text)
    assert not any(e.relation.name in ("TRADE_WITH", "SELL_TO", "BUY_FROM") for e in extraction.events)
    assert (trigger, detail) in drops(extraction, DropReason.NOT_AN_EVENT)


def test_a_pact_signed_on_a_topic_is_still_signed(extractor: Extractor) -> None:
    found = triples(run(extractor, "Chile and Peru signed a deal on trade."))
    assert found & {("country:CHL", "SIGN_AGREEMENT", "country:PER"), ("country:PER", "SIGN_AGREEMENT", "country:CHL")}


def test_an_examined_act_of_another_agent_is_left_to_its_own_rules(extractor: Extractor) -> None:
    """Who examines an act does not do it: the act of the one named on the noun stays."""
    extraction = run(extractor, "The United Nations investigated Russia's attack on Georgia.")
    assert ("country:RUS", "ATTACK", "country:GEO") in triples(extraction)


def test_failed_talks_are_halted_negotiations(extractor: Extractor) -> None:
    """OEDA: TALKS * COLLAPSE 164. No meeting is reported."""
    extraction = run(extractor, "Negotiations between Chad and Niger broke down on Sunday.")
    assert triples(extraction) == {("country:TCD", "HALT_NEGOTIATIONS", "country:NER")}


def test_talks_held_are_a_meeting(extractor: Extractor) -> None:
    assert ("country:TCD", "MEET", "country:NER") in triples(run(extractor, "Chad and Niger held talks on Sunday."))


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The meeting between Kenya and Ethiopia was pushed back to June.", Modality.INTENDED),
        ("The meeting between Kenya and Ethiopia was put on hold.", Modality.INTENDED),
        ("A summit between Kenya and Ethiopia looked unlikely.", Modality.HYPOTHETICAL),
        ("Hopes of a meeting between Kenya and Ethiopia faded.", Modality.HYPOTHETICAL),
        ("Kenya denied reports of a meeting with Ethiopia.", Modality.HYPOTHETICAL),
    ],
)
def test_a_put_off_or_possible_event_is_not_reported_as_done(extractor: Extractor, text: str,
                                                               modality: Modality) -> None:
    found = modalities(run(extractor, text))
    assert ("country:KEN", "MEET", "country:ETH", modality) in found
    assert not any(m is Modality.ASSERTED for *_, m in found)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Singapore has a defence agreement with Australia.", "'agreement' held: 'have'"),
        ("Trade between Peru and China doubled in a decade.", "'trade' measured: 'double'"),
        ("Cooperation between Iceland and Norway continues.", "'cooperation' continuing: 'continue'"),
        ("Britain's investment in Kenya totals $300 million.", "'investment' measured: 'total'"),
        ("Japanese investment in Vietnam rose sharply last year.", "'investment' measured: 'rise'"),
    ],
)
def test_a_held_arrangement_or_continuing_activity_is_a_standing_state(extractor: Extractor, text: str,
                                                                       detail: str) -> None:
    extraction = run(extractor, text)
    assert not extraction.events
    assert detail in {d for _, d in drops(extraction, DropReason.STANDING_STATE)}


def test_aid_that_reaches_a_place_is_an_event(extractor: Extractor) -> None:
    """Without an amount, "reach" is a verb of motion: the aid arrived."""
    extraction = run(extractor, "Egypt's aid to Sudan reached Khartoum on Monday.")
    assert ("country:EGY", "AID", "country:SDN") in triples(extraction)


def test_an_agreement_signed_is_an_event(extractor: Extractor) -> None:
    assert triples(run(extractor, "Singapore signed a defence agreement with Australia.")) & {
        ("country:SGP", "SIGN_AGREEMENT", "country:AUS"), ("country:AUS", "SIGN_AGREEMENT", "country:SGP")}


def test_a_verb_phrase_needs_its_particle(extractor: Extractor) -> None:
    doc = extractor.nlp("The talks broke down. The window broke.")
    verbs = [t for t in doc if t.lemma_ == "break"]
    assert [verb_phrase(v, frozenset({"break down"})) for v in verbs] == ["break down", None]


def test_the_words_load_and_a_malformed_file_is_named(tmp_path: Path) -> None:
    words = load_noun_sense_words(DATA_DIR / "noun_senses.toml")
    assert "postpone" in words.deferring_verbs and "collapse" in words.failing_verbs
    bad = tmp_path / "noun_senses.toml"
    bad.write_text('deliberating_verbs = "review"\n', encoding="utf-8")
    with pytest.raises(NounSenseWordsError, match=r"noun_senses\.toml"):
        load_noun_sense_words(bad)


def test_a_visit_takes_its_traveller_from_its_of_phrase(extractor: Extractor) -> None:
    """The subject genitive of a noun of travel: "the visit of X to Y" is X's visit to Y."""
    extraction = run(extractor, "The trip of Japan's foreign minister to Seoul was brief.")
    found = {(e.subject.country, e.relation.name, e.object.country) for e in extraction.events}
    assert ("JPN", "VISIT", "KOR") in found


def test_a_destination_phrase_run_into_the_next_clause_gives_no_traveller(extractor: Extractor) -> None:
    """The parser reads "to [Azerbaijan angered Armenia]" as one phrase: it names no one place."""
    extraction = run(extractor, "The visit of the Turkish president to Azerbaijan angered Armenia.")
    assert not any(e.relation.name == "VISIT" for e in extraction.events)


@pytest.mark.parametrize("text", ["Israel's blockade of Gaza concerned Egypt.",
                                  "Turkey's offensive in Syria concerned the United States."])
def test_an_act_that_is_the_subject_of_a_verbal_act_makes_no_statement(extractor: Extractor, text: str) -> None:
    extraction = run(extractor, text)
    assert not any(e.relation.quad_class in (1, 3) for e in extraction.events)
    assert any("is an act" in detail for _, detail in drops(extraction, DropReason.NOT_AN_EVENT))


def test_an_actor_that_is_the_subject_of_a_verbal_act_states_it(extractor: Extractor) -> None:
    found = triples(run(extractor, "Finland criticised Russia's offensive in Ukraine."))
    assert ("country:FIN", "CRITICIZE", "country:RUS") in found
