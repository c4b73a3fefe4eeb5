"""`geokg spark extract INPUT... --out DIR`: extraction on Apache Spark into a Parquet dataset."""

from __future__ import annotations

import argparse
import os
import warnings
from pathlib import Path
from typing import TextIO

from geokg.extractor_options import add_extractor_options, positive_int


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("spark", help="run extraction on Apache Spark (geokg spark extract --help)")
    commands = parser.add_subparsers(dest="spark_command", required=True)
    extract = commands.add_parser(
        "extract", help="extract articles on Spark into a Parquet dataset",
        description="Extract triples on Apache Spark from any path Spark reads: .jsonl dumps (one article a line), "
        ".parquet files or folders (columns id, text, title?, date?, url?, source?), or folders of .txt/.md/.html "
        "files (read recursively, with the .jsonl files under them). Writes DIR/events, DIR/articles and DIR/drops "
        "partitioned by month (a rerun replaces the months it writes) and DIR/_reports/<run id>.json. "
        "Load the dataset with `geokg load DIR`.")
    extract.add_argument("inputs", nargs="+", metavar="INPUT")
    extract.add_argument("--out", required=True, metavar="DIR", help="the dataset folder (any path Spark writes)")
    extract.add_argument("--master", default=None,
                         help="Spark master URL (local[2], spark://host:7077, yarn, ...); default: spark-submit's, "
                         "else local[*]")
    extract.add_argument("--partitions", type=positive_int, default=None,
                         help="input partitions, i.e. extraction tasks (default: the cluster's default parallelism)")
    extract.add_argument("--date", help="publication date (YYYY-MM-DD, YYYY-MM or YYYY) for inputs that carry none")
    add_extractor_options(extract)
    extract.set_defaults(run=run_spark_extract_command)


def run_spark_extract_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from extract.extractor import EXTRACTORS
    from extract.knowledge_dir import KNOWLEDGE_ENV, KnowledgeError, require_knowledge_dir

    if args.extractor not in EXTRACTORS:
        print(f"geokg: error: unknown extractor {args.extractor!r} (known: {', '.join(sorted(EXTRACTORS))})",
              file=err)
        return 1
    knowledge = args.knowledge_dir or (os.environ.get(KNOWLEDGE_ENV) or None)
    if knowledge is not None:
        try:
            knowledge = str(require_knowledge_dir(Path(knowledge)).resolve())
        except KnowledgeError as error:
            print(f"geokg: error: {error}", file=err)
            return 1
    try:
        from pyspark.sql import SparkSession

        from loaders.spark_extract import WorkerSettings, open_session, run_spark_extract
    except ImportError as error:  # the `spark` extra is not installed
        print(f"geokg: error: Apache Spark is not installed ({error}); pip install 'geokg[spark]'", file=err)
        return 1
    # pandas 3 is newer than PySpark 4.3 knows; mapInArrow does not use pandas
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    settings = WorkerSettings(args.extractor, knowledge, args.date, min_confidence=args.min_confidence)
    # in a process that has a session already (a notebook, the tests) the command runs on it and
    # leaves it open; a session of its own it stops
    own = SparkSession.getActiveSession() is None
    spark = open_session(args.master)
    try:
        master = str(spark.sparkContext.master)
        partitions = args.partitions or spark.sparkContext.defaultParallelism
        run = run_spark_extract(spark, args.inputs, args.out, settings, partitions, master)
    except Exception as error:  # Spark raises its own kinds (AnalysisException, Py4JJavaError): one line
        print(f"geokg: error: the Spark job failed: {_last_line(error)}", file=err)
        return 1
    finally:
        if own:
            spark.stop()
    for message in run.errors:
        print(f"geokg: error: {message}", file=err)
    print(f"geokg: {run.articles_read} articles, {run.articles_extracted} extracted, {run.articles_failed} failed, "
          f"{run.events} triples; drops by reason: {run.drops_by_reason or 'none'}; {run.seconds:.1f} s on {master} "
          f"({partitions} partitions); run {run.run_id} in {args.out}", file=out)
    return 1 if run.articles_failed else 0


def _last_line(error: BaseException) -> str:
    """The line of a Spark error that says what went wrong (a worker's traceback ends with it)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip() and not line.startswith("\tat ")]
    found = [line for line in lines if "Error:" in line or "Exception:" in line]
    return (found or lines or [repr(error)])[-1][:500]
