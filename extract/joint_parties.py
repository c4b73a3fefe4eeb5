"""Where a joint act's "between" phrase sits.

The rule of English: "talks between Chile and Peru" names the parties on the noun, and so does a
"between" phrase on the clause whose subject the event noun is, with no object of its own: "talks
were held between Chile and Peru", "talks began between Chile and Peru", "a meeting took place
between ..." (the verb says only that the event happened). An object names something else:
"talks produced a deal between ..." is about the deal."""

from __future__ import annotations

from spacy.tokens import Token

_SUBJECT_ARCS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_ARCS = frozenset({"dobj", "dative", "attr", "oprd"})


def between_objects(noun: Token) -> list[Token]:
    """The objects of "between" on the noun, else on the clause of which it is the subject."""
    own = _between(noun)
    if own or noun.dep_ not in _SUBJECT_ARCS:
        return own
    clause = noun.head
    if any(c.dep_ in _OBJECT_ARCS and not _is_take_place(clause, c) for c in clause.children):
        return []
    return _between(clause)


def _is_take_place(verb: Token, obj: Token) -> bool:
    """ "take place" is one verb meaning "happen"; its "place" is no object."""
    return verb.lemma_.lower() == "take" and obj.lemma_.lower() == "place"


def _between(token: Token) -> list[Token]:
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
            for g in c.children if g.dep_ == "pobj"]
