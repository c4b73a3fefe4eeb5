"""Polarity, modality and attribution of an event, read from the clauses that govern it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from extract.block_index import children_of
from extract.clause_scope import (
    finite_conjunct_partner,
    is_completed_adverbial,
    is_definite,
    names_another_agent,
)
from extract.counted_goods import counted_goods_verb
from extract.ontology import Lexicon
from extract.reporter_conjuncts import reporting_verb_of_conjunct
from extract.verb_forms import is_to_infinitive
from graph.model import Modality, Polarity

_CLAUSAL = frozenset({
    "xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep", "acl", "advcl", "relcl", "nsubj", "nsubjpass",
    "attr", "oprd", "conj", "compound", "amod", "appos", "npadvmod", "dep",
})
_NEGATION_CARRIERS = frozenset({"xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep", "acl", "nsubjpass", "attr", "oprd"})
_MODALITY_RANK = {Modality.ASSERTED: 0, Modality.REPORTED: 1, Modality.INTENDED: 2, Modality.HYPOTHETICAL: 3}


@dataclass(frozen=True)
class Qualifiers:
    """What the governing clauses say about an event."""

    polarity: Polarity
    modality: Modality
    speaker: Token | None
    future: bool


def _negated_here(node: Token, lexicon: Lexicon, below: Token | None = None) -> bool:
    """A negation marker on the node itself: "did not meet", "no talks", "never visited"; a
    negated subject other than ``below``, the word the walk came from ("neither X nor Y met Z");
    "no" with a comparative adverb ("no longer sends"). The node's children are walked once for
    the three readings."""
    children = list(children_of(node))
    for child in children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("det", "advmod", "preconj") and child.lower_ in lexicon.negators:
            return True
    return _has_negated_subject(children, below) or _has_no_comparative(children)


def _has_negated_subject(children: Sequence[Token], below: Token | None) -> bool:
    """A subject (among a verb's ``children``) under a negating determiner or correlative: "neither
    France nor Germany criticised", "no state recognised": the clause is denied of every subject."""
    return any(
        child.dep_ in ("nsubj", "nsubjpass") and child != below
        and any(c.dep_ in ("det", "preconj", "cc") and c.lower_ in _SUBJECT_NEGATORS for c in children_of(child))
        for child in children
    )


#: Determiners and correlatives that negate the subject they open: "neither X nor Y", "no state".
_SUBJECT_NEGATORS = frozenset({"neither", "no"})
#: Comparative adverbs that "no" turns into a negation of their verb: "no longer sends", "no more buys".
_NO_COMPARATIVES = frozenset({"longer", "more"})


def _has_no_comparative(children: Sequence[Token]) -> bool:
    """"no" with a comparative adverb of time or degree (among a verb's ``children``): "Japan no
    longer sends aid"."""
    return any(
        child.dep_ == "advmod" and child.lower_ in _NO_COMPARATIVES
        and any(c.lower_ == "no" for c in children_of(child) if c.i < child.i)
        for child in children
    )


def _phrasal_lemma(verb: Token) -> str:
    """The verb's lemma with its particle, if it has one: "rule out", "call off"."""
    particles = [c.lower_ for c in children_of(verb) if c.dep_ == "prt"]
    lemma = verb.lemma_.lower()
    return f"{lemma} {particles[0]}" if particles else lemma


def _aux_words(node: Token) -> set[str]:
    return {c.lower_ for c in children_of(node) if c.dep_ in ("aux", "auxpass")}


def _speaker_of(verb: Token) -> Token | None:
    for child in children_of(verb):
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "there"):
            return child
    if verb.dep_ == "conj":
        return _speaker_of(verb.head)
    return None


def _stronger(current: Modality, candidate: Modality) -> Modality:
    return candidate if _MODALITY_RANK[candidate] > _MODALITY_RANK[current] else current


@dataclass
class _Reading:
    """What the walk from a trigger up its governing clauses has read so far."""

    flips: int
    modality: Modality
    speaker: Token | None = None
    negation_blocked: bool = False  # a clause boundary that a governor's negation does not cross
    modality_shielded: bool = False  # a completed act's clause: no governor's intention or condition reaches it
    foreign_event: bool = False  # an event noun of another agent: only a verb denying its object negates it
    lessened: bool = False  # "reduce purchases": the event goes on whatever governs the lessening

    def at_least(self, modality: Modality) -> None:
        self.modality = _stronger(self.modality, modality)


