"""`geokg analyze`: the main network analyses as readable tables, from either store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from geokg.store_options import add_store_options

if TYPE_CHECKING:
    import pandas as pd

    from graph.frames import GraphFrames
    from graph.reader import GraphReader

ANALYSES = ("summary", "centrality", "communities", "dyad", "ego", "signed", "change", "export")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "analyze", help="network analyses of the graph (centrality, communities, dyads, ...) as tables",
        description="summary | centrality | communities | dyad ACTOR ACTOR | ego ACTOR | signed | "
        "change --split DATE | export --to-format graphml|gexf|csv --out PATH, on a slice of either store "
        "(--from, --to, --types, --actor). Actors by name, alias or id; --by-country reads persons as their states.",
    )
    parser.add_argument("analysis", choices=ANALYSES)
    parser.add_argument("actors", nargs="*", metavar="ACTOR", help="for dyad (two) and ego (one)")
    add_store_options(parser)
    parser.add_argument("--from", dest="date_from", help="first day of the slice (ISO date)")
    parser.add_argument("--to", dest="date_to", help="last day of the slice (ISO date)")
    parser.add_argument("--types", default="", help="relation types, comma-separated (MEET,SANCTION)")
    parser.add_argument("--actor", action="append", default=[],
                        help="keep events of this actor: name, alias or id (repeatable)")
    parser.add_argument("--include-negated", action="store_true", help="keep negated events (left out by default)")
    parser.add_argument("--by-country", action="store_true",
                        help="read persons and others who act for a state as that state (Orbán as Hungary)")
    parser.add_argument("--freq", default="M", help="dyad: period of the series (M, Q, Y, W)")
    parser.add_argument("--radius", type=int, default=1, help="ego: steps from the actor")
    parser.add_argument("--split", help="change: the first day of the second period")
    parser.add_argument("--top", type=int, default=20, help="rows shown by centrality")
    parser.add_argument("--to-format", dest="export_format", choices=("graphml", "gexf", "csv"), default="graphml",
                        help="export: file format")
    parser.add_argument("--out", type=Path, help="export: the file (graphml, gexf) or folder (csv)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.set_defaults(run=run_analyze)


def _reader(args: argparse.Namespace) -> GraphReader:
    """The store the flags name, opened for reading (Neo4j checked reachable first)."""
    if args.store == "embedded":
        from graph.sqlite_store import SqliteReader

        return SqliteReader.open(args.db)
    from graph.neo4j_store import Neo4jSettings, Neo4jStore
    from graph.store import StoreError

    store = Neo4jStore(Neo4jSettings.from_env())
    try:
        store.verify()
    except StoreError:
        store.close()
        raise
    return store


def _load(args: argparse.Namespace) -> GraphFrames:
    """The slice the flags ask for, read through the store's bulk-read interface; ``--actor``
    names are found in the store first."""
    from graph.frames import Slice, actor_ids, by_country, load_frames

    reader = _reader(args)
    try:
        chosen = actor_ids(reader, args.actor) if args.actor else ()
        types = tuple(t for t in args.types.split(",") if t)
        frames = load_frames(reader, Slice(args.date_from, args.date_to, types, chosen, args.include_negated))
    finally:
        reader.close()
    return by_country(frames) if args.by_country else frames


def _named(frames: GraphFrames, table: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """Actor ids replaced by names, for reading."""
    return table.assign(**{c: table[c].map(frames.actor_name) for c in columns})


def _tables(args: argparse.Namespace, frames: GraphFrames) -> list[pd.DataFrame]:
    from graph import analysis
    from graph.networks import weighted_digraph

    def actor(position: int) -> str:
        if len(args.actors) <= position:
            raise ValueError(f"analyze {args.analysis} needs {position + 1} actor name(s)")
        return frames.resolve(args.actors[position])

    if args.analysis == "summary":
        counts = frames.events.groupby(["type", "quad_class"]).size().rename("events").reset_index()
        return [counts.sort_values(["events", "type"], ascending=[False, True], ignore_index=True)]
    if args.analysis == "centrality":
        return [analysis.centrality(weighted_digraph(frames)).head(args.top)]
    if args.analysis == "communities":
        return [analysis.communities(weighted_digraph(frames))]
    if args.analysis == "dyad":
        # every period from the first event's to the last's; ``start`` is for plotting, the label says it
        return [analysis.dyad_series(frames, actor(0), actor(1), args.freq).drop(columns="start")]
    if args.analysis == "ego":
        return [analysis.ego_network(weighted_digraph(frames), actor(0), args.radius)[1]]
    if args.analysis == "signed":
        signed = analysis.signed_network(frames)
        return [_named(frames, signed.sort_values(["goldstein_sum", "actor1"], ignore_index=True), "actor1", "actor2"),
                analysis.structural_balance(signed)]
    if args.analysis == "change":
        if not args.split:
            raise ValueError("analyze change needs --split DATE")
        return [_named(frames, analysis.period_change(frames, args.split), "subject", "object"),
                _named(frames, analysis.dyad_change(frames, args.split), "actor1", "actor2")]
    raise ValueError(f"unknown analysis {args.analysis}")


def _export(args: argparse.Namespace, frames: GraphFrames, out: TextIO) -> None:
    from graph.graph_export import write_csv, write_gexf, write_graphml
    from graph.networks import weighted_digraph

    if args.out is None:
        raise ValueError("analyze export needs --out PATH")
    graph = weighted_digraph(frames)
    if args.export_format == "csv":
        written = " and ".join(str(p) for p in write_csv(graph, args.out))
    else:
        written = str((write_graphml if args.export_format == "graphml" else write_gexf)(graph, args.out))
    print(f"wrote {written}: {graph.number_of_nodes()} actors, {graph.number_of_edges()} weighted pairs", file=out)


def run_analyze(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from geokg.tables import write_rows
    from graph.store import StoreError

    try:
        frames = _load(args)
        if frames.events.empty:
            print("geokg: error: no events in this slice of the graph", file=err)
            return 1
        if args.analysis == "export":
            _export(args, frames, out)
            return 0
        tables = _tables(args, frames)
    except (StoreError, FileNotFoundError, KeyError, ValueError) as error:
        message = error.args[0] if isinstance(error, KeyError) else error
        print(f"geokg: error: {message}", file=err)
        return 1
    for number, table in enumerate(tables):
        if number:
            out.write("\n")
        rows = [{str(k): v for k, v in row.items()} for row in table.astype(object).where(table.notna(), None)
                .to_dict("records")]
        write_rows(rows, args.format, out, list(table.columns))
    return 0
