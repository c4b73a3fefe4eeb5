"""Pairing actors along the paths English uses: coordination, places, predicate nouns."""

from __future__ import annotations

from extract.actors import ActorResolver
from extract.block_index import BlockTokens, index_sentences
from extract.non_party_phrases import names_no_party
from extract.patterns import Candidate, Context, _in_argument_phrase, flanking_actors
from extract.pipeline import Extractor
from extract.setting_places import names_setting
from graph.model import Actor, DropReason
from graph.records import event_from_record, event_record
from tests.extract.extracting import runner, triples

DATE = "2024-03-14"


run = runner("pairing-test", DATE)


def test_coordinated_demonyms_on_one_role_noun_each_name_their_state(extractor: Extractor) -> None:
    result = run(extractor, "French and German diplomats criticized Iran.")
    assert triples(result) == {
        ("country:FRA", "CRITICIZE", "country:IRN"),
        ("country:DEU", "CRITICIZE", "country:IRN"),
    }


def test_coordinated_demonyms_keep_the_role_of_their_noun(extractor: Extractor) -> None:
    result = run(extractor, "Greek and Turkish troops fought near the island.")
    subjects = {(e.subject.country, e.subject.sector) for e in result.events}
    assert subjects == {("GRC", "MIL"), ("TUR", "MIL")}


def test_symmetric_verb_with_coordinated_subject_relates_the_conjuncts_both_ways(extractor: Extractor) -> None:
    result = run(extractor, "Bolivian and Paraguayan officials agreed to reopen the river port.")
    assert {("country:BOL", "AGREE", "country:PRY"), ("country:PRY", "AGREE", "country:BOL")} <= triples(result)


def test_coordinated_subject_of_a_non_symmetric_verb_is_not_paired(extractor: Extractor) -> None:
    result = run(extractor, "Russia and China vetoed the resolution.")
    assert not [e for e in result.events if {e.subject.id, e.object.id} == {"country:RUS", "country:CHN"}]


def test_a_commitment_to_a_joint_act_relates_the_coordinated_committers(extractor: Extractor) -> None:
    for text in ("Laos and Cambodia pledged to work together on border security.",
                 "Laos and Cambodia vowed to settle the dispute between them.",
                 "Laos and Cambodia pledged to negotiate a new border treaty."):
        found = triples(run(extractor, text))
        assert {("country:LAO", "AGREE", "country:KHM"), ("country:KHM", "AGREE", "country:LAO")} <= found, text
    # each commits on its own to an act on a third party or on its own people
    for text in ("France and Germany pledged to help Ukraine.",
                 "France and Germany pledged to protect their citizens."):
        assert not any(rel == "AGREE" for _, rel, _ in triples(run(extractor, text))), text


def test_a_place_in_or_of_a_state_stands_for_it_as_the_target(extractor: Extractor) -> None:
    shelled = run(extractor, "Turkish artillery shelled a village near the Syrian border.")
    assert ("TUR", "country:SYR") in {(e.subject.country, e.object.id) for e in shelled.events}
    struck = run(extractor, "Israeli jets struck a weapons depot in a suburb of Damascus.")
    assert ("ISR", "country:SYR") in {(e.subject.country, e.object.id) for e in struck.events}
    # "inside" and "within" place an act in a state as "in" does, on the noun or on its light verb
    inside = run(extractor, "Pakistan carried out airstrikes inside Iran.")
    assert ("country:PAK", "ATTACK", "country:IRN") in {(e.subject.id, e.relation.name, e.object.id)
                                                        for e in inside.events}


def test_aid_to_an_institution_in_a_state_goes_to_that_state(extractor: Extractor) -> None:
    result = run(extractor, "The United Nations sent food to refugee camps in Bangladesh.")
    assert {(e.subject.id, e.relation.name, e.object.country) for e in result.events} == {("org:un", "AID", "BGD")}


def test_an_event_noun_that_classifies_reports_no_event(extractor: Extractor) -> None:
    for text in (
        "Germany labelled Russia a threat to European security.",
        "Poland described the move as an attack on its sovereignty.",
        "The missile programme is a threat to Japan.",
    ):
        result = run(extractor, text)
        # the naming verb judges its object (tests/extract/test_threats.py, test_naming.py), the
        # classifying noun is no event of its own
        assert not [e for e in result.events if e.trigger not in ("label", "describe")], text
        assert DropReason.NOT_AN_EVENT in {d.reason for d in result.drops}, text


