"""Polarity, modality and attribution of an event, read from the clauses that govern it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extract.ontology import Lexicon
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


def _negated_here(node: Token, lexicon: Lexicon) -> bool:
    """A negation marker on the node itself: "did not meet", "no talks", "never visited"."""
    for child in node.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("det", "advmod", "preconj") and child.lower_ in lexicon.negators:
            return True
    return False


def _phrasal_lemma(verb: Token) -> str:
    """The verb's lemma with its particle, if it has one: "rule out", "call off"."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    lemma = verb.lemma_.lower()
    return f"{lemma} {particles[0]}" if particles else lemma


def _aux_words(node: Token) -> set[str]:
    return {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}


def _speaker_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "there"):
            return child
    if verb.dep_ == "conj":
        return _speaker_of(verb.head)
    return None


def _stronger(current: Modality, candidate: Modality) -> Modality:
    return candidate if _MODALITY_RANK[candidate] > _MODALITY_RANK[current] else current


def qualify(trigger: Token, lexicon: Lexicon) -> Qualifiers:
    """Walk from the trigger up to the sentence root, counting negations and noting
    intentions, conditions and reporting verbs on the way."""
    flips = 1 if _negated_here(trigger, lexicon) else 0
    modality = Modality.ASSERTED
    speaker: Token | None = None
    auxes = _aux_words(trigger)
    future = bool(auxes & lexicon.intending_modals) or any(
        c.lower_ == "to" and c.dep_ == "aux" for c in trigger.children
    )
    if auxes & lexicon.hypothetical_modals:
        modality = Modality.HYPOTHETICAL
    elif auxes & lexicon.intending_modals:
        modality = Modality.INTENDED
    if any(c.dep_ == "mark" and c.lower_ in lexicon.hypothetical_markers for c in trigger.children):
        modality = Modality.HYPOTHETICAL
    if trigger.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in lexicon.nonspecific_determiners for c in trigger.children
    ):
        modality = Modality.HYPOTHETICAL  # "any deal would ...": no particular event
    node = trigger
    blocked_negation = False
    lessened = False
    steps = 0
    while node.head != node and steps < 12:
        relation = node.dep_
        parent = node.head
        steps += 1
        if relation not in _CLAUSAL:
            break
        concessive = any(c.dep_ == "mark" and c.lower_ in lexicon.concessive_markers for c in node.children)
        if relation == "advcl" and concessive:
            # "..., even though the EU has sanctioned ...": the writer's aside, not the clause above.
            break
        lemma = parent.lemma_.lower()
        is_speech = lemma in lexicon.speech_verbs and parent.pos_ in ("VERB", "AUX")
        if relation == "conj":
            node = parent
            blocked_negation = True
            continue
        carries = relation in _NEGATION_CARRIERS and not blocked_negation
        flipped_here = False
        if carries and not is_speech:
            if _negated_here(parent, lexicon):
                flips += 1
                flipped_here = True
            if _phrasal_lemma(parent) in lexicon.negating_verbs or lemma in lexicon.stopping_verbs:
                flips += 1
                flipped_here = True
        if carries and lemma in lexicon.lessening_verbs:
            # "no intention of reducing purchases": the negation and the intention are about
            # the lessening; the purchases go on either way.
            blocked_negation = True
            lessened = True
        if relation == "pcomp" or (relation == "pobj" and node is trigger):
            accuser = parent.head
            if parent.lower_ in ("of", "for") and accuser.lemma_.lower() in lexicon.accusing_verbs:
                # "accused X of supplying Y": the supplying is the accuser's allegation
                speaker = speaker or _speaker_of(accuser)
                modality = _stronger(modality, Modality.REPORTED)
        if relation == "pobj" and parent.lower_ == "without":
            flips += 1
            flipped_here = True
        if is_speech and relation in ("ccomp", "xcomp", "dobj", "parataxis", "advcl", "conj"):
            speaker = speaker or _speaker_of(parent)
            modality = _stronger(modality, Modality.REPORTED)
            blocked_negation = True
        if not flipped_here and not is_speech and not lessened:
            noun_object = parent.pos_ in ("VERB", "AUX") and relation == "dobj" and trigger.pos_ == "NOUN"
            if noun_object and node is trigger and lemma in lexicon.intending_verbs:
                modality = _stronger(modality, Modality.INTENDED)  # "promised sanctions on Russia"
            if parent.pos_ in ("VERB", "AUX") and (
                relation in ("xcomp", "ccomp", "advcl", "conj") or noun_object
            ):  # a light verb's modal is its event noun's: "would impose sanctions", "will hold talks"
                parent_aux = _aux_words(parent)
                if lemma in lexicon.intending_verbs or parent_aux & lexicon.intending_modals:
                    modality = _stronger(modality, Modality.INTENDED)
                if parent_aux & lexicon.hypothetical_modals:
                    modality = _stronger(modality, Modality.HYPOTHETICAL)
            if parent.pos_ == "NOUN" and lemma in lexicon.intending_nouns:
                modality = _stronger(modality, Modality.INTENDED)
            if parent.pos_ == "ADJ" and lemma in lexicon.intending_adjectives and relation == "xcomp":
                modality = _stronger(modality, Modality.INTENDED)
        elif flipped_here and parent.pos_ in ("VERB", "AUX") and _aux_words(parent) & lexicon.hypothetical_modals:
            # a possibility left open by a negated negation: "would not rule out talks"
            modality = _stronger(modality, Modality.HYPOTHETICAL)
        if relation == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in lexicon.hypothetical_markers for c in node.children
        ):
            modality = Modality.HYPOTHETICAL
        if relation in ("advcl", "relcl"):
            blocked_negation = True
        node = parent
    root = trigger.sent.root
    if speaker is None:
        for child in root.children:
            if child.dep_ == "parataxis" and child.lemma_.lower() in lexicon.speech_verbs:
                speaker = _speaker_of(child)
                modality = _stronger(modality, Modality.REPORTED)
        doc = trigger.doc
        for token in trigger.sent:
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                pobj = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
                speaker = pobj[0] if pobj else None
                modality = _stronger(modality, Modality.REPORTED)
        if any(t.lower_ in ("reportedly", "allegedly", "purportedly") for t in trigger.sent):
            modality = _stronger(modality, Modality.REPORTED)
    polarity = Polarity.NEGATED if flips % 2 else Polarity.AFFIRMED
    return Qualifiers(polarity, modality, speaker, future)
