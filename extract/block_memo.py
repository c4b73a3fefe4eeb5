"""Readings of a block's words that several rule passes ask for again, computed once a block.

The actors an argument word names (``patterns.actors_of``), the actors qualifying a noun
(``patterns.modifier_actors``) and a verb's subject (``patterns.clause_subject``) depend only on the
parse and the block's mentions, which are complete before the rule passes start; each pass that
reads a verb's or a noun's arguments asks for them again (the patterns, the speech acts, the
requests, the envoys, the protests ...). ``BlockMemo`` keeps each answer for the rest of the block.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from spacy.tokens import Doc, Token

T = TypeVar("T")


class BlockMemo:
    """Answers by reading name and word index, for the words of one parsed block: a word of
    another doc starts the memo afresh, so an answer is never given for a word it was not read at."""

    def __init__(self) -> None:
        self._doc: Doc | None = None
        self._answers: dict[tuple[str, int], object] = {}

    def answer(self, reading: str, token: Token, compute: Callable[[], T]) -> T:
        """The answer of ``reading`` at ``token``: computed by ``compute`` at the first asking,
        remembered after. ``compute`` must depend only on the token's block and its mentions."""
        doc = token.doc
        if doc is not self._doc:
            self._doc, self._answers = doc, {}
        key = (reading, token.i)
        if key in self._answers:
            return cast(T, self._answers[key])
        value = compute()
        self._answers[key] = value
        return value
