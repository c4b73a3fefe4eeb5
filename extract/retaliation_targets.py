"""Whom a retaliation the text does not aim answers: "The Houthis vowed to retaliate".

A rule of meaning: to retaliate (to hit back, to take countermeasures, to respond under a warning)
is to answer a harm done to oneself. So a vow, threat, warning or statement that its subject will
retaliate, with no target named and no condition naming one ("vowed to retaliate", "said it would
hit back", "warned it would respond"), threatens the doers of the latest harm the article told done
to the subject's state: an act of verbal or material conflict (quad class 3 or 4) by another state,
told as done, in this sentence before it or the ``RETALIATION_WINDOW_SENTENCES`` before, else in
the story's own act (the harm a story opens with is what its later vows of revenge answer).
Different harms by doers of several states in that latest sentence leave the target unknown. A
negated retaliation ("said it would not retaliate") threatens no one. The verbs and nouns of
retaliating are addressed_requests.toml's (``conditional_retaliation``), read by
``is_retaliation``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from extract.addressed_requests import is_retaliation, is_retaliation_noun
from extract.block_index import children_of
from extract.event_memory import EventMemory, RememberedEvent
from extract.event_reference import REFERENCE_PAIRING
from extract.patterns import Candidate, Context
from extract.threats import THREATEN_RELATION
from graph.model import Actor, DropReason, same_state

#: How far back the harm may have been told: a retaliation is vowed close to what it answers.
RETALIATION_WINDOW_SENTENCES = 3
#: The target comes from discourse, not the parse: as certain as a reference back.
RETALIATION_CONFIDENCE = 0.6
#: Quad classes of a harm (verbal and material conflict).
_HARM_CLASSES = frozenset({3, 4})
#: The drops of a verb of vowing, threatening or warning whose object named no one else.
_NO_TARGET = frozenset({DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR, DropReason.SELF_LOOP})
#: Arcs of the clause a vow, threat or warning says the retaliation in.
_CLAUSE_ARCS = frozenset({"xcomp", "ccomp"})
#: Subordinators of a clause that is asked about or supposed, not announced.
_QUESTION_MARKS = frozenset({"whether", "if"})


def retaliation_clause(verb: Token, ctx: Context) -> Token | None:
    """The retaliation a verb of threat, warning, intention or statement announces: its affirmed
    clause of retaliating ("vowed to retaliate", "warned it would respond"; not a question, "asked
    whether it would strike back"), or its object noun of retaliation ("vowed revenge"); None
    for any other verb or clause."""
    threats = ctx.ontology.speech_acts.threats
    lemma = verb.lemma_.lower()
    if not (lemma in threats.verbs or lemma in threats.warning_verbs or lemma in threats.intention_verbs
            or lemma in threats.stating_verbs):
        return None
    words = ctx.ontology.addressed_requests
    for child in children_of(verb):
        if child.dep_ == "dobj" and is_retaliation_noun(child, words):
            return child
        if (child.dep_ in _CLAUSE_ARCS and child.pos_ == "VERB" and not _negated(child) and not _asked(child)
                and is_retaliation(child, words, lemma in threats.warning_verbs)):
            return child
    return None


def _asked(clause: Token) -> bool:
    """A clause asked about or supposed ("whether it would strike back", "if it retaliates")."""
    return any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in children_of(clause))


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in children_of(verb))


def with_retaliation_target(candidate: Candidate, memory: EventMemory, sentence: int, ctx: Context) -> Candidate:
    """A vow, threat, warning or statement of retaliation that named no target, as a threat
    against the doer of the latest harm done to its subject's state (module docstring); the
    candidate as it was otherwise."""
    if not candidate.subjects or THREATEN_RELATION not in ctx.ontology.relations:
        return candidate
    subject = candidate.subjects[0]
    if not all(same_state(subject, other) for other in candidate.subjects[1:]):
        return candidate
    # "warned it would respond": the warning's own object is its speaker, a self-loop
    self_aimed = candidate.drop is None and all(same_state(o, subject) for _, o in candidate.actor_pairs())
    if candidate.drop not in _NO_TARGET and not self_aimed:
        return candidate
    if candidate.trigger.pos_ != "VERB" or retaliation_clause(candidate.trigger, ctx) is None:
        return candidate
    doers = harm_doers(subject, memory, sentence, ctx)
    if not doers:
        return candidate
    attributes = tuple(sorted({*candidate.attributes, ("topic", "retaliation")}))
    return replace(candidate, relation=THREATEN_RELATION, objects=doers, attributes=attributes,
                   confidence=RETALIATION_CONFIDENCE, drop=None, detail="", pairs=(), pairing=REFERENCE_PAIRING)


def harm_doers(victim: Actor, memory: EventMemory, sentence: int, ctx: Context) -> tuple[Actor, ...]:
    """The doers of the latest harm told done to ``victim``'s state by another state, within the
    window, else in the story's own act (``EventMemory.lede``): the doers of that one act, jointly
    ("the United States and Britain launched strikes"); none when there is none, or when the
    latest sentence with one tells harms of different doers' states by different words."""
    if not victim.country:
        return ()
    window = [event for event in memory.recent(sentence, RETALIATION_WINDOW_SENTENCES) if _harms(event, victim, ctx)]
    told = window or [event for event in reversed(memory.lede) if _harms(event, victim, ctx)]
    if not told:
        return ()
    latest = [event for event in told if event.sentence == told[0].sentence]
    if len({event.trigger for event in latest}) > 1 and len({d.country or d.id for d in _doers(latest)}) > 1:
        return ()
    return _doers(latest)


def _harms(event: RememberedEvent, victim: Actor, ctx: Context) -> bool:
    """Whether ``event`` is a harm told done to ``victim``'s state by another state."""
    return (event.done and event.object is not None and same_state(event.object, victim)
            and not same_state(event.subject, victim)
            and ctx.ontology.relation(event.relation).quad_class in _HARM_CLASSES)


def _doers(events: list[RememberedEvent]) -> tuple[Actor, ...]:
    return tuple(dict.fromkeys(event.subject for event in reversed(events)))  # in text order
