"""Relation patterns over a dependency parse: who did what to whom at each trigger word.

Each function takes the parse and the actor mentions and returns plain values; the pipeline
turns a ``Candidate`` into an ``Event`` or a ``Drop``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from extract.argument_paths import (
    RELATIVE_PRONOUNS,
    VISIT_CODE,
    direct_objects,
    headline_co_subjects,
    is_joint_occasion,
    is_trip_purpose,
    joint_of_parties,
    occasion_agents,
    of_phrase_holder,
    passive_removal,
    relative_gap_objects,
    severs_mutual_relation,
)
from extract.block_index import block_words, children_of, conjuncts_of, span_root
from extract.block_memo import BlockMemo
from extract.clause_boundaries import opens_own_clause
from extract.counted_goods import amount_phrase, counted_goods_verb
from extract.joint_objects import acts_on_third_thing
from extract.joint_parties import between_objects, names_its_content, received_joint_act
from extract.lone_predicates import lone_object_predicates
from extract.mentions import BlockMentions, Mention, MentionKind
from extract.nominal_speech_acts import (
    ASKING_ROOTS,
    answering_verb,
    answers_the_act,
    asked_parties,
    manner_reaction_targets,
    manner_reaction_verb,
)
from extract.non_party_phrases import modifier_lends_no_party, names_no_party
from extract.noun_agents import NounRoles, agent_held_targets, noun_roles
from extract.ontology import Lexicon, Ontology, Trigger, generic_code
from extract.pair_reference import with_pair_reference
from extract.patient_acts import possessor_is_agent
from extract.reporter_conjuncts import reporting_verb_of_conjunct
from extract.role_mentions import coordinated_qualifier_tokens
from extract.setting_places import names_setting
from extract.verb_dictionary import parse_slots, particle_words
from extract.verb_forms import is_passive, is_to_infinitive
from graph.model import Actor, ActorType, DropReason, RelationType, same_state

_PLACE_PREPS = frozenset({"in", "at"})
#: Prepositions of a temporal adjunct: "withdrew to its bases after the drills in X" says when, and
#: what it names is no party to the act (general English).
_TIME_PREPS = frozenset({"after", "before", "during", "since", "until", "following"})


@dataclass(frozen=True)
class Candidate:
    """A trigger with the actors found for it, or the reason none were found."""

    trigger: Token
    relation: str
    subjects: tuple[Actor, ...]
    objects: tuple[Actor, ...]
    attributes: tuple[tuple[str, str], ...]
    confidence: float
    drop: DropReason | None = None
    detail: str = ""
    pairs: tuple[tuple[Actor, Actor], ...] = ()
    pairing: str = "dependency"

    def actor_pairs(self) -> tuple[tuple[Actor, Actor], ...]:
        """(subject, object) pairs: the cross product, or the explicit pairs of a group."""
        if self.pairs:
            return self.pairs
        return tuple((s, o) for s in self.subjects for o in self.objects)


@dataclass(frozen=True)
class Context:
    """What the patterns read: the ontology, the lexicon and the block's mentions."""

    ontology: Ontology
    lexicon: Lexicon
    mentions: Mapping[int, Mention]
    #: speech-act verbs that continue a reporter's acts (reporter_acts.toml, extract/reporter_conjuncts.py)
    reporter_acts: frozenset[str]
    #: readings of the block's words that several passes ask for, kept for the block (extract/block_memo.py)
    memo: BlockMemo = field(default_factory=BlockMemo, compare=False, repr=False)

    def actor(self, token: Token) -> Actor | None:
        mention = self.mentions.get(token.i)
        return mention.actor if mention is not None else None

    def is_unqualified_agent(self, token: Token) -> bool:
        """An agent noun no country qualifies ("protesters" alone): not an actor."""
        return isinstance(self.mentions, BlockMentions) and token.i in self.mentions.unqualified_agents

    def pair_of(self, token: Token) -> tuple[Actor, ...] | None:
        """The actors a pair or group reference ("the two countries", "the three allies") refers to,
        if it is one."""
        return self.mentions.references.get(token.i) if isinstance(self.mentions, BlockMentions) else None

    def references(self) -> dict[int, tuple[Actor, ...] | None]:
        """The block's pair and group references by token: their actors, None when unresolved."""
        return dict(self.mentions.references) if isinstance(self.mentions, BlockMentions) else {}

    def place_state(self, token: Token) -> Actor | None:
        """The state containing the place a token names ("Odesa": Ukraine), if it names one."""
        return self.mentions.place_states.get(token.i) if isinstance(self.mentions, BlockMentions) else None

    def is_scene_place(self, token: Token) -> bool:
        """A place that says where an agent of the block acts, and so is not what its act aims at."""
        return isinstance(self.mentions, BlockMentions) and token.i in self.mentions.scene_places

    def is_place_name(self, token: Token) -> bool:
        mention = self.mentions.get(token.i)
        return mention is not None and mention.kind is MentionKind.CAPITAL


# -- actors of argument tokens ---------------------------------------------------------------
def candidate_code(candidate: Candidate, ctx: Context) -> str:
    """The CAMEO code a candidate carries: the finer code a reading gave it ("cameo" attribute),
    else its relation's."""
    return dict(candidate.attributes).get("cameo") or ctx.ontology.relation(candidate.relation).cameo


def actors_of(token: Token, ctx: Context) -> list[Actor]:
    """The actors an argument token names, following conjunctions and appositions."""
    return list(ctx.memo.answer("actors_of", token, lambda: tuple(_actors_of(token, ctx))))


def _actors_of(token: Token, ctx: Context) -> list[Actor]:
    found: list[Actor] = []
    items = [token, *(c for c in conjuncts_of(token) if not opens_own_clause(c))]  # not "and Ireland did so"
    mention = ctx.mentions.get(token.i)
    if mention is not None:
        # the parser may hang the conjunction on any token of a name ("Barack Obama and ...")
        for inner in block_words(token.doc)[mention.start : mention.end]:
            items.extend(c for c in conjuncts_of(inner) if c not in items and not opens_own_clause(c))
    for item in list(items):
        items.extend(t for t in _coordinated_qualifiers(item, ctx) if t not in items)
    head_actor = ctx.actor(token)
    if head_actor is not None:
        # "The US, Russia, and Switzerland": the parser often hangs a list on an apposition.
        for child in children_of(token):
            child_actor = ctx.actor(child) if child.dep_ == "appos" else None
            if child_actor is not None and child_actor.type is head_actor.type and conjuncts_of(child):
                items.extend([child, *conjuncts_of(child)])
    for item in items:
        pair = ctx.pair_of(item)
        if pair is not None:  # "the two countries": both actors of the pair
            found.extend(a for a in pair if a not in found)
            continue
        actor = ctx.actor(item)
        if actor is None:
            for child in children_of(item):
                if child.dep_ == "appos" and ctx.actor(child) is not None:
                    actor = ctx.actor(child)
                    break
        if actor is None and item.lower_ in RELATIVE_PRONOUNS and item.head.dep_ in ("relcl",):
            actor = ctx.actor(item.head.head)
        if actor is None and item.lemma_.lower() in ctx.lexicon.partitive_nouns:
            # "a group of Moroccan diplomats", "members of the Israeli cabinet"
            for prep in children_of(item):
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in children_of(prep):
                        if pobj.dep_ == "pobj":
                            actor = ctx.actor(pobj)
        if actor is not None and actor not in found:
            found.append(actor)
    return found


def _coordinated_qualifiers(token: Token, ctx: Context) -> list[Token]:
    """The coordinated qualifiers of a role noun that name actors in its role ("Kenyan and
    Ugandan officials": both states' officials act)."""
    mention = ctx.mentions.get(token.i)
    if mention is None or mention.kind not in (MentionKind.GROUP, MentionKind.TITLE):
        return []
    return [
        t for t in coordinated_qualifier_tokens(token)
        if (other := ctx.mentions.get(t.i)) is not None and other.kind is mention.kind
    ]


def modifier_actors(token: Token, ctx: Context) -> list[Actor]:
    """Actors that qualify a non-actor noun: "Russian oil", "EU sanctions", "Russia's war"."""
    return list(ctx.memo.answer("modifier_actors", token, lambda: tuple(_modifier_actors(token, ctx))))


def _modifier_actors(token: Token, ctx: Context) -> list[Actor]:
    found: list[Actor] = []
    for child in children_of(token):
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < token.i:
            # through compound chains: "a Security Council resolution censuring ..."
            actors = actors_of(child, ctx) or (modifier_actors(child, ctx) if child.dep_ == "compound" else [])
            for actor in actors:
                if actor not in found:
                    found.append(actor)
    return found


def _noun_text(token: Token) -> str:
    parts = [c for c in children_of(token) if c.dep_ in ("compound", "amod") and c.i < token.i]
    words = [c.lower_ for c in parts if c.ent_type_ not in ("NORP", "GPE")] + [token.lemma_.lower()]
    return " ".join(words)


# -- subjects -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Found:
    """Argument tokens and how confident the path to them is."""

    tokens: tuple[Token, ...]
    confidence: float
    blocked: bool = False


def clause_subject(verb: Token, ctx: Context, depth: int = 0) -> Found:
    """The subject of a verb, inherited through control, coordination and modification."""
    if depth == 0:
        return ctx.memo.answer("clause_subject", verb, lambda: _clause_subject(verb, ctx, 0))
    return _clause_subject(verb, ctx, depth)


def _clause_subject(verb: Token, ctx: Context, depth: int) -> Found:
    if depth > 6:
        return Found((), 0.0)
    own = _own_subject(verb)
    if own is not None:
        return own
    if verb.head == verb:
        return Found((), 0.0)
    return _inherited_subject(verb, ctx, depth)


