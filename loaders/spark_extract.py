"""`geokg spark extract`: extraction on Apache Spark, written as the Parquet dataset of
``graph.parquet_dataset``.

The driver reads the inputs with Spark's own sources into one frame of ``(kind, input, payload)``
rows: a document file (``binaryFile``, recursive: .txt, .md, .html, .htm), a JSONL line
(``text``, the line's raw bytes) or a Parquet row (its ``id, text, title, date, url, source``
columns as JSON). Python workers turn each row into an ``Article`` with the very functions
``geokg extract`` uses (``loaders.sources``), extract it with ``mapInArrow`` and emit one row per
event, per article (extracted or failed, naming the input) and per drop reason. The three tables
are written partitioned by month with dynamic partition overwrite, so running again over the same
input replaces its partitions instead of adding to them.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from extract.calibration import DEFAULT_MIN_CONFIDENCE
from extract.extractor import ArticleFailure, Extractor, ExtractorSettings, create_extractor
from graph.model import Article, Extraction
from graph.parquet_dataset import (
    ARTICLES,
    ARTICLES_SCHEMA,
    DROPS,
    DROPS_SCHEMA,
    EVENTS,
    EVENTS_SCHEMA,
    MONTH,
    article_to_row,
    drop_rows,
    event_to_row,
    failed_article_row,
    report_file,
)
from graph.store import content_hash
from loaders.sources import (
    DEFAULT_MAX_BYTES,
    TEXT_SUFFIXES,
    InputError,
    article_from_bytes,
    article_from_fields,
    article_from_jsonl_line,
)

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

FILE, LINE, RECORD = "file", "line", "record"  # the kinds of input row
# one output row carries one of the three, the others null
OUTPUT_SCHEMA = pa.schema([
    pa.field("event", pa.struct(list(EVENTS_SCHEMA))),
    pa.field("article", pa.struct(list(ARTICLES_SCHEMA))),
    pa.field("drop", pa.struct(list(DROPS_SCHEMA))),
])
PARQUET_FIELDS = ("id", "text", "title", "date", "url", "source")
SNIPPET = 60


@dataclass(frozen=True)
class WorkerSettings:
    """What every Python worker needs to build articles and its extractor (pickled to workers)."""

    extractor: str
    knowledge_dir: str | None  # None: the package's own data, wherever the worker installed it
    date: str | None
    max_bytes: int = DEFAULT_MAX_BYTES
    min_confidence: float = DEFAULT_MIN_CONFIDENCE  # triples below this calibrated confidence are dropped


@dataclass
class SparkRun:
    """What a run did: the report ``DIR/_reports/<run id>.json`` holds."""

    inputs: list[str]
    master: str
    partitions: int
    extractor: str
    run_id: str = field(default_factory=lambda: time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
                        + "-" + uuid.uuid4().hex[:8])
    articles_read: int = 0
    articles_extracted: int = 0
    articles_failed: int = 0
    events: int = 0
    drops_by_reason: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # the first failed inputs' errors, for the console
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "inputs": self.inputs, "articles_read": self.articles_read,
                "articles_extracted": self.articles_extracted, "articles_failed": self.articles_failed,
                "events": self.events, "drops_by_reason": self.drops_by_reason, "seconds": round(self.seconds, 3),
                "master": self.master, "partitions": self.partitions, "extractor": self.extractor}


# The one piece of process-level state: a Python worker process serves many tasks (Spark reuses
# its workers), and building an extractor loads spaCy and the knowledge files (seconds), so each
# process builds it once per (extractor name, knowledge folder, floor) and keeps it. Nothing else is kept.
_EXTRACTORS: dict[tuple[str, str | None, float], Extractor] = {}


def worker_extractor(settings: WorkerSettings) -> Extractor:
    """This process's extractor for ``settings``, built on first use."""
    key = (settings.extractor, settings.knowledge_dir, settings.min_confidence)
    if key not in _EXTRACTORS:
        knowledge = ExtractorSettings(min_confidence=settings.min_confidence)
        if settings.knowledge_dir:
            knowledge = ExtractorSettings(Path(settings.knowledge_dir), settings.min_confidence)
        _EXTRACTORS[key] = create_extractor(settings.extractor, knowledge)
    return _EXTRACTORS[key]


def local_path(uri: str) -> str:
    """``file:/a/b`` as ``/a/b``; other URIs (``s3a://``, ``hdfs://``) as they are."""
    for prefix in ("file://", "file:"):
        if uri.startswith(prefix):
            return uri[len(prefix):]
    return uri


