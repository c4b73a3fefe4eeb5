"""Verbs read by their surface where the clause's construction says another act, or none.

Fourteen rules of English, wire form and CAMEO practice (words in ``surface_misreadings.toml``):

* Curtailing: "cut short a visit / cut the trip short" ends the subject's own visit early; no act
  on the host or the other side (no reduced relations): ``no_event_sense``.
* Overflight: a verb of flying with a preposition of passing above a place and no goal ("flew
  over Estonia") crosses its airspace; no visit (04) to it: ``not_an_event``.
* A caution about a third party: "warned X that Russian mercenaries would ..." predicts what a
  third party does (OEDA codes such warnings 012, a pessimistic comment); no threat (13) by the
  warner on X. A complement whose subject is the warner's side or X itself ("warned X that it
  would strike", "that X would pay a price") stays a threat, and so does a copular complement that
  only says what the third party is to the warner ("that Taiwan is a red line"): ``no_event_sense``.
* A caution about what is: a warning addressed to no one whose complement tells what is or was
  happening, in the past, the progressive or the perfect ("warned that China was considering arms
  sales"): a threat is of something to come, so no threat (13): ``no_event_sense``.
* Civil-purpose equipment: aircraft or vehicles named for a civil purpose ("firefighting
  planes", "rescue helicopters") carry relief, not arms: military cooperation (062) is recoded as
  aid (070).
* A conjunct of an act asked of another: in "urged X to halt the build-up and to withdraw its
  troops" the second verb is asked of X as much as the first; its subject is X, never the one who
  asks. CAMEO codes the request (02/10) only, so the conjunct is blocked as the first one is
  (``extract.speech_act_candidates.as_request``): ``blocked_by_governor``.
* A course proposed for one's own side together with another: "X said X and Y should / must V"
  says what both should do, a view of a joint course, not a demand (10) made of Y; CAMEO codes a
  demand as made of another party. Where the parties of the modal clause include the speaker's own
  state beside another, the demand is dropped: ``not_an_event``.
* Force in a riot: protesters or rioters who attack, stone or "set fire to" a building riot; CAMEO
  codes it a violent protest (145), not assault (18) or military force (19) on the state whose
  building it is: recoded.
* A stoppage: "strike" named by a modifier of labour or fasting ("a hunger strike", "a general
  strike") or after "on" with no determiner ("went on strike") stops work or eating, no force
  (CAMEO codes it protest, 142/143): ``no_event_sense``.
* A match result: a conflict verb with a score on it ("beat Brazil 4-2") reports a sporting
  contest between teams named after their countries: ``no_event_sense``.
* A supposed event: an event noun of material conflict with an indefinite determiner as the
  subject of a modal clause ("a Russian attack on X would destabilise the region") is supposed to
  weigh its effects, not told: ``not_an_event``. Definite nouns and modal perfects are spared.
* A subject that can do no act between states: a natural or economic condition ("China's
  slowdown threatens X", "a storm struck Cuba"), a sportsperson ("Italy's forwards attacked
  England's defence"), private travellers or a vehicle of trade on a journey ("Chinese tourists
  visited Japan", "a cargo ship arrived in Piraeus": visits only), a document or scheme ("the visa
  scheme targets workers": force only). The state the subject is named after does not do the act:
  ``no_event_sense``.
* A request read by the dictionary's default: a verb of asking (lexicon ``requesting_verbs``)
  with an object and an infinitive of what it is to do ("encouraged Somalia to hold elections")
  asks it for that act, an appeal (02) as "urged X to" is, where the verb alone reads as another
  verbal cooperation (the OEDA default of "encourage" is 051, praise); an act the construction
  itself names ("asked the ambassador to leave": an expulsion) stays.
* An attack in words: "attack" by persons on persons, international bodies or regions ("Erdogan
  attacked Macron over his remarks", "Lula attacked the IMF") is criticism (111), not force: one
  person does not assault a foreign leader or an institution; force is told of forces and states.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of, conjuncts_of
from extract.data_tables import load_word_table
from extract.patterns import Candidate, Context
from extract.speech_act_candidates import requesting_governor
from graph.model import Actor, ActorType, DropReason

_VISIT_ROOT = "04"
_THREAT_ROOT = "13"
_DEMAND_ROOT = "10"
_MILITARY_COOPERATION = "COOPERATE_MILITARILY"
_AID = "AID"
_AID_CODE = "070"
#: CAMEO roots of force that protesters or rioters use in a riot: assault (18) and fighting (19).
_RIOT_ROOTS = frozenset({"18", "19"})
_RIOT = "PROTEST_VIOLENTLY"
_CRITICIZE = "CRITICIZE"
_APPEAL = "APPEAL"
_VERBAL_COOPERATION = 1
#: CAMEO roots of requests: appeals (02) and demands (10).
_REQUEST_ROOTS = frozenset({"02", "10"})
_FIGHT_ROOT = "19"
#: What a person attacks in words: persons and regions ("the West"), and international bodies.
_WORDS_TARGETS = frozenset({ActorType.PERSON, ActorType.REGION})
_INTERNATIONAL_BODY = "IGO"
_FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
_MATERIAL_CONFLICT = 4
#: Dependencies of a number that counts a noun: part of a range, not a score.
_COUNTING_DEPS = frozenset({"nummod", "quantmod", "compound", "amod"})
_SHORT_DEPS = frozenset({"advmod", "acomp", "oprd", "xcomp", "amod", "dep", "prt", "ccomp"})
_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
_GOODS_DEPS = frozenset({"dobj", "nsubjpass"})
#: Arcs of the one a warning is addressed to ("warned Seoul that ...").
_ADDRESSEE_ARCS = frozenset({"dobj", "dative"})
#: Subordinators of a condition ("if", "unless").
_CONDITION_MARKERS = frozenset({"if", "unless"})
#: Prepositions whose object is the one asked ("called on X to").
_ADDRESSEE_PREPS = frozenset({"on", "upon"})


class MisreadingWordsError(ValueError):
    """A malformed ``surface_misreadings.toml``."""


@dataclass(frozen=True)
class MisreadingWords:
    """The closed classes of ``surface_misreadings.toml`` (see the comments there)."""

    curtailing_verbs: frozenset[str]
    curtailing_adverbs: frozenset[str]
    overflight_verbs: frozenset[str]
    overflight_prepositions: frozenset[str]
    goal_prepositions: frozenset[str]
    warning_verbs: frozenset[str]
    civil_purposes: frozenset[str]
    protest_sectors: frozenset[str]
    stoppage_nouns: frozenset[str]
    stoppage_modifiers: frozenset[str]
    score_dashes: frozenset[str]
    indefinite_determiners: frozenset[str]
    hypothetical_modals: frozenset[str]
    condition_subjects: frozenset[str]
    sports_subjects: frozenset[str]
    traveller_subjects: frozenset[str]
    vehicle_subjects: frozenset[str]
    trading_vessels: frozenset[str]
    trading_purposes: frozenset[str]
    document_subjects: frozenset[str]
    animal_subjects: frozenset[str]
    verbal_attack_verbs: frozenset[str]


def load_misreading_words(path: Path) -> MisreadingWords:
    words = load_word_table(path, MisreadingWordsError)
    return MisreadingWords(
        words("curtailing_verbs"), words("curtailing_adverbs"), words("overflight_verbs"),
        words("overflight_prepositions"), words("goal_prepositions"), words("warning_verbs"),
        words("civil_purposes"), words("protest_sectors"),
        words("stoppage_nouns"), words("stoppage_modifiers"),
        words("score_dashes"), words("indefinite_determiners"), words("hypothetical_modals"),
        words("condition_subjects"), words("sports_subjects"), words("traveller_subjects"),
        words("vehicle_subjects"), words("trading_vessels"), words("trading_purposes"),
        words("document_subjects"), words("animal_subjects"), words("verbal_attack_verbs"),
    )


def with_misreading_checked(candidate: Candidate, ctx: Context, words: MisreadingWords) -> Candidate:
    """The candidate, dropped or recoded where its verb's surface misreads the clause."""
    if candidate.drop is not None:
        return candidate
    trigger = candidate.trigger
    lemma = trigger.lemma_.lower()
    cameo = ctx.ontology.relation(candidate.relation).cameo
    non_agent = _non_agent_subject(trigger, cameo, words, ctx.lexicon.partitive_nouns)
    if non_agent is not None:
        return _dropped(candidate, DropReason.NO_EVENT_SENSE, non_agent)
    if cameo[:2] in _FORCE_ROOTS and _stoppage(trigger, words):
        return _dropped(candidate, DropReason.NO_EVENT_SENSE, f"a labour or hunger {lemma}: a stoppage, no force")
    if cameo[:2] in _FORCE_ROOTS and _scored(trigger, words):
        return _dropped(candidate, DropReason.NO_EVENT_SENSE, "a score on the verb: a match result, no use of force")
    if ctx.ontology.relation(candidate.relation).quad_class == _MATERIAL_CONFLICT and _supposed(trigger, words):
        return _dropped(candidate, DropReason.NOT_AN_EVENT,
                        f"'{lemma}' supposed as subject of '{trigger.head.text}': no event told")
    if lemma in words.curtailing_verbs and _curtailed(trigger, words):
        return _dropped(candidate, DropReason.NO_EVENT_SENSE, f"{lemma} short: ends its own act early")
    if cameo.startswith(_VISIT_ROOT) and lemma in words.overflight_verbs and _overflight(trigger, words):
        return _dropped(candidate, DropReason.NOT_AN_EVENT, f"{lemma} over: crossing airspace, no visit")
    if cameo.startswith(_THREAT_ROOT) and lemma in words.warning_verbs:
        third = _third_party_complement(trigger, candidate, ctx)
        if third is not None:
            return _dropped(candidate, DropReason.NO_EVENT_SENSE,
                            f"{lemma} that {third.name} ...: a caution about a third party (012), no threat")
        if _warns_of_what_is(trigger):
            return _dropped(candidate, DropReason.NO_EVENT_SENSE,
                            f"{lemma} that ... (past, progressive or perfect): a caution about what is, no threat")
    if cameo.startswith(_DEMAND_ROOT) and _own_side_among(candidate):
        return _dropped(candidate, DropReason.NOT_AN_EVENT,
                        "a course proposed for the speaker's own side together with another: no demand")
    governor = _requested_conjunct_governor(trigger, ctx)
    if governor is not None:
        return _dropped(candidate, DropReason.BLOCKED_BY_GOVERNOR,
                        f"requested by '{governor.lemma_}' (a conjunct of the act asked of another)")
    return _recoded(candidate, ctx, words)


