"""Events told by a noun whose participants sit in its own phrase or in a clause on it
(extract/noun_agents.py through extract/patterns.py, extract/noun_events.py). Every sentence here is
invented for the rule it tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.light_verbs import LightVerbsError, load_light_verbs
from extract.noun_agents import governing_verb, noun_roles
from extract.ontology import DATA_DIR, read_cameo_goldstein
from extract.pipeline import Extractor
from graph.model import DropReason, Polarity
from tests.extract.extracting import code_of, runner, triples

DATE = "2024-05-02"
CODES = frozenset(read_cameo_goldstein(DATA_DIR / "cameo_codes.tsv"))


run = runner("noun-events-test", DATE)


# -- the data ------------------------------------------------------------------------------------
def test_nouns_of_listed_verbs_and_gerunds_name_their_verb() -> None:
    classes = load_light_verbs(DATA_DIR / "light_verbs.toml", CODES)
    assert classes.verb_of_noun("suspension") == "suspend"
    assert classes.verb_of_noun("withdrawal") == "withdraw"
    assert classes.verb_of_noun("lifting") == "lift"
    assert classes.verb_of_noun("easing") == "ease"  # stem + e
    assert classes.verb_of_noun("cutting") == "cut"  # doubled consonant
    assert classes.verb_of_noun("meeting") is None  # no listed verb
    assert classes.verb_of_noun("building") is None
    assert ("receive", ()) in classes.receiving.verbs
    assert "11" in classes.receiving.from_agent_roots and "19" not in classes.receiving.from_agent_roots


def test_a_nominalisation_of_an_unlisted_verb_is_refused(tmp_path: Path) -> None:
    source = (DATA_DIR / "light_verbs.toml").read_text(encoding="utf-8")
    path = tmp_path / "light_verbs.toml"
    path.write_text(source.replace('suspension = "suspend"', 'suspension = "suspendify"'), encoding="utf-8")
    with pytest.raises(LightVerbsError, match=r"nominal\.nominalisations\.suspension"):
        load_light_verbs(path, CODES)
    path.write_text(source.replace('"07", "09"', '"7", "09"'), encoding="utf-8")
    with pytest.raises(LightVerbsError, match="from_agent_roots"):
        load_light_verbs(path, CODES)


# -- the token rules -------------------------------------------------------------------------------
def test_roles_read_from_the_parse(extractor: Extractor) -> None:
    knowledge = extractor.knowledge
    receiving = knowledge.ontology.light_verbs.receiving
    doc = extractor.nlp("Nepal received $5 million in loans provided by India to build roads.")
    loans = next(t for t in doc if t.lower_ == "loans")
    verb = governing_verb(loans)
    assert verb is not None and verb.lemma_ == "receive", "through the amount ($5 million in loans)"
    roles = noun_roles(loans, knowledge.lexicon, receiving, "07", ("to", "for"))
    assert [t.text for t in roles.agents] == ["India"] and roles.source == "participle"
    assert roles.receiver_verb == verb


# -- agents in a participle or relative clause -----------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The grant offered by Norway to Malawi was approved.", ("country:NOR", "AID", "country:MWI")),
    ("Nepal repaid the loans provided by India.", ("country:IND", "AID", "country:NPL")),
    ("Fiji accepted the aid that Australia delivered.", ("country:AUS", "AID", "country:FJI")),
    ("The loans that Russia extended to Serbia were repaid.", ("country:RUS", "AID", "country:SRB")),
    ("Kenya secured $9 billion in loans that China offered for the railway.", ("country:CHN", "AID", "country:KEN")),
])
def test_a_clause_on_the_noun_names_its_agent(extractor: Extractor, text: str, expected: tuple[str, str, str]
                                               ) -> None:
    assert expected in triples(run(extractor, text))


@pytest.mark.parametrize("text, expected", [
    ("The sanctions imposed by the European Union on Belarus took effect on Monday.",
     ("org:eu", "SANCTION", "country:BLR")),
    ("The visit by China's foreign minister to Nepal was the first in three years.",
     ("person:wang-yi", "VISIT", "country:NPL")),
])
def test_a_target_phrase_hung_on_the_agent_is_the_acts(extractor: Extractor, text: str,
                                                       expected: tuple[str, str, str]) -> None:
    assert expected in triples(run(extractor, text))


def test_an_envoys_posting_is_no_target_of_the_act(extractor: Extractor) -> None:
    result = run(extractor, "A visit by the Ghanaian ambassador to Nepal ended on Monday.")
    assert not [e for e in result.events if e.relation.name == "VISIT"]


def test_a_clause_verb_that_does_not_do_the_act_gives_no_agent(extractor: Extractor) -> None:
    """Condemning sanctions is not imposing them; brokering a deal is no party to it."""
    result = run(extractor, "The sanctions that Russia condemned hurt its economy.")
    assert not any(e.relation.name == "SANCTION" for e in result.events), triples(result)
    result = run(extractor, "Laos welcomed the deal brokered by Thailand.")
    assert not any(e.subject.country == "THA" or e.object.country == "THA" for e in result.events), triples(result)
    result = run(extractor, "The talks hosted by Qatar ended.")
    assert not result.events


# -- "from" and verbs of receiving -----------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Manila received an apology from Beijing on Monday.", ("country:CHN", "APOLOGIZE", "country:PHL")),
    ("Cairo drew sharp criticism from Rome over the trial.", ("country:ITA", "CRITICIZE", "country:EGY")),
    ("Cambodia received $30 million in aid from Japan.", ("country:JPN", "AID", "country:KHM")),
    # provoking: the act that provokes is the subject, its agent the target
    ("Iran's missile launch prompted a warning from the United States.", ("country:USA", "THREATEN", "country:IRN")),
    ("North Korea's test triggered condemnation from Seoul.", ("country:KOR", "CRITICIZE", "country:PRK")),
    ("Chile closed its border with Peru, prompting a rebuke from Lima.", ("country:PER", "CRITICIZE",
                                                                           "country:CHL")),
])
def test_a_noun_received_is_aimed_at_the_receiver_and_done_by_its_giver(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    result = run(extractor, text)
    assert expected in triples(result)
    receiver = expected[2]
    assert not any(e.subject.id == receiver and e.relation.name == expected[1] for e in result.events)


def test_a_provoking_act_without_an_agent_gives_no_target(extractor: Extractor) -> None:
    """ "The visit sparked criticism from Vietnam": whose visit the sentence does not say."""
    result = run(extractor, "The visit sparked criticism from Vietnam.")
    assert not result.events, triples(result)
    assert any(d.trigger == "criticism" and d.reason is DropReason.NOT_AN_ACTOR for d in result.drops)


def test_a_protest_from_a_state_is_its_complaint(extractor: Extractor) -> None:
    """ "from" selects the spoken sense of "protest" (CAMEO 114); a protest "in" a place stays a
    demonstration."""
    assert triples(run(extractor, "A protest from Manila to Beijing followed the collision.")) == {
        ("country:PHL", "COMPLAIN_OFFICIALLY", "country:CHN")}
    assert ("country:JPN", "COMPLAIN_OFFICIALLY", "country:CHN") in triples(
        run(extractor, "China received a protest from Japan over the detention."))
    result = run(extractor, "Thousands joined a protest in Tehran.")
    assert not result.events
    assert any(d.trigger == "protest" and d.relation == "PROTEST_AGAINST" for d in result.drops)


def test_a_noun_of_material_conflict_takes_no_agent_from_its_source() -> None:
    """ "Rockets from Lebanon" says where they came from; CAMEO root 19 is not among the roots whose
    nouns take their agent from "from"."""
    classes = load_light_verbs(DATA_DIR / "light_verbs.toml", CODES)
    assert not {"14", "15", "16", "17", "18", "19", "20"} & classes.receiving.from_agent_roots


def test_a_refused_offer_was_still_made_but_is_not_reported_as_refused_aid(extractor: Extractor) -> None:
    """Verbs of refusing are no verbs of receiving: the pipeline would read the refused act as not
    done. The refusal itself is aimed at the act's agent."""
    result = run(extractor, "Bolivia rejected the loans that China offered.")
    assert triples(result) == {("country:BOL", "REJECT", "country:CHN")}
    result = run(extractor, "Peru rejected aid offered by Norway.")
    assert ("country:PER", "REJECT", "country:NOR") in triples(result)
    assert not any(e.relation.name == "AID" and e.polarity is Polarity.NEGATED for e in result.events)


