"""Speech acts coded as CAMEO codes them, not as the act they name.

A request is the requester's appeal or demand (02, 10), not the act requested ("urged Iran to
withdraw"); a threat is the threat (13), not the act threatened ("threatened to impose sanctions
on X"); a warning of a plight is no threat; naming ("called X a liar") judges the one named and is
never a phone call. Each function takes a candidate of the relation patterns (``extract.patterns``)
and returns it re-coded, dropped with its reason, or as it was.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from extract.argument_paths import RELATIVE_PRONOUNS
from extract.block_index import children_of
from extract.intended_threats import (
    THREAT_CONFIDENCE,
    act_code,
    committing_governor,
    condition_targets,
    conditional_threat,
    names_event,
)
from extract.naming import naming_code, predicate_complement
from extract.ontology import Lexicon, Trigger
from extract.patterns import (
    DICTIONARY_CONFIDENCE,
    FREE_RELATIVE_PRONOUNS,
    Candidate,
    Context,
    Parties,
    actors_of,
    clause_subject,
    finish_candidate,
    modifier_actors,
    object_is_event_noun,
    prep_objects,
    resolve_object,
    subject_actors,
)
from extract.speech_acts import GENERIC_THREAT_CODE
from extract.threats import (
    THREATEN_RELATION,
    act_holders,
    condition_subjects,
    infinitive_act,
    is_clause_act,
    is_plight_clause,
    threat_instrument,
    threatening_governor,
)
from graph.model import Actor, DropReason

# -- requests -------------------------------------------------------------------------------
APPEAL_RELATION = "APPEAL"
REQUEST_ROOTS = ("02", "10")
#: Prepositions naming whom a request is addressed to: "called on Israel to", "appealed to Iran to".
_ADDRESSEE_PREPS = frozenset({"on", "upon", "to"})


def requesting_governor(trigger: Token, lexicon: Lexicon) -> Token | None:
    """The verb asking for the event at ``trigger``: "urged Iran to withdraw", "demanded that
    Iran withdraw", "demanded sanctions", "called for talks", "told Iran to withdraw"; or the noun
    of such a verb whose "that" clause says what is asked ("its demand that Israel ease
    restrictions")."""
    noun = _requesting_noun(trigger, lexicon)
    if noun is not None:
        return noun
    head = trigger.head
    if trigger.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for":
        head = head.head
    elif trigger.dep_ not in ("xcomp", "ccomp", "dobj"):
        return None
    if head == trigger or head.pos_ != "VERB":
        return None
    lemma = head.lemma_.lower()
    if lemma in lexicon.requesting_verbs or (trigger.dep_ == "xcomp" and lemma in lexicon.infinitive_requesting_verbs):
        return head
    return None


def _requesting_noun(trigger: Token, lexicon: Lexicon) -> Token | None:
    """The demand, request or call whose "that" clause ``trigger`` heads ("its demand that Israel
    ease ..."). A verb takes no "that" clause beside such a noun as its object ("renewed its demand
    today that ..."), so the clause is the noun's wherever the parser hangs it."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in children_of(trigger)):
        return None
    head = trigger.head
    if trigger.dep_ == "acl":
        nouns = [head]
    elif trigger.dep_ == "ccomp":
        nouns = [c for c in children_of(head) if c.dep_ == "dobj" and c.i < trigger.i]
    else:
        return None
    return next((n for n in nouns if n.pos_ == "NOUN" and n.lemma_.lower() in lexicon.requesting_verbs), None)


def _governor_asking_for_its_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb asking another actor for the act whose object an event noun is ("urged the EU to
    approve [sanctions] against Iran", "called on both sides to resume [talks]"): the noun's event
    is part of what is asked, not an act told. None unless the asking verb names its addressee."""
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.head.dep_ != "xcomp" or noun.head.pos_ != "VERB":
        return None
    governor = requesting_governor(noun.head, lexicon)
    if governor is None or not _names_addressee(governor, noun.head):
        return None
    return governor


def _names_addressee(governor: Token, asked: Token) -> bool:
    """Whether the asking verb names the one it asks: an object ("urged Iran to"), or "on"/"to"
    with an object ("called on Iran to")."""
    return any(
        (c.dep_ in ("dobj", "dative") and c != asked)
        or (c.dep_ == "prep" and c.lower_ in _ADDRESSEE_PREPS and any(g.dep_ == "pobj" for g in children_of(c)))
        for c in children_of(governor)
    )


def as_request(candidate: Candidate, ctx: Context) -> Candidate:
    """A requested event is coded as CAMEO codes it: asked of another actor ("urged Iran to
    withdraw"), it is dropped (the request verb is the event); asked by its own subject ("called
    for talks with X"), it becomes the requester's appeal or demand, keeping what was requested."""
    if candidate.drop is not None:
        return candidate
    trigger = candidate.trigger
    asking = _governor_asking_for_its_verb(trigger, ctx.lexicon)
    if asking is not None:
        return Candidate(trigger, candidate.relation, (), (), (), 0.0, DropReason.BLOCKED_BY_GOVERNOR,
                         f"requested by '{asking.lemma_}' (the object of the act asked of another)")
    governor = requesting_governor(trigger, ctx.lexicon)
    if governor is None:
        return candidate
    addressee = _names_addressee(governor, trigger)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(trigger))
    if addressee or own_subject:
        return Candidate(trigger, candidate.relation, (), (), (), 0.0, DropReason.BLOCKED_BY_GOVERNOR,
                         f"requested by '{governor.lemma_}'")
    relation = next(
        (t.relation for t in ctx.ontology.triggers_for("VERB", governor.lemma_.lower())
         if ctx.ontology.relation(t.relation).cameo[:2] in REQUEST_ROOTS),
        APPEAL_RELATION,
    )
    if relation == candidate.relation:
        return candidate
    attributes = tuple(sorted({*candidate.attributes, ("requested", candidate.relation)}))
    return replace(candidate, relation=relation, attributes=attributes)