def test_an_event_noun_as_an_object_still_reports_the_event(extractor: Extractor) -> None:
    assert ("country:RUS", "ATTACK", "country:UKR") in triples(run(extractor, "Russia launched an attack on Ukraine."))


def test_backoff_pairs_the_flanking_states_when_the_parse_gives_no_event(extractor: Extractor) -> None:
    result = run(extractor, "Chile eased the rules at a border crossing with Bolivia.")
    (event,) = [e for e in result.events if e.relation.name == "EASE_RESTRICTIONS"]
    assert (event.subject.id, event.object.id) == ("country:CHL", "country:BOL")
    assert event.pairing == "backoff"
    assert event.confidence < min(e.confidence for e in run(extractor, "Chile sanctioned Bolivia.").events)


def test_backoff_is_not_used_where_the_parse_found_an_event(extractor: Extractor) -> None:
    result = run(extractor, "Russia launched an attack on Ukraine.")
    assert {e.pairing for e in result.events} == {"dependency"}


def test_backoff_needs_two_different_states(extractor: Extractor) -> None:
    same_state = run(extractor, "Chile eased the rules at a border crossing with Chile.")
    assert not [e for e in same_state.events if e.pairing == "backoff"]
    no_state = run(extractor, "The committee eased the rules at a border crossing with Bolivia.")
    assert not [e for e in no_state.events if e.pairing == "backoff"]


def test_the_pairing_travels_in_the_json_record(extractor: Extractor) -> None:
    (event,) = [e for e in run(extractor, "Chile eased the rules at a border crossing with Bolivia.").events
                if e.pairing == "backoff"]
    record = event_record(event)
    assert record["pairing"] == "backoff"
    assert event_from_record(record).pairing == "backoff"


def test_coordinated_objects_of_a_role_nouns_of_phrase_each_name_their_state(extractor: Extractor) -> None:
    result = run(extractor, "The leaders of Chad and Niger agreed to reopen the border.")
    assert {("country:TCD", "AGREE", "country:NER"), ("country:NER", "AGREE", "country:TCD")} <= triples(result)


def test_breaking_off_a_cooperative_event_reduces_relations_with_its_target(extractor: Extractor) -> None:
    for text, subject, obj in (
        ("Algeria cut diplomatic relations with Morocco on Tuesday.", "country:DZA", "country:MAR"),
        ("The United States suspended military aid to Pakistan.", "country:USA", "country:PAK"),
        ("Qatar severed ties with Egypt.", "country:QAT", "country:EGY"),
    ):
        result = run(extractor, text)
        # CAMEO 16 reduce relations, as specific as the noun says (extract/light_verb_candidates.py)
        coded = [(e.subject.id, e.relation.cameo[:2], e.object.id) for e in result.events]
        assert coded == [(subject, "16", obj)], text


def test_lessening_a_cooperative_event_still_affirms_it(extractor: Extractor) -> None:
    result = run(extractor, "Slovakia reduced purchases of Russian oil.")
    assert ("country:SVK", "BUY_FROM", "country:RUS") in triples(result)


def test_a_state_agent_acting_on_its_own_state_is_a_self_loop(extractor: Extractor) -> None:
    result = run(extractor, "Russian President Vladimir Putin warned that Russia would respond.")
    assert not result.events
    assert DropReason.SELF_LOOP in {d.reason for d in result.drops}


def test_a_state_acting_on_its_own_agents_is_a_self_loop(extractor: Extractor) -> None:
    result = run(extractor, "China mobilised its army on Monday.")
    assert not result.events
    assert DropReason.SELF_LOOP in {d.reason for d in result.drops}


def test_a_participle_modifying_a_noun_is_a_passive_with_that_noun_as_object(extractor: Extractor) -> None:
    signed = run(extractor, "The treaty, signed by Peru and Ecuador in 1998, ended the border war.")
    assert {(e.subject.id, e.object.id) for e in signed.events if e.relation.name == "SIGN_AGREEMENT"} & {
        ("country:PER", "country:ECU"), ("country:ECU", "country:PER")}
    deported = run(extractor, "Ugandan traders deported by Rwanda arrived in Kampala.")
    assert {(e.subject.id, e.object.country) for e in deported.events if e.relation.name == "DEPORT"} == {
        ("country:RWA", "UGA")}


