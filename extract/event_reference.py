"""Reactions to an event named by a definite event noun: "the European Union condemned the attack".

A definite noun of an act with no participant of its own ("the attack", "the expulsions", "the
measures") refers back to an act the article has already reported ("Hamas gunmen attacked Israeli
towns ..."). CAMEO codes the reaction against that act's agent: the EU CRITICIZE Hamas. The
pipeline remembers an article's acts as it emits them (``EventMemory``, ``remembered_acts``);
``resolve_reaction`` turns a reaction whose object named no actor into an event against the
referred act's agent. Which nouns name which acts: ``find_referent`` and event_nouns.toml; a noun
no recent act matches names the story's own act, the first the article told as done
(``EventMemory.lede``).

The act may also be named by a pronoun whose reaction says what it is ("condemned it as an
aggression": ``is_evaluated_pronoun``), by a noun summing up the clause before a relative clause of
reaction ("Russia expelled 20 diplomats, a move Prague condemned": ``is_summary_noun``), or be the
subject of the verb that drew a reaction noun ("the expulsion drew condemnation from the EU":
``_drawn_reaction``). An act told by a light verb and its noun with no target named ("Turkish
troops launched the offensive") is remembered by its agent alone.

A definite noun of a statement ("the claim", "these remarks", "the allegations") refers back to
what someone said: the reaction ("India rejected the claim") is aimed at the latest speaker of
another state, the subject of a speech verb (``event_memory.speakers_at``). A definite noun of a text
an actor issues ("the resolution", "the proposal": event_nouns.toml ``document_nouns``) refers
back to its author, the latest actor of another state told issuing one (``event_memory.authors_at``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from extract.block_index import children_of
from extract.event_anaphors import (
    empathy_event_noun,
    evaluated_noun,
    names_its_doer,
    names_one_act,
    not_done_to,
    official_protest_relation,
    others_acts,
    participant_doers,
)
from extract.event_memory import EventMemory, RememberedEvent
from extract.patterns import Candidate, Context
from extract.qualifiers import qualify
from graph.model import Actor, DropReason, Event, Modality, Polarity, same_state

REFERENCE_PAIRING = "event_reference"
#: Below the dependency path (at most 0.9), above the word-order back-off (0.5): the actors come
#: from the parse, the referent from discourse.
REFERENCE_CONFIDENCE = 0.6
#: CAMEO 018, Make empathetic comment: aimed at the victims of the event it is over.
EMPATHETIC_COMMENT = "018"
#: How many sentences back a noun of a class of acts ("the measures") may refer: it names no act
#: by its word, so only an act reported just before it is what it means.
CLASS_NOUN_WINDOW_SENTENCES = 2
_DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such"})
#: Arcs that leave a noun's own phrase: a coordinated noun is another object.
_OTHER_PHRASE = frozenset({"conj", "cc"})
#: The arcs by which an event noun is the act its governing verb tells: "launched the offensive",
#: "strikes were carried out".
_TOLD_NOUN_ARCS = frozenset({"dobj", "nsubjpass"})
#: The modalities of an act told as done.
_DONE_MODALITIES = frozenset({Modality.ASSERTED, Modality.REPORTED})
#: Tags of relative pronouns ("a move that Prague condemned", "the decision, which Rome criticised").
_RELATIVE_PRONOUN_TAGS = frozenset({"WDT", "WP"})
#: Drops of a verb whose direct object named no actor.
_OBJECT_MISSING = frozenset({DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR})
#: Drops of a verb whose agent is known but whose object is no actor: an object noun no country
#: qualifies ("seized two cargo ships") names no actor either.
_AGENT_ONLY = _OBJECT_MISSING | {DropReason.UNQUALIFIED_AGENT}


def remembered_acts(
    candidate: Candidate, emitted: Sequence[Event], sentence: int, ctx: Context
) -> tuple[RememberedEvent, ...]:
    """What a later noun can refer to from one candidate of article sentence ``sentence``: the
    events it gave, else, for an affirmed act whose object named no actor, its act by each agent
    alone: told by its verb ("Israel annexed the area") or by an event noun its verb governs
    ("Turkish troops launched the offensive", "Israel carried out air strikes")."""
    if emitted:
        return tuple(RememberedEvent.of(event, sentence) for event in emitted)
    if candidate.drop not in _AGENT_ONLY:
        return ()
    trigger = candidate.trigger
    if trigger.pos_ == "VERB":
        done = _verb_told_done(trigger)
    elif _told_by_light_verb(trigger, ctx):
        done = _noun_told_done(trigger, ctx)
    else:
        return ()
    if done is None:
        return ()
    reciprocal = ctx.ontology.relation(candidate.relation).reciprocal
    return tuple(RememberedEvent(candidate.relation, trigger.lemma_.lower(), agent, None, reciprocal, sentence, done)
                 for agent in candidate.subjects)


def _verb_told_done(verb: Token) -> bool | None:
    """Whether a verb tells its act as done: not "vowed to annex" nor "will send"; None for a
    negated one, which tells no act."""
    if any(c.dep_ == "neg" for c in children_of(verb)):
        return None
    return verb.dep_ != "xcomp" and not _under_modal(verb)


def _told_by_light_verb(noun: Token, ctx: Context) -> bool:
    """Whether an event noun is what a light verb's clause tells its subject doing: "launched the
    offensive", "strikes were carried out" (lexicon.toml performing_light_verbs); not "condemned
    the attack", "sought talks" nor "halted the offensive", whose subject did something else."""
    return (noun.pos_ == "NOUN" and noun.dep_ in _TOLD_NOUN_ARCS
            and noun.head.lemma_.lower() in ctx.lexicon.performing_light_verbs)


