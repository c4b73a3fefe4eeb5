"""Phrases that name a place, a sponsor or a source, never a party of the clause's event.

Two rules of English and of wire form, used where word order would otherwise lend the nearest named
actor as a party (``extract.patterns.flanking_actors``):

* a place or actor before a hyphen and a locating participle ("the Vienna-based agency", "a
  Qatar-funded group") says where the noun sits or who stands behind it; it is not the noun itself;
* "according to X" names the source of a wire report ("Iran seized a tanker, according to the British
  navy"), never whom the reported event was done by or to.

A third rule of English: a possessor names whose a thing is, but a plural noun of relation ("Russia's
allies", "China's neighbours") names other states by their relation to it, and a people ("Syria's
Kurds", "Myanmar's Rohingya") lives in the possessor's land without being its government; neither
possessor is the party that acts (``modifier_lends_no_party``).

The participles, the attribution prepositions and the relational nouns are lexicon data (lexicon.toml).
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of
from extract.ontology import Lexicon

#: Arcs by which a place or actor hangs on the participle of a hyphenated compound ("Vienna-based":
#: npadvmod; "Iranian-backed": amod or npadvmod; "Abu Dhabi-based": compound on the last word).
_COMPOUND_ARCS = frozenset({"npadvmod", "amod", "compound", "nmod", "advmod"})


def is_compound_qualifier(token: Token, lexicon: Lexicon) -> bool:
    """Whether ``token`` (a name's head word) is the first part of a hyphenated compound with a
    locating participle: "Vienna" in "the Vienna-based agency"."""
    head = token.head
    if token.dep_ not in _COMPOUND_ARCS or head.i != token.i + 2 or token.doc[token.i + 1].text != "-":
        return False
    return head.lower_ in lexicon.locating_participles


def is_attribution_source(token: Token, lexicon: Lexicon) -> bool:
    """Whether ``token`` sits in the object of an attribution preposition ("according to the British
    navy"): walking up the parse from it passes a preposition that, with the word before it, is one
    of the lexicon's attribution prepositions."""
    node = token
    while node.head != node:
        node = node.head
        if node.dep_ == "prep" and node.i > 0:
            phrase = f"{node.doc[node.i - 1].lower_} {node.lower_}"
            if phrase in lexicon.attribution_prepositions or node.lower_ in lexicon.attribution_prepositions:
                return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "prep":
            return False  # the clause is reached: no attribution phrase on the way
    return False


def names_no_party(token: Token, lexicon: Lexicon) -> bool:
    """Whether a name's head word names a place, sponsor or source rather than a party, or is the
    possessor of allies or of a people ("Russia's allies", "Syria's Kurds"; see module)."""
    if token.dep_ == "poss" and modifier_lends_no_party(token.head, lexicon, as_subject=True):
        return True
    return is_compound_qualifier(token, lexicon) or is_attribution_source(token, lexicon)


def modifier_lends_no_party(token: Token, lexicon: Lexicon, as_subject: bool) -> bool:
    """Whether the possessor of ``token`` (a noun that names no actor itself) must not stand for it:
    a plural noun of relation ("Russia's allies"); as a subject also a people named by a proper noun
    ("Syria's Kurds": the parser's NORP). An adjective names the allies themselves ("Western allies"),
    so only a possessor counts; an object people is left to the place rule ("shelled Syria's Kurds"
    is done in Syria)."""
    if not any(child.dep_ == "poss" for child in children_of(token)):
        return False
    if token.tag_ in ("NNS", "NNPS") and token.lemma_.lower() in lexicon.relational_state_nouns:
        return True
    return as_subject and token.pos_ == "PROPN" and token.ent_type_ == "NORP"