def _recoded(candidate: Candidate, ctx: Context, words: MisreadingWords) -> Candidate:
    """The candidate under the relation its construction says (a riot, an appeal, criticism, aid),
    or as it was."""
    trigger = candidate.trigger
    lemma = trigger.lemma_.lower()
    relation = ctx.ontology.relation(candidate.relation)
    kept = tuple(pair for pair in candidate.attributes if pair[0] != "cameo")
    if relation.cameo[:2] in _RIOT_ROOTS and _all_protesters(candidate, words):
        return replace(candidate, relation=_RIOT, attributes=kept)
    if (lemma in ctx.lexicon.requesting_verbs and relation.quad_class == _VERBAL_COOPERATION
            and relation.cameo[:2] not in _REQUEST_ROOTS and _asks_an_act(trigger)):
        return replace(candidate, relation=_APPEAL, attributes=kept)
    if relation.cameo.startswith(_FIGHT_ROOT) and lemma in words.verbal_attack_verbs and _in_words(candidate):
        return replace(candidate, relation=_CRITICIZE, attributes=kept)
    if candidate.relation == _MILITARY_COOPERATION and _civil_goods(trigger, words):
        return replace(candidate, relation=_AID, attributes=(*kept, ("cameo", _AID_CODE)))
    return candidate


