"""A joint verb's object that is a third thing: coordinated subjects act on it, not with each other.

The rule of English: "Chile and Peru agreed", "signed a deal" or "held talks" pairs the two subjects
with each other, because the verb's object (if any) is their joint act or its product. An object that
names a body ("Mexico and Uruguay did not join the group", "joined the alliance"), or that belongs to
another party ("the group's statement was signed by Brazil and Peru", "backed Egypt's proposal"), is a
third thing each subject acts on by itself: the subjects are on one side of it, not partners of an
act between them. A possessor pronoun ("signed their joint statement") is the subjects' own and
leaves them partners. The body nouns are the lexicon's organisation description nouns ("alliance",
"bloc", "group") and scoped ones ("body").
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of
from extract.ontology import Lexicon

#: Arcs of the thing a verb acts on: its direct object, or the subject of its passive.
_ACTED_ON_ARCS = frozenset({"dobj", "nsubjpass"})


def acts_on_third_thing(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether a verb trigger's object (or passive subject) is a body or another party's thing."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    return any(_is_third_thing(child, lexicon) for child in children_of(trigger) if child.dep_ in _ACTED_ON_ARCS)


def _is_third_thing(noun: Token, lexicon: Lexicon) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in lexicon.organisation_description_nouns or lemma in lexicon.scoped_organisation_nouns:
        return True
    return any(child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN") for child in children_of(noun))
