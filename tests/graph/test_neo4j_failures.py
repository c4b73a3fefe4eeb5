"""Neo4j stopped in the middle of an ingestion: a clean failure, then a rerun that completes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from extract.pipeline import Extractor
from graph import neo4j_server as local_neo4j
from graph.neo4j_store import Neo4jSettings, Neo4jStore
from graph.sqlite_store import SqliteStore
from graph.store import StoreError
from loaders.ingest import Ledger, RunReport, ingest
from loaders.sources import read_inputs
from tests.held_input import HELD_ARTICLES, HeldFeed

if TYPE_CHECKING:
    from neo4j import Driver

    from tests.graph.neo4j_fixtures import Neo4jTestServer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
ARTICLES = 67  # the bundled example articles (examples/articles/README.md is not one)
PASSWORD = "geokg-failure-test"


@pytest.fixture
def own_server(tmp_path: Path, neo4j_server_jar_cache: Path) -> Iterator[local_neo4j.ServerSettings]:
    """A server of this test's own, which the test stops and starts again."""
    home = tmp_path / "neo4j"
    local_neo4j.install(home, jar_cache=neo4j_server_jar_cache)
    settings = local_neo4j.ServerSettings(home=home, bolt_port=local_neo4j.free_port(),
                                          http_port=local_neo4j.free_port(), password=PASSWORD)
    local_neo4j.start(settings)
    try:
        yield settings
    finally:
        local_neo4j.stop(home)


def test_a_stopped_server_fails_cleanly_and_a_rerun_completes(
    own_server: local_neo4j.ServerSettings, tmp_path: Path, extractor: Extractor
) -> None:
    uri = f"bolt://127.0.0.1:{own_server.bolt_port}"
    ledger = Ledger(tmp_path / "ledger.sqlite")
    articles = [a for a in read_inputs([str(EXAMPLES)])]
    store = Neo4jStore(Neo4jSettings(uri, "neo4j", PASSWORD))
    first = ingest(articles[:10], store, "neo4j:test", extractor, ledger, batch_articles=5)
    counts_before = store.counts()
    store.close()
    assert first.articles_new == 10

    local_neo4j.stop(own_server.home)
    down = Neo4jStore(Neo4jSettings(uri, "neo4j", PASSWORD))
    failed = RunReport()
    with pytest.raises(StoreError, match="not reachable"):
        ingest(articles, down, "neo4j:test", extractor, ledger, batch_articles=5, report=failed)
    down.close()
    assert failed.fatal_error is not None and "not reachable" in failed.fatal_error
    assert failed.articles_read == failed.articles_new + failed.articles_duplicate + failed.articles_failed
    assert ledger.statuses("neo4j:test")["loaded"] == 10  # nothing more was marked loaded

    local_neo4j.start(own_server)
    store = Neo4jStore(Neo4jSettings(uri, "neo4j", PASSWORD))
    assert store.counts() == counts_before  # nothing half-written while it was down
    rerun = ingest(articles, store, "neo4j:test", extractor, ledger, batch_articles=5)
    assert (rerun.articles_new, rerun.articles_duplicate) == (ARTICLES - 10, 10)
    neo4j_counts = store.counts()
    store.close()
    ledger.close()

    clean = SqliteStore(tmp_path / "clean.sqlite")
    ingest(articles, clean, "embedded:clean", extractor, Ledger(tmp_path / "clean-ledger.sqlite"))
    embedded_counts = clean.counts()
    clean.close()
    for key in ("Article", "Event", "Actor", "SUBJECT", "OBJECT", "REPORTED_IN", "ATTRIBUTED_TO", "MET"):
        assert neo4j_counts[key] == embedded_counts[key], key


