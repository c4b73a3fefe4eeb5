"""The embedded default store: the graph model in one SQLite file, no server needed.

Nodes are tables (actors, articles, events); the event-to-actor and event-to-article
relationships are the events' foreign keys; the aggregated actor-to-actor relationships are a
view over the events, so they cannot drift from the events beneath them.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from graph.model import Actor, Article, CopyLink, Extraction
from graph.reader import (
    EXTRACTION_PAGE,
    ActorRow,
    ArticleRow,
    EventRow,
    Slice,
    actor_of,
    extractions_of,
    paged_rows,
)
from graph.store import ACTOR_LABELS, SCHEMA_VERSION, Batch, LoadReport, StoreError, copy_row

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, label TEXT NOT NULL,
    country TEXT, sector TEXT, title TEXT, since TEXT, until TEXT, aliases TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, url TEXT, title TEXT, published TEXT, source TEXT, content_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    type TEXT NOT NULL, edge TEXT NOT NULL, cameo TEXT NOT NULL, quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL, reciprocal INTEGER NOT NULL,
    date TEXT, date_precision TEXT NOT NULL, polarity TEXT NOT NULL, modality TEXT NOT NULL,
    subject_id TEXT NOT NULL REFERENCES actors(id), object_id TEXT NOT NULL REFERENCES actors(id),
    attributed_to_id TEXT REFERENCES actors(id),
    sentence TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    evidence_count INTEGER NOT NULL, evidence TEXT NOT NULL,
    place TEXT, commodity TEXT, topic TEXT, cameo_detail TEXT, requested TEXT,
    confidence REAL NOT NULL, extractor TEXT NOT NULL, trigger TEXT NOT NULL,
    pairing TEXT NOT NULL DEFAULT 'dependency'
);
CREATE TABLE IF NOT EXISTS copies (
    copy_id TEXT PRIMARY KEY REFERENCES articles(id),
    original_id TEXT NOT NULL REFERENCES articles(id),
    similarity REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_pair ON events(subject_id, edge, object_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_object ON events(object_id);
CREATE INDEX IF NOT EXISTS events_speaker ON events(attributed_to_id) WHERE attributed_to_id IS NOT NULL;
CREATE VIEW IF NOT EXISTS relations AS
    SELECT CASE WHEN reciprocal = 1 AND object_id < subject_id THEN object_id ELSE subject_id END AS subject_id,
           edge,
           CASE WHEN reciprocal = 1 AND object_id < subject_id THEN subject_id ELSE object_id END AS object_id,
           COUNT(*) AS count, MIN(date) AS first_date, MAX(date) AS last_date,
           SUM(goldstein) AS goldstein_sum,
           SUM(CASE WHEN polarity = 'negated' THEN 1 ELSE 0 END) AS negated_count
    FROM events GROUP BY 1, 2, 3;
"""

_ACTOR_COLUMNS = ("id", "name", "type", "label", "country", "sector", "title", "since", "until", "aliases")
_ARTICLE_COLUMNS = ("id", "url", "title", "published", "source", "content_hash")
_EVENT_COLUMNS = (
    "id", "article_id", "type", "edge", "cameo", "quad_class", "goldstein", "reciprocal", "date",
    "date_precision", "polarity", "modality", "subject_id", "object_id", "attributed_to_id", "sentence",
    "char_start", "char_end", "evidence_count", "evidence", "place", "commodity", "topic", "cameo_detail",
    "requested", "confidence", "extractor", "trigger", "pairing",
)


# an actor's aliases are the union of every name seen for it, earlier canonical names included,
# kept sorted (SQLite evaluates every SET expression against the row as it was)
_ALIAS_UNION = (
    "(SELECT json_group_array(value) FROM (SELECT value FROM json_each(actors.aliases) "
    "UNION SELECT value FROM json_each(excluded.aliases) UNION SELECT actors.name "
    "ORDER BY value) WHERE value <> excluded.name)"
)


