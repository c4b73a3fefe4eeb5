"""Plural pair references ("the two countries", "both sides", "the two leaders") and "each other"."""

from __future__ import annotations

import subprocess
import sys

from extract.block_index import BlockTokens, index_sentences
from extract.epithets import ActDyad
from extract.group_reference import mention_roots
from extract.mentions import BlockMentions, Mention, MentionKind
from extract.pair_reference import (
    PAIR_REFERENCE_PAIRING,
    PairKind,
    ReferenceResolver,
    addressed_relation_pair,
    pair_kind,
    referents,
    sentence_dyads,
)
from extract.pipeline import Extractor, _ArticleExtraction
from graph.model import Actor, ActorType, Article, DropReason, Extraction
from graph.records import event_from_record, event_record
from tests.extract.extracting import runner, state_actor, triples

DATE = "2024-05-02"


run = runner("pair-reference-test", DATE)


def person(name: str, iso3: str | None) -> Actor:
    return Actor(f"person:{name}", name, ActorType.PERSON, iso3, "GOV")


def no_country(iso3: str) -> None:
    return None


# -- the pure parts -------------------------------------------------------------------------
def test_a_verbs_dyad_needs_an_actor_subject_and_an_actor_object(extractor: Extractor) -> None:
    # the object of a verb whose subject names no actor is not looked for: it could give no pair
    article = _ArticleExtraction(extractor, Article("dyads", "-", None, DATE))
    doc = extractor.nlp("Peru and Chile signed a deal. The deal angered Bolivia. Russia urged Azerbaijan to talk. "
                        "Russia left.")
    held = index_sentences(doc)
    tokens = BlockTokens.of(doc)
    mentions = article.resolver.resolve_block(doc, tokens)
    found = [[(i, tuple(a.id for a in dyad), isinstance(dyad, ActDyad))
              for i, dyad in sentence_dyads(sentence, mentions, mention_roots(sentence, mentions), tokens)]
             for sentence in doc.sents]
    assert found == [
        [(2, ("country:PER", "country:CHL"), False)],  # two conjuncts; "signed" has no actor object
        [],  # "The deal angered Bolivia": no actor subject, no pair
        [(next(t.i for t in doc if t.text == "Azerbaijan"), ("country:RUS", "country:AZE"), True)],
        [],  # a subject without an object
    ]
    assert held is not None


def test_a_word_that_is_already_a_mention_is_read_as_no_description(extractor: Extractor) -> None:
    # why the sentence walk tests no description at a mention's word: the reading answers False
    # there at once and changes nothing
    knowledge = extractor.knowledge
    resolver = ReferenceResolver(knowledge.lexicon, knowledge.gazetteer, knowledge.group_words,
                                 knowledge.epithets, knowledge.organisation_names)
    doc = extractor.nlp("The Islamic Republic rejected the offer.")
    iran = state_actor("IRN")
    free = BlockMentions()
    assert resolver._describe(doc[2], free, [iran])  # "the Islamic Republic" just after Iran: Iran
    assert free[2].actor == iran and free[2].kind is MentionKind.DESCRIPTION
    named = BlockMentions()
    named[2] = Mention(2, 3, iran, MentionKind.NAME)
    assert not resolver._describe(doc[2], named, [iran])
    assert dict(named) == {2: Mention(2, 3, iran, MentionKind.NAME)}


def test_pair_kind_needs_a_pair_quantifier_and_a_listed_head(extractor: Extractor) -> None:
    lexicon = extractor.knowledge.lexicon
    doc = extractor.nlp("The two countries met. Both sides spoke. Two countries left. The three leaders met. "
                        "The two leaders spoke. The two sides of the border are calm.")
    kinds = {t.i: pair_kind(t, lexicon) for t in doc}
    assert [(doc[i].text, k) for i, k in kinds.items() if k is not None] == [
        ("countries", PairKind.STATES), ("sides", PairKind.PARTIES), ("leaders", PairKind.PERSONS),
    ]


