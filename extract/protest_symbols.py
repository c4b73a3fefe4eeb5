"""Protest acts aimed through symbols: "burned Israeli and American flags", "burned an effigy of the
French president", "carried placards denouncing France".

CAMEO practice (141, demonstrate or rally; the OEDA dictionary codes BURN * FLAG, BURN * EFFIGY as
141): destroying or dishonouring the symbols of a state (its flag, its leader's portrait or effigy)
is a demonstration against that state, and a sign carried or a slogan chanted against a party is a
demonstration against that party. The subject protests; its own state comes from its demonym or
place as for any agent (``extract.event_location``), and a state's soldiers or police tearing down a
flag are not protesting. An act found at a verb replaces the candidates the ordinary patterns made
at the verbs it spans (burning a flag is not an attack; the denouncing placard is not the crowd's
own criticism). The words are in protest_symbols.toml.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of, conjuncts_of
from extract.data_tables import load_word_table
from extract.gazetteer import Gazetteer
from extract.patterns import Candidate, Context, Found, actors_of, clause_subject, modifier_actors, subject_actors
from extract.spanning_acts import SpanningAct, distinct_actors, with_spanning_acts
from extract.verb_forms import is_passive
from graph.model import Actor, ActorType, DropReason

#: CAMEO code of the act (cameo_codes.tsv: 141 demonstrate or rally, under the ontology's PROTEST_AGAINST).
PROTEST_CODE = "141"
#: A symbol act is read off the verb and its object: as certain as a dictionary pattern.
CONFIDENCE = 0.9
#: Arcs on which the parser hangs a verb's particle or preposition ("tore down", "trampled on", "set alight").
_PARTICLE_ARCS = frozenset({"prt", "prep", "advmod", "dative"})


class ProtestSymbolsError(ValueError):
    """protest_symbols.toml is missing or malformed."""


@dataclass(frozen=True)
class SymbolWords:
    """The words of protest_symbols.toml (see its comments)."""

    symbol_nouns: frozenset[str]
    desecrating_verbs: frozenset[str]
    sign_nouns: frozenset[str]
    carrying_verbs: frozenset[str]
    denouncing_verbs: frozenset[str]
    against_prepositions: frozenset[str]
    state_force_sectors: frozenset[str]


def load_symbol_words(path: Path) -> SymbolWords:
    """Read protest_symbols.toml; a malformed file raises a one-line ``ProtestSymbolsError`` naming it."""
    words = load_word_table(path, ProtestSymbolsError, "words")
    return SymbolWords(
        words("symbol_nouns"), words("desecrating_verbs"), words("sign_nouns"), words("carrying_verbs"),
        words("denouncing_verbs"), words("against_prepositions"),
        frozenset(w.upper() for w in words("state_force_sectors")),
    )


def with_symbol_protests(
    tokens: Iterable[Token], candidates: list[Candidate], ctx: Context, words: SymbolWords, gazetteer: Gazetteer,
) -> list[Candidate]:
    """The candidates with every protest through symbols added in text order, and the candidates the
    ordinary patterns made at the verbs an act spans turned into drops (``duplicate``)."""

    def country_actor(iso3: str) -> Actor | None:
        return gazetteer.country_actor(iso3) if iso3 in gazetteer.countries else None

    acts = [act for token in tokens if token.pos_ == "VERB"
            if (act := symbol_act(token, ctx, words, country_actor)) is not None]
    return with_spanning_acts(candidates, acts)


def symbol_act(
    verb: Token, ctx: Context, words: SymbolWords, country_actor: Callable[[str], Actor | None],
) -> SpanningAct | None:
    """The protest at ``verb``: a desecrating verb on a symbol of a state ("burned French flags"),
    aimed at the owner's state, or a carrying verb on a sign against a party ("carried placards
    denouncing France", "chanted slogans against the president"), aimed at that party; None when the
    verb is neither, the symbol has no owner, or a state's force acts."""
    owners = _desecrated_owners(verb, ctx, words)
    targets = [state for actor in owners if (state := _state_of(actor, country_actor)) is not None]
    spans: set[int] = set()
    if not owners:
        targets, spans = _denounced(verb, ctx, words)
    states = distinct_actors(targets)
    if not states:
        return None
    found = _agent(verb, ctx)
    subjects = subject_actors(found, ctx)
    if any(a.type is not ActorType.COUNTRY and (a.sector or "") in words.state_force_sectors for a in subjects):
        return None
    relation = ctx.ontology.relation_for_code(PROTEST_CODE).name
    if not subjects:
        reason = DropReason.NO_SUBJECT
        if found.tokens:
            reason = DropReason.UNRESOLVED_REFERENCE
        if any(ctx.is_unqualified_agent(t) for t in found.tokens):
            reason = DropReason.UNQUALIFIED_AGENT  # "protesters burned flags": whose protesters?
        candidate = Candidate(verb, relation, (), tuple(states), (), 0.0, reason, verb.lemma_)
    else:
        confidence = round(CONFIDENCE * (found.confidence or 1.0), 3)
        candidate = Candidate(verb, relation, tuple(subjects), tuple(states), (), confidence)
    return SpanningAct(candidate, frozenset({verb.i, *spans}))


