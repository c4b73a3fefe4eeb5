"""Titles read before and after a person's name, on real parses with the real role terms
(extract/titles.py, extract/role_spans.py); sentences and names invented for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.block_index import BlockTokens
from extract.gazetteer import Role
from extract.mentions import Mention, MentionKind
from extract.pipeline import Extractor
from extract.role_spans import BlockRoles, is_group_noun, with_office_modifier
from extract.titles import preceding_title, titled_actor, trailing_affiliation, with_title
from graph.model import Actor, ActorType

MARTA = Actor("person:marta-kovalenko", "Marta Kovalenko", ActorType.PERSON)
UKRAINE = Actor("country:UKR", "Ukraine", ActorType.COUNTRY, "UKR")
CHILE = Actor("country:CHL", "Chile", ActorType.COUNTRY, "CHL")
WORDS = {"Marta Kovalenko": (MARTA, MentionKind.NAME), "Ukrainian": (UKRAINE, MentionKind.DEMONYM),
         "Chile": (CHILE, MentionKind.NAME)}


def parse(extractor: Extractor, text: str) -> tuple[Doc, list[Mention], BlockRoles]:
    """The parse of ``text``, the mentions of the names in ``WORDS`` and the block's role terms."""
    doc = extractor.nlp(text)
    mentions = []
    for name, (actor, kind) in WORDS.items():
        words = name.split()
        for start in range(len(doc) - len(words) + 1):
            if [t.text for t in doc[start : start + len(words)]] == words:
                mentions.append(Mention(start, start + len(words), actor, kind))
    roles = BlockRoles.of(BlockTokens.of(doc), extractor.knowledge.gazetteer.role_terms)
    return doc, sorted(mentions, key=lambda m: m.start), roles


def person_mention(mentions: list[Mention]) -> Mention:
    return next(m for m in mentions if m.actor is MARTA)


@pytest.fixture(scope="module")
def modifiers(extractor: Extractor) -> frozenset[str]:
    return extractor.knowledge.lexicon.office_modifiers


def test_role_terms_are_found_by_word_or_lemma_longest_first(extractor: Extractor) -> None:
    doc, _, roles = parse(extractor, "The foreign ministers met the vice president.")
    found = roles.at(1)
    assert found is not None and found[0] == 3 and found[1].term == "foreign ministers"
    assert roles.at(0) is None  # "The" starts no term
    ending = roles.ending_at(7)
    assert ending is not None and ending[0] == 5 and ending[1].role == "vice president"
    assert doc[5:7].text == "vice president"
    assert is_group_noun(extractor.knowledge.gazetteer.role_terms, "Troops")
    assert not is_group_noun(extractor.knowledge.gazetteer.role_terms, "president")


def test_an_office_modifier_makes_another_office(extractor: Extractor, modifiers: frozenset[str]) -> None:
    doc, _, _ = parse(extractor, "The former acting president left.")
    president = Role("president", "TITLE", "GOV", "president", "")
    start, role = with_office_modifier(doc, 3, president, modifiers)
    assert (start, role.role, role.sector) == (1, "former acting president", "GOV")
    assert role.term == "former acting president"
    group = Role("troops", "GROUP", "MIL", "military", "MIL")
    assert with_office_modifier(doc, 3, group, modifiers) == (3, group)  # only titles take modifiers


def test_a_title_before_a_name_gives_role_state_and_start(extractor: Extractor, modifiers: frozenset[str]) -> None:
    doc, mentions, roles = parse(extractor, "Ukrainian Prime Minister Marta Kovalenko arrived on Monday.")
    title = preceding_title(doc, person_mention(mentions), mentions, roles, modifiers)
    assert title.start == 0 and title.role is not None and title.role.role == "prime minister"
    assert (title.affiliation, title.organization_code) == ("UKR", None)


def test_the_state_of_a_posting_is_no_affiliation(extractor: Extractor, modifiers: frozenset[str]) -> None:
    doc, mentions, roles = parse(extractor, "The new Ambassador to Chile Marta Kovalenko arrived on Monday.")
    title = preceding_title(doc, person_mention(mentions), mentions, roles, modifiers)
    assert title.role is not None and title.role.role == "ambassador"
    assert title.affiliation is None and doc[title.start].text == "Ambassador"  # glue words trimmed


def test_a_state_after_the_name_is_the_affiliation(extractor: Extractor, modifiers: frozenset[str]) -> None:
    doc, mentions, roles = parse(extractor, "President Marta Kovalenko of Chile arrived on Monday.")
    marta = person_mention(mentions)
    assert trailing_affiliation(doc, marta, mentions) == (5, "CHL")
    titled = with_title(doc, marta, mentions, roles, modifiers, extractor.knowledge.gazetteer)
    assert (titled.start, titled.end) == (0, 5)
    assert titled.actor.country == "CHL" and titled.actor.title == "president" and titled.actor.cameo == "CHLGOV"


def test_a_name_without_title_is_returned_unchanged(extractor: Extractor, modifiers: frozenset[str]) -> None:
    doc, mentions, roles = parse(extractor, "On Monday Marta Kovalenko arrived.")
    marta = person_mention(mentions)
    assert with_title(doc, marta, mentions, roles, modifiers, extractor.knowledge.gazetteer) is marta


def test_an_organisation_title_without_state_takes_the_organisation_code(extractor: Extractor) -> None:
    envoy = Role("envoy", "TITLE", "GOV", "envoy", "")
    actor = titled_actor(extractor.knowledge.gazetteer, MARTA, envoy, None, "IGOUNO")
    assert (actor.country, actor.sector, actor.title, actor.cameo) == (None, "GOV", "envoy", "IGOUNO")
    unaffiliated = titled_actor(extractor.knowledge.gazetteer, MARTA, envoy, None, None)
    assert unaffiliated.cameo == "---GOV"
