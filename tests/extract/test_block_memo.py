"""A block's memo answers each reading once per word, and never for a word of another block."""

from __future__ import annotations

from extract.actors import ActorResolver
from extract.block_index import BlockTokens
from extract.block_memo import BlockMemo
from extract.patterns import Context, actors_of, clause_subject, modifier_actors
from extract.pipeline import Extractor


def test_an_answer_is_computed_once_per_word_and_reading(extractor: Extractor) -> None:
    doc = extractor.nlp("Hungary criticized the new sanctions on Russia.")
    memo, computed = BlockMemo(), []

    def reading(word: str) -> str:
        computed.append(word)
        return word.upper()

    assert memo.answer("upper", doc[0], lambda: reading(doc[0].text)) == "HUNGARY"
    assert memo.answer("upper", doc[0], lambda: reading(doc[0].text)) == "HUNGARY"
    assert memo.answer("other", doc[0], lambda: reading("x")) == "X"  # another reading is its own answer
    assert computed == ["Hungary", "x"]


def test_a_word_of_another_doc_starts_afresh(extractor: Extractor) -> None:
    first, second = extractor.nlp("Russia attacked Ukraine."), extractor.nlp("Ukraine attacked Russia.")
    memo = BlockMemo()
    assert memo.answer("text", first[0], lambda: first[0].text) == "Russia"
    assert memo.answer("text", second[0], lambda: second[0].text) == "Ukraine"  # same index, other block


def test_remembered_readings_are_what_the_patterns_read_without_a_memo(extractor: Extractor) -> None:
    """The actors of each word, its qualifying actors and each verb's subject, read twice through a
    block's memo, are what a fresh context reads each time; a caller may extend the lists it gets."""
    text = ("Russian and Chinese officials met the Indian delegation in Delhi, and the two sides "
            "signed a deal that Japan criticized, officials said.")
    doc = extractor.nlp(text)
    knowledge = extractor.knowledge
    resolver = ActorResolver(knowledge.gazetteer, extractor.index, knowledge.lexicon, "2024-05-02",
                             knowledge.binding_words)
    mentions = resolver.resolve_block(doc, BlockTokens.of(doc))
    def context() -> Context:
        return Context(knowledge.ontology, knowledge.lexicon, mentions, knowledge.reporter_acts)

    shared = context()
    assert any(actors_of(t, shared) for t in doc)  # the sentence names actors
    for token in doc:
        for _ in range(2):
            fresh = context()
            assert actors_of(token, shared) == actors_of(token, fresh)
            assert modifier_actors(token, shared) == modifier_actors(token, fresh)
            assert clause_subject(token, shared) == clause_subject(token, fresh)
        actors_of(token, shared).append(knowledge.gazetteer.country_actor("FRA"))  # the memo keeps its own copy
        assert actors_of(token, shared) == actors_of(token, context())
