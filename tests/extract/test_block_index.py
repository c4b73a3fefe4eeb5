"""The sentence index of a parsed block gives what spaCy's own ``token.sent`` gives; the word table
what its tokens give."""

from __future__ import annotations

import gc
import weakref

from extract.block_index import (
    ARCS_KEY,
    CONTENT_POS,
    ENTITIES_KEY,
    SENT_HOOK,
    SENTENCES_KEY,
    BlockTokens,
    BlockWords,
    block_sentences,
    block_words,
    children_of,
    conjuncts_of,
    doc_entities,
    index_arcs,
    index_entities,
    index_sentences,
    sentence_entities,
    span_root,
)
from extract.mentions import entity_of
from extract.pipeline import Extractor

TEXT = ("Hungary criticized the European Commission on Monday. Its prime minister said the plan was "
        "unfair! Did Brussels answer? Officials in Kyiv, who met the envoy, declined to comment.")


def test_indexed_sentences_are_spacys_sentences(extractor: Extractor) -> None:
    plain, indexed = extractor.nlp(TEXT), extractor.nlp(TEXT)
    index_sentences(indexed)
    assert SENT_HOOK in indexed.user_token_hooks and SENT_HOOK not in plain.user_token_hooks
    assert len(list(plain.sents)) == 4
    for before, after in zip(plain, indexed, strict=True):
        assert (after.sent.start, after.sent.end) == (before.sent.start, before.sent.end)
        assert after.sent.text == before.sent.text


def test_a_block_of_one_sentence_and_an_empty_block(extractor: Extractor) -> None:
    nlp = extractor.nlp
    one = nlp("Russia attacked Ukraine")
    index_sentences(one)
    assert [(t.sent.start, t.sent.end) for t in one] == [(0, 3)] * 3
    empty = nlp("")
    index_sentences(empty)
    assert list(empty) == []


def test_block_words_are_the_verbs_and_nouns_in_text_order(extractor: Extractor) -> None:
    doc = extractor.nlp("Hungary has criticized the new sanctions on Russia, officials said.")
    words = BlockWords.of(doc, BlockTokens.of(doc))
    assert [t.text for t in words.content] == [t.text for t in doc if t.pos_ in CONTENT_POS]
    assert {t.pos_ for t in words.content} <= {"VERB", "AUX", "NOUN", "PROPN"}
    assert [t.text for t in words.verbs] == [t.text for t in doc if t.pos_ == "VERB"] == ["criticized", "said"]
    assert "the" not in [t.lower_ for t in words.content] and "sanctions" in [t.lower_ for t in words.content]
    # the verbs are the content words' own Token objects, not made a second time
    assert all(any(verb is word for word in words.content) for verb in words.verbs)


def test_block_tokens_are_what_spacy_gives_for_each_word(extractor: Extractor) -> None:
    doc = extractor.nlp("The two Ministers of Hungary's Foreign Ministry met Orbán in Kyiv.")
    tokens = BlockTokens.of(doc)
    assert tokens.texts == tuple(t.text for t in doc)
    assert tokens.lowers == tuple(t.lower_ for t in doc)
    assert tokens.lemmas == tuple(t.lemma_.lower() for t in doc)
    assert tokens.tags == tuple(t.tag_ for t in doc)
    assert tokens.pos == tuple(t.pos_ for t in doc)
    assert len(tokens.texts) == len(doc) and tokens.texts[-1] == "." and "orbán" in tokens.lowers


def test_block_tokens_of_an_empty_block(extractor: Extractor) -> None:
    assert BlockTokens.of(extractor.nlp("")) == BlockTokens((), (), (), (), ())


def test_an_indexed_doc_is_freed_as_soon_as_it_is_let_go(extractor: Extractor) -> None:
    """The index holds no reference back to its doc: a block's parse is let go at once, not when
    the garbage collector next runs (streaming memory stays flat)."""
    doc = extractor.nlp(TEXT)
    index_sentences(doc)
    assert doc[8].text == "Its" and doc[8].sent.text.startswith("Its prime minister")
    gc.disable()
    try:
        freed = weakref.ref(doc)
        del doc
        assert freed() is None
    finally:
        gc.enable()


def test_sentence_spans_are_made_once_while_held_and_freed_with_their_holder(extractor: Extractor) -> None:
    """While the block's extraction holds what ``index_sentences`` returns, each sentence's span is
    made once; let go, the spans go with it and ``token.sent`` still gives spaCy's sentences."""
    doc = extractor.nlp(TEXT)
    held = index_sentences(doc)
    assert doc[8].sent is doc[9].sent and doc[8].sent.text.startswith("Its prime minister")
    assert doc[0].sent is not doc[8].sent and doc[0].sent.text.startswith("Hungary criticized")
    del held
    assert doc[8].sent is not doc[9].sent
    assert (doc[8].sent.start, doc[8].sent.end) == (doc[9].sent.start, doc[9].sent.end)
    gc.disable()
    try:
        freed = weakref.ref(doc)
        del doc
        assert freed() is None
    finally:
        gc.enable()


