"""Verbs read by their object (extract/verb_senses.py; the CAMEO verb dictionary's object patterns,
extract/verb_dictionary.py ``object_pattern``; figurative object classes, extract/data/verb_senses.toml
read by extract/verb_sense_table.py). Every sentence here is invented for the rule it tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.nlp import load_model
from extract.ontology import DATA_DIR, load_ontology, read_cameo_goldstein
from extract.pipeline import Extractor
from extract.verb_sense_table import VerbSenseError, load_verb_sense_table
from graph.model import Article, DropReason, Extraction
from tests.extract.extracting import code_of, runner

DATE = "2025-03-11"
CODES = frozenset(read_cameo_goldstein(DATA_DIR / "cameo_codes.tsv"))


run = runner("verb-senses-test", DATE)


def coded(extraction: Extraction) -> set[tuple[str, str, str]]:
    """(subject country, CAMEO code, object country) of every event."""
    return {(e.subject.country or "", code_of(e), e.object.country or "") for e in extraction.events}


# -- the dictionary's object patterns beat the ontology's bare verb ------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # send + delegation: a visit (042), not aid (070)
        ("Uruguay sent a delegation to Paraguay on Monday.", ("URY", "042", "PRY")),
        # give + blessing: approval (051), not aid
        ("Austria gave its blessing to Slovenia on Friday.", ("AUT", "051", "SVN")),
        # grant + pardon: easing a legal sanction (081), not aid
        ("Belarus granted a pardon to a Lithuanian journalist.", ("BLR", "081", "LTU")),
    ],
)
def test_a_dictionary_pattern_naming_the_object_beats_the_bare_verb(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = coded(run(extractor, text))
    assert expected in found
    assert not any(code == "070" for _, code, _ in found)


def test_the_dictionary_codes_a_trade_of_accusations_as_mutual_accusation(extractor: Extractor) -> None:
    found = coded(run(extractor, "Bolivia and Chile traded accusations over the water dispute."))
    assert {("BOL", "112", "CHL"), ("CHL", "112", "BOL")} <= found
    assert not any(code.startswith("06") for _, code, _ in found)


def test_an_object_no_pattern_names_keeps_the_ontology_reading(extractor: Extractor) -> None:
    # send + food: no pattern says more than the ontology's AID
    found = coded(run(extractor, "Finland sent food to Estonia."))
    assert ("FIN", "070", "EST") in found


def test_the_ontology_verb_object_trigger_keeps_winning(extractor: Extractor) -> None:
    # "cut tie with" is the ontology's own verb+object trigger; the dictionary's "cut + tie" (160)
    # would agree, but it is the ontology that reads it
    found = run(extractor, "Honduras cut ties with Taiwan last year.")
    assert ("HND", "REDUCE_RELATIONS", "TWN") in {
        (e.subject.country, e.relation.name, e.object.country) for e in found.events}


def test_a_bare_dictionary_default_never_overrides(extractor: Extractor) -> None:
    # "welcome" alone defaults to 051 in the dictionary; a guest welcomed is still hosted (043)
    found = coded(run(extractor, "Senegal welcomed the Gambian president in Dakar."))
    assert ("SEN", "043", "GMB") in found


def test_a_dictionary_no_event_pattern_drops_the_verb_with_a_reason(extractor: Extractor) -> None:
    # "deliver to" is the ontology's supply; the dictionary's "deliver + defeat" is "---", no event
    result = run(extractor, "Argentina delivered a heavy defeat to Brazil in the final.")
    assert not result.events
    deliver = [d for d in result.drops if d.trigger == "deliver"]
    assert [d.reason for d in deliver] == [DropReason.NO_EVENT_SENSE]
    assert "line 1043" in deliver[0].detail
    delivered = coded(run(extractor, "Argentina delivered wheat to Brazil."))
    assert ("ARG", "061", "BRA") in delivered


# -- figurative objects the dictionary does not list ----------------------------------------------------
def test_insults_traded_are_mutual_criticism_not_trade(extractor: Extractor) -> None:
    found = coded(run(extractor, "Peru traded insults with Ecuador during the football final."))
    assert {("PER", "111", "ECU"), ("ECU", "111", "PER")} <= found
    assert not any(code.startswith("06") for _, code, _ in found)


def test_paying_the_price_is_no_transfer(extractor: Extractor) -> None:
    result = run(extractor, "Nicaragua will pay the price for its support of Honduras, Costa Rica said.")
    assert not any(e.relation.cameo.startswith("06") for e in result.events)
    pay = [d for d in result.drops if d.trigger == "pay"]
    assert [d.reason for d in pay] == [DropReason.NO_EVENT_SENSE]
    assert "payment that is no transfer" in pay[0].detail


@pytest.mark.parametrize("text", [
    "Bangladesh's main opposition party called a nationwide general strike on Sunday.",
    "Hamas called a general strike in Gaza on Monday.",
])
def test_calling_a_strike_is_no_telephone_call(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    assert "PHONE" not in {e.relation.name for e in result.events}, text
    assert "PHONE" not in {d.relation for d in result.drops}, text


def test_calling_an_election_is_no_event(extractor: Extractor) -> None:
    result = run(extractor, "Kenya's president called a snap election.")
    assert result.events == ()
    call = [d for d in result.drops if d.trigger == "call"]
    assert [d.reason for d in call] == [DropReason.NO_EVENT_SENSE]
    assert "calling a meeting or vote" in call[0].detail


def test_goods_flown_to_a_state_are_aid_and_the_flier_visits_no_one(extractor: Extractor) -> None:
    found = run(extractor, "Norway flew 30 tonnes of relief supplies to Malawi on Friday.")
    assert {(e.subject.id, e.relation.name, e.object.id) for e in found.events} == {
        ("country:NOR", "AID", "country:MWI")}
    weapons = run(extractor, "Iran flew weapons to Syria.")
    assert {(e.subject.id, e.relation.name, e.object.id) for e in weapons.events} == {
        ("country:IRN", "MILITARY_AID", "country:SYR")}


def test_people_flown_are_no_visit_of_the_flier(extractor: Extractor) -> None:
    flown = run(extractor, "Mexico flew 150 Cuban migrants to Havana on Monday.")
    assert "VISIT" not in {e.relation.name for e in flown.events}
    assert [d.reason for d in flown.drops if d.trigger == "fly"] == [DropReason.NO_EVENT_SENSE]
    # the intransitive verb is the traveller's visit
    travelled = run(extractor, "The Mexican president flew to Havana on Monday.")
    assert {(e.relation.name, e.object.id) for e in travelled.events} == {("VISIT", "country:CUB")}


def test_money_paid_is_still_a_transfer(extractor: Extractor) -> None:
    found = coded(run(extractor, "Qatar paid $40 million to Oman for natural gas."))
    assert ("QAT", "061", "OMN") in found


def test_shielding_from_censure_is_diplomatic_backing_not_protection(extractor: Extractor) -> None:
    found = coded(run(extractor, "Russia shielded Syria from condemnation at the United Nations."))
    assert ("RUS", "050", "SYR") in found
    assert not any(code.startswith("07") for _, code, _ in found)


def test_welcoming_a_decision_praises_its_maker(extractor: Extractor) -> None:
    found = coded(run(extractor, "Kenya welcomed Somalia's decision to reopen the border."))
    assert ("KEN", "051", "SOM") in found
    assert not any(code == "043" for _, code, _ in found)


# -- the data file ----------------------------------------------------------------------------------------
def test_the_shipped_table_loads_and_the_ontology_carries_it() -> None:
    table = load_verb_sense_table(DATA_DIR / "verb_senses.toml", CODES)
    trade = {c.name: c for c in table.classes_for("trade")}
    assert trade["words of abuse exchanged"].code == "111" and trade["words of abuse exchanged"].mutual
    assert [c.code for c in table.classes_for("pay")] == [None, "0842", "0842", "080"]
    (statement,) = table.classes_for("adopt")
    assert statement.code == "010" and statement.before_dictionary and "with" not in statement.target_preps
    assert load_ontology().verb_senses.classes_for("welcome")


VALID = """
general_verbs = ["trade"]
[[sense]]
name = "a class"
verbs = ["trade"]
objects = ["insult"]
code = "111"
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (VALID, None),
        (VALID.replace('"111"', '"999"'), "'999' is neither a CAMEO code"),
        (VALID.replace('objects = ["insult"]', ""), "names no object words"),
        (VALID.replace('verbs = ["trade"]', "verbs = []"), "verbs must not be empty"),
        (VALID + 'prep = "from"\n', "prep and prep_objects go together"),
        (VALID.replace('name = "a class"', ""), "needs a name"),
        ("version = 1\n", "needs at least one [[sense]]"),
        (VALID.replace('general_verbs = ["trade"]', "general_verbs = []"), "general_verbs must not be empty"),
    ],
)
def test_a_malformed_table_is_refused_naming_the_class(tmp_path: Path, text: str, message: str | None) -> None:
    path = tmp_path / "verb_senses.toml"
    path.write_text(text, encoding="utf-8")
    if message is None:
        assert load_verb_sense_table(path, CODES).classes_for("trade")
        return
    with pytest.raises(VerbSenseError, match=message.replace("[", r"\[")):
        load_verb_sense_table(path, CODES)