def test_the_subject_of_a_passive_raising_or_control_verb_acts_in_its_infinitive(extractor: Extractor) -> None:
    expected = run(extractor, "Erdogan is expected to visit Baghdad next month.")
    visit = [e for e in expected.events if e.relation.name == "VISIT"]
    assert [(e.subject.id, e.object.id, e.pairing) for e in visit] == [
        ("person:recep-tayyip-erdogan", "country:IRQ", "dependency")]
    said = run(extractor, "Ghana is said to have deported Togolese traders.")
    assert [(e.subject.id, e.object.country, e.pairing) for e in said.events if e.relation.name == "DEPORT"] == [
        ("country:GHA", "TGO", "dependency")]


def test_an_unknown_named_place_in_a_state_stands_for_that_state(extractor: Extractor) -> None:
    result = run(extractor, "Russian forces seized the Zaporizhzhia nuclear power plant in southern Ukraine.")
    assert {(e.subject.country, e.object.id) for e in result.events} == {("RUS", "country:UKR")}


def test_backoff_does_not_pair_an_event_noun_listed_among_topics(extractor: Extractor) -> None:
    result = run(extractor, "The two leaders discussed Taiwan, trade and the war in Ukraine.")
    assert not [e for e in result.events if e.pairing == "backoff"]


def test_backoff_objects_come_from_the_phrase_the_trigger_governs(extractor: Extractor) -> None:
    in_a_clause_below = run(extractor, "Seoul condemned the treaty and said it would consider sending arms to Kyiv.")
    assert not [e for e in in_a_clause_below.events if e.relation.name == "CRITICIZE" and e.pairing == "backoff"]


def test_backoff_objects_are_not_taken_from_a_temporal_adjunct(extractor: Extractor) -> None:
    after = run(extractor, "Japan's navy withdrew to its home port after the drills near the Philippines.")
    assert not [e for e in after.events if e.pairing == "backoff"]
    governed = run(extractor, "Russia withdrew its troops from Syria after the ceasefire.")
    assert ("country:RUS", "WITHDRAW", "country:SYR") in triples(governed)


def test_backoff_does_not_search_a_direct_object_the_parse_read(extractor: Extractor) -> None:
    result = run(extractor, "Chile said it opposed any ban on Peruvian fish imports.")
    assert not [e for e in result.events if e.pairing == "backoff"]


def test_an_event_noun_in_a_cause_adjunct_is_not_the_subjects_act(extractor: Extractor) -> None:
    cause = run(extractor, "Beijing imposed sanctions on three American defence firms over arms sales to Taiwan.")
    assert ("country:CHN", "SELL_TO", "country:TWN") not in triples(cause)
    assert ("country:CHN", "SANCTION", "group:usa-bus") in triples(cause)
    assert "sale" in {d.trigger for d in cause.drops if d.reason is DropReason.NO_SUBJECT}
    time = run(extractor, "Chile and Peru agreed to cut tariffs after talks in Lima.")
    assert ("country:CHL", "MEET", "country:PER") in triples(time)  # a time adjunct keeps the subject


def test_a_free_participle_after_an_infinitive_takes_the_governing_clauses_subject(extractor: Extractor) -> None:
    text = ("Mali's military junta ordered French troops to leave the country without delay, "
            "accusing Paris of violating the country's sovereignty.")
    result = run(extractor, text)
    assert ("country:MLI", "ACCUSE", "country:FRA") in triples(result)
    assert not [e for e in result.events if e.relation.name == "ACCUSE" and e.subject.country == "FRA"]


def test_a_tensed_verb_after_an_infinitive_shares_the_subject_of_the_governing_clause(extractor: Extractor) -> None:
    text = "Germany asked Russia to withdraw its troops and criticised Belarus for hosting them."
    result = run(extractor, text)
    assert ("country:DEU", "CRITICIZE", "country:BLR") in triples(result)
    assert not [e for e in result.events if e.relation.name == "CRITICIZE" and e.subject.country == "RUS"]
    infinitives = run(extractor, "France urged Iran to halt enrichment and allow inspectors into Syria.")
    assert not [e for e in infinitives.events if e.subject.country == "FRA" and e.relation.name != "APPEAL"]