def _noun_told_done(noun: Token, ctx: Context) -> bool | None:
    """Whether an event noun its verb governs tells its act as done, read as the noun's event
    itself would be ("launched the offensive", not "will launch an offensive"); None for an
    act told as not happening ("did not carry out strikes", "halted the offensive")."""
    qualifiers = qualify(noun, ctx.lexicon, ctx.reporter_acts)
    if qualifiers.polarity is Polarity.NEGATED:
        return None
    return qualifiers.modality in _DONE_MODALITIES


def _under_modal(verb: Token) -> bool:
    """Whether a modal auxiliary ("will", "would", "may", "could") tells the verb's act as not
    (yet) done."""
    return any(child.dep_ == "aux" and child.tag_ == "MD" for child in children_of(verb))


def reaction_relation(candidate: Candidate, ctx: Context) -> str | None:
    """The relation of a reaction verb whose object named no actor ("condemned the attack"), in
    the sense the verb takes with an act as its object; None for any other candidate."""
    verb = candidate.trigger
    if candidate.drop is not DropReason.NOT_AN_ACTOR or not candidate.subjects or verb.pos_ != "VERB":
        return None
    relation = ctx.ontology.event_object_senses.get(verb.lemma_.lower(), candidate.relation)
    return relation if ctx.ontology.relation(relation).cameo[:2] in ctx.ontology.reaction_roots else None


#: The drops of the candidates ``evaluated_noun``, ``reaction_relation`` and
#: ``official_protest_relation`` read (a subject found, an object naming no actor); any other
#: candidate gets no relation from any of them.
_REACTION_DROPS = frozenset({DropReason.NOT_AN_ACTOR, DropReason.NO_OBJECT})


