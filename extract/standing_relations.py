"""Relations that hold over time, and acts only wished or asked for, that a surface reading takes
for events.

CAMEO codes events, not relations that hold over time, and it codes a request as the request
(02, 10), never as the act requested. English marks both:

* A verb of sustaining another party (backing, arming, funding, supplying, sheltering) states a
  relation that holds, not an act, in the simple present ("Iran arms the Houthis", "Tehran, which
  backs Hezbollah, ..."), the present passive ("which is armed by Iran"), a participle after a
  noun ("backed by Russian aircraft", "the Iranian-armed militia"), the present perfect with a
  duration or an adverb of duration ("has long backed", "has funded X since 2015"; not when a
  number counts what was sent: "has sent 18 tanks since January") and the present perfect
  progressive ("has been backing X") of a verb of backing (a stative verb of a relation; the
  perfect of a verb of transfer, "has long supplied weapons", reports repeated acts and stays);
  so does its gerund with no time of its own in the
  complement of an accusation ("accused X of arming Y": the accusation is the event, 112; a denial
  is left to the rules that code it negated). A stance verb ("back", "support") in the complement of a verb of
  saying whose subject is a pronoun ("said it supports the plan") is the speaker's stance now,
  an act. A clause that states a time is an act ("backed the bid on Monday").
* A material act (CAMEO quad classes 2 and 4) of holding, trading or lending in the simple present
  with no time, in a main clause or a clause of saying ("Israel occupies the West Bank", "Russia
  sells arms to India"), or any material act there with an adverb of frequency ("often fires
  missiles"), is a state or a habit. A punctual act's present ("Russia expels British diplomats")
  is a headline's historic present and stays; a present in a clause of condition or time ("if X
  attacks") speaks of what may come and is left to the rules of modality.
* A noun of support with its holder as possessor, the subject of a clause ("Belgium's support for
  Kinshasa angered Rwanda") or in an adjunct of cause ("because of X's support for Y"), names the
  relation as background.
  All three are dropped as ``standing_state``.
* "at the request of X" names who asked for the act, never its patient: an act whose only
  objects are named there is dropped as ``no_object``.
* "X wants Y to V" is X's wish: Y neither does nor intends V; "pushed / lobbied for sanctions"
  and "applied to join NATO" ask for the act (OEDA: PUSH, CAMPAIGN [100], LOBBY (FOR), APPLY
  [020]), which others would do; an act one infinitive below a request to another party
  ("called on China to stop supplying Russia") is that party's act asked for, never the asker's
  (``blocked_by_governor``).

The words are in ``standing_relations.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from extract.aspect import MATERIAL_QUAD_CLASSES, clause_tokens
from extract.block_index import children_of
from extract.data_tables import load_word_table
from extract.patterns import Candidate, Context
from extract.speech_act_candidates import requesting_governor
from extract.verb_forms import is_to_infinitive
from graph.model import Actor, DropReason

_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
_PRESENT_HAVE = frozenset({"has", "have", "'s", "'ve"})
_PRESENT_DO = frozenset({"do", "does"})
_SPEAKER_PRONOUNS = frozenset({"it", "we", "they", "i", "he", "she"})
#: Clauses of their own below a verb: a time stated in them is not the verb's.
_OWN_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "xcomp", "acl", "conj", "parataxis", "pcomp"})
#: Prepositions that take the content of an accusation: "accused X of", "blamed X for", "charged X with".
_ACCUSATION_PREPOSITIONS = frozenset({"of", "for", "with"})


class StandingWordsError(ValueError):
    """A malformed ``standing_relations.toml``."""


@dataclass(frozen=True)
class StandingWords:
    """The closed classes of ``standing_relations.toml`` (see the comments there)."""

    sustaining_verbs: frozenset[str]
    backing_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    duration_adverbs: frozenset[str]
    habitual_material_verbs: frozenset[str]
    frequency_adverbs: frozenset[str]
    duration_prepositions: frozenset[str]
    span_nouns: frozenset[str]
    accusation_governors: frozenset[str]
    support_nouns: frozenset[str]
    cause_prepositions: frozenset[str]
    cause_heads: frozenset[str]
    request_nouns: frozenset[str]
    wanting_verbs: frozenset[str]
    pressing_verbs: frozenset[str]
    applying_verbs: frozenset[str]


def load_standing_words(path: Path) -> StandingWords:
    """Read ``standing_relations.toml``; a missing or malformed list raises a one-line error naming the file."""
    words = load_word_table(path, StandingWordsError)
    return StandingWords(
        words("sustaining_verbs"), words("backing_verbs"), words("stance_verbs"), words("duration_adverbs"),
        words("habitual_material_verbs"), words("frequency_adverbs"),
        words("duration_prepositions"), words("span_nouns"), words("accusation_governors"), words("support_nouns"),
        words("cause_prepositions"), words("cause_heads"), words("request_nouns"), words("wanting_verbs"),
        words("pressing_verbs"), words("applying_verbs"),
    )


def with_standing_relation(candidate: Candidate, ctx: Context, words: StandingWords) -> Candidate:
    """The candidate, or a drop when it names a standing relation, an act wished of another, or an
    act whose object is only its requester."""
    if candidate.drop is not None:
        return candidate
    trigger = candidate.trigger
    detail = standing_relation(trigger, ctx, words)
    material = ctx.ontology.relation(candidate.relation).quad_class in MATERIAL_QUAD_CLASSES
    if detail is None:
        detail = habitual_material_act(trigger, words) if material else held_position(trigger, words)
    if detail is not None:
        return _dropped(candidate, DropReason.STANDING_STATE, detail)
    wanter = wanting_governor(trigger, words)
    if wanter is not None:
        return _dropped(candidate, DropReason.BLOCKED_BY_GOVERNOR, f"wished by '{wanter.lemma_}' of another")
    asker = asking_governor(trigger, words) or nested_request(trigger, ctx)
    if asker is not None:
        return _dropped(candidate, DropReason.BLOCKED_BY_GOVERNOR, f"asked for by '{asker.lemma_}'")
    if candidate.objects and _only_requesters(candidate.objects, trigger, ctx, words):
        return _dropped(candidate, DropReason.NO_OBJECT, "'at the request of X' names who asked, not the patient")
    return candidate


def _dropped(candidate: Candidate, reason: DropReason, detail: str) -> Candidate:
    return replace(candidate, subjects=(), objects=(), pairs=(), confidence=0.0, drop=reason, detail=detail)


# -- standing relations ----------------------------------------------------------------------------
def standing_relation(trigger: Token, ctx: Context, words: StandingWords) -> str | None:
    """Why the trigger names a relation that holds rather than an act, or None."""
    lemma = trigger.lemma_.lower()
    if trigger.pos_ in ("NOUN", "PROPN"):
        return _background_support_noun(trigger, words) if lemma in words.support_nouns else None
    if trigger.pos_ not in ("VERB", "AUX") or lemma not in words.sustaining_verbs or _states_a_time(trigger):
        return None
    auxiliaries = [a.lower_ for a in children_of(trigger) if a.dep_ in ("aux", "auxpass")]
    if _simple_present(trigger, auxiliaries) and not _speakers_stance(trigger, ctx, words):
        return f"simple present of '{lemma}'"
    if trigger.tag_ == "VBN" and auxiliaries and all(a in _PRESENT_BE for a in auxiliaries):
        return f"present passive of '{lemma}'"
    if trigger.tag_ == "VBN" and not auxiliaries and trigger.dep_ in ("acl", "amod"):
        return f"participle '{trigger.lower_}' after a noun"
    backing = lemma in words.backing_verbs
    if backing and _present_perfect(auxiliaries) and trigger.tag_ == "VBG" and "been" in auxiliaries:
        return f"present perfect progressive of '{lemma}'"
    if backing and _lasting_perfect(trigger, auxiliaries, words):
        return f"present perfect of '{lemma}' with a duration"
    if trigger.tag_ == "VBG" and not auxiliaries and _accusation_content(trigger, words):
        return f"gerund of '{lemma}' in an accusation"
    return None


def held_position(verb: Token, words: StandingWords) -> str | None:
    """Why a verbal act's verb reads as a position held: the present perfect with a duration up to
    now ("has long accused X of ...", "has always opposed", "has criticised X since 2015") says what
    the subject has kept saying, how things stand, not what it said at the article's date."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = [a.lower_ for a in children_of(verb) if a.dep_ in ("aux", "auxpass")]
    # the clause's time is looked for last: only a lasting perfect can hold a position
    if not _lasting_perfect(verb, auxiliaries, words) or _states_a_time(verb):
        return None
    return f"present perfect of '{verb.lemma_.lower()}' with a duration"


