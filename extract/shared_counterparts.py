"""The counterpart a recall of envoys shares with a break of relations in a linked clause.

The rule of English (ellipsis of a shared complement): when one clause of a sentence breaks or reduces
relations with a named state ("Bolivia broke off relations with Israel") and a clause coordinated with
it or subordinate to it recalls envoys without naming where from ("..., while Chile and Colombia
recalled their ambassadors"; "... and Qatar said it would recall its ambassador"), the recall is from
the same state: the reader supplies the complement the writer left out because the linked clause
states it. CAMEO codes both as 161 (reduce or break diplomatic relations). Only clauses linked by
coordination, subordination or complementation in the same sentence count; a clause in another
sentence is not read. The severing verbs and relation nouns are the lexicon's (``severing_verbs``,
``relation_nouns``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.block_index import children_of
from extract.patterns import Context, actors_of
from graph.model import Actor

#: Arcs by which one clause hangs on another in the same sentence.
_CLAUSE_LINKS = frozenset({"conj", "advcl", "ccomp", "xcomp"})
_MAX_STEPS = 4


def severed_counterparts(verb: Token, ctx: Context) -> list[Actor]:
    """The states with which a clause linked to ``verb`` breaks or reduces relations ("broke off
    relations with Israel"), nearest clause first; empty when no linked clause names one."""
    for clause in _linked_clauses(verb):
        found = [a for a in _severed_with(clause, ctx) if a.country]
        if found:
            return found
    return []


def _linked_clauses(verb: Token) -> Iterator[Token]:
    """The clauses ``verb`` hangs on, up the linking arcs, and the clauses hung on each of them
    and on ``verb`` by coordination or subordination."""
    seen = {verb.i}
    node = verb
    chain = [verb]
    for _ in range(_MAX_STEPS):
        if node.dep_ not in _CLAUSE_LINKS or node.head == node:
            break
        node = node.head
        chain.append(node)
    for holder in chain:
        if holder.i not in seen:
            seen.add(holder.i)
            yield holder
        for child in children_of(holder):
            if child.dep_ in ("conj", "advcl") and child.i not in seen:
                seen.add(child.i)
                yield child


def _severed_with(clause: Token, ctx: Context) -> Iterator[Actor]:
    """The states after "with" on the relation noun object of a severing verb."""
    if clause.lemma_.lower() not in ctx.lexicon.severing_verbs:
        return
    for noun in children_of(clause):
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in ctx.lexicon.relation_nouns:
            continue
        for prep in children_of(noun):
            if prep.dep_ == "prep" and prep.lower_ == "with":
                for pobj in children_of(prep):
                    if pobj.dep_ == "pobj":
                        yield from actors_of(pobj, ctx)
