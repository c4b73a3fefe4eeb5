"""PronounResolver over real parses: the mentions of the named actors are given, the pronouns
resolved (sentences and names invented for these tests)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.block_index import BlockTokens
from extract.mentions import Mention, MentionKind
from extract.pipeline import Extractor
from extract.pronouns import PronounResolver, possessor_body
from graph.model import Actor, ActorType, Article

MARTA = Actor("person:marta-kovalenko", "Marta Kovalenko", ActorType.PERSON, "UKR", "GOV")
ILSE = Actor("person:ilse-brandt", "Ilse Brandt", ActorType.PERSON, "DEU", "GOV")
CHILE = Actor("country:CHL", "Chile", ActorType.COUNTRY, "CHL")
PERU = Actor("country:PER", "Peru", ActorType.COUNTRY, "PER")
NAMES = {"Marta Kovalenko": MARTA, "Ilse Brandt": ILSE, "Chile": CHILE, "Peru": PERU}
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


def named(doc: Doc) -> dict[int, Mention]:
    """The mentions of the names in ``NAMES`` found in ``doc``, by token index."""
    by_token: dict[int, Mention] = {}
    for name, actor in NAMES.items():
        words = name.split()
        for start in range(len(doc) - len(words) + 1):
            if [t.text for t in doc[start : start + len(words)]] == words:
                mention = Mention(start, start + len(words), actor, MentionKind.NAME)
                by_token.update({i: mention for i in range(mention.start, mention.end)})
    return by_token


def resolved(resolver: PronounResolver, doc: Doc) -> dict[str, Actor]:
    """The pronouns of ``doc`` the resolver resolved, by word (lower case, first wins)."""
    by_token = named(doc)
    resolver.resolve_block(doc, by_token, BlockTokens.of(doc))
    found: dict[str, Actor] = {}
    for mention in by_token.values():
        if mention.kind is MentionKind.PRONOUN:
            found.setdefault(doc[mention.start].lower_, mention.actor)
    return found


def test_a_subject_pronoun_in_what_a_person_said_is_that_person(nlp: Language) -> None:
    resolver = PronounResolver(PRONOUNS)
    doc = nlp("Marta Kovalenko told Ilse Brandt that she would resign.")
    assert resolved(resolver, doc)["she"] == MARTA
    assert resolver.last_person == ILSE  # not simply the last person named


def test_a_subject_pronoun_takes_the_person_subject_of_the_sentence_before(nlp: Language) -> None:
    resolver = PronounResolver(PRONOUNS)
    resolved(resolver, nlp("Marta Kovalenko thanked Ilse Brandt."))
    assert resolver.last_person == ILSE and resolver.previous_subject_person == MARTA
    assert resolved(resolver, nlp("She left the room."))["she"] == MARTA  # the next block


def test_an_object_pronoun_is_the_last_person_named(nlp: Language) -> None:
    resolver = PronounResolver(PRONOUNS)
    assert resolved(resolver, nlp("Marta Kovalenko thanked Ilse Brandt and praised her."))["her"] == ILSE


def test_no_person_named_leaves_person_pronouns_unresolved(nlp: Language) -> None:
    resolver = PronounResolver(PRONOUNS)
    assert "she" not in resolved(resolver, nlp("She left the room."))


def test_it_in_what_a_state_said_is_that_state_and_its_the_latest_state(nlp: Language) -> None:
    resolver = PronounResolver(PRONOUNS)
    found = resolved(resolver, nlp("Chile said it would close its border with Peru."))
    assert found["it"] == CHILE and found["its"] == CHILE
    assert resolver.previous_subject_body == CHILE


def test_a_sentence_initial_its_takes_the_subject_of_the_sentence_before(nlp: Language) -> None:
    doc = nlp("Chile recalled an envoy. Its navy left the port.")
    by_token = named(doc)
    its = next(t for t in doc if t.text == "Its")
    assert possessor_body(its, by_token, None) == CHILE
    first_sentence_its = nlp("Its navy left the port.")[0]
    assert possessor_body(first_sentence_its, {}, PERU) == PERU  # the block before's subject


def test_its_stands_for_a_group_named_by_its_name_not_for_an_agent_noun(nlp: Language) -> None:
    front = Actor("org:sahel-front", "Sahel Front", ActorType.GROUP, "MLI", "REB")
    doc = nlp("Sahel Front said its fighters had attacked a Chilean patrol.")
    its = next(t for t in doc if t.text == "its")
    front_named = {i: Mention(0, 2, front, MentionKind.NAME) for i in (0, 1)}
    assert possessor_body(its, front_named, None) == front
    troops = {i: Mention(0, 2, front, MentionKind.GROUP) for i in (0, 1)}  # as an agent noun's mention
    assert possessor_body(its, troops, None) is None


def test_a_named_groups_fighters_are_the_group(extractor: Extractor) -> None:
    events = extractor.extract(Article("its-group", "Hezbollah said its fighters had attacked an Israeli army post.",
                                       None, "2024-01-08")).events
    assert [(e.subject.id, e.relation.name) for e in events] == [("org:hezbollah", "ATTACK")]


def _with_title(doc: Doc, title_words: list[str], actor: Actor) -> dict[int, Mention]:
    """``named(doc)`` plus a title mention of ``actor`` over the first run of ``title_words``."""
    by_token = named(doc)
    texts = [t.text for t in doc]
    start = next(i for i in range(len(texts)) if texts[i : i + len(title_words)] == title_words)
    mention = Mention(start, start + len(title_words), actor, MentionKind.TITLE)
    by_token.update({i: mention for i in range(mention.start, mention.end)})
    return by_token


def test_a_subject_office_noun_is_the_person_a_later_pronoun_refers_to(nlp: Language) -> None:
    resolver = PronounResolver(PRONOUNS, frozenset({"minister", "spokeswoman"}))
    first = nlp("Marta Kovalenko resigned on Monday. The Chilean foreign minister met Peru's envoy.")
    resolver.resolve_block(first, _with_title(first, ["Chilean", "foreign", "minister"], CHILE), BlockTokens.of(first))
    assert resolver.previous_subject_person == CHILE
    assert resolved(resolver, nlp("He urged Peru to reopen the border."))["he"] == CHILE


def test_an_office_noun_in_apposition_or_as_object_is_no_new_antecedent(nlp: Language) -> None:
    resolver = PronounResolver(PRONOUNS, frozenset({"minister"}))
    doc = nlp("Ilse Brandt thanked the Chilean minister.")
    resolver.resolve_block(doc, _with_title(doc, ["Chilean", "minister"], CHILE), BlockTokens.of(doc))
    assert resolver.last_person == ILSE
    doc = nlp("Ilse Brandt, the Chilean minister, left.")
    resolver.resolve_block(doc, _with_title(doc, ["the", "Chilean", "minister"], CHILE), BlockTokens.of(doc))
    assert resolver.last_person == ILSE


def test_he_after_a_ministers_sentence_is_the_ministers_state(extractor: Extractor) -> None:
    text = ("Ghana's foreign minister met his Togolese counterpart in Accra on Monday. "
            "He urged Togo to reopen the border.")
    events = extractor.extract(Article("office-pronoun", text, None, "2024-03-04")).events
    # the minister (the office table knows Ghana's foreign minister on that date), of Ghana
    assert ("GHA", "APPEAL", "country:TGO") in {(e.subject.country, e.relation.name, e.object.id) for e in events}
def test_a_person_named_by_a_title_with_a_state_qualifier_is_the_next_sentences_he(extractor: Extractor) -> None:
    # the qualifier ("Iran", "Iranian") carries its state's mention, not the person's: the person is
    # still named at the first token that carries the title's mention
    for text in ("Iran's foreign minister arrived in Baghdad on Monday. He met Iraqi leaders.",
                 "The Iranian foreign minister arrived in Baghdad on Monday. He met Iraqi leaders."):
        result = extractor.extract(Article("pronoun-test", text, None, "2019-05-14"))
        met = {(e.subject.country, e.object.country) for e in result.events if e.relation.name == "MEET"}
        assert met == {("IRN", "IRQ")}, text


def test_a_state_named_before_a_role_noun_is_no_person_for_he(extractor: Extractor) -> None:
    text = "Iranian officials arrived in Baghdad on Monday. He met Iraqi leaders."
    result = extractor.extract(Article("pronoun-test", text, None, "2019-05-14"))
    assert not [e for e in result.events if e.relation.name == "MEET"]


def test_a_subject_pronoun_carries_its_person_to_the_next_sentence(extractor: Extractor) -> None:
    # '"...," he said' keeps the person it refers to as the subject the next "He" continues,
    # not the person named last (the object of the first sentence)
    text = ('Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday. '
            '"The border is calm," he said. He also urged Bolivia to reopen talks.')
    events = extractor.extract(Article("pronoun-chain", text, None, "2024-05-02")).events
    urged = {(e.subject.country, e.object.id) for e in events if e.relation.name == "APPEAL"}
    assert urged == {("CHL", "country:BOL")}