# -- threats and warnings (extract/threats.py, speech_acts.toml) ------------------------------
#: Drops of a threatening word that found no object of its own.
_OBJECTLESS = frozenset({DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR})


def as_threat(candidate: Candidate, ctx: Context) -> Candidate:
    """A threatened act is coded as CAMEO codes it: the threat (13), from the threatener to the
    act's target, with the threatening word as trigger and the act kept as ``requested``; the act
    itself is no event. The threat's code follows the act's (speech_acts.toml ``threats.codes``:
    sanctions 1312, military force 138). An act with no target of its own is aimed at the party
    whose conduct its condition names ("threatened sanctions if Turkey buys missiles": Turkey); one
    whose condition names only its speaker ("if it is attacked") is dropped, no target invented.
    Intentions to carry out a material conflict act ("vowed to attack X") and conditional
    statements of one ("said it would strike X if ...") are threats too (extract/intended_threats.py)."""
    threats = ctx.ontology.speech_acts.threats
    trigger = candidate.trigger
    governor = threatening_governor(trigger, threats) or committing_governor(candidate, ctx)
    if governor is None:
        return candidate
    code = threats.code_for(act_code(candidate, ctx))
    speakers = _threateners(governor, ctx)
    if candidate.subjects and not set(candidate.subjects) & set(speakers):
        return candidate  # "the violence threatened to derail talks between X and Y": not X's threat
    clause_act = is_clause_act(trigger, governor)
    if clause_act and (candidate.drop not in (None, *_OBJECTLESS) or code == GENERIC_THREAT_CODE):
        return candidate  # "warned that it would strike X": a threat only when the act harms
    if candidate.drop in _OBJECTLESS:
        # "threatened to impose sanctions unless Iran withdraws": aimed at the condition's party
        threat = conditional_threat(candidate, governor, code, speakers, ctx)
        if threat is not None:
            return threat
        conditions = condition_subjects(trigger, governor, ctx.lexicon.hypothetical_markers)
        if not clause_act and any(actors_of(t, ctx) for t in conditions):
            return Candidate(governor, THREATEN_RELATION, candidate.subjects, (), (), 0.0,
                             DropReason.CONDITIONAL_TARGET, f"'{trigger.lemma_}': its condition names no other party")
        return candidate
    if candidate.drop is not None:
        return candidate
    relation = ctx.ontology.relation_for_code(code)
    attributes = {(k, v) for k, v in candidate.attributes if k not in ("cameo", "requested")}
    attributes.add(("requested", candidate.relation))
    if code != relation.cameo:
        attributes.add(("cameo", code))
    return replace(candidate, trigger=governor, relation=relation.name, attributes=tuple(sorted(attributes)))


