"""Valence by English negating affixes for words no polarity lexicon rates (polarity_morphology.toml):
"unwise", "disloyal", "untrustworthy" are clearly negative because "wise", "loyal", "trustworthy"
are clearly positive. A fault denied ("unprovoked", "harmless") gets no valence: unclear."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


class PolarityMorphologyError(ValueError):
    """polarity_morphology.toml is malformed; the message names the file and the key."""


@dataclass(frozen=True)
class NegatingAffixes:
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    min_base_length: int
    exceptions: frozenset[str]

    def bases(self, word: str) -> list[str]:
        """The words ``word`` negates by one of the affixes ("unwise" -> ["wise"]), longest affix
        first; none for an exception or a base shorter than ``min_base_length``."""
        if word in self.exceptions:
            return []
        found = [word[len(p):] for p in sorted(self.prefixes, key=len, reverse=True) if word.startswith(p)]
        found += [word[:-len(s)] for s in sorted(self.suffixes, key=len, reverse=True) if word.endswith(s)]
        return [base for base in found if len(base) >= self.min_base_length]


#: No affixes: every unrated word stays unrated.
NO_AFFIXES = NegatingAffixes((), (), 1, frozenset())


def negated_valence(word: str, valences: Mapping[str, float], affixes: NegatingAffixes,
                    clear: float) -> float | None:
    """The valence of an unrated word that negates a clearly positive rated base: minus the base's;
    None when the word is rated itself, negates no rated base or a base not clearly positive."""
    if word in valences:
        return None
    for base in affixes.bases(word):
        rating = valences.get(base)
        if rating is not None:
            return -rating if rating >= clear else None
    return None


def load_negating_affixes(path: Path) -> NegatingAffixes:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)

    def words(key: str) -> list[str]:
        value = raw.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w.isalpha() and w.islower() for w in value):
            raise PolarityMorphologyError(f"{path}: {key} must be a list of lower-case words, got {value!r}")
        return list(value)

    length = raw.get("min_base_length")
    if not isinstance(length, int) or length < 1:
        raise PolarityMorphologyError(f"{path}: min_base_length must be a positive whole number, got {length!r}")
    return NegatingAffixes(tuple(words("prefixes")), tuple(words("suffixes")), length, frozenset(words("exceptions")))