# -- the dictionary matcher -----------------------------------------------------------------------------
def test_object_pattern_returns_only_patterns_naming_words() -> None:
    nlp = load_model()
    verbs = load_ontology().verbs
    doc = nlp("The minister sent a delegation to Lima.")
    pattern = verbs.object_pattern(doc[2])
    assert pattern is not None and pattern.code == "042"
    assert any(p.head == "delegation" for p in pattern.objects)
    # "pay for" constrains only a preposition: no pattern naming words
    assert verbs.object_pattern(nlp("They paid for it.")[1]) is None
    dividend = verbs.object_pattern(nlp("The company paid a dividend.")[2])
    assert dividend is not None and dividend.code is None


def test_a_collection_of_things_is_read_by_its_complement_not_its_head(extractor: Extractor) -> None:
    # "send + team" is the dictionary's negotiating team (036); "a team of surgeons" is what is sent
    found = coded(run(extractor, "Cuba sent a team of surgeons to Haiti."))
    assert ("CUB", "070", "HTI") in found
    assert not any(code.startswith("03") for _, code, _ in found)


def test_a_verb_naming_a_specific_act_keeps_its_reading_whatever_its_object(extractor: Extractor) -> None:
    # "expel" is no general verb: the ontology's expulsion stands, whatever the dictionary's
    # pattern for "expel + diplomat" says
    result = run(extractor, "Latvia expelled two Belarusian diplomats on Tuesday.")
    assert ("LVA", "EXPEL", "BLR") in {(e.subject.country, e.relation.name, e.object.country) for e in result.events}