def _dropped(candidate: Candidate, reason: DropReason, detail: str) -> Candidate:
    return replace(candidate, drop=reason, detail=detail)


def _asks_an_act(verb: Token) -> bool:
    """An object and an infinitive of what it is to do: "encouraged Somalia to hold elections"."""
    objects = any(c.dep_ == "dobj" for c in children_of(verb))
    return objects and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
                           for c in children_of(verb))


def _in_words(candidate: Candidate) -> bool:
    """An attack by persons on persons, international organisations or regions only: in words."""
    pairs = candidate.actor_pairs()
    return bool(pairs) and all(
        subject.type is ActorType.PERSON and (
            target.type in _WORDS_TARGETS or (target.cameo or "").startswith(_INTERNATIONAL_BODY))
        for subject, target in pairs)


def _curtailed(verb: Token, words: MisreadingWords) -> bool:
    """Whether the verb carries "short" ("cut short the visit", "cut the visit short")."""
    return any(c.dep_ in _SHORT_DEPS and c.lower_ in words.curtailing_adverbs for c in children_of(verb))


def _overflight(verb: Token, words: MisreadingWords) -> bool:
    """Whether the verb passes above a place ("flew over X") and names no goal ("to Y")."""
    preps = {c.lower_ for c in children_of(verb) if c.dep_ == "prep"}
    return bool(preps & words.overflight_prepositions) and not preps & words.goal_prepositions