def resolve_reaction(candidate: Candidate, memory: EventMemory, sentence: int, ctx: Context) -> Candidate:
    """A reaction verb whose object is a referring event noun, paired with the referred event's
    agent; ``SELF_LOOP`` when that agent is the reactor's own state, ``UNRESOLVED_REFERENCE`` when
    the noun may refer to events of different agents; otherwise the candidate as it was (no
    reaction, no referring noun, or no event or speaker to refer to in the window). A statement
    noun with no event to refer to is aimed at the latest speaker of another state."""
    if candidate.drop not in _REACTION_DROPS or not candidate.subjects:
        return candidate  # each reading below is of a reactor whose object named no actor
    drawn = _drawn_reaction(candidate, memory, sentence, ctx)
    if drawn is not candidate:
        return drawn
    verb = candidate.trigger
    judged = evaluated_noun(candidate, ctx)
    relation = (reaction_relation(candidate, ctx) or official_protest_relation(candidate, ctx)
                or (candidate.relation if judged is not None else None))
    if relation is None:
        return candidate
    event_noun = empathy_event_noun(verb, ctx)
    if event_noun is not None:
        return _toward_victims(candidate, event_noun, memory, sentence, ctx)
    objects = [judged] if judged is not None else _object_tokens(verb, candidate.relation, ctx)
    noun = next((t for t in objects if is_referring_noun(t, ctx) or is_evaluated_pronoun(t, verb, ctx)
                 or is_summary_noun(t, verb, ctx)), None)
    own_side = relation in ctx.ontology.own_side_reactions
    reactors = () if own_side else candidate.subjects
    told = not_done_to(memory, candidate.subjects) if own_side else memory
    if own_side and noun is not None and noun.lemma_.lower() in ctx.ontology.event_nouns.classes:
        # "Erdogan defended the action": a state defends its own side's move, which a recent act
        # of another is no evidence of
        noun = None
    referent = find_referent(noun, told, sentence, ctx, reactors) if noun is not None else Referent()
    if noun is not None and referent.ambiguous:
        return replace(candidate, relation=relation, drop=DropReason.UNRESOLVED_REFERENCE,
                       detail=f"the {noun.lower_} may refer to events of different agents")
    if noun is None and (named := _against_named_doer(candidate, relation, objects, ctx)):
        return named
    if noun is None or not referent.events:
        # no event to refer to: "the resolution" may name what someone issued, "the claim", "the
        # accusations" what someone said
        document = next((t for t in objects if is_document_noun(t, ctx)), None)
        if document is not None and (aimed := _against_author(candidate, relation, document, memory, sentence)):
            return aimed
        statement = next((t for t in objects if is_statement_noun(t, ctx)), None)
        return _against_speaker(candidate, relation, statement, memory, sentence) if statement else candidate
    aimed = _aimed_at_doers(candidate, relation, noun, referent.events, own_side)
    if aimed is None:
        return replace(candidate, relation=relation, drop=DropReason.SELF_LOOP,
                       detail=f"the {noun.lower_} refers to its own '{referent.events[0].trigger}'")
    return aimed


def _aimed_at_doers(
    candidate: Candidate, relation: str, noun: Token, events: Sequence[RememberedEvent], own_side: bool = False,
) -> Candidate | None:
    """The reaction of ``candidate``'s subjects aimed at the doers of ``events`` (the act ``noun``
    names), or None when every doer is of a reactor's own state."""
    pairs = tuple(dict.fromkeys((reactor, target) for reactor in candidate.subjects for event in events
                                for target in reaction_targets(reactor, event, own_side)))
    if not pairs:
        return None
    targets = tuple(dict.fromkeys(target for _, target in pairs))
    attributes = tuple(sorted({*candidate.attributes, ("topic", noun.lemma_.lower())}))
    return Candidate(candidate.trigger, relation, candidate.subjects, targets, attributes, REFERENCE_CONFIDENCE,
                     pairs=pairs, pairing=REFERENCE_PAIRING)


def _drawn_reaction(candidate: Candidate, memory: EventMemory, sentence: int, ctx: Context) -> Candidate:
    """A reaction noun an act drew ("the expulsion drew condemnation from the EU", "a move that
    sparked criticism from Beijing": lexicon ``reaction_drawing_verbs``) is aimed at that act's
    doer; the candidate as it was for any other noun, or when the act has no doer to find."""
    noun = candidate.trigger
    relation = candidate.relation
    drawing = noun.head
    if (noun.pos_ != "NOUN" or noun.dep_ != "dobj" or drawing.lemma_.lower() not in ctx.lexicon.reaction_drawing_verbs
            or ctx.ontology.relation(relation).cameo[:2] not in ctx.ontology.reaction_roots):
        return candidate
    acts = [c for c in children_of(drawing) if c.dep_ == "nsubj"]
    antecedent = _relative_antecedent(drawing)
    acts = [antecedent if antecedent is not None and t.tag_ in _RELATIVE_PRONOUN_TAGS else t for t in acts]
    act = next((t for t in acts if is_referring_noun(t, ctx) or is_summary_noun(t, drawing, ctx)), None)
    if act is None:
        return candidate
    referent = find_referent(act, memory, sentence, ctx, candidate.subjects)
    if referent.ambiguous or not referent.events:
        return candidate
    return _aimed_at_doers(candidate, relation, act, referent.events) or candidate