def test_referents_are_the_only_two_distinct_states_in_the_order_named() -> None:
    recent_first = [state_actor("UGA"), state_actor("UGA"), state_actor("KEN")]
    assert referents(PairKind.STATES, recent_first, [], no_country) == (state_actor("KEN"), state_actor("UGA"))


def test_three_states_with_none_put_together_leave_the_pair_unresolved() -> None:
    recent_first = [state_actor("UGA"), state_actor("KEN"), state_actor("TZA")]
    assert referents(PairKind.STATES, recent_first, [], no_country) is None


def test_the_latest_dyad_the_text_put_together_is_the_pair() -> None:
    recent_first = [state_actor("RUS"), state_actor("AZE"), state_actor("ARM")]  # "... brokered by Russia"
    dyads = [(state_actor("ARM"), state_actor("AZE"))]
    assert referents(PairKind.STATES, recent_first, [], no_country, dyads) == (state_actor("ARM"), state_actor("AZE"))
    with_mate = [(state_actor("CHN"), state_actor("SAU")), (state_actor("SAU"), state_actor("IRN"))]
    assert referents(PairKind.STATES, recent_first, [state_actor("CHN")], no_country, with_mate) == (
        state_actor("SAU"), state_actor("IRN"))


def test_a_pair_put_together_before_a_broker_is_the_pair(extractor: Extractor) -> None:
    result = run(extractor, "Armenia and Azerbaijan agreed to a truce after talks brokered by Russia, "
                            "but both sides accused each other of violating it.")
    accusations = {(e.subject.id, e.object.id) for e in result.events if e.relation.name == "ACCUSE"}
    assert accusations == {("country:ARM", "country:AZE"), ("country:AZE", "country:ARM")}


def test_referents_leave_out_the_clause_mates() -> None:
    recent_first = [state_actor("CHN"), state_actor("IRN"), state_actor("SAU")]
    expected = (state_actor("SAU"), state_actor("IRN"))
    assert referents(PairKind.STATES, recent_first, [state_actor("CHN")], no_country) == expected


def test_referents_of_one_country_or_fewer_than_two_are_none() -> None:
    assert referents(PairKind.STATES, [state_actor("KEN")], [], no_country) is None
    same = [person("a", "KEN"), person("b", "KEN")]
    assert referents(PairKind.PERSONS, same, [], no_country) is None
    stateless = [person("a", "KEN"), person("b", None)]
    assert referents(PairKind.PERSONS, stateless, [], no_country) is None


def test_a_person_counts_as_its_country_for_a_state_head() -> None:
    recent_first = [person("ruto", "KEN"), person("museveni", "UGA")]
    assert referents(PairKind.STATES, recent_first, [], state_actor) == (state_actor("UGA"), state_actor("KEN"))


# -- the pair as subject --------------------------------------------------------------------
def test_the_two_countries_act_like_a_coordinated_subject(extractor: Extractor) -> None:
    result = run(extractor, "Kenya and Uganda held talks in Nairobi on Monday. "
                            "The two countries agreed to reopen the border.")
    agreed = [e for e in result.events if e.relation.name == "AGREE"]
    assert {(e.subject.id, e.object.id) for e in agreed} == {("country:KEN", "country:UGA"),
                                                              ("country:UGA", "country:KEN")}
    assert {e.pairing for e in agreed} == {PAIR_REFERENCE_PAIRING}
    direct = run(extractor, "Kenya and Uganda agreed to reopen the border.")
    ceiling = max(e.confidence for e in direct.events if e.relation.name == "AGREE")
    assert all(e.confidence < ceiling for e in agreed)


def test_both_alone_as_subject_is_the_pair(extractor: Extractor) -> None:
    result = run(extractor, "Kenya and Uganda held talks in Nairobi on Monday. Both agreed to reopen the border.")
    assert {("country:KEN", "AGREE", "country:UGA"), ("country:UGA", "AGREE", "country:KEN")} <= triples(result)
    # as an object "both" more often takes up things: "rejected both" names no pair
    rejected = run(extractor, "Kenya and Uganda made offers on Monday. Tanzania rejected both.")
    assert not [e for e in rejected.events if e.relation.name == "REJECT"]


