"""The Parquet dataset `geokg spark extract` writes, and reading it back with pyarrow alone.

Layout of a dataset folder ``DIR``:

- ``DIR/events/month=YYYY-MM/*.parquet``: one row per triple, the JSONL record of
  ``graph.records.event_record`` flattened (``EVENT_COLUMNS``); ``month`` is the month of the
  event's date, ``undated`` when it has none. Within each file the rows are sorted by
  ``article_id``, so one article's events in one file are contiguous.
- ``DIR/articles/month=YYYY-MM/*.parquet``: one row per input article (``ARTICLE_COLUMNS``),
  ``status`` ``extracted`` or ``failed`` (then ``error`` names the input and why, and ``input``
  says where it came from); partitioned by the article's month the same way.
- ``DIR/drops/month=YYYY-MM/*.parquet``: per article, how many candidates were dropped for each
  reason (``DROP_COLUMNS``), partitioned by the article's month; the run report sums them.
- ``DIR/_reports/<run id>.json``: one report per run (``RUN_REPORT_KEYS``).

An article's events may carry dates of several months, so they can lie in several ``month``
partitions: ``read_extractions`` hands an article once per file that holds its events, and
``read_articles`` gives every article once (with its events or not).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from graph.model import Actor, ActorType, Article, Event, Evidence, Extraction, Modality, Polarity, RelationType

EVENTS = "events"
ARTICLES = "articles"
DROPS = "drops"
REPORTS = "_reports"
MONTH = "month"
UNDATED = "undated"
EXTRACTED = "extracted"
FAILED = "failed"
_MONTH = re.compile(r"^\d{4}-\d{2}")
ACTOR_ROLES = ("subject", "object", "attributed_to")
_ACTOR_FIELDS: tuple[tuple[str, pa.DataType], ...] = (
    ("id", pa.string()), ("name", pa.string()), ("type", pa.string()), ("country", pa.string()),
    ("sector", pa.string()), ("title", pa.string()), ("cameo", pa.string()), ("since", pa.string()),
    ("until", pa.string()), ("aliases", pa.list_(pa.string())),
)
EVIDENCE_TYPE = pa.list_(pa.struct([("sentence", pa.string()), ("char_start", pa.int64()), ("char_end", pa.int64())]))
_EVENT_FIELDS: list[tuple[str, pa.DataType]] = [
    ("id", pa.string()),
    ("article_id", pa.string()),
    *[(f"{role}_{name}", kind) for role in ACTOR_ROLES for name, kind in _ACTOR_FIELDS],
    ("relation_type", pa.string()),
    ("relation_cameo", pa.string()),
    ("relation_quad_class", pa.int32()),
    ("relation_goldstein", pa.float64()),
    ("relation_reciprocal", pa.bool_()),
    ("relation_plover", pa.string()),
    ("relation_edge", pa.string()),
    ("attributes", pa.string()),  # JSON text of relation.attributes: {"place": "Kyiv", ...}
    ("polarity", pa.string()),
    ("modality", pa.string()),
    ("date", pa.string()),
    ("date_precision", pa.string()),
    ("sentence", pa.string()),
    ("char_start", pa.int64()),
    ("char_end", pa.int64()),
    ("evidence", EVIDENCE_TYPE),
    ("trigger", pa.string()),
    ("confidence", pa.float64()),
    ("pairing", pa.string()),
    ("extractor", pa.string()),
    (MONTH, pa.string()),
]
EVENTS_SCHEMA = pa.schema(_EVENT_FIELDS)
EVENT_COLUMNS: tuple[str, ...] = tuple(EVENTS_SCHEMA.names)
_ARTICLE_FIELDS: list[tuple[str, pa.DataType]] = [
    ("id", pa.string()),  # null for an input that never became an article (unreadable, bad line)
    ("input", pa.string()),  # where it came from: a file, or FILE#ID for a JSONL line or Parquet row
    ("title", pa.string()),
    ("date", pa.string()),
    ("url", pa.string()),
    ("source", pa.string()),
    ("content_hash", pa.string()),
    ("status", pa.string()),  # extracted | failed
    ("error", pa.string()),
    ("events", pa.int64()),
    ("drops", pa.int64()),
    (MONTH, pa.string()),
]
ARTICLES_SCHEMA = pa.schema(_ARTICLE_FIELDS)
ARTICLE_COLUMNS: tuple[str, ...] = tuple(ARTICLES_SCHEMA.names)
_DROP_FIELDS: list[tuple[str, pa.DataType]] = [
    ("article_id", pa.string()), ("reason", pa.string()), ("count", pa.int64()), (MONTH, pa.string())]
DROPS_SCHEMA = pa.schema(_DROP_FIELDS)
DROP_COLUMNS: tuple[str, ...] = tuple(DROPS_SCHEMA.names)
RUN_REPORT_KEYS = ("run_id", "inputs", "articles_read", "articles_extracted", "articles_failed", "events",
                   "drops_by_reason", "seconds", "master", "partitions", "extractor")


class DatasetError(ValueError):
    """A folder that is not a geokg Parquet dataset; the message names it."""


def month_of(date: str | None) -> str:
    """The partition of a date: ``YYYY-MM`` when it has a month, else ``undated``."""
    return date[:7] if date and _MONTH.match(date) else UNDATED


def _actor_columns(role: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{role}_{name}": None for name, _ in _ACTOR_FIELDS}
    return {
        f"{role}_id": actor.id, f"{role}_name": actor.name, f"{role}_type": actor.type.value,
        f"{role}_country": actor.country, f"{role}_sector": actor.sector, f"{role}_title": actor.title,
        f"{role}_cameo": actor.cameo, f"{role}_since": actor.since, f"{role}_until": actor.until,
        f"{role}_aliases": list(actor.aliases),
    }


def event_to_row(event: Event) -> dict[str, Any]:
    """One event as a row of ``EVENTS_SCHEMA`` (the keys of ``EVENT_COLUMNS``, in order)."""
    relation = event.relation
    row: dict[str, Any] = {"id": event.id, "article_id": event.article_id}
    for role, actor in zip(ACTOR_ROLES, (event.subject, event.object, event.attributed_to), strict=True):
        row.update(_actor_columns(role, actor))
    row.update({
        "relation_type": relation.name, "relation_cameo": relation.cameo, "relation_quad_class": relation.quad_class,
        "relation_goldstein": relation.goldstein, "relation_reciprocal": relation.reciprocal,
        "relation_plover": relation.plover, "relation_edge": relation.edge_type,
        "attributes": json.dumps(dict(event.attributes), ensure_ascii=False),
        "polarity": event.polarity.value, "modality": event.modality.value,
        "date": event.date, "date_precision": event.date_precision,
        "sentence": event.sentence, "char_start": event.char_start, "char_end": event.char_end,
        "evidence": [{"sentence": e.sentence, "char_start": e.char_start, "char_end": e.char_end}
                     for e in event.evidence],
        "trigger": event.trigger, "confidence": event.confidence, "pairing": event.pairing,
        "extractor": event.extractor, MONTH: month_of(event.date),
    })
    return row


def _actor_of(row: Mapping[str, Any], role: str) -> Actor | None:
    if row[f"{role}_id"] is None:
        return None
    return Actor(
        id=row[f"{role}_id"], name=row[f"{role}_name"], type=ActorType(row[f"{role}_type"]),
        country=row[f"{role}_country"], sector=row[f"{role}_sector"], title=row[f"{role}_title"],
        cameo=row[f"{role}_cameo"], since=row[f"{role}_since"], until=row[f"{role}_until"],
        aliases=tuple(row[f"{role}_aliases"] or ()),
    )


def event_from_row(row: Mapping[str, Any]) -> Event:
    """The inverse of ``event_to_row``: ``event_record(event_from_row(event_to_row(e))) == event_record(e)``."""
    subject, obj = _actor_of(row, "subject"), _actor_of(row, "object")
    if subject is None or obj is None:
        raise DatasetError(f"event {row.get('id')}: no subject or object")
    return Event(
        article_id=row["article_id"],
        subject=subject,
        relation=RelationType(
            name=row["relation_type"], cameo=row["relation_cameo"], quad_class=int(row["relation_quad_class"]),
            goldstein=float(row["relation_goldstein"]), reciprocal=bool(row["relation_reciprocal"]),
            plover=row["relation_plover"], description="", edge=row["relation_edge"],
        ),
        object=obj,
        polarity=Polarity(row["polarity"]),
        modality=Modality(row["modality"]),
        attributed_to=_actor_of(row, "attributed_to"),
        date=row["date"],
        date_precision=row["date_precision"],
        evidence=tuple(Evidence(e["sentence"], int(e["char_start"]), int(e["char_end"])) for e in row["evidence"]),
        confidence=float(row["confidence"]),
        extractor=row["extractor"],
        trigger=row["trigger"],
        attributes=tuple(sorted(json.loads(row["attributes"] or "{}").items())),
        pairing=row["pairing"],
    )


def article_to_row(extraction: Extraction, content_hash: str, input_label: str) -> dict[str, Any]:
    """An extracted article's row of ``ARTICLES_SCHEMA``."""
    article = extraction.article
    return {
        "id": article.id, "input": input_label, "title": article.title, "date": article.date, "url": article.url,
        "source": article.source, "content_hash": content_hash, "status": EXTRACTED, "error": None,
        "events": len(extraction.events), "drops": len(extraction.drops), MONTH: month_of(article.date),
    }


