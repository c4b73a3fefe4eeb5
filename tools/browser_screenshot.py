"""Take the README's Neo4j Browser screenshot: a library query's graph, drawn in the project's style.

    .venv/bin/python tools/browser_screenshot.py --out docs/neo4j-browser.png

Starts a fresh local Neo4j (graph/neo4j_server.py; jars cached in .neo4j/) on free ports, loads
the bundled examples into it with ``geokg ingest examples/articles --store neo4j``, logs in to its
Browser in headless Chromium (Debian's chromium and chromium-driver), sets the query's
parameters, applies graph/style/geokg.grass, runs the query and saves its frame as a PNG; then
stops the server. With ``--http-uri`` it uses a running server instead (NEO4J_URI, NEO4J_USER,
NEO4J_PASSWORD), into which it loads the examples the same way (idempotent). The Browser is
driven by tools/neo4j_browser.py, as in the end-to-end test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph import neo4j_server as local_neo4j  # noqa: E402
from graph.queries import find_query, load_library  # noqa: E402
from tools.neo4j_browser import Neo4jBrowser, chromium_available, headless_chromium, one_line  # noqa: E402

STYLE = ROOT / "graph" / "style" / "geokg.grass"
EXAMPLES = ROOT / "examples" / "articles"
DEFAULT_QUERY = "sanctions-network"
DEFAULT_PARAMS = {"min_events": 1}
MUST_SHOW = {"European Union", "Russia"}
"""Nodes the sanctions network of the examples has: the screenshot waits until they are drawn."""


@dataclass(frozen=True)
class Server:
    """Where a Neo4j server listens and how to log in."""

    bolt_uri: str
    http_uri: str
    user: str
    password: str


@contextmanager
def fresh_server(work: Path) -> Iterator[Server]:
    """A new local Neo4j on free ports in ``work``, stopped on exit."""
    home = work / "neo4j-home"
    local_neo4j.install(home, jar_cache=ROOT / ".neo4j", progress=lambda message: print(message, file=sys.stderr))
    password = local_neo4j.DEFAULT_PASSWORD
    settings = local_neo4j.ServerSettings(home=home, bolt_port=local_neo4j.free_port(),
                                          http_port=local_neo4j.free_port(), password=password)
    info = local_neo4j.start(settings)
    try:
        yield Server(info.bolt_uri, info.http_uri, info.user, password)
    finally:
        local_neo4j.stop(home)


def load_examples(server: Server, ledger: Path) -> None:
    """``geokg ingest examples/articles --store neo4j`` into the server (its own ledger file)."""
    env = {**os.environ, "NEO4J_URI": server.bolt_uri, "NEO4J_USER": server.user, "NEO4J_PASSWORD": server.password}
    command = [sys.executable, "-m", "geokg", "ingest", str(EXAMPLES), "--store", "neo4j", "--ledger", str(ledger)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"browser_screenshot: error: geokg ingest failed: {result.stderr.strip()[-500:]}")


def screenshot(server: Server, query_name: str, out: Path, profile: Path) -> None:
    """Draw the query's graph in the server's Browser, in the project's style, and save its frame."""
    query = find_query(query_name, load_library())
    with headless_chromium(profile, width=1400, height=900) as driver:
        browser = Neo4jBrowser(driver, server.http_uri)
        browser.connect(server.user, server.password)
        for name, value in DEFAULT_PARAMS.items():
            if any(parameter.name == name for parameter in query.parameters):
                browser.set_parameter(name, value)
        browser.apply_style(STYLE.read_text(encoding="utf-8"))
        frame, graph = browser.draw(one_line(query.cypher), MUST_SHOW if query_name == DEFAULT_QUERY else set())
        out.parent.mkdir(parents=True, exist_ok=True)
        frame.screenshot(str(out))
    print(f"{out}: {query_name}, {len(graph.nodes)} nodes and {len(graph.relationships)} relationships drawn")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tools/browser_screenshot.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "neo4j-browser.png", help="the PNG to write")
    parser.add_argument("--query", default=DEFAULT_QUERY, help=f"a query of graph/queries (default {DEFAULT_QUERY})")
    parser.add_argument("--http-uri", help="use this running server's Browser (and NEO4J_URI, NEO4J_USER, "
                        "NEO4J_PASSWORD) instead of starting one")
    args = parser.parse_args(argv)
    if not chromium_available():
        print("browser_screenshot: error: needs Debian's chromium and chromium-driver "
              "(apt-get install chromium chromium-driver)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="geokg-screenshot-") as scratch:
        work = Path(scratch)
        if args.http_uri:
            server = Server(os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"), args.http_uri.rstrip("/"),
                            os.environ.get("NEO4J_USER", local_neo4j.USER),
                            os.environ.get("NEO4J_PASSWORD", local_neo4j.DEFAULT_PASSWORD))
            load_examples(server, work / "ledger.sqlite")
            screenshot(server, args.query, args.out, work / "chromium")
        else:
            with fresh_server(work) as server:
                load_examples(server, work / "ledger.sqlite")
                screenshot(server, args.query, args.out, work / "chromium")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