def resolve_ellipsis(candidate: Candidate, memory: EventMemory, sentence: int, ctx: Context) -> Candidate:
    """A verb whose direct object is a bare number ("Germany and Poland each expelled four")
    leaves out the noun it counts, which is that of the latest event of the kind the verb
    names: its object is that event's ("expelled 60 Russian diplomats ... each expelled four":
    Russia). The candidate as it was when there is no such event in the window."""
    verb = candidate.trigger
    if candidate.drop not in _OBJECT_MISSING or not candidate.subjects or verb.pos_ != "VERB":
        return candidate
    counted = [c for c in children_of(verb) if c.dep_ == "dobj" and _is_bare_number(c)]
    if not counted:
        return candidate
    relations = {t.relation for t in ctx.ontology.triggers_for("VERB", verb.lemma_.lower())}
    for event in memory.recent(sentence):
        if event.object is not None and (event.relation in relations or event.trigger == verb.lemma_.lower()):
            attributes = tuple(sorted({*candidate.attributes, ("topic", counted[0].lower_)}))
            return Candidate(verb, event.relation, candidate.subjects, (event.object,), attributes,
                             REFERENCE_CONFIDENCE, pairing=REFERENCE_PAIRING)
    return candidate


def _is_bare_number(token: Token) -> bool:
    """A number standing alone for the noun it counts: no noun of its own, no "of" phrase."""
    return token.like_num and not any(c.dep_ in ("prep", "compound", "amod") for c in children_of(token))


def _toward_victims(
    candidate: Candidate, noun: Token, memory: EventMemory, sentence: int, ctx: Context,
) -> Candidate:
    """An empathetic comment over a referred event ("Poland expressed sympathy over the attack"),
    CAMEO 018 (Make empathetic comment), aimed at the event's victims, its objects of states other
    than the speaker's; the candidate as it was when the noun refers to no event with a victim,
    ``UNRESOLVED_REFERENCE`` when it may refer to events of different agents."""
    if not is_referring_noun(noun, ctx):
        return candidate
    referent = find_referent(noun, memory, sentence, ctx)
    if referent.ambiguous:
        return replace(candidate, drop=DropReason.UNRESOLVED_REFERENCE,
                       detail=f"the {noun.lower_} may refer to events of different agents")
    pairs = tuple(dict.fromkeys((reactor, event.object) for reactor in candidate.subjects for event in referent.events
                                if event.object is not None and not same_state(reactor, event.object)))
    if not pairs:
        return candidate
    attributes = tuple(sorted({*candidate.attributes, ("cameo", EMPATHETIC_COMMENT), ("topic", noun.lemma_.lower())}))
    return Candidate(candidate.trigger, candidate.relation, candidate.subjects,
                     tuple(dict.fromkeys(t for _, t in pairs)), attributes, REFERENCE_CONFIDENCE, pairs=pairs,
                     pairing=REFERENCE_PAIRING)


def _against_named_doer(
    candidate: Candidate, relation: str, objects: list[Token], ctx: Context,
) -> Candidate | None:
    """A passive reaction to an act noun that names its own doer ("The move, announced by Ankara,
    was condemned by Athens") aimed at that doer, when it is of another state; None otherwise. The
    noun is a general event anaphor, a nominalisation or a trigger noun, not any noun spelled like
    a verb of the dictionary ("allies")."""
    event_nouns = ctx.ontology.event_nouns
    for noun in objects:
        lemma = noun.lemma_.lower()
        named_act = (lemma in event_nouns.classes or lemma in event_nouns.derived
                     or bool(ctx.ontology.triggers_for("NOUN", lemma)))
        if noun.dep_ != "nsubjpass" or noun.pos_ != "NOUN" or not named_act:
            continue  # an active reaction's object names its doer on the dependency path
        pairs = tuple((reactor, doer) for reactor in candidate.subjects for doer in participant_doers(noun, ctx)
                      if not same_state(reactor, doer))
        if pairs:
            attributes = tuple(sorted({*candidate.attributes, ("topic", noun.lemma_.lower())}))
            return Candidate(candidate.trigger, relation, candidate.subjects, tuple(dict.fromkeys(t for _, t in pairs)),
                             attributes, REFERENCE_CONFIDENCE, pairs=pairs, pairing=REFERENCE_PAIRING)
    return None


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


