"""Where a coordinated noun begins a clause of its own.

A finite verb needs a subject. When the parser hangs a noun on an argument as a conjunct
("Spain expelled two Russian diplomats and Ireland [did the same]") but the noun stands right
before a finite verb that has no subject, the noun is that verb's subject: it opens a clause
coordinated with the first, and is no part of the first clause's argument.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of

#: Tags of finite verb forms (past, present, modal): a verb of these forms has a subject of its own.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT_ARCS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def opens_own_clause(conjunct: Token) -> bool:
    """The conjunct is the subject of the subjectless finite verb right after it (see module doc)."""
    if conjunct.dep_ != "conj" or conjunct.pos_ not in ("PROPN", "NOUN", "PRON"):
        return False
    after = conjunct.right_edge.i + 1
    if after >= len(conjunct.doc):
        return False
    verb = conjunct.doc[after]
    if verb.tag_ not in _FINITE_TAGS or verb.pos_ not in ("VERB", "AUX"):
        return False
    clause = verb.head if verb.dep_ in ("aux", "auxpass") else verb  # "and Ireland will do the same"
    return not any(child.dep_ in _SUBJECT_ARCS for child in children_of(clause))
