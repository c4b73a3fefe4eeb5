"""Taking territory, coded as CAMEO codes it: 192 "Occupy territory".

"Ukrainian forces captured the village of X from Russia", "Russian troops seized the town of Y",
"the rebels took control of the port", "Russia's capture of Z": a verb or noun of taking
(territory.toml) whose object names a place occupies territory. A place is a name the gazetteer
places in a state, a state's own name, or a settlement, territory or military position noun ("the
town of Y", "Armenian positions"). The object of the act is the party the place was taken from
("from X"), else the state the place lies in. Territory in no known state is dropped naming the place
(``unknown_place``); a state's forces taking a place of their own state (``self_loop``) and a business
taking over a port (``not_an_event``) occupy nothing. The same verbs with a person or a thing as
object keep the codes the ontology and the verb dictionary give them (arrest, abduction, seizure of
property). An occupation found at a word replaces the candidates the ordinary patterns made there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extract.block_index import children_of, conjuncts_of
from extract.gazetteer import Gazetteer
from extract.mentions import MentionKind
from extract.ontology import Trigger
from extract.patterns import (
    Candidate,
    Context,
    Found,
    Parties,
    actors_of,
    clause_subject,
    finish_candidate,
    noun_governor_subject,
    subject_actors,
)
from extract.spanning_acts import SpanningAct, distinct_actors, with_spanning_acts
from extract.speech_act_candidates import as_request, as_threat
from extract.territory_words import TerritoryWords
from extract.verb_forms import is_passive
from graph.model import Actor, ActorType, DropReason

#: CAMEO 192 "Occupy territory" (cameo_codes.tsv); its relation is looked up in the ontology.
OCCUPY_CODE = "192"
CONFIDENCE = 0.9
#: Sectors of the state itself: its government, army and police hold its own territory.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
_MODIFIER_ARCS = frozenset({"amod", "compound", "poss", "nmod"})
_DETERMINERS = frozenset({"the", "a", "an"})
#: Mentions that qualify a territory as a state's: its name or capital, its demonym, a group of its people.
_STATE_MENTIONS = frozenset({MentionKind.NAME, MentionKind.DEMONYM, MentionKind.CAPITAL, MentionKind.GROUP})


@dataclass(frozen=True)
class TakenPlace:
    """A place a verb of taking has as object: its token, how the text names it, and the actors it
    belongs to (the states it lies in, or an armed group holding a position); none when no
    gazetteer places it."""

    token: Token
    name: str
    holders: tuple[Actor, ...]


def with_territory_acts(
    tokens: Iterable[Token], candidates: list[Candidate], ctx: Context, gazetteer: Gazetteer
) -> list[Candidate]:
    """The candidates with every occupation of the tokens added in text order, and the candidates
    the ordinary patterns made at its verb turned into drops (``duplicate``): "captured the town"
    is no arrest. The gazetteer gives states' actors and places the recogniser did not tag."""
    # it spans the verb, and the word that made the act a threat or a request ("threatened to seize X")
    acts = [SpanningAct(act, frozenset({token.i, act.trigger.i}))
            for token in tokens for act in _occupation_at(token, ctx, gazetteer)]
    return with_spanning_acts(candidates, acts)


def _occupation_at(token: Token, ctx: Context, gazetteer: Gazetteer) -> Iterator[Candidate]:
    """The occupation at a verb of taking ("captured the town") or at its noun ("Russia's capture
    of the town"), if what it takes is a place."""
    words = ctx.ontology.territory
    if token.pos_ == "VERB":
        lemma = words.lemma(token.text, token.lemma_)
        if lemma not in words.control_verbs and lemma not in words.taking_verbs:
            return  # no verb of taking or of taking control
        passive = is_passive(token)
        through_control, object_tokens = _taken_tokens(token, lemma, passive, words)
        verb_lemma: str | None = None if through_control else lemma
    elif token.pos_ == "NOUN" and token.lemma_.lower() in words.taking_nouns and ctx.actor(token) is None:
        lemma, passive, verb_lemma = token.lemma_.lower(), False, None
        object_tokens = _of_objects(token)
    else:
        return
    places = [
        place for item in (c for t in object_tokens for c in _coordinated(t))
        if (place := _taken_place(item, verb_lemma, ctx, words, gazetteer)) is not None
    ]
    if places:
        subject_found = _taker(token, passive, ctx)
        yield _occupation(token, lemma, places, subject_found, ctx)


