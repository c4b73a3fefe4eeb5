"""Lookups that spaCy recomputes at every call, and walks that every rule pass would repeat, made
once for a parsed block.

``token.sent`` walks the block's sentence-start flags out from the token to both ends of its
sentence at every call (about 3 microseconds a call on news prose); the rules ask for it
thousands of times a block. ``index_sentences`` computes the sentences once and answers
``token.sent`` from that table through the doc's own hook for it (``Doc.user_token_hooks``), so
the table lives and dies with the block's doc and nothing outlives it.

The rule passes start from verbs and nouns only (events are told by them); ``BlockWords`` finds
those once, so that each pass need not walk every word of the block and ask its part of speech.

Each read of a token's ``text``, ``lower_``, ``lemma_``, ``tag_`` or ``pos_`` makes spaCy create the
token and decode a new string; ``BlockTokens`` reads them once for every word of a block, so that
the passes that look at every word (names, role terms, pair and description references) read
tuples instead.

``token.children`` walks the token's whole reach (from its leftmost to its rightmost descendant)
and makes a new ``Token`` for each child at every call (about 1 microsecond for a verb); the rules
ask for a word's children tens of thousands of times per corpus pass. ``index_arcs`` makes each
word's ``Token`` once, and its head, label and children once, as tuples of those same objects;
while the block is extracted ``children_of``, ``conjuncts_of``, ``span_root`` and ``block_words``
answer from them what ``token.children``, ``token.conjuncts``, ``doc[start:end].root`` and
``doc[i]`` would make anew, and ``block_sentences`` gives the sentences ``doc.sents`` would.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

#: The key of ``Doc.user_token_hooks`` that spaCy's ``Token.sent`` asks first.
SENT_HOOK = "sent"


class SentenceSpans:
    """The sentence spans of one block already asked for, by first word: kept while their holder
    is (the block's extraction), so each sentence's span is made once, not at every ``token.sent``;
    and the block's sentences as ``doc.sents`` gives them (``sentences``), for the passes that walk
    the block sentence by sentence (``block_sentences``)."""

    __slots__ = ("__weakref__", "sentences", "spans")

    def __init__(self, sentences: tuple[Span, ...] = ()) -> None:
        self.spans: dict[int, Span] = {}
        self.sentences = sentences


#: The key of ``Doc.user_data`` under which ``index_sentences`` leaves a weak reference to a block's sentences.
SENTENCES_KEY = "geokg.block_sentences"


def index_sentences(doc: Doc) -> SentenceSpans:
    """Make ``token.sent`` of every token of ``doc`` a table lookup giving the same span. The table
    holds the sentences' bounds, not their spans: a span refers to its doc, and a doc whose hook
    held its own spans would be a reference cycle that only the garbage collector frees. The spans
    made go to the ``SentenceSpans`` returned, which the hook reaches only through a weak reference:
    while the caller holds it each sentence's span is made once; once it is let go the spans go
    with it, and the hook makes a span at each call again. The sentences of the walk that finds
    the bounds are kept too (``block_sentences``), reached from the doc by a weak reference."""
    bounds: list[tuple[int, int]] = []
    sentences = tuple(doc.sents)
    for sentence in sentences:
        bounds.extend([(sentence.start, sentence.end)] * len(sentence))
    made = SentenceSpans(sentences)
    held = weakref.ref(made)
    doc.user_data[SENTENCES_KEY] = held

    def sentence_lookup(token: Token) -> Span:
        start, end = bounds[token.i]
        holder = held()
        if holder is None:
            return token.doc[start:end]
        span = holder.spans.get(start)
        if span is None:
            span = holder.spans[start] = token.doc[start:end]
        return span

    doc.user_token_hooks[SENT_HOOK] = sentence_lookup
    return made


def block_sentences(doc: Doc) -> tuple[Span, ...]:
    """The sentences of ``doc`` as ``doc.sents`` gives them: those ``index_sentences`` kept, while
    their holder lives (``doc.sents`` makes every sentence's span anew at each walk); else spaCy's."""
    ref = doc.user_data.get(SENTENCES_KEY)
    held = ref() if ref is not None else None
    return held.sentences if isinstance(held, SentenceSpans) else tuple(doc.sents)


@dataclass(frozen=True)
class BlockTokens:
    """Every word of a block by its index: its text, lower case, lemma in lower case, fine tag
    (``NNS``) and part of speech (``NOUN``), as spaCy gives them."""

    texts: tuple[str, ...]
    lowers: tuple[str, ...]
    lemmas: tuple[str, ...]
    tags: tuple[str, ...]
    pos: tuple[str, ...]

    @staticmethod
    def of(doc: Doc | Sequence[Token]) -> BlockTokens:
        """The table of the words of ``doc`` (a parse, or its words in order)."""
        rows = [(t.text, t.lower_, t.lemma_.lower(), t.tag_, t.pos_) for t in doc]
        if not rows:
            return BlockTokens((), (), (), (), ())
        texts, lowers, lemmas, tags, pos = zip(*rows, strict=True)
        return BlockTokens(texts, lowers, lemmas, tags, pos)


#: The key of ``Doc.user_data`` under which ``index_entities`` leaves a weak reference to a block's entities.
ENTITIES_KEY = "geokg.block_entities"


class BlockEntities:
    """The recogniser's entity spans of one block, made once: ``Doc.ents`` makes every entity's span
    anew at each call (and ``Span.ents`` asks it), and the rules ask for them at many words of a
    block. Kept while their holder is (the block's extraction), like ``SentenceSpans``."""

    __slots__ = ("__weakref__", "spans")

    def __init__(self, spans: tuple[Span, ...]) -> None:
        self.spans = spans


def index_entities(doc: Doc) -> BlockEntities:
    """Make the entity spans of ``doc`` once. The doc keeps only a weak reference to them (a span
    refers to its doc: a strong one would be a reference cycle); while the caller holds what is
    returned, ``doc_entities`` gives them, and after it spaCy's own again."""
    made = BlockEntities(tuple(doc.ents))
    doc.user_data[ENTITIES_KEY] = weakref.ref(made)
    return made


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """The entity spans of ``doc``: those ``index_entities`` made, while their holder lives; else
    the ones spaCy makes (the same spans)."""
    ref = doc.user_data.get(ENTITIES_KEY)
    held = ref() if ref is not None else None
    return held.spans if isinstance(held, BlockEntities) else tuple(doc.ents)


def sentence_entities(sentence: Span) -> list[Span]:
    """The entities that fall completely within ``sentence``, as ``Span.ents`` gives them (it reads
    the doc's entities in order up to the first that runs past the sentence's end), from
    ``doc_entities``."""
    found: list[Span] = []
    for ent in doc_entities(sentence.doc):
        if ent.start >= sentence.start:
            if ent.end <= sentence.end:
                found.append(ent)
            else:
                break
    return found


#: The dependency label of a coordinated word ("Chile and Peru": Peru is a ``conj`` of Chile).
CONJ = "conj"


#: The key of ``Doc.user_data`` under which ``index_arcs`` leaves a weak reference to a block's arcs.
ARCS_KEY = "geokg.block_arcs"


class BlockArcs:
    """Every word of one block as one ``Token`` object each (``words``, by index), each word's head
    (``heads``, by index; the root is its own) and dependency label (``deps``), and each word's
    children in text order (``children``, by index, and ``child_indices``, their indices), as
    ``token.children`` gives them: made once, kept while their holder is (the block's extraction),
    like ``SentenceSpans``."""

    __slots__ = ("__weakref__", "child_indices", "children", "coordinated", "deps", "heads", "words")

    def __init__(self, words: tuple[Token, ...], heads: tuple[int, ...], deps: tuple[str, ...],
                 children: tuple[tuple[Token, ...], ...], child_indices: tuple[tuple[int, ...], ...]) -> None:
        self.words = words
        self.heads = heads
        self.deps = deps
        self.children = children
        self.child_indices = child_indices
        # the words at either end of a ``conj`` arc: any other word has no conjunct (``conjuncts_of``)
        conjoined = [i for i, dep in enumerate(deps) if dep == CONJ]
        self.coordinated = frozenset(conjoined) | frozenset(heads[i] for i in conjoined)


def index_arcs(doc: Doc) -> BlockArcs:
    """Make the words, heads, labels and children of ``doc`` once. The doc keeps only a weak
    reference to them (a token refers to its doc: a strong one would be a reference cycle); while
    the caller holds what is returned, ``children_of`` and ``conjuncts_of`` answer from them, and
    after it spaCy's own walks again."""
    words = tuple(doc)
    # each head from the doc's array of head offsets: ``word.head`` would make a second Token per word
    heads = tuple([i + offset for i, offset in enumerate(doc.to_array("HEAD").astype("int64").tolist())])
    children: list[list[Token]] = [[] for _ in words]
    indices: list[list[int]] = [[] for _ in words]
    for i, head in enumerate(heads):  # in text order: each word's children come in text order, as
        if head != i:  # spaCy's; the root is its own head and nobody's child
            children[head].append(words[i])
            indices[head].append(i)
    made = BlockArcs(words, heads, tuple([word.dep_ for word in words]), tuple(map(tuple, children)),
                     tuple(map(tuple, indices)))
    doc.user_data[ARCS_KEY] = weakref.ref(made)
    return made


def children_of(token: Token) -> tuple[Token, ...]:
    """The children of ``token`` in text order, as ``token.children`` gives them: from the table
    ``index_arcs`` made for its doc while its holder lives, else from spaCy's own walk."""
    # read here, not through a helper: the rules ask tens of thousands of times a corpus pass
    ref = token.doc.user_data.get(ARCS_KEY)
    arcs = ref() if ref is not None else None
    return arcs.children[token.i] if isinstance(arcs, BlockArcs) else tuple(token.children)


def block_words(doc: Doc) -> tuple[Token, ...]:
    """Every word of ``doc`` by index: the ``Token`` objects ``index_arcs`` made, while their holder
    lives (``doc[i]`` and ``doc[start:end]`` make new ones at each asking), else new ones."""
    ref = doc.user_data.get(ARCS_KEY)
    arcs = ref() if ref is not None else None
    return arcs.words if isinstance(arcs, BlockArcs) else tuple(doc)


def span_root(doc: Doc, start: int, end: int) -> Token:
    """The root of the words ``start:end`` of ``doc``, as ``doc[start:end].root`` gives it, read from
    the table ``index_arcs`` made while its holder lives (no span made): the sentence root if it is
    among them; else, of the words whose head is outside them, the first nearest to its sentence's
    root (a space or punctuation word without children counts as farthest); else the first word."""
    ref = doc.user_data.get(ARCS_KEY)
    arcs = ref() if ref is not None else None
    if not isinstance(arcs, BlockArcs):
        return doc[start:end].root
    heads, words = arcs.heads, arcs.words
    for i in range(start, end):
        if heads[i] == i:
            return words[i]
    best, root = len(heads), -1
    for i in range(start, end):
        if start <= heads[i] < end:
            continue
        steps = _steps_to_root(arcs, i)
        if steps < best:
            best, root = steps, i
    return words[start if root == -1 else root]


def _steps_to_root(arcs: BlockArcs, i: int) -> int:
    """How many arcs lead from word ``i`` up to its sentence's root, as spaCy counts them for a span's
    root (a space or punctuation word without children: the doc's length less one)."""
    heads = arcs.heads
    word = arcs.words[i]
    if not arcs.children[i] and (word.is_space or word.is_punct):
        return len(heads) - 1
    steps = 0
    while heads[i] != i:
        i = heads[i]
        steps += 1
        if steps >= len(heads):
            raise RuntimeError(f"the heads of word {word.i} of {word.doc.text[:40]!r} run in a loop")
    return steps


def conjuncts_of(token: Token) -> tuple[Token, ...]:
    """The words coordinated with ``token``, as ``token.conjuncts`` gives them (spaCy climbs the
    ``conj`` arcs to the first conjunct, then takes the ``conj`` children to its right, breadth
    first, and leaves out the token itself): from the table ``index_arcs`` made for its doc while
    its holder lives, else spaCy's own."""
    ref = token.doc.user_data.get(ARCS_KEY)
    arcs = ref() if ref is not None else None
    if not isinstance(arcs, BlockArcs):
        return tuple(token.conjuncts)
    start = token.i
    if start not in arcs.coordinated:
        return ()  # most words: neither a conjunct nor the head of one
    heads, deps, below = arcs.heads, arcs.deps, arcs.child_indices
    while heads[start] != start and deps[start] == CONJ:
        start = heads[start]
    queue = [start]
    for word in queue:  # the queue grows as it is read: breadth first
        for child in below[word]:
            if child > word and deps[child] == CONJ:
                queue.append(child)
    if len(queue) == 1 and start == token.i:
        return ()  # most words: no conjunct
    words = arcs.words
    return tuple(words[i] for i in queue if i != token.i)


#: The parts of speech of the words the rule passes start from.
CONTENT_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})


@dataclass(frozen=True)
class BlockWords:
    """The words of a block that the rule passes start from, in text order: ``content`` (verbs,
    auxiliaries, nouns and proper nouns) and of those the ``verbs`` (part of speech VERB)."""

    content: tuple[Token, ...]
    verbs: tuple[Token, ...]

    @staticmethod
    def of(doc: Doc | Sequence[Token], tokens: BlockTokens) -> BlockWords:
        """The content words of ``doc`` (a parse, or its words in order), whose words ``tokens`` gives."""
        content = tuple(doc[i] for i, pos in enumerate(tokens.pos) if pos in CONTENT_POS)
        # the verbs are the same Token objects as the content words, not made a second time
        return BlockWords(content, tuple(t for t in content if tokens.pos[t.i] == "VERB"))
