"""Threats and warnings coded as CAMEO codes them, and naming verbs with a predicate as judgements,
not phone calls (sentences written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.ontology import DATA_DIR, load_ontology, read_cameo_goldstein
from extract.pipeline import Extractor
from extract.speech_acts import SpeechActsError, load_speech_acts
from graph.model import DropReason, Extraction, Polarity
from tests.extract.extracting import bare_statements, runner, triples

run = runner("test", "2024-03-05")


def detail_codes(extraction: Extraction) -> set[tuple[str, str, str | None]]:
    """(relation, the finer code or the relation's own, the act requested or threatened)."""
    found = set()
    for event in extraction.events:
        attributes = dict(event.attributes)
        found.add((event.relation.name, attributes.get("cameo", event.relation.cameo), attributes.get("requested")))
    return found


# -- threats ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "code", "act"),
    [
        ("Canada threatened to impose sanctions on Iran.", "country:IRN", "1312", "SANCTION"),
        ("Azerbaijan threatened to attack Armenia.", "country:ARM", "138", "ATTACK"),
        ("Lithuania threatened to cut diplomatic ties with Belarus.", "country:BLR", "1313",
         "REDUCE_DIPLOMATIC_RELATIONS"),
        ("Canada threatened to expel the Indian ambassador.", "country:IND", "136", "EXPEL"),
        ("Russia's threat to attack Moldova alarmed Romania.", "country:MDA", "138", "ATTACK"),
    ],
)
def test_a_threatened_act_is_the_threat_not_the_act(
    extractor: Extractor, text: str, target: str, code: str, act: str
) -> None:
    result = run(extractor, text)
    assert {(e.relation.name, e.object.id) for e in result.events} == {("THREATEN", target)}
    assert detail_codes(result) == {("THREATEN", code, act)}
    event = result.events[0]
    assert event.trigger in ("threaten", "threat")
    assert event.modality.value == "asserted"  # the threat was made; the act is only threatened
    # the threatening word's own objectless drop is counted as a duplicate of the coded threat
    assert all(d.reason is not DropReason.NO_OBJECT for d in result.drops if d.trigger in ("threaten", "threat"))


@pytest.mark.parametrize("text", ["Ghana threatened Togo with sanctions.", "Ghana threatened sanctions against Togo."])
def test_a_threat_with_an_act_named_by_a_noun_is_coded_by_it(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    assert triples(result) == {("country:GHA", "THREATEN", "country:TGO")}
    assert detail_codes(result) == {("THREATEN", "1312", "SANCTION")}
    assert DropReason.DUPLICATE in {d.reason for d in result.drops}


def test_an_act_of_others_under_threaten_is_no_ones_threat(extractor: Extractor) -> None:
    result = run(extractor, "The violence threatened to derail talks between Israel and Egypt.")
    assert not [e for e in result.events if e.relation.name == "THREATEN"]


def test_a_threat_denied_is_a_negated_threat(extractor: Extractor) -> None:
    result = run(extractor, "Chile did not threaten to attack Bolivia.")
    assert triples(result) == {("country:CHL", "THREATEN", "country:BOL")}
    assert result.events[0].polarity is Polarity.NEGATED


def test_a_threat_of_no_event_word_is_aimed_at_the_acts_target(extractor: Extractor) -> None:
    result = run(extractor, "Vietnam threatened to retaliate against Cambodia.")
    assert triples(result) == {("country:VNM", "THREATEN", "country:KHM")}
    assert detail_codes(result) == {("THREATEN", "130", None)}


def test_a_threat_whose_act_has_no_target_is_aimed_at_the_party_its_condition_names(extractor: Extractor) -> None:
    # CAMEO codes a conditional threat against the party whose conduct the condition names
    result = run(extractor, "Canada threatened to impose sanctions if Iran tested another missile.")
    assert triples(result) == {("country:CAN", "THREATEN", "country:IRN")}
    assert detail_codes(result) == {("THREATEN", "1312", "SANCTION")}


def test_a_warning_that_the_speaker_will_use_force_is_a_threat(extractor: Extractor) -> None:
    result = run(extractor, "Egypt warned that it would strike Ethiopia if the dam was filled.")
    assert triples(result) == {("country:EGY", "THREATEN", "country:ETH")}
    assert detail_codes(result) == {("THREATEN", "138", "ATTACK")}


def test_a_statement_of_intent_under_say_is_no_threat(extractor: Extractor) -> None:
    result = run(extractor, "Egypt said that it would strike Ethiopia.")
    assert {e.relation.name for e in result.events} == {"ATTACK"}


# -- warnings ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway warned Sweden against any military buildup.", ("country:NOR", "THREATEN", "country:SWE")),
        ("Greece warned that Turkey would face consequences.", ("country:GRC", "THREATEN", "country:TUR")),
        ("Greece warned that Turkey would pay a heavy price.", ("country:GRC", "THREATEN", "country:TUR")),
    ],
)
def test_a_warning_aimed_at_an_actor_threatens_it(extractor: Extractor, text: str, expected: tuple[str, ...]) -> None:
    assert expected in triples(run(extractor, text))