ENTITY_TEXT = ("Hungarian Prime Minister Viktor Orban met Vladimir Putin in Moscow on Tuesday. The European "
               "Union said on Friday that Orban had no mandate. Nothing else happened.")


def test_entity_spans_are_spacys_made_once_while_held_and_spacys_again_after(extractor: Extractor) -> None:
    doc = extractor.nlp(ENTITY_TEXT)
    spacys = [(e.start, e.end, e.label_) for e in doc.ents]
    assert ("Moscow", "GPE") in [(e.text, e.label_) for e in doc.ents] and len(spacys) >= 5
    assert tuple(doc_entities(doc)) == doc.ents  # not indexed: spaCy's own
    held = index_entities(doc)
    assert doc_entities(doc) is held.spans and [(e.start, e.end, e.label_) for e in held.spans] == spacys
    orban = next(t for t in doc if t.text == "Orban")
    assert entity_of(orban) is next(e for e in held.spans if e.start <= orban.i < e.end)
    for sentence in doc.sents:  # each sentence's entities as Span.ents gives them
        assert sentence_entities(sentence) == list(sentence.ents)
        assert all(any(e is h for h in held.spans) for e in sentence_entities(sentence))
    assert sentence_entities(list(doc.sents)[-1]) == []
    del held
    assert [(e.start, e.end, e.label_) for e in doc_entities(doc)] == spacys  # spaCy's again
    del doc.user_data[ENTITIES_KEY]
    gc.disable()
    try:
        freed = weakref.ref(doc)
        del doc, orban, sentence
        assert freed() is None  # no reference cycle through the doc's data
    finally:
        gc.enable()


def test_an_entity_running_past_a_span_ends_its_entities_as_in_spacy(extractor: Extractor) -> None:
    doc = extractor.nlp(ENTITY_TEXT)
    held = index_entities(doc)
    moscow = next(e for e in doc.ents if e.text == "Moscow")
    cut = doc[0 : moscow.start + 1]  # a span ending with Moscow: Moscow is in it
    assert sentence_entities(cut) == list(cut.ents)
    before = doc[0 : moscow.start]
    assert sentence_entities(before) == list(before.ents) and moscow not in sentence_entities(before)
    orban = next(e for e in doc.ents if e.text == "Viktor Orban")
    inside = doc[0 : orban.start + 1]  # ends inside "Viktor Orban": no entity after it is read
    assert sentence_entities(inside) == list(inside.ents)
    assert held.spans



#: Invented sentences with the arcs the rules walk: coordination, relative and reported clauses,
#: prepositions on prepositions, passives, a headline without a verb, a question.
ARC_TEXTS = (
    "Hungary and Poland, which had criticized the plan, said on Monday that they would not block the "
    "sanctions against Russia.",
    "The envoy was summoned by the Foreign Ministry in Ankara over remarks made by the ambassador of "
    "Sweden to Turkey, officials said.",
    "Russia's forces shelled the outskirts of Kharkiv and Kyiv overnight; Ukraine called the strikes "
    "a crime and asked NATO for more air defence.",
    "TALKS IN DOHA COLLAPSE AFTER HAMAS REJECTS ISRAELI OFFER",
    "Did Brussels answer Budapest's demand to release the frozen funds before the summit in June?",
    "Chile, Peru, Bolivia and Ecuador met France and Spain, and signed deals with Japan, Korea and "
    "Vietnam, while Brazil and Argentina watched and waited.",
    "The leaders of Chile, Peru, Bolivia, Ecuador and Colombia met in Lima.",
)


def test_indexed_children_are_spacys_children_in_order(extractor: Extractor) -> None:
    """Each word's children from the table are the ones ``token.children`` walks to, in its order,
    for every word of every sentence, and the table's words are the doc's words."""
    for text in ARC_TEXTS:
        doc = extractor.nlp(text)
        spacys = [[(c.i, c.dep_) for c in t.children] for t in doc]
        assert any(len(found) >= 3 for found in spacys)  # sentences with branching arcs
        assert [[(c.i, c.dep_) for c in children_of(t)] for t in doc] == spacys  # not indexed: spaCy's
        held = index_arcs(doc)
        assert [t.i for t in held.words] == list(range(len(doc)))
        assert [t.text for t in held.words] == [t.text for t in doc]
        assert [[(c.i, c.dep_) for c in children_of(t)] for t in doc] == spacys
        # from the table: the same Token objects as its words, not made again
        assert all(c is held.words[c.i] for t in doc for c in children_of(t))
        assert all(children_of(t) == tuple(t.children) for t in held.words)
        assert held.child_indices == tuple(tuple(c.i for c in t.children) for t in doc)