def _taker(trigger: Token, passive: bool, ctx: Context) -> Found:
    """Who takes: a verb's subject (the passive's agent); a noun's possessor or demonym ("Russia's
    capture of", "the Russian capture of"), its "by" agent, else the subject of the verb governing it."""
    by_agent = tuple(_prep_objects(trigger, frozenset({"by"})))
    if trigger.pos_ == "VERB":
        return Found(by_agent, 0.9) if passive else clause_subject(trigger, ctx)
    modifiers = tuple(c for c in children_of(trigger) if c.dep_ in _MODIFIER_ARCS and c.i < trigger.i and ctx.actor(c))
    if modifiers or by_agent:
        return Found(modifiers or by_agent, 0.85)
    return noun_governor_subject(trigger, ctx)


def _occupation(trigger: Token, lemma: str, places: list[TakenPlace], subject_found: Found,
                ctx: Context) -> Candidate:
    """The occupation of the places by the subject: from the party named after "from", else from
    the states they lie in; dropped with its reason when neither is known or the state is the
    subject's own."""
    words = ctx.ontology.territory
    relation = ctx.ontology.relation_for_code(OCCUPY_CODE).name
    subjects = subject_actors(subject_found, ctx)
    sources = distinct_actors(
        actor for holder in (trigger, *(p.token for p in places))
        for pobj in _prep_objects(holder, words.source_prepositions) for actor in actors_of(pobj, ctx)
    )
    name = ", ".join(place.name for place in places)
    attributes = [("place", name)]
    if subjects and all(subject.sector in words.civilian_taker_sectors for subject in subjects):
        # "a Chinese company took over the port of X": a purchase or a lease, no use of force
        return Candidate(trigger, relation, tuple(subjects), (), tuple(attributes), 0.0, DropReason.NOT_AN_EVENT,
                         f"taken over by {subjects[0].sector}: {name}")
    if not sources and not any(place.holders for place in places):
        # "seized the town of X": territory, but in no state any gazetteer knows
        return Candidate(trigger, relation, tuple(subjects), (), tuple(attributes), 0.0, DropReason.UNKNOWN_PLACE,
                         name)
    objects = sources or distinct_actors(
        holder for place in places for holder in place.holders
        if not subjects or not all(_holds_own(subject, holder) for subject in subjects)
    )
    if not objects:
        # "Ukrainian troops retook the city of X" (in Ukraine): who lost it is not said
        return Candidate(trigger, relation, tuple(subjects), (), tuple(attributes), 0.0, DropReason.SELF_LOOP,
                         f"own territory: {name}")
    pos = "VERB" if trigger.pos_ == "VERB" else "NOUN"
    used = frozenset(place.token.i for place in places)
    confidence = CONFIDENCE * (subject_found.confidence or 1.0)
    parties = Parties(tuple(subjects), subject_found, tuple(objects), used, True)
    candidate = finish_candidate(trigger, Trigger(lemma, pos, relation, None, (), None), parties, attributes,
                                 confidence, ctx)
    return as_threat(as_request(candidate, ctx), ctx)


def _taken_tokens(verb: Token, lemma: str, passive: bool, words: TerritoryWords) -> tuple[bool, list[Token]]:
    """What a verb of taking takes: the place of "took control of X" (and whether it came that
    way), else the direct object ("captured X", "took over X"; the passive's subject)."""
    object_arcs = ("nsubjpass",) if passive else ("dobj",)
    objects = [c for c in children_of(verb) if c.dep_ in object_arcs]
    if lemma in words.control_verbs:
        controlled = [
            place for noun in objects if noun.lemma_.lower() in words.control_nouns
            for place in _prep_objects(noun, words.control_prepositions)
        ]
        if controlled:
            return True, controlled
    if lemma not in words.taking_verbs:
        return False, []
    if lemma in words.directional_verbs and any(
        c.dep_ in ("prt", "prep") and c.lower_ in words.directional_particles for c in children_of(verb)
    ):
        return False, []  # "took Sudan off the list": moved, not taken
    if any(c.lemma_.lower() in words.control_nouns for c in objects):
        return False, []
    # "took over the city" parsed with "over" as a preposition
    objects += _prep_objects(verb, words.taking_particles) if not passive else []
    return False, objects


