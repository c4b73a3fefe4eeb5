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

A capitalised compass word with "the" ("the North", "the South") is a description too: it stands
for the latest state under discussion whose name it begins ("Kim ... the North" is North Korea;
"Seoul ... the South" is South Korea). With no such state it refers to nothing.
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
    COMPASS = "compass"  # "the North", "the South": a state whose name the word begins


def description_kind(token: Token, lexicon: Lexicon) -> DescriptionKind | None:
    """The kind of actor ``token`` refers back to, or None: a singular noun of the lexicon's
    description nouns with "the" and nothing that restricts it or places it as a setting."""
    tag = token.tag_
    lemma = token.lemma_.lower() if tag == "NN" else ""
    if tag == "NN" and lemma in lexicon.state_description_nouns:
        kind = DescriptionKind.STATE
    elif tag == "NN" and lemma in lexicon.organisation_description_nouns:
        kind = DescriptionKind.ORGANISATION
    elif tag == "NNP" and token.text.istitle() and token.lower_ in lexicon.compass_state_words:
        kind = DescriptionKind.COMPASS
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


def _fits(word: str, kind: DescriptionKind, actor: Actor) -> bool:
    """Whether an actor of the right kind also fits the description's head ``word`` (lower
    case): a compass word must begin the state's name ("the North": North Korea, not South Korea)."""
    if kind is not DescriptionKind.COMPASS:
        return True
    first_word = actor.name.split()[0].lower() if actor.name else ""
    return first_word == word


def description_referent(
    word: str, kind: DescriptionKind, recent_first: Iterable[Actor], excluded: Iterable[Actor],
    country_actor: Callable[[str], Actor | None],
) -> Actor | None:
    """The latest actor of ``kind`` that fits the description's head ``word`` (lower case) among
    ``recent_first`` (which runs back from the description) and is not one of ``excluded`` (the
    subjects of its own clause)."""
    left_out = {a.id for actor in excluded if (a := as_description_kind(actor, kind, country_actor)) is not None}
    for actor in recent_first:
        candidate = as_description_kind(actor, kind, country_actor)
        if candidate is not None and candidate.id not in left_out and _fits(word, kind, candidate):
            return candidate
    return None
