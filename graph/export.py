"""Exporting the embedded store: back into model objects (for loading into Neo4j) and to the CSV
files of Neo4j's offline bulk importer (``neo4j-admin database import full``)."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from graph.model import (
    Actor,
    ActorType,
    Article,
    CopyLink,
    Event,
    Evidence,
    Extraction,
    Modality,
    Polarity,
    RelationType,
)
from graph.sqlite_store import SqliteStore
from graph.store import GraphStore, LoadReport


def _actor(row: sqlite3.Row) -> Actor:
    return Actor(row["id"], row["name"], ActorType(row["type"]), row["country"], row["sector"], row["title"],
                 since=row["since"], until=row["until"], aliases=tuple(json.loads(row["aliases"])))


def extractions_of(store: SqliteStore) -> Iterator[Extraction]:
    """Every article of the embedded store with its events, as the extractor produced them."""
    connection = store.connection
    connection.row_factory = sqlite3.Row
    try:
        actors = {row["id"]: _actor(row) for row in connection.execute("SELECT * FROM actors")}
        for article in connection.execute("SELECT * FROM articles ORDER BY id").fetchall():
            events = []
            for row in connection.execute("SELECT * FROM events WHERE article_id = ? ORDER BY id", (article["id"],)):
                attributes = tuple(sorted(
                    (key, row[key]) for key in ("place", "commodity", "topic") if row[key] is not None
                ))
                relation = RelationType(row["type"], row["cameo"], row["quad_class"], row["goldstein"],
                                        bool(row["reciprocal"]), None, "", row["edge"])
                evidence = tuple(Evidence(sentence, start, end) for start, end, sentence in json.loads(row["evidence"]))
                events.append(Event(
                    row["article_id"], actors[row["subject_id"]], relation, actors[row["object_id"]],
                    Polarity(row["polarity"]), Modality(row["modality"]),
                    actors.get(row["attributed_to_id"]) if row["attributed_to_id"] else None,
                    row["date"], row["date_precision"], evidence, row["confidence"], row["extractor"],
                    row["trigger"], attributes, row["pairing"],
                ))
            # the article text is not kept; its hash is, and travels with the article
            yield Extraction(Article(article["id"], "", article["title"], article["published"], article["url"],
                                     article["source"], article["content_hash"]), tuple(events), ())
    finally:
        connection.row_factory = None


def copies_of(store: SqliteStore) -> list[CopyLink]:
    """The near-duplicate copies of the embedded store, each with the first copy it repeats."""
    rows = store.connection.execute(
        "SELECT a.id, a.title, a.published, a.url, a.source, a.content_hash, c.original_id, c.similarity "
        "FROM copies c JOIN articles a ON a.id = c.copy_id ORDER BY a.id").fetchall()
    return [CopyLink(Article(i, "", title, published, url, source, text_hash), original, similarity)
            for i, title, published, url, source, text_hash, original, similarity in rows]


def export_to_store(source: SqliteStore, target: GraphStore) -> LoadReport:
    """The whole embedded store written into ``target`` (idempotent): articles with their events,
    then the near-duplicate copies' links."""
    report = target.load(extractions_of(source))
    target.link_copies(copies_of(source))
    return report


@dataclass(frozen=True)
class CsvExport:
    """The files written for the bulk importer, by role."""

    nodes: tuple[Path, ...]
    relationships: tuple[Path, ...]


_EVENT_FIELDS = (
    ("type", ""), ("edge", ""), ("cameo", ""), ("quad_class", ":int"), ("goldstein", ":float"), ("date", ""),
    ("date_precision", ""), ("polarity", ""), ("modality", ""), ("sentence", ""), ("char_start", ":int"),
    ("char_end", ":int"), ("evidence_count", ":int"), ("evidence", ""), ("place", ""), ("commodity", ""),
    ("topic", ""), ("confidence", ":float"), ("extractor", ""), ("trigger", ""), ("pairing", ""), ("article_id", ""),
)


