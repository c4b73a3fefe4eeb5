"""Requests and reactions about an act done to someone are aimed at its doer, not its patient.

"The EU demanded the release of the jailed activist", "Washington called for X's release",
"Britain voiced concern about the journalist's treatment": what is asked for or complained about
is done by whoever holds or treats the person, so the request (CAMEO 02, 10) or reaction
(``event_reference.reaction_roots``: 05 praise, 11 criticism, 14 protest ...) is aimed at that
doer. Who it is (extract/patient_acts.py): a "by" phrase, the possessor beside an "of" object, a
"from" phrase of handing over, the holder a clause on the patient names ("detained by China",
"held in Iranian custody"), the state where a state's act takes place; else, in the pipeline, the
agent of an earlier act the noun refers to ("Russia detained the activist ... demanded his
release"). When none is named, the candidate is dropped as ``patient_of_requested_act`` rather
than aimed at the patient.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from extract.block_index import children_of, conjuncts_of
from extract.envoys import is_envoy
from extract.event_memory import EventMemory, RememberedEvent
from extract.event_reference import REFERENCE_PAIRING, find_referent, is_referring_noun, reaction_relation
from extract.patient_acts import act_roles
from extract.patterns import Candidate, Context, actors_of, modifier_actors
from graph.model import Actor, ActorType, DropReason, same_state

#: CAMEO roots of requests: appeals (02) and demands (10).
REQUEST_ROOTS = frozenset({"02", "10"})
#: Prepositions through which a request or reaction names what it is about: "called for X's
#: release", "concern about", "protested over", "objected to".
_ABOUT_PREPS = ("for", "about", "over", "against", "at", "to", "into", "on")
#: Drops of a request or reaction whose object named no actor: it may still name an act's doer.
_OBJECT_MISSING = frozenset({DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR, DropReason.UNQUALIFIED_AGENT})
#: A doer read from the act's own phrase is as certain as a noun's own pairing; one read from an
#: earlier sentence as certain as a reference back.
DOER_CONFIDENCE = 0.8
REMEMBERED_DOER_CONFIDENCE = 0.6
#: How many sentences back the holder of a person whose release is asked may have been named.
HOLDER_WINDOW_SENTENCES = 1


def requested_act(trigger: Token, ctx: Context) -> Token | None:
    """The noun of an act done to someone that a request or reaction at ``trigger`` is about: its
    direct object or the object of an "about" preposition on it ("demanded the release of X",
    "called for X's release", "concern about X's treatment"); None if there is none."""
    tokens = [c for c in children_of(trigger) if c.dep_ == "dobj"]
    tokens += [g for c in children_of(trigger) if c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS
               for g in children_of(c) if g.dep_ == "pobj"]
    words = ctx.ontology.patient_acts
    return next((t for t in tokens if words.is_patient_act(t)), None)


def _is_about_act(candidate: Candidate, ctx: Context) -> bool:
    """A request or reaction, in the sense its verb takes with an act as its object."""
    lemma = candidate.trigger.lemma_.lower()
    relation = ctx.ontology.event_object_senses.get(lemma, candidate.relation)
    roots = REQUEST_ROOTS | ctx.ontology.reaction_roots
    return ctx.ontology.relation(relation).cameo[:2] in roots or \
        ctx.ontology.relation(candidate.relation).cameo[:2] in roots


def _actors(tokens: tuple[Token, ...], ctx: Context) -> list[Actor]:
    found: list[Actor] = []
    for token in tokens:
        found.extend(a for a in actors_of(token, ctx) or modifier_actors(token, ctx) if a not in found)
    return found


def _place_states(tokens: tuple[Token, ...], ctx: Context) -> list[Actor]:
    """The states of places: a country named, or the state containing a named place."""
    found: list[Actor] = []
    for token in tokens:
        for item in (token, *conjuncts_of(token)):
            states = [a for a in actors_of(item, ctx) if a.type is ActorType.COUNTRY]
            state = ctx.place_state(item)
            found.extend(a for a in (*states, *([state] if state is not None else [])) if a not in found)
    return found


def _sent_envoys(noun: Token, patients: tuple[Token, ...], ctx: Context) -> tuple[Token, ...]:
    """The envoys among the patients of an act their own state does to them ("the return of the
    Saudi ambassador")."""
    if noun.lemma_.lower() not in ctx.ontology.patient_acts.sender_acts:
        return ()
    return tuple(t for t in patients if is_envoy(t, ctx))


def patient_actors(noun: Token, ctx: Context) -> list[Actor]:
    """The actors the patients of an act noun name ("the release of Japanese fishermen": Japan's
    fishermen); an envoy its own state sends back is none."""
    patients = act_roles(noun, ctx.ontology.patient_acts).patients
    envoys = _sent_envoys(noun, patients, ctx)
    return _actors(tuple(t for t in patients if t not in envoys), ctx)


def act_doers(noun: Token, ctx: Context) -> list[Actor]:
    """The actors the act noun's phrase names as its doer or the holder of its patient, and the
    state of an envoy it sends back."""
    roles = act_roles(noun, ctx.ontology.patient_acts)
    doers = _actors(roles.doers, ctx)
    doers.extend(a for a in _place_states(roles.places, ctx) if a not in doers)
    doers.extend(a for a in _actors(_sent_envoys(noun, roles.patients, ctx), ctx) if a not in doers)
    return doers


def aimed_at_doer(candidate: Candidate, ctx: Context) -> Candidate:
    """A request or reaction about an act done to someone (``requested_act``), re-aimed from the
    act's patients at its doer when its phrase names one, dropped as ``patient_of_requested_act``
    when it would otherwise be aimed at a patient or at nobody; other objects it names stay ("the
    release of X from the United States"). The candidate as it was for any other candidate."""
    if not candidate.subjects or (candidate.drop is not None and candidate.drop not in _OBJECT_MISSING):
        return candidate
    if not _is_about_act(candidate, ctx):
        return candidate
    noun = requested_act(candidate.trigger, ctx)
    if noun is None:
        return candidate
    roles = act_roles(noun, ctx.ontology.patient_acts)
    if not (roles.patients or roles.doers or roles.places):
        return candidate  # "welcomed the expulsions": a reference back (extract/event_reference.py)
    patients = patient_actors(noun, ctx)
    if candidate.drop is None and not any(o in patients for o in candidate.objects):
        return candidate  # aimed at someone the act's phrase does not name as its patient
    if candidate.drop is None and _names_its_target(candidate, ctx):
        return candidate  # "criticised Croatia over the treatment of its minority": the verb names whom
    kept = [o for o in candidate.objects if o not in patients]
    doers = [a for a in act_doers(noun, ctx) if a not in kept]
    objects = tuple(a for a in (*doers, *kept) if not any(same_state(a, s) for s in candidate.subjects))
    lemma = noun.lemma_.lower()
    # the verb in the sense it takes with an act as its object ("welcomed the return": praise, no hosting)
    relation = ctx.ontology.event_object_senses.get(candidate.trigger.lemma_.lower(), candidate.relation) \
        if candidate.trigger.pos_ == "VERB" else candidate.relation
    if not objects and candidate.drop is not None and reaction_relation(candidate, ctx) is not None \
            and is_referring_noun(noun, ctx):
        return candidate  # "condemned the arrest of the activist": a reference back (extract/event_reference.py)
    if not objects:
        detail = f"'{lemma}' is done to its possessor or 'of' object; no doer named"
        return Candidate(candidate.trigger, relation, candidate.subjects, (), candidate.attributes, 0.0,
                         DropReason.PATIENT_OF_REQUESTED_ACT, detail)
    attributes = tuple(sorted({*candidate.attributes, ("topic", lemma)}))
    confidence = candidate.confidence if candidate.drop is None else round(DOER_CONFIDENCE * 0.9, 3)
    return replace(candidate, relation=relation, objects=objects, attributes=attributes, confidence=confidence,
                   drop=None, detail="", pairs=())


def _names_its_target(candidate: Candidate, ctx: Context) -> bool:
    """A verb whose direct object names the actor it is aimed at ("criticised Croatia over ..."):
    an act in an adjunct gives the reason, not the target."""
    trigger = candidate.trigger
    return trigger.pos_ == "VERB" and any(
        actor in candidate.objects for c in children_of(trigger) if c.dep_ == "dobj" for actor in actors_of(c, ctx))


def doer_from_memory(candidate: Candidate, memory: EventMemory, sentence: int, ctx: Context) -> Candidate:
    """A request or reaction dropped as ``patient_of_requested_act``, aimed at the agent of the
    earlier act its noun refers to: an act told with the noun's word or verb (``find_referent``:
    "Russia released X ... welcomed the release"), else, for an act ending custody ("demanded his
    release"), the agent of an act of holding the same person within the reference window, or
    anyone of its state in this or the previous sentence ("Russia detained the activist"). The act must
    have been done to the patient's state, if both name one. The candidate as it was otherwise."""
    if candidate.drop is not DropReason.PATIENT_OF_REQUESTED_ACT:
        return candidate
    noun = requested_act(candidate.trigger, ctx)
    if noun is None:
        return candidate
    words = ctx.ontology.patient_acts
    patients = patient_actors(noun, ctx)
    events = [e for e in find_referent(noun, memory, sentence, ctx).events if _done_to(e, patients)]
    if not events and noun.lemma_.lower() in words.ending_custody:
        events = holding_acts(patients, memory, sentence, ctx)
    return aimed_at_latest_doers(candidate, events, noun.lemma_.lower())


def aimed_at_latest_doers(candidate: Candidate, events: list[RememberedEvent], topic: str) -> Candidate:
    """The candidate aimed at the doers of the latest act of ``events`` (latest first; one act told
    of several doers is theirs jointly), those of its subjects' states left out; the candidate as
    it was when none is left."""
    if not events:
        return candidate
    latest = [e for e in events if (e.sentence, e.trigger) == (events[0].sentence, events[0].trigger)]
    doers = tuple(dict.fromkeys(e.subject for e in latest
                                if not any(same_state(e.subject, s) for s in candidate.subjects)))
    if not doers:
        return candidate
    attributes = tuple(sorted({*candidate.attributes, ("topic", topic)}))
    return replace(candidate, objects=doers, attributes=attributes, confidence=REMEMBERED_DOER_CONFIDENCE,
                   drop=None, detail="", pairs=(), pairing=REFERENCE_PAIRING)


def holding_acts(patients: list[Actor], memory: EventMemory, sentence: int, ctx: Context) -> list[RememberedEvent]:
    """The earlier acts that left ``patients`` held (``holding.codes``), latest first: of the very
    persons named, within the reference window; else of anyone of the patients' state told in
    this or the previous sentence."""
    held_acts = [e for e in memory.recent(sentence)
                 if ctx.ontology.relation(e.relation).cameo[:3] in ctx.ontology.patient_acts.holding_codes]
    return [e for e in held_acts if e.object is not None and e.object.id in {p.id for p in patients}] or [
        e for e in held_acts if sentence - e.sentence <= HOLDER_WINDOW_SENTENCES and _done_to(e, patients)]


def _done_to(event: RememberedEvent, patients: list[Actor]) -> bool:
    """The earlier act may have been done to the patients: either side names no state, or they share one."""
    if event.object is None or not patients:
        return True
    return any(same_state(event.object, p) for p in patients)
