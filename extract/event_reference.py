"""Reactions to an event named by a definite event noun: "the European Union condemned the attack".

A definite event noun with no participant of its own ("the attack", "the decision") refers back
to an event the article has already reported ("Hamas gunmen attacked Israeli towns ..."). CAMEO
codes the reaction against that event's agent: the EU CRITICIZE Hamas. The pipeline remembers an
article's events as it emits them (``EventMemory``); ``resolve_reaction`` turns a reaction whose
object named no actor into an event against the referred event's agent.

A definite noun of a statement ("the claim", "these remarks", "the allegations") refers back to
what someone said: the reaction ("India rejected the claim") is aimed at the latest speaker of
another state, the subject of a speech verb (``sentence_speakers``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Token

from extract.patterns import Candidate, Context
from graph.model import Actor, DropReason, Event

REFERENCE_PAIRING = "event_reference"
#: Below the dependency path (at most 0.9), above the word-order back-off (0.5): the actors come
#: from the parse, the referent from discourse.
REFERENCE_CONFIDENCE = 0.6
#: How many sentences back a definite event noun may refer (the sentence of the reaction counts
#: as 0): news reports a reaction close to the event it answers, and the further back, the more
#: likely another event of the kind, not reported in the article, is meant.
REFERENCE_WINDOW_SENTENCES = 5
_DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
#: Arcs that leave a noun's own phrase: a coordinated noun is another object.
_OTHER_PHRASE = frozenset({"conj", "cc"})


@dataclass(frozen=True)
class RememberedEvent:
    """What a later definite event noun can refer to: an event emitted earlier in the article."""

    relation: str
    trigger: str
    subject: Actor
    object: Actor
    reciprocal: bool
    sentence: int

    @staticmethod
    def of(event: Event, sentence: int) -> RememberedEvent:
        return RememberedEvent(event.relation.name, event.trigger, event.subject, event.object,
                               event.relation.reciprocal, sentence)


@dataclass(frozen=True)
class Speaker:
    """The subject of a speech verb: who said what a later "the claim" refers to."""

    actor: Actor
    sentence: int
    token: int  # the speech verb's index in its block, to order speakers within a sentence


@dataclass(frozen=True)
class EventMemory:
    """An article's events and speakers so far, in text order, back to the window's start."""

    events: tuple[RememberedEvent, ...] = ()
    speakers: tuple[Speaker, ...] = ()

    def remember(self, events: Iterable[Event], sentence: int) -> EventMemory:
        """The memory with ``events`` (of article sentence ``sentence``) added, and what no later
        sentence can refer to any more let go."""
        kept = tuple(e for e in self.events if sentence - e.sentence <= REFERENCE_WINDOW_SENTENCES)
        return replace(self, events=kept + tuple(RememberedEvent.of(event, sentence) for event in events))

    def hear(self, speakers: Iterable[Speaker]) -> EventMemory:
        """The memory with ``speakers`` (of one block, in text order) added."""
        return replace(self, speakers=self.speakers + tuple(speakers))

    def latest_speaker(self, sentence: int, token: int, reactors: tuple[Actor, ...]) -> Actor | None:
        """The latest speaker before ``token`` of article sentence ``sentence``, within the
        window, of a state none of ``reactors`` belongs to."""
        for speaker in reversed(self.speakers):
            before = speaker.sentence < sentence or (speaker.sentence == sentence and speaker.token < token)
            if not before:
                continue
            if sentence - speaker.sentence > REFERENCE_WINDOW_SENTENCES:
                return None
            if not any(same_state(reactor, speaker.actor) for reactor in reactors):
                return speaker.actor
        return None

    def recent(self, sentence: int) -> Iterator[RememberedEvent]:
        """The events a noun in article sentence ``sentence`` can refer to, the latest first."""
        for event in reversed(self.events):
            if sentence - event.sentence <= REFERENCE_WINDOW_SENTENCES:
                yield event


def sentence_numbers(sentence_starts: Iterable[int], before: int) -> dict[int, int]:
    """Article sentence number by a block's sentence start token, ``before`` sentences preceding it."""
    return {start: before + number for number, start in enumerate(sentence_starts)}


def sentence_speakers(tokens: Iterable[Token], sentences: dict[int, int], ctx: Context) -> list[Speaker]:
    """The speakers of a block in text order: actors that are the subject of a speech, accusing
    or naming verb ("Beijing said", "Tokyo accused", "the minister described ...")."""
    lexicon = ctx.lexicon
    verbs = lexicon.speech_verbs | lexicon.accusing_verbs | lexicon.naming_verbs
    found: list[Speaker] = []
    for token in tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        for child in token.children:
            actor = ctx.actor(child) if child.dep_ == "nsubj" else None
            if actor is not None:
                found.append(Speaker(actor, sentences[token.sent.start], token.i))
    return found


