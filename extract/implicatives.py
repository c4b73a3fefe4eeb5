"""What an implicative governor says about whether its complement happened.

English implicative verbs entail their complement's polarity (Karttunen 1971): asserted and not
under a modal, "managed to broker a deal" and "forced X to withdraw" say the act happened, "failed
to reach a deal", "refused to meet" and "prevented X from attacking" say it did not. Negated, a
two-way verb flips the entailment ("did not manage to" = it did not happen, "did not fail to" = it
did) and a one-way verb entails nothing ("did not refuse to meet" does not say they met). Under a
modal or a future nothing is entailed and the ordinary reading of the modal stands.

"Was able to V" in the past is a two-way implicative ("was not able to" = it did not happen); "is
able to", "is capable of" and "has the capacity to" state a capability, which is no event (read as
hypothetical, as "can" is). Akin readings through the same chain: a factive's complement happened
even under negation ("did not regret shooting down the jet"); a denial says it did not ("denied
attacking X", reported); "stopped short of", "has yet to" and "nearly" say it did not; a definite
noun of an implicative verb entails as the verb does ("China's refusal to meet X"); "unwilling to"
states an intention not to act, as "willing to" states one to act. The entailment settles the act's
polarity when the chain's top is the sentence's own or reported clause (or is presupposed); an act
nothing entails is hypothetical. The word classes are in ``implicatives.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.clause_scope import clause_top, names_another_agent
from extract.data_tables import load_word_table
from extract.ontology import Lexicon
from extract.qualifiers import Qualifiers
from graph.model import Modality, Polarity

_VERBS = frozenset({"VERB", "AUX"})
_CLAUSE_LINKS = frozenset({"xcomp", "ccomp"})
#: Prepositions through which a governor takes a gerund complement: "refrained from attacking",
#: "succeeded in brokering", "capable of striking".
_GERUND_PREPOSITIONS = frozenset({"from", "in", "of"})
_PERFECT_AUX = frozenset({"has", "have", "had", "'s", "'ve", "'d"})


class ImplicativeWordsError(ValueError):
    """A malformed ``implicatives.toml``."""


@dataclass(frozen=True)
class ImplicativeWords:
    """The closed classes of ``implicatives.toml`` (see the comments there)."""

    two_way_positive: frozenset[str]
    one_way_positive: frozenset[str]
    two_way_negative: frozenset[str]
    one_way_negative: frozenset[str]
    from_one_way_negative: frozenset[str]
    negated_positive: frozenset[str]
    factive_verbs: frozenset[str]
    denying_verbs: frozenset[str]
    unwilling_adjectives: frozenset[str]
    negative_nouns: frozenset[str]
    positive_nouns: frozenset[str]
    negative_phrases: frozenset[str]
    yet_verbs: frozenset[str]
    counterfactual_adverbs: frozenset[str]
    able_adjectives: frozenset[str]
    unable_adjectives: frozenset[str]
    capability_adjectives: frozenset[str]
    capability_nouns: frozenset[str]


def load_implicative_words(path: Path) -> ImplicativeWords:
    """Read ``implicatives.toml``; a missing or malformed list raises a one-line error naming the file."""
    words = load_word_table(path, ImplicativeWordsError)
    return ImplicativeWords(
        words("two_way_positive"), words("one_way_positive"), words("two_way_negative"),
        words("one_way_negative"), words("from_one_way_negative"), words("negated_positive"),
        words("factive_verbs"), words("denying_verbs"), words("unwilling_adjectives"), words("negative_nouns"),
        words("positive_nouns"),
        words("negative_phrases"), words("yet_verbs"), words("counterfactual_adverbs"), words("able_adjectives"),
        words("unable_adjectives"), words("capability_adjectives"), words("capability_nouns"),
    )


class Entailment(Enum):
    """What the implicative governors of an act say about it."""

    HAPPENED = "happened"
    NOT_HAPPENED = "not_happened"
    UNENTAILED = "unentailed"  # a negated one-way implicative: nothing follows
    CAPABILITY = "capability"  # a statement of ability: no event


@dataclass(frozen=True)
class Signature:
    """What an implicative entails of its complement when asserted and when negated (None: nothing)."""

    asserted: bool | None
    negated: bool | None


TWO_WAY_POSITIVE = Signature(True, False)
ONE_WAY_POSITIVE = Signature(True, None)
TWO_WAY_NEGATIVE = Signature(False, True)
ONE_WAY_NEGATIVE = Signature(False, None)
NEGATED_POSITIVE = Signature(None, True)
FACTIVE = Signature(True, True)


@dataclass(frozen=True)
class _Link:
    """One implicative governor above the act: its signature (None for a capability), whether it is
    negated, whether it carries a modal, the top of its own clause, and whether it is presupposed."""

    signature: Signature | None
    negated: bool
    modal: bool
    clause: Token
    presupposed: bool = False  # a factive's or a definite noun's: true wherever it is embedded
    intention: bool = False  # an adjective of (un)willingness: the act is intended, or intended not to be


@dataclass(frozen=True)
class ImplicativeReading:
    """The entailment, and whether it is the sentence's own (the chain's top is the main clause or
    a reported clause) so that it settles the act's polarity."""

    entailment: Entailment
    decisive: bool
    intended: bool = False