def test_the_two_leaders_are_the_last_two_persons(extractor: Extractor) -> None:
    result = run(extractor, "Kenyan President William Ruto met Ugandan President Yoweri Museveni on Monday. "
                            "The two leaders agreed to reopen the border.")
    assert {("person:william-ruto", "AGREE", "person:yoweri-museveni"),
            ("person:yoweri-museveni", "AGREE", "person:william-ruto")} <= triples(result)


def test_a_state_named_as_the_setting_is_not_one_of_the_pair(extractor: Extractor) -> None:
    result = run(extractor, "Ethiopia and Eritrea held talks in Nairobi on Monday. "
                            "The two countries agreed to reopen the border.")
    agreed = {(s, o) for s, r, o in triples(result) if r == "AGREE"}
    assert agreed == {("country:ETH", "country:ERI"), ("country:ERI", "country:ETH")}


def test_a_pair_with_another_object_makes_each_party_a_subject(extractor: Extractor) -> None:
    result = run(extractor, "Ghana and Togo signed a trade pact. The two governments imposed sanctions on Mali.")
    sanctions = {t for t in triples(result) if t[1] == "SANCTION"}
    assert sanctions == {("country:GHA", "SANCTION", "country:MLI"), ("country:TGO", "SANCTION", "country:MLI")}


def test_both_sides_accused_each_other_goes_both_ways(extractor: Extractor) -> None:
    result = run(extractor, "Ethiopia and Eritrea clashed over the border. "
                            "Both sides accused each other of violating the ceasefire.")
    accused = [e for e in result.events if e.relation.name == "ACCUSE"]
    assert {(e.subject.id, e.object.id) for e in accused} == {("country:ETH", "country:ERI"),
                                                               ("country:ERI", "country:ETH")}
    assert {e.pairing for e in accused} == {PAIR_REFERENCE_PAIRING}


def test_a_coordinated_subject_with_each_other_goes_both_ways_along_the_parse(extractor: Extractor) -> None:
    result = run(extractor, "Sudan and Chad accused each other of arming the rebels.")
    accused = [e for e in result.events if e.relation.name == "ACCUSE"]
    assert {(e.subject.id, e.object.id) for e in accused} == {("country:SDN", "country:TCD"),
                                                               ("country:TCD", "country:SDN")}
    assert {e.pairing for e in accused} == {"dependency"}


# -- the pair as object ---------------------------------------------------------------------
def test_urged_both_countries_is_one_event_per_party(extractor: Extractor) -> None:
    result = run(extractor, "Sudan and Chad traded accusations over the border. "
                            "The African Union urged both countries to show restraint.")
    appeals = {t for t in triples(result) if t[1] == "APPEAL"}
    assert appeals == {("org:african-union", "APPEAL", "country:SDN"),
                       ("org:african-union", "APPEAL", "country:TCD")}


def test_the_subject_of_the_clause_is_not_one_of_the_pair_it_acts_on(extractor: Extractor) -> None:
    result = run(extractor, "Saudi Arabia and Iran held talks on Monday. China praised the two countries.")
    praised = {t for t in triples(result) if t[1] == "PRAISE"}
    assert praised == {("country:CHN", "PRAISE", "country:SAU"), ("country:CHN", "PRAISE", "country:IRN")}


# -- what stays unresolved ------------------------------------------------------------------
def _unresolved_agree(result: Extraction) -> bool:
    return any(d.reason is DropReason.UNRESOLVED_REFERENCE and d.relation == "AGREE" for d in result.drops)


def test_one_prior_state_gives_no_pair(extractor: Extractor) -> None:
    result = run(extractor, "Kenya sent troops to the border. The two countries agreed to reopen the border.")
    assert not [e for e in result.events if e.relation.name == "AGREE"]
    assert _unresolved_agree(result)


def test_two_persons_of_one_country_give_no_pair(extractor: Extractor) -> None:
    result = run(extractor, "Kenyan President William Ruto met Kenyan Foreign Minister Musalia Mudavadi on Monday. "
                            "The two leaders agreed to reopen the border.")
    assert not [e for e in result.events if e.relation.name == "AGREE"]
    assert _unresolved_agree(result)