def resolve_reaction(candidate: Candidate, memory: EventMemory, sentence: int, ctx: Context) -> Candidate:
    """A reaction verb whose object is a referring event noun, paired with the referred event's
    agent; ``SELF_LOOP`` when that agent is the reactor's own state, ``UNRESOLVED_REFERENCE`` when
    the noun may refer to events of different agents; otherwise the candidate as it was (no
    reaction, no referring noun, or no event or speaker to refer to in the window). A statement
    noun with no event to refer to is aimed at the latest speaker of another state."""
    verb = candidate.trigger
    if candidate.drop is not DropReason.NOT_AN_ACTOR or not candidate.subjects or verb.pos_ != "VERB":
        return candidate
    relation = ctx.ontology.event_object_senses.get(verb.lemma_.lower(), candidate.relation)
    if ctx.ontology.relation(relation).cameo[:2] not in ctx.ontology.reaction_roots:
        return candidate
    objects = _object_tokens(verb, candidate.relation, ctx)
    noun = next((t for t in objects if is_referring_noun(t, ctx)), None)
    referent = find_referent(noun, memory, sentence, ctx) if noun is not None else Referent(None)
    if noun is not None and referent.ambiguous:
        return replace(candidate, relation=relation, drop=DropReason.UNRESOLVED_REFERENCE,
                       detail=f"the {noun.lower_} may refer to events of different agents")
    event = referent.event
    if noun is None or event is None:
        # no event to refer to: "the claim", "the accusations" may still name what someone said
        statement = next((t for t in objects if is_statement_noun(t, ctx)), None)
        return _against_speaker(candidate, relation, statement, memory, sentence) if statement else candidate
    own_side = relation in ctx.ontology.own_side_reactions
    pairs = tuple((reactor, target) for reactor in candidate.subjects
                  for target in reaction_targets(reactor, event, own_side))
    if not pairs:
        return replace(candidate, relation=relation, drop=DropReason.SELF_LOOP,
                       detail=f"the {noun.lower_} refers to its own '{event.trigger}'")
    targets = tuple(dict.fromkeys(target for _, target in pairs))
    attributes = tuple(sorted({*candidate.attributes, ("topic", noun.lemma_.lower())}))
    return Candidate(verb, relation, candidate.subjects, targets, attributes, REFERENCE_CONFIDENCE,
                     pairs=pairs, pairing=REFERENCE_PAIRING)


#: Drops of a verb whose direct object named no actor.
_OBJECT_MISSING = frozenset({DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR})


def resolve_ellipsis(candidate: Candidate, memory: EventMemory, sentence: int, ctx: Context) -> Candidate:
    """A verb whose direct object is a bare number ("Germany and Poland each expelled four")
    leaves out the noun it counts, which is that of the latest event of the kind the verb
    names: its object is that event's ("expelled 60 Russian diplomats ... each expelled four":
    Russia). The candidate as it was when there is no such event in the window."""
    verb = candidate.trigger
    if candidate.drop not in _OBJECT_MISSING or not candidate.subjects or verb.pos_ != "VERB":
        return candidate
    counted = [c for c in verb.children if c.dep_ == "dobj" and _is_bare_number(c)]
    if not counted:
        return candidate
    relations = {t.relation for t in ctx.ontology.triggers_for("VERB", verb.lemma_.lower())}
    for event in memory.recent(sentence):
        if event.relation in relations or event.trigger == verb.lemma_.lower():
            attributes = tuple(sorted({*candidate.attributes, ("topic", counted[0].lower_)}))
            return Candidate(verb, event.relation, candidate.subjects, (event.object,), attributes,
                             REFERENCE_CONFIDENCE, pairing=REFERENCE_PAIRING)
    return candidate


def _is_bare_number(token: Token) -> bool:
    """A number standing alone for the noun it counts: no noun of its own, no "of" phrase."""
    return token.like_num and not any(c.dep_ in ("prep", "compound", "amod") for c in token.children)


def _against_speaker(
    candidate: Candidate, relation: str, statement: Token, memory: EventMemory, sentence: int,
) -> Candidate:
    """A reaction to "the claim" aimed at the latest speaker of another state; the candidate as
    it was when there is none in the window."""
    speaker = memory.latest_speaker(sentence, statement.i, candidate.subjects)
    if speaker is None:
        return candidate
    attributes = tuple(sorted({*candidate.attributes, ("topic", statement.lemma_.lower())}))
    return Candidate(candidate.trigger, relation, candidate.subjects, (speaker,), attributes, REFERENCE_CONFIDENCE,
                     pairing=REFERENCE_PAIRING)


