"""A threat on condition that someone held be freed is aimed at whoever holds them.

"China warned of grave consequences if Meng was not released": a condition in the passive names
no one whose conduct it sets ("if it is attacked"), but a release is done by whoever holds the
person, so the threat is aimed at that holder: the agent of the earlier act that left the person
held (an arrest, detention or abduction the article told: ``requested_acts.holding_acts``, as for
"demanded his release"). A threat whose condition names its own agent ("unless Canada releases
her") is read where the condition is (extract/intended_threats.py). The verbs of release are
patient_acts.toml's ``releasing_verbs``.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of
from extract.event_memory import EventMemory
from extract.patterns import Candidate, Context, actors_of
from extract.requested_acts import aimed_at_latest_doers, holding_acts
from extract.threats import THREATEN_RELATION, condition_clauses
from graph.model import Actor, DropReason

#: The drops of a threat or warning whose object named no one.
_NO_TARGET = frozenset({DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR})


def released_patients(verb: Token, ctx: Context) -> list[Actor]:
    """The persons a condition on ``verb`` (or on the clause it governs) sets free in the passive
    with no agent ("if Meng was not released", "unless the sailors are freed"); empty otherwise."""
    holders = [verb, *(c for c in children_of(verb) if c.dep_ in ("xcomp", "ccomp"))]
    words = ctx.ontology.patient_acts
    patients: list[Actor] = []
    for clause in condition_clauses(holders, ctx.ontology.speech_acts.threats.condition_markers):
        if clause.lemma_.lower() not in words.releasing_verbs or any(c.dep_ == "agent" for c in children_of(clause)):
            continue
        for subject in (c for c in children_of(clause) if c.dep_ == "nsubjpass"):
            patients.extend(a for a in actors_of(subject, ctx) if a not in patients)
    return patients


def with_holder_of_release(candidate: Candidate, memory: EventMemory, sentence: int, ctx: Context) -> Candidate:
    """A threat with no target whose condition is someone's release, aimed at the holder told
    before (module docstring); the candidate as it was otherwise."""
    if candidate.drop not in _NO_TARGET or not candidate.subjects or candidate.relation != THREATEN_RELATION:
        return candidate
    if candidate.trigger.pos_ != "VERB":
        return candidate
    patients = released_patients(candidate.trigger, ctx)
    if not patients:
        return candidate
    return aimed_at_latest_doers(candidate, holding_acts(patients, memory, sentence, ctx), "release")
