"""Threats CAMEO codes beyond a threatening word's own object: a stated intention to carry out a
material conflict act ("vowed to attack X", "pledged to impose sanctions on X"), a conditional
statement of one ("said it would cut ties if X ..."), and a threat whose act has no target of its
own, aimed at the party whose conduct its condition names ("threatened to use force unless X
withdraws", "warned of consequences if X did not ...").

CAMEO (codebook, 03 vs 13): an intention to cooperate is 03, an intention to carry out a material
conflict act (quad class 4, roots 14-20) is a threat (13), coded finer by the act threatened.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from extract.block_index import children_of
from extract.ontology import Trigger, generic_code, quad_class_for
from extract.patterns import (
    Candidate,
    Context,
    actors_of,
    clause_subject,
    is_trigger,
    object_is_event_noun,
    prep_objects,
    resolve_object,
    subject_actors,
)
from extract.threats import (
    THREATEN_RELATION,
    act_holders,
    condition_agents,
    condition_clauses,
    consequence_warned_of,
    intending_governor,
    is_negated_act,
    stated_act,
    stating_governor,
)
from graph.model import Actor, DropReason

#: CAMEO quad class of material conflict (roots 14-20).
MATERIAL_CONFLICT = 4
#: Confidence of a threat read from a governor and its act rather than from one pattern.
THREAT_CONFIDENCE = 0.8
#: Drops of a word that found no object of its own.
OBJECTLESS = frozenset({DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR})


def act_code(candidate: Candidate, ctx: Context) -> str:
    """The CAMEO code of a candidate's act: its finer code if it has one, else its relation's."""
    return dict(candidate.attributes).get("cameo", ctx.ontology.relation(candidate.relation).cameo)


def committing_governor(candidate: Candidate, ctx: Context) -> Token | None:
    """The word by which the candidate's subject commits itself to the material conflict act at
    the candidate: an intention word ("vowed to attack X", "its pledge to impose sanctions on X"),
    or a verb announcing its speaker's course of action whose clause states the act under a
    condition ("said it would strike X if ..."); "said it would strike X" alone keeps its coding.
    None for any other act, for a negated act ("vowed not to attack X") and for a candidate
    without subjects."""
    trigger = candidate.trigger
    threats = ctx.ontology.speech_acts.threats
    if not candidate.subjects or quad_class_for(act_code(candidate, ctx)) != MATERIAL_CONFLICT:
        return None
    if is_negated_act(trigger):
        return None
    governor = intending_governor(trigger, threats)
    if governor is not None:
        return governor
    governor = stating_governor(trigger, threats.stating_verbs)
    if governor is not None and condition_clauses(act_holders(trigger, governor), threats.condition_markers):
        return governor
    return None


def condition_targets(holders: list[Token], speakers: Sequence[Actor], ctx: Context) -> list[Actor]:
    """The parties whose conduct the conditions on ``holders`` name ("unless Iran withdraws",
    "if the dam is attacked by Sudan"), the speakers themselves excepted ("if it is attacked",
    "if it wins")."""
    found: list[Actor] = []
    for clause in condition_clauses(holders, ctx.ontology.speech_acts.threats.condition_markers):
        for token in condition_agents(clause):
            # an actor, not a thing an actor qualifies: "if the Moroccan economy collapsed" names
            # no conduct of Morocco's
            found.extend(a for a in actors_of(token, ctx) if a not in speakers and a not in found)
    return found


def conditional_threat(
    candidate: Candidate, governor: Token, code: str, speakers: Sequence[Actor], ctx: Context
) -> Candidate | None:
    """A threatened act with no target of its own ("threatened to impose sanctions if Iran tests
    a missile"), as the threat against the party its condition names; None when no condition names
    a party other than the speakers."""
    subjects = tuple(a for a in candidate.subjects if a in speakers) or tuple(speakers)
    targets = condition_targets(act_holders(candidate.trigger, governor), speakers, ctx)
    if not subjects or not targets:
        return None
    relation = ctx.ontology.relation_for_code(code)
    attributes = {("requested", candidate.relation)}
    if code != relation.cameo:
        attributes.add(("cameo", code))
    return Candidate(governor, relation.name, subjects, tuple(targets), tuple(sorted(attributes)), THREAT_CONFIDENCE)


def is_conflict_verb(verb: Token, ctx: Context) -> bool:
    """The verb names a material conflict act: an ontology trigger of quad class 4, or a verb the
    CAMEO verb dictionary codes in roots 14-20, its block default included ("retaliate" 190,
    "punish" 170)."""
    triggers = ctx.ontology.triggers_for("VERB", verb.lemma_.lower())
    if triggers:
        return any(ctx.ontology.relation(t.relation).quad_class == MATERIAL_CONFLICT for t in triggers)
    match = ctx.ontology.verbs.match(verb)
    return match is not None and match.code[:2].isdigit() and quad_class_for(match.code) == MATERIAL_CONFLICT


def names_event(verb: Token, ctx: Context) -> bool:
    """The verb yields a candidate of its own: an ontology trigger, coded by the verb dictionary
    beyond a block's catch-all default, or governing an event noun ("impose sanctions")."""
    if is_trigger(verb, ctx) or object_is_event_noun(verb, ctx):
        return True
    match = ctx.ontology.verbs.match(verb)
    return match is not None and not (match.pattern is None and match.code == generic_code(match.code))


def act_target(act: Token, governor: Token, speakers: Sequence[Actor], ctx: Context) -> list[Actor]:
    """Whom a threatened act that is no event word is aimed at: its object or the object of a
    target preposition ("retaliate against X", "punish X"), else the party its condition names."""
    trig = Trigger(governor.lemma_.lower(), "VERB", THREATEN_RELATION, None, (), None)
    tokens = [c for c in children_of(act) if c.dep_ == "dobj"]
    tokens += prep_objects(act, tuple(sorted(ctx.lexicon.target_prepositions)))
    found = resolve_object(tokens, ctx, trig)
    if found.actors:
        return [a for a in found.actors if a not in speakers]
    return condition_targets(act_holders(act, governor), speakers, ctx)


def objectless_commitment(candidate: Candidate, ctx: Context) -> Candidate:
    """An intention or warning word that found no object but its speaker, stating that its subject
    will do a material conflict act that is no event word ("vowed to retaliate against X", "warned that it
    would retaliate if X ..."), or a warning of consequences under a condition ("warned of grave
    consequences if X did not ..."): the threat against the act's target or the condition's party.
    An act that is an event word is left to its own candidate."""
    threats = ctx.ontology.speech_acts.threats
    trigger = candidate.trigger
    lemma = trigger.lemma_.lower()
    # a warning's object may be its own speaker: "warned that it would retaliate" (a self-loop)
    self_aimed = candidate.drop is None and set(candidate.objects) <= set(candidate.subjects)
    if not (candidate.drop in OBJECTLESS or self_aimed) or not candidate.subjects:
        return candidate
    intention = lemma in (threats.intention_verbs if trigger.pos_ in ("VERB", "AUX") else threats.intention_nouns)
    warning = lemma in threats.warning_verbs and trigger.pos_ in ("VERB", "AUX")
    if not intention and not warning:
        return candidate
    speakers = candidate.subjects
    if warning and consequence_warned_of(trigger, threats) is not None:
        targets = condition_targets([trigger], speakers, ctx)
        return _threat(candidate, targets) if targets else candidate
    act = stated_act(trigger)
    if act is None and intention and trigger.pos_ in ("VERB", "AUX"):
        return dictionary_threat(candidate, ctx)
    if act is None or is_negated_act(act) or not is_conflict_verb(act, ctx):
        return candidate
    if act.dep_ == "ccomp" and not set(subject_actors(clause_subject(act, ctx), ctx)) & set(speakers):
        return candidate  # "warned that Iran would attack": not the speaker's act
    if names_event(act, ctx):
        return candidate  # the act's own candidate is coded as the threat (``as_threat``)
    targets = act_target(act, trigger, speakers, ctx)
    return _threat(candidate, targets) if targets else candidate


def dictionary_threat(candidate: Candidate, ctx: Context) -> Candidate:
    """An intention verb whose object the CAMEO verb dictionary codes as a threat ("vow revenge"
    138, "pledge a boycott" 1312, "promise a raid" 138) and that found no object actor: the threat
    against the target after a preposition of the verb or its object ("vowed revenge against X"),
    else against the party its condition names. An object that is an event word is coded at it."""
    trigger = candidate.trigger
    match = ctx.ontology.verbs.match(trigger)
    if match is None or match.pattern is None or match.code[:2] != "13" or object_is_event_noun(trigger, ctx):
        return candidate
    preps = tuple(sorted(ctx.lexicon.target_prepositions))
    tokens = prep_objects(trigger, preps)
    for obj in children_of(trigger):
        if obj.dep_ == "dobj":
            tokens += prep_objects(obj, preps)
    trig = Trigger(trigger.lemma_.lower(), "VERB", THREATEN_RELATION, None, (), None)
    found = resolve_object(tokens, ctx, trig)
    speakers = candidate.subjects
    targets = [a for a in found.actors if a not in speakers] or condition_targets([trigger], speakers, ctx)
    if not targets:
        return candidate
    relation = ctx.ontology.relation_for_code(match.code)
    attributes = (("cameo", match.code),) if match.code != relation.cameo else ()
    return Candidate(trigger, relation.name, speakers, tuple(targets), attributes, THREAT_CONFIDENCE)


def _threat(candidate: Candidate, targets: list[Actor]) -> Candidate:
    return Candidate(candidate.trigger, THREATEN_RELATION, candidate.subjects, tuple(targets), (), THREAT_CONFIDENCE)