def _own_subject(verb: Token) -> Found | None:
    """The verb's own subject ("and Russia, Ukraine agree" with its headline co-subjects); for a
    relative pronoun, the noun its clause is on ("the state which imposed")."""
    for child in children_of(verb):
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return Found((verb.head,), 0.85)
            return Found((child, *headline_co_subjects(child)), 1.0)
    return None


def _inherited_subject(verb: Token, ctx: Context, depth: int) -> Found:
    """The subject a verb without one of its own takes from the word it hangs on, by the relation
    it hangs by."""
    relation, head = verb.dep_, verb.head
    if relation == "xcomp" or (relation == "advcl" and is_to_infinitive(verb)):
        return _controlled_subject(head, ctx, depth)
    if _leans_on_an_infinitive(verb):
        return _scaled(clause_subject(_controlling_clause(head), ctx, depth + 1), 0.85)
    reporter = reporting_verb_of_conjunct(verb, ctx.reporter_acts, ctx.ontology.speech_acts.censure.reporting_verbs)
    if reporter is not None:  # "X said S was P and urged Y": X urged
        return _scaled(clause_subject(reporter, ctx, depth + 1), 0.85)
    if relation in ("conj", "advcl", "acomp"):
        return _scaled(clause_subject(head, ctx, depth + 1), 0.85)
    if relation in ("relcl", "acl"):
        return _modified_noun_subject(verb, ctx, depth)
    if relation == "pcomp" and head.lower_ == "in" and head.head.lemma_.lower() in ctx.lexicon.emulating_verbs:
        return _emulating_subject(head.head, ctx, depth)
    if relation == "pcomp":
        return _prepositional_complement_subject(head.head, ctx, depth)
    return Found((), 0.0)


def _scaled(found: Found, factor: float) -> Found:
    """``found`` with its confidence scaled by ``factor``, for one more step along the path."""
    return Found(found.tokens, found.confidence * factor, found.blocked)


def _controlled_subject(governor: Token, ctx: Context, depth: int) -> Found:
    """The subject of an infinitive or open complement of ``governor``: its object under object
    control ("urged Iran to"), none under a verb of opposing (blocked), its passive subject ("Erdogan
    is expected to visit", "Israel was urged to allow"), else its own subject."""
    if governor.lemma_.lower() in ctx.lexicon.object_control_verbs:
        objects = [c for c in children_of(governor) if c.dep_ in ("dobj",)]
        if objects:
            return Found((objects[0],), 0.8)
    if governor.lemma_.lower() in ctx.lexicon.opposing_verbs:
        return Found((), 0.0, blocked=True)
    raised = [c for c in children_of(governor) if c.dep_ == "nsubjpass"]
    if raised:
        return Found((raised[0],), 0.9)
    return _scaled(clause_subject(governor, ctx, depth + 1), 0.9)


def _leans_on_an_infinitive(verb: Token) -> bool:
    """A verb that belongs to the clause an infinitive completes, not to the infinitive: a
    participle set off by a comma ("ordered French troops to leave, accusing Paris of ...") or a
    tensed verb coordinated with the infinitive ("urged Iran to stop ... and pressed Japan")."""
    head = verb.head
    free_participle = verb.dep_ == "advcl" and _is_free_participle(verb) and head.dep_ == "xcomp"
    tensed_conjunct = verb.dep_ == "conj" and verb.tag_ in _TENSED_TAGS and _is_infinitive(head)
    return free_participle or tensed_conjunct


def _modified_noun_subject(verb: Token, ctx: Context, depth: int) -> Found:
    """The subject of a relative clause or a clause on a noun: the noun when it names an actor, the
    possessor of a noun whose infinitive it is ("Sweden's bid to join NATO"), else whoever acts in
    the noun's event."""
    noun = verb.head
    if ctx.actor(noun) is not None:
        return Found((noun,), 0.8)
    possessors = [c for c in children_of(noun) if c.dep_ == "poss" and ctx.actor(c) is not None]
    if verb.dep_ == "acl" and is_to_infinitive(verb) and possessors:
        return Found((possessors[0],), 0.8)
    return _scaled(noun_governor_subject(noun, ctx, depth + 1), 0.8)


def _emulating_subject(governor: Token, ctx: Context, depth: int) -> Found:
    """The doers of the "in V-ing" adjunct of a verb of following or joining ("Canada joined Britain
    in condemning Iran"): the verb's own subject, and its object, who had done it too (unless the
    following is itself negated, modal or embedded: "refused to join Poland in condemning")."""
    own = _scaled(clause_subject(governor, ctx, depth + 1), 0.85)
    plain = governor.dep_ != "xcomp" and not any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in children_of(governor))
    followed = tuple(c for c in children_of(governor) if c.dep_ == "dobj" and actors_of(c, ctx)) if plain else ()
    return Found((*own.tokens, *followed), own.confidence if own.tokens else 0.8, own.blocked)


def _prepositional_complement_subject(holder: Token, ctx: Context, depth: int) -> Found:
    """The subject of a gerund after a preposition on ``holder``: whoever acts in a noun's event;
    a verb's object ("accused Washington of supplying", "thanked Turkey for mediating"), else the
    verb's subject."""
    if holder.pos_ in ("NOUN", "PROPN"):
        return _scaled(noun_governor_subject(holder, ctx, depth + 1), 0.85)
    if holder.pos_ not in ("VERB", "AUX"):
        return Found((), 0.0)
    objects = [c for c in children_of(holder) if c.dep_ == "dobj" and actors_of(c, ctx)]
    if objects:
        return Found((objects[0],), 0.8)
    return _scaled(clause_subject(holder, ctx, depth + 1), 0.85)


#: Tags of a verb form that carries tense (past, third person present): never an infinitive.
_TENSED_TAGS = frozenset({"VBD", "VBZ"})


def _is_infinitive(verb: Token) -> bool:
    """A bare verb under "to" that completes another verb ("urged Iran [to stop]")."""
    under_to = is_to_infinitive(verb)
    return verb.tag_ == "VB" and verb.dep_ == "xcomp" and under_to


def _is_free_participle(verb: Token) -> bool:
    """An -ing participle set off from what precedes it by a comma ("..., accusing X of ...")."""
    return verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _controlling_clause(verb: Token) -> Token:
    """The verb whose infinitival complements (xcomp) lead down to ``verb``."""
    while verb.dep_ == "xcomp" and verb.head != verb:
        verb = verb.head
    return verb


def _manner_reactor(noun: Token, verb: Token, ctx: Context, depth: int) -> Found:
    """Who reacts in a manner adjunct ("in protest at X") on ``verb``: the verb's subject, unless that
    subject is of the state the reaction is aimed at, for no state protests at its own act: the
    parser hung the adjunct on a clause below the reacting one ("demanded that Vilnius withdraw its
    envoy, in protest at the Baltic country's decision": China protests), whose governing clause's
    subject reacts."""
    found = clause_subject(verb, ctx, depth + 1)
    aimed_at = {a.country or a.id for t in manner_reaction_targets(noun)
                for a in actors_of(t, ctx) or modifier_actors(t, ctx)}  # "at X's decision": X

    def reacts_to_itself(candidate: Found) -> bool:
        acting = {a.country or a.id for t in candidate.tokens for a in actors_of(t, ctx)}
        return bool(acting) and acting <= aimed_at

    clause = verb
    while reacts_to_itself(found) and clause.dep_ in ("ccomp", "xcomp", "conj") and clause.head != clause:
        clause = clause.head
        found = clause_subject(clause, ctx, depth + 1)
    return found