def _present_perfect(auxiliaries: list[str]) -> bool:
    return bool(set(auxiliaries) & _PRESENT_HAVE) and "will" not in auxiliaries


def _lasting_perfect(verb: Token, auxiliaries: list[str], words: StandingWords) -> bool:
    """The present perfect with a duration up to now ("has long backed", "has accused X since
    2015"), not counting things done ("has sent 20 shipments since May")."""
    return (verb.tag_ == "VBN" and _present_perfect(auxiliaries) and _lasts(verb, words)
            and not _counts_things(verb))


def habitual_material_act(verb: Token, words: StandingWords) -> str | None:
    """Why a material act's verb reads as a habit or a state: the simple present with no time, in a
    main clause or a clause of saying, of a verb of holding, trading or lending ("Israel occupies
    the West Bank", "Russia sells arms to India, officials say") or of any material act with an
    adverb of frequency ("often fires missiles"). A punctual act's present ("Russia expels British
    diplomats") is a headline's historic present; a clause of condition or time ("if X attacks")
    speaks of what may come, and is left to the rules of modality."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    frequent = any(c.dep_ == "advmod" and c.lower_ in words.frequency_adverbs for c in children_of(verb))
    if not frequent and verb.lemma_.lower() not in words.habitual_material_verbs:
        return None
    auxiliaries = [a.lower_ for a in children_of(verb) if a.dep_ in ("aux", "auxpass")]
    if not _simple_present(verb, auxiliaries) or any(c.dep_ == "mark" for c in children_of(verb)):
        return None
    node = verb
    while node.dep_ == "conj":
        node = node.head
    if (node.dep_ in ("ROOT", "ccomp", "parataxis") and not any(c.dep_ == "mark" for c in children_of(node))
            and not _states_a_time(verb)):  # (the clause's time looked for last: the walk costs most)
        return f"simple present of a material act '{verb.lemma_.lower()}'"
    return None


def _simple_present(verb: Token, auxiliaries: list[str]) -> bool:
    """ "arms", "back", "does not fund": a present verb with no auxiliary but do."""
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxiliaries
    return verb.tag_ == "VB" and len(auxiliaries) == 1 and auxiliaries[0] in _PRESENT_DO


def _speakers_stance(verb: Token, ctx: Context, words: StandingWords) -> bool:
    """ "said it supports the plan": a stance verb in the complement of a verb of saying, its
    subject a pronoun for the speaker."""
    if verb.lemma_.lower() not in words.stance_verbs or verb.dep_ != "ccomp":
        return False
    if verb.head.lemma_.lower() not in ctx.lexicon.speech_verbs:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _SPEAKER_PRONOUNS for c in children_of(verb))


def _lasts(verb: Token, words: StandingWords) -> bool:
    """ "has long backed", "since 2015", "for decades": a duration up to now, anywhere in the verb's
    own clause (the parser may hang "for decades" on the object)."""
    if any(c.dep_ == "advmod" and c.lower_ in words.duration_adverbs for c in children_of(verb)):
        return True
    preps = (t for t in clause_tokens(verb, _OWN_CLAUSES)
             if t.dep_ == "prep" and t.lower_ in words.duration_prepositions)
    for prep in preps:
        for obj in (c for c in children_of(prep) if c.dep_ == "pobj"):
            if prep.lower_ == "since" or obj.lemma_.lower() in words.span_nouns:
                return True
    return False


def _counts_things(verb: Token) -> bool:
    """ "has sent 18 tanks since January": a number on the object counts what was done up to now."""
    return any(c.dep_ == "nummod" for o in children_of(verb) if o.dep_ in ("dobj", "dative") for c in children_of(o))


def _states_a_time(verb: Token) -> bool:
    """A date or time in the verb's own clause, other than a duration from "since"/"for"
    ("supplied drones in August": an act)."""
    for token in clause_tokens(verb, _OWN_CLAUSES):
        if token.ent_type_ not in ("DATE", "TIME"):
            continue
        governor = token
        while governor.head != governor and governor.head != verb and governor.dep_ != "prep":
            governor = governor.head
        if not (governor.dep_ == "prep" and governor.lower_ in ("since", "for")):
            return True
    return False


def _accusation_content(gerund: Token, words: StandingWords) -> bool:
    """ "accused X of [arming] Y", "blamed X for [backing] and [arming] Y": a gerund that is the
    direct complement of an accusation (not a means adjunct inside it, "accused X of prolonging
    the war by supplying weapons", which takes the supplying as given)."""
    node = gerund
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.dep_ == "pcomp" and node.head.lower_ in _ACCUSATION_PREPOSITIONS:
        node = node.head
    elif node.dep_ not in ("xcomp", "ccomp", "dobj"):
        return False
    return node.head.lemma_.lower() in words.accusation_governors


def _background_support_noun(noun: Token, words: StandingWords) -> str | None:
    """ "Belgium's support for Kinshasa angered Rwanda", "because of Iran's support for X": a noun
    of support with its holder as possessor, the subject of a clause (or a phrase the parser found
    no clause for) or in an adjunct of cause."""
    if not any(c.dep_ == "poss" for c in children_of(noun)):
        return None
    if noun.dep_ in ("nsubj", "ROOT") or (noun.dep_ == "pobj" and _cause_adjunct(noun.head, words)):
        return f"'{noun.lemma_.lower()}' with its holder, named as background"
    return None


def _cause_adjunct(prep: Token, words: StandingWords) -> bool:
    """ "because of", "due to": a preposition after a word of cause, or the word of cause the
    parser made the preposition."""
    if prep.lower_ in words.cause_heads:
        return True
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    return prep.lower_ in words.cause_prepositions and before is not None and before.lower_ in words.cause_heads


# -- wishes and requesters -------------------------------------------------------------------------
def wanting_governor(trigger: Token, words: StandingWords) -> Token | None:
    """The verb of wanting whose object is the subject of the trigger's infinitive ("wants
    Washington to withdraw"), or None."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.dep_ not in ("ccomp", "xcomp"):
        return None
    governor = trigger.head
    if governor.lemma_.lower() not in words.wanting_verbs:
        return None
    infinitive = is_to_infinitive(trigger)
    own_subject = any(c.dep_ == "nsubj" for c in children_of(trigger)) or any(
        c.dep_ in ("dobj", "dative") for c in children_of(governor))
    return governor if infinitive and own_subject else None


def asking_governor(trigger: Token, words: StandingWords) -> Token | None:
    """The verb of pressing whose "for" complement the trigger is ("pushed for sanctions"), or of
    applying whose infinitive it is ("applied to join NATO"), or None."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and trigger.head.dep_ == "prep":
        verb = trigger.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in words.pressing_verbs:
            return verb
    if trigger.pos_ in ("VERB", "AUX") and trigger.dep_ == "xcomp":
        verb = trigger.head
        if verb.lemma_.lower() in words.applying_verbs:
            return verb
    return None


def nested_request(trigger: Token, ctx: Context) -> Token | None:
    """The verb asking another party for an act one infinitive above the trigger ("called on China
    to stop supplying Russia", "urged Serbia to start buying gas"): the trigger is the addressee's
    act asked for, never the asker's; None when there is none."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.dep_ != "xcomp" or trigger.head.dep_ != "xcomp":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(trigger)):
        return None
    governor = requesting_governor(trigger.head, ctx.lexicon)
    if governor is None or governor.pos_ not in ("VERB", "AUX"):
        return None
    addressed = any(
        c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
                                         and any(g.dep_ == "pobj" for g in children_of(c)))
        for c in children_of(governor) if c != trigger.head
    )
    return governor if addressed else None


def _only_requesters(objects: tuple[Actor, ...], trigger: Token, ctx: Context, words: StandingWords) -> bool:
    """Every object actor is named only inside "at the request of X" on the trigger's clause."""
    named_as_requester = set(_requester_tokens(trigger, words))
    requesters = {actor for token in named_as_requester if (actor := ctx.actor(token)) is not None}
    return bool(requesters) and all(o in requesters for o in objects) and not any(
        ctx.actor(t) in objects for t in clause_tokens(trigger, _OWN_CLAUSES) if t not in named_as_requester)


def _requester_tokens(trigger: Token, words: StandingWords) -> Iterable[Token]:
    """The tokens of X in "at the request of X" attached to the trigger."""
    for prep in (c for c in children_of(trigger) if c.dep_ == "prep" and c.lower_ in ("at", "on", "upon")):
        for noun in (c for c in children_of(prep) if c.dep_ == "pobj" and c.lemma_.lower() in words.request_nouns):
            for of in (c for c in children_of(noun) if c.dep_ == "prep" and c.lower_ == "of"):
                yield from (t for p in children_of(of) if p.dep_ == "pobj" for t in p.subtree)
            yield from (t for c in children_of(noun) if c.dep_ == "poss" for t in c.subtree)