def _against_author(
    candidate: Candidate, relation: str, document: Token, memory: EventMemory, sentence: int,
) -> Candidate | None:
    """A reaction to "the resolution" aimed at the latest actor of another state told issuing
    one; None when there is none in the window."""
    noun = document.lemma_.lower()
    author = memory.latest_author(noun, sentence, document.i, candidate.subjects)
    if author is None:
        return None
    attributes = tuple(sorted({*candidate.attributes, ("topic", noun)}))
    return Candidate(candidate.trigger, relation, candidate.subjects, (author,), attributes, REFERENCE_CONFIDENCE,
                     pairing=REFERENCE_PAIRING)


def is_document_noun(token: Token, ctx: Context) -> bool:
    """A definite noun of a text an actor issues, with no participant of its own: "the
    resolution", "the proposal"; not "France's proposal" or "the proposal by France"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in ctx.ontology.event_nouns.documents:
        return False
    return _definite_without_participant(token, ctx)


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
    tokens = [c for c in children_of(verb) if c.dep_ == "dobj"]
    if any(c.dep_ == "agent" for c in children_of(verb)):  # "the move was condemned by Athens"
        tokens += [c for c in children_of(verb) if c.dep_ == "nsubjpass"]
    tokens += [g for c in children_of(verb) if c.dep_ == "prep" and c.lower_ in preps for g in children_of(c)
               if g.dep_ == "pobj"]
    antecedent = _relative_antecedent(verb)
    if antecedent is not None:  # "a move (that) Prague condemned": the object is the noun the clause modifies
        tokens = [antecedent if t.tag_ in _RELATIVE_PRONOUN_TAGS else t for t in tokens] or [antecedent]
    return tokens


def _relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative clause modifies, when the clause's verb is that clause's own."""
    return verb.head if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" else None


def is_summary_noun(token: Token, verb: Token, ctx: Context) -> bool:
    """A noun of a class of acts that sums up the clause before it and is what a relative clause's
    reaction is about: "Russia expelled 20 diplomats, a move Prague condemned", "..., a step that
    Kigali condemned". Definite or not, it names no participant of its own: it is the act just
    told (event_nouns.toml ``class_nouns``)."""
    if token.pos_ != "NOUN" or _relative_antecedent(verb) != token:
        return False
    if token.lemma_.lower() not in ctx.ontology.event_nouns.classes or names_its_doer(token):
        return False
    return not any(ctx.actor(t) is not None for child in children_of(token)
                   if child.dep_ not in ("relcl", "punct", "det") for t in _own_phrase(child))


def is_evaluated_pronoun(token: Token, verb: Token, ctx: Context) -> bool:
    """The pronoun object of a reaction verb that names what it is ("condemned it as an aggression",
    "called it a criminal act", "described it as a violation"), which named no actor: an act, read as
    the class noun of the same spelling says (event_nouns.toml ``class_nouns``)."""
    if token.pos_ != "PRON" or token.dep_ != "dobj" or token.lower_ not in ctx.ontology.event_nouns.classes:
        return False
    return any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in children_of(verb))