def read_implicatives(trigger: Token, words: ImplicativeWords, lexicon: Lexicon) -> ImplicativeReading | None:
    """What the implicative governors above the act at ``trigger`` entail of it; None when no
    implicative governs it or one of them is under a modal."""
    verb = _act_verb(trigger)
    if verb is None or (names_another_agent(trigger) and not _denies_its_object(verb, lexicon)):
        return None  # "refused to criticise Russia's invasion": the refusal is not about the invasion
    chain = _chain(verb, trigger, words, lexicon)
    if _is_stated_readiness(chain):
        return ImplicativeReading(Entailment.HAPPENED, True, intended=True)
    if not chain or any(link.modal for link in chain):
        return None
    if any(link.signature is None for link in chain):
        return ImplicativeReading(Entailment.CAPABILITY, False)
    top = chain[-1].clause
    decisive = chain[-1].presupposed or top.dep_ == "ROOT" or (
        top.dep_ in ("ccomp", "parataxis") and top.head.lemma_.lower() in lexicon.speech_verbs
    )
    happened = _entailed(chain)
    if happened is None:
        return ImplicativeReading(Entailment.UNENTAILED, decisive)
    if _negated(verb, lexicon) or (trigger != verb and _negated(trigger, lexicon)):
        happened = not happened
    intended = any(link.intention for link in chain)
    return ImplicativeReading(Entailment.HAPPENED if happened else Entailment.NOT_HAPPENED, decisive, intended)


def _denies_its_object(verb: Token, lexicon: Lexicon) -> bool:
    """A verb that says its object did not happen: "prevented Iran's attack", "stopped the advance"."""
    lemma = verb.lemma_.lower()
    return lemma in lexicon.preventing_verbs or lemma in lexicon.stopping_verbs or lemma in lexicon.negating_verbs


def _is_stated_readiness(chain: Sequence[_Link]) -> bool:
    """A negated verb of reluctance under a modal, governing the act directly: "would not hesitate
    to impose sanctions" states a readiness to act (litotes), not that the act will not happen."""
    return len(chain) == 1 and chain[0].signature == NEGATED_POSITIVE and chain[0].negated and chain[0].modal


def _entailed(chain: Sequence[_Link]) -> bool | None:
    """From the top governor down, what each entails of the next: True (happened), False (did
    not) or None (nothing follows)."""
    context = not chain[-1].negated
    for position in range(len(chain) - 1, -1, -1):
        link = chain[position]
        assert link.signature is not None
        entailed = link.signature.asserted if context else link.signature.negated
        if entailed is None:
            return None
        if position > 0:
            context = entailed != chain[position - 1].negated
        else:
            return entailed
    return None


def requalify(qualifiers: Qualifiers, reading: ImplicativeReading | None) -> Qualifiers:
    """The qualifiers as the implicative reading corrects them: an act nothing entails, or a
    capability, is hypothetical (and not negated); an entailment of the sentence's own clauses
    settles the polarity."""
    if reading is None:
        return qualifiers
    if reading.entailment in (Entailment.UNENTAILED, Entailment.CAPABILITY):
        return replace(qualifiers, polarity=Polarity.AFFIRMED, modality=Modality.HYPOTHETICAL)
    if not reading.decisive:
        return qualifiers
    happened = reading.entailment is Entailment.HAPPENED
    modality = qualifiers.modality
    if reading.intended and modality in (Modality.ASSERTED, Modality.REPORTED, Modality.HYPOTHETICAL):
        modality = Modality.INTENDED  # "was not willing to negotiate", "is reluctant to criticise"
    return replace(qualifiers, polarity=Polarity.AFFIRMED if happened else Polarity.NEGATED, modality=modality)


def _act_verb(trigger: Token) -> Token | None:
    """The verb that states the act at ``trigger``: the trigger, or the verb whose object it is
    ("reach an agreement", "hold talks with")."""
    if trigger.pos_ in _VERBS:
        return trigger
    if trigger.dep_ == "dobj" and trigger.head.pos_ in _VERBS:
        return trigger.head
    return None


