"""An act characterised by an adverbial "in" phrase: "In a rebuke to Washington, India bought more
Russian oil", "Japan skipped the summit in a snub to Beijing".

The rule of English: a noun of disapproval or rejection (a trigger of CAMEO root 11 or 12) heading
an "in" phrase that modifies a clause names what the clause's act amounts to; its doer is the
subject of that clause, and its object the party the noun's own phrase names ("to Washington").
The noun's patterns look for a subject on the noun itself and find none; this module gives it the
clause's."""

from __future__ import annotations

from dataclasses import replace

from extract.patterns import Candidate, Context, clause_subject, subject_actors
from graph.model import DropReason

#: Roots of the acts such a phrase characterises the clause as: disapprove (11), reject (12).
_CHARACTERISING_ROOTS = frozenset({"11", "12"})
#: The preposition of such a phrase.
_MANNER_PREPOSITION = "in"
#: How far a doer read through the phrase's clause is trusted, below a direct subject.
_CLAUSE_CONFIDENCE = 0.8


def with_clause_doer(candidate: Candidate, ctx: Context) -> Candidate:
    """A noun of disapproval or rejection in an "in" phrase on a clause, given the clause's subject
    as its doer when its patterns found none; else the candidate as it was."""
    noun = candidate.trigger
    if candidate.drop is not DropReason.NO_SUBJECT or noun.pos_ != "NOUN" or not candidate.objects:
        return candidate
    if ctx.ontology.relation(candidate.relation).cameo[:2] not in _CHARACTERISING_ROOTS:
        return candidate
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != _MANNER_PREPOSITION or prep.head.pos_ not in ("VERB", "AUX"):
        return candidate
    found = clause_subject(prep.head, ctx)
    subjects = tuple(a for a in subject_actors(found, ctx) if a not in candidate.objects)
    if found.blocked or not subjects:
        return candidate
    return replace(candidate, subjects=subjects, drop=None, detail="",
                   confidence=round(_CLAUSE_CONFIDENCE * (found.confidence or 1.0), 3))
