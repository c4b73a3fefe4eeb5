"""The reader of TOML word tables (extract/data_tables.py): word lists, named tables and the
one-line errors that name the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.data_tables import load_word_table


class SampleWordsError(ValueError):
    """The error type a loader passes in."""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sample.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_word_list_is_lower_case_with_single_spaces(tmp_path: Path) -> None:
    path = write(tmp_path, 'verbs = ["Call  On", "urge"]\n[nouns]\nacts = ["Raid"]\n')
    words = load_word_table(path, SampleWordsError)
    assert words("verbs") == frozenset({"call on", "urge"})
    assert words.table("nouns")("acts") == frozenset({"raid"})
    assert load_word_table(path, SampleWordsError, "nouns")("acts") == frozenset({"raid"})


@pytest.mark.parametrize(
    ("text", "table", "key", "message"),
    [
        ('verbs = "urge"\n', None, "verbs", r"sample\.toml: verbs must be a non-empty list of words, got 'urge'"),
        ("verbs = []\n", None, "verbs", r"sample\.toml: verbs must be a non-empty list of words"),
        ('other = ["x"]\n', None, "verbs", r"sample\.toml: verbs must be a non-empty list of words, got None"),
        ("[nouns]\nacts = [1]\n", "nouns", "acts", r"sample\.toml: nouns\.acts must be a non-empty list of words"),
    ],
)
def test_a_missing_or_malformed_list_names_the_file_and_the_key(
    tmp_path: Path, text: str, table: str | None, key: str, message: str
) -> None:
    words = load_word_table(write(tmp_path, text), SampleWordsError, table)
    with pytest.raises(SampleWordsError, match=message):
        words(key)


def test_a_missing_table_names_the_file_and_the_table(tmp_path: Path) -> None:
    path = write(tmp_path, '[nouns]\nacts = ["raid"]\n')
    with pytest.raises(SampleWordsError, match=r"sample\.toml: missing table \[verbs\]"):
        load_word_table(path, SampleWordsError, "verbs")
    with pytest.raises(SampleWordsError, match=r"sample\.toml: missing table \[nouns\.kinds\]"):
        load_word_table(path, SampleWordsError).table("nouns").table("kinds")


def test_a_file_that_is_no_toml_names_itself(tmp_path: Path) -> None:
    with pytest.raises(SampleWordsError, match=r"sample\.toml: not a TOML file"):
        load_word_table(write(tmp_path, "verbs = [\n"), SampleWordsError)