#: Tags of present-tense verb forms.
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def qualify(trigger: Token, lexicon: Lexicon, reporter_acts: frozenset[str] = frozenset(),
            reporting_verbs: frozenset[str] = frozenset(), lowers: Sequence[str] | None = None) -> Qualifiers:
    """Walk from the trigger up to the sentence root, counting negations and noting
    intentions, conditions and reporting verbs on the way. A speech act coordinated after a
    reported clause (``reporter_acts`` under ``reporting_verbs``, extract/reporter_conjuncts.py:
    "said S was P and urged Y") is read as the reporting verb's conjunct, not as reported.
    ``lowers``: the block's words in lower case, when read already (extract/block_index.py)."""
    reading = _trigger_reading(trigger, lexicon)
    node = trigger
    steps = 0
    while node.head != node and steps < 12 and not _ends_walk(node, lexicon):
        steps += 1
        finite_partner = (finite_conjunct_partner(node)
                          or reporting_verb_of_conjunct(node, reporter_acts, reporting_verbs))
        if finite_partner is not None:
            # "refused to meet X and sent aid": the sending is the refusing's conjunct
            reading.negation_blocked = True
            node = finite_partner
            continue
        _read_governor(node, trigger, reading, lexicon)
        node = node.head
    if reading.speaker is None:
        _read_sentence_attribution(trigger, reading, lexicon, lowers)
    polarity = Polarity.NEGATED if reading.flips % 2 else Polarity.AFFIRMED
    return Qualifiers(polarity, reading.modality, reading.speaker, _is_future(trigger, lexicon))


def _trigger_reading(trigger: Token, lexicon: Lexicon) -> _Reading:
    """What the trigger's own words say, before any governor is read. An event noun naming another
    agent than its governor's subject ("China did not condemn Russia's invasion") is out of reach
    of the governor's negation (though not of a verb that denies its object: "prevented Iran's
    attack"), and, when definite ("the", a possessor), of its modality too."""
    reading = _Reading(1 if _negated_here(trigger, lexicon) else 0, _own_modality(trigger, lexicon))
    if names_another_agent(trigger):
        reading.foreign_event = True
        reading.modality_shielded = is_definite(trigger)
    return reading


def _own_modality(trigger: Token, lexicon: Lexicon) -> Modality:
    """The modality the trigger's own words give: its modal auxiliaries, a conditional marker, a
    determiner that names no particular event ("any deal")."""
    modality = _modal_force(trigger, lexicon) or Modality.ASSERTED
    if any(c.dep_ == "mark" and c.lower_ in lexicon.hypothetical_markers for c in children_of(trigger)):
        modality = Modality.HYPOTHETICAL
    if trigger.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in lexicon.nonspecific_determiners for c in children_of(trigger)
    ):
        modality = Modality.HYPOTHETICAL  # "any deal would ...": no particular event
    return modality


def _modal_force(verb: Token, lexicon: Lexicon) -> Modality | None:
    """What the verb's modal auxiliaries say: a possibility ("could", "might", "would") or an
    intention ("will"). In speech reported in the past, "would" is the past of "will" ("Israel
    said it would send wheat" reports a stated intention, not a possibility)."""
    auxes = _aux_words(verb)
    possible = auxes & lexicon.hypothetical_modals
    if possible and "have" in auxes:
        return Modality.HYPOTHETICAL  # a modal perfect is counterfactual: "would have attacked"
    if possible and not (possible == {"would"} and _reported_in_the_past(verb, lexicon)):
        return Modality.HYPOTHETICAL
    if possible or auxes & lexicon.intending_modals:
        return Modality.INTENDED
    return None


def _reported_in_the_past(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's clause is what someone said, with the speech verb in the past tense: "said
    that it would", "would send wheat, he said"."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    def past_speech(token: Token) -> bool:
        return token.lemma_.lower() in lexicon.speech_verbs and token.tag_ in ("VBD", "VBN")
    if verb.dep_ == "ccomp" and past_speech(verb.head):
        return True
    return any(child.dep_ == "parataxis" and past_speech(child) for child in children_of(verb))


def _is_future(trigger: Token, lexicon: Lexicon) -> bool:
    """A modal of intention or an infinitive "to" on the trigger: the event lies ahead."""
    return bool(_aux_words(trigger) & lexicon.intending_modals) or is_to_infinitive(trigger)


def _ends_walk(node: Token, lexicon: Lexicon) -> bool:
    """The governor is outside the event's clauses, or the clause is the writer's aside, which says
    nothing of the clause above: a concessive one ("..., even though the EU has sanctioned ...") or
    a relative clause set off by a comma ("aimed at China, which signed a pact with X": the
    writer's own description of China, not part of what the analysts said)."""
    if node.dep_ not in _CLAUSAL:
        return True
    if node.dep_ == "relcl" and _set_off(node):
        return True
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in lexicon.concessive_markers for c in children_of(node)
    )


