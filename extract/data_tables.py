"""Reading the tables and word lists of a TOML knowledge file, with one-line errors that name
the file and the key: ``load_word_table`` for a file of word lists (or one named table of it),
``read_table`` and ``read_words`` for a table already parsed."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


def read_table(path: Path, raw: Mapping[str, object], key: str, error: type[ValueError]) -> Mapping[str, object]:
    """The table ``[key]`` of a parsed file; ``error`` names the file when it is missing."""
    value = raw.get(key)
    if not isinstance(value, dict):
        raise error(f"{path}: missing table [{key}]")
    return value


def read_words(
    path: Path, raw: Mapping[str, object], key: str, error: type[ValueError], *, non_empty: bool = False,
    label: str | None = None,
) -> list[str]:
    """The list of words ``key``, lower case with single spaces ("call on"); ``error`` names the
    file and the key (``label`` when given, "table.key") when it is not a list of words (or, with
    ``non_empty``, is empty)."""
    value = raw.get(key)
    words_ok = isinstance(value, list) and all(isinstance(word, str) and word.strip() for word in value)
    if not words_ok or (non_empty and not value):
        kind = "a non-empty list of words" if non_empty else "a list of words"
        raise error(f"{path}: {label or key} must be {kind}, got {value!r}")
    assert isinstance(value, list)
    return [" ".join(word.lower().split()) for word in value]


@dataclass(frozen=True)
class WordTable:
    """The entries of one table of a TOML file (its top level, or a table named in it), read with
    errors of type ``error`` that name the file and the key; called with a key, its word list."""

    path: Path
    entries: Mapping[str, object]
    error: type[ValueError]
    #: the dotted name of the table in its file; "" for the top level
    name: str = ""

    def __call__(self, key: str) -> frozenset[str]:
        """The non-empty list of words ``key``, lower case with single spaces: ``words("verbs")``."""
        return frozenset(read_words(self.path, self.entries, key, self.error, non_empty=True, label=self.label(key)))

    def table(self, key: str) -> WordTable:
        """The table ``[key]`` inside this one."""
        label = self.label(key)
        value = self.entries.get(key)
        if not isinstance(value, dict):
            raise self.error(f"{self.path}: missing table [{label}]")
        return WordTable(self.path, value, self.error, label)

    def label(self, key: str) -> str:
        """How an error names ``key``: with the table's name ("words.definite")."""
        return f"{self.name}.{key}" if self.name else key


def load_word_table(path: Path, error: type[ValueError], table: str | None = None) -> WordTable:
    """The word lists of the TOML file ``path`` (of its table ``[table]`` when named); a file that
    is no TOML or lacks the table raises ``error`` naming the file."""
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    except tomllib.TOMLDecodeError as decode_error:
        raise error(f"{path}: not a TOML file ({decode_error})") from decode_error
    top = WordTable(path, raw, error)
    return top if table is None else top.table(table)