# -- what is acted on ---------------------------------------------------------------------------
def _verb_words(verb: Token) -> set[str]:
    """The verb's lemma, and with each of its particles or prepositions ("tear down", "trample on")."""
    lemma = verb.lemma_.lower()
    return {lemma, *(f"{lemma} {c.lower_}" for c in children_of(verb) if c.dep_ in _PARTICLE_ARCS)}


def _patients(verb: Token, phrases: frozenset[str]) -> list[Token]:
    """What the verb acts on, with its conjuncts: its direct object (in the passive its subject), or
    the object of a preposition the verb's phrase takes ("trampled on flags")."""
    deps = ("nsubjpass",) if is_passive(verb) else ("dobj",)
    lemma = verb.lemma_.lower()
    direct = [c for c in children_of(verb) if c.dep_ in deps]
    prepositional = [g for c in children_of(verb) if c.dep_ == "prep" and f"{lemma} {c.lower_}" in phrases
                     for g in children_of(c) if g.dep_ == "pobj"]
    return [t for head in direct + prepositional for t in (head, *conjuncts_of(head))]


def _desecrated_owners(verb: Token, ctx: Context, words: SymbolWords) -> list[Actor]:
    """The owners of the symbols a desecrating verb acts on: "Israeli and American flags" (its
    qualifiers), "an effigy of the French president" (its "of" phrase)."""
    if not _verb_words(verb) & words.desecrating_verbs:
        return []
    owners: list[Actor] = []
    symbols = [t for t in _patients(verb, words.desecrating_verbs) if t.lemma_.lower() in words.symbol_nouns]
    for symbol in symbols:
        owners += modifier_actors(symbol, ctx)
        for owner in _of_objects(symbol):
            owners += actors_of(owner, ctx) or modifier_actors(owner, ctx)
            # "pictures of the US president and Israeli flags": the parser may hang a second symbol
            # on the owner; a symbol is no owner of a picture, it is burned too
            symbols += [c for c in conjuncts_of(owner) if c.lemma_.lower() in words.symbol_nouns and c not in symbols]
    return owners


def _of_objects(noun: Token) -> Iterator[Token]:
    for prep in children_of(noun):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            yield from (g for g in children_of(prep) if g.dep_ == "pobj")


def _denounced(verb: Token, ctx: Context, words: SymbolWords) -> tuple[list[Actor], set[int]]:
    """The parties the signs a carrying verb acts on are against: "placards denouncing France"
    (the participle's object; its verb is spanned), "banners against Turkey"."""
    if verb.lemma_.lower() not in words.carrying_verbs or is_passive(verb):
        return [], set()
    targets: list[Actor] = []
    spans: set[int] = set()
    for sign in _patients(verb, frozenset()):
        if sign.lemma_.lower() not in words.sign_nouns:
            continue
        for child in children_of(sign):
            if child.dep_ == "acl" and child.lemma_.lower() in words.denouncing_verbs:
                objects = [g for g in children_of(child) if g.dep_ == "dobj"]
                targets += [a for o in objects for a in actors_of(o, ctx)]
                spans.add(child.i)
            elif child.dep_ == "prep" and child.lower_ in words.against_prepositions:
                targets += [a for g in children_of(child) if g.dep_ == "pobj" for a in actors_of(g, ctx)]
    return targets, spans


def _state_of(actor: Actor, country_actor: Callable[[str], Actor | None]) -> Actor | None:
    """Whom a symbol's owner stands for: a state or an organisation itself; a person or group its
    state ("a portrait of the Chinese president": China)."""
    if actor.type in (ActorType.COUNTRY, ActorType.ORGANIZATION):
        return actor
    if actor.country is None or actor.type is ActorType.REGION:
        return None
    return country_actor(actor.country)


# -- who acts -----------------------------------------------------------------------------------
def _agent(verb: Token, ctx: Context) -> Found:
    """Who protests: the clause subject, or in the passive the "by" agent ("flags were burned by
    students in Amman")."""
    if is_passive(verb):
        agents = [g for c in children_of(verb) if c.dep_ == "agent" for g in children_of(c) if g.dep_ == "pobj"]
        return Found(tuple(agents), 0.9)
    return clause_subject(verb, ctx)


