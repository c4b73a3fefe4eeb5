"""The one reading of a deadline given (extract/deadlines.py) and its word file (sentences written
here, none from an evaluation set)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Token

from extract.deadlines import (
    DeadlineWords,
    DeadlineWordsError,
    given_deadline,
    is_period,
    load_deadline_words,
    timed_infinitives,
)
from extract.gazetteer import DATA_DIR
from extract.pipeline import Extractor


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


@pytest.fixture(scope="module")
def words() -> DeadlineWords:
    return load_deadline_words(DATA_DIR / "deadlines.toml")


def verb_of(nlp: Language, text: str, lemma: str) -> Token:
    return next(t for t in nlp(text) if t.lemma_.lower() == lemma and t.pos_ == "VERB")


@pytest.mark.parametrize(
    ("text", "lemma", "given", "word"),
    [
        ("Algeria set Mali a deadline to expel the militants.", "set", "Mali", "deadline"),
        ("The council gave Serbia an ultimatum to withdraw its forces.", "give", "Serbia", "ultimatum"),
        ("Ankara gave Baghdad until Sunday to close the camps.", "give", "Baghdad", "close"),
    ],
)
def test_a_deadline_given_names_who_gets_it_and_its_word(
    nlp: Language, words: DeadlineWords, text: str, lemma: str, given: str, word: str
) -> None:
    found = given_deadline(verb_of(nlp, text, lemma), words)
    assert found is not None
    assert (found[0].text, found[1].text) == (given, word)


@pytest.mark.parametrize(
    "text",
    ["Germany gave Jordan two patrol boats.", "The ministry set new rules for imports."],
)
def test_giving_without_a_time_limit_is_no_deadline(nlp: Language, words: DeadlineWords, text: str) -> None:
    verb = next(t for t in nlp(text) if t.pos_ == "VERB")
    assert given_deadline(verb, words) is None
    assert timed_infinitives(verb, words) == []


@pytest.mark.parametrize(
    ("text", "infinitive"),
    [
        ("Chile gave the envoy 48 hours to leave the country.", "leave"),
        ("Ankara gave Baghdad until Sunday to close the camps.", "close"),
    ],
)
def test_a_span_or_an_end_of_time_bounds_the_infinitive(
    nlp: Language, words: DeadlineWords, text: str, infinitive: str
) -> None:
    assert [t.lemma_ for t in timed_infinitives(verb_of(nlp, text, "give"), words)] == [infinitive]


def test_a_time_of_the_act_is_no_span_given(nlp: Language, words: DeadlineWords) -> None:
    doc = nlp("Peru gave Chile a week to answer, as it did last week.")
    weeks = [t for t in doc if t.lower_ == "week"]
    assert [is_period(t, words) for t in weeks] == [True, False]


def test_the_shipped_words_load(words: DeadlineWords) -> None:
    assert words.code == "139"
    assert {"give", "grant"} <= words.granting_verbs < words.ultimatum_verbs
    assert {"hour", "deadline"} <= words.period_nouns


def test_the_unions_are_built_once_and_are_the_unions(words: DeadlineWords) -> None:
    assert words.ultimatum_verbs is words.ultimatum_verbs  # not rebuilt at every asking
    assert words.ultimatum_verbs == words.granting_verbs | words.setting_verbs
    assert words.period_nouns is words.period_nouns
    assert words.period_nouns == words.span_nouns | words.deadline_nouns


def test_a_malformed_word_file_names_itself(tmp_path: Path) -> None:
    source = (DATA_DIR / "deadlines.toml").read_text(encoding="utf-8")
    broken = tmp_path / "deadlines.toml"
    broken.write_text(source.replace('code = "139"', 'code = "ultimatum"'), encoding="utf-8")
    with pytest.raises(DeadlineWordsError, match=r"deadlines\.toml: code"):
        load_deadline_words(broken)
    broken.write_text(source.replace('end_prepositions = ["until", "till"]', 'end_prepositions = "until"'),
                      encoding="utf-8")
    with pytest.raises(DeadlineWordsError, match=r"deadlines\.toml: end_prepositions"):
        load_deadline_words(broken)
