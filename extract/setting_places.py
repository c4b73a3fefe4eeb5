"""A state named as the setting of an act is not its doer.

A rule of English: a state or capital after "in", "at", "near" or "inside" says where something
happens ("ministers meeting in Abu Dhabi", "a statement issued in Doha", "talks in Geneva"), not who
acts. When no parse path gives a clause its subject and word order is asked for the nearest named
actor before the verb (``patterns.flanking_actors``), such a setting is passed over: "A statement by
the bloc, whose ministers met in Abu Dhabi, condemned the incursion" was not condemned by the UAE.
(The object side already leaves places out of verbal acts: ``patterns._in_argument_phrase``.)
"""

from __future__ import annotations

from spacy.tokens import Token

#: Prepositions that make their object where something happens.
SETTING_PREPOSITIONS = frozenset({"in", "at", "near", "inside"})


def names_setting(token: Token) -> bool:
    """Whether a name's head word is the object of a setting preposition ("in Abu Dhabi")."""
    return (token.dep_ == "pobj" and token.head.dep_ == "prep"
            and token.head.lower_ in SETTING_PREPOSITIONS)
