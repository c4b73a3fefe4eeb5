"""The words of addressed requests and threatened force (addressed_requests.toml) and
their loader; the rules are in extract/addressed_requests.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from extract.data_tables import load_word_table


class AddressedRequestsError(ValueError):
    """addressed_requests.toml is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class AddressedRequestWords:
    """What addressed_requests.toml says (see its comments)."""

    appeal_words: frozenset[str] = frozenset()
    demand_words: frozenset[str] = frozenset()
    asserting_words: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str] = frozenset()
    #: threatened act noun -> CAMEO code of the threat
    act_codes: Mapping[str, str] = field(default_factory=dict)
    needs_modifier: frozenset[str] = frozenset()
    military_modifiers: frozenset[str] = frozenset()
    carrying_verbs: frozenset[str] = frozenset()
    prospect_nouns: frozenset[str] = frozenset()
    raising_verbs: frozenset[str] = frozenset()
    target_prepositions: frozenset[str] = frozenset()
    answering_verbs: frozenset[str] = frozenset()
    conduct_nouns: frozenset[str] = frozenset()
    held_predicates: frozenset[str] = frozenset()
    retaliation_verbs: frozenset[str] = frozenset()
    back_verbs: frozenset[str] = frozenset()
    response_verbs: frozenset[str] = frozenset()
    firm_adverbs: frozenset[str] = frozenset()
    response_nouns: frozenset[str] = frozenset()
    retaliation_nouns: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    retaliatory_modifiers: frozenset[str] = frozenset()
    harm_verbs: frozenset[str] = frozenset()
    relation_consequence_verbs: frozenset[str] = frozenset()
    relation_nouns: frozenset[str] = frozenset()


def _code(path: Path, key: str, value: object) -> str:
    if not (isinstance(value, str) and value.isdigit() and 2 <= len(value) <= 4):
        raise AddressedRequestsError(f"{path}: {key} must be a CAMEO code, got {value!r}")
    return value


def load_addressed_request_words(path: Path) -> AddressedRequestWords:
    """Read addressed_requests.toml; a malformed entry raises an ``AddressedRequestsError`` naming it."""
    words = load_word_table(path, AddressedRequestsError)
    acts = words.table("threatened_acts")
    idioms = words.table("consequence_idioms")
    retaliation = words.table("conditional_retaliation")
    harmed = words.table("harmed_relations")
    codes = acts.table("codes").entries
    return AddressedRequestWords(
        appeal_words=words("appeal_words"),
        demand_words=words("demand_words"),
        asserting_words=words("asserting_words"),
        issuing_verbs=words("issuing_verbs"),
        act_codes={word.lower(): _code(path, f"threatened_acts.codes.{word}", code) for word, code in codes.items()},
        needs_modifier=acts("needs_modifier"),
        military_modifiers=acts("military_modifiers"),
        carrying_verbs=acts("carrying_verbs"),
        prospect_nouns=acts("prospect_nouns"),
        raising_verbs=acts("raising_verbs"),
        target_prepositions=acts("target_prepositions"),
        answering_verbs=idioms("answering_verbs"),
        conduct_nouns=idioms("conduct_nouns"),
        held_predicates=idioms("held_predicates"),
        retaliation_verbs=retaliation("retaliation_verbs"),
        back_verbs=retaliation("back_verbs"),
        response_verbs=retaliation("response_verbs"),
        firm_adverbs=retaliation("firm_adverbs"),
        response_nouns=retaliation("response_nouns"),
        retaliation_nouns=retaliation("retaliation_nouns"),
        measure_nouns=retaliation("measure_nouns"),
        retaliatory_modifiers=retaliation("retaliatory_modifiers"),
        harm_verbs=harmed("harm_verbs"),
        relation_consequence_verbs=harmed("consequence_verbs"),
        relation_nouns=harmed("relation_nouns"),
    )
