"""The ingestion pipeline: sources -> extraction -> a graph store, with a ledger.

The ledger records, per article, its content hash, the extractor version and how far it got
(``seen``, ``extracted``, ``loaded``). An article already loaded with the same content and
extractor is a duplicate and is skipped; one loaded by another extractor version (new rules,
changed knowledge files, another model) is re-extracted and its events replaced. A run killed at
any point is simply run again: batches are written in one store transaction each and marked loaded
only after the commit, so nothing is lost and, because loads are idempotent, nothing is duplicated.
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from extract.extractor import ArticleFailure, Extractor, extractor_id
from graph.model import Article, Extraction
from graph.sqlite_store import open_own_file
from graph.store import GraphStore, content_hash
from loaders.sources import InputError

DEFAULT_BATCH_ARTICLES = 50


class LedgerError(RuntimeError):
    """The ledger file cannot be opened (it is not a ledger, or not SQLite at all)."""


def _create_ledger(connection: sqlite3.Connection) -> None:
    """The ledger table, created if missing and checked to have the ledger's columns."""
    with connection:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS ledger (store TEXT NOT NULL, article_id TEXT NOT NULL, "
            "content_hash TEXT NOT NULL, extractor TEXT NOT NULL, status TEXT NOT NULL, "
            "updated REAL NOT NULL, PRIMARY KEY (store, article_id))"
        )
        connection.execute("SELECT store, article_id, content_hash, extractor, status, updated FROM ledger LIMIT 1")


class Standing(StrEnum):
    """Where an article stands in the ledger for one store and extractor version."""

    LOADED = "loaded"  # loaded with this content by this extractor version
    STALE = "stale"  # loaded with this content by another extractor version: re-extract
    UNLOADED = "unloaded"  # never loaded with this content, or a run stopped before loading it