def test_a_killed_neo4j_ingestion_resumes_to_the_counts_of_a_clean_run(
    neo4j_server: Neo4jTestServer, neo4j_driver: Driver, tmp_path: Path,
    killer: Callable[[subprocess.Popen[bytes], Path, int], None], example_feed: HeldFeed,
) -> None:
    env = {**os.environ, **neo4j_server.env()}
    ledger = tmp_path / "ledger.sqlite"
    command = [sys.executable, "-m", "geokg", "ingest", "--store", "neo4j", "--batch", "1", "--workers", "1",
               "--ledger", str(ledger), "--report", "json"]
    # the feed keeps its last articles back (one process extracts them as they come), so the kill
    # lands mid-run however fast the machine
    process = subprocess.Popen([*command, str(example_feed.pipe)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killer(process, ledger, 3)
    store = Neo4jStore(neo4j_server.store_settings())
    assert 3 <= store.counts()["Article"] <= ARTICLES - HELD_ARTICLES
    rerun = subprocess.run([*command, str(example_feed.file)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout.strip().splitlines()[-1])
    assert report["articles_duplicate"] >= 3 and report["articles_new"] + report["articles_duplicate"] == ARTICLES
    after_kill = store.counts()
    clean_db = tmp_path / "clean.sqlite"
    clean = subprocess.run([sys.executable, "-m", "geokg", "ingest", str(example_feed.file), "--db", str(clean_db),
                            "--ledger", str(tmp_path / "clean-ledger.sqlite")],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    embedded = SqliteStore(clean_db)
    assert after_kill == embedded.counts()
    embedded.close()
    store.close()


@pytest.mark.parametrize("uri", ["garbage", "http://127.0.0.1:7474", "bolt://neo4j:S3cret-pw@127.0.0.1:7687",
                                 "bolt://127.0.0.1:99999", "neo4j://", "bolt://[::1"])
def test_a_malformed_neo4j_uri_is_one_line_naming_the_variable(tmp_path: Path, uri: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Hungary criticized Russia.", encoding="utf-8")
    environment = {**os.environ, "NEO4J_URI": uri, "NEO4J_PASSWORD": "S3cret-pw"}
    ingest_one = ["ingest", str(article), "--store", "neo4j", "--ledger", str(tmp_path / "l.sqlite")]
    for command in (ingest_one, ["query", "meetings"], ["analyze", "summary", "--store", "neo4j"]):
        done = subprocess.run([sys.executable, "-m", "geokg", *command], cwd=tmp_path, env=environment,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 1, (command, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("geokg: error: NEO4J_URI "), (command, done.stderr)
        assert "S3cret" not in done.stderr + done.stdout


def test_a_store_error_still_ends_with_the_json_report_and_the_pass_is_recorded(
    neo4j_server: Neo4jTestServer, tmp_path: Path
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("Hungary criticized Russia.", encoding="utf-8")
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "drop"\nkind = "folder"\nevery = "1h"\npath = "{folder}"\n',
                       encoding="utf-8")
    environment = {**os.environ, **neo4j_server.env(), "NEO4J_PASSWORD": "a-wrong-password"}
    state = tmp_path / ".geokg"
    common = ["--store", "neo4j", "--ledger", str(state / "ledger.sqlite"), "--report", "json"]
    for command in (["ingest", str(folder), *common],
                    ["ingest", "--sources", str(sources), "--once", "--state", str(state / "sources.sqlite"), *common]):
        done = subprocess.run([sys.executable, "-m", "geokg", *command], cwd=tmp_path, env=environment,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 1, done.stderr
        report = json.loads(done.stdout.splitlines()[-1])
        assert "authentication failed" in report["error"], done.stdout
        assert report["articles_read"] == report["articles_new"] + report["articles_duplicate"] + \
            report.get("articles_near_duplicate", 0) + report["articles_failed"]
        assert "a-wrong-password" not in done.stdout + done.stderr and "Traceback" not in done.stderr
    (logged,) = [json.loads(line) for line in (state / "runs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert logged["ok"] is False and "authentication failed" in logged["error"]
    runs = subprocess.run([sys.executable, "-m", "geokg", "runs", "--state", str(state / "sources.sqlite"), "--json"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    (listed,) = [json.loads(line) for line in runs.stdout.splitlines()]
    assert listed["ok"] is False and "authentication failed" in listed["error"]
    table = subprocess.run([sys.executable, "-m", "geokg", "runs", "--state", str(state / "sources.sqlite")],
                           cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "store error: " in table.stdout and "authentication failed" in table.stdout
