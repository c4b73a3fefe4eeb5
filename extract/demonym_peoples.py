"""Plural demonyms that name a people, not its state.

A demonym used as a plural noun without "the" counts people of a state ("thousands of
Venezuelans marched", "two Canadians were detained", "Iraqis voted"): they are its civilians (CVL),
not its government. With "the" ("the Russians rejected the offer") news English uses it for the
state's side in a dealing, and so it does for a pair of sides ("Israelis and Palestinians resumed
talks"): those readings stay the state's.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Doc

from extract.block_index import block_words, children_of, conjuncts_of
from extract.gazetteer import Gazetteer, Role
from extract.mentions import Mention, MentionKind, mention_root
from extract.role_mentions import group_actor
from graph.model import ActorType

#: The role a people of a state takes (roles.tsv: "civilians").
PEOPLE = Role("civilians", "GROUP", "CVL", "civilians")
#: Arcs of a word that qualifies another noun ("Venezuelan opposition", "Iraqis' anger"): not a people then.
_QUALIFIER_ARCS = frozenset({"amod", "compound", "nmod", "poss"})
_PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})


def with_peoples(doc: Doc, mentions: Iterable[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` with each plural demonym that counts people made a mention of the state's civilians."""
    found = list(mentions)
    demonyms = {i for m in found if m.kind is MentionKind.DEMONYM for i in range(m.start, m.end)}
    return [_as_people(m, gazetteer) if names_a_people(doc, m, demonyms) else m for m in found]


def names_a_people(doc: Doc, mention: Mention, demonyms: Collection[int]) -> bool:
    """Whether a demonym mention is a plural noun without "the" that qualifies nothing and is not
    one of a pair of sides (``demonyms``: the tokens of the block's demonym mentions)."""
    if mention.kind is not MentionKind.DEMONYM or mention.actor.type is not ActorType.COUNTRY:
        return False
    root = mention_root(doc, mention)
    if root.tag_ not in _PLURAL_NOUN_TAGS or root.dep_ in _QUALIFIER_ARCS:
        return False
    words = block_words(doc)
    if mention.end < len(words) and words[mention.end].pos_ in ("NOUN", "PROPN"):
        return False  # "Venezuelans" before a noun still qualifies it
    if any(child.dep_ == "det" and child.lower_ == "the" for child in children_of(root)):
        return False
    return not any(other.i in demonyms for other in conjuncts_of(root))


def _as_people(mention: Mention, gazetteer: Gazetteer) -> Mention:
    country = mention.actor.country
    if country is None or country not in gazetteer.countries:
        return mention
    return Mention(mention.start, mention.end, group_actor(gazetteer, country, PEOPLE), MentionKind.GROUP)
