""""its" in the object of a harming act is not the act's own doer.

A rule of English meaning: a state does not attack, shell, seize or ram what is its own, so a
possessive "its" in the object of such a verb ("Ukraine said Russia had struck its power grid",
"Moscow accused Kyiv of shelling its border region") belongs to the other party named before it in
the sentence, the speaker or accuser, not to the act's doer named last. With exactly one other
state or organisation named before, that one is the referent; with none or several the pronoun is
left unresolved rather than guessed. Likewise a state does not violate, breach or enter its own
airspace, waters or territory ("Poland said Russia had violated its airspace"), nor expel its own
envoys ("Bogota said Managua had expelled its ambassador": a state recalls its own). "its own", and
nouns that name a relation to the possessor ("its neighbour", "its ally"), keep the doer. The words
are lexicon data (``harming_verbs``, ``intruding_verbs``, ``sovereign_space_nouns``,
``expelling_envoy_verbs``, ``envoy_nouns``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from extract.block_index import children_of
from extract.mentions import Mention
from extract.ontology import Lexicon
from graph.model import Actor

#: Arcs from a noun up to the verb whose object phrase holds it: the object itself, or a noun it
#: modifies through a preposition ("the roof of its embassy") or compound.
_OBJECT_ARCS = frozenset({"dobj", "nsubjpass", "pobj", "prep", "compound"})
_LONGEST_PATH = 4
#: Prepositions after a verb that name what the act is aimed at ("fired at its towns").
_TARGET_PREPS = frozenset({"at", "on", "against", "into"})


@dataclass(frozen=True)
class BindingWords:
    """The lexicon's words for the rule (lexicon.toml): verbs of harming, verbs of intruding with the
    nouns of a state's own space they intrude on, verbs of expelling with the envoy nouns they
    expel, and nouns of a relation to the possessor."""

    harming_verbs: frozenset[str] = frozenset()
    intruding_verbs: frozenset[str] = frozenset()
    sovereign_space_nouns: frozenset[str] = frozenset()
    relational_nouns: frozenset[str] = frozenset()
    expelling_verbs: frozenset[str] = frozenset()
    envoy_nouns: frozenset[str] = frozenset()

    @staticmethod
    def of(lexicon: Lexicon) -> BindingWords:
        return BindingWords(lexicon.harming_verbs, lexicon.intruding_verbs, lexicon.sovereign_space_nouns,
                            lexicon.relational_state_nouns, lexicon.expelling_envoy_verbs, lexicon.envoy_nouns)

    def binds_elsewhere(self, verb: str, noun: str) -> bool:
        """Whether a state never does ``verb`` to a ``noun`` of its own (lemmas): harming anything,
        intruding on its own space, expelling its own envoy."""
        return (verb in self.harming_verbs
                or (verb in self.intruding_verbs and noun in self.sovereign_space_nouns)
                or (verb in self.expelling_verbs and noun in self.envoy_nouns))


def harmed_verb(pronoun: Token, words: BindingWords) -> Token | None:
    """The harming verb whose object phrase ``pronoun`` ("its") is a possessor in, the intruding
    verb whose object is a space "its" owns ("violated its airspace"), or the expelling verb whose
    object is an envoy of "its" ("expelled its ambassador"); None when it is not a possessor, "its
    own", a relational noun, or no such verb above it."""
    noun = pronoun.head
    if pronoun.dep_ != "poss" or noun.lemma_.lower() in words.relational_nouns:
        return None
    if any(c.lower_ == "own" for c in children_of(noun)):
        return None
    node, steps = noun, 0
    while node.dep_ in _OBJECT_ARCS and steps < _LONGEST_PATH:
        if node.dep_ == "prep" and node.head.pos_ == "VERB" and node.lower_ not in _TARGET_PREPS:
            return None  # an adjunct of the verb ("with its artillery"), not what it is done to
        node, steps = node.head, steps + 1
        if node.pos_ == "VERB":
            return node if words.binds_elsewhere(node.lemma_.lower(), noun.lemma_.lower()) else None
    return None


def may_be_doer(verb: Token, body: Actor, by_token: Mapping[int, Mention]) -> bool:
    """Whether ``body`` may be the doer of ``verb``: its named subject, or that of the verb it is
    coordinated with ("the U.S. sanctioned Russia and expelled its diplomats"), or the verb has no
    named subject ("accused Kyiv of shelling ...": the subject is implicit)."""
    holder = verb
    while holder.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in children_of(holder)):
        holder = holder.head
    subjects = [m for c in children_of(holder) if c.dep_ == "nsubj" and (m := by_token.get(c.i)) is not None]
    return not subjects or any(m.actor.id == body.id for m in subjects)


def other_party(doer: Actor, named_before: Sequence[Actor]) -> Actor | None:
    """The one state or organisation named before other than the doer, or None (none, or several)."""
    others = {actor.id: actor for actor in named_before if actor.id != doer.id}
    return next(iter(others.values())) if len(others) == 1 else None