def test_a_reaction_to_an_act_named_by_its_clause_is_aimed_at_its_agent(extractor: Extractor) -> None:
    assert ("country:URY", "CRITICIZE", "country:ARG") in triples(
        run(extractor, "Uruguay condemned the sanctions imposed by Argentina."))
    assert ("country:CHL", "PRAISE", "country:JPN") in triples(
        run(extractor, "Chile welcomed the aid that Japan sent."))


def test_a_bare_definite_noun_is_left_to_event_reference(extractor: Extractor) -> None:
    """ "condemned the attack" names no agent of its own: this rule does not pair it."""
    result = run(extractor, "Spain condemned the attack.")
    assert not result.events
    assert any(d.trigger == "condemn" and d.reason is DropReason.NOT_AN_ACTOR for d in result.drops)


# -- nouns of the light verbs: "the lifting of sanctions" ------------------------------------------
@pytest.mark.parametrize("text, subject, relation, obj, code", [
    ("Ghana's suspension of talks with Togo surprised diplomats.", "country:GHA", "HALT_NEGOTIATIONS",
     "country:TGO", "164"),
    ("The easing of sanctions on Venezuela by the United States was announced on Monday.", "country:USA",
     "EASE_SANCTIONS", "country:VEN", "085"),
    ("Peru's withdrawal from the agreement with Ecuador shocked observers.", "country:PER", "REDUCE_RELATIONS",
     "country:ECU", "160"),
    ("Argentina ordered the reimposition of tariffs on Brazilian steel.", "country:ARG", "SANCTION",
     "country:BRA", "163"),
    ("The cutting of military aid to Niger by France angered Niamey.", "country:FRA", "REDUCE_AID",
     "country:NER", "1622"),
    ("Japan's suspension of economic aid to Myanmar angered the generals.", "country:JPN", "REDUCE_AID",
     "country:MMR", "1621"),
    # a noun taking its complement through another preposition (nominal.complement_preps)
    ("Japan announced a freeze on aid to Myanmar.", "country:JPN", "REDUCE_AID", "country:MMR", "162"),
    ("Denmark's cuts in development aid to Tanzania were criticised.", "country:DNK", "REDUCE_AID",
     "country:TZA", "1621"),
])
def test_the_noun_of_a_light_verb_composes_with_its_complement(
    extractor: Extractor, text: str, subject: str, relation: str, obj: str, code: str
) -> None:
    result = run(extractor, text)
    events = [e for e in result.events if (e.subject.id, e.relation.name, e.object.id) == (subject, relation, obj)]
    assert events, (text, triples(result))
    assert code_of(events[0]) == code
    assert not any(e.relation.name in ("SANCTION", "AID", "MEET", "SIGN_AGREEMENT", "MILITARY_AID")
                   and e.relation.name != relation for e in result.events), triples(result)
    assert any(d.reason is DropReason.DUPLICATE for d in result.drops), "the complement's own reading is superseded"


