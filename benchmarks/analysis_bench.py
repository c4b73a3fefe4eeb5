"""Loading events from Neo4j into pandas and NetworkX, against the bare driver read, in one run.

    .venv/bin/python benchmarks/analysis_bench.py                  # 1,000,000 synthetic events
    .venv/bin/python benchmarks/analysis_bench.py --events 100000  # smaller

Builds the synthetic graph in the embedded store, bulk-imports it into a local Neo4j 5.26 with
neo4j-admin (``geokg export --to csv``'s files), starts the server, and then measures, each in a
fresh process so that its peak memory is its own:
1. floor: the bare driver running ``graph/cypher/read_events.cypher`` and dropping every row;
2. ``graph.frames.from_neo4j``: the same query into the events and actors DataFrames;
3. the DataFrames and then ``graph.networks.multidigraph`` (one edge per event) and
   ``weighted_digraph`` (one edge per ordered pair).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import chunked, extractions  # noqa: E402
from graph import neo4j_server  # noqa: E402

PASSWORD = "bench-password"


def measure(kind: str, uri: str) -> dict[str, float]:
    """One measurement in this process: seconds and peak RSS (MiB)."""
    import neo4j

    from graph.frames import from_neo4j
    from graph.neo4j_store import read_cypher
    from graph.networks import multidigraph, weighted_digraph

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    driver = neo4j.GraphDatabase.driver(uri, auth=("neo4j", PASSWORD))
    started = time.perf_counter()
    result: dict[str, float] = {}
    if kind == "floor":
        rows = 0
        with driver.session(database="neo4j") as session:
            parameters = {"date_from": None, "date_to": None, "types": [], "actors": [], "include_negated": False}
            for _ in session.run(read_cypher("read_events"), parameters):
                rows += 1
        result["rows"] = rows
    else:
        frames = from_neo4j(driver)
        result["rows"] = len(frames.events)
        result["frames_seconds"] = time.perf_counter() - started
        if kind == "networkx":
            graph = multidigraph(frames)
            pairs = weighted_digraph(frames)
            result["multidigraph_edges"] = graph.number_of_edges()
            result["digraph_edges"] = pairs.number_of_edges()
    result["seconds"] = time.perf_counter() - started
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["baseline_rss_mib"] = baseline
    driver.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--measure", choices=("floor", "frames", "networkx"), help=argparse.SUPPRESS)
    parser.add_argument("--uri", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.uri)))
        return

    from graph.export import export_csv
    from graph.sqlite_store import SqliteStore

    with tempfile.TemporaryDirectory(prefix="geokg-analysis-bench-") as folder:
        started = time.perf_counter()
        store = SqliteStore(Path(folder) / "graph.sqlite")
        store.ensure_schema()
        # 5,000 people of 190 countries over six years, in loads of 20,000 events
        for chunk in chunked(extractions(args.events, actors=5000, seed=17, years=(2020, 2025)), 2000):
            store.load(chunk)
        files = export_csv(store, Path(folder) / "csv")
        store.close()
        home = Path(folder) / "neo4j"
        neo4j_server.install(home, jar_cache=ROOT / ".neo4j")
        neo4j_server.import_csv(home, files.nodes, files.relationships)
        settings = neo4j_server.ServerSettings(home=home, bolt_port=neo4j_server.free_port(),
                                               http_port=neo4j_server.free_port(), password=PASSWORD,
                                               heap="2g", pagecache="2g")
        info = neo4j_server.start(settings)
        from graph.neo4j_store import Neo4jSettings, Neo4jStore

        neo4j_store = Neo4jStore(Neo4jSettings(info.bolt_uri, info.user, PASSWORD))
        neo4j_store.ensure_schema()  # an offline import brings no constraints or indexes
        neo4j_store.driver.execute_query("CALL db.awaitIndexes(300)")
        neo4j_store.close()
        print(f"{args.events:,} synthetic events built, imported and served in {time.perf_counter() - started:.0f} s "
              f"(Neo4j at {info.bolt_uri})")
        try:
            runs = {}
            for kind in ("warm-up", "floor", "frames", "networkx"):  # the warm-up reads once to fill the page cache
                output = subprocess.run([sys.executable, __file__, "--measure", kind.replace("warm-up", "floor"),
                                         "--uri", info.bolt_uri],
                                        capture_output=True, text=True, check=True).stdout
                runs[kind] = json.loads(output.splitlines()[-1])
                r = runs[kind]
                print(f"{kind:<9} {int(r['rows']):>10,} rows {r['seconds']:7.1f} s {r['rows'] / r['seconds']:>10,.0f} "
                      f"rows/s  peak RSS {r['peak_rss_mib']:7.0f} MiB (at start {r['baseline_rss_mib']:.0f})"
                      + (f"  [DataFrames after {r['frames_seconds']:.1f} s]" if "frames_seconds" in r else ""))
        finally:
            neo4j_server.stop(home)
    floor, frames, graphs = runs["floor"], runs["frames"], runs["networkx"]
    print(f"DataFrames / floor time = {frames['seconds'] / floor['seconds']:.2f}; "
          f"NetworkX (DataFrames + both graphs) / floor time = {graphs['seconds'] / floor['seconds']:.2f}; "
          f"multidigraph edges {int(graphs['multidigraph_edges']):,}, weighted pairs {int(graphs['digraph_edges']):,}")


if __name__ == "__main__":
    main()