def _third_party_complement(verb: Token, candidate: Candidate, ctx: Context) -> Actor | None:
    """The actor with a state, neither the warner's nor the warned one's, that is the subject of
    the verb's clausal complement (named, or as a demonym on the subject noun), if any."""
    sides = {a.country for a in (*candidate.subjects, *candidate.objects) if a.country}
    if not sides:
        return None
    for clause in (c for c in children_of(verb) if c.dep_ == "ccomp" and not _copular(c)):
        for subject in (c for c in children_of(clause) if c.dep_ in _CLAUSE_SUBJECTS):
            for token in (subject, *(m for m in children_of(subject) if m.dep_ in _MODIFIER_DEPS)):
                actor = ctx.actor(token)
                if actor is not None and actor.country and actor.country not in sides:
                    return actor
                if actor is not None:
                    break  # the subject is one of the sides (or a party with no state): a threat may stand
    return None


def _warns_of_what_is(verb: Token) -> bool:
    """A warning addressed to no one whose clausal complement tells what is or was happening, in the
    past, the progressive or the perfect ("warned that China was considering arms sales", "that
    Pyongyang is preparing a test"): a threat is of something to come, so this is a caution. A
    modal or a condition ("would pay a price", "if ...") and the simple present ("that X faces
    sanctions") may tell what is to come and stay threats, as does a copular complement."""
    children = children_of(verb)
    if any(c.dep_ in _ADDRESSEE_ARCS for c in children):
        return False
    clauses = [c for c in children if c.dep_ == "ccomp"]
    return bool(clauses) and all(_tells_what_is(clause) for clause in clauses)


def _tells_what_is(clause: Token) -> bool:
    """A verb group in the simple past, the progressive or the perfect, with no modal, no future
    "going to" and no condition."""
    if _copular(clause):
        return False
    children = children_of(clause)
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKERS for m in children_of(c))
           for c in children):
        return False
    auxiliaries = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxiliaries) or clause.lower_ == "going":
        return False
    lemmas = {a.lemma_.lower() for a in auxiliaries}
    return (clause.tag_ == "VBD" and not auxiliaries) or (clause.tag_ == "VBG" and "be" in lemmas) \
        or (clause.tag_ == "VBN" and "have" in lemmas)


def _own_side_among(candidate: Candidate) -> bool:
    """Whether the candidate's objects hold its subject's own state (or the subject itself) beside
    a party of another state ("said India and Japan should ...")."""
    own = {a.country for a in candidate.subjects if a.country} | {a.id for a in candidate.subjects}
    mine = [o for o in candidate.objects if o.id in own or (o.country is not None and o.country in own)]
    return bool(mine) and len(mine) < len(candidate.objects)


def _requested_conjunct_governor(verb: Token, ctx: Context) -> Token | None:
    """The verb asking another actor for the first act of a coordination that ``verb`` (with no
    subject of its own) continues ("urged X to halt ... and [to] withdraw"), if any."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or any(c.dep_ in _CLAUSE_SUBJECTS for c in children_of(verb)):
        return None
    if verb.tag_ != "VB":  # an infinitive ("and [to] withdraw"), not a finite act ("and later expelled")
        return None
    first = verb
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    if first.pos_ != "VERB" or any(c.dep_ in _CLAUSE_SUBJECTS for c in children_of(first)):
        return None
    governor = requesting_governor(first, ctx.lexicon)
    if governor is None or governor.pos_ != "VERB":
        return None
    addressed = any(
        (c.dep_ in ("dobj", "dative") and c != first)
        or (c.dep_ == "prep" and c.lower_ in _ADDRESSEE_PREPS and any(g.dep_ == "pobj" for g in children_of(c)))
        for c in children_of(governor)
    )
    return governor if addressed else None


def _supposed(noun: Token, words: MisreadingWords) -> bool:
    """Whether an indefinite event noun is the subject of a modal clause, not in the perfect."""
    if noun.pos_ != "NOUN" or noun.dep_ not in _CLAUSE_SUBJECTS:
        return False
    if not any(c.dep_ == "det" and c.lower_ in words.indefinite_determiners for c in children_of(noun)):
        return False
    auxiliaries = [c.lower_ for c in children_of(noun.head) if c.dep_ in ("aux", "auxpass")]
    return any(a in words.hypothetical_modals for a in auxiliaries) and "have" not in auxiliaries


def _stoppage(noun: Token, words: MisreadingWords) -> bool:
    """Whether a stoppage noun is a stoppage of work or eating: a modifier of labour or fasting
    ("hunger strike", "dockworkers' strike"), or "on" with no determiner ("went on strike")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in words.stoppage_nouns:
        return False
    children = children_of(noun)
    if any(c.dep_ in _MODIFIER_DEPS and c.lemma_.lower() in words.stoppage_modifiers for c in children):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "on" and not any(c.dep_ == "det" for c in children)


