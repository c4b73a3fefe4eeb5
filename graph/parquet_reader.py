"""Bulk reads of a Parquet dataset of ``geokg spark extract`` (``graph.reader.GraphReader``).

The layout is ``graph.parquet_dataset``'s: ``DIR/events/month=YYYY-MM/`` (or ``month=undated``),
one row per event with its actors flattened into it, and ``DIR/articles/``. Every read is a
pyarrow scan with the filter pushed down: a slice's dates prune whole ``month`` partitions
(``event_filter``), and its dates, types, actors and polarity are tested on the rows pyarrow
decodes; only the columns a read needs are decoded.

Actors are not a table of the dataset: an actor is read from the events that name it, its
properties those of its latest event (by date, then event id) as if the events were loaded in
date order into a store: office (title, since, until) the latest one given, aliases every other
name and alias seen. A dataset records no near-duplicate copies, so ``copies`` yields none.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from graph.model import Actor, ActorType, Article, CopyLink, Event, Extraction
from graph.parquet_dataset import (
    ARTICLES,
    ARTICLES_SCHEMA,
    EVENTS,
    EVENTS_SCHEMA,
    EXTRACTED,
    MONTH,
    UNDATED,
    DatasetError,
    event_from_row,
)
from graph.reader import EXTRACTION_PAGE, ActorRow, ArticleRow, EventRow, Slice, checked_page
from graph.store import Batch

# the dataset's column of each EventRow field
_EVENT_SOURCES = {
    "id": "id", "article_id": "article_id", "date": "date", "type": "relation_type", "edge": "relation_edge",
    "cameo": "relation_cameo", "quad_class": "relation_quad_class", "goldstein": "relation_goldstein",
    "reciprocal": "relation_reciprocal", "polarity": "polarity", "modality": "modality",
    "subject_id": "subject_id", "object_id": "object_id", "attributed_to_id": "attributed_to_id",
    "sentence": "sentence", "pairing": "pairing",
}
_ROLES = ("subject", "object", "attributed_to")
_ACTOR_FIELDS = ("id", "name", "type", "country", "sector", "title", "cameo", "since", "until", "aliases")
_KEPT_WHEN_ABSENT = ("title", "since", "until")  # as the stores keep an office a later row does not name


def _one_of(column: str, values: Sequence[str]) -> ds.Expression:
    """``column`` is one of ``values`` (typed, so an empty list matches nothing)."""
    return ds.field(column).isin(pa.array(list(values), type=pa.string()))


def month_filter(part: Slice) -> ds.Expression:
    """The ``month`` partitions that can hold events of ``part``'s dates: a month partition holds
    dates that begin with its month, and ``undated`` the dates without one (a year alone, or none)."""
    months = ds.scalar(True)
    if part.date_from is not None:
        months = months & (ds.field(MONTH) >= part.date_from[:7])
    if part.date_to is not None:
        months = months & (ds.field(MONTH) <= part.date_to[:7])
    return (ds.field(MONTH) == UNDATED) | months


def event_filter(part: Slice) -> ds.Expression:
    """``part`` as a pyarrow filter of the events: the partitions first, then the rows."""
    rows = month_filter(part)
    if part.date_from is not None:
        rows = rows & (ds.field("date") >= part.date_from)
    if part.date_to is not None:
        rows = rows & (ds.field("date") <= part.date_to)
    if part.types:
        rows = rows & _one_of("relation_type", part.types)
    if part.actors:
        rows = rows & (_one_of("subject_id", part.actors) | _one_of("object_id", part.actors))
    if not part.include_negated:
        rows = rows & (ds.field("polarity") != "negated")
    return rows


def _columns(batch: pa.RecordBatch) -> Iterator[tuple[Any, ...]]:
    """A record batch's rows as tuples of Python values, in its column order."""
    return zip(*(column.to_pylist() for column in batch.columns), strict=True)


class _ActorVersions:
    """The actors of a stream of event rows, folded as a store would load them in date order."""

    def __init__(self) -> None:
        self._latest: dict[str, tuple[tuple[str, str], dict[str, Any]]] = {}
        self._names: dict[str, set[str]] = {}

    def add(self, when: tuple[str, str], values: dict[str, Any]) -> None:
        actor_id = values["id"]
        self._names.setdefault(actor_id, set()).update([values["name"], *(values["aliases"] or ())])
        seen = self._latest.get(actor_id)
        if seen is None:
            self._latest[actor_id] = (when, values)
            return
        (_, older), (later, newer) = sorted([seen, (when, values)], key=lambda pair: pair[0])
        kept = {key: newer[key] if newer[key] is not None else older[key] for key in _KEPT_WHEN_ABSENT}
        self._latest[actor_id] = (later, {**newer, **kept})

    def actors(self) -> Iterator[Actor]:
        for actor_id in sorted(self._latest):
            values = self._latest[actor_id][1]
            aliases = tuple(sorted(self._names[actor_id] - {values["name"]}))
            yield Actor(actor_id, values["name"], ActorType(values["type"]), values["country"], values["sector"],
                        values["title"], values["cameo"], values["since"], values["until"], aliases)


