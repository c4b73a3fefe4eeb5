"""What scheduled ingestion remembers between passes, in one SQLite file beside the ledger:
per source (ETag, Last-Modified, last success, failures, when to try again), the web pages
already read, the MinHash signatures of extracted articles, the near-duplicate links, and the
run reports."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.redact import redacted, redacted_values
from graph.sqlite_store import create_tables, open_own_file
from loaders import near_duplicates

BACKOFF_BASE_SECONDS = 60.0
BACKOFF_MAX_SECONDS = 6 * 3600.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    name TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_success REAL, failures INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL NOT NULL DEFAULT 0, last_error TEXT
);
CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, article_id TEXT, source TEXT NOT NULL, seen REAL NOT NULL);
CREATE TABLE IF NOT EXISTS failed_pages (
    url TEXT PRIMARY KEY, source TEXT NOT NULL, published TEXT, failures INTEGER NOT NULL,
    next_attempt REAL NOT NULL, last_error TEXT
);
CREATE TABLE IF NOT EXISTS signatures (article_id TEXT PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS bands (
    band INTEGER NOT NULL, key INTEGER NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, key, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_duplicates (
    article_id TEXT PRIMARY KEY, url TEXT, copy_of TEXT NOT NULL, similarity REAL NOT NULL, seen REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started REAL NOT NULL, finished REAL NOT NULL, ok INTEGER NOT NULL,
    report TEXT NOT NULL
);
"""


def backoff_seconds(failures: int) -> float:
    """Exponential backoff: 1, 2, 4, ... minutes after 1, 2, 3 ... failures, at most 6 hours."""
    return float(min(BACKOFF_BASE_SECONDS * 2 ** max(failures - 1, 0), BACKOFF_MAX_SECONDS))


@dataclass(frozen=True)
class SourceStatus:
    """One source's remembered state."""

    name: str
    etag: str | None
    last_modified: str | None
    last_success: float | None
    failures: int
    next_attempt: float
    last_error: str | None


def _status(row: tuple[Any, ...]) -> SourceStatus:
    name, etag, last_modified, last_success, failures, next_attempt, last_error = row
    return SourceStatus(name, etag, last_modified, last_success, failures, next_attempt,
                        redacted(last_error) if last_error else None)


class SourceStateError(RuntimeError):
    """The state file cannot be opened (it is not a state file, or not SQLite at all)."""


