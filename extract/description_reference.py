"""Definite descriptions that refer back to one actor: "the alliance", "the bloc", "the group",
"the Gulf state", "the Central American nation".

A rule of English discourse: a definite noun phrase whose head names a kind of actor (a state or
an organisation: lexicon ``state_description_nouns``, ``organisation_description_nouns``) and that
names no actor of its own refers to the latest actor of that kind under discussion other than
the subject of its own clause ("Saudi Arabia cut ties with Qatar, accusing the Gulf state of
supporting terrorism"; "NATO met on Tuesday ... the alliance stood with Turkey"). Modifiers that
describe ("the oil-rich kingdom") are allowed; a restricting one ("the country that hosts the
talks", "the state of emergency") or a demonstrative ("this country", a speaker's own) is not a
reference back. A description in a setting ("across the country", "to leave the country") is left
alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from spacy.tokens import Token

from extract.ontology import Lexicon
from graph.model import Actor, ActorType

#: Arcs of a modifier that restricts the noun to something other than an actor just named.
_RESTRICTING_ARCS = frozenset({"relcl", "acl", "appos", "poss"})
#: Prepositions whose object is where something happens ("across the country"), not who acts.
_SETTING_PREPS = frozenset({"in", "at", "across", "throughout", "inside", "around", "within", "near"})


class DescriptionKind(StrEnum):
    """What a description's head noun names."""

    STATE = "state"  # country, nation, kingdom: a state, or a person or group as its state
    ORGANISATION = "organisation"  # alliance, bloc, group: an organisation


def description_kind(token: Token, lexicon: Lexicon) -> DescriptionKind | None:
    """The kind of actor ``token`` refers back to, or None: a singular noun of the lexicon's
    description nouns with "the" and nothing that restricts it or places it as a setting."""
    if token.tag_ != "NN":
        return None
    lemma = token.lemma_.lower()
    if lemma in lexicon.state_description_nouns:
        kind = DescriptionKind.STATE
    elif lemma in lexicon.organisation_description_nouns:
        kind = DescriptionKind.ORGANISATION
    else:
        return None
    determiners = [c.lower_ for c in token.children if c.dep_ == "det"]
    if determiners != ["the"]:
        return None
    for child in token.children:
        of_noun = child.dep_ == "prep" and child.lower_ == "of" and any(
            g.dep_ == "pobj" and g.tag_ != "VBG" for g in child.children)
        if child.dep_ in _RESTRICTING_ARCS or of_noun:  # "the state of emergency", not "the state of lying"
            return None
    if token.dep_ == "pobj" and token.head.lower_ in _SETTING_PREPS:
        return None
    if token.dep_ == "dobj" and token.head.lemma_.lower() in lexicon.leaving_verbs:
        return None  # "ordered the envoy to leave the country": where one is, not who acts
    return kind


def as_description_kind(
    actor: Actor, kind: DescriptionKind, country_actor: Callable[[str], Actor | None],
) -> Actor | None:
    """The actor a mention offers a description of ``kind``: an organisation itself; a state, or
    the state of a person, group or government."""
    if kind is DescriptionKind.ORGANISATION:
        return actor if actor.type is ActorType.ORGANIZATION else None
    if actor.type is ActorType.COUNTRY:
        return actor
    if actor.type in (ActorType.ORGANIZATION, ActorType.REGION) or actor.country is None:
        return None
    return country_actor(actor.country)


def description_referent(
    kind: DescriptionKind, recent_first: Iterable[Actor], excluded: Iterable[Actor],
    country_actor: Callable[[str], Actor | None],
) -> Actor | None:
    """The latest actor of ``kind`` among ``recent_first`` (which runs back from the description)
    that is not one of ``excluded`` (the subjects of the description's own clause)."""
    left_out = {a.id for actor in excluded if (a := as_description_kind(actor, kind, country_actor)) is not None}
    for actor in recent_first:
        candidate = as_description_kind(actor, kind, country_actor)
        if candidate is not None and candidate.id not in left_out:
            return candidate
    return None
