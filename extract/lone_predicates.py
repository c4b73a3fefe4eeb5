"""An object predicate with no object is the object.

The rule of English: an object predicative complement describes the verb's object ("called Macron
a hero", "found the plan illegal"), so a verb with such a complement and no direct object has the
complement misread: "Macron called Zelensky on Sunday" (a telephone call) is parsed with Zelensky
as the predicate of an object that is not there. That lone complement is the verb's direct object."""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of

#: The arc spaCy gives an object predicative complement.
OBJECT_PREDICATE = "oprd"
_OBJECT_ARCS = frozenset({"dobj", "dative"})


def lone_object_predicates(verb: Token) -> list[Token]:
    """The verb's object predicates when it has no direct object or dative; else none."""
    children = list(children_of(verb))
    if any(c.dep_ in _OBJECT_ARCS for c in children):
        return []
    return [c for c in children if c.dep_ == OBJECT_PREDICATE and c.pos_ in ("PROPN", "NOUN")]
