"""Scheduled ingestion on the command line: `geokg ingest --sources FILE --once` (one pass, for
cron or systemd timers), `geokg schedule run --sources FILE` (long-lived) and `geokg runs`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from geokg.extractor_options import add_extractor_options, close_extractor, open_extractor
from geokg.store_options import add_ledger_option, add_store_options, open_store, progress_bar

if TYPE_CHECKING:
    from extract.extractor import Extractor
    from loaders.schedule import PassReport, Pipeline
    from loaders.source_config import Source

DEFAULT_STATE = Path(".geokg") / "sources.sqlite"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schedule = sub.add_parser("schedule", help="run every source of a sources file on its schedule")
    actions = schedule.add_subparsers(dest="schedule_command", required=True)
    run = actions.add_parser("run", help="a long-lived process; stops cleanly on SIGTERM")
    run.add_argument("--sources", type=Path, required=True, help="the sources file (TOML)")
    add_pipeline_options(run)
    run.set_defaults(run=run_schedule)
    runs = sub.add_parser("runs", help="recent scheduled-ingestion runs and source failures")
    runs.add_argument("--state", type=Path, default=DEFAULT_STATE)
    runs.add_argument("--limit", type=int, default=10)
    runs.add_argument("--failures", action="store_true", help="only runs with a failed source or article")
    runs.add_argument("--json", action="store_true", help="one JSON object per run")
    runs.set_defaults(run=run_runs)


def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    add_store_options(parser)
    add_ledger_option(parser)
    parser.add_argument("--state", type=Path, default=DEFAULT_STATE, help="per-source state and run reports")
    parser.add_argument("--report", choices=("text", "json"), default="text")
    add_extractor_options(parser)


@contextmanager
def pipeline(args: argparse.Namespace, err: TextIO, extractor: Extractor,
             stopping: Callable[[], bool] | None = None) -> Iterator[Pipeline]:
    """The store, ledger, state and fetcher the flags name, closed afterwards (SQLite
    connections belong to the thread that opens them, so each scheduled run opens its own)."""
    from loaders.fetch import Fetcher
    from loaders.ingest import Ledger
    from loaders.runs import stream_events
    from loaders.schedule import Pipeline
    from loaders.source_state import SourceState

    with ExitStack() as opened:  # whatever opened is closed, also when a later file fails to open
        store, key = open_store(args)
        opened.callback(store.close)
        ledger = Ledger(args.ledger)
        opened.callback(ledger.close)
        state = SourceState(args.state)
        opened.callback(state.close)
        fetcher = Fetcher()
        opened.callback(fetcher.close)
        parts = Pipeline(store, key, extractor, ledger, state, fetcher, args.state.parent / "runs.jsonl",
                         on_batch=progress_bar(err), log=None if err.isatty() else stream_events(err, time.time))
        if stopping is not None:
            parts.stopping = stopping
        yield parts


def load_sources_or_fail(path: Path, err: TextIO) -> list[Source] | None:
    from loaders.source_config import SourceConfigError, load_sources

    try:
        return load_sources(path)
    except SourceConfigError as error:
        print(f"geokg: error: {error}", file=err)
        return None


def say(err: TextIO, event: str, text: str, **fields: object) -> None:
    """A message for a person on a terminal, else a JSON line."""
    from graph.redact import redacted
    from loaders.runs import json_line

    if err.isatty():
        print(f"geokg: {redacted(text)}", file=err)
    else:
        err.write(json_line(event, time.time(), fields))
    err.flush()


def print_report(report: PassReport, fmt: str, out: TextIO, err: TextIO) -> None:
    """The report on ``out``; failures also on a terminal's ``err`` (elsewhere the JSON events
    on ``err`` carry them)."""
    from graph.redact import redacted, redacted_values

    summary = redacted_values(report.as_dict())
    if err.isatty():
        for name, reason in report.sources_failed.items():
            print(f"geokg: error: source {name}: {redacted(reason)}", file=err)
        for message in report.ingest.errors:
            print(f"geokg: error: {redacted(message)}", file=err)
        if report.ingest.fatal_error is not None:
            print(f"geokg: error: {redacted(report.ingest.fatal_error)}", file=err)
    if fmt == "json":
        out.write(json.dumps(summary) + "\n")
        return
    print(f"sources ok {len(report.sources_ok)}, failed {len(report.sources_failed)}, "
          f"waiting {len(report.sources_waiting)}; articles new {summary['articles_new']}, "
          f"duplicate {summary['articles_duplicate']}, near-duplicate {summary['articles_near_duplicate']}, "
          f"failed {summary['articles_failed']}; triples loaded {summary['triples_loaded']}; "
          f"drops by reason {summary['drops_by_reason']}; {summary['seconds']} s", file=out)


def run_once(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`geokg ingest --sources FILE --once`."""
    from extract.parallel import WorkerError
    from graph.store import StoreError
    from loaders.ingest import LedgerError
    from loaders.schedule import PassReport, run_pass
    from loaders.source_state import SourceStateError

    sources = load_sources_or_fail(args.sources, err)
    if sources is None:
        return 1
    extractor = open_extractor(args, err, args.workers)  # `geokg ingest --workers N`
    if extractor is None:
        return 1
    try:
        with pipeline(args, err, extractor) as parts:
            report = run_pass(sources, parts, args.state.with_suffix(".lock"))
    except StoreError as error:  # the store could not be opened: no pass ran
        say(err, "store_failed", f"error: {error}", error=str(error))
        if args.report == "json":  # the last line is the report, also then
            failed = PassReport(started=time.time())
            failed.ingest.fatal_error = str(error)
            out.write(json.dumps(failed.as_dict()) + "\n")
        return 1
    except (LedgerError, SourceStateError) as error:
        say(err, "state_failed", f"error: {error}", error=str(error))
        return 1
    except WorkerError as error:  # an extraction process died: the pass stopped, loaded batches stay loaded
        say(err, "extraction_failed", f"error: {error}", error=str(error))
        return 1
    finally:
        close_extractor(extractor)
    print_report(report, args.report, out, err)
    return 0 if report.ok else 1