# values a later row may lack without meaning "none" (an office holder's title in an extraction
# that did not name it, an article loaded from triples without its text or address): a stored
# value stays until a row brings a new one, as in the Neo4j store
_KEPT_WHEN_ABSENT = {
    ("actors", "title"), ("actors", "since"), ("actors", "until"),
    ("articles", "url"), ("articles", "title"), ("articles", "published"), ("articles", "source"),
}


def _update(table: str, column: str) -> str:
    if (table, column) == ("actors", "aliases"):
        return f"{column} = {_ALIAS_UNION}"
    if (table, column) == ("articles", "content_hash"):  # '' is an unknown hash (see _upsert)
        return f"{column} = COALESCE(NULLIF(excluded.{column}, ''), {table}.{column})"
    if (table, column) in _KEPT_WHEN_ABSENT:
        return f"{column} = COALESCE(excluded.{column}, {table}.{column})"
    return f"{column} = excluded.{column}"


def _upsert(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(columns)
    # an article whose text is unknown (content_hash None) is stored with an empty hash
    slots = ", ".join("COALESCE(:content_hash, '')" if (table, c) == ("articles", "content_hash") else f":{c}"
                      for c in columns)
    updates = ", ".join(_update(table, c) for c in columns if c != "id")
    return f"INSERT INTO {table} ({names}) VALUES ({slots}) ON CONFLICT(id) DO UPDATE SET {updates}"


def open_own_file(path: Path, own: tuple[str, ...], what: str, error: type[Exception],
                  prepare: Callable[[sqlite3.Connection], None], timeout: float = 5.0) -> sqlite3.Connection:
    """A connection to one of geokg's SQLite files (new, or holding all of the ``own`` tables),
    made ready by ``prepare``. A file that is not SQLite, holds another program's tables, or that
    ``prepare`` fails on raises ``error``, naming the file and ``what`` it should be; another
    program's file is not written to."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # a new file is readable by its owner only (its -wal and -shm files follow it)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError as failure:
        raise error(f"{path}: cannot open {what} ({failure.strerror or failure})") from failure
    connection: sqlite3.Connection | None = None
    try:
        connection = sqlite3.connect(path, timeout=timeout)
        tables = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        names = [row[0] for row in connection.execute(tables)]
        if not names or set(own) <= set(names):
            prepare(connection)
            return connection
    except sqlite3.Error as failure:
        if connection is not None:
            connection.close()
        raise error(f"{path}: cannot open {what} ({failure})") from failure
    connection.close()
    raise error(f"{path}: cannot open {what} (a SQLite file of something else, with tables "
                f"{', '.join(names[:5])}; geokg leaves it alone)")


def create_tables(connection: sqlite3.Connection, script: str) -> None:
    """Run ``script`` (statements creating tables if missing) as one transaction: another process
    opening the same new file meanwhile sees all of the tables or none of them, never some (which
    ``open_own_file`` would take for another program's file). Where every table exists nothing is
    written, so no write lock is waited for."""
    connection.executescript(f"BEGIN;\n{script}\nCOMMIT;")


def _pragmas(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")


# the events of a slice: every filter is a parameter, and an empty one filters nothing
_SLICE_EVENTS = (
    f"SELECT {', '.join(EventRow._fields)} FROM events WHERE "
    "(:date_from IS NULL OR date >= :date_from) AND (:date_to IS NULL OR date <= :date_to) "
    "AND (:no_types OR type IN (SELECT value FROM json_each(:types))) "
    "AND (:no_actors OR subject_id IN (SELECT value FROM json_each(:actors)) "
    "     OR object_id IN (SELECT value FROM json_each(:actors))) "
    "AND (:include_negated OR polarity <> 'negated') ORDER BY id"  # by id, as frames are
)
_RECIPROCAL = EventRow._fields.index("reciprocal")


def _remove_unnamed(cursor: sqlite3.Cursor, candidates: set[str]) -> int:
    """Delete the ``candidates`` that no stored event names any more; returns how many went."""
    gone = [(actor,) for actor in sorted(candidates) if cursor.execute(
        "SELECT 1 FROM events WHERE subject_id = ?1 UNION ALL SELECT 1 FROM events WHERE object_id = ?1 "
        "UNION ALL SELECT 1 FROM events WHERE attributed_to_id = ?1 LIMIT 1", (actor,)
    ).fetchone() is None]
    cursor.executemany("DELETE FROM actors WHERE id = ?", gone)
    return len(gone)


def _event_row(row: tuple[Any, ...]) -> EventRow:
    """An events row with its reciprocal flag as a bool (SQLite stores 0 or 1)."""
    return EventRow._make((*row[:_RECIPROCAL], bool(row[_RECIPROCAL]), *row[_RECIPROCAL + 1:]))


class SqliteReader:
    """Bulk reads of the embedded store (``graph.reader.GraphReader``) on an open connection;
    ``SqliteReader.open(path)`` opens a file read-only. Any SQLite failure while reading is a
    ``StoreError`` naming the file."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection

    @staticmethod
    def open(path: Path) -> SqliteReader:
        """The embedded store in ``path``, read-only: a missing file is a ``FileNotFoundError``
        and a file that is not a store a ``StoreError``, both naming it."""
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no embedded store here (run geokg ingest first)")
        reader = SqliteReader(path, sqlite3.connect(f"file:{path}?mode=ro", uri=True))
        try:
            reader._all("SELECT 1 FROM events, actors, articles LIMIT 0")
        except StoreError:
            reader.close()
            raise
        return reader

    def _rows(self, query: str, parameters: Sequence[Any] | Mapping[str, Any] = ()) -> Iterator[tuple[Any, ...]]:
        try:
            yield from self.connection.execute(query, parameters)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: cannot read the embedded store ({error})") from error

    def _all(self, query: str, parameters: Sequence[Any] | Mapping[str, Any] = ()) -> list[tuple[Any, ...]]:
        return list(self._rows(query, parameters))

    def _maps(self, columns: tuple[str, ...], query: str, *parameters: Any) -> list[dict[str, Any]]:
        return [dict(zip(columns, row, strict=True)) for row in self._rows(query, parameters)]

    def events(self, part: Slice) -> Iterator[EventRow]:
        values = {**part.parameters(), "types": json.dumps(list(part.types)), "actors": json.dumps(list(part.actors)),
                  "no_types": not part.types, "no_actors": not part.actors}
        return map(_event_row, self._rows(_SLICE_EVENTS, values))

    def actors(self, ids: Sequence[str]) -> Iterator[ActorRow]:
        query = ("SELECT id, name, type, country, title, aliases FROM actors "
                 "WHERE id IN (SELECT value FROM json_each(?))")
        for actor_id, name, kind, country, title, aliases in self._rows(query, (json.dumps(list(ids)),)):
            yield ActorRow(actor_id, name, kind, country, title, tuple(json.loads(aliases)))

    def articles(self, ids: Sequence[str]) -> Iterator[ArticleRow]:
        query = "SELECT id, title, url FROM articles WHERE id IN (SELECT value FROM json_each(?))"
        return map(ArticleRow._make, self._rows(query, (json.dumps(list(ids)),)))

    def _actor_maps(self, where: str, *parameters: Any) -> Iterator[dict[str, Any]]:
        """Actors as ``store.actor_row`` has them (label included, aliases a list)."""
        for row in self._rows(f"SELECT {', '.join(_ACTOR_COLUMNS)} FROM actors {where}", parameters):
            found = dict(zip(_ACTOR_COLUMNS, row, strict=True))
            found["aliases"] = json.loads(found["aliases"])
            yield found

    def all_actors(self) -> Iterator[Actor]:
        return map(actor_of, self._actor_maps("ORDER BY id"))

    def pages(self, size: int = EXTRACTION_PAGE) -> Iterator[Batch]:
        def articles_after(after: str, limit: int) -> list[dict[str, Any]]:
            rows = self._maps(_ARTICLE_COLUMNS, f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE id > ? "
                              "ORDER BY id LIMIT ?", after, limit)
            for row in rows:
                row["content_hash"] = row["content_hash"] or None  # '' is an unknown hash
            return rows

        def events_of(article_ids: list[str]) -> list[dict[str, Any]]:
            rows = self._maps(_EVENT_COLUMNS, f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events "
                              "WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, id",
                              json.dumps(article_ids))
            for row in rows:
                row["reciprocal"] = bool(row["reciprocal"])
            return rows

        def actors_of(actor_ids: list[str]) -> list[dict[str, Any]]:
            return list(self._actor_maps("WHERE id IN (SELECT value FROM json_each(?))", json.dumps(actor_ids)))

        return paged_rows(articles_after, events_of, actors_of, size)

    def extractions(self, page: int = EXTRACTION_PAGE) -> Iterator[Extraction]:
        return extractions_of(self.pages(page))

    def copies(self) -> Iterator[CopyLink]:
        tables = {row[0] for row in self._rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "copies" not in tables:  # a store written before copies were kept has none
            return
        for i, title, published, url, source, text_hash, original, similarity in self._rows(
            "SELECT a.id, a.title, a.published, a.url, a.source, a.content_hash, c.original_id, c.similarity "
            "FROM copies c JOIN articles a ON a.id = c.copy_id ORDER BY a.id"
        ):
            yield CopyLink(Article(i, "", title, published, url, source, text_hash or None), original, similarity)

    def close(self) -> None:
        self.connection.close()


class SqliteStore(SqliteReader):
    """The graph in one SQLite file (the default store), written and read."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, open_own_file(path, ("meta", "events"), "the embedded store", StoreError, _pragmas))

    def ensure_schema(self) -> None:
        with self.connection:
            create_tables(self.connection, _SCHEMA)
            columns = {row[1] for row in self.connection.execute("PRAGMA table_info(actors)")}
            for column, kind in (("since", "TEXT"), ("until", "TEXT"), ("aliases", "TEXT NOT NULL DEFAULT '[]'")):
                if column not in columns:  # files written by schema version 1
                    self.connection.execute(f"ALTER TABLE actors ADD COLUMN {column} {kind}")
            event_columns = {row[1] for row in self.connection.execute("PRAGMA table_info(events)")}
            if "pairing" not in event_columns:  # files written before schema version 4
                self.connection.execute("ALTER TABLE events ADD COLUMN pairing TEXT NOT NULL DEFAULT 'dependency'")
            for column in ("cameo_detail", "requested"):
                if column not in event_columns:  # files written before schema version 5
                    self.connection.execute(f"ALTER TABLE events ADD COLUMN {column} TEXT")
            self.connection.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )

    def schema_version(self) -> int:
        row = self.connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def load(self, extractions: Iterable[Extraction], replace: bool = True) -> LoadReport:
        batch = Batch.of(extractions)
        try:
            with self.connection:  # one transaction: all of the batch or nothing
                return self._write(batch, replace)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: the batch was not written ({error})") from error

    def _write(self, batch: Batch, replace: bool) -> LoadReport:
        cursor = self.connection.cursor()
        cursor.executemany(_upsert("articles", _ARTICLE_COLUMNS), batch.articles)
        cursor.executemany(
            _upsert("actors", _ACTOR_COLUMNS), [{**a, "aliases": json.dumps(a["aliases"])} for a in batch.actors]
        )
        kept: dict[str, set[str]] = {a["id"]: set() for a in batch.articles}
        for event in batch.events:
            kept[event["article_id"]].add(event["id"])
        removed = 0
        named: set[str] = set()  # actors the removed events named: candidates for removal
        for article_id, event_ids in kept.items() if replace else ():
            stale = [row for row in cursor.execute(
                "SELECT id, subject_id, object_id, attributed_to_id FROM events WHERE article_id = ?", (article_id,)
            ).fetchall() if row[0] not in event_ids]
            cursor.executemany("DELETE FROM events WHERE id = ?", [(row[0],) for row in stale])
            named.update(actor for row in stale for actor in row[1:] if actor is not None)
            removed += len(stale)
        cursor.executemany(_upsert("events", _EVENT_COLUMNS), batch.events)
        return LoadReport(len(batch.articles), len(batch.events), removed, _remove_unnamed(cursor, named))

    def known_articles(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            slots = ", ".join("?" for _ in chunk)
            found.update(row[0] for row in self.connection.execute(
                f"SELECT id FROM articles WHERE id IN ({slots})", chunk
            ))
        return found

    def link_copies(self, links: Iterable[CopyLink]) -> int:
        rows = [copy_row(link) for link in links]
        if not rows:
            return 0
        originals = self.known_articles(sorted({row["original_id"] for row in rows}))
        stored = [row for row in rows if row["original_id"] in originals]
        try:
            with self.connection:
                self.connection.executemany(_upsert("articles", _ARTICLE_COLUMNS), stored)
                self.connection.executemany(
                    "INSERT INTO copies (copy_id, original_id, similarity) VALUES (:id, :original_id, :similarity) "
                    "ON CONFLICT(copy_id) DO UPDATE SET original_id = excluded.original_id, "
                    "similarity = excluded.similarity", stored)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: linking copies failed ({error})") from error
        return len(stored)

    def counts(self) -> dict[str, int]:
        query = self.connection.execute
        counts: dict[str, int] = {
            "Actor": query("SELECT COUNT(*) FROM actors").fetchone()[0],
            "Article": query("SELECT COUNT(*) FROM articles").fetchone()[0],
            "Event": query("SELECT COUNT(*) FROM events").fetchone()[0],
        }
        for label in ACTOR_LABELS.values():
            counts[label] = query("SELECT COUNT(*) FROM actors WHERE label = ?", (label,)).fetchone()[0]
        events = counts["Event"]
        counts.update({"SUBJECT": events, "OBJECT": events, "REPORTED_IN": events})
        counts["ATTRIBUTED_TO"] = query("SELECT COUNT(*) FROM events WHERE attributed_to_id IS NOT NULL").fetchone()[0]
        counts["HOLDS_ROLE"] = query(
            "SELECT COUNT(*) FROM actors WHERE label = 'Person' AND title IS NOT NULL "
            "AND 'country:' || country IN (SELECT id FROM actors)"
        ).fetchone()[0]
        for edge, number in query("SELECT edge, COUNT(*) FROM relations GROUP BY edge"):
            counts[edge] = number
        copies = query("SELECT COUNT(*) FROM copies").fetchone()[0]
        if copies:  # as in Neo4j, a relationship type that has no relationships is not counted
            counts["COPY_OF"] = copies
        return counts

    def aggregate(self, subject_id: str, edge: str, object_id: str) -> dict[str, Any] | None:
        row = self.connection.execute(
            "SELECT count, first_date, last_date, goldstein_sum, negated_count FROM relations "
            "WHERE edge = ? AND ((subject_id = ? AND object_id = ?) OR (subject_id = ? AND object_id = ?))",
            (edge, subject_id, object_id, object_id, subject_id),
        ).fetchone()
        if row is None:
            return None
        keys = ("count", "first_date", "last_date", "goldstein_sum", "negated_count")
        return dict(zip(keys, row, strict=True))

    def _one(self, table: str, columns: tuple[str, ...], row_id: str) -> dict[str, Any] | None:
        row = self.connection.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return None if row is None else dict(zip(columns, row, strict=True))

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        found = self._one("actors", _ACTOR_COLUMNS, actor_id)
        if found is not None:
            found["aliases"] = json.loads(found["aliases"])
            del found["label"]
        return found

    def article(self, article_id: str) -> dict[str, Any] | None:
        found = self._one("articles", _ARTICLE_COLUMNS, article_id)
        if found is not None:
            found["content_hash"] = found["content_hash"] or None  # '' is an unknown hash, as in Neo4j
        return found
