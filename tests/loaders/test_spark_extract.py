"""`geokg spark extract` on a real local Spark (local[2]) and `geokg load DIR`, against `geokg extract`
and `geokg ingest` of the same examples. One Spark session serves the module; its Python workers
keep their extractor between jobs, so only the first job loads spaCy."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from extract.pipeline import Extractor
from geokg.cli import build_parser, main, run_extract
from graph.parquet_dataset import (
    ARTICLES,
    EVENTS,
    FAILED,
    REPORTS,
    RUN_REPORT_KEYS,
    count_rows,
    read_articles,
    read_extractions,
)
from graph.records import event_record
from graph.sqlite_store import SqliteStore
from loaders.ingest import Ledger, ingest
from loaders.sources import read_inputs
from loaders.spark_extract import WorkerSettings, open_session, run_spark_extract

if TYPE_CHECKING:
    from neo4j import Driver
    from pyspark.sql import SparkSession

    from tests.graph.neo4j_fixtures import Neo4jTestServer

# pandas 3 is newer than PySpark 4.3 knows; mapInArrow does not use pandas
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = str(ROOT / "examples" / "articles")
SETTINGS = WorkerSettings("geokg-rules", None, None)


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    conf = {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2"}
    session = open_session("local[2]", "geokg tests", conf)
    yield session
    session.stop()


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def reference() -> dict[str, dict[str, Any]]:
    """`geokg extract examples/articles`: event id -> its JSONL record."""
    out, err = io.StringIO(), io.StringIO()
    assert run_extract(build_parser().parse_args(["extract", EXAMPLES]), out, err) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    return {record["id"]: record for record in records}


@pytest.fixture(scope="module")
def dataset(spark: SparkSession, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """`geokg spark extract examples/articles --master local[2] --out DIR` (on the module's session)."""
    out = tmp_path_factory.mktemp("spark") / "dataset"
    code, stdout, _ = _cli("spark", "extract", EXAMPLES, "--master", "local[2]", "--out", str(out))
    return out, code, stdout


def _records(directory: Path) -> list[dict[str, Any]]:
    return [event_record(event) for batch in read_extractions(directory, 7) for e in batch for event in e.events]


def test_spark_extract_gives_exactly_the_events_of_geokg_extract(
    dataset: tuple[Path, int, str], reference: dict[str, dict[str, Any]]
) -> None:
    directory, code, stdout = dataset
    assert code == 0
    assert stdout.startswith("geokg: 67 articles, 67 extracted, 0 failed, ")
    records = _records(directory)
    assert len(records) == len({r["id"] for r in records}) == len(reference) > 150
    assert {r["id"]: r for r in records} == reference  # every field of every event
    articles = [row for rows in read_articles(directory) for row in rows]
    assert len(articles) == 67 and {row["status"] for row in articles} == {"extracted"}
    assert sum(row["events"] for row in articles) == len(reference)
    (report_file,) = (directory / REPORTS).glob("*.json")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert tuple(report) == RUN_REPORT_KEYS
    assert (report["articles_read"], report["articles_failed"], report["events"]) == (67, 0, len(reference))
    assert (report["master"], report["partitions"]) == ("local[2]", 2)
    assert sum(report["drops_by_reason"].values()) > 0


def test_a_rerun_over_the_same_input_replaces_its_partitions(spark: SparkSession, dataset: tuple[Path, int, str],
                                                             reference: dict[str, dict[str, Any]]) -> None:
    directory = dataset[0]
    run = run_spark_extract(spark, [EXAMPLES], str(directory), SETTINGS, 2, "local[2]")
    assert (run.articles_read, run.events) == (67, len(reference))
    records = _records(directory)
    assert len(records) == len({r["id"] for r in records}) == len(reference)  # no duplicates
    assert count_rows(directory, ARTICLES) == 67
    assert len(list((directory / REPORTS).glob("*.json"))) == 2  # one report per run


def test_a_killed_job_leaves_no_finished_output_and_a_rerun_completes_it(
    spark: SparkSession, tmp_path: Path, reference: dict[str, dict[str, Any]]
) -> None:
    out = tmp_path / "dataset"
    process = subprocess.Popen(
        [sys.executable, "-m", "geokg", "spark", "extract", EXAMPLES, "--master", "local[2]", "--out", str(out)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    events = out / EVENTS
    try:
        deadline = time.monotonic() + 240
        # the events job has begun writing: its staging folder exists (extraction runs inside it)
        while not (events.is_dir() and any(events.iterdir())) and process.poll() is None:
            assert time.monotonic() < deadline, "the Spark job never began writing"
            time.sleep(0.1)
        assert process.poll() is None, "the job ended before it could be killed"
        seen = [path.name for path in events.iterdir()]
        os.killpg(process.pid, signal.SIGKILL)  # the CLI, its JVM and its Python workers: one process group
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == -signal.SIGKILL
    # what the write had begun is the job's staging folder (dynamic partition overwrite), and the
    # run never finished: its report, written last, is missing
    assert seen and all(name.startswith((".spark-staging-", "_temporary")) for name in seen), seen
    assert not (out / REPORTS).exists()
    run = run_spark_extract(spark, [EXAMPLES], str(out), SETTINGS, 2, "local[2]")
    assert run.events == len(reference)
    records = _records(out)
    assert len(records) == len({r["id"] for r in records}) and {r["id"]: r for r in records} == reference
    assert count_rows(out, ARTICLES) == 67


def _counts(db: Path) -> dict[str, int]:
    store = SqliteStore(db)
    try:
        return store.counts()
    finally:
        store.close()


def test_load_twice_into_sqlite_gives_the_counts_of_ingest(
    dataset: tuple[Path, int, str], tmp_path: Path, extractor: Extractor
) -> None:
    directory = dataset[0]
    db, ledger = tmp_path / "graph.sqlite", tmp_path / "ledger.sqlite"
    first = _cli("load", str(directory), "--db", str(db), "--ledger", str(ledger))
    after_first = _counts(db)
    second = _cli("load", str(directory), "--db", str(db), "--ledger", str(ledger))
    assert first[0] == second[0] == 0 and "0 articles failed at extraction" in first[1]
    assert _counts(db) == after_first
    replaced = _cli("load", str(directory), "--db", str(db), "--ledger", str(ledger), "--replace")
    assert replaced[0] == 0 and _counts(db) == after_first
    ingested_db = tmp_path / "ingested.sqlite"
    store, own_ledger = SqliteStore(ingested_db), Ledger(tmp_path / "ingest-ledger.sqlite")
    try:
        store.ensure_schema()
        # the default confidence floor, as `geokg spark extract` ran (the suite's extractor keeps every triple)
        default = Extractor(extractor.nlp, extractor.knowledge)
        ingest(read_inputs([EXAMPLES]), store, "k", default, own_ledger, 50)
        ingested = store.counts()
        loaded = SqliteStore(db)
        try:  # the articles keep what ingest stores of them: title, date, address, content hash
            for rows in read_articles(directory):
                for row in rows:
                    assert loaded.article(row["id"]) == store.article(row["id"])
        finally:
            loaded.close()
    finally:
        own_ledger.close()
        store.close()
    assert after_first == ingested and ingested["Event"] > 150


@pytest.mark.neo4j
def test_load_into_neo4j_gives_the_counts_of_sqlite(
    dataset: tuple[Path, int, str], tmp_path: Path, neo4j_server: Neo4jTestServer, neo4j_driver: Driver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory = dataset[0]
    for key, value in neo4j_server.env().items():
        monkeypatch.setenv(key, value)
    code, stdout, _ = _cli("load", str(directory), "--store", "neo4j", "--ledger", str(tmp_path / "ledger.sqlite"))
    assert code == 0 and stdout.startswith("loaded ")
    _cli("load", str(directory), "--db", str(tmp_path / "graph.sqlite"), "--ledger", str(tmp_path / "l.sqlite"))
    from graph.neo4j_store import Neo4jStore

    store = Neo4jStore(neo4j_server.store_settings())
    try:
        assert store.counts() == _counts(tmp_path / "graph.sqlite")
    finally:
        store.close()


def test_bad_inputs_become_failed_article_rows_naming_them(spark: SparkSession, tmp_path: Path) -> None:
    """Files, JSONL lines and Parquet rows: the good ones extracted, each bad one a failed row."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "latin1.txt").write_bytes("Le président a visité Moscou.".encode("latin-1"))
    (folder / "good.txt").write_text("Hungary criticized Russia on Monday.", encoding="utf-8")
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "a1", "text": "Hungary criticized Russia."}\n{"id": "a2", "text": \n', encoding="utf-8")
    table = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": ["Russia attacked Ukraine on Sunday.", " "],
                             "date": [dt.date(2024, 5, 2), None]}), table)
    out = tmp_path / "dataset"
    code, stdout, err = _cli("spark", "extract", str(folder), str(dump), str(table), "--out", str(out),
                             "--date", "2024-05-01")
    assert code == 1
    assert stdout.startswith("geokg: 6 articles, 3 extracted, 3 failed")
    rows = [row for batch in read_articles(out) for row in batch]
    failed = {row["input"]: row["error"] for row in rows if row["status"] == FAILED}
    assert set(failed) == {str(folder / "latin1.txt"), str(dump), str(table)}
    assert failed[str(folder / "latin1.txt")] == f"{folder / 'latin1.txt'}: not UTF-8 text (byte 5)"
    assert failed[str(dump)].startswith(f"{dump}: invalid JSON (Expecting value at column ")
    assert failed[str(dump)].endswith("in the line starting '{\"id\": \"a2\", \"text\": '")
    assert failed[str(table)] == f'{table}: missing or empty "text"'
    assert all(message in err for message in failed.values())
    extracted = {row["id"]: row for row in rows if row["status"] == "extracted"}
    assert {"a1", "p1"} <= set(extracted) and len(extracted) == 3
    assert (extracted["p1"]["input"], extracted["p1"]["date"]) == (f"{table}#p1", "2024-05-02")
    assert extracted["a1"]["date"] is None  # --date is for files; a JSONL line brings its own


def test_worker_rows_become_the_articles_of_geokg_extract() -> None:
    """What a worker does with one input row, without Spark: the functions of loaders/sources."""
    from loaders.sources import Article, articles_from_jsonl
    from loaders.spark_extract import FILE, LINE, article_of, local_path

    assert [local_path(u) for u in ("file:/a/b.md", "file:///a/b.md", "s3a://bucket/b.md")] == [
        "/a/b.md", "/a/b.md", "s3a://bucket/b.md"]
    line = '\ufeff{"id": "x", "text": "Hungary met Russia.", "date": "2022-03"}'.encode()
    (expected,) = articles_from_jsonl([line.decode("utf-8-sig")], "/d.jsonl")
    assert isinstance(expected, Article) and article_of(LINE, "/d.jsonl", line, SETTINGS) == expected
    too_big = article_of(FILE, "/a.txt", b"x" * 11, dataclasses.replace(SETTINGS, max_bytes=10))
    assert str(too_big) == "/a.txt: file is 11 bytes, more than the limit of 10"

