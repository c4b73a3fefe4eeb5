"""The embedded store's SQLite files (graph/sqlite_store.py): tables created all at once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from graph.sqlite_store import create_tables, open_own_file
from graph.store import StoreError

SCRIPT = "CREATE TABLE IF NOT EXISTS first (x);\nCREATE TABLE IF NOT EXISTS second (y);"


def tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM sqlite_master ORDER BY name")]


def test_tables_are_created_once_and_no_transaction_is_left_open(tmp_path: Path) -> None:
    path = tmp_path / "own.sqlite"
    connection = sqlite3.connect(path)
    for _ in range(2):
        create_tables(connection, SCRIPT)
        assert not connection.in_transaction
    assert tables(path) == ["first", "second"]


def test_a_script_failing_midway_leaves_none_of_its_tables(tmp_path: Path) -> None:
    path = tmp_path / "own.sqlite"
    connection = sqlite3.connect(path)
    with pytest.raises(sqlite3.Error), connection:
        create_tables(connection, SCRIPT + "\nCREATE TABLE broken (")
    assert tables(path) == []


def test_a_file_opened_while_its_tables_are_being_created_is_no_foreign_file(tmp_path: Path) -> None:
    # the second opener looks at the file between the creating statements, where the first
    # table existed alone before they ran as one transaction ("a SQLite file of something else")
    path = tmp_path / "own.sqlite"
    seen: list[list[str]] = []

    def between(statement: str) -> None:
        if "second" in statement and not seen:
            other = open_own_file(path, ("first", "second"), "the test file", StoreError, lambda c: None)
            seen.append([row[0] for row in other.execute("SELECT name FROM sqlite_master ORDER BY name")])
            other.close()

    creator = open_own_file(path, ("first", "second"), "the test file", StoreError, lambda c: None)
    creator.set_trace_callback(between)
    create_tables(creator, SCRIPT)
    assert seen == [[]]
    assert tables(path) == ["first", "second"]
