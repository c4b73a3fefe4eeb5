"""Exporting a graph from any backend, read through its bulk-read interface
(``graph.reader.GraphReader``): into another store (SQLite into Neo4j, or back), and to the CSV
files of Neo4j's offline bulk importer (``neo4j-admin database import full``)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from graph.reader import EXTRACTION_PAGE, GraphReader
from graph.store import GraphStore, LoadReport, actor_row, aggregate_pair


def export_to_store(source: GraphReader, target: GraphStore, page: int = EXTRACTION_PAGE) -> LoadReport:
    """The whole graph of ``source`` written into ``target`` (idempotent), ``page`` articles with
    their events per load (one transaction each), then the near-duplicate copies' links."""
    articles = events = removed = 0
    extractions = source.extractions(page)
    while chunk := list(islice(extractions, page)):
        report = target.load(chunk)
        articles, events, removed = articles + report.articles, events + report.events, removed + report.events_removed
    target.link_copies(source.copies())
    return LoadReport(articles, events, removed)


@dataclass(frozen=True)
class CsvExport:
    """The files written for the bulk importer, by role."""

    nodes: tuple[Path, ...]
    relationships: tuple[Path, ...]


_EVENT_FIELDS = (
    ("type", ""), ("edge", ""), ("cameo", ""), ("quad_class", ":int"), ("goldstein", ":float"),
    ("reciprocal", ":boolean"), ("date", ""),
    ("date_precision", ""), ("polarity", ""), ("modality", ""), ("sentence", ""), ("char_start", ":int"),
    ("char_end", ":int"), ("evidence_count", ":int"), ("evidence", ""), ("place", ""), ("commodity", ""),
    ("topic", ""), ("cameo_detail", ""), ("requested", ""), ("confidence", ":float"), ("extractor", ""),
    ("trigger", ""), ("pairing", ""), ("article_id", ""),
)


class ExportError(ValueError):
    """The export cannot be written where it was asked to go; the message names the place."""


def export_csv(source: GraphReader, folder: Path) -> CsvExport:
    """Nodes and relationships (aggregates included) of any backend as CSV with importer headers;
    raises ``ExportError`` when ``folder`` is a file or cannot be written. Articles and events
    are streamed a page of stored rows at a time (``source.pages()``); what is held besides is
    one actor id per actor and one aggregate per actor pair and relation."""
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: exists and is not a folder; give --out a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _export_csv(source, folder)
    except OSError as error:
        raise ExportError(f"{error.filename or folder}: cannot write ({error.strerror or error})") from error


_HEADERS: dict[str, list[str]] = {
    "actors": ["id:ID(Actor)", "name", "type", "country", "sector", "title", "since", "until", "aliases:string[]",
               ":LABEL"],
    "articles": ["id:ID(Article)", "url", "title", "published", "source", "content_hash", ":LABEL"],
    "events": ["id:ID(Event)", *(name + kind for name, kind in _EVENT_FIELDS), ":LABEL"],
    "subject": [":START_ID(Event)", ":END_ID(Actor)", ":TYPE"],
    "object": [":START_ID(Event)", ":END_ID(Actor)", ":TYPE"],
    "reported_in": [":START_ID(Event)", ":END_ID(Article)", ":TYPE"],
    "attributed_to": [":START_ID(Event)", ":END_ID(Actor)", ":TYPE"],
    "holds_role": [":START_ID(Actor)", ":END_ID(Actor)", "title", "since", "until", ":TYPE"],
    "aggregates": [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "count:int", "first_date", "last_date",
                   "goldstein_sum:float", "negated_count:int"],
    "copy_of": [":START_ID(Article)", ":END_ID(Article)", "similarity:float", ":TYPE"],
}
_NODES = ("actors", "articles", "events")


@dataclass(frozen=True)
class _Aggregate:
    """One aggregated relationship, summed over its events as they stream past."""

    count: int = 0
    first_date: str | None = None
    last_date: str | None = None
    goldstein_sum: float = 0.0
    negated_count: int = 0

    def plus(self, event: dict[str, Any]) -> _Aggregate:
        """This aggregate with one more event (an event row of ``store.event_row``)."""
        date = event["date"]
        dates = [d for d in (self.first_date, self.last_date, date) if d is not None]
        return _Aggregate(self.count + 1, min(dates, default=None), max(dates, default=None),
                          self.goldstein_sum + event["goldstein"],
                          self.negated_count + (event["polarity"] == "negated"))


class _Files:
    """One CSV writer per file of the export, each with its header written."""

    def __init__(self, folder: Path, stack: ExitStack) -> None:
        self.paths = {name: folder / f"{name}.csv" for name in _HEADERS}
        self._writers: dict[str, Any] = {}
        for name, path in self.paths.items():
            self._writers[name] = csv.writer(stack.enter_context(path.open("w", encoding="utf-8", newline="")))
            self._writers[name].writerow(_HEADERS[name])

    def write(self, name: str, rows: Iterable[list[Any]]) -> None:
        self._writers[name].writerows(rows)  # the csv module writes None as an empty field


def _importer_value(value: Any) -> Any:
    """A value as the bulk importer reads it: booleans as ``true``/``false``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _export_csv(source: GraphReader, folder: Path) -> CsvExport:
    with ExitStack() as stack:
        files = _Files(folder, stack)
        actor_ids: set[str] = set()
        offices: list[list[Any]] = []  # a person's office links to its country when that is stored
        for actor in source.all_actors():
            row = actor_row(actor)
            actor_ids.add(actor.id)
            files.write("actors", [[*(row[key] for key in ("id", "name", "type", "country", "sector", "title",
                                                             "since", "until")),
                                    ";".join(row["aliases"]), f"Actor;{row['label']}"]])
            if row["label"] == "Person" and actor.title is not None and actor.country is not None:
                offices.append([actor.id, f"country:{actor.country}", actor.title, actor.since, actor.until])
        files.write("holds_role", ([*office, "HOLDS_ROLE"] for office in offices if office[1] in actor_ids))
        # by first event, in the pages' order (articles by id, events by id): the same on every backend
        aggregates: dict[tuple[str, str, str], _Aggregate] = {}
        for page in source.pages():
            files.write("articles", ([*(a[key] for key in ("id", "url", "title", "published", "source",
                                                         "content_hash")), "Article"] for a in page.articles))
            events = page.events
            files.write("events", ([e["id"], *(_importer_value(e[name]) for name, _ in _EVENT_FIELDS), "Event"]
                                   for e in events))
            files.write("subject", ([e["id"], e["subject_id"], "SUBJECT"] for e in events))
            files.write("object", ([e["id"], e["object_id"], "OBJECT"] for e in events))
            files.write("reported_in", ([e["id"], e["article_id"], "REPORTED_IN"] for e in events))
            files.write("attributed_to", ([e["id"], e["attributed_to_id"], "ATTRIBUTED_TO"] for e in events
                                          if e["attributed_to_id"] is not None))
            for e in events:
                subject, obj = aggregate_pair(e["subject_id"], e["object_id"], bool(e["reciprocal"]))
                key = (subject, e["edge"], obj)
                aggregates[key] = aggregates.get(key, _Aggregate()).plus(e)
        files.write("aggregates", ([subject, obj, edge, a.count, a.first_date, a.last_date, a.goldstein_sum,
                                    a.negated_count] for (subject, edge, obj), a in aggregates.items()))
        files.write("copy_of", ([link.copy.id, link.original_id, link.similarity, "COPY_OF"]
                                for link in source.copies()))
    return CsvExport(tuple(files.paths[name] for name in _NODES),
                     tuple(path for name, path in files.paths.items() if name not in _NODES))
