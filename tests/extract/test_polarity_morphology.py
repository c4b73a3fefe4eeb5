"""Negating affixes for words no polarity lexicon rates (extract/polarity_morphology.py,
polarity_morphology.toml; naming sentences written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.evaluative import CLEAR_VALENCE
from extract.ontology import DATA_DIR
from extract.pipeline import Extractor
from extract.polarity_morphology import (
    NegatingAffixes,
    PolarityMorphologyError,
    load_negating_affixes,
    negated_valence,
)
from graph.model import Article

AFFIXES = NegatingAffixes(("un", "dis", "in"), ("less",), 4, frozenset({"invaluable"}))
VALENCES = {"wise": 2.1, "loyal": 2.1, "valuable": 2.1, "harm": -2.5, "fair": 1.3, "unfair": -2.1, "hope": 1.9}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("unwise", -2.1),      # a merit denied is a fault
        ("disloyal", -2.1),
        ("hopeless", -1.9),    # by the suffix
        ("harmless", None),    # a fault denied praises no one
        ("unfair", None),      # rated itself: the lexicon's rating is read, not this rule
        ("unfairer", None),    # no rated base
        ("invaluable", None),  # an English exception: in- intensifies
        ("unfit", None),       # the base "fit" is shorter than 4 letters
    ],
)
def test_negated_valence(word: str, expected: float | None) -> None:
    assert negated_valence(word, VALENCES, AFFIXES, CLEAR_VALENCE) == expected


def test_a_weakly_rated_base_gives_no_valence() -> None:
    assert negated_valence("unfairest", {"fairest": 1.3}, AFFIXES, CLEAR_VALENCE) is None


def test_shipped_affixes_load() -> None:
    affixes = load_negating_affixes(DATA_DIR / "polarity_morphology.toml")
    assert {"un", "dis", "il", "ir", "im", "in"} <= set(affixes.prefixes) and "non" not in affixes.prefixes
    assert affixes.bases("untrustworthy") == ["trustworthy"]
    assert affixes.bases("invaluable") == []


def test_a_malformed_file_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "polarity_morphology.toml"
    path.write_text('prefixes = ["un", 3]\nsuffixes = []\nmin_base_length = 4\nexceptions = []\n', encoding="utf-8")
    with pytest.raises(PolarityMorphologyError, match=r"polarity_morphology.toml: prefixes must be a list"):
        load_negating_affixes(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China described the Japanese move as unwise.", ("country:CHN", "CRITICIZE", "111", "country:JPN")),
        ("Venezuela called Colombia a disloyal neighbour.", ("country:VEN", "CRITICIZE", "111", "country:COL")),
        ("Laos described Thailand as an untruthful neighbour.", ("country:LAO", "CRITICIZE", "111", "country:THA")),
        # a fault denied: a statement that judges neither way, which is no event (extract/bare_statements.py)
        ("Mali described the Algerian operation as unprovoked.", None),
        ("Fiji described Tonga as a harmless neighbour.", None),
        # an exception: no criticism (and a statement that judges neither way)
        ("Oman described Qatar as an invaluable mediator.", None),
    ],
)
def test_naming_with_negated_predicates(extractor: Extractor, text: str,
                                        expected: tuple[str, str, str, str] | None) -> None:
    extraction = extractor.extract(Article("test", text, None, "2024-03-05"))
    found = {(e.subject.id, e.relation.name, dict(e.attributes).get("cameo", e.relation.cameo), e.object.id)
             for e in extraction.events}
    assert found == ({expected} if expected else set())
