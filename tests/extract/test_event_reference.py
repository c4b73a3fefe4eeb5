"""Reactions to an event named by a definite event noun: "Uganda condemned the attack"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from extract.event_memory import REFERENCE_WINDOW_SENTENCES
from extract.event_reference import CLASS_NOUN_WINDOW_SENTENCES, REFERENCE_PAIRING
from extract.ontology import DATA_DIR, OntologyError, load_ontology
from extract.pipeline import Extractor, merge_events
from graph.model import DropReason, Event, Evidence, Extraction
from graph.records import checked_event, event_record
from tests.extract.extracting import runner, triples

ATTACK = "Al-Shabaab fighters attacked a Kenyan army base on Tuesday."
BLOCKADE = "Egypt imposed a blockade on Sudan on Friday."
#: An act of no class a class noun names (a signed agreement, 05), told first: the story's own act.
LEDE = "Kenya and Somalia signed a trade agreement on Monday."


run = runner("event-reference-test", "2024-03-14")


def referred(extraction: Extraction) -> list[Event]:
    return [e for e in extraction.events if e.pairing == REFERENCE_PAIRING]


def test_a_condemned_attack_is_a_criticism_of_the_attacker(extractor: Extractor) -> None:
    result = run(extractor, f"{ATTACK} Uganda condemned the attack.")
    (event,) = referred(result)
    assert (event.subject.id, event.relation.name, event.object.id) == ("country:UGA", "CRITICIZE", "org:al-shabab")
    assert ("topic", "attack") in event.attributes
    # the rules' raw confidence of the path is lower than along the parse (the calibrated one, which
    # also weighs the relation and the actors, is the model's: tests/extract/test_calibration.py)
    raw = run(Extractor(extractor.nlp, extractor.knowledge, calibrate=False), f"{ATTACK} Uganda condemned the attack.")
    (raw_event,) = referred(raw)
    dependency = [e for e in raw.events if e.pairing == "dependency"]
    assert dependency and raw_event.confidence < min(e.confidence for e in dependency)


def test_a_launch_names_a_missile_fired(extractor: Extractor) -> None:
    result = run(extractor, "North Korea fired a ballistic missile into the sea. Japan condemned the launch.")
    assert [(e.subject.id, e.relation.name, e.object.id) for e in referred(result)] == [
        ("country:JPN", "CRITICIZE", "country:PRK")]


def test_a_general_event_anaphor_refers_to_the_latest_act(extractor: Extractor) -> None:
    result = run(extractor, "Norway expelled two Russian diplomats on Monday. Finland welcomed the decision.")
    assert [(e.subject.id, e.relation.name, e.object.id) for e in referred(result)] == [
        ("country:FIN", "PRAISE", "country:NOR")
    ]
    # a decision that names its own doer ("of the court") refers to no earlier act
    own = run(extractor, "Norway expelled two Russian diplomats on Monday. Finland welcomed the decision of the court.")
    assert not referred(own)


def test_an_incident_names_a_hostile_act_and_not_a_cooperative_one(extractor: Extractor) -> None:
    hostile = run(extractor, "Turkey shot down a Russian warplane on Tuesday. Moscow called the incident a stab "
                             "in the back.")
    assert ("country:RUS", "CRITICIZE", "country:TUR") in {
        (e.subject.id, e.relation.name, e.object.id) for e in referred(hostile)}
    cooperative = run(extractor, "Turkey sent food aid to Syria on Tuesday. Moscow condemned the incident.")
    assert not referred(cooperative)


def test_an_act_under_a_modal_is_not_yet_done_and_no_move_to_condemn(extractor: Extractor) -> None:
    done = run(extractor, "Turkey sent warships to the region on Monday. Greece condemned the move.")
    assert [(e.subject.id, e.relation.name, e.object.id) for e in referred(done)] == [
        ("country:GRC", "CRITICIZE", "country:TUR")
    ]
    planned = run(extractor, "Turkey will send warships to the region next week. Greece condemned the move.")
    assert not referred(planned)


def test_an_act_told_by_a_light_verb_and_its_noun_is_remembered_without_a_target(extractor: Extractor) -> None:
    # no target is named ("launched the offensive"), but its agent did the act a later noun names
    launched = run(extractor, "Turkish troops launched the offensive on Wednesday. Greece condemned the offensive.")
    assert [(e.subject.id, e.relation.name, e.object.id) for e in referred(launched)] == [
        ("country:GRC", "CRITICIZE", "group:tur-mil")
    ]
    carried_out = run(extractor, "Israel carried out air strikes overnight, the army said. Iran condemned the strikes.")
    assert [(e.subject.id, e.object.id) for e in referred(carried_out)] == [("country:IRN", "country:ISR")]


def test_an_act_noun_whose_verb_does_not_perform_it_is_no_antecedent(extractor: Extractor) -> None:
    # the subject of "halted", "sought" or "condemned" did not do the act the noun names
    for told in ("Turkish troops halted the offensive on Wednesday.", "Turkey sought talks on Wednesday.",
                 "Turkey did not carry out air strikes on Wednesday."):
        result = run(extractor, f"{told} Greece condemned the offensive. Greece condemned the strikes.")
        assert not referred(result), told


@pytest.mark.parametrize(("told", "noun"), [
    ("Russian fighter jets violated Estonian airspace on Monday.", "violation"),
    ("Israel demolished Palestinian homes in Hebron on Monday.", "demolition"),
    ("A Russian court convicted a US journalist on Monday.", "conviction"),
])
def test_a_nominalisation_names_the_act_of_its_verb(extractor: Extractor, told: str, noun: str) -> None:
    # event_nouns.toml derived_nouns: English derives the noun from the verb the act was told with
    result = run(extractor, f"{told} Uganda condemned the {noun}.")
    assert [(e.subject.id, e.relation.name) for e in referred(result)] == [("country:UGA", "CRITICIZE")]


def test_an_act_named_by_it_and_a_predicate_is_the_latest_act(extractor: Extractor) -> None:
    # "it" names no actor here; the reaction says what it is ("as an aggression", "a criminal act")
    for reaction in ("Uganda condemned it as an aggression.", "Uganda called it a criminal act."):
        result = run(extractor, f"{ATTACK} {reaction}")
        assert [(e.subject.id, e.relation.name, e.object.id) for e in referred(result)] == [
            ("country:UGA", "CRITICIZE", "org:al-shabab")], reaction
    # a bare "it" with nothing said of it is left alone
    assert not referred(run(extractor, f"{ATTACK} Uganda condemned it."))


@pytest.mark.parametrize(("told", "reactor"), [
    # a noun summing up the clause before it is what its relative clause reacts to
    ("Russia expelled 20 Czech diplomats on Monday, a move Prague condemned as unjustified.", "country:CZE"),
    ("Russia expelled 20 Czech diplomats on Monday, a step that Prague condemned.", "country:CZE"),
    # a reaction an act drew is aimed at the act's doer
    ("Russia expelled 20 Czech diplomats on Monday, a move that drew sharp criticism from the European Union.",
     "org:eu"),
    ("Russia expelled 20 Czech diplomats on Monday. The expulsions sparked condemnation from the European Union.",
     "org:eu"),
])
def test_a_summing_up_noun_or_a_drawn_reaction_is_aimed_at_the_act_s_doer(
        extractor: Extractor, told: str, reactor: str) -> None:
    assert [(e.subject.id, e.relation.name, e.object.id) for e in referred(run(extractor, told))] == [
        (reactor, "CRITICIZE", "country:RUS")]


def test_a_welcomed_expulsion_is_praise_of_whoever_expelled(extractor: Extractor) -> None:
    result = run(extractor, "Norway expelled two Russian diplomats on Monday. Finland welcomed the expulsions.")
    assert [(e.subject.id, e.relation.name, e.object.id) for e in referred(result)] == [
        ("country:FIN", "PRAISE", "country:NOR")
    ]


def test_a_mutual_act_is_one_act_of_both_parties(extractor: Extractor) -> None:
    result = run(extractor, "Armenia and Azerbaijan expelled each other's diplomats on Monday. "
                            "Russia criticised the expulsions.")
    assert {(e.subject.id, e.relation.name, e.object.id) for e in referred(result)} == {
        ("country:RUS", "CRITICIZE", "country:ARM"), ("country:RUS", "CRITICIZE", "country:AZE")}


def test_acts_of_two_agents_against_a_third_stay_ambiguous(extractor: Extractor) -> None:
    result = run(extractor, "Armenia expelled two Iranian diplomats on Monday. Azerbaijan expelled two "
                            "Turkish diplomats on Tuesday. Russia criticised the expulsions.")
    assert not referred(result)


def test_welcome_hosts_a_delegation_and_praises_an_event(extractor: Extractor) -> None:
    assert triples(run(extractor, "Tanzania welcomed the delegation from Zambia.")) == {
        ("country:TZA", "HOST", "country:ZMB")
    }


def test_a_party_welcoming_its_own_deal_praises_the_other_party(extractor: Extractor) -> None:
    result = run(extractor, "Peru and Chile signed a trade agreement in Lima. Chile welcomed the agreement.")
    assert {(e.subject.id, e.relation.name, e.object.id) for e in referred(result)} == {
        ("country:CHL", "PRAISE", "country:PER")
    }


def test_an_outsider_welcoming_a_deal_praises_both_parties(extractor: Extractor) -> None:
    result = run(extractor, "Peru and Chile signed a trade agreement in Lima. Brazil welcomed the agreement.")
    assert {(e.subject.id, e.object.id) for e in referred(result)} == {
        ("country:BRA", "country:PER"), ("country:BRA", "country:CHL")
    }


def test_an_event_noun_with_no_earlier_event_gives_no_triple(extractor: Extractor) -> None:
    result = run(extractor, "Uganda condemned the attack on Wednesday.")
    assert not result.events
    assert ("condemn", DropReason.NOT_AN_ACTOR) in {(d.trigger, d.reason) for d in result.drops}


def filler(sentences: int) -> str:
    return " ".join(f"Paragraph {n} says nothing new." for n in range(sentences))


def test_an_event_outside_the_window_is_not_referred_to(extractor: Extractor) -> None:
    # the reaction is REFERENCE_WINDOW_SENTENCES + 1 sentences after the attack, in another paragraph
    far = run(extractor, f"{LEDE} {ATTACK}\n\n{filler(REFERENCE_WINDOW_SENTENCES)}\n\nUganda condemned the attack.")
    assert not referred(far)
    assert ("condemn", DropReason.NOT_AN_ACTOR) in {(d.trigger, d.reason) for d in far.drops}
    # one sentence less: at the window's edge
    near = run(extractor,
               f"{LEDE} {ATTACK}\n\n{filler(REFERENCE_WINDOW_SENTENCES - 1)}\n\nUganda condemned the attack.")
    assert [e.object.id for e in referred(near)] == ["org:al-shabab"]


def test_the_story_s_own_act_is_named_from_beyond_the_window(extractor: Extractor) -> None:
    # the lede's act is the article's topic: a noun of its act names it however far on
    far = run(extractor, f"{ATTACK}\n\n{filler(REFERENCE_WINDOW_SENTENCES + 3)}\n\nUganda condemned the attack.")
    assert [(e.subject.id, e.relation.name, e.object.id) for e in referred(far)] == [
        ("country:UGA", "CRITICIZE", "org:al-shabab")
    ]
    # even past other acts told in between, when none of them is of the noun's kind
    between = run(extractor, f"{ATTACK}\n\n{filler(REFERENCE_WINDOW_SENTENCES)}\n\n{LEDE} Uganda condemned the attack.")
    assert [e.object.id for e in referred(between)] == ["org:al-shabab"]


def test_a_class_noun_names_the_story_s_act_when_no_act_of_its_class_is_told_shortly_before(
    extractor: Extractor,
) -> None:
    move = "Turkey sent warships to the Aegean on Monday."
    far = run(extractor, f"{move}\n\n{filler(REFERENCE_WINDOW_SENTENCES + 3)}\n\nGreece condemned the move.")
    assert [(e.subject.id, e.relation.name, e.object.id) for e in referred(far)] == [
        ("country:GRC", "CRITICIZE", "country:TUR")
    ]
    # also past a verbal act told just before (an agreement, not of the class)
    after_verbal = run(extractor,
                       f"{move}\n\n{filler(REFERENCE_WINDOW_SENTENCES + 3)}\n\n{LEDE} Greece condemned the move.")
    assert [e.object.id for e in referred(after_verbal)] == ["country:TUR"]
    # but a material act of the class told shortly before is the move named
    shortly = run(extractor,
                  f"{move}\n\n{filler(REFERENCE_WINDOW_SENTENCES + 3)}\n\n{BLOCKADE} Greece condemned the move.")
    assert [e.object.id for e in referred(shortly)] == ["country:EGY"]


def test_the_filler_has_one_sentence_per_sentence_it_says(extractor: Extractor) -> None:
    assert len(list(extractor.nlp(filler(REFERENCE_WINDOW_SENTENCES)).sents)) == REFERENCE_WINDOW_SENTENCES


def test_an_event_noun_naming_its_own_participant_keeps_the_existing_path(extractor: Extractor) -> None:
    for text in (f"{ATTACK} Uganda condemned Somalia's attack.", f"{ATTACK} Uganda condemned the attack by Somalia."):
        result = run(extractor, text)
        criticisms = [e for e in result.events if e.relation.name == "CRITICIZE"]
        assert [(e.object.id, e.pairing) for e in criticisms] == [("country:SOM", "dependency")], text


def test_polarity_comes_from_the_reaction_clause(extractor: Extractor) -> None:
    (event,) = referred(run(extractor, f"{ATTACK} Uganda did not condemn the attack."))
    assert (event.relation.name, event.polarity.value) == ("CRITICIZE", "negated")


def test_a_reaction_to_the_reactors_own_act_is_a_self_loop(extractor: Extractor) -> None:
    result = run(extractor, "Serbian troops shelled Kosovo on Monday. Serbia defended the shelling.")
    assert not referred(result)
    assert ("defend", DropReason.SELF_LOOP) in {(d.trigger, d.reason) for d in result.drops}


def test_an_event_noun_that_may_name_events_of_different_agents_is_dropped(extractor: Extractor) -> None:
    text = f"{ATTACK} Kenyan troops attacked Somalia on Wednesday. Uganda condemned the attack."
    result = run(extractor, text)
    assert not referred(result)
    assert ("condemn", DropReason.UNRESOLVED_REFERENCE) in {(d.trigger, d.reason) for d in result.drops}


def test_a_plural_noun_names_every_act_of_its_kind_against_one_state(extractor: Extractor) -> None:
    text = ("The Netherlands accused Russia of plotting a cyberattack. Britain and the United States accused "
            "Moscow of a global campaign of hacking. The Kremlin rejected the accusations.")
    assert {(e.subject.id, e.object.id) for e in referred(run(extractor, text))} == {
        ("country:RUS", "country:NLD"), ("country:RUS", "country:GBR"), ("country:RUS", "country:USA")}
    # one accusation of several: which one is meant is not told
    singular = text.replace("the accusations", "the accusation")
    assert not referred(run(extractor, singular))
    # acts against different states stay ambiguous, plural or not
    mutual = "Russia struck Kyiv on Monday. Ukraine struck Belgorod on Tuesday. The UN condemned the attacks."
    assert not referred(run(extractor, mutual))


def test_the_same_word_is_the_antecedent_before_another_word_of_the_relation(extractor: Extractor) -> None:
    text = f"{ATTACK} Kenyan jets struck Somalia within hours. Uganda condemned the attack."
    assert [e.object.id for e in referred(run(extractor, text))] == ["org:al-shabab"]


def test_an_event_reference_passes_the_record_check(extractor: Extractor) -> None:
    (event,) = referred(run(extractor, f"{ATTACK} Uganda condemned the attack."))
    assert checked_event(event_record(event), extractor.knowledge.ontology.relations).pairing == REFERENCE_PAIRING


def test_a_sense_naming_an_unknown_relation_is_refused(tmp_path: Path) -> None:
    text = (DATA_DIR / "ontology.toml").read_text(encoding="utf-8")
    bad = tmp_path / "ontology.toml"
    bad.write_text(text.replace('welcome = "PRAISE"', 'welcome = "APPLAUD"'), encoding="utf-8")
    with pytest.raises(OntologyError, match=r"event_reference\.senses"):
        load_ontology(bad, data_dir=DATA_DIR)
    assert load_ontology().event_object_senses["welcome"] == "PRAISE"


def test_a_merged_event_is_a_dependency_pairing_only_if_one_mention_is(extractor: Extractor) -> None:
    (event,) = referred(run(extractor, f"{ATTACK} Uganda condemned the attack."))
    later = Evidence("Uganda again condemned the attack.", 500, 535)
    backoff = replace(event, pairing="backoff", evidence=(later,))
    (merged,) = merge_events([event, backoff], [])
    assert (merged.pairing, len(merged.evidence)) == (REFERENCE_PAIRING, 2)
    (merged,) = merge_events([event, replace(event, pairing="dependency", evidence=(later,))], [])
    assert merged.pairing == "dependency"


def test_a_statement_noun_is_aimed_at_the_latest_speaker_of_another_state(extractor: Extractor) -> None:
    result = run(extractor, "Chinese officials said Indian troops had crossed the border. India rejected the claim.")
    assert [(e.subject.id, e.relation.name, e.object.id) for e in referred(result)] == [
        ("country:IND", "REJECT", "country:CHN")
    ]


@pytest.mark.parametrize("noun", ["report", "findings", "pretexts", "assessment"])
def test_reports_findings_and_pretexts_are_statements_too(extractor: Extractor, noun: str) -> None:
    result = run(extractor, f"Chinese officials said Indian troops had crossed the border. India rejected the {noun}.")
    assert [(e.subject.id, e.relation.name, e.object.id) for e in referred(result)] == [
        ("country:IND", "REJECT", "country:CHN")
    ]


def test_a_statement_noun_with_no_earlier_speaker_is_no_event(extractor: Extractor) -> None:
    alone = run(extractor, "India rejected the claim.")
    assert not alone.events
    own_side = run(extractor, "Indian officials said the border was calm. India rejected the claim.")
    assert not referred(own_side)  # its own state's speaker is not the target


def test_a_party_defending_its_own_meeting_backs_no_one(extractor: Extractor) -> None:
    result = run(extractor, "Peru's president met Chile's president in Lima on Monday. Peru defended the meeting.")
    assert not [e for e in referred(result) if e.relation.name == "SUPPORT"]
    outsider = run(extractor, "Peru's president met Chile's president in Lima on Monday. Bolivia defended the meeting.")
    assert {(e.subject.id, e.relation.name) for e in referred(outsider)} >= {("country:BOL", "SUPPORT")}


def test_a_bare_number_as_object_counts_the_noun_of_the_latest_event_of_the_kind(extractor: Extractor) -> None:
    result = run(extractor, "Britain expelled 23 Russian diplomats on Monday. Canada expelled four.")
    expulsions = {(e.subject.id, e.relation.name, e.object.id) for e in result.events}
    assert ("country:CAN", "EXPEL", "country:RUS") in expulsions
    alone = run(extractor, "Canada expelled four.")
    assert not alone.events  # nothing to count


def reactions(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(e.subject.id, e.relation.name, e.object.id) for e in referred(extraction)}


def dropped(extraction: Extraction) -> set[tuple[str, DropReason]]:
    return {(d.trigger, d.reason) for d in extraction.drops}


def test_a_nominalisation_refers_to_an_act_told_with_its_verb(extractor: Extractor) -> None:
    # "annexation" is no trigger noun: event_nouns.toml derives it from "annex"
    result = run(extractor, "Morocco annexed two Algerian border towns. Algeria condemned the annexation.")
    assert reactions(result) == {("country:DZA", "CRITICIZE", "country:MAR")}
    assert ("topic", "annexation") in referred(result)[0].attributes
    suspended = run(extractor, "Egypt suspended its trade talks with Sudan. Sudan regretted the suspension.")
    assert reactions(suspended) == {("country:SDN", "DISAPPROVE", "country:EGY")}


def test_a_noun_spelled_like_a_verb_of_an_act_refers_to_that_act(extractor: Extractor) -> None:
    assert reactions(run(extractor, "Egypt banned flights from Sudan. Sudan condemned the ban.")) == {
        ("country:SDN", "CRITICIZE", "country:EGY")
    }
    recall = run(extractor, "Peru recalled its ambassador to Bolivia. Bolivia regretted the recall.")
    assert reactions(recall) == {("country:BOL", "DISAPPROVE", "country:PER")}


def test_an_act_whose_object_named_no_actor_is_referred_to_by_its_agent(extractor: Extractor) -> None:
    text = "Armenia annexed the border villages. Azerbaijan condemned the annexation."
    result = run(extractor, text)
    assert ("annex", DropReason.NO_OBJECT) in dropped(result)  # the act itself has no triple
    assert reactions(result) == {("country:AZE", "CRITICIZE", "country:ARM")}
    seized = run(extractor, "Egypt seized two cargo ships. Sudan condemned such seizures.")
    assert reactions(seized) == {("country:SDN", "CRITICIZE", "country:EGY")}


def test_a_negated_act_is_no_act_to_refer_to(extractor: Extractor) -> None:
    result = run(extractor, "Armenia did not annex the border villages. Azerbaijan condemned the annexation.")
    assert not referred(result)
    assert ("condemn", DropReason.NOT_AN_ACTOR) in dropped(result)


def test_an_agent_only_act_gives_no_noun_to_a_bare_number(extractor: Extractor) -> None:
    result = run(extractor, "Armenia expelled the journalists. Georgia expelled four.")
    assert not result.events


def test_one_act_of_several_agents_is_aimed_at_each(extractor: Extractor) -> None:
    result = run(extractor, "Egypt and Chad imposed a blockade on Sudan. Sudan rejected the blockade.")
    assert reactions(result) == {("country:SDN", "REJECT", "country:EGY"), ("country:SDN", "REJECT", "country:TCD")}


def test_a_reaction_to_the_reactors_own_recall_is_a_self_loop(extractor: Extractor) -> None:
    result = run(extractor, "Chile recalled its ambassador to Peru. Chile defended the recall.")
    assert not referred(result)
    assert ("defend", DropReason.SELF_LOOP) in dropped(result)


def test_a_class_noun_refers_to_the_latest_act_of_its_class(extractor: Extractor) -> None:
    result = run(extractor, f"{BLOCKADE} Sudan rejected the measures.")
    assert reactions(result) == {("country:SDN", "REJECT", "country:EGY")}
    assert ("topic", "measure") in referred(result)[0].attributes
    cut = run(extractor, "Egypt cut diplomatic ties with Sudan on Monday. Chad condemned the move.")
    assert reactions(cut) == {("country:TCD", "CRITICIZE", "country:EGY")}


def test_a_class_noun_refers_to_no_act_outside_its_class(extractor: Extractor) -> None:
    # the only act is an agreement (03), a verbal act, not a material one (06-08, 14-20)
    text = "Sudan agreed to talks with Egypt on Tuesday. Ethiopia welcomed the move."
    result = run(extractor, text)
    assert not referred(result)
    assert ("welcome", DropReason.NOT_AN_ACTOR) in dropped(result)
    # after a verbal act, a class noun names the story's own material act, told first
    after_verbal = run(extractor,
                       f"{BLOCKADE} Sudan agreed to talks with Egypt on Tuesday. Ethiopia welcomed the move.")
    assert reactions(after_verbal) == {("country:ETH", "PRAISE", "country:EGY")}


def test_a_class_noun_refers_only_to_an_act_shortly_before(extractor: Extractor) -> None:
    # the blockade is not the story's own act: the article began with another
    near = run(extractor, f"{LEDE} {BLOCKADE} {filler(CLASS_NOUN_WINDOW_SENTENCES - 1)} Sudan rejected the measures.")
    assert reactions(near) == {("country:SDN", "REJECT", "country:EGY")}
    far = run(extractor, f"{LEDE} {BLOCKADE} {filler(CLASS_NOUN_WINDOW_SENTENCES)} Sudan rejected the measures.")
    assert not referred(far)
    # a trigger noun reaches further back
    assert reactions(run(extractor,
                         f"{LEDE} {BLOCKADE} {filler(CLASS_NOUN_WINDOW_SENTENCES)} Sudan rejected the blockade."))


def test_a_class_noun_over_acts_of_different_agents_is_unresolved(extractor: Extractor) -> None:
    text = f"{BLOCKADE} Sudan imposed a blockade on Egypt on Saturday. Chad rejected the measures."
    result = run(extractor, text)
    assert not referred(result)
    assert ("reject", DropReason.UNRESOLVED_REFERENCE) in dropped(result)


def test_a_noun_spelled_like_a_verb_trigger_names_its_relation(extractor: Extractor) -> None:
    # "the request" is no trigger noun; as the verb "request" it names APPEAL, which "asked" told
    result = run(extractor, "Ukraine asked Germany for tanks. Germany rejected the request.")
    assert reactions(result) == {("country:DEU", "REJECT", "country:UKR")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The African Union passed a resolution on Monday demanding a ceasefire. Eritrea rejected the resolution.",
         ("country:ERI", "REJECT", "org:african-union")),
        ("A peace plan was put forward by Norway on Friday. Colombia welcomed the plan.",
         ("country:COL", "PRAISE", "country:NOR")),
        ("Chile proposed new talks on the border on Tuesday. Bolivia dismissed the proposal as a stunt.",
         ("country:BOL", "REJECT", "country:CHL")),
    ],
)
def test_a_reaction_to_an_issued_text_is_aimed_at_its_author(
    extractor: Extractor, text: str, expected: tuple[str, str, str],
) -> None:
    assert expected in triples(run(extractor, text))


def test_a_text_of_the_reactors_own_state_or_with_its_own_participant_has_no_author_to_find(
    extractor: Extractor,
) -> None:
    own = run(extractor, "Peru proposed new talks on Tuesday. Lima defended the proposal.")
    assert not referred(own)
    named = run(extractor, "Chile proposed new talks on Tuesday. Bolivia rejected Ecuador's proposal.")
    assert ("country:BOL", "REJECT", "country:CHL") not in triples(named)
    ruled_out = run(extractor, "Chile ruled out new talks on Tuesday. Bolivia criticized the ruling.")
    assert not referred(ruled_out)