def test_a_verb_of_receiving_is_not_read_with_the_giver_as_target(extractor: Extractor) -> None:
    # "receive + weapon" names the object, but the giver is the object of "from": the receiver
    # gives no military aid (verb_senses.toml leaves "receive" out of the general verbs)
    found = coded(run(extractor, "Moldova received rifles from Romania."))
    assert not any(subject == "MDA" and code.startswith("07") for subject, code, _ in found)


def test_a_named_object_that_is_the_actor_acted_on_keeps_the_verbs_reading(extractor: Extractor) -> None:
    # the dictionary's "welcome + delegation" (050) names the guest itself: it is still hosted
    found = coded(run(extractor, "Ghana welcomed a trade delegation from Togo on Monday."))
    assert ("GHA", "043", "TGO") in found
    assert not any(code == "050" for _, code, _ in found)


def test_a_no_event_pattern_of_a_verb_the_ontology_lacks_is_a_counted_drop(extractor: Extractor) -> None:
    # "pay" has no ontology trigger; its default (061) would code a payment, "pay + dividend" is "---"
    result = run(extractor, "A Norwegian fund paid a dividend to Iceland.")
    assert not result.events
    pay = [d for d in result.drops if d.trigger == "pay"]
    assert [d.reason for d in pay] == [DropReason.NO_EVENT_SENSE]
    assert "line 6552" in pay[0].detail


@pytest.mark.parametrize(("text", "pair"), [
    ("Azerbaijan blocked Armenian supply convoys on Tuesday.", ("country:AZE", "country:ARM")),
    ("A Vietnamese fishing boat was blocked by Chinese vessels.", ("country:CHN", "country:VNM")),
])
def test_blocking_a_vehicle_vessel_or_way_is_a_blockade(extractor: Extractor, text: str, pair: tuple[str, str]) -> None:
    """CAMEO 191 (restrict movement), not the veto "block" means with a decision as its object."""
    events = run(extractor, text).events
    assert {(e.subject.country and f"country:{e.subject.country}", code_of(e), e.object.country and
             f"country:{e.object.country}") for e in events} >= {(pair[0], "191", pair[1])}