class Ledger:
    """Per-article ingestion state in a small SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection = open_own_file(path, ("ledger",), "the ingestion ledger", LedgerError, _create_ledger)

    def is_loaded(self, store: str, article: Article, extractor: str) -> bool:
        return self.standing(store, article, extractor) is Standing.LOADED

    def standing(self, store: str, article: Article, extractor: str) -> Standing:
        row = self.connection.execute(
            "SELECT content_hash, extractor, status FROM ledger WHERE store = ? AND article_id = ?",
            (store, article.id),
        ).fetchone()
        if row is None or tuple(row)[::2] != (content_hash(article.text), "loaded"):
            return Standing.UNLOADED
        return Standing.LOADED if row[1] == extractor else Standing.STALE

    def mark(self, store: str, articles: Iterable[Article], extractor: str, status: str) -> None:
        with self.connection:
            self.connection.executemany(
                "INSERT INTO ledger (store, article_id, content_hash, extractor, status, updated) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(store, article_id) DO UPDATE SET "
                "content_hash = excluded.content_hash, extractor = excluded.extractor, "
                "status = excluded.status, updated = excluded.updated",
                [(store, a.id, content_hash(a.text), extractor, status, time.time()) for a in articles],
            )

    def forget(self, store: str, article_ids: list[str]) -> None:
        """These articles are no longer loaded as extracted (``geokg load`` wrote their events):
        the next ingestion of each extracts and loads it again."""
        with self.connection:
            self.connection.executemany("DELETE FROM ledger WHERE store = ? AND article_id = ?",
                                        [(store, article_id) for article_id in article_ids])

    def statuses(self, store: str) -> Counter[str]:
        return Counter(row[0] for row in self.connection.execute("SELECT status FROM ledger WHERE store = ?", (store,)))

    def close(self) -> None:
        self.connection.close()


@dataclass
class RunReport:
    """What one ingestion pass did."""

    articles_read: int = 0
    articles_new: int = 0
    articles_reextracted: int = 0  # loaded before by another extractor version; not also counted new
    articles_duplicate: int = 0
    articles_failed: int = 0
    triples_loaded: int = 0
    events_removed: int = 0
    drops_by_reason: Counter[str] = field(default_factory=Counter)
    warnings_by_reason: Counter[str] = field(default_factory=Counter)  # articles by text warning
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    fatal_error: str | None = None  # the store failed: the rest of the run was not done
    failed_article_ids: list[str] = field(default_factory=list)  # articles that could not be extracted

    def add(self, part: RunReport) -> None:
        """Count ``part`` (a later ingest of the same pass) into this report; time is kept apart."""
        self.articles_read += part.articles_read
        self.articles_new += part.articles_new
        self.articles_reextracted += part.articles_reextracted
        self.articles_duplicate += part.articles_duplicate
        self.articles_failed += part.articles_failed
        self.triples_loaded += part.triples_loaded
        self.events_removed += part.events_removed
        self.drops_by_reason.update(part.drops_by_reason)
        self.warnings_by_reason.update(part.warnings_by_reason)
        self.errors.extend(part.errors)
        self.failed_article_ids.extend(part.failed_article_ids)

    def as_dict(self) -> dict[str, object]:
        return {
            "articles_read": self.articles_read,
            "articles_new": self.articles_new,
            "articles_reextracted": self.articles_reextracted,
            "articles_duplicate": self.articles_duplicate,
            "articles_failed": self.articles_failed,
            "triples_loaded": self.triples_loaded,
            "events_removed": self.events_removed,
            "drops_by_reason": dict(sorted(self.drops_by_reason.items())),
            "warnings_by_reason": dict(sorted(self.warnings_by_reason.items())),
            "errors": self.errors,
            "error": self.fatal_error,
            "seconds": round(self.seconds, 3),
        }


def _name_of(article: Article) -> str:
    """How a report names an article: its address, else its id, with its title when it has one."""
    name = article.url or article.id
    return f"{name} ({article.title})" if article.title else name


def _batches(items: Iterator[Article], size: int, stopping: Callable[[], bool]) -> Iterator[list[Article]]:
    """Batches of ``size``; once ``stopping`` says so, no further item is taken."""
    batch: list[Article] = []
    while not stopping():
        item = next(items, None)
        if item is None:
            break
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _taken(
    items: Iterator[Article], size: int, stopping: Callable[[], bool], mark_seen: Callable[[list[Article]], None]
) -> Iterator[Article]:
    """The articles for the extractor, taken ``size`` at a time and marked seen before any of
    them is handed on; once ``stopping`` says so, no further article is taken."""
    for batch in _batches(items, size, stopping):
        mark_seen(batch)
        yield from batch


def _loaded_batches(
    extractions: Iterator[Extraction], size: int, stopping: Callable[[], bool]
) -> Iterator[list[Extraction]]:
    """The extractions in batches of ``size`` for the writer; once ``stopping`` says so, the
    extraction in hand ends the last batch. The last batch may be empty (failures before it
    still need writing)."""
    batch: list[Extraction] = []
    for extraction in extractions:
        batch.append(extraction)
        if stopping():
            break
        if len(batch) >= size:
            yield batch
            batch = []
    yield batch


def _never() -> bool:
    return False


def ingest(
    items: Iterable[Article | InputError],
    store: GraphStore,
    store_key: str,
    extractor: Extractor,
    ledger: Ledger,
    batch_articles: int = DEFAULT_BATCH_ARTICLES,
    on_batch: Callable[[int], None] | None = None,
    report: RunReport | None = None,
    stopping: Callable[[], bool] = _never,
) -> RunReport:
    """Extract and load every new article, and re-extract those another extractor version loaded,
    counting into ``report`` (a new one if None); raises ``StoreError`` when the store fails (the
    batch in flight is not written and stays unmarked, so a rerun picks it up; ``report`` then
    counts the articles not done as failed; so it does when the extractor raises, e.g. when a
    worker process dies). Extraction is one stream through ``extractor`` (its worker processes,
    if any, extract ahead) while this process writes. Once ``stopping`` says so, the extraction in
    hand is the last written; articles not reached, or extracted ahead and not written, are not
    counted and are left for the next run.
    Counts add up: read = new + re-extracted + duplicate + failed."""
    report = RunReport() if report is None else report
    started = time.perf_counter()
    seen: dict[str, str] = {}  # article id -> content hash, within this run
    stale: set[str] = set()  # ids loaded by another extractor version
    version = extractor_id(extractor)

    def not_in_store(candidates: list[Article]) -> Iterator[Article]:
        """Articles the ledger calls loaded are duplicates only if the store still holds them."""
        known = store.known_articles([a.id for a in candidates])
        for article in candidates:
            if article.id in known:
                report.articles_duplicate += 1
            else:
                yield article

    def new_articles() -> Iterator[Article]:
        loaded_before: list[Article] = []
        for item in items:
            report.articles_read += 1
            if isinstance(item, InputError):
                report.articles_failed += 1
                report.errors.append(str(item))
                continue
            text_hash = content_hash(item.text)
            if seen.get(item.id) == text_hash:
                report.articles_duplicate += 1
                continue
            if item.id in seen:  # the same id with another text: the later replaces, as in a later run
                yield item
                seen[item.id] = text_hash
                continue
            seen[item.id] = text_hash
            standing = ledger.standing(store_key, item, version)
            if standing is Standing.STALE:
                stale.add(item.id)
            if standing is Standing.LOADED:
                loaded_before.append(item)
                if len(loaded_before) >= 500:
                    yield from not_in_store(loaded_before)
                    loaded_before = []
                continue
            yield item
        yield from not_in_store(loaded_before)

    counted_before = _counted(report)
    try:
        store.ensure_schema()
        failures: list[ArticleFailure] = []  # articles that failed alone, not yet written to the ledger
        taken = _taken(new_articles(), batch_articles, stopping,
                       lambda batch: ledger.mark(store_key, batch, version, "seen"))
        # one stream through the extractor (its worker processes, if any, start once); this process writes
        extractions = extractor.extract_many(taken, on_failure=failures.append)
        try:
            for batch in _loaded_batches(extractions, batch_articles, stopping):
                _record_failures(failures, ledger, store_key, version, report)
                failures.clear()
                if batch:
                    _write(batch, store, store_key, version, ledger, stale, report)
                    if on_batch is not None:
                        on_batch(len(batch))
        finally:
            close = getattr(extractions, "close", None)  # a generator: its workers' chunks in flight are let go
            if close is not None:
                close()
    except Exception as error:  # the store failed, or the extractor did (e.g. a worker process died)
        report.fatal_error = str(error)
        report.articles_failed += counted_before - _counted(report)
        raise
    finally:
        report.seconds = time.perf_counter() - started
    report.articles_read -= counted_before - _counted(report)  # taken, then left by a stop
    return report


def _record_failures(
    failures: list[ArticleFailure], ledger: Ledger, store_key: str, version: str, report: RunReport
) -> None:
    """Each failed alone: counted, named, marked failed, left for a later run to try again."""
    if not failures:
        return
    ledger.mark(store_key, [f.article for f in failures], version, "failed")
    report.articles_failed += len(failures)
    report.failed_article_ids.extend(f.article.id for f in failures)
    report.errors.extend(f"{_name_of(f.article)}: could not be extracted ({f.reason})" for f in failures)


def _write(
    extractions: list[Extraction], store: GraphStore, store_key: str, version: str, ledger: Ledger,
    stale: set[str], report: RunReport,
) -> None:
    """One batch in one store transaction; its articles are marked loaded only after the commit."""
    done = [extraction.article for extraction in extractions]
    # stale events are replaced only where the store still holds them; elsewhere the article is new
    replaced = store.known_articles([a.id for a in done if a.id in stale])
    ledger.mark(store_key, done, version, "extracted")
    result = store.load(extractions)
    ledger.mark(store_key, done, version, "loaded")
    report.articles_reextracted += len(replaced)
    report.articles_new += len(done) - len(replaced)
    report.triples_loaded += result.events
    report.events_removed += result.events_removed
    for extraction in extractions:
        report.drops_by_reason.update(d.reason.value for d in extraction.drops)
        report.warnings_by_reason.update(w.value for w in extraction.warnings)


def _counted(report: RunReport) -> int:
    """Articles accounted for (loaded, re-extracted, skipped or failed) less articles read: it
    falls by one for each article read and not yet accounted for."""
    done = report.articles_new + report.articles_reextracted + report.articles_duplicate + report.articles_failed
    return done - report.articles_read
