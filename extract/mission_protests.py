"""A protest held at a foreign state's mission is aimed at that state.

"Kenyans held a demonstration in Nairobi outside the Ugandan embassy", "students protested in
front of the French embassy": a protest (CAMEO root 14) told with a place phrase of standing
("outside", "at", "in front of": lexicon ``at_prepositions``) whose place is a named state's
diplomatic mission is aimed at the state that sends the mission, whatever else the clause offers
(the city it stands in names where, not whom). The phrase may hang on the verb, on the protest
noun the verb holds, or on the verb that holds the protest noun ("held a protest in Basra [outside
the consulate]"). Protesters of the mission's own state are not turned on their own state.
extract/envoys.py reads the same phrase for protester nouns gathering at a mission; this reads it
for every protest the patterns found.
"""

from __future__ import annotations

from dataclasses import replace

from extract.block_index import children_of
from extract.envoys import places_at
from extract.patterns import Candidate, Context, candidate_code, mission_senders
from graph.model import same_state

#: CAMEO's root of protests.
PROTEST_ROOT = "14"
_HELD_NOUN_DEPS = frozenset({"dobj", "nsubjpass"})


def with_mission_target(candidate: Candidate, ctx: Context) -> Candidate:
    """The protest candidate aimed at the state of the foreign mission it is held at; the candidate
    as it was when it is no protest, names no mission, or its mission is the protesters' own."""
    if candidate.drop is not None or candidate.pairs or not candidate.subjects:
        return candidate
    if not candidate_code(candidate, ctx).startswith(PROTEST_ROOT):
        return candidate
    trigger = candidate.trigger
    # the verb and the protest noun it holds, whichever the trigger is ("held [a protest] outside X")
    words = [trigger, *(noun for noun in children_of(trigger) if noun.dep_ in _HELD_NOUN_DEPS)]
    if trigger.dep_ in _HELD_NOUN_DEPS and trigger.head.pos_ == "VERB":
        words.append(trigger.head)
    places = [place for word in words for place in places_at(word, ctx)]
    senders = [actor for place in places for actor in mission_senders(place, ctx)
               if not any(same_state(actor, subject) for subject in candidate.subjects)]
    if not senders or set(senders) == set(candidate.objects):
        return candidate
    return replace(candidate, objects=tuple(dict.fromkeys(senders)))