def failed_article_row(input_label: str, error: str, article: Article | None = None) -> dict[str, Any]:
    """The row of an input that could not be read or extracted; ``error`` names the input."""
    return {
        "id": article.id if article else None, "input": input_label, "title": article.title if article else None,
        "date": article.date if article else None, "url": article.url if article else None,
        "source": article.source if article else None, "content_hash": None, "status": FAILED, "error": error,
        "events": 0, "drops": 0, MONTH: month_of(article.date if article else None),
    }


def drop_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """Per reason, how many candidates of one article were dropped."""
    counts: dict[str, int] = {}
    for drop in extraction.drops:
        counts[drop.reason.value] = counts.get(drop.reason.value, 0) + 1
    month = month_of(extraction.article.date)
    return [{"article_id": extraction.article.id, "reason": reason, "count": count, MONTH: month}
            for reason, count in sorted(counts.items())]


def is_dataset(path: Path) -> bool:
    """Whether ``path`` is a dataset folder (it has ``events/``)."""
    return (path / EVENTS).is_dir()


def _table(directory: Path, name: str, schema: pa.Schema) -> ds.Dataset:
    folder = directory / name
    if not folder.is_dir():
        raise DatasetError(f"{directory}: not a geokg Parquet dataset (no {name}/ folder)")
    return ds.dataset(folder, format="parquet", schema=schema, partitioning="hive",
                      exclude_invalid_files=True)


