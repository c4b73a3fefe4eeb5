"""Who acts in an event named by a noun, and at whom, when the noun's own phrase says so.

Rules of English for a noun event ("aid", "an apology", "loans", "a rebuke"):

- a past participle on the noun gives its agent in the "by" phrase: "aid offered by Japan",
  "loans provided by China" (the noun is the participle's object);
- a relative clause whose object the noun is gives its agent as the clause's subject: "the loans
  that China offered", "the aid Germany sent";
  in both, the clause's verb must be one that passes its subject to its object's event (a light
  verb: offer, provide, send, impose ...), and its prepositions may name the target ("aid offered
  by Japan to Peru"), even when the parser hangs them on the agent ("sanctions imposed by the EU
  on Belarus": no agent but an envoy takes such a phrase of its own);
- a clause of receiving on the noun turns this round: "the aid received by Peru", "the aid that
  Peru received from Japan" (the clause's subject or "by" phrase receives, its "from" phrase gives);
- a noun of speaking, judging or giving (CAMEO roots listed in light_verbs.toml) takes its agent
  from a "from" phrase: "a rebuke from China", "an apology from Tokyo", "aid from Japan";
- a noun that is the object of a verb of receiving or refusing ("Seoul received an apology from
  Tokyo", "Peru rejected aid offered by Japan") is aimed at that verb's subject, and the verb's
  "from" phrase gives its agent.

This module reads tokens only; extract/patterns.py turns the tokens into actors.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from extract.block_index import children_of
from extract.light_verbs import Receiving
from extract.ontology import Lexicon

_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "where", "when", "why"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class NounRoles:
    """Argument tokens for a noun event's agent and target found in or around its phrase, and the
    verb of receiving whose subject the event is aimed at (its subject is found by the caller)."""

    agents: tuple[Token, ...] = ()
    targets: tuple[Token, ...] = ()
    receiver_verb: Token | None = None
    #: how the agent was found: "participle", "relative", "from", "receiving" (or "" for none)
    source: str = ""


def is_receiving(verb: Token, receiving: Receiving) -> bool:
    """A verb of receiving or refusing (light_verbs.toml ``receiving.verbs``) with its particles."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    words = {c.lower_ for c in children_of(verb) if c.dep_ in ("prt", "advmod", "prep")}
    return any(set(particles) <= words for particles in receiving.particles_of(verb.lemma_.lower()))


def _pobjs(token: Token, prep: str) -> list[Token]:
    return [g for c in children_of(token) if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep
            for g in children_of(c) if g.dep_ == "pobj"]


def agent_held_targets(agents: Iterable[Token], preps: Iterable[str], envoy_nouns: Collection[str]) -> list[Token]:
    """Objects of an act's target prepositions that the parser hung on its "by" agent ("the visit by
    China's foreign minister [to Nepal]", "sanctions imposed by the EU [on Belarus]"): an agent
    takes no such phrase of its own, save an envoy's posting ("the ambassador to Nepal")."""
    return [t for agent in agents if agent.lemma_.lower() not in envoy_nouns
            for prep in preps for t in _pobjs(agent, prep)]


def _is_gap_object(clause: Token) -> bool:
    """The relative clause's object is the noun it modifies: it has a subject of its own and no
    direct object but a relative pronoun ("the aid that Germany sent", "the loans China offered")."""
    subjects = [c for c in children_of(clause) if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in _RELATIVE_WORDS:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in _RELATIVE_WORDS for c in children_of(clause)):
        return False  # "the summit where X met Y"
    objects = [c for c in children_of(clause) if c.dep_ == "dobj"]
    return all(o.lower_ in _RELATIVE_WORDS for o in objects)


def clause_roles(noun: Token, lexicon: Lexicon, receiving: Receiving, target_preps: tuple[str, ...]) -> NounRoles:
    """Agent and target named in a participle or relative clause on the noun, if one names them."""
    for clause in children_of(noun):
        participle = clause.dep_ == "acl" and clause.tag_ == "VBN"
        relative = clause.dep_ == "relcl" and _is_gap_object(clause)
        if not (participle or relative):
            continue
        lemma = clause.lemma_.lower()
        named = _pobjs(clause, "by") if participle else [c for c in children_of(clause) if c.dep_ == "nsubj"]
        if is_receiving(clause, receiving):
            givers = _pobjs(clause, "from")
            if givers:
                return NounRoles(tuple(givers), tuple(named), None, "receiving")
            continue
        if named and lemma in lexicon.light_verbs and lemma not in lexicon.opposing_verbs:
            targets = [t for p in target_preps for t in _pobjs(clause, p)]
            if participle and not targets:
                targets = agent_held_targets(named, target_preps, lexicon.envoy_nouns)
            return NounRoles(tuple(named), tuple(targets), None, "participle" if participle else "relative")
    return NounRoles()


def governing_verb(noun: Token) -> Token | None:
    """The verb whose direct object (or passive subject) the noun is, directly or as the noun of an
    amount ("rejected $40 million in aid", "received a total of $2 billion of loans")."""
    node = noun
    for _ in range(3):
        if node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ in ("VERB", "AUX"):
            return node.head
        head = node.head
        if node.dep_ == "pobj" and head.lower_ in ("in", "of") and head.head.pos_ in ("NUM", "NOUN"):
            holder = head.head
            if holder.pos_ == "NUM" or holder.lemma_.lower() in ("total", "sum", "amount"):
                node = holder
                continue
        return None
    return None


def noun_roles(noun: Token, lexicon: Lexicon, receiving: Receiving, root: str,
               target_preps: tuple[str, ...]) -> NounRoles:
    """The roles the noun's phrase names (see the module's rules); ``root`` is the CAMEO root of the
    noun's relation, which decides whether a "from" phrase names the agent."""
    roles = clause_roles(noun, lexicon, receiving, target_preps)
    verb = governing_verb(noun)
    receiver = verb if verb is not None and is_receiving(verb, receiving) and noun.dep_ != "nsubjpass" else None
    if roles.agents:
        return NounRoles(roles.agents, roles.targets, receiver, roles.source)
    if root not in receiving.from_agent_roots:
        return NounRoles((), (), receiver, "")
    givers = _pobjs(noun, "from")
    if not givers and receiver is not None:
        givers = _pobjs(receiver, "from")
    return NounRoles(tuple(givers), (), receiver, "from" if givers else "")
