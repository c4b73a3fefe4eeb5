"""Scheduled ingestion: one pass over the sources of a sources file, and the long-lived runner.

A pass takes an exclusive lock (a second pass waits for it, then finds everything loaded), then
for each enabled source that is not backing off: fetches it (conditional GET for feeds and
pages), turns it into articles, sets near-duplicate wire copies aside, and runs the rest
through ``loaders.ingest.ingest`` (ledger + idempotent loads). What a source fetched is
remembered only after its articles are loaded, so a pass killed at any point is simply run
again.
"""

from __future__ import annotations

import fcntl
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.extractor import Extractor, extractor_id
from graph.model import Article, CopyLink
from graph.redact import redacted
from graph.store import GraphStore, StoreError
from loaders import near_duplicates
from loaders.feeds import FeedEntry, FeedError, page_text, parse_feed
from loaders.fetch import Fetcher, FetchError
from loaders.ingest import Ledger, RunReport, Standing, ingest
from loaders.runs import EventLog, append_run
from loaders.source_config import Source
from loaders.source_state import SourceState
from loaders.sources import InputError, article_id_for, canonical_url, read_inputs


@dataclass
class PassReport:
    """What one pass did, source by source and in total."""

    started: float
    sources_ok: list[str] = field(default_factory=list)
    sources_failed: dict[str, str] = field(default_factory=dict)
    sources_waiting: dict[str, float] = field(default_factory=dict)  # backing off: next attempt (epoch)
    articles_near_duplicate: int = 0
    pages_not_modified: int = 0
    pages_waiting: int = 0  # feed items whose page failed before, backing off
    stopped: bool = False  # a stop was asked for: sources or articles were left for the next pass
    ingest: RunReport = field(default_factory=RunReport)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.sources_failed and not self.ingest.articles_failed and self.ingest.fatal_error is None

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.ingest.as_dict(),
            "articles_near_duplicate": self.articles_near_duplicate,
            "pages_not_modified": self.pages_not_modified,
            "pages_waiting": self.pages_waiting,
            "stopped": self.stopped,
            "sources_ok": self.sources_ok,
            "sources_failed": self.sources_failed,
            "sources_waiting": self.sources_waiting,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class Collected:
    """A source's articles, and what to remember once they are loaded."""

    items: list[Article | InputError] = field(default_factory=list)
    pages: list[tuple[str, str | None]] = field(default_factory=list)  # (url, article id)
    etag: str | None = None
    last_modified: str | None = None
    complete: bool = True  # False when a stop left feed items unread


def _web_article(source: Source, url: str, body: bytes, published: str | None) -> Article | None:
    page = page_text(body, url)
    if page is None:
        return None
    return Article(article_id_for(page.text, url), page.text, page.title, published or page.date, url, source.name)


def _never() -> bool:
    return False


def collect(source: Source, fetcher: Fetcher, state: SourceState, report: PassReport, now: float,
            stopping: Callable[[], bool] = _never) -> Collected:
    """The articles a source offers now; raises ``FetchError`` or ``FeedError`` if the source
    itself cannot be read. A feed item whose page fails is remembered and retried with backoff on
    later passes, whether the feed changed (304) or still lists it. Once ``stopping`` says so, no
    further page is fetched."""
    status = state.status(source.name)
    found = Collected()
    if not source.is_web:
        found.items = list(read_inputs([source.location]))
        return found
    fetched = fetcher.get(source.location, status.etag, status.last_modified)
    found.etag, found.last_modified = fetched.etag, fetched.last_modified
    entries: list[FeedEntry] = []
    if fetched.not_modified:
        report.pages_not_modified += 1
    elif source.kind == "html":
        article = _web_article(source, canonical_url(fetched.url), fetched.body, None)
        if article is None:
            raise FeedError(f"{redacted(source.location)}: no article text on the page")
        found.items.append(article)
        return found
    else:
        entries = parse_feed(fetched.body, source.location)
    listed = {canonical_url(entry.url) for entry in entries}
    entries += [FeedEntry(url, None, published, None) for url, published in state.failed_pages(source.name)
                if url not in listed]
    for entry in entries:
        if stopping():
            found.complete = False
            break
        url = canonical_url(entry.url)
        if state.page_seen(url):
            report.ingest.articles_read += 1
            report.ingest.articles_duplicate += 1
            continue
        if state.page_waiting(url, now):
            report.pages_waiting += 1
            continue
        try:
            page = fetcher.get(entry.url)
        except FetchError as error:
            failures = state.page_failed(url, source.name, entry.published, now, str(error))
            found.items.append(InputError(redacted(entry.url), f"page not fetched ({error}); retried later "
                                          f"with backoff (failure {failures})"))
            continue
        article = _web_article(source, url, page.body, entry.published)
        if article is None:
            found.items.append(InputError(redacted(entry.url), "no article text on the page"))
            continue
        found.items.append(article)
        found.pages.append((url, article.id))
    return found


