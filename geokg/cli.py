"""The `geokg` command: thin sub-commands over extract/, loaders/ and graph/."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from geokg import __version__
from geokg.extractor_options import add_extractor_options, add_workers_option, close_extractor, open_extractor
from geokg.store_options import (
    add_db_option,
    add_ledger_option,
    add_store_options,
    open_ledger,
    open_store,
    open_store_and_ledger,
    progress_bar,
)

# Sub-commands that live in modules of their own: each module has
# ``register(sub)``, which adds its parser and sets ``run=function(args, out, err) -> int``.
COMMAND_MODULES: tuple[str, ...] = (
    "geokg.query_cli", "geokg.analyze_cli", "geokg.schedule_cli", "geokg.spark_cli", "geokg.facts_cli",
)


def _extract_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "extract",
        help="extract actor-relation-actor triples from articles",
        description="Extract triples from .txt/.md/.html files, folders of them, .jsonl files "
        "(one article a line: id, text, title?, date?, url?) or - for standard input.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    parser.add_argument("--date", help="publication date (YYYY-MM-DD, YYYY-MM or YYYY) for inputs that carry none")
    parser.add_argument("--max-bytes", type=int, default=None, help="largest accepted article file")
    add_workers_option(parser)
    parser.add_argument("--drops", action="store_true", help="with --format table, list every dropped candidate")
    add_extractor_options(parser)


def _evaluate_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("evaluate", help="score extraction against gold triples (JSONL)")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.add_argument("--errors", type=Path, help="write per-record predictions and gold to this JSONL file")
    add_extractor_options(parser)


def _ingest_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "ingest", help="extract articles and load them into a graph store",
        description="Ingest files, folders, JSONL or standard input; or, with --sources FILE --once, one pass "
        "over the feeds, pages, folders and dumps of a sources file (for cron and systemd timers).",
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT")
    parser.add_argument("--sources", type=Path, help="a sources file (TOML) to run once instead of INPUTs")
    parser.add_argument("--once", action="store_true", help="with --sources: one pass over every due source")
    parser.add_argument("--state", type=Path, default=Path(".geokg") / "sources.sqlite",
                        help="with --sources: per-source state and run reports")
    add_store_options(parser)
    add_ledger_option(parser)
    parser.add_argument("--date", help="publication date (YYYY-MM-DD, YYYY-MM or YYYY) for inputs that carry none")
    parser.add_argument("--batch", type=int, default=50, help="articles per store transaction")
    parser.add_argument("--report", choices=("text", "json"), default="text")
    add_extractor_options(parser)
    add_workers_option(parser)


def _load_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "load", help="load triples written by `geokg extract --format jsonl`, or a `geokg spark extract` dataset",
        description="Load triple records, each checked as extraction output is (a bad line is refused with its "
        "line number), or the Parquet dataset folder of `geokg spark extract` (streaming, batch by batch). "
        "Adds or updates the given events; stored events not in the file stay unless --replace.")
    parser.add_argument("file", type=Path, metavar="FILE|DIR")
    parser.add_argument("--replace", action="store_true",
                        help="each article in the file keeps only the events the file gives it")
    add_store_options(parser)
    add_ledger_option(parser)


def _export_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("export", help="export the embedded store to Neo4j, or to CSV for neo4j-admin import")
    parser.add_argument("--to", choices=("neo4j", "csv"), required=True)
    add_db_option(parser)
    parser.add_argument("--out", type=Path, default=Path("export"), help="folder for --to csv")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="geokg", description="Geopolitical relationship knowledge graph.")
    parser.add_argument("--version", action="version", version=f"geokg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    _extract_parser(sub)
    _evaluate_parser(sub)
    _ingest_parser(sub)
    _load_parser(sub)
    _export_parser(sub)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    # listed for --help only: _main hands `geokg neo4j ...` to graph.neo4j_server, which has its own parser
    sub.add_parser("neo4j", help="run a local Neo4j 5.26 server: start|stop|status (geokg neo4j --help)")
    return parser


def _table_line(record: dict[str, object]) -> str:
    relation = record["relation"]
    assert isinstance(relation, dict)
    subject, obj = record["subject"], record["object"]
    assert isinstance(subject, dict) and isinstance(obj, dict)
    attributes = relation.get("attributes") or {}
    extra = " ".join(f"{k}={v}" for k, v in attributes.items())
    flags = f"{record['polarity']}/{record['modality']}"
    speaker = record.get("attributed_to")
    if isinstance(speaker, dict):
        flags += f" per {speaker['name']}"
    return (
        f"{record['date'] or '?':<10}  {subject['name']} ({subject['country'] or '-'})  "
        f"-[{relation['type']}]->  {obj['name']} ({obj['country'] or '-'})  [{flags}] {extra}".rstrip()
    )


def run_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from extract.extractor import ArticleFailure
    from extract.parallel import WorkerError
    from graph.model import Article
    from graph.records import event_record
    from loaders.sources import DEFAULT_MAX_BYTES, InputError, labelled_inputs

    failures = 0
    articles_seen = 0
    labels: dict[str, str] = {}  # article id -> the input it came from, while it is being extracted

    def articles() -> Iterator[Article]:
        nonlocal failures, articles_seen
        for label, item in labelled_inputs(args.inputs, args.date, args.max_bytes or DEFAULT_MAX_BYTES):
            if isinstance(item, InputError):
                failures += 1
                print(f"geokg: error: {item}", file=err)
                continue
            articles_seen += 1
            labels[item.id] = label
            yield item

    def failed(failure: ArticleFailure) -> None:
        nonlocal failures
        failures += 1
        label = labels.pop(failure.article.id, failure.article.id)
        print(f"geokg: error: {label}: could not be extracted ({failure.reason})", file=err)

    extractor = open_extractor(args, err, args.workers)
    if extractor is None:
        return 1
    relation_counts: Counter[str] = Counter()
    dyads: Counter[tuple[str, str]] = Counter()
    drops: Counter[str] = Counter()
    warnings: Counter[str] = Counter()  # articles by text warning (all_caps, not_english)
    triples = 0
    try:  # in input order, also from worker processes
        for extraction in extractor.extract_many(articles(), on_failure=failed):
            labels.pop(extraction.article.id, None)
            drops.update(d.reason.value for d in extraction.drops)
            warnings.update(w.value for w in extraction.warnings)
            if args.format == "table" and extraction.events:
                title = extraction.article.title or extraction.article.id
                print(f"\n# {title}", file=out)
            for event in extraction.events:
                triples += 1
                record = event_record(event)
                relation_counts[event.relation.name] += 1
                first, second = sorted((event.subject.name, event.object.name))
                dyads[(first, second)] += 1
                if args.format == "jsonl":
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    print("  " + _table_line(record), file=out)
            if args.format == "table" and args.drops:
                for drop in extraction.drops:
                    print(f"  (dropped: {drop.reason.value}, {drop.relation} at '{drop.trigger}')", file=out)
    except WorkerError as error:
        print(f"geokg: error: {error}", file=err)
        return 1
    finally:
        close_extractor(extractor)
    summary = (
        f"{articles_seen} articles, {triples} triples, {failures} inputs failed; "
        f"drops by reason: {dict(sorted(drops.items())) or 'none'}"
        + (f"; articles by warning: {dict(sorted(warnings.items()))}" if warnings else "")
    )
    if args.format == "table":
        print("\n## Summary", file=out)
        print(summary, file=out)
        print("relations: " + ", ".join(f"{k} {v}" for k, v in relation_counts.most_common()), file=out)
        print("top dyads: " + "; ".join(f"{a} – {b} ({n})" for (a, b), n in dyads.most_common(8)), file=out)
    else:
        print(f"geokg: {summary}", file=err)
    return 1 if failures else 0


def run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from extract.evaluate import actor_code, coded_cameo, evaluate, format_report, report_json

    if not args.gold.is_file():
        print(f"geokg: error: {args.gold}: no such file", file=err)
        return 1
    extractor = open_extractor(args, err)
    if extractor is None:
        return 1
    try:
        errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    except OSError as error:
        print(f"geokg: error: {args.errors}: cannot write ({error.strerror})", file=err)
        return 1

    def log(record: object, extraction: object) -> None:
        from extract.evaluate import GoldRecord
        from graph.model import Extraction

        assert isinstance(record, GoldRecord) and isinstance(extraction, Extraction)
        if errors is None:
            return
        predicted = [
            [actor_code(e.subject), coded_cameo(e), actor_code(e.object), e.relation.name, e.trigger]
            for e in extraction.events
        ]
        gold = [[g.source, g.cameo, g.target] for g in record.gold]
        errors.write(json.dumps({"id": record.id, "text": record.text, "gold": gold, "predicted": predicted}) + "\n")

    try:
        report = evaluate(args.gold, lambda articles: extractor.extract_many(articles), log)
    except ValueError as error:  # the message names the file and the line
        print(f"geokg: error: {error}", file=err)
        return 1
    finally:
        if errors is not None:
            errors.close()
    if args.json:
        out.write(json.dumps(report_json(report)) + "\n")
    else:
        print(format_report(report), file=out)
    return 0


def run_ingest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.sources is not None:
        if args.inputs or not args.once:
            print("geokg: error: use --sources FILE --once without INPUTs (or `geokg schedule run`)", file=err)
            return 2
        from geokg.schedule_cli import run_once

        return run_once(args, out, err)
    if not args.inputs:
        print("geokg: error: give INPUTs to ingest, or --sources FILE --once", file=err)
        return 2
    from extract.parallel import WorkerError
    from graph.store import StoreError
    from loaders.ingest import RunReport, ingest
    from loaders.schedule import exclusive
    from loaders.sources import read_inputs

    # N extraction processes (started with the first chunk beyond one), while this process writes the store
    extractor = open_extractor(args, err, args.workers)
    if extractor is None:
        return 1
    try:
        store, key = open_store(args)
    except StoreError as error:
        print(f"geokg: error: {error}", file=err)
        if args.report == "json":
            out.write(json.dumps(RunReport(fatal_error=str(error)).as_dict()) + "\n")
        return 1
    ledger = open_ledger(args, store, err)
    if ledger is None:
        return 1
    progress = progress_bar(err)
    report = RunReport()

    def warn(message: str) -> None:
        print(f"geokg: warning: {message}", file=err)

    try:  # one ingestion at a time per ledger: a second waits, then finds the articles loaded
        with exclusive(args.ledger.with_suffix(".lock")):
            ingest(read_inputs(args.inputs, args.date, warn=warn), store, key, extractor, ledger, args.batch,
                   on_batch=progress, report=report)
            counts = store.counts()
    except (StoreError, WorkerError) as error:
        print(f"geokg: error: {error}", file=err)
        report.fatal_error = report.fatal_error or str(error)
        if args.report == "json":  # the last line is the report, also when the store failed
            out.write(json.dumps(report.as_dict()) + "\n")
        return 1
    finally:
        close_extractor(extractor)
        ledger.close()
        store.close()
    for message in report.errors:
        print(f"geokg: error: {message}", file=err)
    if args.report == "json":
        out.write(json.dumps(report.as_dict()) + "\n")
    else:
        summary = report.as_dict()
        print(f"articles read {summary['articles_read']}, new {summary['articles_new']}, "
              f"re-extracted {summary['articles_reextracted']}, "
              f"duplicate {summary['articles_duplicate']}, failed {summary['articles_failed']}; "
              f"triples loaded {summary['triples_loaded']}; drops by reason {summary['drops_by_reason']}; "
              f"warnings {summary['warnings_by_reason']}", file=out)
        print("graph: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), file=out)
    return 1 if report.articles_failed else 0


def run_load(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.file.is_dir():  # a Parquet dataset of `geokg spark extract`
        from geokg.dataset_cli import run_load_dataset

        return run_load_dataset(args, out, err)
    from extract.ontology import load_ontology
    from graph.store import StoreError
    from loaders.triples import read_triples

    try:
        with args.file.open(encoding="utf-8") as handle:
            triples = read_triples(handle, str(args.file), load_ontology().relations)
    except (OSError, UnicodeDecodeError) as error:
        print(f"geokg: error: {args.file}: cannot read ({error})", file=err)
        return 1
    for refused in triples.errors:
        print(f"geokg: error: {refused}", file=err)
    opened = open_store_and_ledger(args, err)
    if opened is None:
        return 1
    store, key, ledger = opened
    try:
        store.ensure_schema()
        # before the write: an article whose stored events may now differ from its extraction is
        # no longer "loaded", so the next `geokg ingest` of it extracts and replaces it again
        ledger.forget(key, sorted(triples.events))
        result = store.load(triples.extractions(), replace=args.replace)
        counts = store.counts()
    except StoreError as error:
        print(f"geokg: error: {error}", file=err)
        return 1
    finally:
        ledger.close()
        store.close()
    print(f"loaded {result.events} triples of {result.articles} articles, removed {result.events_removed}, "
          f"refused {len(triples.errors)} lines; graph: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
          file=out)
    return 1 if triples.errors else 0


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import sqlite3

    from graph.export import ExportError, export_csv, export_to_store
    from graph.neo4j_store import Neo4jSettings, Neo4jStore
    from graph.sqlite_store import SqliteStore
    from graph.store import StoreError

    if not args.db.is_file():
        print(f"geokg: error: {args.db}: no embedded store here (run geokg ingest first)", file=err)
        return 1
    try:
        source = SqliteStore(args.db)
    except StoreError as error:
        print(f"geokg: error: {error}", file=err)
        return 1
    try:
        source.ensure_schema()  # a store written by an earlier version gains the tables it lacks (copies)
        if args.to == "csv":
            files = export_csv(source, args.out)
            paths = [*files.nodes, *files.relationships]
            nodes = " ".join(f"--nodes={p}" for p in files.nodes)
            rels = " ".join(f"--relationships={p}" for p in files.relationships)
            print(f"wrote {len(paths)} files to {args.out}; import offline with:\n"
                  f"neo4j-admin database import full neo4j --overwrite-destination {nodes} {rels}", file=out)
            return 0
        target = Neo4jStore(Neo4jSettings.from_env())
        target.ensure_schema()
        result = export_to_store(source, target)
        target.close()
        print(f"exported {result.events} triples of {result.articles} articles to Neo4j", file=out)
        return 0
    except (StoreError, ExportError) as error:
        print(f"geokg: error: {error}", file=err)
        return 1
    except sqlite3.DatabaseError as error:  # a SQLite file, but not an embedded store
        print(f"geokg: error: {args.db}: cannot read the embedded store ({error})", file=err)
        return 1
    finally:
        source.close()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `geokg ... | head`: the reader has gone, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:  # Ctrl-C: stores and ledgers roll back the batch in flight as they unwind
        print("geokg: interrupted; what was loaded stays loaded, run the command again to go on", file=sys.stderr)
        return 130


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["neo4j"]:
        from graph.neo4j_server import main as neo4j_main

        return int(neo4j_main(argv[1:], prog="geokg neo4j"))
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return run_extract(args, sys.stdout, sys.stderr)
    if args.command == "evaluate":
        return run_evaluate(args, sys.stdout, sys.stderr)
    if args.command == "ingest":
        return run_ingest(args, sys.stdout, sys.stderr)
    if args.command == "load":
        return run_load(args, sys.stdout, sys.stderr)
    if args.command == "export":
        return run_export(args, sys.stdout, sys.stderr)
    run: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.run
    return run(args, sys.stdout, sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