def test_lifted_sanctions_are_no_sanctions_imposed(extractor: Extractor) -> None:
    result = run(extractor, "Canada's removal of tariffs on Chinese steel took effect.")
    assert triples(result) == {("country:CAN", "EASE_SANCTIONS", "country:CHN")}


def test_an_opposed_lifting_is_no_event(extractor: Extractor) -> None:
    result = run(extractor, "Paraguay opposed the lifting of sanctions on Cuba.")
    assert not any(e.relation.name in ("EASE_SANCTIONS", "SANCTION") for e in result.events), triples(result)
    assert any(d.trigger == "lifting" and d.reason is DropReason.BLOCKED_BY_GOVERNOR for d in result.drops)


def test_a_complement_preposition_needs_a_noun_of_a_class(extractor: Extractor) -> None:
    """ "an end to the war", "cuts to the budget": no noun class, no composed event; "the end of the
    talks" is a point in time, not their ending."""
    for text in ("The talks brought an end to the war.", "Cuts to the budget angered unions.",
                 "At the end of the talks with Chile, Peru signed a trade pact."):
        result = run(extractor, text)
        assert not any(d.detail.startswith(("part of 'end", "part of 'cut")) for d in result.drops), text
        assert not any(e.relation.name in ("HALT_NEGOTIATIONS", "REDUCE_RELATIONS") for e in result.events), text