def test_blocking_a_decision_stays_opposition(extractor: Extractor) -> None:
    events = run(extractor, "Hungary blocked the European Union's new sanctions package.").events
    assert [code_of(e) for e in events if e.trigger == "block"] == ["120"]


@pytest.mark.parametrize("text", ["France's foreign minister gave an address in Beirut.",
                                  "Canada's prime minister gave a speech in London on trade."])
def test_a_preposition_with_its_own_object_is_no_particle(extractor: Extractor, text: str) -> None:
    """"gave a speech in London": "in London" is a place, not the particle of "give in" (yield)."""
    assert not any(e.relation.name in ("YIELD", "AID") for e in run(extractor, text).events)


def test_giving_in_to_pressure_is_yielding(extractor: Extractor) -> None:
    events = run(extractor, "Egypt caved in to pressure from Saudi Arabia.").events
    found = {(e.subject.id, e.relation.name) for e in events}
    assert ("country:EGY", "YIELD") in found


def test_a_sum_paid_in_compensation_is_paying_reparations(extractor: Extractor) -> None:
    """OEDA: PAY * COMPENSATION 0842; the sum paid is the object, "in compensation" says what it is."""
    events = run(extractor, "Iraq paid $500 million in reparations to Kuwait.").events
    assert [(e.subject.id, code_of(e), e.object.id) for e in events] == [("country:IRQ", "0842", "country:KWT")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Syria launched rockets at Jordan on Sunday.", ("country:SYR", "country:JOR")),
        ("Eritrea launched dozens of drones and shells into Ethiopia.", ("country:ERI", "country:ETH")),
        ("Armenia lobbed mortars at Azerbaijan overnight.", ("country:ARM", "country:AZE")),
    ],
)
def test_projectiles_launched_at_a_target_use_force_against_it(
    extractor: Extractor, sentence: str, expected: tuple[str, str],
) -> None:
    found = extractor.extract(Article("launch", sentence, None, "2024-05-02")).events
    assert any((e.subject.id, e.object.id) == expected and code_of(e)[:2] == "19" for e in found), [
        (e.subject.id, code_of(e), e.object.id) for e in found]


@pytest.mark.parametrize("sentence", [
    "India launched a rocket into space on Monday.",  # no actor is the target
    "Japan launched a weather satellite from its southern coast.",  # no projectile weapon
])
def test_a_launch_aimed_at_no_actor_is_no_attack(extractor: Extractor, sentence: str) -> None:
    found = extractor.extract(Article("launch", sentence, None, "2024-05-02")).events
    assert not any(code_of(e)[:2] == "19" for e in found)


@pytest.mark.parametrize("sentence", [
    "Ghana gave an assurance to Togo that the border would stay open.",
    "Peru gave firm assurances to Chile about the pipeline.",
])
def test_an_assurance_given_is_no_aid(extractor: Extractor, sentence: str) -> None:
    """Giving an assurance is a communication (OEDA codes GIVE ASSURANCE as a statement of intent,
    030), nothing is handed over: no aid (07)."""
    found = extractor.extract(Article("assurance", sentence, None, "2024-05-02")).events
    assert not any(code_of(e)[:2] == "07" for e in found), [(e.subject.id, code_of(e), e.object.id) for e in found]


def test_suspects_handed_over_are_judicial_cooperation_not_aid(extractor: Extractor) -> None:
    # a class read before the dictionary overrides the ontology's "hand over to" (aid), whose "over"
    # is a mere particle, in either word order; other objects handed over stay the ontology's
    for text in ("Pakistan handed over the suspects to Afghanistan.",
                 "Pakistan handed the suspects over to Afghanistan."):
        assert coded(run(extractor, text)) == {("PAK", "063", "AFG")}, text
    assert ("USA", "072", "UKR") in coded(run(extractor, "The United States handed over weapons to Ukraine."))


def test_a_trigger_naming_its_object_keeps_winning_over_a_class_read_first(extractor: Extractor) -> None:
    # "fire missile at" is an ontology trigger whose middle word is its object, not a particle
    found = run(extractor, "Israel fired missiles at Syria.")
    assert {(e.subject.country, e.relation.name, e.object.country) for e in found.events} == {("ISR", "ATTACK", "SYR")}


def test_captives_handed_over_are_released_not_aid(extractor: Extractor) -> None:
    assert coded(run(extractor, "Russia handed over 50 prisoners to Ukraine.")) == {("RUS", "0841", "UKR")}
