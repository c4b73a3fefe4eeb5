"""Amounts that count goods: "$2 billion in aid", "500 million euros worth of weapons".

A rule of English: an amount's "in" phrase, or its "worth of" phrase, names the goods it counts, so
a verb whose direct object is such an amount ("pledged $2 billion in aid", "suspended $100 million
in aid to X") hands over or holds back those goods, as it does when the goods are its object. The
parser hangs the "in" phrase on the amount, or on the verb beside it ("pledged 2 billion yen [in
aid]"); both are read.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of

#: Prepositions after an amount that name what it counts: "$2 billion in aid", "$5 million worth of arms".
_COUNTED_GOODS_PREPS = frozenset({"in", "of"})


def counted_goods_verb(noun: Token) -> Token | None:
    """The verb whose direct object is an amount of ``noun`` ("pledged [$2 billion] in aid",
    "sent [500 million euros] worth of weapons", "pledged 2 billion yen in aid" with "in" hung on
    the verb): an amount's "in" or "worth of" names the goods it counts, so the goods are what
    the verb hands over or holds back. None for any other phrase."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _COUNTED_GOODS_PREPS:
        return None
    holder = prep.head
    if prep.lower_ == "of":
        if holder.lower_ != "worth":
            return None
        holder = holder.head  # "500 million euros [worth] of weapons"
    elif holder.pos_ == "VERB":  # "pledged 2 billion yen [in aid]": the amount is the verb's object
        amounts = [c for c in children_of(holder) if c.dep_ == "dobj" and _is_amount(c) and c.i < prep.i]
        return holder if amounts else None
    if holder.dep_ == "dobj" and _is_amount(holder) and holder.head.pos_ == "VERB":
        return holder.head
    return None


def amount_phrase(verb: Token) -> list[Token]:
    """The verb, its direct objects that are amounts, and their "worth": the words on which the
    parser hangs the goods' phrases and their target ("sent [500 million euros] [worth] of weapons
    [to Ukraine]"). Just the verb when it has no amount as object."""
    amounts = [c for c in children_of(verb) if c.dep_ == "dobj" and _is_amount(c)]
    return [verb, *amounts, *(c for a in amounts for c in children_of(a) if c.lower_ == "worth")]


def counted_goods(verb: Token) -> list[Token]:
    """The goods an amount that is ``verb``'s direct object counts ("suspended [$100 million] in
    [aid]", "sent 500 million euros worth of [weapons]"): the nouns ``counted_goods_verb`` reads back
    to ``verb``."""
    holders = amount_phrase(verb)
    if len(holders) == 1:
        return []
    return [g for h in holders for p in children_of(h) if p.dep_ == "prep" and p.lower_ in _COUNTED_GOODS_PREPS
            for g in children_of(p) if g.dep_ == "pobj" and counted_goods_verb(g) == verb]


#: Nouns of a round number ("billions of dollars", "millions in aid").
_NUMBER_NOUNS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})


def _is_amount(token: Token) -> bool:
    """A number ("$2 billion"), a noun counted by one ("500 million euros"), or a round number's
    noun ("billions of dollars")."""
    return (token.pos_ == "NUM" or token.like_num or token.lemma_.lower() in _NUMBER_NOUNS
            or any(c.dep_ in ("nummod", "quantmod") for c in children_of(token)))