def is_statement_noun(token: Token, ctx: Context) -> bool:
    """A definite noun of something said, with no participant of its own: "the claim", "these
    remarks", "the allegations"; not "China's claim" or "the claim by Tokyo"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in ctx.lexicon.statement_nouns:
        return False
    return _definite_without_participant(token, ctx)


def _object_tokens(verb: Token, relation: str, ctx: Context) -> list[Token]:
    """The verb's direct objects, then the objects of the prepositions its trigger takes
    ("objected to the move")."""
    preps = {p for t in ctx.ontology.triggers_for("VERB", verb.lemma_.lower()) if t.relation == relation
             for p in t.preps}
    tokens = [c for c in verb.children if c.dep_ == "dobj"]
    tokens += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children
               if g.dep_ == "pobj"]
    return tokens


def is_referring_noun(token: Token, ctx: Context) -> bool:
    """A definite event noun with no participant of its own: "the attack", "these strikes"; not
    "Russia's attack", "the attack by Hamas", "the strikes on Iran". Only trigger nouns refer:
    a generic noun ("the decision", "the move", "the ruling") names no kind of act to look for,
    and reading it as the latest act was right for 0 of 3 such triples on the news set."""
    if token.pos_ != "NOUN" or not _is_event_noun(token.lemma_.lower(), ctx):
        return False
    return _definite_without_participant(token, ctx)


def _definite_without_participant(token: Token, ctx: Context) -> bool:
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in token.children):
        return False
    if any(c.dep_ == "poss" for c in token.children):
        return False
    return not any(ctx.actor(t) is not None for t in _own_phrase(token))


def _is_event_noun(lemma: str, ctx: Context) -> bool:
    return bool(ctx.ontology.triggers_for("NOUN", lemma))


def _own_phrase(token: Token) -> Iterator[Token]:
    yield token
    for child in token.children:
        if child.dep_ not in _OTHER_PHRASE:
            yield from _own_phrase(child)


@dataclass(frozen=True)
class Referent:
    """The event a referring noun names, or, when it could name events of different agents, none."""

    event: RememberedEvent | None
    ambiguous: bool = False


def find_referent(
    noun: Token, memory: EventMemory, sentence: int, ctx: Context
) -> Referent:
    """The event the noun refers to in the window.

    A trigger noun ("the attack", "the strikes") names an event by its word: earlier events told
    with the same word are its antecedents, else those of the relation the word names; if these
    have different agents (an attack, then the counter-strike), the reference is ambiguous.
    """
    lemma = noun.lemma_.lower()
    recent = list(memory.recent(sentence))
    relations = _noun_relations(lemma, ctx)
    if relations:
        antecedents = [e for e in recent if e.trigger == lemma] or [e for e in recent if e.relation in relations]
        agents = {frozenset(_state_key(party) for party in _parties(event)) for event in antecedents}
        if len(agents) > 1:
            return Referent(None, ambiguous=True)
        return Referent(antecedents[0] if antecedents else None)
    return Referent(None)


def _noun_relations(lemma: str, ctx: Context) -> frozenset[str]:
    """The relations a trigger noun names, with the variants states take (empty for other nouns)."""
    names = {t.relation for t in ctx.ontology.triggers_for("NOUN", lemma)}
    variants = {ctx.ontology.state_variants[name] for name in names if name in ctx.ontology.state_variants}
    return frozenset(names | variants)


def reaction_targets(reactor: Actor, event: RememberedEvent, own_side: bool = False) -> tuple[Actor, ...]:
    """Whom a reaction to ``event`` is aimed at: its agent, or, for a reciprocal event, each party
    not of the reactor's own state (a party reacting to a deal it made reacts to the other
    party); nobody when the event is the reactor's state's own, nor when an ``own_side``
    reaction comes from one of its parties ("Hungary defended the meeting" backs its own
    meeting, not the other party)."""
    parties = _parties(event)
    if own_side and any(same_state(reactor, party) for party in parties):
        return ()
    return tuple(party for party in parties if not same_state(reactor, party))


def _parties(event: RememberedEvent) -> tuple[Actor, ...]:
    """Who did the event: its subject, or both parties of a reciprocal one."""
    return (event.subject, event.object) if event.reciprocal else (event.subject,)


def _state_key(actor: Actor) -> str:
    return actor.country or actor.id


def same_state(a: Actor, b: Actor) -> bool:
    """The same actor, or two actors of the same state."""
    return a.id == b.id or (a.country is not None and a.country == b.country)
