"""A state's protest is an official complaint, not a demonstration (CAMEO practice).

CAMEO keeps root 14 (PROTEST) for dissent: demonstrations, rallies, boycotts, strikes. When a state
or its government protests ("Greece protested to Turkey over the overflights", "China protested
strongly against the arms sale", "the Philippines protested China's construction"), it makes an
official complaint: 114 "Complain officially" under root 11 (the OEDA dictionary codes "protest
decision", "protest strongly" and "official protest" 114, "lodge protest" 110). The rule of English
and wire news: the verb "protest" whose every subject is a state, or a person or body acting for
its government (sector GOV), names a diplomatic protest."""

from __future__ import annotations

from dataclasses import replace

from extract.patterns import Candidate, Context
from graph.model import Actor, ActorType

#: The relation of a demonstration against someone (CAMEO 140), and of an official complaint (114).
DEMONSTRATION_RELATION = "PROTEST_AGAINST"
OFFICIAL_COMPLAINT_CODE = "114"
#: The verb whose sense turns on who protests.
_PROTEST_VERB = "protest"
_GOVERNMENT_SECTOR = "GOV"


def acts_for_a_government(actor: Actor) -> bool:
    """A state itself, or an actor the text places in a state's government (sector GOV)."""
    return actor.type is ActorType.COUNTRY or (actor.country is not None and actor.sector == _GOVERNMENT_SECTOR)


def as_official_protest(candidate: Candidate, ctx: Context) -> Candidate:
    """The candidate of the verb "protest" re-coded as an official complaint (114) when every
    subject acts for a government; else as it was."""
    trigger = candidate.trigger
    if (candidate.relation != DEMONSTRATION_RELATION or trigger.pos_ != "VERB"
            or trigger.lemma_.lower() != _PROTEST_VERB or not candidate.subjects):
        return candidate
    if not all(acts_for_a_government(actor) for actor in candidate.subjects):
        return candidate
    relation = ctx.ontology.relation_for_code(OFFICIAL_COMPLAINT_CODE)
    return replace(candidate, relation=relation.name)
