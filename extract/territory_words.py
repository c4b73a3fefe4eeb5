"""The words of taking territory (territory.toml) and their loader; the rules are in extract/territory.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from extract.data_tables import load_word_table


class TerritoryWordsError(ValueError):
    """territory.toml is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class TerritoryWords:
    """Verbs of taking a place, and the nouns that name territory and military positions."""

    taking_verbs: frozenset[str]
    #: the nouns of taking ("the capture of X")
    taking_nouns: frozenset[str]
    control_verbs: frozenset[str]
    control_nouns: frozenset[str]
    control_prepositions: frozenset[str]
    taking_particles: frozenset[str]
    #: verbs that, with a direction ("took X off the list"), move something instead of taking it
    directional_verbs: frozenset[str]
    directional_particles: frozenset[str]
    #: past forms the parser leaves unlemmatised ("retook") -> lemma
    verb_forms: Mapping[str, str]
    settlement_nouns: frozenset[str]
    position_nouns: frozenset[str]
    position_taking_verbs: frozenset[str]
    locating_prepositions: frozenset[str]
    source_prepositions: frozenset[str]
    #: sectors whose taking of a place is no use of force (business: a purchase, a lease)
    civilian_taker_sectors: frozenset[str]

    def lemma(self, form: str, lemma: str) -> str:
        """The lemma of a verb form, mending the parser's unlemmatised past forms."""
        return self.verb_forms.get(form.lower(), self.verb_forms.get(lemma.lower(), lemma.lower()))

    def is_territory(self, noun_lemma: str, verb_lemma: str | None = None) -> bool:
        """A noun naming territory: a settlement noun, or a position noun (for ``verb_lemma``, only
        if that verb takes positions)."""
        if noun_lemma in self.settlement_nouns:
            return True
        return noun_lemma in self.position_nouns and (verb_lemma is None or verb_lemma in self.position_taking_verbs)


def load_territory_words(path: Path) -> TerritoryWords:
    """Read territory.toml; a missing or malformed entry raises a ``TerritoryWordsError`` naming it."""
    words = load_word_table(path, TerritoryWordsError)
    nouns, forms = words.table("nouns"), words.table("verb_forms").entries
    if not all(isinstance(lemma, str) and lemma for lemma in forms.values()):
        raise TerritoryWordsError(f"{path}: verb_forms must map forms to lemmas, got {dict(forms)!r}")
    taking = words("taking_verbs")
    position_taking = words("position_taking_verbs")
    if not position_taking <= taking:
        raise TerritoryWordsError(f"{path}: position_taking_verbs {sorted(position_taking - taking)} "
                                  "are not taking_verbs")
    return TerritoryWords(
        taking_verbs=taking,
        taking_nouns=words("taking_nouns"),
        control_verbs=words("control_verbs"),
        control_nouns=words("control_nouns"),
        control_prepositions=words("control_prepositions"),
        taking_particles=words("taking_particles"),
        directional_verbs=words("directional_verbs"),
        directional_particles=words("directional_particles"),
        verb_forms={str(form).lower(): str(lemma).lower() for form, lemma in forms.items()},
        settlement_nouns=nouns("settlement"),
        position_nouns=nouns("position"),
        position_taking_verbs=position_taking,
        locating_prepositions=words("locating_prepositions"),
        source_prepositions=words("source_prepositions"),
        civilian_taker_sectors=frozenset(w.upper() for w in words("civilian_taker_sectors")),
    )
