"""The actors a noun's possessive pronoun stands for ("its partnership", "their commitments").

A rule of English: inside an adjunct that gives the reason for a clause's act ("citing its
partnership with India", "over their commitments to Kyiv"), a possessive pronoun refers back to the
clause's own subject; it says whose reason it is, and does not name an agent of the noun apart from
that subject the way a name would ("over Russia's annexation of Crimea"). The reason-adjunct rule
(extract/reason_adjuncts.py) asks for these actors to leave them out of the noun's own agents.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of
from extract.patterns import Context, actors_of
from graph.model import Actor

#: The fine tag of a possessive pronoun ("its", "their", "his", "her").
_POSSESSIVE_PRONOUN_TAG = "PRP$"


def pronoun_possessor_actors(noun: Token, ctx: Context) -> list[Actor]:
    """The actors the noun's possessive pronoun resolves to; [] when its possessor is a name or none."""
    return [actor for child in children_of(noun) if child.dep_ == "poss" and child.tag_ == _POSSESSIVE_PRONOUN_TAG
            for actor in actors_of(child, ctx)]