def with_threat_instrument(candidate: Candidate, ctx: Context) -> Candidate:
    """ "threatened X with sanctions": the threat is coded by the act it threatens with, kept as
    ``requested``; the act's own candidate, if it found no target, is a duplicate of the threat."""
    threats = ctx.ontology.speech_acts.threats
    trigger = candidate.trigger
    if candidate.drop in _OBJECTLESS and trigger.dep_ == "pobj":
        threatening = trigger.head.head
        if threat_instrument(threatening, threats) == trigger:
            return replace(candidate, drop=DropReason.DUPLICATE, detail=f"threatened with by '{threatening.lemma_}'")
    if candidate.drop is not None or candidate.relation != THREATEN_RELATION:
        return candidate
    instrument = threat_instrument(trigger, threats)
    acts = ctx.ontology.triggers_for("NOUN", instrument.lemma_.lower()) if instrument is not None else ()
    if not acts:
        return candidate
    act = ctx.ontology.relation(acts[0].relation)
    code = threats.code_for(act.cameo)
    attributes = {*candidate.attributes, ("requested", act.name)}
    if code != ctx.ontology.relation(THREATEN_RELATION).cameo:
        attributes.add(("cameo", code))
    return replace(candidate, attributes=tuple(sorted(attributes)))


def _threateners(governor: Token, ctx: Context) -> list[Actor]:
    """Who threatens: the subject of a threatening verb, the possessor or qualifier of a
    threatening noun ("Russia's threat to ...")."""
    if governor.pos_ in ("VERB", "AUX"):
        return subject_actors(clause_subject(governor, ctx), ctx)
    return modifier_actors(governor, ctx)


def as_threat_without_object(candidate: Candidate, ctx: Context) -> Candidate:
    """A threatening word with no object of its own and an act in its infinitive: when the act is
    an event word, the threat is coded at it (``as_threat``) and this is a duplicate; when it is
    not ("threatened to retaliate against X"), the threat is aimed at the act's target."""
    threats = ctx.ontology.speech_acts.threats
    trigger = candidate.trigger
    if candidate.drop not in _OBJECTLESS or trigger.lemma_.lower() not in threats.verbs | threats.nouns:
        return candidate
    if trigger.pos_ in ("VERB", "AUX") and object_is_event_noun(trigger, ctx):
        # "threatened sanctions against X": the threat is coded at its object (``as_threat``)
        return replace(candidate, drop=DropReason.DUPLICATE, detail="threat coded at its object")
    act = infinitive_act(trigger)
    if act is None:
        return candidate
    if names_event(act, ctx):
        return replace(candidate, drop=DropReason.DUPLICATE, detail=f"threat coded at '{act.lemma_}'")
    trig = Trigger(trigger.lemma_.lower(), "VERB", THREATEN_RELATION, None, (), None)
    tokens = [c for c in children_of(act) if c.dep_ == "dobj"]
    tokens += prep_objects(act, tuple(sorted(ctx.lexicon.target_prepositions)))
    found = resolve_object(tokens, ctx, trig)
    if not candidate.subjects:
        return candidate
    if not found.actors:
        # "threatened to use force unless Serbia withdraws": aimed at the condition's party
        targets = condition_targets(act_holders(act, trigger), candidate.subjects, ctx)
        return replace(candidate, relation=THREATEN_RELATION, objects=tuple(targets), drop=None, detail="",
                       confidence=THREAT_CONFIDENCE) if targets else candidate
    attributes = (found.attribute,) if found.attribute else ()
    return Candidate(trigger, THREATEN_RELATION, candidate.subjects, found.actors, attributes, THREAT_CONFIDENCE)