@dataclass
class Sifted:
    """A source's items once near-duplicates are taken out."""

    accepted: list[Article | InputError]  # to ingest
    signatures: dict[str, tuple[int, ...]]  # of accepted articles, to remember once they are loaded
    copies: list[CopyLink]  # near-duplicates, to link to their first copy once it is loaded


def without_copies(items: list[Article | InputError], pipeline: Pipeline, report: PassReport,
                   now: float) -> Sifted:
    """The items that are not near-duplicates of an article already extracted (copies are linked
    to their first copy in the state file and counted), the MinHash signatures still to remember,
    and the copies to link in the graph (again for one seen before, in case a pass was killed
    before it linked them). Articles the ledger has loaded pass through unchecked: ``ingest``
    counts them as duplicates (or re-extracts them, if another extractor version loaded them)."""
    state = pipeline.state
    accepted: list[Article | InputError] = []
    pending: dict[str, tuple[int, ...]] = {}
    copies: list[CopyLink] = []
    for item in items:
        if isinstance(item, InputError):
            accepted.append(item)
            continue
        known = state.copy_of(item.id)
        if known is not None:  # counted as a near-duplicate once, when it was found
            copies.append(CopyLink(item, *known))
            report.ingest.articles_read += 1
            report.ingest.articles_duplicate += 1
            continue
        standing = pipeline.ledger.standing(pipeline.store_key, item, extractor_id(pipeline.extractor))
        if standing is not Standing.UNLOADED:  # loaded before, by this extractor version or another
            if not state.has_signature(item.id):  # a pass killed between loading and remembering
                pending[item.id] = near_duplicates.signature(item.text)
            accepted.append(item)
            continue
        sig = near_duplicates.signature(item.text)
        candidates = dict(state.candidates(sig)) | pending
        candidates.pop(item.id, None)
        match = near_duplicates.best_match(sig, candidates.items())
        if match is not None:
            similarity = near_duplicates.similarity(sig, candidates[match])
            state.link_copy(item.id, item.url, match, similarity, now)
            copies.append(CopyLink(item, match, similarity))
            report.ingest.articles_read += 1
            report.articles_near_duplicate += 1
            continue
        pending[item.id] = sig
        accepted.append(item)
    return Sifted(accepted, pending, copies)