def test_complement_prepositions_belong_to_listed_nouns(tmp_path: Path) -> None:
    source = (DATA_DIR / "light_verbs.toml").read_text(encoding="utf-8")
    path = tmp_path / "light_verbs.toml"
    path.write_text(source.replace('end = ["to"]', 'stoppage = ["to"]'), encoding="utf-8")
    with pytest.raises(LightVerbsError, match=r"nominal\.complement_preps\.stoppage"):
        load_light_verbs(path, CODES)


def test_a_noun_of_an_unrelated_class_composes_nothing(extractor: Extractor) -> None:
    """ "expansion" is imposing, and trade lists no code for imposing: no composed event."""
    result = run(extractor, "Kenya's expansion of trade with Uganda continued.")
    assert not any(d.detail.startswith("part of 'expansion") for d in result.drops)


# -- verbs of receiving: the act received is the event --------------------------------------------
def test_receiving_an_act_is_no_hosting(extractor: Extractor) -> None:
    result = run(extractor, "Kenya received China's aid.")
    assert triples(result) == {("country:CHN", "AID", "country:KEN")}
    assert any(d.trigger == "receive" and d.reason is DropReason.DUPLICATE for d in result.drops)


def test_a_visit_received_is_hosted(extractor: Extractor) -> None:
    """CAMEO 043: a visit or meeting received is hosted, an event of its own beside the visit."""
    found = triples(run(extractor, "Kenya received a visit from the Chinese president."))
    assert {e for e in found if e[1] == "HOST"} and {e for e in found if e[1] == "VISIT"}, found


def test_a_telephone_call_received_is_not_hosted(extractor: Extractor) -> None:
    """A telephone call (041) received is no visit: the receiver hosts nobody."""
    result = run(extractor, "Oman's sultan received a phone call from the Qatari emir.")
    assert not {e for e in triples(result) if e[1] == "HOST"}
    # Oman's sultan on that date is the office table's Sultan Haitham
    assert ("person:tamim-bin-hamad-al-thani", "PHONE", "person:sultan-haitham-bin-tariq") in triples(result)
    # dropped as part of the call, or by the object class of a communication received (verb_senses.toml)
    assert any(d.trigger == "receive" and d.reason in (DropReason.DUPLICATE, DropReason.NO_EVENT_SENSE)
               for d in result.drops)


def test_a_noun_in_a_cause_adjunct_keeps_its_rule(extractor: Extractor) -> None:
    """ "sanctioned X over arms sales approved by Y": the sale is someone else's act, whatever
    clause names its agent, and no event of it is emitted without a target."""
    result = run(extractor, "Beijing sanctioned American defence firms over arms sales approved by Washington.")
    assert triples(result) == {("country:CHN", "SANCTION", "group:usa-bus")}


@pytest.mark.parametrize(("text", "triple"), [
    ("The expulsion of four Belgian diplomats by Rwanda drew protests.", ("country:RWA", "EXPEL", "country:BEL")),
    ("The detention of two Danish sailors by Iran was confirmed on Monday.",
     ("country:IRN", "ARREST", "country:DNK")),
])
def test_a_nominal_passives_by_agent_hung_on_the_of_object_is_the_agent(
    extractor: Extractor, text: str, triple: tuple[str, str, str]
) -> None:
    """"the expulsion of X by Y": the parser may hang "by Y" on X; it still names the act's agent."""
    assert triple in triples(run(extractor, text))


@pytest.mark.parametrize(
    ("text", "expected", "superseded"),
    [
        ("Peru put an end to talks with Chile on the border.", ("country:PER", "HALT_NEGOTIATIONS", "country:CHL"),
         "MEET"),
        ("Canada put an end to sanctions on Cuba.", ("country:CAN", "EASE_SANCTIONS", "country:CUB"), "SANCTION"),
    ],
)
def test_a_complement_the_parser_hangs_on_the_verb_composes_with_the_noun(
    extractor: Extractor, text: str, expected: tuple[str, str, str], superseded: str,
) -> None:
    """"put [an end] [to talks]": the "to" phrase is the noun's complement, as in "an end to talks"."""
    found = triples(run(extractor, text))
    assert expected in found
    assert not any(relation == superseded for _, relation, _ in found)
