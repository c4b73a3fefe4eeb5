"""The head of the noun phrase a noun stands in, read up the parse: from a conjunct to the first of
coordinated nouns ("an attack or [an invasion]" -> "attack") and, where asked, from a compound
modifier to the noun it modifies ("the [aid] package" -> "package"); and the word a noun is the
object of, directly or through a preposition ("dismissed [the criticism]", "responded to [threats]")."""

from __future__ import annotations

from spacy.tokens import Token

_NOUNS = frozenset({"NOUN", "PROPN"})


def noun_phrase_head(noun: Token, *, through_compounds: bool, max_steps: int | None = None) -> Token:
    """The first of the nouns coordinated with ``noun``; with ``through_compounds``, also up from a
    compound modifier to its noun ("sanctions and [aid]", "the [aid] package"). At most ``max_steps``
    words up when given."""
    head, steps = noun, 0
    while max_steps is None or steps < max_steps:
        conjunct = head.dep_ == "conj" and head.head.pos_ in _NOUNS
        compound = through_compounds and head.dep_ == "compound" and head.head.pos_ == "NOUN"
        if not (conjunct or compound):
            break
        head, steps = head.head, steps + 1
    return head


def object_governor(noun: Token) -> Token | None:
    """The word ``noun`` is the object of: the head of a direct object, or the word the preposition
    taking it hangs from ("comment on [X]", "responded to [threats]"); None for any other role."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        return head.head
    return head if noun.dep_ == "dobj" else None
