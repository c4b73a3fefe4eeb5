"""Resolving pronouns of a block to the actors named before them.

"he"/"she" go to a person named before (the one whose clause they complete, the sentence's
subject, the subject of the sentence before, else the last person named; an office noun such as
"the foreign minister" names a person too); a subject "it", "they" or "we" in what an actor said
or intends goes to that actor; a subject "it" opening a main clause goes to the state or
organisation subject of the sentence before (extract/main_clause_it.py); "its"/"itself" go to the
subject of a verb whose adjunct holds them, else to the latest state or organisation of the
sentence; "I" and "we" in a direct quotation go to its speaker (extract/quoted_speakers.py).
``PronounResolver`` carries what the next block needs: the last person named and the last
sentence's person and state-or-organisation subjects.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.block_index import BlockTokens, block_sentences, children_of, conjuncts_of
from extract.clause_pronouns import (
    CLAUSE_FIXED_PRONOUNS,
    adjunct_object,
    relative_clause_subject,
    relative_possessor,
)
from extract.conjoined_it import conjoined_clause_subject
from extract.coordinated_antecedents import has_coordinated_subject, may_coordinate
from extract.main_clause_it import opens_main_clause
from extract.mentions import Mention, MentionKind, mention_root
from extract.possessor_binding import BindingWords, harmed_verb, may_be_doer, other_party
from extract.quoted_speakers import resolve_quoted
from graph.model import Actor, ActorType

_SINGULAR_PRONOUNS = frozenset({"it"})
#: The pronouns ``PronounResolver._referent`` resolves besides the person pronouns.
_BODY_PRONOUNS = frozenset({"it", "they", "we", "its", "itself"})
#: The words worth resolving: person pronouns come from the lexicon, these in addition.
_OTHER_PRONOUNS = _BODY_PRONOUNS | CLAUSE_FIXED_PRONOUNS
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class PronounResolver:
    """Pronoun resolution over the blocks of one article, in order."""

    person_pronouns: frozenset[str]
    person_titles: frozenset[str] = frozenset()  # head nouns naming one person by office ("minister")
    binding: BindingWords = field(default_factory=BindingWords)  # extract/possessor_binding.py
    speech_verbs: frozenset[str] = frozenset()  # reporting verbs that attribute a quotation (quoted_speakers.py)
    last_person: Actor | None = None
    previous_subject_person: Actor | None = None  # the person subject of the sentence before, if any
    previous_subject_body: Actor | None = None  # the state or organisation subject of the sentence before

    previous_subject_persons: bool = False  # the sentence before's subject was a coordination of persons

    def resolve_block(self, doc: Doc, by_token: dict[int, Mention], tokens: BlockTokens) -> None:
        """Add a pronoun mention to ``by_token`` for every pronoun resolved in ``doc`` (whose words
        ``tokens`` gives), and record the last person and the last sentence's subjects for the next
        blocks. A coordinated subject ("Chile and Argentina", "Lula and Milei") is no singular
        subject for the next sentence's "it", "he" or "she" (extract/coordinated_antecedents.py)."""
        for sentence in block_sentences(doc):
            self.previous_subject_person = self._resolve_sentence(doc, sentence, by_token, tokens)
            coordinated = may_coordinate(sentence, tokens.lowers)  # no "and": neither subject is coordinated
            self.previous_subject_persons = coordinated and has_coordinated_subject(
                sentence, by_token, lambda m: m.actor.type is ActorType.PERSON)
            plural_body = coordinated and has_coordinated_subject(sentence, by_token, _is_state_or_organisation)
            self.previous_subject_body = None if plural_body else _subject_body(sentence, by_token)
        resolve_quoted(doc, by_token, self.speech_verbs, tokens)  # "I" and "we" in a quotation: its speaker

    def _resolve_sentence(
        self, doc: Doc, sentence: Span, by_token: dict[int, Mention], tokens: BlockTokens,
    ) -> Actor | None:
        """Resolve the pronouns of one sentence, left to right; its person subject, if it has one."""
        sentence_subject: Actor | None = None
        for i in range(sentence.start, sentence.end):
            mention = by_token.get(i)
            if mention is not None:
                if by_token.get(i - 1) is not mention:  # its first token ("Ghana's" may hold the title's)
                    sentence_subject = self._note_named(doc, mention, sentence_subject)
                continue
            lower = tokens.lowers[i]
            if lower not in self.person_pronouns and lower not in _OTHER_PRONOUNS:
                continue  # no pronoun (read from the table): nothing to resolve
            referent = self._referent(doc[i], sentence, sentence_subject, by_token)
            if referent is not None:
                by_token[i] = Mention(i, i + 1, referent, MentionKind.PRONOUN)
                if sentence_subject is None and _continues_person(doc[i], referent):
                    # '"...," he said. He also urged ...': the pronoun subject carries its person on
                    sentence_subject = referent
        return sentence_subject

    def _note_named(self, doc: Doc, mention: Mention, sentence_subject: Actor | None) -> Actor | None:
        """At the first token of a person's mention: that person is the last named, and the
        sentence's person subject when it has none yet and the mention is a clause subject.
        A singular office noun as a clause subject ("Ghana's foreign minister met ...", "a
        government spokeswoman said ...") names a person too, standing for the body it speaks for
        (a title in apposition describes a person already named). Returns the sentence's person subject so far."""
        if mention.actor.type is ActorType.PERSON or (
            _names_an_office_holder(doc, mention, self.person_titles) and _is_clause_subject(doc, mention)
        ):
            self.last_person = mention.actor
            if sentence_subject is None and _is_clause_subject(doc, mention):
                return mention.actor
        return sentence_subject

    def _referent(
        self, token: Token, sentence: Span, sentence_subject: Actor | None, by_token: dict[int, Mention],
    ) -> Actor | None:
        """The actor a pronoun token refers to, or None (not a pronoun, or not resolved)."""
        lower = token.lower_
        fixed = relative_clause_subject(token, by_token) or relative_possessor(token, by_token) or adjunct_object(
            token, by_token)
        if fixed is not None:  # a pronoun whose clause fixes its antecedent (extract/clause_pronouns.py)
            return fixed.actor
        if lower in self.person_pronouns and self.last_person is not None:
            return self._person_antecedent(token, sentence_subject, by_token, self.last_person)
        if lower in ("it", "they", "we") and token.dep_ in _SUBJECT_DEPS:
            governing = _governing_subject(token, by_token)
            if governing is None and (conjoined := conjoined_clause_subject(token, by_token)) is not None:
                return conjoined.actor  # "X did not V Y, but it ...": the first clause's subject (conjoined_it.py)
            if governing is None and lower == "it" and opens_main_clause(token, by_token):
                return self.previous_subject_body
            return governing
        if lower in ("its", "itself"):
            return _its_referent(token, by_token, self.binding)
        return None

    def _person_antecedent(
        self, pronoun: Token, sentence_subject: Actor | None, by_token: dict[int, Mention], last_person: Actor,
    ) -> Actor | None:
        """Whom he/she refers to: a subject pronoun prefers the person who says or intends its
        clause ("Trump said he would invite Kim"), else the person subject of its own sentence so
        far, else of the sentence before ("Le Yucheng summoned ... if Meng was not released. He
        also summoned ...": Le Yucheng); other pronouns, the last person named."""
        if pronoun.dep_ in _SUBJECT_DEPS:
            speaker = _governing_person(pronoun, by_token)
            if speaker is None and sentence_subject is None and self.previous_subject_persons:
                return None  # "Lula and Milei met. He said ...": either of them
            return speaker or sentence_subject or self.previous_subject_person or last_person
        return last_person