def _names_a_reactions_cause(node: Token, lexicon: Lexicon) -> bool:
    """A "for" phrase after a reaction, or after a verb whose object is one ("vowed revenge for an
    air strike", "promised retaliation for the attack"): it names the deed the reaction answers, told
    as done whatever the reaction's own modality or negation (lexicon ``reaction_nouns``); a speaker
    above still reports it."""
    if node.dep_ != "prep" or node.lower_ not in lexicon.purpose_prepositions:
        return False
    holder = node.head
    reactions = [holder] + [c for c in children_of(holder) if c.dep_ == "dobj"]
    return any(word.lemma_.lower() in lexicon.reaction_nouns for word in reactions)


def _set_off(clause: Token) -> bool:
    """A relative clause set off by a comma ("Jubaland, where Kenyan troops serve"): non-restrictive."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text == ","


def _read_governor(node: Token, trigger: Token, reading: _Reading, lexicon: Lexicon) -> None:
    """Read what ``node``'s governor says of the event: negation, allegation, speech, intention."""
    relation = node.dep_
    parent = node.head
    if relation == "conj":
        reading.negation_blocked = True  # "met X and did not sign": the negation is the conjunct's
        return
    is_speech = parent.lemma_.lower() in lexicon.speech_verbs and parent.pos_ in ("VERB", "AUX")
    if is_completed_adverbial(node):
        reading.modality_shielded = True  # "after X struck Y, both sides agreed": the strike is told as done
    if _names_a_reactions_cause(node, lexicon):
        reading.modality_shielded = True  # "vowed revenge for an air strike": the strike is told as done
        reading.negation_blocked = True
    flipped = _read_negation(node, reading, lexicon, is_speech)
    _read_allegation(node, trigger, reading, lexicon)
    if is_speech and relation in ("ccomp", "xcomp", "dobj", "parataxis", "advcl", "conj"):
        reading.speaker = reading.speaker or _speaker_of(parent)
        reading.at_least(Modality.REPORTED)
        reading.negation_blocked = True
    if not reading.modality_shielded:
        _read_governing_modality(node, trigger, reading, lexicon, flipped=flipped, is_speech=is_speech)
    if relation in ("advcl", "relcl"):
        reading.negation_blocked = True


def _read_governing_modality(
    node: Token, trigger: Token, reading: _Reading, lexicon: Lexicon, *, flipped: bool, is_speech: bool
) -> None:
    """The intention, possibility or condition ``node``'s governor puts on the event."""
    parent = node.head
    if (not flipped or _states_intention(parent, lexicon)) and not is_speech and not reading.lessened:
        _read_intention(node, trigger, reading, lexicon)  # "had no plans to attack X": a denied intention
    elif flipped and _leaves_open(parent, lexicon):
        reading.at_least(Modality.HYPOTHETICAL)
    if flipped and parent.lemma_.lower() in _FORECASTING_VERBS:
        reading.at_least(Modality.HYPOTHETICAL)  # "is not expected to meet X": a forecast, no act
    if node.dep_ == "xcomp" and parent.lemma_.lower() in _UNLIKELY_ADJECTIVES:
        reading.at_least(Modality.HYPOTHETICAL)  # "is unlikely to recognise X"
    if node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in lexicon.hypothetical_markers for c in children_of(node)
    ):
        reading.at_least(Modality.HYPOTHETICAL)
    if _is_future_time_clause(node, lexicon):
        reading.at_least(Modality.HYPOTHETICAL)


#: Verbs that exclude a possibility: negated, they leave it open ("did not rule out strikes").
_POSSIBILITY_EXCLUDERS = frozenset({"rule out", "deny"})
#: Verbs of forecasting: negated, they predict that something will not happen, which is no act.
_FORECASTING_VERBS = frozenset({"expect", "anticipate", "predict", "foresee"})
#: Adjectives of improbability, whose complement is a forecast: "is unlikely to recognise X".
_UNLIKELY_ADJECTIVES = frozenset({"unlikely", "improbable"})