class ParquetReader:
    """A ``geokg spark extract`` dataset in ``directory``, read with pyarrow."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.events_dataset = self._dataset(EVENTS, EVENTS_SCHEMA)
        self.articles_dataset = self._dataset(ARTICLES, ARTICLES_SCHEMA)

    def _dataset(self, name: str, schema: pa.Schema) -> ds.Dataset:
        folder = self.directory / name
        if not folder.is_dir():
            raise DatasetError(f"{self.directory}: not a geokg Parquet dataset (no {name}/ folder)")
        return ds.dataset(folder, format="parquet", schema=schema, partitioning="hive")

    def _scan(self, dataset: ds.Dataset, columns: list[str], where: ds.Expression) -> Iterator[tuple[Any, ...]]:
        try:
            for batch in dataset.to_batches(columns=columns, filter=where):
                yield from _columns(batch)
        except (OSError, pa.ArrowInvalid) as error:
            raise DatasetError(f"{self.directory}: cannot read the Parquet dataset ({error})") from error

    def events(self, part: Slice) -> Iterator[EventRow]:
        columns = [_EVENT_SOURCES[name] for name in EventRow._fields]
        return map(EventRow._make, self._scan(self.events_dataset, columns, event_filter(part)))

    def _actor_versions(self, ids: Sequence[str] | None) -> _ActorVersions:
        """The actors named by the events (only those of ``ids``, unless None)."""
        columns = ["date", "id", *(f"{role}_{name}" for role in _ROLES for name in _ACTOR_FIELDS)]
        where = ds.scalar(True)
        if ids is not None:
            where = _one_of("subject_id", ids) | _one_of("object_id", ids) | _one_of("attributed_to_id", ids)
        wanted = None if ids is None else set(ids)
        versions = _ActorVersions()
        width = len(_ACTOR_FIELDS)
        for date, event_id, *actors in self._scan(self.events_dataset, columns, where):
            for start in range(0, len(actors), width):
                values = dict(zip(_ACTOR_FIELDS, actors[start:start + width], strict=True))
                if values["id"] is not None and (wanted is None or values["id"] in wanted):
                    versions.add((date or "", event_id), values)
        return versions

    def actors(self, ids: Sequence[str]) -> Iterator[ActorRow]:
        if not ids:
            return iter(())
        return (ActorRow(a.id, a.name, a.type.value, a.country, a.title, a.aliases)
                for a in self._actor_versions(ids).actors())

    def all_actors(self) -> Iterator[Actor]:
        return self._actor_versions(None).actors()

    def _extracted(self) -> ds.Expression:
        return (ds.field("status") == EXTRACTED) & pc.is_valid(ds.field("id"))

    def articles(self, ids: Sequence[str]) -> Iterator[ArticleRow]:
        where = self._extracted() & _one_of("id", ids)
        seen: set[str] = set()
        for row in self._scan(self.articles_dataset, ["id", "title", "url"], where):
            if row[0] not in seen:  # an article read from two inputs is one article
                seen.add(row[0])
                yield ArticleRow._make(row)

    def _article_ids(self) -> pa.Array[pa.StringScalar] | pa.ChunkedArray[pa.StringScalar]:
        """Every article id of the dataset (extracted articles and the articles events name), sorted."""
        try:
            ids = pa.chunked_array([
                self.articles_dataset.to_table(columns=["id"], filter=self._extracted()).column("id"),
                self.events_dataset.to_table(columns=["article_id"], filter=pc.is_valid(ds.field("article_id")))
                .column("article_id"),
            ], type=pa.string())
        except (OSError, pa.ArrowInvalid) as error:
            raise DatasetError(f"{self.directory}: cannot read the Parquet dataset ({error})") from error
        unique = pc.unique(ids)
        return unique.take(pc.array_sort_indices(unique))

    def _pages_of_ids(self, size: int) -> Iterator[list[str]]:
        """The dataset's article ids, sorted, ``size`` at a time. The sorted ids are held (in Arrow
        memory, a few bytes each); a page's events are those whose article id lies in its range,
        which the row groups' statistics prune (the writer sorts each file by article id)."""
        ids = self._article_ids()
        for start in range(0, len(ids), checked_page(size)):
            yield [i for i in ids[start:start + size].to_pylist() if i is not None]

    def pages(self, size: int = EXTRACTION_PAGE) -> Iterator[Batch]:
        return (Batch.of(self._page(ids)) for ids in self._pages_of_ids(size))

    def extractions(self, page: int = EXTRACTION_PAGE) -> Iterator[Extraction]:
        for ids in self._pages_of_ids(page):
            yield from self._page(ids)

    def _page(self, ids: list[str]) -> list[Extraction]:
        """The extractions of these article ids (a page: sorted, every dataset id in their range)."""
        within = (ds.field("id") >= ids[0]) & (ds.field("id") <= ids[-1])
        articles: dict[str, Article] = {}
        for i, title, date, url, source, text_hash in self._scan(
            self.articles_dataset, ["id", "title", "date", "url", "source", "content_hash"],
            self._extracted() & within,
        ):
            articles.setdefault(i, Article(i, "", title, date, url, source, text_hash or None))
        columns = [name for name in EVENTS_SCHEMA.names if name != MONTH]
        events: dict[str, dict[str, Event]] = {i: {} for i in ids}  # by id: an event written twice is one
        where = (ds.field("article_id") >= ids[0]) & (ds.field("article_id") <= ids[-1])
        for values in self._scan(self.events_dataset, columns, where):
            row = dict(zip(columns, values, strict=True))
            events[row["article_id"]][row["id"]] = event_from_row(row)
        return [Extraction(articles.get(i, Article(i, "")), tuple(events[i][e] for e in sorted(events[i])), ())
                for i in ids]

    def copies(self) -> Iterator[CopyLink]:
        return iter(())

    def close(self) -> None:
        """Nothing to release: every read opens and closes its files."""

