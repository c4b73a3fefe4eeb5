"""The words each gated block pass walks (extract/pass_gates.py, and the addressed requests'
``may_act_at``): the pass finds the same acts on the words its gate keeps as on every word, and the
gate leaves most words of a block out. Real parses of invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extract.actors import ActorResolver
from extract.addressed_requests import _acts_at, may_act_at, with_addressed_requests
from extract.block_index import BlockTokens, BlockWords, index_sentences
from extract.candidates import block_candidates
from extract.envoys import with_envoy_acts
from extract.event_memory import sentence_numbers, speakers_and_authors
from extract.pair_reference import ReferenceResolver
from extract.pass_gates import VerbGates, leading_words
from extract.patterns import Candidate, Context
from extract.pipeline import Extractor
from extract.protest_symbols import with_symbol_protests
from extract.territory import with_territory_acts

DATE = "2024-05-02"


def test_leading_words_are_every_entry_and_its_beginnings_at_a_space() -> None:
    assert leading_words(["call back in", "expel"]) == {"call", "call back", "call back in", "expel"}
    assert leading_words([]) == frozenset()


def _block(extractor: Extractor, text: str) -> tuple[BlockTokens, BlockWords, Context]:
    knowledge = extractor.knowledge
    doc = extractor.nlp(text)
    index_sentences(doc)
    tokens = BlockTokens.of(doc)
    resolver = ActorResolver(knowledge.gazetteer, extractor.index, knowledge.lexicon, DATE, knowledge.binding_words)
    mentions = resolver.resolve_block(doc, tokens)
    ReferenceResolver(knowledge.lexicon, knowledge.gazetteer, knowledge.group_words, knowledge.epithets,
                      knowledge.organisation_names).resolve_block(doc, mentions, tokens)
    ctx = Context(knowledge.ontology, knowledge.lexicon, mentions, knowledge.reporter_acts)
    return tokens, BlockWords.of(doc, tokens), ctx


Pass = Callable[[Extractor, BlockTokens, BlockWords, Context, bool], list[Candidate]]


def _envoys(extractor: Extractor, tokens: BlockTokens, words: BlockWords, ctx: Context, gated: bool) -> list[Candidate]:
    verbs = extractor.knowledge.pass_gates.envoy_words(words.verbs, tokens) if gated else list(words.verbs)
    return with_envoy_acts(verbs, [], ctx)


def _symbols(extractor: Extractor, tokens: BlockTokens, words: BlockWords, ctx: Context, gated: bool
             ) -> list[Candidate]:
    knowledge = extractor.knowledge
    verbs = knowledge.pass_gates.symbol_words(words.verbs, tokens) if gated else list(words.verbs)
    return with_symbol_protests(verbs, [], ctx, knowledge.symbol_words, knowledge.gazetteer)


def _territory(extractor: Extractor, tokens: BlockTokens, words: BlockWords, ctx: Context, gated: bool
               ) -> list[Candidate]:
    content = extractor.knowledge.pass_gates.territory_words(words.content, tokens) if gated else list(words.content)
    return with_territory_acts(content, [], ctx, extractor.knowledge.gazetteer)


def _requests(extractor: Extractor, tokens: BlockTokens, words: BlockWords, ctx: Context, gated: bool
              ) -> list[Candidate]:
    if gated:
        return with_addressed_requests(words.content, [], ctx, tokens)
    # ungated: the acts ``_acts_at`` reads at every content word
    request_words = ctx.ontology.addressed_requests
    return [act.candidate for token in words.content for act in _acts_at(token, request_words, ctx)]


CASES: list[tuple[str, Pass, str]] = [
    ("Kenya summoned the Ugandan ambassador over the border dispute.", _envoys, "summon"),
    ("Chile recalled its ambassador from Peru after the vote.", _envoys, "recall"),
    ("Angry protesters stormed the Danish embassy in Tehran on Friday.", _envoys, "storm"),
    ("Protesters in Karachi burned Indian flags outside the mosque.", _symbols, "burn"),
    ("Demonstrators carried placards denouncing Denmark.", _symbols, "carry"),
    ("Russian troops captured the Ukrainian town of Avdiivka on Saturday.", _territory, "capture"),
    ("Egypt called for Ethiopia to halt the filling of the dam.", _requests, "call"),
    ("Iran threatened military action against Israel.", _requests, "threaten"),
]


@pytest.mark.parametrize(("text", "run", "lemma"), CASES)
def test_a_pass_finds_the_same_acts_on_its_gated_words(
    extractor: Extractor, text: str, run: Pass, lemma: str,
) -> None:
    tokens, words, ctx = _block(extractor, text)
    everywhere = run(extractor, tokens, words, ctx, False)
    assert [c.trigger.lemma_ for c in everywhere] == [lemma]  # the act is there to be found
    assert run(extractor, tokens, words, ctx, True) == everywhere


def test_the_gates_leave_out_words_outside_their_lists(extractor: Extractor) -> None:
    tokens, words, _ = _block(extractor, "The minister said the talks would resume in Geneva next week.")
    gates = extractor.knowledge.pass_gates
    assert gates.envoy_words(words.verbs, tokens) == []
    assert gates.symbol_words(words.verbs, tokens) == []
    assert gates.territory_words(words.content, tokens) == []


def test_a_word_of_no_request_threat_or_deadline_list_is_not_visited(extractor: Extractor) -> None:
    tokens, words, ctx = _block(extractor, "The minister said the delegation would visit Geneva next week.")
    request_words = ctx.ontology.addressed_requests
    kept = [t.lower_ for t in words.content if may_act_at(tokens, t.i, request_words, ctx)]
    assert kept == ["said"]  # a verb of statement: a threat may be answered there


# -- the readings tried at each verb (extract/candidates.py) ----------------------------------------
VERB_READINGS = [
    "Beijing called the report a fabrication.",  # naming
    "The ministry denied the accusations made by Kyiv.",  # denial
    "Tehran ruled out talks with Washington.",  # refusal (phrasal)
    "Ghana said Togo must release the fishermen.",  # obligation
    "Ankara said Athens would pay a heavy price.",  # consequences
    "Seoul said Pyongyang was responsible for the attack.",  # responsibility
    "Egypt called off the talks with Sudan.",  # a particle changing the sense
    "Japan sent a delegation to Vietnam.",  # the object selecting a sense
    "Russia criticized Ukraine and praised Belarus.",  # the verbs' own triggers
    "Canada suspended talks with Venezuela.",  # a composed event
    "The suspension of aid to Niger by France angered Niamey.",  # a noun event
]


def _open_gates(tokens: BlockTokens) -> VerbGates:
    """Gates that let every verb of the block through: the readings tried as before the gates."""
    every = frozenset(tokens.lemmas)
    return VerbGates(every, every, every, every)


@pytest.mark.parametrize("text", VERB_READINGS)
def test_the_verb_gates_give_the_candidates_every_reading_gives(extractor: Extractor, text: str) -> None:
    tokens, words, ctx = _block(extractor, text)
    everywhere = list(block_candidates(words.content, ctx, tokens, _open_gates(tokens)))
    assert everywhere  # the sentence has something to find
    assert list(block_candidates(words.content, ctx, tokens, extractor.knowledge.verb_gates)) == everywhere


def test_a_verb_with_its_own_trigger_only_is_tried_for_no_other_reading(extractor: Extractor) -> None:
    gates = extractor.knowledge.verb_gates
    assert "say" in gates.speech and "call" in gates.speech and "deny" in gates.speech
    assert "criticize" not in gates.speech and "visit" not in gates.speech
    assert "call" in gates.phrasal and "send" in gates.sensed


# -- speakers and authors (extract/event_memory.py) -------------------------------------------------
SPEAKING_AND_ISSUING = [
    "Beijing said Manila had provoked the incident.",
    "The United Nations Security Council adopted a resolution on Yemen.",  # a document noun as object
    "A peace plan was put forward by Qatar and Egypt.",  # a document noun as passive subject
    "Turkey proposed new talks on grain exports.",  # a verb the documents' words list
]


@pytest.mark.parametrize("text", SPEAKING_AND_ISSUING)
def test_speakers_and_authors_are_found_as_when_every_verb_is_read(extractor: Extractor, text: str) -> None:
    tokens, words, ctx = _block(extractor, text)
    sentences = sentence_numbers((s.start for s in words.content[0].doc.sents), 0)
    gates = extractor.knowledge.pass_gates
    # every verb read for an author (as before the gate), the speech verbs for a speaker
    everywhere = speakers_and_authors(words.verbs, sentences, ctx, tokens, gates.speaking_verbs,
                                      frozenset(tokens.lemmas))
    assert everywhere[0] or everywhere[1]  # someone speaks or issues
    assert speakers_and_authors(words.verbs, sentences, ctx, tokens, gates.speaking_verbs,
                                gates.issuing_verbs) == everywhere