def _leaves_open(verb: Token, lexicon: Lexicon) -> bool:
    """A negated governor that leaves its event possible: a negation under a modal ("would not
    rule out talks") or a negated verb of exclusion ("has not ruled out talks", "did not deny")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if _aux_words(verb) & lexicon.hypothetical_modals:
        return True
    return _phrasal_lemma(verb) in _POSSIBILITY_EXCLUDERS and _negated_here(verb, lexicon)


def _states_intention(governor: Token, lexicon: Lexicon) -> bool:
    """A word of intention, whose negation denies the intention ("did not plan to", "no plans to")."""
    lemma = governor.lemma_.lower()
    return lemma in lexicon.intending_verbs or lemma in lexicon.intending_nouns


def _read_negation(node: Token, reading: _Reading, lexicon: Lexicon, is_speech: bool) -> bool:
    """Count the negations ``node``'s governor puts on the event; True when it put one."""
    parent = node.head
    carries = node.dep_ in _NEGATION_CARRIERS and not reading.negation_blocked
    flipped = False
    if reading.foreign_event:
        # "did not condemn Russia's invasion": the "not" is the condemning's; but "(did not)
        # prevent Iran's attack" speaks of the attack, and is read as for any event
        reading.foreign_event = False
        reading.negation_blocked = True
        if not _negates_its_complement(node, lexicon):
            return False
        carries = node.dep_ in _NEGATION_CARRIERS
    if carries and not is_speech and _negated_here(parent, lexicon, node):
        reading.flips += 1
        flipped = True
    complement = carries or (_is_gerund_complement(node) and not reading.negation_blocked)
    if complement and not is_speech and _negates_its_complement(node, lexicon):
        reading.flips += 1
        flipped = True
    if carries and parent.lemma_.lower() in lexicon.lessening_verbs:
        # "no intention of reducing purchases": the negation and the intention are about the
        # lessening; the purchases go on either way.
        reading.negation_blocked = True
        reading.lessened = True
    if node.dep_ in ("pobj", "pcomp") and parent.lower_ == "without":  # "without meeting X"
        reading.flips += 1
        flipped = True
    return flipped


def _is_gerund_complement(node: Token) -> bool:
    """A gerund clause with no subordinator after its verb, which the parser may attach as an adverbial
    ("ruled out sending tanks"): the verb's complement. A comma sets off a participial adjunct
    instead ("banned the imports, accusing X of ..."), which is the subject's own act."""
    return node.dep_ == "advcl" and node.tag_ == "VBG" and node.i > node.head.i and not any(
        c.dep_ in ("mark", "nsubj") for c in children_of(node)
    ) and not any(t.is_punct for t in node.doc[node.head.i + 1:node.i])


def _negates_its_complement(node: Token, lexicon: Lexicon) -> bool:
    """``node``'s governor says the event did not happen: "refused to meet", "stopped buying",
    "prevented an attack", "kept Iran from building" (through "from" only, for verbs whose object
    alone is not negated)."""
    parent = node.head
    lemma = parent.lemma_.lower()
    if _phrasal_lemma(parent) in lexicon.negating_verbs or lemma in lexicon.stopping_verbs:
        return True
    if lemma in lexicon.preventing_verbs:
        return True
    return node.dep_ == "prep" and node.lower_ == "from" and lemma in lexicon.from_preventing_verbs


def _read_allegation(node: Token, trigger: Token, reading: _Reading, lexicon: Lexicon) -> None:
    """"accused X of supplying Y": the supplying is the accuser's allegation, reported."""
    relation = node.dep_
    if relation == "pcomp" or (relation == "pobj" and node == trigger):
        preposition = node.head
        accuser = preposition.head
        if preposition.lower_ in ("of", "for") and accuser.lemma_.lower() in lexicon.accusing_verbs:
            reading.speaker = reading.speaker or _speaker_of(accuser)
            reading.at_least(Modality.REPORTED)


def _is_future_time_clause(node: Token, lexicon: Lexicon) -> bool:
    """A present-tense clause of time under a future or modal clause: "will not negotiate until
    Russia withdraws" (the withdrawal has not happened)."""
    return (
        node.dep_ == "advcl" and node.tag_ in _PRESENT_TAGS
        and any(c.dep_ == "mark" and c.lower_ in lexicon.future_clause_markers for c in children_of(node))
        and node.head.pos_ in ("VERB", "AUX") and _modal_force(_completed_clause(node.head), lexicon) is not None
    )


def _completed_clause(verb: Token) -> Token:
    """The verb whose infinitive or participle complements lead down to ``verb`` ("will keep [attacking]")."""
    while verb.dep_ == "xcomp" and verb.head != verb:
        verb = verb.head
    return verb


