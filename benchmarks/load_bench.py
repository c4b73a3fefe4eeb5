"""Loader throughput on a real Neo4j, against its floor and its naive alternative, in one run.

    .venv/bin/python benchmarks/load_bench.py                 # 100,000 synthetic triples
    .venv/bin/python benchmarks/load_bench.py --triples 20000 # smaller

Starts its own Neo4j 5.26 (assembled from Maven Central by ``graph.neo4j_server``, jars cached
in ``.neo4j``) on free ports in a temporary home, and prints triples/s of:
1. the real idempotent loader (``Neo4jStore.load``: MERGE on ids, stale-event removal,
   aggregates recomputed), on an empty database, then again on the loaded one (a no-op rerun);
2. the floor: a bare ``UNWIND ... CREATE`` of the same events and their two actor links, from
   rows prepared beforehand, with the actors already stored;
3. one transaction per triple, with the loader's own Cypher, on a sample, and the same for the
   floor's query (what batching alone gains for one bare statement);
4. the embedded SQLite store on the same triples.
Both 1 and 2 follow a warm-up load of other triples (JVM, query plans), and they take turns for
``--rounds`` rounds, each on an emptied database: the first fill of a fresh store is slower, and
taking turns keeps that from falling on one side. The ratios use each side's median round.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import neo4j  # noqa: E402

from benchmarks.synthetic import chunked, extractions  # noqa: E402
from graph import neo4j_server  # noqa: E402
from graph.model import Extraction  # noqa: E402
from graph.neo4j_store import Neo4jSettings, Neo4jStore, _edge_query, _sums, read_cypher  # noqa: E402
from graph.sqlite_store import SqliteStore  # noqa: E402
from graph.store import Batch  # noqa: E402

FLOOR_QUERY = (
    "UNWIND $rows AS r MATCH (s:Actor {id: r.subject_id}) MATCH (o:Actor {id: r.object_id}) "
    "CREATE (e:Event) SET e = r CREATE (e)-[:SUBJECT]->(s) CREATE (e)-[:OBJECT]->(o)"
)


def synthetic(triples: int, seed: int, per_article: int = 10) -> list[Extraction]:
    return list(extractions(triples, actors=2000, seed=seed, per_article=per_article))


def clear(driver: neo4j.Driver) -> None:
    with driver.session(database="neo4j") as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def timed(label: str, triples: int, run: object) -> float:
    start = time.perf_counter()
    run()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    rate = triples / seconds
    print(f"{label:<48} {triples:>8,} triples {seconds:8.1f} s {rate:>10,.0f} triples/s")
    return rate


def breakdown(driver: neo4j.Driver, batches: list[Batch], triples: int) -> None:
    """The loader's own queries added stage by stage, each stage on an empty database with the
    actors stored: where the time between the floor and the loader goes."""

    def articles_and_events(tx: neo4j.ManagedTransaction, batch: Batch) -> None:
        tx.run(read_cypher("write_articles"), rows=batch.articles).consume()
        tx.run(read_cypher("create_events"), rows=batch.events).consume()

    def with_aggregates(tx: neo4j.ManagedTransaction, batch: Batch) -> None:
        articles_and_events(tx, batch)
        for (edge, _), rows in _sums(batch.events).items():
            tx.run(_edge_query("add_to_aggregates", edge), pairs=rows).consume()

    def with_actors(tx: neo4j.ManagedTransaction, batch: Batch) -> None:
        tx.run(read_cypher("write_actors"), rows=batch.actors).consume()
        with_aggregates(tx, batch)

    actors = list({a["id"]: a for b in batches for a in b.actors}.values())
    stages = (("  stage: articles + events (CREATE, 3 links)", articles_and_events),
              ("  stage: + aggregated relationships", with_aggregates),
              ("  stage: + actors (rows prepared, no Python)", with_actors))
    for label, stage in stages:
        clear(driver)
        driver.execute_query(read_cypher("write_actors"), {"rows": actors}, database_="neo4j")

        def run(stage: Callable[[neo4j.ManagedTransaction, Batch], None] = stage) -> None:
            for batch in batches:
                with driver.session(database="neo4j") as session:
                    session.execute_write(stage, batch)

        timed(label, triples, run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2_000, help="triples for the one-per-transaction run")
    parser.add_argument("--chunk", type=int, default=2_000, help="triples per loader call (one transaction)")
    parser.add_argument("--warmup", type=int, default=10_000, help="triples loaded and discarded before timing")
    parser.add_argument("--rounds", type=int, default=3, help="turns of floor and loader, each on an empty database")
    parser.add_argument("--breakdown", action="store_true", help="also time the loader's queries stage by stage")
    args = parser.parse_args()
    chunks = list(chunked(synthetic(args.triples, seed=11), args.chunk // 10))
    with tempfile.TemporaryDirectory(prefix="geokg-bench-") as folder:
        home = Path(folder) / "neo4j"
        neo4j_server.install(home, jar_cache=ROOT / ".neo4j")
        settings = neo4j_server.ServerSettings(home=home, bolt_port=neo4j_server.free_port(),
                                               http_port=neo4j_server.free_port(), password="bench-password",
                                               heap="2g", pagecache="1g")
        info = neo4j_server.start(settings)
        try:
            print(f"Neo4j at {info.bolt_uri} (started in {info.startup_seconds:.1f} s); "
                  f"{args.triples:,} triples in chunks of {args.chunk:,}")
            store = Neo4jStore(Neo4jSettings(info.bolt_uri, info.user, "bench-password"), batch_size=args.chunk)
            driver = store.driver
            store.ensure_schema()
            # warm-up: JVM, query plans and page cache, on other triples, then an empty database again
            warm = synthetic(args.warmup, seed=3)
            for chunk in chunked(warm, args.chunk // 10):
                store.load(chunk)
            floor_rows = Batch.of(warm[: args.chunk // 10])
            clear(driver)
            driver.execute_query(read_cypher("write_actors"), {"rows": floor_rows.actors}, database_="neo4j")
            driver.execute_query(FLOOR_QUERY, {"rows": floor_rows.events}, database_="neo4j")
            clear(driver)

            batches = [Batch.of(chunk) for chunk in chunks]
            actors = list({a["id"]: a for b in batches for a in b.actors}.values())

            def load_all() -> None:
                for chunk in chunks:
                    store.load(chunk)

            def floor() -> None:
                for batch in batches:
                    driver.execute_query(FLOOR_QUERY, {"rows": batch.events}, database_="neo4j")

            loader_rates, floor_rates = [], []
            for number in range(1, args.rounds + 1):
                clear(driver)
                driver.execute_query(read_cypher("write_actors"), {"rows": actors}, database_="neo4j")
                floor_rates.append(timed(f"round {number}: floor: UNWIND ... CREATE", args.triples, floor))
                clear(driver)
                loader_rates.append(timed(f"round {number}: loader (MERGE, aggregates)", args.triples, load_all))
            counts = store.counts()
            rerun = timed("loader rerun on the loaded database (no-op)", args.triples, load_all)
            assert store.counts() == counts, "the rerun changed the graph"
            loader, floor_rate = statistics.median(loader_rates), statistics.median(floor_rates)
            print(f"medians: loader {loader:,.0f} triples/s, floor {floor_rate:,.0f} triples/s")
            if args.breakdown:
                breakdown(driver, batches, args.triples)
            clear(driver)
            store.ensure_schema()
            # one article with one triple per transaction: the same graph as a batched load, and no
            # transaction replaces what an earlier one wrote
            singles = synthetic(args.sample, per_article=1, seed=5)

            def per_triple() -> None:
                for single in singles:
                    store.load([single])

            single_rate = timed("one transaction per triple (sample)", len(singles), per_triple)
            # the same for the floor's own query: how far batching alone can take a single statement
            clear(driver)
            single_rows = [Batch.of([single]) for single in singles]
            driver.execute_query(read_cypher("write_actors"),
                                 {"rows": list({a["id"]: a for b in single_rows for a in b.actors}.values())},
                                 database_="neo4j")

            def floor_per_triple() -> None:
                for rows in single_rows:
                    driver.execute_query(FLOOR_QUERY, {"rows": rows.events}, database_="neo4j")

            single_floor = timed("floor, one transaction per triple (sample)", len(singles), floor_per_triple)
            store.close()
        finally:
            neo4j_server.stop(home)
        sqlite = SqliteStore(Path(folder) / "bench.sqlite")
        sqlite.ensure_schema()

        def embedded() -> None:
            for chunk in chunks:
                sqlite.load(chunk)

        embedded_rate = timed("embedded SQLite store", args.triples, embedded)
        sqlite.close()
    print(f"loader / floor = {loader / floor_rate:.2f} (target >= 0.5); "
          f"loader / per-triple = {loader / single_rate:.0f}x (target >= 50x); "
          f"floor / floor per-triple = {floor_rate / single_floor:.0f}x; "
          f"no-op rerun {rerun:,.0f} triples/s; embedded {embedded_rate:,.0f} triples/s")


if __name__ == "__main__":
    main()
