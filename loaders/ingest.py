"""The ingestion pipeline: sources -> extraction -> a graph store, with a ledger.

The ledger records, per article, its content hash, the extractor version and how far it got
(``seen``, ``extracted``, ``loaded``). An article already loaded with the same content and
extractor is a duplicate and is skipped; a run killed at any point is simply run again: batches
are written in one store transaction each and marked loaded only after the commit, so nothing is
lost and, because loads are idempotent, nothing is duplicated.
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.pipeline import ArticleFailure, Extractor
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


class Ledger:
    """Per-article ingestion state in a small SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection = open_own_file(path, ("ledger",), "the ingestion ledger", LedgerError, _create_ledger)

    def is_loaded(self, store: str, article: Article, extractor: str) -> bool:
        row = self.connection.execute(
            "SELECT content_hash, extractor, status FROM ledger WHERE store = ? AND article_id = ?",
            (store, article.id),
        ).fetchone()
        return row is not None and tuple(row) == (content_hash(article.text), extractor, "loaded")

    def mark(self, store: str, articles: Iterable[Article], extractor: str, status: str) -> None:
        with self.connection:
            self.connection.executemany(
                "INSERT INTO ledger (store, article_id, content_hash, extractor, status, updated) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(store, article_id) DO UPDATE SET "
                "content_hash = excluded.content_hash, extractor = excluded.extractor, "
                "status = excluded.status, updated = excluded.updated",
                [(store, a.id, content_hash(a.text), extractor, status, time.time()) for a in articles],
            )

    def statuses(self, store: str) -> Counter[str]:
        return Counter(row[0] for row in self.connection.execute("SELECT status FROM ledger WHERE store = ?", (store,)))

    def close(self) -> None:
        self.connection.close()


@dataclass
class RunReport:
    """What one ingestion pass did."""

    articles_read: int = 0
    articles_new: int = 0
    articles_duplicate: int = 0
    articles_failed: int = 0
    triples_loaded: int = 0
    events_removed: int = 0
    drops_by_reason: Counter[str] = field(default_factory=Counter)
    warnings_by_reason: Counter[str] = field(default_factory=Counter)  # articles by text warning
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    failed_article_ids: list[str] = field(default_factory=list)  # articles that could not be extracted

    def add(self, part: RunReport) -> None:
        """Count ``part`` (a later ingest of the same pass) into this report; time is kept apart."""
        self.articles_read += part.articles_read
        self.articles_new += part.articles_new
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
            "articles_duplicate": self.articles_duplicate,
            "articles_failed": self.articles_failed,
            "triples_loaded": self.triples_loaded,
            "events_removed": self.events_removed,
            "drops_by_reason": dict(sorted(self.drops_by_reason.items())),
            "warnings_by_reason": dict(sorted(self.warnings_by_reason.items())),
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
        }


def _name_of(article: Article) -> str:
    """How a report names an article: its address, else its id, with its title when it has one."""
    name = article.url or article.id
    return f"{name} ({article.title})" if article.title else name


def _batches(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    items: Iterable[Article | InputError],
    store: GraphStore,
    store_key: str,
    extractor: Extractor,
    ledger: Ledger,
    batch_articles: int = DEFAULT_BATCH_ARTICLES,
    on_batch: Callable[[int], None] | None = None,
) -> RunReport:
    """Extract and load every new article; raises ``StoreError`` when the store fails (the
    batch in flight is not written and stays unmarked, so a rerun picks it up)."""
    report = RunReport()
    started = time.perf_counter()
    seen: set[str] = set()

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
            if isinstance(item, InputError):
                report.articles_failed += 1
                report.errors.append(str(item))
                continue
            report.articles_read += 1
            if item.id in seen:
                report.articles_duplicate += 1
                continue
            seen.add(item.id)
            if ledger.is_loaded(store_key, item, extractor.name):
                loaded_before.append(item)
                if len(loaded_before) >= 500:
                    yield from not_in_store(loaded_before)
                    loaded_before = []
                continue
            yield item
        yield from not_in_store(loaded_before)

    store.ensure_schema()
    for batch in _batches(new_articles(), batch_articles):
        ledger.mark(store_key, batch, extractor.name, "seen")
        failures: list[ArticleFailure] = []
        extractions: list[Extraction] = list(extractor.extract_many(batch, on_failure=failures.append))
        if failures:  # each fails alone: counted, named, left for a later run to try again
            ledger.mark(store_key, [f.article for f in failures], extractor.name, "failed")
            report.articles_failed += len(failures)
            report.failed_article_ids.extend(f.article.id for f in failures)
            report.errors.extend(f"{_name_of(f.article)}: could not be extracted ({f.reason})" for f in failures)
            batch = [e.article for e in extractions]
        ledger.mark(store_key, batch, extractor.name, "extracted")
        result = store.load(extractions)
        ledger.mark(store_key, batch, extractor.name, "loaded")
        report.articles_new += len(batch)
        report.triples_loaded += result.events
        report.events_removed += result.events_removed
        for extraction in extractions:
            report.drops_by_reason.update(d.reason.value for d in extraction.drops)
            report.warnings_by_reason.update(w.value for w in extraction.warnings)
        if on_batch is not None:
            on_batch(len(batch))
    report.seconds = time.perf_counter() - started
    return report
