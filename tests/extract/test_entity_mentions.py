"""Entity names no gazetteer knows read as persons or organisations (extract/entity_mentions.py),
with the real model, lists and role terms; names and sentences invented for these tests."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.block_index import BlockTokens
from extract.entity_mentions import EntityNames, introduced_initialism, surname_mentions
from extract.gazetteer_matches import GazetteerMatcher
from extract.mentions import MentionKind
from extract.person_registry import PersonRegistry
from extract.pipeline import Extractor
from extract.role_spans import BlockRoles
from extract.unknown_actors import UnknownActors
from graph.model import ActorType, Article


def names(extractor: Extractor) -> EntityNames:
    knowledge = extractor.knowledge
    persons = PersonRegistry(UnknownActors())
    matcher = GazetteerMatcher(knowledge.gazetteer, extractor.index, "2020-06-01", persons)
    return EntityNames(knowledge.gazetteer, knowledge.lexicon, persons, persons.unknown, matcher)


def roles(extractor: Extractor, doc: Doc) -> BlockRoles:
    return BlockRoles.of(BlockTokens.of(doc), extractor.knowledge.gazetteer.role_terms)


def test_an_initialism_in_parentheses_must_spell_the_names_capitals(extractor: Extractor) -> None:
    doc = extractor.nlp("The Northern Valley Defence Front (NVDF) and the Blue Party (XY) met.")
    assert introduced_initialism(doc, doc[1:5]) == "NVDF"
    assert introduced_initialism(doc, doc[10:12]) is None  # "XY" is not "BP"
    assert introduced_initialism(doc, doc[1:3]) is None  # not followed by parentheses


def test_an_organisation_introduced_with_its_initials_is_one_actor_under_both(extractor: Extractor) -> None:
    reader = names(extractor)
    doc = extractor.nlp("The Coastal Liberty Front (CLF) attacked a convoy.")
    first = reader.organization(doc, 1, 4, ("CLF",))
    assert (first.id, first.type, first.cameo) == ("org:coastal-liberty-front", ActorType.ORGANIZATION, "---")
    later = extractor.nlp("CLF fighters retreated.")
    assert reader.organization(later, 0, 1) is first


def test_a_persons_entity_is_registered_and_found_again_by_surname(extractor: Extractor) -> None:
    reader = names(extractor)
    doc = extractor.nlp("Later, Tomasz Wierzbicki met the delegation in the capital.")
    person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
    assert person_ents, "the recogniser should label the invented name a person"
    mention = reader.mention(doc, person_ents[0], roles(extractor, doc))
    assert mention is not None and mention.kind is MentionKind.NAME
    assert doc[mention.start : mention.end].text == "Tomasz Wierzbicki"  # "Later" is not part of it
    assert mention.actor.type is ActorType.PERSON
    again = extractor.nlp("Wierzbicki left on Friday.")
    found = surname_mentions(BlockTokens.of(again), set(), reader.persons)
    assert [(m.start, m.actor) for m in found] == [(0, mention.actor)]
    assert surname_mentions(BlockTokens.of(again), {0}, reader.persons) == []  # a token taken by another mention


def test_a_single_role_word_labelled_a_person_is_no_person(extractor: Extractor) -> None:
    reader = names(extractor)
    doc = extractor.nlp("The President spoke.")
    span = Span(doc, 1, 2, label="PERSON")
    assert reader.mention(doc, span, roles(extractor, doc)) is None


def _entity(doc: Doc, text: str) -> Span:
    (ent,) = [e for e in doc.ents if e.text == text]
    return ent


def test_a_states_body_named_by_its_role_noun_is_no_organisation_of_its_own(extractor: Extractor) -> None:
    doc = extractor.nlp("Chile's Commerce Ministry criticized the Argentine tariffs on Tuesday.")
    ents = [e for e in doc.ents if e.label_ == "ORG" and e.text.endswith("Ministry")]
    assert ents, "the model no longer reads the body as an organisation: pick another sentence"
    assert names(extractor).mention(doc, ents[0], roles(extractor, doc)) is None


def test_a_states_possessed_organisation_carries_the_state(extractor: Extractor) -> None:
    doc = extractor.nlp("Peru's Federal Security Service detained a Chilean journalist.")
    mention = names(extractor).mention(doc, _entity(doc, "Federal Security Service"), roles(extractor, doc))
    assert mention is not None
    assert (mention.actor.type, mention.actor.country) == (ActorType.ORGANIZATION, "PER")


def test_an_agreement_named_like_an_organisation_is_no_organisation(extractor: Extractor) -> None:
    doc = extractor.nlp("Bahrain criticised the Abraham Accords on Monday.")
    ents = [e for e in doc.ents if e.label_ == "ORG" and e.text.endswith("Accords")]
    assert ents, "the model no longer reads the agreement as an organisation: pick another sentence"
    assert names(extractor).mention(doc, ents[0], roles(extractor, doc)) is None
    # its signatories are partners of one act, as with an agreement named in lower case
    result = extractor.extract(Article("accords", "Israel and the United Arab Emirates signed the Abraham Accords.",
                                       None, "2020-09-15"))
    assert {(e.subject.id, e.relation.name, e.object.id) for e in result.events} == {
        ("country:ISR", "SIGN_AGREEMENT", "country:ARE")
    }
    # a body whose name ends in another noun stays one
    doc = extractor.nlp("The Oromo Liberation Front rejected the offer on Monday.")
    ents = [e for e in doc.ents if e.label_ == "ORG" and e.text.endswith("Front")]
    assert ents and names(extractor).mention(doc, ents[0], roles(extractor, doc)) is not None


def test_a_title_the_recogniser_swept_into_a_persons_name_is_left_out(extractor: Extractor) -> None:
    reader = names(extractor)
    doc = extractor.nlp("Spokeswoman Tobias Lumbe spoke on Monday.")
    person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
    assert person_ents and person_ents[0].start == 0, "the recogniser should take the title into the name"
    mention = reader.mention(doc, person_ents[0], roles(extractor, doc))
    assert mention is not None and doc[mention.start : mention.end].text == "Tobias Lumbe"
    assert mention.actor.id == "person:tobias-lumbe"


def test_a_name_opening_with_a_persons_title_is_a_person_with_that_title(extractor: Extractor) -> None:
    # the recogniser takes "King Felipe" for an organisation; the title is read as a title
    extraction = extractor.extract(Article("titled", "Spain's King Felipe met Moroccan officials.", None, "2024-01-01"))
    (event,) = extraction.events
    subject = event.subject
    assert (subject.type, subject.country, subject.title) == (ActorType.PERSON, "ESP", "king")
    assert not subject.id.startswith("org:")


def test_a_name_described_as_a_business_is_an_organisation_of_the_described_state(extractor: Extractor) -> None:
    # the recogniser takes "Ericsson" for a person's name; the business noun before it says otherwise
    for text in ("Iraq suspended the work permit of the Swedish telecoms company Ericsson.",
                 "Iraq criticised Ericsson, a Swedish telecoms firm."):
        doc = extractor.nlp(text)
        mention = names(extractor).mention(doc, _entity(doc, "Ericsson"), roles(extractor, doc))
        assert mention is not None
        assert (mention.actor.type, mention.actor.country) == (ActorType.ORGANIZATION, "SWE")


def test_a_persons_name_with_no_business_noun_stays_a_person(extractor: Extractor) -> None:
    doc = extractor.nlp("Russia arrested Evan Gershkovich, a reporter for an American newspaper.")
    mention = names(extractor).mention(doc, _entity(doc, "Evan Gershkovich"), roles(extractor, doc))
    assert mention is not None and mention.actor.type is ActorType.PERSON
