"""Lookups that spaCy recomputes at every call, made once for a parsed block.

``token.sent`` walks the block's sentence-start flags out from the token to both ends of its
sentence at every call (about 3 microseconds a call on news prose); the rules ask for it
thousands of times a block. ``index_sentences`` computes the sentences once and answers
``token.sent`` from that table through the doc's own hook for it (``Doc.user_token_hooks``), so
the table lives and dies with the block's doc and nothing outlives it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

#: The key of ``Doc.user_token_hooks`` that spaCy's ``Token.sent`` asks first.
SENT_HOOK = "sent"


def index_sentences(doc: Doc) -> None:
    """Make ``token.sent`` of every token of ``doc`` a table lookup giving the same span."""
    sentence_of: list[Span] = []
    for sentence in doc.sents:
        sentence_of.extend([sentence] * len(sentence))

    def sentence_lookup(token: Token) -> Span:
        return sentence_of[token.i]

    doc.user_token_hooks[SENT_HOOK] = sentence_lookup