def _scored(verb: Token, words: MisreadingWords) -> bool:
    """Whether a score ("4-2": number, dash, number) hangs on the verb within two arcs; a range that
    counts a noun ("killed 10-15 civilians") is no score."""
    doc = verb.doc
    for token in verb.sent:
        if not token.like_num or token.i + 2 >= len(doc) or token.dep_ in _COUNTING_DEPS:
            continue
        if any(t.dep_ in _COUNTING_DEPS for t in doc[token.i + 1:token.i + 3]):
            continue
        dash, second = doc[token.i + 1], doc[token.i + 2]
        if dash.text in words.score_dashes and second.like_num and verb in (token.head, token.head.head):
            return True
    return False


def _all_protesters(candidate: Candidate, words: MisreadingWords) -> bool:
    """Whether every subject of the candidate is a crowd of protesters or rioters (sector OPP)."""
    subjects = candidate.subjects
    return bool(subjects) and all((a.sector or "").lower() in words.protest_sectors for a in subjects)


def _copular(clause: Token) -> bool:
    """Whether a clause only says what its subject is ("that Taiwan was a red line"): the warner's
    own position on it, which may be a threat, not a prediction of the third party's act."""
    return clause.lemma_.lower() == "be" or any(c.dep_ == "cop" for c in children_of(clause))


def _civil_goods(verb: Token, words: MisreadingWords) -> bool:
    """Whether what the verb hands over is named for a civil purpose ("firefighting planes")."""
    for goods in (c for c in children_of(verb) if c.dep_ in _GOODS_DEPS):
        for noun in (goods, *conjuncts_of(goods)):
            if any(m.dep_ in ("amod", "compound") and m.lemma_.lower() in words.civil_purposes
                   for m in children_of(noun)):
                return True
    return False


def _non_agent_subject(verb: Token, cameo: str, words: MisreadingWords, partitives: frozenset[str]) -> str | None:
    """Why the verb's active subject can do no act between states, if it cannot: a natural or
    economic condition, an animal, a sportsperson, private travellers or a trading vehicle on a journey (visits
    only), a document or scheme (force only). A quantity or part noun ("record numbers of
    tourists") stands for what its "of" phrase names. The detail names the class; None: an agent."""
    if verb.pos_ != "VERB":
        return None
    for subject in (s for c in children_of(verb) if c.dep_ == "nsubj" for s in _quantified_noun(c, partitives)):
        head = subject.lemma_.lower()
        if head in words.condition_subjects:
            return f"'{head}' (a natural or economic condition) as subject: no act by the state it is named after"
        if head in words.animal_subjects or any(
                m.dep_ in ("compound", "amod") and m.lemma_.lower() in words.animal_subjects
                for m in children_of(subject)):
            return f"'{subject.text}' (an animal or what it did) as subject: no actor's act"
        if head in words.sports_subjects:
            return f"'{head}' (a sportsperson) as subject: a match, no act of the state"
        if cameo.startswith(_VISIT_ROOT) and head in words.traveller_subjects:
            return f"'{head}' (private travellers) as subject: a journey, no visit by a party"
        if cameo.startswith(_VISIT_ROOT) and _trading_vehicle(subject, words):
            return f"'{head}' (a vehicle of trade or passage) as subject: logistics, no visit"
        if cameo[:2] in _FORCE_ROOTS and head in words.document_subjects:
            return f"'{head}' (a document or scheme) as subject: a rule applied, no force"
    return None


def _trading_vehicle(noun: Token, words: MisreadingWords) -> bool:
    """Whether the noun is a vessel of trade by itself ("freighter") or a vehicle named for trade,
    passage or another civil purpose ("cargo ship", "passenger plane")."""
    head = noun.lemma_.lower()
    if head in words.trading_vessels:
        return True
    purposes = words.trading_purposes | words.civil_purposes
    return head in words.vehicle_subjects and any(
        m.dep_ in ("amod", "compound") and m.lemma_.lower() in purposes for m in children_of(noun))


def _quantified_noun(noun: Token, partitives: frozenset[str]) -> list[Token]:
    """The noun, or what a quantity or part noun quantifies through "of" ("numbers of tourists");
    a capitalised part of a name ("the Group of 20 major economies") names, it quantifies nothing."""
    if noun.pos_ == "PROPN" or not (noun.like_num or noun.lemma_.lower() in partitives):
        return [noun]
    named = [pobj for prep in children_of(noun) if prep.dep_ == "prep" and prep.lower_ == "of"
             for pobj in children_of(prep) if pobj.dep_ == "pobj"]
    return named or [noun]
