"""An act on one's own thing is aimed at whom the thing is closed to, or where it stands.

English names the thing a state closes, bans or restricts as its own ("Russia closed its airspace
to Polish airlines", "Syria closed its border crossings with Lebanon", "Lithuania closed its
consulate in the Russian city of Kaliningrad"): the possessive names the actor itself, and the act
is aimed at the party after "to" or "with", else at the state the thing stands in ("in" a place a
state's adjective or name qualifies). A material-conflict candidate whose every object is its own
subject is re-aimed there; with no such party it stays as it was (and the pair is then a
self-loop, extract/own_possessions.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from extract.block_index import children_of
from extract.patterns import Candidate, Context, Found, subject_actors
from graph.model import Actor

#: CAMEO quad class of material conflict (roots 15-20).
MATERIAL_CONFLICT = 4
_PARTY_PREPOSITIONS = ("to", "with")
_PLACE_PREPOSITIONS = ("in",)


def with_own_object_target(candidate: Candidate, ctx: Context) -> Candidate:
    """The candidate, aimed at the party its own object is closed to, when its objects are its subjects."""
    if candidate.drop is not None or candidate.pairs or not candidate.objects:
        return candidate
    if ctx.ontology.relation(candidate.relation).quad_class != MATERIAL_CONFLICT:
        return candidate
    if set(candidate.objects) - set(candidate.subjects):
        return candidate
    owned = [child for child in children_of(candidate.trigger) if child.dep_ in ("dobj", "nsubjpass")
             and any(grand.dep_ == "poss" for grand in children_of(child))]
    if not owned:
        return candidate
    targets = _targets(candidate.trigger, owned, _PARTY_PREPOSITIONS, ctx) or _targets(
        candidate.trigger, owned, _PLACE_PREPOSITIONS, ctx)
    targets = [target for target in targets if target not in candidate.subjects]
    return replace(candidate, objects=tuple(targets)) if targets else candidate


def _targets(verb: Token, owned: list[Token], prepositions: tuple[str, ...], ctx: Context) -> list[Actor]:
    found: list[Actor] = []
    for pobj in _prep_objects((*owned, verb), prepositions):
        for actor in subject_actors(Found((pobj,), 1.0), ctx):
            if actor not in found:
                found.append(actor)
    return found


def _prep_objects(holders: tuple[Token, ...], prepositions: tuple[str, ...]) -> Iterator[Token]:
    for holder in holders:
        for prep in children_of(holder):
            if prep.dep_ == "prep" and prep.lower_ in prepositions:
                yield from (pobj for pobj in children_of(prep) if pobj.dep_ == "pobj")
