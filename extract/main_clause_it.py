"""A subject "it" that opens a main clause, which continues the topic of the sentence before.

A rule of English discourse: a sentence whose main-clause subject is an unstressed "it" continues
what the sentence before was about, so "it" refers to that sentence's subject ("The Philippines
filed a protest on Monday. It accused China of ..."). The rule holds only where "it" can be an
actor: not the dummy subject of a copula or of an extraposed clause ("It was unclear whether
...", "It is expected that ..."), not a passive subject, and not where a state or organisation was
named earlier in the same sentence (then "it" may refer to that one instead).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from extract.block_index import children_of
from extract.mentions import Mention
from graph.model import ActorType

#: Arcs of a clause extraposed after a dummy "it" ("It seems that ...", "It emerged that ...").
_EXTRAPOSED = frozenset({"ccomp", "csubj", "xcomp"})
#: Verbs whose "it" subject is a dummy before a clause: "it seems", "it appears", "it emerged".
DUMMY_IT_VERBS = frozenset({"be", "seem", "appear", "emerge", "remain", "become", "happen", "turn"})


def opens_main_clause(pronoun: Token, by_token: Mapping[int, Mention]) -> bool:
    """Whether ``pronoun`` ("it") is the active subject of its sentence's main verb, a verb that
    takes an actor as subject, with no state or organisation named before it in the sentence."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb != pronoun.sent.root or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lemma_.lower() in DUMMY_IT_VERBS:
        return False
    if any(c.dep_ in ("auxpass", "expl") for c in children_of(verb)):
        return False
    if verb.lemma_.lower() != "say" and any(c.dep_ in _EXTRAPOSED and c.i > verb.i for c in children_of(verb)
                                             if any(g.dep_ == "mark" for g in children_of(c))):
        return False  # "it emerged that ..." and the like: a dummy before a "that" clause
    return not any(
        (m := by_token.get(j)) is not None and m.actor.type in (ActorType.COUNTRY, ActorType.ORGANIZATION)
        for j in range(pronoun.sent.start, pronoun.i)
    )
