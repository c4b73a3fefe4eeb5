"""`geokg load DIR`: a Parquet dataset written by `geokg spark extract` into either store."""

from __future__ import annotations

import argparse
from typing import TextIO

from geokg.store_options import open_store_and_ledger


def run_load_dataset(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Load the dataset folder ``args.file`` into the store the flags name, batch by batch."""
    from graph.parquet_dataset import DatasetError, is_dataset
    from graph.store import StoreError
    from loaders.dataset_load import load_dataset

    if not is_dataset(args.file):
        print(f"geokg: error: {args.file}: not a dataset of `geokg spark extract` (no events/ folder)", file=err)
        return 1
    opened = open_store_and_ledger(args, err)
    if opened is None:
        return 1
    store, key, ledger = opened
    try:
        store.ensure_schema()
        # as for a triples file: an article whose events this load writes is no longer "loaded as
        # extracted" in the ledger, so the next `geokg ingest` of it extracts it again
        result = load_dataset(args.file, store, replace=args.replace,
                              before_batch=lambda ids: ledger.forget(key, ids))
        counts = store.counts()
    except (StoreError, DatasetError, OSError) as error:
        print(f"geokg: error: {args.file}: {error}", file=err)
        return 1
    finally:
        ledger.close()
        store.close()
    for message in result.failed_inputs:
        print(f"geokg: warning: failed at extraction, not loaded: {message}", file=err)
    cleared = f" (--replace: first removed their {result.events_removed} stored triples)" if args.replace else ""
    print(f"loaded {result.events} triples of {result.articles} articles{cleared}, "
          f"{result.articles_failed} articles failed at extraction (not loaded); graph: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), file=out)
    return 0
