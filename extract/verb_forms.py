"""Forms of an English verb read off its parse, which many readers ask of the same verbs."""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of

#: Arcs only a passive verb has: its passive subject and its passive auxiliary.
_PASSIVE_ARCS = frozenset({"nsubjpass", "auxpass"})
#: Arcs of a verb's own subject: nominal, passive or clausal.
_SUBJECT_ARCS = frozenset({"nsubj", "nsubjpass", "csubj"})


def is_passive(verb: Token) -> bool:
    """A verb in the passive: it has a passive subject or a passive auxiliary ("was suspended")."""
    return any(c.dep_ in _PASSIVE_ARCS for c in children_of(verb))


def is_to_infinitive(verb: Token) -> bool:
    """A verb with the infinitive marker "to" ("ordered Moldova [to] close")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))


def has_own_subject(verb: Token) -> bool:
    """A verb with a subject of its own, not one it shares with the verb it hangs on."""
    return any(c.dep_ in _SUBJECT_ARCS for c in children_of(verb))
