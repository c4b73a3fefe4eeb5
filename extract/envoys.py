"""Diplomatic acts done through envoys: expelling, recalling and summoning them.

News reports these acts through the envoy, not the state: "ordered the French ambassador to leave"
(the subject expels France, CAMEO 166), "recalled its ambassador from Sweden" (the subject reduces
diplomatic relations with Sweden, 161: the envoy is its own, never the object), "summoned the Indian
envoy" (a formal complaint to India, 114). The verbs and phrases are in lexicon.toml; an envoy act
found at a verb replaces the candidates the ordinary patterns made at the verbs it spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Token

from extract.block_index import children_of
from extract.patterns import (
    Candidate,
    Context,
    Found,
    actors_of,
    clause_subject,
    mission_senders,
    modifier_actors,
)
from extract.shared_counterparts import severed_counterparts
from extract.spanning_acts import SpanningAct, with_spanning_acts
from extract.speech_act_candidates import as_request
from extract.verb_forms import is_passive, is_to_infinitive
from graph.model import Actor, ActorType, DropReason

#: CAMEO codes of the acts (cameo_codes.tsv); the relation carrying each is looked up in the ontology.
EXPEL_CODE = "166"  # expel or withdraw
RECALL_CODE = "161"  # reduce or break diplomatic relations (OEDA: RECALL/WITHDRAW * AMBASSADOR)
SUMMON_CODE = "114"  # complain officially (see the COMPLAIN_OFFICIALLY comment in ontology.toml)
STORM_CODE = "145"  # protest violently, riot
PROTEST_CODE = "140"  # engage in political dissent (the ontology's PROTEST_AGAINST)
CONFIDENCE = 0.9


def with_envoy_acts(tokens: Iterable[Token], candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates with every envoy act of the tokens added in text order, and the candidates the
    ordinary patterns made at the verbs an act spans turned into drops (``duplicate``): "asked the
    envoy to leave" is an expulsion, not an appeal."""
    acts = [act for token in tokens if token.pos_ == "VERB" for act in _acts_at(token, ctx)]
    return with_spanning_acts(candidates, acts, lambda candidate: as_request(candidate, ctx))


def _acts_at(verb: Token, ctx: Context) -> Iterator[SpanningAct]:
    words = _verb_words(verb)
    act = _expulsion(verb, words, ctx) or _recall_or_summons(verb, words, ctx) or _storming(verb, ctx)
    if act is not None:
        yield act


# -- words -------------------------------------------------------------------------------------
#: Arcs on which the parser hangs a verb's particle: "called back" (advmod), "called in the envoy" (prep).
_PARTICLE_ARCS = frozenset({"prt", "advmod", "prep"})


def _verb_words(verb: Token) -> set[str]:
    """The verb's lemma, and with each of its particles ("call in", "call back")."""
    lemma = verb.lemma_.lower()
    return {lemma, *(f"{lemma} {c.lower_}" for c in children_of(verb) if c.dep_ in _PARTICLE_ARCS)}


def _noun_words(noun: Token) -> set[str]:
    """The noun's lemma and the phrases of up to three words that end with it ("high commissioner",
    "chargé d'affaires")."""
    doc = noun.doc
    words = {noun.lemma_.lower(), noun.lower_}
    for size in (2, 3):
        if noun.i - size + 1 >= 0:
            words.add(doc[noun.i - size + 1 : noun.i + 1].text.lower())
    return words


def is_envoy(noun: Token, ctx: Context) -> bool:
    """An envoy noun: ambassador, envoy, diplomat, consul, chargé d'affaires (lexicon ``envoy_nouns``)."""
    return bool(_noun_words(noun) & ctx.lexicon.envoy_nouns)


def _is_expellable(noun: Token, ctx: Context) -> bool:
    return is_envoy(noun, ctx) or bool(_noun_words(noun) & ctx.lexicon.expellable_nouns)


# -- arguments ---------------------------------------------------------------------------------
def _actors(found: Found, ctx: Context) -> list[Actor]:
    actors: list[Actor] = []
    for token in found.tokens:
        for actor in actors_of(token, ctx) or modifier_actors(token, ctx):
            if actor not in actors:
                actors.append(actor)
    return actors


def _sender_states(noun: Token, ctx: Context) -> list[Actor]:
    """The state an envoy or staff noun stands for: its qualifier first ("Canada's high commissioner,
    Cameron MacKay" is Canada's, whatever the name beside it resolves to), else its own actor."""
    qualifiers = [a for a in modifier_actors(noun, ctx) if a.country]
    return qualifiers or [a for a in actors_of(noun, ctx) if a.country]