def test_a_pair_named_three_sentences_back_is_beyond_the_window(extractor: Extractor) -> None:
    result = run(extractor, "Kenya and Uganda held talks in Nairobi on Monday. Officials met again on Tuesday. "
                            "Reporters waited outside. The two countries agreed to reopen the border.")
    assert not [e for e in result.events if e.relation.name == "AGREE"]
    assert _unresolved_agree(result)


def test_an_unresolved_pair_as_object_is_an_unresolved_reference(extractor: Extractor) -> None:
    result = run(extractor, "The African Union urged both countries to show restraint.")
    assert not result.events
    assert any(d.reason is DropReason.UNRESOLVED_REFERENCE and d.relation == "APPEAL" for d in result.drops)


def test_the_pairing_survives_the_record_round_trip(extractor: Extractor) -> None:
    result = run(extractor, "Saudi Arabia and Iran held talks on Monday. China praised the two countries.")
    event = next(e for e in result.events if e.relation.name == "PRAISE")
    assert event_from_record(event_record(event)).pairing == PAIR_REFERENCE_PAIRING


def test_each_others_as_possessor_of_the_object_goes_both_ways(extractor: Extractor) -> None:
    result = run(extractor, "Sudan and Chad traded accusations. Both countries expelled each other's ambassadors.")
    # envoys expelled: a mission withdrawn (EXPEL, 166), not individuals deported
    expelled = {(e.subject.id, e.object.id) for e in result.events if e.relation.name == "EXPEL"}
    assert expelled == {("country:SDN", "country:TCD"), ("country:TCD", "country:SDN")}


def test_the_subjects_of_a_conjoined_verb_without_its_own_are_clause_mates(extractor: Extractor) -> None:
    result = run(extractor, "Chile and Peru declined to back the plan and offered to mediate between the two sides.")
    assert not [e for e in result.events if e.relation.name == "MEDIATE"]


def test_the_two_men_are_the_two_persons_just_named(extractor: Extractor) -> None:
    result = run(extractor, "Peruvian President Pedro Castillo met Bolivian President Luis Arce in Lima. "
                            "The two men signed a border agreement.")
    assert ("PER", "BOL") in {
        (e.subject.country, e.object.country) for e in result.events if e.relation.name == "SIGN_AGREEMENT"}


