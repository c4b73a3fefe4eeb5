"""Paths from a trigger to an argument outside its own phrase (extract/argument_paths.py): object
gaps of relative clauses, passive removals, joint acts with a coordinated "of" phrase, and event
nouns inside a container's or supplier's "of" phrase. Each rule has near misses that must not pair."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.argument_paths import (
    headline_co_subjects,
    is_joint_occasion,
    is_trip_purpose,
    joint_of_parties,
    led_group_leader,
    occasion_agents,
    of_phrase_holder,
    passive_removal,
    relative_gap_objects,
    severs_mutual_relation,
)
from extract.pipeline import Extractor
from graph.model import Article

DATE = "2024-03-14"


def pairs(extractor: Extractor, text: str) -> set[tuple[str | None, str, str | None]]:
    result = extractor.extract(Article("argument-paths-test", text, None, DATE))
    return {(e.subject.country, e.relation.name, e.object.country) for e in result.events}


def parse(extractor: Extractor, text: str) -> Doc:
    return extractor.nlp(text)


def word(doc: Doc, text: str) -> int:
    return next(t.i for t in doc if t.text == text)


# -- object gaps of relative clauses ----------------------------------------------------------
def test_a_relative_clause_whose_object_is_its_pronoun_is_about_the_noun_it_modifies(extractor: Extractor) -> None:
    doc = parse(extractor, "The Ukrainian grain that Poland banned last year will be allowed in again.")
    gap = relative_gap_objects(doc[word(doc, "banned")], ())
    assert [t.text for t in gap] == ["grain"]
    assert ("POL", "COERCE", "UKR") in pairs(extractor, doc.text)


def test_a_relative_clause_about_a_place_or_time_has_no_object_gap(extractor: Extractor) -> None:
    doc = parse(extractor, "The city where Russia attacked civilians was cut off.")
    assert relative_gap_objects(doc[word(doc, "attacked")], ()) == []


def test_a_relative_clause_whose_pronoun_is_its_subject_has_no_object_gap(extractor: Extractor) -> None:
    doc = parse(extractor, "The Ukrainian officials who criticised Poland left Warsaw.")
    assert relative_gap_objects(doc[word(doc, "criticised")], ()) == []
    assert ("UKR", "CRITICIZE", "POL") in pairs(extractor, doc.text)


def test_a_relative_clause_with_an_object_of_its_own_has_no_gap(extractor: Extractor) -> None:
    doc = parse(extractor, "The Ukrainian port where Russia attacked a ship was closed.")
    assert relative_gap_objects(doc[word(doc, "attacked")], ()) == []


# -- passive removals -------------------------------------------------------------------------
def test_a_passive_removal_without_by_is_done_by_the_state_removed_from(extractor: Extractor) -> None:
    doc = parse(extractor, "Venezuelan migrants were expelled from Chile on Friday.")
    removal = passive_removal(doc[word(doc, "expelled")], extractor.knowledge.lexicon.removal_verbs)
    assert removal is not None
    assert [t.text for t in removal.removers] == ["Chile"] and [t.text for t in removal.removed] == ["migrants"]
    found = pairs(extractor, doc.text)
    assert ("CHL", "DEPORT", "VEN") in found and ("VEN", "DEPORT", "CHL") not in found


def test_a_participle_of_removal_is_done_by_the_state_removed_from(extractor: Extractor) -> None:
    assert ("POL", "DEPORT", "RUS") in pairs(extractor, "Russian diplomats expelled from Poland arrived in Moscow.")


def test_an_active_removal_removes_its_object_not_the_place_left(extractor: Extractor) -> None:
    found = pairs(extractor, "Uganda expelled Kenyan traders from Kampala on Friday.")
    assert {(subject, obj) for subject, _, obj in found} == {("UGA", "KEN")}


def test_a_passive_removal_with_by_keeps_its_agent(extractor: Extractor) -> None:
    doc = parse(extractor, "Russian diplomats were expelled from Poland by Lithuania on Friday.")
    assert passive_removal(doc[word(doc, "expelled")], extractor.knowledge.lexicon.removal_verbs) is None


def test_leaving_from_a_state_is_no_removal(extractor: Extractor) -> None:
    doc = parse(extractor, "Ukrainian refugees fled from Russia.")
    assert passive_removal(doc[word(doc, "fled")], extractor.knowledge.lexicon.removal_verbs) is None
    assert pairs(extractor, doc.text) == set()


# -- joint acts with a coordinated "of" phrase --------------------------------------------------
def test_a_joint_act_takes_its_parties_from_a_coordinated_of_phrase(extractor: Extractor) -> None:
    doc = parse(extractor, "The meeting of Iran and Saudi Arabia in Beijing was hailed as a breakthrough.")
    assert [t.text for t in joint_of_parties(doc[word(doc, "meeting")])] == ["Iran"]
    found = pairs(extractor, doc.text)
    assert ("IRN", "MEET", "SAU") in found or ("SAU", "MEET", "IRN") in found


def test_a_joint_act_of_one_body_pairs_nobody(extractor: Extractor) -> None:
    assert pairs(extractor, "The meeting of the Chinese cabinet was postponed.") == set()


def test_a_one_sided_act_does_not_read_its_of_phrase_as_parties(extractor: Extractor) -> None:
    found = pairs(extractor, "The invasion of Iraq and Kuwait shocked the region.")
    assert ("IRQ", "INVADE", "KWT") not in found and ("IRQ", "ATTACK", "KWT") not in found


# -- event nouns inside a container's or supplier's "of" phrase --------------------------------
def test_a_supplier_of_an_event_noun_gives_its_target(extractor: Extractor) -> None:
    doc = parse(extractor, "Canada is a key supplier of weapons to Ukraine.")
    holder = of_phrase_holder(doc[word(doc, "weapons")], extractor.knowledge.lexicon.supplying_agent_nouns)
    assert holder is not None and holder.text == "supplier"
    assert ("CAN", "MILITARY_AID", "UKR") in pairs(extractor, doc.text)
    assert ("DEU", "AID", "UKR") in pairs(extractor, "Germany was the largest donor of aid to Ukraine last year.")


def test_an_of_phrase_of_another_noun_lends_no_target(extractor: Extractor) -> None:
    doc = parse(extractor, "Canada is a critic of weapons to Ukraine.")
    assert of_phrase_holder(doc[word(doc, "weapons")], extractor.knowledge.lexicon.supplying_agent_nouns) is None


# -- "X-led" groups ---------------------------------------------------------------------------
def test_a_group_led_by_a_state_acts_for_it(extractor: Extractor) -> None:
    doc = parse(extractor, "Saudi-led coalition jets struck Houthi targets in Sanaa.")
    leader = led_group_leader(doc[word(doc, "jets")])
    assert leader is not None and leader.text == "Saudi"
    assert ("SAU", "ATTACK", "YEM") in pairs(extractor, doc.text)
    assert ("USA", "ATTACK", "AFG") in pairs(extractor, "US-led forces attacked Taliban positions.")


def test_a_group_backed_by_a_state_is_not_that_state(extractor: Extractor) -> None:
    doc = parse(extractor, "Iran-backed militias attacked US troops in Syria.")
    assert led_group_leader(doc[word(doc, "militias")]) is None
    assert not any(subject == "IRN" for subject, _, _ in pairs(extractor, doc.text))


# -- coordinated subjects of a joint act ------------------------------------------------------
def test_coordinated_subjects_of_a_joint_verb_with_an_actor_object_each_act_on_it(extractor: Extractor) -> None:
    found = pairs(extractor, "Egypt and Qatar met Iran.")
    assert {("EGY", "MEET", "IRN"), ("QAT", "MEET", "IRN")} <= found
    assert ("EGY", "MEET", "QAT") not in found and ("QAT", "MEET", "EGY") not in found


def test_coordinated_subjects_of_a_joint_verb_without_object_act_together(extractor: Extractor) -> None:
    found = pairs(extractor, "Egypt and Qatar met in Doha.")
    assert ("EGY", "MEET", "QAT") in found or ("QAT", "MEET", "EGY") in found


def test_a_joint_verb_whose_object_names_no_actor_still_pairs_its_subjects(extractor: Extractor) -> None:
    found = pairs(extractor, "Ethiopia and Eritrea signed a peace agreement in Riyadh.")
    assert ("ETH", "SIGN_AGREEMENT", "ERI") in found or ("ERI", "SIGN_AGREEMENT", "ETH") in found


# -- the occasion of a verbal conflict --------------------------------------------------------
def test_a_protest_without_object_is_aimed_at_whoever_acts_in_its_occasion(extractor: Extractor) -> None:
    doc = parse(extractor, "Vietnam protested after Chinese ships entered its waters.")
    assert [t.text for t in occasion_agents(doc[word(doc, "protested")])] == ["ships"]
    # a state's protest is an official complaint (114, extract/official_protests.py), not a demonstration
    assert ("VNM", "COMPLAIN_OFFICIALLY", "CHN") in pairs(extractor, doc.text)
    assert ("KEN", "CRITICIZE", "UGA") in pairs(extractor, "Kenya complained when Ugandan troops crossed the border.")


def test_the_one_acted_on_in_a_passive_occasion_is_no_target(extractor: Extractor) -> None:
    doc = parse(extractor, "Kenya protested after its troops were attacked.")
    assert occasion_agents(doc[word(doc, "protested")]) == []
    assert not [p for p in pairs(extractor, doc.text) if p[1] == "PROTEST_AGAINST"]


def test_an_occasion_clause_does_not_give_a_cooperative_verb_its_object(extractor: Extractor) -> None:
    assert not [p for p in pairs(extractor, "Kenya agreed after Uganda offered concessions.") if p[1] == "AGREE"]


# -- coordinated parties of a severed relation --------------------------------------------------
def test_coordinated_subjects_cutting_ties_cut_them_with_each_other(extractor: Extractor) -> None:
    found = pairs(extractor, "Morocco and Algeria have cut diplomatic ties.")
    assert {("MAR", "REDUCE_DIPLOMATIC_RELATIONS", "DZA"), ("DZA", "REDUCE_DIPLOMATIC_RELATIONS", "MAR")} <= found


def test_coordinated_subjects_cutting_ties_with_a_third_state_do_not_pair(extractor: Extractor) -> None:
    doc = parse(extractor, "Morocco and Algeria cut ties with Iran.")
    assert not severs_mutual_relation(doc[word(doc, "cut")], extractor.knowledge.lexicon.relation_nouns)
    assert not [p for p in pairs(extractor, doc.text) if {p[0], p[2]} == {"MAR", "DZA"}]


# -- a joint act as the occasion of a clause ----------------------------------------------------
def test_a_joint_act_in_a_temporal_adjunct_is_the_clause_subjects(extractor: Extractor) -> None:
    assert ("RUS", "MEET", "CHN") in pairs(extractor, "During talks with Xi Jinping, Putin praised China's peace plan.")
    assert ("CHN", "MEET", "USA") in pairs(extractor, "At a meeting with Biden, Xi warned against interference.")


def test_an_act_of_one_side_in_a_temporal_adjunct_is_not_the_clause_subjects(extractor: Extractor) -> None:
    doc = parse(extractor, "After the attack on Israel, Iran praised Hamas.")
    attack = doc[word(doc, "attack")]
    assert not is_joint_occasion(attack, attack.head, extractor.knowledge.lexicon.occasion_prepositions, False)
    assert not [p for p in pairs(extractor, doc.text) if p[1] == "ATTACK"]


# -- a headline's comma for "and" ---------------------------------------------------------------
def test_names_a_headline_separates_by_a_comma_before_a_plural_verb_are_coordinated(extractor: Extractor) -> None:
    doc = parse(extractor, "Russia, Ukraine agree to prisoner swap")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert [t.text for t in headline_co_subjects(subject)] == ["Ukraine"]
    found = pairs(extractor, doc.text)
    assert {("RUS", "AGREE", "UKR"), ("UKR", "AGREE", "RUS")} <= found
    restored = pairs(extractor, "Iran, Saudi Arabia restore ties")
    assert ("IRN", "DIPLOMATIC_COOPERATION", "SAU") in restored or ("SAU", "DIPLOMATIC_COOPERATION", "IRN") in restored


def test_a_name_in_apposition_before_a_singular_verb_is_no_coordinated_subject(extractor: Extractor) -> None:
    doc = parse(extractor, "Russia, the largest exporter, agrees to cut oil output")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert headline_co_subjects(subject) == []


def test_the_traveller_takes_part_in_the_talks_a_trip_is_for(extractor: Extractor) -> None:
    assert ("GHA", "MEET", "TGO") in pairs(
        extractor, "Ghana's president flew to Lome on Monday for talks with Togo's president.")
    assert ("GHA", "MEET", "TGO") in pairs(
        extractor, "Ghana's president arrived in Lome for a summit with Togo's president.")


def test_a_cause_after_for_on_a_verb_of_no_trip_is_no_act_of_its_subject(extractor: Extractor) -> None:
    found = pairs(extractor, "Ghana sanctioned Togo for attacks on Ghanaian traders.")
    assert not {p for p in found if p[1] == "ATTACK" and p[0] == "GHA"}


def test_only_a_joint_act_after_for_on_a_verb_of_travel_is_a_trip_purpose(extractor: Extractor) -> None:
    doc = parse(extractor, "Ghana's president flew to Lome for talks.")
    noun = doc[word(doc, "talks")]
    purpose = frozenset({"for"})
    assert is_trip_purpose(noun, noun.head, purpose, joint=True, travels=True)
    assert not is_trip_purpose(noun, noun.head, purpose, joint=True, travels=False)
    assert not is_trip_purpose(noun, noun.head, purpose, joint=False, travels=True)
    assert not is_trip_purpose(noun, noun.head, frozenset({"during"}), joint=True, travels=True)


def test_a_past_form_after_an_apposition_on_a_root_noun_is_the_sentences_verb(extractor: Extractor) -> None:
    # the tagger reads "called" as a participle on "States": a sentence has a finite verb
    found = pairs(extractor, "The United States, an ally of both countries, called on Tokyo and Seoul to resolve "
                             "their dispute through dialogue.")
    assert {("USA", "APPEAL", "JPN"), ("USA", "APPEAL", "KOR")} <= found


def test_a_participle_with_a_by_agent_stays_a_passive_on_its_noun(extractor: Extractor) -> None:
    found = pairs(extractor, "The treaty, an accord of 1979, signed by Ghana and Togo.")
    assert ("GHA", "SIGN_AGREEMENT", "TGO") in found or ("TGO", "SIGN_AGREEMENT", "GHA") in found