def _chain(verb: Token, trigger: Token, words: ImplicativeWords, lexicon: Lexicon) -> list[_Link]:
    """The implicative governors above ``verb``, nearest first, up to the first word that is none."""
    chain: list[_Link] = []
    clause = clause_top(verb)
    if _approximated(verb, words):
        chain.append(_Link(ONE_WAY_NEGATIVE, False, _has_modal(verb, lexicon), clause))
    link = _link_above(clause, words, lexicon)
    if link is None and trigger != verb and verb.lemma_.lower() in words.one_way_negative:
        # a noun object of a negative implicative: "avoided a confrontation", "refused talks"
        link = _Link(ONE_WAY_NEGATIVE, _negated(verb, lexicon), _has_modal(verb, lexicon), clause_top(verb))
        chain.append(link)
        link = _link_above(link.clause, words, lexicon)
    while link is not None and len(chain) < 6:
        chain.append(link)
        link = _link_above(link.clause, words, lexicon)
    return chain


def _link_above(clause: Token, words: ImplicativeWords, lexicon: Lexicon) -> _Link | None:
    """The implicative governor of ``clause``, if it has one."""
    relation = clause.dep_
    head = clause.head
    if relation == "ccomp" and clause.i < head.i:
        return None  # a complement clause follows its verb; one before it is a clause of its own
    phrase = _negative_phrase(clause, words)
    if phrase is not None:
        return _Link(ONE_WAY_NEGATIVE, _negated(phrase, lexicon), _has_modal(phrase, lexicon), clause_top(phrase))
    if (relation in _CLAUSE_LINKS and head.pos_ in _VERBS and head.lemma_.lower() in words.factive_verbs
            and not any(c.dep_ == "mark" and c.lower_ in lexicon.hypothetical_markers for c in children_of(clause))):
        # presupposed whatever governs the factive: "did not regret that it signed", "may regret signing"
        return _Link(FACTIVE, _negated(head, lexicon), False, clause_top(head), presupposed=True)
    if (relation in _CLAUSE_LINKS and head.pos_ in _VERBS and head.lemma_.lower() in words.denying_verbs
            and not any(c.dep_ == "mark" and c.lower_ in lexicon.hypothetical_markers for c in children_of(clause))):
        # the speaker says it did not happen: "denied that it had attacked X", "denied attacking X"
        return _Link(ONE_WAY_NEGATIVE, _negated(head, lexicon), _has_modal(head, lexicon), clause_top(head))
    if relation == "pcomp" and head.lower_ in _GERUND_PREPOSITIONS:
        preposition, governor = head.lower_, head.head
    elif relation in _CLAUSE_LINKS and not any(c.dep_ == "mark" for c in children_of(clause)):
        preposition, governor = "", head  # not a finite clause: "made clear that ..." states no act
    elif relation == "acl" and _is_capability_noun(head, words):
        return _Link(None, False, False, head)
    elif relation == "acl" and head.pos_ == "NOUN":
        preposition, governor = "", head
    else:
        return None
    lemma = governor.lemma_.lower()
    if preposition == "of" and _is_capability_noun(governor, words):
        if governor.dep_ == "pobj" and governor.head.lower_ == "by":
            return None  # "by means of imposing sanctions": the way it was done, not a capability
        return _Link(None, False, False, governor)
    if governor.pos_ == "NOUN":
        return _noun_link(governor, preposition, words, lexicon)
    if governor.pos_ == "ADJ":
        return _adjective_link(governor, preposition, words, lexicon)
    if governor.pos_ not in _VERBS or governor == clause:
        return None
    signature = _verb_signature(lemma, preposition, words)
    if signature is None:
        return None
    return _Link(signature, _negated(governor, lexicon), _has_modal(governor, lexicon), clause_top(governor))


def _noun_link(noun: Token, preposition: str, words: ImplicativeWords, lexicon: Lexicon) -> _Link | None:
    """A noun of an implicative verb: "its refusal to meet X", "the failure to reach a deal",
    "Egypt's success in brokering". With a possessor or a definite article the noun's act is
    presupposed, and so is what it entails."""
    lemma = noun.lemma_.lower()
    if lemma in words.negative_nouns and preposition == "":
        signature = ONE_WAY_NEGATIVE
    elif lemma in words.positive_nouns and preposition == "in":
        signature = ONE_WAY_POSITIVE
    else:
        return None
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in children_of(noun))
    return _Link(signature, _negated(noun, lexicon), False, noun, presupposed=definite)