class SourceState:
    """The scheduled-ingestion state file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection = open_own_file(path, ("sources",), "the scheduled-ingestion state", SourceStateError,
                                        self._prepare, timeout=60)

    def _prepare(self, connection: sqlite3.Connection) -> None:
        """The tables, created if missing; signatures stored before the bands table existed get
        their bands."""
        self.connection = connection
        with connection:
            create_tables(connection, _SCHEMA)
        if connection.execute("SELECT 1 FROM bands LIMIT 1").fetchone() is None:
            rows = connection.execute("SELECT article_id, signature FROM signatures").fetchall()
            self.remember_signatures({article_id: near_duplicates.from_bytes(blob) for article_id, blob in rows})

    def status(self, name: str) -> SourceStatus:
        row = self.connection.execute(
            "SELECT name, etag, last_modified, last_success, failures, next_attempt, last_error FROM sources "
            "WHERE name = ?", (name,)).fetchone()
        return _status(row) if row else SourceStatus(name, None, None, None, 0, 0.0, None)

    def statuses(self) -> list[SourceStatus]:
        rows = self.connection.execute(
            "SELECT name, etag, last_modified, last_success, failures, next_attempt, last_error FROM sources "
            "ORDER BY name")
        return [_status(row) for row in rows]

    def succeeded(self, name: str, now: float, etag: str | None = None, last_modified: str | None = None) -> None:
        with self.connection:
            self.connection.execute(
                "INSERT INTO sources (name, etag, last_modified, last_success, failures, next_attempt, last_error) "
                "VALUES (?, ?, ?, ?, 0, 0, NULL) ON CONFLICT(name) DO UPDATE SET "
                "etag = coalesce(excluded.etag, sources.etag), "
                "last_modified = coalesce(excluded.last_modified, sources.last_modified), "
                "last_success = excluded.last_success, failures = 0, next_attempt = 0, last_error = NULL",
                (name, etag, last_modified, now))

    def failed(self, name: str, now: float, error: str) -> SourceStatus:
        failures = self.status(name).failures + 1
        with self.connection:
            self.connection.execute(
                "INSERT INTO sources (name, failures, next_attempt, last_error) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET failures = excluded.failures, "
                "next_attempt = excluded.next_attempt, last_error = excluded.last_error",
                (name, failures, now + backoff_seconds(failures), redacted(error)))
        return self.status(name)

    def page_seen(self, url: str) -> bool:
        return self.connection.execute("SELECT 1 FROM pages WHERE url = ?", (url,)).fetchone() is not None

    def remember_page(self, url: str, article_id: str | None, source: str, now: float) -> None:
        with self.connection:
            self.connection.execute("INSERT OR IGNORE INTO pages (url, article_id, source, seen) VALUES (?, ?, ?, ?)",
                                    (url, article_id, source, now))
            self.connection.execute("DELETE FROM failed_pages WHERE url = ?", (url,))

    def page_failed(self, url: str, source: str, published: str | None, now: float, error: str) -> int:
        """Remember a feed item whose page could not be fetched, to retry it with backoff whatever
        the feed says later (a 304, or the item gone from it); returns its failures so far."""
        row = self.connection.execute("SELECT failures FROM failed_pages WHERE url = ?", (url,)).fetchone()
        failures = (row[0] if row else 0) + 1
        with self.connection:
            self.connection.execute(
                "INSERT INTO failed_pages (url, source, published, failures, next_attempt, last_error) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET failures = excluded.failures, "
                "next_attempt = excluded.next_attempt, last_error = excluded.last_error",
                (url, source, published, failures, now + backoff_seconds(failures), redacted(error)))
        return int(failures)

    def page_waiting(self, url: str, now: float) -> bool:
        """Whether a failed page is still backing off."""
        row = self.connection.execute("SELECT next_attempt FROM failed_pages WHERE url = ?", (url,)).fetchone()
        return row is not None and float(row[0]) > now

    def failed_pages(self, source: str) -> list[tuple[str, str | None]]:
        """(url, published date) of a source's failed pages, to retry once their backoff is over."""
        rows = self.connection.execute("SELECT url, published FROM failed_pages WHERE source = ? ORDER BY url",
                                       (source,))
        return [(str(url), published) for url, published in rows]

    def candidates(self, signature: tuple[int, ...]) -> list[tuple[str, tuple[int, ...]]]:
        """Extracted articles whose signatures share at least one band with ``signature``."""
        ids: set[str] = set()
        for band, key in enumerate(near_duplicates.band_keys(signature)):
            ids.update(row[0] for row in self.connection.execute(
                "SELECT article_id FROM bands WHERE band = ? AND key = ?", (band, key)))
        found = []
        for article_id in sorted(ids):
            row = self.connection.execute("SELECT signature FROM signatures WHERE article_id = ?",
                                          (article_id,)).fetchone()
            found.append((article_id, near_duplicates.from_bytes(row[0])))
        return found

    def has_signature(self, article_id: str) -> bool:
        query = "SELECT 1 FROM signatures WHERE article_id = ?"
        return self.connection.execute(query, (article_id,)).fetchone() is not None

    def remember_signatures(self, signatures: dict[str, tuple[int, ...]]) -> None:
        """Store extracted articles' signatures and their band keys, in one transaction."""
        with self.connection:
            self.connection.executemany(
                "INSERT OR IGNORE INTO signatures (article_id, signature) VALUES (?, ?)",
                [(article_id, near_duplicates.to_bytes(sig)) for article_id, sig in signatures.items()])
            self.connection.executemany(
                "INSERT OR IGNORE INTO bands (band, key, article_id) VALUES (?, ?, ?)",
                [(band, key, article_id) for article_id, sig in signatures.items()
                 for band, key in enumerate(near_duplicates.band_keys(sig))])

    def link_copy(self, article_id: str, url: str | None, copy_of: str, similarity: float, now: float) -> None:
        with self.connection:
            self.connection.execute(
                "INSERT OR IGNORE INTO near_duplicates (article_id, url, copy_of, similarity, seen) "
                "VALUES (?, ?, ?, ?, ?)", (article_id, url, copy_of, similarity, now))

    def copy_of(self, article_id: str) -> tuple[str, float] | None:
        """The first copy a near-duplicate was linked to, and their similarity; None for others."""
        row = self.connection.execute("SELECT copy_of, similarity FROM near_duplicates WHERE article_id = ?",
                                      (article_id,)).fetchone()
        return (str(row[0]), float(row[1])) if row else None

    def record_run(self, started: float, finished: float, ok: bool, report: dict[str, Any]) -> int:
        with self.connection:
            cursor = self.connection.execute("INSERT INTO runs (started, finished, ok, report) VALUES (?, ?, ?, ?)",
                                             (started, finished, int(ok), json.dumps(redacted_values(report))))
        return int(cursor.lastrowid or 0)

    def runs(self, limit: int = 20, failures_only: bool = False) -> list[dict[str, Any]]:
        query = "SELECT id, started, finished, ok, report FROM runs"
        if failures_only:
            query += " WHERE ok = 0"
        rows = self.connection.execute(query + " ORDER BY id DESC LIMIT ?", (limit,))
        # redacted again on the way out: a state file written before redaction may hold a password
        return [{"id": r[0], "started": r[1], "finished": r[2], "ok": bool(r[3]), **redacted_values(json.loads(r[4]))}
                for r in rows]

    def close(self) -> None:
        self.connection.close()