def _taken_place(
    token: Token, verb_lemma: str | None, ctx: Context, words: TerritoryWords, gazetteer: Gazetteer
) -> TakenPlace | None:
    """The place a token names as the object of a verb of taking (``verb_lemma``; None when taken
    through "control of", which takes positions too), or None when it names no place: a place the
    gazetteer knows, a state, or a territory noun with what locates it."""
    states = _located_states(token, ctx, gazetteer)
    if states:
        return TakenPlace(token, _name_span(token, ctx).text, tuple(states))
    if not words.is_territory(token.lemma_.lower(), verb_lemma):
        return None
    named = [name for pobj in _of_objects(token) for name in (pobj, *conjuncts_of(pobj)) if name.pos_ == "PROPN"]
    holders = distinct_actors([
        *(actor for child in children_of(token) if child.dep_ in _MODIFIER_ARCS and child.i < token.i
          for actor in _modifier_holders(child, ctx, gazetteer)),
        *(actor for name in named for actor in _located_states(name, ctx, gazetteer)),
        *(actor for holder in (token, *named)
          for pobj in _prep_objects(holder, words.locating_prepositions)
          for actor in _located_states(pobj, ctx, gazetteer)),
    ])
    return TakenPlace(token, _place_name(token, named, ctx), tuple(holders))


def _of_objects(token: Token) -> list[Token]:
    return [pobj for prep in children_of(token) if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in children_of(prep) if pobj.dep_ == "pobj"]


def _coordinated(token: Token) -> list[Token]:
    """An object and the objects coordinated with it, also where the parser hangs the second on
    the first one's name ("the city of X and the town of Y": "town" a conjunct of "X")."""
    items = [token, *conjuncts_of(token)]
    for item in list(items):
        items.extend(c for pobj in _of_objects(item) for c in conjuncts_of(pobj) if c.pos_ == "NOUN" and c not in items)
    return items


def _modifier_holders(child: Token, ctx: Context, gazetteer: Gazetteer) -> list[Actor]:
    """Whose a qualified territory is: a demonym or a state's name gives the state ("Ukrainian
    villages", "Russia's territory"), an organisation's name the organisation ("Hamas positions")."""
    mention = ctx.mentions.get(child.i)
    if mention is None:
        return []
    actor = mention.actor
    if mention.kind is MentionKind.NAME and actor.type is not ActorType.COUNTRY:
        return [actor]
    if mention.kind in _STATE_MENTIONS and actor.country:
        return [gazetteer.country_actor(actor.country)]
    return []


def _located_states(token: Token, ctx: Context, gazetteer: Gazetteer) -> list[Actor]:
    """The state a place name lies in ("Kherson", "of Robotyne", "in Ukraine"), or the state a
    state's name or capital names, if any gazetteer knows it. In a place's slot a name of the
    GeoNames list is that place even where the recogniser tagged it otherwise or not at all ("the
    city of X" names a city; no known actor may be named so)."""
    state = ctx.place_state(token)
    if state is not None and state.country is not None:
        return [gazetteer.country_actor(state.country)]
    mention = ctx.mentions.get(token.i)
    if mention is not None and mention.kind in (MentionKind.NAME, MentionKind.CAPITAL) and (
        mention.actor.type is ActorType.COUNTRY and mention.actor.country is not None
    ):
        return [gazetteer.country_actor(mention.actor.country)]
    if token.pos_ != "PROPN" or (mention is not None and not _is_unknown(mention.actor)):
        return []
    iso3 = gazetteer.places.get(_name_span(token, ctx).text)
    return [gazetteer.country_actor(iso3)] if iso3 is not None else []


def _name_span(token: Token, ctx: Context) -> Span:
    """The name a token ends: its mention, else the proper nouns compounded before it ("Nova X")."""
    mention = ctx.mentions.get(token.i)
    if mention is not None:
        return token.doc[mention.start : mention.end]
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].head == token:
        start -= 1
    return token.doc[start : token.i + 1]


def _is_unknown(actor: Actor) -> bool:
    """An organisation or person no gazetteer knows, made up from a name the recogniser tagged."""
    return actor.type in (ActorType.ORGANIZATION, ActorType.PERSON) and actor.country is None and (
        actor.cameo or "---")[:3] == "---"


def _place_name(token: Token, named: list[Token], ctx: Context) -> str:
    """How the text names the place: its own names ("the village of Robotyne": Robotyne), else the
    noun phrase without its determiner ("Armenian positions", "town")."""
    if named:
        return " and ".join(_name_span(name, ctx).text for name in named)
    start = token.left_edge.i
    while start < token.i and token.doc[start].lower_ in _DETERMINERS:
        start += 1
    return token.doc[start : token.i + 1].text


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [
        pobj for prep in children_of(token) if prep.dep_ in ("prep", "agent") and prep.lower_ in preps
        for pobj in children_of(prep) if pobj.dep_ == "pobj"
    ]


def _holds_own(subject: Actor, state: Actor) -> bool:
    """The subject is the state or acts for it (its government, army, police): a place of that
    state it takes is its own territory regained, no occupation of it."""
    if state.type is not ActorType.COUNTRY:
        return subject.id == state.id
    return subject.id == state.id or (subject.country == state.country and subject.sector in _STATE_SECTORS)