def _negative_phrase(clause: Token, words: ImplicativeWords) -> Token | None:
    """The verb of a negative implicative phrase governing ``clause``: "stopped short of [V-ing]",
    "came close to [V-ing]", "has yet [to V]"."""
    head = clause.head
    if clause.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "ADV":
        adverb = head.head
        verb = adverb.head
        if verb.pos_ in _VERBS and f"{verb.lemma_.lower()} {adverb.lower_} {head.lower_}" in words.negative_phrases:
            return verb
    if clause.dep_ == "xcomp" and head.pos_ in _VERBS and head.lemma_.lower() in words.yet_verbs and any(
        child.dep_ == "advmod" and child.lower_ == "yet" for child in children_of(head)
    ):
        return head
    return None


def _approximated(verb: Token, words: ImplicativeWords) -> bool:
    """A past act told with an adverb of approximation: "nearly cut ties", "almost attacked"."""
    past = verb.tag_ in ("VBD", "VBN")
    return past and any(c.dep_ == "advmod" and c.lower_ in words.counterfactual_adverbs for c in children_of(verb))


def _is_capability_noun(noun: Token, words: ImplicativeWords) -> bool:
    """A noun of capability, by lemma or by form ("means", which the tagger lemmatises as "mean")."""
    forms = {noun.lemma_.lower(), noun.lower_}
    return noun.pos_ == "NOUN" and bool(forms & words.capability_nouns)


def _verb_signature(lemma: str, preposition: str, words: ImplicativeWords) -> Signature | None:
    if preposition == "from":
        return ONE_WAY_NEGATIVE if lemma in words.one_way_negative | words.from_one_way_negative else None
    if preposition == "of":
        return None
    if lemma in words.two_way_positive:
        return TWO_WAY_POSITIVE
    if lemma in words.one_way_positive:
        return ONE_WAY_POSITIVE
    if lemma in words.two_way_negative:
        return TWO_WAY_NEGATIVE
    if lemma in words.one_way_negative:
        return ONE_WAY_NEGATIVE
    if lemma in words.negated_positive:
        return NEGATED_POSITIVE
    return None


def _adjective_link(adjective: Token, preposition: str, words: ImplicativeWords, lexicon: Lexicon) -> _Link | None:
    """An adjective of intention or ability. "willing to V" (lexicon intending_adjectives) and
    "unwilling to V" state an intention to do or not to do V, negated with their copula ("was not
    willing to V"). "was able to V" in the past is implicative; in the present, the future or under
    a modal, and "capable of" in any tense, it states a capability."""
    lemma = adjective.lemma_.lower()
    copula = adjective.head if adjective.dep_ == "acomp" and adjective.head.pos_ in _VERBS else adjective
    clause = clause_top(copula)
    negated = _negated(adjective, lexicon) or (copula != adjective and _negated(copula, lexicon))
    willing = lemma in lexicon.intending_adjectives
    if not preposition and (willing or lemma in words.unwilling_adjectives):
        signature = TWO_WAY_POSITIVE if willing else TWO_WAY_NEGATIVE
        return _Link(signature, negated, _has_modal(copula, lexicon), clause, intention=True)
    if lemma in words.capability_adjectives and preposition == "of":
        return _Link(None, negated, False, clause)
    if preposition or lemma not in words.able_adjectives | words.unable_adjectives:
        return None
    if not _past_or_perfect(copula, lexicon):
        return _Link(None, negated, False, clause)  # "is able to strike", "will be able to strike"
    signature = TWO_WAY_POSITIVE if lemma in words.able_adjectives else TWO_WAY_NEGATIVE
    return _Link(signature, negated, False, clause)


def _past_or_perfect(copula: Token, lexicon: Lexicon) -> bool:
    """The copula is in the simple past ("was able") or the perfect ("has been able"), with no
    modal and no infinitive "to"."""
    auxes = {c.lower_ for c in children_of(copula) if c.dep_ in ("aux", "auxpass")}
    if auxes & (lexicon.hypothetical_modals | lexicon.intending_modals) or "to" in auxes:
        return False
    return copula.tag_ == "VBD" or (copula.tag_ == "VBN" and bool(auxes & _PERFECT_AUX))


def _has_modal(governor: Token, lexicon: Lexicon) -> bool:
    """A modal or future auxiliary on the governor: "will force", "may refuse", "could fail"."""
    auxes = {c.lower_ for c in children_of(governor) if c.dep_ in ("aux", "auxpass")}
    return bool(auxes & (lexicon.hypothetical_modals | lexicon.intending_modals))


def _negated(node: Token, lexicon: Lexicon) -> bool:
    """A negation on the word itself: "did not manage", "never refused"."""
    return any(
        child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj") and child.lower_ in lexicon.negators)
        for child in children_of(node)
    )