def article_of(kind: str, source: str, payload: bytes, settings: WorkerSettings) -> Article | InputError:
    """The article of one input row, built as ``geokg extract`` builds it, or the error naming it."""
    if kind == FILE:
        if len(payload) > settings.max_bytes:
            return InputError(source, f"file is {len(payload)} bytes, more than the limit of {settings.max_bytes}")
        return article_from_bytes(source, Path(source).suffix, payload, settings.date)
    try:
        line = payload.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return InputError(source, f"not UTF-8 text (byte {error.start}) in a line")
    if kind == LINE:
        item = article_from_jsonl_line(line, source, 0, settings.max_bytes)
        if isinstance(item, InputError):  # Spark's text source knows no line numbers: show the line's start
            return InputError(source, f"{item.message} in the line starting {line[:SNIPPET]!r}")
        return item
    return article_from_fields(json.loads(line), source, None)


def _label(kind: str, source: str, article: Article) -> str:
    return source if kind == FILE else f"{source}#{article.id}"


def extract_rows(rows: Iterable[tuple[str, str, bytes]], settings: WorkerSettings) -> Iterator[dict[str, Any]]:
    """Output rows (``OUTPUT_SCHEMA``) for input rows: events, one row per article, drops."""
    failed: list[dict[str, Any]] = []
    labels: dict[str, str] = {}

    def articles() -> Iterator[Article]:
        for kind, source, payload in rows:
            item = article_of(kind, local_path(source), payload, settings)
            if isinstance(item, InputError):
                failed.append(failed_article_row(local_path(source), str(item)))
                continue
            labels[item.id] = _label(kind, local_path(source), item)
            yield item

    def on_failure(failure: ArticleFailure) -> None:
        label = labels.pop(failure.article.id, failure.article.id)
        failed.append(failed_article_row(label, f"{label}: could not be extracted ({failure.reason})",
                                         failure.article))

    extractor = worker_extractor(settings)
    for extraction in extractor.extract_many(articles(), on_failure=on_failure):
        yield from _rows_of(extraction, labels.pop(extraction.article.id, extraction.article.id))
        while failed:
            yield {"article": failed.pop(0)}
    while failed:
        yield {"article": failed.pop(0)}


def _rows_of(extraction: Extraction, label: str) -> Iterator[dict[str, Any]]:
    for event in extraction.events:
        yield {"event": event_to_row(event)}
    yield {"article": article_to_row(extraction, content_hash(extraction.article.text), label)}
    for row in drop_rows(extraction):
        yield {"drop": row}


def extract_batches(batches: Iterable[pa.RecordBatch], settings: WorkerSettings,
                    rows_per_batch: int = 500) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: record batches of ``(kind, input, payload)`` in, of ``OUTPUT_SCHEMA`` out."""

    def inputs() -> Iterator[tuple[str, str, bytes]]:
        for batch in batches:
            columns = batch.to_pydict()
            yield from zip(columns["kind"], columns["input"], columns["payload"], strict=True)

    out: list[dict[str, Any]] = []
    for row in extract_rows(inputs(), settings):
        out.append(row)
        if len(out) >= rows_per_batch:
            yield pa.RecordBatch.from_pylist(out, schema=OUTPUT_SCHEMA)
            out = []
    if out:
        yield pa.RecordBatch.from_pylist(out, schema=OUTPUT_SCHEMA)


def _kind_of(path: str) -> str:
    lowered = path.rstrip("/").lower()
    if lowered.endswith(".jsonl"):
        return LINE
    if lowered.endswith(".parquet"):
        return RECORD
    return FILE


def input_frame(spark: SparkSession, inputs: Sequence[str]) -> DataFrame:
    """One frame of ``(kind, input, payload)`` rows over every input: a ``.jsonl`` path gives its
    lines, a ``.parquet`` path its rows, any other path (a file or a folder, read recursively) its
    .txt/.md/.html/.htm documents and the lines of the .jsonl files under it."""
    from pyspark.sql import functions as F

    frames: list[DataFrame] = []
    globs = "*.{" + ",".join(sorted(s.lstrip(".") for s in TEXT_SUFFIXES)) + "}"
    for path in inputs:
        kind = _kind_of(path)
        if kind == LINE:
            frames.append(_lines(spark.read.text(path)))
        elif kind == RECORD:
            table = spark.read.parquet(path)
            fields = [F.col(name).cast("string").alias(name) for name in PARQUET_FIELDS if name in table.columns]
            frames.append(table.select(F.lit(RECORD).alias("kind"), F.col("_metadata.file_path").alias("input"),
                                       F.to_json(F.struct(*fields)).cast("binary").alias("payload")))
        else:
            files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
                     .option("pathGlobFilter", globs).load(path))
            frames.append(files.where(~F.lower(F.col("path")).endswith("/readme.md"))
                          .select(F.lit(FILE).alias("kind"), F.col("path").alias("input"),
                                  F.col("content").alias("payload")))
            if not path.lower().endswith(tuple(TEXT_SUFFIXES)):
                lines = (spark.read.option("recursiveFileLookup", "true").option("pathGlobFilter", "*.jsonl")
                         .text(path))
                frames.append(_lines(lines))
    union = frames[0]
    for frame in frames[1:]:
        union = union.unionByName(frame)
    return union


def _lines(text: DataFrame) -> DataFrame:
    from pyspark.sql import functions as F

    return (text.where(F.trim(F.col("value")) != "")
            .select(F.lit(LINE).alias("kind"), F.col("_metadata.file_path").alias("input"),
                    F.col("value").cast("binary").alias("payload")))


def run_spark_extract(spark: SparkSession, inputs: Sequence[str], out: str, settings: WorkerSettings,
                      partitions: int, master: str) -> SparkRun:
    """Extract ``inputs`` on ``spark`` into the dataset ``out``; the run's report is written too."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    started = time.monotonic()
    run = SparkRun(list(inputs), master, partitions, settings.extractor)
    spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    rows = input_frame(spark, inputs).repartition(partitions)
    result = rows.mapInArrow(lambda batches: extract_batches(batches, settings), from_arrow_schema(OUTPUT_SCHEMA))
    result = result.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for column, name, order in (("event", EVENTS, ("article_id", "id")), ("article", ARTICLES, ("id", "input")),
                                    ("drop", DROPS, ("article_id", "reason"))):
            table = result.where(F.col(column).isNotNull()).select(f"{column}.*")
            # one task, so one file, per month and run (not one per month and extraction task: the
            # small files would cost the writer and every reader), sorted by article within it, so
            # a reader groups an article's rows without holding more
            (table.repartition(F.col(MONTH)).sortWithinPartitions(MONTH, *order).write.mode("overwrite")
             .partitionBy(MONTH).parquet(f"{out.rstrip('/')}/{name}"))
        _count(result, run)
    finally:
        result.unpersist()
    run.seconds = time.monotonic() - started
    _write_text(spark, out, *report_file(run.as_dict()))
    return run


