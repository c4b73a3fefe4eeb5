"""What is handed over decides the CAMEO code of a transfer.

CAMEO practice (as the OEDA verb dictionary codes it): a state that sends, delivers, supplies,
ships, airlifts or donates weapons gives military aid (072), one that does so with relief goods,
food or medicine gives humanitarian aid (073), whatever verb of transfer the text uses; a sale
keeps its code (trade, 061; SELL &WEAPON is 062). Peacekeepers deployed to a state are military
protection given to it (DEPLOY PEACEKEEPERS [074]), not a show of force against it. The goods
are the transfer verb's object
("delivered tanks to Kyiv"), its "with" object ("supplied Kyiv with missiles"), the subject of its
passive ("the missiles were shipped"), the "of" object of a transfer noun ("the delivery of tanks")
or the transfer noun itself ("medical supplies"). The words are in ``material_goods.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of, conjuncts_of
from extract.data_tables import load_word_table
from extract.patterns import Candidate

#: The relations of a transfer whose code the goods decide.
TRANSFER_RELATIONS = frozenset({"SELL_TO", "AID"})
#: A deployment: peacekeepers sent are protection given (074), not a show of force.
DEPLOYMENT = "MOBILIZE"
PROTECTION_CODE = "074"
MILITARY_AID = "MILITARY_AID"
AID = "AID"
HUMANITARIAN_AID_CODE = "073"
_GOODS_OF_VERB = frozenset({"dobj", "nsubjpass"})
_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod"})  # "F-16 jets": a model name


class GoodsWordsError(ValueError):
    """A malformed ``material_goods.toml``."""


@dataclass(frozen=True)
class GoodsWords:
    """The closed classes of ``material_goods.toml`` (see the comments there)."""

    weapon_nouns: frozenset[str]
    weapon_modifiers: frozenset[str]
    relief_nouns: frozenset[str]
    relief_modifiers: frozenset[str]
    sale_words: frozenset[str]
    protection_nouns: frozenset[str]


def load_goods_words(path: Path) -> GoodsWords:
    """Read ``material_goods.toml``; a missing or malformed list raises a one-line error naming the file."""
    words = load_word_table(path, GoodsWordsError)
    return GoodsWords(words("weapon_nouns"), words("weapon_modifiers"), words("relief_nouns"),
                      words("relief_modifiers"), words("sale_words"), words("protection_nouns"))


def with_goods_code(candidate: Candidate, words: GoodsWords) -> Candidate:
    """The candidate, recoded as military or humanitarian aid when a transfer that is no sale hands
    over weapons or relief goods."""
    if candidate.drop is not None or candidate.relation not in {*TRANSFER_RELATIONS, DEPLOYMENT}:
        return candidate
    trigger = candidate.trigger
    if candidate.relation == DEPLOYMENT:
        if not any(token.lemma_.lower() in words.protection_nouns for token in goods_of(trigger)):
            return candidate
        return _as_aid(candidate, PROTECTION_CODE)
    if trigger.lemma_.lower() in words.sale_words:
        return candidate
    kinds = {goods_kind(token, words) for token in goods_of(trigger)} - {None}
    if "weapons" in kinds:
        return replace(candidate, relation=MILITARY_AID)
    if "relief" in kinds:
        return _as_aid(candidate, HUMANITARIAN_AID_CODE)
    return candidate


def _as_aid(candidate: Candidate, code: str) -> Candidate:
    coded = tuple(pair for pair in candidate.attributes if pair[0] != "cameo")
    return replace(candidate, relation=AID, attributes=(*coded, ("cameo", code)))


def goods_of(trigger: Token) -> Iterator[Token]:
    """The tokens that may name what a transfer verb or noun hands over, the stuff a quantity of it
    names, and their conjuncts."""
    found: list[Token] = []
    if trigger.pos_ in ("NOUN", "PROPN"):
        found.append(trigger)
    for child in children_of(trigger):
        if child.dep_ in _GOODS_OF_VERB and trigger.pos_ in ("VERB", "AUX"):
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("with", "of"):
            found.extend(grand for grand in children_of(child) if grand.dep_ == "pobj")
    for token in (*found, *(part for noun in found for part in _stuff_of(noun))):
        yield token
        yield from conjuncts_of(token)


def _stuff_of(quantity: Token) -> Iterator[Token]:
    """The "of" object of a noun of quantity or container ("20 tonnes of relief material"): the stuff."""
    for child in children_of(quantity):
        if child.dep_ == "prep" and child.lower_ == "of":
            yield from (grand for grand in children_of(child) if grand.dep_ == "pobj")


def goods_kind(token: Token, words: GoodsWords) -> str | None:
    """"weapons", "relief" or None: the class of goods a noun names, by its head or a modifier."""
    modifiers = {child.lemma_.lower() for child in children_of(token) if child.dep_ in _MODIFIERS}
    lemma = token.lemma_.lower()
    if lemma in words.weapon_nouns or modifiers & words.weapon_modifiers:
        return "weapons"
    if lemma in words.relief_nouns or modifiers & words.relief_modifiers:
        return "relief"
    return None
