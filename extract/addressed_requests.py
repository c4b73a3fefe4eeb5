"""Appeals, demands, deadlines and threats of force read across several words, which the relation
patterns leave without a target. Each rule is a rule of English or of CAMEO practice; the words
are in addressed_requests.toml (with speech_acts.toml's threat, warning and vow words).

- For-to and that-complements of a request name its addressee: "called for Sri Lanka to
  investigate", "Washington's call for Cairo to release", "made a demand that Ecuador apologise":
  the subject of the act asked for is the one asked. CAMEO codes the appeal (02) or demand (10) of
  the requester to the addressee, never the act requested (which becomes part of the request).
- A deadline given to an actor is an ultimatum (CAMEO 139; OEDA "GIVE * DEADLINE" 139): "gave X
  an ultimatum to", "set X a deadline to", "gave X until Friday to withdraw". The giving is no aid.
  The deadline is read by extract/deadlines.py, its words are deadlines.toml's.
- A threat, warning or vow whose act is a noun of force, reprisal or another conflict act aimed
  "against" (or "on") an actor threatens that actor: "threatened military action against X", "the
  threat of force against X", "its threat to use force against X", "vowed revenge against X",
  "vowed to take countermeasures against X" (military force 138, a reprisal 130, an event noun as
  the threat codes map its code). So does raising the prospect of such an act: "raised the
  prospect of military strikes on X" holds out the subject's own strikes, none were made.
- A statement or warning that another actor will answer for its conduct threatens it, as one
  that it will face consequences does (extract/consequence_threats.py): "said Finland would pay
  for its decision", "warned that Iran would be held accountable".
- A warning that something will harm the speaker's relations with another party threatens it:
  "warned that the move would damage ties with Washington", "would have serious consequences for
  relations between Moscow and Ankara".
- A retaliation the speaker announces under a condition on another party is a conditional threat
  against that party: "said it would retaliate if X ...", "would respond with countermeasures if
  X joined NATO" ("respond" only firmly or with force or measures).

An act asked of an addressee that found too few actors is blocked like one that found them
(``extract.speech_act_candidates.as_request``), so that word order never completes it.

A demand by a word that may also assert ("insist") whose "that" clause is no mandative one
("insisted that Taiwan is part of China") is an assertion, dropped.

Each act is merged with the candidates the patterns made (``extract.spanning_acts``): those at
the words it spans become ``duplicate`` drops. A rule stays silent where a pattern already gave an
event of the same CAMEO root at its trigger, and where its two sides are of one state.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from extract.addressed_request_words import AddressedRequestWords
from extract.block_index import BlockTokens, children_of
from extract.deadlines import given_deadline
from extract.intended_threats import THREAT_CONFIDENCE, condition_targets
from extract.patterns import (
    DICTIONARY_CONFIDENCE,
    Candidate,
    Context,
    actors_of,
    candidate_code,
    clause_subject,
    modifier_actors,
    prep_objects,
    subject_actors,
)
from extract.spanning_acts import SpanningAct, with_spanning_acts
from extract.speech_act_candidates import requesting_governor
from extract.threats import FUTURE_MODALS, THREATEN_RELATION
from extract.verb_forms import is_to_infinitive
from graph.model import Actor, DropReason, same_state

APPEAL_RELATION = "APPEAL"
DEMAND_RELATION = "DEMAND"
#: Clause relations by which an infinitive or "that" clause hangs on its governor.
_CLAUSES = frozenset({"acl", "advcl", "ccomp", "xcomp", "relcl"})


def with_addressed_requests(
    tokens: Sequence[Token], candidates: list[Candidate], ctx: Context, table: BlockTokens,
) -> list[Candidate]:
    """The candidates with the addressed requests, deadlines and threats of force in ``tokens``
    (whose block's words ``table`` gives) merged in; candidates at the words such an act spans
    become duplicates of it."""
    words = ctx.ontology.addressed_requests
    candidates = [_as_assertion(_requested_of_another(c, ctx), words, ctx) for c in candidates]
    # only the words ``_acts_at`` can act at are visited (read from the block's table ``table``)
    found = [act for token in tokens if may_act_at(table, token.i, words, ctx) for act in _acts_at(token, words, ctx)]
    if not found:
        return candidates  # no act: the patterns' events need not be known
    # events the patterns gave: a pair of one state ("Lavrov warned that Moscow would ...") is none
    events = {(c.trigger.i, ctx.ontology.relation(c.relation).cameo[:2])
              for c in candidates if c.drop is None and c.relation in ctx.ontology.relations
              and not all(same_state(s, o) for s, o in c.actor_pairs())}
    acts = [act for act in found if (act.candidate.trigger.i, candidate_code(act.candidate, ctx)[:2]) not in events]
    return with_spanning_acts(candidates, acts)


#: Drops of a candidate that found too few actors: word order may complete them later.
_ACTORLESS = frozenset({DropReason.NO_SUBJECT, DropReason.NO_OBJECT, DropReason.NOT_AN_ACTOR,
                        DropReason.UNRESOLVED_REFERENCE})


def _requested_of_another(candidate: Candidate, ctx: Context) -> Candidate:
    """An act asked of an addressee ("asked the council to condemn X") is no event of its own,
    whether or not its actors were found: the request is the event. Blocked here too when it found
    too few actors, so that word order never lends it the requester as its subject."""
    if candidate.drop not in _ACTORLESS:
        return candidate
    governor = requesting_governor(candidate.trigger, ctx.lexicon)
    if governor is None or not any(c.dep_ in ("dobj", "dative") and c != candidate.trigger
                                   for c in children_of(governor)):
        return candidate
    return Candidate(candidate.trigger, candidate.relation, (), (), (), 0.0, DropReason.BLOCKED_BY_GOVERNOR,
                     f"requested by '{governor.lemma_}'")


def _as_assertion(candidate: Candidate, words: AddressedRequestWords, ctx: Context) -> Candidate:
    """A demand by a word that also asserts, whose "that" clause is no mandative one ("China
    insisted that Taiwan is part of China"), is an assertion: dropped, not an event."""
    trigger = candidate.trigger
    if candidate.drop is not None or trigger.lemma_.lower() not in words.asserting_words:
        return candidate
    if candidate.relation not in ctx.ontology.relations or candidate_code(candidate, ctx)[:2] != "10":
        return candidate
    clauses = [c for c in children_of(trigger) if c.dep_ == "ccomp" and any(s.dep_ == "nsubj" for s in children_of(c))]
    if not clauses or any(is_mandative(c) for c in clauses):
        return candidate
    return Candidate(trigger, candidate.relation, (), (), (), 0.0, DropReason.NOT_AN_EVENT,
                     f"'{trigger.lemma_}' asserts its clause ('{clauses[0].lemma_}' is no mandative verb)")


def may_act_at(table: BlockTokens, i: int, words: AddressedRequestWords, ctx: Context) -> bool:
    """Whether ``_acts_at`` can find an act at word ``i`` of the block ``table`` gives, read from its
    lemma and part of speech as ``_acts_at`` reads them: a word of appeal or demand, a verb of
    ultimatum, statement or warning, a noun of force or an event noun (whose code the threat codes
    may map). Every other word gives no act there."""
    lemma, pos = table.lemmas[i], table.pos[i]
    if lemma in words.appeal_words or lemma in words.demand_words:
        return True
    if pos == "VERB":
        threats = ctx.ontology.speech_acts.threats
        return (lemma in threats.stating_verbs or lemma in threats.warning_verbs
                or lemma in ctx.ontology.deadlines.ultimatum_verbs)
    return pos == "NOUN" and (lemma in words.act_codes or bool(ctx.ontology.triggers_for("NOUN", lemma)))


def _acts_at(token: Token, words: AddressedRequestWords, ctx: Context) -> Iterator[SpanningAct]:
    lemma = token.lemma_.lower()
    if lemma in words.appeal_words or lemma in words.demand_words:
        yield from addressed_requests(token, words, ctx)
    if token.pos_ == "VERB" and lemma in ctx.ontology.deadlines.ultimatum_verbs:
        yield from deadlines(token, ctx)
    if token.pos_ == "NOUN":
        yield from threatened_force(token, words, ctx)
    threats = ctx.ontology.speech_acts.threats
    if token.pos_ == "VERB" and (lemma in threats.stating_verbs or lemma in threats.warning_verbs):
        yield from answering_threats(token, words, ctx)
        yield from conditional_retaliation(token, words, ctx)
        yield from harmed_relations(token, words, ctx)


# -- requests --------------------------------------------------------------------------------
def is_mandative(clause: Token) -> bool:
    """A clause in the mandative subjunctive, the form of what is demanded: its verb in the base
    form ("demanded that Britain release") or under "should" or "must"."""
    modals = {c.lower_ for c in children_of(clause) if c.dep_ == "aux"}
    return (clause.tag_ == "VB" and not modals - {"should", "must"}) or bool(modals & {"should", "must"})


def misparsed_subject(clause: Token, ctx: Context) -> Token | None:
    """The first actor word of a "that" complement the parser read as a noun phrase: a mandative
    clause's base verb taken for a noun ("demanded that [the EU release frozen funds]"). A "that"
    complement has a verb; a verbless one is such a misreading, and its subject comes first."""
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in children_of(clause))
    if clause.pos_ not in ("NOUN", "PROPN") or not that:
        return None
    return next((t for t in clause.subtree if t.i < clause.i and ctx.actor(t) is not None), None)


def request_addressees(word: Token, words: AddressedRequestWords, ctx: Context) -> list[tuple[Token, Token]]:
    """(addressee, act) of a requesting word's for-to or that complement: "called for X to
    investigate" (X, investigate), "its call for X to release", "a demand that X apologise",
    "demanded that X act" (a mandative clause; a word that also asserts, "insisted that X is",
    needs the clause's base verb), "urged restraint on X" (X, restraint). A passive act names no
    addressee ("called for X to be punished")."""
    found: list[tuple[Token, Token]] = []
    clauses = [c for c in children_of(word) if c.dep_ in _CLAUSES]
    asserting = word.lemma_.lower() in words.asserting_words
    for clause in clauses:
        marks = {c.lower_ for c in children_of(clause) if c.dep_ == "mark"}
        subjects = [c for c in children_of(clause) if c.dep_ == "nsubj"]
        infinitive = is_to_infinitive(clause)
        demanded = word.pos_ == "NOUN" and "that" in marks and not asserting
        passive = any(c.dep_ == "auxpass" for c in children_of(clause))
        if passive:
            continue  # "called for X to be punished": X undergoes the act, it is not asked to act
        mandative = clause.dep_ == "ccomp" and is_mandative(clause)
        if subjects and (("for" in marks and infinitive) or demanded or mandative):
            found.append((subjects[0], clause))  # "for X to V" as a clause; "that X V"
        elif clause.dep_ == "ccomp" and not asserting and (subject := misparsed_subject(clause, ctx)) is not None:
            found.append((subject, clause))
    for addressee in prep_objects(word, ("for",)):
        acts = [c for c in (*clauses, *children_of(addressee))
                if c.dep_ in _CLAUSES and c.i > addressee.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
                and not any(s.dep_ in ("nsubj", "nsubjpass", "auxpass") for s in children_of(c))]
        if acts:
            found.append((addressee, acts[0]))  # "call for X to V": X the for-phrase, V its infinitive
    if word.pos_ == "VERB":
        # "urged restraint on India": what is asked is the object, the one asked the "on" phrase; on
        # the object itself only when it names no act ("urged sanctions on X" aims the act at X)
        asked = [c for c in children_of(word) if c.dep_ == "dobj" and ctx.actor(c) is None]
        if asked:
            noun = asked[0]
            holders = [word] if ctx.ontology.triggers_for("NOUN", noun.lemma_.lower()) else [word, noun]
            found.extend((addressee, noun) for holder in holders for addressee in prep_objects(holder, ("on", "upon")))
    return found


def _reacted_to(word: Token, words: AddressedRequestWords) -> bool:
    """A request noun that is the object of a verb reacting to it ("rejected Russia's demand for
    Ukraine to ...", "refused the call"): the reaction may be read as negating the request, which
    was made all the same, so the request is left to the patterns there."""
    return word.pos_ == "NOUN" and word.dep_ == "dobj" and word.head.lemma_.lower() not in words.issuing_verbs


def requesters(word: Token, words: AddressedRequestWords, ctx: Context) -> list[Actor]:
    """Who requests: a verb's subject; a noun's possessor or qualifier ("Washington's call", "EU
    demands"), else the subject of the verb that issues it ("made a demand", "renewed its call")."""
    if word.pos_ in ("VERB", "AUX"):
        return subject_actors(clause_subject(word, ctx), ctx)
    own = modifier_actors(word, ctx)
    if own or word.dep_ != "dobj" or word.head.lemma_.lower() not in words.issuing_verbs:
        return own
    return subject_actors(clause_subject(word.head, ctx), ctx)


def addressed_requests(word: Token, words: AddressedRequestWords, ctx: Context) -> Iterator[SpanningAct]:
    """The appeal or demand of a requesting word to the addressee of its for-to or that complement."""
    relation = DEMAND_RELATION if word.lemma_.lower() in words.demand_words else APPEAL_RELATION
    if relation not in ctx.ontology.relations or _reacted_to(word, words):
        return
    for addressee, act in request_addressees(word, words, ctx):
        subjects = requesters(word, words, ctx)
        objects = _other_state(actors_of(addressee, ctx), subjects)
        if subjects and objects:
            candidate = Candidate(word, relation, tuple(subjects), tuple(objects), (), DICTIONARY_CONFIDENCE)
            yield SpanningAct(candidate, frozenset({word.i, act.i}))
            return


# -- deadlines -------------------------------------------------------------------------------
def deadlines(verb: Token, ctx: Context) -> Iterator[SpanningAct]:
    """A deadline given to another actor: an ultimatum (CAMEO 139) from the verb's subject."""
    words = ctx.ontology.deadlines
    found = given_deadline(verb, words)
    if found is None or THREATEN_RELATION not in ctx.ontology.relations:
        return
    given, word = found
    subjects = subject_actors(clause_subject(verb, ctx), ctx)
    objects = _other_state(actors_of(given, ctx), subjects)
    if subjects and objects:
        relation = ctx.ontology.relation_for_code(words.code)
        attributes = (("cameo", words.code),) if relation.cameo != words.code else ()
        candidate = Candidate(verb, relation.name, tuple(subjects), tuple(objects), attributes, THREAT_CONFIDENCE)
        yield SpanningAct(candidate, frozenset({verb.i, word.i}))


# -- threats of force ------------------------------------------------------------------------
def threatened_act_code(noun: Token, words: AddressedRequestWords, ctx: Context) -> str | None:
    """The threat's code when ``noun`` names force, a reprisal or another conflict act: a noun of
    addressed_requests.toml ("military action" only with its modifier), else an event noun whose
    code the threat codes map ("strikes": 138, "sanctions": 1312); None for any other noun."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN":
        return None
    if lemma in words.act_codes:
        modified = lemma not in words.needs_modifier or any(
            c.dep_ in ("amod", "compound") and c.lower_ in words.military_modifiers for c in children_of(noun))
        return words.act_codes[lemma] if modified else None
    threats = ctx.ontology.speech_acts.threats
    for trigger in ctx.ontology.triggers_for("NOUN", lemma):
        code = ctx.ontology.relation(trigger.relation).cameo
        if any(code[:n] in threats.codes for n in range(2, len(code) + 1)):
            return threats.code_for(code)
    return None


def threat_governor(noun: Token, ctx: Context) -> tuple[Token, Token | None] | None:
    """(the threat, warning, vow or raising word, a carrying verb between them) whose act ``noun``
    is: "threatened force" / "vowed revenge" (object), "vowed to take countermeasures", "its threat
    to use force" (carried), "the threat of force", "warned of retaliation" ("of"), "raised the
    prospect of strikes" (the raising verb)."""
    threats = ctx.ontology.speech_acts.threats
    words = ctx.ontology.addressed_requests
    head = noun.head
    verbs = threats.verbs | threats.intention_verbs
    if noun.dep_ == "dobj" and head.pos_ == "VERB":
        if head.lemma_.lower() in verbs:
            return head, None
        carrier, above = head, head.head
        threatening = (above.pos_ == "VERB" and above.lemma_.lower() in verbs) or (
            above.pos_ == "NOUN" and above.lemma_.lower() in threats.nouns)
        if carrier.lemma_.lower() in words.carrying_verbs and carrier.dep_ in ("xcomp", "acl") and threatening:
            return above, carrier
        return None
    if noun.dep_ == "pobj" and head.lower_ == "of":
        governor = head.head
        lemma = governor.lemma_.lower()
        if (governor.pos_ == "NOUN" and lemma in threats.nouns) or (
                governor.pos_ == "VERB" and lemma in threats.warning_verbs):
            return governor, None
        raising = governor.head
        if (governor.pos_ == "NOUN" and lemma in words.prospect_nouns and governor.dep_ == "dobj"
                and raising.lemma_.lower() in words.raising_verbs):
            return raising, None
    return None


def threatened_force(noun: Token, words: AddressedRequestWords, ctx: Context) -> Iterator[SpanningAct]:
    """A threat of force or reprisal aimed "against" an actor, from the threatener."""
    code = threatened_act_code(noun, words, ctx)
    found = threat_governor(noun, ctx) if code is not None else None
    if code is None or found is None or THREATEN_RELATION not in ctx.ontology.relations:
        return
    governor, carrier = found
    preps = tuple(sorted(words.target_prepositions))
    targets = [t for token in (noun, carrier, governor) if token is not None for t in prep_objects(token, preps)]
    if governor.pos_ in ("VERB", "AUX"):
        subjects = subject_actors(clause_subject(governor, ctx), ctx)
    else:
        by = [t for token in (governor, noun) for t in prep_objects(token, ("by",))]
        subjects = modifier_actors(governor, ctx) or [a for t in by for a in actors_of(t, ctx)]
    objects = _other_state([a for t in targets for a in actors_of(t, ctx)], subjects)
    if subjects and objects:
        relation = ctx.ontology.relation_for_code(code)
        attributes = (("cameo", code),) if relation.cameo != code else ()
        candidate = Candidate(governor, relation.name, tuple(subjects), tuple(objects), attributes, THREAT_CONFIDENCE)
        yield SpanningAct(candidate, frozenset({governor.i, noun.i}))


# -- answering for one's conduct -------------------------------------------------------------
def answers_for_conduct(clause: Token, words: AddressedRequestWords, ctx: Context) -> bool:
    """Whether a future, affirmed ``clause`` says its subject will answer for its conduct: "would
    pay for its decision" (no object, a noun of conduct after "for"), "will be held accountable"."""
    children = list(children_of(clause))
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in children)
    if not future or any(c.dep_ == "neg" for c in children):
        return False
    lemma = clause.lemma_.lower()
    if lemma in words.answering_verbs and not any(c.dep_ in ("dobj", "dative") for c in children):
        paid_for = prep_objects(clause, ("for",))
        return any(t.lemma_.lower() in words.conduct_nouns or ctx.ontology.triggers_for("NOUN", t.lemma_.lower())
                   for t in paid_for)
    passive = any(c.dep_ == "auxpass" for c in children)
    return lemma == "hold" and passive and any(
        c.dep_ in ("oprd", "acomp") and c.lower_ in words.held_predicates for c in children)