def test_a_warning_of_a_plight_is_no_threat(extractor: Extractor) -> None:
    result = run(extractor, "The United Nations warned that Somalia faces a severe drought.")
    assert result.events == ()
    assert [d.reason for d in result.drops if d.relation == "THREATEN"] == [DropReason.NOT_AN_EVENT]


# -- naming -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected", "code"),
    [
        # OEDA codes "call ... partner" 013 and "call ... liar" 111
        ("Chile called Peru a reliable partner.", ("country:CHL", "COMMENT_ON", "country:PER"), "013"),
        # Bolivia's president on the test date is the office table's Luis Arce
        ("Chile called the Bolivian president a liar.", ("country:CHL", "CRITICIZE", "person:luis-arce"), "111"),
        # no dictionary pattern, but a clearly negative predicate: a criticism (tests/extract/test_naming.py)
        ("Uruguay termed the Argentine decision unacceptable.", ("country:URY", "CRITICIZE", "country:ARG"), "111"),
        # "brand" is itself a criticism in the dictionary
        ("Nigeria branded Niger a pariah.", ("country:NGA", "CRITICIZE", "country:NER"), "111"),
        # no pattern for "label": the dictionary codes "declare ... adversary" 110, the same judgement
        ("Japan labelled China its main adversary.", ("country:JPN", "DISAPPROVE", "country:CHN"), "110"),
    ],
)
def test_naming_with_a_predicate_is_a_judgement_not_a_phone_call(
    extractor: Extractor, text: str, expected: tuple[str, str, str], code: str
) -> None:
    result = run(extractor, text)
    assert triples(result) == {expected}
    assert {c for _, c, _ in detail_codes(result)} == {code}


@pytest.mark.parametrize("text", ["Chile called Peru on Monday.", "Chile called Peru to discuss the border."])
def test_call_without_a_predicate_is_still_a_phone_call(extractor: Extractor, text: str) -> None:
    assert ("country:CHL", "PHONE", "country:PER") in triples(run(extractor, text))


@pytest.mark.parametrize("text", [
    # no dictionary pattern for the predicate and no word of it rated (evaluative_words.tsv): a
    # public statement about the judged actor that says nothing of it, no event by itself
    "Kenya called Somalia's claims baseless.",
    # the dictionary codes "call ... end" as an appeal (020): not what naming a thing "the end" says
    "Chile called the Peruvian move the end of an era.",
])
def test_naming_that_judges_neither_way_is_no_phone_call_nor_appeal(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    assert not result.events, triples(result)
    assert bare_statements(result) == ["call"]


def test_a_threatened_material_act_at_home_is_aimed_at_the_population(extractor: Extractor) -> None:
    result = run(extractor, "President Lula threatened to impose a curfew in Brasilia.")
    assert triples(result) == {("person:luiz-inacio-lula-da-silva", "THREATEN", "group:bra-cvl")}


def test_a_relative_pronoun_named_stands_for_its_antecedent(extractor: Extractor) -> None:
    result = run(extractor, "Brazil rejected the Argentine plan, which Brazil called unacceptable.")
    assert ("country:BRA", "CRITICIZE", "country:ARG") in triples(result)


def test_a_name_given_in_a_free_relative_judges_no_one(extractor: Extractor) -> None:
    result = run(extractor, "Chile ended what it called provocations by Peru.")
    assert not any(e.relation.name in ("PHONE", "COMMENT_ON", "CRITICIZE", "APPEAL") for e in result.events)
    assert any(d.detail == "naming in a free relative" for d in result.drops)


# -- the data ---------------------------------------------------------------------------------
def test_threat_codes_follow_the_longest_prefix_of_the_act() -> None:
    threats = load_ontology().speech_acts.threats
    assert threats.code_for("163") == "1312"
    assert threats.code_for("161") == "1313"  # root 16 in general
    assert threats.code_for("190") == "138"
    assert threats.code_for("192") == "1382"
    assert threats.code_for("070") == "130"  # aid threatened: not specified


def test_a_threat_code_outside_root_13_is_an_error_naming_the_file(tmp_path: Path) -> None:
    text = (DATA_DIR / "speech_acts.toml").read_text(encoding="utf-8").replace('"163" = "1312"', '"163" = "163"')
    bad = tmp_path / "speech_acts.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(SpeechActsError, match=r"speech_acts\.toml: threats\.codes '163'"):
        load_speech_acts(bad, frozenset(read_cameo_goldstein(DATA_DIR / "cameo_codes.tsv")))


def test_a_bad_word_list_is_an_error_naming_the_file_and_the_table(tmp_path: Path) -> None:
    text = (DATA_DIR / "speech_acts.toml").read_text(encoding="utf-8").replace("copulas = [", "copulas = [7, ", 1)
    bad = tmp_path / "speech_acts.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(SpeechActsError, match=r"speech_acts\.toml: censure\.copulas must be a non-empty list of words"):
        load_speech_acts(bad, frozenset(read_cameo_goldstein(DATA_DIR / "cameo_codes.tsv")))
