"""Triples judged by hand (``tests/extract/examples_judged.tsv``, ``tests/extract/newsset*/judged.tsv``).

A judged file is tab-separated with a header (article_id char_start char_end subject_id relation
object_id polarity modality verdict cause pairing note sentence); one row a triple, keyed by what a
reader judges of it (``KEY_COLUMNS``), with a verdict (``correct``, ``wrong`` or another word for
one left undecided), a cause for a wrong one and a note. Cells are read as ``csv`` reads them by
default (a cell opening with a double quote is a quoted cell), as the files have always been read.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

from graph.model import Event

KEY_COLUMNS: tuple[str, ...] = (
    "article_id", "char_start", "subject_id", "relation", "object_id", "polarity", "modality",
)
REQUIRED_COLUMNS: tuple[str, ...] = (*KEY_COLUMNS, "verdict")

Key = tuple[str, int, str, str, str, str, str]
Row = dict[str, str]


class JudgedTriplesError(ValueError):
    """A judged file that cannot be read; the message names the file (and the line of a bad row)."""


def judged_key(event: Event) -> Key:
    """What a reader judges of a triple: a change to any of these needs a new judgement."""
    return (
        event.article_id, event.char_start, event.subject.id, event.relation.name,
        event.object.id, event.polarity.value, event.modality.value,
    )


def load_judged(path: Path) -> dict[Key, Row]:
    """The rows of a judged file by key. A missing column, a row short of a key cell or with a
    char_start that is not a whole number, or a key judged twice is a ``JudgedTriplesError``."""
    judged: dict[Key, Row] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or ())]
        if missing:
            raise JudgedTriplesError(f"{path}: missing columns {', '.join(missing)}")
        for row in reader:
            key = _row_key(row, f"{path}:{reader.line_num}")
            if key in judged:
                raise JudgedTriplesError(f"{path}:{reader.line_num}: judged twice: {key}")
            judged[key] = row
    return judged


def verdicts(judged: Mapping[Key, Row]) -> dict[Key, bool]:
    """Whether each triple judged ``correct`` or ``wrong`` is right; rows with another verdict are left out."""
    return {key: row["verdict"] == "correct" for key, row in judged.items() if row["verdict"] in ("correct", "wrong")}


def _row_key(row: Row, where: str) -> Key:
    """The key of one row, or a ``JudgedTriplesError`` at ``where`` (file and line)."""
    short = [column for column in REQUIRED_COLUMNS if row.get(column) is None]
    if short:
        raise JudgedTriplesError(f"{where}: no cell for {', '.join(short)}")
    try:
        start = int(row["char_start"])
    except ValueError:
        raise JudgedTriplesError(f"{where}: char_start {row['char_start']!r} is not a whole number") from None
    return (row["article_id"], start, row["subject_id"], row["relation"], row["object_id"], row["polarity"],
            row["modality"])