def answering_threats(verb: Token, words: AddressedRequestWords, ctx: Context) -> Iterator[SpanningAct]:
    """A stating or warning verb whose clause says another state's actor will answer for its
    conduct ("said Finland would pay for its decision"): a threat of the speaker against it."""
    if THREATEN_RELATION not in ctx.ontology.relations:
        return
    for clause in children_of(verb):
        if clause.dep_ != "ccomp" or not answers_for_conduct(clause, words, ctx):
            continue
        speakers = subject_actors(clause_subject(verb, ctx), ctx)
        held = [a for c in children_of(clause) if c.dep_ in ("nsubj", "nsubjpass") for a in actors_of(c, ctx)]
        targets = _other_state(held, speakers)
        if speakers and targets:
            candidate = Candidate(verb, THREATEN_RELATION, tuple(speakers), tuple(targets), (), THREAT_CONFIDENCE)
            yield SpanningAct(candidate, frozenset({clause.i}))


# -- conditional retaliation -----------------------------------------------------------------
def is_retaliation(verb: Token, words: AddressedRequestWords, warned: bool = False) -> bool:
    """A verb of retaliating: "retaliate", "hit back", "strike back", "take countermeasures" or
    "take retaliatory measures"; "respond" or "react" firmly ("respond decisively"), with force
    or measures ("respond with countermeasures"), or as what a warning says (``warned``: "warned
    that it would respond if ...": a warning promises no kindness)."""
    lemma = verb.lemma_.lower()
    children = list(children_of(verb))
    if lemma in words.retaliation_verbs:
        return True
    if lemma in words.back_verbs:
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in children)
    if lemma in words.carrying_verbs:
        return any(c.dep_ == "dobj" and is_retaliation_noun(c, words) for c in children)
    if lemma not in words.response_verbs:
        return False
    firm = any(c.dep_ == "advmod" and c.lower_ in words.firm_adverbs for c in children)
    means = any(t.lemma_.lower() in words.response_nouns for t in prep_objects(verb, ("with",)))
    return firm or means or (warned and not any(c.dep_ == "advmod" for c in children))