def noun_governor_subject(noun: Token, ctx: Context, depth: int = 0) -> Found:
    """Who acts in a noun's event when the noun itself names nobody: the subject of the
    light or control verb that governs it ("Budapest has no intention of ...")."""
    if depth > 6:
        return Found((), 0.0)
    relation, head = noun.dep_, noun.head
    if head == noun:
        return Found((), 0.0)
    if relation in ("dobj", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return _object_governor_subject(head, ctx, depth)
    counting = counted_goods_verb(noun) if relation == "pobj" else None
    if counting is not None:  # "pledged $2 billion in aid": the aid is what is pledged
        return _object_governor_subject(counting, ctx, depth)
    if relation == "pobj" and head.dep_ == "prep":
        manner = manner_reaction_verb(noun, noun_roots(noun, ctx))
        if manner is not None:  # "recalled its envoy in protest at X"
            return _manner_reactor(noun, manner, ctx, depth)
        if head.lower_ in ctx.lexicon.adjunct_prepositions:
            return Found((), 0.0)  # "sanctioned X over arms sales": the cause is someone else's act
        if is_joint_occasion(noun, head, ctx.lexicon.occasion_prepositions, _is_joint_noun(noun, ctx)):
            # "During talks with Xi, Putin praised ...": the clause's subject takes part (extract/argument_paths.py)
            inherited = clause_subject(head.head, ctx, depth + 1)
            return Found(inherited.tokens, inherited.confidence * 0.8, inherited.blocked)
        holder = head.head
        if is_trip_purpose(noun, head, ctx.lexicon.purpose_prepositions, _is_joint_noun(noun, ctx),
                           _is_travel_verb(holder, ctx)):
            return clause_subject(holder, ctx, depth + 1)
        sharer = participation_verb(head, ctx.lexicon.participation_phrases)
        if sharer is not None:  # "took part in talks with X", "played a role in the negotiations"
            return clause_subject(sharer, ctx, depth + 1)
        lemma = holder.lemma_.lower()
        passes_subject = lemma in ctx.lexicon.control_verbs or lemma in ctx.lexicon.light_verbs
        if holder.pos_ in ("VERB", "AUX") and (passes_subject or not is_trigger(holder, ctx)) \
                and not answers_the_act(holder, ctx.lexicon):
            # "agreed to a ceasefire", "engaged in talks"
            inherited = clause_subject(holder, ctx, depth + 1)
            return Found(inherited.tokens, inherited.confidence * 0.8, inherited.blocked)
        if holder.dep_ == "acomp" and holder.lemma_.lower() in ctx.lexicon.intending_adjectives:
            # "Iran is ready for talks with X", "he was open to talks": the one ready or open takes part
            return clause_subject(holder.head, ctx, depth + 1)
        if holder.pos_ in ("NOUN", "PROPN") and head.lower_ == "of" and ctx.actor(holder) is None:
            # "adopted a package of sanctions", "launched a wave of strikes"
            return noun_governor_subject(holder, ctx, depth + 1)
    if relation == "conj":
        return noun_governor_subject(head, ctx, depth + 1)
    return Found((), 0.0)


def _object_governor_subject(verb: Token, ctx: Context, depth: int) -> Found:
    """Who acts in the event of a noun that is ``verb``'s object: the subject of a light or
    control verb, or (less surely) of a verb that is no trigger of its own; no one where the
    verb opposes or holds up the act."""
    lemma = verb.lemma_.lower()
    if lemma in ctx.lexicon.opposing_verbs:
        return Found((), 0.0, blocked=True)
    if particle_words(verb) & ctx.ontology.verb_senses.light_verb_changing_particles(lemma):
        return Found((), 0.0, blocked=True)  # "held up the sanctions": delayed, not done (verb_senses.toml)
    if lemma in ctx.lexicon.light_verbs or lemma in ctx.lexicon.control_verbs:
        return clause_subject(verb, ctx, depth + 1)
    if not is_trigger(verb, ctx) and not answers_the_act(verb, ctx.lexicon):
        inherited = clause_subject(verb, ctx, depth + 1)
        return Found(inherited.tokens, inherited.confidence * 0.8, inherited.blocked)
    return Found((), 0.0)


def participation_verb(prep: Token, phrases: frozenset[str]) -> Token | None:
    """The verb of an "in" phrase naming an act its subject shares in: a verb with a direct object
    that with it says so (lexicon.toml ``participation_phrases``: "took part in", "played a role
    in"), the phrase hung on the noun or on the verb. None for any other "in" phrase."""
    if prep.lower_ != "in":
        return None
    holder = prep.head
    if holder.pos_ in ("NOUN", "PROPN"):
        objects, verb = [holder], holder.head
        if holder.dep_ != "dobj":
            return None
    else:
        objects, verb = [c for c in children_of(holder) if c.dep_ == "dobj"], holder
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    return verb if any(f"{lemma} {o.lemma_.lower()}" in phrases for o in objects) else None


def _is_travel_verb(token: Token, ctx: Context) -> bool:
    """A verb that tells a trip: one of the triggers of the ontology's visit relation (CAMEO 042)."""
    visit = ctx.ontology.code_relations.get(VISIT_CODE)
    triggers = ctx.ontology.triggers_for("VERB", token.lemma_.lower())
    return token.pos_ == "VERB" and any(t.relation == visit for t in triggers)


def _is_joint_noun(noun: Token, ctx: Context) -> bool:
    """An event noun of a joint act ("talks", "a meeting", "a summit")."""
    triggers = ctx.ontology.triggers_for("NOUN", noun.lemma_.lower())
    return any(ctx.ontology.relation(t.relation).reciprocal for t in triggers)


def noun_roots(noun: Token, ctx: Context) -> frozenset[str]:
    """The CAMEO roots of the ontology's noun triggers of this lemma."""
    return frozenset(ctx.ontology.relation(t.relation).cameo[:2]
                     for t in ctx.ontology.triggers_for("NOUN", noun.lemma_.lower()))


def is_trigger(token: Token, ctx: Context) -> bool:
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
    return bool(ctx.ontology.triggers_for(pos, token.lemma_.lower()))


def prep_objects(token: Token, preps: tuple[str, ...], through_of: bool = False) -> list[Token]:
    """Objects of the given prepositions on ``token``; with ``through_of`` also on its "of"
    complement ("the withdrawal of troops from Panama")."""
    objects: list[Token] = []
    for child in children_of(token):
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            objects.extend(c for c in children_of(child) if c.dep_ in ("pobj", "pcomp"))
    if through_of and not objects:
        for child in children_of(token):
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in children_of(child):
                    if pobj.dep_ == "pobj":
                        objects.extend(prep_objects(pobj, preps))
    return objects


def has_particle(verb: Token, particle: str | None) -> bool:
    """Whether the verb carries every middle word of a trigger ("in" of "give in to", "tie" of "cut
    tie with"); a preposition with its own object ("gave a speech [in Beirut]") is no particle."""
    if particle is None:
        return True
    words = particle.split()
    children = [c for c in children_of(verb) if not is_prepositional_phrase(c)]
    lemmas = {c.lemma_.lower() for c in children} | {c.lower_ for c in children}
    return all(word in lemmas for word in words)


def is_prepositional_phrase(token: Token) -> bool:
    """A preposition with an object of its own ("in Beirut"), as opposed to a particle ("gave in")."""
    return token.dep_ == "prep" and any(g.dep_ == "pobj" for g in children_of(token))


def _place_of(trigger: Token, ctx: Context, used: set[int]) -> str | None:
    """Where the event happened: "in"/"at" a place on the trigger or on its object."""
    children = list(children_of(trigger))  # walked once here (spaCy makes every child's Token at each walk)
    holders = [c for c in children if c.dep_ in ("dobj", "pobj") or c.i in used]
    holders += [g for c in children if c.dep_ == "prep" for g in children_of(c) if g.dep_ == "pobj"]
    preps = [*children, *(c for holder in holders for c in children_of(holder))]  # the trigger's own first
    for child in preps:
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            for pobj in children_of(child):
                if pobj.dep_ == "pobj" and pobj.i not in used and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                    start = pobj.left_edge.i
                    return trigger.doc[start : pobj.i + 1].text.removeprefix("the ")
    return None


# -- objects --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ObjectFound:
    """The object's actors, or, when none: whether an object token was there at all and whether
    one was an agent noun no country or organisation qualifies ("arrested protesters")."""

    actors: tuple[Actor, ...]
    attribute: tuple[str, str] | None
    token_seen: bool
    used: frozenset[int]
    unqualified_agent: bool = False


def _holder_modifiers(prep: Token, pobj: Token, ctx: Context) -> list[Actor]:
    """The actors the modifiers of an "of" complement name, who hold the thing a verb acts on, its
    direct object: "froze the assets of Russian oligarchs" (Russia), "revoked the visas of Iranian
    diplomats" (Iran). Not in a prepositional phrase ("breaking with decades of U.S. policy"), not
    after a partitive ("captured part of a Karen stronghold": the part is of the thing itself), not
    a noun of a relation to its possessor ("Israel's ally" is not Israel)."""
    held = prep.head
    if prep.lower_ != "of" or held.dep_ not in ("dobj", "nsubjpass"):
        return []
    if held.lemma_.lower() in ctx.lexicon.partitive_nouns or pobj.lemma_.lower() in ctx.lexicon.relational_state_nouns:
        return []
    if modifier_lends_no_party(pobj, ctx.lexicon, as_subject=False):
        return []
    return modifier_actors(pobj, ctx)


def resolve_object(tokens: list[Token], ctx: Context, trigger: Trigger, depth: int = 0) -> ObjectFound:
    """Actors named by object tokens, else by their modifiers ("Russian oil": Russia, with
    commodity oil), else by the event noun they name ("opposed aid to Ukraine")."""
    for token in tokens:
        direct = actors_of(token, ctx)
        if direct and all(_is_unknown_place(actor, token, ctx) for actor in direct):
            # "seized the Zaporizhzhia power plant in southern Ukraine": a named place in a state
            direct = _place_owners(token, ctx) or direct
        if direct:
            return ObjectFound(tuple(direct), None, True, frozenset({token.i}))
    for token in tokens:
        states = _place_states(token, ctx)  # "shelled Kharkiv": the state the place is in
        if states:
            return ObjectFound(tuple(states), ("place", token.text), True, frozenset({token.i}))
    for token in tokens:
        modifiers = [] if modifier_lends_no_party(token, ctx.lexicon, as_subject=False) else modifier_actors(token, ctx)
        if modifiers and all(_is_unknown_place(actor, token, ctx) for actor in modifiers):
            modifiers = _place_owners(token, ctx)
        if modifiers:
            name = trigger.object_attribute or "topic"
            return ObjectFound(tuple(modifiers), (name, _noun_text(token)), True, frozenset({token.i}))
    for token in tokens:
        sources = [
            actor
            for prep in children_of(token)
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by", "of")
            for pobj in children_of(prep)
            if pobj.dep_ == "pobj"
            for actor in actors_of(pobj, ctx) or _holder_modifiers(prep, pobj, ctx)
        ]
        if sources:
            return ObjectFound(tuple(sources), ("topic", _noun_text(token)), True, frozenset({token.i}))
    for token in tokens:
        places = _place_owners(token, ctx) if token.lemma_.lower() in ctx.lexicon.place_nouns else []
        places = places or [
            actor
            for prep in children_of(token)
            if prep.dep_ == "prep" and prep.lower_ in _LOCATING_PREPS
            for pobj in children_of(prep)
            if pobj.dep_ == "pobj"
            for actor in (_states_of(pobj, ctx) or _place_owners(pobj, ctx))
        ]
        if places:
            return ObjectFound(tuple(places), ("topic", _noun_text(token)), True, frozenset({token.i}))
    if depth == 0:
        for token in tokens:
            inner = _inner_event_object(token, ctx)
            if inner:
                return ObjectFound(tuple(inner), ("topic", _noun_text(token)), True, frozenset({token.i}))
    unqualified = any(ctx.is_unqualified_agent(t) for token in tokens for t in (token, *conjuncts_of(token)))
    return ObjectFound((), None, bool(tokens), frozenset(), unqualified)


_LOCATING_PREPS = frozenset({"in", "from", "near", "inside", "at", "of", "along"})


def _states_of(token: Token, ctx: Context) -> list[Actor]:
    return [a for a in actors_of(token, ctx) if a.type is ActorType.COUNTRY] or _place_states(token, ctx)


def _place_states(token: Token, ctx: Context) -> list[Actor]:
    """The states containing the places a token and its conjuncts name ("Odesa and Kherson")."""
    states: list[Actor] = []
    for item in (token, *conjuncts_of(token)):
        state = ctx.place_state(item)
        if state is not None and state not in states:
            states.append(state)
    return states


def _is_unknown_place(actor: Actor, token: Token, ctx: Context) -> bool:
    """An organisation (or a name the tagger took for a person) that no gazetteer knows, with no
    country, heading or qualifying a place noun ("the Zaporizhzhia power plant"): a place name
    rather than an actor."""
    unknown = actor.type in (ActorType.ORGANIZATION, ActorType.PERSON) and actor.country is None and (
        actor.cameo or "---")[:3] == "---"
    return unknown and token.lemma_.lower() in ctx.lexicon.place_nouns


def _place_owners(token: Token, ctx: Context, depth: int = 0) -> list[Actor]:
    """The state a place or institution belongs to, when the phrase says so: "a clinic in
    Kabul", "a border region of Chad", "Israel's embassy", "a Syrian port", "a village near
    the Turkish border"."""
    if depth > 3 or token.lemma_.lower() not in ctx.lexicon.place_nouns:
        return []
    owners = [a for a in modifier_actors(token, ctx) if a.type is ActorType.COUNTRY]
    # a diplomatic mission of a named state is that state's: "the Swedish embassy in Baghdad" is
    # Sweden's, "in Baghdad" only says where it stands
    preps = {"of"} if owners and token.lemma_.lower() in ctx.lexicon.mission_nouns else _LOCATING_PREPS
    for prep in (c for c in children_of(token) if c.dep_ == "prep" and c.lower_ in preps):
        for pobj in (c for c in children_of(prep) if c.dep_ == "pobj"):
            owners.extend(a for a in _states_of(pobj, ctx) or _place_owners(pobj, ctx, depth + 1) if a not in owners)
    return owners


def mission_senders(token: Token, ctx: Context) -> list[Actor]:
    """The state a diplomatic mission (lexicon ``mission_nouns``) is named after: "the Swedish
    embassy", "Sweden's embassy", "the embassy of Sweden"; never the state it stands in."""
    if token.lemma_.lower() not in ctx.lexicon.mission_nouns:
        return []
    named = [a for a in modifier_actors(token, ctx) if a.type is ActorType.COUNTRY]
    return named or [
        actor for prep in children_of(token) if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in children_of(prep) if pobj.dep_ == "pobj"
        for actor in _states_of(pobj, ctx)
    ]


def _phrase_tokens(token: Token) -> Iterator[Token]:
    """The object phrase without its relative and adverbial clauses."""
    yield token
    for child in children_of(token):
        if child.dep_ not in ("relcl", "advcl", "conj", "cc", "appos"):
            yield from _phrase_tokens(child)


#: Prepositions that place something within a country's borders ("in", "inside", "within").
_CONTAINING_PREPS = frozenset({"in", "inside", "within"})


def _located_target(trigger: Token, ctx: Context, object_named: bool = True) -> ObjectFound | None:
    """Material conflict "in" a country targets it: "launched strikes on sites in Pakistan",
    "struck a depot in a suburb of Damascus", "carried out airstrikes inside Iran". With no object
    named, a place that located the act's agents is only where it happens ("people marched in
    Bukavu")."""
    holders = [trigger, *(g for c in children_of(trigger) if c.dep_ == "prep"
                          for g in children_of(c) if g.dep_ == "pobj")]
    # what is done at a named state's diplomatic mission targets that state, not the one it stands in
    holders = [h for h in holders if not mission_senders(h, ctx)]
    if trigger.dep_ in ("dobj", "pobj") and trigger.head.pos_ == "VERB":
        holders.append(trigger.head)
    for holder in holders:
        for prep in children_of(holder):
            if prep.dep_ == "prep" and prep.lower_ in _CONTAINING_PREPS:
                for pobj in children_of(prep):
                    if not object_named and ctx.is_scene_place(pobj):
                        continue  # where the actors are ("people marched in Bukavu"), not what they aim at
                    countries = _states_of(pobj, ctx) or _place_owners(pobj, ctx)
                    if pobj.dep_ == "pobj" and countries:
                        return ObjectFound(tuple(countries), None, True, frozenset({pobj.i}))
    return None


def _inner_event_object(token: Token, ctx: Context) -> list[Actor]:
    """The target of the first cooperative event word inside an object phrase: opposing or
    promising "aid to Ukraine" concerns Ukraine; opposing "a ban on Russian imports" does
    not make Russia the target, so conflictual inner events are not descended into."""
    for inner in _phrase_tokens(token):
        if inner == token and not is_trigger(inner, ctx):
            continue
        pos = "VERB" if inner.pos_ in ("VERB", "AUX") else "NOUN"
        for trig in ctx.ontology.triggers_for(pos, inner.lemma_.lower()):
            if ctx.ontology.relation(trig.relation).quad_class > 2:
                return []
            if pos == "NOUN":
                noun_subjects = modifier_actors(inner, ctx)
                if noun_subjects:
                    return noun_subjects
            objects = prep_objects(inner, trig.preps) if trig.preps else [
                c for c in children_of(inner) if c.dep_ in ("dobj", "dative")
            ]
            found = resolve_object(objects, ctx, trig, depth=1)
            if found.actors:
                return list(found.actors)
    return []


# -- candidates -----------------------------------------------------------------------------
def verb_candidates(verb: Token, ctx: Context) -> Iterator[Candidate]:
    """Candidates at a verb trigger: active, passive, prepositional and dative objects."""
    triggers = ctx.ontology.triggers_for("VERB", verb.lemma_.lower())
    if not triggers or _phrasal_verb_of_the_dictionary(verb, triggers, ctx):
        yield from dictionary_candidates(verb, ctx)
        return
    passive = is_passive(verb) or _is_participle_modifier(verb)
    ranked = sorted(triggers, key=lambda t: (t.particle is None, not t.preps))
    best: Candidate | None = None
    for trig in ranked:
        if not has_particle(verb, trig.particle) or (not passive and _removed_from(verb, trig, ctx)):
            continue
        candidate = _verb_candidate(verb, trig, passive, ctx)
        if candidate.drop is None:
            yield candidate
            return
        if best is None or (best.drop is DropReason.NO_OBJECT and candidate.drop is DropReason.NO_SUBJECT) or (
            not best.objects and candidate.objects
        ):  # of the failures, keep one whose object was found ("blamed X", not "blamed ... on")
            best = candidate
    if best is not None:
        yield best


def _removed_from(verb: Token, trig: Trigger, ctx: Context) -> bool:
    """A "from" trigger of a verb of removal, which in the active voice names what is left, never
    the one removed: "Uganda expelled Kenyan traders from Kampala" removes the traders. (In the
    passive, "migrants were expelled from Chile", the "from" phrase names the remover:
    ``passive_removal``.)"""
    return "from" in trig.preps and verb.lemma_.lower() in ctx.lexicon.removal_verbs


def _phrasal_verb_of_the_dictionary(verb: Token, triggers: tuple[Trigger, ...], ctx: Context) -> bool:
    """A phrasal-prepositional verb (verb, particle and preposition: "hit back at", "lash out at",
    "crack down on") is an idiom of its own, not the bare verb ("hit back at X" is no attack): when
    no trigger of the ontology names its particle and the CAMEO verb dictionary codes the verb with
    that particle and a preposition present here, the dictionary reads it."""
    if not particle_words(verb):
        return False
    if any(t.particle and has_particle(verb, t.particle) for t in triggers):
        return False
    match = ctx.ontology.verbs.match(verb)
    if match is None or match.particle is None or match.pattern is None or match.pattern.prep is None:
        return False
    return has_particle(verb, match.particle)


def _is_participle_modifier(verb: Token) -> bool:
    """A past participle modifying a noun is a passive whose object is that noun: "the deal
    signed by Egypt and Israel", "refugees deported by Pakistan". Not the sentence's own verb the
    tagger read as one: a past form after the comma that closes an apposition on a root noun,
    with no "by" agent ("The United States, an ally of both, called on Tokyo ..."): a sentence
    has a finite verb, and its root noun is that verb's subject."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not _is_misread_main_verb(verb)


def _is_misread_main_verb(verb: Token) -> bool:
    noun = verb.head
    return (noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN") and verb.i > 0
            and verb.doc[verb.i - 1].text == "," and any(c.dep_ == "appos" for c in children_of(noun))
            and not any(c.dep_ == "agent" for c in children_of(verb)))


def _verb_candidate(verb: Token, trig: Trigger, passive: bool, ctx: Context) -> Candidate:
    """The candidate of one trigger at a verb: its subject and object by the verb's voice, and the
    actors they name."""
    arguments = _passive_arguments if passive else _active_arguments
    subject_found, object_tokens = arguments(verb, trig, ctx)
    confidence = 0.9 if passive else 0.9 * (subject_found.confidence or 1.0)
    if subject_found.blocked:
        return Candidate(verb, trig.relation, (), (), (), 0.0, DropReason.BLOCKED_BY_GOVERNOR, verb.lemma_)
    found = _with_located_target(verb, trig, resolve_object(object_tokens, ctx, trig), ctx)
    subjects = subject_actors(subject_found, ctx)
    found = _with_occasion_target(verb, trig, found, subjects, ctx)
    attributes = _object_attributes(verb, trig, found, ctx)
    return finish_candidate(verb, trig, Parties.of(subjects, subject_found, found), attributes, confidence, ctx)


def _passive_arguments(verb: Token, trig: Trigger, ctx: Context) -> tuple[Found, list[Token]]:
    """The subject and object tokens of a passive: the remover of a removal ("migrants were
    expelled from Chile", extract/argument_paths.py), the subject of an adjectival passive with
    its preposition ("Israel is opposed to ..."), else the "by" phrase and the passive subject."""
    removal = passive_removal(verb, ctx.lexicon.removal_verbs)
    if removal is not None:
        return Found(removal.removers, 0.85), list(removal.removed)
    if _is_adjectival_passive(verb, trig):
        return Found(tuple(c for c in children_of(verb) if c.dep_ == "nsubjpass"), 0.85), prep_objects(verb, trig.preps)
    object_tokens = [c for c in children_of(verb) if c.dep_ == "nsubjpass"]
    if _is_participle_modifier(verb):
        object_tokens = [verb.head]  # "the deal signed by Egypt and Israel": the noun is the object
    if trig.preps:
        object_tokens = prep_objects(verb, trig.preps) or object_tokens
    return Found(tuple(prep_objects(verb, ("by",))), 0.9), object_tokens


def _is_adjectival_passive(verb: Token, trig: Trigger) -> bool:
    """A passive with the trigger's preposition and no "by" phrase: a state ("Hungary is allied
    with ...")."""
    return bool(trig.preps) and not prep_objects(verb, ("by",)) and bool(prep_objects(verb, trig.preps))


def _active_arguments(verb: Token, trig: Trigger, ctx: Context) -> tuple[Found, list[Token]]:
    """The subject and object tokens of an active verb: the clause's subject; the objects of the
    trigger's preposition or the verb's own objects, with the noun a relative clause is about."""
    subject_found = clause_subject(verb, ctx)
    object_tokens = _prepositional_objects(verb, trig) if trig.preps else _direct_objects(verb, ctx)
    return subject_found, _with_relative_gap(verb, trig, object_tokens)


def _prepositional_objects(verb: Token, trig: Trigger) -> list[Token]:
    """The objects of the trigger's preposition, on the verb or on its direct object."""
    object_tokens = prep_objects(verb, trig.preps)
    for dobj in (c for c in children_of(verb) if c.dep_ == "dobj"):
        object_tokens.extend(prep_objects(dobj, trig.preps))
    return object_tokens


def _direct_objects(verb: Token, ctx: Context) -> list[Token]:
    """The verb's objects (or a lone predicate); when none names an actor, the predicate of a free
    relative of naming, else the subjects of its complement clauses."""
    object_tokens = [c for c in children_of(verb) if c.dep_ in ("dobj", "dative")] or lone_object_predicates(verb)
    if any(actors_of(t, ctx) for t in object_tokens):
        return object_tokens
    named = _named_by_free_relative(verb, ctx.lexicon)
    if named:
        return named  # "denounced what it called Somalia's interference"
    # "demanded that the US cancel ...", "urged Iran to ...": the clause's subject
    return object_tokens + [
        g for c in children_of(verb) if c.dep_ in ("ccomp", "xcomp")
        for g in children_of(c) if g.dep_ in ("nsubj", "nsubjpass")
    ]


def _with_located_target(verb: Token, trig: Trigger, found: ObjectFound, ctx: Context) -> ObjectFound:
    """``found``, or for a material conflict (quad class 4) that found no actor the target its
    place names."""
    if found.actors or ctx.ontology.relation(trig.relation).quad_class != 4:
        return found
    return _located_target(verb, ctx, found.token_seen) or found


def _with_occasion_target(
    verb: Token, trig: Trigger, found: ObjectFound, subjects: list[Actor], ctx: Context
) -> ObjectFound:
    """``found``, or for a verbal conflict of one subject with no object at all the actors of its
    occasion ("Vietnam protested after Chinese ships entered its waters", extract/argument_paths.py)."""
    if found.actors or found.token_seen or len(subjects) != 1 or not _is_verbal_conflict(trig.relation, ctx):
        return found
    occasion = resolve_object(occasion_agents(verb), ctx, trig)
    return occasion if occasion.actors else found


def _object_attributes(verb: Token, trig: Trigger, found: ObjectFound, ctx: Context) -> list[tuple[str, str]]:
    """The object's attribute: the one its resolution found, else the trigger's object attribute
    named by the non-actor direct objects of a prepositional trigger."""
    if found.attribute:
        return [found.attribute]
    if not (trig.object_attribute and trig.preps):
        return []
    return [(trig.object_attribute, _noun_text(dobj))
            for dobj in children_of(verb) if dobj.dep_ == "dobj" and ctx.actor(dobj) is None]


#: Pronouns of a free relative, which has no antecedent: "what it called X", "whatever they termed X".
FREE_RELATIVE_PRONOUNS = frozenset({"what", "whatever"})


def _named_by_free_relative(verb: Token, lexicon: Lexicon) -> list[Token]:
    """The predicate of a free relative of naming or saying that is the verb's object: "denounced
    what it called Somalia's interference" denounces Somalia's interference (the naming's
    predicate); "struck what Ankara said were militant positions inside Iraq" strikes the positions
    (the predicate of the said clause, whose subject is the free relative's pronoun)."""
    for clause in children_of(verb):
        if clause.dep_ == "ccomp" and clause.lemma_.lower() in lexicon.speech_verbs:
            said = _said_predicates(clause)
            if said:
                return said
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in lexicon.naming_verbs:
            continue
        if any(c.dep_ == "dobj" and c.lower_ in FREE_RELATIVE_PRONOUNS for c in children_of(clause)):
            # the predicate, however parsed: "called X" (oprd, or a second object), "described as X"
            predicates = [c for c in children_of(clause) if c.dep_ in ("oprd", "xcomp", "attr")
                          or (c.dep_ == "dobj" and c.lower_ not in FREE_RELATIVE_PRONOUNS)]
            return predicates or prep_objects(clause, ("as",))
    return []


def _said_predicates(speech: Token) -> list[Token]:
    """The predicates of a copular clause said by ``speech`` whose subject is a free relative
    pronoun before the speech verb: "what Ankara [said] were militant positions"."""
    def free_relative_subject(copula: Token) -> bool:
        return any(c.dep_ == "nsubj" and c.lower_ in FREE_RELATIVE_PRONOUNS and c.i < speech.i
                   for c in children_of(copula))

    return [
        predicate for copula in children_of(speech)
        if copula.dep_ == "ccomp" and copula.lemma_ == "be" and free_relative_subject(copula)
        for predicate in children_of(copula) if predicate.dep_ == "attr"
    ]


#: CAMEO 14 (protest): besides the verbal conflicts (quad class 3), a reaction that can be aimed at
#: whoever acted in its occasion.
_PROTEST_ROOT = "14"


def _is_verbal_conflict(relation: str, ctx: Context) -> bool:
    """Disapproving, rejecting, threatening or protesting (CAMEO 11-14)."""
    coded = ctx.ontology.relation(relation)
    return coded.quad_class == 3 or coded.cameo[:2] == _PROTEST_ROOT


def _with_relative_gap(verb: Token, trig: Trigger, object_tokens: list[Token]) -> list[Token]:
    """The object tokens with the noun a relative clause is about in place of the clause's missing
    or relative-pronoun object: "the grain (that) Poland banned" (extract/argument_paths.py)."""
    gap = relative_gap_objects(verb, trig.preps)
    if not gap:
        return object_tokens
    return [t for t in object_tokens if t.lower_ not in RELATIVE_PRONOUNS] + gap


def subject_actors(found: Found, ctx: Context) -> list[Actor]:
    actors: list[Actor] = []
    for token in found.tokens:
        direct = actors_of(token, ctx)
        if not direct and not modifier_lends_no_party(token, ctx.lexicon, as_subject=True):
            direct = [a for a in modifier_actors(token, ctx) if a not in actors]
        actors.extend(a for a in direct if a not in actors)
    return actors


def noun_candidates(noun: Token, ctx: Context) -> Iterator[Candidate]:
    """Candidates at an event noun: "talks between X and Y", "X's invasion of Y",
    "Western sanctions on Russia", "purchases of Russian oil"."""
    trig = _noun_trigger(noun, ctx)
    if trig is None:
        return
    no_event = _noun_without_event(noun, trig, ctx)
    if no_event is not None:
        yield no_event
        return
    relation = ctx.ontology.relation(trig.relation)
    joint_triggers = [t for t in ctx.ontology.triggers_for("NOUN", noun.lemma_.lower())
                      if ctx.ontology.relation(t.relation).reciprocal]
    if joint_triggers and not relation.reciprocal and not names_its_content(noun, trig.preps) \
            and received_joint_act(noun, ctx.ontology.light_verbs.receiving) is not None:
        # "received a call from X" is a telephone call, no appeal (extract/joint_parties.py)
        trig, relation = joint_triggers[0], ctx.ontology.relation(joint_triggers[0].relation)
    between = prep_objects(noun, ("between",))
    if "between" in trig.preps and relation.reciprocal:
        between = between or between_objects(noun)  # "talks were held between X and Y" (extract/joint_parties.py)
    if "between" in trig.preps and between and relation.reciprocal:
        pair = actors_of(between[0], ctx)
        if len(pair) >= 2:
            parties = Parties((pair[0],), Found((), 0.85), tuple(pair[1:]), frozenset(), True)
            yield finish_candidate(noun, trig, parties, [], 0.85, ctx)
            return
    received = received_joint_act(noun, ctx.ontology.light_verbs.receiving) if relation.reciprocal else None
    if received is not None and not between:
        # "Kuwait received a phone call from Iran's president" (extract/joint_parties.py)
        senders = [a for t in received.senders for a in actors_of(t, ctx)]
        receiver = clause_subject(received.receiver_verb, ctx)
        receivers = subject_actors(receiver, ctx)
        if senders and receivers and not receiver.blocked:
            parties = Parties((senders[0],), Found(received.senders, 0.85), tuple(receivers), frozenset(), True)
            yield finish_candidate(noun, trig, parties, [], 0.8, ctx)
            return
    if relation.reciprocal and not between:
        # "the meeting of Iran and Saudi Arabia": a coordinated "of" phrase names the parties
        joint = [a for t in joint_of_parties(noun) for a in actors_of(t, ctx)]
        if len(joint) >= 2:
            parties = Parties((joint[0],), Found((), 0.85), tuple(joint[1:]), frozenset(), True)
            yield finish_candidate(noun, trig, parties, [], 0.85, ctx)
            return
    yield from _noun_event_candidate(noun, trig, relation, ctx)


def _noun_trigger(noun: Token, ctx: Context) -> Trigger | None:
    """The noun's trigger: a multiword one whose first words modify the noun ("arms sales")
    before the noun's own; None when no trigger fits."""
    lemma = noun.lemma_.lower()
    triggers = list(ctx.ontology.triggers_for("NOUN", lemma))
    if not triggers:
        return None  # (a multiword trigger is among the head noun's triggers too)
    compounds = {c.lemma_.lower() for c in children_of(noun) if c.dep_ in ("compound", "amod")}
    for words in ctx.ontology.multiword_heads.get(lemma, ()):
        if set(words[:-1]) <= compounds:
            triggers = [t for t in ctx.ontology.triggers_for("NOUN", lemma) if t.lemma == " ".join(words)] + [
                t for t in triggers if t.lemma == lemma
            ]
            break
    triggers = [t for t in triggers if len(t.lemma.split()) == 1 or set(t.lemma.split()[:-1]) <= compounds]
    return triggers[0] if triggers else None


def _noun_without_event(noun: Token, trig: Trigger, ctx: Context) -> Candidate | None:
    """The drop of an event noun that tells no event here: a standing relation ("close ties"), a
    predicate noun ("called it an invasion"), the noun of a verb's own trigger ("cut ties" is
    the verb's), a relation named as a topic; None when it may tell one."""
    governor = noun.head
    lemma = noun.lemma_.lower()
    if is_standing_state(noun, ctx.lexicon):
        return Candidate(noun, trig.relation, (), (), (), 0.0, DropReason.STANDING_STATE, "relation noun")
    if _is_predicate_noun(noun, ctx):
        detail = f"predicate noun of '{governor.lemma_}'"
        return Candidate(noun, trig.relation, (), (), (), 0.0, DropReason.NOT_AN_EVENT, detail)
    if governor.pos_ == "VERB" and any(
        t.particle and lemma in t.particle.split() and has_particle(governor, t.particle)
        for t in ctx.ontology.triggers_for("VERB", governor.lemma_.lower())
    ):
        return Candidate(noun, trig.relation, (), (), (), 0.0, DropReason.DUPLICATE, f"part of '{governor.lemma_}'")
    if is_relation_topic(noun, ctx):
        return Candidate(noun, trig.relation, (), (), (), 0.0, DropReason.STANDING_STATE, "relation noun")
    return None


def _noun_event_candidate(noun: Token, trig: Trigger, relation: RelationType, ctx: Context) -> Iterator[Candidate]:
    """The candidate of an event noun with its agent (modifier, "by", a clause on the noun, the
    governing verb's subject) and its target (the trigger's prepositions, a receiving verb's
    subject, a place)."""
    phrase = _event_phrase_head(noun, ctx)  # "a sanctions package against X": the package's phrase
    governor = phrase.head
    # "the activist's arrest": the possessor of an act done to someone is its patient (extract/patient_acts.py)
    qualifier_acts = possessor_is_agent(noun, ctx.ontology.patient_acts)
    patient_qualifiers = [] if qualifier_acts else [
        c for c in children_of(noun) if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i]
    subjects = ([a for a in modifier_actors(noun, ctx)] if qualifier_acts else []) or (
        [a for a in modifier_actors(phrase, ctx)] if phrase != noun else []
    )
    subject_found = Found((), 0.85)
    object_preps = trig.preps if not relation.reciprocal else tuple(p for p in trig.preps if p != "between")
    # a participle, relative clause, "from" phrase or verb of receiving on the noun (extract/noun_agents.py)
    # (a joint act's parties are named by "between" or "with": "a deal brokered by China" is no party's)
    roles = NounRoles() if relation.reciprocal else noun_roles(
        phrase, ctx.lexicon, ctx.ontology.light_verbs.receiving, relation.cameo[:2], object_preps)
    agent_tokens = prep_objects(phrase, ("by",))
    if not subjects:
        subjects = [a for t in agent_tokens for a in actors_of(t, ctx)]
        # "the expulsion of 12 diplomats by Germany": the nominal passive's agent, which the parser
        # may hang on the "of" object
        subjects = subjects or [a for held in prep_objects(phrase, ("of",)) for t in prep_objects(held, ("by",))
                                for a in actors_of(t, ctx)]
        subjects = subjects or [a for t in roles.agents for a in actors_of(t, ctx)]
    # who receives an act is not its agent; nor is who governs an act whose possessor is its patient
    # ("Biden announced X's release" is no release by Biden)
    possessed = any(actors_of(t, ctx) for t in patient_qualifiers)
    if not subjects and roles.receiver_verb is None and not possessed:
        subject_found = noun_governor_subject(phrase, ctx)
        if subject_found.blocked:
            yield Candidate(noun, trig.relation, (), (), (), 0.0, DropReason.BLOCKED_BY_GOVERNOR,
                            noun.lemma_.lower())
            return
        subjects = subject_actors(subject_found, ctx)
    object_tokens = (prep_objects(phrase, object_preps, through_of=True) or list(roles.targets)
                     or agent_held_targets(agent_tokens, object_preps, ctx.lexicon.envoy_nouns))
    holder = of_phrase_holder(phrase, ctx.lexicon.container_nouns | ctx.lexicon.supplying_agent_nouns)
    if not object_tokens and holder is not None:  # "a supplier of weapons to Ukraine"
        object_tokens = prep_objects(holder, object_preps)
    object_tokens = object_tokens or patient_qualifiers
    if not object_tokens and manner_reaction_verb(phrase, noun_roots(phrase, ctx)) is not None:  # "in protest at X"
        object_tokens = manner_reaction_targets(phrase)
    if not object_tokens and relation.cameo[:2] in ASKING_ROOTS:  # "Kyiv's request for aid from Berlin"
        object_tokens = asked_parties(phrase, ctx.lexicon, lambda t: bool(ctx.ontology.triggers_for("NOUN",
                                                                                                   t.lemma_.lower())))
    if not object_tokens and phrase.dep_ in ("dobj", "pobj") and governor.pos_ in ("VERB", "AUX"):
        object_tokens = prep_objects(governor, object_preps)
    if not object_tokens and (counting := counted_goods_verb(phrase)) is not None:
        # "approved $300 million in loans to Kenya": the amount's verb, or the amount, takes the target
        object_tokens = [t for holder in amount_phrase(counting) for t in prep_objects(holder, object_preps)]
    found = resolve_object(object_tokens, ctx, trig)
    if not found.actors and roles.receiver_verb is not None:  # "Seoul received an apology from Tokyo"
        received = resolve_object(list(clause_subject(roles.receiver_verb, ctx).tokens), ctx, trig)
        found = received if received.actors or received.token_seen else found
    answering = (answering_verb(phrase, relation.cameo[:2], ctx.lexicon)
                 if roles.source == "from" and not found.actors else None)
    if answering is not None:  # "Moscow dismissed criticism from Finland": aimed at Moscow
        answered = resolve_object(list(clause_subject(answering, ctx).tokens), ctx, trig)
        found = answered if answered.actors or answered.token_seen else found
    if not found.actors and relation.quad_class == 4:
        found = _located_target(phrase, ctx, found.token_seen) or found
    confidence = 0.8 * (subject_found.confidence or 1.0)
    attributes = [found.attribute] if found.attribute else []
    candidate = finish_candidate(noun, trig, Parties.of(subjects, subject_found, found), attributes, confidence, ctx)
    yield _as_eased(_as_severed(candidate, noun, ctx), noun, ctx)


REDUCE_RELATIONS = "REDUCE_RELATIONS"
#: CAMEO 163 (impose embargo, boycott or sanctions) and 085 (ease economic sanctions, boycott or embargo).
SANCTION_CODE = "163"
EASE_SANCTIONS_CODE = "085"


def _event_phrase_head(noun: Token, ctx: Context) -> Token:
    """The noun whose phrase carries an event noun's participants: the event noun itself, or the
    container noun it modifies ("a sanctions package against Russia", "an aid convoy to Gaza"
    are sanctions against Russia and aid to Gaza; lexicon ``container_nouns``)."""
    head = noun.head
    if noun.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() in ctx.lexicon.container_nouns:
        return head
    return noun


def _as_severed(candidate: Candidate, noun: Token, ctx: Context) -> Candidate:
    """A cooperative event broken off by the verb governing it ("suspended military aid to
    Pakistan", "cut diplomatic relations with Morocco") did not happen: the verb's subject reduces
    relations with the event's target (CAMEO 16), and the verb is the trigger."""
    governor = noun.head
    if noun.dep_ != "dobj" or governor.lemma_.lower() not in ctx.lexicon.severing_verbs:
        return candidate
    if REDUCE_RELATIONS not in ctx.ontology.relations or ctx.ontology.relation(candidate.relation).quad_class > 2:
        return candidate
    return replace(candidate, trigger=governor, relation=REDUCE_RELATIONS)


def _as_eased(candidate: Candidate, noun: Token, ctx: Context) -> Candidate:
    """A sanction lessened or stopped by the verb governing it (its direct object under a
    lessening or stopping verb) is not imposed but eased: CAMEO codes lowering, lifting or
    suspending sanctions, tariffs or embargoes as 085, with the verb as the trigger."""
    governor = noun.head
    if noun.dep_ != "dobj" or candidate.drop is not None or governor.pos_ not in ("VERB", "AUX"):
        return candidate
    lemma = governor.lemma_.lower()
    if lemma not in ctx.lexicon.lessening_verbs and lemma not in ctx.lexicon.stopping_verbs:
        return candidate
    if ctx.ontology.relation(candidate.relation).cameo != SANCTION_CODE:
        return candidate
    eased = ctx.ontology.relation_for_code(EASE_SANCTIONS_CODE)
    return replace(candidate, trigger=governor, relation=eased.name)


def _is_predicate_noun(noun: Token, ctx: Context) -> bool:
    """An event noun that classifies something rather than reporting an event: a predicate
    nominal ("the programme is a threat to Japan"), the second object of a naming verb
    ("labelled Russia a threat"), or its "as" complement ("described the move as an attack")."""
    head = noun.head
    if noun.dep_ in ("attr", "oprd"):
        return True
    naming = head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in ctx.lexicon.naming_verbs
    if naming and noun.dep_ == "dobj":
        return sum(1 for c in children_of(head) if c.dep_ == "dobj") > 1 and any(
            c.dep_ == "dobj" and c.i < noun.i for c in children_of(head)
        )
    if noun.dep_ == "pobj" and head.lower_ == "as":
        holder = head.head if head.head.pos_ in ("VERB", "AUX") else head.head.head
        return holder.pos_ in ("VERB", "AUX") and holder.lemma_.lower() in ctx.lexicon.naming_verbs
    return False


@dataclass(frozen=True)
class Parties:
    """What a candidate's paths found on each side: the subjects and the path to them, the
    objects, whether an object token was there at all (``object_token_seen``) and whether it was
    an agent noun nothing qualifies, and the tokens the actors were read from."""

    subjects: tuple[Actor, ...]
    subject_found: Found
    objects: tuple[Actor, ...]
    used: frozenset[int]
    object_token_seen: bool
    object_unqualified: bool = False

    @staticmethod
    def of(subjects: Sequence[Actor], subject_found: Found, found: ObjectFound) -> Parties:
        """The parties of a subject path and a resolved object."""
        return Parties(tuple(subjects), subject_found, found.actors, found.used, found.token_seen,
                       found.unqualified_agent)


def finish_candidate(
    trigger: Token, trig: Trigger, parties: Parties, attributes: list[tuple[str, str]], confidence: float, ctx: Context,
) -> Candidate:
    """The candidate for a trigger and its actors (a group acting together paired within itself,
    a missing actor a drop with its reason), as pair references and "each other" make it
    (extract/pair_reference.py)."""
    subjects, objects, subject_found = list(parties.subjects), list(parties.objects), parties.subject_found
    used = parties.used
    relation = ctx.ontology.relation(trig.relation)
    place = _place_of(trigger, ctx, set(used))
    if place:
        attributes.append(("place", place))
    if relation.name == "VISIT":
        for token in children_of(trigger):
            if token.dep_ == "dobj" and ctx.is_place_name(token):
                attributes.append(("place", token.text))
    attrs = tuple(sorted(set(attributes)))
    joint = relation.reciprocal or _is_symmetric(trigger, ctx) or _commits_to_joint_act(trigger, ctx.lexicon)
    joint = joint or severs_mutual_relation(trigger, ctx.lexicon.relation_nouns)  # "X and Y cut ties"
    if (not objects and len(subjects) >= 2 and joint and not _direct_object_names_party(trigger, ctx)
            and not acts_on_third_thing(trigger, ctx.lexicon)  # "X and Y joined the group": no X-Y pair
            and not _complement_names_other_party(trigger, subjects, ctx)):
        # "The US, Russia and Switzerland met", "Chile and Peru agreed to ...": every pair of the
        # group; a relation the ontology does not store both ways is emitted in both directions.
        pairs = tuple((a, b) for i, a in enumerate(subjects) for b in subjects[i + 1 :])
        if not relation.reciprocal:
            pairs += tuple((b, a) for a, b in pairs)
        candidate = Candidate(trigger, trig.relation, tuple(subjects), (), attrs, round(confidence, 3), pairs=pairs)
    elif not subjects:
        reason = DropReason.UNRESOLVED_REFERENCE if subject_found.tokens else DropReason.NO_SUBJECT
        if any(ctx.is_unqualified_agent(t) for t in subject_found.tokens):
            reason = DropReason.UNQUALIFIED_AGENT
        candidate = Candidate(trigger, trig.relation, (), tuple(objects), attrs, 0.0, reason, trigger.lemma_)
    elif not objects:
        reason = DropReason.NOT_AN_ACTOR if parties.object_token_seen else DropReason.NO_OBJECT
        if parties.object_unqualified:
            reason = DropReason.UNQUALIFIED_AGENT  # as in subject position: "arrested protesters"
        candidate = Candidate(trigger, trig.relation, tuple(subjects), (), attrs, 0.0, reason, trigger.lemma_)
    else:
        candidate = Candidate(trigger, trig.relation, tuple(subjects), tuple(objects), attrs, round(confidence, 3))
    if not isinstance(ctx.mentions, BlockMentions):
        return candidate
    return with_pair_reference(candidate, subject_found.tokens, used, confidence, ctx.references(), ctx.lexicon)


def _direct_object_names_party(trigger: Token, ctx: Context) -> bool:
    """A verb whose direct object names an actor ("Egypt and Qatar met Iran"): its coordinated
    subjects each act on that object, not with each other (extract/argument_paths.py)."""
    return any(actors_of(t, ctx) for t in direct_objects(trigger))


def _complement_names_other_party(trigger: Token, subjects: list[Actor], ctx: Context) -> bool:
    """A joint verb whose infinitive complement names a partner of another state than its subjects
    in a "with" phrase ("Egypt and Jordan agreed to restore ties with Qatar", "... to resume
    talks with Iran"): the subjects take up the complement's act with that party, which its own
    event pairs them with, and are no partners of each other. A party the act is aimed at ("agreed
    to cut Russian banks from SWIFT") leaves them partners of a joint act against it."""
    for clause in children_of(trigger):
        if clause.dep_ != "xcomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        phrase = [clause, *(t for obj in direct_objects(clause) for t in obj.subtree)]
        partners = [pobj for head in phrase
                    for prep in children_of(head) if prep.dep_ == "prep" and prep.lower_ == "with"
                    for pobj in children_of(prep) if pobj.dep_ == "pobj"]
        if any(not any(same_state(actor, subject) for subject in subjects)
               for token in partners for actor in actors_of(token, ctx)):
            return True
    return False


def _is_symmetric(trigger: Token, ctx: Context) -> bool:
    """A verb of joint action, or an event noun governed by one ("reached an agreement")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in ctx.lexicon.symmetric_verbs


def _commits_to_joint_act(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of commitment whose infinitive complement is a joint act: a symmetric verb, or a
    clause with a word of jointness ("pledged to work together", "vowed to settle the dispute
    between them")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lexicon.commitment_verbs:
        return False
    for clause in children_of(verb):
        if clause.dep_ != "xcomp" or clause.pos_ != "VERB":
            continue
        if clause.lemma_.lower() in lexicon.symmetric_verbs:
            return True
        if any(t.lower_ in lexicon.jointness_words for t in clause.subtree):
            return True
    return False


DEMAND_RELATION = "DEMAND"


def obligation_candidates(verb: Token, ctx: Context) -> Iterator[Candidate]:
    """ "Russia said Sudan must return the helicopter": a reported obligation is a demand of
    the speaker on the clause's subject."""
    if verb.lemma_.lower() not in ctx.lexicon.speech_verbs or DEMAND_RELATION not in ctx.ontology.relations:
        return
    for clause in children_of(verb):
        if clause.dep_ != "ccomp":
            continue
        if not any(c.dep_ == "aux" and c.lower_ in ctx.lexicon.obligation_modals for c in children_of(clause)):
            continue
        subjects = subject_actors(clause_subject(verb, ctx), ctx)
        objects = [a for c in children_of(clause) if c.dep_ in ("nsubj", "nsubjpass") for a in actors_of(c, ctx)]
        if subjects and objects:
            yield Candidate(verb, DEMAND_RELATION, tuple(subjects), tuple(objects), (), 0.7)


# -- standing states ------------------------------------------------------------------------
def is_standing_state(noun: Token, lexicon: Lexicon) -> bool:
    """A relation noun that is had, kept or enjoyed ("have close ties", "has long had relations"),
    or that is the subject of its clause ("relations are tense"), states how things stand."""
    if noun.lemma_.lower() not in lexicon.relation_nouns:
        return False
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return True
    governor = noun.head
    return noun.dep_ == "dobj" and governor.pos_ in ("VERB", "AUX") and governor.lemma_.lower() in lexicon.stative_verbs


#: Prepositions through which a relation noun is still acted on: "the restoration of ties with X"
#: (a nominalised act), "called for closer ties with X" (a request, coded as one).
_ACTING_PREPS = frozenset({"of", "for"})


def is_relation_topic(noun: Token, ctx: Context) -> bool:
    """A relation noun that a clause talks about rather than acts on is the standing relation, not
    an act of cooperation: the object of a preposition ("concerns about the relationship with X")
    or the object of a verb that is an event of its own ("praised the partnership with X": the
    praise is the event, the partnership its topic). Verbs that create, change, seek or end a
    relation are no event words of their own here and keep it an event."""
    if noun.lemma_.lower() not in ctx.lexicon.relation_nouns:
        return False
    governor = noun.head
    if noun.dep_ == "pobj":
        return governor.lower_ not in _ACTING_PREPS
    if noun.dep_ == "dobj" and governor.pos_ in ("VERB", "AUX"):
        lemma = governor.lemma_.lower()
        return lemma not in ctx.lexicon.severing_verbs and bool(ctx.ontology.triggers_for("VERB", lemma))
    return False


# -- the OEDA verb dictionary: verbs no ontology trigger names ----------------------------
#: Candidates coded from the dictionary are less certain than the ontology's own triggers.
DICTIONARY_CONFIDENCE = 0.9


def dictionary_candidates(verb: Token, ctx: Context) -> Iterator[Candidate]:
    """A candidate at a verb the ontology has no trigger for, coded by the CAMEO verb dictionary:
    the most specific pattern matching the parse, else the verb's default code. Speech verbs are
    not events by themselves, and a verb whose direct object is an ontology event noun leaves the
    event to that noun ("launched an attack on")."""
    lemma = verb.lemma_.lower()
    if lemma in ctx.lexicon.speech_verbs or object_is_event_noun(verb, ctx):
        return
    # the verb's slots as its object sense read them (extract/verb_senses.py), not read again
    match = ctx.ontology.verbs.match(verb, parse_slots(verb, ctx.memo) if lemma in ctx.ontology.verbs else None)
    if match is None or (match.pattern is None and match.code == generic_code(match.code)):
        # a block's "not specified below" default (X0) is the catch-all of a WordNet synonym set,
        # too loose to code a verb by itself ("rule", "lead" and "manage" share 060)
        return
    relation = ctx.ontology.relation_for_code(match.code)
    preps = (match.target_prep,) if match.target_prep else ()
    trig = Trigger(lemma, "VERB", relation.name, match.particle, preps, None)
    candidate = coded_verb_candidate(verb, trig, ctx)
    object_missing = (DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR, DropReason.UNQUALIFIED_AGENT)
    if candidate.drop in object_missing and candidate.subjects and not preps:
        # "Japan airlifted food to Haiti", "put forward a proposal to France": no actor as direct
        # object, the target follows a preposition
        retry = replace(trig, preps=tuple(sorted(ctx.lexicon.target_prepositions)))
        candidate = coded_verb_candidate(verb, retry, ctx)
    if candidate.drop is not None:
        yield candidate
        return
    attributes = candidate.attributes
    if match.code != relation.cameo:
        attributes = tuple(sorted({*attributes, ("cameo", match.code)}))
    confidence = round(candidate.confidence * DICTIONARY_CONFIDENCE, 3)
    yield replace(candidate, attributes=attributes, confidence=confidence)


def coded_verb_candidate(verb: Token, trig: Trigger, ctx: Context) -> Candidate:
    """The candidate at a verb for a trigger made from a CAMEO code rather than read from the
    ontology (the verb dictionary, ``extract.verb_senses``): active or passive as the verb is."""
    passive = is_passive(verb)
    return _verb_candidate(verb, trig, passive, ctx)


def object_is_event_noun(verb: Token, ctx: Context) -> bool:
    return any(
        c.dep_ in ("dobj", "nsubjpass") and ctx.ontology.triggers_for("NOUN", c.lemma_.lower())
        for c in children_of(verb)
    )


# -- back-off pairing -----------------------------------------------------------------------
BACKOFF_PAIRING = "backoff"
BACKOFF_CONFIDENCE = 0.5
_BACKOFF_REASONS = frozenset({
    DropReason.NO_SUBJECT, DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR, DropReason.UNRESOLVED_REFERENCE,
})


def _backoff_eligible(candidate: Candidate) -> bool:
    """A candidate that failed for want of an actor, except where its subject is an agent noun
    no country qualifies ("protesters attacked ..."): word order must not lend it one. An
    unqualified agent as object leaves the object to be found by word order like any non-actor."""
    if candidate.drop is DropReason.UNQUALIFIED_AGENT:
        return bool(candidate.subjects)
    return candidate.drop in _BACKOFF_REASONS


def with_backoff(candidates: list[Candidate], ctx: Context) -> Iterator[Candidate]:
    """The candidates, where a sentence's dependency paths gave no event at all, with its first
    verb trigger that failed for want of an actor completed by word order instead (see
    ``flanking_actors``). Such a candidate says ``pairing="backoff"`` and has a lower confidence."""
    paired_sentences = {c.trigger.sent.start for c in candidates if c.drop is None}
    for candidate in candidates:
        sentence = candidate.trigger.sent.start
        if _backoff_eligible(candidate) and sentence not in paired_sentences and _may_back_off(candidate.trigger):
            pair = flanking_actors(candidate, ctx)
            if pair is not None:
                paired_sentences.add(sentence)
                subject, obj = pair
                yield Candidate(candidate.trigger, candidate.relation, (subject,), (obj,), candidate.attributes,
                                BACKOFF_CONFIDENCE, pairing=BACKOFF_PAIRING)
                continue
        yield candidate


def _may_back_off(trigger: Token) -> bool:
    """A verb of its own clause: not an event noun (it may be a topic in a list), not a relative
    clause or a participle that describes a noun ("any country that recognises Taiwan", "a Marine
    jailed in Russia"), whose actors word order does not give. (Leaving out verbs whose subject is
    a noun naming no actor too cost DEV five correct events for three wrong ones on the news set.)"""
    return trigger.pos_ == "VERB" and trigger.dep_ not in ("relcl", "acl")


def flanking_actors(candidate: Candidate, ctx: Context) -> tuple[Actor, Actor] | None:
    """(subject, object) for a candidate that lacks one: what the parse found, else the nearest
    named actor before (subject) or after (object) the trigger in its sentence (the other way
    round in the passive), if each belongs to a state and the states differ. Pronouns do not
    count, and an object must sit in a phrase the trigger governs, not in a clause below it
    ("discussed the war in Ukraine" is no meeting with Ukraine; "said it would consider sending
    weapons" is not what "condemned" did). A place or sponsor in a compound ("the Vienna-based
    agency") or a report's source ("according to the navy") is no party (``extract.non_party_phrases``)."""
    trigger = candidate.trigger
    sentence = trigger.sent
    # an actor found by word order starts in the trigger's sentence, before it or after it (the
    # subject's side and the object's, swapped in the passive): with no mention on the side the
    # parse left empty, it stays empty
    passive = any(c.dep_ == "auxpass" for c in children_of(trigger))
    sides = (range(sentence.start, trigger.i), range(trigger.i + 1, sentence.end))
    subject_side, object_side = reversed(sides) if passive else sides
    mentioned = ctx.mentions.keys()
    if ((not candidate.subjects and mentioned.isdisjoint(subject_side))
            or (not candidate.objects and mentioned.isdisjoint(object_side))):
        return None
    # only the sentence's own names can flank the trigger: the others are not read (a name's root
    # and phrase are found only for them)
    named = sorted({m for m in ctx.mentions.values() if sentence.start <= m.start and m.end <= sentence.end
                    and not m.is_anaphor and not names_no_party(span_root(trigger.doc, m.start, m.end), ctx.lexicon)},
                   key=lambda m: m.start)
    before = [m for m in reversed(named) if sentence.start <= m.start and m.end <= trigger.i
              and not names_setting(span_root(trigger.doc, m.start, m.end))]  # not "meeting in Abu Dhabi"
    after = [m for m in named if trigger.i < m.start and m.end <= sentence.end]
    if passive:
        before, after = after, before
    # a direct object in which the parse found no actor ("opposed any ban on Russian energy
    # imports") is not searched again by word order
    refused = [c for c in children_of(trigger) if c.dep_ == "dobj"]
    # a place named "in"/"at" is where a verbal act (quad classes 1 and 3: statements, meetings,
    # appeals, threats) happens or what it is about, not whom it is with; a material act (2, 4)
    # is done to the place and so to the state it stands for
    places_count = ctx.ontology.relation(candidate.relation).quad_class in (2, 4)
    governed = [
        m.actor for m in after
        if _in_argument_phrase(span_root(trigger.doc, m.start, m.end), trigger, places_count)
        and not any(r.left_edge.i <= m.start and m.end - 1 <= r.right_edge.i for r in refused)
    ]
    subjects = list(candidate.subjects) or [m.actor for m in before]
    objects = list(candidate.objects) or governed
    if not subjects or not objects:
        return None
    subject, obj = subjects[0], objects[0]
    if subject.country is None or obj.country is None or subject.country == obj.country:
        return None
    return subject, obj


#: Arcs inside a phrase the trigger governs: objects, prepositional objects, possessors,
#: modifiers of a noun and its conjuncts. A subject (of a clause coordinated with the trigger's,
#: or below it) or a clausal arc leaves the phrase.
_PHRASE_ARCS = frozenset({
    "dobj", "dative", "pobj", "prep", "poss", "compound", "amod", "nmod", "appos", "conj", "npadvmod",
})


def _in_argument_phrase(token: Token, trigger: Token, places_count: bool = True, longest: int = 4) -> bool:
    """The token sits in a phrase the trigger governs directly (its object, a prepositional
    object, their possessors and noun conjuncts), not in a clause below or beside it nor in a
    temporal adjunct ("after the drills in X"); unless ``places_count``, not behind a locative
    preposition either."""
    node, steps = token, 0
    while node != trigger:
        if node.head == node or node.dep_ not in _PHRASE_ARCS or steps >= longest:
            return False
        if node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
            return False  # a coordinated clause, not a coordinated noun
        if not places_count and node.dep_ == "prep" and node.lower_ in _PLACE_PREPS:
            return False
        if node.dep_ == "prep" and node.head == trigger and node.lower_ in _TIME_PREPS:
            return False  # a temporal adjunct names when, not whom
        node, steps = node.head, steps + 1
    return True

