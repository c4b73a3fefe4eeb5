"""Who an act named by a noun is done to, and who does it (patient_acts.toml states the rule).

For a noun of an act done to a person or body ("release", "detention", "treatment", "killing"):

- a possessor or an "of" object is the act's patient: "the activist's release", "the release of
  the activist"; a possessor or demonym on the noun is its doer only beside an "of" object ("Russia's
  treatment of the activist", "the Chinese detention of two Canadians");
- a "by" phrase names the doer ("the arrest of X by Y"), and so does a "from" phrase on a noun of
  handing someone over ("the extradition of X from the United States");
- whoever holds the patient does an act ending or continuing the custody: the agent of a holding
  clause on the patient ("two Canadians detained by China", "the sailors Iran seized"), the state
  of its custody ("held in Iranian custody", "jailed in Russia");
- an act only a state's authorities do is the act of the state where it takes place ("the arrest of
  a diplomat in Tehran": Iran).

This module reads tokens only; extract/requested_acts.py and extract/patterns.py turn them into
actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.data_tables import load_word_table
from extract.verb_forms import is_passive

_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})


class PatientActsError(ValueError):
    """patient_acts.toml is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class PatientActs:
    """What patient_acts.toml says (see its comments)."""

    acts: frozenset[str] = frozenset()
    possessor_never_agent: frozenset[str] = frozenset()
    from_holder: frozenset[str] = frozenset()
    ending_custody: frozenset[str] = frozenset()
    sender_acts: frozenset[str] = frozenset()
    state_acts: frozenset[str] = frozenset()
    holding_verbs: frozenset[str] = frozenset()
    custody_nouns: frozenset[str] = frozenset()
    holding_codes: frozenset[str] = frozenset()
    releasing_verbs: frozenset[str] = frozenset()

    def is_patient_act(self, noun: Token) -> bool:
        """A noun of an act done to a person or body."""
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in self.acts


def load_patient_acts(path: Path, codes: frozenset[str]) -> PatientActs:
    """Read patient_acts.toml; ``codes`` are the valid CAMEO codes. A malformed entry raises a
    ``PatientActsError`` naming the file and the entry."""
    file = load_word_table(path, PatientActsError)
    nouns, holding = file.table("nouns"), file.table("holding")
    acts = nouns("acts")
    subsets = {key: nouns(key)
               for key in ("possessor_never_agent", "from_holder", "ending_custody", "sender_acts", "state_acts")}
    for key, words in subsets.items():
        if not words <= acts:
            raise PatientActsError(f"{path}: nouns.{key} lists words not in nouns.acts: {sorted(words - acts)}")
    holding_codes = holding("codes")
    if not holding_codes <= codes:
        raise PatientActsError(f"{path}: holding.codes names unknown CAMEO codes {sorted(holding_codes - codes)}")
    return PatientActs(
        acts, subsets["possessor_never_agent"], subsets["from_holder"], subsets["ending_custody"],
        subsets["sender_acts"], subsets["state_acts"], holding("verbs"), holding("custody_nouns"), holding_codes,
        holding("releasing_verbs"),
    )


@dataclass(frozen=True)
class ActRoles:
    """Tokens naming an act's patients, its doers, and the places whose state does it or holds its
    patient (the caller turns a place into the state containing it)."""

    patients: tuple[Token, ...] = ()
    doers: tuple[Token, ...] = ()
    places: tuple[Token, ...] = ()


def _pobjs(token: Token, preps: tuple[str, ...]) -> list[Token]:
    return [g for c in children_of(token) if c.dep_ in ("prep", "agent") and c.lower_ in preps
            for g in children_of(c) if g.dep_ == "pobj"]


def _qualifiers(token: Token) -> list[Token]:
    """A possessor and the modifiers before a noun that may name an actor ("Russia's", "Chinese")."""
    return [c for c in children_of(token) if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < token.i]


def possessor_is_agent(noun: Token, words: PatientActs) -> bool:
    """Whether the possessor or a demonym on a noun names its doer: for a noun of an act done to
    someone only beside an "of" object naming the patient; for any other noun always."""
    if not words.is_patient_act(noun):
        return True
    return noun.lemma_.lower() not in words.possessor_never_agent and bool(_pobjs(noun, ("of",)))


def act_roles(noun: Token, words: PatientActs) -> ActRoles:
    """The patients, doers and doing places of a noun of an act done to someone (empty roles for
    any other noun)."""
    if not words.is_patient_act(noun):
        return ActRoles()
    lemma = noun.lemma_.lower()
    objects = _pobjs(noun, ("of",))
    qualifiers = _qualifiers(noun)
    agent_qualified = possessor_is_agent(noun, words)
    patients = objects if agent_qualified else [*qualifiers, *objects]
    # the parser may hang the noun's "by" or "from" phrase on its patient, or "by" on the active verb
    # whose object the noun is ("protested the detention of X by Y"): an active verb takes no agent
    doers = [d for holder in (noun, *objects, *_active_governor(noun)) for d in _pobjs(holder, ("by",))]
    if agent_qualified:
        doers += qualifiers
    if lemma in words.from_holder:
        doers += [d for holder in (noun, *objects) for d in _pobjs(holder, ("from",))]
    places: list[Token] = []
    for patient in (noun, *patients):
        held = holder_roles(patient, words)
        doers += held.doers
        places += held.places
    if lemma in words.state_acts:
        places += [p for holder in (noun, *patients) for p in _pobjs(holder, ("in",))
                   if p.lemma_.lower() not in words.custody_nouns]
    return ActRoles(tuple(patients), tuple(dict.fromkeys(doers)), tuple(dict.fromkeys(places)))


def _active_governor(noun: Token) -> list[Token]:
    """The active verb whose direct object the noun is, if any."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return []
    return [] if is_passive(verb) else [verb]


def holder_roles(noun: Token, words: PatientActs) -> ActRoles:
    """Who holds what a noun names, as its own clauses and phrases say: the agent of a holding
    participle or relative clause on it ("detained by China", "whom Iran detained"), the qualifier
    of a custody noun ("held in Iranian custody", "in Russian custody"), and the place a holding
    participle puts it in ("jailed in Russia")."""
    doers: list[Token] = []
    places: list[Token] = []
    holders = [noun]
    for clause in children_of(noun):
        participle = clause.dep_ == "acl" and clause.tag_ == "VBN"
        relative = clause.dep_ == "relcl"
        if not (participle or relative) or clause.lemma_.lower() not in words.holding_verbs:
            continue
        holders.append(clause)
        if participle:
            doers += _pobjs(clause, ("by",))
            places += [p for p in _pobjs(clause, ("in",)) if p.lemma_.lower() not in words.custody_nouns]
        else:
            doers += [c for c in children_of(clause) if c.dep_ == "nsubj" and c.lower_ not in _RELATIVE_WORDS]
    for holder in holders:
        for custody in _pobjs(holder, ("in",)):
            if custody.lemma_.lower() in words.custody_nouns:
                doers += _qualifiers(custody)
    return ActRoles((), tuple(doers), tuple(places))
