"""`geokg query NAME --param key=value`: run a query of the Cypher library on Neo4j."""

from __future__ import annotations

import argparse
from typing import TextIO


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "query", help="run a named query of the Cypher library (graph/queries) on Neo4j",
        description="Run a query of graph/queries/*.cypher on the Neo4j of NEO4J_URI, NEO4J_USER, "
        "NEO4J_PASSWORD and NEO4J_DATABASE. `geokg query --list` shows the queries and their parameters.",
    )
    parser.add_argument("name", nargs="?", help="the query, e.g. actor-profile")
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="a query parameter (repeatable); null for the null value")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--list", action="store_true", help="list the library's queries and their parameters")
    parser.set_defaults(run=run_query_command)


def _describe(out: TextIO) -> None:
    from graph.queries import load_library

    for query in load_library().values():
        print(f"{query.name}: {query.description}", file=out)
        for p in query.parameters:
            default = "required" if p.required else f"default {p.default!r}"
            print(f"    --param {p.name}=<{p.type}>  ({default}) {p.doc}", file=out)


def run_query_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from neo4j.exceptions import Neo4jError

    from geokg.tables import write_rows
    from graph.neo4j_store import Neo4jSettings, Neo4jStore
    from graph.queries import QueryError, find_query, load_library, parse_params, run_query
    from graph.store import StoreError

    if args.list or args.name is None:
        _describe(out)
        return 0 if args.list else 2
    try:
        query = find_query(args.name, load_library())
        parameters = query.bind(parse_params(args.param, query))
        settings = Neo4jSettings.from_env()
    except (QueryError, StoreError) as error:
        print(f"geokg: error: {error}", file=err)
        return 1
    store = Neo4jStore(settings)
    try:
        store.verify()  # one clear line when the server is down or the password wrong
        rows = run_query(store.driver, query, parameters, settings.database)
    except StoreError as error:
        print(f"geokg: error: {error}", file=err)
        return 1
    except Neo4jError as error:
        print(f"geokg: error: query {query.name} failed: {error.message}", file=err)
        return 1
    finally:
        store.close()
    columns = [c for c in query.returns if c] or None
    write_rows(rows, args.format, out, columns if rows and columns and set(columns) == set(rows[0]) else None)
    return 0