def is_retaliation_noun(noun: Token, words: AddressedRequestWords) -> bool:
    """"countermeasures", "reprisals"; "retaliatory measures", "punitive steps"."""
    lemma = noun.lemma_.lower()
    return lemma in words.retaliation_nouns or (lemma in words.measure_nouns and any(
        c.dep_ in ("amod", "compound") and c.lower_ in words.retaliatory_modifiers for c in children_of(noun)))


def conditional_retaliation(verb: Token, words: AddressedRequestWords, ctx: Context) -> Iterator[SpanningAct]:
    """A stating or warning verb whose future, affirmed clause says the speaker will retaliate if
    another party acts ("said it would retaliate if X ..."): a threat against that party; with no
    condition naming one ("said it would retaliate"), a threat that names no target yet."""
    if THREATEN_RELATION not in ctx.ontology.relations:
        return
    speakers: list[Actor] | None = None  # found at the first future clause: most verbs have none
    for clause in children_of(verb):
        if clause.dep_ != "ccomp":
            continue
        children = list(children_of(clause))
        future = any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in children)
        if not future or any(c.dep_ == "neg" for c in children):
            continue
        if speakers is None:
            speakers = subject_actors(clause_subject(verb, ctx), ctx)
        own = [a for c in children if c.dep_ == "nsubj" for a in actors_of(c, ctx)]
        if not own or not all(any(same_state(a, s) for s in speakers) for a in own):
            continue  # the speaker's own retaliation ("said it would", "said Russia would")
        warned = verb.lemma_.lower() in ctx.ontology.speech_acts.threats.warning_verbs
        if not is_retaliation(clause, words, warned):
            continue
        targets = _other_state(condition_targets([clause], speakers, ctx), speakers)
        if speakers and targets:
            candidate = Candidate(verb, THREATEN_RELATION, tuple(speakers), tuple(targets), (), THREAT_CONFIDENCE)
            yield SpanningAct(candidate, frozenset({clause.i}))
        elif speakers:  # "said it would retaliate": whom it answers is for discourse (retaliation_targets.py)
            candidate = Candidate(verb, THREATEN_RELATION, tuple(speakers), (), (), 0.0, DropReason.NO_OBJECT,
                                  "a retaliation that names no target")
            yield SpanningAct(candidate, frozenset({clause.i}))


