"""Candidates whose verb, read on its surface, names an act the clause does not report.

Four constructions of English and CAMEO practice, each with a countable drop or a recoded relation:

* A standing position: a verb of putting forces in a place as a participle after a noun ("the
  troops stationed in Japan", "has troops deployed in Iraq"), in the present passive ("troops are
  based in Qatar"), or a verb of housing in the continuative perfect or progressive ("has hosted U.S.
  forces since 1945", "has been hosting refugees for years") says where things stand, not what was
  done: ``standing_state``. A finite verb with a time ("deployed troops to X on Monday") is an act.
* A deadline: "give X 72 hours / until Friday / a deadline to V" sets X a time limit and gives X
  nothing (never aid); with a verb of leaving the giver's land (or no place named) it orders X
  out, an expulsion (extract/envoys.py codes it) and no threat: ``no_event_sense``. An ultimatum
  to leave talks stays a threat (139). The deadline is read by extract/deadlines.py.
* A judicial execution: a state or its judiciary that executes or hangs a person carries out a
  sentence, coded by the OEDA dictionary as legal action (PUT * (TO DEATH) [173]), not an assault.
  A participle of accusation after a noun ("a man convicted of spying for X") tells that person's
  alleged act: the act's subject is the accused alone, and what lies inside it (X) is not the object
  of the verb that governs the accused ("executed", "arrested").
* A statement's topic: a gerund after "on" or "about" a statement or declaration ("signed a joint
  statement on deepening their partnership") is what the text is about, not an act: ``not_an_event``.
* A signed statement: "signed a joint statement / communique" is a statement the signers make
  together (OEDA: ISSUE * JOINT COMMUNIQUE [017]; SIGN has no code of its own and no pattern for
  a statement), not a formal agreement (057): recoded as diplomatic cooperation (05 root, 050).

The words are in ``surface_readings.toml`` (a span of time and a deadline's in ``deadlines.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.data_tables import WordTable, load_word_table
from extract.deadlines import timed_infinitives
from extract.envoys import leaves_the_expellers_land
from extract.patterns import Candidate, Context
from graph.model import Actor, DropReason

#: Present forms of "be" that make a present passive ("are stationed").
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})
_PRESENT_HAVE = frozenset({"has", "have", "'s", "'ve"})
#: Dependencies of the noun a verb acts on: its object, or the subject of its passive.
_PATIENTS = frozenset({"dobj", "nsubjpass"})
#: Dependencies from an act up to the preposition of an accusation's complement ("accused [of]
#: [trying] to [attack]", "of spying [and] plotting"): no relative or adverbial clause between.
_COMPLEMENT_PATH = frozenset({"pcomp", "pobj", "xcomp", "ccomp", "conj", "dobj", "compound", "amod", "prep"})
#: Drops for an actor not found, which a standing position explains better.
_ACTORLESS = frozenset({DropReason.NO_SUBJECT, DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR,
                        DropReason.UNQUALIFIED_AGENT, DropReason.UNRESOLVED_REFERENCE})
_AID_ROOT = "07"
_THREAT_ROOT = "13"
_ASSAULT_ROOTS = frozenset({"18", "19", "20"})
_AGREEMENT_CODE = "057"
_LEGAL_ACTION_CODE = "173"


class SurfaceWordsError(ValueError):
    """A malformed ``surface_readings.toml``."""


@dataclass(frozen=True)
class SurfaceWords:
    """The closed classes of ``surface_readings.toml`` (see the comments there)."""

    positioning_verbs: frozenset[str]
    housing_verbs: frozenset[str]
    duration_prepositions: frozenset[str]
    execution_verbs: frozenset[str]
    judicial_sectors: frozenset[str]
    combatant_sectors: frozenset[str]
    accusation_participles: frozenset[str]
    statement_nouns: frozenset[str]
    statement_relation: str
    topic_prepositions: frozenset[str]
    document_nouns: frozenset[str]


def load_surface_words(path: Path) -> SurfaceWords:
    """Read ``surface_readings.toml``; a missing or malformed list raises a one-line error naming
    the file."""
    words = load_word_table(path, SurfaceWordsError)
    return SurfaceWords(
        words("positioning_verbs"), words("housing_verbs"), words("duration_prepositions"),
        words("execution_verbs"),
        frozenset(w.upper() for w in words("judicial_sectors")),
        frozenset(w.upper() for w in words("combatant_sectors")), words("accusation_participles"),
        words("statement_nouns"), _relation_name(words, "statement_relation"), words("topic_prepositions"),
        words("document_nouns"),
    )


def _relation_name(table: WordTable, key: str) -> str:
    value = table.entries.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SurfaceWordsError(f"{table.path}: {key} must be a relation name, got {value!r}")
    return value.strip()


def with_surface_reading(candidate: Candidate, ctx: Context, words: SurfaceWords) -> Candidate:
    """The candidate; recoded when it is a judicial execution or a signed statement; dropped when its
    verb names an act the clause does not report (a standing position, a deadline, an accused
    person's alleged act)."""
    if candidate.drop is not None:
        if candidate.drop in _ACTORLESS:
            position = standing_position(candidate.trigger, words, ctx.ontology.deadlines.span_nouns)
            if position is not None:  # the truer reason: "the troops stationed in X" tells no act at all
                return replace(candidate, drop=DropReason.STANDING_STATE, detail=position)
        return candidate
    candidate = _judicial_execution(candidate, ctx, words)
    candidate = _without_accusation_objects(candidate, ctx, words)
    statement = signed_statement(candidate, ctx, words)
    if statement is not None:
        candidate = replace(candidate, relation=words.statement_relation, detail=statement)
    checks = (
        (DropReason.STANDING_STATE, standing_position(candidate.trigger, words, ctx.ontology.deadlines.span_nouns)),
        (DropReason.NO_EVENT_SENSE, deadline(candidate, ctx)),
        (DropReason.NO_SUBJECT, alleged_act(candidate, ctx, words)),
        (DropReason.NOT_AN_EVENT, statement_topic(candidate.trigger, words)),
    )
    for reason, detail in checks:
        if detail is not None:
            return _dropped(candidate, reason, detail)
    return candidate


def _dropped(candidate: Candidate, reason: DropReason, detail: str) -> Candidate:
    return replace(candidate, subjects=(), objects=(), pairs=(), confidence=0.0, drop=reason, detail=detail)


# -- standing positions ----------------------------------------------------------------------------
def standing_position(trigger: Token, words: SurfaceWords, span_nouns: frozenset[str]) -> str | None:
    """Why the verb at ``trigger`` describes where forces or people stand rather than an act, or None;
    ``span_nouns`` are the nouns of a span of time (deadlines.toml)."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    lemma = trigger.lemma_.lower()
    if lemma in words.positioning_verbs and trigger.tag_ == "VBN" and not _states_a_time(trigger):
        if trigger.dep_ in ("acl", "amod"):
            return f"participle '{trigger.lower_}' after a noun"
        if _present_passive(trigger) and not _has_direction(trigger):
            return f"present passive of '{lemma}'"
    if lemma in words.housing_verbs and _continuative(trigger) and _lasts_until_now(trigger, words, span_nouns):
        return f"continuative perfect or progressive of '{lemma}' with a duration"
    return None


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]


def _present_passive(verb: Token) -> bool:
    """ "are stationed", "is based": a present "be" and no other auxiliary ("are being deployed",
    "will be deployed" and "were deployed" are acts)."""
    auxiliaries = _auxiliaries(verb)
    return len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass" and auxiliaries[0].lower_ in _PRESENT_BE


def _continuative(verb: Token) -> bool:
    """ "has hosted", "is hosting", "has been hosting": a present perfect or present progressive."""
    auxiliaries = {a.lower_ for a in _auxiliaries(verb)}
    perfect = verb.tag_ == "VBN" and bool(auxiliaries & _PRESENT_HAVE) and not auxiliaries & {"will", "would"}
    progressive = verb.tag_ == "VBG" and bool(auxiliaries & (_PRESENT_BE | {"been"}))
    return perfect or progressive


def _lasts_until_now(verb: Token, words: SurfaceWords, span_nouns: frozenset[str]) -> bool:
    """ "since 2011", "since the end of the war", "for years": a duration up to the time of speaking."""
    for prep in (c for c in children_of(verb) if c.dep_ == "prep" and c.lower_ in words.duration_prepositions):
        for obj in (c for c in children_of(prep) if c.dep_ == "pobj"):
            if prep.lower_ == "since" or obj.ent_type_ == "DATE" or obj.lemma_.lower() in span_nouns:
                return True
    return False


def _has_direction(verb: Token) -> bool:
    """ "are deployed to the border": a destination makes the passive a movement."""
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into", "toward", "towards") for c in children_of(verb))


def _states_a_time(verb: Token) -> bool:
    """A date or time in the verb's own phrase ("troops deployed to X on Monday")."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree if t != verb)


# -- deadlines -------------------------------------------------------------------------------------
def deadline(candidate: Candidate, ctx: Context) -> str | None:
    """Why a verb of giving reads as a deadline here ("gave X 72 hours to leave"), or None."""
    verb = candidate.trigger
    if verb.lemma_.lower() not in ctx.ontology.deadlines.granting_verbs:
        return None
    cameo = ctx.ontology.relation(candidate.relation).cameo
    if not cameo.startswith((_AID_ROOT, _THREAT_ROOT)):
        return None
    infinitives = timed_infinitives(verb, ctx.ontology.deadlines)
    if not infinitives:
        return None
    if cameo.startswith(_AID_ROOT):
        return f"'{verb.lemma_.lower()}' with a span of time and an infinitive sets a deadline, gives nothing"
    leaving = [i for i in infinitives if i.lemma_.lower() in ctx.lexicon.leaving_verbs
               and leaves_the_expellers_land(i, list(candidate.subjects), ctx)]
    if leaving:
        return f"a deadline to '{leaving[0].lemma_.lower()}' orders the addressee out (expulsion), no threat"
    return None


# -- signed statements ---------------------------------------------------------------------------
def signed_statement(candidate: Candidate, ctx: Context, words: SurfaceWords) -> str | None:
    """Why a signing is a statement made together rather than a formal agreement ("signed a joint
    statement"), or None."""
    if ctx.ontology.relation(candidate.relation).cameo != _AGREEMENT_CODE:
        return None
    trigger = candidate.trigger
    if trigger.pos_ in ("VERB", "AUX"):
        signed = [c for c in children_of(trigger) if c.dep_ in ("dobj", "nsubjpass")]
    else:
        signed = [trigger]
    statements = [s for s in signed if _names_statement(s, words)]
    if statements and len(statements) == len(signed):
        return f"a signed '{statements[0].lower_}': a statement, diplomatic cooperation, not a formal agreement"
    return None


def statement_topic(trigger: Token, words: SurfaceWords) -> str | None:
    """Why a gerund is what a statement is about, not an act ("signed a joint statement on deepening
    their partnership", "a declaration about expanding trade"), or None."""
    gerund = trigger.head if trigger.dep_ == "dobj" and trigger.head.tag_ == "VBG" else trigger  # "[deepening] ties"
    prep = gerund.head
    if gerund.tag_ != "VBG" or gerund.dep_ != "pcomp" or prep.lower_ not in words.topic_prepositions:
        return None
    holder = prep.head
    documents = [holder] if holder.pos_ in ("NOUN", "PROPN") else [c for c in children_of(holder) if c.dep_ == "dobj"]
    if any(d.lemma_.lower() in words.document_nouns or _names_statement(d, words) for d in documents):
        return f"'{gerund.lower_}' is the topic of a statement, not an act"
    return None


def _names_statement(noun: Token, words: SurfaceWords) -> bool:
    lemma = noun.lemma_.lower()
    compounds = [c.lemma_.lower() for c in children_of(noun) if c.dep_ == "compound"]
    return lemma in words.statement_nouns or any(f"{c} {lemma}" in words.statement_nouns for c in compounds)


# -- judicial executions and accusations -------------------------------------------------------------
def _judicial_execution(candidate: Candidate, ctx: Context, words: SurfaceWords) -> Candidate:
    """A state's government or judiciary that executes or hangs someone who is no combatant: legal
    action (173)."""
    trigger = candidate.trigger
    if trigger.lemma_.lower() not in words.execution_verbs or trigger.pos_ not in ("VERB", "AUX"):
        return candidate
    if ctx.ontology.relation(candidate.relation).cameo[:2] not in _ASSAULT_ROOTS:
        return candidate
    doers = candidate.subjects or tuple(s for s, _ in candidate.pairs)
    if not doers or not all(_is_judicial(actor, words) for actor in doers):
        return candidate
    executed = candidate.objects or tuple(o for _, o in candidate.pairs)
    if any((actor.sector or "").upper() in words.combatant_sectors for actor in executed):
        return candidate  # "executed prisoners of war": a killing
    legal_action = ctx.ontology.relation_for_code(_LEGAL_ACTION_CODE).name
    return replace(candidate, relation=legal_action, detail="judicial execution: legal action")


def _is_judicial(actor: Actor, words: SurfaceWords) -> bool:
    return actor.country is not None and (actor.sector or "").upper() in words.judicial_sectors


def _accusations(noun: Token, words: SurfaceWords) -> list[Token]:
    """The participles of accusation after ``noun`` ("men [convicted] of spying")."""
    return [c for c in children_of(noun)
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in words.accusation_participles]


def _without_accusation_objects(candidate: Candidate, ctx: Context, words: SurfaceWords) -> Candidate:
    """Objects of a verb that come from inside an accusation on its patient ("executed men convicted
    of spying for X": X) are not its objects; none left, the candidate is a ``no_object`` drop."""
    trigger = candidate.trigger
    inside: set[str] = set()
    own: set[str] = set()
    for patient in (c for c in children_of(trigger) if c.dep_ in _PATIENTS):
        patient_actor = ctx.actor(patient)
        if patient_actor is not None:
            own.add(patient_actor.id)
        for accusation in _accusations(patient, words):
            inside.update(a.id for t in accusation.subtree if (a := ctx.actor(t)) is not None)
    foreign = inside - own
    if not foreign:
        return candidate
    objects = tuple(o for o in candidate.objects if o.id not in foreign)
    pairs = tuple((s, o) for s, o in candidate.pairs if o.id not in foreign)
    if objects == candidate.objects and pairs == candidate.pairs:
        return candidate
    if not objects and not pairs:
        return _dropped(candidate, DropReason.NO_OBJECT, "the object lies inside an accusation on the patient")
    return replace(candidate, objects=objects, pairs=pairs)


def alleged_act(candidate: Candidate, ctx: Context, words: SurfaceWords) -> str | None:
    """Why the candidate's subject cannot do its act: the act is the complement of an accusation
    ("a man convicted of spying for X", "accused Y of working for X", "people it accused of ..."),
    whose doer is the accused alone; or None."""
    node = candidate.trigger
    while node.head != node and node.dep_ in _COMPLEMENT_PATH:
        parent = node.head
        if node.dep_ == "prep" and parent.lemma_.lower() in words.accusation_participles:
            accused = _accused(parent)
            if accused is None:
                return None
            actor = ctx.actor(accused)
            doers = candidate.subjects or tuple(s for s, _ in candidate.pairs)
            if any(actor is None or doer.id != actor.id for doer in doers):
                return f"the alleged act of '{accused.lower_}', accused in '{parent.lower_}'"
            return None
        node = parent
    return None


def _accused(accusation: Token) -> Token | None:
    """Who an accusation is about: the noun its participle follows ("men [convicted]"), its object
    ("accused Y"), its passive subject ("Y was convicted") or the noun its relative clause is on
    ("people [it accused]")."""
    if accusation.dep_ == "acl":
        return accusation.head
    for child in children_of(accusation):
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    return accusation.head if accusation.dep_ == "relcl" else None