def _continues_person(pronoun: Token, referent: Actor) -> bool:
    """A person pronoun that is its sentence's main subject ('"...," he said'): the person it refers
    to stays the subject a "he"/"she" of the next sentence continues (a rule of discourse: the
    subject pronoun keeps the centre of attention)."""
    return (referent.type is ActorType.PERSON and pronoun.dep_ in _SUBJECT_DEPS
            and pronoun.head == pronoun.sent.root)


def _its_referent(
    pronoun: Token, by_token: Mapping[int, Mention], binding: BindingWords,
) -> Actor | None:
    """What "its"/"itself" refers to: the subject of the verb whose adjunct holds it (see
    ``_adjunct_agent``), else the latest state or organisation named before it in its sentence,
    unless "its" is in the object of a harming act that one may do (extract/possessor_binding.py:
    then the one other party named before, if there is exactly one)."""
    agent = _adjunct_agent(pronoun, by_token)
    if agent is not None:
        return agent
    previous = bodies_named_before(pronoun, by_token)
    if not previous:
        return None
    latest = previous[-1]
    harming = harmed_verb(pronoun, binding)
    if harming is not None and may_be_doer(harming, latest, by_token):
        return other_party(latest, previous)
    return latest


def bodies_named_before(pronoun: Token, by_token: Mapping[int, Mention]) -> list[Actor]:
    """The states and organisations named (not by a pronoun) before ``pronoun`` in its sentence, in
    order, once per word of their mentions: the candidates an "its" refers to."""
    return [by_token[j].actor for j in range(pronoun.sent.start, pronoun.i)
            if j in by_token and _is_state_or_organisation(by_token[j])]


