"""Per-source state: backoff, near-duplicate candidates, run reports."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from loaders.near_duplicates import signature, to_bytes
from loaders.source_state import BACKOFF_MAX_SECONDS, SourceState, SourceStateError, backoff_seconds
from tests.loaders.news_site import front_matter, wire_copy

# The state file's tables as the first version of loaders/source_state.py made them.
FIRST_SCHEMA = """
CREATE TABLE sources (
    name TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_success REAL, failures INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL NOT NULL DEFAULT 0, last_error TEXT
);
CREATE TABLE pages (url TEXT PRIMARY KEY, article_id TEXT, source TEXT NOT NULL, seen REAL NOT NULL);
CREATE TABLE signatures (article_id TEXT PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE near_duplicates (
    article_id TEXT PRIMARY KEY, url TEXT, copy_of TEXT NOT NULL, similarity REAL NOT NULL, seen REAL NOT NULL
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started REAL NOT NULL, finished REAL NOT NULL, ok INTEGER NOT NULL,
    report TEXT NOT NULL
);
"""


def test_backoff_doubles_up_to_a_ceiling_and_success_resets_it(tmp_path: Path) -> None:
    assert [backoff_seconds(n) for n in (1, 2, 3, 4)] == [60.0, 120.0, 240.0, 480.0]
    assert backoff_seconds(30) == BACKOFF_MAX_SECONDS == 6 * 3600
    state = SourceState(tmp_path / "state.sqlite")
    state.failed("wire", 1000.0, "HTTP 500")
    second = state.failed("wire", 2000.0, "timed out")
    assert (second.failures, second.next_attempt, second.last_error) == (2, 2120.0, "timed out")
    state.succeeded("wire", 3000.0, etag='"abc"', last_modified="Wed, 20 Nov 2024 10:00:00 GMT")
    state.succeeded("wire", 4000.0)  # a 304 without validators keeps the ones it had
    status = state.status("wire")
    assert (status.failures, status.next_attempt, status.last_error, status.last_success) == (0, 0, None, 4000.0)
    assert (status.etag, status.last_modified) == ('"abc"', "Wed, 20 Nov 2024 10:00:00 GMT")
    assert state.status("never-run").failures == 0 and [s.name for s in state.statuses()] == ["wire"]
    state.close()


def test_candidates_are_the_articles_sharing_a_band(tmp_path: Path) -> None:
    _, _, story = front_matter("2024-07-05-orban-visits-moscow")
    _, _, other = front_matter("2023-03-21-xi-visits-moscow")
    state = SourceState(tmp_path / "state.sqlite")
    state.remember_signatures({"url:first": signature(story), "url:other": signature(other)})
    assert [c[0] for c in state.candidates(signature(wire_copy(story)))] == ["url:first"]
    assert state.candidates(signature(other)) == [("url:other", signature(other))]
    assert state.has_signature("url:first") and not state.has_signature("url:copy")
    state.close()


def test_signatures_stored_before_bands_get_their_bands(tmp_path: Path) -> None:
    _, _, story = front_matter("2024-07-05-orban-visits-moscow")
    path = tmp_path / "state.sqlite"
    with sqlite3.connect(path) as old:  # a state file from before the bands table (its first schema)
        old.executescript(FIRST_SCHEMA)
        old.execute("INSERT INTO signatures VALUES (?, ?)", ("url:first", to_bytes(signature(story))))
    old.close()
    state = SourceState(path)
    assert [c[0] for c in state.candidates(signature(wire_copy(story)))] == ["url:first"]
    state.close()


def test_runs_newest_first_and_failures_only(tmp_path: Path) -> None:
    state = SourceState(tmp_path / "state.sqlite")
    for number, ok in enumerate((True, False, True)):
        state.record_run(100.0 + number, 110.0 + number, ok, {"articles_new": number})
    assert [(r["id"], r["ok"], r["articles_new"]) for r in state.runs()] == [(3, True, 2), (2, False, 1), (1, True, 0)]
    assert [r["id"] for r in state.runs(limit=1)] == [3]
    assert [r["id"] for r in state.runs(failures_only=True)] == [2]
    state.close()


def test_a_file_that_is_not_a_state_file_is_named_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    path.write_bytes(b"not SQLite at all\n" * 10)
    with pytest.raises(SourceStateError, match=r"state\.sqlite: cannot open the scheduled-ingestion state"):
        SourceState(path)
    assert path.read_bytes() == b"not SQLite at all\n" * 10