def is_referring_noun(token: Token, ctx: Context) -> bool:
    """A definite noun of an act with no participant of its own: "the attack", "these
    expulsions", "the recall", "the measures"; not "Russia's attack", "the attack by Hamas", "the
    strikes on Iran". A noun of an act is a trigger noun, a nominalisation of a verb of an act
    ("annexation"), a noun spelled like such a verb ("the arrest"), or a noun of a class of acts
    ("the measures", "the decision": event_nouns.toml class_nouns), unless it names its own act
    ("the decision of the court", ``event_anaphors.names_its_doer``)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or not _names_an_act(lemma, ctx):
        return False
    if lemma in ctx.ontology.event_nouns.classes and names_its_doer(token):
        return False
    return _definite_without_participant(token, ctx)


def _names_an_act(lemma: str, ctx: Context) -> bool:
    ontology = ctx.ontology
    return (bool(ontology.triggers_for("NOUN", lemma) or ontology.triggers_for("VERB", lemma))
            or lemma in ontology.verbs or lemma in ontology.event_nouns.derived
            or lemma in ontology.event_nouns.classes)


def _definite_without_participant(token: Token, ctx: Context) -> bool:
    if not any(c.dep_ in ("det", "predet", "amod") and c.lower_ in _DEFINITE_DETERMINERS for c in children_of(token)):
        return False
    if any(c.dep_ == "poss" for c in children_of(token)):
        return False
    return not any(ctx.actor(t) is not None for t in _own_phrase(token))


def _own_phrase(token: Token) -> Iterator[Token]:
    yield token
    for child in children_of(token):
        if child.dep_ not in _OTHER_PHRASE:
            yield from _own_phrase(child)


@dataclass(frozen=True)
class Referent:
    """The act a referring noun names, as its events (one for each of several agents that did it
    together), or, when it could name acts of different agents, none."""

    events: tuple[RememberedEvent, ...] = ()
    ambiguous: bool = False


def find_referent(
    noun: Token, memory: EventMemory, sentence: int, ctx: Context, reactors: tuple[Actor, ...] = (),
) -> Referent:
    """The act the noun refers to in the window.

    An actor does not react to its own act against others: acts of a reactor's own state are no
    antecedents when another's act is (``others_acts``); with only its own, the referent is its own
    (a self-loop for the caller to drop).

    Earlier acts told with the noun's own word or a verb it derives from ("the expulsion":
    "expelled") are its antecedents; else those of the relations it names (``_noun_relations``:
    "the attack": "struck", "the request": "asked"); else, for a class noun ("the measures"), the
    acts of its class shortly before (``_class_antecedents``); else the story's own act
    (``_lede_antecedents``). One act of several agents ("Saudi
    Arabia and the UAE imposed a blockade on Qatar") is told as one event each: they share
    sentence, word and object; a mutual act ("Armenia and Azerbaijan expelled each other's
    diplomats") is told as each party's act towards the other, and is one act of both. If the
    antecedent acts have different agents (an attack, then the
    counter-strike), the reference is ambiguous; else the noun names the latest.
    """
    if reactors:
        others = find_referent(noun, others_acts(memory, reactors), sentence, ctx)
        if others.events or others.ambiguous:
            return others
    lemma = noun.lemma_.lower()
    recent = list(memory.recent(sentence))
    words = ctx.ontology.event_nouns.words_of(lemma)
    relations = _noun_relations(lemma, ctx)
    antecedents = ([e for e in recent if e.trigger in words] or [e for e in recent if e.relation in relations]
                   or _class_antecedents(lemma, memory, sentence, ctx, names_one_act(noun)))
    if not antecedents:
        antecedents = _lede_antecedents(lemma, words, relations, memory, ctx)
    acts: dict[tuple[int, str, str, frozenset[str]], list[RememberedEvent]] = {}
    for event in antecedents:
        key = (event.sentence, event.trigger, event.relation, _counterparts(event, antecedents))
        acts.setdefault(key, []).append(event)
    agents = {frozenset(_state_key(party) for event in told for party in event.parties()) for told in acts.values()}
    if len(agents) > 1:
        if not names_one_act(noun) and _one_target(acts.values()):
            return Referent(tuple(event for told in acts.values() for event in told))
        return Referent(ambiguous=True)
    return Referent(tuple(next(iter(acts.values()), ())))


def _one_target(acts: Iterable[list[RememberedEvent]]) -> bool:
    """Whether the acts were all done to one state: then a plural noun ("the accusations")
    names them all, the acts of several agents against that one."""
    targets = {_state_key(event.object) if event.object is not None else None for told in acts for event in told}
    return len(targets) == 1 and None not in targets


def _counterparts(event: RememberedEvent, told: list[RememberedEvent]) -> frozenset[str]:
    """Whom one act was done to: its object; for a mutual act ("Kenya and Somalia agreed to ...",
    told as each party's act towards the other) both parties, so that it is one act of two agents."""
    if event.object is None:
        return frozenset()
    mutual = any(other.sentence == event.sentence and other.trigger == event.trigger
                 and other.subject.id == event.object.id and other.object is not None
                 and other.object.id == event.subject.id for other in told)
    return frozenset({event.subject.id, event.object.id}) if mutual else frozenset({event.object.id})


def _class_antecedents(
    lemma: str, memory: EventMemory, sentence: int, ctx: Context, singular: bool,
) -> list[RememberedEvent]:
    """The acts a class noun refers to: those of its class within the class window, when the
    latest sentence with acts has one of them; none otherwise. A singular noun ("the move")
    names one act: only those of that latest sentence, and none for sure when that sentence also
    tells acts of other doers (the caller finds them ambiguous). An act told as intended or
    hypothetical ("Sweden promised to cooperate") is no move made."""
    roots = ctx.ontology.event_nouns.class_roots(lemma)
    recent = list(memory.recent(sentence, CLASS_NOUN_WINDOW_SENTENCES)) if roots else []
    of_class = [e for e in recent if e.done and ctx.ontology.relation(e.relation).cameo[:2] in roots]
    if not of_class or of_class[0].sentence != recent[0].sentence:
        return []
    if not singular:
        return of_class
    latest = [e for e in recent if e.sentence == recent[0].sentence and e.done]
    if len({_state_key(party) for e in latest for party in e.parties()}) > len(
            {_state_key(party) for e in of_class if e.sentence == recent[0].sentence for party in e.parties()}):
        return latest  # acts of other doers told alongside ("Hungary blocked EU sanctions"): which is meant?
    return [e for e in of_class if e.sentence == recent[0].sentence]


def _lede_antecedents(
    lemma: str, words: frozenset[str], relations: frozenset[str], memory: EventMemory, ctx: Context,
) -> list[RememberedEvent]:
    """The story's own acts (``EventMemory.lede``) a noun names when no act of the window does:
    those told with its word, else of a relation it names, else, for a class noun, of its class.
    News tells its main event first and reacts to it throughout ("the attack" ten paragraphs on),
    and a class noun after a verbal act more often names an act told earlier (event_nouns.toml)."""
    lede = memory.lede
    roots = ctx.ontology.event_nouns.class_roots(lemma)
    return ([e for e in lede if e.trigger in words] or [e for e in lede if e.relation in relations]
            or [e for e in lede if ctx.ontology.relation(e.relation).cameo[:2] in roots])


def _noun_relations(lemma: str, ctx: Context) -> frozenset[str]:
    """The relations a noun names as a trigger noun or through the verb triggers it is spelled
    like or derived from ("the request": APPEAL, as "requested"), with the variants states take
    (empty for other nouns)."""
    verbs = ctx.ontology.event_nouns.words_of(lemma)
    names = {t.relation for t in ctx.ontology.triggers_for("NOUN", lemma)}
    names |= {t.relation for verb in verbs for t in ctx.ontology.triggers_for("VERB", verb)}
    variants = {ctx.ontology.state_variants[name] for name in names if name in ctx.ontology.state_variants}
    return frozenset(names | variants)


def reaction_targets(reactor: Actor, event: RememberedEvent, own_side: bool = False) -> tuple[Actor, ...]:
    """Whom a reaction to ``event`` is aimed at: its agent, or, for a reciprocal event, each party
    not of the reactor's own state (a party reacting to a deal it made reacts to the other
    party); nobody when the event is the reactor's state's own, nor when an ``own_side``
    reaction comes from one of its parties ("Hungary defended the meeting" backs its own
    meeting, not the other party)."""
    parties = event.parties()
    if own_side and any(same_state(reactor, party) for party in parties):
        return ()
    return tuple(party for party in parties if not same_state(reactor, party))


def _state_key(actor: Actor) -> str:
    return actor.country or actor.id
