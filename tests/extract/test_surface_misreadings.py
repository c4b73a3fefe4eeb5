"""Verbs read by their surface where the construction says another act or none
(extract/surface_misreadings.py), on invented sentences run through the real extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.ontology import DATA_DIR
from extract.pipeline import Extractor
from extract.surface_misreadings import MisreadingWordsError, load_misreading_words
from graph.model import Article, DropReason, Extraction


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article("misreading", text, None, "2024-05-02"))


def triples(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(e.subject.id, e.relation.name, e.object.id) for e in extraction.events}


def drops(extraction: Extraction, reason: DropReason, trigger: str) -> list[str]:
    return [d.detail for d in extraction.drops if d.reason is reason and d.trigger == trigger]


def test_the_words_load_and_a_missing_list_is_named(tmp_path: Path) -> None:
    words = load_misreading_words(DATA_DIR / "surface_misreadings.toml")
    assert "short" in words.curtailing_adverbs and "over" in words.overflight_prepositions
    broken = tmp_path / "surface_misreadings.toml"
    broken.write_text('curtailing_verbs = ["cut"]\n', encoding="utf-8")
    with pytest.raises(MisreadingWordsError, match=r"surface_misreadings\.toml: curtailing_adverbs"):
        load_misreading_words(broken)


def test_cutting_short_a_visit_reduces_no_relations(extractor: Extractor) -> None:
    found = run(extractor, "The Malaysian prime minister cut short his visit to Singapore on Sunday.")
    assert not any(e.relation.name == "REDUCE_RELATIONS" for e in found.events)
    assert drops(found, DropReason.NO_EVENT_SENSE, "cut") == ["cut short: ends its own act early"]
    kept = run(extractor, "Morocco cut ties with Iran on Tuesday.")
    assert ("country:MAR", "REDUCE_RELATIONS", "country:IRN") in triples(kept)


def test_flying_over_a_country_is_no_visit_but_flying_to_one_is(extractor: Extractor) -> None:
    found = run(extractor, "An Iranian drone flew over Azerbaijan on Friday.")
    assert not any(e.relation.name == "VISIT" for e in found.events)
    assert drops(found, DropReason.NOT_AN_EVENT, "fly") == ["fly over: crossing airspace, no visit"]
    kept = run(extractor, "The Kenyan president flew over Ethiopia to Egypt on Monday.")
    assert any(e.relation.name == "VISIT" and e.object.id == "country:EGY" for e in kept.events)


def test_a_warning_about_a_third_party_is_no_threat(extractor: Extractor) -> None:
    found = run(extractor, "Estonia warned Finland that Russian hackers would target its power grid.")
    assert not any(e.relation.name == "THREATEN" for e in found.events)
    assert any("a caution about a third party" in d for d in drops(found, DropReason.NO_EVENT_SENSE, "warn"))
    own = run(extractor, "Egypt warned Ethiopia that it would defend its share of the Nile water.")
    assert ("country:EGY", "THREATEN", "country:ETH") in triples(own)
    copular = run(extractor, "Serbia warned Albania that Kosovo was a red line for Belgrade.")
    assert ("country:SRB", "THREATEN", "country:ALB") in triples(copular)


@pytest.mark.parametrize("text", [
    "Japan warned on Monday that North Korea was preparing another nuclear test.",
    "Kenya warned that Somali militants had crossed the border near Mandera.",
    "Germany warned that Russian hackers attacked its parliament last year.",
])
def test_a_warning_of_what_is_or_was_happening_is_no_threat(extractor: Extractor, text: str) -> None:
    found = run(extractor, text)
    assert not any(e.relation.name == "THREATEN" for e in found.events)
    assert any("a caution about what is" in d for d in drops(found, DropReason.NO_EVENT_SENSE, "warn"))


@pytest.mark.parametrize(("text", "triple"), [
    ("Iran warned that Israel would pay a heavy price for the strike.", ("country:IRN", "THREATEN", "country:ISR")),
    ("Russia warned that Finland faces consequences if it joins NATO.", ("country:RUS", "THREATEN", "country:FIN")),
    ("Serbia warned that Kosovo was a red line for Belgrade.", None),
])
def test_a_warning_of_what_is_to_come_stays_a_threat(
        extractor: Extractor, text: str, triple: tuple[str, str, str] | None) -> None:
    found = run(extractor, text)
    assert not any("a caution about what is" in d for d in drops(found, DropReason.NO_EVENT_SENSE, "warn"))
    if triple is not None:
        assert triple in triples(found)


def test_civil_purpose_aircraft_are_aid_not_military_cooperation(extractor: Extractor) -> None:
    found = run(extractor, "Turkey sent three rescue planes to Libya after the floods.")
    assert ("country:TUR", "AID", "country:LBY") in triples(found)
    assert not any(e.relation.name == "COOPERATE_MILITARILY" for e in found.events)
    armed = run(extractor, "Turkey sent three fighter planes to Libya last week.")
    assert any(e.relation.name == "COOPERATE_MILITARILY" for e in armed.events)


def test_respecting_a_principle_is_no_praise_and_sending_a_bill_no_aid(extractor: Extractor) -> None:
    respect = run(extractor, "Belgium said it respects Luxembourg's sovereignty.")
    assert not any(e.relation.name == "PRAISE" for e in respect.events)
    draft = run(extractor, "Jordan sent a draft resolution on Gaza to the UN General Assembly.")
    assert not any(e.relation.name == "AID" for e in draft.events)
    goods = run(extractor, "Jordan sent tents and blankets to Gaza on Monday.")
    assert any(e.relation.name == "AID" for e in goods.events)


def test_an_infinitive_conjoined_to_a_requested_act_is_requested_too(extractor: Extractor) -> None:
    found = run(extractor, "The Council of Europe urged Azerbaijan to free the activists and to withdraw its troops "
                           "from Armenia.")
    assert not any(e.relation.name == "WITHDRAW" for e in found.events)
    assert any("a conjunct of the act asked of another" in d
               for d in drops(found, DropReason.BLOCKED_BY_GOVERNOR, "withdraw"))
    finite = run(extractor, "Poland urged Belarus to release the journalists and later expelled two Belarusian "
                            "diplomats.")
    assert any(e.relation.name == "EXPEL" and e.subject.id == "country:POL" for e in finite.events)


def test_a_course_proposed_for_ones_own_side_with_another_is_no_demand(extractor: Extractor) -> None:
    joint = run(extractor, "The Chilean president said Chile and Peru should open a new border crossing.")
    assert not any(e.relation.name == "DEMAND" for e in joint.events)
    assert drops(joint, DropReason.NOT_AN_EVENT, "say")
    other = run(extractor, "The Chilean president said Peru should open a new border crossing.")
    assert any(e.relation.name == "DEMAND" and e.object.id == "country:PER" for e in other.events)


def test_rioters_using_force_riot(extractor: Extractor) -> None:
    riot = run(extractor, "Kenyan rioters set fire to the Chinese embassy on Monday.")
    assert [(e.relation.name, e.object.id) for e in riot.events] == [("PROTEST_VIOLENTLY", "country:CHN")]
    stoning = run(extractor, "Congolese demonstrators threw stones at the Belgian embassy in Kinshasa.")
    assert [(e.relation.name, e.object.id) for e in stoning.events] == [("PROTEST_VIOLENTLY", "country:BEL")]
    attack = run(extractor, "Malian protesters attacked a French cultural centre in Bamako on Friday.")
    assert [(e.relation.name, e.object.id) for e in attack.events] == [("PROTEST_VIOLENTLY", "country:FRA")]
    armed = run(extractor, "Turkish soldiers set fire to Syrian Kurdish villages near Afrin.")
    assert not any(e.relation.name == "PROTEST_VIOLENTLY" for e in armed.events)
    forces = run(extractor, "Malian soldiers attacked a French military base near Gao on Friday.")
    assert [e.relation.name for e in forces.events] == ["ATTACK"]


@pytest.mark.parametrize("text", [
    "Palestinian prisoners launched a hunger strike against Israel on Monday.",
    "Zambian miners began a general strike against the Chinese owners of the mine.",
    "Zambian miners went on strike against China on Monday.",
])
def test_a_labour_or_hunger_strike_is_no_force(extractor: Extractor, text: str) -> None:
    found = run(extractor, text)
    assert not any(e.relation.cameo.startswith("19") for e in found.events)
    assert drops(found, DropReason.NO_EVENT_SENSE, "strike") == ["a labour or hunger strike: a stoppage, no force"]


def test_a_strike_of_force_stays_an_attack(extractor: Extractor) -> None:
    found = run(extractor, "Russia launched a missile strike against Ukraine on Monday.")
    assert ("country:RUS", "ATTACK", "country:UKR") in triples(found)


def test_a_score_on_a_conflict_verb_is_a_match_result_but_a_range_is_not(extractor: Extractor) -> None:
    match = run(extractor, "Ghana beat Cameroon 3-1 in Kumasi on Sunday.")
    assert not match.events
    assert drops(match, DropReason.NO_EVENT_SENSE, "beat") == ["a score on the verb: a match result, no use of force"]
    counted = run(extractor, "Turkish drones killed 12-14 Kurdish fighters in northern Iraq.")
    assert any(e.relation.cameo.startswith("19") for e in counted.events)


def test_an_indefinite_conflict_noun_under_a_modal_is_supposed_not_told(extractor: Extractor) -> None:
    supposed = run(extractor, "Diplomats said an Azerbaijani offensive on Armenia would wreck the talks.")
    assert not supposed.events
    assert any("supposed as subject of 'wreck'" in d for d in drops(supposed, DropReason.NOT_AN_EVENT, "offensive"))
    told = run(extractor, "The Azerbaijani offensive on Armenia would wreck the talks, diplomats said.")
    assert any(e.relation.name == "ATTACK" for e in told.events)


def test_a_natural_or_economic_condition_as_subject_does_no_act(extractor: Extractor) -> None:
    for text in ("Turkey's rising inflation threatens Iraq's exports.", "A Chinese slowdown threatens Australia."):
        found = run(extractor, text)
        assert not any(e.relation.name == "THREATEN" for e in found.events)
        assert any("natural or economic condition" in d for d in drops(found, DropReason.NO_EVENT_SENSE, "threaten"))
    # a condition whose state is only the place of a setting ("in Turkey") gives the verb no subject at all
    setting = run(extractor, "Rising inflation in Turkey threatens the exports of Iraq's farmers.")
    assert not any(e.relation.name == "THREATEN" for e in setting.events)
    kept = run(extractor, "Turkey threatened Iraq with sanctions over the dam.")
    assert ("country:TUR", "THREATEN", "country:IRQ") in triples(kept)


def test_a_named_group_of_economies_is_a_bloc_not_an_economic_condition(extractor: Extractor) -> None:
    bloc = run(extractor, "The Group of Seven leading economies urged China to halt the drills.")
    assert not drops(bloc, DropReason.NO_EVENT_SENSE, "urge")
    assert any(e.relation.name == "APPEAL" and e.object.id == "country:CHN" for e in bloc.events)


def test_a_sportsperson_as_subject_is_a_match_not_a_state(extractor: Extractor) -> None:
    found = run(extractor, "Portugal's midfielder attacked Spain's goal in the first half.")
    assert not any(e.relation.name == "ATTACK" for e in found.events)
    assert any("sportsperson" in d for d in drops(found, DropReason.NO_EVENT_SENSE, "attack"))


def test_private_travellers_and_trading_vessels_make_no_visit(extractor: Extractor) -> None:
    tourists = run(extractor, "Thousands of Indian pilgrims travelled to Saudi Arabia for the hajj.")
    assert not any(e.relation.name == "VISIT" for e in tourists.events)
    assert any("private travellers" in d for d in drops(tourists, DropReason.NO_EVENT_SENSE, "travel"))
    ferry = run(extractor, "A Greek passenger ferry arrived in Turkey on Monday.")
    assert not any(e.relation.name == "VISIT" for e in ferry.events)
    assert any("vehicle of trade" in d for d in drops(ferry, DropReason.NO_EVENT_SENSE, "arrive"))
    official = run(extractor, "A Greek trade delegation arrived in Turkey on Monday.")
    assert ("country:GRC", "VISIT", "country:TUR") in triples(official)


def test_a_document_as_subject_uses_no_force(extractor: Extractor) -> None:
    found = run(extractor, "Canada's new tax rules target Chinese investors.")
    assert not any(e.relation.cameo[:2] in ("17", "18", "19", "20") for e in found.events)
    assert any("document or scheme" in d for d in drops(found, DropReason.NO_EVENT_SENSE, "target"))


def test_an_animal_or_its_attack_as_subject_is_no_actors_act(extractor: Extractor) -> None:
    found = run(extractor, "A crocodile attack near the border with Zambia killed a fisherman from Zimbabwe.")
    assert not any(e.relation.cameo[:2] in ("18", "19", "20") for e in found.events)
    assert any("an animal" in d for d in drops(found, DropReason.NO_EVENT_SENSE, "kill"))


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Erdogan attacked Macron over his remarks about Islam.",
         ("person:recep-tayyip-erdogan", "CRITICIZE", "person:emmanuel-macron")),
        ("In a speech on Monday, Lula attacked the IMF for its lending conditions.",
         ("person:luiz-inacio-lula-da-silva", "CRITICIZE", "org:imf")),
        # a leader standing for the state that uses force on a state keeps the attack
        ("Putin attacked Ukraine in February 2022.", ("person:vladimir-putin", "ATTACK", "country:UKR")),
        ("Russian forces attacked Ukrainian positions near Bakhmut.", ("group:rus-mil", "ATTACK", "country:UKR")),
    ],
)
def test_a_person_attacking_a_person_or_a_body_attacks_in_words(
    extractor: Extractor, text: str, wanted: tuple[str, str, str],
) -> None:
    assert wanted in triples(run(extractor, text))


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("The United States encouraged Somalia to hold elections.",
         ("country:USA", "APPEAL", "country:SOM"), ("country:USA", "PRAISE", "country:SOM")),
        ("Japan encouraged South Korea to join the pact.",
         ("country:JPN", "APPEAL", "country:KOR"), ("country:JPN", "PRAISE", "country:KOR")),
    ],
)
def test_asking_an_object_to_act_is_an_appeal_whatever_the_verb_alone_means(
    extractor: Extractor, text: str, wanted: tuple[str, str, str], unwanted: tuple[str, str, str],
) -> None:
    found = triples(run(extractor, text))
    assert wanted in found
    assert unwanted not in found
