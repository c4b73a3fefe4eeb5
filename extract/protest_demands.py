"""A protest's demand: "thousands marched in Caracas to demand the president's resignation".

A rule of English and of CAMEO coding: what protesters demand in the clause that gives their
protest's purpose or manner ("marched to demand", "rallied, demanding", "took to the streets
calling for") is what the protest is for, not a second event. CAMEO codes one event, a
demonstration (14, "demonstrate for leadership change" 1411 and its kin) aimed at whom the demand
is made of. So a demand or appeal (CAMEO 10 or 02) at a verb with no subject of its own that is
the purpose or participle clause of a protest act (root 14) by the same state goes into that
protest: the protest takes the demand's addressee when it found none, and the demand is dropped
as part of it (``duplicate``).
"""

from __future__ import annotations

from dataclasses import replace

from extract.mission_protests import PROTEST_ROOT
from extract.nominal_speech_acts import ASKING_ROOTS
from extract.patterns import Candidate, Context, candidate_code
from extract.verb_forms import has_own_subject
from graph.model import DropReason, same_state

#: Arcs of a clause that gives the purpose or manner of the verb it hangs on.
_PURPOSE_ARCS = frozenset({"advcl", "xcomp"})
#: Drops of a protest that found its protesters but no one it is aimed at.
_NO_TARGET = frozenset({DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR})


def with_protest_demands(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates, with each demand made by a protest's purpose clause folded into the protest
    (see module doc)."""
    protests = {c.trigger.i: c for c in candidates
                if c.trigger.pos_ == "VERB" and candidate_code(c, ctx)[:2] == PROTEST_ROOT}
    if not protests:
        return candidates
    targets: dict[int, Candidate] = {}
    folded: list[Candidate] = []
    for candidate in candidates:
        protest = _protest_of(candidate, protests, ctx)
        if protest is None:
            folded.append(candidate)
            continue
        targets.setdefault(protest.trigger.i, candidate)
        folded.append(replace(candidate, drop=DropReason.DUPLICATE,
                              detail=f"what the protest '{protest.trigger.lemma_}' demands"))
    return [_aimed(c, targets) if c.trigger.i in targets and protests.get(c.trigger.i) is c else c for c in folded]


def _protest_of(candidate: Candidate, protests: dict[int, Candidate], ctx: Context) -> Candidate | None:
    """The protest whose purpose clause an emitted request is, made by the same state."""
    verb = candidate.trigger
    if candidate.drop is not None or not candidate.objects or candidate_code(candidate, ctx)[:2] not in ASKING_ROOTS:
        return None
    if verb.dep_ not in _PURPOSE_ARCS or has_own_subject(verb):
        return None
    protest = protests.get(verb.head.i)
    if protest is None or not protest.subjects:
        return None
    if not all(same_state(s, p) for s in candidate.subjects for p in protest.subjects):
        return None
    return protest


def _aimed(protest: Candidate, targets: dict[int, Candidate]) -> Candidate:
    """A protest that found no target, aimed at whom its demand is made of."""
    if protest.drop not in _NO_TARGET:
        return protest
    demand = targets[protest.trigger.i]
    return replace(protest, objects=demand.objects, drop=None, detail="", pairs=(), confidence=demand.confidence)