def test_children_are_spacys_again_once_the_arcs_are_let_go_and_the_doc_is_freed(extractor: Extractor) -> None:
    doc = extractor.nlp(ARC_TEXTS[0])
    said = next(t for t in doc if t.text == "said")
    held = index_arcs(doc)
    assert children_of(said) is held.children[said.i]
    del held
    assert children_of(said) == tuple(said.children) and children_of(said) is not children_of(said)
    del doc.user_data[ARCS_KEY]
    gc.disable()
    try:
        freed = weakref.ref(doc)
        del doc, said
        assert freed() is None  # no reference cycle through the doc's data
    finally:
        gc.enable()


def test_block_words_and_tokens_read_from_the_arcs_words_are_those_of_the_doc(extractor: Extractor) -> None:
    doc = extractor.nlp(ARC_TEXTS[1])
    arcs = index_arcs(doc)
    tokens = BlockTokens.of(arcs.words)
    assert tokens == BlockTokens.of(doc)
    words = BlockWords.of(arcs.words, tokens)
    assert [t.i for t in words.content] == [t.i for t in BlockWords.of(doc, tokens).content]
    assert [t.i for t in words.verbs] == [t.i for t in BlockWords.of(doc, tokens).verbs]
    assert all(word is arcs.words[word.i] for word in words.content)


def test_block_sentences_are_spacys_sentences_made_once_while_held(extractor: Extractor) -> None:
    """The sentences a pass walks are those of ``doc.sents`` (bounds, text, root), made once while
    the block's extraction holds the index; spaCy's own again once it is let go, and the doc is
    freed at once."""
    for text in (TEXT, *ARC_TEXTS):
        doc = extractor.nlp(text)
        spacys = [(s.start, s.end, s.text, s.root.i) for s in doc.sents]
        assert [(s.start, s.end, s.text, s.root.i) for s in block_sentences(doc)] == spacys  # not indexed
        held = index_sentences(doc)
        assert [(s.start, s.end, s.text, s.root.i) for s in block_sentences(doc)] == spacys
        assert block_sentences(doc) is block_sentences(doc) is held.sentences
    assert len(block_sentences(doc)) == 1 and len(list(extractor.nlp(TEXT).sents)) == 4
    del held
    assert block_sentences(doc) is not block_sentences(doc)
    assert [(s.start, s.end) for s in block_sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    del doc.user_data[SENTENCES_KEY]
    gc.disable()
    try:
        freed = weakref.ref(doc)
        del doc
        assert freed() is None
    finally:
        gc.enable()


def test_indexed_heads_labels_and_conjuncts_are_spacys(extractor: Extractor) -> None:
    """Each word's head and label from the table are spaCy's, and its conjuncts are those
    ``token.conjuncts`` gives, in its order (lists of three and more, coordinated clauses)."""
    longest = 0
    for text in ARC_TEXTS:
        doc = extractor.nlp(text)
        spacys = [[c.i for c in t.conjuncts] for t in doc]
        longest = max(longest, *(len(found) for found in spacys))
        assert [[c.i for c in conjuncts_of(t)] for t in doc] == spacys  # not indexed: spaCy's
        held = index_arcs(doc)
        assert held.heads == tuple(t.head.i for t in doc) and held.deps == tuple(t.dep_ for t in doc)
        assert [[c.i for c in conjuncts_of(t)] for t in doc] == spacys
        assert all(c is held.words[c.i] for t in doc for c in conjuncts_of(t))
    assert longest >= 4  # a list of five


def test_the_root_of_every_span_is_spacys_span_root(extractor: Extractor) -> None:
    """For every run of words of every invented block (sentence roots inside, heads outside at
    different depths, punctuation and spaces alone, words of two sentences), the root read from
    the table is the word ``doc[start:end].root`` gives."""
    texts = (*ARC_TEXTS, "Kenya said on Monday it would send troops.  Uganda, however, declined -- for now.")
    spans = 0
    for text in texts:
        doc = extractor.nlp(text)
        spacys = {(start, end): doc[start:end].root.i for start in range(len(doc))
                  for end in range(start + 1, min(len(doc), start + 12) + 1)}
        assert {key: span_root(doc, *key).i for key in spacys} == spacys  # not indexed: spaCy's
        held = index_arcs(doc)
        assert {key: span_root(doc, *key).i for key in spacys} == spacys
        assert all(span_root(doc, *key) is held.words[root] for key, root in spacys.items())
        spans += len(spacys)
    assert spans > 1000


def test_block_words_are_the_docs_words(extractor: Extractor) -> None:
    doc = extractor.nlp(ARC_TEXTS[1])
    assert [t.i for t in block_words(doc)] == list(range(len(doc)))  # not indexed: made anew
    held = index_arcs(doc)
    assert block_words(doc) is held.words and [t.text for t in block_words(doc)] == [t.text for t in doc]
