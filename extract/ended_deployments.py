"""A state pulling its forces out of a state it is not fighting ends a deployment, no retreat.

CAMEO's 0874 (Retreat or surrender militarily) is yielding to an adversary: forces withdraw from
the side they fight ("Russian forces withdrew from Kherson" after months of war with Ukraine). A
withdrawal from a state they are not fighting ("France withdrew its troops from Mali", "the last
French soldiers left Niger") ends the military assistance the deployment was: CAMEO 1622 (reduce
or stop military assistance), under root 16, reduce relations. The rule read here: a withdrawal
from a state as a whole (not from a place inside it, "withdrew from Kherson") whose parties' states
have no act of material conflict between them (CAMEO roots 18-20) among the acts the article has
told so far that a later reference may still name (the recent window and the story's own act,
``EventMemory``) is recoded so.
"""

from __future__ import annotations

from dataclasses import replace

from extract.event_memory import EventMemory, RememberedEvent, same_state
from extract.patterns import Candidate, Context
from graph.model import Actor, ActorType

#: The relation of a military withdrawal (ontology.toml, CAMEO 0874) and what an ended deployment is.
WITHDRAWAL = "WITHDRAW"
REDUCED_AID = "REDUCE_AID"
#: CAMEO 1622, reduce or stop military assistance.
ENDED_MILITARY_AID_CODE = "1622"
#: Roots of material conflict: assault (18), fight (19), mass violence (20).
CONFLICT_ROOTS = frozenset({"18", "19", "20"})


def as_ended_deployment(candidate: Candidate, memory: EventMemory, sentence: int, ctx: Context) -> Candidate:
    """A withdrawal between parties with no conflict act told, recoded as ended military
    assistance (1622); any other candidate as it was."""
    if candidate.drop is not None or candidate.relation != WITHDRAWAL or REDUCED_AID not in ctx.ontology.relations:
        return candidate
    pairs = candidate.actor_pairs()
    if not pairs or any(key == "place" for key, _ in candidate.attributes):
        return candidate  # "withdrew from Kherson": forces leave a place inside a state, a retreat
    if not all(obj.type is ActorType.COUNTRY and not same_state(subject, obj) for subject, obj in pairs):
        return candidate
    told = (*memory.recent(sentence), *memory.lede)
    if any(_in_conflict(subject, obj, told, ctx) for subject, obj in pairs):
        return candidate
    coded = {pair for pair in candidate.attributes if pair[0] != "cameo"}
    return replace(candidate, relation=REDUCED_AID,
                   attributes=tuple(sorted({*coded, ("cameo", ENDED_MILITARY_AID_CODE)})))


def _in_conflict(subject: Actor, obj: Actor, told: tuple[RememberedEvent, ...], ctx: Context) -> bool:
    """Whether an act of material conflict runs between the two actors' states, either way."""
    for event in told:
        if event.object is None or ctx.ontology.relation(event.relation).cameo[:2] not in CONFLICT_ROOTS:
            continue
        if (same_state(event.subject, subject) and same_state(event.object, obj)) or (
                same_state(event.subject, obj) and same_state(event.object, subject)):
            return True
    return False