def _read_intention(node: Token, trigger: Token, reading: _Reading, lexicon: Lexicon) -> None:
    """Intentions and possibilities of the governor: "promised sanctions", "would impose
    sanctions", "plans to visit", "ready to talk"."""
    relation = node.dep_
    parent = node.head
    lemma = parent.lemma_.lower()
    noun_object = parent.pos_ in ("VERB", "AUX") and relation == "dobj" and trigger.pos_ == "NOUN"
    # "pledged 2 billion yen [in aid]": the counted goods are the verb's object
    counted = relation == "prep" and node == trigger.head and counted_goods_verb(trigger) == parent
    noun_object = noun_object or _is_purpose(node, trigger, lexicon) or counted
    if noun_object and node == trigger and lemma in lexicon.intending_verbs:
        reading.at_least(Modality.INTENDED)  # "promised sanctions on Russia"
    if parent.pos_ in ("VERB", "AUX") and (relation in ("xcomp", "ccomp", "advcl", "conj") or noun_object):
        # a light verb's modal is its event noun's: "would impose sanctions", "will hold talks"
        if lemma in lexicon.intending_verbs:
            reading.at_least(Modality.INTENDED)
        reading.at_least(_modal_force(parent, lexicon) or Modality.ASSERTED)
    if parent.pos_ == "NOUN" and lemma in lexicon.intending_nouns:
        reading.at_least(Modality.INTENDED)
    if relation == "xcomp" and _is_intending_adjective(parent, lexicon):
        reading.at_least(Modality.INTENDED)
    readiness = relation == "prep" and node == trigger.head and parent.dep_ == "acomp"
    if readiness and _is_intending_adjective(parent, lexicon):
        reading.at_least(Modality.INTENDED)  # "ready for talks", "open to talks": an event noun of a readiness
    if relation == "xcomp" and parent.lemma_.lower() == "be" and is_to_infinitive(node):
        reading.at_least(Modality.INTENDED)  # "be to" states an arrangement: "the president was to visit X"


def _is_purpose(node: Token, trigger: Token, lexicon: Lexicon) -> bool:
    """An indefinite event noun as a verb's purpose ("will fly to Nairobi for talks"): the verb's
    modal is the purpose's. A definite one ("sanctioned X for the attacks") is a cause told as done."""
    return (node.dep_ == "prep" and node.lower_ in lexicon.purpose_prepositions and trigger.head == node
            and trigger.pos_ == "NOUN" and node.head.pos_ in ("VERB", "AUX") and not is_definite(trigger))


def _is_intending_adjective(token: Token, lexicon: Lexicon) -> bool:
    """An adjective of intention ("ready to", "due to"), or a participle used as one that the parser
    reads as a passive verb ("is set to sign", "is poised to visit")."""
    if token.pos_ == "ADJ":
        return token.lemma_.lower() in lexicon.intending_adjectives
    participle = token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in children_of(token))
    return participle and token.lower_ in lexicon.intending_adjectives


_REPORTING_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly"})
#: The words at which ``_read_sentence_attribution``'s walk over a sentence acts.
_ATTRIBUTION_WORDS = _REPORTING_ADVERBS | {"according"}


def _read_sentence_attribution(trigger: Token, reading: _Reading, lexicon: Lexicon,
                               lowers: Sequence[str] | None = None) -> None:
    """A source the whole sentence is attributed to: a speech verb in parataxis ("..., X said"),
    "according to X", or "reportedly"/"allegedly"; one walk over the sentence's words, made only
    when the block's words in lower case (``lowers``, when given) have one of those in the sentence."""
    sentence = trigger.sent
    for child in children_of(sentence.root):
        if child.dep_ == "parataxis" and child.lemma_.lower() in lexicon.speech_verbs:
            reading.speaker = _speaker_of(child)
            reading.at_least(Modality.REPORTED)
    if lowers is not None and _ATTRIBUTION_WORDS.isdisjoint(lowers[sentence.start : sentence.end]):
        return  # the walk below acts only at these words: most sentences have none
    doc = trigger.doc
    for token in sentence:
        word = token.lower_
        if word == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            pobj = [c for c in children_of(doc[token.i + 1]) if c.dep_ == "pobj"]
            reading.speaker = pobj[0] if pobj else None
            reading.at_least(Modality.REPORTED)
        elif word in _REPORTING_ADVERBS:
            reading.at_least(Modality.REPORTED)