# -- harmed relations ------------------------------------------------------------------------
def harmed_relation_nouns(clause: Token, words: AddressedRequestWords, ctx: Context) -> list[Token]:
    """The relation nouns a future, affirmed clause says will be harmed: "would damage ties",
    "would have consequences for relations"."""
    children = list(children_of(clause))
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in children)
    if not future or any(c.dep_ == "neg" for c in children):
        return []
    lemma = clause.lemma_.lower()
    threats = ctx.ontology.speech_acts.threats
    objects = [c for c in children if c.dep_ == "dobj"]
    if lemma in words.harm_verbs:
        harmed = objects
    elif lemma in words.relation_consequence_verbs:
        consequences = [o for o in objects if o.lemma_.lower() in threats.consequence_nouns]
        harmed = [t for o in consequences for t in prep_objects(o, ("for",))]
    else:
        return []
    return [t for t in harmed if t.lemma_.lower() in words.relation_nouns]


def harmed_relations(verb: Token, words: AddressedRequestWords, ctx: Context) -> Iterator[SpanningAct]:
    """A stating or warning verb whose clause says the speaker's relations with another party
    will be harmed: a threat against that party."""
    if THREATEN_RELATION not in ctx.ontology.relations:
        return
    for clause in children_of(verb):
        if clause.dep_ != "ccomp":
            continue
        relations = harmed_relation_nouns(clause, words, ctx)
        if not relations:
            continue
        speakers = subject_actors(clause_subject(verb, ctx), ctx)
        parties = [a for r in relations for t in prep_objects(r, ("with", "between")) for a in actors_of(t, ctx)]
        targets = _other_state(parties, speakers)
        if speakers and targets:
            candidate = Candidate(verb, THREATEN_RELATION, tuple(speakers), tuple(targets), (), THREAT_CONFIDENCE)
            # the relations harmed are no cooperation of their own
            yield SpanningAct(candidate, frozenset({clause.i, *(r.i for r in relations)}))


def _other_state(objects: list[Actor], subjects: list[Actor]) -> list[Actor]:
    """The objects of another state than every subject's: no one appeals to or threatens itself."""
    return [o for o in objects if not any(same_state(o, s) for s in subjects)]