def _write(path: Path, header: list[str], rows: Iterator[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
    return path


class ExportError(ValueError):
    """The export cannot be written where it was asked to go; the message names the place."""


def export_csv(store: SqliteStore, folder: Path) -> CsvExport:
    """Nodes and relationships (aggregates included) as CSV with importer headers; raises
    ``ExportError`` when ``folder`` is a file or cannot be written."""
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: exists and is not a folder; give --out a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _export_csv(store, folder)
    except OSError as error:
        raise ExportError(f"{error.filename or folder}: cannot write ({error.strerror or error})") from error


def _export_csv(store: SqliteStore, folder: Path) -> CsvExport:
    db = store.connection
    nodes = (
        _write(folder / "actors.csv",
               ["id:ID(Actor)", "name", "type", "country", "sector", "title", "since", "until", "aliases:string[]",
                ":LABEL"],
               ([*row[:8], ";".join(json.loads(row[8])), f"Actor;{row[9]}"] for row in db.execute(
                   "SELECT id, name, type, country, sector, title, since, until, aliases, label FROM actors"))),
        _write(folder / "articles.csv",
               ["id:ID(Article)", "url", "title", "published", "source", "content_hash", ":LABEL"],
               ([*row, "Article"] for row in
                db.execute("SELECT id, url, title, published, source, content_hash FROM articles"))),
        _write(folder / "events.csv", ["id:ID(Event)", *(name + kind for name, kind in _EVENT_FIELDS), ":LABEL"],
               ([*row, "Event"] for row in db.execute(
                   "SELECT id, " + ", ".join(name for name, _ in _EVENT_FIELDS) + " FROM events"))),
    )
    relationships = (
        _write(folder / "subject.csv", [":START_ID(Event)", ":END_ID(Actor)", ":TYPE"],
               ([row[0], row[1], "SUBJECT"] for row in db.execute("SELECT id, subject_id FROM events"))),
        _write(folder / "object.csv", [":START_ID(Event)", ":END_ID(Actor)", ":TYPE"],
               ([row[0], row[1], "OBJECT"] for row in db.execute("SELECT id, object_id FROM events"))),
        _write(folder / "reported_in.csv", [":START_ID(Event)", ":END_ID(Article)", ":TYPE"],
               ([row[0], row[1], "REPORTED_IN"] for row in db.execute("SELECT id, article_id FROM events"))),
        _write(folder / "attributed_to.csv", [":START_ID(Event)", ":END_ID(Actor)", ":TYPE"],
               ([row[0], row[1], "ATTRIBUTED_TO"] for row in
                db.execute("SELECT id, attributed_to_id FROM events WHERE attributed_to_id IS NOT NULL"))),
        _write(folder / "holds_role.csv", [":START_ID(Actor)", ":END_ID(Actor)", "title", "since", "until", ":TYPE"],
               ([row[0], "country:" + row[1], row[2], row[3], row[4], "HOLDS_ROLE"] for row in db.execute(
                   "SELECT id, country, title, since, until FROM actors WHERE label = 'Person' AND title IS NOT NULL "
                   "AND 'country:' || country IN (SELECT id FROM actors)"))),
        _write(folder / "aggregates.csv",
               [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "count:int", "first_date", "last_date",
                "goldstein_sum:float", "negated_count:int"],
               ([row[0], row[2], row[1], *row[3:]] for row in db.execute(
                   "SELECT subject_id, edge, object_id, count, first_date, last_date, goldstein_sum, negated_count "
                   "FROM relations"))),
        _write(folder / "copy_of.csv", [":START_ID(Article)", ":END_ID(Article)", "similarity:float", ":TYPE"],
               ([*row, "COPY_OF"] for row in db.execute("SELECT copy_id, original_id, similarity FROM copies"))),
    )
    return CsvExport(nodes, relationships)
