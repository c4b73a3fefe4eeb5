"""The words of addressed requests and threatened force (addressed_requests.toml) and
their loader; the rules are in extract/addressed_requests.py."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from extract.data_tables import read_words


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


def _table(path: Path, raw: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise AddressedRequestsError(f"{path}: [{key}] must be a table, got {value!r}")
    return value


def _code(path: Path, key: str, value: object) -> str:
    if not (isinstance(value, str) and value.isdigit() and 2 <= len(value) <= 4):
        raise AddressedRequestsError(f"{path}: {key} must be a CAMEO code, got {value!r}")
    return value


def load_addressed_request_words(path: Path) -> AddressedRequestWords:
    """Read addressed_requests.toml; a malformed entry raises an ``AddressedRequestsError`` naming it."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)

    def words(table: Mapping[str, object], key: str) -> frozenset[str]:
        return frozenset(read_words(path, table, key, AddressedRequestsError, non_empty=True))

    acts = _table(path, raw, "threatened_acts")
    idioms = _table(path, raw, "consequence_idioms")
    retaliation = _table(path, raw, "conditional_retaliation")
    harmed = _table(path, raw, "harmed_relations")
    codes = _table(path, acts, "codes")
    return AddressedRequestWords(
        appeal_words=words(raw, "appeal_words"),
        demand_words=words(raw, "demand_words"),
        asserting_words=words(raw, "asserting_words"),
        issuing_verbs=words(raw, "issuing_verbs"),
        act_codes={word.lower(): _code(path, f"threatened_acts.codes.{word}", code) for word, code in codes.items()},
        needs_modifier=words(acts, "needs_modifier"),
        military_modifiers=words(acts, "military_modifiers"),
        carrying_verbs=words(acts, "carrying_verbs"),
        prospect_nouns=words(acts, "prospect_nouns"),
        raising_verbs=words(acts, "raising_verbs"),
        target_prepositions=words(acts, "target_prepositions"),
        answering_verbs=words(idioms, "answering_verbs"),
        conduct_nouns=words(idioms, "conduct_nouns"),
        held_predicates=words(idioms, "held_predicates"),
        retaliation_verbs=words(retaliation, "retaliation_verbs"),
        back_verbs=words(retaliation, "back_verbs"),
        response_verbs=words(retaliation, "response_verbs"),
        firm_adverbs=words(retaliation, "firm_adverbs"),
        response_nouns=words(retaliation, "response_nouns"),
        retaliation_nouns=words(retaliation, "retaliation_nouns"),
        measure_nouns=words(retaliation, "measure_nouns"),
        retaliatory_modifiers=words(retaliation, "retaliatory_modifiers"),
        harm_verbs=words(harmed, "harm_verbs"),
        relation_consequence_verbs=words(harmed, "consequence_verbs"),
        relation_nouns=words(harmed, "relation_nouns"),
    )