def test_an_event_noun_before_a_container_noun_takes_the_containers_participants(extractor: Extractor) -> None:
    package = run(extractor, "The Japanese parliament approved a new aid package for the Philippines.")
    assert ("group:jpn-leg", "AID", "country:PHL") in triples(package)
    convoy = run(extractor, "Ankara sent a second aid convoy to Syria on Sunday.")
    assert ("country:TUR", "AID", "country:SYR") in triples(convoy)
    not_container = run(extractor, "Brazil criticised the aid budget of Argentina.")
    assert not [e for e in not_container.events if e.relation.name == "AID"]


FLANKED_TEXTS = (
    "Chile criticised Peru. Talks were held with Bolivia in La Paz, and Argentina condemned the move "
    "by Brazil. Colombia, said Ecuador, accused Venezuela",
    "Germany and France met. Russia warned. Japan, according to China, pressed South Korea on trade.",
)


def _flanking_spelt_out(candidate: Candidate, ctx: Context) -> tuple[Actor, Actor] | None:
    """``flanking_actors`` as it read before: the roots and phrases of every name of the block."""
    trigger = candidate.trigger
    sentence = trigger.sent
    passive = any(c.dep_ == "auxpass" for c in trigger.children)
    sides = (range(sentence.start, trigger.i), range(trigger.i + 1, sentence.end))
    subject_side, object_side = reversed(sides) if passive else sides
    mentioned = ctx.mentions.keys()
    if ((not candidate.subjects and mentioned.isdisjoint(subject_side))
            or (not candidate.objects and mentioned.isdisjoint(object_side))):
        return None
    named = sorted({m for m in ctx.mentions.values() if not m.is_anaphor
                    and not names_no_party(trigger.doc[m.start : m.end].root, ctx.lexicon)}, key=lambda m: m.start)
    before = [m for m in reversed(named) if sentence.start <= m.start and m.end <= trigger.i
              and not names_setting(trigger.doc[m.start : m.end].root)]
    after = [m for m in named if trigger.i < m.start and m.end <= sentence.end]
    if passive:
        before, after = after, before
    refused = [c for c in trigger.children if c.dep_ == "dobj"]
    places_count = ctx.ontology.relation(candidate.relation).quad_class in (2, 4)
    governed = [m.actor for m in after if _in_argument_phrase(trigger.doc[m.start : m.end].root, trigger, places_count)
                and not any(r.left_edge.i <= m.start and m.end - 1 <= r.right_edge.i for r in refused)]
    subjects = list(candidate.subjects) or [m.actor for m in before]
    objects = list(candidate.objects) or governed
    if not subjects or not objects:
        return None
    subject, obj = subjects[0], objects[0]
    if subject.country is None or obj.country is None or subject.country == obj.country:
        return None
    return subject, obj


def test_word_order_reads_only_the_sentences_own_names(extractor: Extractor) -> None:
    """``flanking_actors`` finds the roots and phrases of the trigger's own sentence's names only
    (no other can flank it): at every verb, for a candidate missing its subject, its object or
    both, it finds what reading every name of the block finds."""
    knowledge = extractor.knowledge
    found = 0
    for text in FLANKED_TEXTS:
        doc = extractor.nlp(text)
        held = index_sentences(doc)
        resolver = ActorResolver(knowledge.gazetteer, extractor.index, knowledge.lexicon, DATE,
                                 knowledge.binding_words)
        mentions = resolver.resolve_block(doc, BlockTokens.of(doc))
        ctx = Context(knowledge.ontology, knowledge.lexicon, mentions, knowledge.reporter_acts)
        a_state = next(m.actor for m in mentions.values() if m.actor.country is not None)
        for verb in (t for t in doc if t.pos_ == "VERB"):
            for subjects, objects in (((), ()), ((a_state,), ()), ((), (a_state,))):
                candidate = Candidate(verb, "CRITICIZE", subjects, objects, (), 0.0, DropReason.NO_OBJECT)
                pair = flanking_actors(candidate, ctx)
                assert pair == _flanking_spelt_out(candidate, ctx), (text, verb.text, subjects, objects)
                found += pair is not None
        assert held.sentences
    assert found >= 4
