"""`geokg load DIR`: a Parquet dataset of `geokg spark extract` into a graph store, streaming.

Two passes, each one batch (one store transaction) at a time, so memory stays flat whatever the
dataset's size:

1. the articles table: every extracted article is written with its title, date, address and
   content hash; with ``replace`` its stored events are removed (its events follow in pass 2);
2. the events table: each file's events, grouped by article, added or updated (never removing).

Loading the same dataset again writes the same rows, so the counts do not change. An article's
events can lie in several month partitions, which is why the removal of ``replace`` happens once,
in pass 1, and not per group of events. Articles that failed at extraction are counted, not loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import Extraction
from graph.parquet_dataset import EXTRACTED, FAILED, article_from_row, read_articles, read_extractions
from graph.store import GraphStore

OnBatch = Callable[[list[str]], None]  # told each batch's article ids before it is written


@dataclass
class DatasetLoad:
    """What loading a dataset wrote."""

    articles: int = 0
    articles_failed: int = 0  # failed at extraction: in the dataset, not loaded
    events: int = 0
    events_removed: int = 0
    failed_inputs: list[str] = field(default_factory=list)  # the first few, for the console


def load_dataset(directory: Path, store: GraphStore, replace: bool = False, batch_articles: int = 200,
                 before_batch: OnBatch | None = None) -> DatasetLoad:
    """Load the dataset at ``directory`` into ``store`` (see the module's docstring)."""
    result = DatasetLoad()
    for rows in read_articles(directory, batch_articles):
        extracted = [row for row in rows if row["status"] == EXTRACTED]
        for row in rows:
            if row["status"] == FAILED:
                result.articles_failed += 1
                if len(result.failed_inputs) < 20:
                    result.failed_inputs.append(str(row["error"]))
        if not extracted:
            continue
        if before_batch is not None:
            before_batch([row["id"] for row in extracted])
        report = store.load([Extraction(article_from_row(row), (), ()) for row in extracted], replace=replace)
        result.articles += report.articles
        result.events_removed += report.events_removed
    for extractions in read_extractions(directory, batch_articles):
        if before_batch is not None:
            before_batch([extraction.article.id for extraction in extractions])
        result.events += store.load(extractions, replace=False).events
    return result