def _is_state_or_organisation(mention: Mention) -> bool:
    """A state, an organisation, or a group named by its name (an armed group or party: "Hezbollah
    said its fighters ..."), which an "it"/"its" can stand for; not an agent noun ("troops")."""
    if mention.kind is MentionKind.PRONOUN:
        return False
    named_group = mention.actor.type is ActorType.GROUP and mention.kind is MentionKind.NAME
    return mention.actor.type in (ActorType.COUNTRY, ActorType.ORGANIZATION) or named_group


def _subject_body(sentence: Span, by_token: Mapping[int, Mention]) -> Actor | None:
    """The state or organisation named as the subject of a sentence's main clause, if any."""
    for child in children_of(sentence.root):
        mention = by_token.get(child.i)
        if child.dep_ in ("nsubj", "nsubjpass") and mention is not None and _is_state_or_organisation(mention):
            return mention.actor
    return None


def _describes_a_thing(mention: Mention, doc: Doc) -> bool:
    """A name that only modifies a noun naming no actor ("U.S. technology"): not what a later
    "its" refers to."""
    root = mention_root(doc, mention)
    return root.dep_ in ("compound", "amod", "nmod") and root.head.i not in range(mention.start, mention.end)


def possessor_body(pronoun: Token, by_token: Mapping[int, Mention], previous_subject: Actor | None) -> Actor | None:
    """What a possessive "its" refers to: the latest state or organisation named before it in
    its sentence (not one that only describes a thing), else the one the sentence before had as
    its subject (``previous_subject`` when that sentence ended the block before)."""
    sentence = pronoun.sent
    named = [by_token[j] for j in range(sentence.start, pronoun.i) if j in by_token
             and _is_state_or_organisation(by_token[j]) and not _describes_a_thing(by_token[j], pronoun.doc)]
    if named:
        return named[-1].actor
    if sentence.start == 0:
        return previous_subject
    return _subject_body(pronoun.doc[sentence.start - 1].sent, by_token)


def _adjunct_agent(pronoun: Token, by_token: Mapping[int, Mention]) -> Actor | None:
    """The subject of the verb when "its" sits in a prepositional adjunct of a verb whose direct
    object is no actor: the adjunct describes the subject's act ("Iran launched drones at Israel,
    in its first attack on Israeli territory"), whatever state was named last. With an actor as
    object the adjunct is usually about it ("criticized Beijing over its trade policy")."""
    noun = pronoun.head
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = noun.head.head
    if any(child.dep_ == "dobj" and child.i in by_token for child in children_of(verb)):
        return None
    for child in children_of(verb):
        if child.dep_ == "nsubj" and child.i in by_token and _is_state_or_organisation(by_token[child.i]):
            return by_token[child.i].actor
    return None


def _governing_person(pronoun: Token, by_token: Mapping[int, Mention]) -> Actor | None:
    """The person whose clause a subject pronoun's clause completes: "Trump said he would ..."."""
    clause = pronoun.head
    if clause.dep_ not in ("ccomp", "xcomp", "advcl") or clause.head == clause:
        return None
    for child in children_of(clause.head):
        mention = by_token.get(child.i) if child.dep_ == "nsubj" else None
        if mention is not None and mention.actor.type is ActorType.PERSON and not conjuncts_of(child):
            return mention.actor
    return None


def _governing_subject(pronoun: Token, by_token: Mapping[int, Mention]) -> Actor | None:
    """The actor a subject pronoun refers back to when its clause is what that actor said or
    intends: "Israel announced it would free ...", "the rebels said they will release ..."."""
    clause = pronoun.head
    if clause.dep_ not in ("ccomp", "xcomp", "advcl") or clause.head == clause:
        return None
    governor = clause.head
    for child in children_of(governor):
        if child.dep_ == "nsubj" and conjuncts_of(child) and pronoun.lower_ in _SINGULAR_PRONOUNS:
            return None  # a singular pronoun does not refer back to coordinated speakers
        if child.dep_ == "nsubj" and child.i in by_token:
            mention = by_token[child.i]
            if mention.kind is not MentionKind.PRONOUN and mention.actor.type is not ActorType.PERSON:
                return mention.actor
            if mention.actor.type is ActorType.PERSON and pronoun.lower_ == "we" and mention.actor.country:
                return None
    return None


def _names_an_office_holder(doc: Doc, mention: Mention, person_titles: frozenset[str]) -> bool:
    """A role mention headed by one singular office noun ("the foreign minister", "a Rwandan
    government spokeswoman"): one person, whom a later "he"/"she" can refer to."""
    if mention.kind not in (MentionKind.TITLE, MentionKind.GROUP):
        return False
    head = mention_root(doc, mention)
    return head.tag_ == "NN" and head.lower_ in person_titles


def _is_clause_subject(doc: Doc, mention: Mention) -> bool:
    """The mention is the subject of a verb (not a possessor, object or apposition)."""
    return mention_root(doc, mention).dep_ in ("nsubj", "nsubjpass")

