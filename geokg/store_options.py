"""The store flags every sub-command shares, the store they name, and the progress bar."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from graph.store import GraphStore
    from loaders.ingest import Ledger

DEFAULT_DB = Path(".geokg") / "graph.sqlite"
DEFAULT_LEDGER = Path(".geokg") / "ledger.sqlite"


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """``--store embedded|neo4j`` and ``--db FILE``."""
    parser.add_argument("--store", choices=("embedded", "neo4j"), default="embedded",
                        help="embedded: one SQLite file (default); neo4j: NEO4J_URI/USER/PASSWORD/DATABASE")
    add_db_option(parser)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="the embedded store's file")


def add_ledger_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ledger", type=Path, default=DEFAULT_LEDGER, help="the ingestion ledger's file")


def open_store(args: argparse.Namespace) -> tuple[GraphStore, str]:
    """The store the flags name, and the key the ledger files its articles under."""
    if args.store == "neo4j":
        from graph.neo4j_store import Neo4jSettings, Neo4jStore

        settings = Neo4jSettings.from_env()
        return Neo4jStore(settings), f"neo4j:{settings.display_uri}/{settings.database}"
    from graph.sqlite_store import SqliteStore

    return SqliteStore(args.db), f"embedded:{args.db.resolve()}"


def open_ledger(args: argparse.Namespace, store: GraphStore, err: TextIO) -> Ledger | None:
    """The ledger the flags name, or None after one error line (the store is closed then)."""
    from loaders.ingest import Ledger, LedgerError

    try:
        return Ledger(args.ledger)
    except LedgerError as error:
        store.close()
        print(f"geokg: error: {error}", file=err)
        return None


def open_store_and_ledger(args: argparse.Namespace, err: TextIO) -> tuple[GraphStore, str, Ledger] | None:
    """The store, its ledger key and the ledger the flags name, or None after one error line
    (nothing left open)."""
    from graph.store import StoreError

    try:
        store, key = open_store(args)
    except StoreError as error:
        print(f"geokg: error: {error}", file=err)
        return None
    ledger = open_ledger(args, store, err)
    return None if ledger is None else (store, key, ledger)


def progress_bar(err: TextIO) -> Callable[[int], None] | None:
    """A progress bar on interactive terminals; nothing when output is not a terminal."""
    if not err.isatty():
        return None
    from tqdm import tqdm  # type: ignore[import-untyped]

    bar = tqdm(unit="article", file=err)

    def advance(count: int) -> None:
        bar.update(count)

    return advance