def _subject(verb: Token, ctx: Context) -> Found:
    """Who acts: the clause subject, or in the passive the "by" agent."""
    if is_passive(verb):
        agents = [g for c in children_of(verb) if c.dep_ == "agent" for g in children_of(c) if g.dep_ == "pobj"]
        return Found(tuple(agents), 0.9)
    return clause_subject(verb, ctx)


def _patient(verb: Token, particles: frozenset[str] = frozenset()) -> list[Token]:
    """Whom the verb acts on: its direct object, or in the passive its subject; else the object of a
    particle the parser took for a preposition ("called in the envoy", with "call in" in ``particles``)."""
    deps = ("nsubjpass",) if is_passive(verb) else ("dobj",)
    direct = [c for c in children_of(verb) if c.dep_ in deps]
    lemma = verb.lemma_.lower()
    return direct or [
        g for c in children_of(verb) if c.dep_ == "prep" and f"{lemma} {c.lower_}" in particles
        for g in children_of(c) if g.dep_ == "pobj"
    ]


def _countries(actors: Iterable[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _others(actors: Iterable[Actor], subjects: list[Actor]) -> list[Actor]:
    """The actors of another state than the subjects'."""
    own = _countries(subjects)
    return [a for a in actors if a.country and a.country not in own]


def _conducts_diplomacy(subjects: list[Actor], ctx: Context) -> bool:
    """Whether the acting actors are a state's government (lexicon ``diplomatic_sectors``): a court
    or prosecutors summoning a diplomat, or told to leave by the police, is a legal act, not a
    diplomatic one. Unresolved subjects pass: the act is then dropped for want of a subject."""
    return all(
        a.type is ActorType.COUNTRY or (a.sector or "").lower() in ctx.lexicon.diplomatic_sectors for a in subjects
    )


def _act(verb: Token, code: str, subjects: list[Actor], objects: list[Actor], found: Found,
         spans: set[int], ctx: Context) -> SpanningAct:
    """The act's candidate, or a drop saying which actor is missing."""
    relation = ctx.ontology.relation_for_code(code).name
    if not subjects:
        reason = DropReason.UNRESOLVED_REFERENCE if found.tokens else DropReason.NO_SUBJECT
        candidate = Candidate(verb, relation, (), tuple(objects), (), 0.0, reason, verb.lemma_)
    else:
        confidence = round(CONFIDENCE * (found.confidence or 1.0), 3)
        candidate = Candidate(verb, relation, tuple(subjects), tuple(objects), (), confidence)
    return SpanningAct(candidate, frozenset(spans | {verb.i}))


# -- expulsion -----------------------------------------------------------------------------------
def _expulsion(verb: Token, words: set[str], ctx: Context) -> SpanningAct | None:
    """ "ordered/told/asked X to leave", "gave X 72 hours to leave", "declared X persona non grata",
    X another state's envoys, troops or staff: the subject expels that state (CAMEO 166). ``words``
    are the verb's ``_verb_words``."""
    leavers: list[Token] = []
    spans: set[int] = set()  # the leaving verbs
    left: list[Token] = []  # the places a passive order names as left ("ordered out of Britain")
    if words & ctx.lexicon.expelling_verbs:
        ordered = _ordered_to_leave(verb, ctx)
        leavers += [leaver for leaver, _ in ordered]
        spans.update(leaving.i for _, leaving in ordered)
        left += [place for _, leaving in ordered for place in children_of(leaving) if place.dep_ == "dobj"]
        out_of = _ordered_out_of(verb)
        if out_of:
            leavers += [c for c in children_of(verb) if c.dep_ == "nsubjpass"]
            left += out_of
    if words & ctx.ontology.deadlines.granting_verbs:
        # "gave X 72 hours to leave": the span is the object, or an adverbial noun when the parser
        # reads X as the object's dative
        deadlines = [c for c in children_of(verb) if c.dep_ in ("dobj", "npadvmod")]
        leaving_verbs = [
            c for holder in (verb, *deadlines) for c in children_of(holder)
            if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and _is_leaving(c, ctx)
        ]
        if leaving_verbs:
            leavers += [c for c in children_of(verb) if c.dep_ == "dative"]
            # "gave [X's envoy a week] to leave" (the parser hangs the span on the addressee), "gave
            # X's envoy until Friday to leave": the object is the addressee
            leavers += [c for c in children_of(verb) if c.dep_ == "dobj" and (_carries_span(c) or _ends_by_date(verb))]
            spans.update(t.i for t in leaving_verbs)
    if _declares_expelling_predicate(verb, ctx):
        leavers += _patient(verb) + [
            g for c in children_of(verb) if c.dep_ in ("ccomp", "oprd") for g in children_of(c) if g.dep_ == "nsubj"
        ] + _compounded_on_predicate(verb, ctx)
    leavers = [t for t in leavers if _is_expellable(t, ctx)]
    if not leavers:
        return None
    found = _subject(verb, ctx)
    if is_passive(verb) and not found.tokens:
        # "two Russian diplomats were ordered to leave Britain / out of Britain": the state left expels
        found = Found(tuple(t for t in left if any(a.country for a in actors_of(t, ctx))), 0.85)
    subjects = _actors(found, ctx)
    if not _conducts_diplomacy(subjects, ctx):
        return None
    if not all(leaves_the_expellers_land(verb.doc[i], subjects, ctx) for i in spans):
        return None
    expelled = _others((a for t in leavers for a in _sender_states(t, ctx)), subjects)
    if not expelled:
        return None  # its own troops or envoys told to leave: a withdrawal, left to the other patterns
    return _act(verb, EXPEL_CODE, subjects, expelled, found, spans, ctx)


def _ordered_to_leave(verb: Token, ctx: Context) -> list[tuple[Token, Token]]:
    """(leaver, leaving verb) pairs of an order to leave, as the parser builds it: object control
    ("ordered [the envoy] [to leave]": the governor's object, in the passive its subject), a clause
    ("ordered [the envoy to leave]") or an infinitive hung on the object."""
    pairs: list[tuple[Token, Token]] = []
    for leaving in (c for c in children_of(verb) if c.dep_ in ("xcomp", "ccomp") and _is_leaving(c, ctx)):
        own = [g for g in children_of(leaving) if g.dep_ == "nsubj"]
        controlled = [t for t in clause_subject(leaving, ctx).tokens if t.head == verb]
        pairs += [(leaver, leaving) for leaver in own or controlled]
    for obj in (c for c in children_of(verb) if c.dep_ == "dobj"):
        pairs += [(obj, c) for c in children_of(obj) if c.dep_ in ("acl", "relcl") and _is_leaving(c, ctx)]
    return pairs


def _carries_span(noun: Token) -> bool:
    """A noun the parser hung a span of time on ("the envoy [a week]")."""
    return any(c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME") for c in children_of(noun))


def _ends_by_date(verb: Token) -> bool:
    """A time limit given by a preposition and a date ("until Friday", "by Monday")."""
    return any(
        pobj.ent_type_ in ("DATE", "TIME")
        for prep in children_of(verb) if prep.dep_ == "prep" for pobj in children_of(prep) if pobj.dep_ == "pobj"
    )


def _ordered_out_of(verb: Token) -> list[Token]:
    """The place a passive order sends someone "out of" ("were ordered out of Britain")."""
    if not is_passive(verb):
        return []
    return [
        pobj for out in children_of(verb) if out.dep_ in ("prep", "prt", "advmod") and out.lower_ == "out"
        for of in children_of(out) if of.dep_ == "prep" and of.lower_ == "of"
        for pobj in children_of(of) if pobj.dep_ == "pobj"
    ]


def _is_leaving(verb: Token, ctx: Context) -> bool:
    """An infinitive of leaving ("to leave", "to depart"), or of not coming back ("not to return"):
    an envoy told not to return to his post is kept out of the country as one told to leave it."""
    if not is_to_infinitive(verb):
        return False
    lemma = verb.lemma_.lower()
    return lemma in ctx.lexicon.leaving_verbs or (
        lemma in ctx.lexicon.returning_verbs and any(c.dep_ == "neg" for c in children_of(verb)))


def leaves_the_expellers_land(leaving: Token, subjects: list[Actor], ctx: Context) -> bool:
    """What is left is the subject's own land or nothing named: "to leave", "to leave the country",
    "to leave Malian soil", "to leave Mali" (said by Mali); not "to leave the meeting" or, said by the
    UN, "to leave Ukraine"."""
    for place in (c for c in children_of(leaving) if c.dep_ == "dobj"):
        named = [a.country for a in actors_of(place, ctx) or modifier_actors(place, ctx)]
        own = bool(named) and set(named) <= _countries(subjects)
        if not own and (named or place.lemma_.lower() not in ctx.lexicon.expelled_from_nouns):
            return False
    return True


def _declares_expelling_predicate(verb: Token, ctx: Context) -> bool:
    """A naming verb ("declared", "named") followed in its clause by "persona non grata"."""
    if verb.lemma_.lower() not in ctx.lexicon.naming_verbs:
        return False
    after = verb.doc[verb.i + 1 : verb.sent.end].text.lower()
    return any(predicate in after for predicate in ctx.lexicon.expelling_predicates)


def _compounded_on_predicate(verb: Token, ctx: Context) -> list[Token]:
    """The nouns before the predicate inside the phrase that holds it, when the parser read the
    person declared and the predicate as one noun phrase ("declared [a Russian diplomat persona
    non grata]", the diplomat a compound on "persona" or "grata")."""
    first_words = {predicate.split()[0] for predicate in ctx.lexicon.expelling_predicates}
    start = next((t.i for t in verb.doc[verb.i + 1 : verb.sent.end] if t.lower_ in first_words), None)
    if start is None:
        return []
    holders = [c for c in children_of(verb) if c.i > verb.i and c.left_edge.i <= start <= c.right_edge.i]
    return [t for c in holders for t in c.subtree if verb.i < t.i < start and t.pos_ in ("NOUN", "PROPN")]


# -- recall and summons ----------------------------------------------------------------------------
def _recall_or_summons(verb: Token, words: set[str], ctx: Context) -> SpanningAct | None:
    """ "recalled its ambassador from Sweden": the subject reduces relations with Sweden (161);
    "summoned the Indian envoy": the subject complains officially to India (114). A recalled envoy
    is the subject's own and is never the object; a recall naming no host state is dropped.
    ``words`` are the verb's ``_verb_words``."""
    recalling = bool(words & ctx.lexicon.recalling_verbs)
    summoning = bool(words & ctx.lexicon.summoning_verbs)
    if not (recalling or summoning):
        return None
    particles = ctx.lexicon.recalling_verbs | ctx.lexicon.summoning_verbs
    envoys = [t for t in _patient(verb, particles) if is_envoy(t, ctx)]
    if not envoys:
        return None
    found = _recaller(verb, ctx)
    subjects = _actors(found, ctx)
    if not _conducts_diplomacy(subjects, ctx):
        return None
    envoy_actors = [a for t in envoys for a in _sender_states(t, ctx)]
    if is_passive(verb) and summoning and not found.tokens and not _homeward(verb):
        # "the Russian ambassador was summoned to the foreign ministry in Warsaw": a summons said in
        # the passive is the host state's; only "summoned home/back" is its own state's recall
        hosts = _others((a for t in envoys for a in _host_states(t, verb, ctx)), envoy_actors)
        return _act(verb, SUMMON_CODE, hosts, envoy_actors, Found((), 0.85), set(), ctx)
    if is_passive(verb) and recalling and not found.tokens:
        # "Sweden's ambassador was recalled": only its own state recalls an envoy
        subjects, found = envoy_actors, Found(tuple(envoys), 0.85)
    # "its ambassador" is the subject's own, whatever the pronoun resolved to
    foreign = [] if _owned_by_pronoun(envoys, ctx) else _others(envoy_actors, subjects)
    if summoning and foreign:
        return _act(verb, SUMMON_CODE, subjects, foreign, found, set(), ctx)
    if not recalling or foreign:
        return None
    hosts = _others((a for t in envoys for a in _host_states(t, verb, ctx)), subjects)
    if not hosts:  # "X broke off relations with Y, while Z recalled its envoy": from Y
        hosts = _others(severed_counterparts(verb, ctx), subjects)
    act = _act(verb, RECALL_CODE, subjects, hosts, found, set(), ctx)
    if act.candidate.drop is None and not hosts:
        # the recaller is kept: discourse may still tell where from (extract/relation_partners.py)
        candidate = replace(act.candidate, objects=(), confidence=0.0,
                            drop=DropReason.NO_HOST_STATE, detail=f"{verb.lemma_} {envoys[0].lemma_}")
        return replace(act, candidate=candidate)
    return act


#: Adverbs of a summons to one's own capital: "summoned home", "called back" (a recall, not a summons).
_HOMEWARD = frozenset({"home", "back"})


def _homeward(verb: Token) -> bool:
    return any(c.lower_ in _HOMEWARD for c in children_of(verb))


def _recaller(verb: Token, ctx: Context) -> Found:
    """Who recalls or summons. Envoys do not recall or summon envoys: where the parse gives the verb
    an envoy's subject through coordination with an infinitive ("ordered X's envoy to leave and
    recalled its own": "recalled" hung on "leave"), the subject of the ordering clause acts."""
    found = _subject(verb, ctx)
    if not found.tokens or not all(is_envoy(t, ctx) for t in found.tokens) or verb.dep_ != "conj":
        return found
    clause = verb.head
    while clause.dep_ in ("conj", "xcomp") and clause.head != clause:
        clause = clause.head
    ordering = clause_subject(clause, ctx)
    return Found(ordering.tokens, ordering.confidence * 0.8, ordering.blocked)


def _owned_by_pronoun(envoys: list[Token], ctx: Context) -> bool:
    """ "its ambassador", "their envoys": the clause's own envoy, whatever the pronoun resolved to."""
    pronouns = ctx.lexicon.thing_pronouns | ctx.lexicon.unresolvable_pronouns
    return any(c.dep_ == "poss" and c.lower_ in pronouns for t in envoys for c in children_of(t))


def _host_states(envoy: Token, verb: Token, ctx: Context) -> list[Actor]:
    """The states named after a host preposition of the envoy or the verb: "its ambassador to
    Sweden", "recalled its envoy from Stockholm", "pulled its diplomats out of Sudan"."""
    return [
        actor
        for holder in (envoy, verb)
        for prep in _host_prepositions(holder, ctx)
        for pobj in children_of(prep)
        if pobj.dep_ == "pobj"
        for actor in actors_of(pobj, ctx)
        if actor.country
    ]


def _host_prepositions(holder: Token, ctx: Context) -> Iterator[Token]:
    """The holder's prepositions of the lexicon's ``host_prepositions``, two-word ones ("out of")
    as the parse chains them (out -> of)."""
    for prep in (c for c in children_of(holder) if c.dep_ == "prep"):
        if prep.lower_ in ctx.lexicon.host_prepositions:
            yield prep
        yield from (
            inner for inner in children_of(prep)
            if inner.dep_ == "prep" and f"{prep.lower_} {inner.lower_}" in ctx.lexicon.host_prepositions
        )


# -- protesters at a mission ---------------------------------------------------------------------
def _storming(verb: Token, ctx: Context) -> SpanningAct | None:
    """ "protesters stormed the Swedish embassy": protesters storming or attacking a named state's
    diplomatic mission protest violently against that state (145); "protesters gathered outside the
    Swedish embassy": they protest against it (140). Their own state comes from their demonym or
    place as for any agent noun; without one the act is dropped (``unqualified_agent``)."""
    lemma = verb.lemma_.lower()
    storming = lemma in ctx.lexicon.storming_verbs
    if not (storming or lemma in ctx.lexicon.gathering_verbs) or is_passive(verb):
        return None
    code, missions = (STORM_CODE, _patient(verb)) if storming else (PROTEST_CODE, places_at(verb, ctx))
    senders = [a for t in missions for a in mission_senders(t, ctx)]
    found = clause_subject(verb, ctx)
    if not senders or not any(_is_protester(t, ctx) for t in found.tokens):
        return None
    subjects = _actors(found, ctx)
    if not subjects:
        relation = ctx.ontology.relation_for_code(code).name
        candidate = Candidate(verb, relation, (), tuple(senders), (), 0.0, DropReason.UNQUALIFIED_AGENT, verb.lemma_)
        return SpanningAct(candidate, frozenset({verb.i}))
    return _act(verb, code, subjects, _others(senders, subjects), found, set(), ctx)


def places_at(verb: Token, ctx: Context) -> list[Token]:
    """The objects of the verb's prepositions of place ("outside", "at"; "in front of" as the parser
    chains it: in -> front -> of)."""
    places: list[Token] = []
    for prep in (c for c in children_of(verb) if c.dep_ == "prep"):
        for pobj in (g for g in children_of(prep) if g.dep_ == "pobj"):
            if prep.lower_ in ctx.lexicon.at_prepositions:
                places.append(pobj)
            for inner in (c for c in children_of(pobj) if c.dep_ == "prep"):
                if f"{prep.lower_} {pobj.lower_} {inner.lower_}" in ctx.lexicon.at_prepositions:
                    places.extend(g for g in children_of(inner) if g.dep_ == "pobj")
    return places


def _is_protester(token: Token, ctx: Context) -> bool:
    """A protester noun, or a quantity of them ("hundreds of protesters")."""
    nouns = [token, *(g for c in children_of(token) if c.dep_ == "prep" and c.lower_ == "of"
                      for g in children_of(c) if g.dep_ == "pobj")]
    return any(n.lemma_.lower() in ctx.lexicon.protester_nouns for n in nouns)
