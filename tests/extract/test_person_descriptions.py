"""A person's state and sector from an apposition or a nationality before the name, on real
parses (extract/person_descriptions.py); sentences and names invented for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.mentions import Mention, MentionKind
from extract.person_descriptions import from_apposition, from_nationality
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, Article

MARTA = Actor("person:marta-kovalenko", "Marta Kovalenko", ActorType.PERSON)
CHILE = Actor("country:CHL", "Chile", ActorType.COUNTRY, "CHL")
HAMAS = Actor("org:hamas", "Hamas", ActorType.ORGANIZATION, None, None, cameo="PSEREB")
WORDS = {"Marta Kovalenko": (MARTA, MentionKind.NAME), "Chilean": (CHILE, MentionKind.DEMONYM),
         "Hamas": (HAMAS, MentionKind.NAME)}


def parse(extractor: Extractor, text: str) -> tuple[Doc, list[Mention], Mention]:
    """The parse, the mentions of the names in ``WORDS`` and the person's mention."""
    doc = extractor.nlp(text)
    mentions = []
    for name, (actor, kind) in WORDS.items():
        words = name.split()
        for start in range(len(doc) - len(words) + 1):
            if [t.text for t in doc[start : start + len(words)]] == words:
                mentions.append(Mention(start, start + len(words), actor, kind))
    return doc, mentions, next(m for m in mentions if m.actor is MARTA)


def test_a_nationality_before_the_name_gives_state_and_agent_sector(extractor: Extractor) -> None:
    doc, mentions, marta = parse(extractor, "Chilean journalist Marta Kovalenko was freed on Monday.")
    described = from_nationality(doc, marta, mentions, extractor.knowledge.gazetteer)
    assert (described.start, described.end) == (0, marta.end)
    assert (described.actor.country, described.actor.sector, described.actor.cameo) == ("CHL", "MED", "CHLMED")


def test_another_actor_before_the_name_is_no_nationality(extractor: Extractor) -> None:
    doc, mentions, marta = parse(extractor, "Hamas spokeswoman Marta Kovalenko spoke on Monday.")
    assert from_nationality(doc, marta, mentions, extractor.knowledge.gazetteer) is marta


def test_an_apposition_gives_the_state_it_names_and_its_title_sector(extractor: Extractor) -> None:
    doc, mentions, marta = parse(extractor, "Marta Kovalenko, the Chilean foreign minister, arrived on Monday.")
    described = from_apposition(doc, marta, mentions, extractor.knowledge.gazetteer)
    assert (described.start, described.end) == (marta.start, marta.end)
    assert (described.actor.country, described.actor.sector, described.actor.cameo) == ("CHL", "GOV", "CHLGOV")


def test_a_name_in_apposition_to_a_description_takes_its_state(extractor: Extractor) -> None:
    doc, mentions, marta = parse(extractor, "The Chilean foreign minister, Marta Kovalenko, arrived on Monday.")
    described = from_apposition(doc, marta, mentions, extractor.knowledge.gazetteer)
    assert (described.start, described.end) == (marta.start, marta.end)
    assert (described.actor.country, described.actor.sector, described.actor.cameo) == ("CHL", "GOV", "CHLGOV")
    # so "his" in the object phrase is the subject's own state, no party of the call
    result = extractor.extract(Article("appos", "Norway's foreign minister, Espen Barth Eide, called his Iranian "
                                       "counterpart.", None, "2024-05-01"))
    assert {(e.subject.country, e.relation.name, e.object.country) for e in result.events} == {("NOR", "PHONE", "IRN")}


def test_a_person_with_a_state_keeps_it(extractor: Extractor) -> None:
    doc, mentions, _ = parse(extractor, "Chilean journalist Marta Kovalenko was freed on Monday.")
    known = Mention(2, 4, Actor(MARTA.id, MARTA.name, ActorType.PERSON, "PER", "GOV", cameo="PERGOV"), MentionKind.NAME)
    assert from_nationality(doc, known, mentions, extractor.knowledge.gazetteer) is known
    assert from_apposition(doc, known, mentions, extractor.knowledge.gazetteer) is known