def as_warning(candidate: Candidate, ctx: Context) -> Candidate:
    """A warning aimed at the subject of its clause: a warning that X will face consequences or pay
    a price threatens X, but one that X faces or suffers a plight ("warned that X faces a famine")
    is about X, no threat to it (dropped, not an event)."""
    threats = ctx.ontology.speech_acts.threats
    trigger = candidate.trigger
    if candidate.drop is not None or candidate.relation != THREATEN_RELATION:
        return candidate
    if "requested" in dict(candidate.attributes):
        return candidate  # the act threatened in the clause ("warned that it would strike X")
    if trigger.lemma_.lower() not in threats.warning_verbs or trigger.pos_ not in ("VERB", "AUX"):
        return candidate
    if any(c.dep_ in ("dobj", "dative") for c in children_of(trigger)):
        return candidate  # "warned X (against / of / that ...)": X is warned
    plights = [c for c in children_of(trigger) if c.dep_ == "ccomp" and is_plight_clause(c, threats)]
    if not plights:
        return candidate
    return Candidate(trigger, candidate.relation, (), (), (), 0.0, DropReason.NOT_AN_EVENT,
                     f"warning of a plight ('{plights[0].lemma_}' without consequences)")


# -- naming (extract/naming.py, speech_acts.toml) ---------------------------------------------


def relation_name_of_statement(ctx: Context) -> str:
    """The relation of a public statement, the code of a judgement not specified."""
    return ctx.ontology.relation_for_code(ctx.ontology.speech_acts.naming.statement_code).name


def naming_candidate(verb: Token, ctx: Context) -> Candidate | None:
    """A naming verb with a predicate after its object ("called X a liar", "termed the move
    unacceptable") judges the object: coded as naming_code says, never as the verb's other
    senses (a phone call). None when the verb is no naming verb or has no predicate."""
    if verb.lemma_.lower() not in ctx.ontology.speech_acts.naming.verbs:
        return None
    found = predicate_complement(verb)
    if found is None:
        return None
    named = found.named
    if named.lower_ in FREE_RELATIVE_PRONOUNS:
        # "what he called war games": the naming labels the phrase, it judges no one
        return Candidate(verb, relation_name_of_statement(ctx), (), (), (), 0.0, DropReason.NOT_AN_EVENT,
                         "naming in a free relative")
    if named.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        named = verb.head  # "the embargo, which he described as an obstacle": the embargo is judged
    code = naming_code(verb, found.predicate, ctx.ontology, ctx.lexicon.negators)
    relation = ctx.ontology.relation_for_code(code)
    trig = Trigger(verb.lemma_.lower(), "VERB", relation.name, None, (), None)
    subject_found = clause_subject(verb, ctx)
    if subject_found.blocked:
        return Candidate(verb, relation.name, (), (), (), 0.0, DropReason.BLOCKED_BY_GOVERNOR, verb.lemma_)
    # the judged thing names the target, or its possessor or qualifier does ("Togo's claims"); not
    # an event inside it ("described the talks with X as tough" judges the talks, not X)
    target = resolve_object([named], ctx, trig, depth=1)
    attributes = [target.attribute] if target.attribute else []
    if code != relation.cameo:
        attributes.append(("cameo", code))
    confidence = 0.9 * DICTIONARY_CONFIDENCE * (subject_found.confidence or 1.0)
    parties = Parties.of(subject_actors(subject_found, ctx), subject_found, target)
    return finish_candidate(verb, trig, parties, attributes, confidence, ctx)
