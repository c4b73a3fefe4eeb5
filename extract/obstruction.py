"""Who blocks decides what a blockade is.

CAMEO keeps two codes for blocking a way: a state or its forces that block vehicles, vessels or
routes impose a blockade or restrict movement (191, root 19 FIGHT); civilians who block them
(farmers, hauliers, protesters) obstruct passage as a protest (144 "Obstruct passage, block", root
14 PROTEST). A 191 candidate whose every subject is no state and acts for none is recoded 144.
"""

from __future__ import annotations

from dataclasses import replace

from extract.patterns import Candidate
from graph.model import Actor, ActorType

BLOCKADE_CODE = "191"
OBSTRUCTION_CODE = "144"
PROTEST = "PROTEST_AGAINST"
FIGHT = "ATTACK"
#: The verbs of blocking that verb_senses.toml reads as a blockade with a way as their object.
BLOCKING_VERBS = frozenset({"block", "blockade"})
#: Sectors that act for a state: its government, armed forces and police.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})


def acts_for_a_state(actor: Actor) -> bool:
    """A state, or its government, armed forces or police."""
    return actor.type is ActorType.COUNTRY or actor.sector in STATE_SECTORS


def with_obstruction_code(candidate: Candidate) -> Candidate:
    """The candidate, coded 191 when a state blocks a way, 144 when civilians do."""
    if candidate.drop is not None or not is_blockade(candidate):
        return candidate
    subjects = {subject for subject, _ in candidate.actor_pairs()} or set(candidate.subjects)
    state = not subjects or any(acts_for_a_state(subject) for subject in subjects)
    coded = tuple(pair for pair in candidate.attributes if pair[0] != "cameo")
    if state:
        return replace(candidate, attributes=tuple(sorted({*coded, ("cameo", BLOCKADE_CODE)})))
    return replace(candidate, relation=PROTEST, attributes=(*coded, ("cameo", OBSTRUCTION_CODE)))


def is_blockade(candidate: Candidate) -> bool:
    """Coded 191, or a verb of blocking read as fighting (a way blocked: verb_senses.toml)."""
    code = dict(candidate.attributes).get("cameo")
    return code == BLOCKADE_CODE or (
        code is None and candidate.relation == FIGHT and candidate.trigger.lemma_.lower() in BLOCKING_VERBS)