def _files(dataset: ds.Dataset) -> list[str]:
    return sorted(fragment.path for fragment in dataset.get_fragments())


def read_articles(directory: Path, batch_rows: int = 1000) -> Iterator[list[dict[str, Any]]]:
    """The articles table in batches of at most ``batch_rows`` rows (dicts of ``ARTICLE_COLUMNS``),
    one record batch in memory at a time."""
    dataset = _table(directory, ARTICLES, ARTICLES_SCHEMA)
    for batch in dataset.to_batches(batch_size=batch_rows):
        if batch.num_rows:
            yield batch.to_pylist()


def article_from_row(row: Mapping[str, Any]) -> Article:
    """The article of an articles row, its text unknown (the store keeps the row's content hash)."""
    return Article(row["id"], "", row["title"], row["date"], row["url"], row["source"],
                   text_hash=row["content_hash"])


def read_extractions(directory: Path, batch_articles: int = 100) -> Iterator[list[Extraction]]:
    """Extractions from the events table, at most ``batch_articles`` a batch, streaming.

    Files are read one after the other, record batch by record batch; the rows of one article in
    one file are contiguous (the writer sorts every file by ``article_id``), so memory holds one
    record batch and one batch of extractions, whatever the dataset's size. An article whose events
    lie in several files (several months) is one extraction within a batch, but may come again in a
    later batch with its other events; its article is the id alone (text and metadata unknown:
    ``read_articles`` has them).
    """
    dataset = _table(directory, EVENTS, EVENTS_SCHEMA)
    pending: dict[str, list[Event]] = {}  # article id -> its events so far, in the order read
    for path in _files(dataset):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
            for row in batch.to_pylist():
                article_id = row["article_id"]
                if article_id not in pending and len(pending) >= batch_articles:
                    yield _extractions(pending)
                    pending = {}
                pending.setdefault(article_id, []).append(event_from_row(row))
    if pending:
        yield _extractions(pending)


def _extractions(events: Mapping[str, list[Event]]) -> list[Extraction]:
    return [Extraction(Article(article_id, ""), tuple(group), ()) for article_id, group in events.items()]


def count_rows(directory: Path, name: str = EVENTS) -> int:
    """How many rows a table of the dataset holds (Parquet metadata only)."""
    schema = {EVENTS: EVENTS_SCHEMA, ARTICLES: ARTICLES_SCHEMA, DROPS: DROPS_SCHEMA}[name]
    return int(_table(directory, name, schema).count_rows())


def report_file(report: Mapping[str, Any]) -> tuple[str, str]:
    """Where a run's report goes in the dataset (``_reports/<run id>.json``) and its text; the keys
    must be ``RUN_REPORT_KEYS``."""
    missing = [key for key in RUN_REPORT_KEYS if key not in report]
    if missing:
        raise ValueError(f"run report lacks {', '.join(missing)}")
    return f"{REPORTS}/{report['run_id']}.json", json.dumps(dict(report), ensure_ascii=False, indent=1) + "\n"
