"""The Parquet dataset's rows and reading it back with pyarrow (written here by pyarrow, as Spark
lays it out: hive partitions by month, each file sorted by article)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from graph.model import Evidence, Extraction
from graph.parquet_dataset import (
    ARTICLES_SCHEMA,
    EVENT_COLUMNS,
    EVENTS_SCHEMA,
    DatasetError,
    article_to_row,
    event_from_row,
    event_to_row,
    month_of,
    read_articles,
    read_extractions,
    report_file,
)
from graph.records import event_record

ACTOR = ("id", "name", "type", "country", "sector", "title", "cameo", "since", "until", "aliases")


def test_the_event_columns_are_the_flattened_jsonl_record() -> None:
    actors = [f"{role}_{name}" for role in ("subject", "object", "attributed_to") for name in ACTOR]
    assert tuple(EVENTS_SCHEMA.names) == EVENT_COLUMNS
    expected = (
        "id", "article_id", *actors, "relation_type", "relation_cameo", "relation_quad_class", "relation_goldstein",
        "relation_reciprocal", "relation_plover", "relation_edge", "attributes", "polarity", "modality", "date",
        "date_precision", "sentence", "char_start", "char_end", "evidence", "trigger", "confidence", "pairing",
        "extractor", "month",
    )
    assert expected == EVENT_COLUMNS
    assert EVENTS_SCHEMA.field("relation_quad_class").type == pa.int32()
    assert EVENTS_SCHEMA.field("evidence").type.value_type.names == ["sentence", "char_start", "char_end"]


def test_a_row_gives_back_the_event_exactly(small_graph: list[Extraction]) -> None:
    events = [event for extraction in small_graph for event in extraction.events]
    assert any(e.attributed_to for e in events) and any(e.attributes for e in events)
    two_mentions = dataclasses.replace(events[0], evidence=(*events[0].evidence, Evidence("Again.", 900, 906)),
                                       date=None)
    for event in [*events, two_mentions]:
        row = event_to_row(event)
        assert tuple(row) == EVENT_COLUMNS
        assert event_record(event_from_row(row)) == event_record(event)
        assert event_from_row(row).id == event.id
    assert event_to_row(two_mentions)["month"] == "undated"
    assert json.loads(event_to_row(events[0])["attributes"]) == {"place": "Moscow"}


def test_months() -> None:
    assert [month_of(d) for d in ("2024-03-19", "2024-03", "2024", None, "")] == [
        "2024-03", "2024-03", "undated", "undated", "undated"]


def _write(directory: Path, extractions: list[Extraction]) -> None:
    """The dataset as Spark writes it: partitioned by month, each file sorted by article."""
    events = [event_to_row(e) for x in extractions for e in x.events]
    table = pa.Table.from_pylist(events, schema=EVENTS_SCHEMA).sort_by([("article_id", "ascending")])
    pq.write_to_dataset(table, directory / "events", partition_cols=["month"])
    articles = [article_to_row(x, "hash-" + x.article.id, x.article.id) for x in extractions]
    pq.write_to_dataset(pa.Table.from_pylist(articles, schema=ARTICLES_SCHEMA), directory / "articles",
                        partition_cols=["month"])


def test_extractions_stream_back_in_bounded_batches(tmp_path: Path, small_graph: list[Extraction]) -> None:
    first = small_graph[0]
    # one event of a1 dated a month later: a1's events lie in two month partitions
    later = dataclasses.replace(first.events[0], date="2024-02-01")
    moved = [dataclasses.replace(first, events=(later, *first.events[1:])), *small_graph[1:]]
    _write(tmp_path, moved)
    batches = list(read_extractions(tmp_path, batch_articles=2))
    assert all(len(batch) <= 2 for batch in batches) and len(batches) >= 2
    for batch in batches:  # an article is one extraction within a batch
        assert len({x.article.id for x in batch}) == len(batch)
    got = {event.id: event_record(event) for batch in batches for x in batch for event in x.events}
    expected = {event.id: event_record(event) for x in moved for event in x.events}
    assert got == expected
    articles = [row for rows in read_articles(tmp_path) for row in rows]
    assert {row["id"]: row["content_hash"] for row in articles} == {"a1": "hash-a1", "a2": "hash-a2", "a3": "hash-a3"}


def test_a_folder_without_the_tables_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="not a geokg Parquet dataset"):
        list(read_extractions(tmp_path))


def test_a_report_needs_every_key() -> None:
    with pytest.raises(ValueError, match="lacks"):
        report_file({"run_id": "r1"})
