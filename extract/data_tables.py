"""Reading the tables and word lists of a TOML knowledge file, with one-line errors that name
the file and the key (speech_acts.toml, territory.toml, light_verbs.toml)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def read_table(path: Path, raw: Mapping[str, object], key: str, error: type[ValueError]) -> Mapping[str, object]:
    """The table ``[key]`` of a parsed file; ``error`` names the file when it is missing."""
    value = raw.get(key)
    if not isinstance(value, dict):
        raise error(f"{path}: missing table [{key}]")
    return value


def read_words(
    path: Path, raw: Mapping[str, object], key: str, error: type[ValueError], *, non_empty: bool = False,
) -> list[str]:
    """The list of words ``key``, lower case with single spaces ("call on"); ``error`` names the
    file when it is not a list of words (or, with ``non_empty``, is empty)."""
    value = raw.get(key)
    words_ok = isinstance(value, list) and all(isinstance(word, str) and word.strip() for word in value)
    if not words_ok or (non_empty and not value):
        kind = "a non-empty list of words" if non_empty else "a list of words"
        raise error(f"{path}: {key} must be {kind}, got {value!r}")
    assert isinstance(value, list)
    return [" ".join(word.lower().split()) for word in value]