@contextmanager
def exclusive(lock_path: Path) -> Iterator[None]:
    """One pass at a time: a second pass waits here until the first has finished."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with os.fdopen(os.open(lock_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass
class Pipeline:
    """Everything a pass writes to and reads with."""

    store: GraphStore
    store_key: str
    extractor: Extractor
    ledger: Ledger
    state: SourceState
    fetcher: Fetcher
    runs_log: Path
    clock: Callable[[], float] = time.time
    on_batch: Callable[[int], None] | None = None
    log: EventLog | None = None  # structured events (JSON lines when not on a terminal)
    stopping: Callable[[], bool] = _never  # a stop was asked for: finish the current article

    def event(self, name: str, **fields: Any) -> None:
        if self.log is not None:
            self.log(name, fields)


def run_pass(sources: list[Source], pipeline: Pipeline, lock_path: Path) -> PassReport:
    """One pass over the enabled sources that are not backing off; the report is stored and
    appended to the runs log, also when the store fails (the report then names the error) or a
    stop is asked for (the article in hand is finished, the rest left for the next pass)."""
    with exclusive(lock_path):
        report = PassReport(started=pipeline.clock())
        started = time.perf_counter()
        for source in sources:
            if not source.enabled:
                continue
            if pipeline.stopping():
                report.stopped = True
                break
            try:
                _run_source(source, pipeline, report)
            except StoreError as error:  # the store is down or refuses the login: the pass ends here
                report.ingest.fatal_error = str(error)
                pipeline.event("store_failed", source=source.name, error=str(error))
                break
            if report.stopped:
                break
        report.seconds = time.perf_counter() - started
        pipeline.state.record_run(report.started, pipeline.clock(), report.ok, report.as_dict())
        summary = {"started": report.started, "ok": report.ok, **report.as_dict()}
        append_run(pipeline.runs_log, pipeline.clock(), summary)
        pipeline.event("pass_finished", **summary)
        return report


def _run_source(source: Source, pipeline: Pipeline, report: PassReport) -> None:
    """Collect, sift and ingest one source into ``report``; what it fetched is remembered only
    once its articles are loaded, and only when no stop cut it short."""
    state = pipeline.state
    now = pipeline.clock()
    status = state.status(source.name)
    if status.next_attempt > now:
        report.sources_waiting[source.name] = status.next_attempt
        pipeline.event("source_waiting", source=source.name, failures=status.failures,
                       next_attempt=status.next_attempt)
        return
    duplicate_before, near_before = report.ingest.articles_duplicate, report.articles_near_duplicate
    try:
        found = collect(source, pipeline.fetcher, state, report, now, pipeline.stopping)
    except (FetchError, FeedError) as error:
        report.sources_failed[source.name] = str(error)
        failed = state.failed(source.name, now, str(error))
        pipeline.event("source_failed", source=source.name, error=str(error), failures=failed.failures,
                       next_attempt=failed.next_attempt)
        return
    sifted = without_copies(found.items, pipeline, report, now)
    part = RunReport()
    try:
        ingest(iter(sifted.accepted), pipeline.store, pipeline.store_key, pipeline.extractor,
               pipeline.ledger, on_batch=pipeline.on_batch, report=part, stopping=pipeline.stopping)
    finally:
        report.ingest.add(part)
    linked = pipeline.store.link_copies(sifted.copies)
    if linked < len(sifted.copies):
        pipeline.event("copies_unlinked", source=source.name, copies=len(sifted.copies) - linked,
                       reason="first copy not in the graph")
    for message in part.errors:
        pipeline.event("article_failed", source=source.name, error=message)
    if not found.complete or part.articles_read < len(sifted.accepted):
        report.stopped = True  # the feed and its pages are read again next pass; loaded ones are duplicates
        pipeline.event("source_stopped", source=source.name, articles_new=part.articles_new)
        return
    state.remember_signatures(sifted.signatures)
    not_extracted = set(part.failed_article_ids)
    for url, page_article in found.pages:
        if page_article not in not_extracted:  # a page whose article failed is fetched again next pass
            state.remember_page(url, page_article, source.name, now)
    state.succeeded(source.name, now, found.etag, found.last_modified)
    report.sources_ok.append(source.name)
    pipeline.event("source_ok", source=source.name, articles_new=part.articles_new,
                   articles_duplicate=report.ingest.articles_duplicate - duplicate_before,
                   articles_near_duplicate=report.articles_near_duplicate - near_before,
                   articles_failed=part.articles_failed, triples_loaded=part.triples_loaded)


def run_forever(sources: list[Source], run_source: Callable[[Source], None], stop: threading.Event) -> None:
    """Run every enabled source on its own schedule (interval or cron) until SIGTERM or SIGINT.
    The signal sets ``stop``, which a pass in flight watches (see ``Pipeline.stopping``): it
    finishes the article in hand, then the process exits; a repeated signal changes nothing."""
    from apscheduler.schedulers.blocking import BlockingScheduler
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    scheduler = BlockingScheduler()
    for source in sources:
        if not source.enabled:
            continue
        if source.every_seconds:  # an interval source runs at once, then every interval
            scheduler.add_job(run_source, IntervalTrigger(seconds=source.every_seconds), args=[source],
                              id=source.name, max_instances=1, coalesce=True, next_run_time=_now())
        else:
            scheduler.add_job(run_source, CronTrigger.from_crontab(source.cron or ""), args=[source],
                              id=source.name, max_instances=1, coalesce=True)

    def on_signal(signum: int, frame: object) -> None:
        if stop.is_set():  # already stopping: waiting for the article in hand
            return
        stop.set()
        scheduler.shutdown(wait=True)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    scheduler.start()


def _now() -> Any:
    import datetime as dt

    return dt.datetime.now(dt.UTC)
