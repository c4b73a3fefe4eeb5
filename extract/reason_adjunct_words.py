"""The words of reason adjuncts (reason_adjuncts.toml) and their loader; the rule is in
extract/reason_adjuncts.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extract.data_tables import load_word_table


class ReasonAdjunctsError(ValueError):
    """reason_adjuncts.toml is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class ReasonAdjuncts:
    """What reason_adjuncts.toml says (see its comments)."""

    participles: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    reason_nouns: frozenset[str] = frozenset()
    matter_prepositions: frozenset[str] = frozenset()


def load_reason_adjuncts(path: Path) -> ReasonAdjuncts:
    """Read reason_adjuncts.toml; a malformed entry raises a ``ReasonAdjunctsError`` naming it."""
    words = load_word_table(path, ReasonAdjunctsError)
    return ReasonAdjuncts(words("participles"), words("prepositions"), words("reason_nouns"),
                          words("matter_prepositions"))
