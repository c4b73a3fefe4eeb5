"""Events a sentence names without asserting them, whatever its verbs' tense and negation: an
event under a noun of possibility, fear, hope or demand ("fears of an attack", "hopes for talks"),
under a condition ("in case of an attack", "in case X attacks", "depends on a ceasefire"), warned
against ("warned X against attacking Y"), or asked about in a yes/no question ("Did X strike Y?").
Such an event is hypothetical. An event noun under an adjective of allegation ("the alleged
attack") is reported."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Span, Token

from extract.block_index import children_of
from extract.clause_scope import clause_top
from extract.data_tables import load_word_table
from extract.phrase_heads import noun_phrase_head
from extract.qualifiers import Qualifiers
from graph.model import Modality

#: Dependency relations of a clause that completes a noun: "the possibility [that X attacks]".
_NOUN_CLAUSES = frozenset({"acl", "ccomp", "appos"})
_VERBS = frozenset({"VERB", "AUX"})


class UnassertedWordsError(ValueError):
    """A malformed ``unasserted.toml``."""


@dataclass(frozen=True)
class UnassertedWords:
    """The word classes of ``unasserted.toml``."""

    prospect_nouns: frozenset[str]
    prospect_prepositions: frozenset[str]
    condition_nouns: frozenset[str]
    condition_governors: frozenset[str]
    against_governors: frozenset[str]
    allegation_modifiers: frozenset[str]
    question_auxiliaries: frozenset[str]


def load_unasserted_words(path: Path) -> UnassertedWords:
    """Read ``unasserted.toml``; a missing or malformed list raises a one-line error naming the file."""
    words = load_word_table(path, UnassertedWordsError)
    return UnassertedWords(
        words("prospect_nouns"), words("prospect_prepositions"), words("condition_nouns"),
        words("condition_governors"), words("against_governors"), words("allegation_modifiers"),
        words("question_auxiliaries"),
    )


def unasserted(qualifiers: Qualifiers, trigger: Token, words: UnassertedWords) -> Qualifiers:
    """The qualifiers, made hypothetical when the event at ``trigger`` is named but not asserted, and
    reported when it is named as alleged."""
    if (is_prospect(trigger, words) or is_conditional_adjunct(trigger, words) or in_conditional_clause(trigger, words)
            or is_warned_against(trigger, words) or in_yes_no_question(trigger, words)):
        return replace(qualifiers, modality=Modality.HYPOTHETICAL)
    if qualifiers.modality is Modality.ASSERTED and is_alleged(trigger, words):
        return replace(qualifiers, modality=Modality.REPORTED)
    return qualifiers


def _event_head(trigger: Token) -> Token:
    """The head of the phrase or clause that tells the event: the first of coordinated nouns ("an
    attack or an invasion" -> "attack") or verbs."""
    if trigger.pos_ == "NOUN":
        return noun_phrase_head(trigger, through_compounds=False)
    return clause_top(trigger, stop_at_finite_conjunct=False)


def is_prospect(trigger: Token, words: UnassertedWords) -> bool:
    """The event is the "of"/"for" complement of a prospect noun ("fears of a Serbian attack",
    "hopes for a meeting", "the risk of attacking"), or a clause completing one ("the possibility
    that Russia attacks")."""
    event = _event_head(trigger)
    if event.dep_ in ("pobj", "pcomp"):
        preposition = event.head
        noun = preposition.head
        return (preposition.lower_ in words.prospect_prepositions and preposition.dep_ == "prep"
                and noun.pos_ == "NOUN" and noun.lemma_.lower() in words.prospect_nouns)
    if event.pos_ in _VERBS and event.dep_ in _NOUN_CLAUSES:
        noun = event.head
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in words.prospect_nouns
    return False


def is_conditional_adjunct(trigger: Token, words: UnassertedWords) -> bool:
    """The event is the "of" complement of "in (the) case"/"in the event" ("in case of an attack"),
    or the "on" complement of a word of condition ("depends on a ceasefire", "conditional on the
    release of the hostages")."""
    event = noun_phrase_head(trigger, through_compounds=False)
    if event.dep_ not in ("pobj", "pcomp"):
        return False
    preposition = event.head
    governor = preposition.head
    if preposition.lower_ in ("on", "upon"):
        # the parser may hang the "on" phrase on the copula of the adjective: "is conditional on"
        words_of_condition = [governor] + [c for c in children_of(governor) if c.dep_ == "acomp"]
        return any(w.lemma_.lower() in words.condition_governors for w in words_of_condition)
    return (preposition.lower_ == "of" and governor.lemma_.lower() in words.condition_nouns
            and governor.dep_ == "pobj" and governor.head.lower_ == "in")


def in_conditional_clause(trigger: Token, words: UnassertedWords) -> bool:
    """The event is told in a clause opened by "in case" or "in the event (that)": "sent troops in
    case Belarus attacks Lithuania". Read on the words before the clause's subject, as the parser
    often takes "in case" for a prepositional phrase of the clause before."""
    verb = trigger if trigger.pos_ in _VERBS else trigger.head
    if verb.pos_ not in _VERBS:
        return False
    subject = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    start = subject.left_edge.i
    before = [t.lemma_.lower() for t in trigger.doc[max(start - 4, trigger.sent.start):start]]
    if before[-1:] == ["that"]:
        before = before[:-1]
    if not before or before[-1] not in words.condition_nouns:
        return False
    return before[-2:-1] == ["in"] or before[-3:-1] == ["in", "the"]


def is_warned_against(trigger: Token, words: UnassertedWords) -> bool:
    """The event is the "against" complement of a verb of warning or advising: "warned Ethiopia
    against attacking the dam", "advised against an invasion"."""
    event = _event_head(trigger)
    if event.dep_ not in ("pobj", "pcomp") or event.head.lower_ != "against":
        return False
    governor = event.head.head
    return governor.pos_ in _VERBS and governor.lemma_.lower() in words.against_governors


def is_alleged(trigger: Token, words: UnassertedWords) -> bool:
    """An event noun under an adjective of allegation: "the alleged attack", "a suspected strike"."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in words.allegation_modifiers for c in children_of(trigger)
    )


#: Closing quotation marks, which may follow a question's mark.
_CLOSING_QUOTES = "\"'\u201d\u2019"


def _ends_with_question_mark(sentence: Span) -> bool:
    """Whether the sentence's text ends with "?" once trailing spaces and closing quotes are stripped,
    read from its last words only: the words before the last one that is neither space nor quote
    cannot change the end of the stripped text (its span's ``text`` would make a Token of each)."""
    doc = sentence.doc
    tail = ""
    for i in range(sentence.end - 1, sentence.start - 1, -1):
        token = doc[i]
        tail = (token.text if i == sentence.end - 1 else token.text_with_ws) + tail
        stripped = tail.rstrip().rstrip(_CLOSING_QUOTES)
        if stripped:
            return stripped.endswith("?")
    return False


def in_yes_no_question(trigger: Token, words: UnassertedWords) -> bool:
    """The event's sentence is a yes/no question: it ends with a question mark and opens with an
    auxiliary standing before its subject ("Did Russia strike Poland?", "Is Turkey sending arms?")."""
    sentence = trigger.sent
    if not _ends_with_question_mark(sentence):
        return False  # tested first: most sentences are no questions, and their words need not be read
    tokens = [t for t in sentence if not t.is_punct and not t.is_quote]
    if not tokens:
        return False
    opener = tokens[0]
    if opener.pos_ != "AUX" or opener.lemma_.lower() not in words.question_auxiliaries:
        return False
    verb = opener if opener.dep_ == "ROOT" else opener.head
    # an opening copula's inverted subject may be parsed as its attribute: "Is [Peru] buying arms?"
    relations = ("nsubj", "nsubjpass", "expl", "attr") if verb == opener else ("nsubj", "nsubjpass", "expl")
    subjects = [c for c in children_of(verb) if c.dep_ in relations]
    return any(subject.i > opener.i for subject in subjects)
