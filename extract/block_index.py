"""Lookups that spaCy recomputes at every call, and walks that every rule pass would repeat, made
once for a parsed block.

``token.sent`` walks the block's sentence-start flags out from the token to both ends of its
sentence at every call (about 3 microseconds a call on news prose); the rules ask for it
thousands of times a block. ``index_sentences`` computes the sentences once and answers
``token.sent`` from that table through the doc's own hook for it (``Doc.user_token_hooks``), so
the table lives and dies with the block's doc and nothing outlives it.

The rule passes start from verbs and nouns only (events are told by them); ``BlockWords`` finds
those once, so that each pass need not walk every word of the block and ask its part of speech.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

#: The key of ``Doc.user_token_hooks`` that spaCy's ``Token.sent`` asks first.
SENT_HOOK = "sent"


def index_sentences(doc: Doc) -> None:
    """Make ``token.sent`` of every token of ``doc`` a table lookup giving the same span. The table
    holds the sentences' bounds, not their spans: a span refers to its doc, and a doc whose hook
    held its own spans would be a reference cycle that only the garbage collector frees."""
    bounds: list[tuple[int, int]] = []
    for sentence in doc.sents:
        bounds.extend([(sentence.start, sentence.end)] * len(sentence))

    def sentence_lookup(token: Token) -> Span:
        start, end = bounds[token.i]
        return token.doc[start:end]

    doc.user_token_hooks[SENT_HOOK] = sentence_lookup


#: The parts of speech of the words the rule passes start from.
CONTENT_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})


@dataclass(frozen=True)
class BlockWords:
    """The words of a block that the rule passes start from, in text order: ``content`` (verbs,
    auxiliaries, nouns and proper nouns) and of those the ``verbs`` (part of speech VERB)."""

    content: tuple[Token, ...]
    verbs: tuple[Token, ...]

    @staticmethod
    def of(doc: Doc) -> BlockWords:
        content = tuple(token for token in doc if token.pos_ in CONTENT_POS)
        return BlockWords(content, tuple(token for token in content if token.pos_ == "VERB"))
