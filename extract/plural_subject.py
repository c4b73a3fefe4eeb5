"""A subject "they" opening a main clause, which continues a coordinated subject before it.

A rule of English discourse: a sentence whose main-clause subject is "they" continues what the
sentence before was about, so "they" refers to that sentence's plural subject. Where that subject
was two coordinated actors ("Ghana and Togo agreed to set up a joint force. They also urged
Burkina Faso to ..."), "they" is that pair and acts as the pair would. Only the active subject of
a main verb counts, and only with no actor named before it in its own sentence; any other
plural subject before it (a group, "the rebels") leaves "they" to other rules.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from extract.block_index import children_of, conjuncts_of
from extract.mentions import Mention
from graph.model import Actor

#: The pronoun that continues a plural subject.
PLURAL_SUBJECT_PRONOUN = "they"
#: Verbs whose subject need not be an actor: a copula and verbs raising a clause's subject.
_RAISING_LEMMAS = frozenset({"be", "seem", "appear", "remain", "become"})


def coordinated_subject_pair(sentence: Span, mentions: Mapping[int, Mention]) -> tuple[Actor, Actor] | None:
    """The two actors a sentence's main clause has as its subject ("Ghana and Togo agreed"), if
    its subject is exactly two coordinated actors."""
    for child in children_of(sentence.root):
        if child.dep_ != "nsubj" or len(conjuncts_of(child)) != 1:
            continue
        first, second = mentions.get(child.i), mentions.get(conjuncts_of(child)[0].i)
        if first is not None and second is not None and first.actor.id != second.actor.id:
            return first.actor, second.actor
    return None


def continues_plural_subject(token: Token, mentions: Mapping[int, Mention]) -> bool:
    """Whether ``token`` is a "they" that is the active subject of its sentence's main verb, with
    no actor named before it in the sentence and no mention of its own."""
    verb = token.head
    if (token.lower_ != PLURAL_SUBJECT_PRONOUN or token.dep_ != "nsubj" or token.i in mentions
            or verb != token.sent.root):
        return False
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _RAISING_LEMMAS:
        return False
    if any(c.dep_ == "auxpass" for c in children_of(verb)):
        return False
    return not any(j in mentions for j in range(token.sent.start, token.i))
