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

A noun that names an organisation only with a word for its scope before it (lexicon
``scoped_organisation_nouns``, ``organisation_scope_words``: "the world body", "the regional
body") is an organisation's description; "the body" alone is not.

A capitalised compass word with "the" ("the North", "the South") is a description too: it stands
for the latest state under discussion whose name it begins ("Kim ... the North" is North Korea;
"Seoul ... the South" is South Korea). With no such state it refers to nothing.

A noun naming a state by its relation to another ("its neighbour", "the ally", "Russia's rival":
lexicon ``relational_state_nouns``) refers to the latest state under discussion other than its
possessor and its clause's subjects.

A region word before the head ("the Central American nation", "the West African country")
describes one state of that region, never the region itself: the referent is the latest state
under discussion among the region's states (``regions.tsv`` column ``members``, from the UN M49
groupings), and with none such the description refers to nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from spacy.tokens import Token

from extract.block_index import BlockTokens, children_of
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
    RELATIONAL = "relational"  # "its neighbour", "the ally": a state other than its possessor


def description_kind(token: Token, lexicon: Lexicon, proper: bool = False) -> DescriptionKind | None:
    """The kind of actor ``token`` refers back to, or None: a singular noun of the lexicon's
    description nouns with "the" (a relational noun: or a possessor) and nothing that restricts it
    or places it as a setting; ``proper``: a capitalised state noun an epithet names ("the Islamic
    Republic", extract/epithets.py) counts as a common one."""
    tag = "NN" if proper else token.tag_
    lemma = token.lemma_.lower() if tag == "NN" else ""
    if tag == "NN" and lemma in lexicon.state_description_nouns:
        kind = DescriptionKind.STATE
    elif tag == "NN" and (lemma in lexicon.organisation_description_nouns
                          or (lemma in lexicon.scoped_organisation_nouns and _scoped(token, lexicon))):
        kind = DescriptionKind.ORGANISATION
    elif tag == "NNP" and token.text.istitle() and token.lower_ in lexicon.compass_state_words:
        kind = DescriptionKind.COMPASS
    elif tag == "NN" and lemma in lexicon.relational_state_nouns:
        kind = DescriptionKind.RELATIONAL
    else:
        return None
    determiners = [c.lower_ for c in children_of(token) if c.dep_ == "det"]
    possessed = kind is DescriptionKind.RELATIONAL and not determiners and relation_possessor(token) is not None
    if determiners != ["the"] and not possessed:
        return None
    charged = token.dep_ == "dobj" and token.head.lemma_.lower() in lexicon.accusing_verbs
    for child in children_of(token):
        # "the state of emergency" restricts; "accused the country of provocations" is the charge,
        # whatever the parse attached it to, as is "of lying"
        of_noun = child.dep_ == "prep" and child.lower_ == "of" and not charged and any(
            g.dep_ == "pobj" and g.tag_ != "VBG" for g in children_of(child))
        own_possessor = possessed and child.dep_ == "poss"
        if (child.dep_ in _RESTRICTING_ARCS and not own_possessor) or of_noun:
            return None
    if token.dep_ == "pobj" and token.head.lower_ in _SETTING_PREPS:
        return None
    if token.dep_ == "dobj" and token.head.lemma_.lower() in lexicon.leaving_verbs:
        return None  # "ordered the envoy to leave the country": where one is, not who acts
    return kind


def may_describe(tokens: BlockTokens, i: int, lexicon: Lexicon) -> bool:
    """Whether word ``i`` can be a description as ``description_kind`` reads one: a singular noun of
    the description nouns or a proper noun of the compass words; every other word is none, and is
    not looked at further."""
    tag = tokens.tags[i]
    if tag == "NN":
        lemma = tokens.lemmas[i]
        return (lemma in lexicon.state_description_nouns or lemma in lexicon.organisation_description_nouns
                or lemma in lexicon.scoped_organisation_nouns or lemma in lexicon.relational_state_nouns)
    return tag == "NNP" and tokens.lowers[i] in lexicon.compass_state_words


def _scoped(token: Token, lexicon: Lexicon) -> bool:
    """Whether a word naming an organisation's scope modifies ``token`` ("the world body")."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in lexicon.organisation_scope_words
               for c in children_of(token))


def relation_possessor(token: Token) -> Token | None:
    """The possessor of a relational noun ("its" of "its neighbour", "Russia" of "Russia's ally")."""
    return next((c for c in children_of(token) if c.dep_ == "poss"), None)


def as_description_kind(
    actor: Actor, kind: DescriptionKind, country_actor: Callable[[str], Actor | None],
) -> Actor | None:
    """The actor a mention offers a description of ``kind``: an organisation itself; a state, or
    the state of a person, group or government."""
    if kind is DescriptionKind.ORGANISATION:  # a named organisation, armed groups among them
        named_group = actor.type is ActorType.GROUP and actor.id.startswith("org:")
        return actor if actor.type is ActorType.ORGANIZATION or named_group else None
    if actor.type is ActorType.COUNTRY:  # a state, or a state named by its relation to another
        return actor
    if actor.type in (ActorType.ORGANIZATION, ActorType.REGION) or actor.country is None:
        return None
    return country_actor(actor.country)


def _fits(word: str, kind: DescriptionKind, actor: Actor, within: frozenset[str]) -> bool:
    """Whether an actor of the right kind also fits the description's head ``word`` (lower
    case): a compass word must begin the state's name ("the North": North Korea, not South Korea);
    a state described by its region must be one of the region's states ``within`` (ISO codes;
    empty when the description names no bounded region)."""
    if within and kind is DescriptionKind.STATE and actor.country not in within:
        return False
    if within and kind is DescriptionKind.ORGANISATION and actor.id not in within:
        return False  # "the alliance", "the council": an organisation of the epithet's kind
    if kind is not DescriptionKind.COMPASS:
        return True
    first_word = actor.name.split()[0].lower() if actor.name else ""
    return first_word == word


def description_referent(
    word: str, kind: DescriptionKind, recent_first: Iterable[Actor], excluded: Iterable[Actor],
    country_actor: Callable[[str], Actor | None], within: frozenset[str] = frozenset(),
) -> Actor | None:
    """The latest actor of ``kind`` that fits the description's head ``word`` (lower case) among
    ``recent_first`` (which runs back from the description) and is not one of ``excluded`` (the
    subjects of its own clause). A description qualified by a region ("the Central American
    nation") takes only a state ``within`` the region's states."""
    fitting = description_fitting(word, kind, excluded, country_actor, within)
    return next((candidate for actor in recent_first if (candidate := fitting(actor)) is not None), None)


def description_fitting(
    word: str, kind: DescriptionKind, excluded: Iterable[Actor],
    country_actor: Callable[[str], Actor | None], within: frozenset[str] = frozenset(),
) -> Callable[[Actor], Actor | None]:
    """What a named actor offers a description as a referent (``as_description_kind``), None when
    it is one of ``excluded`` or does not fit the head ``word`` (see ``description_referent``)."""
    left_out = {a.id for actor in excluded if (a := as_description_kind(actor, kind, country_actor)) is not None}

    def fitting(actor: Actor) -> Actor | None:
        candidate = as_description_kind(actor, kind, country_actor)
        if candidate is None or candidate.id in left_out or not _fits(word, kind, candidate, within):
            return None
        return candidate

    return fitting
