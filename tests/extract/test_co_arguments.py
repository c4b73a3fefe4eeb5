"""A definite description is not another argument of its own clause (extract/co_arguments.py)."""

from __future__ import annotations

from extract.co_arguments import co_argument_actors
from extract.mentions import BlockMentions, Mention, MentionKind
from extract.pipeline import Extractor
from graph.model import Article
from tests.extract.extracting import state_actor


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    events = extractor.extract(Article("co-arguments", text, None, "2024-05-02")).events
    return {(e.subject.id, e.relation.name, e.object.id) for e in events}


def mentions_at(named: dict[int, str]) -> BlockMentions:
    mentions = BlockMentions()
    for i, iso3 in named.items():
        mentions[i] = Mention(i, i + 1, state_actor(iso3), MentionKind.NAME)
    return mentions


def test_the_objects_of_the_verb_and_of_its_object_are_co_arguments(extractor: Extractor) -> None:
    doc = extractor.nlp("The nation signed nine agreements with China and criticised Japan.")
    china = next(t.i for t in doc if t.text == "China")
    japan = next(t.i for t in doc if t.text == "Japan")
    actors = co_argument_actors(doc[1], mentions_at({china: "CHN", japan: "JPN"}))
    assert [a.id for a in actors] == ["country:CHN"]  # the conjoined verb is another clause


def test_a_possessor_of_an_object_is_a_co_argument(extractor: Extractor) -> None:
    doc = extractor.nlp("The kingdom condemned Sweden's decision.")
    sweden = next(t.i for t in doc if t.text == "Sweden")
    assert [a.id for a in co_argument_actors(doc[1], mentions_at({sweden: "SWE"}))] == ["country:SWE"]


def test_a_reported_clause_is_not_looked_into(extractor: Extractor) -> None:
    doc = extractor.nlp("The kingdom said Iran had attacked a tanker.")
    iran = next(t.i for t in doc if t.text == "Iran")
    assert co_argument_actors(doc[1], mentions_at({iran: "IRN"})) == []


def test_a_noun_that_is_no_argument_of_a_verb_has_none(extractor: Extractor) -> None:
    doc = extractor.nlp("Talks with the kingdom and Iran.")
    assert co_argument_actors(doc[3], mentions_at({5: "IRN"})) == []


def test_a_subject_description_skips_the_state_named_as_its_partner(extractor: Extractor) -> None:
    text = ("Chile's president returned from a visit to Argentina on Monday. "
            "The Andean nation signed a trade agreement with Argentina on Tuesday.")
    found = triples(extractor, text)
    assert ("country:CHL", "SIGN_AGREEMENT", "country:ARG") in found
    assert not any(s == o for s, _, o in found)


def test_an_object_description_skips_its_clause_subject_as_before(extractor: Extractor) -> None:
    text = "Kenya hosted talks on Monday. Uganda accused the East African nation of dumping goods."
    assert ("country:UGA", "ACCUSE", "country:KEN") in triples(extractor, text)
