"""The second polarity lexicon (evaluative_words_pattern.tsv, Pattern's) read only for words VADER
does not rate (extract/evaluative.py with_fallback; naming sentences written here)."""

from __future__ import annotations

import pytest

from extract.evaluative import CLEAR_VALENCE, EvaluativeWords, load_evaluative_words, with_fallback
from extract.ontology import DATA_DIR
from extract.pipeline import Extractor
from graph.model import Article


def test_primary_rating_wins_and_fallback_fills_unrated_words() -> None:
    merged = with_fallback(EvaluativeWords({"bad": -2.5, "fine": 0.8}), EvaluativeWords({"bad": 1.0, "gruff": -2.0}))
    assert merged.valences == {"bad": -2.5, "fine": 0.8, "gruff": -2.0}


def test_shipped_fallback_rates_only_words_clearly_enough_to_judge_and_never_overrides_vader() -> None:
    vader = load_evaluative_words(DATA_DIR / "evaluative_words.tsv")
    pattern = load_evaluative_words(DATA_DIR / "evaluative_words_pattern.tsv")
    merged = with_fallback(vader, pattern)
    assert merged.valences["ruthless"] <= -CLEAR_VALENCE  # Pattern's, VADER does not rate it
    assert "ruthless" not in vader.valences
    shared = set(vader.valences) & set(pattern.valences)
    assert shared and all(merged.valences[w] == vader.valences[w] for w in shared)
    # words with a factual sense are not in the converted file (tools/build_pattern_words.py)
    assert not {"many", "most", "small", "primary", "unable"} & set(pattern.valences)


def codes(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    extraction = extractor.extract(Article("test", text, None, "2024-03-05"))
    return {(e.subject.id, e.relation.name, dict(e.attributes).get("cameo", e.relation.cameo), e.object.id)
            for e in extraction.events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rated by Pattern only: clearly negative
        ("Syria called Israel a ruthless occupier.", ("country:SYR", "CRITICIZE", "111", "country:ISR")),
        ("Armenia described Azerbaijan as a corrupt regime.", ("country:ARM", "CRITICIZE", "111", "country:AZE")),
        ("Peru called the Chilean proposal absurd.", ("country:PER", "CRITICIZE", "111", "country:CHL")),
        ("Algeria called the Moroccan plan unrealistic.", ("country:DZA", "CRITICIZE", "111", "country:MAR")),
        # rated by Pattern only: clearly positive
        ("Ghana called Nigeria an ingenious negotiator.", ("country:GHA", "PRAISE", "051", "country:NGA")),
        ("Ghana described Nigeria as a legendary mediator.", ("country:GHA", "PRAISE", "051", "country:NGA")),
        # the dictionary's own pattern still comes first ("call ... partner" 013, a comment)
        ("Ghana called Nigeria an exceptional partner.", ("country:GHA", "COMMENT_ON", "013", "country:NGA")),
        # rated by neither lexicon: a public statement that judges neither way, never a judgement
        # (the hedge), and no event by itself (extract/bare_statements.py)
        ("Brazil called Argentina a neighbour.", None),
        ("Serbia described Kosovo as a breakaway province.", None),
        ("Poland called Russia a rogue state.", None),
        # a factual word Pattern rates in a subjective sense too is left out: no praise
        ("Egypt called Sudan a small neighbour.", None),
        # a VADER word with a Pattern word of the other side: unclear, a statement
        ("Oman described Yemen as a charismatic bully.", None),
    ],
)
def test_naming_with_pattern_rated_predicates(extractor: Extractor, text: str,
                                              expected: tuple[str, str, str, str] | None) -> None:
    assert codes(extractor, text) == ({expected} if expected else set())