def test_a_reference_in_a_sentence_without_a_verb_ends() -> None:
    """A verbless sentence ("The two countries.") has a noun for its root: walking up to the
    clause of a reference must stop there. Run apart, so that a walk that never ends fails the
    test instead of stalling the suite."""
    script = (
        "from extract.pipeline import Extractor\n"
        "from graph.model import Article\n"
        "text = 'Iran and Iraq met in Baghdad. A new chapter for the two countries.'\n"
        "print(len(Extractor().extract(Article('verbless', text, None, '2024-01-01')).events))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "1"


def test_two_persons_may_be_a_person_and_a_states_unnamed_leader_put_together(extractor: Extractor) -> None:
    result = run(extractor, "Egypt's president received the Sudanese leader in Cairo. The two men discussed the war.")
    met = {(e.subject.country, e.object.country) for e in result.events if e.relation.name == "MEET"}
    assert met == {("EGY", "SDN")}


def test_two_persons_are_not_two_states_put_together(extractor: Extractor) -> None:
    result = run(extractor, "Egypt hosted Sudan's delegation in Cairo. The two men discussed the war.")
    assert not [e for e in result.events if e.relation.name == "MEET"]


def test_an_armed_group_is_a_side_of_its_own_and_no_state(extractor: Extractor) -> None:
    sides = run(extractor, "Egypt hosted talks between Israel and Hamas on Monday. The two sides agreed to a truce.")
    agreed = {(e.subject.id, e.object.id) for e in sides.events if e.relation.name == "AGREE"}
    assert agreed == {("country:ISR", "org:hamas"), ("org:hamas", "country:ISR")}
    states = run(extractor, "Israel and Hamas fought in Gaza on Monday. The two countries agreed to a truce.")
    assert not [e for e in states.events if e.relation.name == "AGREE"]  # Hamas is not Palestine's state


def test_an_opposition_leader_does_not_stand_for_the_state_he_opposes(extractor: Extractor) -> None:
    meeting = "Venezuelan opposition leader Juan Guaido met US Secretary of State Mike Pompeo in Bogota. "
    states = run(extractor, meeting + "The two countries agreed to cooperate.")
    assert not [e for e in states.events if e.relation.name == "AGREE"]
    assert [d for d in states.drops if d.reason is DropReason.UNRESOLVED_REFERENCE and d.relation == "AGREE"]
    persons = run(extractor, meeting + "The two men agreed to cooperate.")
    assert ("person:juan-guaido", "AGREE", "person:mike-pompeo") in triples(persons)


def test_a_bare_definite_two_is_a_pair_of_parties(extractor: Extractor) -> None:
    def kind_of(text: str) -> PairKind | None:
        doc = extractor.nlp(text)
        return pair_kind(next(t for t in doc if t.lower_ == "two"), extractor.knowledge.lexicon)

    assert kind_of("The two discussed trade.") is PairKind.PARTIES
    assert kind_of("Police arrested the two in Nairobi.") is PairKind.PARTIES
    assert kind_of("Two were injured.") is None  # indefinite
    assert kind_of("The two sides met.") is None  # a number before its noun: the noun's reference
    assert kind_of("One of the two leaders spoke.") is None


def test_the_two_after_a_coordinated_pair_acts_as_the_pair(extractor: Extractor) -> None:
    text = "Chile and Peru signed a fishing accord on Monday. The two later criticised Bolivia over its new tariffs."
    found = triples(run(extractor, text))
    assert ("country:CHL", "CRITICIZE", "country:BOL") in found
    assert ("country:PER", "CRITICIZE", "country:BOL") in found


def test_agents_from_a_pair_act_as_the_pair(extractor: Extractor) -> None:
    text = ("Kenya and Somalia have long disputed their sea border. "
            "Officials from both countries accused Ethiopia of meddling.")
    found = triples(run(extractor, text))
    assert ("country:KEN", "ACCUSE", "country:ETH") in found
    assert ("country:SOM", "ACCUSE", "country:ETH") in found


def test_agents_from_an_unresolved_pair_stay_no_actor(extractor: Extractor) -> None:
    text = "Officials from the two countries accused Ethiopia of meddling."
    assert not any(relation == "ACCUSE" for _, relation, _ in triples(run(extractor, text)))


# -- the pair the story is about -------------------------------------------------------------
def test_the_story_pair_outranks_a_third_party_act_on_one_side() -> None:
    story = (state_actor("SAU"), state_actor("IRN"))
    told = {frozenset({"SAU", "IRN"}): 3, frozenset({"SDN", "IRN"}): 1}
    salience = lambda dyad: told.get(frozenset(a.country for a in dyad), 0)  # noqa: E731
    side = [ActDyad(state_actor("SDN"), state_actor("IRN"))]  # "Sudan also expelled the Iranian ambassador"
    assert referents(PairKind.STATES, [], [], no_country, side, salience, story) == story
    # told no more often than the window's pair: the latest pair stays
    assert referents(PairKind.STATES, [], [], no_country, side, lambda dyad: 1, story) == (
        state_actor("SDN"), state_actor("IRN"))


def test_a_new_pair_of_other_states_outranks_the_story_pair() -> None:
    story = (state_actor("IND"), state_actor("PAK"))
    new_pair = [(state_actor("CHN"), state_actor("BTN"))]  # "China and Bhutan held talks"
    assert referents(PairKind.STATES, [], [], no_country, new_pair, lambda dyad: 0, story) == new_pair[0]


def test_both_sides_after_a_third_party_joins_are_the_story_s_pair(extractor: Extractor) -> None:
    # the story's pair is told three sentences back and more, beyond the window of the latest pairs
    result = run(extractor, "Saudi Arabia cut ties with Iran on Sunday. Riyadh accused Tehran of meddling.\n\n"
                            "Iran condemned Saudi Arabia on Monday.\n\n"
                            "Oil prices rose on Tuesday. Markets were calm.\n\n"
                            "Sudan also expelled the Iranian ambassador. "
                            "Washington urged both sides to show restraint.")
    appeals = {(e.subject.id, e.object.id) for e in result.events if e.relation.name == "APPEAL"}
    assert appeals == {("country:USA", "country:SAU"), ("country:USA", "country:IRN")}


def test_a_pair_in_a_new_paragraph_is_the_pair_under_discussion(extractor: Extractor) -> None:
    result = run(extractor, "India and Pakistan traded fire on Sunday. India accused Pakistan of shelling "
                            "its villages.\n\nPakistan accused India of lying.\n\n"
                            "China and Bhutan held border talks on Monday. The two countries agreed to meet again.")
    agreements = {(e.subject.id, e.object.id) for e in result.events if e.relation.name == "AGREE"}
    assert agreements == {("country:CHN", "country:BTN"), ("country:BTN", "country:CHN")}


# -- go-betweens ------------------------------------------------------------------------------
def test_mediators_are_no_pair_of_both_sides(extractor: Extractor) -> None:
    found = triples(run(extractor, "Peru and Bolivia held talks in Lima this week. The talks were mediated by Chile "
                                   "and Brazil. An official said both sides had agreed to meet again."))
    assert ("country:PER", "AGREE", "country:BOL") in found, found
    assert not any({s, o} == {"country:CHL", "country:BRA"} for s, _, o in found), found


def test_states_offering_to_mediate_are_no_pair_of_both_sides(extractor: Extractor) -> None:
    found = triples(run(extractor, "Fighting between Peru and Bolivia killed dozens. Chile and Brazil offered to "
                                   "mediate, and the United Nations urged both sides to protect civilians."))
    assert ("org:un", "APPEAL", "country:PER") in found, found
    assert not any(o in ("country:CHL", "country:BRA") for s, _, o in found if s == "org:un"), found


def test_the_parties_a_mediator_goes_between_are_the_pair(extractor: Extractor) -> None:
    found = triples(run(extractor, "Oman mediated between Iran and the United States in April. "
                                   "The two sides agreed to meet again in Rome."))
    assert ("country:IRN", "AGREE", "country:USA") in found, found
    assert not any("country:OMN" in (s, o) for s, rel, o in found if rel == "AGREE"), found


# -- relations told to the other party ------------------------------------------------------------
def test_relations_between_the_two_countries_told_to_another_are_the_tellers_own(extractor: Extractor) -> None:
    # the pair put together before (Brazil, the Netherlands) is not the pair of France's warning
    found = triples(run(extractor, "Brazil and the Netherlands recalled their ambassadors from Indonesia. France "
                                   "warned Jakarta that executing its citizen would harm relations between the "
                                   "two countries."))
    assert ("country:FRA", "THREATEN", "country:IDN") in found, found
    assert not any(s == "country:FRA" and o in ("country:BRA", "country:NLD") for s, _, o in found), found


def test_the_addressed_pair_needs_a_relation_noun_and_a_complement_clause(extractor: Extractor) -> None:
    doc = extractor.nlp("France warned Jakarta that relations between the two countries would suffer. "
                        "France warned Jakarta that sanctions on the two countries would follow.")
    article = _ArticleExtraction(extractor, Article("addressed", "-", None, DATE))
    mentions = article.resolver.resolve_block(doc, BlockTokens.of(doc))
    lexicon = extractor.knowledge.lexicon
    first, second = (t for t in doc if t.text == "countries")
    pair = addressed_relation_pair(first, mentions, lexicon, lambda actor: actor)
    assert pair is not None and tuple(a.id for a in pair) == ("country:FRA", "country:IDN")
    assert addressed_relation_pair(second, mentions, lexicon, lambda actor: actor) is None  # no relation noun