def _write_text(spark: SparkSession, out: str, relative: str, text: str) -> None:
    """One small file beside the tables, through Hadoop's file system: any path Spark writes
    (a local folder, hdfs://, s3a://, ...)."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    path = jvm.org.apache.hadoop.fs.Path(f"{out.rstrip('/')}/{relative}")
    stream = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).create(path, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()


def _count(result: DataFrame, run: SparkRun) -> None:
    """The run's counts, in one pass over the cached result (one more for the first errors, only
    when articles failed)."""
    from pyspark.sql import functions as F

    key = (F.when(F.col("event").isNotNull(), F.lit("event"))
           .when(F.col("article").isNotNull(), F.concat(F.lit("article:"), F.col("article.status")))
           .otherwise(F.concat(F.lit("drop:"), F.col("drop.reason"))))
    amount = F.when(F.col("drop").isNotNull(), F.col("drop.count")).otherwise(F.lit(1))
    counts = {row["key"]: int(row["n"]) for row in
              result.select(key.alias("key"), amount.alias("n")).groupBy("key").agg(F.sum("n").alias("n")).collect()}
    run.articles_extracted = counts.get("article:extracted", 0)
    run.articles_failed = counts.get("article:failed", 0)
    run.articles_read = run.articles_extracted + run.articles_failed
    run.events = counts.get("event", 0)
    run.drops_by_reason = {k.removeprefix("drop:"): n for k, n in sorted(counts.items()) if k.startswith("drop:")}
    if run.articles_failed:
        failed = result.where(F.col("article.status") == "failed").select("article.error")
        run.errors = [row["error"] for row in failed.orderBy("error").limit(20).collect()]


def open_session(master: str | None, app_name: str = "geokg spark extract",
                 conf: dict[str, str] | None = None) -> SparkSession:
    """A Spark session on ``master`` (under spark-submit, None keeps the master it gives; alone, None
    is ``local[*]``). On a local master the Python workers run this interpreter, which has geokg,
    spaCy and pyarrow; on a cluster PYSPARK_PYTHON (or spark.pyspark.python) names the workers'."""
    import os
    import sys

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    # without --master, spark-submit's master applies (its launcher sets PYSPARK_GATEWAY_PORT); run
    # directly, PySpark's own default is local[*]
    local = (master or "local").startswith("local") and not (master is None and "PYSPARK_GATEWAY_PORT" in os.environ)
    if local and not os.environ.get("PYSPARK_PYTHON"):
        # PySpark reads the workers' interpreter from the environment when its context starts
        os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", "200")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()
