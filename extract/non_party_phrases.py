"""Phrases that name a place, a sponsor or a source, never a party of the clause's event.

Two rules of English and of wire form, used where word order would otherwise lend the nearest named
actor as a party (``extract.patterns.flanking_actors``):

* a place or actor before a hyphen and a locating participle ("the Vienna-based agency", "a
  Qatar-funded group") says where the noun sits or who stands behind it; it is not the noun itself;
* "according to X" names the source of a wire report ("Iran seized a tanker, according to the British
  navy"), never whom the reported event was done by or to.

The participles and the attribution prepositions are lexicon data (lexicon.toml).
"""

from __future__ import annotations

from spacy.tokens import Token

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
    """Whether a name's head word names a place, sponsor or source rather than a party (see module)."""
    return is_compound_qualifier(token, lexicon) or is_attribution_source(token, lexicon)