def run_schedule(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`geokg schedule run --sources FILE`."""
    import logging
    import threading

    from graph.store import StoreError
    from loaders.ingest import Ledger, LedgerError
    from loaders.schedule import run_forever, run_pass
    from loaders.source_state import SourceState, SourceStateError

    sources = load_sources_or_fail(args.sources, err)
    if sources is None:
        return 1
    try:  # a ledger or state file that cannot be opened fails the command now, not every run later
        Ledger(args.ledger).close()
        SourceState(args.state).close()
    except (LedgerError, SourceStateError) as error:
        say(err, "state_failed", f"error: {error}", error=str(error))
        return 1
    from loaders.runs import JsonLogFormatter

    handler = logging.StreamHandler(err)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s") if err.isatty()
                         else JsonLogFormatter())
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    extractor = open_extractor(args, err)
    if extractor is None:
        return 1
    stop = threading.Event()

    def one(source: Source) -> None:
        try:
            with pipeline(args, err, extractor, stop.is_set) as parts:
                report = run_pass([source], parts, args.state.with_suffix(".lock"))
            print_report(report, "json", out, err)
        except StoreError as error:  # the store is down: this run fails, the next one retries
            say(err, "store_failed", f"error: {error}", source=source.name, error=str(error))
        out.flush()

    enabled = sum(s.enabled for s in sources)
    say(err, "scheduler_started", f"scheduling {enabled} sources; SIGTERM stops", sources=enabled)
    run_forever(sources, one, stop)
    say(err, "scheduler_stopped", "scheduler stopped")
    return 0


def _when(epoch: float | None) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%d %H:%M:%S") if epoch else "-"


def run_runs(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """`geokg runs`: recent passes, then each source's state."""
    from loaders.source_state import SourceState, SourceStateError

    if not args.state.is_file():
        print(f"geokg: error: {args.state}: no scheduled-ingestion state yet", file=err)
        return 1
    try:
        state = SourceState(args.state)
    except SourceStateError as error:
        print(f"geokg: error: {error}", file=err)
        return 1
    try:
        runs, statuses = state.runs(args.limit, args.failures), state.statuses()
    finally:
        state.close()
    if args.json:
        for run in runs:
            out.write(json.dumps(run) + "\n")
        return 0
    write: Callable[[str], object] = out.write
    write("run  started (UTC)        ok   sources ok/failed  articles new/dup/near-dup/failed  triples\n")
    for run in runs:
        write(f"{run['id']:<4} {_when(run['started'])}  {'yes' if run['ok'] else 'NO ':<4} "
              f"{len(run['sources_ok']):>5}/{len(run['sources_failed']):<12} "
              f"{run['articles_new']:>5}/{run['articles_duplicate']}/{run['articles_near_duplicate']}/"
              f"{run['articles_failed']:<20} {run['triples_loaded']}\n")
        for name, reason in run["sources_failed"].items():
            write(f"       failed {name}: {reason}\n")
        if run.get("error"):
            write(f"       store error: {run['error']}\n")
    write("\nsource               last success (UTC)   failures  next attempt (UTC)   last error\n")
    for status in statuses:
        write(f"{status.name:<20} {_when(status.last_success):<20} {status.failures:<9} "
              f"{_when(status.next_attempt or None):<20} {status.last_error or ''}\n")
    return 0

